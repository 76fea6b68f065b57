"""Read the dates that scraped date lines print, and write them as ISO 8601.

Formats read (month and weekday names in every lexicon language)::

    December 19th, 2022 at 15:44 IST     -> 2022-12-19T15:44:00+05:30
    Mon 19 Dec 2022 15.44 GMT            -> 2022-12-19T15:44:00+00:00
    Dec 20, 2022 09:00 AM EST            -> 2022-12-20T09:00:00-05:00
    19. Dezember 2022, 15:44 Uhr         -> 2022-12-19T15:44:00
    8:53 AM EST, Tue December 20, 2022   -> 2022-12-20T08:53:00-05:00
    2022-12-19T15:44:00+01:00            -> 2022-12-19T15:44:00+01:00
    19.12.2022                           -> 2022-12-19
    19.12.22                             -> 2022-12-19
    2022年12月19日 15:44                  -> 2022-12-19T15:44:00
    12/19/2022                           -> 2022-12-19

Time zones: an explicit offset ("+0530", "UTC+2", "GMT-05:00") is used as
given; an abbreviation is looked up in :data:`ZONES`. A date with a time but an
unknown or missing zone is written without an offset (local time as printed),
never guessed. A date without a time is written as a date only. Numeric dates
("19.12.2022", "19/12/2022") are read day first; with "/" they are read
month first when only that reading is a date ("12/19/2022"), and refused when
both readings are possible ("03/04/2022"), because a guess would be wrong half
the time.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import Optional

import regex

from . import lexicon
from .patterns import lazy_pattern
from .pipeline import pattern_timeout

#: Time-zone abbreviations and their UTC offsets in minutes. Abbreviations that
#: mean different zones in different places (e.g. "CST": US Central or China)
#: take the reading most common in English-language news, noted beside them.
ZONES = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "UT": 0,
    "BST": 60,  # British Summer Time
    "CET": 60, "MEZ": 60, "WAT": 60, "WEST": 60,
    "CEST": 120, "MESZ": 120, "EET": 120, "SAST": 120, "CAT": 120,
    "EEST": 180, "MSK": 180, "EAT": 180, "AST": 180,  # AST: Arabia Standard Time
    "GST": 240,  # Gulf Standard Time
    "PKT": 300,
    "IST": 330,  # India Standard Time
    "NPT": 345,
    "BDT": 360,
    "ICT": 420, "WIB": 420,
    "HKT": 480, "SGT": 480, "PHT": 480, "AWST": 480, "CST": -360,  # CST: US Central
    "JST": 540, "KST": 540,
    "ACST": 570,
    "AEST": 600,
    "AEDT": 660,
    "NZST": 720,
    "NZDT": 780,
    "EST": -300, "EDT": -240,
    "CDT": -300,
    "MST": -420, "MDT": -360,
    "PST": -480, "PDT": -420,
    "AKST": -540, "AKDT": -480,
    "HST": -600,
    "ART": -180, "BRT": -180,
}


#: A four-digit year, alone or with a clock time glued on by a rendering ("3 de mayo de 202221:25").
_YEAR = lazy_pattern(r"(?<!\d)(?:1[89]|2[01])\d\d(?:(?!\d)|(?=\d{1,2}:\d\d(?!\d)))")


@lexicon.cached
def _patterns():
    months = lexicon.alternation("months")
    weekdays = lexicon.alternation("weekdays")
    suffix = lexicon.alternation("day_suffixes")
    conn = lexicon.alternation("date_connectors")
    clock = lexicon.alternation("time_suffixes")  # "14:30 Uhr", "10:00 horas"
    # Zone abbreviations in capitals only: "17. Dezember 2019 von Jane Smith" has no zone "von".
    zone = r"(?P<zone>(?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|(?-i:[A-Z]{2,5})\b|Z\b)"
    time = (r"(?P<hour>[01]?\d|2[0-3])(?:[:.h](?P<minute>[0-5]\d))(?:[:.](?P<second>[0-5]\d))?"
            rf"(?:\s*(?P<ampm>[ap]\.?\s?m\.?))?(?:\s*{clock})?"
            r"|(?P<hour2>1[0-2]|0?[1-9])\s*(?P<ampm2>[ap]\.?\s?m\.?)")
    sep = rf"(?:\s*[,|·•\-–—]?\s*(?:{conn}\s+)*)"
    day = rf"(?P<day>[0-3]?\d)(?:\s*{suffix}\b|\.|º|°)?"
    day_b = rf"(?P<day_b>[0-3]?\d)(?:\s*{suffix}\b|\.|º|°)?"
    wd = rf"(?:(?<!\p{{L}}){weekdays}\.?,?\s+(?:{conn}\s+)*)?"
    textual = (
        rf"{wd}(?:"
        rf"(?<!\p{{L}})(?P<month>{months})\.?\s+{day}(?:,)?(?:\s+(?:{conn}\s+)*|\s*,?\s*)(?P<year>\d{{4}})"  # December 19th, 2022
        rf"|{day_b}\s*(?:{conn}\s+)?(?<!\p{{L}})(?P<month_b>{months})\.?,?\s*(?:{conn}\s+)?(?P<year_b>\d{{4}})"  # 19 Dec 2022
        rf")"
    )
    # ISO, and the year-month-day order of Chinese, Japanese and Korean ("2024年4月1日", "2024년 4월 1일").
    numeric = (r"(?P<y>\d{4})(?:-|[年년]\s*)(?P<m>[01]?\d)(?:-|[月월]\s*)(?P<d>[0-3]?\d)[日일]?"
               r"|(?P<d2>[0-3]?\d)(?P<s>[./-])(?P<sp>(?:(?<=\.) )?)(?P<m2>[0-3]?\d)(?P=s)(?P=sp)(?P<y2>\d{4})")  # "4. 2. 2022"
    # "10:48, Tue, Nov 19, 2019": some sites print the time first.
    pre_time = (r"(?:(?P<pre_hour>[01]?\d|2[0-3])[:.](?P<pre_minute>[0-5]\d)"
                r"(?:\s*(?P<pre_ampm>[ap]\.?\s?m\.?))?\s*(?P<pre_zone>(?-i:[A-Z]{2,5})\b)?\s*[,|·]?\s*)?")
    full = rf"{pre_time}(?:{textual}|{numeric})(?:(?:T|{sep})(?:{time}))?(?:\s*\(?{zone}\)?)?"
    return regex.compile(full, regex.I)


def find_date(text: str):
    """The first date in ``text``: a ``(match, iso)`` pair, or ``None``.

    >>> find_date("Updated December 19th, 2022 at 15:44 IST")[1]
    '2022-12-19T15:44:00+05:30'
    >>> find_date("Mon 19 Dec 2022 15.44 GMT")[1]
    '2022-12-19T15:44:00+00:00'
    >>> find_date("Last updated on Dec 20, 2022 09:00 AM EST")[1]
    '2022-12-20T09:00:00-05:00'
    >>> find_date("10:48, Tue, Nov 19, 2019")[1]
    '2019-11-19T10:48:00'
    >>> find_date("8:53 AM EST, Tue December 20, 2022")[1]
    '2022-12-20T08:53:00-05:00'
    >>> find_date("12/19/2022")[1], find_date("Von Jane Smith 4. 2. 2022.")[1]
    ('2022-12-19', '2022-02-04')
    >>> find_date("12/30/2019 05:03 AM EST")[1], find_date("12.30.2019")  # month first: with "/" only
    ('2019-12-30T05:03:00-05:00', None)
    >>> find_date("Schritte 1. 2. 3. und 4.") is None, find_date("1/ 2/ 2022") is None  # spaced: a year and dots only
    (True, True)
    >>> find_date("2022-12-19T14:05:00Z")[1]
    '2022-12-19T14:05:00+00:00'
    >>> find_date("2022-12-19")[1]
    '2022-12-19'
    >>> find_date("2022年12月19日 15:44")[1], find_date("2022년 12월 19일")[1]
    ('2022-12-19T15:44:00', '2022-12-19')
    >>> find_date("no date here") is None
    True
    >>> find_date("3 de mayo de 202221:25")[1], find_date("Ticket 120221:25")  # a rendering that glued the time on
    ('2022-05-03T21:25:00', None)
    >>> find_date("17. Dezember 2019 von Jane Smith")[0].group()  # "von" is no time zone
    '17. Dezember 2019'
    """
    if not _YEAR.search(text):
        return _short_date(text)  # every other format read here has a four-digit year
    for m in _matches(_patterns(), text):
        iso = _to_iso(m)
        if iso:
            return m, iso
    return None


def _matches(pattern, text: str):
    """``pattern.finditer(text)``, the pattern tried only where :func:`_starts` finds
    a place a date can start: the long pattern of month and weekday names costs
    about 3 µs a character when tried at every one (a prose line with a year in
    it took 0.4 ms), a scan for where it can start a tenth of that."""
    starts, timeout = _starts().search, pattern_timeout()
    pos = 0
    while True:
        start = starts(text, pos)
        if start is None:
            return
        # Without a timeout, no keyword: parsing one costs the regex module as much as a short match.
        m = pattern.match(text, start.start()) if timeout is None else pattern.match(text, start.start(), timeout=timeout)
        if m is None:
            pos = start.start() + 1
        else:
            yield m
            pos = max(m.end(), start.start() + 1)


@lexicon.cached
def _starts():
    """Where a date of :func:`_patterns` can start, a superset of them: a digit, any
    character outside ASCII, or (after no ASCII letter) the first letter of a month
    or weekday name with its second. The standard library's engine scans for it
    fast; all text outside ASCII is left to the full pattern, so that the two
    engines' differences in case folding cannot matter.

    >>> [m.start() for m in _starts().finditer("The Tuesday, 3 Dec")]
    [0, 4, 13, 15]
    """
    seconds = {}
    data = lexicon.data()
    for name in list(data.get("months", {})) + list(data.get("weekdays", [])):
        # A first letter whose case partner is ASCII ("K" for "k") counts as that letter.
        firsts = {c[:1] for c in (name[:1].lower(), name[:1].upper())} - {""}
        follow = name[1:2].lower()
        for first in firsts:
            if first.isascii():
                # Outside ASCII the second is always let through (below); "" stands for any.
                seconds.setdefault(first.lower(), set()).add(follow if follow.isalnum() or not follow.isascii() else "")
    names = []
    for first, follows in sorted(seconds.items()):
        if "" in follows:  # a name of one letter, or one whose second character is no plain letter
            names.append(re.escape(first))
        else:
            ascii_follows = "".join(sorted(c for c in follows if c.isascii()))
            names.append(re.escape(first) + "[" + re.escape(ascii_follows) + "\\x80-\\U0010ffff]")
    letters = "|(?<![A-Za-z])(?i:" + "|".join(names) + ")" if names else ""
    return re.compile("[0-9\\x80-\\U0010ffff]" + letters)


#: "19.10.19": day, month and a two-digit year, with full stops only (a "/" date of
#: two-digit year is as often month first); never part of a longer run of digits and
#: dots (a version "1.2.3.4", an address "10.0.1.20").
@lexicon.cached
def _short_pattern():
    conn = lexicon.alternation("date_connectors")
    clock = lexicon.alternation("time_suffixes")  # "14:30 Uhr"
    return regex.compile(rf"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>\d\d)(?!\d|\.\d)"
                         rf"(?:\s*[,|·\-–]?\s*(?:{conn}\s+)*(?P<hh>[01]?\d|2[0-3])[:.](?P<mm>[0-5]\d)(?!\d)"
                         rf"(?:\s*{clock}\b)?)?", regex.I)
#: A two-digit year up to this is 20yy, above it 19yy.
SHORT_YEAR_PIVOT = 69


def _short_date(text: str):
    """A day-first date with a two-digit year: ``(match, iso)`` or ``None``.

    >>> _short_date("Jane Smith | 06.11.23")[1], _short_date("Veröffentlicht am 19.10.19 um 14:34 Uhr")[1]
    ('2023-11-06', '2019-10-19T14:34:00')
    >>> _short_date("Version 1.2.3.4"), _short_date("31.02.21"), _short_date("Kapitel 2.11")
    (None, None, None)
    """
    if "." not in text:
        return None
    for m in _short_pattern().finditer(text, timeout=pattern_timeout()):
        yy = int(m.group("y"))
        year = 2000 + yy if yy <= SHORT_YEAR_PIVOT else 1900 + yy
        try:
            day = date(year, int(m.group("m")), int(m.group("d"))).isoformat()
        except ValueError:
            continue
        if m.group("hh"):
            return m, f"{day}T{int(m.group('hh')):02d}:{m.group('mm')}:00"
        return m, day
    return None


def parse_date(text: str) -> Optional[str]:
    """ISO 8601 for the first date in ``text``, else ``None``.

    >>> parse_date("19. Dezember 2022, 15:44 Uhr")
    '2022-12-19T15:44:00'
    >>> parse_date("Published December 19th, 2022 at 15:44 XYZT")
    '2022-12-19T15:44:00'
    """
    found = find_date(text)
    return found[1] if found else None


def _month_number(name: str) -> Optional[int]:
    return lexicon.data()["months"].get(name.casefold().rstrip("."))


def _to_iso(m) -> Optional[str]:
    g = m.groupdict()
    try:
        if g["month"] or g["month_b"]:
            month = _month_number(g["month"] or g["month_b"])
            day = int(g["day"] or g["day_b"])
            year = int(g["year"] or g["year_b"])
        elif g["y"]:
            year, month, day = int(g["y"]), int(g["m"]), int(g["d"])
        else:
            year, month, day = int(g["y2"]), int(g["m2"]), int(g["d2"])
            if g["s"] == "/" and day <= 12 and month <= 12 and day != month:
                return None  # 03/04/2022: day-first and month-first both possible
            if g["s"] == "/" and month > 12 >= day:
                day, month = month, day  # 12/19/2022: 19 cannot be a month, so it is month-first
        if month is None:
            return None
        d = date(year, month, day)
    except (TypeError, ValueError):
        return None
    if not 1900 <= d.year <= 2100:
        return None
    hour = g["hour"] or g["hour2"] or g["pre_hour"]
    if hour is None:
        return d.isoformat()
    h = int(hour)
    minute = int(g["minute"] or g["pre_minute"] or 0)
    second = int(g["second"] or 0)
    ampm = (g["ampm"] or g["ampm2"] or g["pre_ampm"] or "").replace(".", "").replace(" ", "").lower()
    if ampm == "pm" and h < 12:
        h += 12
    elif ampm == "am" and h == 12:
        h = 0
    dt = datetime(d.year, d.month, d.day, h, minute, second)
    offset = _offset(g["zone"] or g["pre_zone"])  # "8:53 AM EST, Tue December 20, 2022"
    if offset is None:
        return dt.isoformat()
    return dt.replace(tzinfo=timezone(timedelta(minutes=offset))).isoformat()


def _offset(zone: Optional[str]) -> Optional[int]:
    """Minutes east of UTC for a zone as printed, or ``None`` when unknown.

    >>> _offset("IST"), _offset("+0530"), _offset("UTC+2"), _offset("GMT-05:00"), _offset("XYZ")
    (330, 330, 120, -300, None)
    """
    if not zone:
        return None
    z = zone.replace(" ", "").upper()
    if z in ZONES:
        return ZONES[z]
    m = regex.fullmatch(r"(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?", z)
    if not m:
        return None
    minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
    if minutes > 14 * 60:
        return None
    return minutes if m.group(1) == "+" else -minutes

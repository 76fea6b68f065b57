"""date.published / date.modified / date.line / date.reading_time: lines that only carry a date.

Removes (and reads into ``date_published`` / ``date_modified``)::

    Published December 19th, 2022 at 15:44 IST
    Updated December 19th, 2022 at 15:44 IST
    Last updated on Dec 20, 2022 09:00 AM EST
    First published on Mon 19 Dec 2022 15.44 GMT
    Veröffentlicht am 19. Dezember 2022, 15:44 Uhr

a reading-time line ("5 min read", "Tempo de leitura: 2 minutos"), a bare
date line ("December 19, 2022", "20 Nov 2019 08:00 GMT"), and a line of
short parts joined by separators, one of them a date ("October 12, 2018 /
0 Comments / in Business / by admin"; every dated part is read: "Published:
19 December 2022 | Updated: 20 December 2022"). Such a line with a byline in
it ("By Jane Smith | December 19, 2022") is the byline pass's.

Keeps::

    The law was published on December 19, 2022 after a long debate in parliament.
"""
from __future__ import annotations

from typing import Iterator, List, Optional, Tuple

import regex

from .. import lexicon
from ..dates import find_date
from ..layout import under_headline
from ..model import Document, Finding
from ..names import byline_names, byline_part, dated_byline, names_beside_date
from ..patterns import lazy_pattern
from ..pipeline import pattern_timeout
from ..shape import ends_sentence, has_digit

#: A date line is short: the date plus at most this many other words
#: ("Published", "Last updated on", "|", "3 min read").
DATE_LINE_EXTRA_WORDS = 8
#: Lines longer than this are never date lines.
DATE_LINE_MAX_CHARS = 200
#: In a line of parts joined by separators ("Nov 19, 2019 / 0 Comments / by admin"),
#: each part has at most this many words.
META_PART_MAX_WORDS = 6

#: A line that only gives a reading time is short ("Tempo estimado de leitura: cerca de 12 minutos").
READING_TIME_MAX_CHARS = 60

_SEPARATOR = lazy_pattern(r"\s+[|/·•]\s+|\s*\|\s*")


@lexicon.cached
def _patterns():
    reading = lexicon.alternation("reading_time")
    return regex.compile(rf"(?:[\s,.|·•\-–—/()]|\d+\s*{reading}|{reading}\s*:?\s*\d+\s*\w*)*", regex.I)


def run(doc: Document) -> Iterator[Finding]:
    """
    >>> from cleaner.model import Document
    >>> fs = list(run(Document("Updated December 19th, 2022 at 15:44 IST")))
    >>> fs[0].rule, fs[0].field, fs[0].value
    ('date.modified', 'date_modified', '2022-12-19T15:44:00+05:30')
    >>> [f.rule for f in run(Document("October 12, 2018 / 0 Comments / in Business / by admin"))]
    ['date.line']
    """
    for ln in doc.kept_lines():
        if not has_digit(ln.text):
            continue
        text = ln.plain
        if len(text) > DATE_LINE_MAX_CHARS or not has_digit(text):
            continue
        if is_reading_time(text):
            yield Finding(ln.index, "date.reading_time", f"reading-time line {text!r}")
            continue
        if dated_byline(text) and under_headline(doc, ln.index):
            continue  # "Jane Smith | 06.11.23" under the headline: a byline, the byline pass reads it
        whole = ln.first_date  # once (a line fact: the byline pass reads it too)
        found = _date_segment(text, whole) or _dated_label_under_headline(doc, ln.index, text, whole)
        if not found:
            continue
        (kind, iso), more = found[0], found[1:]
        # "Published: 19 December 2022 | Updated: 20 December 2022": the other dates come along.
        also = tuple((_FIELD[k], d) for k, d in more)
        if kind == "mod":
            yield Finding(ln.index, "date.modified", f"'updated' date line {text!r}", "date_modified", iso, also)
        elif kind == "pub":
            yield Finding(ln.index, "date.published", f"'published' date line {text!r}", "date_published", iso,
                          also)
        else:
            yield Finding(ln.index, "date.line", f"date line {text!r}", "date_published", iso, also)


#: Right under a headline, a date with at most this many other words is the
#: article's date line ("Energie 12.12.2022, 08:30 Uhr", "Lübeck, 31. März 2003").
NEAR_HEADLINE_EXTRA_WORDS = 3
#: ... and a line that opens with the date, this many: the meta line of a blog
#: ("3. Mai 2021 Jane Doe Allgemein 2 Kommentare"), not a sentence.
DATE_FIRST_EXTRA_WORDS = 8


def _dated_label_under_headline(doc: Document, i: int, text: str, found) -> List[Tuple[str, str]]:
    """A date with a word or two beside it (a section, a place, an agency) right under
    a headline: the article's date line, read as a bare date; elsewhere such a line stays.
    ``found``: :func:`~cleaner.dates.find_date` of ``text``.

    >>> doc = Document("Council approves budget after long debate\\nPolitik 12.12.2022, 08:30 Uhr\\nText.")
    >>> _dated_label_under_headline(doc, 1, doc.lines[1].text, find_date(doc.lines[1].text))
    [('bare', '2022-12-12T08:30:00')]
    >>> doc = Document("The council met.\\nPolitik 12.12.2022, 08:30 Uhr\\nText.")
    >>> _dated_label_under_headline(doc, 1, doc.lines[1].text, find_date(doc.lines[1].text))
    []
    """
    if ends_sentence(text) or len(text.split()) > NEAR_HEADLINE_EXTRA_WORDS + 6:
        return []
    if not found:
        return []
    m, iso = found
    if text[: m.start()].rstrip().endswith((":", "：")):
        return []  # "Termin: 28.02.2020": a field whose label is not a date label (an event's date)
    if "@" in text or text[:1] in "—–―":
        return []  # "— Jane Doe (@jane) May 3, 2021": the signature of a quoted post
    rest = (text[: m.start()] + " " + text[m.end():]).strip(" ,|·•-–—/")
    # A line that opens with the date carries more: "3. Mai 2021 Jane Doe Allgemein 2 Kommentare".
    most = DATE_FIRST_EXTRA_WORDS if not text[: m.start()].strip(" *•·|") else NEAR_HEADLINE_EXTRA_WORDS
    if len(rest.split()) > most or (most == NEAR_HEADLINE_EXTRA_WORDS and has_digit(rest)):
        return []
    if not under_headline(doc, i):
        return []
    if names_beside_date(rest) or byline_part(rest) or lexicon.first_word(rest) in lexicon.first_words("byline_prefixes"):
        return []  # "Jane Smith 19.10.2019", "4.02.2022 par Jane Smith": a byline, the byline pass reads it
    return [("bare", iso)]


#: Where each kind of date goes.
_FIELD = {"mod": "date_modified", "pub": "date_published", "bare": "date_published"}


def _date_segment(text: str, found) -> List[Tuple[str, str]]:
    """``[(kind, iso), …]`` when ``text`` is a date line: the whole line, or the dated
    parts of a line of short parts joined by separators ("Nov 19, 2019 | 0 Comments");
    empty otherwise. A line of parts that holds a byline ("By Jane Smith | Nov 19,
    2019") is left to the byline pass, which records the names and the date.
    ``found``: :func:`~cleaner.dates.find_date` of ``text``."""
    whole = _date_only(text, found)
    if whole:
        return [whole]
    parts = _SEPARATOR.split(text)
    if len(parts) < 2 or any(len(p.split()) > META_PART_MAX_WORDS for p in parts):
        return []
    # A user name counts only beside the date alone ("von eseppelt · 31. Oktober 2023"); in a
    # longer line of parts ("… / 0 Comments / by admin") it is the blog's account, not a byline.
    if any(byline_names(p) or (len(parts) == 2 and byline_part(p)) for p in parts):
        return []
    return [dated for dated in (_date_only(p, find_date(p)) for p in parts) if dated]


def _date_only(text: str, found) -> Optional[Tuple[str, str]]:
    """``(kind, iso)`` when ``text`` is a date with at most a label and a reading time;
    ``found``: :func:`~cleaner.dates.find_date` of ``text``."""
    if not found:
        return None
    m, iso = found
    before, after = text[: m.start()], text[m.end():]
    if len(before.split()) + len(after.split()) > DATE_LINE_EXTRA_WORDS:
        return None
    kind = date_label(before)
    if kind is None:
        return None
    if not _patterns().fullmatch(after, timeout=pattern_timeout()) and not _repeat(after, iso):
        return None  # words after the date that are not a reading time: a line in the body
    return kind, iso


def _repeat(after: str, iso: str) -> bool:
    """The same day printed again right after it ("21. Januar 202221. Januar 2022": a
    renderer joined the visible date and its machine-readable twin), or after a label
    ("… , aktualisiert am 3. Januar 2020", "05:34 h Atualizado em 4 de maio de 2022, 05:35").

    >>> _repeat("21. Januar 2022", "2022-01-21"), _repeat(" and the budget", "2022-01-21")
    (True, False)
    >>> _repeat(" | Updated: 20 December 2022", "2022-12-19")  # another date: the parts are read one by one
    False
    """
    found = find_date(after)
    return bool(found) and found[1][:10] == iso[:10] and date_label(after[: found[0].start()]) is not None \
        and bool(_patterns().fullmatch(after[found[0].end():], timeout=pattern_timeout()))


def date_label(before: str) -> Optional[str]:
    """What the words before a date say: "mod" (Updated), "pub" (Published), "bare"
    (nothing), or ``None`` when they are not a date label.

    >>> date_label("Last updated on "), date_label("Published: "), date_label(""), date_label("The law of ")
    ('mod', 'pub', 'bare', None)
    """
    text = before.strip(" \t|·•-–—/")
    weekdays = lexicon.phrase_set("weekdays")
    words = text.split()
    while words and words[-1].strip(",.").casefold() in weekdays:
        words.pop()  # "Freitag, 04.02.2022": the weekday belongs to the date
    text = " ".join(words).strip(" \t|·•-–—/,")
    if not text:
        return "bare"
    found = [(m[1], kind) for kind, m in (("mod", lexicon.match_prefix("date_modified", text)),
                                          ("pub", lexicon.match_prefix("date_published", text))) if m]
    connectors = lexicon.phrase_set("date_connectors")
    if not found:
        # "am 4. Februar 2022", "le 3 mars 2021": a connector alone opens a date line.
        return "bare" if all(w.strip(":：,").casefold() in connectors for w in text.split()) else None
    end, kind = max(found)
    rest = [w.strip(":：,") for w in text[end:].split()]
    return kind if all(not w or w.casefold() in connectors for w in rest) else None


@lexicon.cached
def _reading_time_line():
    phrase = lexicon.alternation("reading_time")
    about = lexicon.alternation("approximately")  # "ca. 5 min", "environ 3 minutes"
    number = rf"(?:~|{about})?\s*\d{{1,3}}(?:\s*[-–]\s*\d{{1,3}})?"
    unit = r"(?:\s*[^\W\d]\w{0,9}\.?)?"
    return regex.compile(rf"\W*(?:{phrase}\s*:?\s*{number}{unit}|{number}\s*{phrase}){unit}\W*", regex.I)


def is_reading_time(text: str) -> bool:
    """A line that only gives the reading time, in any lexicon language.

    >>> is_reading_time("5 Min Read"), is_reading_time("Tempo de leitura: 2 minutos"), is_reading_time("12 min")
    (True, True, False)
    """
    return len(text) <= READING_TIME_MAX_CHARS and bool(_reading_time_line().fullmatch(text, timeout=pattern_timeout()))

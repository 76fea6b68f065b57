"""date.published / date.modified / date.line: lines that only carry a date.

Removes (and reads into ``date_published`` / ``date_modified``)::

    Published December 19th, 2022 at 15:44 IST
    Updated December 19th, 2022 at 15:44 IST
    Last updated on Dec 20, 2022 09:00 AM EST
    First published on Mon 19 Dec 2022 15.44 GMT
    Veröffentlicht am 19. Dezember 2022, 15:44 Uhr

a bare date line ("December 19, 2022", "20 Nov 2019 08:00 GMT"), and a line of
short parts joined by separators, one of them a date ("October 12, 2018 /
0 Comments / in Business / by admin").

Keeps::

    The law was published on December 19, 2022 after a long debate in parliament.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator, Optional, Tuple

import regex

from .. import lexicon
from ..dates import find_date
from ..model import Document, Finding

#: A date line is short: the date plus at most this many other words
#: ("Published", "Last updated on", "|", "3 min read").
DATE_LINE_EXTRA_WORDS = 8
#: Lines longer than this are never date lines.
DATE_LINE_MAX_CHARS = 200
#: In a line of parts joined by separators ("Nov 19, 2019 / 0 Comments / by admin"),
#: each part has at most this many words.
META_PART_MAX_WORDS = 6

_DIGIT = regex.compile(r"\d")
_SEPARATOR = regex.compile(r"\s+[|/·•]\s+|\s*\|\s*")


@lru_cache(maxsize=None)
def _patterns():
    pub = lexicon.alternation("date_published")
    mod = lexicon.alternation("date_modified")
    reading = lexicon.alternation("reading_time")
    conn = lexicon.alternation("date_connectors")
    lead = regex.compile(rf"[\W_]*(?:(?P<mod>{mod})|(?P<pub>{pub}))\b[\s:]*(?:{conn}\b[\s:]*)*",
                         regex.I)
    rest = regex.compile(rf"(?:[\s,|·•\-–—/()]|\d+\s*{reading}|{reading}\s*:?\s*\d+\s*\w*)*", regex.I)
    return lead, rest


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
        text = ln.text
        if len(text) > DATE_LINE_MAX_CHARS or not _DIGIT.search(text):
            continue
        found = _date_segment(text)
        if found is None:
            continue
        kind, iso = found
        if kind == "mod":
            yield Finding(ln.index, "date.modified", f"'updated' date line {text!r}", "date_modified", iso)
        elif kind == "pub":
            yield Finding(ln.index, "date.published", f"'published' date line {text!r}", "date_published", iso)
        else:
            yield Finding(ln.index, "date.line", f"date line {text!r}", "date_published", iso)


def _date_segment(text: str) -> Optional[Tuple[str, str]]:
    """``(kind, iso)`` when ``text`` is a date line: the whole line, or one part of a
    line of short parts joined by separators ("Nov 19, 2019 | 0 Comments")."""
    whole = _date_only(text)
    if whole:
        return whole
    parts = _SEPARATOR.split(text)
    if len(parts) < 2 or any(len(p.split()) > META_PART_MAX_WORDS for p in parts):
        return None
    for part in parts:
        found = _date_only(part)
        if found:
            return found
    return None


def _date_only(text: str) -> Optional[Tuple[str, str]]:
    """``(kind, iso)`` when ``text`` is a date with at most a label and a reading time."""
    found = find_date(text)
    if not found:
        return None
    m, iso = found
    before, after = text[: m.start()], text[m.end():]
    if len(before.split()) + len(after.split()) > DATE_LINE_EXTRA_WORDS:
        return None
    lead, rest = _patterns()
    label = lead.fullmatch(before, timeout=1.0) if before.strip(" \t|·•-–—/") else None
    if before.strip(" \t|·•-–—/") and not label:
        return None
    if not rest.fullmatch(after, timeout=1.0):
        return None  # words after the date that are not a reading time: a line in the body
    if label and label.group("mod"):
        return "mod", iso
    return ("pub" if label else "bare"), iso

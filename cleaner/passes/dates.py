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
    reading = lexicon.alternation("reading_time")
    return regex.compile(rf"(?:[\s,|·•\-–—/()]|\d+\s*{reading}|{reading}\s*:?\s*\d+\s*\w*)*", regex.I)


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
    kind = _label(before)
    if kind is None:
        return None
    if not _patterns().fullmatch(after, timeout=1.0):
        return None  # words after the date that are not a reading time: a line in the body
    return kind, iso


def _label(before: str) -> Optional[str]:
    """What the words before a date say: "mod" (Updated), "pub" (Published), "bare"
    (nothing), or ``None`` when they are not a date label.

    >>> _label("Last updated on "), _label("Published: "), _label(""), _label("The law of ")
    ('mod', 'pub', 'bare', None)
    """
    text = before.strip(" \t|·•-–—/")
    if not text:
        return "bare"
    found = [(m[1], kind) for kind, m in (("mod", lexicon.match_prefix("date_modified", text)),
                                          ("pub", lexicon.match_prefix("date_published", text))) if m]
    if not found:
        return None
    end, kind = max(found)
    connectors = lexicon.phrase_set("date_connectors")
    rest = [w.strip(":：,") for w in text[end:].split()]
    return kind if all(not w or w.casefold() in connectors for w in rest) else None

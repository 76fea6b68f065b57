"""date.published / date.modified / date.line: lines that only carry a date.

Removes (and reads into ``date_published`` / ``date_modified``)::

    Published December 19th, 2022 at 15:44 IST
    Updated December 19th, 2022 at 15:44 IST
    Last updated on Dec 20, 2022 09:00 AM EST
    First published on Mon 19 Dec 2022 15.44 GMT
    Veröffentlicht am 19. Dezember 2022, 15:44 Uhr

and a bare date line ("December 19, 2022") in the article's head, before the
first paragraph of prose.

Keeps::

    The law was published on December 19, 2022 after a long debate in parliament.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator

import regex

from .. import lexicon
from ..dates import find_date
from ..model import Document, Finding
from ..shape import is_prose

#: A date line is short: the date plus at most this many other words
#: ("Published", "Last updated on", "|", "3 min read").
DATE_LINE_EXTRA_WORDS = 8


@lru_cache(maxsize=None)
def _patterns():
    pub = lexicon.alternation("date_published")
    mod = lexicon.alternation("date_modified")
    reading = lexicon.alternation("reading_time")
    conn = lexicon.alternation("date_connectors")
    lead = regex.compile(rf"[\W_]*(?:(?P<mod>{mod})|(?P<pub>{pub}))\b[\s:]*(?:{conn}\b[\s:]*)*",
                         regex.I | regex.V1)
    rest = regex.compile(rf"(?:[\s,|·•\-–—/()]|\d+\s*{reading}|{reading}\s*:?\s*\d+\s*\w*)*", regex.I | regex.V1)
    return lead, rest


def run(doc: Document) -> Iterator[Finding]:
    """
    >>> from cleaner.model import Document
    >>> fs = list(run(Document("Updated December 19th, 2022 at 15:44 IST")))
    >>> fs[0].rule, fs[0].field, fs[0].value
    ('date.modified', 'date_modified', '2022-12-19T15:44:00+05:30')
    """
    lead, rest = _patterns()
    in_head = True
    for ln in doc.kept_lines():
        text = ln.text
        if len(text) > 200:
            in_head = in_head and not is_prose(text)
            continue
        found = find_date(text)
        if not found:
            in_head = in_head and not is_prose(text)
            continue
        m, iso = found
        before, after = text[: m.start()], text[m.end():]
        if len(before.split()) + len(after.split()) > DATE_LINE_EXTRA_WORDS:
            in_head = in_head and not is_prose(text)
            continue
        label = lead.fullmatch(before, timeout=1.0) if before.strip() else None
        if before.strip() and not label:
            continue
        if not rest.fullmatch(after, timeout=1.0):
            # Words after the date that are not a reading time: a line in the body.
            continue
        if label and label.group("mod"):
            yield Finding(ln.index, "date.modified", f"'updated' date line {text!r}", "date_modified", iso)
        elif label:
            yield Finding(ln.index, "date.published", f"'published' date line {text!r}", "date_published", iso)
        elif in_head:
            yield Finding(ln.index, "date.line", f"bare date line in the article head {text!r}",
                          "date_published", iso)


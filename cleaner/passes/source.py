"""source.line: a line that credits the story's sources or agencies.

Removes (sources go to ``sources``)::

    source: commonspace.eu with BBC    -> commonspace.eu, BBC
    Source: Reuters                    -> Reuters
    With inputs from PTI               -> PTI
    (With inputs from agencies)        -> agencies
    Quelle: dpa                        -> dpa

Keeps::

    The source of the leak was not disclosed.
    Sources said the talks had stalled.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator

import regex

from .. import lexicon
from ..model import Document, Finding

#: A source line names at most this many words of sources.
SOURCE_MAX_WORDS = 10


@lru_cache(maxsize=None)
def _patterns():
    prefix = lexicon.alternation("source_prefixes")
    joiners = lexicon.alternation("source_joiners")
    # "Source:" needs its colon; "With inputs from" reads as a label without one.
    line = regex.compile(
        rf"[\[(]?\s*(?:(?P<prefix>{prefix})\s*(?P<colon>[:：])|(?P<phrase>{prefix}\s+(?=\S)))\s*(?P<value>.+?)\s*[\])]?\.?",
        regex.I)
    split = regex.compile(rf"\s*(?:,|;|/|\||\b{joiners}\b)\s*", regex.I)
    return line, split


def run(doc: Document) -> Iterator[Finding]:
    """
    >>> from cleaner.model import Document
    >>> [f.value for f in run(Document("source: commonspace.eu with BBC\\nThe source was not named."))]
    [['commonspace.eu', 'BBC']]
    """
    line, split = _patterns()
    starts = lexicon.first_words("source_prefixes")
    for ln in doc.kept_lines():
        if ln.words > SOURCE_MAX_WORDS + 5 or ln.first_word not in starts:
            continue
        m = line.fullmatch(ln.text, timeout=1.0)
        if not m:
            continue
        if m.group("phrase") and len(m.group("phrase").split()) < 2:
            continue  # a one-word label ("Source", "Via") needs its colon
        value = m.group("value")
        if len(value.split()) > SOURCE_MAX_WORDS:
            continue
        items = [s.strip(" .") for s in split.split(value, timeout=1.0) if s.strip(" .")]
        if items:
            yield Finding(ln.index, "source.line", f"source line {ln.text!r}", "sources", items)

"""source.line: a line that credits the story's sources or agencies.

Removes (sources go to ``sources``)::

    source: commonspace.eu with BBC    -> commonspace.eu, BBC
    Source: Reuters                    -> Reuters
    With inputs from PTI               -> PTI
    (With inputs from agencies)        -> agencies
    Quelle: dpa                        -> dpa
    This article originally appeared on The Conversation. -> The Conversation

Keeps::

    The source of the leak was not disclosed.
    Sources said the talks had stalled.
    Courtesy of the family, the photographs were shown at the funeral.
"""
from __future__ import annotations

from typing import Iterator

import regex

from .. import lexicon
from ..model import Document, Finding
from ..pipeline import pattern_timeout

#: A source line names at most this many words of sources.
SOURCE_MAX_WORDS = 10
#: One source ("Ministry of Defence", "The Conversation") has at most this many
#: words; a longer part is a clause ("Courtesy of the family, the photographs
#: were shown …"), and the line is a sentence, not a source line.
SOURCE_ITEM_MAX_WORDS = 5


@lexicon.cached
def _splitter():
    joiners = lexicon.alternation("source_joiners")
    return regex.compile(rf"\s*(?:,|;|/|\||\b{joiners}\b)\s*", regex.I)


@lexicon.cached
def _leading_preposition():
    """The preposition (``source_prepositions``) a label phrase without a colon leaves
    before the name ("This article originally appeared on The Conversation")."""
    return regex.compile(rf"{lexicon.alternation('source_prepositions')}\s+(?=\S)", regex.I)


def run(doc: Document) -> Iterator[Finding]:
    """
    >>> from cleaner.model import Document
    >>> [f.value for f in run(Document("source: commonspace.eu with BBC\\nThe source was not named."))]
    [['commonspace.eu', 'BBC']]
    """
    starts = lexicon.first_words("source_prefixes")
    for ln in doc.kept_lines():
        if ln.words > SOURCE_MAX_WORDS + 5 or ln.first_word not in starts:
            continue
        label = lexicon.match_label("source_prefixes", ln.plain)  # "Source" and "Via" need their colon
        if label is None:
            continue
        _, rest, colon = label
        value = rest.lstrip().lstrip(":：").strip().rstrip(".").rstrip(")]").strip()
        if not value:
            continue
        if len(value.split()) > SOURCE_MAX_WORDS:
            continue
        if not colon:
            value = _leading_preposition().sub("", value, count=1)
        # _splitter() here, not before the loop: compiling it is 5 M instructions that a
        # document without a source line (most of them) never needs.
        items = [s.strip(" .") for s in _splitter().split(value, timeout=pattern_timeout()) if s.strip(" .")]
        if items and all(len(item.split()) <= SOURCE_ITEM_MAX_WORDS for item in items):
            yield Finding(ln.index, "source.line", f"source line {ln.text!r}", "sources", items)

"""ads.marker: a line that only marks an advertisement slot.

Removes::

    Advertisement
    ADVERTISEMENT
    Advertisement - Continue Reading Below
    Story continues below advertisement
    - Advertisement -
    Anzeige

Keeps::

    A government advertisement campaign ran on television.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator

import regex

from .. import lexicon
from ..model import Document, Finding

RULE = "ads.marker"


@lru_cache(maxsize=None)
def _pattern():
    ad = lexicon.alternation("ad_markers")
    # One or more markers joined by dashes, pipes or colons: "Advertisement - Continue Reading Below",
    # set off by any decoration that is not a word: "- Advertisement -", "[Ad]", "*** ADVERTISEMENT ***".
    return regex.compile(rf"[\W_]*{ad}[\])]?(?:\s*[-–—:|·/]?\s*[\[(]?{ad}[\])]?)*[\W_]*", regex.I)


def run(doc: Document) -> Iterator[Finding]:
    """
    >>> from cleaner.model import Document
    >>> [f.line for f in run(Document("Advertisement\\nAn advertisement ran on TV."))]
    [0]
    """
    pattern = _pattern()
    starts = lexicon.first_words("ad_markers")
    for line in doc.kept_lines():
        if line.first_word in starts and pattern.fullmatch(line.text, timeout=1.0):
            yield Finding(line.index, RULE, f"ad marker line {line.text!r}")

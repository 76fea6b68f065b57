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

from typing import Iterator

import regex

from .. import lexicon
from ..model import Document, Finding

RULE = "ads.marker"


#: What joins several markers on one line ("Advertisement - Continue Reading Below")
#: and sets a marker off ("- Advertisement -", "[Ad]", "*** ADVERTISEMENT ***").
_JOINERS = regex.compile(r"\s+[\-–—.]+\s+|\s*[:|·/\[\]()*#~=_•…]+\s*|^[\s\-–—.]+|[\s\-–—.]+$")


def is_marker(text: str) -> bool:
    """True when ``text`` is nothing but ad markers and decoration.

    >>> is_marker("Advertisement - Continue Reading Below"), is_marker("*** ADVERTISEMENT ***")
    (True, True)
    >>> is_marker("Advertisement campaigns ran on TV")
    False
    """
    markers = lexicon.phrase_set("ad_markers")
    chunks = [c for c in _JOINERS.split(text.casefold().replace("’", "'")) if c]
    return bool(chunks) and all(c in markers for c in chunks)


def run(doc: Document) -> Iterator[Finding]:
    """
    >>> from cleaner.model import Document
    >>> [f.line for f in run(Document("Advertisement\\nAn advertisement ran on TV."))]
    [0]
    """
    starts = lexicon.first_words("ad_markers")
    for line in doc.kept_lines():
        if line.first_word in starts and is_marker(line.text):
            yield Finding(line.index, RULE, f"ad marker line {line.text!r}")

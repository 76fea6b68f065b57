"""ads.marker / ads.disclosure: ad-slot markers, and the site's own advertising or affiliate disclosures.

An affiliate or advertising disclosure ("This post contains affiliate links",
"Für Links auf dieser Seite erhalten wir eine Provision vom Händler") is the
site talking about its own business, not the story: a line of up to
:data:`DISCLOSURE_MAX_WORDS` words holding a phrase of the lexicon's
``disclosures`` (written so that the site speaks: "we may earn a commission",
"dieser Beitrag enthält Werbung", never a bare "affiliate links").

Removes::

    Advertisement
    ADVERTISEMENT
    Advertisement - Continue Reading Below
    Story continues below advertisement
    - Advertisement -
    Anzeige
    Disclosure: this post contains affiliate links, and we may earn a commission if you buy through them.
    *Werbung. Dieser Beitrag enthält Werbung für eine Modemarke.
    Bei den mit * gekennzeichneten Links handelt es sich um Affiliate-Links.

Keeps::

    A government advertisement campaign ran on television.
    Consumer groups want affiliate links on comparison sites to be labelled more clearly.
    The retailer said it may earn a commission on every sale, which critics called a conflict of interest.
    Verbraucherschützer fordern, dass Affiliate-Links deutlicher gekennzeichnet werden.
"""
from __future__ import annotations

from typing import Iterator

from .. import lexicon
from ..model import Document, Finding
from ..patterns import lazy_pattern
from .cta import QUOTE_MARKS

RULE = "ads.marker"
DISCLOSURE = "ads.disclosure"
#: A disclosure is a note, not a paragraph of the article: at most this many words
#: (a long one also explains the policy: "… Amazon Product Advertising API").
DISCLOSURE_MAX_WORDS = 60


#: What joins several markers on one line ("Advertisement - Continue Reading Below")
#: and sets a marker off ("- Advertisement -", "[Ad]", "*** ADVERTISEMENT ***").
_JOINERS = lazy_pattern(r"\s+[\-–—.]+\s+|\s*[:|·/\[\]()*#~=_•…]+\s*|^[\s\-–—.]+|[\s\-–—.]+$")


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
        elif (line.words <= DISCLOSURE_MAX_WORDS and not line.text.startswith(tuple(QUOTE_MARKS))
              and lexicon.might_contain("disclosures", line.text, line.word_set)
              and lexicon.finds("disclosures", line.folded, line.word_set)):
            yield Finding(line.index, DISCLOSURE, f"advertising or affiliate disclosure {line.text[:60]!r}")

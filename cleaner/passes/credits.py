"""credits.image / credits.caption: image and photo credit lines.

Removes (short credits go to ``image_credits``)::

    Image: AP | Image:self          -> AP, self
    photo: EPA                      -> EPA
    (Image: Getty)                  -> Getty
    Image credit: PTI               -> PTI
    Photograph: Jane Doe/Reuters    -> Jane Doe/Reuters
    Foto: dpa                       -> dpa

A longer ``Photo: …`` line, or one that describes the picture rather than
naming who took it ("Pictured: the old bridge before the storm", see
:func:`names_someone`), is a caption: removed, no credit recorded. A
caption that ends in its credit ("… on Monday (Image: Getty)") is removed
and its credit recorded; so is a line naming only photo agencies
("Getty Images", "AFP/Getty Images"), a caption ending in an agency after a
separator ("… on Monday. Jane Doe / AP file"), and a line opening with a
caption label ("Image caption …", "Image copyright …").

Keeps::

    A photo published by the ministry showed the site.
    Reuters reported the figures on Monday.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator

import regex

from .. import lexicon
from ..model import Document, Finding

#: A credit names an agency or a photographer: at most this many words.
CREDIT_MAX_WORDS = 8
#: A credit has at most this many lower-case words besides the words that join
#: names ("Jane Doe, staff photographer" has two); a caption describes a scene
#: ("Pictured: the old bridge before the storm" has four).
CREDIT_MAX_COMMON_WORDS = 2
#: Lower-case words that join the parts of a credit ("AFP via Getty Images",
#: "Jane Doe for The Daily Example") or of a name ("Ana de la Cruz").
NAME_JOINERS = frozenset("and & / for via of the by from de del della di da das do dos du la le van von der "
                         "y e i et und".split())
#: A caption line ("Photo: Protesters gather …") is removed up to this many words.
CAPTION_MAX_WORDS = 60


@lru_cache(maxsize=None)
def _patterns():
    label = lexicon.alternation("credit_labels")
    segment = rf"[\[(]?\s*{label}(?:\s+(?:credit|credits|source))?\s*[:：]\s*(?P<value>[^|;]*)"
    whole = regex.compile(rf"{segment}(?:\s*[|;]\s*{segment})*", regex.I)
    one = regex.compile(segment, regex.I)
    # "… the site on Monday (Image: Getty)" / "… Credit: Getty Images": a caption ending in its credit.
    trailing = regex.compile(rf"\S.*?[\s(\[]+(?:{label})(?:\s+(?:credit|credits))?\s*[:：]\s*(?P<value>[^():|]{{1,60}}?)\s*[)\]]?",
                             regex.I)
    agencies = lexicon.alternation("photo_agencies")
    agency_line = regex.compile(rf"[\W_]*{agencies}(?:\s*[/,;|]\s*{agencies})*[\W_]*", regex.I)
    # "… the Capitol on Monday. J. Scott Applewhite / AP file", "Natalie Naccache | Bloomberg | Getty Images"
    agency_tail = regex.compile(rf"\S.*?\s[/|]\s*(?P<value>(?:[^/|]{{1,40}}[/|]\s*)?{agencies}(?:\s+(?:file|photo|images?))?)\s*\)?",
                                regex.I)
    prefix = regex.compile(rf"{lexicon.alternation('caption_prefixes')}\b\s*(?P<value>\S.*)", regex.I)
    return whole, one, trailing, agency_line, agency_tail, prefix


def names_someone(value: str) -> bool:
    """True when ``value`` reads as a credit (an agency, a photographer), not a caption.

    >>> names_someone("Jane Doe/Reuters"), names_someone("Jane Doe, staff photographer"), names_someone("self")
    (True, True, True)
    >>> names_someone("the old bridge before the storm")
    False
    """
    words = value.split()
    common = [w for w in words if w[:1].islower() and w.casefold() not in NAME_JOINERS]
    return len(words) <= CREDIT_MAX_WORDS and len(common) <= CREDIT_MAX_COMMON_WORDS


def run(doc: Document) -> Iterator[Finding]:
    """
    >>> from cleaner.model import Document
    >>> [f.value for f in run(Document("Image: AP | Image:self"))]
    [['AP', 'self']]
    """
    whole, one, trailing, agency_line, agency_tail, prefix = _patterns()
    agency_starts = lexicon.first_words("photo_agencies")
    caption_starts = lexicon.first_words("caption_prefixes")
    for ln in doc.kept_lines():
        if ln.words > CAPTION_MAX_WORDS:
            continue
        text = ln.text
        colon = ":" in text or "：" in text
        if ln.words <= CREDIT_MAX_WORDS and ln.first_word in agency_starts and agency_line.fullmatch(text, timeout=1.0):
            yield Finding(ln.index, "credits.image", f"photo agency credit {ln.text!r}", "image_credits",
                          [ln.text.strip(" ()[]")])
            continue
        if not (colon and whole.fullmatch(text, timeout=1.0)):
            m = ((colon and trailing.fullmatch(text, timeout=1.0))
                 or (("/" in text or "|" in text) and agency_tail.fullmatch(text, timeout=1.0)))
            if m and m.group("value").strip(" .") and len(m.group("value").split()) <= CREDIT_MAX_WORDS:
                yield Finding(ln.index, "credits.caption", f"image caption ending in its credit {ln.text[:60]!r}",
                              "image_credits", [m.group("value").strip(" .")])
            elif ln.first_word in caption_starts and prefix.match(text, timeout=1.0):
                yield Finding(ln.index, "credits.caption", f"labelled caption or copyright {ln.text[:60]!r}")
            continue
        values = [m.group("value").strip(" .,()[]") for m in one.finditer(ln.text, timeout=1.0)]
        credits = [v for v in values if v and names_someone(v)]
        if credits and len(credits) == len([v for v in values if v]):
            yield Finding(ln.index, "credits.image", f"image credit line {ln.text!r}", "image_credits", credits)
        elif any(values):
            yield Finding(ln.index, "credits.caption", f"labelled image caption {ln.text[:60]!r}")

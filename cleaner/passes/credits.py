"""credits.image / credits.caption: image and photo credit lines.

Removes (short credits go to ``image_credits``)::

    Image: AP | Image:self          -> AP, self
    photo: EPA                      -> EPA
    (Image: Getty)                  -> Getty
    Image credit: PTI               -> PTI
    Photograph: Jane Doe/Reuters    -> Jane Doe/Reuters
    Foto: dpa                       -> dpa
    Photo by Jane Doe on Unsplash   -> Jane Doe on Unsplash

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
    Photo by photo, the exhibition grew to fill the hall.
    Reuters reported the figures on Monday.
"""
from __future__ import annotations

from typing import Iterator

from .. import lexicon
from ..model import Document, Finding
from ..patterns import lazy_pattern

#: A credit names an agency or a photographer: at most this many words.
CREDIT_MAX_WORDS = 8
#: A credit has at most this many lower-case words besides the words that join
#: names ("Jane Doe, staff photographer" has two); a caption describes a scene
#: ("Pictured: the old bridge before the storm" has four).
CREDIT_MAX_COMMON_WORDS = 2
#: A caption line ("Photo: Protesters gather …") is removed up to this many words.
CAPTION_MAX_WORDS = 60


_SEGMENTS = lazy_pattern(r"\s*[|;]\s*")
_AGENCY_PARTS = lazy_pattern(r"\s*[/,;|]\s*")
_AGENCY_TAIL = lazy_pattern(r"\s[/|]\s*")
_EDGE = " \t()[]{}.,:;-–—*•"


def _is_label(label: str) -> bool:
    """True when ``label`` (the words before a colon) names an image credit or caption.

    >>> _is_label("(Image"), _is_label("Photo credit"), _is_label("Source")
    (True, True, False)
    """
    words = lexicon.fold(label.strip(_EDGE)).split()
    if words and words[-1] in lexicon.phrase_set("credit_label_suffixes"):  # "Photo credit", "Image source"
        words = words[:-1] if " ".join(words) not in lexicon.phrase_set("credit_labels") else words
    return bool(words) and " ".join(words) in lexicon.phrase_set("credit_labels")


def labelled_values(text: str):
    """The values of ``LABEL: value`` segments when every segment of ``text`` has a credit label.

    >>> labelled_values("Image: AP | Image:self"), labelled_values("Source: Reuters")
    (['AP', 'self'], None)

    An abbreviated label ends in its own full stop: ``Fot. PAP``.

    >>> labelled_values("Fot. PAP"), labelled_values("Dr. Smith arrived on Monday")
    (['PAP'], None)
    """
    values = []
    for segment in _SEGMENTS.split(text):
        label, colon, value = segment.replace("：", ":").partition(":")
        if not colon:
            label, dot, value = segment.partition(". ")
            if not dot or label.strip().casefold() + "." not in lexicon.phrase_set("credit_labels"):
                return None
        elif not _is_label(label):
            return None
        values.append(value.strip(_EDGE))
    return values


def trailing_credit(text: str):
    """The credit at the end of a caption: "… on Monday (Image: Getty)", "… Credit: Getty Images".

    >>> trailing_credit("Protesters gather outside parliament (Image: GETTY )")
    'GETTY'
    >>> trailing_credit("Rats in the old mill Credit: Jane Doe/Reuters")
    'Jane Doe/Reuters'
    """
    head, colon, value = text.replace("：", ":").rpartition(":")
    value = value.strip().rstrip(")]").strip(_EDGE)
    if not colon or not value or len(value) > 60 or any(c in value for c in "():|"):
        return None
    # The label is the last one to three words before the colon, inside the
    # bracket if there is one; a caption must stand before it.
    caption, bracket, label_zone = head.rpartition("(")
    if not bracket:
        caption, label_zone = "", head
    words = label_zone.split()
    for n in range(1, min(3, len(words)) + 1):
        if _is_label(" ".join(words[-n:])) and (caption.strip() or len(words) > n):
            return value
    return None


def is_agency(text: str) -> bool:
    """
    >>> is_agency("AFP/Getty Images"), is_agency("AP file"), is_agency("Apple")
    (True, True, False)
    """
    agencies = lexicon.phrase_set("photo_agencies")
    suffixes = lexicon.phrase_set("agency_suffixes")  # words after an agency's name: "AP file"
    parts = [lexicon.fold(p.strip(_EDGE)) for p in _AGENCY_PARTS.split(text.strip(_EDGE))]
    for i, part in enumerate(parts):
        words = part.split()
        while words and words[-1] in suffixes and " ".join(words) not in agencies:
            words = words[:-1]
        parts[i] = " ".join(words)
    return bool(parts) and all(p in agencies for p in parts)


def agency_tail(text: str):
    """The agency that ends a caption after a separator: "… Jane Doe / AP file"."""
    parts = _AGENCY_TAIL.split(text)
    if len(parts) < 2:
        return None
    last = parts[-1].strip(_EDGE)
    return last if last and is_agency(last) else None


def names_someone(value: str) -> bool:
    """True when ``value`` reads as a credit (an agency, a photographer), not a caption.

    >>> names_someone("Jane Doe/Reuters"), names_someone("Jane Doe, staff photographer"), names_someone("self")
    (True, True, True)
    >>> names_someone("the old bridge before the storm")
    False
    """
    words = value.split()
    joiners = _name_words()
    common = [w for w in words if w[:1].islower() and w.casefold() not in joiners]
    return len(words) <= CREDIT_MAX_WORDS and len(common) <= CREDIT_MAX_COMMON_WORDS


@lexicon.cached
def _name_words() -> frozenset:
    """Lower-case words a credit holds besides a caption's: "AFP via Getty Images",
    "Jane Doe and John Roe", "Ana de la Cruz" (``credit_name_words``, ``name_joiners``,
    ``name_particles``)."""
    return lexicon.phrase_set("credit_name_words") | lexicon.phrase_set("name_joiners") \
        | lexicon.phrase_set("name_particles")


def by_credit(text: str):
    """The credit of a "LABEL by NAME" line ("Photo by Jane Doe on Unsplash").

    >>> by_credit("Photo by Jane Doe on Unsplash"), by_credit("Photograph by Ed Marsh, Example Trust")
    ('Jane Doe on Unsplash', 'Ed Marsh, Example Trust')
    >>> by_credit("Photo by photo, the exhibition grew to fill the hall."), by_credit("Standing by the door")
    (None, None)
    """
    # The label and its joiner are among the first four words: the rest is split only for a credit.
    head = text.split(None, 4)
    joiners = lexicon.phrase_set("credit_joiners")
    for n in range(1, min(3, len(head) - 1) + 1):
        if head[n].casefold() in joiners and _is_label(" ".join(head[:n])):
            value = " ".join(text.split()[n + 1:]).strip(_EDGE)
            if value and not text.rstrip().endswith(".") and names_someone(value):
                return value
            return None
    return None


def run(doc: Document) -> Iterator[Finding]:
    """
    >>> from cleaner.model import Document
    >>> [f.value for f in run(Document("Image: AP | Image:self"))]
    [['AP', 'self']]
    """
    agency_starts = lexicon.first_words("photo_agencies")
    caption_starts = lexicon.first_words("caption_prefixes")
    max_words = lexicon.threshold("credits.caption_max_words")  # CAPTION_MAX_WORDS unless a rule file sets it
    for ln in doc.kept_lines():
        if ln.words > max_words:
            continue
        text = ln.plain
        colon = ":" in text or "：" in text
        if ln.words <= CREDIT_MAX_WORDS and ln.first_word in agency_starts and is_agency(text):
            yield Finding(ln.index, "credits.image", f"photo agency credit {ln.text!r}", "image_credits",
                          [ln.text.strip(" ()[]")])
            continue
        by = by_credit(text) if not colon and ln.words <= CREDIT_MAX_WORDS + 3 else None
        if by:
            yield Finding(ln.index, "credits.image", f"image credit line {ln.text!r}", "image_credits", [by])
            continue
        values = labelled_values(text) if colon or ". " in text[:8] else None
        if values is None:
            credit = ((colon and trailing_credit(text))
                      or (("/" in text or "|" in text) and agency_tail(text)))
            # ``text`` is the plain reading: its first word is the line's unless Markdown changed it.
            first = ln.first_word if text is ln.text else lexicon.first_word(text)
            prefix = lexicon.match_prefix("caption_prefixes", text) if first in caption_starts else None
            if credit and len(credit.split()) <= CREDIT_MAX_WORDS:
                yield Finding(ln.index, "credits.caption", f"image caption ending in its credit {ln.text[:60]!r}",
                              "image_credits", [credit])
            elif prefix and text[prefix[1]:].strip():
                yield Finding(ln.index, "credits.caption", f"labelled caption or copyright {ln.text[:60]!r}")
            continue
        credits = [v for v in values if v and names_someone(v)]
        if credits and len(credits) == len([v for v in values if v]):
            yield Finding(ln.index, "credits.image", f"image credit line {ln.text!r}", "image_credits", credits)
        elif any(values):
            yield Finding(ln.index, "credits.caption", f"labelled image caption {ln.text[:60]!r}")

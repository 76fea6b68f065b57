"""tags.line: a line that lists the article's tags or categories.

Blogs and news sites print the article's topics under it ("Tags: …",
"Filed under: …", "Schlagwörter: …", "Catégories : …"). The line is page
furniture, but what it lists says what the article is about: the terms go to
``tags`` or ``categories``, each once, not to ``related`` (they are not
headlines of other articles).

Removes::

    Tags: Floods, Assam, Monsoon                     -> Floods, Assam, Monsoon
    Filed under: Politics | Local government         -> Politics, Local government
    Schlagwörter: Bahn, Streik, GDL                  -> Bahn, Streik, GDL
    Topics: [Floods](/tag/floods) [Weather](/tag/weather)   -> Floods, Weather

Keeps::

    Topics covered at the meeting included the budget and the new school.
    Tags: the council says the cost of the new bridge will be shared by three towns.
"""
from __future__ import annotations

from typing import Iterator, List, Optional, Tuple

from .. import lexicon, markdown
from ..model import Document, Finding
from ..patterns import lazy_pattern

RULE = "tags.line"

#: A term is a name or a short phrase; a longer piece is a sentence, and the
#: line is body ("Tags: the council says …").
TERM_MAX_WORDS = 5
#: A tag line longer than this is a paragraph that happens to start with the word.
LINE_MAX_WORDS = 60

_TERM_SEPARATORS = lazy_pattern(r"\s*[,;|·•/]\s*|\s+[-–—]\s+")
_EDGE = " .:：-–—\"'“”‘’()[]*#"


def _label(text: str) -> Optional[Tuple[str, str]]:
    """(field, rest of the line) when ``text`` opens with a tag or category label
    (see :func:`cleaner.lexicon.match_label`: "Tags" needs its colon, so "Topics
    covered …" is a sentence; "Filed under" says enough on its own)."""
    for key, name in (("tag_labels", "tags"), ("category_labels", "categories")):
        found = lexicon.match_label(key, text)
        if found is not None and (found[2] or found[1][:1] in (" ", "")):
            return name, found[1]
    return None


def terms(text: str) -> Optional[List[str]]:
    """The terms of a tag list, or ``None`` when ``text`` is not one.

    >>> terms(" Floods, Assam | Monsoon ")
    ['Floods', 'Assam', 'Monsoon']
    >>> terms(" the council says the cost of the bridge will be shared.") is None
    True
    """
    out = []
    for part in _TERM_SEPARATORS.split(text):
        part = part.strip(_EDGE)
        if not part:
            continue
        words = len(part.split())
        if words > TERM_MAX_WORDS or (part[0].islower() and words > 2):
            return None
        out.append(part)
    return out or None


def run(doc: Document) -> Iterator[Finding]:
    """
    >>> from cleaner.model import Document
    >>> [(f.field, f.value) for f in run(Document("Body.\\nTags: Floods, Assam"))]
    [('tags', ['Floods', 'Assam'])]
    """
    starts = lexicon.first_words("tag_labels") | lexicon.first_words("category_labels")
    for ln in doc.kept_lines():
        if ln.first_word not in starts or ln.words > LINE_MAX_WORDS:
            continue
        found = _label(ln.plain.lstrip(_EDGE))
        if found is None:
            continue
        name, rest = found
        if "](" in ln.text:
            # Markdown links: each link is one term, whatever separates them.
            links = [m.group(1).strip(_EDGE) for m in markdown.LINK.finditer(markdown.IMAGE.sub("", ln.text))]
            values = [v for v in links if v and len(v.split()) <= TERM_MAX_WORDS] or None
        else:
            values = terms(rest)
        if values:
            yield Finding(ln.index, RULE, f"{name} line {ln.text[:60]!r}", name, values)

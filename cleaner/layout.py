"""Layout predicates several passes share: how lines of a page sit together.

They describe the text, not a pass's decision: whether the text is
hard-wrapped and a line goes on with the sentence above it
(:func:`wrap_width`, :func:`continues`), whether a line heads a teaser block
(:func:`is_heading`), whether a headline stands right above a line
(:func:`under_headline`), whether a Markdown line is links only
(:func:`is_link_line`), images only (:func:`is_image_line`) or a heading's
underline (:func:`is_underline`). They live here so that a pass that needs one does
not import another pass for it.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Optional, Tuple

from . import lexicon
from .dates import find_date
from .markdown import IMAGE as _IMAGE
from .markdown import LINK as _LINK
from .model import Document, Line
from .patterns import lazy_pattern
from .shape import ends_sentence, headline_candidate

#: What opens a line that goes on with the sentence above it: punctuation that
#: starts no sentence, or a space and a lower-case word (a renderer that prints
#: each inline element on its own line keeps the space before the next word).
_CONT_START = lazy_pattern(r"[,.;:)!?’”]|\s[a-z]")
_CONT_FIRST = frozenset(",.;:)!?’”")  # a cheap test before the pattern

#: Hard-wrapped text (lynx and w3m dumps, html2text's default, mail): paragraphs
#: broken into lines of at most a fixed width, between these (a page of short
#: menu lines is not wrapped text) ...
WRAP_MIN_WIDTH, WRAP_MAX_WIDTH = 60, 200
#: ... so that lines pile up within :data:`WRAP_SLACK` characters under the
#: width (the next word did not fit): at least this share of all lines ...
WRAP_MIN_SHARE = 0.08
WRAP_SLACK = 20
#: ... and this many times as many as the lines longer than the width that
#: could have been broken. A wrapper lets a line run long only for a token it
#: cannot break (a long link, with at most a bullet and an indent beside it:
#: :data:`WRAP_UNBROKEN_REST` characters); unwrapped text has paragraphs of every length.
WRAP_EDGE_RATIO = 4
WRAP_UNBROKEN_REST = 10
#: Wrapping breaks sentences, so at least this share of the lines at the width
#: go on with a lower-case word on the next line. Teaser headlines cut to one
#: length by a site also pile up under a width, but each starts a new line with a
#: capital. (Scripts without case never pass: their text is read unwrapped.)
WRAP_MIN_LOWER_SHARE = 0.15
#: Fewer lines than this tell nothing about wrapping.
WRAP_MIN_LINES = 10


def wrap_width(doc: Document) -> Optional[int]:
    """The width the text is hard-wrapped at, or ``None`` when it is not wrapped.

    >>> from cleaner.model import Document
    >>> line = "the council approved the budget on Monday after a long debate over"
    >>> wrap_width(Document("\\n".join([line] * 12))), wrap_width(Document("\\n".join(["Home"] * 12)))
    (66, None)
    >>> wrap_width(Document("\\n".join([line.capitalize()] * 12)))  # headlines of one length
    """
    if "wrap_width" not in doc.memo:
        doc.memo["wrap_width"] = _wrap_width(doc)
    return doc.memo["wrap_width"]


def _wrap_width(doc: Document) -> Optional[int]:
    top = WRAP_MAX_WIDTH + 1
    raws = [ln.raw.rstrip() for ln in doc.lines if not ln.blank]
    total = len(raws)
    if total < WRAP_MIN_LINES:
        return None
    counts = [0] * (top + 1)  # lines by length, the longest ones in the last slot
    for raw in raws:
        counts[min(len(raw), top)] += 1
    upto = [0] * (top + 1)  # lines of at most each length
    running = 0
    for n in range(top + 1):
        running += counts[n]
        upto[n] = running
    need = WRAP_MIN_SHARE * total
    # The width is the length of the longest lines that were broken, with enough lines just under it.
    near = {w: upto[w] - upto[w - WRAP_SLACK - 1] for w in range(WRAP_MIN_WIDTH, WRAP_MAX_WIDTH + 1)
            if counts[w] and upto[w] - upto[w - WRAP_SLACK - 1] >= need}
    if not near:
        return None  # most unwrapped pages stop here, before the costlier test below
    shortest = min(near)
    breakable = sorted(len(raw) for raw in raws if len(raw) > shortest
                       and len(raw.strip()) - max(map(len, raw.split())) > WRAP_UNBROKEN_REST)
    best, best_near = None, 0
    for width, count in near.items():
        longer = len(breakable) - bisect_right(breakable, width)
        if count > best_near and count >= WRAP_EDGE_RATIO * longer:
            best, best_near = width, count
    if best is None:
        return None
    at_width = lowered = 0
    lines = doc.lines
    for i in range(len(lines) - 1):
        if not lines[i].blank and best - WRAP_SLACK <= len(lines[i].raw.rstrip()) <= best:
            at_width += 1
            lowered += lines[i + 1].text[:1].islower()
    return best if lowered >= WRAP_MIN_LOWER_SHARE * at_width else None


def continues(doc: Document, i: int, width: Optional[int]) -> bool:
    """True when line ``i + 1`` goes on with the sentence of line ``i``.

    In hard-wrapped text, a line that reaches the wrap width goes on below. A
    renderer that prints each inline element on its own line ("get_text('\\n')")
    leaves a space at the end of the line before a link, or starts the text
    after it with a comma or a lower-case word.
    """
    a, b = doc.lines[i], doc.lines[i + 1]
    if a.blank or b.blank:
        return False
    if width is not None and len(a.raw.rstrip()) >= width - WRAP_SLACK:
        return True
    if not ((a.raw.endswith(" ") and not a.raw.endswith("  "))
            or ((b.raw[:1] in _CONT_FIRST or b.raw[:1].isspace()) and _CONT_START.match(b.raw))):
        return False
    return not ends_sentence(a.text)


#: A heading line ("More from Sport") has at most this many words.
HEADING_MAX_WORDS = 6


def is_heading(line: Line) -> bool:
    """True for a line that heads a teaser block.

    >>> from cleaner.model import Document
    >>> [is_heading(ln) for ln in Document("Related articles\\nMore from Sport\\nPopular support grew.").lines]
    [True, True, False]
    """
    # Both tables in one look-up: this runs on every line, in both boundary runs.
    headings, heads = _heading_tables()
    if line.folded in headings:
        return True
    if line.words > HEADING_MAX_WORDS or line.first_word not in heads:
        return False
    return not line.text.endswith(".") and lexicon.match_prefix("related_heading_prefixes", line.text) is not None


@lexicon.cached
def _heading_tables():
    """The whole-line headings and the first words of the heading prefixes, for :func:`is_heading`."""
    return lexicon.phrase_set("related_headings"), lexicon.first_words("related_heading_prefixes")


#: A name printed without "By" beside a date is a byline only this close under
#: a headline-shaped line (non-blank lines): further down it is a comment's.
NAME_NEAR_HEADLINE = 3


def under_headline(doc: Document, i: int) -> bool:
    """True when a headline-shaped kept line stands within a few non-blank lines above line ``i``."""
    j = i
    seen = 0
    while seen < NAME_NEAR_HEADLINE:
        j = doc.prev_nonblank(j, kept_only=False)
        if j is None:
            return False
        if doc.removed_by(j, "credits", "date", "byline", "ads"):
            continue  # a photo credit or another part of the byline block: look above it
        if doc.kept(j) and headline_candidate(doc.lines[j].plain) and not find_date(doc.lines[j].text):
            return True
        seen += 1
    return False


#: A line with links keeps its place only when more than this many of its words
#: stand outside link text ("Markets:", "Mutual funds:" or "3 hours ago" beside a
#: list of links is a label; a sentence around a link has more words of its own) ...
MAX_OTHER_WORDS = 3
#: ... and those words are at least this share of its link words: a long menu
#: with a few labels between the links is still a menu.
MIN_OTHER_SHARE = 0.25

_WORD = lexicon._WORDS  # the same ``\w+`` pattern (as model.py reads it): compiled once, not twice


def split_words(text: str) -> Tuple[int, int, int]:
    """(links and images, words of their text, words outside them) of a line.

    Link text counts what a reader sees: an image's alt text, not its address.

    >>> split_words("Markets: [Stocks](/stocks) [Bonds](/bonds)")
    (2, 2, 1)
    >>> split_words("[ ![Flood zone](https://img.example/1.jpg) ](https://example.com/a)")
    (2, 2, 0)
    >>> split_words("The chart ![growth](c.png) shows growth in all regions.")
    (1, 1, 7)
    """
    no_images, images = _IMAGE.subn(r" \1 ", text)
    visible, links = _LINK.subn(r" \1 ", no_images)
    outside = _LINK.sub(" ", _IMAGE.sub(" ", text))
    other = len(_WORD.findall(outside))
    return links + images, len(_WORD.findall(visible)) - other, other


def is_link_line(line: Line) -> bool:
    """True when ``line`` is Markdown links and images with at most a label beside them.

    >>> from cleaner.model import Line
    >>> is_link_line(Line(0, "", "* [Home](/) * [World](/world)"))
    True
    >>> is_link_line(Line(0, "", "The minister said on [Monday](/m) that the dam would hold."))
    False
    """
    text = line.text
    if "](" not in text:
        return False
    links, inside, outside = split_words(text)
    if not links:
        return False
    return outside <= MAX_OTHER_WORDS or outside < MIN_OTHER_SHARE * inside


def is_image_line(line: Line) -> bool:
    """True when ``line`` is Markdown images only, no link around them: a figure of the
    article as often as a logo of the page. A renderer that prints text only shows nothing there.

    >>> from cleaner.model import Line
    >>> is_image_line(Line(0, "", "![A flooded street](https://img.example/1.jpg)"))
    True
    >>> is_image_line(Line(0, "", "[![Minister visits flood zone](/1.jpg)](/a)"))  # a linked image: a teaser
    False
    >>> is_image_line(Line(0, "", "The chart ![growth](c.png) shows growth."))
    False
    """
    text = line.text
    return text.startswith("![") and "](" in text and not _IMAGE.sub("", text).strip()


#: A Setext heading's underline ("=====" or "-----" under the heading's text, as
#: Markdown scrapers write ``<h1>`` and ``<h2>``) has at least this many marks.
UNDERLINE_MIN_CHARS = 3


def is_underline(doc: Document, i: int) -> bool:
    """True when line ``i`` is a row of "=" or "-" right under a line of text: the
    Markdown form of a heading above it, not a line of its own.

    >>> from cleaner.model import Document
    >>> doc = Document("How it works\\n------------\\n\\n-----\\nText")
    >>> is_underline(doc, 1), is_underline(doc, 3)
    (True, False)
    """
    text = doc.lines[i].text
    return (len(text) >= UNDERLINE_MIN_CHARS and text[0] in "=-" and text == text[0] * len(text)
            and i > 0 and not doc.lines[i - 1].blank)

"""boundary.before / boundary.after: the page around the article.

Scraped text is often every visible line of a page: menus, section lists and
teaser rails before the article, related links, comments and footers after
it. This pass finds the article as the stretch of the page where prose is
densest, from the text alone:

1. Each non-blank line gets a score (:func:`line_score`): prose paragraphs
   score by their length; short lines, link-list lines and lines the lexicon
   passes already removed score below zero.
2. The article is the contiguous stretch with the largest total score (the
   maximum-sum segment), so a long run of menu lines separates it from prose
   elsewhere on the page while a subheading inside it does not.
3. The lines before and after it are removed, but only where they hold
   evidence of page furniture (:data:`MIN_CUT_EVIDENCE`): a tidy article that
   opens with a short line loses nothing. The headline right above the
   article stays for the title pass.

Removes::

    Home
    World
    Politics
    Sports
    (the article)
    Most Popular Articles
    Arizona Development Bans Residents From Bringing Cars

Keeps::

    Could Russia renew its invasion of Ukraine from Belarus?   (a subheading inside the article)
"""
from __future__ import annotations

from typing import Iterator, List, Optional, Tuple

import regex

from ..model import Document, Finding
from ..shape import ends_sentence, headline_shaped

#: A removed (boilerplate) line counts this much against the stretch it is in.
REMOVED_LINE_SCORE = -3.0
#: A short line with no sentence punctuation (a menu item, a link) scores this.
SHORT_LINE_SCORE = -3.0
#: Lines up to this many words without sentence punctuation are "short".
SHORT_MAX_WORDS = 6
#: A headline-shaped line (up to 30 words, no final full stop) scores this:
#: teaser titles look like that, and so do subheadings, which sit inside the
#: article and are kept there anyway.
HEADLINE_LINE_SCORE = -1.0
#: A prose line scores its word count times this; one without sentence
#: punctuation scores half.
PROSE_WEIGHT = 1.0
#: Lines outside the article are cut only when their scores sum to at most
#: this (about two menu lines): otherwise there is no furniture to cut.
MIN_CUT_EVIDENCE = -6.0
#: The headline is looked for among this many non-blank lines above the article.
HEADLINE_LOOKBACK = 12

_LOWER_WORD = regex.compile(r"(?<!\S)\p{Ll}")


def line_score(doc: Document, i: int) -> float:
    """How much line ``i`` looks like article prose (positive) or page furniture (negative).

    >>> from cleaner.model import Document
    >>> doc = Document("World\\nThe council approved the budget on Monday after a long debate.")
    >>> line_score(doc, 0), line_score(doc, 1)
    (-3.0, 12.0)
    """
    if i in doc.findings:
        return REMOVED_LINE_SCORE
    text = doc.lines[i].text
    words = len(text.split())
    sentence = ends_sentence(text) or text.endswith((":", '"', "”", "»"))
    if words <= SHORT_MAX_WORDS and not sentence:
        return SHORT_LINE_SCORE
    if not sentence and headline_shaped(text):
        return HEADLINE_LINE_SCORE
    return words * PROSE_WEIGHT * (1.0 if sentence else 0.5)


def best_segment(scores: List[Tuple[int, float]]) -> Optional[Tuple[int, int]]:
    """Positions (first, last) of the maximum-sum run of ``scores`` (Kadane).

    >>> best_segment([(0, -3), (1, 10), (2, -1), (3, 8), (4, -3), (5, -3), (6, 2)])
    (1, 3)
    """
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for pos, (_, s) in enumerate(scores):
        if total <= 0:
            total, start = 0.0, pos
        total += s
        if total > best:
            best, best_span = total, (start, pos)
    return best_span


def run(doc: Document) -> Iterator[Finding]:
    nonblank = [ln.index for ln in doc.lines if not ln.blank]
    scores = [(i, line_score(doc, i)) for i in nonblank]
    span = best_segment(scores)
    if span is None:
        return
    first, last = span
    head = scores[:first]
    tail = scores[last + 1:]
    if head and sum(s for _, s in head) <= MIN_CUT_EVIDENCE:
        keep = _headline_above(doc, [i for i, _ in head])
        for i, _ in head:
            if i != keep and doc.kept(i):
                yield Finding(i, "boundary.before", "page furniture before the article")
    if tail and sum(s for _, s in tail) <= MIN_CUT_EVIDENCE:
        for i, _ in tail:
            if doc.kept(i):
                yield Finding(i, "boundary.after", "page furniture after the article")


def _headline_above(doc: Document, head: List[int]) -> Optional[int]:
    """The headline among the last lines before the article, if one is there."""
    candidates = [i for i in head[-HEADLINE_LOOKBACK:] if doc.kept(i) and headline_shaped(doc.lines[i].text)]
    if not candidates:
        return None
    page_title = doc.lines[head[0]].text.casefold() if head else ""
    for i in reversed(candidates):
        t = doc.lines[i].text.casefold()
        if len(t) > 15 and page_title.startswith(t):
            return i  # the page's <title> line starts with it
    return candidates[-1] if _LOWER_WORD.search(doc.lines[candidates[-1]].text) or True else None

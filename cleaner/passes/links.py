"""links.only: a Markdown line that is nothing but links and images.

Scrapers that write Markdown (html2text, markdownify and the crawl tools built
on them) keep every link of the page as ``[text](url)``. Menus, tag lists,
share bars and teaser rails then become lines whose words all sit inside link
brackets, while a paragraph of the article has a link or two in running text.
This is the link density that HTML extractors measure, read off the Markdown.

Removes::

    * [Home](/) * [World](/world) * [Sports](/sports)
    [ ![Minister visits flood zone](https://img.example/1.jpg) ](https://example.com/a)
    Markets: [Stocks](/stocks) [Bonds](/bonds) [Currencies](/fx)
    [](https://twitter.com/share?url=x)

Keeps::

    The minister said on [Monday](https://example.com/m) that the dam would hold.
    Read the [full report](https://example.com/r) before the vote, she said.
"""
from __future__ import annotations

from typing import Iterator, Tuple

import regex

from ..markdown import IMAGE as _IMAGE
from ..markdown import LINK as _LINK
from ..model import Document, Finding, Line

RULE = "links.only"

#: A line with links keeps its place only when more than this many of its words
#: stand outside link text ("Markets:", "Mutual funds:" or "3 hours ago" beside a
#: list of links is a label; a sentence around a link has more words of its own) ...
MAX_OTHER_WORDS = 3
#: ... and those words are at least this share of its link words: a long menu
#: with a few labels between the links is still a menu.
MIN_OTHER_SHARE = 0.25

_WORD = regex.compile(r"\w+")


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


def run(doc: Document) -> Iterator[Finding]:
    """
    >>> from cleaner.model import Document
    >>> doc = Document("* [Home](/) * [World](/world)\\nThe dam held, [officials](/o) said on Monday.")
    >>> [f.line for f in run(doc)]
    [0]
    """
    for line in doc.kept_lines():
        if is_link_line(line):
            yield Finding(line.index, RULE, "Markdown line of links and images only (a menu, tag list or teaser)")

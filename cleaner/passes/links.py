"""links.only: a Markdown line that is nothing but links and images.

Scrapers that write Markdown (html2text, markdownify and the crawl tools built
on them) keep every link of the page as ``[text](url)``. Menus, tag lists,
share bars and teaser rails then become lines whose words all sit inside link
brackets, while a paragraph of the article has a link or two in running text.
This is the link density that HTML extractors measure, read off the Markdown
(:func:`cleaner.layout.is_link_line`, which the boundary and title passes ask too).

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

from typing import Iterator

from ..layout import is_link_line
from ..model import Document, Finding

RULE = "links.only"

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

"""markup.tags: a line of raw HTML tags with no text between them.

A scrape of a page's visible text sometimes carries a few lines of the page's
markup: an ad pixel inside ``<noscript>``, an embed's ``<iframe>``, a stray
comment. A line made only of tags shows a reader nothing, whatever stands
around it. It runs first, so that no later pass reads such a line as a
headline or as part of the article's shape.

Removes::

    <noscript><img height="1" width="1" src="https://ads.example.net/p"/></noscript>
    <iframe src="https://player.example.com/v/123"></iframe>
    <!-- ad slot 3 --><div id="slot-3"></div>

Keeps::

    Use the <br> tag to break a line, the guide says.
    <b>Council</b> approves budget after long debate
    Temperatures stay < 5 degrees and > 0 at night.
"""
from __future__ import annotations

from typing import Iterator

from ..model import Document, Finding, Line
from ..patterns import lazy_pattern
from ..pipeline import pattern_timeout

RULE = "markup.tags"

#: A whole line of HTML tags and comments: at least one, only spaces between them.
_MARKUP_ONLY = lazy_pattern(r"\s*(?:(?:<!--.*?-->|</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>)\s*)+")


def is_markup_line(line: Line) -> bool:
    """True when ``line`` is only HTML tags (and comments), with no text a reader would see.

    >>> is_markup_line(Line(0, "", '<noscript><img src="p.gif"/></noscript>'))
    True
    >>> is_markup_line(Line(0, "", "<b>Council</b> approves budget"))
    False
    >>> is_markup_line(Line(0, "", "Use <br> to break a line."))
    False
    """
    text = line.text
    return text.startswith("<") and text.endswith(">") and _MARKUP_ONLY.fullmatch(text, timeout=pattern_timeout()) is not None


def run(doc: Document) -> Iterator[Finding]:
    """
    >>> doc = Document('<noscript><img src="p.gif"/></noscript>\\nThe dam held, officials said.')
    >>> [(f.line, f.rule) for f in run(doc)]
    [(0, 'markup.tags')]
    """
    for line in doc.kept_lines():
        if is_markup_line(line):
            yield Finding(line.index, RULE, "a line of HTML tags only, no text (markup left in a scrape)")

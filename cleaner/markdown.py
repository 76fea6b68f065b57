"""Markdown read as plain text: what a reader sees of a line that a Markdown scraper wrote.

Scrapers that write Markdown (html2text, markdownify) keep links as
``[text](url)``, images as ``![alt](src)``, headings as ``# Title`` and list
items as ``* item``. The body keeps that markup as it came (the output holds
only input text); the metadata a pass reads off a line (a title, a byline's
names, a teaser's headline) is taken from its plain reading.

>>> plain("## [Storm season starts early](https://example.com/s)")
'Storm season starts early'
>>> plain("By ![](https://img.example/jane.jpg) [Jane Smith](/authors/jane) | **Nov 19, 2019**")
'By Jane Smith | Nov 19, 2019'
>>> plain("[Play the video](javascript:play\\\\('clip1'\\\\)) or read [Mercury](/wiki/Mercury_(planet))")
'Play the video or read Mercury'
>>> plain("A line with no markup stays as it is.")
'A line with no markup stays as it is.'
"""
from __future__ import annotations

from .patterns import lazy_pattern

#: The address part of a link or image: no spaces; parentheses escaped as
#: html2text writes them (``javascript:play\\('a'\\)``) or balanced, one deep
#: (``/wiki/Mercury_(planet)``); an optional "title".
_TARGET = r'\((?:[^()\s\\]|\\.|\([^()\s]*\))*(?:\s+"[^"]*")?\)'
#: ``![alt](src "title")``: an image.
IMAGE = lazy_pattern(r"!\[([^\[\]]*)\]" + _TARGET)
#: ``[text](href "title")``: a link whose text holds no image (read images first).
LINK = lazy_pattern(r"\[([^\[\]]*)\]" + _TARGET)
#: ``**strong**`` and ``__strong__``; the text inside holds no ``*`` (``_``), so a
#: line of unclosed markers is read in linear time.
_STRONG = lazy_pattern(r"\*\*(?=[^\s*])([^*]+?)(?<=\S)\*\*|__(?=[^\s_])([^_]+?)(?<=\S)__")
#: What opens a heading, a quote or a list item: "## ", "> ", "* ", "+ ".
_LEAD = lazy_pattern(r"^(?:#{1,6}|>|[*+])\s+")
_SPACES = lazy_pattern(r"\s+")


def has_markup(text: str) -> bool:
    """Cheap test: can ``text`` hold Markdown that :func:`plain` would change?"""
    return "](" in text or "**" in text or "__" in text or text[:1] in "#>*+"


def plain(text: str) -> str:
    """``text`` with its Markdown links, images, emphasis and line markers read as plain text."""
    if not has_markup(text):
        return text
    if "](" in text:
        text = LINK.sub(r"\1", IMAGE.sub("", text))
    if "**" in text or "__" in text:
        text = _STRONG.sub(lambda m: m.group(1) or m.group(2), text)
    text = _LEAD.sub("", text.strip())
    return _SPACES.sub(" ", text).strip()

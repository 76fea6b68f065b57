"""Whether input with markup in it is HTML or text: counting its tags, on how many lines.

The rule is :func:`looks_like_html`'s (step 5 of :mod:`cleaner.ingest`'s
order). Split from :mod:`cleaner.ingest` so that input without a ``<`` in its
first :data:`~cleaner.ingest.SAMPLE_CHARS` characters (most plain text)
neither compiles nor imports it (issue 14: start-up).
"""
from __future__ import annotations

from typing import List, NamedTuple

import regex

from .ingest import SAMPLE_CHARS
from .patterns import lazy_pattern

#: Input is HTML when markup (tags, comments, scripts and styles) makes up at
#: least this share of its first :data:`SAMPLE_CHARS` characters: "most of the
#: bytes". On the development sets the texts hold at most 4%.
MARKUP_MOST = 0.5
#: ... unless the markup sits on at most this share of the non-blank lines: a
#: text with one long line of raw markup in it (an inline ``data:`` image of
#: 20 kB) is still a text. The development HTML pages have markup on 30% of
#: their lines or more (most on nearly all).
FEW_MARKUP_LINES = 0.25
#: A doctype or ``<html>``/``<head>``/``<body>`` tag that starts a line but not
#: the input (an HTTP header or a stray line above it) makes a document when
#: markup is at least this share: ten times what any development text holds.
#: A text quoting an HTML example has far less.
DOCUMENT_MARKUP_SHARE = 0.2
#: An HTML fragment without document tags ("<p>One</p>\n<p>Two</p>"): at least
#: this many tags, on at least :data:`FRAGMENT_LINE_SHARE` of the non-blank
#: lines. A text with a few raw HTML lines (ad markup, a tracking pixel) has
#: them on a few of its lines (on the development texts, at most 4%).
FRAGMENT_MIN_TAGS = 5
FRAGMENT_LINE_SHARE = 0.5
#: HTML input "also reads as text" (:func:`reads_as_text`) when the lines that
#: hold no markup are at least as many as the lines that do, and carry at
#: least this many words: a scrape with some raw HTML lines, not a page of markup.
TEXT_MIN_WORDS = 10
#: The patterns below are compiled on first use (:func:`~cleaner.patterns.lazy_pattern`).
_HTML_START = lazy_pattern(r"\A\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                            regex.I | regex.S)
#: A document tag at the start of a line: where a page has it, after an HTTP header say.
_DOCUMENT_LINE = lazy_pattern(r"^[ \t]*<(?:!doctype\s+html|html|head|body)\b", regex.I | regex.M)
#: One piece of markup: a comment, a script or style element (its content is
#: found by :func:`_markup`), a doctype, or a tag ("<b>", "</p>", "<img src=…/>").
#: Not "<3", "a < b" or "<https://example.com>" (a scheme is followed by ":").
_MARKUP = lazy_pattern(r"<(?:!--|(script|style)\b[^<>]*>|!doctype\b[^<>]*>|/?[A-Za-z][A-Za-z0-9-]*(?:[\s/][^<>]*)?>)",
                        regex.I)
#: Stands for one piece of markup in the masked sample :func:`_markup` builds.
_MASK = "\x00"


def looks_like_html(text: str) -> bool:
    """HTML by content: a document, markup making up most of the input, or tags on most lines.

    A document starts with a doctype or an ``<html>``/``<head>``/``<body>`` tag
    (after comments or an XML declaration), or has one at the start of a line
    with markup around it (:data:`DOCUMENT_MARKUP_SHARE`). A text holding a
    few raw HTML lines (ad markup, a tracking pixel) is text.

    >>> looks_like_html("<!DOCTYPE html><p>x</p>"), looks_like_html("Use <b> for bold in HTML.")
    (True, False)
    >>> looks_like_html("<p>One</p>\\n<p>Two <b>bold</b></p>\\n<p>Three</p>")
    True
    >>> scrape = ("Council approves budget\\n" + '<noscript><img src="https://ads.example/p.gif"/></noscript>\\n' * 6
    ...           + "The council approved the budget on Monday after a long debate.\\n" * 12)
    >>> looks_like_html(scrape)
    False
    >>> looks_like_html('<noscript><img src="https://ads.example/p.gif"/></noscript>\\n' * 3
    ...                 + "Council approves budget\\n\\nThe council approved the budget on Monday.\\n\\nRates rise in April.\\n")
    False
    """
    sample = text[:SAMPLE_CHARS]
    if "<" not in sample:
        return False  # no markup: no tag, no share of markup; every test below fails, and needs no pattern
    if _HTML_START.match(text[:4096]):
        return True
    m = _markup(sample)
    lines = m.markup_lines + m.text_lines
    if m.share >= DOCUMENT_MARKUP_SHARE and _DOCUMENT_LINE.search(sample):
        return True
    if _reads_as_text(m):  # not a document, and most lines are words without markup
        return False
    if m.share >= MARKUP_MOST and m.markup_lines > FEW_MARKUP_LINES * lines:
        return True
    return m.tags >= FRAGMENT_MIN_TAGS and m.markup_lines >= FRAGMENT_LINE_SHARE * lines


def reads_as_text(text: str) -> bool:
    """True when input taken for HTML also reads as plain text: half of its
    non-blank lines or more hold no markup, and those lines carry words
    (:data:`TEXT_MIN_WORDS`). Lines inside scripts, styles and comments count
    as markup.

    ``clean()`` uses it when HTML extraction gives no body: such an input is
    cleaned as text instead, with a warning.

    >>> reads_as_text('<div><img src="x.gif"></div>\\nThe council approved the budget on Monday.\\n'
    ...               'Residents will see the new rates in April.')
    True
    >>> reads_as_text("<html><head><style>\\np { color: red }\\n</style></head>\\n<body><p>Hi</p></body></html>")
    False
    """
    return _reads_as_text(_markup(text[:SAMPLE_CHARS]))


def _reads_as_text(m) -> bool:
    return m.text_words >= TEXT_MIN_WORDS and m.text_lines >= m.markup_lines


class _Markup(NamedTuple):
    """What :func:`_markup` counts in a sample (a named tuple: a dataclass costs
    about ten times as much to define, at every start-up)."""

    share: float  # markup characters over the characters of the stripped sample
    tags: int  # pieces of markup
    markup_lines: int  # non-blank lines holding markup
    text_lines: int  # non-blank lines holding none
    text_words: int  # words on the lines holding none


def _markup(sample: str) -> _Markup:
    """Count the markup of ``sample``: tags, comments, and scripts and styles with their content.

    One left-to-right scan: an unclosed comment, script or style runs to the
    end of the sample.

    >>> m = _markup("<p>Hi <b>there</b></p>\\n<script>\\nvar a = 1;\\n</script>\\nplain words here")
    >>> m.tags, m.markup_lines, m.text_lines, m.text_words
    (5, 2, 1, 3)
    """
    low = None
    parts: List[str] = []
    markup = tags = pos = 0
    while True:
        m = _MARKUP.search(sample, pos)
        if m is None:
            break
        start, end = m.start(), m.end()
        if m.group(0) == "<!--":
            close = sample.find("-->", end)
            end = len(sample) if close < 0 else close + 3
        elif m.group(1):
            low = sample.lower() if low is None else low
            close = low.find("</" + m.group(1).lower(), end)
            gt = sample.find(">", close) if close >= 0 else -1
            end = len(sample) if gt < 0 else gt + 1
        parts.append(sample[pos:start])
        # Keep the span's line breaks, so that lines stay lines; the span is one mask character.
        parts.append(_MASK + "\n" * sample.count("\n", start, end))
        markup += end - start
        tags += 1
        pos = end
    parts.append(sample[pos:])
    markup_lines = text_lines = text_words = 0
    for line in "".join(parts).split("\n"):
        if _MASK in line:
            markup_lines += 1
        elif line.strip():
            text_lines += 1
            text_words += len(line.split())
    size = len(sample.strip()) or 1
    return _Markup(markup / size, tags, markup_lines, text_lines, text_words)

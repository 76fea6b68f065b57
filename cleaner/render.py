"""Kept lines -> body text; findings -> the removed-lines report.

Lines that no pass removed are the body. Runs of kept lines that stood
together in the input (no blank line and no removed line between them) stay
one paragraph, their lines joined by a newline; paragraphs are separated by
one blank line. Each line is shown as the input has it, with its whitespace
folded (NBSP and runs of spaces to one space; :attr:`cleaner.model.Line.shown`):
the body holds no text that was not in the input, and every character of a
kept line, the zero-width joiners of emoji sequences among them.

>>> from cleaner.model import Document
>>> doc = Document("One\\nTwo\\n\\n\\nThree\\u00a0 four")
>>> body(doc)
'One\\nTwo\\n\\nThree four'
"""
from __future__ import annotations

from typing import List

from . import lexicon, markdown
from .language import detect as detect_language
from .model import Article, Document, Removed
from .patterns import lazy_pattern
from .shape import UNSPACED, UNSPACED_CHARS_PER_WORD

_WORD = lexicon._WORDS  # the same ``\w+`` pattern: compiled once, not once more here


def paragraphs(doc: Document) -> List[str]:
    out: List[List[str]] = []
    current: List[str] = []
    for ln in doc.lines:
        if ln.blank or ln.index in doc.findings:
            if current:
                out.append(current)
                current = []
            continue
        current.append(ln.shown)
    if current:
        out.append(current)
    return ["\n".join(p) for p in out]


def body(doc: Document) -> str:
    """``"\\n\\n".join(paragraphs(doc))``, built in one join of the kept lines, an
    empty string standing between two paragraphs (joined by newlines, it makes the
    blank line): no intermediate paragraph strings, which on a long text would hold
    a second copy of the body at the moment memory peaks, and no separator entries.

    >>> body(Document("One\\n\\n\\nTwo\\nThree\\n"))
    'One\\n\\nTwo\\nThree'
    """
    parts: List[str] = []
    gap = False  # a blank or removed line since the last kept line
    findings = doc.findings
    for ln in doc.lines:
        if ln.blank or ln.index in findings:
            gap = bool(parts)
            continue
        if gap:
            parts.append("")
            gap = False
        parts.append(ln.shown)
    return "\n".join(parts)


def removed(doc: Document) -> List[Removed]:
    # Sorted line numbers, not sorted (number, finding) pairs: a long text has tens of
    # thousands of findings, and the pairs would be built while its memory peaks.
    findings, lines = doc.findings, doc.lines
    return [Removed(i + 1, findings[i].rule, findings[i].reason, lines[i].shown) for i in sorted(findings)]


def word_count(text: str) -> int:
    """The words a reader sees: a Markdown link counts its text, not its address,
    and in scripts written without spaces two characters count as a word (as in
    :func:`cleaner.shape.count_words`), so a Japanese page is not "one word" a paragraph.

    >>> word_count("It's 5 o'clock.")
    5
    >>> word_count("See the [full report](https://example.com/report-2019).")
    4
    >>> word_count("新しい図書館が開館した。iPhone 15")
    7
    """
    if "](" in text:
        text = markdown.LINK.sub(r"\1", markdown.IMAGE.sub(r"\1", text))
    unspaced = 0 if text.isascii() else len(UNSPACED.findall(text))
    if unspaced:
        text = UNSPACED.sub(" ", text)
    return _count_words(text) + unspaced // UNSPACED_CHARS_PER_WORD


#: A word character outside ASCII (a letter with an accent, a mark, a CJK character).
_NON_ASCII_WORD_CHAR = lazy_pattern(r"[^\W\x00-\x7f]")


def _count_words(text: str) -> int:
    """``len(_WORD.findall(text))``, by :func:`_count_ascii_words` where it gives the same: on
    text whose non-ASCII characters are none of them word characters the ``regex`` engine's
    ``\\w`` is ``[A-Za-z0-9_]``, and any other character only separates words, as ``?`` does
    (most English bodies qualify: their non-ASCII characters are quotes and dashes;
    ``tests/test_fast_paths_render.py`` holds it to ``_WORD``).

    >>> _count_words("It’s 5 o’clock — “late”."), _count_words("Café au lait")
    (6, 3)
    """
    if not text.isascii() and _NON_ASCII_WORD_CHAR.search(text):
        return _count(_WORD, text)
    return _count_ascii_words(text)


#: Characters counted at a time (:func:`_chunks`): :func:`_count`'s list of words is built while
#: memory peaks (the Document and the body alive), so a chunk stays small (16 K: about
#: 2,500 words, 0.2 MB; at 64 K the list took 0.7 MB, one call each costs nothing).
_COUNT_CHUNK = 1 << 14


def _count(pattern, text: str) -> int:
    """``len(pattern.findall(text))`` for a pattern that never matches across a
    newline, counted a chunk of lines at a time: the list of all the words of a
    20 MB body at once would take several times its size.

    >>> _count(_WORD, "one two\\nthree"), _count(_WORD, "")
    (3, 0)
    """
    return sum(len(pattern.findall(text, start, stop)) for start, stop in _chunks(text))


def _chunks(text: str):
    """The (start, stop) of each chunk of ``text`` that words are counted in: about
    :data:`_COUNT_CHUNK` characters, cut before a newline (no word spans one).

    >>> list(_chunks("")), list(_chunks("one\\ntwo"))
    ([], [(0, 7)])
    """
    start, end = 0, len(text)
    while start < end:
        stop = text.find("\n", start + _COUNT_CHUNK)
        stop = end if stop < 0 else stop
        yield start, stop
        start = stop


#: Each byte to ``a`` when it is a word character of ``[A-Za-z0-9_]``, else to a space.
_WORD_MARKS = bytes(0x61 if chr(b) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_" else 0x20
                    for b in range(256))


def _count_ascii_words(text: str) -> int:
    """``len(re.findall(rb"[A-Za-z0-9_]+", text.encode("ascii", "replace")))`` without a word object:
    each chunk (of lines, :func:`_chunks`) translated to word marks, and
    the starts of their runs counted (``tests/test_fast_paths.py``).

    >>> _count_ascii_words("It’s 5 o’clock — “late”."), _count_ascii_words("")
    (6, 0)
    """
    total = 0
    for start, stop in _chunks(text):
        marks = text[start:stop].encode("ascii", "replace").translate(_WORD_MARKS)
        total += marks.count(b" a") + marks.startswith(b"a")
    return total


def to_article(doc: Document, **extra) -> Article:
    text = body(doc)
    meta = doc.meta
    if "language" not in extra:
        extra["language"] = detect_language(text)  # the HTML path sets the page's own after this
    return Article(
        text=text, title=meta["title"], authors=list(meta["authors"]),
        date_published=meta["date_published"], date_modified=meta["date_modified"],
        sources=list(meta["sources"]), image_credits=list(meta["image_credits"]),
        # The teasers' dicts themselves, not copies: the Document is dropped once rendered, and
        # a long text has tens of thousands of them (to_dict() copies them for the output).
        related=list(meta["related"]), tags=list(meta["tags"]), categories=list(meta["categories"]),
        word_count=word_count(text),
        removed=removed(doc), **extra)

"""article-cleaner: clean scraped news articles into body text plus metadata.

>>> article = clean_text("Advertisement\\nCouncil approves budget\\n\\nThe council approved the budget on Monday.")
>>> article.title, article.text
('Council approves budget', 'The council approved the budget on Monday.')

The flow: input bytes -> text (:mod:`cleaner.ingest`) -> lines
(:class:`cleaner.model.Document`) -> passes label lines with a rule id and a
reason (:mod:`cleaner.passes`) -> the kept lines and the metadata are rendered
(:mod:`cleaner.render`). HTML first goes through :mod:`cleaner.html`
(an lxml pre-clean and trafilatura), imported only when HTML is seen.

:class:`Cleaner` holds how to clean (input format, rule files, a site
profile, a time budget) for many documents: build one per process and reuse it.
"""
from __future__ import annotations

from typing import List, Optional, Union

from .cleaner import Cleaner
from .ingest import DEFAULT_MAX_BYTES, InputError, decode, reads_as_text
from .model import Article, Document
from .passes import TEXT_PASSES
from .pipeline import RELEASE_MIN_CHARS, release_memory, run_passes
from .render import to_article

__version__ = "0.1.0"
__all__ = ["Article", "Cleaner", "InputError", "clean", "clean_text", "__version__"]


def clean_text(text: str, passes=TEXT_PASSES, url: Optional[str] = None) -> Article:
    """Clean plain scraped text; imports nothing heavy. ``passes``: the passes to run, in order.
    ``url``: the page's address, if known (its slug names the headline)."""
    return _clean_lines([text], passes, url)


def _clean_lines(held: List[str], passes, url: Optional[str]) -> Article:
    """:func:`clean_text` of the text in ``held``, taken out of it: when the
    caller holds no other reference, the text is freed once it is split into
    lines, so a long input is not in memory twice while the passes run."""
    doc = Document(held.pop())
    if url:
        doc.memo["url"] = url
    run_passes(doc, passes)
    # What the passes shared (doc.memo: per-line tables such as the paragraph runs, 7 MB
    # on a 20 MB text) is not read to render: freed before the body is built, when
    # memory peaks.
    doc.memo.clear()
    return to_article(doc)


def clean(data: Union[str, bytes], input_format: str = "auto", url: Optional[str] = None,
          max_bytes: int = DEFAULT_MAX_BYTES, passes=TEXT_PASSES) -> Article:
    """Clean a scraped article given as ``str`` or ``bytes``, plain text or HTML.

    ``input_format`` is ``"auto"`` (HTML recognised by content), ``"text"`` or
    ``"html"``. Raises :class:`InputError` for input that is not text or HTML.
    """
    if input_format not in ("auto", "text", "html"):
        raise ValueError(f"input_format must be auto, text or html, not {input_format!r}")
    # Each step drops the input it no longer needs (the bytes once decoded, the text
    # once in lines), so that a long input is held once, not three times, while the
    # passes run; a caller that hands ``data`` on without keeping it (as
    # :meth:`Cleaner.clean` does) lets it go too (from Python 3.11 on: before,
    # a caller's stack kept the arguments it passed until the call returned).
    if isinstance(data, str):
        from .ingest import looks_like_html

        warnings = []
        nuls = data.count("\x00")
        if nuls:  # as decode() drops the stray NUL bytes of text
            warnings.append(f"{nuls:,} NUL character{'' if nuls == 1 else 's'} dropped")
            data = data.replace("\x00", "")
        is_html = input_format == "html" or (input_format == "auto" and looks_like_html(data))
        text, encoding = data, None
    else:
        decoded = decode(data, input_format, max_bytes)
        text, encoding, is_html, warnings = decoded.text, decoded.encoding, decoded.is_html, decoded.warnings
        del decoded
    del data
    if is_html:
        from .html import clean_html

        article = clean_html(text, url=url, passes=passes)
        if not article.text.strip() and reads_as_text(text):
            # A scrape with some raw HTML lines in it: the extractor finds no
            # article in it, the text passes do.
            article = clean_text(text, passes)
            article.url = url
            article.warnings.append("fallback: no body from HTML extraction; cleaned as text")
    else:
        size = len(text)
        held = [text]
        del text
        article = _clean_lines(held, passes, url)
        article.url = url
        if size >= RELEASE_MIN_CHARS:
            release_memory()  # the lines are freed: give their memory back before the output is built
    article.encoding = encoding
    article.warnings = list(warnings) + article.warnings
    return article

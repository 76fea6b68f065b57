"""article-cleaner: clean scraped news articles into body text plus metadata.

>>> article = clean_text("Advertisement\\nCouncil approves budget\\n\\nThe council approved the budget on Monday.")
>>> article.title, article.text
('Council approves budget', 'The council approved the budget on Monday.')

The flow: input bytes -> text (:mod:`cleaner.ingest`) -> lines
(:class:`cleaner.model.Document`) -> passes label lines with a rule id and a
reason (:mod:`cleaner.passes`) -> the kept lines and the metadata are rendered
(:mod:`cleaner.render`). HTML first goes through :mod:`cleaner.html`
(an lxml pre-clean and trafilatura), imported only when HTML is seen.
"""
from __future__ import annotations

from typing import Optional, Union

from .ingest import DEFAULT_MAX_BYTES, InputError, decode
from .model import Article, Document
from .passes import TEXT_PASSES
from .pipeline import run_passes
from .render import to_article

__version__ = "0.1.0"
__all__ = ["Article", "InputError", "clean", "clean_text", "__version__"]


def clean_text(text: str, passes=TEXT_PASSES) -> Article:
    """Clean plain scraped text; imports nothing heavy. ``passes``: the passes to run, in order."""
    doc = run_passes(Document(text), passes)
    return to_article(doc)


def clean(data: Union[str, bytes], input_format: str = "auto", url: Optional[str] = None,
          max_bytes: int = DEFAULT_MAX_BYTES, passes=TEXT_PASSES) -> Article:
    """Clean a scraped article given as ``str`` or ``bytes``, plain text or HTML.

    ``input_format`` is ``"auto"`` (HTML recognised by content), ``"text"`` or
    ``"html"``. Raises :class:`InputError` for input that is not text or HTML.
    """
    if input_format not in ("auto", "text", "html"):
        raise ValueError(f"input_format must be auto, text or html, not {input_format!r}")
    if isinstance(data, str):
        from .ingest import looks_like_html

        is_html = input_format == "html" or (input_format == "auto" and looks_like_html(data))
        text, encoding, warnings = data, None, []
    else:
        decoded = decode(data, input_format, max_bytes)
        text, encoding, is_html, warnings = decoded.text, decoded.encoding, decoded.is_html, decoded.warnings
    if is_html:
        from .html import clean_html

        article = clean_html(text, url=url, passes=passes)
    else:
        article = clean_text(text, passes)
        article.url = url
    article.encoding = encoding
    article.warnings = list(warnings) + article.warnings
    return article

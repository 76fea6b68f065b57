"""The HTML path: trafilatura extracts the article, then the text passes run.

This is the only module that imports trafilatura (and, through it, lxml), so
plain text never pays for them.
"""
from __future__ import annotations

from typing import Optional

from .model import Article, Document
from .passes import TEXT_PASSES
from .pipeline import run_passes
from .render import to_article


def clean_html(html: str, url: Optional[str] = None, passes=TEXT_PASSES) -> Article:
    import trafilatura

    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=True) or ""
    meta = trafilatura.extract_metadata(html, default_url=url)
    doc = run_passes(Document(text), passes)
    article = to_article(doc, input_format="html", url=url)
    if meta is not None:
        article.title = meta.title or article.title
        article.authors = article.authors or [a.strip() for a in (meta.author or "").split(";") if a.strip()]
        article.date_published = article.date_published or meta.date
        article.url = url or meta.url
        article.hostname, article.sitename = meta.hostname, meta.sitename
        article.description, article.language, article.image = meta.description, meta.language, meta.image
        article.categories, article.tags = list(meta.categories or []), list(meta.tags or [])
    return article

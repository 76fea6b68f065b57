"""The HTML path: parse once, pre-clean, extract with trafilatura, then the text passes.

This is the only module that imports trafilatura and lxml, so plain text never
pays for them. The steps, on one parsed tree:

1. **Parse** with trafilatura's loader (lxml): the page is parsed once, and the
   same tree is pre-cleaned, read for metadata and handed to the extractor.
2. **Pre-clean** (:mod:`cleaner.preclean`): elements whose markup names them as
   ads, related stories, share bars, newsletters, comments, cookie banners,
   breadcrumbs, navigation, sidebars or footers are dropped, each reported as
   a removal with its ``html.*`` rule id (line 0: before extraction).
3. **Metadata** (:mod:`cleaner.metadata`) from the pre-cleaned tree: trafilatura's ``extract_metadata``
   (title, author, date, sitename, description, categories, tags, image,
   canonical URL), plus what it does not return: the machine-readable
   timestamps (``article:published_time``/``modified_time`` meta tags,
   JSON-LD ``datePublished``/``dateModified``) and the page language
   (``<html lang>``). Read after the pre-clean it costs 40% of the time
   (the body searches for author and categories run on a smaller tree),
   gave the same title, author and date on all 111 development pages, and no
   longer takes a navigation menu's links for categories.
4. **Extract** the article body with trafilatura (options in
   :data:`TRAFILATURA_OPTIONS`, and why; see :func:`extract_text`).
5. **Text passes**: the extracted text goes through the text-mode passes
   (:func:`html_passes`), so residue such as "Read more: …", "Filed under: …"
   or newsletter prompts leaves with a rule id, and the headline, when the
   extractor kept it, leaves as ``html.title``.
6. **Merge**: page metadata first, what the passes found fills the gaps (see
   :func:`merge`).

Why lxml directly and not BeautifulSoup: on the development pages (111 news
pages, 2-core machine) parsing with ``BeautifulSoup(html, "lxml")`` takes
about 13 ms a page, as long as trafilatura's whole extraction (about 13 ms),
while lxml parses in under 2 ms and trafilatura accepts the lxml tree as is:
BeautifulSoup would have halved the throughput and parsed the page twice.
"""
from __future__ import annotations

from typing import Optional

from .metadata import headline, iso_timestamp, match_persons, merge, page_metadata  # noqa: F401 (re-export)
from .model import Article, Document, Removed
from .passes import TEXT_PASSES
from .pipeline import run_passes
from .preclean import preclean
from .render import to_article

#: The options handed to ``trafilatura.bare_extraction``, and why:
#:
#: - ``favor_precision``: the passes and the pre-clean remove boilerplate
#:   line by line but cannot add back text the extractor dropped, so the
#:   extractor's job is a clean core (trafilatura alone on the development
#:   pages: F1 0.969 in precision mode, 0.958 with its defaults).
#: - ``include_comments=False``: readers' comments are not the article.
#: - ``include_tables=True``: tables in a story (results, prices, schedules) are
#:   part of it.
#: - ``include_links=False``, ``include_images=False``, ``include_formatting=False``:
#:   the output is plain text; link targets and image markup would be noise.
#: - ``deduplicate=False``: repeated promos are removed by our ``dup.*`` rules,
#:   with a rule id, not silently.
TRAFILATURA_OPTIONS = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "include_links": False,
    "include_images": False,
    "include_formatting": False,
    "deduplicate": False,
}

#: The fast extraction is retried with trafilatura's fallback extractors when
#: it gives fewer characters than this (a short story's body is longer than a
#: menu's leftovers) ...
RETRY_MAX_CHARS = 1000
#: ... and less than this share of the page's visible text: an extraction
#: that found the story holds a good part of the page's text, while a failed
#: one holds a few lines of it (on the development pages the two failures
#: held 4% of their page's text; the short successful extractions, under
#: 1,000 characters, held 26% or more).
RETRY_SHARE = 0.2

#: Text passes that do not run on extracted HTML, and why:
#: ``boundary`` finds where the article starts and ends in a whole page of
#: text; the extractor has already done that from the markup, and on its
#: output the boundary scores cut real article tails (tables, lists, notes).
#: ``title`` takes a headline-shaped first line as the title; on extracted
#: text the first line is usually the lead paragraph or a subheading, so the
#: headline is recognised by the page's own title instead (``html.title``).
SKIPPED_PASSES = ("boundary", "title")


def html_passes(passes=TEXT_PASSES) -> tuple:
    """``passes`` without the ones that do not run on extracted HTML (:data:`SKIPPED_PASSES`)."""
    return tuple(p for p in passes if p.__name__.rsplit(".", 1)[-1] not in SKIPPED_PASSES)


def clean_html(html: str, url: Optional[str] = None, passes=TEXT_PASSES) -> Article:
    """Clean one HTML page: body text, metadata, and every removal with its rule.

    ``passes`` are the text passes to run on the extracted text, in order
    (those in :data:`SKIPPED_PASSES` are left out).

    >>> page = ('<html lang="en"><head><title>Council approves budget</title></head><body>'
    ...         '<nav><a href="/">Home</a> <a href="/news">News</a></nav><article>'
    ...         '<h1>Council approves budget</h1>'
    ...         '<p>The city council approved the budget on Monday after a long debate.</p>'
    ...         '<p>Read more: Mayor plans new parks</p>'
    ...         '<p>Spending on schools rises by a tenth, and the parks budget stays as it was.</p>'
    ...         '</article></body></html>')
    >>> article = clean_html(page)
    >>> print(article.text)
    The city council approved the budget on Monday after a long debate.
    <BLANKLINE>
    Spending on schools rises by a tenth, and the parks budget stays as it was.
    >>> article.title, article.language
    ('Council approves budget', 'en')
    >>> [r.rule for r in article.removed]
    ['html.nav', 'html.title', 'related.inline']
    """
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None and html.strip():
        tree = load_html(f"<html><body>{html}</body></html>")  # a bare fragment: "<p>One</p>"
    if tree is None:
        article = to_article(Document(""), input_format="html", url=url)
        article.warnings.append("HTML could not be parsed: no body")
        return article
    dropped = preclean(tree)
    page = page_metadata(tree, url)
    doc = Document(extract_text(tree, page.url))
    run_passes(doc, html_passes(passes))
    for finding in headline(doc, page):
        doc.record(finding)
    article = to_article(doc, input_format="html")
    article.text = body(doc)
    article.removed = [Removed(0, d.rule, d.reason, d.text) for d in dropped] + article.removed
    merge(article, page, doc)
    return article


def extract_text(tree, url: Optional[str] = None) -> str:
    """The article body as trafilatura extracts it from ``tree`` (already pre-cleaned).

    First in trafilatura's ``fast`` mode, which skips its second opinion
    (readability and jusText run on the page and compared). When that finds
    little (under :data:`RETRY_MAX_CHARS` and under :data:`RETRY_SHARE` of the
    page's visible text), the extraction runs again with the second opinion.
    """
    import trafilatura

    result = trafilatura.bare_extraction(tree, url=url, fast=True, **TRAFILATURA_OPTIONS)
    text = (result.text if result is not None else "") or ""
    if len(text) < RETRY_MAX_CHARS and len(text) < RETRY_SHARE * visible_chars(tree):
        result = trafilatura.bare_extraction(tree, url=url, fast=False, **TRAFILATURA_OPTIONS)
        text = (result.text if result is not None else "") or text
    return text


def visible_chars(tree) -> int:
    """Characters of text in the page body outside scripts and styles (spaces not counted)."""
    return sum(len(t.strip()) for t in tree.xpath(
        "//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]"))


def body(doc: Document) -> str:
    """The kept lines as paragraphs: the extractor writes one paragraph a line.

    Each kept line is a paragraph, separated from the next by a blank line;
    adjacent list items ("- ") and table rows ("| ") stay together.

    >>> body(Document("First paragraph.\\nSecond one.\\n- one\\n- two\\nLast."))
    'First paragraph.\\n\\nSecond one.\\n\\n- one\\n- two\\n\\nLast.'
    """
    parts = []
    previous = None
    for ln in doc.kept_lines():
        if previous is not None:
            kind = _block_kind(ln.text)
            together = kind and kind == _block_kind(previous.text) and ln.index == previous.index + 1
            parts.append("\n" if together else "\n\n")
        parts.append(ln.text)
        previous = ln
    return "".join(parts)


def _block_kind(text: str) -> str:
    return "list" if text.startswith(("- ", "* ", "• ")) else "table" if text.startswith("| ") else ""

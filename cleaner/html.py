"""The HTML path: parse once, extract with trafilatura's defaults, then remove what a rule recognises.

This is the only module that imports trafilatura and lxml (and, for pages
trafilatura cannot read, beautifulsoup4), so plain text never pays for them.
trafilatura's default extraction is the floor: the cleaner removes lines of
it where a rule recognises boilerplate, and never cuts most of it silently.
The steps, on one parsed tree:

1. **Parse** with trafilatura's loader (lxml), once. Pop-ups and hovercards
   (``html.popup``, :data:`INLINE_RULES`) are dropped first, since their text
   sits inside the story's paragraphs; then the extractor gets its own copy
   of the tree (it changes the tree it reads).
2. **Pre-clean** (:mod:`cleaner.preclean`) the other copy: elements whose
   markup names them as ads, related stories, share bars, newsletters,
   comments, cookie banners, breadcrumbs, navigation, sidebars or footers are
   dropped, each reported as a removal with its ``html.*`` rule id (line 0).
3. **Metadata** from the pre-cleaned tree (:func:`page_metadata`): trafilatura's
   ``extract_metadata`` plus the machine-readable timestamps, JSON-LD persons
   and the page language.
4. **Extract** the article body with trafilatura's default settings in its
   full mode (options in :data:`TRAFILATURA_OPTIONS`, and why). When it finds
   nothing or almost nothing on a page with visible text
   (:func:`is_no_article`), or when what it found is all page furniture, the
   page's text is rendered one line per block with beautifulsoup4
   (:func:`page_text`) and cleaned as a whole page of text, with a warning
   "fallback: ...".
5. **Furniture lines** (:func:`furniture`): the extracted lines that are the
   text of an element the pre-clean dropped go with that element's rule, at
   their line (unless the page still holds the same line elsewhere).
6. **Text passes**: the extracted text goes through the text-mode passes
   (:func:`html_passes`), so residue such as "Read more: …", "Filed under: …"
   or newsletter prompts leaves with a rule id; runs of lines that are each a
   link on the page leave as ``html.link_run`` (:func:`link_runs`); the
   headline, when the extractor kept it, leaves as ``html.title``.
7. **Floor** (:func:`keep_floor`): when the kept lines hold under
   :data:`KEEP_SHARE` of the extracted words, the cuts are undone and a
   warning "kept: ..." says so.
8. **Merge**: page metadata first, what the passes found fills the gaps (see
   :func:`merge`).

Why lxml and not BeautifulSoup for the main path: on the development pages
parsing with ``BeautifulSoup(html, "lxml")`` takes about 13 ms a page, as long
as trafilatura's fast extraction, while lxml parses in under 2 ms and
trafilatura accepts the lxml tree as is. beautifulsoup4 renders the page's
text only on the fallback path, where trafilatura found no article.
"""
from __future__ import annotations

import json
import re
from collections import deque
from copy import deepcopy
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Iterator, List, Optional

from .model import Article, Document, Finding, Removed
from .passes import TEXT_PASSES
from .pipeline import run_passes
from .preclean import (
    BLOCK_TAGS,
    OUTSIDE_ONLY,
    RULES,
    Dropped,
    block_lines,
    find_candidates,
    line_key,
    preclean,
)
from .render import to_article

#: The options handed to ``trafilatura.bare_extraction``, and why:
#:
#: - trafilatura's default balance (no ``favor_precision``) and its full mode
#:   (``fast=False``: its own extractor checked against readability and
#:   jusText): the extraction is the floor of what the page keeps, and the
#:   pre-clean and the text passes then remove the lines a rule recognises.
#:   On multilingual-dev (478 pages) ``favor_precision`` lost 4 points of
#:   recall for 2 of precision, and ``fast`` mode 1 point of recall; the text
#:   passes win the precision back line by line, with a rule id.
#: - ``include_comments=False``: readers' comments are not the article.
#: - ``include_tables=True``: tables in a story (results, prices, schedules) are
#:   part of it.
#: - ``include_links=False``, ``include_images=False``, ``include_formatting=False``:
#:   the output is plain text; link targets and image markup would be noise.
#: - ``deduplicate=False``: repeated promos are removed by our ``dup.*`` rules,
#:   with a rule id, not silently.
TRAFILATURA_OPTIONS = {
    "fast": False,
    "include_comments": False,
    "include_tables": True,
    "include_links": False,
    "include_images": False,
    "include_formatting": False,
    "deduplicate": False,
}

#: Pre-clean rules applied to the page the extractor reads, before anything
#: else: pop-ups and hovercards sit inside the story's paragraphs, so their
#: text would be part of an extracted line (and no line of its own to remove).
#: The other rules' elements stay in the extractor's copy of the page, and
#: their lines leave the extracted text afterwards (:func:`furniture`).
INLINE_RULES = ("html.popup",)
#: The rest, dropped from the pre-cleaned copy only.
OTHER_RULES = tuple(r.id for r in RULES if r.id not in INLINE_RULES) + ("html.links",)

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


#: Machine-readable publication and modification times in the page head.
_PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished", "date.issued",
                   "dc.date.issued", "dcterms.created", "pubdate", "publishdate", "publish-date",
                   "sailthru.date", "parsely-pub-date")
_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
                  "last-modified", "lastmod")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?)?"
                  r"\s*(Z|[+-]\d{2}:?\d{2})?$")
_TOKEN = re.compile(r"\w+")


@dataclass
class PageMeta:
    """What the page says about itself: its HTML metadata, and the headline(s) in ``<h1>``."""

    title: Optional[str] = None
    headings: List[str] = field(default_factory=list)
    authors: List[str] = field(default_factory=list)
    date_published: Optional[str] = None
    date_modified: Optional[str] = None
    url: Optional[str] = None
    hostname: Optional[str] = None
    sitename: Optional[str] = None
    description: Optional[str] = None
    language: Optional[str] = None
    categories: List[str] = field(default_factory=list)
    tags: List[str] = field(default_factory=list)
    image: Optional[str] = None


def clean_html(html: str, url: Optional[str] = None, passes=TEXT_PASSES) -> Article:
    """Clean one HTML page: body text, metadata, and every removal with its rule.

    ``passes`` are the text passes to run on the extracted text, in order
    (those in :data:`SKIPPED_PASSES` are left out, except on the fallback
    path, where the text is a whole page's).

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
    candidates = find_candidates(tree)  # the markup is read once; the drops come in two steps
    dropped = preclean(tree, INLINE_RULES, candidates)
    work = deepcopy(tree)  # trafilatura changes the tree it reads: it gets its own copy
    dropped += preclean(tree, OTHER_RULES, candidates, repair=False)
    page = page_metadata(tree, url)
    text = extract_text(work, page.url)
    if is_no_article(text, tree):
        doc, notes = clean_lines(page_text(html), passes, dropped, tree, page, floor=False)
        notes.insert(0, "fallback: trafilatura found no article; the page's text was cleaned as text")
    else:
        doc, notes = clean_lines(text, html_passes(passes), dropped, tree, page)
        if is_no_article(body(doc), tree):
            doc, notes = clean_lines(page_text(html), passes, dropped, tree, page, floor=False)
            notes.insert(0, "fallback: trafilatura's extraction held only page furniture; "
                            "the page's text was cleaned as text")
    article = to_article(doc, input_format="html")
    article.text = body(doc)
    article.removed = [Removed(0, d.rule, d.reason, d.text) for d in dropped] + article.removed
    merge(article, page, doc)
    article.warnings.extend(notes)
    return article


def clean_lines(text: str, run, dropped: List[Dropped], tree, page: PageMeta, floor: bool = True):
    """The steps after extraction, on ``text``: furniture lines, the passes ``run``, link runs, headline, floor.

    Returns the document and the warnings to add. ``floor=False`` on the
    fallback path: a whole page's text is no extraction to fall back on.
    """
    doc = Document(text)
    body_el = tree.find(".//body")
    linked: set = set()
    left = set(block_lines(body_el if body_el is not None else tree, linked))
    for finding in furniture(doc, dropped, left):
        doc.record(finding)
    run_passes(doc, run)
    for finding in list(link_runs(doc, linked)):
        doc.record(finding)
    for finding in headline(doc, page):
        doc.record(finding)
    kept_note = keep_floor(doc) if floor else None
    return doc, [kept_note] if kept_note else []


def extract_text(tree, url: Optional[str] = None) -> str:
    """The article body as trafilatura extracts it from ``tree`` (with :data:`TRAFILATURA_OPTIONS`)."""
    import trafilatura

    result = trafilatura.bare_extraction(tree, url=url, **TRAFILATURA_OPTIONS)
    return (result.text if result is not None else "") or ""


def furniture(doc: Document, dropped: List[Dropped], left: set) -> Iterator[Finding]:
    """html.*: the extracted lines that are the text of an element the pre-clean dropped.

    A line goes with the dropped element's rule when it is one of that
    element's lines (:func:`cleaner.preclean.block_lines`) and no element left
    on the page holds the same line: a teaser that repeats the lead paragraph,
    or a breadcrumb that repeats a subheading, does not take the story's own
    line with it (``left``: the lines of the pre-cleaned page, as
    :func:`cleaner.preclean.block_lines` writes them). Lines the extractor
    joined or split differently match nothing and stay.
    """
    where = {}
    for d in dropped:
        for key in d.lines:
            where.setdefault(key, d)
    if not where:
        return
    matched = [(ln, where[key]) for ln in doc.lines if not ln.blank
               for key in [line_key(ln.text)] if key in where]
    for ln, d in matched:
        if line_key(ln.text) not in left:
            yield Finding(ln.index, d.rule, f"{d.reason}, dropped by the pre-clean")


#: A run of at least this many consecutive lines that are each one link's
#: text on the page is a list of teasers (one linked line is a sentence's
#: link, or a document to download).
LINK_RUN = 2


def link_runs(doc: Document, linked: set) -> Iterator[Finding]:
    """html.link_run: runs of :data:`LINK_RUN` or more kept lines that are each wholly a link on the page.

    ``linked``: the page's lines whose text is all link text (from :func:`cleaner.preclean.block_lines`).
    """
    if not linked:
        return
    run: List[int] = []
    for ln in doc.lines + [None]:
        if ln is not None and (ln.blank or ln.index in doc.findings):
            continue
        if ln is not None and line_key(ln.text) in linked:
            run.append(ln.index)
            continue
        if len(run) >= LINK_RUN:
            for i in run:
                yield Finding(i, "html.link_run", f"one of {len(run)} lines in a row that are each a link")
        run = []


#: When the kept lines hold less than this share of the extracted words, the
#: cleaner has cut most of what trafilatura's default extraction found: the
#: cuts are undone and a warning says so. Measured on both dev sets (589
#: pages): at 0.2 the floor acts on 2 pages, at 1/3 on 4, at 0.5 on 5 (a forum
#: thread whose posts are marked as comments, a gallery whose texts sit in
#: "comment" elements, ...), each step keeping or gaining snippets and adding
#: no boilerplate; zyte-dev is not touched at any of them. Half is also where
#: the project's target draws the line ("keeps under half").
KEEP_SHARE = 0.5
#: ... counted only when the extraction holds at least this many words (a few
#: lines of menu residue may all go).
KEEP_MIN_WORDS = 100


def keep_floor(doc: Document) -> Optional[str]:
    """Undo the cuts when they would leave under :data:`KEEP_SHARE` of the extracted words.

    Returns the warning to add ("kept: ..."), or ``None`` when the cuts stand.
    The headline (``html.title``) stays removed, and so do the lines of
    navigation, sidebars and footers the pre-clean found outside the article
    (:data:`cleaner.preclean.OUTSIDE_ONLY`): their words are not counted.
    """
    standing = {i for i, f in doc.findings.items() if f.rule in OUTSIDE_ONLY}
    total = sum(len(ln.text.split()) for ln in doc.lines if ln.index not in standing)
    if total < KEEP_MIN_WORDS:
        return None
    kept = sum(len(ln.text.split()) for ln in doc.kept_lines())
    if kept >= KEEP_SHARE * total:
        return None
    for index in [i for i, f in doc.findings.items() if f.rule != "html.title" and i not in standing]:
        del doc.findings[index]
    return (f"kept: trafilatura's default extraction; the cleaned body held only "
            f"{kept / total:.0%} of its words")


#: trafilatura found no article when it returns fewer characters than this ...
#: (on the 589 dev pages its default extraction was that short on 4: two
#: failures, a photo caption and a menu line, and two short pages it read
#: right, a two-line joke and a three-line post) ...
NO_ARTICLE_CHARS = 250
#: ... while the page shows at least this many times as much text (the short
#: pages it read right show little more than what it returned).
NO_ARTICLE_RATIO = 10


def is_no_article(text: str, tree) -> bool:
    """True when the extraction holds nothing or almost nothing of a page with visible text."""
    size = len("".join(text.split()))
    return size < NO_ARTICLE_CHARS and visible_chars(tree) >= max(NO_ARTICLE_RATIO * size, NO_ARTICLE_CHARS)


def page_text(html: str) -> str:
    """The page's visible text, one line per block element (beautifulsoup4).

    >>> print(page_text("<html><head><title>T</title><script>x=1</script></head><body><nav><a href='/'>Home</a>"
    ...                 "</nav><div><h1>Storm</h1><p>The <b>storm</b> hit the harbour.</p>Wind<br>Rain</div></body></html>"))
    Home
    Storm
    The storm hit the harbour.
    Wind
    Rain
    """
    from bs4 import BeautifulSoup
    from bs4.element import Comment, NavigableString, Tag

    soup = BeautifulSoup(html, "lxml")
    root = soup.body or soup
    lines: List[str] = []
    current: List[str] = []

    def flush() -> None:
        line = " ".join("".join(current).split())  # pieces keep their own spaces: "<b>Sto</b>rm" is "Storm"
        if line:
            lines.append(line)
        current.clear()

    stack = [(root, False)]
    while stack:
        node, closing = stack.pop()
        if isinstance(node, Tag):
            block = node.name in BLOCK_TAGS
            if closing:
                if block:
                    flush()
                continue
            if node.name in ("script", "style", "noscript", "template", "head", "title"):
                continue
            if block:
                flush()
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))
        elif isinstance(node, NavigableString) and not isinstance(node, Comment):
            if type(node) is NavigableString:
                current.append(str(node))
    flush()
    return "\n".join(lines)


def visible_chars(tree) -> int:
    """Characters of text in the page body outside scripts and styles (spaces not counted)."""
    return sum(len("".join(t.split())) for t in tree.xpath(
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


def headline(doc: Document, page: PageMeta) -> Iterator[Finding]:
    """html.title: the first kept line when it repeats the page's title or an ``<h1>``.

    The benchmark's (and a reader's) body starts below the headline; the
    extractor keeps it when the ``<h1>`` sits inside the story's container.

    >>> doc = Document("Council approves budget\\nThe council approved it on Monday.")
    >>> [f.rule for f in headline(doc, PageMeta(title="Council approves budget | City News"))]
    ['html.title']
    >>> list(headline(Document("The council approved it on Monday.\\nMore."), PageMeta(title="Budget")))
    []
    """
    first = doc.next_nonblank(-1)
    if first is None or doc.next_nonblank(first) is None:
        return
    line = _tokens(doc.lines[first].text)
    if not line:
        return
    for name in [page.title] + page.headings:
        known = _tokens(name or "")
        if known and (line == known or (len(line) >= 3 and known[:len(line)] == line)):
            yield Finding(first, "html.title", f"the page's headline {doc.lines[first].text[:60]!r}",
                          "title", doc.lines[first].text)
            return


def _tokens(text: str) -> List[str]:
    return _TOKEN.findall(text.casefold())


def merge(article: Article, page: PageMeta, doc: Document) -> None:
    """Page metadata first; what the passes found in the text fills the gaps.

    - title, authors, description, categories, tags, image, sitename: the page's;
      authors, categories and tags from the text where the page has none.
    - dates: the page's; a date line in the text gives the time of day when the
      page gives the same day without one.
    - url: ``--url`` if given, else the page's canonical link.
    """
    meta = doc.meta
    article.title = page.title or meta["title"]
    article.authors = list(page.authors) or list(meta["authors"])
    article.date_published = _finer(page.date_published, meta["date_published"])
    article.date_modified = _finer(page.date_modified, meta["date_modified"])
    article.url, article.hostname, article.sitename = page.url, page.hostname, page.sitename
    article.description, article.language, article.image = page.description, page.language, page.image
    article.categories = list(page.categories) or list(meta["categories"])
    article.tags = list(page.tags) or list(meta["tags"])


def _finer(page_value: Optional[str], text_value: Optional[str]) -> Optional[str]:
    """The page's date, or the text's when it is the same day with more detail.

    >>> _finer("2022-12-19", "2022-12-19T15:44:00+05:30"), _finer("2022-12-19", "2022-12-20")
    ('2022-12-19T15:44:00+05:30', '2022-12-19')
    """
    if not page_value:
        return text_value
    if text_value and len(text_value) > len(page_value) and text_value.startswith(page_value):
        return text_value
    return page_value


def page_metadata(tree, url: Optional[str] = None) -> PageMeta:
    """Read the page's metadata from its parsed tree (the tree is not changed)."""
    from trafilatura.metadata import extract_metadata

    m = extract_metadata(tree, default_url=url)
    linked = _jsonld(tree)
    page = PageMeta(
        title=m.title, authors=match_persons(split_authors(m.author), jsonld_persons(linked)),
        url=url or m.url, sitename=m.sitename, description=m.description,
        categories=split_terms(m.categories), tags=split_terms(m.tags), image=m.image)
    page.hostname = m.hostname if page.url == m.url else _hostname(page.url)
    page.headings = [" ".join(h.text_content().split()) for h in tree.iter("h1")][:3]
    stamps = _head_times(tree, linked)
    page.date_published = _agree(stamps.get("published"), m.date)
    page.date_modified = stamps.get("modified")
    page.language = _language(tree)
    return page


def split_authors(value: Optional[str]) -> List[str]:
    """trafilatura's author string ("A; B") as a list, each name once.

    >>> split_authors("Jane Smith; John Doe; jane smith")
    ['Jane Smith', 'John Doe']
    """
    out: List[str] = []
    for name in (value or "").split(";"):
        name = " ".join(name.split())
        if name and name.casefold() not in {n.casefold() for n in out}:
            out.append(name)
    return out


def split_terms(values: Optional[List[str]]) -> List[str]:
    """Categories or tags as a list of single terms, each once ("a,b" in one keywords tag is two).

    >>> split_terms(["banks,money", "Money", " Tech "])
    ['banks', 'money', 'Tech']
    """
    out: List[str] = []
    seen = set()
    for value in values or []:
        for term in value.split(","):
            term = " ".join(term.split())
            if term and term.casefold() not in seen:
                out.append(term)
                seen.add(term.casefold())
    return out


def match_persons(authors: List[str], persons: List[str]) -> List[str]:
    """trafilatura's authors checked against the page's JSON-LD ``Person`` authors.

    When some of the authors are (or contain) a listed person, the others are
    dropped: a ``<meta name="author">`` often names the publisher, and byline
    text can trail words ("Phil Helsel is a reporter"). A person's own
    spelling wins ("Sarah E. Needleman" over "Sarah E Needleman"). With no
    person listed, or none matching, the authors stay as they are.

    >>> match_persons(["Condé Nast", "Molly Wood"], ["Molly Wood"])
    ['Molly Wood']
    >>> match_persons(["Phil Helsel is a reporter"], ["Phil Helsel"])
    ['Phil Helsel']
    >>> match_persons(["Jane Smith"], ["AppleInsider"])
    ['Jane Smith']
    """
    if not persons:
        return authors
    keys = [(_alnum(p), p) for p in persons if _alnum(p)]
    out: List[str] = []
    for author in authors:
        a = _alnum(author)
        for key, person in keys:
            if a and (a == key or key in a):
                name = person.strip()
            elif a and a in key:
                name = author
            else:
                continue
            if name.casefold() not in {n.casefold() for n in out}:
                out.append(name)
            break
    return out or authors


def _alnum(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def _agree(stamp: Optional[str], day: Optional[str]) -> Optional[str]:
    """The full timestamp when it agrees with trafilatura's date (or there is none), else that date."""
    if stamp and (not day or stamp.startswith(day)):
        return stamp
    return day


def _head_times(tree, linked: List[Any]) -> dict:
    """Publication/modification timestamps from meta tags, then JSON-LD (``linked``)."""
    found: dict = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        which = "published" if key in _PUBLISHED_META else "modified" if key in _MODIFIED_META else None
        if which and which not in found:
            stamp = iso_timestamp(el.get("content") or "")
            if stamp:
                found[which] = stamp
    for which, key in (("published", "datePublished"), ("modified", "dateModified")):
        if which not in found:
            value = next(_json_values(linked, key), None)
            stamp = iso_timestamp(value) if isinstance(value, str) else None
            if stamp:
                found[which] = stamp
    return found


def _jsonld(tree) -> List[Any]:
    """The page's JSON-LD blocks, parsed (broken ones left out)."""
    out = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            out.append(json.loads(script.text or ""))
        except ValueError:
            continue
    return out


def _json_values(data: Any, key: str) -> Iterator[Any]:
    """Every value of ``key`` in nested JSON data, breadth first."""
    queue = deque([data])
    while queue:
        item = queue.popleft()
        if isinstance(item, dict):
            if key in item:
                yield item[key]
            queue.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            queue.extend(item)


def jsonld_persons(linked: List[Any]) -> List[str]:
    """Names of the ``Person`` authors (and creators) in JSON-LD, each once, in order.

    >>> jsonld_persons([{"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Jane Smith"}],
    ...                  "publisher": {"@type": "Organization", "name": "Daily"}}])
    ['Jane Smith']
    """
    names: List[str] = []
    for key in ("author", "creator"):
        for value in _json_values(linked, key):
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, dict) and item.get("@type") == "Person":
                    name = item.get("name")
                    if isinstance(name, str) and name.strip() and name.strip() not in names:
                        names.append(name.strip())
    return names


def iso_timestamp(value: str) -> Optional[str]:
    """A machine-written ISO 8601 timestamp, normalised as the text passes write dates.

    >>> iso_timestamp("2019-11-18T14:05:00.000Z"), iso_timestamp("2019-11-18T09:05:00-0500")
    ('2019-11-18T14:05:00+00:00', '2019-11-18T09:05:00-05:00')
    >>> iso_timestamp("2019-11-18"), iso_timestamp("2019-11-18T14:05"), iso_timestamp("18 Nov")
    ('2019-11-18', '2019-11-18T14:05:00', None)
    """
    m = _ISO.match(value.strip())
    if not m:
        return None
    y, mo, d, hh, mm, ss, zone = m.groups()
    try:
        datetime(int(y), int(mo), int(d), int(hh or 0), int(mm or 0), int(ss or 0))
    except ValueError:
        return None
    if hh is None:
        return f"{y}-{mo}-{d}"
    out = f"{y}-{mo}-{d}T{hh}:{mm}:{ss or '00'}"
    if zone == "Z":
        return out + "+00:00"
    if zone:
        zone = zone.replace(":", "")
        return out + f"{zone[:3]}:{zone[3:]}"
    return out


def _language(tree) -> Optional[str]:
    """The page's declared language: ``<html lang>``, else Content-Language, else og:locale.

    >>> from lxml import html
    >>> _language(html.fromstring('<html lang="en-US"><body><p>x</p></body></html>'))
    'en-US'
    """
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not lang:
        for el in tree.iter("meta"):
            key = (el.get("http-equiv") or el.get("property") or el.get("name") or "").lower()
            if key in ("content-language", "og:locale", "language", "dc.language"):
                lang = el.get("content")
                if lang:
                    break
    lang = (lang or "").strip().replace("_", "-").split(",")[0].strip()
    return lang or None


def _hostname(url: Optional[str]) -> Optional[str]:
    if not url:
        return None
    from urllib.parse import urlsplit

    host = urlsplit(url if "//" in url else "//" + url).hostname
    return host or None

"""Page metadata for the HTML path: title, authors, dates, language, and the merge.

:func:`page_metadata` reads what the page says about itself from its parsed
tree (meta tags, JSON-LD, ``<h1>``, ``<html lang>``); :func:`headline` labels
the extracted body's first line when it repeats the headline; :func:`merge`
puts the page's metadata and what the text passes found into the article.
trafilatura and lxml are imported inside the functions that need them, so
importing this module costs nothing on the plain-text path.
"""
from __future__ import annotations

import json
import re
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Iterator, List, Optional

from .model import Article, Document, Finding

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

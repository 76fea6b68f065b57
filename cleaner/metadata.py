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
from typing import Any, Iterator, List, Optional, Tuple

import regex

from . import lexicon
from .model import Article, Document, Finding

#: Machine-readable publication and modification times in the page head.
_PUBLISHED_META = ("article:published_time", "og:published_time", "og:article:published_time",
                   "datepublished", "date.issued",
                   "dc.date.issued", "dcterms.created", "pubdate", "publishdate", "publish-date",
                   "sailthru.date", "parsely-pub-date")
_MODIFIED_META = ("article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified", "dcterms.modified",
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
    #: The site's own name where the page names no person as author ("Redaktion X",
    #: a blog's name); never a host name.
    site_authors: List[str] = field(default_factory=list)
    date_published: Optional[str] = None
    #: True when ``date_published`` is only trafilatura's guess: no machine
    #: stamp in the head and no date line by the headline.
    date_guessed: bool = False
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
    if names_headline(doc.lines[first].text, page):
        yield Finding(first, "html.title", f"the page's headline {doc.lines[first].text[:60]!r}",
                      "title", doc.lines[first].text)


def names_headline(text: str, page: PageMeta) -> bool:
    """``text`` is the page's headline: the words of its ``<title>`` or of an ``<h1>``,
    or (three words or more) their beginning, the title's end being the site's name.

    >>> names_headline("Council approves budget", PageMeta(title="Council approves budget | City News"))
    True
    >>> names_headline("City News", PageMeta(title="Council approves budget | City News"))
    False
    """
    line = _tokens(text)
    if not line:
        return False
    for name in [page.title] + page.headings:
        known = _tokens(name or "")
        if known and (line == known or (len(line) >= 3 and known[:len(line)] == line)):
            return True
    return False


def _tokens(text: str) -> List[str]:
    return _TOKEN.findall(text.casefold())


def merge(article: Article, page: PageMeta, doc: Document) -> None:
    """Page metadata first; what the passes found in the text fills the gaps.

    - title, authors, description, categories, tags, image, sitename: the page's;
      authors, categories and tags from the text where the page has none (a
      page that names no person but prints its own name as byline keeps it).
    - dates: the page's; a date line in the text gives the time of day when the
      page gives the same day without one, and the date itself when the page's is
      only trafilatura's guess (``date_guessed``).
    - url: ``--url`` if given, else the page's canonical link.
    """
    meta = doc.meta
    article.title = page.title or meta["title"]
    article.authors = list(page.authors) or list(page.site_authors) or list(meta["authors"])
    guessed = page.date_guessed and meta["date_published"]  # a date line in the text beats a guess
    article.date_published = meta["date_published"] if guessed else _finer(page.date_published, meta["date_published"])
    article.date_modified = _finer(page.date_modified, meta["date_modified"])
    article.url, article.hostname, article.sitename = page.url, page.hostname, page.sitename
    article.description, article.image = page.description, page.image
    article.language = agreed_language(page.language, article.language)
    article.categories = list(page.categories) or list(meta["categories"])
    article.tags = list(page.tags) or list(meta["tags"])


def agreed_language(declared: Optional[str], detected: Optional[str]) -> Optional[str]:
    """The page's declared language (``<html lang>``) when the text agrees with it or says
    nothing; else the language the text is in (templates often keep a default ``lang="en"``).

    >>> agreed_language("de-AT", "de"), agreed_language("en", None), agreed_language("en", "de")
    ('de-AT', 'en', 'de')
    >>> agreed_language(None, "fr")
    'fr'
    """
    if not declared:
        return detected
    if not detected or declared.split("-")[0].split("_")[0].lower() == detected.split("-")[0].lower():
        return declared
    return detected


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


def page_metadata(tree, url: Optional[str] = None, shown=None) -> PageMeta:
    """Read the page's metadata from its parsed tree (the trees are not changed).

    ``shown``: the tree whose date lines are read, when ``tree`` has lost some
    (the pre-clean drops share bars, where some sites print the date).
    """
    from trafilatura.metadata import extract_metadata

    m = extract_metadata(tree, default_url=url)
    linked = _jsonld(tree)
    page = PageMeta(
        url=url or m.url, sitename=m.sitename, description=m.description,
        categories=split_terms(m.categories), tags=split_terms(m.tags), image=m.image)
    page.hostname = m.hostname if page.url == m.url else _hostname(page.url)
    page.headings = [" ".join(h.text_content().split()) for h in tree.iter("h1")][:3]
    sites = page_sites(tree, page, m.url)
    page.title = choose_title(tree, linked, m.title, sites)
    candidates = author_candidates(tree, linked, m.author, sites)
    page.authors = choose_authors(candidates, sites)
    if not page.authors:
        page.site_authors = site_authors(candidates)
    stamps = _head_times(tree, linked)
    page.date_modified = stamps.get("modified")
    shown = tree if shown is None else shown
    page.date_published, page.date_guessed = published_date(
        shown_dates(shown), headline_position(shown, page.title), stamps.get("published"), m.date, page.date_modified)
    page.language = _language(tree)  # declared; merge() checks it against the text (agreed_language)
    return page


#: Headings read as title candidates: the first few ``<h1>`` of the page (a
#: page prints its headline once; later ones are teasers and widgets).
MAX_HEADINGS = 8
#: A heading and a meta title agree when this share of the longer one's
#: words is common to both ("Hingucker beim Flugplatzfest in Dessau: ..."
#: and the og:title without "in Dessau").
AGREE_SHARE = 0.6
#: A heading that agrees with no meta title is still the headline when it shares
#: a word this long with one ("Eignet sich eine Wärmepumpe im Altbau?" and
#: "Wärmepumpe im Altbau - Wann es sich lohnt"); a menu's "Navigation" shares none.
MIN_SHARED_WORD = 4
#: Elements inside an ``<h1>`` that are not the headline, named so by their
#: class: a kicker or topic label above it, a date, a subtitle after it.
_NOT_HEADLINE_CLASS = re.compile(
    r"kicker|overline|topline|roofline|dachzeile|eyebrow|label|topic|subtitle|subline|"
    r"\bdate\b|category|sr-only|screen-reader|visually-?hidden", re.I)
#: Elements that break a line inside a heading: their text is a word apart.
_BLOCK_TAGS = frozenset(("br", "div", "p", "small", "header", "section", "h2", "h3", "time"))
#: A link to a site's home page inside another address (a proxy's or an archive's copy).
_ROOT_URL = re.compile(r".https?://[^/]+/?$")
#: Punctuation left at a headline's edge once a kicker is gone (": Headline").
_TITLE_EDGE = re.compile(r"^[\s:|–—-]+|[\s:|–—-]+$")
#: Class or id of an ``<h1>`` (or of something in it) that holds the site's name.
_SITE_CLASS = re.compile(r"logo|site-?title|site-?name|brand|masthead", re.I)
#: What joins a headline and the site's name in ``<title>`` and og:title:
#: "Headline - Site", "Site | Headline", "Headline :: Site", "Headline » Site".
_TITLE_SEPARATOR = re.compile(r"\s+[-|–—»«·•⋆~/]\s+|\s*(?:\||::|»|\\)\s*|\s*:\s+")
_TRAILING_SEPARATOR = re.compile(r"(?:\s+[-|–—»«·•⋆~/]|\s*(?:\||::|»|:))\s*$")
_LEADING_SEPARATOR = re.compile(r"^\s*(?:[-|–—»«·•⋆~/:]|::)\s+")


def page_sites(tree, page: PageMeta, canonical: Optional[str]) -> List[str]:
    """Names the page gives its site: og:site_name, application-name, publisher, and host names.

    The hosts are those of ``page.url``, of the canonical link and of og:url,
    so an archived copy still knows the site it came from.
    """
    names = []  # not trafilatura's sitename: without og:site_name it guesses from <title>
    urls = [page.url, canonical]
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or "").strip().lower()
        if key in ("og:site_name", "application-name", "apple-mobile-web-app-title", "twitter:site"):
            names.append(el.get("content") or "")
        elif key == "og:url":
            urls.append(el.get("content"))
    for url in urls:
        host = _hostname(url)
        if host:
            names.append(host)
            names.extend(label for label in host.split(".")[:-1] if label != "www")
    out: List[str] = []
    for name in names:
        name = " ".join(name.split()).lstrip("@")
        if name and name not in out:
            out.append(name)
    return out


def site_like(text: str, sites: List[str]) -> bool:
    """True when ``text`` is a site's name: one of ``sites``, or holds one with a word or two more.

    >>> site_like("ZDNet.de", ["www.zdnet.de", "zdnet"]), site_like("Stack Overflow Blog", ["stackoverflow"])
    (True, True)
    >>> site_like("Apple unveils a new phone", ["apple"]), site_like("", [])
    (False, True)
    """
    a = _alnum(text)
    if not a:
        return True
    for site in sites:
        s = _alnum(site)
        if len(s) >= 3 and (a == s or (len(s) >= 4 and s in a and len(s) >= SITE_SHARE * len(a))):
            return True
    return False


#: A name and a longer text are the same site when the name is this share of it
#: ("stackoverflow" in "Stack Overflow Blog"), not a word in a headline.
SITE_SHARE = 0.5


def strip_site(title: str, sites: List[str]) -> str:
    """``title`` without the site's name before or after a separator.

    >>> strip_site("What is Rust? - Stack Overflow Blog", ["Stack Overflow Blog"])
    'What is Rust?'
    >>> strip_site("ZDNet.de | Facebook wehrt sich", ["www.zdnet.de", "zdnet"])
    'Facebook wehrt sich'
    >>> strip_site("Kernfusion: Kann die Sonne helfen?", ["ingenieur.de"])
    'Kernfusion: Kann die Sonne helfen?'
    """
    title = " ".join(title.split())
    if any(title.casefold() == site.casefold() for site in sites):
        return ""
    for site in sites:  # a site name may hold a separator itself: "AOC media - Analyse"
        folded, name = title.casefold(), site.casefold()
        if len(name) >= 3 and len(title) > len(name):
            if folded.endswith(name):
                rest = _TRAILING_SEPARATOR.sub("", title[: -len(name)])
                title = rest if rest != title[: -len(name)] and rest else title
            elif folded.startswith(name):
                rest = _LEADING_SEPARATOR.sub("", title[len(name):])
                title = rest if rest != title[len(name):] and rest else title
    parts = [(m.start(), m.end()) for m in _TITLE_SEPARATOR.finditer(title)]
    start, end = 0, len(title)
    for a, b in parts:
        if site_like(title[start:a], sites) and title[b:end].strip():
            start = b
        else:
            break
    for a, b in reversed(parts):
        if a < start:
            break
        if site_like(title[b:end], sites) and title[start:a].strip():
            end = a
        else:
            break
    return title[start:end].strip()


def _site_heading(h1) -> bool:
    """True for an ``<h1>`` that is the site's logo or name: so named, or a link to the home page.

    >>> from lxml import html
    >>> _site_heading(html.fromstring('<h1 id="site-title"><span>Daily</span></h1>'))
    True
    >>> _site_heading(html.fromstring('<h1><a href="https://example.org/">Daily</a></h1>'))
    True
    >>> _site_heading(html.fromstring('<h1><a href="/2024/05/council-budget">Council approves</a></h1>'))
    False
    """
    from urllib.parse import urlsplit

    for el in h1.iter():
        if not isinstance(el.tag, str):
            continue
        if _SITE_CLASS.search(" ".join((el.get("id") or "", el.get("class") or ""))):
            return True
        href = (el.get("href") or "").strip() if el.tag == "a" else "#"
        if "home" in (el.get("rel") or "").split() or (
                not href.startswith("#") and (urlsplit(href).path.strip("/") == "" or _ROOT_URL.search(href))):
            return True
    return False


def _headline_texts(h1) -> List[str]:
    """The ``<h1>``'s headline as printed, then the same without each child, then each child alone.

    Children whose class names a kicker, a date, a subtitle or hidden text are
    left out of all of them; the other variants let a kicker or subtitle that
    is not so named fall away when the meta titles agree without it.

    >>> from lxml import html
    >>> _headline_texts(html.fromstring('<h1><span class="kicker">Budget:</span> Council approves</h1>'))
    ['Council approves']
    >>> _headline_texts(html.fromstring('<h1><small>Tunisia</small><br>New government</h1>'))
    ['Tunisia New government', 'New government', 'Tunisia']
    """
    kept = [c for c in h1 if isinstance(c.tag, str) and not _not_headline(c)]

    def text(skip=None) -> str:
        return _TITLE_EDGE.sub("", " ".join(_visible_text(h1, skip).split()))

    out = [text() or _TITLE_EDGE.sub("", " ".join(h1.text_content().split()))]
    for child in kept:
        own = _TITLE_EDGE.sub("", " ".join(child.text_content().split()))
        if own:
            out.extend([text(skip=child), own])
    return list(dict.fromkeys(t for t in out if t))


def _not_headline(el) -> bool:
    return bool(_NOT_HEADLINE_CLASS.search(" ".join((el.get("class") or "", el.get("id") or ""))))


def _visible_text(el, skip=None) -> str:
    """The text of ``el`` without ``skip`` and without descendants named as not the headline."""
    parts = [el.text or ""]
    for child in el:
        gap = " " if child.tag in _BLOCK_TAGS else ""
        if isinstance(child.tag, str) and child is not skip and not _not_headline(child):
            parts.append(gap + _visible_text(child) + gap)
        parts.append(gap + (child.tail or ""))
    return "".join(parts)


def choose_title(tree, linked: List[Any], fallback: Optional[str], sites: List[str]) -> Optional[str]:
    """The headline, chosen by agreement between the ``<h1>`` and the meta titles.

    The candidates are the page's ``<h1>`` headings and its meta titles
    (JSON-LD headline, og:title, twitter:title, ``<title>``), each meta title
    without the site name it carries. A heading that agrees with a meta title
    is the title, as the page prints it; with none, the meta title most
    candidates agree on, unless a heading shares a word with them (a page
    whose meta title words its headline differently); a page with no meta
    title takes its first heading that is not the site's name.
    ``fallback`` (trafilatura's) when all fail.
    """
    metas = [v for v in _json_values(linked, "headline") if isinstance(v, str)][:1]
    found = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or "").strip().lower()
        if key in ("og:title", "twitter:title") and key not in found and (el.get("content") or "").strip():
            found[key] = el.get("content")
    metas += [found[k] for k in ("og:title", "twitter:title") if k in found]
    title_el = tree.find(".//head/title")
    if title_el is None:
        title_el = tree.find(".//title")
    if title_el is not None and title_el.text_content().strip():
        metas.append(title_el.text_content())
    metas = [" ".join(m.split()) for m in metas if m and m.strip()]
    pairs = [(m, strip_site(m, sites)) for m in metas]
    metas, cores = [m for m, c in pairs if c and not site_like(c, sites)], \
        [c for m, c in pairs if c and not site_like(c, sites)]
    headings = []
    for h1 in tree.iter("h1"):
        texts = _headline_texts(h1)
        if texts and not site_like(texts[0], sites) and not _site_heading(h1):
            headings.append(texts)
        if len(headings) >= MAX_HEADINGS:
            break
    best, best_score = None, 0
    for texts in headings:
        for text in texts:
            score = max((_agreement(text, m, c) for m, c in zip(metas, cores)), default=0)
            if score > best_score:
                best, best_score = text, score
    if best:
        return best
    words = {w for m in metas for w in _tokens(m) if len(w) >= MIN_SHARED_WORD}
    for texts in headings:
        if not cores or words & set(_tokens(texts[0])):
            return texts[0]
    if cores:
        return max(cores, key=lambda c: sum(_part_of(_tokens(c), _tokens(o)) for o in cores))
    return fallback


def _part_of(part: List[str], whole: List[str]) -> bool:
    """True when the words ``part`` are ``whole``, or its start or its end."""
    return bool(part) and (whole[: len(part)] == part or whole[-len(part):] == part)


def _agreement(heading: str, meta: str, core: str) -> int:
    """How well a heading agrees with a meta title: 3 same words, 2 its start or end, 1 most words.

    >>> _agreement("Tote Hummeln", "Tote Hummeln: Die Erklärung | Hummeln", "Tote Hummeln: Die Erklärung")
    2
    >>> _agreement("Opinion", "Retraite | AOC - Analyse Opinion Critique", "Retraite")
    0
    """
    h, m, c = _tokens(heading), _tokens(meta), _tokens(core)
    if not h:
        return 0
    if h == c or h == m:
        return 3
    if m[: len(h)] == h or m[-len(h):] == h:
        return 2
    if c and len(set(h) & set(c)) >= AGREE_SHARE * max(len(set(h)), len(set(c))):
        return 1
    return 0


#: Class names of the elements that print a byline ("byline", "author vcard", "entry-author") ...
_BYLINE_CLASS = re.compile(r"author|byline|autor|auteur|writer", re.I)
#: ... unless they name something else about an author: a comment's, an avatar, a
#: biography box, a share or follow button, a form field, a date.
_NOT_BYLINE_CLASS = re.compile(
    r"comment|avatar|\bbio|biog|box|about|descr|image|img|photo|share|follow|social|mail|"
    r"twitter|facebook|form|date|time|\bmore|prep|title|role|job|affiliation", re.I)
#: Ancestors that make a byline (or a date line) someone else's: comments, teasers,
#: sidebars, footers, the site's header bar (its date is today's).
_NOT_BYLINE_PLACE = re.compile(r"comment|related|teaser|sidebar|footer|widget|recommend|slider|carousel|"
                               r"masthead|topbar|top-bar|navbar|site-header|ticker", re.I)
#: A byline element longer than this is a biography or a whole header, not a byline.
BYLINE_MAX_CHARS = 120
#: A name has at most this many words ("Gàbor Muniér", "Sarah E. Needleman", "Jean-Luc de la Tour").
NAME_MAX_WORDS = 5
#: Splits several names: "Jane Smith, John Doe", "A und B", "A & B", "A y B" (a lone lower-case
#: "y", "e", "i" only: "Sarah E. Needleman" is one name).
_NAME_SPLIT = re.compile(r"\s*(?:[,;|&]|\s[-–—]\s|\s(?:and|und|et|oraz|con)\s|\s(?-i:y|e|i)\s)\s*", re.I)
#: What may join a name and the date after it: "Jane Smith, 3 May", "Jane Smith am 3. Mai".
_BEFORE_DATE = re.compile(r"(?:[\s,|/·•\-–—]|\b(?:on|at|am|um|le|el|em|il|dnia)\b)+$", re.I)
_AFTER_DATE = re.compile(r"^(?:[\s,|/·•\-–—]|\b(?:at|um|à|a las)\b|\d{1,2}[:.]\d{2}(?:\s*(?:uhr|am|pm|h))?)+", re.I)
@lexicon.cached
def _trailing_time():
    """A time after a name, with the lexicon's ``date_connectors`` before it: "Jane Smith at 18:52",
    "Jane Smith, 18.52 Uhr"."""
    return regex.compile(rf"[\s,]+(?:{lexicon.alternation('date_connectors')}\s*)?\d{{1,2}}[:.]\d{{2}}\b.*$", regex.I)


@lexicon.cached
def _joiner():
    """A word joining names at the start of what is left of a byline: the lexicon's ``name_joiners``, "&"."""
    return regex.compile(rf"^(?:{lexicon.alternation('name_joiners')}|&)\s+", regex.I)
_LETTER = re.compile(r"[^\W\d_]")


def byline_names(text: str, sites: List[str]) -> List[str]:
    """The authors' names in a byline element's text, each once; ``[]`` when it names none.

    Prefixes ("By", "Von", "Par", "Autor:", "Posted by") and job titles go, a
    date goes with what joins it, and several authors are split; UI strings,
    the site's own name and phrases too long for a name are not names.

    >>> byline_names("Von Jane Smith und John Doe", [])
    ['Jane Smith', 'John Doe']
    >>> byline_names("Posted on 3 May 2021 by R.C. Baker", [])
    ['R.C. Baker']
    >>> byline_names("Author: Bo2man am 29.12.2010, 13:36 Uhr", [])
    ['Bo2man']
    >>> byline_names("Text und Interview: Ana Ruiz", []), byline_names("Ana Ruiz Autorin", [])
    (['Ana Ruiz'], ['Ana Ruiz'])
    >>> byline_names("Follow", []), byline_names("Posted", []), byline_names("Published 3 May 2021", [])
    ([], [], [])
    >>> byline_names("the end of the year, when prices had doubled again", [])
    []
    """
    from .dates import find_date

    text = " ".join(text.split())
    if not text or len(text) > BYLINE_MAX_CHARS:
        return []
    parts = [text]
    dated = find_date(text) if any(c.isdigit() for c in text) else None
    if dated:  # "Jane Smith, 3 May 2021", or "Posted on 3 May 2021 by Jane Smith"
        parts = [_BEFORE_DATE.sub("", text[: dated[0].start()]), _AFTER_DATE.sub("", text[dated[0].end():])]
    for k, part in enumerate(parts):
        names = _names(_trailing_time().sub("", part), sites)
        if not names and k and dated and any(c.isdigit() for c in part):
            names = byline_names(part, sites)  # the date printed twice: "Mo, 4. Mai 2021 Mo, 4. Mai 2021 von …"
        if names:
            return names
    return []


def _names(text: str, sites: List[str]) -> List[str]:
    from . import lexicon

    data = lexicon.data()
    non_names = (lexicon.phrase_set("author_non_names") | lexicon.phrase_set("ui_labels")
                 | set(data.get("months", {})) | set(data.get("weekdays", [])))
    out: List[str] = []
    for part in _NAME_SPLIT.split(_strip_prefixes(text)):
        name = _strip_roles(_strip_prefixes(part.strip(" ,:;|·•–—-()[]")))
        words = _before_number(name.split())
        name = " ".join(words)
        if (not words or len(words) > NAME_MAX_WORDS or len(_LETTER.findall(name)) < 2 or name[0].isdigit()
                or lexicon.fold(name) in non_names
                or any(c in name for c in "@:") or not _name_shaped(words)):
            continue
        if name.casefold() not in {n.casefold() for n in out}:
            out.append(name)
    return out


def _before_number(words: List[str]) -> List[str]:
    """The words of a name before a number that follows it ("Houzz Deutschland vor 5 Stunden").

    >>> _before_number("Ana Ruiz vor 5 Stunden".split()), _before_number(["Bo2man"])
    (['Ana', 'Ruiz'], ['Bo2man'])
    """
    for k, word in enumerate(words[1:], 1):
        if any(c.isdigit() for c in word):
            words = words[:k]
            while len(words) > 1 and words[-1][:1].islower():
                words.pop()
            break
    return words


def _name_shaped(words: List[str]) -> bool:
    """One word (a handle: "jancak"), or words most of which are capitalised ("Walter von Aachen").

    >>> _name_shaped(["Walter", "von", "Aachen"]), _name_shaped(["the", "end", "of", "the", "year"])
    (True, False)
    """
    if len(words) == 1:
        return True
    inside = lexicon.phrase_set("name_particles")  # lower-case words a name may start with: "von der Leyen"
    capitals = sum(1 for w in words if w[:1].isupper() or w in inside)
    return ((words[0][:1].isupper() or words[0] in inside) and words[-1][:1].isupper()
            and capitals * 2 >= len(words))


def _strip_prefixes(text: str) -> str:
    """``text`` without the byline prefixes it starts with ("By", "Posted by", "Text und Interview:")."""
    from . import lexicon

    text = text.strip(" ,:;|·•–—-")
    for _ in range(3):
        found = lexicon.match_prefix("byline_prefixes", text) or lexicon.match_prefix("author_prefixes", text)
        if found is None:
            break
        text = _joiner().sub("", text[found[1]:].lstrip(" :：,-–—"))
    return text.strip()


def _strip_roles(name: str) -> str:
    """A name without the job title or label after it ("Jane Smith Reporter", "Hans Müller Redakteur")."""
    from . import lexicon

    roles = lexicon.phrase_set("byline_roles") | lexicon.phrase_set("author_non_names")
    words = name.split()
    while len(words) > 1 and lexicon.fold(words[-1]) in roles:
        words.pop()
    if lexicon.fold(" ".join(words)) in roles:
        return name  # all job title: a desk's byline ("Staff Writer") stays as printed
    return " ".join(words)


def _elsewhere(el) -> bool:
    """True when ``el`` sits in a comment, a teaser, a sidebar or a footer.

    A layout class such as "with-sidebar" on a wrapper names the page's
    layout, not a sidebar, and does not count.
    """
    for a in el.iterancestors():
        if _NOT_BYLINE_PLACE.search(_LAYOUT_CLASS.sub(" ", a.get("class") or "")):
            return True
    return False


#: "with-sidebar", "right-sidebar", "sidebar-left", "has-comments": a wrapper's layout, not what it holds.
_LAYOUT_CLASS = re.compile(r"(?:with|has|no|without|one|two|left|right)[-_]+[a-z]+|[a-z]+[-_]+(?:left|right)\b",
                           re.I)


def byline_elements(tree, elsewhere: Optional[list] = None) -> Iterator[str]:
    """The texts of the page's byline elements, in page order: marked ``itemprop="author"``,
    ``rel="author"``, or by a byline class, and not inside comments, teasers or footers
    (the texts of those go to ``elsewhere``, if given)."""
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "body", "article", "main", "script", "style", "meta"):
            continue
        cls = " ".join((el.get("class") or "", el.get("id") or "", el.get("data-testid") or ""))
        marked = el.get("itemprop") == "author" or "author" in (el.get("rel") or "").split()
        if not marked and not (_BYLINE_CLASS.search(cls) and not _NOT_BYLINE_CLASS.search(cls)):
            continue
        text = " ".join(" ".join(el.itertext()).split())
        if not text or len(text) > BYLINE_MAX_CHARS:
            continue
        if not _elsewhere(el):
            yield text
        elif elsewhere is not None:
            elsewhere.append(text)


def author_candidates(tree, linked: List[Any], trafilatura_author: Optional[str], sites: List[str]) -> dict:
    """The page's authors as each source gives them: JSON-LD, byline elements, meta tags, trafilatura."""
    out = {"jsonld": [], "byline": [], "link": [], "meta": [],
           "trafilatura": [n for name in split_authors(trafilatura_author) for n in _names(name, sites)]}
    if out["trafilatura"]:
        # trafilatura capitalises what it takes for names: keep those the page's markup
        # prints so (letters compared, case kept), not "The End" from "the end of the year";
        # a one-word handle printed in lower case ("flerche") is kept as printed.
        from lxml import etree

        page = etree.tostring(tree, encoding="unicode", method="html")
        kept = []
        for n in out["trafilatura"]:
            if letters_in(n, page):
                kept.append(n)
            elif " " not in n and letters_in(n.lower(), page):
                kept.append(n.lower())
        out["trafilatura"] = kept
    for name in jsonld_persons(linked):
        out["jsonld"] += [n for n in byline_names(name, sites) if n not in out["jsonld"]]
    elsewhere: list = []
    for text in byline_elements(tree, elsewhere):
        if not out["byline"]:
            out["byline"] = byline_names(text, sites)
    # Bylines in other places name no author of this article, but show how the page spells a name.
    out["printed"] = [n for text in elsewhere for n in byline_names(text, sites)]
    for link in tree.iter("a"):
        if _AUTHOR_LINK.search(link.get("href") or "") and not _elsewhere(link):
            out["link"] = byline_names(link.text_content(), sites)
            if out["link"]:
                break
    for el in tree.iter("meta"):
        key = (el.get("name") or el.get("property") or "").strip().lower()
        if key in _AUTHOR_META:
            out["meta"] += [n for n in byline_names(el.get("content") or "", sites) if n not in out["meta"]]
    return out


#: The sources of authors, most trusted first (measured on the multilingual
#: development pages: this order gave the most pages right, and asking the
#: sources to vote did not do better).
AUTHOR_SOURCES = ("jsonld", "byline", "link", "meta", "trafilatura")


def choose_authors(candidates: dict, sites: List[str] = ()) -> List[str]:
    """The first source in :data:`AUTHOR_SOURCES` that names a person, spelled as the page prints it.

    A name that is the site's own (``sites``) is not a person: a publisher in
    the author meta tag gives way to the byline's person (a blog's only
    byline, its name, is kept apart: :func:`site_authors`).

    trafilatura drops the dots of initials and changes the case ("R C Baker");
    when another source prints the same name, its spelling is kept.

    >>> choose_authors({"jsonld": [], "byline": [], "link": ["R.C. Baker"], "meta": [],
    ...                 "trafilatura": ["R C Baker"]})
    ['R.C. Baker']
    >>> choose_authors({"jsonld": [], "byline": [], "link": [], "meta": [], "trafilatura": ["R C Baker"]})
    ['R C Baker']
    """
    names = next((persons for k in AUTHOR_SOURCES
                  for persons in [[n for n in candidates.get(k, []) if not site_like(n, sites)]] if persons),
                 [])
    printed = {_alnum(n): n for k in AUTHOR_SOURCES[:-1] + ("printed",) for n in candidates.get(k, [])}
    return [printed.get(_alnum(n), n) for n in names]


def site_authors(candidates: dict) -> List[str]:
    """The site's own byline when no source names a person ("Redaktion X", a blog's name), not a host name.

    >>> site_authors({"byline": ["Coast Herald"]}), site_authors({"meta": ["coastherald.com"]})
    (['Coast Herald'], [])
    """
    for key in AUTHOR_SOURCES:
        names = [n for n in candidates.get(key, []) if not _HOST_NAME.search(n)]
        if names:
            return names
    return []


#: A host name ("example.com", "www.example.de"): never an author.
_HOST_NAME = re.compile(r"^[\w.-]+\.[a-z]{2,}$", re.I)
#: A link to an author's page: ".../author/jane-smith", ".../autor/…", ".../auteur/…".
_AUTHOR_LINK = re.compile(r"/(?:author|authors|autor|autoren|auteur|autore|autores|autorzy)/[^/?#]+", re.I)
#: Meta tags that name the article's author.
_AUTHOR_META = ("author", "article:author", "og:article:author", "dc.creator", "dcterms.creator",
                "parsely-author", "sailthru.author", "byl", "citation_author")


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


#: What is not a letter or digit (``str.isalnum``): stdlib ``re``'s ``\\w`` is exactly
#: ``isalnum()`` plus the underscore, and one substitution runs in C over a whole page.
_NOT_ALNUM = re.compile(r"[\W_]+")


def _letters(text: str) -> str:
    """The letters and digits of ``text``, in order.

    >>> _letters("Jane O'Neill-Smith, 2024_x")
    'JaneONeillSmith2024x'
    """
    return _NOT_ALNUM.sub("", text)


def letters_in(text: str, page: str) -> bool:
    """True when the letters and digits of ``text`` stand in a row in ``page`` with only other
    characters between them: ``_letters(text) in _letters(page)``, without building the
    page's letters (one search over the page instead of a copy of it).

    >>> letters_in("Jane Smith", "<b>jane</b> By Jane-Smith."), letters_in("Jane Smith", "Jane <b>Smith</b>")
    (True, False)
    """
    return re.search(r"[\W_]*".join(re.escape(c) for c in _letters(text)), page) is not None


def _alnum(text: str) -> str:
    return _letters(text.casefold())


#: Elements that print the article's date: ``<time>``, or a class, id or itemprop
#: naming a date ("date", "post-date", "datum", "fecha", "datePublished") ...
_DATE_CLASS = re.compile(r"date|time|publish|posted|datum|fecha|data", re.I)
#: ... unless it is the date of an update or of a comment.
_NOT_PUBLISHED_CLASS = re.compile(r"modif|updat|comment|aktualisiert|geändert|edited", re.I)
#: A date element's text longer than this is a paragraph, not a date line.
DATE_LINE_MAX_CHARS = 80


def shown_dates(tree) -> List[Tuple[int, str, bool]]:
    """Every date the page prints in a date element or a byline element, but an update's or a comment's, in page order.

    Each as ``(position, date, elsewhere)``: the element's index in document
    order, its ``datetime`` (or ``data-date``, ``data-datetime``, ``content``) attribute when it has one, else the
    date in its text, and whether it sits in a teaser, a sidebar or a footer, or
    is hidden (:func:`_hidden`: machine data, not a date line the reader sees).

    >>> from lxml import html
    >>> shown_dates(html.fromstring('<div><p class="post-date">3 May 2021</p><div class="teaser">'
    ...                             '<time datetime="2021-05-01">1 May</time></div></div>'))
    [(1, '2021-05-03', False), (3, '2021-05-01', True)]
    >>> shown_dates(html.fromstring('<div><div class="comment"><time>1 May 2021</time></div>'
    ...                             '<p class="post-date">Published 3 May 2021</p></div>'))  # a comment's date: elsewhere
    [(2, '2021-05-01', True), (3, '2021-05-03', False)]
    >>> shown_dates(html.fromstring('<div><span class="updated">9 June 2021</span></div>'))
    []

    A byline element ("author", "byline") is read for its date line too, but not for an
    update's: an author box may print when the page was last changed.

    >>> shown_dates(html.fromstring('<div><p class="byline">Jane Smith | 3 May 2021</p>'
    ...                             '<p class="author-box">Last updated: 9 June 2021</p></div>'))
    [(1, '2021-05-03', False)]
    """
    from .dates import find_date

    out = []
    for pos, el in enumerate(tree.iter()):
        if not isinstance(el.tag, str) or el.tag in ("html", "body", "script", "style", "meta"):
            continue
        names = " ".join((el.get("class") or "", el.get("id") or "", el.get("itemprop") or ""))
        data = el.get("data-date") or el.get("data-datetime")
        byline = el.tag != "time" and not data and not _DATE_CLASS.search(names)
        if byline and (not _BYLINE_CLASS.search(names) or _NOT_BYLINE_CLASS.search(names)):
            continue  # neither a date element nor a byline (an author's bio box, avatar, share bar)
        if _NOT_PUBLISHED_CLASS.search(names):
            continue
        machine = el.get("datetime") or data or (el.get("content") if el.get("itemprop") else None)
        stamp = (iso_timestamp(machine) or (find_date(machine) or (None, None))[1]) if machine else None
        if stamp and stamp.endswith("+00:00"):
            stamp = _printed_offset(stamp, " ".join(_printed_text(el).split()))
        if not stamp:
            text = " ".join(_printed_text(el).split())
            if len(text) <= DATE_LINE_MAX_CHARS and any(c.isdigit() for c in text):
                found = find_date(text)
                if found and not (byline and lexicon.match_prefix("date_modified", text[:found[0].start()])):
                    stamp = found[1]
        if stamp:
            out.append((pos, stamp, _elsewhere(el) or _hidden(el)))
    return out


def _printed_offset(stamp: str, text: str) -> str:
    """A UTC ``stamp`` written in the UTC offset that its own element's printed clock time shows.

    >>> _printed_offset("2022-02-01T11:10:37+00:00", "Dienstag, 01. Februar 2022 12:10")
    '2022-02-01T12:10:37+01:00'
    >>> _printed_offset("2022-02-01T23:30:00+00:00", "Feb 1, 2022, 6:30 PM")
    '2022-02-01T18:30:00-05:00'

    Keeps: a printed date without a clock time, a time with its own zone, a clock time
    that no offset explains (another minute).

    >>> _printed_offset("2022-02-01T11:10:00+00:00", "1 Feb 2022"), _printed_offset("2022-02-01T11:10:00+00:00", "12:10 CET 1 Feb 2022")
    ('2022-02-01T11:10:00+00:00', '2022-02-01T11:10:00+00:00')
    >>> _printed_offset("2022-02-01T11:10:00+00:00", "1 Feb 2022 12:17")
    '2022-02-01T11:10:00+00:00'
    """
    from datetime import timedelta, timezone

    from .dates import find_date

    machine = _moment(stamp)
    found = find_date(text) if len(text) <= DATE_LINE_MAX_CHARS else None
    printed = _moment(found[1]) if found else None
    if machine is None or printed is None or printed.tzinfo is not None:
        return stamp
    clock = machine.replace(tzinfo=None)
    if printed.second == 0:
        clock = clock.replace(second=0, microsecond=0)
    offset = printed - clock
    if not offset or offset % timedelta(minutes=15) or abs(offset) > timedelta(hours=MAX_OFFSET_HOURS):
        return stamp
    return machine.astimezone(timezone(offset)).isoformat()


#: The widest UTC offset in use (UTC+14, Kiribati).
MAX_OFFSET_HOURS = 14


def _printed_text(el) -> str:
    """The text of ``el`` without the code of its scripts and styles.

    >>> from lxml import html
    >>> _printed_text(html.fromstring('<p>4 May 2021 <script>init();</script>| Jane</p>'))
    '4 May 2021 | Jane'
    >>> _printed_text(html.fromstring('<div><span><a>Jane Smith</a></span> - <span>4 May 2021</span></div>'))
    'Jane Smith - 4 May 2021'
    """
    from lxml import etree

    parts = []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if event == "start":
            if isinstance(node.tag, str) and node.tag not in ("script", "style"):
                parts.append(node.text or "")
        elif node is not el:
            parts.append(node.tail or "")
    return "".join(parts)


#: A class that hides an element: "hidden", "hide", "d-none", "h-hide", "is-hidden", "invisible".
_HIDDEN_CLASS = re.compile(r"(?:^|\s)(?:[a-z]{1,3}[-_])?(?:hidden|hide|none|invisible)(?=\s|$)", re.I)
#: A class for a screen size ("lg:flex", "d-md-block", "hidden-sm"): beside a hiding class, the
#: element shows on some screens.
_BREAKPOINT_CLASS = re.compile(r":|[-_](?:xs|sm|md|lg|xl|xxl)(?![a-z])", re.I)
#: An inline style that hides an element.
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _hidden(el) -> bool:
    """True when ``el`` or an ancestor is hidden by its markup: the page does not print its date.

    A hiding class beside a breakpoint's display class ("hidden lg:flex", "d-none d-md-block")
    shows the element on other screens, and does not count.

    >>> from lxml import html
    >>> tree = html.fromstring('<div><div class="h-hide"><time>1 May</time></div><p style="display: none">x</p>'
    ...                        '<nav class="hidden lg:flex"><time>2 May</time></nav>'
    ...                        '<span class="d-none d-md-block"><time>3 May</time></span></div>')
    >>> [_hidden(el) for el in tree.iter("time", "p")]
    [True, True, False, False]
    """
    for a in (el, *el.iterancestors()):
        cls = a.get("class") or ""
        if a.get("hidden") is not None or _HIDDEN_STYLE.search(a.get("style") or ""):
            return True
        if _HIDDEN_CLASS.search(cls) and not _BREAKPOINT_CLASS.search(cls):
            return True
    return False


#: A date element at most this many elements (in document order) from the headline
#: is the article's date line, above or below it; a page's header bar (today's
#: date), an event list or a last-post box sits farther away.
NEAR_HEADLINE = 30


def headline_position(tree, title: Optional[str]) -> Optional[int]:
    """Index (document order) of the heading that prints ``title``: an ``<h1>`` first, else an ``<h2>``/``<h3>``.

    >>> from lxml import html
    >>> headline_position(html.fromstring('<div><h2>Menu</h2><h2>Council approves</h2></div>'), "Council approves")
    2
    >>> headline_position(html.fromstring('<div><h1>Other</h1></div>'), "Council approves") is None
    True
    """
    found = headline_heading(tree, title)
    return None if found is None else found[0]


def headline_heading(tree, title: Optional[str]):
    """``(index, element)`` of the heading :func:`headline_position` names, or ``None``: one walk gives both."""
    wanted = _alnum(title or "")
    if not wanted:
        return None
    found = {}
    for pos, el in enumerate(tree.iter()):
        if el.tag in ("h1", "h2", "h3") and el.tag not in found:
            text = _alnum(el.text_content())
            if text and (text == wanted or (len(wanted) >= MIN_TITLE_IN_HEADING and wanted in text)):
                found[el.tag] = (pos, el)
    return found.get("h1", found.get("h2", found.get("h3")))


#: A title this long found inside a heading's longer text (a kicker before it) marks that heading.
MIN_TITLE_IN_HEADING = 10


def published_date(shown: List[Tuple[int, str, bool]], headline: Optional[int], stamp: Optional[str],
                   guess: Optional[str], modified: Optional[str] = None) -> Tuple[Optional[str], bool]:
    """The publication date, and whether it is only a guess: ``(date, guessed)``.

    ``shown`` are the page's date elements (:func:`shown_dates`), ``headline`` the
    headline's position, ``stamp`` the machine-written publication time of the
    head, ``guess`` trafilatura's date (htmldate's guess from the whole page).

    - a date element that prints the stamp's day confirms the stamp;
    - else the date element nearest the headline (:data:`NEAR_HEADLINE`); one in a
      teaser or a footer only after the headline and when the head has no stamp
      (a news item's own date line in a list-styled block);
    - else the stamp (the guess when they disagree); the first date element when there is neither.

    >>> shown = [(3, "2023-11-01", False), (50, "2023-10-31", False)]
    >>> published_date(shown, 52, None, "2023-11-01")  # the header bar's date is far from the headline
    ('2023-10-31', False)
    >>> published_date([(5, "2023-01-02", False), (12, "2022-12-26", False)], 8, "2022-12-26T10:33:00+01:00", None)
    ('2022-12-26T10:33:00+01:00', False)
    >>> published_date([(9, "2019-11-19T02:24:00+00:00", False)], 8, "2019-11-19T02:24:00", None)
    ('2019-11-19T02:24:00+00:00', False)
    >>> published_date([(60, "2022-01-26", True)], 40, None, "2022-01-27")
    ('2022-01-26', False)
    >>> published_date([(20, "2022-01-26", True)], 40, None, "2022-01-27")  # a teaser above the headline
    ('2022-01-27', True)
    >>> published_date([(80, "2022-01-27T18:45:00", False)], 40, None, "2022-01-27")
    ('2022-01-27T18:45:00', False)

    The time is written in the page's own UTC offset when one of its timestamps gives
    it (:func:`local_time`).

    >>> published_date([(9, "2019-11-19T03:24:00+01:00", False)], 8, "2019-11-19T02:24:00Z", None)
    ('2019-11-19T03:24:00+01:00', False)
    """
    date, guessed = _published(shown, headline, stamp, guess, modified)
    return local_time(date, [day for _, day, elsewhere in shown if not elsewhere] + [stamp, modified]), guessed


def _published(shown: List[Tuple[int, str, bool]], headline: Optional[int], stamp: Optional[str],
               guess: Optional[str], modified: Optional[str]) -> Tuple[Optional[str], bool]:
    own = [(pos, day) for pos, day, elsewhere in shown if not elsewhere]
    if stamp and any(day[:10] == stamp[:10] for _, day in own):
        # The same time written with its zone ("…T02:24:00+00:00" for a head's "…T02:24:00") is finer.
        return next((day for _, day in own if day.startswith(stamp) and len(day) > len(stamp)), stamp), False
    fallback = _agree(stamp, guess, modified)
    if headline is not None:
        near = [(pos, day) for pos, day in own if abs(pos - headline) <= NEAR_HEADLINE]
        if not near and not stamp:
            near = [(pos, day) for pos, day, _ in shown if 0 < pos - headline <= NEAR_HEADLINE]
        if near:
            return _shown(min(near, key=lambda p: abs(p[0] - headline))[1], fallback, modified), False
        if fallback or not own:
            # A printed date of the same day gives the time of day a bare day lacks.
            finer = next((day for _, day in own if fallback and len(fallback) == 10 and day[:10] == fallback), None)
            return finer or fallback, not stamp and not finer
    if own:
        return _shown(own[0][1], fallback, modified), False
    return fallback, not stamp


def local_time(value: Optional[str], others: List[Optional[str]]) -> Optional[str]:
    """``value`` as another of the page's timestamps writes the same moment more fully: with the
    page's own UTC offset, or with the seconds; else ``value`` as it is.

    - a UTC time (``+00:00``) that another timestamp writes with the page's offset takes it:
      the page's local day and time are the ones it prints;
    - a time without an offset takes the other's offset when it is the other's clock time,
      local or UTC (a head stamp without zone is often UTC);
    - a time to the minute takes the seconds of a timestamp of the same minute and offset.

    >>> local_time("2022-01-21T13:00:00+00:00", ["2022-01-21", "2022-01-21T14:00:00+01:00"])
    '2022-01-21T14:00:00+01:00'
    >>> local_time("2022-05-04T03:38:19+00:00", ["2022-05-04T00:38:19-03:00"])
    '2022-05-04T00:38:19-03:00'
    >>> local_time("2022-05-04T00:38:00", ["2022-05-04T00:38:19-03:00"])  # a printed time drops the seconds
    '2022-05-04T00:38:19-03:00'
    >>> local_time("2022-05-04T03:38:19", ["2022-05-04T00:38:19-03:00"])  # a zoneless UTC stamp
    '2022-05-04T00:38:19-03:00'
    >>> local_time("2022-05-04T03:38:00+00:00", ["2022-05-04T03:38:19+00:00"])
    '2022-05-04T03:38:19+00:00'

    Keeps: a time that has an offset of its own, a time of another moment, a bare day.

    >>> local_time("2022-01-21T13:00:00+02:00", ["2022-01-21T12:00:00+01:00"])
    '2022-01-21T13:00:00+02:00'
    >>> local_time("2022-01-21T13:00:00+00:00", ["2022-01-21T15:00:00+01:00"])
    '2022-01-21T13:00:00+00:00'
    >>> local_time("2022-01-21T13:00:00", ["2022-01-21T15:00:00+01:00"]), local_time("2022-01-21", [None])
    ('2022-01-21T13:00:00', '2022-01-21')
    """
    from datetime import timezone

    mine = _moment(value)
    if mine is None:
        return value
    for other in others:
        theirs = _moment(other)
        if theirs is None or theirs.tzinfo is None:
            continue
        if mine.tzinfo is None:
            same = (_same_clock(mine, theirs.replace(tzinfo=None))
                    or _same_clock(mine, theirs.astimezone(timezone.utc).replace(tzinfo=None)))
            finer = True
        else:
            same = _same_clock(mine, theirs)
            finer = ((not mine.utcoffset() and bool(theirs.utcoffset()))
                     or (theirs.utcoffset() == mine.utcoffset() and mine.second == 0 and theirs.second != 0))
        if same and finer:
            return theirs.isoformat()
    return value


def _moment(value: Optional[str]) -> Optional[datetime]:
    """A timestamp with a time of day, parsed; ``None`` for a bare day or no date."""
    if not value or len(value) <= 10:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _same_clock(printed: datetime, machine: datetime) -> bool:
    """The same clock time, to the second, or to the minute when the printed time has no seconds."""
    return printed == machine or (printed.second == 0 and printed == machine.replace(second=0, microsecond=0))


def _shown(shown: Optional[str], published: Optional[str], modified: Optional[str]) -> Optional[str]:
    """The date the page shows, written as the fuller machine timestamp of the same day if there is one.

    >>> _shown("2021-05-03", "2021-05-03T09:00:00+02:00", None), _shown("2021-05-04", "2021-05-03", None)
    ('2021-05-03T09:00:00+02:00', '2021-05-04')
    >>> _shown(None, "2021-05-03", None)
    '2021-05-03'
    """
    if not shown:
        return published
    for stamp in (published, modified):
        if stamp and stamp[:10] == shown[:10]:
            return stamp if len(stamp) > len(shown) else shown
    return shown


def _agree(stamp: Optional[str], day: Optional[str], modified: Optional[str] = None) -> Optional[str]:
    """The full timestamp when it agrees with trafilatura's date (or there is none), else that date.

    A date that is the day of the page's modification time is the update's, not the publication's:
    the stamp stays.

    >>> _agree("2020-01-19T12:25:36+00:00", "2020-01-20"), _agree("2020-01-19T12:25:36+00:00", "2020-01-19")
    ('2020-01-20', '2020-01-19T12:25:36+00:00')
    >>> _agree("2020-01-19T12:25:36+00:00", "2020-01-20", "2020-01-20T09:49:32+00:00")
    '2020-01-19T12:25:36+00:00'
    """
    if stamp and (not day or stamp.startswith(day) or (modified and modified[:10] == day and stamp[:10] != day)):
        return stamp
    return day


def _head_times(tree, linked: List[Any]) -> dict:
    """Publication/modification timestamps from meta tags, then JSON-LD (``linked``).

    Of several meta tags, the one earliest in :data:`_PUBLISHED_META` (or
    :data:`_MODIFIED_META`) wins, wherever it stands in the head.

    >>> from lxml import html
    >>> _head_times(html.fromstring('<html><head><meta name="sailthru.date" content="2020-01-20T09:49:32Z">'
    ...     '<meta property="og:article:published_time" content="2020-01-19T12:25:36Z"></head></html>'), [])
    {'published': '2020-01-19T12:25:36+00:00'}
    """
    found: dict = {}
    rank: dict = {}  # the earlier a key in its list, the surer: a mailing tool's date is often a revision's
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        which, keys = (("published", _PUBLISHED_META) if key in _PUBLISHED_META else
                       ("modified", _MODIFIED_META) if key in _MODIFIED_META else (None, ()))
        order = keys.index(key) if which else 0
        if which and order < rank.get(which, len(keys)):
            stamp = iso_timestamp(el.get("content") or "")
            if stamp:
                found[which], rank[which] = stamp, order
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

    The declared code is returned as the page declares it (BCP 47); :func:`merge`
    keeps it when the language of the extracted text agrees (:func:`agreed_language`).

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

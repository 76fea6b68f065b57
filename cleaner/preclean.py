"""html.*: drop page furniture from a parsed HTML tree by its markup, before extraction.

Sites name their boilerplate in their markup: ``<div class="related-posts">``,
``<section id="newsletter-signup">``, ``<div data-component="share-bar">``,
``<aside>``, ``<nav>``. :func:`preclean` walks the tree once and drops every
element whose markup names one of the rules below, so the extractor never sees
it, and returns what it dropped (rule id, element, first words) for
``--explain``.

How an element is matched:

1. Its markup is read: the ``class``, ``id``, ``role`` and ``aria-label``
   values, ``data-*`` values that are one short token (``data-component=
   "related-articles"``; titles, URLs and dates are not markup), and the names
   of ``data-ad-*`` attributes (:func:`markup`).
2. The markup is split into lower-case words at every non-letter and at
   camelCase joins, so ``relatedPosts``, ``related_posts`` and
   ``c-related-posts__list`` all read ``related posts`` (:func:`markup_words`).
3. Each rule (:data:`RULES`) lists words and phrases; the first rule with one
   of them among the words names the element (:func:`rule_for`). Whole words
   keep ``shared-content`` and ``header`` from reading as ``share`` and
   ``ad``. Markup naming an embed (``social-media-embed``, ``twitter-tweet``)
   is never furniture: embedded posts are part of the story. Nor is markup
   naming tags or categories (``story-tags``): the metadata is read from them.
4. ``<aside>``, ``<nav>`` and ``<footer>`` (the tags, their ARIA roles, and
   markup saying sidebar/nav/footer) are dropped only outside the article:
   not under ``<article>``/``articleBody`` and not among the story's
   paragraphs (:func:`inside_article`), where they are pull quotes and fact
   boxes.

Guards against over-matching (a wrapper with a class such as
``header-with-related-tags`` around the whole story):

- an element that holds at least :data:`MAIN_TEXT_SHARE` of the page's
  paragraph text is never dropped, whatever its markup says;
- ``<html>``, ``<head>``, ``<body>``, ``<main>`` and an element marked
  ``itemprop="articleBody"`` (or one containing it) are never dropped;
- nor is an element holding the ``<h1>`` or the machine-readable byline and
  dates (``itemprop="author"``/``datePublished``/``dateModified``,
  ``rel="author"``): the metadata is read after the pre-clean.

Lists (``<ul>``/``<ol>``) whose every item is a link are teaser lists
(``html.links``, :func:`is_link_list`). An element named "related" or "read
more" that holds a paragraph's worth of text and no link is the story's text
folded behind a "read more" toggle, and stays (:func:`is_unlinked_text`).
``cmp`` is not read as a consent manager: it is also the usual prefix of
content components (``cmp-text``, ``cmp-image``).

Rule ids: ``html.cookie``, ``html.popup``, ``html.ads``, ``html.newsletter``, ``html.share``,
``html.comments``, ``html.related``, ``html.promo``, ``html.reading_time``, ``html.breadcrumbs``,
``html.nav``, ``html.aside``, ``html.footer``, ``html.links``.

>>> from lxml import html
>>> tree = html.fromstring(
...     '<html><body><article><p>The council approved the budget on Monday.</p>'
...     '<div class="related-posts"><a href="/x">Budget talks stall</a></div></article>'
...     '<nav><a href="/">Home</a></nav></body></html>')
>>> [(d.rule, d.element, d.text) for d in preclean(tree)]
[('html.related', 'div.related-posts', 'Budget talks stall'), ('html.nav', 'nav', 'Home')]
>>> html.tostring(tree.body, encoding="unicode")
'<body><article><p>The council approved the budget on Monday.</p></article></body>'
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, Iterable, List, Optional, Tuple

from lxml.etree import XPath, iterwalk

from . import lexicon

#: An element holding at least this share of the page's paragraph text is the
#: article (or wraps it) and is kept, whatever its markup says. Boilerplate
#: blocks hold a small share; the story's own container holds most of it.
MAIN_TEXT_SHARE = 0.5
#: The explain report quotes at most this many words of a dropped element.
QUOTE_WORDS = 12
#: Words of the quote are read from at most this many characters of text.
QUOTE_CHARS = 200


@dataclass(frozen=True)
class Rule:
    """One selector rule: markup holding one of its ``words`` (or phrases) names the element."""

    id: str
    reason: str
    words: Tuple[str, ...]


def _markup(key: str) -> Tuple[str, ...]:
    """The markup words of lexicon key ``key`` (``markup_ads``, ``markup_share``,
    ``markup_comments``): the same in the sites' own languages ("werbung", "partage")."""
    return tuple(lexicon.data().get(key, []))


#: The selector rules, checked in this order; the first match names the rule.
#: A phrase ("read more") matches consecutive markup words, also when they are
#: written together ("readmore", "readMore").
RULES: Tuple[Rule, ...] = (
    Rule("html.cookie", "cookie or consent banner", (
        "cookie", "cookies", "consent", "gdpr")),
    Rule("html.popup", "tooltip or pop-up", (
        "tooltip", "tooltips", "popover", "popup", "pop up", "rollover", "hovercard", "modal", "popmake")),
    Rule("html.ads", "advertisement slot", (
        "ad", "ads", "adv", "advert", "adverts", "advertisement", "advertisements", "advertising",
        "advertorial", "adslot", "adunit", "adbox", "adcontainer", "adwrapper", "adzone", "adsense",
        "adsbygoogle", "dfp", "gpt", "doubleclick", "sponsor", "sponsors", "sponsored", "taboola",
        "outbrain") + _markup("markup_ads")),
    Rule("html.newsletter", "newsletter or subscription prompt", (
        "newsletter", "newsletters", "subscribe", "subscription", "sign up", "opt in", "mailchimp")),
    Rule("html.share", "share or social-media bar", (
        "share", "shares", "sharing", "sharebar", "sharethis", "addthis", "addtoany", "a2a",
        "social share", "social sharing", "social links", "social icons", "social buttons",
        "social bar", "social media", "social networks", "social follow", "follow us") + _markup("markup_share")),
    Rule("html.comments", "readers' comments", (
        "comment", "comments", "disqus", "respond", "replies") + _markup("markup_comments")),
    Rule("html.related", "related or recommended stories", (
        "related", "recommended", "recommendation", "recommendations", "recirc", "recirculation",
        "more stories", "more articles", "more news", "more from", "read more", "read next",
        "read also", "also read", "most read", "most popular", "most viewed", "most shared",
        "popular", "trending", "you may like", "you may also like", "you might like", "dont miss",
        "up next", "next article", "next story", "next post", "previous article", "previous story",
        "previous post", "prev article", "prev post", "latest news", "latest stories", "latest articles",
        "latest posts")),
    Rule("html.promo", "promotion", (
        "promo", "promos", "promotion", "promotions", "promoted", "upsell")),
    Rule("html.reading_time", "reading-time label", ("reading time", "read time", "time to read")),
    Rule("html.breadcrumbs", "breadcrumb trail", ("breadcrumb", "breadcrumbs", "crumb", "crumbs")),
    Rule("html.nav", "navigation", ("nav", "navbar", "navigation", "menu", "skip link")),
    Rule("html.aside", "sidebar", ("sidebar", "side bar", "complementary", "rail", "right rail")),
    Rule("html.footer", "page footer", ("footer", "contentinfo")),
)
#: Markup naming embedded content (a tweet, a video) is never furniture, even
#: when it says "social" or "share": embeds in a story are part of it.
EMBED_WORDS = ("embed", "embedded", "oembed", "tweet", "twitter tweet", "instagram media")
#: Markup naming the story's tags or categories is never furniture either: the
#: metadata reader takes the page's tags from those lists (the extractor leaves
#: them out of the body itself).
TAG_WORDS = ("tag", "tags", "tag list", "topics", "keywords", "category", "categories")
#: The longest phrase, in words.
MAX_PHRASE = max(len(w.split()) for r in RULES for w in r.words)

_KEY_RULE: Dict[str, int] = {}
for _i, _r in enumerate(RULES):
    for _w in _r.words:
        _KEY_RULE.setdefault(_w.replace(" ", ""), _i)
_EMBED_KEYS = frozenset(w.replace(" ", "") for w in EMBED_WORDS)
_KEEP_KEYS = _EMBED_KEYS | frozenset(w.replace(" ", "") for w in TAG_WORDS)
_NO_RULE = len(RULES)
#: A word or phrase is looked for across at most this many markup words
#: ("you may also like"; "mc embed signup" split at camelCase joins).
MAX_JOIN = MAX_PHRASE + 2
#: The markup words a match can start with: every beginning of a key.
_STARTS = frozenset(key[:k] for key in set(_KEY_RULE) | _KEEP_KEYS for k in range(1, len(key) + 1))
#: Markup words: lower-case runs, Capitalised runs (camelCase joins), CAPITALS, digits.
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+")


def markup_words(text: str) -> List[str]:
    """Markup split into lower-case words at non-letters and camelCase joins.

    >>> markup_words("c-relatedPosts__list ADSlot div-gpt-ad-300x250")
    ['c', 'related', 'posts', 'list', 'ad', 'slot', 'div', 'gpt', 'ad', '300', 'x', '250']
    """
    return [w.lower() for w in _WORD.findall(text)]


def rule_for(words: List[str]) -> Optional[str]:
    """The first rule (in :data:`RULES` order) whose word or phrase occurs in ``words``.

    Words and phrases are looked up with their words joined, so a phrase
    written in one piece ("readmore") or a word split at a camelCase join
    ("NewsLetter": ``news``, ``letter``) is found too.

    >>> rule_for(["c", "read", "more"]), rule_for(["readmore"]), rule_for(["news", "letter"])
    ('html.related', 'html.related', 'html.newsletter')
    >>> rule_for(["header", "shared"]), rule_for(["social", "media", "embed"]), rule_for(["related", "tags"])
    (None, None, None)
    """
    if _STARTS.isdisjoint(words):
        return None
    best = _NO_RULE
    n = len(words)
    for i in range(n):
        if words[i] not in _STARTS:
            continue
        key = ""
        for j in range(i, min(i + MAX_JOIN, n)):
            key += words[j]
            if key not in _STARTS:
                break  # no word or phrase starts so: no longer join can be one either
            if key in _KEEP_KEYS:
                return None
            rule = _KEY_RULE.get(key, _NO_RULE)
            if rule < best:
                best = rule
    return RULES[best].id if best < _NO_RULE else None


#: A list is a list of links (teasers, "more on this") when every item's text
#: is at least this share link text ...
LINK_SHARE = 0.9
#: ... and it has at least this many items (one linked item is a sentence's link).
LINK_LIST_MIN_ITEMS = 2

#: A story split into chunks (``<div class="article__body">`` several times,
#: between ad slots): a chunk holds at least this many paragraphs ...
CHUNK_MIN_PARAGRAPHS = 2
#: ... and the chunks sharing one tag and class hold at least this share of
#: the page's paragraph text together.
CHUNK_SHARE = 0.5

#: Tags dropped by their name alone when they stand outside the article.
OUTSIDE_TAGS: Dict[str, str] = {"nav": "html.nav", "aside": "html.aside", "footer": "html.footer"}
#: ARIA roles treated like those tags.
OUTSIDE_ROLES: Dict[str, str] = {"navigation": "html.nav", "complementary": "html.aside",
                                 "contentinfo": "html.footer"}
#: Rules that, matched by markup words, still apply only outside the article:
#: an "article-footer" or an in-story "sidebar" box holds text of the story.
OUTSIDE_ONLY = frozenset({"html.nav", "html.aside", "html.footer"})
#: Never dropped, whatever their markup.
PROTECTED_TAGS = frozenset({"html", "head", "body", "main", "title", "meta", "link", "script", "style"})
#: Attributes whose values name an element.
NAMING_ATTRIBUTES = frozenset({"class", "id", "role", "aria-label"})
#: A ``data-*`` value names a component ("related-articles", "AdSlot") when it
#: is one short token; longer values, URLs, dates and titles are content.
DATA_VALUE = re.compile(r"[A-Za-z][A-Za-z0-9_-]{1,39}")
#: A paragraph-holding parent: an ``<aside>``/``<footer>`` among at least this
#: many sibling paragraphs is a pull quote or fact box inside the story.
SIBLING_PARAGRAPHS = 3

_REASONS = {r.id: r.reason for r in RULES}
_REASONS["html.links"] = "list of links (teasers)"


@dataclass(frozen=True)
class Dropped:
    """One element the pre-clean removed: which rule, what element, its first words."""

    rule: str
    element: str
    text: str
    #: The element's text as lines, one per block (:func:`block_lines`), normalised
    #: (:func:`line_key`): the HTML path removes the extracted lines that are these.
    lines: Tuple[str, ...] = field(default=(), compare=False, repr=False)

    @property
    def reason(self) -> str:
        """What ``--explain`` says: the rule's reason, the element, its first words.

        >>> Dropped("html.share", "div.share-bar", "Share on Facebook").reason
        "share or social-media bar: <div.share-bar> 'Share on Facebook'"
        """
        return f"{_REASONS[self.rule]}: <{self.element}> {self.text!r}"


def markup(element) -> str:
    """The element's naming attribute values, as written, joined by spaces.

    ``class``, ``id``, ``role`` and ``aria-label`` values; ``data-*`` values
    that are one short token; the names of ``data-ad-*`` attributes.

    >>> from lxml import html
    >>> markup(html.fromstring('<div class="c-relatedPosts" data-ad-slot="3" data-title="A story">y</div>'))
    'c-relatedPosts data-ad-slot'
    """
    parts = []
    for name, value in element.items():
        if name in NAMING_ATTRIBUTES:
            parts.append(value)
        elif name.startswith("data-"):
            if name.startswith("data-ad-"):
                parts.append(name)
            if DATA_VALUE.fullmatch(value):
                parts.append(value)
    return " ".join(parts)


def match_rule(element) -> Optional[str]:
    """The id of the first rule the element's markup names, or ``None``.

    >>> from lxml import html
    >>> match_rule(html.fromstring('<div class="share-tools">x</div>'))
    'html.share'
    >>> match_rule(html.fromstring('<div class="shared-content header">x</div>')) is None
    True
    >>> match_rule(html.fromstring('<div class="social-media-embed">x</div>')) is None
    True
    """
    tag = element.tag
    if tag in OUTSIDE_TAGS:
        return OUTSIDE_TAGS[tag]
    text = markup(element)
    if not text:
        return None
    role = element.get("role")
    if role in OUTSIDE_ROLES:
        return OUTSIDE_ROLES[role]
    return _rule_for_markup(text)


@lru_cache(maxsize=8192)
def _rule_for_markup(text: str) -> Optional[str]:
    # Pages repeat the same class names on many elements: split and look each up once.
    return rule_for(markup_words(text))


def preclean(tree, rules: Optional[Iterable[str]] = None, candidates: Optional[List[Tuple[object, str]]] = None,
             repair: bool = True) -> List[Dropped]:
    """Drop boilerplate elements from ``tree`` (an lxml.html tree) in place; say what went.

    ``rules``: only the elements these rule ids name are dropped (all rules when ``None``).
    ``candidates``: the elements and rules :func:`find_candidates` gave for this tree
    (found again when ``None``). ``repair``: also gather a chunked story and unmark
    embeds (:func:`join_chunks`, :func:`keep_embeds`).
    """
    if candidates is None:
        candidates = find_candidates(tree)
    if rules is not None:
        only = frozenset(rules)
        candidates = [(el, rule) for el, rule in candidates if rule in only]
    dropped = _drop(tree, candidates) if candidates else []
    if repair:
        join_chunks(tree)
        keep_embeds(tree)
    return dropped


def find_candidates(tree) -> List[Tuple[object, str]]:
    """The elements whose markup names a rule, with the rule id, in document order (nothing dropped yet)."""
    candidates: List[Tuple[object, str]] = []
    for el in _MAY_MATCH(tree):
        tag = el.tag
        if tag in PROTECTED_TAGS:
            continue
        rule = match_rule(el)
        if rule is None and tag in ("ul", "ol") and is_link_list(el) and not names_tags(el):
            rule = "html.links"
        if rule is not None:
            candidates.append((el, rule))
    return candidates


def _drop(tree, candidates: List[Tuple[object, str]]) -> List[Dropped]:
    guard = _Guard(tree)
    popups = {el for el, rule in candidates if rule == "html.popup"}
    dropped: List[Dropped] = []
    gone = set()
    for el, rule in candidates:
        if any(a in gone for a in el.iterancestors()):
            continue  # already dropped with an ancestor
        if rule == "html.popup" and (el.tag == "a" or any(d in popups for d in el.iterdescendants())):
            continue  # a pop-up's trigger (a link, a name in the text): only the pop-up itself goes
        if rule in OUTSIDE_ONLY and inside_article(el):
            continue
        if rule == "html.related" and is_unlinked_text(el):
            continue  # a "read more" toggle around the story's own text, not teasers
        if guard.protects(el):
            continue
        dropped.append(Dropped(rule, describe(el), first_words(el), tuple(furniture_lines(el))))
        gone.add(el)
    for el in gone:
        el.drop_tree()
    return dropped


def keep_embeds(tree) -> int:
    """Unmark the wrappers around embedded posts so extractors keep the post; return how many.

    A story quotes a tweet or an Instagram post as a ``<blockquote>`` (whose
    markup names the embed) inside wrappers marked ``social-media-embed`` or
    ``widget``, which extractors take for share bars and drop with the quote.
    The ``class`` and ``id`` of the blockquote and of every wrapper that holds
    nothing but it are removed.

    >>> from lxml import html
    >>> t = html.fromstring('<div><p>Text.</p><div class="social-embed"><blockquote class="twitter-tweet">'
    ...                     '<p>Hello</p></blockquote></div></div>')
    >>> keep_embeds(t), html.tostring(t, encoding="unicode")
    (1, '<div><p>Text.</p><div><blockquote><p>Hello</p></blockquote></div></div>')
    """
    kept = 0
    for quote in tree.iter("blockquote"):
        if not quote.get("class") or not _is_embed(quote):
            continue
        size = _letters(quote.text_content())
        el = quote
        while el is not None and el.tag not in PROTECTED_TAGS and _letters(el.text_content()) <= size:
            for name in ("class", "id"):
                if name in el.attrib:
                    del el.attrib[name]
            el = el.getparent()
        kept += 1
    return kept


def _is_embed(el) -> bool:
    return _markup_names(el, _EMBED_KEYS, 3)


def _markup_names(el, keys, max_words: int) -> bool:
    """True when up to ``max_words`` adjacent words of the element's markup, joined, are one of ``keys``."""
    words = markup_words(markup(el))
    return any("".join(words[i:j]) in keys for i in range(len(words)) for j in range(i + 1, i + max_words + 1))


def join_chunks(tree) -> int:
    """Gather a story split into chunks into its first chunk; return how many groups were joined.

    Extractors take the first element that looks like the story's body; when
    the story is cut into several elements with the same tag and class (the
    text between ad slots or inline modules, each in its own wrapper), the
    later chunks would be lost. Chunks are elements holding at least
    :data:`CHUNK_MIN_PARAGRAPHS` paragraphs whose group holds
    :data:`CHUNK_SHARE` of the page's paragraph text. Everything from the
    first chunk to the last (the chunks and what stands between them) moves,
    in document order, to the end of the first chunk. Chunks that are
    siblings are left alone: whatever holds one holds them all.

    >>> from lxml import html
    >>> t = html.fromstring('<div><div><div class="body"><p>One.</p><p>Two.</p></div></div><h2>Mid</h2>'
    ...                     '<div><div class="body"><p>Three.</p><p>Four.</p></div></div></div>')
    >>> join_chunks(t), [e.text for e in t.find("div/div").iter("p", "h2")]
    (1, ['One.', 'Two.', 'Mid', 'Three.', 'Four.'])
    """
    held: Dict[object, int] = {}
    count: Dict[object, int] = {}
    total = 0
    for p in tree.iter("p"):
        n = sum(len(t) for t in p.itertext())  # the paragraph's own text
        total += n
        parent = p.getparent()
        if parent is not None and parent.get("class"):
            held[parent] = held.get(parent, 0) + n
            count[parent] = count.get(parent, 0) + 1
    groups: Dict[Tuple[str, str], List[object]] = {}
    for el, n in count.items():
        if n >= CHUNK_MIN_PARAGRAPHS:
            groups.setdefault((el.tag, el.get("class")), []).append(el)
    joined = 0
    for members in groups.values():
        if len(members) < 2 or sum(held[m] for m in members) < CHUNK_SHARE * total:
            continue
        if len({m.getparent() for m in members}) == 1:
            continue
        members = _in_document_order(tree, members)
        group = set(members)
        if any(a in group for m in members for a in m.iterancestors()):
            continue  # nested, not chunks
        common = _common_ancestor(members)
        if common is None:
            continue
        first, last = members[0], members[-1]
        start, end = _child_holding(common, first), _child_holding(common, last)
        children = list(common)
        for child in children[children.index(start) + 1:children.index(end) + 1]:
            first.append(child)
        joined += 1
    return joined


def _common_ancestor(elements: List[object]):
    paths = [list(reversed(list(e.iterancestors()))) for e in elements]
    common = None
    for level in zip(*paths):
        if all(x is level[0] for x in level):
            common = level[0]
        else:
            break
    return common


def _child_holding(ancestor, el):
    """The child of ``ancestor`` that is ``el`` or holds it."""
    while el.getparent() is not ancestor:
        el = el.getparent()
    return el


def _in_document_order(tree, elements: List[object]) -> List[object]:
    wanted = set(elements)
    return [el for el in tree.iter() if el in wanted]


def names_tags(el) -> bool:
    """True when the element's markup names the story's tags or categories (:data:`TAG_WORDS`).

    >>> from lxml import html
    >>> names_tags(html.fromstring('<ul class="story-tags"><li>x</li></ul>'))
    True
    """
    return _markup_names(el, _KEEP_KEYS, 2)


#: An element under a "related"/"read more" name that holds at least this many
#: letters of text and no link is text folded behind a "read more" toggle
#: (``<div class="js_readmore">``): teasers link to their stories.
UNLINKED_TEXT_LETTERS = 150


def is_unlinked_text(el) -> bool:
    """True for an element with :data:`UNLINKED_TEXT_LETTERS` letters of text or more and no link.

    >>> from lxml import html
    >>> is_unlinked_text(html.fromstring('<div class="readmore"><p>' + 'The village lies in a valley. ' * 8 + '</p></div>'))
    True
    >>> is_unlinked_text(html.fromstring('<div class="readmore"><a href="/x">Read more about the budget</a></div>'))
    False
    """
    return el.find(".//a[@href]") is None and _letters(el.text_content()) >= UNLINKED_TEXT_LETTERS


def is_link_list(el) -> bool:
    """True for a ``<ul>``/``<ol>`` whose items are all links: a teaser list, not the story's list.

    >>> from lxml import html
    >>> is_link_list(html.fromstring('<ul><li><a href="/a">Budget talks stall</a></li><li><a href="/b">Mayor quits</a></li></ul>'))
    True
    >>> is_link_list(html.fromstring('<ul><li>Schools get <a href="/s">more money</a></li><li>Parks stay</li></ul>'))
    False
    """
    items = [li for li in el if li.tag == "li"]
    if len(items) < LINK_LIST_MIN_ITEMS:
        return False
    for li in items:
        text = _letters(li.text_content())
        linked = sum(_letters(a.text_content()) for a in li.iter("a"))
        if not text or linked < LINK_SHARE * text:
            return False
    return True


def _letters(text: str) -> int:
    return len(_NOT_LETTER.sub("", text))


_NOT_LETTER = re.compile(r"[\W_]+")
#: The elements a rule can match, in document order: those with attributes,
#: the tags matched by name, and lists (one XPath call instead of a Python walk).
_MAY_MATCH = XPath("//*[@* or self::nav or self::aside or self::footer or self::ul or self::ol]")


class _Guard:
    """Keeps the article's container: by ``itemprop="articleBody"`` and by its share of paragraph text."""

    def __init__(self, tree):
        self.tree = tree
        self.marked = tree.xpath('//*[@itemprop="articleBody"]')
        self._total: Optional[int] = None

    def protects(self, el) -> bool:
        for marked in self.marked:
            if marked is el or any(a is el for a in marked.iterancestors()):
                return True
        if _META_INSIDE(el):
            return True
        if el.find(".//p") is None:
            return False
        if self._total is None:
            self._total = _paragraph_chars(self.tree)
        share = lexicon.threshold("preclean.main_text_share")  # MAIN_TEXT_SHARE unless a rule file sets it
        return self._total > 0 and _paragraph_chars(el) >= share * self._total


#: The story's headline and its machine-readable byline and dates: an element
#: holding them is kept, so the metadata (read after the pre-clean) still finds them.
_META_INSIDE = XPath('boolean(descendant-or-self::h1 | descendant-or-self::*[@itemprop="author" or '
                     '@itemprop="datePublished" or @itemprop="dateModified" or @rel="author"])')


def _paragraph_chars(el) -> int:
    return sum(len(t) for t in el.xpath(".//p//text()"))


def inside_article(el) -> bool:
    """True when ``el`` sits in the story: under ``<article>``/``articleBody``, or among its paragraphs.

    >>> from lxml import html
    >>> t = html.fromstring('<div><p>a</p><p>b</p><aside>quote</aside><p>c</p></div>')
    >>> inside_article(t.find("aside"))
    True
    """
    for a in el.iterancestors():
        if a.tag == "article" or a.get("itemprop") == "articleBody":
            return True
    parent = el.getparent()
    return parent is not None and sum(1 for c in parent if c.tag == "p") >= SIBLING_PARAGRAPHS


def describe(el) -> str:
    """A short CSS-like name for an element: ``tag#id.class``.

    >>> from lxml import html
    >>> describe(html.fromstring('<div id="side" class="rail  box">x</div>'))
    'div#side.rail.box'
    """
    out = el.tag
    if el.get("id"):
        out += "#" + el.get("id").strip()
    classes = (el.get("class") or "").split()
    if classes:
        out += "." + ".".join(classes[:3])
    return out[:80]


def first_words(el, n: int = QUOTE_WORDS) -> str:
    """The first ``n`` words of an element's text (for the explain report)."""
    chunks: List[str] = []
    size = 0
    for chunk in _texts(el):
        chunks.append(chunk)
        size += len(chunk)
        if size >= QUOTE_CHARS:
            break
    words = " ".join(chunks).split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def _texts(el) -> Iterable[str]:
    for t in el.itertext():
        if t.strip():
            yield t


#: Elements that start a new line of text (the extractor writes one block a line).
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul"})
#: Not text a reader sees.
_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template"})
#: A list or table marker the extractor writes before a line ("- item", "| cell |").
_LINE_MARK = re.compile(r"^(?:[-*•]\s+|\|\s*)|\s*\|$")


def line_key(text: str) -> str:
    """A line as the pre-clean and the extractor both write it: spaces collapsed, case folded.

    >>> line_key("- Budget  talks STALL "), line_key("| Budget talks stall |")
    ('budget talks stall', 'budget talks stall')
    """
    text = text.strip()
    if "|" in text or text[:1] in "-*•":  # only then can a marker be there to drop
        text = _LINE_MARK.sub("", text)
    return " ".join(text.split()).casefold()


#: Elements an extractor writes as one line even when blocks inside them
#: would break it ("- Title Teaser text" from ``<li><h3>Title</h3><p>Teaser text</p></li>``).
ITEM_TAGS = ("li", "dt", "dd", "p", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "blockquote")


def furniture_lines(el) -> List[str]:
    """The lines of a dropped element an extractor may write: its block lines, and its items whole.

    >>> from lxml import html
    >>> furniture_lines(html.fromstring('<ul><li><h3>Budget talks</h3><p>They stall.</p></li></ul>'))
    ['budget talks', 'they stall.', 'budget talks they stall.']
    """
    items: List[str] = []
    out = block_lines(el, items=items)  # one walk: nested items are not walked again
    seen = set(out)
    for key in items:
        if key and key not in seen:
            seen.add(key)
            out.append(key)
    return out


def block_lines(el, linked: Optional[set] = None, items: Optional[List[str]] = None, shown: bool = False) -> List[str]:
    """The element's visible text as lines, one per block element, as :func:`line_key` writes them.

    One walk over the element (each piece of text read once): a block tag
    (:data:`BLOCK_TAGS`) starts and ends a line; inline tags (links, spans)
    continue it. Scripts and styles are left out. ``linked``, when given,
    gets the lines whose text is all inside links (``<a href>``). ``items``,
    when given, gets the lines of each element of :data:`ITEM_TAGS` (the
    element itself included) joined by a space, in document order, as
    ``" ".join(block_lines(item))`` would give them: inline pieces joined as
    written, blocks by a space. ``shown=True``: the lines as the page shows
    them (spaces collapsed, case and list markers as written), not as keys.

    >>> from lxml import html
    >>> linked = set()
    >>> block_lines(html.fromstring('<div><h3>More news</h3><ul><li><a href="/a">Budget</a> talks</li>'
    ...                             '<li><a href="/m">Mayor <b>quits</b></a></li></ul>Last<br>line</div>'), linked)
    ['more news', 'budget talks', 'mayor quits', 'last', 'line']
    >>> linked
    {'mayor quits'}
    """
    out: List[str] = []
    current: List[str] = []  # the pieces of the line being read
    in_link = 0  # how many ``<a href>`` the walk is inside
    unlinked = False  # the current line has text outside links
    open_items: List[Tuple[int, int]] = []  # each item being read: its slot in ``items``, its first line

    def flush() -> None:
        key = " ".join("".join(current).split()) if shown else line_key("".join(current))
        if key:
            out.append(key)
            if linked is not None and not unlinked:
                linked.add(key)
        current.clear()

    walker = iterwalk(el, events=_WALK_EVENTS)  # comments come as one event: only their tail is text
    for event, node in walker:
        if event == "start":
            tag = node.tag
            if tag in _HIDDEN_TAGS:
                if items is not None:  # items inside a script or template: read on their own
                    items.extend(" ".join(block_lines(item)) for item in node.iter(ITEM_TAGS))
                walker.skip_subtree()  # its end event still comes, and adds its tail
                continue
            if tag in BLOCK_TAGS:
                if current:
                    flush()
                unlinked = False
            if tag == "a" and node.get("href"):
                in_link += 1
            text = node.text
            if text:
                current.append(text)
                if not in_link and not unlinked and text.strip():
                    unlinked = True
            if items is not None and tag in ITEM_TAGS:
                open_items.append((len(items), len(out)))
                items.append("")
            continue
        if event == "end":
            tag = node.tag
            if tag not in _HIDDEN_TAGS:
                if tag in BLOCK_TAGS:
                    if current:
                        flush()
                    unlinked = False
                if items is not None and tag in ITEM_TAGS:  # an item's lines are those since its start
                    slot, start = open_items.pop()
                    items[slot] = " ".join(out[start:])
                if tag == "a" and node.get("href"):
                    in_link -= 1
        tail = node.tail  # an element's end, a comment: the text after it continues the line
        if tail and node is not el:
            current.append(tail)
            if not in_link and not unlinked and tail.strip():
                unlinked = True
    if current:
        flush()
    return out


#: The events of :func:`block_lines`' walk (processing instructions are comments to the HTML parser).
_WALK_EVENTS = ("start", "end", "comment", "pi")


# -- a rule file's selectors (``[[site]]`` drop and keep) ---------------------
@dataclass(frozen=True)
class SelectorDrop(Dropped):
    """An element a rule file's ``drop`` selector removed (rule ``site.drop``)."""

    selector: str = ""
    origin: str = ""

    @property
    def reason(self) -> str:
        """What ``--explain`` says: the selector, its rule file, the element, its first words.

        >>> SelectorDrop("site.drop", "div.promo", "Win a car", selector="div.promo", origin="s.toml").reason
        "matches selector 'div.promo' (from rules file s.toml): <div.promo> 'Win a car'"
        """
        return f"matches selector {self.selector!r} (from rules file {self.origin}): <{self.element}> {self.text!r}"


def select(tree, selectors) -> List[Tuple[object, str, str]]:
    """The elements of ``tree`` that ``selectors`` (``(css, origin)`` pairs) name: ``(element, css, origin)``,
    each element once, in the order of the selectors."""
    from lxml.cssselect import CSSSelector

    found, seen = [], set()
    for css, origin in selectors:
        for el in CSSSelector(css)(tree):
            if el not in seen:
                seen.add(el)
                found.append((el, css, origin))
    return found


def drop_selected(tree, selectors, keep: Iterable[object] = ()) -> List[Dropped]:
    """Drop the elements ``selectors`` name (``(css, origin)`` pairs), as :func:`preclean` drops
    its own: never the article's container (:class:`_Guard`), nor an element that is, holds or
    is inside one of ``keep``.

    >>> from lxml import html
    >>> tree = html.fromstring('<html><body><article><p>The council approved the budget on Monday.</p>'
    ...                        '<div class="promo">Win a car</div></article></body></html>')
    >>> [d.reason for d in drop_selected(tree, [("div.promo", "s.toml")])]
    ["matches selector 'div.promo' (from rules file s.toml): <div.promo> 'Win a car'"]
    >>> html.tostring(tree.body, encoding="unicode")
    '<body><article><p>The council approved the budget on Monday.</p></article></body>'
    """
    guard = _Guard(tree)
    keep = list(keep)
    dropped: List[Dropped] = []
    gone = []
    for el, css, origin in select(tree, selectors):
        if any(a in gone for a in el.iterancestors()) or guard.protects(el) or touches(el, keep):
            continue
        dropped.append(SelectorDrop("site.drop", describe(el), first_words(el), tuple(furniture_lines(el)),
                                    selector=css, origin=origin))
        gone.append(el)
    for el in gone:
        el.drop_tree()
    return dropped


def touches(el, others) -> bool:
    """Whether ``el`` is one of ``others``, holds one, or is inside one."""
    for other in others:
        if other is el or any(a is el for a in other.iterancestors()) or any(a is other for a in el.iterancestors()):
            return True
    return False


def unname(el) -> None:
    """Strip the naming markup (:func:`markup`'s attributes) from ``el`` and the elements in it, so
    that no markup rule, of the pre-clean or of the extractor, reads it as boilerplate.

    >>> from lxml import html
    >>> el = html.fromstring('<div class="share-box" id="x" data-kind="promo"><p class="ad">Text</p></div>')
    >>> unname(el); html.tostring(el, encoding="unicode")
    '<div><p>Text</p></div>'
    """
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        for name in list(node.attrib):
            if name in NAMING_ATTRIBUTES or name.startswith("data-"):
                del node.attrib[name]

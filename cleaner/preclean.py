"""html.*: drop page furniture from a parsed HTML tree by its markup, before extraction.

Sites name their boilerplate in their markup: ``<div class="related-posts">``,
``<section id="newsletter-signup">``, ``<div data-component="share-bar">``,
``<aside>``, ``<nav>``. :func:`preclean` walks the tree once and drops every
element whose markup names one of the rules below, so the extractor never sees
it, and returns what it dropped (rule id, element, first words) for
``--explain``.

How an element is matched:

1. Its ``class``, ``id``, ``role``, ``aria-label`` and ``data-*`` attribute
   values (and the names of ``data-*`` attributes) are split into lower-case
   words at every non-letter and at camelCase joins, so ``relatedPosts``,
   ``related_posts`` and ``c-related-posts__list`` all read ``related posts``.
2. Each rule is a pattern of whole words over those words (:data:`RULES`).
   Whole words keep ``shared-content`` and ``header`` from reading as
   ``share`` and ``ad``.
3. ``<aside>``, ``<nav>`` and ``<footer>`` (and their ARIA roles) are dropped
   only outside the article (no ``<article>``/``articleBody`` ancestor): inside
   it they hold pull quotes and fact boxes.

Guards against over-matching (a wrapper with a class such as
``header-with-related-tags`` around the whole story):

- an element that holds at least :data:`MAIN_TEXT_SHARE` of the page's
  paragraph text is never dropped, whatever its markup says;
- ``<html>``, ``<head>``, ``<body>``, ``<main>`` and an element marked
  ``itemprop="articleBody"`` (or one containing it) are never dropped.

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
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Tuple

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
    """One selector rule: ``pattern`` matches the element's markup words."""

    id: str
    reason: str
    pattern: "re.Pattern[str]"


def _words(*alternatives: str) -> "re.Pattern[str]":
    """A pattern matching any of ``alternatives`` as whole words of the markup text."""
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(alternatives) + r")(?![a-z0-9])")


#: The selector rules, checked in this order; the first match names the rule.
#: Each pattern reads the markup words (see the module docstring).
RULES: Tuple[Rule, ...] = (
    Rule("html.cookie", "cookie or consent banner", _words(
        r"cookies?", r"consent", r"gdpr", r"cookie ?banner", r"cmp")),
    Rule("html.ads", "advertisement slot", _words(
        r"ads?", r"adv", r"adverts?", r"advertisements?", r"advertising", r"advertorial",
        r"ad ?(?:slot|unit|box|container|wrapper|block|zone|label|placeholder)s?",
        r"adsense", r"adsbygoogle", r"dfp", r"gpt", r"doubleclick",
        r"sponsored", r"sponsors?", r"taboola", r"outbrain", r"native ?ads?")),
    Rule("html.newsletter", "newsletter or subscription prompt", _words(
        r"newsletters?", r"subscribe", r"subscription", r"sign ?up", r"signup",
        r"opt ?in", r"optin", r"mailchimp", r"mc ?embed ?signup")),
    Rule("html.share", "share or social-media bar", _words(
        r"share", r"shares", r"sharing", r"share ?(?:bar|buttons?|tools|links|icons)",
        r"sharethis", r"addthis", r"addtoany", r"a2a",
        r"social ?(?:share|sharing|links|icons|buttons|bar|media|networks|follow)",
        r"follow ?us")),
    Rule("html.comments", "readers' comments", _words(
        r"comments?", r"comment ?(?:list|form|section|thread)", r"disqus", r"respond",
        r"replies")),
    Rule("html.related", "related or recommended stories", _words(
        r"related", r"recommended", r"recommendations?", r"recirc", r"recirculation",
        r"more ?(?:stories|articles|news|from)", r"read ?(?:more|next|also)", r"also ?read",
        r"most ?(?:read|popular|viewed|shared)", r"popular", r"trending",
        r"you ?may ?(?:also ?)?like", r"dont ?miss", r"up ?next", r"next ?(?:article|story|post)",
        r"prev(?:ious)? ?(?:article|story|post)")),
    Rule("html.promo", "promotion", _words(
        r"promo", r"promos", r"promotion", r"promotions", r"promoted", r"upsell")),
    Rule("html.breadcrumbs", "breadcrumb trail", _words(r"breadcrumbs?", r"crumbs?")),
    Rule("html.nav", "navigation", _words(r"navigation", r"nav", r"navbar", r"menu", r"skip ?link")),
    Rule("html.aside", "sidebar", _words(r"sidebar", r"side ?bar", r"complementary", r"right ?rail", r"rail")),
    Rule("html.footer", "page footer", _words(r"footer", r"contentinfo")),
)

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

_REASONS = {r.id: r.reason for r in RULES}
_CAMEL = re.compile(r"([a-z0-9])([A-Z])")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_ATTRS = ("class", "id", "role", "aria-label")


@dataclass(frozen=True)
class Dropped:
    """One element the pre-clean removed: which rule, what element, its first words."""

    rule: str
    element: str
    text: str

    @property
    def reason(self) -> str:
        return f"{_REASONS[self.rule]}: <{self.element}> dropped before extraction"


def markup_words(element) -> str:
    """The element's naming attributes as one string of lower-case words.

    >>> from lxml import html
    >>> markup_words(html.fromstring('<div class="c-relatedPosts__list" id="x" data-ad-slot="top">y</div>'))
    'c related posts list x ad slot top'
    """
    parts = []
    for name, value in element.items():
        if name in _ATTRS:
            parts.append(value)
        elif name.startswith("data-"):
            parts.append(name[5:])
            if len(value) <= 40:  # a name, not a JSON blob or a URL list
                parts.append(value)
    if not parts:
        return ""
    return _NON_WORD.sub(" ", _CAMEL.sub(r"\1 \2", " ".join(parts)).lower()).strip()


def match_rule(element) -> Optional[str]:
    """The id of the first rule the element's markup names, or ``None``.

    >>> from lxml import html
    >>> match_rule(html.fromstring('<div class="share-tools">x</div>'))
    'html.share'
    >>> match_rule(html.fromstring('<div class="shared-content header">x</div>')) is None
    True
    """
    tag = element.tag
    if tag in OUTSIDE_TAGS:
        return OUTSIDE_TAGS[tag]
    words = markup_words(element)
    if not words:
        return None
    role = element.get("role")
    if role in OUTSIDE_ROLES:
        return OUTSIDE_ROLES[role]
    for rule in RULES:
        if rule.pattern.search(words):
            return rule.id
    return None


def preclean(tree) -> List[Dropped]:
    """Drop boilerplate elements from ``tree`` (an lxml.html tree) in place; say what went."""
    candidates: List[Tuple[object, str]] = []
    for el in tree.iter():
        tag = el.tag
        if not isinstance(tag, str) or tag in PROTECTED_TAGS:
            continue
        rule = match_rule(el)
        if rule is not None:
            candidates.append((el, rule))
    if not candidates:
        return []
    guard = _Guard(tree)
    dropped: List[Dropped] = []
    gone = set()
    for el, rule in candidates:
        if any(a in gone for a in el.iterancestors()):
            continue  # already dropped with an ancestor
        if rule in OUTSIDE_ONLY and _inside_article(el):
            continue
        if guard.protects(el):
            continue
        dropped.append(Dropped(rule, describe(el), first_words(el)))
        gone.add(el)
    for el in gone:
        el.drop_tree()
    return dropped


class _Guard:
    """Knows how much paragraph text each element holds, to keep the article's container."""

    def __init__(self, tree):
        self.lengths = {p: len(p.text_content()) for p in tree.iter("p")}
        self.total = sum(self.lengths.values())
        self.body_marked = tree.xpath('//*[@itemprop="articleBody"]')

    def protects(self, el) -> bool:
        for marked in self.body_marked:
            if marked is el or any(a is el for a in marked.iterancestors()):
                return True
        if not self.total:
            return False
        held = sum(self.lengths.get(p, 0) for p in el.iter("p"))
        return held >= MAIN_TEXT_SHARE * self.total


def _inside_article(el) -> bool:
    for a in el.iterancestors():
        if a.tag == "article" or a.get("itemprop") == "articleBody":
            return True
    return False


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

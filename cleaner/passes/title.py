"""title.headline: the headline at the head of the article.

The first kept line is the title when it is headline-shaped (a few words, not
a sentence ending in a full stop) and more text follows it that is not another
headline-shaped line (which one is the headline is then unknown). Date, byline and
credit lines before it are removed by their own passes first, so a headline
under an "Updated …" line is still found.

On a whole page (menus and teasers around the article) the headline is one of
the lines just above the article's first paragraph; :func:`choose` weighs the
evidence for each (:func:`headline_score`): a byline or date line right below
it, the same words printed again (the page-title line "Headline - Site", a
breadcrumb, a repeat), the first paragraph right below it, its distance from
the article. Lines that only look like headlines are never chosen: a control
or share bar ("Teilen Twittern Email"), a relative time ("vor 2 Tagen"), a
menu line ("Start | Magazin | Tipps"), an image credit, a prompt ("…?" over a form).

With the page's address given, a line its slug spells (:func:`spells_url`) is the
headline even when two words long ("/kleine-schafskunde"). The title drops what a
renderer glued to the headline: a kicker joined with a spaced colon ("Klimaschutz :
Bohren, bis es heiß wird", not in French), a site's name the host spells ("… - Example Wiki").

Removes (into ``title``)::

    Border defence with Belarus remains top priority

Keeps::

    The council approved the budget on Monday after a long debate.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from typing import Iterator, List, Optional

import regex

from .. import lexicon
from ..dates import find_date
from ..layout import continues, is_link_line, wrap_width
from ..model import Document, Finding
from ..names import (
    LIST_ITEM,
    byline_names,
    full_names,
    has_stopword,
    is_label,
    names_before_separator,
    parse_names,
    particles,
)
from ..patterns import lazy_pattern
from ..shape import ends_sentence, has_digit, headline_candidate, is_prose
from .dates import date_label

#: The headline is looked for among this many non-blank lines above the
#: article's first paragraph (a photo, its credit, a share bar and a byline
#: block may stand between them) ...
LOOKBACK = 15
#: ... and among this many from it on: the stretch found as the article may
#: open with a kicker or the image caption above the headline.
LOOKAHEAD = 4
#: A byline or a date line within this many non-blank lines below a line marks
#: it as the headline (they sit right under it on nearly every news page).
META_REACH = 3
#: Evidence weights. Strong: a byline/date below it, or the same words printed
#: again; weaker: the first paragraph right below it.
META_BELOW_SCORE = 3.0
META_ABOVE_SCORE = 1.0
REPEAT_SCORE = 3.0
REPEAT_FAR_SCORE = 1.5
PROSE_BELOW_SCORE = 1.5
MARKDOWN_HEADING_SCORE = 3.0
#: The page's address names the line: its slug holds the headline's words.
URL_SCORE = 3.0
#: Each candidate between a line and the article's start costs this: with no
#: other evidence the nearest headline-shaped line above the article wins.
DISTANCE_PENALTY = 0.25
#: A line inside the article's stretch is a subheading unless evidence says otherwise.
INSIDE_PENALTY = 3.0
#: A headline holds at least this many words that are not controls or share-bar names.
MIN_CONTENT_WORDS = 2
#: When no pass cut the page's head, a line below the first kept one is the
#: headline only with at least this much evidence (a byline or a repeat).
EVIDENCE_MIN = 2.5

#: A line of at most this many words that opens in lower case is the tail of a
#: line of links, not a headline (longer ones may open with a brand: "creditshelf …").
SHORT_LOWER_WORDS = 4
#: A numeric date that no reading resolves ("11/08/2020": day or month first).
_NUMERIC_DATE = lazy_pattern(r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b")
_MENU_SEPARATORS = lazy_pattern(r"\s[|»›>/·•]\s|\s[|»›]\s*$|^\s*[|»›]")
#: A number standing alone (a house number, a postcode), not part of a word ("Paris-8", "F13").
_NUMBER = lazy_pattern(r"(?<![\w-])\d+(?![\w-])")
_CREDIT_MARK = lazy_pattern(r"/|©|\bvia\b|\(c\)", regex.I)


def is_headline_text(text: str) -> bool:
    """A line that can be a headline: headline-shaped and not a page control,
    a relative time, a menu line, an image credit or a date.

    >>> is_headline_text("Council approves budget after long debate")
    True
    >>> is_headline_text("Teilen Twittern Email"), is_headline_text("vor 2 Tagen aktualisiert")
    (False, False)
    >>> is_headline_text("Start | Magazin | Coole Tipps"), is_headline_text("Jane Doe/Agency via Getty Images")
    (False, False)
    >>> is_headline_text("Facebook faces record fine in Europe")  # a network named in a headline
    True
    >>> is_headline_text("Jane Smith, John Doe"), is_headline_text("in Illinois , Local")
    (False, False)
    >>> is_headline_text("Main St. 45, Springfield, 02923"), is_headline_text("A Paris-8, un peu de tension, beaucoup d'actions")
    (False, True)
    >>> is_headline_text("iPhone 14: why the wait pays off"), is_headline_text("Jane Smith 11/08/2020 Feelings")
    (True, False)
    """
    if not headline_candidate(text) or is_prose(text) or find_date(text) or _NUMERIC_DATE.search(text):
        return False
    if text[:1].islower() and text[1:2].islower() and len(text.split()) <= SHORT_LOWER_WORDS:
        return False  # "in Illinois , Local": the end of a line of links ("iPhone", "eBay" may open one)
    names = parse_names(text)
    if names and len(names) > 1 and all(len(n.split()) > 1 for n in names):
        return False  # "Jane Smith, John Doe": a byline without "By"
    if text.count(",") >= 2 and _NUMBER.search(text):
        return False  # "Main St. 45, Springfield, 02923": an address or a listing
    if _MENU_SEPARATORS.search(text):
        return False  # "Start | Magazin | Tipps", "Home » News": a menu or breadcrumb
    first = text.split()[0]
    if first.islower() and has_digit(text):
        return False  # "vor 2 Tagen", "il y a 3 heures", "před 2 hodinami": a relative time
    folded = lexicon.fold(text)
    words = regex.findall(r"\w+", folded)
    ui_words = lexicon.phrase_words("ui_labels", "share_networks")  # "teilen", "email", "print"
    if sum(w not in ui_words for w in words) < MIN_CONTENT_WORDS:
        return False  # "Teilen Twittern Email", "Add to Pocket": a control bar
    if _CREDIT_MARK.search(text) and lexicon.finder("photo_agencies").search(folded):
        return False  # "Jane Doe/Getty Images": an image credit
    return True


def _candidate(doc: Document, i: int) -> bool:
    ln = doc.lines[i]
    if not (doc.kept(i) and not is_link_line(ln) and byline_names(ln.plain) is None):
        return False
    if not (headline_candidate(ln.text) and is_headline_text(ln.plain)):
        return False  # ("headline_candidate" of the text as printed: "* Sport" is a menu item)
    # A line of a hard-wrapped paragraph is no headline.
    width = wrap_width(doc)
    return width is None or not ((i + 1 < len(doc.lines) and continues(doc, i, width))
                                 or (i > 0 and continues(doc, i - 1, width)))


def _is_meta(doc: Document, i: int) -> bool:
    return doc.removed_by(i, "byline", "date")


def _folded_counts(doc: Document) -> Counter:
    if "folded_counts" not in doc.memo:
        doc.memo["folded_counts"] = Counter(ln.folded for ln in doc.lines if not ln.blank)
    return doc.memo["folded_counts"]


def _repeated(doc: Document, i: int, nearby: List[int]) -> bool:
    """The words of line ``i`` printed again: another line the same, the page-title line
    ("Headline - Site") at the top, a breadcrumb ending in it, a paragraph opening with it."""
    folded = doc.lines[i].folded
    if _named_by_page_title(doc, i):
        return True
    for j in nearby:
        other = doc.lines[j].folded
        if j != i and other == folded:
            return True  # printed twice around the article's start (a site's name repeats far apart)
        if j == i or len(other) <= len(folded):
            continue
        if other.startswith(folded) and other[len(folded)] in _REPEAT_AFTER:
            return True  # "Headline: the first sentence of the article …"
        if other.endswith(folded) and other[-len(folded) - 1] in _REPEAT_BEFORE:
            return True  # "Home » News » Headline", "Home News Headline": a breadcrumb
    return False


def _named_by_page_title(doc: Document, i: Optional[int]) -> bool:
    """True when the page's first line is line ``i`` and a site name ("Headline - Site")."""
    top = doc.next_nonblank(-1, kept_only=False)
    return i is not None and top is not None and top != i and _names_headline(doc.lines[top].folded, doc.lines[i].folded)


#: What follows a headline repeated at the start of a paragraph, and what comes
#: before it at the end of a breadcrumb.
_REPEAT_AFTER = frozenset(":–—-")
_REPEAT_BEFORE = frozenset(" »›>/|:")


_TITLE_SEPARATOR = lazy_pattern(r"\s*[-|–—:·»]\s")


def _names_headline(page_title: str, line: str) -> bool:
    """True when ``page_title`` is ``line`` and a site name joined by a separator.

    >>> _names_headline("big storm hits coast - daily news", "big storm hits coast")
    True
    >>> _names_headline("big storm hits coast tonight", "big storm hits coast")
    False
    """
    if page_title.startswith(line):
        return bool(_TITLE_SEPARATOR.match(page_title[len(line):]))
    if page_title.endswith(line):
        return bool(_TITLE_SEPARATOR.search(page_title[:-len(line)][-3:]))
    return False


#: A line is named by the address when at least this share of its words is in the
#: address's path, and at least :data:`URL_MIN_WORDS` of them (all of a shorter line's).
URL_SHARE = 0.6
URL_MIN_WORDS = 3
_URL_TOKEN = lazy_pattern(r"[\p{L}\p{N}]+")
#: Umlauts written out in addresses ("kaese" for "Käse") and the sharp s: both sides drop them.
_SPELLED_OUT = (("ae", "a"), ("oe", "o"), ("ue", "u"), ("ss", "s"))


def _url_tokens(text: str) -> List[str]:
    """Words compared with an address: lower case, no accents, umlauts folded.

    >>> _url_tokens("Käse-Straße: Über 3 Brücken")
    ['kase', 'strase', 'uber', '3', 'brucken']
    """
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    for spelled, short in _SPELLED_OUT:
        text = text.replace(spelled, short)
    return _URL_TOKEN.findall(text)


#: A file name's extension ("….html", "….php") is no word of the slug.
_EXTENSION = lazy_pattern(r"\.[A-Za-z]\w{1,4}$")


def _url_words(doc: Document) -> frozenset:
    if "url_words" not in doc.memo:
        url = doc.memo.get("url") or ""
        path = ""
        if url:
            import urllib.parse  # only a document with an address reads one (start-up)

            path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
        # The slug: the part of the path with the most words ("/politik/deutschland/council-approves-budget").
        parts = [_url_tokens(_EXTENSION.sub("", part).replace("_", " ")) for part in path.split("/")]
        slug = max(reversed(parts), key=len, default=[])  # a tie: the last
        doc.memo["url_words"] = frozenset(slug)
        # The slug ends the path ("/2021/council-approves-budget/"), or a part follows it
        # ("/local-news/123456": the slug there is a section's name).
        doc.memo["slug_last"] = bool(slug) and slug == next((p for p in reversed(parts) if p), None)
    return doc.memo["url_words"]


def url_share(doc: Document, text: str) -> float:
    """The share of the words of ``text`` the address's slug spells."""
    slug = _url_words(doc)
    words = _url_tokens(text)
    return sum(w in slug for w in words) / len(words) if slug and words else 0.0


#: The address spells a line when all its words are in the slug and they make up at
#: least this share of the slug's words ("/kleine-schafskunde", "/119-sprungbrett-event-schaffhausen").
SLUG_COVER = 0.6
#: A line of fewer words than this spells the address only when it is all of the slug.
SLUG_PART_MIN_WORDS = 3


def spells_url(doc: Document, text: str) -> bool:
    """True when the page's address slug is the words of ``text``: every word of it is in the
    slug and they are most of the slug. Stronger than :func:`names_url`: a two-word headline
    ("Kleine Schafskunde") or one the shape tests refuse ("Diese Ymers! Zwei Überraschungen!")
    is the headline when the address spells it.

    >>> doc = Document("x")
    >>> doc.memo["url"] = "https://example.com/lexikon/119-muffin-grundrezept.html"
    >>> spells_url(doc, "Muffin Grundrezept"), spells_url(doc, "Muffin Rezepte"), spells_url(doc, "Muffin")
    (True, False, False)
    >>> spells_url(doc, "Muffin Grundrezept | Backen")  # a page-title line: the site's words are not in the slug
    False
    >>> doc.memo["url"] = "https://example.com/vintage-flair-mit-viel-gruen"
    >>> spells_url(doc, "Vintage-Flair mit viel..."), spells_url(doc, "mit viel")  # a cut teaser, a fragment
    (False, False)
    >>> doc.memo["url"] = "https://example.com/news/world-us-canada-52241221"
    >>> spells_url(doc, "US & Canada")  # two words of three: a section's name
    False
    >>> doc = Document("x")
    >>> doc.memo["url"] = "https://example.com/local-news/123456"
    >>> spells_url(doc, "Local News")  # a section's name before the article's id
    False
    """
    slug = _url_words(doc)
    words = _url_tokens(text)
    if len(words) < 2 or not slug or any(w not in slug for w in words):
        return False
    if text[:1].islower() and len(words) <= SHORT_LOWER_WORDS:
        return False  # "mit viel": the tail of a line
    slug_words = sum(not w.isdigit() for w in slug)  # an id in the slug is no word
    own = sum(not w.isdigit() for w in set(words))
    share = own / slug_words if slug_words else 0.0
    # A line cut short ("Vintage-Flair mit viel...") is a teaser's unless it spells the whole
    # slug, and so is a two-word one: "US & Canada" in "/news/world-us-canada-123" is a section.
    whole = own < SLUG_PART_MIN_WORDS or text.rstrip().endswith(("...", "…"))
    if own < SLUG_PART_MIN_WORDS and not doc.memo["slug_last"]:
        return False  # "Local News" and "/local-news/123456": a section's name and an article's id
    return share >= (1.0 if whole else SLUG_COVER)


#: The headline first taken gives way to a line the address names when at most
#: this share of its own words is in the address (a site's or section's name, a teaser).
URL_UNNAMED_SHARE = 0.34


def names_url(doc: Document, text: str) -> bool:
    """True when the page's address (given by the caller) spells the words of ``text``.

    >>> doc = Document("x")
    >>> doc.memo["url"] = "https://example.com/news/2021/council-approves-budget-after-debate-12345.html"
    >>> names_url(doc, "Council approves budget after long debate"), names_url(doc, "Weather for the week")
    (True, False)
    """
    slug = _url_words(doc)
    if not slug:
        return False
    words = _url_tokens(text)
    hits = sum(w in slug for w in words)
    return len(words) >= 2 and hits >= min(URL_MIN_WORDS, len(words)) and hits >= URL_SHARE * len(words)


def headline_score(doc: Document, i: int, rank: int, inside: bool, nearby: List[int]) -> float:
    """The evidence that line ``i`` is the headline; ``rank``: candidates between it and the article."""
    score = -DISTANCE_PENALTY * rank - (INSIDE_PENALTY if inside else 0.0)
    below = _nonblank_after(doc, i, META_REACH)
    if any(_is_meta(doc, j) for j in below):
        score += META_BELOW_SCORE
    above = doc.prev_nonblank(i, kept_only=False)
    if above is not None and _is_meta(doc, above):
        score += META_ABOVE_SCORE
    if _repeated(doc, i, nearby):
        score += REPEAT_SCORE
    elif _folded_counts(doc)[doc.lines[i].folded] > 1:
        score += REPEAT_FAR_SCORE  # printed again further away: a headline in "Post navigation", or a site's name
    if doc.lines[i].text.startswith("# "):
        score += MARKDOWN_HEADING_SCORE
    if names_url(doc, doc.lines[i].plain):
        score += URL_SCORE
    nxt = doc.next_nonblank(i)
    while nxt is not None and _is_meta(doc, nxt):
        nxt = doc.next_nonblank(nxt)
    if nxt is not None and is_prose(doc.lines[nxt].plain):
        score += PROSE_BELOW_SCORE
    return score


def _nonblank_after(doc: Document, i: int, n: int) -> List[int]:
    """The indexes of up to ``n`` non-blank lines after line ``i`` (removed ones too), nearest first."""
    return _nonblank(doc.next_nonblank, i, n)


def _nonblank(step, i: int, n: int) -> List[int]:
    out: List[int] = []
    j = i
    while len(out) < n:
        j = step(j, kept_only=False)
        if j is None:
            break
        out.append(j)
    return out


def choose(doc: Document, start: int, min_score: Optional[float] = None) -> Optional[int]:
    """The headline line of an article whose first paragraph is line ``start``, or ``None``.

    >>> doc = Document("Home\\nTop stories\\nCouncil approves budget\\nThe council approved it on Monday after a debate.")
    >>> choose(doc, 3)
    2
    """
    before: List[int] = []
    j = start
    while len(before) < LOOKBACK:
        j = doc.prev_nonblank(j, kept_only=False)
        if j is None:
            break
        before.append(j)
    after: List[int] = []
    j = start - 1
    while len(after) < LOOKAHEAD:
        j = doc.next_nonblank(j, kept_only=False)
        if j is None:
            break
        after.append(j)
    nearby = before + after
    best, best_score = None, None
    rank = 0
    for i in before:
        if _candidate(doc, i):
            s = headline_score(doc, i, rank, False, nearby)
            rank += 1
            if best_score is None or s > best_score:
                best, best_score = i, s
    for k, i in enumerate(after):
        if _candidate(doc, i):
            # The stretch's first line over its byline opens the article: no subheading.
            opens = k == 0 and any(_is_meta(doc, j) for j in _nonblank_after(doc, i, 1))
            s = headline_score(doc, i, k, not opens, nearby)
            if s > 0 and (best_score is None or s > best_score):
                best, best_score = i, s  # inside the article only with evidence: else a subheading
    if best is None or (min_score is not None and best_score < min_score):
        return None
    return best


def run(doc: Document) -> Iterator[Finding]:
    """
    >>> from cleaner.model import Document
    >>> [f.value for f in run(Document("Council approves budget\\n\\nThe council approved it on Monday."))]
    ['Council approves budget']
    """
    first = doc.next_nonblank(-1)
    if first is None:
        return
    if doc.meta["title"] is None:
        line = _first_line_headline(doc, first)
        if line is not None and not names_url(doc, doc.lines[line].plain):
            line = _headline_named_by_url(doc) or line  # the address names another line: that one
        if line is None:
            line = _headline_over_meta(doc)
        if line is None:
            line = _headline_at_meta(doc)
        if line is None:
            line = _headline_named_by_url(doc)
        if line is not None and not doc.kept(line):
            doc.meta["title"] = doc.lines[line].plain  # the boundary cut it with the page's head
            doc.memo["headline"] = line
            _no_names(doc, line)
            line = None
        if line is not None:
            text = doc.lines[line].plain
            yield Finding(line, "title.headline", f"headline at the head of the article {text[:60]!r}", "title",
                          text)
    elif url_share(doc, doc.meta["title"]) <= URL_UNNAMED_SHARE:
        line = _headline_named_by_url(doc)  # the address names another line than the one taken: that one
        if line is not None and (set(_url_tokens(doc.lines[line].plain)) <= set(_url_tokens(doc.meta["title"]))
                                 or (_named_by_page_title(doc, _headline_line(doc))
                                     and not _named_by_page_title(doc, line))):
            # The headline taken holds that line's words ("… avec François Héran" over "François Héran"),
            # or the page-title line names it and not that line ("Headline - Site"): the slug is a
            # person's or a section's.
            line = None
        if line is not None:
            doc.meta["title"] = doc.lines[line].plain
            doc.memo["headline"] = line
            _no_names(doc, line)
            if doc.kept(line):
                yield Finding(line, "title.headline", f"the headline the page's address names {doc.lines[line].plain[:60]!r}")
    yield from _names_under_headline(doc)  # the pipeline has recorded the headline by now
    if doc.meta["title"]:
        doc.meta["title"] = without_site_name(doc, without_kicker(doc, doc.meta["title"]))
    focus(doc)
    yield from _named_again(doc)
    yield from _reclean_head(doc)


#: The separator between a page title's parts ("Headline - Site", "Site | Headline").
_SITE_SEPARATOR = lazy_pattern(r"\s+[-|–—·»]\s+")


def _host_names(doc: Document) -> frozenset:
    """The labels of the page's host name, lower case ("stardewvalleywiki", "hrinnovation")."""
    url = doc.memo.get("url")
    if not url:
        return frozenset()
    import urllib.parse  # only a document with an address reads one (start-up)

    host = urllib.parse.urlsplit(url).hostname or ""
    return frozenset("".join(_url_tokens(label)) for label in host.split(".")[:-1] if label != "www")


def without_site_name(doc: Document, title: str) -> str:
    """The title without the site's name that a page-title line adds ("Penny - Example Wiki"):
    the part of two that the host name spells ("examplewiki.com") goes.

    >>> doc = Document("x")
    >>> doc.memo["url"] = "https://www.examplewiki.com/Penny"
    >>> without_site_name(doc, "Penny - Example Wiki"), without_site_name(doc, "Example Wiki | Penny")
    ('Penny', 'Penny')

    Keeps a headline whose parts are no site's name, and one that names the site in its words::

    >>> without_site_name(doc, "Penny - the story of a coin"), without_site_name(doc, "Example Wiki closes after ten years")
    ('Penny - the story of a coin', 'Example Wiki closes after ten years')
    """
    parts = _SITE_SEPARATOR.split(title)
    if len(parts) != 2 or not all(parts):
        return title
    hosts = _host_names(doc)
    for keep, drop in ((parts[0], parts[1]), (parts[1], parts[0])):
        if "".join(_url_tokens(drop)) in hosts:
            return keep  # "Penny - Example Wiki" on examplewiki.com
    return title


#: A renderer that puts a line break nowhere between a kicker's element and the
#: headline's joins them with the colon between, spaced: "Klimaschutz : Bohren, bis es heiß wird".
_KICKER_JOIN = lazy_pattern(r"\s+:\s+")
#: A kicker is a few words ("Für den HSV in der Oberliga?"); a longer first part is a headline's own.
KICKER_MAX_WORDS = 6
#: Languages whose typography spaces the colon ("Parité en Tunisie : au-dessous de la moyenne"):
#: there the spaced colon is the headline's own.
SPACED_COLON_LANGUAGES = frozenset({"fr"})


def without_kicker(doc: Document, title: str) -> str:
    """The headline without the kicker a renderer joined to it with a spaced colon.

    >>> doc = Document("Die Bohrungen beginnen im Frühjahr, sagt die Stadt, und dauern bis zum Herbst des Jahres.")
    >>> without_kicker(doc, "Klimaschutz : Bohren, bis es heiß wird")
    'Bohren, bis es heiß wird'
    >>> without_kicker(doc, "Klimaschutz: Bohren, bis es heiß wird")  # the headline's own colon
    'Klimaschutz: Bohren, bis es heiß wird'

    Keeps a French headline, whose colon is spaced::

    >>> doc = Document("Le gouvernement a présenté son plan pour les hôpitaux et les écoles de la région.")
    >>> without_kicker(doc, "Parité en Tunisie : au-dessous de la moyenne mondiale")
    'Parité en Tunisie : au-dessous de la moyenne mondiale'
    """
    parts = _KICKER_JOIN.split(title)
    if len(parts) != 2 or len(parts[0].split()) > KICKER_MAX_WORDS or len(parts[1].split()) < 2:
        return title
    if not headline_candidate(parts[1]):
        return title
    from ..language import SAMPLE_CHARS, detect  # only for a title with a spaced colon
    sample: List[str] = []
    size = 0
    for ln in doc.kept_lines():
        if size >= SAMPLE_CHARS:
            break
        if is_prose(ln.plain):
            sample.append(ln.plain)
            size += len(ln.plain) + 1
    lang = detect(" ".join(sample))
    if lang is None or lang in SPACED_COLON_LANGUAGES:
        return title  # unsure, or a language that spaces its colons: the line as printed
    return parts[1]


#: Bylines and date lines belong to the article when they stand this close to
#: its headline: up to this many non-blank lines below it ...
FOCUS_BELOW = 10
#: ... or above it (a date or a kicker over the headline).
FOCUS_ABOVE = 4
#: Bylines found by their shape and place alone, without "By" or a label.
_WEAK_BYLINES = ("byline.name_line", "byline.dated_name")
#: The findings that place the headline (a page's ``<title>`` line is not near the article).
_HEADLINE_RULES = ("title.headline", "boundary.headline")


def focus(doc: Document) -> None:
    """Keep the authors and dates of the bylines and date lines around the headline.

    A whole page prints other bylines and dates too: teasers, related stories,
    readers' comments. Every byline and date line is removed either way; when
    some stand right around the headline, the metadata is theirs alone, and the
    date nearest the headline is the article's. With none there, nothing changes.

    >>> from cleaner import clean_text
    >>> page = ("Mayor opens the new library downtown\\nBy John Doe\\n3 March 2021\\n\\n"
    ...         "Council approves budget after long debate\\nBy Jane Smith\\n19 December 2022\\n\\n"
    ...         "The council approved the budget on Monday after a long debate that ran late.\\n"
    ...         "The opposition said it would challenge the plan in court next week.\\n\\n"
    ...         "Residents will see the new rates in their April bills, the council said on Monday.\\n"
    ...         "The budget also sets aside money for road repairs and two new parks in the east.")
    >>> article = clean_text(page)
    >>> article.title, article.authors, article.date_published
    ('Council approves budget after long debate', ['Jane Smith'], '2022-12-19')
    """
    headline = _headline_line(doc)
    if headline is None:
        _first_of_many_bylines(doc)
        return
    # Below the headline first, nearest first; then above it, nearest first.
    near = _nonblank_after(doc, headline, FOCUS_BELOW) + _nonblank_before(doc, headline, FOCUS_ABOVE)
    authors: List[str] = list(doc.memo.get("headline_authors", ()))
    dates = {}
    for j in near:
        f = doc.findings.get(j)
        if f is not None and f.field == "authors" and (not authors or j > headline):
            authors.extend(a for a in f.value if a.casefold() not in {x.casefold() for x in authors})
    for j in near:
        f = doc.findings.get(j)
        pairs = ((f.field, f.value),) + tuple(f.also) if f is not None else ()
        for name, value in pairs:
            if name in ("date_published", "date_modified") and name not in dates and value:
                dates[name] = value
        if "date_published" not in dates and (f is None or not f.gives("date_published", "date_modified")):
            shown = _date_line(doc, j)  # a date line no date rule read: a section or a place beside it
            if shown:
                dates["date_published"] = shown
    if not authors and any(f.field == "authors" and f.rule in _WEAK_BYLINES for f in doc.findings.values()):
        # No byline near the headline: names read from their shape alone (a name line,
        # a name beside a date) elsewhere on the page are a teaser's or a comment's.
        doc.replace_meta("authors", [a for _, f in sorted(doc.findings.items())
                           if f.field == "authors" and f.rule not in _WEAK_BYLINES for a in f.value])
    elif authors:
        doc.replace_meta("authors", authors)
    if not authors:
        _first_of_many_bylines(doc)
    for name, value in dates.items():
        doc.meta[name] = value


#: A line near the headline that prints a date is the article's date line when it
#: is this short ("Energie 12.12.2022, 08:30 Uhr", "Hofheim | Wiesbaden, 11. November 2021").
DATE_NEAR_MAX_WORDS = 12


def _date_line(doc: Document, j: int) -> Optional[str]:
    """The date of line ``j`` when it is a short line that prints one ("Energie 12.12.2022, 08:30 Uhr",
    "Hofheim | Wiesbaden, 11. November 2021"), not an update's, not a sentence of the body.

    >>> doc = Document("Budget\\nPolitik und Wirtschaft, 12.12.2022, 08:30 Uhr\\nUpdated: 12.12.2022\\n"
    ...                "On 3 May 2021 the council met for a vote.\\nAm 4. Februar 2022 beschlossen.")
    >>> _date_line(doc, 1), _date_line(doc, 2), _date_line(doc, 3), _date_line(doc, 4)
    ('2022-12-12T08:30:00', None, None, None)
    """
    ln = doc.lines[j]
    if ln.words > DATE_NEAR_MAX_WORDS or not any(c.isdigit() for c in ln.text) or is_prose(ln.plain):
        return None
    found = find_date(ln.plain)
    if not found or date_label(ln.plain[: found[0].start()]) == "mod":
        return None
    if ends_sentence(ln.plain) and any(w[:1].islower() for w in ln.plain[found[0].end():].split()):
        return None  # "Am 4. Februar 2022 beschlossen.": a short sentence of the body
    return found[1]


#: A name line under the headline is the first line below it that is no date line,
#: among this many non-blank lines (the lines further down are a standfirst's, a
#: section's or a kicker's in title case as often as a name: "Internationale Politik").
NAMES_REACH = 3


def _headline_line(doc: Document) -> Optional[int]:
    """The headline's line: the one the address named over the one first taken, else the one taken."""
    if doc.memo.get("headline") is not None:
        return doc.memo["headline"]
    return next((i for i, f in doc.findings.items() if f.rule in _HEADLINE_RULES), None)


def _names_under_headline(doc: Document) -> Iterator[Finding]:
    """With no byline under the headline, a line of full names right under it is one: "Jane Smith",
    "Ana Ruiz, Eva Gil y José Luis Mora", "Jane Smith | 06.11.23". The byline pass ran
    before the headline was known (the boundary found it); a line the boundary cut with
    the page's head gives its names all the same.

    >>> from cleaner import clean_text
    >>> clean_text("Council approves the budget\\n\\nAna Ruiz, Eva Gil y José Luis Mora\\n\\n"
    ...            "The council approved the budget on Monday after a long debate that ran late.").authors
    ['Ana Ruiz', 'Eva Gil', 'José Luis Mora']

    Keeps (no name): a standfirst under the headline ("Council Approves Budget") is no byline.
    """
    headline = _headline_line(doc)
    if headline is None:
        return
    below = _nonblank_after(doc, headline, NAMES_REACH)
    if any(doc.findings.get(j) is not None and doc.findings[j].field == "authors" for j in below):
        return
    first = True
    for j in below:
        ln = doc.lines[j]
        if _is_meta(doc, j):
            continue
        if is_prose(ln.plain) or not _cut_or_kept(doc, j):
            return
        names = names_of_line(ln)
        if not names or (not first and len(names) < 2):
            # The first line under the headline (date lines skipped), or a line of several
            # full names under a standfirst: one title-case phrase further down is a kicker's.
            first = False
            continue
        if doc.kept(j):
            yield Finding(j, "byline.name_line", f"a name line under the headline {ln.text!r}", "authors", names)
        else:
            doc.memo["headline_authors"] = names
        return


def names_of_line(ln) -> Optional[List[str]]:
    """The full names a line holds alone, or before a separator and a date.

    >>> from cleaner.model import Line
    >>> names_of_line(Line(0, "Jane Smith | 06.11.23", "Jane Smith | 06.11.23")), names_of_line(Line(0, "Im Schlepptau", "Im Schlepptau"))
    (['Jane Smith'], None)
    """
    text = ln.plain.strip(" |·•,-–—")
    if LIST_ITEM.match(ln.text) or not text or is_label(text) or has_stopword(text):
        return None
    names = parse_names(text) or names_before_separator(text)
    if names and full_names(names) and all(_person_like(n) for n in names):
        return names
    return None


#: A person's name without "By" has at most this many words ("José Miguel Wilson").
PERSON_MAX_WORDS = 3
#: A word no personal name ends in, or an acronym or abbreviation ("RM", "Co.") in it: a firm or club.
_NOT_PERSON_WORD = lazy_pattern(r"\p{Lu}{2,3}|\p{L}{2,}\.|\d")


def _person_like(name: str) -> bool:
    """A name shaped like a person's: two or three words, no acronym, abbreviation
    or figure, not ending in a particle.

    >>> _person_like("José Miguel Wilson"), _person_like("DHU-Arzneimittel GmbH Co. KG"), _person_like("Krisenmanagement zu")
    (True, False, False)
    """
    words = name.split()
    return len(words) <= PERSON_MAX_WORDS and words[-1].casefold() not in particles() \
        and not any(_NOT_PERSON_WORD.fullmatch(w) for w in words) and not has_digit(name)


#: With no byline at the headline, this many byline lines make a list of teasers.
TEASER_BYLINES = 3


def _first_of_many_bylines(doc: Document) -> None:
    """Many bylines and none placed at the headline: a list of teasers follows the
    article, whose own byline comes first on the page ("More from …" lists come after)."""
    lines = [f for _, f in sorted(doc.findings.items()) if f.field == "authors" and f.value]
    if len({tuple(f.value) for f in lines}) >= TEASER_BYLINES:
        doc.replace_meta("authors", list(lines[0].value))




def _nonblank_before(doc: Document, i: int, n: int) -> List[int]:
    """The indexes of up to ``n`` non-blank lines before line ``i`` (removed ones too), nearest first."""
    return _nonblank(doc.prev_nonblank, i, n)


def _headline_over_meta(doc: Document) -> Optional[int]:
    """The headline further down, over its byline or date line, when the line above it
    could not be one: a second cleaning, without the byline, finds no other headline.

    >>> doc = Document("https://example.com/news\\nCouncil approves budget\\nBy Jane Smith\\nThe council met on Monday to debate the new budget.")
    >>> from cleaner.passes import byline
    >>> for f in byline.run(doc): _ = doc.record(f)
    >>> _headline_over_meta(doc)
    1
    """
    prose = next((ln.index for ln in doc.kept_lines() if is_prose(ln.plain)), None)
    line = choose(doc, prose, EVIDENCE_MIN) if prose is not None else None
    if line is None or not any(_is_meta(doc, j) for j in _nonblank_after(doc, line, META_REACH)):
        return None
    above = doc.prev_nonblank(line)
    if above is not None and headline_candidate(doc.lines[above].plain):
        return None  # that line is the first kept one's neighbour: taking this one would make it a headline
    return line


#: Byline and date lines looked past between a headline and its first paragraph
#: ("By Jane Doe" over "3 March 2021").
META_SKIP = 2


#: The first paragraph under a byline or date line is among this many non-blank lines
#: (a standfirst and a photo credit may stand before it).
PROSE_REACH = 3


def _headline_at_meta(doc: Document) -> Optional[int]:
    """With no headline found, the first headline-shaped line right over a byline or
    date line that has the article's first paragraph (kept, prose) right below it.
    The boundary may have cut that headline with the menus above the article.

    >>> doc = Document("Home\\nNews\\nCouncil approves budget\\nBy Jane Smith\\nThe council met on Monday to debate the new budget.")
    >>> from cleaner.passes import byline
    >>> for f in byline.run(doc): _ = doc.record(f)
    >>> _headline_at_meta(doc)
    2

    Keeps (no headline): a teaser's title over its date with no paragraph below::

    >>> doc = Document("Council approves budget\\n3 March 2021\\nMore stories\\nWeather")
    >>> from cleaner.passes import dates
    >>> for f in dates.run(doc): _ = doc.record(f)
    >>> _headline_at_meta(doc) is None
    True
    """
    for m in sorted(i for i in doc.findings if _is_meta(doc, i)):
        h = doc.prev_nonblank(m, kept_only=False)
        skipped = 0
        while h is not None and _is_meta(doc, h) and skipped < META_SKIP:
            h, skipped = doc.prev_nonblank(h, kept_only=False), skipped + 1
        if h is None or _is_meta(doc, h) or not _cut_or_kept(doc, h):
            continue
        below = doc.next_nonblank(m, kept_only=False)
        skipped = 0
        while below is not None and _is_meta(doc, below) and skipped < META_SKIP:
            below, skipped = doc.next_nonblank(below, kept_only=False), skipped + 1
        if below is None or not any(doc.kept(j) and is_prose(doc.lines[j].plain)
                                    for j in [below] + _nonblank_after(doc, below, PROSE_REACH - 1)):
            continue
        ln = doc.lines[h]
        if (not is_link_line(ln) and byline_names(ln.plain) is None and headline_candidate(ln.text)
                and is_headline_text(ln.plain)):
            return h
    return None


def _no_names(doc: Document, line: int) -> None:
    """The headline's line read as a name line by its shape alone gives no authors."""
    f = doc.findings.get(line)
    if f is not None and f.rule in _WEAK_BYLINES and f.value:
        doc.replace_meta("authors", [a for a in doc.meta["authors"] if a not in f.value])


#: The headline the address names is looked for among this many first non-blank lines.
URL_LOOKAHEAD = 400


def _headline_named_by_url(doc: Document) -> Optional[int]:
    """With no headline found, the first headline-shaped line the page's address
    names (not a list item or a link: a breadcrumb's last item names it too).

    >>> doc = Document("Home\\nNews\\nCouncil approves the new budget\\nText")
    >>> doc.memo["url"] = "https://example.com/2021/council-approves-new-budget"
    >>> _headline_named_by_url(doc)
    2
    """
    if not _url_words(doc):
        return None
    seen = 0
    for ln in doc.lines:
        if ln.blank:
            continue
        seen += 1
        if seen > URL_LOOKAHEAD:
            break
        f = doc.findings.get(ln.index)
        if f is not None and f.rule in _WEAK_BYLINES and spells_url(doc, ln.plain):
            return ln.index  # a "name" under a date line ("Der Turm der Wünsche") that the slug spells
        if not _cut_or_kept(doc, ln.index) or is_link_line(ln):
            continue
        if names_url(doc, ln.plain) and headline_candidate(ln.text) and is_headline_text(ln.plain):
            return ln.index
        if spells_url(doc, ln.plain) and not LIST_ITEM.match(ln.text) and not is_prose(ln.plain):
            return ln.index  # the slug is this line: a short headline, or one of two sentences
    return None


def _cut_or_kept(doc: Document, i: int) -> bool:
    f = doc.findings.get(i)
    return f is None or f.rule == "boundary.before"


#: The first line is the headline on its shape alone (no byline, date or repeat beside
#: it) only up to this many words. "Headline, blank line, body" is also what a cleaned
#: body looks like when it opens with a standfirst or a subheading, and a second cleaning
#: would take that line: standfirsts run longer (16 to 25 words on the dev sets' cleaned
#: bodies), while the headlines this rule takes on scraped text have 2 to 11.
BARE_MAX_WORDS = 15
#: A line opening with a joiner or a bracket is the tail of a line or a label
#: ("& Jane Doe, Director …", "… im Wettbewerb", "[A] Planung"), not a headline.
_FRAGMENT_START = lazy_pattern(r"[&\[(.…,;:/|+]")
#: ... and so is one ending in a joiner ("Lire aussi Jane Doe &").
_FRAGMENT_END = ("&", "+", "/", "|", "-", "–", "—")


def _first_line_headline(doc: Document, first: int) -> Optional[int]:
    """The first line when it is the headline by its shape and place alone.

    >>> _first_line_headline(Document("Council approves budget\\n\\nThe council approved it on Monday."), 0)
    0
    >>> _first_line_headline(Document("& Jane Doe, Director of Education\\n\\nThe council approved it on Monday."), 0) is None
    True
    """
    text = doc.lines[first].plain
    if is_link_line(doc.lines[first]) or not is_headline_text(text):
        return None  # a date line that no date rule claimed is not a headline either, nor a control bar
    if LIST_ITEM.match(doc.lines[first].text):
        return None  # "* Storm closes the ferry line": the first item of a list (of teasers), not a headline
    if len(text.split()) > BARE_MAX_WORDS or _FRAGMENT_START.match(text) or text.rstrip().endswith(_FRAGMENT_END):
        return None  # a standfirst, or the tail of a line: no headline without more evidence
    below = doc.next_nonblank(first)
    if below is None:
        return None  # a lone line is the whole text, not a headline over it
    if below == first + 1 and (doc.lines[below].text[:1].islower() or continues(doc, first, wrap_width(doc))):
        return None  # the first line of a wrapped paragraph, or a sentence broken at a link
    if headline_candidate(doc.lines[below].plain) and not is_prose(doc.lines[below].plain) \
            and not names_of_line(doc.lines[below]):
        # Two headline-shaped lines: taking the first would leave a body that
        # starts with another headline, which a second cleaning would take too.
        return None
    return first


first_line_headline = _first_line_headline  #: public name for the headline test html.py reuses


#: Lines over the headline looked at, one after the other, by :func:`_reclean_head`.
RECLEAN_MAX_LINES = 3


def _reclean_head(doc: Document) -> Iterator[Finding]:
    """Decide now about the line a second cleaning would take as the headline.

    A cleaned body is text again: when it opens with a line the bare first-line rule
    takes (:func:`_first_line_headline`: a short headline-shaped line over the text),
    a second cleaning would remove it. The requirement that a headline on the first
    line goes and the one that a clean body is a fixed point meet here:

    - the line is under the headline taken by other evidence (a byline or date under
      it, the page's title line): a standfirst or subheading, or the real headline
      under a kicker. The headline stays in the body: over that line it makes two
      headline-shaped lines, of which a cleaning takes neither (which one is the
      headline is then unknown from the text alone); the title stays;
    - the line stands over the headline: a kicker, a label or menu left above it
      (lines above the article's headline are not its text); or it prints the
      headline again. It goes;
    - no line of the text was taken as the headline (the title came from the page's
      title line): the line is the headline (:func:`_bare_headline_left`). It goes.

    A headline the page's address named and the boundary cut with the page's head
    (:func:`_cut_headline`) stands over the text again as one the passes took does.

    Keeps (the title is still ``Council approves budget``)::

        Council approves budget
        By Jane Smith                        (removed: byline)

        A late night at the town hall

    >>> from cleaner import clean_text
    >>> clean_text("Council approves budget\\nBy Jane Smith\\n\\nA late night at the town hall\\n\\n"
    ...            "The council approved the budget on Monday after a long debate.").text.split("\\n\\n")[:2]
    ['Council approves budget', 'A late night at the town hall']
    """
    headline = _headline_line(doc)
    if headline is None:
        yield from _bare_headline_left(doc)
        return
    for _ in range(RECLEAN_MAX_LINES):
        first = doc.next_nonblank(-1)
        if first is None or _first_line_headline(doc, first) is None:
            return
        if first < headline or doc.lines[first].folded == doc.lines[headline].folded:
            text = doc.lines[first].plain
            finding = Finding(first, "title.headline", f"a headline-shaped line over the headline, or its repeat {text[:60]!r}: "
                              "a second cleaning would take it")
            yield finding
            if doc.findings.get(first) is not finding:
                return  # not recorded (a rule file's keep)
            continue
        f = doc.findings.get(headline)
        if f is not None and (f.rule in _HEADLINE_RULES or _cut_headline(doc, headline)):
            del doc.findings[headline]
        return


def _cut_headline(doc: Document, line: int) -> bool:
    """True when ``line`` is the headline the page's address named (:func:`_headline_named_by_url`)
    and the boundary cut it with the page's head, and it is not the page's first line (the
    ``<title>`` line html-text prints, "Headline - Site"): it can stand over the text again."""
    f = doc.findings.get(line)
    return f is not None and f.rule == "boundary.before" and doc.memo.get("headline") == line \
        and line != doc.next_nonblank(-1, kept_only=False)


def _named_again(doc: Document) -> Iterator[Finding]:
    """A line of the body the page's address names, which a second cleaning given the same
    address would take as the headline (:func:`_headline_named_by_url` on the kept lines):
    a variant of the headline taken (a recipe card's title, the headline printed again
    with its kicker). It goes now, so that cleaning the body again changes nothing.

    Removes (the address ``/recipes/vegan-noodle-stir-fry-with-tofu``, the headline taken)::

        Vegan Noodle Stir Fry (with Tofu)

    Keeps (a subheading the address does not name)::

        What you need for the sauce
    """
    if not doc.meta["title"] or not _url_words(doc):
        return
    for _ in range(RECLEAN_MAX_LINES):
        kept = [ln for ln in doc.lines if not ln.blank and doc.kept(ln.index)]
        body = Document("\n\n".join(ln.shown for ln in kept))  # as the body prints them
        body.memo["url"] = doc.memo["url"]
        i = _headline_named_by_url(body)
        if i is None:
            return
        ln = kept[i // 2]  # the body's lines stand between blank ones
        finding = Finding(ln.index, "title.headline", f"a line the page's address names again {ln.plain[:60]!r}: "
                          "a second cleaning with the address would take it as the headline")
        yield finding
        if doc.findings.get(ln.index) is not finding:
            return  # not recorded (a rule file's keep)


def _bare_headline_left(doc: Document) -> Iterator[Finding]:
    """The first line of the body when a second cleaning would take it as the headline
    and no line of the text was taken as one: the title came from elsewhere (the page's
    title line, "Headline variant | Site", which names no line of the text). The body's
    own headline-shaped first line over the text is the article's headline: it goes now,
    and is the title, as the page's title line over it names the page, not the line.

    >>> from cleaner import clean_text
    >>> body = ("The council approved the budget on Monday after a long debate in the town hall that ran "
    ...         "late into the night, with members split over roads and libraries.")
    >>> article = clean_text("Budget: rates go up | Town Paper\\n\\nHome\\nNews\\nSport\\nWeather\\nTravel\\n\\n"
    ...                      "How will the new budget change my bills?\\n\\n" + body + "\\n\\n" + body)
    >>> article.title, article.text.startswith("The council approved")
    ('How will the new budget change my bills?', True)
    """
    if doc.meta["title"] is None:
        return  # the title pass asked the first line already (:func:`run`) and took none
    first = doc.next_nonblank(-1)
    if first is None or _first_line_headline(doc, first) is None:
        return
    text = doc.lines[first].plain
    finding = Finding(first, "title.headline", f"a headline-shaped first line no headline was taken over {text[:60]!r}: "
                      "a second cleaning would take it")
    yield finding
    if doc.findings.get(first) is finding:
        doc.meta["title"] = without_site_name(doc, without_kicker(doc, text))

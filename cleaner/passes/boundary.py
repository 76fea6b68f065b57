"""boundary.before / boundary.after: the page around the article.

Scraped text is often every visible line of a page: menus, section lists and
teaser rails before the article, related links, comments and footers after
it. This pass finds the article as the stretch of the page where prose is
densest, from the text alone:

1. Each non-blank line gets a score (:func:`line_score`): prose paragraphs
   score by their length; short lines, link-list lines and lines the lexicon
   passes already removed score below zero. Lines that go on with the
   sentence of the line before are scored together, as the paragraph they
   make: the lines of hard-wrapped text (:func:`wrap_width`), and the pieces
   of a sentence a renderer printed one link or name a line.
2. The article is the contiguous stretch with the largest total score (the
   maximum-sum segment), so a long run of menu lines separates it from prose
   elsewhere on the page while a subheading inside it does not.
3. The lines before and after it are removed, but only where they hold
   evidence of page furniture (:data:`MIN_CUT_EVIDENCE`): a tidy article that
   opens with a short line loses nothing. The headline right above the
   article stays for the title pass.
4. Readers' comments (a comment heading, or "name / date" pairs) end the
   article wherever they start below it: they and the rest of the page go,
   and the lines between the article and them need less evidence
   (:data:`MAX_GAP_EVIDENCE`).

Removes::

    Home
    World
    Politics
    Sports
    (the article)
    Most Popular Articles
    Arizona Development Bans Residents From Bringing Cars

Keeps::

    Could Russia renew its invasion of Ukraine from Belarus?   (a subheading inside the article)
"""
from __future__ import annotations

from typing import Iterator, List, Optional, Tuple

import regex

from .. import lexicon
from ..dates import find_date
from ..layout import continues, is_heading, is_image_line, is_link_line, is_underline, wrap_width
from ..model import Document, Finding, Line, line_fact
from ..patterns import lazy_pattern
from ..pipeline import pattern_timeout
from ..shape import (
    count_words,
    ends_full_stop,
    ends_sentence,
    has_digit,
    headline_candidate,
    headline_shaped,
    is_web_address,
)
from ..teasers import block as teaser_block

#: A removed (boilerplate) line counts this much against the stretch it is in.
REMOVED_LINE_SCORE = -3.0
#: Markup a Markdown scraper adds (an image, a heading's underline, an empty emphasis) scores this.
NEUTRAL_LINE_SCORE = 0.0
#: A short line with no sentence punctuation (a menu item, a link) scores this.
SHORT_LINE_SCORE = -3.0
#: Lines up to this many words without sentence punctuation are "short".
SHORT_MAX_WORDS = 6
#: A headline-shaped line (up to 30 words, no final full stop) scores this:
#: teaser titles look like that, and so do subheadings, which sit inside the
#: article and are kept there anyway.
HEADLINE_LINE_SCORE = -1.0
#: A prose line scores its word count times this; one without sentence
#: punctuation scores half.
PROSE_WEIGHT = 1.0
#: A list item of a few words ("1) Lego Star Wars set") or a table row of
#: figures scores this: lists and tables sit inside articles as often as in
#: menus. An item of fewer words ("• Home", "* Contact us") scores as any short
#: line, unless it opens with a quantity ("* 200 g flour", "* 390 kcal"): menus
#: do not, ingredient lists do.
LIST_LINE_SCORE = 1.0
LIST_ITEM_MIN_WORDS = 4
#: A line scoring above this counts as prose for its neighbours.
PROSE_CONTEXT_MIN = 5.0
#: A prose line without a prose neighbour scores this share of its value ...
ISOLATED_PROSE_FACTOR = 0.2
#: ... unless it scores at least this much (a paragraph of some 100 words): a
#: teaser summary or an author bio is shorter, and an article of one long
#: paragraph among furniture is still the article.
ISOLATED_PROSE_MAX = 100.0
#: Lines outside the article are cut only when the scores of those that no
#: other pass removed sum to at most this (about two menu lines): otherwise
#: there is no furniture to cut (a byline or an ad marker is not furniture).
MIN_CUT_EVIDENCE = -6.0
#: Between the article and readers' comments further down the page, the lines
#: are cut when their scores sum to at most this: the comments show that the
#: page goes on after the article, so any furniture there is enough.
MAX_GAP_EVIDENCE = 0.0
#: The prose lines of the densest stretch must score at least this together,
#: by their own shape (some 40 words of sentences), for it to be taken for the article: a weaker one
#: is a blurb or an ad among furniture, and cutting the page around it loses
#: the article it failed to find.
MIN_ARTICLE_SCORE = 40.0
#: The headline is looked for among this many non-blank lines above the article.
HEADLINE_LOOKBACK = 12
#: A comment heading ends the article only after this many words of prose,
#: so a "12 Comments" counter beside the byline does not.
MIN_WORDS_BEFORE_COMMENTS = 40
#: A comment heading ("34 responses to “Headline”") has at most this many words.
COMMENT_HEADING_MAX_WORDS = 25
#: A comment thread shows at least this many "name / date" pairs.
MIN_COMMENT_PAIRS = 2
#: The page title line (``<title>``, "Headline - Site") names the headline
#: when a later line is its first part, at least this many characters long.
MIN_ANCHOR_CHARS = 15

_LIST_ITEM = regex.compile(r"(?:\d{1,3}[.)]|[•▪◦●·*–+o-]|\(\w\))\s+\S")
_DIGIT_TIME = regex.compile(r"\d{1,2}[:/.]\d{2}")
_LIST_STARTS = frozenset("0123456789•▪◦●·*–+o-(")
#: A token of figures; one that opens with a letter is none (tested first: most are words).
_NUMBER = regex.compile(r"^[\d.,:%$€£/+-]+$")
_TITLE_SEPARATOR = regex.compile(r"\s+[-|–—:·»]\s+")
_TITLE_SEPARATOR_END = regex.compile(r"\s+[-|–—:·»]\s+$")
#: A name ending in an initial ("Luisa P."): its full stop ends no sentence.
_INITIAL_END = regex.compile(r"\s\p{Lu}\.$")


def _list_item(text: str):
    """The match of a list marker opening ``text`` ("* 1 large chicken", "2. Stir"), or None
    (the first character tested before the pattern: most lines open with a letter)."""
    return _LIST_ITEM.match(text) if text[:1] in _LIST_STARTS else None


def line_score(doc: Document, i: int) -> float:
    """How much line ``i`` looks like article prose (positive) or page furniture (negative).

    >>> from cleaner.model import Document
    >>> doc = Document("World\\nThe council approved the budget on Monday after a long debate.")
    >>> line_score(doc, 0), line_score(doc, 1)
    (-3.0, 11.0)

    A Markdown image, a heading's underline and an empty emphasis ("__") score
    nothing: what a scraper that writes Markdown adds to the text is no evidence
    either way (a renderer that prints text alone shows none of them).

    >>> doc = Document("Storm season\\n============\\n![Waves](w.jpg)\\n* [Home](/)")
    >>> [line_score(doc, i) for i in range(4)]
    [-3.0, 0.0, 0.0, -3.0]
    """
    ln = doc.lines[i]
    if _scraper_markup(doc, i):
        return NEUTRAL_LINE_SCORE
    if i in doc.findings:
        return REMOVED_LINE_SCORE
    if is_heading(ln):
        return REMOVED_LINE_SCORE
    if is_link_line(ln):
        return SHORT_LINE_SCORE  # a Markdown menu or teaser link, however long its text
    return ln.shape_score


#: Empty Markdown emphasis on a line of its own: what a Markdown scraper writes for an
#: emphasis element that holds no text (an image's caption wrapper, a styled spacer).
EMPTY_EMPHASIS = frozenset(("__", "**", "____", "****"))


def _scraper_markup(doc: Document, i: int) -> bool:
    """True when line ``i`` is a Markdown image, a heading's underline or an empty
    emphasis (see :func:`line_score`).

    >>> doc = Document("__\\n![Waves](w.jpg)\\n*\\n***")
    >>> [_scraper_markup(doc, i) for i in range(4)]  # a lone bullet or a rule is no empty emphasis
    [True, True, False, False]
    """
    ln = doc.lines[i]
    first = ln.text[:1]
    if first in ("_", "*"):
        return ln.text in EMPTY_EMPHASIS
    return first in ("!", "=", "-") and (is_image_line(ln) or is_underline(doc, i))


#: A line of at least this many tokens, a digit among them, is a table row of
#: figures when at least :data:`TABLE_ROW_NUMBER_SHARE` of its tokens are numbers
#: ("Arsenal 12 9 2 1 29"): two tokens are a date or a price as often as a row.
TABLE_ROW_MIN_TOKENS = 3
TABLE_ROW_NUMBER_SHARE = 0.4
#: A prose line without sentence punctuation scores this share of a sentence's
#: value: it may be a long teaser title or a caption as well as a paragraph.
UNPUNCTUATED_PROSE_FACTOR = 0.5


def text_score(text: str) -> float:
    """The score of a line of text by its shape alone (see :func:`line_score`).

    >>> text_score("World"), text_score("The council approved the budget on Monday after a long debate.")
    (-3.0, 11.0)
    """
    tokens = text.split()
    words = len(tokens) if text.isascii() else count_words(text)
    if is_web_address(text):
        return 0.0
    item = _list_item(text)
    if item:
        # A list item scores by what it says: a bulleted menu link is as short as any other.
        text = text[item.end() - 1:]
        tokens = text.split()
        words = count_words(text)
    elif words >= TABLE_ROW_MIN_TOKENS and has_digit(text) \
            and sum(1 for t in tokens if not t[0].isalpha() and _NUMBER.match(t)) >= TABLE_ROW_NUMBER_SHARE * words:
        return LIST_LINE_SCORE  # a table row of figures
    sentence = ends_sentence(text) or text.endswith(":")
    if item and not sentence and (words >= LIST_ITEM_MIN_WORDS or text[:1].isdigit()):
        return LIST_LINE_SCORE  # a list item of several words, or a quantity ("* 200 g flour")
    if words <= SHORT_MAX_WORDS and not sentence:
        return SHORT_LINE_SCORE
    if not sentence and headline_shaped(text):
        return HEADLINE_LINE_SCORE
    return words * PROSE_WEIGHT * (1.0 if sentence else UNPUNCTUATED_PROSE_FACTOR)


@line_fact("shape_score")
def _shape_score(line: Line) -> float:
    """:func:`text_score` of the line's text (``Line.shape_score``)."""
    return text_score(line.text)


def _with_context(doc: Document, scores: List[Tuple[int, float]]) -> List[Tuple[int, float]]:
    """Scale down a prose line that has no prose line next to it.

    Article paragraphs stand among other paragraphs; a teaser summary or an
    author bio stands alone between headlines and links. Lines the other
    passes removed (a byline, an ad marker) are not neighbours: they are gone;
    nor is a Markdown image between two paragraphs (:func:`_scraper_markup`).
    """
    kept = [(pos, s) for pos, (i, s) in enumerate(scores) if i not in doc.findings and not _scraper_markup(doc, i)]
    out = list(scores)
    for k, (pos, s) in enumerate(kept):
        if s <= PROSE_CONTEXT_MIN or s >= ISOLATED_PROSE_MAX:
            continue
        before = kept[k - 1][1] if k else 0.0
        after = kept[k + 1][1] if k + 1 < len(kept) else 0.0
        if before <= PROSE_CONTEXT_MIN and after <= PROSE_CONTEXT_MIN:
            out[pos] = (scores[pos][0], s * ISOLATED_PROSE_FACTOR)
    return out


def best_segment(scores: List[Tuple[int, float]]) -> Optional[Tuple[int, int]]:
    """Positions (first, last) of the maximum-sum run of ``scores`` (Kadane).

    >>> best_segment([(0, -3), (1, 10), (2, -1), (3, 8), (4, -3), (5, -3), (6, 2)])
    (1, 3)
    """
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for pos, (_, s) in enumerate(scores):
        if total <= 0:
            total, start = 0.0, pos
        total += s
        if total > best:
            best, best_span = total, (start, pos)
    return best_span


def paragraphs(doc: Document) -> List[List[int]]:
    """The non-blank lines in runs that make one paragraph: the lines of a wrapped
    paragraph, the pieces of a sentence broken at its links; most runs are one line.

    >>> from cleaner.model import Document
    >>> paragraphs(Document("Home\\n\\nHe took a \\nshort cut\\n, she said."))
    [[0], [2, 3, 4]]
    """
    if "paragraphs" not in doc.memo:
        width = wrap_width(doc)
        runs: List[List[int]] = []
        previous = None
        for ln in doc.lines:
            if ln.blank:
                continue
            i = ln.index
            if previous == i - 1 and continues(doc, previous, width):
                runs[-1].append(i)
            else:
                runs.append([i])
            previous = i
        doc.memo["paragraphs"] = runs
    return doc.memo["paragraphs"]


def _fragment_scores(doc: Document) -> List[Tuple[int, float]]:
    """Line scores, where the lines of one paragraph (:func:`paragraphs`) are
    scored together, as the paragraph they make."""
    out: List[Tuple[int, float]] = []
    for run_ in paragraphs(doc):
        if len(run_) == 1:
            out.append((run_[0], line_score(doc, run_[0])))
        elif any(i in doc.findings or is_heading(doc.lines[i]) or is_link_line(doc.lines[i]) for i in run_):
            out.extend((i, line_score(doc, i)) for i in run_)
        else:
            total = text_score(" ".join(doc.lines[i].text for i in run_))
            words = [max(1, doc.lines[i].words) for i in run_]
            out.extend((i, total * w / sum(words)) for i, w in zip(run_, words))
    return out


def run(doc: Document) -> Iterator[Finding]:
    nonblank = [ln.index for ln in doc.lines if not ln.blank]
    raw = _fragment_scores(doc)
    scores = _with_context(doc, raw)
    span = best_segment(scores)
    if span is None:
        return
    first, last = span
    anchor = _title_anchor(doc, nonblank, scores, first, last)
    if sum(sc for _, sc in raw[first:last + 1] if sc > 0) < MIN_ARTICLE_SCORE:
        # No stretch reads as an article: nothing to draw a boundary around; the
        # line the page's title line names is still the headline.
        if anchor is not None:
            yield from _headline(doc, [], nonblank[anchor])
            yield from _title_line(doc, nonblank[0])
        return
    if anchor is not None and anchor > first:
        first = anchor  # the article starts under its headline, not in the ticker above it
    stop = _comments_start(doc, scores, first, len(scores) - 1)
    if stop is not None and stop <= last:
        for i, _ in scores[stop:last + 1]:
            if doc.kept(i):
                yield Finding(i, "boundary.comments", "readers' comments after the article")
        last, stop = stop - 1, None
    if anchor is None:
        first = _prose_above(doc, scores, first)
    head = scores[:first]
    tail = scores[last + 1:]
    # Comments further down the page: they and all below them go; the lines
    # between the article and them go too, on a weaker evidence than a tail without comments.
    gap = tail if stop is None else scores[last + 1:stop]
    cut_gap = bool(gap) and _marked(doc, tail) and (
        _evidence(doc, tail) <= MIN_CUT_EVIDENCE or (stop is not None and _evidence(doc, gap) <= MAX_GAP_EVIDENCE))
    if head and (anchor is not None or (_evidence(doc, head) <= MIN_CUT_EVIDENCE and _marked(doc, head))):
        head_lines = [i for i, _ in head]
        yield from _headline(doc, head_lines, nonblank[anchor] if anchor is not None else None)
        below_byline = _under_byline(doc, head)
        for i in head_lines:
            if doc.kept(i) and i not in below_byline:
                yield Finding(i, "boundary.before", "page furniture before the article")
    if cut_gap:
        teasers = _teaser_blocks(doc, [i for i, _ in gap])
        for i, _ in gap:
            if doc.kept(i) and i not in teasers:
                yield Finding(i, "boundary.after", "page furniture after the article")
    if stop is not None:
        for i, _ in scores[stop:]:
            if doc.kept(i):
                yield Finding(i, "boundary.comments", "readers' comments after the article, and the page below them")


#: A line above the article stretch scoring at least this (a sentence of some
#: ten words) is prose: it is cut only when recognised furniture stands between
#: it and the article.
HEAD_PROSE_MIN = 10.0


def _prose_above(doc: Document, scores, first: int) -> int:
    """Where the article starts once the prose right above its stretch is added.

    The stretch of densest prose can start below the article's first
    paragraphs when a table, a ticker's time stamps or a gallery stands
    between them. Lines above it are furniture only with evidence: the
    article is taken to start at the first prose paragraph below the last
    line a rule recognised (a removed line, a teaser heading, a link line).
    """
    earliest = first
    for pos in range(first - 1, -1, -1):
        i, _ = scores[pos]
        ln = doc.lines[i]
        if i in doc.findings or is_heading(ln) or is_link_line(ln):
            break
        if ln.shape_score >= HEAD_PROSE_MIN:
            earliest = pos
    return earliest


def _under_byline(doc: Document, head) -> set:
    """The lines right under the last byline or date line above the article
    stretch, up to the next line a rule recognised, when prose is among them:
    the article's opening, however little it weighs against a form or a rail
    further down. They are not cut as furniture."""
    for pos in range(len(head) - 1, -1, -1):
        if doc.removed_by(head[pos][0], "byline", "date"):
            break
    else:
        return set()
    lines, prose = [], False
    for i, _ in head[pos + 1:]:
        ln = doc.lines[i]
        if i in doc.findings or is_heading(ln) or is_link_line(ln) or ln.comment_heading:
            break
        lines.append(i)
        prose = prose or ln.shape_score >= HEAD_PROSE_MIN
    return set(lines) if prose else set()


def _teaser_blocks(doc: Document, lines: List[int]) -> set:
    """The lines of "Related" / "Most read" blocks among ``lines``: left for the
    related pass, which removes them too and records their teasers. Both ask
    :func:`cleaner.teasers.block`, so these are the lines related will take."""
    claimed: set = set()
    for i in lines:
        if i not in claimed and doc.kept(i) and is_heading(doc.lines[i]):
            claimed.update(f.line for f in teaser_block(doc, i))
    return claimed


def _marked(doc: Document, part: List[Tuple[int, float]]) -> bool:
    """True when some line of ``part`` is boilerplate a rule recognised (a share bar,
    a copyright line, a "Related" heading): short lines alone may be a list
    that ends the article ("June 9 -- Coral Sky Amphitheatre, West Palm Beach")."""
    return any(i in doc.findings or is_heading(doc.lines[i]) or doc.lines[i].comment_heading for i, _ in part)


def _evidence(doc: Document, part: List[Tuple[int, float]]) -> float:
    """The summed score of the lines in ``part`` that no other pass removed."""
    return sum(s for i, s in part if i not in doc.findings)


#: A page title line names a headline only on a page of at least this many
#: non-blank lines: the title line, the headline, and text under it.
ANCHOR_MIN_LINES = 3
#: The headline the title line names stands above at least this share of the
#: article's prose: a repeat of the title further down (a teaser of the same
#: story, a "back to top" line) is not where the article starts.
ANCHOR_PROSE_SHARE = 0.5


def _title_anchor(doc: Document, nonblank: List[int], scores, first: int, last: int) -> Optional[int]:
    """Position of the headline line named by the page's title line, if any.

    html-text and browsers' "save as text" print the ``<title>`` first
    ("Headline - Site"); the later line that is its headline part marks where
    the article starts. The last such line before most of the article's prose wins.
    """
    if len(nonblank) < ANCHOR_MIN_LINES:
        return None
    first_line = doc.lines[nonblank[0]].text
    page_title = doc.lines[nonblank[0]].folded
    if len(page_title) < MIN_ANCHOR_CHARS or not headline_shaped(first_line):
        return None  # a sentence is the article's first paragraph, not a <title>
    if _list_item(first_line):
        return None  # a list item ("* 1 large chicken") is a list's, printed again further down, not a <title>
    # Prose from each position to the end of the stretch, summed once (linear on any page).
    after = [0.0] * (last + 2)
    for pos in range(last, -1, -1):
        s = scores[pos][1]
        after[pos] = after[pos + 1] + (s if s > 0 and pos >= first else 0.0)
    prose_total = after[first]
    best = None
    for pos in range(1, last + 1):
        t = doc.lines[nonblank[pos]].folded
        if len(t) < MIN_ANCHOR_CHARS or not _names_headline(page_title, t):
            continue
        if after[max(pos, first)] >= ANCHOR_PROSE_SHARE * prose_total:
            best = pos
    return best


def _names_headline(page_title: str, line: str) -> bool:
    """True when ``page_title`` is ``line``, or ``line`` and a site name joined by a separator.

    >>> _names_headline("big storm hits coast - daily news", "big storm hits coast")
    True
    >>> _names_headline("daily news | big storm hits coast", "big storm hits coast")
    True
    >>> _names_headline("big storm hits coast tonight", "big storm hits coast")
    False
    """
    if page_title == line:
        return True
    if page_title.startswith(line):
        return bool(_TITLE_SEPARATOR.match(page_title[len(line):]))
    if page_title.endswith(line):
        return bool(_TITLE_SEPARATOR_END.search(page_title[:-len(line)]))
    return False


def _comments_start(doc: Document, scores, first: int, last: int) -> Optional[int]:
    """Position where readers' comments start inside the article stretch, if they do.

    A stretch that opens with a post's header, or stands right under one (a short
    line of a date and a clock time: "jane28.09.19 12:44", as each header below it),
    is a thread of posts (a forum, a Q&A page): its first post is no article with
    readers' comments under it.
    """
    words = 0
    thread = any(_post_header(doc.lines[scores[k][0]].text) for k in (first - 1, first) if k >= 0)
    for pos in range(first, last + 1):
        i, s = scores[pos]
        if words >= MIN_WORDS_BEFORE_COMMENTS and (
                (doc.lines[i].comment_heading and not _in_control_run(doc, scores, pos))
                or (not thread and _thread_starts(doc, scores, pos))) and not _article_goes_on(doc, scores, pos, words):
            return pos
        if s > 0:
            words += doc.lines[i].words
    return None


#: Below a comment heading or a thread's first "name / date" pair, a run of at least
#: this many prose paragraphs in a row, with no time stamp before it, is the article
#: going on: readers' comments come one by one, each under its name, date or "Reply"
#: line, and a single comment of five paragraphs or more is rare.
ARTICLE_RUN_MIN = 5
#: A paragraph of that run has at least this many words (a sentence or two).
ARTICLE_PARAGRAPH_MIN_WORDS = 15
#: The run may start this many non-blank lines below the heading: a share bar
#: ("Share this article:", its buttons) often stands between them.
ARTICLE_RUN_LOOKAHEAD = 6


def _article_goes_on(doc: Document, scores, pos: int, words_above: int) -> bool:
    """True when what follows ``pos`` is the article's own prose, not readers' comments:
    within :data:`ARTICLE_RUN_LOOKAHEAD` lines and before any time stamp, a run of
    :data:`ARTICLE_RUN_MIN` prose paragraphs or more, holding more words than the
    prose above ``pos`` (``words_above``). A "Comments" link in the bar under a
    headline, or a "Write a comment" button beside the byline, is no thread.
    A paragraph is one of :func:`paragraphs` (a renderer may print its links on
    lines of their own), so the run is the same in every rendering of a page.
    """
    heads = _paragraph_heads(doc)
    k, end = pos + 1, min(pos + 1 + ARTICLE_RUN_LOOKAHEAD, len(scores))
    while k < end:
        nxt, words = _prose_paragraph(doc, scores, k, heads)
        if words >= ARTICLE_PARAGRAPH_MIN_WORDS:
            break
        if any(doc.lines[scores[j][0]].timestamp for j in range(k, nxt)):
            return False  # a post's date: the thread's structure, not the article
        k = nxt
    run = run_words = 0
    while k < len(scores):
        nxt, words = _prose_paragraph(doc, scores, k, heads)
        if words < ARTICLE_PARAGRAPH_MIN_WORDS:
            break
        run, run_words, k = run + 1, run_words + words, nxt
        if run >= ARTICLE_RUN_MIN and run_words > words_above:
            return True  # read no further: a long article costs no more than a short one
    return False


def _paragraph_heads(doc: Document) -> set:
    """The first line of each of :func:`paragraphs`."""
    if "paragraph_heads" not in doc.memo:
        doc.memo["paragraph_heads"] = {run_[0] for run_ in paragraphs(doc)}
    return doc.memo["paragraph_heads"]


def _prose_paragraph(doc: Document, scores, k: int, heads: set) -> Tuple[int, int]:
    """The position after the paragraph from ``k`` on and its words, when its lines
    score as prose (above zero); else ``k + 1`` and no words."""
    if scores[k][1] <= 0:
        return k + 1, 0
    words, j = doc.lines[scores[k][0]].words, k + 1
    while j < len(scores) and scores[j][1] > 0 and scores[j][0] not in heads:
        words += doc.lines[scores[j][0]].words
        j += 1
    return j, words


#: A post's header: a clock time ("12:44", also glued to the date: "28.09.1912:44")
#: in a short line that is no sentence. Not ``shape._CLOCK``: that one wants a word
#: boundary before the hour, which a clock glued to the year has not.
_CLOCK = lazy_pattern(r"\d:\d\d(?!\d)")


def _post_header(text: str) -> bool:
    """
    >>> _post_header("jane28.09.1912:44"), _post_header("Jane Doe 28.09.2019 12:44")
    (True, True)
    >>> _post_header("Council approves budget"), _post_header("The vote ended at 12:44 on 28.09.2019.")
    (False, False)
    """
    return (len(text.split()) <= TIMESTAMP_MAX_WORDS and not ends_sentence(text)
            and _CLOCK.search(text) is not None and find_date(text) is not None)


def _in_control_run(doc: Document, scores, pos: int) -> bool:
    """True when the lines on both sides of ``pos`` are controls other passes removed:
    "Comments" between "Twitter" and "Print" is a button of a share bar, not the
    heading of the readers' comments."""
    return 0 < pos < len(scores) - 1 and scores[pos - 1][0] in doc.findings and scores[pos + 1][0] in doc.findings


@lexicon.cached
def _comment_patterns():
    word = lexicon.alternation("comment_words")
    lead = regex.compile(rf"[\W_]*\d+\s+(?:\w+\s+)?{word}\b", regex.I)  # "34 responses to …"
    inside = regex.compile(rf"\b\d+\s+{word}\b|\b{word}\s*[(\[]\d+[)\]]", regex.I)
    return lead, inside


#: A comment count inside a line ("Comments (12)", "Read 12 comments") makes it
#: the comment heading only in a line of at most this many words: in a longer
#: one it is part of a sentence or a teaser.
COMMENT_COUNT_MAX_WORDS = 10


def _is_comment_heading(text: str, folded: Optional[str] = None) -> bool:
    """``folded`` is the line's :attr:`Line.folded` when the caller has it (no second fold).

    >>> _is_comment_heading("34 responses to “Big win”"), _is_comment_heading("[ 167 comments ]")
    (True, True)
    >>> _is_comment_heading("Comments from readers poured in after the decision was announced.")
    False
    """
    words = len(text.split())
    if words > COMMENT_HEADING_MAX_WORDS:
        return False
    if (lexicon.fold(text) if folded is None else folded) in lexicon.phrase_set("comment_headings"):
        return True
    if not has_digit(text):
        return False  # both count patterns need a digit (most lines have none: a search costs a tenth of theirs)
    lead, inside = _comment_patterns()
    timeout = pattern_timeout()
    return bool(lead.match(text, timeout=timeout)) or (words <= COMMENT_COUNT_MAX_WORDS
                                                     and bool(inside.search(text, timeout=timeout)))


@line_fact("comment_heading")
def _comment_heading(line: Line) -> bool:
    """:func:`_is_comment_heading` of the line (``Line.comment_heading``)."""
    return _is_comment_heading(line.text, line.folded)


#: The "name / date" pairs of a thread are looked for among this many non-blank lines
#: from where it starts (:data:`MIN_COMMENT_PAIRS` pairs with a comment between
#: them fit in it, and the search stays short on every line of a page).
THREAD_REACH_LINES = 12


def _thread_starts(doc: Document, scores, pos: int) -> bool:
    """A comment thread: short "name" lines, each followed by a date or "2 days ago"
    line, and at least one of them by what the reader wrote (:func:`_comment_text`).

    A block of teasers in the middle of an article prints title / author / date
    lines too, but each date is followed by the next title, not by a comment
    (and the last one by the article going on).
    """
    if not _name_then_time(doc, scores, pos):
        return False
    pairs = [k for k in range(pos, min(pos + THREAD_REACH_LINES, len(scores) - 1)) if _name_then_time(doc, scores, k)]
    # The last pair is left out: below a teaser block the article goes on in prose.
    return len(pairs) >= MIN_COMMENT_PAIRS and any(
        _comment_text(doc.lines[scores[k + 2][0]].text) for k in pairs[:-1])


#: What a reader wrote under a name and a date: a line of at least this many
#: words, or a sentence with its full stop ("Great post, thanks."). A teaser
#: title is neither.
COMMENT_TEXT_MIN_WORDS = 8


def _comment_text(text: str) -> bool:
    """
    >>> _comment_text("Great post, thanks."), _comment_text("New tram line opens in the east")
    (True, False)
    """
    return count_words(text) >= COMMENT_TEXT_MIN_WORDS or ends_full_stop(text)


#: A commenter's name or handle has at most this many words ("Luisa P.", "Jane van der Berg").
COMMENTER_NAME_MAX_WORDS = 4
#: A comment's time stamp line has at most this many words ("21 settembre 2023
#: alle 19:02", "March 3, 2023 at 5:12 pm") ...
TIMESTAMP_MAX_WORDS = 8
#: ... and fewer than this many characters beside its date ("at", "alle", "Reply"):
#: more is a sentence or a teaser that mentions a date.
TIMESTAMP_EXTRA_CHARS = 12


def _name_then_time(doc: Document, scores, k: int) -> bool:
    """A commenter's name (a few words; an initial may end it) over a date or "2 days ago" line.

    >>> doc = Document("Luisa P.\\n21 settembre 2023 alle 19:02\\nThe council met.\\n3 March 2023")
    >>> _name_then_time(doc, [(0, 0.0), (1, 0.0)], 0), _name_then_time(doc, [(2, 0.0), (3, 0.0)], 0)
    (True, False)
    >>> doc = Document("Klaus M.\\nvor 2 Tagen\\nMarie\\nil y a 3 heures")
    >>> _name_then_time(doc, [(0, 0.0), (1, 0.0)], 0), _name_then_time(doc, [(2, 0.0), (3, 0.0)], 0)
    (True, True)
    """
    if k + 1 >= len(scores):
        return False
    name, nxt = doc.lines[scores[k][0]].text, doc.lines[scores[k + 1][0]]
    return len(name.split()) <= COMMENTER_NAME_MAX_WORDS and (not ends_sentence(name) or bool(_INITIAL_END.search(name))) \
        and nxt.timestamp


def _is_timestamp(text: str) -> bool:
    if len(text.split()) > TIMESTAMP_MAX_WORDS:
        return False
    hint = _relative_time_hint()
    if (hint is None or hint.search(text)) and lexicon.relative_time().search(text):
        return True  # "2 days ago", "vor 2 Tagen", "il y a 3 heures": the lexicon's relative times
    found = find_date(text)
    return bool(found) and len(text) - (found[0].end() - found[0].start()) < TIMESTAMP_EXTRA_CHARS


@lexicon.cached
def _relative_time_hint():
    """A pattern that finds something in every line :func:`cleaner.lexicon.relative_time`
    finds a relative time in, at a fourth of its cost (it has ~170 phrases): a digit for a
    phrase with a number ("#" -> ``\\d+``), else the phrase's longest word, which that
    pattern holds as is (same engine, same flags), as a whole word: in it a word stands
    after ``(?<!\\w)`` or a space and before a space or ``(?!\\w)``. ``None`` when a
    phrase has neither.

    >>> bool(_relative_time_hint().search("vor 2 Tagen")), bool(_relative_time_hint().search("Jane Smith"))
    (True, False)
    """
    digit, words = False, set()
    for phrase in lexicon.data().get("relative_times", []):
        if "#" in phrase:
            digit = True
            continue
        alnum = [w for w in phrase.split() if w.isalnum()]
        if not alnum:
            return None
        words.add(regex.escape(max(alnum, key=len)))
    parts = ([r"\d"] if digit else []) + ([rf"(?<!\w)(?:{'|'.join(sorted(words))})(?!\w)"] if words else [])
    return regex.compile("|".join(parts) or "(?!)", regex.I)


@line_fact("timestamp")
def _timestamp(line: Line) -> bool:
    """:func:`_is_timestamp` of the line's text (``Line.timestamp``)."""
    return _is_timestamp(line.text)


def _headline(doc: Document, head: List[int], anchor: Optional[int]) -> Iterator[Finding]:
    """The headline of a page whose furniture is cut: it goes to ``title``.

    The line the page's title line names, else the nearest headline above the
    article, else the page's title line itself ("Headline - Site": the longer
    part) when it opens the text.
    """
    if doc.meta["title"] is not None:
        return
    if anchor is None:
        from . import title  # title imports this module: imported here, when both are loaded
        start = doc.next_nonblank(head[-1], kept_only=False)
        anchor = title.choose(doc, start) if start is not None else _headline_above(doc, head)
    line = anchor
    if line is not None:
        text = doc.lines[line].text
        yield Finding(line, "boundary.headline", f"the article's headline {text[:60]!r}", "title", text)
        return
    first = head[0]
    parts = [p for p in _TITLE_SEPARATOR.split(doc.lines[first].text) if p]
    if len(parts) > 1 and doc.kept(first):
        best = max(parts, key=len)
        if headline_candidate(best):
            yield Finding(first, "boundary.page_title", f"the page's title line {doc.lines[first].text[:60]!r}",
                          "title", best)


def _title_line(doc: Document, first: int) -> Iterator[Finding]:
    """The page's title line ("Headline | Site") over the headline it names, on a page too
    short to cut around: it goes with the headline. Left on top of the body, it would name
    another line in a second cleaning (the site's name printed under the menu) and take
    that for the headline, with all above it.

    >>> doc = Document("Storm hits the coast | Daily News\\nHome\\nStorm hits the coast\\nIt rained.")
    >>> [(f.line, f.rule) for f in _title_line(doc, 0)]
    [(0, 'boundary.page_title')]
    """
    if doc.kept(first):
        yield Finding(first, "boundary.page_title", f"the page's title line {doc.lines[first].text[:60]!r}")


def _headline_above(doc: Document, head: List[int]) -> Optional[int]:
    """The headline among the last lines before the article, if one is there."""
    byline_starts = lexicon.first_words("byline_prefixes")
    candidates = [i for i in head[-HEADLINE_LOOKBACK:]
                  if doc.kept(i) and headline_candidate(doc.lines[i].plain) and not find_date(doc.lines[i].text)
                  and doc.lines[i].first_word not in byline_starts and not _DIGIT_TIME.search(doc.lines[i].text)
                  and not is_link_line(doc.lines[i])]
    if not candidates:
        return None
    for i in reversed(candidates):
        if doc.lines[i].text.startswith("# "):
            return i  # a Markdown first-level heading: the page's own headline
    page_title = doc.lines[head[0]].text.casefold() if head else ""
    for i in reversed(candidates):
        t = doc.lines[i].text.casefold()
        if len(t) > MIN_ANCHOR_CHARS and page_title.startswith(t):  # (longer than, not as long as: as it was)
            return i  # the page's <title> line starts with it
    return candidates[-1]

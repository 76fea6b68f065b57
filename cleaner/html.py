"""The HTML path: parse once, extract with trafilatura's defaults, then remove what a rule recognises.

This is the only module that imports trafilatura and lxml (and, for pages
trafilatura cannot read, beautifulsoup4), so plain text never pays for them.
trafilatura's default extraction is the floor: the cleaner removes lines of
it where a rule recognises boilerplate, and never cuts most of it silently.
The steps, on one parsed tree:

1. **Parse** with trafilatura's loader (lxml), once. Pop-ups and hovercards
   (``html.popup``, :data:`INLINE_RULES`) are dropped first, since their text
   sits inside the story's paragraphs; then the extractor gets its own copy
   of the tree, which the other pre-clean rules leave whole.
2. **Pre-clean** (:mod:`cleaner.preclean`) the other copy: elements whose
   markup names them as ads, related stories, share bars, newsletters,
   comments, cookie banners, breadcrumbs, navigation, sidebars or footers are
   dropped, each reported as a removal with its ``html.*`` rule id (line 0).
3. **Metadata** from the pre-cleaned tree (:mod:`cleaner.metadata`): trafilatura's
   ``extract_metadata`` plus the machine-readable timestamps, JSON-LD persons
   and the page language.
4. **Extract** the article body with trafilatura's default settings in its
   full mode (options in :data:`TRAFILATURA_OPTIONS`, and why); the format
   characters it strips (soft hyphens, emoji joiners) are put back where a line
   is one element's text (:func:`restore_format_chars`). When it finds
   nothing or almost nothing on a page with visible text
   (:func:`is_no_article`), or when what it found is all page furniture, the
   page's text is rendered one line per block with beautifulsoup4
   (:func:`page_text`) and cleaned as a whole page of text, with a warning
   "fallback: ...". The article's lead (standfirst), which extractors often
   leave out with the page's ``<header>``, is put back below the headline when
   its markup names it (:func:`with_lead`).
5. **Furniture lines** (:func:`furniture`): the extracted lines that are the
   text of an element the pre-clean dropped go with that element's rule, at
   their line (unless the page still holds the same line elsewhere).
6. **Text passes**: the extracted text goes through the text-mode passes
   (:func:`html_passes`), so residue such as "Read more: …", "Filed under: …"
   or newsletter prompts leaves with a rule id; runs of lines that are each a
   link on the page leave as ``html.link_run`` (:func:`link_runs`), a line of
   the page's own tags as ``tags.line`` (:func:`tag_lines`); the headline,
   when the extractor kept it, leaves as ``html.title``, with the furniture
   printed above it (:func:`over_headline`); a headline-shaped line left on
   top of the body goes as ``html.head_line`` (:func:`head_line`), so that
   the body cleaned again as text is the body.
7. **Floor** (:func:`keep_floor`): when the kept lines hold under
   :data:`KEEP_SHARE` of the extracted words, the cuts are undone, the text
   passes take the lines their own rules recognise (:func:`after_floor`), and a
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

from copy import deepcopy
from typing import Iterator, List, Optional, Tuple

from lxml.etree import XPath

from . import lexicon
from .metadata import PageMeta, headline, headline_heading, merge, names_headline, page_metadata
from .model import Article, Document, Finding, Removed
from .passes import TEXT_PASSES, duplicates, runs_on_html
from .patterns import lazy_pattern
from .pipeline import admitted, run_passes
from .preclean import (
    _HIDDEN_TAGS,
    BLOCK_TAGS,
    OUTSIDE_ONLY,
    RULES,
    Dropped,
    block_lines,
    drop_selected,
    find_candidates,
    line_key,
    markup,
    markup_words,
    preclean,
    select,
    touches,
    unname,
)
from .render import to_article
from .shape import ends_sentence, is_prose

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

def html_passes(passes=TEXT_PASSES) -> tuple:
    """``passes`` without the ones that do not run on extracted HTML (those
    :data:`cleaner.passes.PIPELINE` marks so, and why it does)."""
    return tuple(p for p in passes if runs_on_html(p))


def clean_html(html: str, url: Optional[str] = None, passes=TEXT_PASSES) -> Article:
    """Clean one HTML page: body text, metadata, and every removal with its rule.

    ``passes`` are the text passes to run on the extracted text, in order
    (those :func:`html_passes` leaves out are, except on the fallback
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
    dropped, candidates, keep_keys = _user_rules(tree)
    dropped += preclean(tree, INLINE_RULES, candidates)
    work = deepcopy(tree)  # the extractor reads the page without the other rules' drops
    dropped += preclean(tree, OTHER_RULES, candidates, repair=False)
    page = page_metadata(tree, url, shown=work)  # the date line may sit in a share bar the pre-clean drops
    text = restore_format_chars(extract_text(work, page.url), work, html)
    if is_no_article(text, tree):
        doc, notes = clean_lines(page_text(html), passes, dropped, tree, page, floor=False, keep_keys=keep_keys)
        notes.insert(0, "fallback: trafilatura found no article; the page's text was cleaned as text")
    else:
        text, lead = with_lead(text, tree, page)
        doc, notes = clean_lines(text, html_passes(passes), dropped, tree, page, keep_keys=keep_keys)
        # the lead alone is no article: the page's text, cleaned, holds it and the rest
        if is_no_article("\n".join(ln.text for ln in doc.kept_lines() if ln.index not in lead), tree):
            doc, notes = clean_lines(page_text(html), passes, dropped, tree, page, floor=False, keep_keys=keep_keys)
            notes.insert(0, "fallback: trafilatura's extraction held only page furniture; "
                            "the page's text was cleaned as text")
    article = to_article(doc, input_format="html")
    article.text = body(doc)
    article.removed = [Removed(0, d.rule, d.reason, d.text) for d in dropped] + article.removed
    merge(article, page, doc)
    article.warnings.extend(notes)
    return article


def _user_rules(tree):
    """A rule file's part before the pre-clean: its ``drop`` selectors' elements go, its ``keep``
    selectors' elements are spared by the pre-clean, and its disabled ``html.*`` rules drop nothing.

    Returns what was dropped, the pre-clean's candidates, and the lines of the kept elements
    (as :func:`cleaner.preclean.line_key` writes them): no rule removes those lines.
    """
    lex = lexicon.active()
    if not (lex.drop or lex.keep or lex.disabled):
        return [], find_candidates(tree), frozenset()  # the markup is read once; the drops come in two steps
    kept = [el for el, _, _ in select(tree, lex.keep)] if lex.keep else []
    for el in kept:
        unname(el)  # the extractor, too, reads class names ("share", "promo") as boilerplate
    dropped = drop_selected(tree, lex.drop, kept) if lex.drop else []
    candidates = [(el, rule) for el, rule in find_candidates(tree)
                  if rule not in lex.disabled and not (kept and touches(el, kept))]
    return dropped, candidates, frozenset(key for el in kept for key in block_lines(el))


def clean_lines(text: str, run, dropped: List[Dropped], tree, page: PageMeta, floor: bool = True,
                keep_keys: frozenset = frozenset()):
    """The steps after extraction, on ``text``: furniture lines, the passes ``run``, link runs, headline, floor.

    Returns the document and the warnings to add. ``floor=False`` on the
    fallback path: a whole page's text is no extraction to fall back on.
    ``keep_keys``: lines no rule removes (a rule file's ``keep`` selectors).
    """
    doc = Document(text)
    body_el = tree.find(".//body")
    linked: set = set()
    left = set(block_lines(body_el if body_el is not None else tree, linked))
    keep = frozenset(ln.index for ln in doc.lines if not ln.blank and line_key(ln.text) in keep_keys) \
        if keep_keys else frozenset()
    disabled = lexicon.disabled()
    _record(doc, furniture(doc, dropped, left), disabled, keep)
    run_passes(doc, run, keep=keep)
    teasers = list(link_runs(doc, linked))
    _record(doc, teasers, disabled, keep)
    _record(doc, list(tag_lines(doc, page)), disabled, keep)
    if teasers and duplicates in run:
        # A line a teaser run stood between is next to its copy now ("+ Follow", a name, "+ Follow").
        _record(doc, [f for f in duplicates.run(doc) if f.rule == "dup.consecutive"], disabled, keep)
    _record(doc, list(over_headline(doc, page)), disabled, keep)
    _record(doc, page_headline(doc, page), disabled, keep)
    kept_note = keep_floor(doc) if floor else None
    if kept_note:
        doc = after_floor(text, run, dropped, left, page, keep)
    _keep_headline_over_standfirst(doc)
    _record(doc, head_line(doc), disabled, keep)
    return doc, [kept_note] if kept_note else []


def _record(doc: Document, findings, disabled: frozenset, keep: frozenset) -> None:
    """Record each of ``findings`` that a rule file admits (:func:`cleaner.pipeline.admitted`), one
    at a time: :func:`page_headline` reads what was recorded before it yields its second line."""
    for finding in findings:
        if admitted(finding, disabled, keep):
            doc.record(finding)


#: The page's title ends with the headline after the site's and section's names
#: ("Site » Blog » Headline") when its last words, at least this many, are the line's.
TITLE_TAIL_MIN_WORDS = 3
_WORDS = lazy_pattern(r"\w+")


#: The page's headline is looked for among this many kept lines at the top of the body.
OVER_HEADLINE_LINES = 5


def over_headline(doc: Document, page: PageMeta) -> Iterator[Finding]:
    """html.head_line: the lines the extraction kept above the page's headline, none of them prose.

    A date and category row, a kicker or a section label printed over the
    headline (:func:`cleaner.metadata.names_headline`) is not the story's
    text; :func:`page_headline` then takes the headline. Read as text, the body
    would lose them too: a text pass cuts what stands above the headline.

    Removes::

        26 | 01 | 2022 | Politics | Video
        Council approves budget            (the page's headline: html.title)

    Keeps (a sentence above the headline line is not furniture)::

        The council met on Monday.
        Council approves budget

    >>> from cleaner.metadata import PageMeta
    >>> page = PageMeta(title="Council approves budget | City News")
    >>> doc = Document("26 | 01 | 2022 | Politics\\nCouncil approves budget\\nThe council approved it on Monday.")
    >>> [f.line for f in over_headline(doc, page)]
    [0]
    >>> list(over_headline(Document("The council met on Monday.\\nCouncil approves budget\\nMore text."), page))
    []
    """
    lines = []
    i = doc.next_nonblank(-1)
    while i is not None and len(lines) < OVER_HEADLINE_LINES:
        lines.append(i)
        i = doc.next_nonblank(i)
    for k, i in enumerate(lines[1:], 1):
        above = doc.lines[lines[k - 1]].text
        if is_prose(above) or ends_sentence(above):
            return  # the story has begun above: a heading inside it, not the headline
        if i != lines[-1] and names_headline(doc.lines[i].text, page):
            headline_text = doc.lines[i].text[:60]
            for j in lines[:k]:
                yield Finding(j, "html.head_line", f"above the page's headline {headline_text!r}: "
                              f"not the story's text {doc.lines[j].text[:60]!r}")
            return


def page_headline(doc: Document, page: PageMeta) -> Iterator[Finding]:
    """html.title: the first kept line when it repeats the page's title or an ``<h1>``
    (:func:`cleaner.metadata.headline`), or is the last part of the title after the
    site's name; then once more for the line below it: a section's ``<h1>``
    ("Press releases") stands over the headline on some pages. A headline left on
    top of the body would be taken as one by a second cleaning of the body as text.

    >>> doc = Document("Press releases\\nCouncil approves budget\\nThe council approved it on Monday.")
    >>> page = PageMeta(title="Council approves budget", headings=["Press releases", "Council approves budget"])
    >>> [doc.record(f) and f.line for f in page_headline(doc, page)]  # (recorded as clean_lines does)
    [0, 1]
    >>> doc = Document("Council approves the budget\\nThe council approved it on Monday.")
    >>> [f.line for f in page_headline(doc, PageMeta(title="City News » Politics » Council approves the budget"))]
    [0]
    """
    for _ in range(2):
        finding = next(iter(headline(doc, page)), None) or _title_tail(doc, page)
        if finding is None:
            return
        yield finding
        if doc.findings.get(finding.line) is not finding:
            return  # not recorded (a rule file keeps the line)


def _keep_headline_over_standfirst(doc: Document) -> None:
    """The headline (``html.title``) stays in the body when the line under it would be
    taken as the headline by a second cleaning of the body as text (a short standfirst
    or subheading over the text): over it, the headline makes two headline-shaped lines,
    of which a cleaning takes neither. The title stays the page's."""
    first = _taken_again(doc)
    if first is None:
        return
    above = doc.prev_nonblank(first, kept_only=False)
    if above is not None and doc.findings.get(above) is not None and doc.findings[above].rule == "html.title":
        del doc.findings[above]


def head_line(doc: Document) -> Iterator[Finding]:
    """html.head_line: a short headline-shaped line left on top of the body, over its first paragraph.

    The body is text again for whoever cleans it next, and a text that opens
    with a short headline-shaped line over a paragraph loses that line as its
    headline (:func:`cleaner.passes.title.first_line_headline`, the seed
    articles' rule). The page's headline is known here and is not that line
    (:func:`page_headline` took it, or :func:`_keep_headline_over_standfirst`
    kept it above), so the line is a kicker, a label or a standfirst left by
    the extraction: it goes now, with its reason, and a second cleaning of the
    body gives the body again. Two headline-shaped lines at the top, or a line
    over a wrapped paragraph, stay: the same test refuses them.

    Removes::

        Gut zu wissen: Termine im Überblick

        The council approved the budget on Monday after a long debate.

    Keeps (a sentence, not a headline)::

        The mayor spoke first.

        The council approved the budget on Monday after a long debate.

    >>> [f.rule for f in head_line(Document("Budget talks drag on into the night\\n\\nThe council approved the budget on Monday."))]
    ['html.head_line']
    >>> list(head_line(Document("The mayor spoke first.\\n\\nThe council approved the budget on Monday.")))
    []
    """
    first = _taken_again(doc)
    if first is not None:
        text = doc.lines[first].text
        yield Finding(first, "html.head_line", f"a headline-shaped line over the body's first paragraph {text[:60]!r}: "
                      "not the page's headline, and a second cleaning would take it as one")


def _taken_again(doc: Document) -> Optional[int]:
    """The body's first kept line when a cleaning of the body as text would take it as the
    headline (:func:`cleaner.passes.title.first_line_headline` on the body's first two lines)."""
    from .passes.title import first_line_headline

    first = doc.next_nonblank(-1)
    below = None if first is None else doc.next_nonblank(first)
    if below is None:
        return None
    head = Document(doc.lines[first].shown + "\n\n" + doc.lines[below].shown)  # as body() prints them
    return first if first_line_headline(head, 0) is not None else None


def _title_tail(doc: Document, page: PageMeta) -> Optional[Finding]:
    first = doc.next_nonblank(-1)
    if first is None or doc.next_nonblank(first) is None or not page.title:
        return None
    line = _WORDS.findall(doc.lines[first].text.casefold())
    known = _WORDS.findall(page.title.casefold())
    if len(known) > len(line) >= TITLE_TAIL_MIN_WORDS and known[-len(line):] == line:
        return Finding(first, "html.title", f"the page's headline {doc.lines[first].text[:60]!r}",
                       "title", doc.lines[first].text)
    return None


#: Markup words naming an article's lead paragraph (``<div class="teaser-text">``,
#: ``<p class="intro">``, ``field-abstract``, ``chapo``, ``entry-excerpt``,
#: ``article-preface``): the paragraph between the headline and the body that opens
#: the story. Extractors often leave it out, since it sits in the page's
#: ``<header>`` or outside the body's container, and "teaser" is also the name
#: they give a related story's summary. Not here: "dek", "standfirst",
#: "subtitle", "summary", "lead": display lines set with the headline, which news
#: gold bodies leave out (on zyte-dev, 13 of 14 pages lost F1 with them back; on
#: multilingual-dev the words here brought back 21 of its gold's 'with' snippets and
#: none of its 'without' ones).
LEAD_WORDS = frozenset({"teaser", "intro", "abstract", "chapo", "preface", "excerpt"})
#: A lead holds at least this many letters (a label named "intro" is no paragraph) ...
LEAD_MIN_LETTERS = 60
#: ... and at most this many (a container named "article-intro" around the whole story is no lead).
LEAD_MAX_LETTERS = 1500
#: A lead stands near the headline: at most this many letters of text between them (a
#: byline, a date row, a caption). On the dev pages the most was under 800; a teaser
#: found further down, when the extraction's lines match no element of the page, is
#: another story's.
LEAD_NEAR_LETTERS = 1000
#: A lead's text is at most this share link text (a teaser linking to another story is no lead).
LEAD_MAX_LINKED = 0.5
#: A teaser that previews a text ends cut off: "... the council said ..." / "…".
_CUT_OFF = ("...", "…")
#: A lead is not inside these: a caption, an embedded box, a list of teasers, a link.
_NOT_LEAD_INSIDE = frozenset({"figure", "figcaption", "aside", "nav", "footer", "li", "a", "form", "button"})
#: A teaser card: a linked heading (another story's title) over its summary.
_LINKED_HEADING = XPath("boolean(.//*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6]"
                        "[.//a[@href] or ancestor::a[@href]])")
#: The extractor's lines are these elements' text: the body has begun where one of them is.
_BODY_LINE_TAGS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "dd", "dt"})


def lead_lines(text: str, tree, page: PageMeta) -> List[str]:
    """The lines of the article's lead when the extraction ``text`` left it out; else ``[]``.

    The lead is the first element after the page's headline (the heading that
    prints its title, else the first ``<h1>``) whose markup names it a lead
    (:data:`LEAD_WORDS`), found before the first element whose text the
    extraction holds (the body has begun there: the extraction holds its lead
    if it has one) and within :data:`LEAD_NEAR_LETTERS` letters of the headline.
    It holds :data:`LEAD_MIN_LETTERS` to :data:`LEAD_MAX_LETTERS` letters, mostly
    not link text and no linked heading (a teaser card), does not end cut off
    with an ellipsis, and stands in no caption, box, list or link; of elements
    named so inside one another, the innermost is the lead.

    Finds::

        <h1>Council approves budget</h1>
        <div class="teaser-text"><p>After a long debate the council approved ...</p></div>
        <div class="body"><p>The vote was close ...</p></div>     (what the extractor kept)

    Keeps out (a teaser after the body has begun is another story's)::

        <h1>Council approves budget</h1>
        <div class="body"><p>The vote was close ...</p></div>
        <div class="teaser-text"><p>Mayor opens the new bridge ...</p></div>

    >>> from lxml import html as lxml_html
    >>> lead = '<div class="teaser-text"><p>After a long debate the council approved the budget for next year.</p></div>'
    >>> vote = "The vote was close: nine to eight, and the mayor spoke for an hour."
    >>> body = f'<div class="body"><p>{vote}</p></div>'
    >>> page = PageMeta(title="Council approves budget")
    >>> lead_lines(vote, lxml_html.fromstring(
    ...     f"<html><body><h1>Council approves budget</h1>{lead}{body}</body></html>"), page)
    ['After a long debate the council approved the budget for next year.']
    >>> lead_lines(vote, lxml_html.fromstring(
    ...     f"<html><body><h1>Council approves budget</h1>{body}{lead}</body></html>"), page)
    []
    """
    body_el = tree.find(".//body")
    if body_el is None or not text.strip():
        return []
    head = headline_element(body_el, page)
    if head is None:
        return []
    extracted = {line_key(ln) for ln in text.split("\n") if ln.strip()}
    between = 0  # letters of text between the headline and here
    elements = body_el.iter()
    for el in elements:
        if el is head:
            break  # the walk below goes on from the element after the headline
    for el in elements:
        if not isinstance(el.tag, str):
            continue
        if between > LEAD_NEAR_LETTERS:
            return []  # far from the headline: a teaser further down, not the lead
        if el.text and el.tag not in _HIDDEN_TAGS:  # text a reader does not see is not counted
            between += len(el.text.strip())  # counts for what comes after ``el``
        if el.tag in _BODY_LINE_TAGS and _starts_body(el, extracted):
            return []  # the body has begun, and the extraction holds it from here
        if not _names_lead(el):
            continue
        if any(a.tag in _NOT_LEAD_INSIDE for a in el.iterancestors()) or el.find(".//h1") is not None:
            continue
        if any(_names_lead(inner) for inner in el.iterdescendants()):
            continue  # "article-intro" around a date row and "text-intro": the innermost is the lead
        lines = block_lines(el)
        whole = line_key(text.replace("\n", " "))  # built here: most pages have no element named a lead
        if any(key in extracted or (len(key) >= LEAD_MIN_LETTERS and key in whole) for key in lines):
            return []  # the extraction holds it (as a line, or inside a longer one)
        letters = sum(len(key) for key in lines)
        if not LEAD_MIN_LETTERS <= letters <= LEAD_MAX_LETTERS:
            continue
        if sum(len(a.text_content()) for a in el.iter("a")) > LEAD_MAX_LINKED * len(el.text_content()):
            return []
        if _LINKED_HEADING(el):
            return []  # a card with another story's linked title over its summary
        found = block_lines(el, shown=True)
        if found and found[-1].endswith(_CUT_OFF):
            return []  # a preview cut off with an ellipsis is a teaser of a text, not its lead
        return found
    return []


def _names_lead(el) -> bool:
    return not LEAD_WORDS.isdisjoint(markup_words(markup(el)))


def _starts_body(el, extracted: set) -> bool:
    """True when ``el`` is a paragraph of the extraction: a line of it with
    :data:`LEAD_MIN_LETTERS` letters or more, outside a figure (a photo credit, a
    caption or a date row the extractor kept above the lead is no paragraph)."""
    key = line_key(el.text_content())
    return (key in extracted and len(key) >= LEAD_MIN_LETTERS
            and not any(a.tag in ("figure", "figcaption") for a in el.iterancestors()))


def headline_element(root, page: PageMeta):
    """The heading under ``root`` that prints the page's title (:func:`cleaner.metadata.headline_heading`),
    else the first ``<h1>`` that holds no link and no image (a site's logo is often an ``<h1>``
    linking to its home page); ``None`` when there is neither."""
    found = headline_heading(root, page.title)
    if found is not None:
        return found[1]
    return next((h for h in root.iter("h1") if h.find(".//a[@href]") is None and h.find(".//img") is None), None)


def with_lead(text: str, tree, page: PageMeta) -> Tuple[str, range]:
    """``text`` with the article's lead (:func:`lead_lines`) put back where the page prints it:
    below the headline when the extraction kept it among its first lines, else on top;
    and the indices of its lines in the text returned.

    >>> from lxml import html as lxml_html
    >>> tree = lxml_html.fromstring('<html><body><h1>Council approves budget</h1><p class="intro">'
    ...     'After a long debate the council approved the budget for next year.</p><div><p>The vote was close.</p>'
    ...     '</div></body></html>')
    >>> text, lead = with_lead("Council approves budget\\nThe vote was close.", tree, PageMeta(title="Council approves budget"))
    >>> print(text)
    Council approves budget
    After a long debate the council approved the budget for next year.
    The vote was close.
    >>> lead
    range(1, 2)
    """
    lines = lead_lines(text, tree, page)
    if not lines:
        return text, range(0)
    rows = text.split("\n")
    at = 0
    for i, row in enumerate(rows[:OVER_HEADLINE_LINES]):
        if row.strip() and names_headline(row, page):
            at = i + 1
            break
    return "\n".join(rows[:at] + lines + rows[at:]), range(at, at + len(lines))


def extract_text(tree, url: Optional[str] = None) -> str:
    """The article body as trafilatura extracts it from ``tree`` (with :data:`TRAFILATURA_OPTIONS`)."""
    import trafilatura

    result = trafilatura.bare_extraction(tree, url=url, **TRAFILATURA_OPTIONS)
    return (result.text if result is not None else "") or ""


#: Characters of Unicode's "format" category: soft hyphens, zero-width joiners
#: (inside emoji sequences), bidirectional marks. trafilatura drops them from the
#: text it extracts (it keeps printable characters and spaces only).
_FORMAT_CHAR = lazy_pattern(r"\p{Cf}")
#: Elements whose text is one extracted line when the extractor keeps them whole: the
#: body's (:data:`_BODY_LINE_TAGS`), and the headline, header cells and captions.
_LINE_TAGS = tuple(sorted(_BODY_LINE_TAGS | {"h1", "th", "figcaption", "caption"}))


def restore_format_chars(text: str, tree, html: str) -> str:
    """``text`` with each line the extractor stripped of format characters written as the page has it.

    A soft hyphen ("Werk\\u00adzeug") or the joiner of an emoji sequence is the
    page's text, and the body keeps every character a kept line holds. A line
    comes back only when it is exactly the text of one element (``<p>``,
    ``<li>``, a heading, a cell …) without those characters: a line the
    extractor joined or split differently stays as extracted.

    >>> from lxml import html as lxml_html
    >>> page = "<p>Die Werk\u00adzeug\u00adtypen</p><p>A family \U0001f469\u200d\U0001f467 day</p>"
    >>> out = restore_format_chars("Die Werkzeugtypen\\nA family \U0001f469\U0001f467 day", lxml_html.fromstring(page), page)
    >>> out == "Die Werk\u00adzeug\u00adtypen\\nA family \U0001f469\u200d\U0001f467 day"
    True
    """
    if not _FORMAT_CHAR.search(html):
        return text
    shown = {}
    for el in tree.iter(_LINE_TAGS):
        line = " ".join(el.text_content().split())
        if _FORMAT_CHAR.search(line):
            shown.setdefault(" ".join(_FORMAT_CHAR.sub("", line).split()), line)
    if not shown:
        return text
    return "\n".join(shown.get(line, line) for line in text.split("\n"))


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
    for ln in doc.lines:
        key = None if ln.blank else line_key(ln.text)
        if key in where and key not in left:
            yield Finding(ln.index, where[key].rule, f"{where[key].reason}, dropped by the pre-clean")


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
    min_run = lexicon.threshold("html.link_run")  # LINK_RUN unless a rule file sets it
    run: List[int] = []
    for ln in doc.lines + [None]:
        if ln is not None and (ln.blank or ln.index in doc.findings):
            continue
        if ln is not None and line_key(ln.text) in linked:
            run.append(ln.index)
            continue
        if len(run) >= min_run:
            for i in run:
                yield Finding(i, "html.link_run", f"one of {len(run)} lines in a row that are each a link")
        run = []


#: A line of the page's own tags is at least this many of them ("Gesundheit Angst"):
#: one tag alone may be the word a subheading is ("Angst").
TAG_LINE_MIN = 2
#: ... and at most this many words (a sentence made of tag words stays).
TAG_LINE_MAX_WORDS = 8


def tag_lines(doc: Document, page: PageMeta) -> Iterator[Finding]:
    """tags.line: a kept line made only of the page's own tags or categories (its meta data names them).

    Removes (the page's tags include "Gesundheit" and "Angst")::

        Gesundheit Angst

    Keeps (a word that is no tag: "und"; a question made of the tags a page's keywords split)::

        Angst und Gesundheit
        Wie entsteht Erdöl?

    >>> page = PageMeta(tags=["Gesundheit", "Angst"])
    >>> [f.line for f in tag_lines(Document("Gesundheit Angst\\nAngst und Gesundheit\\nAngst"), page)]
    [0]
    """
    terms = {t.casefold() for t in page.tags + page.categories}
    if len(terms) < TAG_LINE_MIN:
        return
    for ln in doc.kept_lines():
        if not TAG_LINE_MIN <= ln.words <= TAG_LINE_MAX_WORDS:
            continue
        words = _WORDS.findall(ln.folded)  # folding only straightens quotes and strips end punctuation: no \w
        if len(words) >= TAG_LINE_MIN and all(w in terms for w in words) and not ends_sentence(ln.text):
            yield Finding(ln.index, "tags.line", f"a line of the page's own tags {ln.text[:60]!r}")


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
    if kept >= lexicon.threshold("html.keep_share") * total:  # KEEP_SHARE unless a rule file sets it
        return None
    for index in [i for i, f in doc.findings.items() if f.rule != "html.title" and i not in standing]:
        del doc.findings[index]
    return (f"kept: trafilatura's default extraction; the cleaned body held only "
            f"{kept / total:.0%} of its words")


def after_floor(text: str, run, dropped: List[Dropped], left: set, page: PageMeta,
                keep: frozenset = frozenset()) -> Document:
    """The extraction the floor kept, cleaned again: the navigation, sidebars and footers the
    pre-clean found outside the article (:data:`cleaner.preclean.OUTSIDE_ONLY`) stay cut, and the
    passes ``run`` take the lines their own rules recognise (a prompt the pre-clean had dropped with
    the comments around it), as a second cleaning of the body as text would; the headline goes as
    ``html.title``. What the floor undoes is the pre-clean's cuts of whole elements and the link runs.
    """
    doc = Document(text)
    disabled = lexicon.disabled()
    outside = [d for d in dropped if d.rule in OUTSIDE_ONLY]
    _record(doc, furniture(doc, outside, left), disabled, keep)
    run_passes(doc, run, keep=keep)
    _record(doc, page_headline(doc, page), disabled, keep)
    return doc


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
        parts.append(ln.shown)
        previous = ln
    return "".join(parts)


def _block_kind(text: str) -> str:
    return "list" if text.startswith(("- ", "* ", "• ")) else "table" if text.startswith("| ") else ""

"""The rule registry: every rule id a removed line can carry, its pass, what it removes and
the lexicon keys it reads.

A rule id is ``family.name``: the family is the pass (or step) that emits it
(``html`` for the HTML pre-clean and headline, ``site`` for a site profile).
The table is data, in the order the steps run, like :data:`cleaner.preclean.RULES`;
``clean-article rules`` prints it, and ``tests/test_rules.py`` checks that
every finding emitted on the fixtures has an id listed here, that the
README's rule table lists every id, and that the keys listed here are the
"read by" column of ``cleaner/lexicon/README.md``.

>>> RULES_BY_ID["cta.prompt"].step
'cta'
>>> family("related.teaser")
'related'
>>> "made.up" in RULES_BY_ID
False
"""
from __future__ import annotations

import textwrap
from typing import Dict, NamedTuple, Tuple


class RuleInfo(NamedTuple):
    """One rule: its id, the step that emits it (a pass module's name), one line on what it
    removes, and the lexicon keys its findings depend on (``cleaner/lexicon/README.md``)."""

    id: str
    step: str
    description: str
    keys: Tuple[str, ...] = ()


# The lexicon keys a shared helper reads: a rule that calls the helper reads them too
# (to find its lines, or to leave a line alone: "a control's label is never a name").
#: :func:`cleaner.dates.find_date` (and the date labels of ``passes.dates.date_label``).
_FIND_DATE = ("months", "weekdays", "day_suffixes", "date_connectors", "time_suffixes")
#: :func:`cleaner.names.parse_names`: names split at joiners, particles inside names, job titles cut.
_PARSE_NAMES = ("name_joiners", "name_particles", "byline_roles")
#: :func:`cleaner.names.byline_names` and ``byline_part``: "By" and the names after it.
_BYLINE_NAMES = ("byline_prefixes",) + _PARSE_NAMES
#: :func:`cleaner.names.is_label`: a control, a teaser heading, a prompt or a date label is never a name.
_IS_LABEL = ("ui_labels", "related_headings", "cta", "share_networks", "date_published", "date_modified")
#: :func:`cleaner.names.has_stopword`: a stop word (not a name particle) is never part of a name.
_HAS_STOPWORD = ("stopwords", "name_particles", "name_joiners")
#: :func:`cleaner.layout.is_heading`: the heading of a teaser block.
_TEASER_HEADING = ("related_headings", "related_heading_prefixes")
#: ``passes.boundary._is_comment_heading`` (``Line.comment_heading``): the heading of the comments.
_COMMENT_HEADING = ("comment_headings", "comment_words")
#: :func:`cleaner.passes.title.choose` and ``is_headline_text``: no byline, date, control bar or credit.
_HEADLINE_TEXT = _BYLINE_NAMES + _FIND_DATE + ("ui_labels", "share_networks", "photo_agencies")


def _keys(*groups) -> Tuple[str, ...]:
    """The keys of ``groups`` (key names and tuples of them), each once, in order.

    >>> _keys("a", ("b", "a"), "c")
    ('a', 'b', 'c')
    """
    out: Dict[str, None] = {}
    for g in groups:
        for k in (g,) if isinstance(g, str) else g:
            out[k] = None
    return tuple(out)


#: Every rule, in the order the steps run (HTML pre-clean first, then the text
#: passes of :data:`cleaner.passes.TEXT_PASSES`, the site profile step, and the
#: HTML headline check after the passes).
RULES: Tuple[RuleInfo, ...] = (
    # HTML pre-clean (cleaner/preclean.py): elements dropped before extraction, reported as line 0.
    RuleInfo("html.cookie", "preclean", "cookie or consent banner element"),
    RuleInfo("html.popup", "preclean", "tooltip or pop-up element"),
    RuleInfo("html.ads", "preclean", "advertisement slot element",
             _keys("markup_ads")),
    RuleInfo("html.newsletter", "preclean", "newsletter or subscription prompt element"),
    RuleInfo("html.share", "preclean", "share or social-media bar element",
             _keys("markup_share")),
    RuleInfo("html.comments", "preclean", "readers' comments element",
             _keys("markup_comments")),
    RuleInfo("html.related", "preclean", "related or recommended stories element"),
    RuleInfo("html.promo", "preclean", "promotion element"),
    RuleInfo("html.reading_time", "preclean", "reading-time label element (\"4 min read\", also without a number)"),
    RuleInfo("html.breadcrumbs", "preclean", "breadcrumb trail element"),
    RuleInfo("html.nav", "preclean", "navigation outside the article (<nav>, role=navigation, menu classes)"),
    RuleInfo("html.aside", "preclean", "sidebar outside the article (<aside>, role=complementary)"),
    RuleInfo("html.footer", "preclean", "page footer outside the article (<footer>, role=contentinfo)"),
    RuleInfo("html.links", "preclean", "a list of links only (a teaser or menu list)"),
    # Text passes (cleaner/passes/*.py), in run order.
    RuleInfo("ads.marker", "ads", "a line that only marks an advertisement slot",
             _keys("ad_markers")),
    RuleInfo("ads.disclosure", "ads", "the site's advertising or affiliate disclosure (\"we may earn a commission\")",
             _keys("disclosures")),
    RuleInfo("cta.prompt", "cta", "a call to action: newsletter, follow, subscribe, share prompts",
             _keys("cta", "newsletter_words", "newsletter_prompts", "support_appeals")),
    RuleInfo("cta.consent", "cta", "a cookie, consent or disclosure notice",
             _keys("consent", "consent_objects")),
    RuleInfo("cta.share_bar", "cta", "a row of share or social-network names",
             _keys("share_networks")),
    RuleInfo("cta.ui_label", "cta", "a site control's label (Comments, Print, Menu, cookie notices)",
             _keys("ui_labels", "result_counts", "comment_counts", "count_ones", "reply_cancels")),
    RuleInfo("cta.footer", "cta", "a page footer line: copyright, legal links",
             _keys("footer_phrases", "footer_notices")),
    RuleInfo("cta.comment_policy", "cta", "the site's comment policy addressed to the reader (\"comments are moderated\")",
             _keys("comment_policies", "policy_addressees")),
    RuleInfo("date.published", "dates", "a publication date line (into date_published)",
             _keys(_FIND_DATE, "date_published", _BYLINE_NAMES)),
    RuleInfo("date.modified", "dates", "an update date line (into date_modified)",
             _keys(_FIND_DATE, "date_modified", _BYLINE_NAMES)),
    RuleInfo("date.line", "dates", "a bare date line, or short parts joined by separators, one a date",
             _keys(_FIND_DATE, _BYLINE_NAMES, _IS_LABEL)),
    RuleInfo("date.reading_time", "dates", "a reading-time line (\"5 min read\")",
             _keys("reading_time", "approximately")),
    RuleInfo("credits.image", "credits", "an image or photo credit (into image_credits)",
             _keys("photo_agencies", "agency_suffixes", "credit_labels", "credit_label_suffixes", "credit_joiners",
                   "credit_name_words", "name_joiners", "name_particles")),
    RuleInfo("credits.caption", "credits", "a picture caption, or a caption ending in its credit",
             _keys("credit_labels", "credit_label_suffixes", "caption_prefixes", "photo_agencies", "agency_suffixes")),
    RuleInfo("byline.author", "byline", "a byline (into authors)",
             _keys(_BYLINE_NAMES, _FIND_DATE, "date_leads", "byline_name_enders", "comment_words", _IS_LABEL)),
    RuleInfo("byline.dated_name", "byline", "a name beside the date right under the headline (into authors)",
             _keys(_FIND_DATE, _BYLINE_NAMES, _IS_LABEL)),
    RuleInfo("byline.name_line", "byline", "one or two names alone between the headline and the text (into authors)",
             _keys(_BYLINE_NAMES, _IS_LABEL, _HAS_STOPWORD)),
    RuleInfo("bio.author", "bio", "an author's biography: opens with the author's name"),
    RuleInfo("bio.heading", "bio", "a heading over an author's biography (\"About Jane Smith\")",
             _keys("bio_prefixes")),
    RuleInfo("bio.profile", "bio", "a profile of a person the article never names elsewhere (\"Jake is the co-founder of …\")",
             _keys("bio_copulas", "bio_self_intros", "bio_roles", "stopwords")),
    RuleInfo("bio.contributors", "bio", "a contributor note (\"Reporting by …; Editing by …\")",
             _keys("contributor_prefixes", "contributor_phrases", "contributor_joiners", "name_joiners")),
    RuleInfo("bio.box", "bio", "an author box: a heading naming a person (\"About Jane Smith\") over lines that end in a link to their posts or a self-introduction",
             _keys("bio_prefixes", "bio_self_intros", "stopwords")),
    RuleInfo("source.line", "source", "a line crediting the story's sources or agencies (into sources)",
             _keys("source_prefixes", "source_joiners", "source_prepositions")),
    RuleInfo("tags.line", "tags", "a line listing the article's tags or categories (into tags, categories)",
             _keys("tag_labels", "category_labels")),
    RuleInfo("boundary.before", "boundary", "page text before the article (menus, rails)",
             _keys(_TEASER_HEADING, _COMMENT_HEADING)),
    RuleInfo("boundary.after", "boundary", "page text after the article (related links, footers)",
             _keys(_TEASER_HEADING, _COMMENT_HEADING)),
    RuleInfo("boundary.comments", "boundary", "readers' comments after the article, and the page below them",
             _keys(_COMMENT_HEADING, "relative_times", _FIND_DATE, _TEASER_HEADING)),
    RuleInfo("boundary.headline", "boundary", "the article's headline, above its start (into title)",
             _keys(_HEADLINE_TEXT)),
    RuleInfo("boundary.page_title", "boundary", "the page's title line (\"Headline | Site\") above the article"),
    RuleInfo("related.heading", "related", "the heading of a teaser block (\"Related articles\", \"Read more\")",
             _keys(_TEASER_HEADING)),
    RuleInfo("related.teaser", "related", "a teaser headline in a teaser block (into related)",
             _keys(_TEASER_HEADING)),
    RuleInfo("related.repeat", "related", "a teaser headline printed a second time (a card)",
             _keys(_TEASER_HEADING)),
    RuleInfo("related.section", "related", "a teaser's section label (\"News\")",
             _keys(_TEASER_HEADING)),
    RuleInfo("related.summary", "related", "a teaser's summary paragraph",
             _keys(_TEASER_HEADING, "related_inline", "related_bare_labels")),
    RuleInfo("related.inline", "related", "an inline \"Read more: …\" link line (into related)",
             _keys("related_inline", "related_bare_labels")),
    RuleInfo("dup.consecutive", "duplicates", "a line repeated right after itself"),
    RuleInfo("dup.repeated", "duplicates", "a line repeating one removed earlier (a promo shown twice)"),
    RuleInfo("links.only", "links", "a Markdown line of links and images only"),
    RuleInfo("markup.tags", "markup", "a line of raw HTML tags only, no text (markup left in a scrape)"),
    RuleInfo("links.markup", "links", "a line of raw HTML tags only, no text"),
    RuleInfo("title.headline", "title", "the headline at the head of the article (into title)",
             _keys(_HEADLINE_TEXT, _IS_LABEL, _HAS_STOPWORD)),
    # Site profile step (cleaner/profile.py, --profile).
    RuleInfo("site.repeated", "profile", "a line the site profile learned: it recurs on most of the site's pages"),
    # HTML headline check after the passes (cleaner/html.py).
    RuleInfo("html.title", "html", "the first extracted line repeating the page's <title> or <h1> (into title)"),
    RuleInfo("html.head_line", "html", "a short headline-shaped line left on top of the body over its first "
             "paragraph (a kicker, label or standfirst): a second cleaning would take it as the headline; "
             "lines that are no prose above the page's headline"),
    RuleInfo("html.link_run", "html", "a run of extracted lines that are each wholly one link on the page (teasers)"),
    # A rule file's [[site]] drop selectors (cleaner/rulefile.py, --rules).
    RuleInfo("site.drop", "rulefile", "an HTML element a rule file's CSS selector drops (reason names the file)"),
)

#: The rules by id.
RULES_BY_ID: Dict[str, RuleInfo] = {r.id: r for r in RULES}


def family(rule_id: str) -> str:
    """The part of a rule id before its first dot (the colour a review page gives it)."""
    return rule_id.split(".", 1)[0]


#: The text table wraps the description and the keys to these widths, so that a
#: row of many keys (a byline reads eighteen) stays a column of some 130 characters.
DESCRIPTION_WIDTH = 50
KEYS_WIDTH = 44


def table(rules=RULES) -> str:
    """The rules as aligned text columns: id, step, description, lexicon keys (what
    ``clean-article rules`` prints). A long description or key list wraps within its
    column; the lines of a row after its first leave the id and step blank; "-" marks
    a rule that reads no key.

    >>> print(table(RULES_BY_ID[i] for i in ("html.cookie", "cta.consent", "date.reading_time")))
    html.cookie        preclean  cookie or consent banner element                    -
    cta.consent        cta       a cookie, consent or disclosure notice              consent, consent_objects
    date.reading_time  dates     a reading-time line ("5 min read")                  reading_time, approximately
    """
    rules = list(rules)
    width_id = max(len(r.id) for r in rules)
    width_step = max(len(r.step) for r in rules)
    out = []
    for r in rules:
        description = textwrap.wrap(r.description, DESCRIPTION_WIDTH) or [""]
        keys = textwrap.wrap(", ".join(r.keys), KEYS_WIDTH, break_on_hyphens=False) or ["-"]
        for n in range(max(len(description), len(keys))):
            head = (r.id, r.step) if n == 0 else ("", "")
            text = description[n] if n < len(description) else ""
            key = keys[n] if n < len(keys) else ""
            out.append(f"{head[0]:<{width_id}}  {head[1]:<{width_step}}  {text:<{DESCRIPTION_WIDTH}}  {key}".rstrip())
    return "\n".join(out)


__all__ = ["RULES", "RULES_BY_ID", "RuleInfo", "family", "table"]

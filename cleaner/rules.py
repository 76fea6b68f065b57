"""The rule registry: every rule id a removed line can carry, its pass and what it removes.

A rule id is ``family.name``: the family is the pass (or step) that emits it
(``html`` for the HTML pre-clean and headline, ``site`` for a site profile).
The table is data, in the order the steps run, like :data:`cleaner.preclean.RULES`;
``clean-article rules`` prints it, and ``tests/test_rules.py`` checks that
every finding emitted on the fixtures has an id listed here and that the
README's rule table lists every id.

>>> RULES_BY_ID["cta.prompt"].step
'cta'
>>> family("related.teaser")
'related'
>>> "made.up" in RULES_BY_ID
False
"""
from __future__ import annotations

from typing import Dict, NamedTuple, Tuple


class RuleInfo(NamedTuple):
    """One rule: its id, the step that emits it (a pass module's name), and one line on what it removes."""

    id: str
    step: str
    description: str


#: Every rule, in the order the steps run (HTML pre-clean first, then the text
#: passes of :data:`cleaner.passes.TEXT_PASSES`, the site profile step, and the
#: HTML headline check after the passes).
RULES: Tuple[RuleInfo, ...] = (
    # HTML pre-clean (cleaner/preclean.py): elements dropped before extraction, reported as line 0.
    RuleInfo("html.cookie", "preclean", "cookie or consent banner element"),
    RuleInfo("html.popup", "preclean", "tooltip or pop-up element"),
    RuleInfo("html.ads", "preclean", "advertisement slot element"),
    RuleInfo("html.newsletter", "preclean", "newsletter or subscription prompt element"),
    RuleInfo("html.share", "preclean", "share or social-media bar element"),
    RuleInfo("html.comments", "preclean", "readers' comments element"),
    RuleInfo("html.related", "preclean", "related or recommended stories element"),
    RuleInfo("html.promo", "preclean", "promotion element"),
    RuleInfo("html.breadcrumbs", "preclean", "breadcrumb trail element"),
    RuleInfo("html.nav", "preclean", "navigation outside the article (<nav>, role=navigation, menu classes)"),
    RuleInfo("html.aside", "preclean", "sidebar outside the article (<aside>, role=complementary)"),
    RuleInfo("html.footer", "preclean", "page footer outside the article (<footer>, role=contentinfo)"),
    RuleInfo("html.links", "preclean", "a list of links only (a teaser or menu list)"),
    # Text passes (cleaner/passes/*.py), in run order.
    RuleInfo("ads.marker", "ads", "a line that only marks an advertisement slot"),
    RuleInfo("ads.disclosure", "ads", "the site's advertising or affiliate disclosure (\"we may earn a commission\")"),
    RuleInfo("cta.prompt", "cta", "a call to action: newsletter, follow, subscribe, share prompts"),
    RuleInfo("cta.consent", "cta", "a cookie, consent or disclosure notice"),
    RuleInfo("cta.share_bar", "cta", "a row of share or social-network names"),
    RuleInfo("cta.ui_label", "cta", "a site control's label (Comments, Print, Menu, cookie notices)"),
    RuleInfo("cta.footer", "cta", "a page footer line: copyright, legal links"),
    RuleInfo("cta.comment_policy", "cta", "the site's comment policy addressed to the reader (\"comments are moderated\")"),
    RuleInfo("date.published", "dates", "a publication date line (into date_published)"),
    RuleInfo("date.modified", "dates", "an update date line (into date_modified)"),
    RuleInfo("date.line", "dates", "a bare date line, or short parts joined by separators, one a date"),
    RuleInfo("date.reading_time", "dates", "a reading-time line (\"5 min read\")"),
    RuleInfo("credits.image", "credits", "an image or photo credit (into image_credits)"),
    RuleInfo("credits.caption", "credits", "a picture caption, or a caption ending in its credit"),
    RuleInfo("byline.author", "byline", "a byline (into authors)"),
    RuleInfo("byline.dated_name", "byline", "a name beside the date right under the headline (into authors)"),
    RuleInfo("byline.name_line", "byline", "one or two names alone between the headline and the text (into authors)"),
    RuleInfo("bio.author", "bio", "an author's biography: opens with the author's name"),
    RuleInfo("bio.heading", "bio", "a heading over an author's biography (\"About Jane Smith\")"),
    RuleInfo("bio.profile", "bio", "a profile of a person the article never names elsewhere (\"Jake is the co-founder of …\")"),
    RuleInfo("bio.contributors", "bio", "a contributor note (\"Reporting by …; Editing by …\")"),
    RuleInfo("bio.box", "bio", "an author box: a heading naming a person (\"About Jane Smith\") over lines that end in a link to their posts or a self-introduction"),
    RuleInfo("source.line", "source", "a line crediting the story's sources or agencies (into sources)"),
    RuleInfo("tags.line", "tags", "a line listing the article's tags or categories (into tags, categories)"),
    RuleInfo("boundary.before", "boundary", "page text before the article (menus, rails)"),
    RuleInfo("boundary.after", "boundary", "page text after the article (related links, footers)"),
    RuleInfo("boundary.comments", "boundary", "readers' comments after the article, and the page below them"),
    RuleInfo("boundary.headline", "boundary", "the article's headline, above its start (into title)"),
    RuleInfo("boundary.page_title", "boundary", "the page's title line (\"Headline | Site\") above the article"),
    RuleInfo("related.heading", "related", "the heading of a teaser block (\"Related articles\", \"Read more\")"),
    RuleInfo("related.teaser", "related", "a teaser headline in a teaser block (into related)"),
    RuleInfo("related.repeat", "related", "a teaser headline printed a second time (a card)"),
    RuleInfo("related.section", "related", "a teaser's section label (\"News\")"),
    RuleInfo("related.summary", "related", "a teaser's summary paragraph"),
    RuleInfo("related.inline", "related", "an inline \"Read more: …\" link line (into related)"),
    RuleInfo("dup.consecutive", "duplicates", "a line repeated right after itself"),
    RuleInfo("dup.repeated", "duplicates", "a line repeating one removed earlier (a promo shown twice)"),
    RuleInfo("links.only", "links", "a Markdown line of links and images only"),
    RuleInfo("markup.tags", "markup", "a line of raw HTML tags only, no text (markup left in a scrape)"),
    RuleInfo("links.markup", "links", "a line of raw HTML tags only, no text"),
    RuleInfo("title.headline", "title", "the headline at the head of the article (into title)"),
    # Site profile step (cleaner/profile.py, --profile).
    RuleInfo("site.repeated", "profile", "a line the site profile learned: it recurs on most of the site's pages"),
    # HTML headline check after the passes (cleaner/html.py).
    RuleInfo("html.title", "html", "the first extracted line repeating the page's <title> or <h1> (into title)"),
    RuleInfo("html.link_run", "html", "a run of extracted lines that are each wholly one link on the page (teasers)"),
    # A rule file's [[site]] drop selectors (cleaner/rulefile.py, --rules).
    RuleInfo("site.drop", "rulefile", "an HTML element a rule file's CSS selector drops (reason names the file)"),
)

#: The rules by id.
RULES_BY_ID: Dict[str, RuleInfo] = {r.id: r for r in RULES}


def family(rule_id: str) -> str:
    """The part of a rule id before its first dot (the colour a review page gives it)."""
    return rule_id.split(".", 1)[0]


def table(rules=RULES) -> str:
    """The rules as aligned text columns: id, step, description (what ``clean-article rules`` prints).

    >>> print(table(RULES[:2]))
    html.cookie  preclean  cookie or consent banner element
    html.popup   preclean  tooltip or pop-up element
    """
    width_id = max(len(r.id) for r in rules)
    width_step = max(len(r.step) for r in rules)
    return "\n".join(f"{r.id:<{width_id}}  {r.step:<{width_step}}  {r.description}" for r in rules)


__all__ = ["RULES", "RULES_BY_ID", "RuleInfo", "family", "table"]

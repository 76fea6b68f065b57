"""The pre-clean rules (cleaner/preclean.py): what each one drops, and what it must keep.

Cases are small pages: a story of a few paragraphs in ``<article>`` plus the
element under test. A drop case names the rule id it must be reported under;
a keep case must leave the element's text in the tree.
"""
from __future__ import annotations

import re

import pytest
from lxml import html

from cleaner import preclean as pc
from cleaner.preclean import join_chunks, keep_embeds, markup_words, preclean, rule_for

STORY = ("<p>The council approved the budget on Monday after a debate that ran late into the evening.</p>"
         "<p>Spending on schools rises by a tenth, while the parks budget stays as it was last year.</p>"
         "<p>The mayor said the plan protects services; the opposition promised to fight it in court.</p>")


def page(inside: str = "", outside: str = "") -> html.HtmlElement:
    """A page with ``inside`` at the end of the article and ``outside`` after it."""
    return html.fromstring(f"<html><body><main><article>{STORY}{inside}</article>{outside}</main></body></html>")


def text_of(tree) -> str:
    """The element's text, its pieces joined by spaces (as the report quotes them)."""
    return " ".join(" ".join(tree.itertext()).split())


# --- drops, one case per rule and markup form ----------------------------------------------------------

DROPS = [
    ("html.ads", '<div class="ad-slot">Advertisement</div>'),
    ("html.ads", '<div id="div-gpt-ad-1234">Advertisement</div>'),
    ("html.ads", '<div data-ad-unit="top">Advertisement</div>'),
    ("html.ads", '<div class="topAd">Advertisement</div>'),
    ("html.ads", '<div class="sponsored-content">Paid post: the best sofas</div>'),
    ("html.ads", '<div class="werbung">Anzeige</div>'),
    ("html.related", '<section class="related-posts"><a href="/a">Budget talks stall</a></section>'),
    ("html.related", '<div class="relatedArticles"><a href="/a">Budget talks stall</a></div>'),
    ("html.related", '<div data-component="RecommendedStories"><a href="/a">Budget talks stall</a></div>'),
    ("html.related", '<div class="c-read-more">Read more about the budget</div>'),
    ("html.cookie", '<div class="cmp-consent-banner">We and our partners use your data. Accept</div>'),
    ("html.related", '<section class="latest-news"><a href="/a">Budget talks stall</a></section>'),
    ("html.related", '<div id="most-popular"><a href="/a">Budget talks stall</a></div>'),
    ("html.share", '<div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a></div>'),
    ("html.share", '<ul class="social-links"><li><a href="#">Follow on Facebook</a></li></ul>'),
    ("html.newsletter", '<div class="newsletter-box">Sign up for our daily newsletter</div>'),
    ("html.newsletter", '<form id="signup-form">Your email address</form>'),
    ("html.comments", '<section id="comments"><p>Great article! I agree with every word of it.</p></section>'),
    ("html.comments", '<div id="disqus_thread">Load comments</div>'),
    ("html.cookie", '<div class="cookie-banner">We use cookies. Accept all</div>'),
    ("html.cookie", '<div id="gdpr-consent">Your privacy choices</div>'),
    ("html.breadcrumbs", '<ol class="breadcrumb"><li>Home</li><li>News</li></ol>'),
    ("html.promo", '<div class="promo-box">Subscribe for one pound a week</div>'),
    ("html.popup", '<div class="modal-window">Log in with your e-mail and password</div>'),
    ("html.popup", '<div class="pum-container popmake"><p>Never miss a story: our newsletter</p></div>'),
    ("html.reading_time", '<span class="readingTime">You will read this in under a minute</span>'),
    ("html.reading_time", '<div class="estimated-read-time">Tempo de leitura: 2 minutos</div>'),
    ("html.links", '<ul><li><a href="/a">Budget talks stall</a></li><li><a href="/b">Mayor quits</a></li></ul>'),
]


@pytest.mark.parametrize("rule, markup", DROPS, ids=[f"{r}:{m[:40]}" for r, m in DROPS])
def test_drops(rule, markup):
    tree = page(inside=markup)
    dropped = preclean(tree)
    assert [d.rule for d in dropped] == [rule]
    gone = text_of(html.fromstring(markup))
    assert gone not in text_of(tree)
    assert dropped[0].text == gone


@pytest.mark.parametrize("markup, rule", [
    ("<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>", "html.nav"),
    ("<aside><h3>Most read</h3><a href='/x'>Storm warning</a></aside>", "html.aside"),
    ("<footer>© 2023 The Daily. All rights reserved.</footer>", "html.footer"),
    ("<div role='navigation'><a href='/'>Home</a></div>", "html.nav"),
    ("<div class='right-rail'>Latest videos and podcasts</div>", "html.aside"),
])
def test_page_furniture_outside_the_article_goes(markup, rule):
    tree = page(outside=markup)
    assert [d.rule for d in preclean(tree)] == [rule]


# --- keeps ---------------------------------------------------------------------------------------------

KEEPS = [
    ('<p class="shared-content">The clerk shared the figures with reporters after the vote.</p>', "shared"),
    ('<p class="header">The vote was 31 to 24, with two members absent.</p>', "header is not ad"),
    ('<p class="download-note">The full budget is published on the council website.</p>', "download"),
    ('<p class="lead">Taxes rise by just under three per cent.</p>', "lead is not ad"),
    ('<div class="social-media-embed"><blockquote class="twitter-tweet">A good day for the town.</blockquote>'
     '</div>', "embedded post"),
    ('<p data-title="Related: the parks plan">Parks stay open until ten in summer.</p>', "title attribute"),
    ('<ul><li>Schools get <a href="/s">more money</a> this year</li><li>Parks stay as they are</li></ul>',
     "list with prose"),
    ('<ul><li><a href="/s">The full budget document</a></li></ul>', "one linked item"),
    ("<aside>“We had no choice,” the treasurer said.</aside>", "aside inside the article"),
    ("<footer>Jane Smith covers the town hall.</footer>", "footer inside the article"),
    ('<div class="cmp-text"><p>The new rates apply from April, after a vote in the finance committee.</p></div>',
     "cmp is a component prefix, not a consent manager"),
    ('<div class="js_readmore"><p>The hall seats four hundred and fifty people on two floors, and the stage '
     'was rebuilt last year with money from the regional arts fund and a local brewery. Tickets go on '
     'sale in May at the town hall desk.</p></div>',
     "read-more toggle around the story's own text"),
    ('<p class="reading">The first reading is from the book of Isaiah.</p>', "reading alone is no reading time"),
    ('<p class="time">The meeting lasted until midnight.</p>', "time alone is no reading time"),
]


@pytest.mark.parametrize("markup, why", KEEPS, ids=[w for _, w in KEEPS])
def test_keeps(markup, why):
    tree = page(inside=markup)
    assert preclean(tree) == []
    assert text_of(html.fromstring(markup)) in text_of(tree)


def test_a_long_teaser_under_a_read_more_name_still_goes_when_it_links():
    tree = page(inside='<div class="read-more"><a href="/a">The hall seats four hundred and fifty people on two '
                       'floors, and the stage was rebuilt last year with money from the arts fund.</a></div>')
    assert [d.rule for d in preclean(tree)] == ["html.related"]
    assert "four hundred" not in text_of(tree)


def test_aside_among_the_story_paragraphs_stays_even_without_an_article_tag():
    tree = html.fromstring(f"<html><body><div>{STORY}<aside>A pull quote from the mayor.</aside>"
                           f"<p>More of the story follows the quote here.</p></div></body></html>")
    assert preclean(tree) == []
    assert "A pull quote from the mayor." in text_of(tree)


def test_wrapper_naming_related_that_holds_the_story_stays():
    tree = html.fromstring(f"<html><body><div class='story-with-related-links'>{STORY}"
                           "<ul class='related-links'><li><a href='/t'>Budget talks</a></li></ul></div>"
                           "<div class='sidebar'>Short</div></body></html>")
    dropped = preclean(tree)
    assert [(d.rule, d.text) for d in dropped] == [("html.related", "Budget talks"), ("html.aside", "Short")]
    assert "The council approved the budget" in text_of(tree)


@pytest.mark.parametrize("markup", ["<ul class='related-tags'><li><a href='/t/a'>Budget</a></li>"
                                    "<li><a href='/t/b'>Council</a></li></ul>",
                                    "<div class='header-with-related-tags'><a href='/t/a'>Budget</a></div>",
                                    "<ul class='story-categories'><li><a href='/c'>Politics</a></li>"
                                    "<li><a href='/d'>Local</a></li></ul>"])
def test_tag_and_category_lists_stay_for_the_metadata(markup):
    tree = page(inside=markup)
    assert preclean(tree) == []


def test_element_marked_as_article_body_is_never_dropped():
    tree = html.fromstring(f"<html><body><div class='comments-and-story'><div itemprop='articleBody'>{STORY}"
                           "</div></div></body></html>")
    assert preclean(tree) == []


@pytest.mark.parametrize("meta", ['<h1>Council approves budget</h1>', '<span itemprop="author">Jane Smith</span>',
                                  '<time itemprop="datePublished" datetime="2023-01-02">2 Jan</time>',
                                  '<a rel="author" href="/jane">Jane Smith</a>'])
def test_element_holding_the_headline_or_byline_is_kept_for_the_metadata(meta):
    tree = page(outside=f"<aside class='article-meta'>{meta} <a href='/x'>Share</a></aside>")
    assert preclean(tree) == []


def test_a_small_share_of_the_text_under_a_related_name_goes():
    # Guard threshold: a related block is dropped when it holds under half the paragraph text.
    long_story = STORY * 2
    tree = html.fromstring(f"<html><body><article>{long_story}</article><div class='related'>"
                           f"<p>{'A teaser summary sentence. ' * 5}</p></div></body></html>")
    assert [d.rule for d in preclean(tree)] == ["html.related"]


def test_popup_trigger_keeps_its_text_and_the_popup_goes():
    tree = page(inside="<p>Senator <span class='rollover-people'><a class='rollover-people-link' href='/p'>"
                       "Ann Lee</a><span class='rollover-people-block'>Ann Lee: Senate votes on the budget"
                       "</span></span> said the plan was fair.</p>")
    dropped = preclean(tree)
    assert [(d.rule, d.text) for d in dropped] == [("html.popup", "Ann Lee: Senate votes on the budget")]
    assert "Senator Ann Lee said the plan was fair." in text_of(tree)


# --- reporting --------------------------------------------------------------------------------------------


def test_report_names_the_element_and_quotes_its_first_words():
    tree = page(inside='<div id="box" class="related-posts more">' + "word " * 30 + "</div>")
    [d] = preclean(tree)
    assert d.element == "div#box.related-posts.more"
    assert d.text == " ".join(["word"] * 12) + " …"
    assert d.reason == f"related or recommended stories: <div#box.related-posts.more> {d.text!r}"


def test_nested_matches_are_reported_once():
    tree = page(outside="<footer><div class='share'>Share</div><nav>Home</nav></footer>")
    assert [d.rule for d in preclean(tree)] == ["html.footer"]


def test_every_rule_id_is_documented_in_the_module_docstring():
    ids = {r.id for r in pc.RULES} | {"html.links"}
    documented = set(re.findall(r"``(html\.\w+)``", pc.__doc__))
    assert ids <= documented


def test_rule_words_are_lower_case_and_unique_per_rule():
    for rule in pc.RULES:
        assert all(w == w.lower() for w in rule.words), rule.id
        assert len(set(rule.words)) == len(rule.words), rule.id


# --- units ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("markup, words", [
    ("relatedPosts", ["related", "posts"]),
    ("c-share__tools", ["c", "share", "tools"]),
    ("AdSlot ad_unit", ["ad", "slot", "ad", "unit"]),
    ("div-gpt-ad-300x250", ["div", "gpt", "ad", "300", "x", "250"]),
])
def test_markup_words(markup, words):
    assert markup_words(markup) == words


@pytest.mark.parametrize("words, rule", [
    (["read", "more"], "html.related"),
    (["readmore"], "html.related"),
    (["you", "may", "also", "like"], "html.related"),
    (["cookie", "share"], "html.cookie"),  # first rule in RULES order wins
    (["shared", "content"], None),
    (["loader"], None),
    (["twitter", "tweet", "share"], None),  # an embed is never furniture
])
def test_rule_for(words, rule):
    assert rule_for(words) == rule


def test_chunks_in_separate_wrappers_are_joined_in_order():
    tree = html.fromstring("<html><body><article>"
                           "<div class='grid'><div class='body'><p>One.</p><p>Two.</p></div></div>"
                           "<figure>Photo</figure>"
                           "<div class='grid'><div class='body'><p>Three.</p><p>Four.</p></div></div>"
                           "</article></body></html>")
    assert join_chunks(tree) == 1
    first = tree.find(".//div[@class='body']")
    assert text_of(first) == "One. Two. Photo Three. Four."


def test_sibling_chunks_are_left_alone():
    tree = html.fromstring("<html><body><article><div class='body'><p>One.</p><p>Two.</p></div><h2>Mid</h2>"
                           "<div class='body'><p>Three.</p><p>Four.</p></div></article></body></html>")
    before = html.tostring(tree)
    assert join_chunks(tree) == 0
    assert html.tostring(tree) == before


def test_same_class_blocks_holding_little_of_the_text_are_no_chunks():
    # Two boxes of one class, each with two short paragraphs, beside the story's long
    # paragraphs: under half of the page's paragraph text, so nothing moves.
    story = "".join(f"<p>{'The council approved the budget after a long debate. ' * 4}</p>" for _ in range(4))
    tree = html.fromstring("<html><body><main><div class='intro'><div class='box'><p>Rates</p><p>Terms</p></div></div>"
                           f"<div class='story'>{story}</div>"
                           "<div class='faq'><div class='box'><p>Costs</p><p>Fees</p></div></div></main></body></html>")
    before = html.tostring(tree)
    assert join_chunks(tree) == 0
    assert html.tostring(tree) == before


def test_embedded_post_wrappers_lose_their_marks():
    tree = page(inside="<div class='widget tweet-wrap'><blockquote class='twitter-tweet'><p>A post.</p>"
                       "</blockquote></div>")
    assert keep_embeds(tree) == 1
    quote = tree.find(".//blockquote")
    assert quote.get("class") is None and quote.getparent().get("class") is None


def test_furniture_lines_reads_nested_items_whole_in_one_walk():
    # Each item's lines joined (the outer item before the inner one), after the block lines;
    # an item inside <noscript> is read too, as the element's own lines leave it out.
    el = html.fromstring("<ul><li><h3>Budget <b>talks</b></h3><ul><li><p>They stall.</p><p>Again.</p></li></ul></li>"
                         "<li>Mayor - quits</li><noscript><p>Enable scripts</p></noscript></ul>")
    assert pc.furniture_lines(el) == [
        "budget talks", "they stall.", "again.", "mayor - quits",
        "budget talks they stall. again.", "they stall. again.", "enable scripts"]


def test_line_key_drops_list_and_table_marks_only_at_the_ends():
    assert pc.line_key("  - Budget  talks ") == "budget talks"
    assert pc.line_key("| a | b |") == "a | b"
    assert pc.line_key("Budget - talks") == "budget - talks"


def test_block_lines_shown_keeps_the_page_s_case_and_spacing_collapsed():
    from lxml import html as lxml_html

    from cleaner.preclean import block_lines

    el = lxml_html.fromstring("<div><p>The  Council <b>met</b></p><ul><li>First item</li></ul></div>")
    assert block_lines(el, shown=True) == ["The Council met", "First item"]
    assert block_lines(el) == ["the council met", "first item"]

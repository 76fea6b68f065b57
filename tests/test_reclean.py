"""A clean body is a fixed point: cleaning the output again changes nothing.

Each test here is one cause ``benchmarks/idempotence.py`` found on the dev
sets, on a small page written for it: the first cleaning and the second must
decide the same way.
"""
import pytest

from cleaner import clean, clean_text
from cleaner.model import Document, Finding
from cleaner.passes import byline
from cleaner.passes.duplicates import _head_repeat
from cleaner.passes.title import _reclean_head


def twice(data, fmt):
    once = clean(data, input_format=fmt)
    return once, clean(once.text, input_format="text")


# -- byline: a name under a headline and its standfirst, inside the body ----------------

BODY = ("The council approved the budget on Monday after a long debate in the town hall that ran late "
        "into the night, with members split over roads and libraries.")
BOX = ("Library gets a new roof\n\n"
       "Work on the roof starts in the spring, the city said.\n\n"
       "Mary Major\n\n")


def test_a_name_under_a_teaser_inside_the_body_stays():
    # A teaser box inside the article (section label, headline, summary, name, the next teaser):
    # on a whole page its neighbours make a teaser list, and once they are gone the one left
    # must not read as a byline to a second cleaning.
    text = (BODY + "\n\nCompany News\n\n" + BOX + "Ferry line opens on the north shore\n\n"
            "The boats run every hour from the old pier, the harbour said.\n\n"
            "Residents will see the new rates in their April bills, officials said on Monday.")
    once, again = twice(text, "text")
    assert "Mary Major" in once.text and once.authors == []
    assert again.text == once.text


def test_a_name_under_the_headline_and_standfirst_is_still_the_byline():
    # Keep-case of the rule above: over the article's text, the same shape is its byline.
    article = clean_text(BOX + "Share this article\n\n" + BODY)
    assert article.authors == ["Mary Major"] and "Mary Major" not in article.text


def test_a_byline_under_a_page_head_with_long_menu_lines_is_taken_on_both_runs():
    # Prose far above (a menu line of many words) is no text the byline sits in: the first
    # cleaning takes the name, as the second does once the menus are gone.
    menu = " ".join(f"Section{k}" for k in range(30))
    text = "Home\n" + menu + "\n\nNews\nSport\nWeather\nTravel\nMarkets\n\n" + BOX + "Share this article\n\n" + BODY
    once, again = twice(text, "text")
    assert once.authors == ["Mary Major"] and "Mary Major" not in once.text
    assert again.text == once.text


# -- the HTML floor: the text passes still take their own lines ---------------------------

COMMENT = ("<div class='replies'><p>I have lived in this town for {} years and the roads have never been "
           "as bad as they are this winter, so the money for repairs is welcome news for all of us here.</p></div>")


def floor_page() -> str:
    """A thread: the story, then readers' posts each marked as a reply (most of the page's words)."""
    return ("<html lang='en'><head><title>Council approves budget</title></head><body><div class='main'>"
            "<h1>Council approves budget</h1><p>" + BODY + "</p>"
            + "".join(COMMENT.format(years) for years in ("ten", "twenty", "thirty", "forty", "fifty", "sixty"))
            + "<div class='respond'><p>Let us know in the comments what you think of the new budget</p></div>"
            "</div></body></html>")


def test_the_floor_keeps_the_extraction_and_the_text_rules_still_apply():
    once, again = twice(floor_page(), "html")
    assert any(w.startswith("kept:") for w in once.warnings)  # the pre-clean cut most of it: undone
    assert "forty years" in once.text
    assert "Let us know in the comments" not in once.text  # a call to action all the same
    assert any(r.rule == "cta.prompt" for r in once.removed)
    assert again.text == once.text


# -- boundary: the page's title line over a short page ------------------------------------

def test_a_short_pages_title_line_goes_with_its_headline():
    # html-text prints the <title> first. Here the title line names two lines: the
    # headline (the later one, taken) and the site's name under the menu. Left on top of
    # the body, the title line would make a second cleaning take the site's name as the
    # headline and cut everything above it.
    text = ("Winter notes #1 | Harbour Diary\n\nHome\nAbout me\nOld posts\n\n"
            "Harbour Diary\nLife by the sea\n\nWinter notes #1\n\n"
            "The ice on the pier was thick this morning, and the gulls stayed away.\n\n"
            "Share this:\n\nTwitter\nFacebook\n")
    once, again = twice(text, "text")
    assert once.title == "Winter notes #1"
    assert "Winter notes #1 | Harbour Diary" not in once.text
    assert "The ice on the pier" in once.text
    assert again.text == once.text


# -- html.title: the headline at the end of the page's title (a section's <h1> over it: doctest) --

STORY = "<p>" + BODY + "</p><p>Residents will see the new rates in their April bills, officials said on Monday.</p>"


def test_a_headline_at_the_end_of_the_page_title_goes():
    page = ("<html><head><title>City News » Politics » Council approves the budget</title></head><body>"
            "<article><h2>Council approves the budget</h2>" + STORY + "</article></body></html>")
    once, again = twice(page, "html")
    assert not once.text.startswith("Council approves the budget")
    assert again.text == once.text


# -- title: a headline-shaped line left on top of the body --------------------------------

def test_a_headline_over_a_standfirst_stays_when_a_second_cleaning_would_take_the_standfirst():
    # The byline marks the first line as the headline; the standfirst under it has the shape
    # of a bare headline ("short line, blank, body"), so a second cleaning would take it.
    # Which one is the headline is then unknown to a text cleaning: both stay, the title is kept.
    text = ("Council approves budget\nBy Jane Smith\n\nA late night at the town hall\n\n" + BODY)
    once, again = twice(text, "text")
    assert once.title == "Council approves budget" and once.authors == ["Jane Smith"]
    assert once.text.startswith("Council approves budget\n\nA late night at the town hall\n\n")
    assert "By Jane Smith" not in once.text
    assert again.text == once.text


@pytest.mark.parametrize("text", [
    # Keep-case of the rule above: the headline goes when the line under it is the text.
    pytest.param("Council approves budget\n\n" + BODY, id="headline-over-text"),
    pytest.param("Council approves budget\nBy Jane Smith\n\n" + BODY, id="headline-byline-over-text"),
    # A kicker or label over the headline the byline marks: left on top of the body, a
    # second cleaning would take it as the headline. Above the headline it is no article text.
    pytest.param("Weekend reading for the whole family\n\nCouncil approves budget\nBy Jane Smith\n\n" + BODY,
                 id="kicker-over-headline"),
    pytest.param("Our town hall\nCouncil approves budget\nBy Jane Smith\n3 March 2021\n\n" + BODY,
                 id="label-over-headline"),
])
def test_a_headline_over_the_text_goes_and_so_does_a_headline_shaped_line_over_it(text):
    once, again = twice(text, "text")
    assert once.title == "Council approves budget" and once.text == BODY
    assert again.text == once.text


def test_the_headline_printed_again_under_it_goes():
    # Kept over its own repeat, the headline would make the pair look like a page's title
    # line and the headline it names to a second cleaning: the repeat goes instead.
    doc = Document("Council approves budget\n\nCouncil approves budget\n\n" + BODY)
    doc.record(Finding(0, "title.headline", "the headline", "title", "Council approves budget"))
    assert [f.line for f in _reclean_head(doc)] == [2]
    assert 0 in doc.findings  # the headline stays removed


def test_html_headline_stays_over_a_standfirst_a_second_cleaning_would_take():
    page = ("<html><head><title>Council approves budget</title></head><body><article>"
            "<h1>Council approves budget</h1><h2>A late night at the town hall</h2>" + STORY
            + "</article></body></html>")
    once, again = twice(page, "html")
    assert once.title == "Council approves budget"
    assert once.text.startswith("Council approves budget\n\nA late night at the town hall\n\n")
    assert again.text == once.text


def test_html_headline_over_the_text_still_goes():
    # Keep-case of the rule above.
    page = ("<html><head><title>Council approves budget</title></head><body><article>"
            "<h1>Council approves budget</h1>" + STORY + "</article></body></html>")
    once, again = twice(page, "html")
    assert once.text.startswith(BODY) and again.text == once.text


# -- byline: a two-word heading under a headline and its standfirst -----------------------

def episode_page(follow: str) -> str:
    """A box of a show: its name, a summary, a two-word section heading, then chapters
    (a time-stamped headline over a paragraph each). ``follow`` is a button over the summary."""
    return ("Home\nPodcasts\nAbout\n\nThe River Hour\n\n" + follow
            + "How rivers carve valleys, why deltas move and what floods leave behind, in this week's episode.\n\n"
            "Field Notes\n\n(0:40) Why rivers bend: the physics of meanders -\n\n"
            "Researchers measured how the outer bank of a bend wears away faster than the inner one.\n\n"
            "(7:15) Where deltas go -\n\nA delta moves when its river finds a shorter way to the sea, the team says.\n")


@pytest.mark.parametrize("follow", ["", "Follow\n\n"], ids=["bare", "button-over-the-summary"])
def test_a_heading_over_a_headline_and_its_paragraph_is_no_byline(follow):
    # With the button, the first cleaning kept the heading (the line over the summary was
    # gone) and the second, without it, took the heading for a name: the line under it, a
    # headline over a paragraph, says it heads a section or a teaser list either way.
    once, again = twice(episode_page(follow), "text")
    assert "Field Notes" in once.text and once.authors == []
    assert again.text == once.text


def test_a_name_over_a_short_link_and_the_text_is_still_the_byline():
    # Keep-case: a link of two words ("All articles") under the name is no headline.
    article = clean_text(BOX.replace("\n\nMary Major\n\n", "\n\nMary Major\n\nAll articles\n\n") + BODY)
    assert article.authors == ["Mary Major"] and "Mary Major" not in article.text


def test_a_menu_of_two_word_items_under_a_teaser_is_no_byline():
    # "Headline / summary / Rose Gardens / Herb Beds / …": the items are a menu. A first
    # cleaning that took the first item as a name left the second under the same teaser.
    menu = "Rose Gardens\nHerb Beds\nShade Plants\nWater Features\n"
    doc = Document("Home\n\n" + BOX.replace("Mary Major\n\n", menu))
    assert [f for f in byline.run(doc) if f.rule == "byline.name_line"] == []


def test_a_name_over_one_other_name_shaped_line_is_still_the_byline():
    # Keep-case: a name with a single line right under it (a second author, a desk) is no menu.
    doc = Document("Home\n\n" + BOX.replace("Mary Major\n\n", "Mary Major\nCity Desk\n\n") + "Share\n")
    assert [f.value for f in byline.run(doc) if f.rule == "byline.name_line"] == [["Mary Major"]]


# -- title: the first line a second cleaning would take ------------------------------------

def test_a_list_item_on_the_first_line_is_no_headline():
    # A teaser list left at the top of the body: its first item is no headline, on the
    # first cleaning or the second.
    text = ("* Storm closes the ferry line\nThe boats stay in port until the wind drops, the harbour said on Monday.\n"
            "* Library gets a new roof\nWork on the roof starts in the spring, the city said in a statement.\n\n" + BODY)
    once, again = twice(text, "text")
    assert once.text.startswith("* Storm closes the ferry line") and once.title is None
    assert again.text == once.text


def page_with_title_line(headline: str) -> str:
    """html-text's rendering: the page's <title> (another wording of the headline), menus, the article."""
    return ("Budget: rates go up in April | Town Paper\n\nHome\nNews\nSport\nWeather\nTravel\n\nLocal\nPolitics\n\n"
            + headline + BODY + "\n\n" + BODY.replace("Monday", "Tuesday") + "\n\nImprint\nPrivacy\n")


def test_the_headline_under_a_title_line_that_names_no_line_goes_as_the_title():
    once, again = twice(page_with_title_line("How will the new budget change my bills this year?\n\n"), "text")
    assert once.title == "How will the new budget change my bills this year?"
    assert once.text.startswith(BODY)
    assert again.text == once.text


def test_the_title_line_gives_the_title_when_the_text_has_no_headline_line():
    # Keep-case: no headline-shaped first line (the text starts with its paragraph): nothing
    # more goes, and the page's title line still gives the title.
    once, again = twice(page_with_title_line(""), "text")
    assert once.title == "Budget: rates go up in April" and once.text.startswith(BODY)
    assert again.text == once.text


# -- boundary / duplicates: a line printed twice at the head of the body -------------------

METHOD = ("Heat the oven, rub the chicken with the oil and the spices, and roast it for an hour and a half, "
          "basting it every twenty minutes until the skin is golden and the juices run clear.")
INGREDIENTS = "* 1 large or 1200 g whole chicken\n* 2 tablespoons vegetable oil\n* 1 medium onion, chopped\n* 250 g minced lamb\n"


def test_a_list_printed_twice_is_no_title_line_over_its_headline():
    # A recipe's ingredients, printed for two tabs: the first item again further down is
    # no page <title> line naming its headline, and the lists stay.
    text = (INGREDIENTS + "\nLike this recipe? Add the ingredients to your basket.\n\nINGREDIENTS\n\n" + INGREDIENTS
            + "\nMETHOD\n\n" + METHOD + "\n\n" + METHOD.replace("an hour", "two hours") + "\n")
    once, again = twice(text, "text")
    assert once.title is None and once.text.startswith(INGREDIENTS.split("\n")[0])
    assert "* 250 g minced lamb" in once.text and METHOD in once.text
    assert again.text == once.text


HEADLINE = "Meat or no meat. A trend, a need or a choice?"


def test_the_headline_again_under_a_line_no_rule_read_goes():
    # Headline, a "saved by" line no date rule reads, the headline again over its
    # standfirst: kept twice on top of the body, the pair reads to a second cleaning as a
    # page's title line over the headline it names, and the head would go with it.
    text = ("Kitchen Diary\n\nHome\nRecipes\nTravel\nAbout\nContact\n\nFollow us\n\n"
            + HEADLINE + "\n\nSaved by jane on 7 July 2019 - 18:44\n\n" + HEADLINE
            + "\nA look at two countries and their kitchens\n\nBlog post by Jane Roe\n\n"
            + BODY + "\n\n" + BODY.replace("Monday", "Tuesday") + "\n")
    once, again = twice(text, "text")
    assert once.text.count(HEADLINE) == 1 and "A look at two countries" in once.text
    assert again.text == once.text


def test_the_headline_again_after_a_paragraph_stays():
    # Keep-case: a paragraph between the copies: the text quotes the line, no head printed twice.
    assert list(_head_repeat(Document(HEADLINE + "\n\n" + BODY + "\n\n" + HEADLINE))) == []


@pytest.mark.parametrize("under", ["Senior Political Correspondent", "Updated three hours ago", "for The Town Paper"])
def test_a_name_over_its_role_date_or_paper_and_the_text_is_still_the_byline(under):
    # Keep-case of the heading rule: a job title, a date line no rule read or the paper under
    # the name is no headline over a paragraph.
    article = clean_text("Home\nNews\n\n" + BOX + under + "\n\n" + BODY + "\n\n" + BODY)
    assert article.authors == ["Mary Major"] and "Mary Major" not in article.text


def url_named_head(first: str):
    """A body whose headline (the one the page's address named) the boundary cut with the
    page's head, over a subheading and the text: the state ``_reclean_head`` meets."""
    doc = Document(first + "\n\nSnow closes the mountain pass\n\nWhen will the road open again?\n\n" + BODY)
    for i in (0, 2):
        doc.record(Finding(i, "boundary.before", "page furniture before the article"))
    doc.memo["headline"] = 2
    doc.meta["title"] = "Snow closes the mountain pass"
    return doc


def test_the_headline_the_address_named_stands_over_a_subheading_a_second_cleaning_would_take():
    # Cut with the page's head, the headline left the subheading on top of the body, and a
    # second cleaning (no address) would take that as the headline: the headline stays instead.
    doc = url_named_head("Home")
    assert list(_reclean_head(doc)) == [] and 2 not in doc.findings and 0 in doc.findings


def test_the_page_title_line_the_address_named_stays_cut():
    # Keep-case: the first line of the page is its <title> line ("Headline - Site"): not text.
    doc = url_named_head("Snow closes the mountain pass - Town Paper")
    doc.memo["headline"] = 0
    list(_reclean_head(doc))
    assert 0 in doc.findings


# -- title: a line the page's address names again -----------------------------------------

URL = "https://example.com/recipes/vegan-noodle-stir-fry-with-tofu"
RECIPE = ("Stir the noodles into the hot pan with the tofu and the sauce, and cook them for three more "
          "minutes until they are glossy and soft.")


def test_a_line_the_address_names_again_goes_so_a_second_cleaning_with_the_address_changes_nothing():
    # The recipe card repeats the headline under the intro; with the address given, a second
    # cleaning would take that repeat as its headline.
    text = "\n\n".join(["Vegan noodle stir fry with tofu", BODY, "Vegan Noodle Stir Fry (with Tofu)", RECIPE])
    once = clean(text, input_format="text", url=URL)
    assert once.title == "Vegan noodle stir fry with tofu"
    assert [r.text for r in once.removed if r.rule == "title.headline"][-1] == "Vegan Noodle Stir Fry (with Tofu)"
    assert clean(once.text, input_format="text", url=URL).text == once.text
    assert clean(once.text, input_format="text").text == once.text


def test_a_subheading_the_address_does_not_name_stays():
    # Keep-case: a subheading with other words is no second headline.
    text = "\n\n".join(["Vegan noodle stir fry with tofu", BODY, "What you need for the sauce", RECIPE])
    once = clean(text, input_format="text", url=URL)
    assert "What you need for the sauce" in once.text.split("\n")
    assert clean(once.text, input_format="text", url=URL).text == once.text

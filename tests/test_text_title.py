"""The headline of a text page, found with the page's address (``clean(..., url=...)``)."""
from __future__ import annotations

import pytest

from cleaner import clean

PAGE = "\n".join([
    "Home",
    "Weekend markets draw record crowds",
    "More news",
    "",
    "Harbour opens a new ferry line to the islands",
    "",
    "The harbour opened a new ferry line to the islands on Monday, the first in twenty years, the port said.",
    "",
    "Boats will run every two hours in summer and twice a day in winter, with tickets sold on board.",
    "",
    "The port expects some two hundred thousand passengers in the first year of the new service.",
])
HEADLINE = "Harbour opens a new ferry line to the islands"


def test_without_an_address_the_nearest_headline_wins():
    article = clean(PAGE, input_format="text")
    assert article.title == HEADLINE


def test_the_address_names_the_headline_over_the_nearest_line():
    article = clean(PAGE, input_format="text", url="https://news.example.org/2024/weekend-markets-draw-record-crowds")
    assert article.title == "Weekend markets draw record crowds"


def test_an_address_without_the_headline_words_changes_nothing():
    plain = clean(PAGE, input_format="text")
    other = clean(PAGE, input_format="text", url="https://news.example.org/article/12345")
    assert other.title == plain.title
    assert other.text == plain.text


def test_umlauts_spelled_out_in_the_address():
    page = PAGE.replace("Weekend markets draw record crowds", "Hafen öffnet neue Fährlinie zu den Inseln")
    article = clean(page, input_format="text", url="https://news.example.org/hafen-oeffnet-neue-faehrlinie-inseln")
    assert article.title == "Hafen öffnet neue Fährlinie zu den Inseln"


LISTING = "\n".join([
    "Home",
    "Ferry timetable for the summer season",
    "Harbour opens a new ferry line to the islands",
    "Weekend markets draw record crowds",
    "Council meets on Friday",
])


def test_with_no_other_evidence_the_line_the_address_names_is_the_headline():
    article = clean(LISTING, input_format="text", url="https://news.example.org/harbour-opens-new-ferry-line-to-islands")
    assert article.title == "Harbour opens a new ferry line to the islands"


def test_keeps_a_listing_without_a_headline_when_the_address_names_no_line():
    article = clean(LISTING, input_format="text", url="https://news.example.org/listing/7")
    assert article.title is None


@pytest.mark.parametrize("url, title", [
    pytest.param("https://news.example.org/politics/weekend-markets-draw-record-crowds",
                 "Weekend markets draw record crowds", id="the-address-overrides-a-headline-taken-without-its-words"),
    pytest.param("https://news.example.org/politics-and-society/harbour-ferry-islands",
                 HEADLINE, id="a-section-in-the-address-path-is-not-the-slug"),
])
def test_the_address_slug_over_a_section_line(url, title):
    page = PAGE.replace("More news", "Politics and Society")
    article = clean(page, input_format="text", url=url)
    assert article.title == title


STANDFIRST_PAGE = "\n".join([
    "Home",
    "Harbour opens a new ferry line to the islands",
    "",
    "The first new line in twenty years links the port with three islands",
    "",
    "{names}",
    "",
    "The harbour opened a new ferry line to the islands on Monday, the first in twenty years, the port said.",
    "",
    "Boats will run every two hours in summer and twice a day in winter, with tickets sold on board.",
])
URL = "https://news.example.org/2024/harbour-opens-new-ferry-line-islands"


def test_several_full_names_under_a_standfirst_are_the_byline():
    article = clean(STANDFIRST_PAGE.format(names="Ana Ruiz, Eva Gil y José Luis Mora"), input_format="text", url=URL)
    assert article.title == "Harbour opens a new ferry line to the islands"
    assert article.authors == ["Ana Ruiz", "Eva Gil", "José Luis Mora"]


@pytest.mark.xfail(strict=True, reason="byline.name_line (byline pass) reads a headline-shaped standfirst as the "
                   "headline and a two-word title-case phrase under it as a name")
def test_keeps_one_title_case_phrase_under_a_standfirst_as_no_author():
    article = clean(STANDFIRST_PAGE.format(names="Local Politics"), input_format="text", url=URL)
    assert article.title == "Harbour opens a new ferry line to the islands"
    assert article.authors == []


DATED_PAGE = "\n".join([
    "Harbour opens a new ferry line to the islands", "",
    "Hafen und Verkehr | Nordstadt, 4. März 2024", "By Jane Smith", "",
    "The harbour opened a new ferry line to the islands on Monday, the first in twenty years, the port said.", "",
    "Boats will run every two hours in summer and twice a day in winter, with tickets sold on board.", "",
    "More from the harbour", "",
    "Old pier closes for repairs", "12. Januar 2023",
])


def test_a_date_line_by_the_headline_that_no_date_rule_read_gives_the_date():
    """Not the teaser's date further down, which a date rule did read."""
    article = clean(DATED_PAGE, input_format="text")
    assert article.title == "Harbour opens a new ferry line to the islands"
    assert article.date_published == "2024-03-04"


def test_keeps_an_update_line_by_the_headline_out_of_the_publication_date():
    page = DATED_PAGE.replace("Hafen und Verkehr | Nordstadt, 4. März 2024", "Aktualisiert am 4. März 2024 von der Redaktion")
    assert clean(page, input_format="text").date_published != "2024-03-04"


SHORT_PAGE = "\n".join([
    "Home", "Recipes", "Baking", "",
    "      Weekly newsletter", "",
    "      Lemon Cake", "",
    "      A moist lemon cake needs fresh lemons, good butter and a little patience while it cools down.", "",
    "      Beat the butter with the sugar until pale, then add the eggs one by one and fold in the flour.", "",
    "      Bake it for forty minutes and pour the lemon syrup over it while the cake is still warm.",
])


def test_a_two_word_headline_the_address_spells_is_the_title():
    article = clean(SHORT_PAGE, input_format="text", url="https://bakery.example.org/recipes/1234-lemon-cake.html")
    assert article.title == "Lemon Cake"


def test_a_headline_of_two_sentences_the_address_spells_is_the_title():
    page = SHORT_PAGE.replace("Lemon Cake", "Lemon cake? Bake it today!")
    article = clean(page, input_format="text", url="https://bakery.example.org/lemon-cake-bake-it-today/")
    assert article.title == "Lemon cake? Bake it today!"


def test_keeps_the_headline_when_a_short_line_holds_only_a_part_of_the_address():
    """Two words of a five-word slug: a menu item or a section, not the slug's line."""
    page = PAGE.replace("More news", "Record Crowds")
    article = clean(page, input_format="text", url="https://news.example.org/2024/harbour-opens-ferry-line-islands")
    assert article.title == HEADLINE


def test_keeps_the_headline_that_holds_the_words_of_the_line_the_address_spells():
    """An interview's address spells the guest's name; the headline names the guest too."""
    page = PAGE.replace("More news", "Jane Doe").replace(HEADLINE, "Harbour talks with Jane Doe about the ferry")
    article = clean(page, input_format="text", url="https://news.example.org/2024/jane-doe")
    assert article.title == "Harbour talks with Jane Doe about the ferry"


def test_keeps_the_headline_the_page_title_line_names_over_a_section_the_address_spells():
    page = "Harbour opens a new ferry line to the islands - Example News\n\n" + PAGE.replace("More news", "Ferry Travel")
    article = clean(page, input_format="text", url="https://news.example.org/ferry-travel-123456")
    assert article.title == HEADLINE


KICKER_PAGE = "\n".join([
    "    {headline}", "",
    "    {body}", "",
    "    {more}",
])
GERMAN = dict(body="Die Stadt will im Frühjahr mit den Bohrungen beginnen, sagt der Bürgermeister, und sie sollen bis zum Herbst dauern.",
              more="Die Kosten trägt zum größten Teil das Land, der Rest kommt aus dem Haushalt der Stadt und von den Stadtwerken.")


def test_a_kicker_joined_to_the_headline_with_a_spaced_colon_is_dropped():
    page = KICKER_PAGE.format(headline="Klimaschutz : Bohren, bis es heiß wird", **GERMAN)
    assert clean(page, input_format="text").title == "Bohren, bis es heiß wird"


def test_keeps_a_headline_with_its_own_colon():
    page = KICKER_PAGE.format(headline="Klimaschutz: Bohren, bis es heiß wird", **GERMAN)
    assert clean(page, input_format="text").title == "Klimaschutz: Bohren, bis es heiß wird"


def test_keeps_the_spaced_colon_of_a_french_headline():
    page = KICKER_PAGE.format(
        headline="Parité en Tunisie : au-dessous de la moyenne mondiale",
        body="Le gouvernement a présenté lundi son plan pour les hôpitaux et les écoles de la région, qui sera voté en mars.",
        more="Les syndicats ont salué une avancée mais demandent des moyens pour les petites communes du sud du pays.")
    assert clean(page, input_format="text").title == "Parité en Tunisie : au-dessous de la moyenne mondiale"


def test_keeps_the_headline_over_a_two_word_section_name_that_is_part_of_the_address():
    """ "/news/uk-local-politics-123456": the slug is a section's name and an id."""
    page = PAGE.replace("More news", "Local Politics")
    article = clean(page, input_format="text", url="https://news.example.org/news/uk-local-politics-123456")
    assert article.title == HEADLINE


BODY = "\n".join([
    "The harbour opened a new ferry line to the islands on Monday, the first in twenty years, the port said.", "",
    "Boats will run every two hours in summer and twice a day in winter, with tickets sold on board.",
])


def test_the_site_name_the_host_spells_leaves_the_title():
    page = "Harbour opens a new ferry line to the islands - Island Times\n\n" + BODY
    article = clean(page, input_format="text", url="https://www.islandtimes.example/2024/04/ferry")
    assert article.title == "Harbour opens a new ferry line to the islands"


def test_keeps_a_title_part_that_is_no_site_name():
    page = "Harbour opens a new ferry line - the first in twenty years\n\n" + BODY
    article = clean(page, input_format="text", url="https://www.islandtimes.example/2024/04/ferry")
    assert article.title == "Harbour opens a new ferry line - the first in twenty years"


DATED_NAME_PAGE = "* Home\n* News\n* {line}\n21.01.2022 Press release\n\n{line}\n\n" + BODY


def test_a_line_read_as_a_name_under_a_date_is_the_headline_when_the_address_spells_it():
    page = DATED_NAME_PAGE.format(line="Harbour Ferry Days")
    article = clean(page, input_format="text", url="https://port.example.org/news/harbour-ferry-days")
    assert article.title == "Harbour Ferry Days"
    assert article.authors == []


def test_keeps_a_name_under_a_date_as_the_author_when_the_address_spells_no_line():
    page = "Home\nNews\nOld pier closes\n\n21.01.2022 Press release\nJane Smith\n\n" + BODY
    article = clean(page, input_format="text", url="https://port.example.org/news/harbour-ferry-days")
    assert article.authors == ["Jane Smith"]


def test_keeps_the_headline_over_a_section_name_the_address_names_before_an_id():
    """ "/local-news/123456": the part with words is the section's, the article has only an id."""
    page = PAGE.replace("More news", "Local News")
    article = clean(page, input_format="text", url="https://news.example.org/local-news/123456")
    assert article.title == HEADLINE

"""Page metadata on hand-written HTML snippets: title, authors, dates (cleaner.metadata).

Each case is a small page written for this test, with what a reader sees as
its headline, byline and date; every rule has a keep-case beside it.
"""
from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.metadata import page_metadata


def meta(head: str = "", body: str = "", url: str = "https://news.example.org/2024/05/story", lang="en"):
    from lxml import html

    page = f'<html lang="{lang}"><head>{head}</head><body>{body}</body></html>'
    return page_metadata(html.fromstring(page), url)


# --- title -----------------------------------------------------------------------------------------

TITLE_CASES = {
    "site name after a dash, named by og:site_name": (
        '<title>Harbour opens a new ferry line - Coast Herald</title>'
        '<meta property="og:site_name" content="Coast Herald">',
        '<p>Text.</p>', "Harbour opens a new ferry line"),
    "site name after a bar, named by the host": (
        '<title>Harbour opens a new ferry line | News.Example</title>', '<p>Text.</p>',
        "Harbour opens a new ferry line"),
    "site name before the headline": (
        '<title>Coast Herald :: Harbour opens a new ferry line</title>'
        '<meta property="og:site_name" content="Coast Herald">', '', "Harbour opens a new ferry line"),
    "the h1 as printed, not the og:title's casing": (
        '<meta property="og:title" content="Harbour Opens A New Ferry Line">',
        '<article><h1>Harbour opens a new ferry line</h1></article>', "Harbour opens a new ferry line"),
    "the h1 that agrees, not a section name h1 before it": (
        '<title>Harbour opens a new ferry line - Coast Herald</title>',
        '<h1>Press releases</h1><h1>Harbour opens a new ferry line</h1>', "Harbour opens a new ferry line"),
    "the logo h1 is not the headline": (
        '<title>Harbour opens a new ferry line | Coast Herald</title>',
        '<h1><a href="/" rel="home">Coast Herald</a></h1><h1>Harbour opens a new ferry line</h1>',
        "Harbour opens a new ferry line"),
    "a kicker span named by its class leaves": (
        '<meta property="og:title" content="Harbour opens a new ferry line">',
        '<h1><span class="kicker">Transport</span>: Harbour opens a new ferry line</h1>',
        "Harbour opens a new ferry line"),
    "an unnamed kicker leaves when the meta title agrees without it": (
        '<meta property="og:title" content="Harbour opens a new ferry line">',
        '<h1><small>Transport</small><br>Harbour opens a new ferry line</h1>', "Harbour opens a new ferry line"),
    "keep: a kicker the meta title also carries stays": (
        '<meta property="og:title" content="Transport: Harbour opens a new ferry line">',
        '<h1><small>Transport:</small> Harbour opens a new ferry line</h1>',
        "Transport: Harbour opens a new ferry line"),
    "hidden screen-reader text leaves": (
        '<title>Harbour opens a new ferry line</title>',
        '<h1><div><span class="visually-hidden">Headline:</span> Harbour opens a new ferry line</div></h1>',
        "Harbour opens a new ferry line"),
    "an h1 shorter than the meta title, its start": (
        '<title>Harbour opens a new ferry line: what changes | Coast Herald</title>',
        '<h1>Harbour opens a new ferry line</h1>', "Harbour opens a new ferry line"),
    "an h1 worded differently that shares a word": (
        '<title>Ferry line: the timetable, the prices - Coast Herald</title>',
        '<h1>When does the new ferry leave?</h1>', "When does the new ferry leave?"),
    "keep: a menu h1 that shares no word leaves the meta title": (
        '<title>Harbour opens a new ferry line - Coast Herald</title>'
        '<meta property="og:site_name" content="Coast Herald">',
        '<h1>Navigation</h1>', "Harbour opens a new ferry line"),
    "keep: a dash inside the headline stays": (
        '<title>Ferries - why the new line matters</title>', '<p>Text.</p>', "Ferries - why the new line matters"),
    "keep: a headline word that is the host's name stays": (
        '<title>Example shows how ferries work</title>', '<h1>Example shows how ferries work</h1>',
        "Example shows how ferries work"),
    "no meta title: the first h1": ('', '<h1>Harbour opens a new ferry line</h1>', "Harbour opens a new ferry line"),
    "og:title that is only the site's name gives way to the h1": (
        '<meta property="og:title" content="Coast Herald"><meta property="og:site_name" content="Coast Herald">',
        '<h1>Harbour opens a new ferry line</h1>', "Harbour opens a new ferry line"),
    "JSON-LD headline agrees with the h1, og:title differs": (
        '<meta property="og:title" content="New ferry line for the harbour">'
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"headline": "The harbour gets its ferry"}</script>',
        '<h1>The harbour gets its ferry</h1>', "The harbour gets its ferry"),
}


@pytest.mark.parametrize("name", TITLE_CASES)
def test_title(name):
    head, body, expected = TITLE_CASES[name]
    assert meta(head, body).title == expected


# --- authors ---------------------------------------------------------------------------------------

AUTHOR_CASES = {
    "JSON-LD Person first": (
        '<meta name="author" content="Coast Herald">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": '
        '{"@type": "Person", "name": "Jane Smith"}}</script>', '<p>Text.</p>', ["Jane Smith"]),
    "byline element with a prefix and two names": (
        '', '<div class="byline">Von Hans Müller und Eva Berg</div><p>Text.</p>', ["Hans Müller", "Eva Berg"]),
    "byline element with a date after the name": (
        '', '<p class="author">By Ana Ruiz, 3 May 2021</p>', ["Ana Ruiz"]),
    "byline with the date first": (
        '', '<div class="post-author">Posted on March 3, 2021 by Ana Ruiz</div>', ["Ana Ruiz"]),
    "initials keep their dots": ('', '<span class="author">R.C. Baker</span>', ["R.C. Baker"]),
    "a particle stays inside the name": ('', '<span class="author vcard">Walter von Aachen</span>',
                                         ["Walter von Aachen"]),
    "a UI label beside the name is not a name": (
        '', '<span class="meta-prep-author">Posted</span> <span class="author">Ana Ruiz</span>', ["Ana Ruiz"]),
    "a follow button is not a name": (
        '', '<div class="author-info"><a class="author-name">Ana Ruiz</a><a class="follow">Follow</a></div>',
        ["Ana Ruiz"]),
    "a job title after the name goes": ('', '<span class="author">Ana Ruiz Redakteurin</span>', ["Ana Ruiz"]),
    "a comment's author is not the article's": (
        '', '<div class="comments"><span class="author">Troll 99</span></div><p>Text.</p>', []),
    "the site's name in the author meta tag gives way to the byline's person": (
        '<meta name="author" content="Coast Herald"><meta property="og:site_name" content="Coast Herald">',
        '<p class="byline">By Ana Ruiz</p>', ["Ana Ruiz"]),
    "a link to an author page": (
        '', '<p>Text by <a href="/autor/ana-ruiz">Ana Ruiz</a></p>', ["Ana Ruiz"]),
    "keep: a sentence in a byline-classed element is not names": (
        '', '<div class="byline">the end of the year, when prices had doubled again</div>', []),
}


def test_a_blog_whose_only_byline_is_its_name_keeps_it_apart():
    page = meta('<meta property="og:site_name" content="Coast Herald">', '<p class="byline">By Coast Herald</p>')
    assert (page.authors, page.site_authors) == ([], ["Coast Herald"])


def test_a_host_name_is_never_an_author():
    page = meta('<meta name="author" content="news.example.org">', '<p>Text.</p>')
    assert (page.authors, page.site_authors) == ([], [])


@pytest.mark.parametrize("name", AUTHOR_CASES)
def test_authors(name):
    head, body, expected = AUTHOR_CASES[name]
    assert meta(head, body).authors == expected


# --- dates -----------------------------------------------------------------------------------------

DATE_CASES = {
    "the meta timestamp with its offset": (
        '<meta property="article:published_time" content="2021-05-03T09:00:00+02:00">', '<p>Text.</p>',
        "2021-05-03T09:00:00+02:00"),
    "the date the page prints wins over a meta date of another day": (
        '<meta property="article:published_time" content="2021-04-30T09:00:00+02:00">',
        '<h1>Harbour opens a new ferry line</h1><p class="post-date">3. Mai 2021</p>', "2021-05-03"),
    "the printed date takes the meta timestamp of the same day": (
        '<meta property="article:published_time" content="2021-05-03T09:00:00+02:00">',
        '<p class="post-date">3 May 2021</p>', "2021-05-03T09:00:00+02:00"),
    "a time element's datetime": ('', '<time datetime="2021-05-03T09:00:00Z">Monday</time>', "2021-05-03T09:00:00+00:00"),
    "a comment's timestamp is not the article's": (
        '<meta property="article:published_time" content="2021-05-03T09:00:00+02:00">',
        '<div class="comments"><time datetime="2021-06-01T10:00:00Z">1 June 2021</time></div>',
        "2021-05-03T09:00:00+02:00"),
    "a teaser's date is not the article's": (
        '<meta property="article:published_time" content="2021-05-03T09:00:00+02:00">',
        '<ul class="related-posts"><li><span class="date">1 June 2021</span></li></ul>', "2021-05-03T09:00:00+02:00"),
    "the site header's date of today is not the article's": (
        '<meta property="article:published_time" content="2021-05-03T09:00:00+02:00">',
        '<div class="site-header"><span class="date">Monday, 7 June 2021</span></div><h1>Harbour</h1>',
        "2021-05-03T09:00:00+02:00"),
    "today's date in a header bar far above the headline is not the article's": (
        '<title>Harbour opens a new ferry line</title>',
        '<div class="top"><span class="date">Monday, 7 June 2021</span></div>'
        + '<ul>' + ''.join(f'<li><a href="/s{k}">Section {k}</a></li>' for k in range(20)) + '</ul>'
        '<h1>Harbour opens a new ferry line</h1><p class="post-date">3 May 2021</p>', "2021-05-03"),
    "keep: a date line just above the headline is the article's": (
        '<title>Harbour opens a new ferry line</title>',
        '<p class="post-date">3 May 2021</p><h1>Harbour opens a new ferry line</h1><p>Text.</p>', "2021-05-03"),
    "a printed date of the head stamp's day confirms the stamp over a nearer date of another day": (
        '<title>Harbour opens a new ferry line</title>'
        '<meta property="article:published_time" content="2022-12-26T10:33:00+01:00">',
        '<span class="date">02.01.23 09:51</span><h1>Harbour opens a new ferry line</h1>'
        '<p><span class="date">Published: 26.12.2022</span></p>', "2022-12-26T10:33:00+01:00"),
    "a news item's date line right below the headline in a list-styled block": (
        '<title>Harbour opens a new ferry line</title>',
        '<h1>Harbour opens a new ferry line</h1><div class="teaser-meta"><time datetime="2022-01-26">26 Jan 2022'
        '</time></div><p>The ferry line opens in spring.</p>', "2022-01-26"),
    "keep: a teaser's date below the headline does not beat the head's stamp": (
        '<title>Harbour opens a new ferry line</title>'
        '<meta property="article:published_time" content="2022-01-25T08:00:00+01:00">',
        '<h1>Harbour opens a new ferry line</h1><div class="teaser"><time datetime="2022-01-20">20 Jan 2022</time>'
        '</div><p>The ferry line opens in spring.</p>', "2022-01-25T08:00:00+01:00"),
    "a hidden date element is not the date the page prints": (
        '<title>Harbour opens a new ferry line</title>',
        '<div class="d-none"><time itemprop="datePublished" datetime="2021-05-02T21:00:00+01:00"></time></div>'
        '<article><h1>Harbour opens a new ferry line</h1><p class="meta">Harbour Town, 03.05.2021</p>'
        '<p>The ferry line opens in spring.</p></article>', "2021-05-03"),
    "keep: a class that hides an element on small screens only": (
        '<title>Harbour opens a new ferry line</title>',
        '<div class="hidden md:block"><time itemprop="datePublished" datetime="2021-05-02T21:00:00+01:00"></time>'
        '</div><article><h1>Harbour opens a new ferry line</h1><p class="meta">Harbour Town, 03.05.2021</p>'
        '<p>The ferry line opens in spring.</p></article>', "2021-05-02T21:00:00+01:00"),
    "keep: a hidden date element below the headline serves when the page prints no other": (
        '<title>Harbour opens a new ferry line</title>',
        '<article><h1>Harbour opens a new ferry line</h1><time class="hidden" itemprop="datePublished" '
        'datetime="2021-05-02 10:20:00">2021-05-02 10:20:00</time><p>The ferry line opens in spring.</p></article>',
        "2021-05-02T10:20:00"),
    "the date in the byline element beside the headline, past a script inside it": (
        '<title>Harbour opens a new ferry line</title>'
        '<meta property="article:published_time" content="2021-12-14T15:41:07+01:00">',
        '<article><h1>Harbour opens a new ferry line</h1><div class="author"><p><strong class="author">'
        '04.02.2022 | 15:33 Uhr | <script>authorPlugin.init({"open": true, "more": "all the names"});</script>'
        '<a href="/jane">Jane Smith</a></strong></p></div><p>The ferry line opens in spring.</p></article>',
        "2022-02-04T15:33:00"),
    "keep: an author box's update line is not the publication date": (
        '<title>Harbour opens a new ferry line</title>'
        '<meta property="article:published_time" content="2021-10-13T08:00:00+02:00">',
        '<article><h1>Harbour opens a new ferry line</h1><div class="author">Zuletzt geändert am: 15.10.2021</div>'
        '<p>The ferry line opens in spring.</p></article>', "2021-10-13T08:00:00+02:00"),
    "a UTC head stamp in the page's own offset, which its time element prints": (
        '<title>Harbour opens a new ferry line</title>'
        '<meta property="article:published_time" content="2021-05-03T07:15:00Z">',
        '<article><h1>Harbour opens a new ferry line</h1><p class="post-date"><time datetime="2021-05-03T09:15:00+02:00">'
        '3 May 2021, 9:15</time></p><p>The ferry line opens in spring.</p></article>', "2021-05-03T09:15:00+02:00"),
    "a UTC head stamp near midnight keeps the page's local day": (
        '<title>Harbour opens a new ferry line</title>'
        '<meta property="article:published_time" content="2021-05-02T22:30:00Z">',
        '<article><h1>Harbour opens a new ferry line</h1><p class="post-date"><time datetime="2021-05-03T00:30:00+02:00">'
        '3 May 2021, 0:30</time></p><p>The ferry line opens in spring.</p></article>', "2021-05-03T00:30:00+02:00"),
    "keep: a time element of another moment leaves the head stamp as it is": (
        '<title>Harbour opens a new ferry line</title>'
        '<meta property="article:published_time" content="2021-05-03T07:15:00Z">',
        '<article><h1>Harbour opens a new ferry line</h1><p class="post-date"><time datetime="2021-05-03T11:40:00+02:00">'
        '3 May 2021, 11:40</time></p><p>The ferry line opens in spring.</p></article>', "2021-05-03T07:15:00+00:00"),
    "a data-date attribute by the headline, not the teasers' dates above it": (
        '<title>Harbour opens a new ferry line</title>',
        '<div class="teasers">' + ''.join(f'<div class="teaser"><a href="/s{k}">Story {k}</a>'
                                          f'<span class="teaser-date">{k + 1}. Juli 2020</span></div>' for k in range(12))
        + '</div><article><h1>Harbour opens a new ferry line</h1><div class="timeline" data-date="18. März 2020"></div>'
        '<p>The ferry line opens in spring.</p></article>', "2020-03-18"),
    "keep: a calendar's data-date in a sidebar is not the article's": (
        '<meta property="article:published_time" content="2021-05-03T09:00:00+02:00">',
        '<article><h1>Harbour opens a new ferry line</h1><p>The ferry line opens in spring.</p></article>'
        '<aside class="sidebar"><table><tr><td data-date="2021-06-01">1</td><td data-date="2021-06-02">2</td></tr>'
        '</table></aside>', "2021-05-03T09:00:00+02:00"),
    "a time element's UTC datetime in the offset of the clock time it prints": (
        '<title>Harbour opens a new ferry line</title>',
        '<article><h1>Harbour opens a new ferry line</h1><p class="meta"><time datetime="2022-02-01T23:10:00Z">'
        'Mittwoch, 02. Februar 2022 00:10</time></p><p>The ferry line opens in spring.</p></article>',
        "2022-02-02T00:10:00+01:00"),
    "keep: a time element whose printed clock time is another moment keeps its UTC datetime": (
        '<title>Harbour opens a new ferry line</title>',
        '<article><h1>Harbour opens a new ferry line</h1><p class="meta"><time datetime="2022-02-01T23:10:00Z">'
        '01. Februar 2022 23:52</time></p><p>The ferry line opens in spring.</p></article>',
        "2022-02-01T23:10:00+00:00"),
    "keep: the date in an author's bio box is not the article's": (
        '<title>Harbour opens a new ferry line</title>'
        '<meta property="article:published_time" content="2021-05-03T09:00:00+02:00">',
        '<article><h1>Harbour opens a new ferry line</h1><div class="author-bio">Writes for us since 3 May 2010</div>'
        '<p>The ferry line opens in spring.</p></article>', "2021-05-03T09:00:00+02:00"),
    "keep: an update line is not the publication date": (
        '<meta property="article:published_time" content="2021-05-03T09:00:00+02:00">',
        '<p class="updated">Updated 9 June 2021</p>', "2021-05-03T09:00:00+02:00"),
}


@pytest.mark.parametrize("name", DATE_CASES)
def test_date_published(name):
    head, body, expected = DATE_CASES[name]
    assert meta(head, body).date_published == expected


def test_a_guess_of_the_update_day_does_not_beat_the_head_stamp():
    from cleaner.metadata import published_date

    stamp, modified = "2020-01-19T12:25:36+00:00", "2020-01-20T09:49:32+00:00"
    assert published_date([], 10, stamp, "2020-01-20", modified) == (stamp, False)
    # keep: a guess of another day than the update's still wins over the stamp
    assert published_date([], 10, stamp, "2020-01-21", modified) == ("2020-01-21", False)


def test_a_date_line_in_the_text_beats_a_guessed_page_date():
    from cleaner.metadata import PageMeta, merge
    from cleaner.model import Article, Document, Finding

    for guessed, expected in ((True, "2022-02-04"), (False, "2022-01-21")):  # keep: a page's own date stays
        doc = Document("By Jane Smith 4. 2. 2022\nThe ferry line opens in spring.")
        doc.record(Finding(0, "date.published", "a date line", "date_published", "2022-02-04"))
        article = Article()
        merge(article, PageMeta(date_published="2022-01-21", date_guessed=guessed), doc)
        assert article.date_published == expected


def test_a_date_line_in_a_share_bar_counts():
    page = ('<html><head><title>Harbour opens a new ferry line</title></head><body><article>'
            '<h1>Harbour opens a new ferry line</h1>'
            + "".join(f"<p>The new ferry line runs every hour from the old pier, paragraph {k}.</p>" for k in range(6))
            + '<div class="share-bar"><span class="pubdate">19.11.2021</span><a href="/x">Share</a></div>'
            '</article><div class="teasers"><div class="pubdate">18. Nov 2021</div></div></body></html>')
    assert (clean(page, input_format="html").date_published or "")[:10] == "2021-11-19"


def test_date_modified_from_meta():
    page = meta('<meta property="article:modified_time" content="2021-06-09T08:00:00Z">', '<p>Text.</p>')
    assert page.date_modified == "2021-06-09T08:00:00+00:00"


def test_language_as_declared():
    assert meta(lang="de-CH").language == "de-CH"


def test_a_desk_byline_stays_whole():
    assert meta(body='<span class="author">Staff Writer</span>').authors == ["Staff Writer"]


def test_a_name_starts_with_a_capital_or_a_particle():
    assert meta(body='<span class="author">van der Berg</span>').authors == ["van der Berg"]
    assert meta('<meta name="author" content="deinen Lesern">').authors == []


@pytest.mark.parametrize("layout", ["with-sidebar", "content right-sidebar", "sidebar-left"])
def test_a_byline_counts_whatever_the_layout_classes_around_it(layout):
    body = f'<div class="{layout}"><article><p class="byline">By Ana Ruiz</p></article></div>'
    assert meta(body=body).authors == ["Ana Ruiz"]


def test_keep_a_byline_in_a_sidebar_is_not_the_articles():
    body = '<div class="sidebar"><p class="byline">By Ana Ruiz</p></div><p>Text.</p>'
    assert meta(body=body).authors == []


def test_the_spelling_of_a_name_from_a_byline_elsewhere_on_the_page():
    from lxml import html

    from cleaner.metadata import author_candidates, choose_authors

    tree = html.fromstring('<html><body><div class="footer"><a rel="author">R.C. Baker</a></div></body></html>')
    candidates = author_candidates(tree, [], "R C Baker", [])
    assert candidates["byline"] == [] and choose_authors(candidates) == ["R.C. Baker"]


# -- language -------------------------------------------------------------------------------------

_GERMAN = ("<p>Der Stadtrat hat am Montag nach einer langen Debatte den Haushalt für das kommende Jahr "
           "beschlossen, und die Bürger werden die neuen Gebühren im April auf ihren Rechnungen sehen.</p>"
           "<p>Die Opposition sagte, sie werde gegen den Plan vor Gericht ziehen, weil die Mieten steigen.</p>")


@pytest.mark.parametrize("lang, expected", [("de-AT", "de-AT"), ("en", "de"), (None, "de")])
def test_declared_language_is_kept_only_when_the_text_agrees(lang, expected):
    attr = f' lang="{lang}"' if lang else ""
    page = f"<html{attr}><body><article><h1>Haushalt beschlossen</h1>{_GERMAN}</article></body></html>"
    assert clean(page.encode(), input_format="html").language == expected


@pytest.mark.parametrize("printed, expected", [
    ("12/30/2019 05:03 AM EST", "2019-12-30T05:03:00-05:00"),  # month first: 30 cannot be a month
    ("30/12/2019 05:03", "2019-12-30T05:03:00"),
    ("12/03/2019 05:03 AM EST", None),  # keep: either order is a date, so no date is guessed
    ("12. März 202014:30 Uhr", "2020-03-12T14:30:00"),  # a rendering glued the time to the year
])
def test_a_date_line_under_the_byline_in_text(printed, expected):
    text = (f"Harbour opens a new ferry line\n\nBy JANE SMITH\n\n{printed}\n\n"
            "The new ferry line runs every hour from the old pier and stops at the island twice a day.\n")
    assert clean(text, input_format="text").date_published == expected

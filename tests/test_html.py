"""The HTML path: hand-written pages in fixtures/html/, their golden JSON, and the command on HTML.

Each page in ``fixtures/html/`` was written for these tests (see its README).
``<page>.json`` beside it is the expected ``clean-article --format json
--explain`` object, reviewed by hand when it was written. After a deliberate
change, regenerate them and review the diff::

    python tests/test_html.py --regenerate && git diff fixtures/html

The other tests state what each page must give, reasoned from the page itself.
"""
from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, body_lines, invoke

from cleaner import clean
from cleaner.html import clean_html
from cleaner.metadata import iso_timestamp, match_persons
from cleaner.passes.dates import is_reading_time

PAGES = FIXTURES / "html"
PAGE_FILES = sorted(p for p in PAGES.iterdir() if p.name.endswith((".html", ".html.gz")))


def golden_path(page: Path) -> Path:
    return page.with_name(page.name.split(".")[0] + ".json")


def cleaned(page: Path) -> dict:
    d = clean(page.read_bytes()).to_dict(explain=True)
    d["path"] = page.name
    return d


def page(name: str) -> Path:
    return PAGES / name


# --- golden outputs ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", PAGE_FILES, ids=lambda p: p.name)
def test_golden_output(path):
    assert cleaned(path) == json.loads(golden_path(path).read_text(encoding="utf-8"))


def test_every_page_has_a_golden_output():
    assert PAGE_FILES, "no fixture pages found"
    assert all(golden_path(p).exists() for p in PAGE_FILES)


# --- what each page must give --------------------------------------------------------------------------

COUNCIL_PARAGRAPH_STARTS = ("The town council approved", "The plan passed by 31 votes", "The leader of the council",
                            "Opposition members argued", "Residents will see the new rates")


def test_council_page_body_is_the_five_paragraphs():
    article = clean(page("en_council_budget.html").read_bytes())
    paragraphs = article.text.split("\n\n")
    assert [p[:len(s)] for p, s in zip(paragraphs, COUNCIL_PARAGRAPH_STARTS)] == list(COUNCIL_PARAGRAPH_STARTS)
    assert len(paragraphs) == 5


@pytest.mark.parametrize("rule, first_words", [
    ("html.cookie", "We use cookies"),
    ("html.nav", "Home News Sport Weather"),
    ("html.breadcrumbs", "Home News Council"),
    ("html.ads", "Advertisement"),
    ("html.share", "Share on Facebook"),
    ("html.related", "Related stories"),
    ("html.newsletter", "Get the morning briefing"),
    ("html.comments", "Comments About time"),
    ("html.aside", "Most read"),
    ("html.footer", "© 2022 Riverside Gazette"),
])
def test_council_page_preclean_reports_each_block(rule, first_words):
    removed = clean(page("en_council_budget.html").read_bytes()).removed
    hits = [r for r in removed if r.rule == rule]
    assert len(hits) == 1
    assert hits[0].line == 0 and hits[0].text.startswith(first_words)


def test_council_page_read_more_line_goes_with_a_text_rule_and_becomes_a_teaser():
    article = clean(page("en_council_budget.html").read_bytes())
    assert "Read more" not in article.text
    assert [r.rule for r in article.removed if r.line > 0] == ["related.inline"]
    assert article.related == [{"title": "Library opening hours to be extended in spring",
                                "summary": None, "section": None}]


def test_council_page_metadata():
    article = clean(page("en_council_budget.html").read_bytes())
    assert article.title == "Council approves budget after long debate"
    assert article.authors == ["Jane Smith"]
    assert article.date_published == "2022-12-19T15:44:00+00:00"
    assert article.date_modified == "2022-12-20T09:05:00+00:00"
    assert article.url == "https://gazette.example/news/council-approves-budget"
    assert article.hostname == "gazette.example"
    assert article.sitename == "Riverside Gazette"
    assert article.description == "Councillors backed next year's spending plan by 31 votes to 24."
    assert article.language == "en-GB"
    assert article.tags == ["council", "budget"]
    assert article.image == "https://gazette.example/img/council-chamber.jpg"
    assert article.input_format == "html"


def test_windows_1252_page_decodes_without_mojibake():
    data = page("fr_festival_windows1252.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the fixture really is windows-1252
    article = clean(data)
    assert article.encoding == "cp1252 (declared)"
    assert "Lorient, où les organisateurs attendent près de 800 000 visiteurs" in article.text
    assert "reste fixé à 12 €" in article.text
    assert "« Nous voulons que la fête reste accessible à tous »" in article.text
    assert not any(bad in article.text for bad in ("Ã", "â€", "\ufffd"))
    assert article.sitename == "L’Écho de la Côte"


def test_windows_1252_page_french_teaser_and_byline_metadata():
    article = clean(page("fr_festival_windows1252.html").read_bytes())
    assert "Lire aussi" not in article.text
    assert article.related[0]["title"] == "Les bagadoù se préparent pour le championnat national"
    assert article.authors == ["Marie Dupont"]
    assert article.date_published == "2023-07-03T10:15:00+02:00"
    assert article.language == "fr"


def test_gzip_page_is_read_transparently():
    data = page("en_harbour_storm.html.gz").read_bytes()
    assert data[:2] == b"\x1f\x8b"
    article = clean(data)
    assert article.input_format == "html"
    assert article.text.startswith("The harbour stayed closed to all shipping on Saturday")


def test_wrapper_named_related_around_the_story_is_kept():
    # The whole story sits in <div class="header-with-related-tags"> (names tags: never furniture),
    # <div class="main-with-related-rail"> (names "related" but holds all the text) and
    # <div class="shared-content"> (does not name "share"); only the link list inside goes.
    article = clean(page("en_harbour_storm.html.gz").read_bytes())
    assert len(article.text.split("\n\n")) == 4
    assert article.text.endswith("extra crossings will run on Monday for passengers left waiting.")
    assert [(r.rule, r.text) for r in article.removed if r.rule == "html.related"] == [
        ("html.related", "Spring tides due next week Lifeboat crew called out twice")]


def test_story_in_chunks_is_extracted_whole_with_its_embedded_post():
    article = clean(page("en_bridge_chunks.html").read_bytes())
    text = article.text
    assert text.startswith("For the first time in eleven years")
    assert "My grandfather kept this bridge in the 1950s" in text  # the quoted tweet
    assert "opened twice a day during the boating season" in text  # second chunk
    assert text.endswith("open it as a small museum of the canal.")  # third chunk
    assert "Advertisement" not in text and "More stories" not in text


def test_json_ld_person_wins_over_a_publisher_in_the_author_meta_tag():
    article = clean(page("en_bridge_chunks.html").read_bytes())
    assert article.authors == ["Ana Lopez"]
    assert article.date_published == "2023-05-02T08:30:00-04:00"
    assert article.date_modified == "2023-05-02T11:00:00-04:00"


def test_headline_kept_by_the_extractor_goes_as_html_title():
    article = clean(page("pt_feira_livro.html").read_bytes())
    headline = "Feira do livro bate recorde de público em Porto Alegre"
    assert [r.text for r in article.removed if r.rule == "html.title"] == [headline]
    assert headline not in article.text
    assert article.title == headline


def test_portuguese_reading_time_and_teaser_lines_go():
    article = clean(page("pt_feira_livro.html").read_bytes())
    assert not article.text.startswith("Tempo de leitura")
    assert article.text.startswith("A feira do livro de Porto Alegre terminou no domingo")
    rules = {r.text: r.rule for r in article.removed}
    assert rules["Tempo de leitura: 2 minutos"] == "date.reading_time"
    assert rules["Leia também: Bibliotecas da cidade ampliam horário de funcionamento"] == "related.inline"
    assert article.categories == ["Cultura"]


# --- smaller units -------------------------------------------------------------------------------------


@pytest.mark.parametrize("line", ["3 min read", "Reading time: 4 minutes", "Tempo de leitura: 2 minutos",
                                  "Lesezeit: 3 Minuten", "Temps de lecture : 2 min"])
def test_reading_time_lines(line):
    assert is_reading_time(line)


@pytest.mark.parametrize("line", ["The reading time was two minutes longer than planned.", "Lecture 2019",
                                  "12 min", "Reading time"])
def test_not_reading_time_lines(line):
    assert not is_reading_time(line)


@pytest.mark.parametrize("value, expected", [
    ("2019-11-18T14:05:00Z", "2019-11-18T14:05:00+00:00"),
    ("2019-11-18T14:05:00.123+0530", "2019-11-18T14:05:00+05:30"),
    ("2019-11-18 14:05", "2019-11-18T14:05:00"),
    ("2019-11-18", "2019-11-18"),
    ("2019-02-30", None),
    ("Monday", None),
])
def test_iso_timestamps(value, expected):
    assert iso_timestamp(value) == expected


def test_authors_without_a_matching_person_stay():
    assert match_persons(["Jane Smith", "John Doe"], ["Newsroom"]) == ["Jane Smith", "John Doe"]
    assert match_persons(["Jane Smith"], []) == ["Jane Smith"]


def test_bare_fragment_is_cleaned_as_html():
    article = clean_html("<p>The council approved the budget on Monday after a long debate about schools.</p>")
    assert article.text == "The council approved the budget on Monday after a long debate about schools."


def test_page_without_text_gives_an_empty_body():
    article = clean(b"<html><head><title>Nothing</title></head><body></body></html>")
    assert article.text == "" and article.input_format == "html"


# --- trafilatura's default extraction is the floor; a page with an article never comes out empty ------

LIFEBOAT = ("The lifeboat crew were called out twice on Saturday night, first to a yacht with a broken mast.",
            "Both sailors were brought ashore at the harbour steps shortly after midnight and were unhurt.",
            "The second call came an hour later, when a fishing boat lost power east of the lighthouse.",
            "Volunteers towed it into the outer harbour, where the tide left it resting on the sand.",
            "The station has now answered more calls this year than in any year since it opened in 1911.")


def paragraphs(texts) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def lifeboat_page(middle: str) -> str:
    """The lifeboat story as an article page with `middle` between its third and fourth paragraphs."""
    return ("<html><body><article><h1>Lifeboat</h1>" + paragraphs(LIFEBOAT[:3])
            + middle + paragraphs(LIFEBOAT[3:]) + "</article></body></html>")


def test_page_trafilatura_cannot_read_is_cleaned_as_text_with_a_warning():
    # trafilatura reads nothing inside <aside>: a template that puts the story there would come out empty
    page_html = ("<html><head><title>Busy night</title></head><body><nav><a href='/'>Home</a> <a href='/n'>News</a>"
                 "</nav><aside class='story'><h1>Two rescues in one night for lifeboat crew</h1>"
                 + paragraphs(LIFEBOAT) + "</aside><footer>Copyright 2026 The Harbour Gazette</footer></body></html>")
    article = clean(page_html.encode(), input_format="html")
    assert [w for w in article.warnings if w.startswith("fallback: ")] == [
        "fallback: trafilatura found no article; the page's text was cleaned as text"]
    assert body_lines(article.text) == list(LIFEBOAT)
    assert {r.rule for r in article.removed if r.line} >= {"html.nav", "html.footer"}


def test_page_whose_extraction_is_only_a_sidebar_is_cleaned_as_text():
    # trafilatura reads the sidebar (the story sits in <aside>, which it skips); the pre-clean names the
    # sidebar, so nothing would be left: the page's text is cleaned instead, without the sidebar's lines
    sidebar = ("<div class='sidebar'><p>Archive of older posts from the whole of the last winter season here.</p>"
               "<p>Links to other blogs that we like to read in the evenings after work.</p></div>")
    page_html = ("<html><head><title>Busy night</title></head><body><aside class='story'>"
                 "<h1>Two rescues in one night for lifeboat crew</h1>" + paragraphs(LIFEBOAT) + "</aside>"
                 + sidebar + "</body></html>")
    article = clean(page_html.encode(), input_format="html")
    assert [w for w in article.warnings if w.startswith("fallback: ")] == [
        "fallback: trafilatura's extraction held only page furniture; the page's text was cleaned as text"]
    assert body_lines(article.text) == list(LIFEBOAT)


def test_page_with_an_extracted_article_does_not_fall_back():
    article = clean(("<html><body><article><h1>Lifeboat</h1>" + paragraphs(LIFEBOAT) + "</article></body></html>").encode(),
                    input_format="html")
    assert not [w for w in article.warnings if w.startswith(("fallback", "kept"))]
    assert body_lines(article.text) == list(LIFEBOAT)


def test_page_with_little_text_does_not_fall_back():
    article = clean(b"<html><body><aside><p>Closed for the holidays.</p></aside></body></html>", input_format="html")
    assert not [w for w in article.warnings if w.startswith("fallback")]


def test_page_text_renders_one_line_per_block_without_scripts():
    from cleaner.html import page_text

    assert page_text("<body><div>Storm <b>warning</b><script>var x;</script></div><ul><li>One</li><li>Two</li></ul>"
                     "Tail<br>end</body>").split("\n") == ["Storm warning", "One", "Two", "Tail", "end"]
    # no space is added between inline pieces: the output holds only text that is in the page
    assert page_text("<body><p><b>Sto</b>rm<i>y</i> night</p></body>") == "Stormy night"


def test_cut_of_most_of_the_extraction_is_undone_with_a_warning():
    # each text of a gallery sits in an element named "comment": the pre-clean drops them all,
    # trafilatura's default extraction keeps them: the cleaner keeps the extraction and says so
    page_html = ("<html><head><title>Ten gardens</title></head><body><h1>Ten gardens to visit</h1><div class='gallery'>"
                 + "".join(f"<div class='gallery-item'><h2>Garden {i}</h2><div class='gallery-item__comment'>"
                           f"<p>{t} {t}</p></div></div>" for i, t in enumerate(LIFEBOAT)) + "</div></body></html>")
    article = clean(page_html.encode(), input_format="html")
    kept = [w for w in article.warnings if w.startswith("kept: ")]
    assert kept and "trafilatura's default extraction" in kept[0]
    assert all(t in article.text for t in LIFEBOAT)


def test_extracted_lines_of_a_dropped_element_go_with_its_rule_and_line():
    page_html = lifeboat_page("<div class='recirc-box'><p><a href='/a'>Harbour wall repairs start in June after the storms"
                              "</a> and the council has set aside money for the work.</p></div>")
    article = clean(page_html.encode(), input_format="html")
    assert body_lines(article.text) == list(LIFEBOAT)
    # reported twice: the element the pre-clean dropped (line 0), and the extracted line it removed (line 5)
    assert [(r.line, r.rule) for r in article.removed if "Harbour wall" in r.text] == [
        (0, "html.related"), (5, "html.related")]


def test_story_line_repeated_by_a_dropped_teaser_stays():
    # a "related" box quoting the story's lead: the lead stays, since the page still holds it outside the box
    from lxml import html as lxml_html

    from cleaner.html import furniture
    from cleaner.model import Document
    from cleaner.preclean import Dropped, block_lines

    tree = lxml_html.fromstring("<html><body><article><p>The crew were called out twice.</p></article></body></html>")
    box = Dropped("html.related", "div.related", "…", ("the crew were called out twice.", "harbour wall repairs"))
    doc = Document("The crew were called out twice.\nHarbour wall repairs\nThe station is busy.")
    left = set(block_lines(tree.find("body")))
    assert [(f.line, f.rule) for f in furniture(doc, [box], left)] == [(1, "html.related")]


def test_run_of_linked_lines_goes_as_a_teaser_list():
    page_html = lifeboat_page("<h3><a href='/a'>Harbour wall repairs to start in June after winter storms</a></h3>"
                              "<h3><a href='/b'>New ferry timetable from Monday brings an extra sailing</a></h3>")
    article = clean(page_html.encode(), input_format="html")
    assert body_lines(article.text) == list(LIFEBOAT)
    assert [r.text for r in article.removed if r.rule == "html.link_run"] == [
        "Harbour wall repairs to start in June after winter storms",
        "New ferry timetable from Monday brings an extra sailing"]


def test_one_linked_line_and_a_link_inside_prose_stay():
    page_html = lifeboat_page("<p><a href='/report'>Read the full station report for 2025</a></p>"
                              "<p>The crew thanked the <a href='/shop'>harbour shop</a> for hot drinks after the second call.</p>")
    article = clean(page_html.encode(), input_format="html")
    assert "The crew thanked the harbour shop for hot drinks after the second call." in body_lines(article.text)
    assert not [r for r in article.removed if r.rule == "html.link_run"]


# --- the command -------------------------------------------------------------------------------------


def test_command_reads_html_on_stdin():
    result = invoke("--format", "json", "-", input=page("en_council_budget.html").read_bytes())
    d = json.loads(result.stdout)
    assert d["path"] is None and d["input_format"] == "html"
    assert d["text"].startswith("The town council approved next year's budget")


def test_command_reads_gzip_on_stdin():
    result = invoke("--format", "json", "-", input=gzip.compress(page("en_council_budget.html").read_bytes()))
    assert json.loads(result.stdout)["title"] == "Council approves budget after long debate"


def test_url_option_wins_over_the_canonical_link():
    result = invoke("--format", "json", "--url", "https://mirror.example/a/b", page("en_council_budget.html"))
    d = json.loads(result.stdout)
    assert d["url"] == "https://mirror.example/a/b"
    assert d["hostname"] == "mirror.example"


def test_explain_reports_preclean_removals_on_stderr():
    result = invoke("--explain", page("en_council_budget.html"))
    lines = result.stderr.splitlines()
    name = str(page("en_council_budget.html"))
    assert f"clean-article: {name}:0: html.share: share or social-media bar: <div.share-tools> " \
           "'Share on Facebook Share on Twitter Email this article'" in lines
    assert any(ln.startswith(f"clean-article: {name}:5: related.inline: ") for ln in lines)
    assert "Share on Facebook" not in result.stdout


def test_html_recognised_by_content_not_name(tmp_path):
    copy = tmp_path / "page.txt"
    copy.write_bytes(page("en_council_budget.html").read_bytes())
    assert json.loads(invoke("--format", "json", copy).stdout)["input_format"] == "html"


def regenerate() -> None:
    for path in PAGE_FILES:
        golden_path(path).write_text(json.dumps(cleaned(path), ensure_ascii=False, indent=2) + "\n",
                                     encoding="utf-8")
        print(f"wrote {golden_path(path)}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--regenerate"]:
        regenerate()
    else:
        sys.exit("usage: python tests/test_html.py --regenerate")


# -- html.head_line: a headline-shaped line left on top of the body ---------------------------

_STORY = ("<p>The city council approved the budget on Monday after a long debate about roads, "
          "schools and the new library, which will open next spring.</p>"
          "<p>Spending on schools rises by a tenth, and the parks budget stays as it was for "
          "another year, the mayor said after the vote.</p>")


def _page(head: str) -> str:
    # The <title> names the story, and the story does not print its headline again.
    return ("<html lang='en'><head><title>Council approves budget - City News</title></head><body>"
            "<header><a href='/'>City News</a></header><article>" + head + _STORY + "</article></body></html>")


def test_a_kicker_left_on_top_of_the_body_goes_and_a_second_cleaning_changes_nothing():
    article = clean(_page("<p>Late night at the town hall</p>"), input_format="html")
    assert [r.text for r in article.removed if r.rule == "html.head_line"] == ["Late night at the town hall"]
    assert article.text.startswith("The city council approved the budget on Monday")
    assert article.title.startswith("Council approves budget")  # the page's, not the kicker
    assert clean(article.text).text == article.text


def test_a_sentence_on_top_of_the_body_stays():
    # Keep-case: a first line ending in a full stop is the story's first sentence, not a headline.
    article = clean(_page("<p>The mayor spoke first.</p>"), input_format="html")
    assert article.text.startswith("The mayor spoke first.\n\nThe city council approved")
    assert not [r for r in article.removed if r.rule == "html.head_line"]
    assert clean(article.text).text == article.text


def test_two_headline_shaped_lines_on_top_of_the_body_both_stay():
    # Keep-case: which of two headline-shaped lines is the headline the text does not tell,
    # so a second cleaning takes neither, and neither goes now.
    article = clean(_page("<p>Late night at the town hall</p><h2>What the vote means for schools</h2>"),
                    input_format="html")
    assert article.text.startswith("Late night at the town hall\n\nWhat the vote means for schools\n\n")
    assert clean(article.text).text == article.text


def test_a_date_and_section_row_over_the_page_headline_goes_with_the_headline():
    article = clean(_page("<p>26 | 01 | 2022 | Politics | Video</p><p>Council approves budget</p>"),
                    input_format="html")
    gone = {r.text: r.rule for r in article.removed}
    assert gone["26 | 01 | 2022 | Politics | Video"] == "html.head_line"
    assert gone["Council approves budget"] == "html.title"
    assert article.text.startswith("The city council approved the budget on Monday")
    assert clean(article.text).text == article.text


def test_a_sentence_over_a_line_repeating_the_headline_stays():
    # Keep-case: the story has begun above; the line naming the headline is a heading inside it.
    article = clean(_page("<p>The mayor spoke first.</p><p>Council approves budget</p>"), input_format="html")
    assert article.text.startswith("The mayor spoke first.\n\n")
    assert not [r for r in article.removed if r.rule == "html.head_line"]


def test_a_line_of_the_page_s_own_tags_goes():
    from cleaner.html import tag_lines
    from cleaner.metadata import PageMeta
    from cleaner.model import Document

    doc = Document("Die Wissenschaft der Angst verstehen\nGesundheit Angst\nDie Angst ist alt.\n"
                   "Angst und Gesundheit\nWie entsteht Angst?\nAngst")
    page = PageMeta(tags=["Gesundheit", "Angst", "Wie", "entsteht"], categories=["Wissen"])
    # Keep-cases: a word that is no tag ("und"), a question, a single tag (a subheading's one word).
    assert [f.line for f in tag_lines(doc, page)] == [1]
    assert list(tag_lines(doc, PageMeta(tags=["Angst"]))) == []  # one tag is no list of them


def test_lines_a_teaser_run_stood_between_are_one_repeated_line():
    # "Follow this author", two linked teaser lines, "Follow this author": once html.link_run
    # takes the teasers, the second copy repeats the line before it, as a second cleaning sees it.
    from lxml import html as lxml_html

    from cleaner.html import clean_lines, html_passes
    from cleaner.metadata import PageMeta

    story = "The city council approved the budget on Monday after a long debate about roads and schools."
    lines = [story, "Follow this author", "Budget talks stall", "Mayor quits after the vote", "Follow this author",
             story.replace("Monday", "Tuesday")]
    tree = lxml_html.fromstring("<html><body>" + "".join(
        f"<p><a href='/x'>{t}</a></p>" if t[0] in "BM" else f"<p>{t}</p>" for t in lines) + "</body></html>")
    doc, _ = clean_lines("\n".join(lines), html_passes(), [], tree, PageMeta())
    assert {doc.findings[i].rule for i in (2, 3)} == {"html.link_run"}
    assert doc.findings[4].rule == "dup.consecutive" and 1 not in doc.findings


# -- the article's lead, put back when the extractor left it out --------------------------------------

_LEAD = "After three evenings of debate the council has agreed how the town spends its money next year."


def _lead_page(before: str, after: str = "") -> str:
    # The lead sits in the story's <header>, outside the body's container, where extractors leave it.
    return ("<html lang='en'><head><title>Council approves budget - City News</title></head><body>"
            "<article><header><h1>Council approves budget</h1>" + before + "</header>"
            "<div class='article-body'>" + _STORY + "</div>" + after + "</article></body></html>")


def test_a_lead_the_extractor_left_out_comes_back_above_the_body():
    article = clean(_lead_page(f"<div class='article-intro'><p>{_LEAD}</p></div>"), input_format="html")
    assert article.text.startswith(_LEAD + "\n\nThe city council approved the budget on Monday")
    assert clean(article.text).text == article.text


def test_a_lead_named_teaser_text_comes_back():
    article = clean(_lead_page(f"<div class='news-teaser-text'><p>{_LEAD}</p></div>"), input_format="html")
    assert article.text.startswith(_LEAD)


def test_a_teaser_after_the_body_is_another_story_s_and_stays_out():
    # Keep-case: the body has begun before it.
    other = "<div class='teaser-text'><p>The new bridge over the river opens in May after two years of building work.</p></div>"
    article = clean(_lead_page("", after=other), input_format="html")
    assert "new bridge" not in article.text


def test_a_linked_teaser_or_a_short_intro_label_is_no_lead():
    # Keep-cases: a teaser that links to another story; a label named "intro" with a few words.
    linked = ("<div class='teaser'><p><a href='/bridge'>The new bridge over the river opens in May after two years "
              "of building work.</a></p></div>")
    article = clean(_lead_page(linked), input_format="html")
    assert "new bridge" not in article.text
    article = clean(_lead_page("<div class='intro'>Politics, updated today</div>"), input_format="html")
    assert article.text.startswith("The city council approved the budget on Monday")


def test_a_preview_cut_off_with_an_ellipsis_is_no_lead():
    cut = "<p class='teaser'>After three evenings of debate the council has agreed how the town spends its money …</p>"
    article = clean(_lead_page(cut), input_format="html")
    assert "three evenings" not in article.text


def test_a_standfirst_set_with_the_headline_is_not_brought_back():
    # The display line under the headline (dek, standfirst, subtitle) stays out, as news gold bodies leave it.
    article = clean(_lead_page(f"<p class='standfirst'>{_LEAD}</p>"), input_format="html")
    assert _LEAD not in article.text


def _lead_of(head: str, extracted: str):
    from lxml import html as lxml_html

    from cleaner.html import lead_lines
    from cleaner.metadata import PageMeta

    return lead_lines(extracted, lxml_html.fromstring(_lead_page(head)), PageMeta(title="Council approves budget"))


_FIRST = "The city council approved the budget on Monday after a long debate about roads, schools and the new library."


def test_the_innermost_element_named_a_lead_is_the_lead():
    # "article-intro" around a date row and the lead itself ("text-intro"): the date row is no lead.
    wrapped = ("<div class='article-intro'><ul><li>Updated: 26.10.2025</li><li>Share:</li></ul>"
               f"<div class='text-intro'>{_LEAD}</div></div>")
    assert _lead_of(wrapped, _FIRST) == [_LEAD]
    article = clean(_lead_page(wrapped), input_format="html")
    assert article.text.startswith(_LEAD + "\n\n")


def test_a_photo_credit_or_caption_above_the_lead_does_not_start_the_body():
    # The extractor kept a credit line or a caption above the body: short, or in a figure, it is no paragraph.
    credit_line = "Photo: Town hall press office"
    caption_line = "The town hall on the evening of the vote, seen from the market square at dusk"
    credit = f"<p class='credit'>{credit_line}</p>"
    caption = f"<figure><img src='/hall.jpg'><figcaption><p>{caption_line}</p></figcaption></figure>"
    intro = f"<p class='intro'>{_LEAD}</p>"
    assert _lead_of(credit + intro, credit_line + "\n" + _FIRST) == [_LEAD]
    assert _lead_of(caption + intro, caption_line + "\n" + _FIRST) == [_LEAD]
    # Keep-case: a paragraph of the extraction above it is the body's start; the extraction has no lead to add.
    assert _lead_of(f"<p>{caption_line}</p>" + intro, caption_line + "\n" + _FIRST) == []


def test_a_lead_the_extraction_holds_inside_a_longer_line_is_not_added_again():
    # The extractor wrote the lead joined with the dateline: adding it would print it twice.
    joined = "Oldtown (12.02.2025) " + _LEAD + "\n" + _FIRST
    assert _lead_of(f"<p class='intro'>{_LEAD}</p>", joined) == []
    # Keep-case: a short piece of the lead found in the body ("Oldtown") does not count as the lead.
    two = f"<div class='intro'><p>Oldtown</p><p>{_LEAD}</p></div>"
    assert _lead_of(two, "Oldtown is quiet today.\n" + _FIRST) == ["Oldtown", _LEAD]


def test_an_element_named_a_teaser_far_below_the_headline_is_no_lead():
    # The extraction's lines match no element here, so the body's start is not seen; the
    # text between the headline and the teaser is too long for a byline or a caption.
    long_text = "".join(f"<div>{_FIRST} Part {i}.</div>" for i in range(12))
    teaser = "<div class='teaser'>The new bridge over the river opens in May after two years of building work.</div>"
    assert _lead_of(long_text + teaser, "Nothing of the page matches this line.") == []
    assert _lead_of(teaser, "Nothing of the page matches this line.") != []


def test_a_long_lead_is_not_counted_as_text_between_the_headline_and_itself():
    long_lead = " ".join([_LEAD] * 12)  # about 1,100 letters: within LEAD_MAX_LETTERS
    assert _lead_of(f"<div class='intro'>{long_lead}</div>", "Nothing of the page matches this line.") == [long_lead]


def test_a_card_with_another_story_s_linked_title_is_no_lead():
    # Keep-case: the summary is not linked, but the title over it is: a teaser card, not the lead.
    card = ("<div class='teaser'><h3><a href='/bridge'>Bridge opens</a></h3>"
            "<p>The new bridge over the river opens in May after two years of building work.</p></div>")
    assert _lead_of(card, "Nothing of the page matches this line.") == []
    # The lead itself may hold a link inside its text.
    linked = "<p class='intro'>After three evenings of <a href='/debate'>debate</a> the council has agreed how the town spends its money.</p>"
    assert _lead_of(linked, "Nothing of the page matches this line.") != []


def test_a_lead_alone_is_no_article_and_the_page_s_text_is_cleaned_instead(monkeypatch):
    # The extractor read only the sidebar (as it does when it misreads a page's template); the lead
    # put back is long, but it is no article: the page's text is cleaned as text, and holds the story.
    import cleaner.html as html_mod

    long_lead = " ".join([_LEAD] * 4)
    sidebar = ("<div class='sidebar'><p>Archive of older posts from the whole of the last winter season here.</p>"
               "<p>Links to other blogs that we like to read in the evenings after work.</p></div>")
    page_html = ("<html><head><title>Two rescues in one night for lifeboat crew</title></head><body>"
                 f"<h1>Two rescues in one night for lifeboat crew</h1><p class='intro'>{long_lead}</p>"
                 "<div class='story'>" + paragraphs(LIFEBOAT) + "</div>" + sidebar + "</body></html>")
    monkeypatch.setattr(html_mod, "extract_text", lambda tree, url=None: (
        "Archive of older posts from the whole of the last winter season here.\n"
        "Links to other blogs that we like to read in the evenings after work."))
    article = clean(page_html.encode(), input_format="html")
    assert [w for w in article.warnings if w.startswith("fallback: ")] == [
        "fallback: trafilatura's extraction held only page furniture; the page's text was cleaned as text"]
    assert all(t in article.text for t in LIFEBOAT)


def test_a_site_logo_in_an_h1_is_not_taken_for_the_headline():
    # The page's title names no heading; the first <h1> is the site's logo (a link home), and a
    # tagline named "intro" under it is the site's, not a story's lead.
    from lxml import html as lxml_html

    from cleaner.html import headline_element, lead_lines
    from cleaner.metadata import PageMeta

    page_html = ("<html><body><h1><a href='/'>City News</a></h1><div class='site-intro'>News from the town hall, "
                 "the harbour and the schools, every day since the paper was founded.</div>"
                 "<h2>Budget</h2><p>" + _FIRST + "</p></body></html>")
    tree = lxml_html.fromstring(page_html)
    assert headline_element(tree.find("body"), PageMeta(title="Something else")) is None
    assert lead_lines(_FIRST, tree, PageMeta(title="Something else")) == []
    # Keep-case: an <h1> without a link is the headline.
    plain = lxml_html.fromstring(page_html.replace("<h1><a href='/'>City News</a></h1>", "<h1>Budget day</h1>"))
    assert headline_element(plain.find("body"), PageMeta()).text == "Budget day"

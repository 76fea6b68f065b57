"""The boundary pass on page shapes that the whole-page fixtures do not isolate."""
from __future__ import annotations

from conftest import body_lines

from cleaner import clean_text
from cleaner.layout import wrap_width
from cleaner.model import Document

PARAGRAPHS = [
    "The council approved the budget on Monday after a long debate that ran late into the evening.",
    "Councillors from the opposition said the plan would cut money for libraries and parks next year.",
    "The mayor said the cuts were small and that every library would stay open on Saturdays.",
    "A final vote on the road repairs is expected in December, once the engineers report back.",
]


MORE = [
    "Residents who spoke at the meeting asked for the bus routes to the hospital to be kept as they are.",
    "The budget also sets aside money for new street lights in the old town, where several people have fallen.",
    "Officials said the council tax would rise by less than inflation for the third year in a row.",
    "The opposition leader said she would keep pressing for a review of the parking charges in the spring.",
]


def test_a_comments_button_in_a_share_bar_does_not_end_the_article():
    page = "\n".join([PARAGRAPHS[0], PARAGRAPHS[1], MORE[0], "", "Facebook", "Twitter", "Comments", "Print", "Email",
                      "", PARAGRAPHS[2], "", PARAGRAPHS[3]])
    lines = body_lines(clean_text(page).text)
    assert PARAGRAPHS[2] in lines and PARAGRAPHS[3] in lines
    assert "Comments" not in lines


def test_a_comments_heading_still_ends_the_article():
    page = "\n".join([PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2], "", "Comments", "",
                      "Great article, thanks for writing it. I agree with the mayor on this one."])
    lines = body_lines(clean_text(page).text)
    assert PARAGRAPHS[2] in lines
    assert not any(line.startswith("Great article") for line in lines)


def _wrapped(width: int) -> str:
    import textwrap

    paragraphs = [" ".join(PARAGRAPHS[:2]), " ".join(MORE[:2]), " ".join(PARAGRAPHS[2:]), " ".join(MORE[2:])]
    return "\n\n".join(textwrap.fill(p, width) for p in paragraphs)


def test_wrap_width_finds_the_width_of_wrapped_text():
    assert wrap_width(Document(_wrapped(72))) in range(60, 73)


def test_unwrapped_text_has_no_wrap_width():
    assert wrap_width(Document("\n\n".join(PARAGRAPHS * 4))) is None
    menu = "\n".join(f"Section number {n} of the site menu" for n in range(40))
    assert wrap_width(Document(menu)) is None


def test_a_wrapped_article_keeps_every_line_among_page_furniture():
    article = _wrapped(72)
    menu = ["Skip to content", "Home", "News", "Sport", "Weather", "Contact"]
    footer = ["Sign up for our newsletter", "© 2024 The Example Gazette. All rights reserved."]
    lines = body_lines(clean_text("\n".join(menu) + "\n\n" + article + "\n\n" + "\n".join(footer)).text)
    assert lines == [ln for ln in article.split("\n") if ln]


MENU = ["Home", "World", "Politics", "Business", "Sport", "Culture", "Share", "Contact us"]
TABLE = ["Team", "Points", "Games", "Rovers", "12", "Rangers", "9", "Town", "7", "City", "3", "Athletic", "1"]


def test_prose_above_a_table_is_kept_with_the_article():
    # The densest stretch of prose starts below the table; the paragraph above it
    # has no recognised furniture between it and the article, so it stays.
    page = "\n".join(MENU + ["", PARAGRAPHS[0], ""] + TABLE + ["", PARAGRAPHS[1], PARAGRAPHS[2], MORE[0], MORE[1]])
    lines = body_lines(clean_text(page).text)
    assert PARAGRAPHS[0] in lines and PARAGRAPHS[1] in lines
    assert "Politics" not in lines


def test_prose_above_recognised_furniture_still_goes():
    # A share bar (recognised by the cta pass) between a paragraph and the article
    # is evidence that the paragraph belongs to the page around it (a teaser, a blurb).
    blurb = "Our newsroom covers the city and the county every day of the week, all year round."
    page = "\n".join(MENU + MENU + ["", blurb, "", "Facebook Twitter WhatsApp Email", "Newsletter", "Subscribe", "Login",
                             "Search", "Menu", "Print", "Comments", "Share", "", PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2], MORE[0]])
    lines = body_lines(clean_text(page).text)
    assert PARAGRAPHS[0] in lines
    assert blurb not in lines


def test_a_teaser_block_of_title_author_date_lines_mid_article_is_not_a_comment_thread():
    block = ["Recommended", "", "Harbour bridge to close for repairs", "Anna Berg", "12 March 2023", "",
             "New tram line opens in the east", "Tom Reed", "2 days ago", "",
             "Schools prepare for exam season", "Lisa Marsh", "10 March 2023", ""]
    page = "\n".join([PARAGRAPHS[0], "", PARAGRAPHS[1], "", MORE[0], ""] + block
                     + [PARAGRAPHS[2], "", PARAGRAPHS[3], "", MORE[1], "", MORE[2]])
    article = clean_text(page)
    lines = body_lines(article.text)
    assert PARAGRAPHS[2] in lines and MORE[2] in lines  # the article goes on below the block
    assert not any(line in lines for line in block if line)
    assert "Harbour bridge to close for repairs" in [t["title"] for t in article.related]


def test_a_comment_thread_with_relative_times_in_german_ends_the_article():
    thread = ["Klaus M.", "vor 2 Tagen", "Das sehe ich genauso, danke für den Bericht.", "",
              "Petra", "vor 3 Stunden", "Die Bibliotheken sollten am Sonntag auch öffnen, finde ich."]
    page = "\n".join([PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2], ""] + thread)
    lines = body_lines(clean_text(page).text)
    assert PARAGRAPHS[2] in lines
    assert not any(line in lines for line in thread if line)


def test_a_forum_thread_whose_first_post_has_a_header_keeps_its_replies():
    # Each post opens with its header (a handle glued to a date and clock time), the first
    # one too: a thread of posts, not an article with readers' comments under it.
    posts = ["hallo, seit dem Update auf die neue Version lädt der Store auf allen meinen Geräten über mobile "
             "Daten nicht mehr, nur noch über das WLAN, und ich weiß nicht, woran das liegen könnte.",
             "Wissentlich habe ich keine Einstellungen geändert, der Zugriff über mobile Daten auf den Store ist "
             "freigegeben, in den Einstellungen steht alles wie vorher, und neu gestartet habe ich auch schon.",
             "Vorher war auf allen Geräten eine Testversion installiert. Kann ich irgendwas anders einstellen?",
             "-3", "jan_k28.09.1913:39", "Bei mir geht es mit der neuen Version über mobile Daten ohne Probleme.",
             "+1", "maria28.09.1913:55", "Gab es so einen Fall nicht erst kürzlich hier im Forum? Lag am Netz.",
             "+2", "anna_b28.09.1914:40", "Ich habe hier im Forum nur den umgekehrten Fall gefunden, leider."]
    page = "\n\n".join(["macfan28.09.1912:44"] + posts)
    lines = body_lines(clean_text(page).text)
    assert all(post in lines for post in posts if len(post) > 20)


def test_the_same_replies_under_an_article_without_a_header_go():
    # Keep-case of the rule above: the article has no post header over it, so the
    # replies under it are readers' comments.
    replies = ["-3", "jan_k28.09.1913:39", "Bei mir geht es mit der neuen Version über mobile Daten ohne Probleme.",
               "+1", "maria28.09.1913:55", "Gab es so einen Fall nicht erst kürzlich hier im Forum? Lag am Netz.",
               "+2", "anna_b28.09.1914:40", "Ich habe hier im Forum nur den umgekehrten Fall gefunden, leider."]
    page = "\n\n".join([PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2]] + replies)
    lines = body_lines(clean_text(page).text)
    assert PARAGRAPHS[2] in lines and not any(r in lines for r in replies if len(r) > 20)


def test_a_name_over_a_relative_time_inside_the_article_is_kept():
    # One name over one relative time is not a thread: a quoted post in an article.
    page = "\n".join([PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2], "", "Klaus Meier", "vor 2 Tagen", "",
                      PARAGRAPHS[3], MORE[0]])
    lines = body_lines(clean_text(page).text)
    assert PARAGRAPHS[3] in lines and MORE[0] in lines


def test_no_cut_around_a_stretch_too_weak_to_be_the_article():
    # The only paragraph stands alone among menus (its score is discounted), and two
    # short form lines next to each other outscore it; they are not an article either,
    # so nothing is cut by position and the paragraph stays.
    paragraph = ("The society meets on the first Monday of every month in the church hall, where members "
                 "share their photographs of the night sky and plan trips to darker places outside the city.")
    page = "\n".join(MENU + ["", paragraph, ""] + MENU + ["", "Send me an e-mail when new posts appear.",
                                                        "Send me an e-mail when somebody replies."] + MENU)
    lines = body_lines(clean_text(page).text)
    assert paragraph in lines


def test_the_paragraph_under_the_byline_survives_a_heavier_stretch_further_down():
    # A one-paragraph article under its byline, then a rail and a block of form messages
    # that outweigh it: the paragraph under the byline is the article's opening.
    opening = ("The city's stadiums stand empty this spring, and the teams that play in them "
               "do not know when their seasons will start again, the league said on Friday.")
    form = ["Please enter an e-mail address that contains an @ and a domain name.",
            "The password must be at least eight characters long and contain a number.",
            "This e-mail address is already registered with us, please sign in instead.",
            "Sorry, the registration did not work this time, please check your details."]
    page = "\n".join(MENU + MENU + ["", "Empty stadiums across the city", "By Jane Smith", "", opening, ""]
                     + ["Related", "Home", "Sport", "Search", "Menu", "Share", "Print", ""] + form)
    lines = body_lines(clean_text(page).text)
    assert opening in lines
    assert "Politics" not in lines


def test_lines_under_a_byline_above_recognised_furniture_do_not_reach_past_it():
    # Only the lines before the next recognised furniture are protected.
    opening = ("The city's stadiums stand empty this spring, and the teams that play in them "
               "do not know when their seasons will start again, the league said on Friday.")
    blurb = "Our newsroom covers the city and the county every day of the week, all year round."
    page = "\n".join(MENU + MENU + ["", "By Jane Smith", "", opening, "", "Share", "Print", "Menu", "", blurb, ""]
                     + MENU * 3 + ["", PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2], MORE[0], MORE[1]])
    lines = body_lines(clean_text(page).text)
    assert opening in lines and PARAGRAPHS[0] in lines
    assert blurb not in lines


def test_a_long_paragraph_alone_among_furniture_is_not_discounted_as_a_blurb():
    long_paragraph = " ".join(PARAGRAPHS + MORE + PARAGRAPHS[:2])  # one paragraph of some 170 words
    form = ["Please enter an e-mail address that contains an @ and a domain name.",
            "The password must be at least eight characters long and contain a number.",
            "This e-mail address is already registered with us, please sign in instead.",
            "Sorry, the registration did not work this time, please check your details.",
            "Please accept the terms of use and the privacy policy before you go on."]
    page = "\n".join(MENU * 2 + ["", long_paragraph, ""] + MENU * 2 + [""] + form)
    lines = body_lines(clean_text(page).text)
    assert long_paragraph in lines


def test_a_list_item_opening_with_a_quantity_scores_as_a_list_line_not_as_a_menu_link():
    from cleaner.passes.boundary import LIST_LINE_SCORE, SHORT_LINE_SCORE, text_score

    assert text_score("* 200 g flour") == LIST_LINE_SCORE
    assert text_score("* 390 kcal") == LIST_LINE_SCORE
    assert text_score("* Home") == SHORT_LINE_SCORE
    assert text_score("* Contact us") == SHORT_LINE_SCORE


# --- renderings the passes were not tuned on (issue 10): made-up pages in their shapes -------------------


def test_a_markdown_scrape_reads_as_one_article_across_its_figures_and_setext_headings():
    page = "\n".join([
        "* [Home](/)", "* [World](/world)", "* [Sport](/sport)", "* [Culture](/culture)", "",
        "Council approves budget", "=======================", "",
        "![The town hall at night](https://img.example/hall.jpg)", "", PARAGRAPHS[0], "",
        "![Councillors at the meeting](https://img.example/meeting.jpg)", "", "*" + PARAGRAPHS[1] + "*", "",
        "Road repairs", "------------", "", "![A closed road](https://img.example/road.jpg)", "", PARAGRAPHS[2], "",
        "![Engineers](https://img.example/eng.jpg)", "", "**" + PARAGRAPHS[3] + "**", "",
        "More from the city", "------------------", "",
        "* [Bus routes to change in spring](/a)", "* [New street lights for the old town](/b)", "",
        "About us", "--------", "",
        "The Harbour Gazette is the independent newspaper of the town, written by a small team since 1901.",
        "* [Terms](/terms)", "* [Privacy](/privacy)"])
    lines = body_lines(clean_text(page).text)
    assert PARAGRAPHS[0] in lines and PARAGRAPHS[2] in lines  # the emphasised ones too:
    assert "*" + PARAGRAPHS[1] + "*" in lines and "**" + PARAGRAPHS[3] + "**" in lines
    # keep-case: the menus, the teaser links and the footer below the article still go
    assert not any("](/" in line for line in lines)
    assert not any(line.startswith("The Harbour Gazette") for line in lines)


def test_a_comment_thread_of_names_over_dates_still_ends_the_article():
    page = "\n".join(["Home", "News", "", PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2], "",
                      "Jane Doe", "2. Juni 2018 um 10:12", "Great article, thanks for writing it, I agree with the mayor.",
                      "", "Tom", "3. Juni 2018 um 11:40",
                      "I do not agree at all, the libraries will close anyway next year.", "", "Impressum"])
    lines = body_lines(clean_text(page).text)
    assert PARAGRAPHS[2] in lines
    assert not any(line.startswith(("Great article", "I do not agree")) for line in lines)


def test_steps_ending_in_an_invisible_separator_are_sentences():
    steps = ["Heat the oil in a wok.", "Fry the garlic until fragrant.", "Add the noodles and tofu.",
             "Pour in the sauce.", "Stir fry to mix well.", "Add the bean sprouts.", "Serve hot with chili."]
    page = "\n".join(["Home", "Recipes", "Drinks", "Contact", "",
                      "This stir fry is a quick dinner for busy evenings, ready in twenty minutes from the fridge.",
                      "Directions"] + [s + "\u2063" for s in steps] + ["", "Privacy policy", "Terms of use"])
    lines = body_lines(clean_text(page).text)
    assert all(s + "\u2063" in lines for s in steps)
    assert "Drinks" not in lines and "Contact" not in lines  # keep-case: the menu above still goes


LEAD = ("The city council has approved next year's budget after a debate of more than six hours, in which "
        "the opposition tried and failed to move money from the road repairs to the libraries, the parks "
        "and the swimming pools of the outer districts.")
LONG_COMMENT = [
    "I have lived in the old town for thirty years and I have never seen the street lights in such a bad state as now.",
    "Last winter my neighbour fell twice on the way home from the bus stop, and nobody from the council came to look.",
    "The money for the road repairs would be better spent on the lights and the pavements in the side streets, I think.",
    "When the council asked us for our views in the spring, hardly anyone came to the meeting because nobody knew of it.",
    "So before they raise the parking charges again they should at least tell us what was done with the money last year.",
]


def test_a_comments_link_under_the_lead_does_not_end_the_article():
    # "Comments" in the share bar under the lead is a link to the comments, and the
    # article's own paragraphs follow it, one after the other, with no name or date
    # between them: the article goes on.
    article = [PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2], PARAGRAPHS[3], MORE[0], MORE[1]]
    page = "\n\n".join(["Budget approved after long debate", LEAD, "Share\nFacebook\nComments"] + article)
    lines = body_lines(clean_text(page).text)
    assert LEAD in lines and all(p in lines for p in article)


def test_a_long_comment_under_a_longer_article_still_goes():
    # Keep-case of the rule above: five paragraphs in a row under the comment heading,
    # but fewer words than the article above them: one reader's long comment.
    article = PARAGRAPHS + MORE
    page = "\n\n".join(["Budget approved after long debate"] + article + ["Comments"] + LONG_COMMENT)
    lines = body_lines(clean_text(page).text)
    assert MORE[3] in lines
    assert not any(c in lines for c in LONG_COMMENT)


def test_a_long_comment_under_its_name_and_date_still_goes():
    # Keep-case: a date line between the heading and the paragraphs is a post's header.
    page = "\n\n".join(["Budget approved after long debate", LEAD, "Comments\nJane Doe\n3 March 2023"] + LONG_COMMENT)
    lines = body_lines(clean_text(page).text)
    assert LEAD in lines
    assert not any(c in lines for c in LONG_COMMENT)


def test_a_comments_link_above_paragraphs_printed_in_pieces_does_not_end_the_article():
    # The same page in a rendering that prints each link of a paragraph on a line of
    # its own: the pieces are one paragraph each, and the run of paragraphs is the same.
    pieces = [["The council approved the budget on Monday after a debate with ", "Anna Berg",
               ", the leader of the opposition on the council for the last ten years, that ran late into the evening."],
              ["Councillors from the ", "Green Party", " said the plan would cut money for libraries and parks."],
              ["The mayor said that the cuts were small and that every single library in the ", "old town",
               " would stay open on Saturdays."],
              ["A vote on the repairs is due in December, once the ", "city engineers",
               " report back to the committee on the state of the bridges and the roads along the river."],
              ["People asked for the ", "bus routes", " to the hospital to be kept as they are."]]
    page = "\n".join(["Budget approved after long debate", LEAD, "Share", "Comments"] + [ln for p in pieces for ln in p])
    lines = body_lines(clean_text(page).text)
    assert all(p[0].strip() in lines and p[2].strip() in lines for p in pieces)

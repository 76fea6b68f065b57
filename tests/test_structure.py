"""How passes depend on each other: by rule family, by an ordered table, by name."""
from __future__ import annotations

import pytest

from cleaner.model import RULE_FAMILIES, Document, Finding


def test_a_misspelt_rule_family_is_an_error_not_a_silent_miss():
    doc = Document("Photo: Jane Smith\nText.")
    doc.record(Finding(0, "credits.image", "credit"))
    assert doc.removed_by(0, "credits")
    with pytest.raises(ValueError):
        doc.removed_by(0, "credit")  # the family is "credits": a prefix of it is not a family


def test_every_rule_id_the_passes_emit_on_the_cases_has_a_declared_family():
    import json
    from pathlib import Path

    from cleaner import clean_text

    cases = Path(__file__).parent / "cases"
    families = set()
    for path in sorted(cases.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            text = case["text"] if isinstance(case["text"], str) else "\n".join(case["text"])
            families.update(r.rule.partition(".")[0] for r in clean_text(text).removed)
    assert families and families <= RULE_FAMILIES


_OPENING = ("The city council approved next year's budget on Monday after a debate that ran late into the "
            "evening, with members split over spending.")
_CLOSING = ("Residents will see the new rates in their April bills, officials said, and the council will "
            "review the plan again in the autumn.")


def test_an_ad_marker_under_a_teaser_headline_does_not_make_the_next_paragraph_its_summary():
    from cleaner import clean_text

    paragraph = ("The mayor said the plan would protect front-line services, while the opposition promised to "
                 "challenge it in court before April.")
    text = "\n".join([_OPENING, "", "Related articles", "Council names new treasurer", "Advertisement", "",
                      paragraph, "", _CLOSING])
    article = clean_text(text)  # Removed.line counts from 1
    assert [(r.line, r.rule) for r in article.removed] == [(3, "related.heading"), (4, "related.teaser"),
                                                           (5, "ads.marker")]
    assert paragraph in article.text.split("\n\n")
    assert article.related == [{"title": "Council names new treasurer", "summary": None, "section": None}]


def test_a_date_line_under_a_teaser_headline_still_makes_a_card_with_its_summary():
    from cleaner import clean_text

    summary = "The new treasurer starts in June and takes over the city's accounts from her predecessor."
    text = "\n".join([_OPENING, "", "Related articles", "Council names new treasurer", "3 May 2021", "",
                      summary, "", _CLOSING])
    article = clean_text(text)  # Removed.line counts from 1
    assert [(r.line, r.rule) for r in article.removed] == [(3, "related.heading"), (4, "related.teaser"),
                                                           (5, "date.line"), (7, "related.summary")]
    assert article.related == [{"title": "Council names new treasurer", "summary": summary, "section": None}]
    assert article.text.split("\n\n") == [_OPENING, _CLOSING]


# --- one table for the pass order ----------------------------------------------------------------


def test_the_text_passes_and_their_html_subset_come_from_the_one_table():
    from cleaner.html import html_passes
    from cleaner.passes import PIPELINE, TEXT_PASSES, step_name

    assert [step_name(p) for p in TEXT_PASSES] == [row.name for row in PIPELINE if row.step is not None]
    assert [step_name(p) for p in html_passes()] == [row.name for row in PIPELINE
                                                      if row.step is not None and row.on_html]
    assert "boundary" not in map(step_name, html_passes()) and "title" not in map(step_name, html_passes())


class _Marker:
    """A custom pass object: no module, no ``__name__``; removes lines that are exactly "XXX"."""

    def __init__(self):
        self.seen = 0

    def run(self, doc):
        from cleaner.model import Finding

        self.seen += 1
        for ln in doc.kept_lines():
            if ln.text == "XXX":
                yield Finding(ln.index, "site.repeated", "marker line")


_PAGE = ("<html lang='en'><head><title>Council approves budget</title></head><body><article>"
         "<h1>Council approves budget</h1>"
         "<p>The city council approved the budget on Monday after a long debate about schools and roads.</p>"
         "<p>XXX</p>"
         "<p>Spending on schools rises by a tenth, and the parks budget stays as it was, officials said.</p>"
         "</article></body></html>")


def test_a_custom_pass_object_runs_on_html_input():
    from cleaner import clean
    from cleaner.passes import TEXT_PASSES

    marker = _Marker()
    article = clean(_PAGE.encode(), input_format="html", passes=TEXT_PASSES + (marker,))
    assert marker.seen >= 1
    assert "XXX" not in article.text.split("\n\n")
    assert "site.repeated" in [r.rule for r in article.removed]
    assert article.text.startswith("The city council approved the budget")


def test_a_custom_pass_can_say_it_does_not_run_on_html():
    from cleaner import clean
    from cleaner.passes import TEXT_PASSES

    marker = _Marker()
    marker.ON_HTML = False
    article = clean(_PAGE.encode(), input_format="html", passes=TEXT_PASSES + (marker,))
    assert marker.seen == 0 and "XXX" in article.text.split("\n\n")


def test_the_site_step_goes_where_the_table_puts_it_even_in_a_list_without_its_neighbour():
    from cleaner.passes import TEXT_PASSES, related, step_name, title, with_step

    names = [step_name(p) for p in with_step("step")]
    assert names[names.index("str") - 1] == "related"
    without_related = tuple(p for p in TEXT_PASSES if p is not related)
    names = [step_name(p) for p in with_step("step", without_related)]
    assert names[names.index("str") + 1] == "duplicates"
    assert with_step("step", (title,))[0] == "step"


def test_a_byline_under_a_teaser_headline_makes_a_card_with_its_summary():
    from cleaner import clean_text

    summary = "The new treasurer starts in June and takes over the city's accounts from her predecessor."
    text = "\n".join([_OPENING, "", "Related articles", "Council names new treasurer", "By Jane Smith", "",
                      summary, "", _CLOSING])
    article = clean_text(text)
    removed = [(r.line, r.rule) for r in article.removed]
    assert (7, "related.summary") in removed and (5, "byline.author") in removed
    assert article.text.split("\n\n") == [_OPENING, _CLOSING]

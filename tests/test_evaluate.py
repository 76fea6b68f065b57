"""The benchmark metric on small cases whose numbers were worked out by hand."""
from collections import Counter

import pytest

from cleaner.evaluate import (
    DocScore,
    MetadataCounts,
    SnippetCounts,
    Summary,
    aggregate,
    author_set,
    first_date,
    metadata_right,
    ngrams,
    normalise_whitespace,
    score_document,
    score_snippets,
    shingles,
    snippet_found,
    tokenize,
)


def approx(*values):
    return pytest.approx(values)


def triple(score: DocScore):
    return score.tp, score.fp, score.fn


# --- tokens and shingles -------------------------------------------------------------------------------


def test_tokens_are_unicode_word_runs_and_case_is_kept():
    assert tokenize("Łódź, Kraków i Gdańsk — 東京!") == ["Łódź", "Kraków", "i", "Gdańsk", "東京"]
    assert tokenize("It's 9:30 a.m.") == ["It", "s", "9", "30", "a", "m"]
    assert tokenize("") == [] and tokenize(None) == []


def test_four_grams_of_consecutive_tokens():
    assert shingles("a b c d e") == Counter({("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1})


def test_repeated_shingles_are_counted():
    # a b c d a b c d -> abcd, bcda, cdab, dabc, abcd
    assert shingles("a b c d a b c d")[("a", "b", "c", "d")] == 2
    assert sum(shingles("a b c d a b c d").values()) == 5


def test_text_under_four_tokens_is_one_shorter_gram():
    assert ngrams(["Hello", "world"]) == [("Hello", "world")]
    assert ngrams(["one"]) == [("one",)]
    assert shingles("a b c") == Counter({("a", "b", "c"): 1})
    assert shingles("") == Counter()
    assert shingles(" ,.; ") == Counter()


# --- one document --------------------------------------------------------------------------------------


def test_identical_texts_score_one():
    text = "The council approved the budget on Monday after a long debate."
    score = score_document(text, text)
    assert triple(score) == (1.0, 0.0, 0.0)
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)


def test_punctuation_and_layout_do_not_matter():
    assert score_document("a, b;\n\nc. d!", "a b c d").f1 == 1.0


def test_disjoint_texts_score_zero():
    score = score_document("a b c d", "e f g h")
    # tp=0, fp=1, fn=1, normalised by 2
    assert triple(score) == (0.0, 0.5, 0.5)
    assert (score.precision, score.recall, score.f1) == (0.0, 0.0, 0.0)


def test_extra_predicted_text_costs_precision():
    # prediction: (the cat sat on) (cat sat on the) (sat on the mat) (on the mat today)
    # gold:       (the cat sat on) (cat sat on the) (sat on the mat)
    # tp=3, fp=1, fn=0 -> normalised by 4
    score = score_document("the cat sat on the mat today", "the cat sat on the mat")
    assert triple(score) == approx(0.75, 0.25, 0.0)
    assert (score.precision, score.recall) == approx(0.75, 1.0)


def test_missed_gold_text_costs_recall():
    # prediction: abcd bcde; gold: abcd bcde cdef defg -> tp=2, fp=0, fn=2
    score = score_document("a b c d e", "a b c d e f g")
    assert triple(score) == approx(0.5, 0.0, 0.5)
    assert (score.precision, score.recall) == approx(1.0, 0.5)
    assert score.f1 == pytest.approx(2 / 3)


def test_partial_overlap_both_ways():
    # prediction: xabc abcd bcde cdef ; gold: abcd bcde cdef defg efgh
    # tp=3 (abcd bcde cdef), fp=1 (xabc), fn=2 (defg efgh) -> normalised by 6
    score = score_document("x a b c d e f", "a b c d e f g h")
    assert triple(score) == approx(0.5, 1 / 6, 2 / 6)
    assert (score.precision, score.recall) == approx(0.75, 0.6)


def test_overlap_is_a_multiset_overlap():
    # prediction has abcd twice, gold once: tp=1, fp=4 (abcd, bcda, cdab, dabc), fn=0
    score = score_document("a b c d a b c d", "a b c d")
    assert triple(score) == approx(0.2, 0.8, 0.0)
    assert (score.precision, score.recall) == approx(0.2, 1.0)


def test_short_texts_match_only_as_a_whole():
    assert score_document("Hello world", "Hello world").f1 == 1.0
    # (Hello, world) against (Hello, there, world): no common gram
    assert score_document("Hello world", "Hello there world").f1 == 0.0
    # four tokens make one 4-gram, which is not the gold 2-gram
    assert score_document("Hello world and more", "Hello world").precision == 0.0


def test_empty_prediction():
    score = score_document("", "a b c d e")
    # tp=0, fp=0, fn=2 -> normalised fn=1
    assert triple(score) == (0.0, 0.0, 1.0)
    assert (score.precision, score.recall) == (0.0, 0.0)


def test_both_empty_scores_one():
    score = score_document("", "")
    assert triple(score) == (0.0, 0.0, 0.0)
    assert (score.precision, score.recall) == (1.0, 1.0)


def test_unicode_tokens():
    gold = "Łódź jest trzecim co do wielkości miastem w Polsce."
    assert score_document(gold, gold).f1 == 1.0
    # Case matters: "łódź" is another token, so the first 4-gram is lost.
    # gold grams: 6 (9 tokens); prediction differs in the first gram only: tp=5, fp=1, fn=1
    score = score_document(gold.replace("Łódź", "łódź"), gold)
    assert triple(score) == approx(5 / 7, 1 / 7, 1 / 7)
    assert (score.precision, score.recall) == approx(5 / 6, 5 / 6)


# --- aggregation ---------------------------------------------------------------------------------------


def test_aggregate_is_mean_of_documents_then_f1_of_means():
    a = score_document("the cat sat on the mat today", "the cat sat on the mat")  # P .75, R 1
    b = score_document("a b c d e", "a b c d e f g")  # P 1, R .5
    summary = aggregate([a, b])
    assert (summary.precision, summary.recall) == approx(0.875, 0.75)
    assert summary.f1 == pytest.approx(2 * 0.875 * 0.75 / (0.875 + 0.75))
    assert summary.n == 2


def test_documents_weigh_the_same_whatever_their_length():
    long_gold = " ".join(f"w{i}" for i in range(1000))
    long_doc = score_document(long_gold, long_gold)  # P 1, R 1
    short_doc = score_document("x y z", "a b c")  # P 0, R 0
    assert aggregate([long_doc, short_doc]).precision == pytest.approx(0.5)


def test_empty_prediction_is_skipped_from_precision_only():
    perfect = score_document("a b c d", "a b c d")
    empty = score_document("", "a b c d")
    summary = aggregate([perfect, empty])
    assert (summary.precision, summary.recall) == approx(1.0, 0.5)
    assert (summary.n, summary.n_precision, summary.n_recall) == (2, 1, 2)


def test_empty_gold_is_skipped_from_recall_only():
    perfect = score_document("a b c d", "a b c d")
    spurious = score_document("a b c d", "")  # tp=0, fp=1, fn=0
    assert (spurious.precision, spurious.recall) == (0.0, 0.0)
    summary = aggregate([perfect, spurious])
    assert (summary.precision, summary.recall) == approx(0.5, 1.0)
    assert (summary.n_precision, summary.n_recall) == (2, 1)


def test_skip_rules_together():
    docs = [
        score_document("a b c d", "a b c d"),  # in both means: 1, 1
        score_document("", ""),  # fp = fn = 0 but tp+fp = tp+fn = 0: in neither mean
        score_document("", "a b c d"),  # recall 0 only
        score_document("a b c d", ""),  # precision 0 only
    ]
    summary = aggregate(docs)
    assert (summary.precision, summary.recall, summary.f1) == approx(0.5, 0.5, 0.5)
    assert (summary.n, summary.n_precision, summary.n_recall) == (4, 2, 2)


def test_nothing_predicted_anywhere_gives_zero_not_an_error():
    summary = aggregate([score_document("", "a b c d"), score_document("", "e f g h")])
    assert summary == Summary(precision=0.0, recall=0.0, f1=0.0, n=2, n_precision=0, n_recall=2)


def test_aggregate_of_nothing():
    assert aggregate([]) == Summary(0.0, 0.0, 0.0, 0)


# --- snippets (the multilingual-dev format) ---------------------------------------------------------


def test_whitespace_runs_of_any_kind_become_one_space():
    assert normalise_whitespace("\u00a0A\u2009b\r\n\n c\u3000") == "A b c"
    assert normalise_whitespace("") == normalise_whitespace(None) == ""


def test_zero_width_space_is_not_whitespace():
    # U+200B is invisible but not whitespace: the metric leaves it, so "a\u200bb" is not "a b".
    assert normalise_whitespace("a\u200bb") == "a\u200bb"


def test_snippet_across_a_line_break_is_found_after_normalisation():
    output = normalise_whitespace("The mayor said the plan\nwould cost\u00a0two million.")
    assert snippet_found("plan would cost two", output)
    assert snippet_found("plan\n   would   cost", output)


def test_snippet_match_is_case_sensitive_and_exact():
    output = normalise_whitespace("The mayor said the plan would cost two million.")
    assert not snippet_found("the Mayor", output)
    assert not snippet_found("plan would cost three", output)


def test_snippet_counts_of_one_page():
    score = score_snippets("Budget approved.\n\nThe vote was 7 to 2.\nSubscribe now",
                           with_=["Budget approved.", "vote was 7 to 2", "The mayor abstained"],
                           without=["Subscribe now", "Cookie settings"])
    assert score.counts == SnippetCounts(tp=2, fn=1, fp=1, tn=1)
    assert score.missed == ["The mayor abstained"] and score.kept == ["Subscribe now"]


def test_snippet_scores_are_micro_averaged_over_pages():
    # page 1: tp 1, fn 0, fp 1; page 2: tp 2, fn 2, fp 0
    one = score_snippets("a b c\nmenu", ["a b c"], ["menu"]).counts
    two = score_snippets("w x\ny z", ["w x", "y z", "gone", "lost"], ["footer"]).counts
    total = one + two
    assert total == SnippetCounts(tp=3, fn=2, fp=1, tn=1)
    assert (total.precision, total.recall) == approx(3 / 4, 3 / 5)
    assert total.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    # a macro average would give recall (1 + 0.5) / 2 = 0.75 instead
    assert total.recall != pytest.approx(0.75)


def test_empty_output_finds_nothing_and_empty_counts_score_zero():
    score = score_snippets("", ["a"], ["b"])
    assert score.counts == SnippetCounts(tp=0, fn=1, fp=0, tn=1)
    assert (score.counts.precision, score.counts.recall, score.counts.f1) == (0.0, 0.0, 0.0)


# --- metadata ------------------------------------------------------------------------------------------


def test_author_byline_equals_the_set_of_names():
    assert author_set("By Jane Doe and John Roe") == {"jane doe", "john roe"}
    assert author_set(["Jane Doe", "John Roe"]) == author_set("John Roe; Jane  DOE")
    assert author_set("Von Lars Fischer und Alina Schadwinkel") == {"lars fischer", "alina schadwinkel"}
    assert author_set("Ana Ruiz y Pablo Gil | Le Monde") == {"ana ruiz", "pablo gil", "le monde"}


def test_author_words_inside_names_are_not_separators():
    # "von" only goes as a leading prefix; "and"/"y" only as whole words between spaces
    assert author_set("Walter von Aachen") == {"walter von aachen"}
    assert author_set("Sandy Andrews") == {"sandy andrews"}
    assert author_set("Jane Doe") != author_set("Jane Doe, John Roe")


def test_first_date_on_each_side():
    assert first_date("Updated 2021-03-04, first published 2020-01-02") == "2021-03-04"
    assert metadata_right("date", "2019-10-18T23:30:00-05:00", "2019-10-18")
    assert not metadata_right("date", "2019-10-19", "2019-10-18")
    assert not metadata_right("date", None, "2019-10-18")


def test_title_is_exact_after_whitespace_normalisation():
    assert metadata_right("title", "Council approves\n budget ", "Council approves budget")
    assert not metadata_right("title", "Council Approves Budget", "Council approves budget")
    assert not metadata_right("title", "Council approves budget | Daily News", "Council approves budget")


def test_unannotated_gold_is_not_scored():
    counts = MetadataCounts()
    assert counts.add("author", ["Jane Doe"], None) is None
    assert (counts.pages, counts.pages_all) == (0, 0)
    assert counts.accuracy is None and counts.accuracy_all is None


def test_empty_gold_counts_only_on_all_annotated_pages():
    counts = MetadataCounts()
    assert counts.add("author", [], "") is True  # none on the page, none given: right
    assert counts.add("author", ["Newsroom"], "") is False  # none on the page, one given: wrong
    assert counts.add("author", ["Jane Doe"], "By Jane Doe") is True
    assert counts.add("date", None, "") is True
    assert (counts.right, counts.pages) == (1, 1)
    assert (counts.right_all, counts.pages_all) == (3, 4)
    assert counts.accuracy == 1.0 and counts.accuracy_all == 0.75


def test_empty_gold_title_and_date_want_empty_output():
    assert metadata_right("title", "", "") and metadata_right("title", None, "")
    assert not metadata_right("title", "Home", "")
    assert not metadata_right("date", "2020-01-01", "")
    assert not metadata_right("date", "yesterday", "")


# --- the harness that uses these metrics (benchmarks/multilingual.py), on a page made up here ------------


def _benchmark(name: str):
    """A script of ``benchmarks/`` (not a package), imported as its module."""
    import importlib
    import sys

    from conftest import REPO

    folder = str(REPO / "benchmarks")
    if folder not in sys.path:
        sys.path.insert(0, folder)
    return importlib.import_module(name)


def test_multilingual_harness_scores_and_blames_on_a_tiny_data_set(tmp_path, capsys):
    import json

    multilingual = _benchmark("multilingual")

    page = ("Council approves new budget\n\nBy Jane Doe\n\n"
            "The city council approved the new budget on Monday after a long debate about schools.\n"
            "Spending on parks stays as it was, the mayor said in a statement to reporters.\n\n"
            "Advertisement\n\n")
    (tmp_path / "text-inscriptis").mkdir()
    (tmp_path / "text-inscriptis" / "p1.txt").write_text(page, encoding="utf-8")
    gold = {"p1": {"url": "https://example.org/a", "language": "English", "html_lang": "en",
                   "with": ["approved the new budget\non Monday", "parks stays as it was", "Advertisement",
                            "a sentence the page does not hold"],
                   "without": ["Subscribe to our newsletter"],
                   "title": "Council approves new budget", "author": "Jane Doe", "date": ""}}
    (tmp_path / "ground-truth.json").write_text(json.dumps(gold), encoding="utf-8")
    assert multilingual.main([str(tmp_path), "--mode", "inscriptis", "--systems", "clean,asis", "--worst", "1"]) == 0
    out = capsys.readouterr().out
    # as is: every `with` in the input found (3 of 4), the absent `without` not: P 1, R 0.75
    assert "| text as is | 0.857 | 1.000 | 0.750 | 3/4 | 0/1 |" in out
    assert "| English | 1 | 4 | 1 |" in out
    # the cleaner drops the "Advertisement" marker: the worst-page list names the rule that did it
    assert "- missed: “Advertisement” ← ads." in out
    assert "- missed: “a sentence the page does not hold” ← not in input" in out
    assert "| inscriptis | clean-article |" in out and "Pages: title 1 non-empty of 1 annotated" in out
    assert "cleaned again (as text): inscriptis **0** of 1" in out
    # 2 of the 3 `with` snippets the input holds are kept: no page under half of the input's
    assert "snippets the input as is holds, in the visible text: **0** (0 with a warning)" in out


def test_safety_count_compares_visible_text_and_still_lists_a_lost_article():
    from types import SimpleNamespace as NS

    multilingual = _benchmark("multilingual")

    def run(**texts):
        gold_with = GOLD["p"]["with"]
        return NS(outputs={k: NS(text=t) for k, t in texts.items()},
                  scores={k: NS(counts=NS(tp=sum(1 for s in gold_with if s in t))) for k, t in texts.items()})

    GOLD = {"p": {"with": ["Die Werkzeugtypen der Steinzeit", "Klingen aus Feuerstein"]},
            "q": {"with": ["Die Werkzeugtypen der Steinzeit", "Klingen aus Feuerstein"]}}
    base = run(p="Die Werkzeugtypen der Steinzeit. Klingen aus Feuerstein.",
               q="Die Werkzeugtypen der Steinzeit. Klingen aus Feuerstein.")
    # p: all there, with the page's soft hyphens; q: the article cut to nothing
    ours = run(p="Die Werk\u00adzeug\u00adtypen der Stein\u00adzeit. Klingen aus Feuer\u00adstein.", q="Impressum")
    assert [d for d, _, _ in multilingual.under_half(ours, base)] == ["p", "q"]  # exact match counts both
    assert multilingual.under_half(ours, base, GOLD) == [("q", 0, 2)]


def test_text_safety_count_lists_a_page_that_lost_the_input_s_article():
    from types import SimpleNamespace as NS

    multilingual = _benchmark("multilingual")

    gold = {p: {"with": ["Die Werkzeugtypen der Steinzeit", "Klingen aus Feuerstein", "Pfeilspitzen"]}
            for p in ("kept", "cut", "bare", "none")}
    article = "Die Werkzeugtypen der Steinzeit.\nKlingen aus Feuerstein und Pfeilspitzen.\n".encode("utf-8")
    inputs = {"kept": article, "cut": article,
              "bare": "Menü\nKlingen aus Feuerstein.\n".encode("utf-8"),  # the input holds one of three
              "none": b"Impressum\n"}  # holds none: nothing to lose, not listed
    ours = NS(outputs={"kept": NS(text="Die Werk\u00adzeug\u00adtypen der Steinzeit. Klingen aus Feuerstein."),
                       "cut": NS(text="Pfeilspitzen"),  # one of the input's three: under half
                       "bare": NS(text="Klingen aus Feuerstein."),  # all the input held: not listed
                       "none": NS(text="")})
    assert multilingual.under_half_of_input(ours, inputs, gold) == [("cut", 1, 3)]
    # two of three kept is not under half (soft hyphens read as the visible text they are)
    assert multilingual.under_half_of_input(ours, {"kept": article}, gold) == []


def test_render_reads_a_page_in_its_own_charset():
    render = _benchmark("render")

    page = '<html><head><meta charset="gbk"></head><body><p>北京的天气很好。</p></body></html>'
    assert "北京的天气很好。" in render.page_html(page.encode("gbk"))  # not U+FFFD marks
    assert render.page_html("<p>Grüße</p>".encode("utf-8")) == "<p>Grüße</p>"
    assert "Grüße" in render._get_text(render.page_html('<meta charset="windows-1252"><p>Grüße</p>'.encode("cp1252")))

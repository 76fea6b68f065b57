"""The benchmark metric on small cases whose numbers were worked out by hand."""
from collections import Counter

import pytest

from cleaner.evaluate import DocScore, Summary, aggregate, ngrams, score_document, shingles, tokenize


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

"""Score extracted body text against a gold body with the article-extraction benchmark's metric.

The metric (word 4-gram shingles, per-document normalisation, means over
documents) is the one of the public article-extraction benchmark; this module
follows it exactly so figures are comparable with published ones:

1. tokenise with ``\\w+`` (Unicode);
2. count every 4-gram of consecutive tokens; a text under 4 tokens is one
   shorter gram, an empty text has none;
3. per document, tp/fp/fn are the multiset overlap, predicted-only and
   gold-only counts, divided by tp+fp+fn so every document weighs the same;
4. precision and recall are means over documents (a document with fp = fn = 0
   scores 1; a document is left out of the precision mean when tp+fp = 0 and
   out of the recall mean when tp+fn = 0); F1 comes from the two means.

Tokens are case-sensitive and use the standard library's ``re`` ``\\w``, as the
benchmark does. (The ``regex`` module's ``\\w`` also matches combining marks,
so it would split words such as Hindi ones differently from the published
figures.)

>>> summary = aggregate([score_document("the cat sat on the mat", "the cat sat on a mat")])
>>> round(summary.precision, 3), round(summary.recall, 3), summary.n
(0.333, 0.333, 1)
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, List, Sequence, Tuple

NGRAM = 4
_TOKEN = re.compile(r"\w+")

Shingle = Tuple[str, ...]


def tokenize(text: str) -> List[str]:
    """The metric's tokens: runs of Unicode word characters.

    >>> tokenize("Łódź, 2019: it's done!")
    ['Łódź', '2019', 'it', 's', 'done']
    """
    return _TOKEN.findall(text or "")


def ngrams(tokens: Sequence[str], n: int = NGRAM) -> List[Shingle]:
    """Every n-gram of consecutive tokens; fewer than n tokens give one shorter gram.

    >>> ngrams(["a", "b", "c", "d", "e"])
    [('a', 'b', 'c', 'd'), ('b', 'c', 'd', 'e')]
    >>> ngrams(["a", "b"]), ngrams([])
    ([('a', 'b')], [])
    """
    if not tokens:
        return []
    return [tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))]


def shingles(text: str, n: int = NGRAM) -> Counter:
    """The multiset of word n-gram shingles of ``text``.

    >>> shingles("a b c d a b c d")[("a", "b", "c", "d")]
    2
    >>> len(shingles("one two three four five"))
    2
    """
    return Counter(ngrams(tokenize(text), n))


@dataclass(frozen=True)
class DocScore:
    """One document's normalised tp/fp/fn and its precision and recall.

    ``precision`` is 1 when fp = fn = 0 and 0 when nothing was predicted
    (tp = fp = 0); :func:`aggregate` leaves the latter out of the precision
    mean, as the benchmark does. Likewise for ``recall`` with tp = fn = 0.
    """

    tp: float
    fp: float
    fn: float
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        """Per-document F1 (for ranking documents; the summary F1 is not a mean of these)."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def overlap(predicted: Counter, gold: Counter) -> Tuple[int, int, int]:
    """Raw (tp, fp, fn) shingle counts of two multisets.

    >>> overlap(Counter("aab"), Counter("abc"))
    (2, 1, 1)
    """
    tp = sum((predicted & gold).values())
    fp = sum(predicted.values()) - tp
    fn = sum(gold.values()) - tp
    return tp, fp, fn


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def score_counts(tp: float, fp: float, fn: float) -> DocScore:
    """Normalise raw counts by tp+fp+fn and score them.

    >>> score_counts(3, 1, 0)
    DocScore(tp=0.75, fp=0.25, fn=0.0, precision=0.75, recall=1.0)
    """
    total = tp + fp + fn
    if total > 0:
        tp, fp, fn = tp / total, fp / total, fn / total
    return DocScore(tp, fp, fn, _precision(tp, fp, fn), _recall(tp, fp, fn))


def score_document(predicted: str, gold: str) -> DocScore:
    """Score one predicted body against its gold body.

    >>> score_document("a b c d e", "a b c d e")
    DocScore(tp=1.0, fp=0.0, fn=0.0, precision=1.0, recall=1.0)
    >>> s = score_document("", "a b c d e")
    >>> s.precision, s.recall
    (0.0, 0.0)
    """
    return score_counts(*overlap(shingles(predicted), shingles(gold)))


@dataclass(frozen=True)
class Summary:
    """Precision and recall means over documents, F1 of the means, and the document count.

    ``n_precision``/``n_recall`` count the documents that entered each mean
    (the others were skipped by the tp+fp = 0 / tp+fn = 0 rules).
    """

    precision: float
    recall: float
    f1: float
    n: int
    n_precision: int = 0
    n_recall: int = 0


def _mean(values: List[float]) -> float:
    # The benchmark never meets an empty mean; here it counts as 0 (nothing to credit).
    return sum(values) / len(values) if values else 0.0


def aggregate(scores: Iterable[DocScore]) -> Summary:
    """Summarise document scores the benchmark's way.

    A document with nothing predicted is out of the precision mean but still
    counts (as 0) in the recall mean:

    >>> good, empty = score_document("a b c d", "a b c d"), score_document("", "a b c d")
    >>> aggregate([good, empty])
    Summary(precision=1.0, recall=0.5, f1=0.6666666666666666, n=2, n_precision=1, n_recall=2)
    """
    scores = list(scores)
    precisions = [s.precision for s in scores if s.tp + s.fp > 0]
    recalls = [s.recall for s in scores if s.tp + s.fn > 0]
    precision, recall = _mean(precisions), _mean(recalls)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Summary(precision, recall, f1, len(scores), len(precisions), len(recalls))

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
from typing import Iterable, List, Optional, Sequence, Tuple

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


# --- snippets and metadata: the multilingual-dev format's metric ---------------------------------------
#
# The data set's README: whitespace-normalise the output and every snippet; a
# snippet is found when it is a case-sensitive substring of the output; micro
# P/R/F1 over all snippets of all pages. Metadata: title exact after whitespace
# normalisation, author as a set of names, date as the first YYYY-MM-DD.

_WHITESPACE = re.compile(r"\s+")  # str patterns: \s is every Unicode whitespace (NBSP, U+2003, U+3000 ...)


def normalise_whitespace(text) -> str:
    """Each run of Unicode whitespace becomes one space; the ends are stripped.

    >>> normalise_whitespace(" One\\n\\ttwo\\u00a0\\u3000three ")
    'One two three'
    >>> normalise_whitespace(None)
    ''
    """
    return _WHITESPACE.sub(" ", text or "").strip()


def snippet_found(snippet: str, normalised_output: str) -> bool:
    """Whether ``snippet`` is a case-sensitive substring of an output already
    passed through :func:`normalise_whitespace` (normalise it once per page, not per snippet).

    >>> snippet_found("the cat\\nsat", normalise_whitespace("See the cat   sat down."))
    True
    >>> snippet_found("The cat sat", "See the cat sat down.")
    False
    """
    snippet = normalise_whitespace(snippet)
    return bool(snippet) and snippet in normalised_output


@dataclass
class SnippetCounts:
    """Snippet counts, summed over pages (micro average): ``with`` found (tp) or
    not (fn), ``without`` found (fp) or not (tn)."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def __add__(self, other: "SnippetCounts") -> "SnippetCounts":
        return SnippetCounts(self.tp + other.tp, self.fn + other.fn, self.fp + other.fp, self.tn + other.tn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class SnippetScore:
    """One page: its counts, and which snippets went wrong (for listing the worst pages)."""

    counts: SnippetCounts
    missed: List[str]  # ``with`` snippets not found
    kept: List[str]  # ``without`` snippets found


def score_snippets(output: str, with_: Iterable[str], without: Iterable[str]) -> SnippetScore:
    """Score one page's output against its ``with`` and ``without`` snippets.

    >>> s = score_snippets("Council approves budget.\\nShare this", ["approves budget"], ["Share this", "Menu"])
    >>> s.counts, s.kept
    (SnippetCounts(tp=1, fn=0, fp=1, tn=1), ['Share this'])
    """
    out = normalise_whitespace(output)
    with_, without = list(with_ or ()), list(without or ())
    missed = [s for s in with_ if not snippet_found(s, out)]
    kept = [s for s in without if snippet_found(s, out)]
    counts = SnippetCounts(len(with_) - len(missed), len(missed), len(kept), len(without) - len(kept))
    return SnippetScore(counts, missed, kept)


_AUTHOR_SEPARATORS = re.compile(r"\s*[,;&|]\s*|\s+(?:and|und|et|y)\s+", re.IGNORECASE)
_AUTHOR_LEAD = re.compile(r"^(?:by|von|par|por)\s+", re.IGNORECASE)


def author_set(value) -> frozenset:
    """Author names as a set: split on ``, ; & |`` and the words and/und/et/y,
    a leading by/von/par/por dropped, case-folded. A list is taken as its items.

    >>> sorted(author_set("By Jane Doe and John Roe"))
    ['jane doe', 'john roe']
    >>> author_set(["Walter von Aachen"]) == author_set("walter  von aachen")
    True
    >>> author_set(None), author_set([])
    (frozenset(), frozenset())
    """
    if isinstance(value, (list, tuple)):
        value = ", ".join(v for v in value if v)
    names = set()
    for part in _AUTHOR_SEPARATORS.split(normalise_whitespace(value)):
        name = _AUTHOR_LEAD.sub("", part.strip()).casefold()
        if name:
            names.add(name)
    return frozenset(names)


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def first_date(value) -> str:
    """The first ``YYYY-MM-DD`` in ``value``; "" when there is none.

    >>> first_date("2019-10-18T09:30:00+02:00"), first_date("18.10.2019"), first_date(None)
    ('2019-10-18', '', '')
    """
    match = _DAY.search(value or "")
    return match.group(0) if match else ""


#: Metadata fields and how each side is compared (both sides pass through it).
METADATA_FIELDS = ("title", "author", "date")


def metadata_key(name: str, value):
    """The comparable form of one metadata value; empty (falsy) when there is none.

    A date side with text but no ``YYYY-MM-DD`` keeps its normalised text, so
    that it is neither "empty" nor equal to a real day.

    >>> metadata_key("title", " A\\n title "), sorted(metadata_key("author", "Ann; Bo")), metadata_key("date", "")
    ('A title', ['ann', 'bo'], '')
    """
    if name == "title":
        return normalise_whitespace(value)
    if name == "author":
        return author_set(value)
    if name == "date":
        return first_date(value) or normalise_whitespace(value)
    raise KeyError(name)


def metadata_right(name: str, predicted, gold) -> Optional[bool]:
    """Whether ``predicted`` matches the ``gold`` value of field ``name``; None
    when the page is not annotated (gold ``None``). Empty gold (``""``) is right
    only when the output is empty too.

    >>> metadata_right("date", "2019-10-18T09:30:00", "2019-10-18")
    True
    >>> metadata_right("author", [], ""), metadata_right("author", ["Jane Doe"], ""), metadata_right("title", "x", None)
    (True, False, None)
    """
    if gold is None:
        return None
    return metadata_key(name, predicted) == metadata_key(name, gold)


@dataclass
class MetadataCounts:
    """Right answers and pages, for one field: on pages with non-empty gold
    (``right``/``pages``) and on all annotated pages (``right_all``/``pages_all``)."""

    right: int = 0
    pages: int = 0
    right_all: int = 0
    pages_all: int = 0

    def add(self, name: str, predicted, gold) -> Optional[bool]:
        """Count one page; returns its verdict (None: not annotated)."""
        verdict = metadata_right(name, predicted, gold)
        if verdict is None:
            return None
        self.pages_all += 1
        self.right_all += verdict
        if metadata_key(name, gold):
            self.pages += 1
            self.right += verdict
        return verdict

    @property
    def accuracy(self) -> Optional[float]:
        return self.right / self.pages if self.pages else None

    @property
    def accuracy_all(self) -> Optional[float]:
        return self.right_all / self.pages_all if self.pages_all else None

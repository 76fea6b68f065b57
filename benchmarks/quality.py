#!/usr/bin/env python3
"""Quality and speed of article-cleaner against its peers, on a folder of pages with ground truth.

    python benchmarks/quality.py DATA_DIR [--mode text|html|prose|all] [--worst N]
                                          [--limit N] [--systems a,b,...] [--scale]

DATA_DIR holds ``ground-truth.json`` ({id: {"url", "articleBody"}}), ``text/<id>.txt``
and ``html/<id>.html.gz``. Prints markdown: a header (date, machine, versions), one
table per mode, and the optional sections. See benchmarks/README.md.
"""
from __future__ import annotations

import argparse
import datetime
import gc
import gzip
import html
import importlib.util
import json
import logging
import platform
import re
import sys
import time
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from importlib import metadata
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Union

REPO = Path(__file__).resolve().parent.parent


def _load_evaluate():
    """``cleaner.evaluate``, from the file itself when the package does not import (yet)."""
    try:
        from cleaner import evaluate
        return evaluate
    except Exception:  # noqa: BLE001 - a half-written cleaner must not stop the peers' figures
        path = REPO / "cleaner" / "evaluate.py"
        spec = importlib.util.spec_from_file_location("cleaner_evaluate", path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        return module


evaluate = _load_evaluate()

Raw = Union[str, bytes]
Extractor = Callable[[Raw], str]
PEER_PACKAGES = ("trafilatura", "justext", "readability-lxml", "lxml")
SCALE_COPIES = (1, 10, 100)
PROSE_THRESHOLD = 0.99


# --- data ---------------------------------------------------------------------------------------------


@dataclass
class Corpus:
    """One input kind of the data set, read into memory before anything is timed."""

    mode: str  # "text", "html" or "prose"
    ids: List[str]
    inputs: Dict[str, Raw]
    gold: Dict[str, str]
    urls: Dict[str, str]
    missing: int = 0  # ground-truth ids without an input file

    @cached_property
    def nbytes(self) -> int:
        return sum(len(_as_bytes(raw)) for raw in self.inputs.values())


def _as_bytes(raw: Raw) -> bytes:
    return raw if isinstance(raw, bytes) else raw.encode("utf-8")


def load_ground_truth(data_dir: Path) -> Dict[str, dict]:
    with open(data_dir / "ground-truth.json", encoding="utf-8") as f:
        return json.load(f)


def read_input(data_dir: Path, mode: str, doc_id: str) -> Optional[Raw]:
    """The text as a ``str``, the HTML as gunzipped bytes; None when the file is missing."""
    if mode == "text":
        path = data_dir / "text" / f"{doc_id}.txt"
        return path.read_text(encoding="utf-8") if path.exists() else None
    path = data_dir / "html" / f"{doc_id}.html.gz"
    return gzip.decompress(path.read_bytes()) if path.exists() else None


def load_corpus(data_dir: Path, mode: str, limit: Optional[int]) -> Corpus:
    truth = load_ground_truth(data_dir)
    inputs, missing = {}, 0
    for doc_id in sorted(truth):
        raw = read_input(data_dir, mode, doc_id)
        if raw is None:
            missing += 1
        else:
            inputs[doc_id] = raw
        if limit and len(inputs) >= limit:
            break
    ids = list(inputs)
    gold = {i: truth[i].get("articleBody") or "" for i in ids}
    urls = {i: truth[i].get("url") or "" for i in ids}
    return Corpus(mode, ids, inputs, gold, urls, missing)


def load_gold_corpus(data_dir: Path, limit: Optional[int]) -> Corpus:
    """The gold bodies themselves as the input (prose mode)."""
    truth = load_ground_truth(data_dir)
    ids = sorted(truth)[:limit] if limit else sorted(truth)
    gold = {i: truth[i].get("articleBody") or "" for i in ids}
    return Corpus("prose", ids, dict(gold), gold, {i: truth[i].get("url") or "" for i in ids})


# --- systems ------------------------------------------------------------------------------------------


class NotInstalled(Exception):
    """A peer whose package does not import."""


@dataclass(frozen=True)
class System:
    """An extractor under test: ``make()`` imports what it needs and returns raw input -> body text."""

    key: str  # the name --systems takes
    label: str  # the name the table shows
    make: Callable[[], Extractor]


def wrap_lines(text: str) -> str:
    """Plain text as HTML, one ``<p>`` per non-blank line, for the HTML extractors.

    >>> wrap_lines("Title\\n\\nA & B")
    '<html><body>\\n<p>Title</p>\\n<p>A &amp; B</p>\\n</body></html>'
    """
    paragraphs = [f"<p>{html.escape(line.strip(), quote=False)}</p>" for line in text.splitlines() if line.strip()]
    return "<html><body>\n" + "\n".join(paragraphs) + "\n</body></html>"


_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr",
               "table", "section", "article", "figure", "figcaption", "ul", "ol", "dd", "dt")


def html_fragment_text(fragment: str) -> str:
    """Text of an HTML fragment, with a line break after every block so words do not run together.

    >>> html_fragment_text("<div><p>One</p><p>Two <b>three</b></p></div>")
    'One\\nTwo three'
    """
    import lxml.html

    if not fragment.strip():
        return ""
    root = lxml.html.fromstring(fragment)
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _import(module: str):
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise NotInstalled(str(exc)) from exc


def _failing(exc: BaseException) -> Extractor:
    """An extractor that raises ``exc`` on every document: a cleaner that does not import yet."""

    def extract(raw: Raw) -> str:
        raise exc

    return extract


def make_clean_text() -> Extractor:
    try:
        from cleaner import clean_text
    except Exception as exc:  # noqa: BLE001 - counted as one error per document
        return _failing(exc)
    return lambda text: clean_text(text).text


def make_clean_html() -> Extractor:
    try:
        from cleaner import clean
    except Exception as exc:  # noqa: BLE001
        return _failing(exc)
    return lambda data: clean(data, input_format="html").text


def make_none() -> Extractor:
    return lambda text: text


def _justext_paragraphs(justext, markup: Raw) -> str:
    paragraphs = justext.justext(markup, justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def make_justext_text() -> Extractor:
    justext = _import("justext")
    return lambda text: _justext_paragraphs(justext, wrap_lines(text))


def make_justext_html() -> Extractor:
    justext = _import("justext")
    return lambda data: _justext_paragraphs(justext, data)


def make_trafilatura_text() -> Extractor:
    trafilatura = _import("trafilatura")
    return lambda text: trafilatura.extract(wrap_lines(text)) or ""


def make_trafilatura_html(**options) -> Callable[[], Extractor]:
    def make() -> Extractor:
        trafilatura = _import("trafilatura")
        return lambda data: trafilatura.extract(data, **options) or ""

    return make


def make_readability() -> Extractor:
    readability = _import("readability")
    _import("lxml.html")
    return lambda data: html_fragment_text(readability.Document(data).summary())


TEXT_SYSTEMS = (
    System("clean-article", "clean-article `clean_text`", make_clean_text),
    System("none", "none (text as is)", make_none),
    System("justext", "jusText, one `<p>` per line", make_justext_text),
    System("trafilatura", "trafilatura `extract()`, one `<p>` per line", make_trafilatura_text),
)
HTML_SYSTEMS = (
    System("clean-article", "clean-article `clean(…, input_format=\"html\")`", make_clean_html),
    System("trafilatura", "trafilatura `extract()` default", make_trafilatura_html()),
    System("trafilatura-precision", "trafilatura `extract(favor_precision=True)`",
           make_trafilatura_html(favor_precision=True)),
    System("readability", "readability-lxml `Document.summary()`", make_readability),
    System("justext", "jusText (English stop list)", make_justext_html),
)
SYSTEMS = {"text": TEXT_SYSTEMS, "html": HTML_SYSTEMS}
ALL_KEYS = sorted({s.key for group in SYSTEMS.values() for s in group})


# --- running and scoring ------------------------------------------------------------------------------


@dataclass
class Run:
    """One system over one corpus: outputs computed once, reused for scores and the worst-case list."""

    system: System
    corpus: Corpus
    installed: bool = True
    outputs: Dict[str, str] = field(default_factory=dict)
    failed: Dict[str, str] = field(default_factory=dict)  # id -> error message
    seconds: float = 0.0
    scores: Dict[str, "evaluate.DocScore"] = field(default_factory=dict)

    @property
    def summary(self):
        return evaluate.aggregate(self.scores[i] for i in self.corpus.ids)

    @property
    def docs_per_second(self) -> float:
        return len(self.corpus.ids) / self.seconds if self.seconds else 0.0

    @property
    def mb_per_second(self) -> float:
        return self.corpus.nbytes / 1e6 / self.seconds if self.seconds else 0.0


@dataclass
class Pass:
    """Wall-clock and CPU seconds of one timed pass, and how many inputs raised."""

    seconds: float
    cpu_seconds: float
    errors: int


def time_pass(extract: Extractor, inputs: Sequence[str]) -> Pass:
    errors = 0
    gc.collect()
    start, cpu_start = time.perf_counter(), time.process_time()
    for raw in inputs:
        try:
            extract(raw)
        except Exception:  # noqa: BLE001
            errors += 1
    return Pass(time.perf_counter() - start, time.process_time() - cpu_start, errors)


def extract_all(extract: Extractor, run: Run) -> None:
    """Run ``extract`` on every document, timing the whole pass; a raising document gives empty output."""
    corpus = run.corpus
    gc.collect()
    start = time.perf_counter()
    for doc_id in corpus.ids:
        try:
            run.outputs[doc_id] = extract(corpus.inputs[doc_id]) or ""
        except Exception as exc:  # noqa: BLE001 - one broken document must not end the benchmark
            run.outputs[doc_id] = ""
            run.failed[doc_id] = f"{type(exc).__name__}: {exc}"
    run.seconds = time.perf_counter() - start


def run_system(system: System, corpus: Corpus, repeat: int = 1) -> Run:
    """Extract and score every document; with ``repeat`` > 1 the time is the best of that many passes."""
    run = Run(system, corpus)
    try:
        extract = system.make()
    except NotInstalled:
        run.installed = False
        return run
    extract_all(extract, run)
    inputs = [corpus.inputs[i] for i in corpus.ids]
    for _ in range(repeat - 1):
        run.seconds = min(run.seconds, time_pass(extract, inputs).seconds)
    run.scores = {i: evaluate.score_document(run.outputs[i], corpus.gold[i]) for i in corpus.ids}
    return run


def select(systems: Sequence[System], keys: Optional[Sequence[str]]) -> List[System]:
    return [s for s in systems if keys is None or s.key in keys]


# --- report: header and main table --------------------------------------------------------------------


def package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def cleaner_origin() -> str:
    spec = importlib.util.find_spec("cleaner")
    if spec is None or not spec.origin:
        return "not importable"
    try:
        import cleaner

        version = getattr(cleaner, "__version__", "?")
    except Exception as exc:  # noqa: BLE001
        version = f"import fails ({type(exc).__name__})"
    return f"{version} from `{Path(spec.origin).parent}`"


def print_header(data_dir: Path, repeat: int) -> None:
    passes = "one pass" if repeat <= 1 else f"best of {repeat} passes"
    now = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    peers = ", ".join(f"{name} {package_version(name)}" for name in PEER_PACKAGES)
    print("# article-cleaner quality benchmark\n")
    print(f"- date: {now}; machine: {platform.machine()}, python {platform.python_version()}")
    print(f"- data: `{data_dir.name}`; article-cleaner {cleaner_origin()}")
    print(f"- peers: {peers}")
    print("- metric: word 4-gram shingles, per-document P/R means, F1 of the means")
    print(f"- timing: {passes} per system, single process, input already in memory\n")


TABLE_HEAD = ("| system | input | F1 | precision | recall | docs/s | MB/s | errors |\n"
              "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")


def table_row(run: Run) -> str:
    source = f"{run.corpus.mode}/"
    if not run.installed:
        return f"| {run.system.label} | {source} | not installed | | | | | |"
    s = run.summary
    return (f"| {run.system.label} | {source} | {s.f1:.3f} | {s.precision:.3f} | {s.recall:.3f} "
            f"| {_rate(run.docs_per_second)} | {_rate(run.mb_per_second)} | {len(run.failed)} |")


def _rate(value: float) -> str:
    """A throughput with as many digits as it deserves.

    >>> _rate(3.14159), _rate(159.1), _rate(3714859.6)
    ('3.14', '159', '3,714,860')
    """
    return f"{value:,.0f}" if value >= 100 else f"{value:.3g}"


def print_table(corpus: Corpus, runs: Sequence[Run]) -> None:
    mb = corpus.nbytes / 1e6
    missing = f" ({corpus.missing} without a `{corpus.mode}/` file left out)" if corpus.missing else ""
    print(f"## {corpus.mode} mode: `{corpus.mode}/` input, {len(corpus.ids)} documents{missing}, {_rate(mb)} MB\n")
    print(TABLE_HEAD)
    for run in runs:
        print(table_row(run))
    print()
    for run in runs:
        if run.failed:
            doc_id, message = next(iter(run.failed.items()))
            print(f"- {run.system.key}: {len(run.failed)} documents raised and count as empty output; "
                  f"first: `{doc_id[:12]}` {_shorten(message, 160)}")
    if any(r.failed for r in runs):
        print()


# --- report: where the worst documents lose -----------------------------------------------------------


@dataclass
class Blame:
    """A line (or sentence) and how many of its words no matched shingle covers."""

    text: str
    unmatched: int = 0
    words: int = 0


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+|\n+")


def split_lines(text: str) -> List[tuple]:
    """(start, end) of every non-blank line."""
    spans, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def split_sentences(text: str) -> List[tuple]:
    """(start, end) of every sentence, roughly: after . ! ? … and at line breaks."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if text[start:match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def unmatched_words(tokens: Sequence[str], other: Counter) -> List[bool]:
    """For each token, whether no matched shingle covers it.

    Occurrences of a shingle are matched in order while ``other`` has copies left,
    so a repeated paragraph shows up as unmatched the second time.

    >>> unmatched_words("a b c d x".split(), Counter({("a", "b", "c", "d"): 1}))
    [False, False, False, False, True]
    """
    left = Counter(other)
    covered = [False] * len(tokens)
    for position, gram in enumerate(evaluate.ngrams(tokens)):
        if left[gram] > 0:
            left[gram] -= 1
            covered[position:position + len(gram)] = [True] * len(gram)
    return [not c for c in covered]


def blame(text: str, other: Counter, spans: List[tuple]) -> List[Blame]:
    """Count, per span of ``text``, the words that no shingle shared with ``other`` covers."""
    matches = list(evaluate._TOKEN.finditer(text))
    unmatched = unmatched_words([m.group() for m in matches], other)
    span_starts = [start for start, _ in spans]
    result = [Blame(" ".join(text[start:end].split())) for start, end in spans]
    for position, match in enumerate(matches):
        index = bisect_right(span_starts, match.start()) - 1
        if index >= 0:
            result[index].words += 1
            result[index].unmatched += unmatched[position]
    return result


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def costliest(blames: List[Blame], top: int) -> List[Blame]:
    """The ``top`` spans with the most unmatched words, in document order among equals."""
    return sorted((b for b in blames if b.unmatched), key=lambda b: -b.unmatched)[:top]


def print_blames(title: str, blames: List[Blame], top: int) -> None:
    worst = costliest(blames, top)
    if not worst:
        return
    unmatched, words = sum(b.unmatched for b in blames), sum(b.words for b in blames)
    print(f"{title}: {unmatched} of {words} words unmatched; the costliest {len(worst)}:\n")
    for b in worst:
        print(f"    {b.unmatched:4d}/{b.words:<4d} {_shorten(b.text, 110)}")
    print()


def print_worst(run: Run, count: int, lines_per_doc: int = 6) -> None:
    corpus = run.corpus
    ranked = sorted(corpus.ids, key=lambda i: (run.scores[i].f1, i))[:count]
    print(f"## {corpus.mode} mode: the {len(ranked)} worst documents of clean-article\n")
    print("Per line: words not covered by any shingle (word 4-gram) shared with the other side / all "
          "its words. Extra lines are predicted text missing from the gold body (false positives); "
          "missed sentences are gold text the prediction lacks (false negatives).\n")
    for rank, doc_id in enumerate(ranked, 1):
        print_document_diagnosis(rank, doc_id, run, lines_per_doc)


def print_document_diagnosis(rank: int, doc_id: str, run: Run, top: int) -> None:
    predicted, gold = run.outputs[doc_id], run.corpus.gold[doc_id]
    score = run.scores[doc_id]
    pred_shingles, gold_shingles = evaluate.shingles(predicted), evaluate.shingles(gold)
    _, fp, fn = evaluate.overlap(pred_shingles, gold_shingles)
    print(f"### {rank}. F1 {score.f1:.3f} (P {score.precision:.3f}, R {score.recall:.3f}) `{doc_id[:12]}`\n")
    print(f"{run.corpus.urls[doc_id]}  \nid `{doc_id}`  \n{len(evaluate.tokenize(predicted))} words predicted, "
          f"{len(evaluate.tokenize(gold))} in the gold body; {fp} extra and {fn} missed shingles\n")
    if doc_id in run.failed:
        print(f"**raised**: {_shorten(run.failed[doc_id], 200)}\n")
    elif not predicted.strip():
        print("**empty output**\n")
    extra = blame(predicted, gold_shingles, split_lines(predicted))
    print_blames("Extra lines", extra, top)
    if fp and not any(b.unmatched for b in extra):
        print("No extra words: the extra shingles straddle line joins (gold text in another order, "
              "or next to text the prediction missed).\n")
    print_blames("Missed gold sentences", blame(gold, pred_shingles, split_sentences(gold)), top)


# --- prose mode ---------------------------------------------------------------------------------------


@dataclass
class Kept:
    """How much of one clean gold body survives ``clean_text``."""

    doc_id: str
    words: int
    kept: int
    output: str
    error: str = ""

    @property
    def share(self) -> float:
        return self.kept / self.words if self.words else 1.0


def words_kept(source: str, output: str) -> int:
    """Multiset count of the source's ``\\w+`` tokens still in the output.

    >>> words_kept("a b b c", "b a x")
    2
    """
    return sum((Counter(evaluate.tokenize(source)) & Counter(evaluate.tokenize(output))).values())


def run_prose(corpus: Corpus) -> List[Kept]:
    extract = make_clean_text()
    results = []
    for doc_id in corpus.ids:
        source = corpus.gold[doc_id]
        try:
            output, error = extract(source) or "", ""
        except Exception as exc:  # noqa: BLE001
            output, error = "", f"{type(exc).__name__}: {exc}"
        results.append(Kept(doc_id, len(evaluate.tokenize(source)), words_kept(source, output), output, error))
    return results


def print_prose(corpus: Corpus, results: List[Kept], lowest: int) -> None:
    words = sum(k.words for k in results)
    overall = sum(k.kept for k in results) / words if words else 1.0
    mean = sum(k.share for k in results) / len(results) if results else 1.0
    verdict = "PASS" if mean >= PROSE_THRESHOLD else "FAIL"
    errors = sum(1 for k in results if k.error)
    print(f"## prose mode: gold bodies fed back through `clean_text` ({len(results)} documents)\n")
    print(f"Words kept: **{mean:.2%}** mean per document ({verdict}, must be ≥ {PROSE_THRESHOLD:.0%}); "
          f"{overall:.2%} of all {words} words; {errors} errors.\n")
    worst = sorted(results, key=lambda k: (k.share, k.doc_id))[:lowest]
    worst = [k for k in worst if k.share < 1.0 or k.error]
    if not worst:
        return
    print("| document | kept | words | lost lines |\n| --- | ---: | ---: | --- |")
    for k in worst:
        print(f"| `{k.doc_id[:12]}` | {k.share:.1%} | {k.words} | {lost_lines(corpus.gold[k.doc_id], k)} |")
    print()


def lost_lines(source: str, kept: Kept, top: int = 3) -> str:
    if kept.error:
        return f"raised {_shorten(kept.error, 80)}"
    blames = blame(source, evaluate.shingles(kept.output), split_lines(source))
    lost = costliest(blames, top)
    return " / ".join(f"“{_shorten(b.text, 70)}”".replace("|", "\\|") for b in lost)


# --- scale --------------------------------------------------------------------------------------------


def run_scale(corpus: Corpus) -> None:
    texts = [corpus.inputs[i] for i in corpus.ids]
    extract = make_clean_text()
    time_pass(extract, texts[:5])  # warm-up: first-call setup is not what this table is about
    print(f"## scale: clean-article `clean_text` on each text repeated k times ({len(texts)} documents)\n")
    print("| copies | MB | seconds | MB/s | docs/s | CPU seconds | MB/s of CPU | errors |\n"
          "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for copies in SCALE_COPIES:
        inputs = ["\n\n".join([text] * copies) for text in texts]
        mb = sum(len(t.encode("utf-8")) for t in inputs) / 1e6
        timed = time_pass(extract, inputs)
        print(f"| {copies}× | {mb:.1f} | {timed.seconds:.2f} | {_rate(mb / timed.seconds)} "
              f"| {_rate(len(inputs) / timed.seconds)} | {timed.cpu_seconds:.2f} "
              f"| {_rate(mb / timed.cpu_seconds)} | {timed.errors} |")
    print()
    print("Wall-clock MB/s that falls while MB/s of CPU holds means the machine was busy, "
          "not that the cost is superlinear.\n")
    print_justext_ratio(texts, extract)


def print_justext_ratio(texts: Sequence[str], clean_extract: Extractor, rounds: int = 3) -> None:
    """jusText's docs/s over clean-article's: best of ``rounds`` interleaved passes each, to damp noise."""
    try:
        justext_extract = make_justext_text()
    except NotInstalled:
        print("jusText not installed: no speed ratio.\n")
        return
    clean_best = justext_best = float("inf")
    for _ in range(rounds):
        clean_best = min(clean_best, time_pass(clean_extract, texts).seconds)
        justext_best = min(justext_best, time_pass(justext_extract, texts).seconds)
    n = len(texts)
    print(f"Docs/s on the texts as they are, best of {rounds} interleaved passes: "
          f"clean-article {_rate(n / clean_best)}, jusText (one `<p>` per line) {_rate(n / justext_best)}: "
          f"jusText docs/s ÷ clean-article docs/s = **{clean_best / justext_best:.2f}**\n")


# --- command line -------------------------------------------------------------------------------------


def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path, help="folder with ground-truth.json, text/ and html/")
    parser.add_argument("--mode", choices=("text", "html", "prose", "all"), default="all")
    parser.add_argument("--worst", type=int, default=0, metavar="N",
                        help="list clean-article's N lowest-F1 documents and the lines that cost the most")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N documents")
    parser.add_argument("--systems", default=None,
                        help=f"comma-separated systems to run (default all): {','.join(ALL_KEYS)}; "
                             "prose mode and --scale always run clean-article")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="time each system as the best of N passes (default 1: one pass)")
    parser.add_argument("--scale", action="store_true",
                        help="also time clean_text on inputs repeated 1x, 10x, 100x, and compare with jusText")
    args = parser.parse_args(argv)
    if args.systems is not None:
        args.systems = [key.strip() for key in args.systems.split(",") if key.strip()]
        unknown = set(args.systems) - set(ALL_KEYS)
        if unknown:
            parser.error(f"unknown systems {sorted(unknown)}; choose from {ALL_KEYS}")
    if not (args.data_dir / "ground-truth.json").exists():
        parser.error(f"{args.data_dir}/ground-truth.json not found")
    return args


def run_extraction_mode(args: argparse.Namespace, mode: str) -> None:
    systems = select(SYSTEMS[mode], args.systems)
    if not systems:
        print(f"## {mode} mode: none of the chosen systems runs on this input\n")
        return
    corpus = load_corpus(args.data_dir, mode, args.limit)
    runs = [run_system(system, corpus, args.repeat) for system in systems]
    print_table(corpus, runs)
    ours = next((r for r in runs if r.system.key == "clean-article"), None)
    if args.worst and ours is not None:
        print_worst(ours, args.worst)


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parse_args(argv)
    logging.disable(logging.CRITICAL)  # the peers log warnings for every odd page
    print_header(args.data_dir, args.repeat)
    modes = ("text", "html", "prose") if args.mode == "all" else (args.mode,)
    for mode in modes:
        if mode == "prose":
            corpus = load_gold_corpus(args.data_dir, args.limit)
            print_prose(corpus, run_prose(corpus), args.worst or 10)
        else:
            run_extraction_mode(args, mode)
    if args.scale:
        run_scale(load_corpus(args.data_dir, "text", args.limit))
    return 0


if __name__ == "__main__":
    sys.exit(main())

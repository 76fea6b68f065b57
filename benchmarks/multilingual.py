#!/usr/bin/env python3
"""Snippet and metadata scores of article-cleaner and its peers on a folder in the multilingual-dev format.

    python benchmarks/multilingual.py DATA_DIR [--mode html|inscriptis|htmltext|text|all]
                                               [--systems a,b,...] [--worst N] [--jobs N] [--limit N]

DATA_DIR holds ``ground-truth.json`` ({id: {url, with, without, title, author, date,
language, html_lang}}), ``html/<id>.html.gz``, ``text-inscriptis/<id>.txt`` and
``text-htmltext/<id>.txt``, or another renderer's ``text/<id>.txt`` (written by
``benchmarks/render.py``); ``--mode all`` runs each input whose folder is there. The
metric is the data set's own (its README), implemented
and tested in ``cleaner/evaluate.py``: a snippet is found when it is a case-sensitive
substring of the whitespace-normalised output; micro P/R/F1 over all snippets. Prints
markdown: a header, then per input the body table, a per-language table, the metadata
tables, the safety-path counts and the optional worst pages. See benchmarks/README.md.
"""
from __future__ import annotations

import argparse
import datetime
import gzip
import logging
import os
import platform
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))  # the checkout this script is in, not an installed copy
sys.path.insert(0, str(HERE))

import quality  # noqa: E402  (benchmarks/quality.py: peers' helpers, versions, number format)

evaluate = quality.evaluate

#: input key -> (folder, file suffix). ``text``: another renderer's text of the same pages,
#: written by ``benchmarks/render.py DATA_DIR OUT_DIR --renderer NAME`` (run this script on OUT_DIR).
INPUTS = {"html": ("html", ".html.gz"), "inscriptis": ("text-inscriptis", ".txt"),
          "htmltext": ("text-htmltext", ".txt"), "text": ("text", ".txt")}
#: A page where clean-article keeps under this share of the ``with`` snippets that
#: trafilatura's default keeps is listed (the do-no-harm target of the project).
UNDER_SHARE = 0.5


# --- data ---------------------------------------------------------------------------------------------


def read_input(data_dir: Path, mode: str, doc_id: str) -> Optional[bytes]:
    """The file's bytes as stored (HTML gunzipped, charset as served); None when missing."""
    folder, suffix = INPUTS[mode]
    path = data_dir / folder / (doc_id + suffix)
    if not path.exists():
        return None
    data = path.read_bytes()
    return gzip.decompress(data) if suffix.endswith(".gz") else data


# --- systems ------------------------------------------------------------------------------------------


@dataclass
class Output:
    """One system's result on one page. ``meta`` is None for a system without metadata;
    ``trace`` (clean-article only) is what the passes saw, for ``--worst``."""

    text: str = ""
    meta: Optional[dict] = None
    warnings: List[str] = field(default_factory=list)
    seconds: float = 0.0
    error: str = ""
    trace: Optional["Trace"] = None
    #: clean-article only: whether cleaning the output again (as text) gives the same text.
    stable: Optional[bool] = None


@dataclass
class Trace:
    """The lines the passes ran on (each normalised text with its rule and reason, or
    None when kept), per document the cleaner built, and the pre-clean's drops."""

    docs: List[List[Tuple[str, Optional[str], Optional[str]]]]
    dropped: List[Tuple[str, str, str]]  # (rule, reason, text) removed before extraction


Runner = Callable[[bytes, str, dict], Output]


@dataclass(frozen=True)
class System:
    key: str
    label: str
    modes: Tuple[str, ...]
    make: Callable[[], Runner]


class _Capture:
    """A no-op pass put first: it keeps a reference to every document the cleaner
    runs its passes on, so ``--worst`` can tell which rule removed a snippet's line."""

    __name__ = "harness_capture"

    def __init__(self):
        self.docs = []

    def run(self, doc):
        self.docs.append(doc)
        return ()


def _trace(capture: _Capture, article) -> Trace:
    docs = []
    for doc in capture.docs:
        docs.append([(evaluate.normalise_whitespace(ln.text), *(_rule(doc.findings.get(ln.index))))
                     for ln in doc.lines if not ln.blank])
    dropped = [(r.rule, r.reason, r.text) for r in article.removed if r.line == 0]
    return Trace(docs, dropped)


def _rule(finding) -> Tuple[Optional[str], Optional[str]]:
    return (finding.rule, finding.reason) if finding is not None else (None, None)


def make_clean() -> Runner:
    from cleaner import clean
    from cleaner.passes import TEXT_PASSES

    def run(data: bytes, mode: str, page: dict) -> Output:
        capture = _Capture()
        start = time.perf_counter()
        article = clean(data, input_format="html" if mode == "html" else "text", url=page.get("url"),
                        passes=(capture,) + tuple(TEXT_PASSES))
        seconds = time.perf_counter() - start
        meta = {"title": article.title, "author": article.authors, "date": article.date_published}
        text = article.text or ""
        stable = clean(text, input_format="text").text == text  # untimed: the idempotence check
        return Output(text, meta, list(article.warnings), seconds, trace=_trace(capture, article), stable=stable)

    return run


def make_trafilatura(**options) -> Callable[[], Runner]:
    """trafilatura ``extract()`` timed for the body; with no options, also its metadata
    from ``bare_extraction(..., with_metadata=True)``, untimed (``extract()`` skips it)."""

    def make() -> Runner:
        trafilatura = quality._import("trafilatura")

        def run(data: bytes, mode: str, page: dict) -> Output:
            start = time.perf_counter()
            text = trafilatura.extract(data, url=page.get("url"), **options) or ""
            seconds = time.perf_counter() - start
            meta = None
            if not options:
                doc = trafilatura.bare_extraction(data, url=page.get("url"), with_metadata=True)
                meta = {"title": getattr(doc, "title", None), "author": getattr(doc, "author", None),
                        "date": getattr(doc, "date", None)}
            return Output(text, meta, seconds=seconds)

        return run

    return make


def make_readability() -> Runner:
    readability = quality._import("readability")

    def run(data: bytes, mode: str, page: dict) -> Output:
        start = time.perf_counter()
        text = quality.html_fragment_text(readability.Document(data, url=page.get("url")).summary())
        return Output(text, seconds=time.perf_counter() - start)

    return run


#: ISO 639-1 codes -> jusText stop-list names, for pages whose ``language`` names no stop list.
JUSTEXT_CODES = {"de": "German", "en": "English", "es": "Spanish", "fr": "French", "pl": "Polish",
                 "fi": "Finnish", "ru": "Russian", "pt": "Portuguese", "no": "Norwegian_Bokmal",
                 "nb": "Norwegian_Bokmal", "nn": "Norwegian_Nynorsk", "hu": "Hungarian", "it": "Italian",
                 "nl": "Dutch", "sv": "Swedish", "da": "Danish", "cs": "Czech", "sk": "Slovak",
                 "tr": "Turkish", "el": "Greek", "uk": "Ukrainian", "ro": "Romanian", "ca": "Catalan"}


def justext_language(page: dict, available) -> Optional[str]:
    """The jusText stop list for a page: its ``language`` when jusText has that list,
    else its ``html_lang`` code's list; None when neither (the caller then runs
    jusText language-independent, as its documentation describes).

    >>> justext_language({"language": "German"}, {"German", "English"})
    'German'
    >>> justext_language({"language": "Chinese", "html_lang": "en-US"}, {"German", "English"})
    'English'
    >>> justext_language({"language": "Chinese", "html_lang": None}, {"English"}) is None
    True
    """
    name = page.get("language")
    if name in available:
        return name
    code = (page.get("html_lang") or "").split("-")[0].split("_")[0].lower()
    name = JUSTEXT_CODES.get(code)
    return name if name in available else None


def make_justext() -> Runner:
    justext = quality._import("justext")
    available = set(justext.get_stoplists())
    lists: Dict[Optional[str], tuple] = {}

    def stoplist(page: dict) -> tuple:
        name = justext_language(page, available)
        if name not in lists:
            # No stop list: jusText's language-independent mode (empty list, density thresholds 0).
            lists[name] = ((justext.get_stoplist(name), {}) if name else
                           (frozenset(), {"stopwords_low": 0, "stopwords_high": 0}))
        return lists[name]

    def run(data: bytes, mode: str, page: dict) -> Output:
        words, params = stoplist(page)
        start = time.perf_counter()
        markup = data if mode == "html" else quality.wrap_lines(data.decode("utf-8", "replace"))
        paragraphs = justext.justext(markup, words, **params)
        text = "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
        return Output(text, seconds=time.perf_counter() - start)

    return run


def make_asis() -> Runner:
    def run(data: bytes, mode: str, page: dict) -> Output:
        start = time.perf_counter()
        text = data.decode("utf-8", "replace")
        return Output(text, seconds=time.perf_counter() - start)

    return run


TEXT_MODES = ("inscriptis", "htmltext", "text")
SYSTEMS = (
    System("clean-article", "clean-article `clean()`", tuple(INPUTS), make_clean),
    System("trafilatura", "trafilatura `extract()` default", ("html",), make_trafilatura()),
    System("trafilatura-precision", "trafilatura `favor_precision=True`", ("html",),
           make_trafilatura(favor_precision=True)),
    System("readability", "readability-lxml", ("html",), make_readability),
    System("justext", "jusText, stop list by language", tuple(INPUTS), make_justext),
    System("asis", "text as is", TEXT_MODES, make_asis),
)
BY_KEY = {s.key: s for s in SYSTEMS}
#: Older names that --systems still takes.
ALIASES = {"clean": "clean-article", "precision": "trafilatura-precision", "none": "asis"}

_RUNNERS: Dict[str, Runner] = {}


def run_page(job) -> Tuple[str, Output]:
    """One system on one page; an exception becomes an empty output with its message."""
    key, mode, doc_id, data, page = job
    try:
        runner = _RUNNERS.get(key)
        if runner is None:
            runner = _RUNNERS[key] = BY_KEY[key].make()
        return doc_id, runner(data, mode, page)
    except quality.NotInstalled:
        raise
    except Exception as exc:  # noqa: BLE001 - one broken page must not end the benchmark
        return doc_id, Output(error=f"{type(exc).__name__}: {exc}")


# --- scoring ------------------------------------------------------------------------------------------


@dataclass
class Run:
    """One system on one input: outputs, page scores, sums, per language."""

    system: System
    mode: str
    installed: bool = True
    outputs: Dict[str, Output] = field(default_factory=dict)
    scores: Dict[str, "evaluate.SnippetScore"] = field(default_factory=dict)
    total: "evaluate.SnippetCounts" = None
    by_lang: Dict[str, "evaluate.SnippetCounts"] = field(default_factory=dict)
    meta: Dict[str, "evaluate.MetadataCounts"] = field(default_factory=dict)
    meta_by_lang: Dict[str, Dict[str, "evaluate.MetadataCounts"]] = field(default_factory=dict)
    wrong_meta: Dict[str, List[Tuple[str, object, object]]] = field(default_factory=dict)

    @property
    def seconds(self) -> float:
        return sum(o.seconds for o in self.outputs.values())

    @property
    def errors(self) -> int:
        return sum(1 for o in self.outputs.values() if o.error)

    @property
    def has_meta(self) -> bool:
        return any(o.meta is not None for o in self.outputs.values())


def score_run(run: Run, gold: Dict[str, dict]) -> None:
    run.total = evaluate.SnippetCounts()
    by_lang = defaultdict(evaluate.SnippetCounts)
    meta = {name: evaluate.MetadataCounts() for name in evaluate.METADATA_FIELDS}
    meta_by_lang = defaultdict(lambda: {name: evaluate.MetadataCounts() for name in evaluate.METADATA_FIELDS})
    for doc_id, out in run.outputs.items():
        page = gold[doc_id]
        score = evaluate.score_snippets(out.text, page.get("with"), page.get("without"))
        run.scores[doc_id] = score
        run.total = run.total + score.counts
        lang = page.get("language") or "?"
        by_lang[lang] = by_lang[lang] + score.counts
        if out.meta is None:
            continue
        for name in evaluate.METADATA_FIELDS:
            verdict = meta[name].add(name, out.meta.get(name), page.get(name))
            meta_by_lang[lang][name].add(name, out.meta.get(name), page.get(name))
            if verdict is False:
                run.wrong_meta.setdefault(doc_id, []).append((name, out.meta.get(name), page.get(name)))
    run.by_lang, run.meta, run.meta_by_lang = dict(by_lang), meta, dict(meta_by_lang)


def run_system(system: System, mode: str, inputs: Dict[str, bytes], gold: Dict[str, dict], jobs: int) -> Run:
    run = Run(system, mode)
    work = [(system.key, mode, doc_id, data, gold[doc_id]) for doc_id, data in inputs.items()]
    try:
        if jobs <= 1:
            if work:
                run_page(work[0])  # warm-up, untimed: imports and first-call caches are not per-page cost
            results = [run_page(job) for job in work]
        else:
            with get_context("fork").Pool(jobs) as pool:
                results = pool.map(run_page, work, chunksize=4)
    except quality.NotInstalled:
        run.installed = False
        return run
    run.outputs = dict(results)
    score_run(run, gold)
    return run


# --- report -------------------------------------------------------------------------------------------


def machine() -> str:
    """Architecture, CPU model (Linux) and cores."""
    model = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            model = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "")
    except OSError:
        pass
    return ", ".join(x for x in (platform.machine(), model, f"{os.cpu_count()} cores") if x)


def print_header(data_dir: Path, pages: int, jobs: int) -> None:
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    peers = ", ".join(f"{name} {quality.package_version(name)}" for name in quality.PEER_PACKAGES)
    print("# article-cleaner multilingual benchmark\n")
    print(f"- date: {now}; machine: {machine()}; python {platform.python_version()}")
    print(f"- data: `{data_dir.name}` ({pages} pages); article-cleaner {quality.cleaner_origin()}")
    print(f"- peers: {peers}")
    print("- metric: snippets found in the whitespace-normalised output, micro P/R/F1 over all snippets")
    timing = ("one process, input in memory" if jobs <= 1 else
              f"{jobs} worker processes: docs/s is NOT comparable with single-process figures")
    print(f"- timing: the body call only, summed per page; {timing}\n")


def _f(value: Optional[float]) -> str:
    return "-" if value is None else f"{value:.3f}"


def print_body_table(mode: str, inputs: Dict[str, bytes], runs: Sequence[Run]) -> None:
    folder = INPUTS[mode][0]
    mb = sum(len(d) for d in inputs.values()) / 1e6
    print(f"## {mode}: `{folder}/`, {len(inputs)} pages, {quality._rate(mb)} MB\n")
    print("| system | F1 | P | R | with found | without kept | docs/s | errors |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for run in runs:
        if not run.installed:
            print(f"| {run.system.label} | not installed | | | | | | |")
            continue
        t = run.total
        rate = quality._rate(len(run.outputs) / run.seconds) if run.seconds else "-"
        print(f"| {run.system.label} | {t.f1:.3f} | {t.precision:.3f} | {t.recall:.3f} | {t.tp}/{t.tp + t.fn} "
              f"| {t.fp}/{t.fp + t.tn} | {rate} | {run.errors} |")
    print()
    for run in runs:
        failed = [(i, o.error) for i, o in run.outputs.items() if o.error]
        if failed:
            print(f"- {run.system.key}: {len(failed)} pages raised (empty output); first: `{failed[0][0]}` "
                  f"{quality._shorten(failed[0][1], 160)}")
    if any(run.errors for run in runs):
        print()


def languages(gold: Dict[str, dict], ids) -> List[Tuple[str, int]]:
    counts = Counter(gold[i].get("language") or "?" for i in ids)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def print_language_table(mode: str, gold: Dict[str, dict], runs: Sequence[Run]) -> None:
    runs = [r for r in runs if r.installed]
    if not runs:
        return
    ids = list(runs[0].outputs)
    ours = next((r for r in runs if r.system.key == "clean-article"), None)
    head = " | ".join(f"{r.system.key} F1" for r in runs)
    extra = " | clean-article P | clean-article R" if ours else ""
    print(f"### {mode}: by language (gold `language`)\n")
    print(f"| language | pages | with | without | {head}{extra} |")
    print("| --- | ---: | ---: | ---: |" + " ---: |" * (len(runs) + (2 if ours else 0)))
    for lang, pages in languages(gold, ids):
        n = runs[0].by_lang.get(lang, evaluate.SnippetCounts())
        cells = " | ".join(f"{r.by_lang[lang].f1:.3f}" if lang in r.by_lang else "-" for r in runs)
        if ours:
            c = ours.by_lang[lang]
            cells += f" | {c.precision:.3f} | {c.recall:.3f}"
        print(f"| {lang} | {pages} | {n.tp + n.fn} | {n.fp + n.tn} | {cells} |")
    print()


def print_metadata_tables(all_runs: Dict[str, List[Run]], gold: Dict[str, dict]) -> None:
    rows = [(mode, r) for mode, runs in all_runs.items() for r in runs if r.installed and r.has_meta]
    if not rows:
        return
    print("## Metadata: title, author, date\n")
    print("Share right on pages with non-empty gold, then on all annotated pages (empty gold: the output "
          "must be empty too).\n")
    print("| input | system | title | author | date | title, all | author, all | date, all |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for mode, run in rows:
        m = run.meta
        cells = " | ".join(_f(m[n].accuracy) for n in evaluate.METADATA_FIELDS)
        cells_all = " | ".join(_f(m[n].accuracy_all) for n in evaluate.METADATA_FIELDS)
        print(f"| {mode} | {run.system.key} | {cells} | {cells_all} |")
    if any(r.system.key == "trafilatura" for _, r in rows):
        for mode in all_runs:
            if mode in TEXT_MODES:
                print(f"| {mode} | trafilatura | n/a: no metadata from text | | | | | |")
    m = rows[0][1].meta
    print("\nPages: " + ", ".join(f"{n} {m[n].pages} non-empty of {m[n].pages_all} annotated"
                                  for n in evaluate.METADATA_FIELDS) + ".\n")
    for mode in all_runs:
        runs = [r for m_, r in rows if m_ == mode]
        if not runs:
            continue
        ids = list(runs[0].outputs)
        print(f"### {mode}: metadata by language (non-empty gold / all annotated)\n")
        head = " | ".join(f"{r.system.key} {n}" for r in runs for n in evaluate.METADATA_FIELDS)
        print(f"| language | pages | {head} |")
        print("| --- | ---: |" + " ---: |" * (3 * len(runs)))
        for lang, pages in languages(gold, ids):
            cells = []
            for r in runs:
                counts = r.meta_by_lang.get(lang)
                for n in evaluate.METADATA_FIELDS:
                    c = counts[n] if counts else evaluate.MetadataCounts()
                    cells.append(f"{_f(c.accuracy)} / {_f(c.accuracy_all)}")
            print(f"| {lang} | {pages} | {' | '.join(cells)} |")
        print()


_DIGITS = re.compile(r"(?<![\w-])\d[\d,.]*(?![\w-])")  # a count, not the 8 of "UTF-8"


def warning_kind(warning: str) -> str:
    """A warning's kind: its text up to the first ':', numbers folded to N.

    >>> warning_kind("fallback: trafilatura kept 3 lines"), warning_kind("1,024 bytes after the gzip data ignored")
    ('fallback', 'N bytes after the gzip data ignored')
    >>> warning_kind("12 invalid UTF-8 bytes read as windows-1252")
    'N invalid UTF-8 bytes read as windows-1252'
    """
    return _DIGITS.sub("N", warning.split(":", 1)[0].strip())


def print_safety(all_runs: Dict[str, List[Run]], gold: Dict[str, dict],
                 inputs: Optional[Dict[str, Dict[str, bytes]]] = None) -> None:
    ours = {mode: r for mode, runs in all_runs.items() for r in runs
            if r.system.key == "clean-article" and r.installed}
    if not ours:
        return
    kinds: Dict[str, Counter] = {mode: Counter() for mode in ours}
    for mode, run in ours.items():
        for out in run.outputs.values():
            for kind in {warning_kind(w) for w in out.warnings}:
                kinds[mode][kind] += 1
            if not out.text.strip():
                kinds[mode]["(empty body)"] += 1
    print("## Safety and fallback paths of clean-article\n")
    print("Pages whose `warnings` hold each kind (text up to the first ':'), and pages with an empty body.\n")
    names = sorted(set().union(*kinds.values()))
    print("| warning | " + " | ".join(ours) + " |")
    print("| --- |" + " ---: |" * len(ours))
    for name in names:
        print(f"| {name} | " + " | ".join(str(kinds[mode][name]) for mode in ours) + " |")
    if not names:
        print("| (none) |" + " 0 |" * len(ours))
    print()
    changed = {mode: [i for i, o in run.outputs.items() if o.stable is False] for mode, run in ours.items()}
    print("Pages whose output changes when cleaned again (as text): "
          + ", ".join(f"{mode} **{len(ids)}** of {len(ours[mode].outputs)}" for mode, ids in changed.items())
          + ".\n")
    for mode, ids in changed.items():
        if ids:
            print(f"- {mode}: " + ", ".join(f"`{i}`" for i in ids[:20]) + (" …" if len(ids) > 20 else ""))
    if any(changed.values()):
        print()
    for mode in (m for m in ours if m in TEXT_MODES and inputs and m in inputs):
        lost = under_half_of_input(ours[mode], inputs[mode], gold)
        print(f"{mode} pages where clean-article keeps under {UNDER_SHARE:.0%} of the `with` snippets the input as "
              f"is holds, in the visible text: **{len(lost)}** ({_warned(ours[mode], lost)} with a warning).\n")
        _print_pages(ours[mode], lost, gold, "the input's")
    base = next((r for r in all_runs.get("html", []) if r.system.key == "trafilatura" and r.installed), None)
    if "html" not in ours or base is None:
        if "html" in ours:
            print("(Run trafilatura in the same run to list the pages where clean-article keeps under half of "
                  "what its default keeps.)\n")
        return
    exact = under_half(ours["html"], base)
    under = under_half(ours["html"], base, gold)
    print(f"HTML pages where clean-article keeps under {UNDER_SHARE:.0%} of the `with` snippets trafilatura's "
          f"default keeps, in the visible text: **{len(under)}** ({_warned(ours['html'], under)} with a warning); "
          f"by exact match: {len(exact)}.\n")
    listed = {doc_id for doc_id, _, _ in under}
    _print_pages(ours["html"], exact, gold, "trafilatura's",
                 {doc_id: " (exact match only: the text is there with format characters)"
                  for doc_id, _, _ in exact if doc_id not in listed})


def _warned(run: Run, pages: List[Tuple[str, int, int]]) -> int:
    """How many of the listed ``pages`` carry a warning in ``run``."""
    return sum(1 for doc_id, _, _ in pages if run.outputs[doc_id].warnings)


def _print_pages(run: Run, pages: List[Tuple[str, int, int]], gold: Dict[str, dict], of: str,
                 notes: Optional[Dict[str, str]] = None) -> None:
    """The pages of a safety count, one a line: (id, found by ``run``, found by ``of``), a note,
    the page's warnings; a blank line after a list."""
    for doc_id, found, held in pages:
        warnings = "; ".join(run.outputs[doc_id].warnings) or "no warning"
        note = (notes or {}).get(doc_id, "")
        print(f"- `{doc_id}` ({gold[doc_id].get('language')}): {found} of {of} {held}{note}; "
              f"{quality._shorten(warnings, 160)}")
    if pages:
        print()


def under_half(ours: Run, base: Run, gold: Optional[Dict[str, dict]] = None) -> List[Tuple[str, int, int]]:
    """The pages where ``ours`` finds under :data:`UNDER_SHARE` of the ``with`` snippets ``base`` finds.

    With ``gold``, a page is counted again on the visible text (:func:`visible_found`) and
    listed only when it is still under: the safety count asks whether the article's text
    is there, and a soft hyphen the page holds in a word and its gold leaves out is no lost
    text. The F1 tables keep the data set's exact metric.
    """
    out = []
    for doc_id, score in ours.scores.items():
        base_found = base.scores[doc_id].counts.tp if doc_id in base.scores else 0
        if base_found and score.counts.tp < UNDER_SHARE * base_found:
            if gold is not None:
                snippets = gold[doc_id].get("with") or []
                ours_found = visible_found(ours.outputs[doc_id].text, snippets)
                base_found = visible_found(base.outputs[doc_id].text, snippets)
                if ours_found >= UNDER_SHARE * base_found:
                    continue
                out.append((doc_id, ours_found, base_found))
            else:
                out.append((doc_id, score.counts.tp, base_found))
    return out


def under_half_of_input(ours: Run, inputs: Dict[str, bytes], gold: Dict[str, dict]) -> List[Tuple[str, int, int]]:
    """The text pages where ``ours`` finds under :data:`UNDER_SHARE` of the ``with`` snippets that
    the input as is holds (read as :func:`make_asis` reads it), both compared as :func:`visible`
    text: (id, found in ours, found in the input). The text-mode floor: text mode only removes
    lines, so the input is all it can keep.
    """
    out = []
    for doc_id, out_ in ours.outputs.items():
        snippets = gold[doc_id].get("with") or []
        held = visible_found(inputs[doc_id].decode("utf-8", "replace"), snippets) if doc_id in inputs else 0
        if held:
            found = visible_found(out_.text, snippets)
            if found < UNDER_SHARE * held:
                out.append((doc_id, found, held))
    return out


def visible(text: str) -> str:
    """``text`` whitespace-normalised, without Unicode's invisible format characters (category Cf:
    soft hyphens, zero-width joiners, bidirectional marks).

    >>> visible("Werk\\u00adzeug  und\\nmehr") == "Werkzeug und mehr"
    True
    """
    return evaluate.normalise_whitespace("".join(c for c in text if unicodedata.category(c) != "Cf"))


def visible_found(text: str, snippets: Sequence[str]) -> int:
    """How many of ``snippets`` ``text`` holds when both are compared as :func:`visible` text.

    >>> visible_found("Die Werk\\u00adzeug\\u00adtypen der Steinzeit.", ["Die Werkzeugtypen", "Eisenzeit"])
    1
    """
    shown = visible(text or "")
    return sum(1 for s in snippets if evaluate.snippet_found(visible(s), shown))


# --- --worst: which rule cost each snippet -------------------------------------------------------------


def blame_in_lines(snippet: str, lines) -> Optional[List[Tuple[str, str]]]:
    """The (rule, reason) of the removed lines the snippet's first occurrence spans in
    ``lines`` ((text, rule, reason) with normalised text); None when it is not there.

    >>> lines = [("Body one.", None, None), ("Share on X", "cta.share", "share prompt"), ("More", None, None)]
    >>> blame_in_lines("one. Share on", lines)
    [('cta.share', 'share prompt')]
    >>> blame_in_lines("Body one.", lines), blame_in_lines("absent", lines)
    ([], None)
    """
    texts = [t for t, _, _ in lines]
    joined = " ".join(texts)
    at = joined.find(snippet)
    if at < 0:
        return None
    end, start, found = at + len(snippet), 0, []
    for text, rule, reason in lines:
        stop = start + len(text)
        if start < end and at < stop and rule is not None and (rule, reason) not in found:
            found.append((rule, reason))
        start = stop + 1
    return found


@lru_cache(maxsize=4)
def page_text(data: bytes) -> str:
    """The page's visible text, normalised, a space after every block (for "not in input")."""
    from trafilatura.utils import load_html

    tree = load_html(data)
    if tree is None:
        return ""
    for element in tree.iter(*quality._BLOCK_TAGS):
        element.tail = " " + (element.tail or "")
    return evaluate.normalise_whitespace(tree.text_content())


#: Characters of a snippet's start or end looked for in the pre-clean's drops when the
#: whole snippet is in none of them (it straddled a dropped container's edge).
EDGE_CHARS = 20


def blame_missed(snippet: str, out: Output, mode: str, data: bytes, peers: Dict[str, bool]) -> str:
    """Why clean-article's output lacks ``snippet``: the rule(s) of the line(s) that held it, else
    where it was lost. ``peers``: which other HTML extractions of the same run have it."""
    s = evaluate.normalise_whitespace(snippet)
    trace = out.trace
    if trace is not None:
        for lines in trace.docs:
            rules = blame_in_lines(s, lines)
            if rules:
                return "; ".join(f"{rule}: {reason}" for rule, reason in rules)
            if rules == []:
                return "kept by the passes but not in the rendered body"
        for rule, reason, text in trace.dropped:
            if s in evaluate.normalise_whitespace(text):
                return f"{rule}: {reason} (pre-clean)"
        if len(s) > 2 * EDGE_CHARS:
            for rule, reason, text in trace.dropped:
                text = evaluate.normalise_whitespace(text)
                if s[:EDGE_CHARS] in text or s[-EDGE_CHARS:] in text:
                    return f"{rule}: {reason} (pre-clean; part of the snippet)"
    if mode == "html":
        if s not in page_text(data):
            return "not in input (the page's text)"
        said = ", ".join(f"{name} {'keeps' if found else 'drops'} it" for name, found in peers.items())
        return "not in extractor output" + (f" ({said})" if said else "")
    if s not in evaluate.normalise_whitespace(data.decode("utf-8", "replace")):
        return "not in input"
    return "not in the passes' input"


def print_worst(mode: str, runs: Sequence[Run], inputs: Dict[str, bytes], gold: Dict[str, dict], count: int) -> None:
    ours = next((r for r in runs if r.system.key == "clean-article" and r.installed), None)
    if ours is None:
        return
    peers = {name: r for r in runs if r.installed
             for key, name in (("trafilatura", "trafilatura default"), ("trafilatura-precision", "favor_precision"))
             if r.system.key == key}

    def cost(doc_id):
        c = ours.scores[doc_id].counts
        return (-(c.fn + c.fp), -len(ours.wrong_meta.get(doc_id, ())), doc_id)

    ranked = sorted(ours.outputs, key=cost)[:count]
    print(f"## {mode}: the {len(ranked)} worst pages of clean-article\n")
    print("Ranked by missed `with` plus kept `without` snippets; each missed snippet with the rule that removed "
          "its line (or where it was lost), each kept one with the reason it stayed.\n")
    for rank, doc_id in enumerate(ranked, 1):
        page, out, score = gold[doc_id], ours.outputs[doc_id], ours.scores[doc_id]
        c = score.counts
        print(f"### {rank}. `{doc_id}` ({page.get('language')}) {page.get('url')}\n")
        print(f"{c.tp}/{c.tp + c.fn} `with` found, {c.fp}/{c.fp + c.tn} `without` kept"
              + (f"; warnings: {'; '.join(out.warnings)}" if out.warnings else "")
              + (f"; raised: {out.error}" if out.error else "") + "\n")
        for snippet in score.missed:
            found = {name: evaluate.snippet_found(snippet, evaluate.normalise_whitespace(r.outputs[doc_id].text))
                     for name, r in peers.items() if doc_id in r.outputs}
            why = blame_missed(snippet, out, mode, inputs[doc_id], found)
            print(f"- missed: “{quality._shorten(evaluate.normalise_whitespace(snippet), 90)}” ← {why}")
        for snippet in score.kept:
            print(f"- kept: “{quality._shorten(evaluate.normalise_whitespace(snippet), 90)}” ← no rule matched")
        for name, got, want in ours.wrong_meta.get(doc_id, ()):
            print(f"- {name}: got {_show(got)}, gold {_show(want)}")
        print()


def _show(value) -> str:
    if isinstance(value, (list, tuple)):
        value = "; ".join(value)
    return f"“{quality._shorten(str(value), 80)}”" if value else "(none)"


# --- command line -------------------------------------------------------------------------------------


def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path, help="folder with ground-truth.json, html/, text-inscriptis/, "
                                                    "text-htmltext/")
    parser.add_argument("--mode", default="all", choices=list(INPUTS) + ["all"])
    parser.add_argument("--systems", default=None,
                        help=f"comma-separated (default all): {','.join(BY_KEY)}; each input runs those "
                             "that apply to it")
    parser.add_argument("--worst", type=int, default=0, metavar="N",
                        help="list clean-article's N worst pages per input, with the rule behind each error")
    parser.add_argument("--jobs", type=int, default=1, metavar="N",
                        help="worker processes (default 1; with more, docs/s is not comparable)")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N pages (sorted ids)")
    args = parser.parse_args(argv)
    if args.systems is not None:
        keys = [ALIASES.get(k.strip(), k.strip()) for k in args.systems.split(",") if k.strip()]
        unknown = set(keys) - set(BY_KEY)
        if unknown:
            parser.error(f"unknown systems {sorted(unknown)}; choose from {list(BY_KEY)}")
        args.systems = keys
    if not (args.data_dir / "ground-truth.json").exists():
        parser.error(f"{args.data_dir}/ground-truth.json not found")
    return args


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parse_args(argv)
    logging.disable(logging.CRITICAL)  # the peers log warnings for every odd page
    gold = quality.load_ground_truth(args.data_dir)
    ids = sorted(gold)[: args.limit] if args.limit else sorted(gold)
    modes = [m for m in INPUTS if (args.data_dir / INPUTS[m][0]).is_dir()] if args.mode == "all" else [args.mode]
    print_header(args.data_dir, len(ids), args.jobs)
    all_runs: Dict[str, List[Run]] = {}
    all_inputs: Dict[str, Dict[str, bytes]] = {}
    for mode in modes:
        inputs = {i: d for i in ids if (d := read_input(args.data_dir, mode, i)) is not None}
        if not inputs:
            print(f"## {mode}: no `{INPUTS[mode][0]}/` files\n")
            continue
        systems = [s for s in SYSTEMS if mode in s.modes and (args.systems is None or s.key in args.systems)]
        runs = all_runs[mode] = [run_system(s, mode, inputs, gold, args.jobs) for s in systems]
        print_body_table(mode, inputs, runs)
        print_language_table(mode, gold, runs)
        all_inputs[mode] = inputs
        sys.stdout.flush()
    print_metadata_tables(all_runs, gold)
    print_safety(all_runs, gold, all_inputs)
    if args.worst:
        for mode, runs in all_runs.items():
            print_worst(mode, runs, all_inputs[mode], gold, args.worst)
    return 0


if __name__ == "__main__":
    sys.exit(main())

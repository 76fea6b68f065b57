#!/usr/bin/env python3
"""Both development sets in one command: every data set folder given, each with its own metric.

    python benchmarks/devsets.py BENCH_DIR [BENCH_DIR ...] [--worst N] [--jobs N] [--limit N]

Each argument is a data set folder (it holds ``ground-truth.json``) or a parent folder
whose sub-folders are data sets (``../shared/bench``). The format is read from the
ground truth: ``articleBody`` entries (zyte-dev) run ``benchmarks/quality.py`` (word
shingles; text, html and prose modes), ``with``/``without`` entries (multilingual-dev)
run ``benchmarks/multilingual.py`` (snippets and metadata, all inputs). Peers run in the
same process. After the shingle set's tables come the safety checks the snippet set
prints too: clean-article's warnings by kind, the pages whose output changes when cleaned
again, and the HTML pages where clean-article keeps under half of the gold shingles
trafilatura's default keeps. See benchmarks/README.md.
"""
from __future__ import annotations

import argparse
import logging
import sys
from collections import Counter
from pathlib import Path
from typing import List, Optional, Sequence

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import multilingual  # noqa: E402
import quality  # noqa: E402

evaluate = quality.evaluate


def data_sets(paths: Sequence[Path]) -> List[Path]:
    """The data set folders named by ``paths``: each one itself, or its sub-folders with a ground truth."""
    found = []
    for path in paths:
        if (path / "ground-truth.json").exists():
            found.append(path)
        else:
            found.extend(sorted(p for p in path.iterdir() if (p / "ground-truth.json").exists()))
    return found


def data_format(data_dir: Path) -> str:
    """``snippets`` (multilingual-dev), ``shingles`` (zyte-dev) or ``unknown``, from the first gold entry."""
    first = next(iter(quality.load_ground_truth(data_dir).values()), {})
    if "with" in first:
        return "snippets"
    if "articleBody" in first:
        return "shingles"
    return "unknown"


def shingle_safety(data_dir: Path, limit: Optional[int]) -> None:
    """clean-article's warnings on the shingle set, and the HTML pages where it keeps under
    half of the gold shingles that trafilatura's default keeps (run again here: quality.py's
    table keeps only the text)."""
    import trafilatura

    from cleaner import clean

    logging.disable(logging.CRITICAL)
    kinds = {}
    under = []
    changed = Counter()  # pages whose output changes when cleaned again
    for mode in ("text", "html"):
        corpus = quality.load_corpus(data_dir, mode, limit)
        kinds[mode] = Counter()
        for doc_id in corpus.ids:
            raw = corpus.inputs[doc_id]
            try:
                article = clean(raw, input_format=mode)
            except Exception as exc:  # noqa: BLE001
                kinds[mode][f"(raised {type(exc).__name__})"] += 1
                continue
            if clean(article.text, input_format="text").text != article.text:
                changed[mode] += 1
            for kind in {multilingual.warning_kind(w) for w in article.warnings}:
                kinds[mode][kind] += 1
            if not article.text.strip():
                kinds[mode]["(empty body)"] += 1
            if mode != "html":
                continue
            gold = evaluate.shingles(corpus.gold[doc_id])
            ours = evaluate.overlap(evaluate.shingles(article.text), gold)[0]
            base = evaluate.overlap(evaluate.shingles(trafilatura.extract(raw) or ""), gold)[0]
            if base and ours < multilingual.UNDER_SHARE * base:
                under.append((doc_id, ours, base, article.warnings))
    print(f"## Safety and fallback paths of clean-article on `{data_dir.name}`\n")
    print("Pages whose `warnings` hold each kind (text up to the first ':'), and pages with an empty body.\n")
    names = sorted(set(kinds["text"]) | set(kinds["html"]))
    print("| warning | text | html |\n| --- | ---: | ---: |")
    for name in names:
        print(f"| {name} | {kinds['text'][name]} | {kinds['html'][name]} |")
    if not names:
        print("| (none) | 0 | 0 |")
    print(f"\nPages whose output changes when cleaned again (as text): text **{changed['text']}**, "
          f"html **{changed['html']}**.")
    warned = sum(1 for *_, w in under if w)
    print(f"\nHTML pages where clean-article keeps under {multilingual.UNDER_SHARE:.0%} of the gold shingles "
          f"trafilatura's default keeps: **{len(under)}** ({warned} with a warning).\n")
    for doc_id, ours, base, warnings in under:
        print(f"- `{doc_id}`: {ours} of trafilatura's {base} shingles; "
              f"{quality._shorten('; '.join(warnings) or 'no warning', 160)}")
    if under:
        print()


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", type=Path,
                        help="data set folders, or a parent folder of them (e.g. ../shared/bench)")
    parser.add_argument("--worst", type=int, default=0, metavar="N", help="each set's N worst pages per input")
    parser.add_argument("--jobs", type=int, default=1, metavar="N",
                        help="worker processes for the snippet set (default 1; more: docs/s not comparable)")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N pages of each set")
    args = parser.parse_args(argv)
    sets = data_sets(args.paths)
    if not sets:
        parser.error("no folder with a ground-truth.json among " + ", ".join(map(str, args.paths)))
    common = (["--worst", str(args.worst)] if args.worst else []) + \
             (["--limit", str(args.limit)] if args.limit else [])
    status = 0
    for data_dir in sets:
        kind = data_format(data_dir)
        if kind == "snippets":
            status |= multilingual.main([str(data_dir), "--jobs", str(args.jobs)] + common)
        elif kind == "shingles":
            status |= quality.main([str(data_dir)] + common)
            shingle_safety(data_dir, args.limit)
        else:
            print(f"# `{data_dir}`: ground truth in an unknown format, skipped\n")
            status = 1
        sys.stdout.flush()
    return status


if __name__ == "__main__":
    sys.exit(main())

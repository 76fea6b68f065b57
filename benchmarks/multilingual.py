#!/usr/bin/env python3
"""Snippet and metadata scores on a folder in the multilingual-dev format.

    python benchmarks/multilingual.py DATA_DIR [--mode html|inscriptis|htmltext|all]
                                               [--systems clean,...] [--worst N] [--jobs N]

DATA_DIR holds ``ground-truth.json`` ({id: {url, with, without, title, author, date,
language, html_lang}}), ``html/<id>.html.gz``, ``text-inscriptis/<id>.txt`` and
``text-htmltext/<id>.txt``. The metric is the data set's own (its README): a snippet is
found when it is a case-sensitive substring of the whitespace-normalised output.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import defaultdict
from multiprocessing import get_context
from pathlib import Path
from typing import Dict, Optional

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # the checkout this script is in, not an installed copy

MODES = {"html": ("html", ".html.gz"), "inscriptis": ("text-inscriptis", ".txt"),
         "htmltext": ("text-htmltext", ".txt")}
_WS = re.compile(r"\s+")


def norm(text: Optional[str]) -> str:
    return _WS.sub(" ", text or "").strip()


_AUTHOR_SPLIT = re.compile(r"\s*(?:[,;&|]|\band\b|\bund\b|\bet\b|\by\b)\s*", re.I)
_AUTHOR_LEAD = re.compile(r"^(?:by|von|par|por)\s+", re.I)


def author_set(value) -> frozenset:
    if isinstance(value, (list, tuple)):
        value = ", ".join(v for v in value if v)
    names = set()
    for part in _AUTHOR_SPLIT.split(norm(value)):
        part = _AUTHOR_LEAD.sub("", part.strip()).casefold()
        if part:
            names.add(part)
    return frozenset(names)


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def first_day(value: Optional[str]) -> Optional[str]:
    m = _DAY.search(value or "")
    return m.group(0) if m else None


def read_input(data_dir: Path, mode: str, doc_id: str) -> Optional[bytes]:
    folder, ext = MODES[mode]
    path = data_dir / folder / (doc_id + ext)
    if not path.exists():
        return None
    data = path.read_bytes()
    return gzip.decompress(data) if ext.endswith(".gz") else data


# --- systems: each takes bytes and returns (text, metadata dict) -------------------------------


def sys_clean(data: bytes, mode: str, url: str):
    from cleaner import clean

    article = clean(data, input_format="html" if mode == "html" else "text", url=url)
    return article.text, {"title": article.title, "authors": article.authors,
                          "date": article.date_published, "warnings": article.warnings}


def sys_trafilatura(data: bytes, mode: str, url: str, **options):
    import trafilatura

    if mode != "html":
        return None
    doc = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False,
                                      include_tables=True, **options)
    if doc is None:
        return "", {}
    d = doc.as_dict() if hasattr(doc, "as_dict") else doc
    return d.get("text") or "", {"title": d.get("title"), "authors": d.get("author"), "date": d.get("date")}


def sys_precision(data, mode, url):
    return sys_trafilatura(data, mode, url, favor_precision=True)


def sys_asis(data: bytes, mode: str, url: str):
    if mode == "html":
        return None
    return data.decode("utf-8", "replace"), {}


SYSTEMS = {"clean": sys_clean, "trafilatura": sys_trafilatura, "precision": sys_precision,
           "asis": sys_asis}


def _one(job):
    name, data_dir, mode, doc_id, url = job
    data = read_input(Path(data_dir), mode, doc_id)
    if data is None:
        return doc_id, None
    try:
        return doc_id, SYSTEMS[name](data, mode, url)
    except Exception as exc:  # noqa: BLE001
        return doc_id, ("", {"error": repr(exc)})


def score(gold: Dict[str, dict], outputs: Dict[str, tuple]):
    tp = fn = fp = tn = 0
    per_doc = {}
    meta = {"title": [0, 0], "author": [0, 0], "date": [0, 0]}
    by_lang = defaultdict(lambda: [0, 0, 0, 0])
    for doc_id, result in outputs.items():
        if result is None:
            continue
        text, md = result
        out = norm(text)
        g = gold[doc_id]
        w_found = [s for s in g.get("with") or [] if norm(s) in out]
        w_miss = [s for s in g.get("with") or [] if norm(s) not in out]
        wo_found = [s for s in g.get("without") or [] if norm(s) in out]
        wo_ok = len(g.get("without") or []) - len(wo_found)
        tp += len(w_found)
        fn += len(w_miss)
        fp += len(wo_found)
        tn += wo_ok
        lang = g.get("language") or "?"
        c = by_lang[lang]
        c[0] += len(w_found)
        c[1] += len(w_miss)
        c[2] += len(wo_found)
        c[3] += wo_ok
        per_doc[doc_id] = (w_miss, wo_found, len(w_found))
        if md is not None and "title" in md:
            if g.get("title"):
                meta["title"][1] += 1
                meta["title"][0] += norm(md.get("title")) == norm(g["title"])
            if g.get("author"):
                meta["author"][1] += 1
                meta["author"][0] += author_set(md.get("authors")) == author_set(g["author"])
            if g.get("date"):
                meta["date"][1] += 1
                meta["date"][0] += first_day(md.get("date")) == first_day(g["date"])
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return (f, p, r), meta, per_doc, by_lang


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--mode", default="all", choices=list(MODES) + ["all"])
    ap.add_argument("--systems", default="clean")
    ap.add_argument("--worst", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=int)
    args = ap.parse_args(argv)
    gold = json.loads((args.data_dir / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(gold)[: args.limit] if args.limit else sorted(gold)
    modes = list(MODES) if args.mode == "all" else [args.mode]
    ctx = get_context("fork")
    print("| mode | system | F1 | P | R | title | author | date | s |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    worst = []
    for mode in modes:
        for name in args.systems.split(","):
            jobs = [(name, str(args.data_dir), mode, i, gold[i].get("url")) for i in ids]
            start = time.perf_counter()
            with ctx.Pool(args.jobs) as pool:
                outputs = dict(pool.imap_unordered(_one, jobs, chunksize=4))
            took = time.perf_counter() - start
            if all(v is None for v in outputs.values()):
                continue
            (f, p, r), meta, per_doc, _ = score(gold, outputs)
            m = ["%.3f" % (a / b) if b else "-" for a, b in (meta["title"], meta["author"], meta["date"])]
            print(f"| {mode} | {name} | {f:.3f} | {p:.3f} | {r:.3f} | {m[0]} | {m[1]} | {m[2]} | {took:.1f} |")
            if args.worst and name == "clean":
                ranked = sorted(per_doc.items(), key=lambda kv: -(2 * len(kv[1][0]) + len(kv[1][1])))
                worst.append((mode, ranked[: args.worst]))
    for mode, ranked in worst:
        print(f"\n## worst pages, {mode}")
        for doc_id, (miss, kept, found) in ranked:
            print(f"- {doc_id} ({gold[doc_id].get('language')}): {found} found, {len(miss)} missed, "
                  f"{len(kept)} boilerplate kept")
            for s in miss[:4]:
                print(f"    missed: {norm(s)[:100]!r}")
            for s in kept[:4]:
                print(f"    kept:   {norm(s)[:100]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

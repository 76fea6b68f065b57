"""Does cleaning cost grow linearly with input size? Time and peak memory of the command.

Generates synthetic scraped articles (prose paragraphs with ad markers, bylines,
date lines and teaser blocks sprinkled in, from a fixed seed: no third-party
text) of growing size, the same without teaser blocks, and one article written
as a single line, and runs
``clean-article --format jsonl`` on each in a fresh process, reading its
wall time and peak resident memory (``wait4``). Linear cost shows as a steady
MB/s and a steady ratio of peak memory to input size::

    python3 benchmarks/scaling.py                  # 1, 5, 10, 25, 50 MB; single lines of 1, 2, 5 MB
    python3 benchmarks/scaling.py --sizes 1 2 --lines 1
    python3 benchmarks/scaling.py --html           # also HTML pages of the same sizes

Prints a markdown table. ``--max-bytes`` is raised above the largest input.
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import List

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000

WORDS = ("the council approved budget on monday after long debate about roads libraries schools and "
         "parks mayor said plan would protect services while opposition promised fight court called "
         "public vote before new rates take effect residents will see april bills officials review "
         "autumn second library expected next month").split()
BOILERPLATE = ["Advertisement", "By Jane Smith", "Published December 19th, 2022 at 15:44 IST",
               "Share this article", "Image: AP", "Source: Reuters"]


def sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 24))).capitalize() + "."


def article_lines(rng: random.Random, size: int, teasers: bool = True) -> List[str]:
    """Lines of scraped articles (headline, boilerplate, paragraphs, a teaser block) adding up to ``size`` bytes.

    Each article of about 1.5 kB ends with a "Related articles" block, so a
    50 MB file holds some 30,000 teasers; ``teasers=False`` leaves them out.
    """
    lines: List[str] = []
    total = 0
    while total < size:
        block = [" ".join(rng.choice(WORDS) for _ in range(6)).capitalize(), "", rng.choice(BOILERPLATE), ""]
        for _ in range(rng.randint(3, 8)):
            block += [" ".join(sentence(rng) for _ in range(rng.randint(2, 6))), ""]
        if teasers:
            block += ["Related articles", " ".join(rng.choice(WORDS) for _ in range(7)).capitalize(), ""]
        lines += block
        total += sum(len(b) + 1 for b in block)
    return lines


def make_text(path: Path, size: int, seed: int) -> None:
    path.write_text("\n".join(article_lines(random.Random(seed), size)), encoding="utf-8")


def make_prose(path: Path, size: int, seed: int) -> None:
    path.write_text("\n".join(article_lines(random.Random(seed), size, teasers=False)), encoding="utf-8")


def make_single_line(path: Path, size: int, seed: int) -> None:
    rng = random.Random(seed)
    parts: List[str] = []
    total = 0
    while total < size:
        s = sentence(rng)
        parts.append(s)
        total += len(s) + 1
    path.write_text(" ".join(parts), encoding="utf-8")


def make_html(path: Path, size: int, seed: int) -> None:
    lines = article_lines(random.Random(seed), size)
    body = "\n".join(f"<p>{ln}</p>" for ln in lines if ln)
    path.write_text(f"<!DOCTYPE html><html><head><title>Page</title></head><body><article>{body}</article>"
                    "</body></html>", encoding="utf-8")


MAKERS = {"text": make_text, "no teasers": make_prose, "one line": make_single_line, "html": make_html}


@dataclass
class Result:
    kind: str
    size: int
    seconds: float
    peak_rss: int  # bytes
    status: int


def run_command(path: Path) -> Result:
    """Run the command on ``path`` in a fresh process: wall time and its own peak RSS."""
    cmd = [sys.executable, "-m", "cleaner.cli", "-q", "--format", "jsonl", "--max-bytes", str(10**10), str(path)]
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    status = os.waitstatus_to_exitcode(status)  # the exit code (negative: killed by that signal)
    seconds = time.perf_counter() - start
    stderr = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if status:
        print(f"  {path.name}: exit status {status}: {stderr.strip()}", file=sys.stderr)
    return Result("", path.stat().st_size, seconds, usage.ru_maxrss * 1024, status)


def baseline_rss() -> int:
    """Peak RSS of the command on an empty input: the interpreter and the package."""
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty.txt"
        empty.write_text("")
        return run_command(empty).peak_rss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=float, nargs="*", default=[1, 5, 10, 25, 50],
                        help="sizes of multi-line articles, MB")
    parser.add_argument("--lines", type=float, nargs="*", default=[1, 2, 5], help="sizes of single-line inputs, MB")
    parser.add_argument("--html", action="store_true", help="also HTML pages of the --sizes")
    parser.add_argument("--make", nargs=3, metavar=("KIND", "MB", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make:
        kind, mb, path = args.make
        MAKERS[kind](Path(path), int(float(mb) * MB), seed=int(float(mb) * 1000))
        return

    base = baseline_rss()
    results: List[Result] = []
    with tempfile.TemporaryDirectory() as tmp:
        jobs = [(kind, s) for kind in ("text", "no teasers") for s in args.sizes]
        jobs += [("one line", s) for s in args.lines]
        if args.html:
            jobs += [("html", s) for s in args.sizes]
        for kind, mb in jobs:
            path = Path(tmp) / f"{kind.replace(' ', '-')}-{mb}MB"
            # Made in a child process: a forked child's peak RSS counts its parent's memory at the fork.
            subprocess.run([sys.executable, __file__, "--make", kind, str(mb), str(path)], check=True)
            r = run_command(path)
            r.kind = kind
            results.append(r)
            path.unlink()
            print(f"  {kind} {r.size / MB:.1f} MB: {r.seconds:.1f} s, peak {r.peak_rss / MB:.0f} MB", file=sys.stderr)

    print(f"# clean-article scaling ({datetime.now(timezone.utc):%Y-%m-%d}, {platform.machine()}, "
          f"{os.cpu_count()} CPUs, Python {platform.python_version()})\n")
    print(f"Whole command, one process per input; start-up and empty-input peak memory: {base / MB:.0f} MB.\n")
    print("| input | size MB | seconds | MB/s | peak RSS MB | (peak − empty) / size |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        ratio = (r.peak_rss - base) / r.size if r.size else 0.0
        print(f"| {r.kind} | {r.size / MB:.1f} | {r.seconds:.2f} | {r.size / MB / r.seconds:.2f} | "
              f"{r.peak_rss / MB:.0f} | {ratio:.1f}× |" + ("" if not r.status else " failed"))


if __name__ == "__main__":
    main()

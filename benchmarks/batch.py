#!/usr/bin/env python3
"""Start-up, parallel throughput and memory of ``clean-article`` in batches.

    python benchmarks/batch.py TEXT_DIR [--docs 10000] [--runs 20] [--repeat 2]

TEXT_DIR is a folder of plain-text pages (for example the zyte-dev ``text/``
folder); it is read in place, never copied: the batch is its files named over
and over in a ``--files-from`` list until it holds ``--docs`` names. Prints
markdown with the date and machine:

1. Start-up: ``python -X importtime`` of cleaning one text file, with the
   heavy modules (trafilatura, lxml, bs4) it must not import, and the
   whole-process time of that command against ``python -c "import click,
   regex"`` measured in the same run (median of ``--runs``).
2. Throughput: ``--format jsonl`` of the whole batch with ``--jobs 1`` and
   ``--jobs 2`` (best of ``--repeat``, run alternately), documents per second
   and the ratio (target >= 1.7).
3. Memory: peak RSS of a 10,000-document JSONL run against a 1,000-document
   one (target <= 1.2).

Every command runs in a fresh process, as a user would run it; other load on
the machine shows in the load averages printed with the figures.
"""
from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import List, Sequence, Tuple

ROOT = Path(__file__).resolve().parent.parent
CLEAN = [sys.executable, "-m", "cleaner.cli"]
HEAVY = ("trafilatura", "lxml", "bs4")
ENV = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
#: Targets from the issue.
SPEEDUP_TARGET = 1.7
MEMORY_TARGET = 1.2

_MAXRSS = ("import resource, subprocess, sys;"
           "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True);"
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            names = [ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")]
        cpu = names[0] if names else cpu
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.machine()}, python {platform.python_version()}"


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def wall(cmd: Sequence[str]) -> float:
    return timed(cmd)[0]


def timed(cmd: Sequence[str]) -> Tuple[float, float]:
    """Wall seconds, and CPU seconds (user + system) of the process and the workers it waited for."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def importtime(sample: Path) -> List[str]:
    """Modules imported when the command cleans one text file, from ``-X importtime``."""
    r = subprocess.run([sys.executable, "-X", "importtime", "-m", "cleaner.cli", str(sample)],
                       capture_output=True, text=True, check=True, env=ENV)
    mods = []
    for line in r.stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "imported package" not in line:
            mods.append(line.rsplit("|", 1)[1].strip())
    return mods


def startup(sample: Path, runs: int) -> None:
    mods = importtime(sample)
    heavy = sorted({m for m in mods if m.split(".")[0] in HEAVY})
    ours = sorted(m for m in mods if m.split(".")[0] == "cleaner")
    print("## Start-up (one plain-text file)\n")
    print(f"- `python -X importtime -m cleaner.cli {sample.name}`: {len(mods)} modules imported; "
          f"trafilatura/lxml/bs4 among them: **{', '.join(heavy) if heavy else 'none'}**")
    print(f"- project modules loaded: {', '.join(ours)}")
    ours_t, base_t = [], []
    for _ in range(runs):  # alternate, so both see the same machine
        ours_t.append(wall([*CLEAN, "-q", str(sample)]))
        base_t.append(wall([sys.executable, "-c", "import click, regex"]))
    a, b = statistics.median(ours_t), statistics.median(base_t)
    print(f"- whole process, median of {runs}: `clean-article {sample.name}` **{a * 1000:.0f} ms**; "
          f"`python -c \"import click, regex\"` **{b * 1000:.0f} ms** (difference {1000 * (a - b):.0f} ms)\n")


def write_list(files: List[Path], docs: int, folder: str) -> Path:
    listing = Path(folder) / f"list-{docs}.txt"
    names = [str(files[i % len(files)]) for i in range(docs)]
    listing.write_text("\n".join(names) + "\n", encoding="utf-8")
    return listing


def throughput(files: List[Path], docs: int, repeat: int, folder: str) -> None:
    listing = write_list(files, docs, folder)
    times = {1: [], 2: []}
    before = load()
    for _ in range(repeat):
        for jobs in (1, 2):
            times[jobs].append(timed([*CLEAN, "-q", "--format", "jsonl", "--jobs", str(jobs),
                                      "--files-from", str(listing)]))
    (one, cpu1), (two, cpu2) = min(times[1]), min(times[2])
    print(f"## Throughput ({docs:,} documents: {len(files)} pages named over and over, --format jsonl)\n")
    print("| jobs | seconds (best of %d) | documents/s | CPU seconds, all processes |" % repeat)
    print("| --- | --- | --- | --- |")
    print(f"| 1 | {one:.1f} | {docs / one:,.0f} | {cpu1:.1f} |")
    print(f"| 2 | {two:.1f} | {docs / two:,.0f} | {cpu2:.1f} |")
    verdict = "meets" if one / two >= SPEEDUP_TARGET else "misses"
    print(f"\n--jobs 2 / --jobs 1: **{one / two:.2f}x** ({verdict} the {SPEEDUP_TARGET}x target); the work "
          f"shared between two processes costs {100 * (cpu2 / cpu1 - 1):.0f}% more CPU, so two idle cores "
          f"allow at most {2 * cpu1 / cpu2:.2f}x. Load average before {before}, after {load()}.\n")


def peak_rss(listing: Path, jobs: int) -> int:
    r = subprocess.run([sys.executable, "-c", _MAXRSS, *CLEAN, "-q", "--format", "jsonl", "--jobs", str(jobs),
                        "--files-from", str(listing)], capture_output=True, text=True, check=True, env=ENV)
    return int(r.stdout.split()[-1])  # KiB on Linux


def memory(files: List[Path], folder: str) -> None:
    print("## Memory (peak RSS of the largest process, --format jsonl)\n")
    print("| jobs | 1,000 documents | 10,000 documents | ratio |")
    print("| --- | --- | --- | --- |")
    small_list, large_list = write_list(files, 1000, folder), write_list(files, 10000, folder)
    for jobs in (1, 2):
        small = peak_rss(small_list, jobs)
        large = peak_rss(large_list, jobs)
        verdict = "meets" if large / small <= MEMORY_TARGET else "misses"
        print(f"| {jobs} | {small / 1024:.1f} MiB | {large / 1024:.1f} MiB | "
              f"**{large / small:.2f}** ({verdict} <= {MEMORY_TARGET}) |")
    print()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("text_dir", type=Path, help="folder of plain-text pages, read in place")
    ap.add_argument("--docs", type=int, default=10_000, help="documents in the throughput batch")
    ap.add_argument("--runs", type=int, default=20, help="runs for the start-up medians")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each throughput measurement")
    ap.add_argument("--skip", default="", help="comma-separated parts to skip: startup,throughput,memory")
    args = ap.parse_args()
    files = sorted(p.resolve() for p in args.text_dir.iterdir() if p.is_file())
    if not files:
        sys.exit(f"{args.text_dir}: no files")
    skip = set(filter(None, args.skip.split(",")))
    print("# clean-article batch benchmark\n")
    print(f"- date: {datetime.datetime.now().astimezone().isoformat(timespec='minutes')}")
    print(f"- machine: {machine()}")
    print(f"- input: {len(files)} files from {args.text_dir}; load average at start {load()}\n")
    sys.stdout.flush()
    with tempfile.TemporaryDirectory() as folder:
        if "startup" not in skip:
            startup(files[0], args.runs)
            sys.stdout.flush()
        if "throughput" not in skip:
            throughput(files, args.docs, args.repeat, folder)
            sys.stdout.flush()
        if "memory" not in skip:
            memory(files, folder)


if __name__ == "__main__":
    main()

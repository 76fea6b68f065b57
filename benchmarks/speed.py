"""The speed figures of issue 14, each beside its peer measured in the same run.

One command::

    python3 benchmarks/speed.py ../shared/bench/zyte-dev            # everything
    python3 benchmarks/speed.py ../shared/bench/zyte-dev --only text html --repeat 5

prints a markdown report of:

- **text**: documents per second of ``clean_text`` on the data set's ``text/``
  files against jusText (one ``<p>`` per line, as ``benchmarks/quality.py``
  runs it), one process, best of ``--repeat`` passes each (the two interleaved,
  so that load on the machine hits both alike); target >= 2.0x jusText;
- **html**: documents per second of ``clean(…, input_format="html")`` against
  ``trafilatura.extract()`` on ``html/``, and the share of our time spent in
  what we add after the extraction (building the ``Document``, the passes,
  rendering); targets >= 1.0x and <= 10%;
- **start-up**: ``clean-article`` on one small text file against
  ``python -c "import click, regex"``, median of ``--runs`` runs each, in a
  fresh virtual environment with the package installed non-editable (its
  dependencies are read from this interpreter's site-packages through a
  ``.pth`` path line), with ``PYTHONDONTWRITEBYTECODE`` set and unset (unset:
  one run first, so the bytecode exists, as on a user's machine); targets
  <= 2.2x set and <= 1.8x unset; beside it the ratio of median CPU seconds
  (user + system), which the waits for a core on a loaded machine do not
  inflate; ``--instructions`` adds callgrind's instruction counts of one run
  each, which load on the machine does not move;
- **memory and scaling**: ``clean-article --format jsonl`` on synthetic
  articles (``benchmarks/scaling.py``'s generator, no third-party text) of
  ``--size`` MB / 100, / 10 and x 1, each in a fresh process: wall time, MB/s
  and peak RSS over input size; target <= 10x at 20 MB, steady MB/s.

Speed figures on a loaded machine are noise; compare ratios to the peer of the
same run, and use ``valgrind --tool=callgrind`` instruction counts for
before/after decisions on one change.
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, List, Sequence, Tuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import quality  # noqa: E402  (benchmarks/quality.py: corpus loading and the peers)
import scaling  # noqa: E402  (benchmarks/scaling.py: synthetic articles, fresh-process runs)

MB = 1_000_000


def interleaved(systems: Sequence[Callable], inputs: Sequence, repeat: int) -> List[float]:
    """Best-of-``repeat`` seconds per system, the systems' passes taken in turn.

    The best CPU seconds of each are kept in :data:`LAST_CPU`: on a machine
    shared with other work, wall time counts the waits for a core, and the
    CPU ratio is the steadier figure (printed beside the wall-clock one).
    """
    best = [float("inf")] * len(systems)
    cpu = [float("inf")] * len(systems)
    for _ in range(repeat):
        for k, extract in enumerate(systems):
            timed = quality.time_pass(extract, inputs)
            best[k], cpu[k] = min(best[k], timed.seconds), min(cpu[k], timed.cpu_seconds)
    LAST_CPU[:] = cpu
    return best


#: The best CPU seconds per system of the last :func:`interleaved` run.
LAST_CPU: List[float] = []


def print_rates(heading: str, corpus, repeat: int, rows) -> None:
    """The heading (up to its file count) and a docs/s and MB/s row per (system, seconds)."""
    n = len(corpus.ids)
    print(f"## {heading}, {corpus.nbytes / MB:.2f} MB, best of {repeat})\n")
    print("| system | docs/s | MB/s |\n|---|---:|---:|")
    for name, t in rows:
        print(f"| {name} | {n / t:.1f} | {corpus.nbytes / MB / t:.2f} |")


def text_figures(data: Path, repeat: int) -> None:
    corpus = quality.load_corpus(data, "text", None)
    inputs = [corpus.inputs[i] for i in corpus.ids]
    ours, peer = quality.make_clean_text(), quality.make_justext_text()
    for extract in (ours, peer):  # warm-up: imports, lexicon patterns, first-use caches
        extract(inputs[0])
    t_ours, t_peer = interleaved([ours, peer], inputs, repeat)
    print_rates(f"Text ({len(inputs)} files of {data.name}/text", corpus, repeat,
                (("clean-article `clean_text`", t_ours), ("jusText, one `<p>` per line", t_peer)))
    print(f"\n**clean-article / jusText: {t_peer / t_ours:.2f}x** (target >= 2.0x); "
          f"in CPU seconds {LAST_CPU[1] / LAST_CPU[0]:.2f}x\n")


class _Timed:
    """Wraps a callable and sums the seconds spent in it."""

    def __init__(self, func):
        self.func, self.seconds = func, 0.0

    def __call__(self, *args, **kwargs):
        start = time.perf_counter()
        try:
            return self.func(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - start


def html_figures(data: Path, repeat: int) -> None:
    import cleaner.html as html

    corpus = quality.load_corpus(data, "html", None)
    inputs = [corpus.inputs[i] for i in corpus.ids]
    ours, peer = quality.make_clean_html(), quality.make_trafilatura_html()()
    for extract in (ours, peer):
        extract(inputs[0])
    t_ours, t_peer = interleaved([ours, peer], inputs, repeat)
    # What we add after the extraction, timed in a separate pass (the wrappers cost a little).
    originals = {name: getattr(html, name) for name in ("Document", "run_passes", "to_article")}
    timed = {name: _Timed(func) for name, func in originals.items()}
    try:
        for name, wrapper in timed.items():
            setattr(html, name, wrapper)
        whole = quality.time_pass(ours, inputs).seconds
    finally:
        for name, func in originals.items():
            setattr(html, name, func)
    added = sum(w.seconds for w in timed.values())
    print_rates(f"HTML ({len(inputs)} files of {data.name}/html", corpus, repeat,
                (("clean-article `clean(…, input_format=\"html\")`", t_ours),
                 ("trafilatura `extract()` default", t_peer)))
    print(f"\n**clean-article / trafilatura: {t_peer / t_ours:.2f}x** (target >= 1.0x); "
          f"in CPU seconds {LAST_CPU[1] / LAST_CPU[0]:.2f}x")
    print(f"\n**Share of our time after the extraction** (Document + passes + render): "
          f"{added / whole:.1%} of {whole:.2f} s (target <= 10%); of which "
          + ", ".join(f"{name} {w.seconds / whole:.1%}" for name, w in timed.items()) + "\n")


def make_venv(where: Path) -> Path:
    """A fresh virtual environment with the package installed non-editable; its ``bin`` folder."""
    import shutil
    import site
    import sysconfig

    source = where / "source"  # a copy, so that the build leaves nothing in the checkout
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".git", "build", "*.egg-info", "__pycache__",
                                                                ".tox", ".hypothesis", "fixtures", "seeds"))
    venv = where / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / "bin" / "python"
    purelib = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    deps = [p for p in site.getsitepackages() + [sysconfig.get_paths()["purelib"]] if os.path.isdir(p)]
    # A path line adds the folder without running its .pth files (setuptools' distutils hack, say).
    Path(purelib, "_deps_from_bench.pth").write_text("\n".join(dict.fromkeys(deps)) + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "-q", "--no-deps",
                    "--no-compile", str(source)], check=True,
                   env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    return venv / "bin"


def median_seconds(cmd: List[str], env: dict, runs: int) -> Tuple[float, float]:
    """Median wall-clock and median CPU seconds (user + system, the child's) of ``runs`` runs of ``cmd``.

    On a machine shared with other work the wall clock counts the waits for a
    core; the CPU seconds do not, so their ratio is the steadier figure.
    """
    import resource

    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times), statistics.median(cpu)


def instructions(cmd: List[str], env: dict) -> int:
    """Instructions executed by ``cmd`` (callgrind's total, the whole process): unlike
    seconds, the same on a loaded machine, so a before/after of one change shows."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"] + cmd,
                       env={**env, "PYTHONHASHSEED": "0"}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=True)
        for line in out.read_text().splitlines():
            if line.startswith(("summary:", "totals:")):
                return int(line.split()[1])
    raise RuntimeError("no total in callgrind's output")


def startup_figures(runs: int, count_instructions: bool = False) -> None:
    sample = ("Council approves budget\n\nBy Jane Smith\n\nAdvertisement\n\n"
              "The council approved the budget on Monday after a long debate about roads and schools.\n")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        article = tmp / "article.txt"
        article.write_text(sample, encoding="utf-8")
        bin_dir = make_venv(tmp)
        ours = [str(bin_dir / "clean-article"), str(article)]
        peer = [str(bin_dir / "python"), "-c", "import click, regex"]
        base = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}
        print(f"## Start-up (median of {runs} runs, fresh venv, package installed non-editable)\n")
        print("| PYTHONDONTWRITEBYTECODE | `clean-article` one small file | `python -c \"import click, regex\"` "
              "| ratio | target | CPU seconds ratio |\n|---|---:|---:|---:|---:|---:|")
        counted = []
        for label, env, target in (("set", {**base, "PYTHONDONTWRITEBYTECODE": "1"}, 2.2), ("unset", base, 1.8)):
            if label == "unset":  # as a user's machine: bytecode written by a first run
                for cmd in (ours, peer):
                    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True)
            (t_ours, cpu_ours), (t_peer, cpu_peer) = median_seconds(ours, env, runs), median_seconds(peer, env, runs)
            print(f"| {label} | {t_ours * 1000:.0f} ms | {t_peer * 1000:.0f} ms | {t_ours / t_peer:.2f}x "
                  f"| <= {target}x | {cpu_ours / cpu_peer:.2f}x |")
            if count_instructions:
                counted.append((label, instructions(ours, env), instructions(peer, env)))
        print()
        if counted:
            print("Instructions (callgrind, one run each; load-independent, but a ratio of instructions is "
                  "not one of seconds: the peer's share of fixed process costs is larger):\n")
            print("| PYTHONDONTWRITEBYTECODE | `clean-article` | peer | ratio |\n|---|---:|---:|---:|")
            for label, i_ours, i_peer in counted:
                print(f"| {label} | {i_ours / 1e6:.0f} M | {i_peer / 1e6:.0f} M | {i_ours / i_peer:.2f}x |")
            print()


def memory_figures(size_mb: float) -> None:
    print("## Memory and scaling (synthetic articles, `clean-article --format jsonl`, fresh process each)\n")
    print("| input | seconds | MB/s | peak RSS | peak RSS / input |\n|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for factor in (0.01, 0.1, 1.0):
            size = int(size_mb * factor * MB)
            path = Path(tmp) / f"text-{size}.txt"
            scaling.make_text(path, size, seed=size)
            r = scaling.run_command(path)
            print(f"| {r.size / MB:.1f} MB | {r.seconds:.2f} | {r.size / MB / r.seconds:.2f} | "
                  f"{r.peak_rss / MB:.0f} MB | {r.peak_rss / r.size:.1f}x |")
            path.unlink()
    print("\nTarget: peak RSS <= 10x the input at the largest size; MB/s steady (time linear in size).\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path, help="the data set folder (text/, html/, ground-truth.json): zyte-dev")
    parser.add_argument("--only", nargs="*", choices=("text", "html", "startup", "memory"),
                        default=["text", "html", "startup", "memory"])
    parser.add_argument("--repeat", type=int, default=3, help="passes over the data set; the best counts")
    parser.add_argument("--runs", type=int, default=21, help="start-up runs; the median counts")
    parser.add_argument("--size", type=float, default=20, help="largest synthetic input, MB")
    parser.add_argument("--instructions", action="store_true",
                        help="start-up: also count instructions with valgrind's callgrind (steady under load)")
    args = parser.parse_args()
    print(f"# Speed, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {platform.node()}, "
          f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.1f}\n")
    if "text" in args.only:
        text_figures(args.data, args.repeat)
    if "html" in args.only:
        html_figures(args.data, args.repeat)
    if "startup" in args.only:
        startup_figures(args.runs, args.instructions)
    if "memory" in args.only:
        # From a fresh, small process: a child's peak RSS counts the pages it
        # shared with its parent before exec, and this one holds the data sets.
        sys.stdout.flush()
        subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); "
                        f"import speed; speed.memory_figures({args.size!r})"], check=True)


if __name__ == "__main__":
    main()

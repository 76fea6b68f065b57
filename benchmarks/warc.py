"""WARC throughput: records/s for --jobs 1, --jobs 2 and Dask with 2 workers; reading share; peak memory.

Usage (from the checkout, the venv active)::

    python benchmarks/warc.py ../shared/bench            # the folder holding the dev sets
    python benchmarks/warc.py ../shared/bench --records 1000 --memory-records 10000

The HTML pages found under the data folder (``*.html``, ``*.html.gz``) are
cycled into WARC archives of ``--records`` response records (per-record gzip,
each page with its own URL), written to a temporary folder outside the
checkout and removed at the end. Each run is a fresh ``clean-article``
process (as a user runs it); wall time includes start-up. Reported:

- records/s for ``--jobs 1``, ``--jobs 2`` and ``--engine dask --jobs 2`` (the
  archive is split into ``--parts`` archives: Dask runs one task per archive);
- the share of ``--jobs 1``'s time spent reading the archive (the reader
  alone over the same archive, without cleaning);
- peak resident memory of ``--jobs 1`` on ``--records`` and on
  ``--memory-records`` records (flat: memory does not grow with the archive).

Targets (issue 13): Dask 2 workers >= 1.8x --jobs 1 and within 10% of
--jobs 2; reading <= 5%; peak memory flat. Run it on a quiet machine.
"""
from __future__ import annotations

import argparse
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def pages(data: Path):
    found = sorted(p for p in data.rglob("*") if p.name.endswith((".html", ".html.gz", ".htm")))
    if not found:
        raise SystemExit(f"no HTML pages under {data}")
    for p in found:
        raw = p.read_bytes()
        yield gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw


def record(url: str, body: bytes, n: int) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    head = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\n"
            f"WARC-Date: 2024-05-01T10:00:00Z\r\nWARC-Target-URI: {url}\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n")
    return gzip.compress(head.encode("ascii") + http + b"\r\n\r\n", compresslevel=1)


def build(data: Path, folder: Path, records: int, parts: int, tag: str) -> list:
    bodies = list(pages(data))
    paths = [folder / f"{tag}-{i:02d}.warc.gz" for i in range(parts)]
    files = [open(p, "wb") for p in paths]
    try:
        for n in range(records):
            body = bodies[n % len(bodies)]
            files[n * parts // records].write(record(f"https://site{n % 50}.example/page/{n}", body, n))
    finally:
        for f in files:
            f.close()
    return [str(p) for p in paths]


def run(args: list, cwd: Path) -> float:
    """Seconds of one command run (peak memory: see peak_of)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    start = time.monotonic()
    p = subprocess.run([sys.executable, "-m", "cleaner.cli", *args], cwd=cwd, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.monotonic() - start
    if p.returncode not in (0, 1):
        raise SystemExit(p.stderr.decode(errors="replace")[-2000:])
    return seconds


def read_only(paths: list) -> float:
    from cleaner.warc import WarcReader

    start = time.monotonic()
    for path in paths:
        for _ in WarcReader(path, 64 * 1024 * 1024):
            pass
    return time.monotonic() - start


def peak_of(args: list, cwd: Path) -> float:
    """Peak RSS (MB) of one run, measured in a fresh helper process so earlier runs do not mask it."""
    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
            "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", code, sys.executable, "-m", "cleaner.cli", *args], cwd=cwd,
                         env=env, capture_output=True, text=True)
    return int(out.stdout.strip()) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path, help="folder with HTML pages (the dev sets' html folders, searched)")
    ap.add_argument("--records", type=int, default=1000)
    ap.add_argument("--memory-records", type=int, default=10000)
    ap.add_argument("--parts", type=int, default=8, help="archives the records are split into (Dask: a task each)")
    ap.add_argument("--skip-memory", action="store_true")
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="warc-bench-"))  # outside the checkout
    try:
        paths = build(args.data, folder, args.records, args.parts, "small")
        size = sum(os.path.getsize(p) for p in paths)
        print(f"{args.records} records in {args.parts} archives, {size / 1e6:.1f} MB, in {folder}")
        results = {}
        for label, extra in (("--jobs 1", ["--jobs", "1"]), ("--jobs 2", ["--jobs", "2"]),
                             ("dask, 2 workers", ["--engine", "dask", "--jobs", "2"])):
            out = folder / f"out-{len(results)}"
            seconds = run(["-q", "--format", "jsonl", "-o", str(out), *extra, *paths], folder)
            results[label] = seconds
            print(f"{label:18s} {seconds:7.2f} s  {args.records / seconds:7.1f} records/s")
        one = results["--jobs 1"]
        print(f"dask / --jobs 1: {one / results['dask, 2 workers']:.2f}x; "
              f"dask vs --jobs 2: {results['dask, 2 workers'] / results['--jobs 2'] - 1:+.0%}")
        reading = read_only(paths)
        print(f"reading alone: {reading:.2f} s = {reading / one:.1%} of --jobs 1")
        if not args.skip_memory:
            small = peak_of(["-q", "--format", "jsonl", *paths], folder)
            big_paths = build(args.data, folder, args.memory_records, 1, "big")
            big = peak_of(["-q", "--format", "jsonl", *big_paths], folder)
            print(f"peak memory --jobs 1: {small:.0f} MB at {args.records} records, "
                  f"{big:.0f} MB at {args.memory_records}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

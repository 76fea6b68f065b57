"""WARC throughput: records/s for --jobs 1, --jobs 2 and Dask with 2 workers; reading share; peak memory.

Usage (from the checkout, the venv active)::

    python benchmarks/warc.py ../shared/bench            # the folder holding the dev sets
    python benchmarks/warc.py ../shared/bench --records 1000 --memory-records 10000

The HTML pages found under the data folder (``*.html``, ``*.html.gz``) are
cycled into WARC archives of ``--records`` response records (per-record gzip,
each page with its own URL), written to a temporary folder outside the
checkout and removed at the end. Each run is a fresh ``clean-article``
process (as a user runs it); wall time includes start-up. Reported:

- wall seconds, records/s and CPU seconds (every process of the run) for
  ``--jobs 1``, ``--jobs 2`` and Dask with 2 workers (the archive is split
  into ``--parts`` archives: Dask runs one task per archive), twice:
  end to end (``--engine dask --jobs 2``: the command starts a local
  cluster, and stops it, in the figure), and against a cluster already
  running (``--scheduler``, as a cluster user runs it: a scheduler and two
  ``dask worker --nthreads 1`` started beforehand on 127.0.0.1 with the
  README's settings; its 1st job includes the workers' first import of the
  cleaner, the 2nd finds them warm). The cluster's start-up time is printed;
- the load average before and after (on a busy machine compare the CPU
  seconds, and ratios within one run, not wall times across runs);
- the share of ``--jobs 1``'s CPU time spent reading the archive (the reader
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


def run(args: list, cwd: Path) -> tuple:
    """Wall seconds and CPU seconds (user + system, every process of the run) of one command run.

    CPU time is measured in a fresh helper process (RUSAGE_CHILDREN counts the
    command and every process it started and waited for: pool workers, a
    local cluster's scheduler and workers). It is the figure that holds on a
    busy machine, where wall time measures the other load as much as ours.
    """
    code = ("import resource, subprocess, sys, time; t = time.monotonic(); "
            "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE); "
            "w = time.monotonic() - t; r = resource.getrusage(resource.RUSAGE_CHILDREN); "
            "sys.stderr.buffer.write(p.stderr[-2000:]); print(p.returncode, w, r.ru_utime + r.ru_stime)")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", code, sys.executable, "-m", "cleaner.cli", *args], cwd=cwd, env=env,
                         capture_output=True, text=True)
    returncode, wall, cpu = out.stdout.split()
    if int(returncode) not in (0, 1):
        raise SystemExit(out.stderr)
    return float(wall), float(cpu)


class Cluster:
    """A scheduler and ``workers`` one-thread workers on 127.0.0.1, started as a cluster user starts them.

    They run with the settings README recommends (``cleaner.dask.quiet_environment``).
    ``cpu()`` is the CPU seconds its processes used so far.
    """

    def __init__(self, folder: Path, workers: int):
        import socket

        from cleaner.dask import quiet_environment

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.address = f"tcp://127.0.0.1:{port}"
        env = {**os.environ, **quiet_environment(), "PYTHONPATH": str(REPO)}
        dask = [str(Path(sys.executable).parent / "dask")]
        self.log = open(folder / "cluster.log", "wb")
        start = time.monotonic()
        self.procs = [subprocess.Popen([*dask, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                        "--no-dashboard"], cwd=folder, env=env, stdout=self.log, stderr=self.log)]
        self.procs += [subprocess.Popen([*dask, "worker", self.address, "--host", "127.0.0.1", "--nthreads", "1",
                                         "--no-dashboard"], cwd=folder, env=env, stdout=self.log, stderr=self.log)
                       for _ in range(workers)]
        from distributed import Client

        with Client(self.address, timeout=60) as client:
            client.wait_for_workers(workers, timeout=60)
        self.start_seconds = time.monotonic() - start

    def cpu(self) -> float:
        import psutil

        total = 0.0
        for p in self.procs:
            for proc in [psutil.Process(p.pid), *psutil.Process(p.pid).children(recursive=True)]:
                t = proc.cpu_times()
                total += t.user + t.system
        return total

    def stop(self) -> None:
        for p in reversed(self.procs):
            p.terminate()
        for p in self.procs:
            try:
                p.wait(20)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        self.log.close()


def read_only(paths: list) -> float:
    from cleaner.warc import WarcReader

    start = time.process_time()  # CPU seconds, as the runs' figure it is compared with
    for path in paths:
        for _ in WarcReader(path, 64 * 1024 * 1024):
            pass
    return time.process_time() - start


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
        print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} cores)")
        print(f"{'':44s} {'wall s':>7s} {'rec/s':>7s} {'CPU s':>7s}")

        def show(label, wall, cpu):
            results[label] = wall, cpu
            print(f"{label:44s} {wall:7.2f} {args.records / wall:7.1f} {cpu:7.2f}")

        common = ["-q", "--format", "jsonl"]
        for label, extra in (("--jobs 1", ["--jobs", "1"]), ("--jobs 2", ["--jobs", "2"]),
                             ("dask, 2 workers, end to end (--engine dask)", ["--engine", "dask", "--jobs", "2"])):
            show(label, *run([*common, "-o", str(folder / f"out-{len(results)}"), *extra, *paths], folder))
        cluster = Cluster(folder, 2)
        try:
            print(f"(a scheduler and 2 workers started in {cluster.start_seconds:.2f} s)")
            for label in ("dask, running cluster (--scheduler), 1st job", "dask, running cluster (--scheduler), 2nd job"):
                before = cluster.cpu()
                wall, cpu = run([*common, "-o", str(folder / f"out-{len(results)}"), "--scheduler", cluster.address,
                                 *paths], folder)
                show(label, wall, cpu + cluster.cpu() - before)
        finally:
            cluster.stop()
        print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        one, one_cpu = results["--jobs 1"]
        two = results["--jobs 2"][0]
        for label, (wall, cpu) in results.items():
            if label.startswith("dask"):
                print(f"{label}: {one / wall:.2f}x --jobs 1, {wall / two - 1:+.0%} vs --jobs 2; "
                      f"CPU {cpu / one_cpu:.2f}x --jobs 1's")
        reading = read_only(paths)
        print(f"reading alone: {reading:.2f} CPU s = {reading / one_cpu:.1%} of --jobs 1's CPU time")
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

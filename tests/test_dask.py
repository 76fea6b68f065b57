"""Dask: a real scheduler and two worker processes on 127.0.0.1, output byte for byte that of --jobs 1.

The cluster is started by the test (``dask scheduler``, ``dask worker``),
bounded in time, and stopped in a ``finally``.
"""
from __future__ import annotations

import importlib.util
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import warc_builder as wb
from conftest import ENV, run_cli

pytest.importorskip("distributed")
if not any(importlib.util.find_spec(m) for m in ("fastwarc", "warcio")):
    pytest.skip("no WARC reader installed (pip install 'article-cleaner[warc]')", allow_module_level=True)

from cleaner.batch import Options  # noqa: E402
from cleaner.dask import clean_part, learn_files, quiet_environment  # noqa: E402

#: Seconds the cluster may take to come up; the whole test stays well under a minute.
START_TIMEOUT = 40


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _dask_command() -> list:
    script = Path(sys.executable).parent / "dask"
    return [str(script)] if script.exists() else [sys.executable, "-m", "dask"]


def _archives(tmp_path):
    names = []
    for i, (compress, cut) in enumerate([("record", True), ("none", False), ("file", False)]):
        name = f"crawl-{i}.warc" + (".gz" if compress != "none" else "")
        (tmp_path / name).write_bytes(wb.archive(compress, truncate_tail=cut))
        names.append(name)
    return names


def test_real_scheduler_and_two_workers_write_what_jobs_one_writes(tmp_path):
    from distributed import Client

    names = _archives(tmp_path)
    address = f"tcp://127.0.0.1:{_free_port()}"
    dask = _dask_command()
    logs = open(tmp_path / "cluster.log", "wb")
    env = {**ENV, **quiet_environment()}  # as the README starts a cluster
    procs = [subprocess.Popen([*dask, "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
                               "--no-dashboard"], cwd=tmp_path, env=env, stdout=logs, stderr=logs)]
    try:
        for _ in range(2):
            procs.append(subprocess.Popen([*dask, "worker", address, "--host", "127.0.0.1", "--nthreads", "1",
                                           "--no-dashboard"], cwd=tmp_path, env=env, stdout=logs, stderr=logs))
        with Client(address, timeout=START_TIMEOUT) as client:
            client.wait_for_workers(2, timeout=START_TIMEOUT)
        for fmt in ("jsonl", "parquet"):
            one = run_cli("-q", "--format", fmt, "--error-records", "-o", f"one-{fmt}", *names, cwd=tmp_path)
            on_dask = run_cli("-q", "--format", fmt, "--error-records", "-o", f"dask-{fmt}", "--scheduler", address,
                              *names, cwd=tmp_path, timeout=120)
            assert one.returncode == on_dask.returncode == 1  # the truncated record, reported
            assert b"record truncated" in on_dask.stderr
            parts = sorted(os.listdir(tmp_path / f"one-{fmt}"))
            assert parts == sorted(os.listdir(tmp_path / f"dask-{fmt}")) and len(parts) == 3
            for part in parts:
                assert (tmp_path / f"one-{fmt}" / part).read_bytes() == (tmp_path / f"dask-{fmt}" / part).read_bytes()
        # Stdout of --jobs 1 is the parts one after the other.
        whole = run_cli("--format", "jsonl", "--error-records", *names, cwd=tmp_path).stdout
        assert whole == b"".join((tmp_path / "dask-jsonl" / n).read_bytes()
                                 for n in ("crawl-0.jsonl", "crawl-1.jsonl", "crawl-2.jsonl"))
        # learn on the cluster: the profile that `clean-article learn` writes for the same archives.
        (tmp_path / "gazette.warc.gz").write_bytes(wb.site_archive("gazette.example.org"))
        learn_inputs = [*names, "gazette.warc.gz"]
        local = run_cli("learn", "--profile", "local.json", *learn_inputs, cwd=tmp_path)
        assert local.returncode == 1  # the truncated record
        with Client(address, timeout=START_TIMEOUT) as client:
            profile, _, errors = learn_files([str(tmp_path / n) for n in learn_inputs], client=client)
        profile.dump(str(tmp_path / "cluster.json"))
        assert len(errors) == 1 and list(profile.sites) == ["gazette.example.org"]
        assert (tmp_path / "cluster.json").read_bytes() == (tmp_path / "local.json").read_bytes()
        # ... and from the command line: same profile, same messages (all but the timing), same exit status.
        on_dask = run_cli("learn", "--profile", "dask.json", "--scheduler", address, *learn_inputs, cwd=tmp_path,
                          timeout=120)
        assert on_dask.returncode == 1
        assert (tmp_path / "dask.json").read_bytes() == (tmp_path / "local.json").read_bytes()
        assert _untimed(on_dask.stderr).replace(b"dask.json", b"local.json") == _untimed(local.stderr)
        assert b"record truncated" in on_dask.stderr and b"1 sites" in on_dask.stderr
        # Resume: complete parts are skipped.
        again = run_cli("--format", "jsonl", "-o", "dask-jsonl", "--scheduler", address, *names, cwd=tmp_path,
                        timeout=120)
        assert again.returncode == 0 and again.stderr.count(b"exists: skipped") == 3
    finally:
        for p in reversed(procs):
            p.terminate()
        deadline = time.monotonic() + 20
        for p in procs:
            try:
                p.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        logs.close()


def _untimed(stderr: bytes) -> bytes:
    return re.sub(rb"\d+\.\d+ s\b", b"N s", stderr)


def test_clean_part_skips_a_complete_part_and_writes_errors_as_records(tmp_path):
    (tmp_path / "a.warc.gz").write_bytes(wb.archive("record", truncate_tail=True))
    options = Options(fmt="jsonl", error_records=True)
    result = clean_part(str(tmp_path / "a.warc.gz"), str(tmp_path / "out"), options)
    assert result["documents"] == 5 and result["failed"] == 1 and not result["skipped"]
    lines = (tmp_path / "out" / "a.jsonl").read_bytes().splitlines()
    assert len(lines) == 5 and b'"error": ' in lines[-1]
    assert clean_part(str(tmp_path / "a.warc.gz"), str(tmp_path / "out"), options)["skipped"]


def test_plain_files_are_refused_before_any_cluster_starts(tmp_path):
    (tmp_path / "a.txt").write_text("A plain line of text.\n")
    r = run_cli("--engine", "dask", "-o", "out", "a.txt", cwd=tmp_path, timeout=60)
    assert r.returncode == 2 and b"the Dask engine takes WARC archives and JSONL inputs" in r.stderr
    r = run_cli("learn", "--profile", "p.json", "--engine", "dask", "a.txt", cwd=tmp_path, timeout=60)
    assert r.returncode == 2 and b"the Dask engine takes WARC archives and JSONL inputs" in r.stderr
    assert not (tmp_path / "p.json").exists()

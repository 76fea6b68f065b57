"""The command in batches and pipelines, run for real: xargs, pipes, lists, jobs, signals, progress."""
from __future__ import annotations

import json
import os
import pty
import select
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from conftest import CMD, ENV, FIXTURES, run_cli

SITE = FIXTURES / "site"
PAGES = sorted(str(p) for p in (SITE / "example-news").glob("*.txt"))
HARBOUR = sorted(str(p) for p in (SITE / "harbour-times").glob("*.txt"))

needs_xargs = pytest.mark.skipif(shutil.which("xargs") is None, reason="needs xargs")


def no_traceback(stderr: bytes):
    assert b"Traceback" not in stderr and b"Exception ignored" not in stderr, stderr.decode(errors="replace")


def body_of(path) -> bytes:
    return run_cli("-q", str(path)).stdout


def lines_of(stderr: bytes):
    return stderr.decode().splitlines()


# -- several inputs to stdout ---------------------------------------------------------
def test_several_texts_are_headed_like_head():
    r = run_cli(PAGES[0], PAGES[1])
    assert r.returncode == 0
    expected = (f"==> {PAGES[0]} <==\n".encode() + body_of(PAGES[0]) + b"\n"
                + f"==> {PAGES[1]} <==\n".encode() + body_of(PAGES[1]))
    assert r.stdout == expected


def test_summary_line_ends_a_batch():
    r = run_cli("--format", "jsonl", *PAGES[:3])
    last = lines_of(r.stderr)[-1]
    assert last.startswith("clean-article: 3 files, 0 failed, ") and last.endswith(" s")


@pytest.mark.parametrize("args", [["-q", *PAGES[:3]], [PAGES[0]]], ids=["quiet", "one-input"])
def test_no_summary(args):
    assert b"files," not in run_cli(*args).stderr


def test_jsonl_in_input_order():
    order = [PAGES[2], PAGES[0], PAGES[1]]
    r = run_cli("--format", "jsonl", *order)
    assert [json.loads(line)["path"] for line in r.stdout.splitlines()] == order


def test_json_list_for_several_inputs():
    r = run_cli("--format", "json", *PAGES[:2])
    assert [d["path"] for d in json.loads(r.stdout)] == PAGES[:2]


def test_stdin_to_stdout():
    data = Path(PAGES[0]).read_bytes()
    assert run_cli("-q", input=data).stdout == body_of(PAGES[0])
    assert run_cli("-q", "-", input=data).stdout == body_of(PAGES[0])


def test_jsonl_streams_one_record_per_input_as_it_comes():
    # The list is still open (find is still running) and the first record is out.
    proc = subprocess.Popen([*CMD, "--format", "jsonl", "--files-from", "-"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    try:
        proc.stdin.write(PAGES[0].encode() + b"\n")
        proc.stdin.flush()
        ready, _, _ = select.select([proc.stdout], [], [], 30)
        assert ready, "no record while the input list is still open"
        assert json.loads(proc.stdout.readline())["path"] == PAGES[0]
        proc.stdin.write(PAGES[1].encode() + b"\n")
        proc.stdin.close()
        assert json.loads(proc.stdout.readline())["path"] == PAGES[1]
        assert proc.wait(30) == 0
    finally:
        proc.kill()
        proc.wait()


# -- exit codes ----------------------------------------------------------------------------
def test_exit_0_when_all_inputs_are_cleaned():
    assert run_cli("-q", *PAGES).returncode == 0


def test_exit_1_names_each_failure_and_writes_the_rest(tmp_path):
    missing = str(tmp_path / "missing.txt")
    r = run_cli("--format", "jsonl", PAGES[0], missing, PAGES[1])
    assert r.returncode == 1
    assert [json.loads(line)["path"] for line in r.stdout.splitlines()] == [PAGES[0], PAGES[1]]
    assert f"clean-article: {missing}: no such file" in lines_of(r.stderr)
    assert lines_of(r.stderr)[-1].startswith("clean-article: 3 files, 1 failed, ")


@pytest.mark.parametrize("args", [
    ["-0", "x.txt"],
    ["--overwrite", "x.txt"],
    ["--jobs", "-1", "x.txt"],
    ["--format", "xml", "x.txt"],
    ["--files-from", "/nonexistent/list"],
    ["--profile", "/nonexistent/profile.json", "x.txt"],
    ["--files-from", "-", "-"],
    ["learn", "x.txt"],
    ["learn", "--profile"],
    ["--no-such-option"],
], ids=["null-without-list", "overwrite-without-dir", "negative-jobs", "format", "missing-list",
        "missing-profile", "stdin-twice", "learn-without-profile", "learn-profile-no-value", "unknown-option"])
def test_exit_2_on_usage_errors(args):
    r = run_cli(*args)
    assert r.returncode == 2
    no_traceback(r.stderr)


def test_profile_that_is_not_one_is_a_usage_error(tmp_path):
    bad = tmp_path / "p.json"
    bad.write_text("[]")
    r = run_cli("--profile", str(bad), PAGES[0])
    assert r.returncode == 2 and b"not a clean-article site profile" in r.stderr


# -- xargs ----------------------------------------------------------------------------------
@needs_xargs
def test_find_xargs_parallel_into_a_folder(tmp_path):
    # The README recipe: find ... -print0 | xargs -0 -P 2 clean-article --output-dir out
    out = tmp_path / "out"
    names = b"".join(p.encode() + b"\0" for p in PAGES + HARBOUR)
    r = subprocess.run(["xargs", "-0", "-P", "2", "-n", "3", *CMD, "-q", "--output-dir", str(out)],
                       input=names, capture_output=True, env=ENV, timeout=120)
    assert r.returncode == 0, r.stderr
    for page in PAGES + HARBOUR:
        assert (out / Path(page).name).read_bytes() == body_of(page)
    assert sorted(os.listdir(out)) == sorted(Path(p).name for p in PAGES + HARBOUR)


@needs_xargs
def test_xargs_goes_on_past_a_failed_input(tmp_path):
    # Exit 1 makes xargs finish every batch and then exit 123; 255 would stop it.
    out = tmp_path / "out"
    names = [PAGES[0], str(tmp_path / "missing.txt"), PAGES[1], PAGES[2]]
    r = subprocess.run(["xargs", "-0", "-n", "1", *CMD, "-q", "--output-dir", str(out)],
                       input=b"".join(n.encode() + b"\0" for n in names), capture_output=True, env=ENV,
                       timeout=120)
    assert r.returncode == 123
    assert sorted(os.listdir(out)) == sorted(Path(p).name for p in (PAGES[0], PAGES[1], PAGES[2]))
    assert b"missing.txt: no such file" in r.stderr


# -- input lists -------------------------------------------------------------------------------
def _odd_names(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    text = Path(PAGES[0]).read_bytes()
    names = [b"with space.txt", b"new\nline.txt", b"-starts-with-dash.txt", b"caf\xe9.txt", b"learn"]
    for n in names:
        (src / os.fsdecode(n)).write_bytes(text)
    return src, names


def test_files_from_stdin_with_nul_takes_any_name(tmp_path):
    src, names = _odd_names(tmp_path)
    out = tmp_path / "out"
    listing = b"".join(os.fsencode(src) + b"/" + n + b"\0" for n in names)
    r = run_cli("-q", "--files-from", "-", "-0", "--output-dir", str(out), input=listing)
    assert r.returncode == 0, r.stderr
    expected = {b"with space.txt", b"new\nline.txt", b"-starts-with-dash.txt", b"caf\xe9.txt", b"learn.txt"}
    assert {os.fsencode(n) for n in os.listdir(out)} == expected
    for n in os.listdir(out):
        assert (out / n).read_bytes() == body_of(PAGES[0])


def test_files_from_a_file_one_name_a_line(tmp_path):
    listing = tmp_path / "list.txt"
    listing.write_text("\n".join(PAGES[:3]) + "\n")
    r = run_cli("--format", "jsonl", PAGES[3], "--files-from", str(listing))
    assert [json.loads(line)["path"] for line in r.stdout.splitlines()] == [PAGES[3], *PAGES[:3]]


def test_undecodable_name_in_json_output(tmp_path):
    src, _ = _odd_names(tmp_path)
    r = run_cli("--format", "jsonl", "--files-from", "-", "-0", input=os.fsencode(src) + b"/caf\xe9.txt\0")
    assert r.returncode == 0
    assert json.loads(r.stdout)["path"].endswith("caf\ufffd.txt")


# -- a file named learn -------------------------------------------------------------------------
def test_a_file_named_learn(tmp_path):
    (tmp_path / "learn").write_bytes(Path(PAGES[0]).read_bytes())
    expected = body_of(PAGES[0])
    assert run_cli("-q", "./learn", cwd=tmp_path).stdout == expected
    assert run_cli("-q", "--", "learn", cwd=tmp_path).stdout == expected


def test_learn_subcommand(tmp_path):
    r = run_cli("learn", "--profile", str(tmp_path / "p.json"), *PAGES)
    assert r.returncode == 0, r.stderr
    assert json.loads((tmp_path / "p.json").read_text())["format"] == "clean-article site profile"
    assert "1 sites" in lines_of(r.stderr)[-1]


# -- output files ------------------------------------------------------------------------------
def test_same_name_from_two_folders_never_overwrites(tmp_path):
    for d in ("2023", "2024"):
        (tmp_path / d).mkdir()
    (tmp_path / "2023" / "index.txt").write_bytes(Path(PAGES[0]).read_bytes())
    (tmp_path / "2024" / "index.txt").write_bytes(Path(PAGES[1]).read_bytes())
    out = tmp_path / "out"
    r = run_cli("--output-dir", str(out), "2023/index.txt", "2024/index.txt", cwd=tmp_path)
    assert r.returncode == 0
    names = sorted(os.listdir(out))
    assert names[0] == "index.txt" and names[1].startswith("index~") and len(names) == 2
    assert (out / "index.txt").read_bytes() == body_of(PAGES[0])
    assert (out / names[1]).read_bytes() == body_of(PAGES[1])
    assert b"is taken by" in r.stderr

    again = run_cli("--output-dir", str(out), "2023/index.txt", "2024/index.txt", cwd=tmp_path)
    assert again.returncode == 1 and again.stderr.count(b"exists (written by an earlier run") == 2
    assert sorted(os.listdir(out)) == names

    replaced = run_cli("-q", "--output-dir", str(out), "--overwrite", "2023/index.txt", "2024/index.txt", cwd=tmp_path)
    assert replaced.returncode == 0 and sorted(os.listdir(out)) == names


# -- jobs: the same bytes -----------------------------------------------------------------------
def _without_summary(stderr: bytes) -> bytes:
    return b"\n".join(line for line in stderr.split(b"\n") if b" files, " not in line)


@pytest.mark.parametrize("args", [
    [],
    ["--format", "json", "--explain"],
    ["--format", "jsonl"],
    ["--with-metadata", "--explain"],
], ids=["text", "json-explain", "jsonl", "metadata-explain"])
def test_jobs_2_writes_what_jobs_1_writes(args, tmp_path):
    missing = str(tmp_path / "missing.txt")
    inputs = [*PAGES, missing, *HARBOUR] * 3
    one, two = run_cli(*args, "--jobs", "1", *inputs), run_cli(*args, "--jobs", "2", *inputs)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert _without_summary(one.stderr) == _without_summary(two.stderr)


def test_jobs_0_is_one_per_core_with_the_same_output():
    inputs = [*PAGES, *HARBOUR]
    assert run_cli("-q", "--jobs", "0", *inputs).stdout == run_cli("-q", *inputs).stdout


def test_jobs_2_with_stdin_and_a_profile(tmp_path):
    # Standard input is read by the main process in its turn; the profile is
    # loaded by every worker.
    prof = tmp_path / "site.json"
    assert run_cli("learn", "-q", "--profile", str(prof), "--site", "example.test", *PAGES).returncode == 0
    args = ["--profile", str(prof), "--site", "example.test", "--explain", "--format", "jsonl",
            PAGES[0], "-", *PAGES[1:]]
    stdin = Path(PAGES[3]).read_bytes()
    one, two = run_cli(*args, "--jobs", "1", input=stdin), run_cli(*args, "--jobs", "2", input=stdin)
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
    records = [json.loads(line) for line in one.stdout.splitlines()]
    assert records[1]["path"] is None and records[1]["text"] == records[4]["text"]
    assert any(r["rule"] == "site.repeated" for d in records for r in d["removed"])


def test_jobs_2_writes_the_same_files(tmp_path):
    inputs = [*PAGES, *HARBOUR]
    run_cli("--jobs", "1", "--output-dir", str(tmp_path / "one"), *inputs)
    run_cli("--jobs", "2", "--output-dir", str(tmp_path / "two"), *inputs)
    names = sorted(os.listdir(tmp_path / "one"))
    assert names == sorted(os.listdir(tmp_path / "two")) and len(names) == len(inputs)
    for n in names:
        assert (tmp_path / "one" / n).read_bytes() == (tmp_path / "two" / n).read_bytes()


# -- closed pipes ---------------------------------------------------------------------------------
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_closed_pipe_ends_quietly(jobs, tmp_path):
    listing = tmp_path / "list.txt"
    listing.write_text("\n".join(PAGES * 200) + "\n")
    proc = subprocess.Popen([*CMD, "--jobs", jobs, "--files-from", str(listing)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    proc.stdout.read(100)
    proc.stdout.close()   # what head does when it has its lines
    started = time.monotonic()
    stderr = proc.stderr.read()
    rc = proc.wait(60)
    assert rc in (0, -signal.SIGPIPE)
    assert time.monotonic() - started < 20  # it stops, it does not clean the other 1,199 pages
    no_traceback(stderr)
    assert b"Error" not in stderr


def test_pipe_into_head_in_a_shell(tmp_path):
    listing = tmp_path / "list.txt"
    listing.write_text("\n".join(PAGES * 100) + "\n")
    cmd = " ".join(CMD) + f" --format jsonl --files-from {listing} | head -n 2"
    r = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], capture_output=True, env=ENV, timeout=120)
    assert len(r.stdout.splitlines()) == 2
    assert r.returncode in (0, 128 + signal.SIGPIPE)
    no_traceback(r.stderr)


# -- signals -------------------------------------------------------------------------------------
def _children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(c) for c in f.read().split()]
    except OSError:
        return []


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is dead
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[-1][0] != "Z"
    except OSError:
        return True


@pytest.mark.parametrize("jobs, sig, group", [
    ("1", signal.SIGTERM, False),
    ("2", signal.SIGTERM, False),
    ("1", signal.SIGINT, False),
    ("2", signal.SIGINT, True),      # Ctrl-C: the whole process group gets it
], ids=["term-1", "term-2", "int-1", "ctrl-c-2"])
def test_signal_stops_cleanly(jobs, sig, group, tmp_path):
    reference = {Path(p).name: body_of(p) for p in PAGES}
    listing = tmp_path / "list.txt"
    listing.write_text("\n".join(PAGES * 500) + "\n")
    out = tmp_path / "out"
    proc = subprocess.Popen([*CMD, "-q", "--jobs", jobs, "--overwrite", "--output-dir", str(out),
                             "--files-from", str(listing)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV, start_new_session=True)
    deadline = time.monotonic() + 60
    while not (out.exists() and len(os.listdir(out)) >= len(PAGES)) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)
    assert proc.poll() is None, "the batch ended before the signal"
    workers = _children(proc.pid)
    if group:
        os.killpg(proc.pid, sig)
    else:
        proc.send_signal(sig)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == -sig
    no_traceback(stderr)
    assert stderr.decode().strip().endswith("interrupted")
    names = os.listdir(out)
    assert not [n for n in names if n.endswith(".tmp")]
    for n in names:  # each file whole: none half-written
        assert (out / n).read_bytes() == reference[n]
    deadline = time.monotonic() + 10  # a loaded machine can take a while to reap them
    while [w for w in workers if _alive(w)] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [w for w in workers if _alive(w)]


# -- progress bar ----------------------------------------------------------------------------------
def _stderr_on_a_terminal(args):
    controller, terminal = pty.openpty()
    try:
        proc = subprocess.Popen([*CMD, *args], stdout=subprocess.DEVNULL, stderr=terminal, env=ENV)
        os.close(terminal)
        seen = b""
        while True:
            ready, _, _ = select.select([controller], [], [], 60)
            if not ready:
                break
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal closed: the command ended
                break
            if not chunk:
                break
            seen += chunk
        proc.wait(60)
        return proc.returncode, seen
    finally:
        os.close(controller)


def test_progress_bar_on_a_terminal():
    rc, seen = _stderr_on_a_terminal(["--format", "jsonl", *PAGES * 3])
    assert rc == 0
    assert b"cleaning" in seen and b"18/18" in seen and b"#" in seen


def test_no_progress_bar_with_quiet():
    rc, seen = _stderr_on_a_terminal(["-q", "--format", "jsonl", *PAGES * 3])
    assert rc == 0 and seen == b""


def test_no_progress_bar_for_a_few_inputs():
    rc, seen = _stderr_on_a_terminal(["--format", "jsonl", *PAGES[:3]])
    assert b"cleaning" not in seen and b"3 files, 0 failed" in seen


def test_no_progress_bar_when_stderr_is_not_a_terminal():
    r = run_cli("--format", "jsonl", *PAGES * 3)
    assert b"cleaning" not in r.stderr and b"#" not in r.stderr

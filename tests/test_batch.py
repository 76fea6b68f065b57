"""cleaner.batch: input lists, output names and files, ordered parallel runs, streaming JSON."""
from __future__ import annotations

import io
import json
import os
import time

import pytest
from conftest import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import batch
from cleaner.batch import (
    CHUNK_SIZE,
    WINDOW_PER_JOB,
    Options,
    Outcome,
    StdoutSink,
    Summary,
    Task,
    names_from,
    ordered_map,
    peek_several,
    render_record,
    shown,
)
from cleaner.inputs import Failure
from cleaner.model import Article
from cleaner.outdir import DirSink, alternative_name, atomic_write, output_name

SITE = FIXTURES / "site" / "example-news"


# -- input lists ----------------------------------------------------------------
@pytest.mark.parametrize("data, null, expected", [
    (b"a.txt\nb.txt\n", False, ["a.txt", "b.txt"]),
    (b"a.txt\nb.txt", False, ["a.txt", "b.txt"]),             # no final newline
    (b"a.txt\n\n\nb.txt\n", False, ["a.txt", "b.txt"]),       # empty lines skipped
    (b"with space.txt\n", False, ["with space.txt"]),
    (b"a\nb.txt\0c.txt\0", True, ["a\nb.txt", "c.txt"]),      # NUL lists carry newlines in names
    (b"\0\0a.txt\0", True, ["a.txt"]),
    (b"-\n", False, ["./-"]),                                 # a file named '-', not stdin
    (b"", False, []),
], ids=["lines", "no-final-newline", "empty-lines", "space", "nul-newline-in-name", "nul-empties",
        "dash-is-a-file", "empty"])
def test_names_from(data, null, expected):
    assert list(names_from(io.BytesIO(data), null=null)) == expected


def test_names_from_keeps_undecodable_bytes():
    # A Latin-1 file name that is not UTF-8 comes back as the same bytes on disk.
    names = list(names_from(io.BytesIO(b"caf\xe9.txt\0"), null=True))
    assert [os.fsencode(n) for n in names] == [b"caf\xe9.txt"]


def test_names_from_across_read_blocks():
    # Names that straddle the 64 KiB read blocks come back whole.
    names = [f"dir/{i:06d}-{'x' * 40}.txt" for i in range(5000)]
    data = "\0".join(names).encode() + b"\0"
    assert len(data) > 3 * 65536
    assert list(names_from(io.BytesIO(data), null=True)) == names


def test_names_from_streams():
    # The first name comes out before the list is read to its end (a pipe from find).
    class Slow(io.RawIOBase):
        reads = 0

        def readinto(self, b):
            self.reads += 1
            chunk = b"first.txt\n" if self.reads == 1 else b""
            if self.reads > 1:
                raise AssertionError("read past the first block before yielding")
            b[:len(chunk)] = chunk
            return len(chunk)

    assert next(names_from(Slow(), null=False)) == "first.txt"


def test_peek_several_consumes_nothing():
    for names, several in ((["a"], False), (["a", "b"], True), (["a", "b", "c"], True), ([], False)):
        got, rest = peek_several(iter(names))
        assert got is several
        assert list(rest) == names


def test_shown_names():
    assert shown("-") == "<stdin>"
    assert shown("a\tb.txt") == "a\\tb.txt"
    assert shown(os.fsdecode(b"caf\xe9.txt")) == "caf\ufffd.txt"


# -- output names ------------------------------------------------------------------
@pytest.mark.parametrize("path, fmt, expected", [
    ("pages/story.html", "text", "story.txt"),
    ("pages/story.html.gz", "text", "story.txt"),
    ("pages/story.htm", "json", "story.json"),
    ("story.txt", "text", "story.txt"),
    ("story.txt", "jsonl", "story.jsonl"),
    ("story", "text", "story.txt"),
    ("story.v2.html", "text", "story.v2.txt"),
    ("dir/sub/", "text", "sub.txt"),
    ("-", "text", "stdin.txt"),
], ids=["html", "html-gz", "htm-json", "txt", "jsonl", "bare", "inner-dot", "trailing-slash", "stdin"])
def test_output_name(path, fmt, expected):
    assert output_name(path, fmt) == expected


def test_alternative_name_is_stable_and_distinct():
    a = alternative_name("2023/index.html", "text")
    b = alternative_name("2024/index.html", "text")
    assert a.startswith("index~") and a.endswith(".txt")
    assert a != b
    assert a == alternative_name(os.path.abspath("2023/index.html"), "text")  # same file, same name


# -- writing files ------------------------------------------------------------------
def _outcome(path, record="body\n"):
    return Outcome(path, record=record)


def test_dir_sink_writes_one_file_per_input(tmp_path):
    sink = DirSink(str(tmp_path / "out"), "text")
    (tmp_path / "out").mkdir()
    assert sink.write(_outcome("a/story.html", "Story body.\n")) == []
    assert (tmp_path / "out" / "story.txt").read_text() == "Story body.\n"


def test_dir_sink_json_gets_a_final_newline(tmp_path):
    sink = DirSink(str(tmp_path), "json")
    sink.write(_outcome("x.html", '{\n  "a": 1\n}'))
    assert (tmp_path / "x.json").read_text() == '{\n  "a": 1\n}\n'


def test_dir_sink_collision_in_one_call_gets_the_alternative_name(tmp_path):
    sink = DirSink(str(tmp_path), "text")
    assert sink.write(_outcome("2023/index.html", "first\n")) == []
    warnings = sink.write(_outcome("2024/index.html", "second\n"))
    alt = alternative_name("2024/index.html", "text")
    assert (tmp_path / "index.txt").read_text() == "first\n"
    assert (tmp_path / alt).read_text() == "second\n"
    assert len(warnings) == 1 and "2023/index.html" in warnings[0] and alt in warnings[0]


def test_dir_sink_same_input_twice_writes_it_again(tmp_path):
    sink = DirSink(str(tmp_path), "text")
    sink.write(_outcome("a.txt", "one\n"))
    assert sink.write(_outcome("a.txt", "one\n")) == []
    assert sorted(os.listdir(tmp_path)) == ["a.txt"]


def test_dir_sink_never_replaces_an_existing_file_without_overwrite(tmp_path):
    (tmp_path / "story.txt").write_text("from before\n")
    sink = DirSink(str(tmp_path), "text")
    with pytest.raises(Failure, match="exists .*--overwrite"):
        sink.write(_outcome("in/story.html", "new\n"))
    assert (tmp_path / "story.txt").read_text() == "from before\n"


def test_dir_sink_overwrite_replaces(tmp_path):
    (tmp_path / "story.txt").write_text("from before\n")
    DirSink(str(tmp_path), "text", overwrite=True).write(_outcome("in/story.html", "new\n"))
    assert (tmp_path / "story.txt").read_text() == "new\n"


def test_dir_sink_never_replaces_its_own_input(tmp_path):
    src = tmp_path / "story.txt"
    src.write_text("the input\n")
    sink = DirSink(str(tmp_path), "text", overwrite=True)
    with pytest.raises(Failure, match="replace the input itself"):
        sink.write(_outcome(str(src), "cleaned\n"))
    assert src.read_text() == "the input\n"


def test_dir_sink_files_get_the_usual_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        DirSink(str(tmp_path), "text").write(_outcome("a.txt"))
    finally:
        os.umask(old)
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o644


def test_atomic_write_leaves_no_temporary_file(tmp_path):
    atomic_write(str(tmp_path / "a.txt"), b"x")
    with pytest.raises(FileExistsError):
        atomic_write(str(tmp_path / "a.txt"), b"y")
    assert os.listdir(tmp_path) == ["a.txt"]
    assert (tmp_path / "a.txt").read_bytes() == b"x"


def test_atomic_write_interrupted_leaves_nothing(tmp_path, monkeypatch):
    # The rename is the last step: when anything before it fails (here a
    # Ctrl-C), neither the output nor the temporary file remains.
    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "link", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(str(tmp_path / "a.txt"), b"x" * 100_000)
    assert os.listdir(tmp_path) == []


def test_atomic_write_without_hard_links_still_refuses_existing_files(tmp_path, monkeypatch):
    def no_links(*args):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    atomic_write(str(tmp_path / "a.txt"), b"x")
    assert (tmp_path / "a.txt").read_bytes() == b"x"
    with pytest.raises(FileExistsError):
        atomic_write(str(tmp_path / "a.txt"), b"y")
    assert os.listdir(tmp_path) == ["a.txt"]


# -- standard output -----------------------------------------------------------------
def _articles():
    return [Article(text="First body.", title="One", path="a.txt"),
            Article(text="Second body\nwith two lines.", title="Two", path="b.txt"),
            Article(text="", title=None, path="c.txt")]


def _write_all(fmt, several, articles):
    out = io.BytesIO()
    sink = StdoutSink(fmt, several, out)
    options = Options(fmt=fmt)
    for a in articles:
        sink.write(Outcome(a.path, record=render_record(a, options)))
    sink.close()
    return out.getvalue().decode("utf-8")


def test_json_list_is_streamed_as_json_dumps_would_write_it():
    arts = _articles()
    expected = json.dumps([a.to_dict() for a in arts], ensure_ascii=False, indent=2) + "\n"
    assert _write_all("json", True, arts) == expected


def test_json_single_input_is_one_object():
    art = _articles()[0]
    assert json.loads(_write_all("json", False, [art])) == art.to_dict()


def test_json_list_with_no_success_writes_nothing():
    assert _write_all("json", True, []) == ""


def test_jsonl_one_object_per_line_in_order():
    lines = _write_all("jsonl", True, _articles()).splitlines()
    assert [json.loads(line)["path"] for line in lines] == ["a.txt", "b.txt", "c.txt"]


def test_text_headers_like_head():
    out = _write_all("text", True, _articles()[:2])
    assert out == "==> a.txt <==\nFirst body.\n\n==> b.txt <==\nSecond body\nwith two lines.\n"


def test_text_single_input_has_no_header():
    assert _write_all("text", False, _articles()[:1]) == "First body.\n"


def test_output_is_utf8_whatever_the_text():
    out = _write_all("jsonl", False, [Article(text="Zürich – 東京", path="a.txt")])
    assert "Zürich – 東京" in out


# -- ordered parallel map ----------------------------------------------------------------
def slow_square(n):
    time.sleep(0.02 if n % 3 == 0 else 0.0)  # uneven work, so workers finish out of order
    return (os.getpid(), n * n)


def die_on_seven(n):
    if n == 7:
        os._exit(3)  # a hard crash: no exception, the process is gone
    return n


def _crashed(item, message):
    return ("crashed", item, message)


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_ordered_map_keeps_input_order(jobs):
    results = list(ordered_map(slow_square, range(40), jobs, Options(), _crashed))
    assert [sq for _, sq in results] == [n * n for n in range(40)]
    if jobs > 1:
        assert len({pid for pid, _ in results}) > 1  # really ran in several processes
        assert os.getpid() not in {pid for pid, _ in results}


def test_ordered_map_stays_a_bounded_window_ahead():
    taken = []

    def items():
        for n in range(10_000):
            taken.append(n)
            yield n

    results = ordered_map(slow_square, items(), 2, Options(), _crashed)
    next(results)
    ahead = 2 * WINDOW_PER_JOB * CHUNK_SIZE
    assert len(taken) <= ahead + CHUNK_SIZE
    results.close()


def test_a_dead_worker_fails_only_its_own_input():
    results = list(ordered_map(die_on_seven, range(20), 2, Options(), _crashed))
    assert results[7][0] == "crashed" and results[7][1] == 7 and "worker process died" in results[7][2]
    assert results[:7] + results[8:] == [n for n in range(20) if n != 7]


# -- cleaning ---------------------------------------------------------------------------
class ListSink:
    def __init__(self):
        self.outcomes = []

    def write(self, outcome):
        self.outcomes.append(outcome)
        return []

    def close(self):
        pass


def test_run_reports_failures_and_goes_on(tmp_path):
    good = sorted(str(p) for p in SITE.glob("*.txt"))[:2]
    missing = str(tmp_path / "missing.txt")
    sink, messages = ListSink(), []
    summary = batch.run([good[0], missing, good[1]], Options(fmt="jsonl"), sink, report=messages.append)
    assert (summary.files, summary.failed) == (3, 1)
    assert [o.path for o in sink.outcomes] == [good[0], good[1]]
    assert messages == [f"{missing}: no such file"]


def test_run_same_output_in_any_order():
    # A page's output does not depend on what the same process cleaned before.
    paths = sorted(str(p) for p in SITE.glob("*.txt"))
    forward, backward = ListSink(), ListSink()
    batch.run(paths, Options(fmt="jsonl"), forward)
    batch.run(paths[::-1], Options(fmt="jsonl"), backward)
    assert {o.path: o.record for o in forward.outcomes} == {o.path: o.record for o in backward.outcomes}


def test_run_with_two_jobs_gives_the_same_records():
    paths = sorted(str(p) for p in SITE.glob("*.txt")) * 3
    one, two = ListSink(), ListSink()
    batch.run(paths, Options(fmt="json", explain=True), one, jobs=1)
    batch.run(paths, Options(fmt="json", explain=True), two, jobs=2)
    assert [o.record for o in one.outcomes] == [o.record for o in two.outcomes]


def test_stdin_task_read_by_the_parent(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Advertisement\nThe body line stays here.\n")))
    tasks = list(batch.tasks(["-"], 1000))
    assert tasks == [Task("-", b"Advertisement\nThe body line stays here.\n")]


def test_summary_line():
    assert Summary(3, 0, 1.234).line() == "3 files, 0 failed, 1.23 s"


def test_a_stop_signal_during_a_write_acts_after_it(tmp_path, monkeypatch):
    # With the command's handler installed, SIGTERM arriving mid-write lets the
    # write finish (no temporary file, a whole output), then stops the run.
    import signal

    real_link = os.link

    def link_after_a_signal(src, dst):
        os.kill(os.getpid(), signal.SIGTERM)
        real_link(src, dst)

    old = signal.signal(signal.SIGTERM, batch.on_stop_signal)
    monkeypatch.setattr(os, "link", link_after_a_signal)
    try:
        with pytest.raises(batch.Stopped) as stopped:
            atomic_write(str(tmp_path / "a.txt"), b"whole")
    finally:
        signal.signal(signal.SIGTERM, old)
    assert stopped.value.signum == signal.SIGTERM
    assert os.listdir(tmp_path) == ["a.txt"] and (tmp_path / "a.txt").read_bytes() == b"whole"


@given(st.text(st.sampled_from(list("ab ./-~\t\n\x00\x1b\x7féß\udcff\u2028"))))
@settings(max_examples=200, deadline=None)
def test_shown_names_without_control_characters_as_they_are(name):
    """shown() returns a printable ASCII name without building the escaped form: the same
    answer as escaping it (undecodable bytes as U+FFFD, control characters escaped)."""
    import regex

    full = regex.sub(r"[\x00-\x1f\x7f]", lambda m: m.group(0).encode("unicode_escape").decode("ascii"),
                     name.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
    assert shown(name) == (full if name != "-" else "<stdin>")

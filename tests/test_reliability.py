"""Bad and hostile input through the command: each row of the README's "Bad input" table.

Every test writes real files in ``tmp_path`` and runs ``clean-article`` on
them, through click's CliRunner or, where the process itself matters (exit
status, tracebacks, resource limits), as a real subprocess. A failed input is
one line on stderr, ``clean-article: PATH: cause``, the other inputs are still
cleaned, and the exit status is 1; an input that cleans to nothing is not a
failure (exit 0, a warning naming it).
"""
from __future__ import annotations

import codecs
import errno
import gzip
import os
import random
import resource
import tempfile
import threading
import types
from pathlib import Path

import pytest
import regex
from conftest import REPO, invoke, run_cli

import cleaner
import cleaner.passes
from cleaner import pipeline
from cleaner.ingest import InputError
from cleaner.model import Document, Finding

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

ARTICLE = ("Council approves budget after long debate\n\n"
           "The city council approved next year's budget on Monday after a debate that ran late.\n\n"
           "Residents will see the new rates in their April bills, officials said.\n")
ARTICLE_BODY = ("The city council approved next year's budget on Monday after a debate that ran late.\n\n"
                "Residents will see the new rates in their April bills, officials said.\n")
#: Lines the passes remove whatever surrounds them: an ad marker and calls to action.
ALL_BOILERPLATE = "Advertisement\n\nShare this article\n\nSign up for our daily newsletter\n"


def write(path: Path, data) -> Path:
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


@pytest.fixture
def good(tmp_path) -> Path:
    return write(tmp_path / "good.txt", ARTICLE)


def assert_failed_alone(r, bad: Path, cause: str, good: Path):
    """``bad`` is named on exactly one stderr line with ``cause``; ``good`` was still cleaned."""
    assert r.exit_code == 1
    lines = r.stderr.splitlines()
    assert lines == [f"clean-article: {bad}: {cause}"], r.stderr
    assert "Traceback" not in r.stderr
    assert r.stdout == f"==> {good} <==\n{ARTICLE_BODY}"


# -- paths that cannot be read ------------------------------------------------------

def test_missing_path(tmp_path, good):
    bad = tmp_path / "missing.txt"
    assert_failed_alone(invoke("-q", bad, good), bad, "no such file", good)


def test_directory(tmp_path, good):
    bad = tmp_path / "folder"
    bad.mkdir()
    assert_failed_alone(invoke("-q", bad, good), bad, "is a directory", good)


def test_broken_symlink(tmp_path, good):
    bad = tmp_path / "link.txt"
    bad.symlink_to(tmp_path / "gone.txt")
    assert_failed_alone(invoke("-q", bad, good), bad, "broken symbolic link (its target does not exist)", good)


def test_symlink_loop(tmp_path, good):
    bad = tmp_path / "loop.txt"
    bad.symlink_to(bad)
    assert_failed_alone(invoke("-q", bad, good), bad, "symbolic link loop", good)


def test_file_without_read_permission(tmp_path, good, monkeypatch):
    bad = write(tmp_path / "secret.txt", ARTICLE)
    if IS_ROOT:
        # root reads any file whatever its mode: simulate the refusal the kernel gives everyone else.
        real_open = open

        def refusing_open(file, *args, **kwargs):
            if os.fspath(file) == str(bad):
                raise PermissionError(errno.EACCES, "Permission denied", str(bad))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr("cleaner.inputs.open", refusing_open, raising=False)
    else:
        bad.chmod(0)
    assert_failed_alone(invoke("-q", bad, good), bad, "permission denied", good)


@pytest.mark.skipif(IS_ROOT, reason="root reads files whatever their mode; the CliRunner test above simulates it")
def test_file_without_read_permission_real_process(tmp_path, good):
    bad = write(tmp_path / "secret.txt", ARTICLE)
    bad.chmod(0)
    r = run_cli("-q", bad, good)
    assert r.returncode == 1
    assert r.stderr.decode().splitlines() == [f"clean-article: {bad}: permission denied"]


def test_unreadable_inputs_in_a_real_process(tmp_path, good):
    """The exit status, no traceback, and the good input's body, in a real process."""
    (tmp_path / "folder").mkdir()
    (tmp_path / "link.txt").symlink_to(tmp_path / "gone.txt")
    bad = [tmp_path / "missing.txt", tmp_path / "folder", tmp_path / "link.txt"]
    r = run_cli("-q", "--format", "jsonl", *bad, good)
    assert r.returncode == 1
    stderr = r.stderr.decode()
    assert "Traceback" not in stderr
    assert stderr.splitlines() == [
        f"clean-article: {bad[0]}: no such file",
        f"clean-article: {bad[1]}: is a directory",
        f"clean-article: {bad[2]}: broken symbolic link (its target does not exist)",
    ]
    assert r.stdout.count(b"\n") == 1 and b'"path": "' + str(good).encode() + b'"' in r.stdout


# -- inputs that clean to nothing: not failures ---------------------------------------

@pytest.mark.parametrize("content", [b"", b"  \n\t\n\n   \n", ALL_BOILERPLATE.encode()],
                         ids=["empty", "whitespace-only", "all-boilerplate"])
def test_nothing_left_is_a_warning_not_a_failure(tmp_path, content):
    path = write(tmp_path / "nothing.txt", content)
    r = invoke(path)
    assert r.exit_code == 0
    assert r.stdout == ""
    assert r.stderr.splitlines() == [f"clean-article: warning: {path}: empty body: nothing left after cleaning"]


def test_nothing_left_in_json_is_an_empty_text(tmp_path):
    path = write(tmp_path / "nothing.txt", ALL_BOILERPLATE)
    r = invoke("--format", "jsonl", "-q", path)
    assert r.exit_code == 0
    assert '"text": ""' in r.stdout and '"word_count": 0' in r.stdout


# -- not text -----------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"

BINARY = [
    pytest.param("image.png", PNG, "not text or HTML: looks like a PNG image", id="png"),
    pytest.param("doc.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "not text or HTML: looks like a PDF document", id="pdf"),
    pytest.param("a.zip", b"PK\x03\x04\x14\x00\x00\x00", "not text or HTML: looks like a ZIP archive", id="zip"),
    pytest.param("records.bin", b"\x00\x01\x02\x03ABCDEF" * 1000,
                 "not text or HTML: binary data (40% control bytes)", id="nul-and-control-bytes"),
    pytest.param("png.gz", gzip.compress(PNG), "not text or HTML: looks like a PNG image", id="gzip-of-png"),
]


@pytest.mark.parametrize("name, content, cause", BINARY)
def test_binary_is_refused(tmp_path, good, name, content, cause):
    bad = write(tmp_path / name, content)
    assert_failed_alone(invoke("-q", bad, good), bad, cause, good)


def test_stray_nul_bytes_are_dropped_with_a_warning(tmp_path):
    # An HTML page with 22 stray NUL bytes: browsers read it, and so do we.
    style = "<style>\n" + ".story p { margin: 0 auto; line-height: 1.5; color: #222; }\n" * 60 + "</style>"
    page = (f"<!DOCTYPE html><html><head><title>Budget</title>{style}</head><body><article><p>"
            + ARTICLE_BODY.replace("\n\n", "</p><p>") + "</p></article></body></html>")
    path = write(tmp_path / "page.html", page.encode().replace(b"<p>", b"<p>" + b"\x00" * 11))
    r = invoke(path)
    assert r.exit_code == 0
    assert r.stdout == ARTICLE_BODY
    assert r.stderr.splitlines() == [f"clean-article: warning: {path}: 22 NUL bytes dropped"]


def test_text_with_a_few_html_lines_is_cleaned_as_text(tmp_path):
    pixel = ('<noscript><img height="1" width="1" style="display:none" '
             'src="https://ads.example.net/tr?id=123456789&amp;ev=PageView&amp;noscript=1"/></noscript>\n')
    path = write(tmp_path / "scrape.txt", pixel * 3 + "\n" + ARTICLE)
    r = invoke("--format", "jsonl", path)
    assert r.exit_code == 0
    assert '"input_format": "text"' in r.stdout
    assert "approved next year's budget" in r.stdout and "Residents will see" in r.stdout


def test_html_without_a_body_that_reads_as_text_is_cleaned_as_text(tmp_path, monkeypatch):
    # Forced to HTML, a text under three tracking pixels: when the extractor finds no article in it
    # (a stand-in here: trafilatura's default extraction happens to read this one), the text passes do.
    monkeypatch.setattr("cleaner.html.clean_html", _no_body)
    pixel = '<noscript><img height="1" width="1" src="https://ads.example.net/tr?id=123456789"/></noscript>\n'
    path = write(tmp_path / "scrape.txt", pixel * 3 + ARTICLE)
    r = invoke("--input-format", "html", path)
    assert r.exit_code == 0
    assert r.stdout == ARTICLE_BODY
    assert r.stderr.splitlines() == [
        f"clean-article: warning: {path}: fallback: no body from HTML extraction; cleaned as text"]


def _no_body(html, url=None, passes=None):
    return cleaner.Article(input_format="html")


def test_fallback_to_text_needs_an_input_that_reads_as_text(monkeypatch):
    monkeypatch.setattr("cleaner.html.clean_html", _no_body)
    article = cleaner.clean(ARTICLE, input_format="html")
    assert article.text + "\n" == ARTICLE_BODY
    assert article.input_format == "text"
    assert article.warnings == ["fallback: no body from HTML extraction; cleaned as text"]
    # A page of markup with no article stays empty: its lines are not text to keep.
    page = "<html><head><style>\n" + "p { margin: 0 }\n" * 40 + "</style></head>\n<body>\n<div></div>\n</body></html>"
    article = cleaner.clean(page)
    assert (article.text, article.input_format, article.warnings) == ("", "html", [])


def test_random_bytes_are_refused(tmp_path, good):
    # A fixed sample: a fresh os.urandom() may open with a magic number
    # (gzip's 1f 8b, about 1 run in a few thousand) and be refused for that.
    noise = random.Random(20_000).randbytes(20_000)
    assert noise[:2] != b"\x1f\x8b"
    bad = write(tmp_path / "random.bin", noise)
    r = invoke("-q", bad, good)
    assert r.exit_code == 1
    [line] = r.stderr.splitlines()
    assert line.startswith(f"clean-article: {bad}: not text or HTML: ")


@pytest.mark.parametrize("content", [ARTICLE, "<!DOCTYPE html><html><body><p>" + ARTICLE + "</p></body></html>"],
                         ids=["text", "html"])
def test_gzip_of_text_or_html_is_cleaned(tmp_path, content):
    path = write(tmp_path / "page.gz", gzip.compress(content.encode()))
    r = invoke("-q", "--format", "jsonl", path)
    assert r.exit_code == 0
    assert "approved next year's budget" in r.stdout


def test_truncated_gzip_is_refused(tmp_path, good):
    data = gzip.compress(os.urandom(3000).hex().encode())
    bad = write(tmp_path / "cut.gz", data[: len(data) // 2])
    r = invoke("-q", bad, good)
    assert r.exit_code == 1
    assert r.stderr.startswith(f"clean-article: {bad}: broken gzip data: ")


def test_binary_on_stdin_in_a_real_process():
    r = run_cli("-", input=PNG)
    assert (r.returncode, r.stdout) == (1, b"")
    assert r.stderr.decode() == "clean-article: <stdin>: not text or HTML: looks like a PNG image\n"


# -- encodings ----------------------------------------------------------------------

TEXT = "Café crème: “quoted” über naïve – déjà vu.\n\nZweiter Absatz über Größe und Maß."
BODY = "Café crème: “quoted” über naïve – déjà vu.\n\nZweiter Absatz über Größe und Maß.\n"

LATIN1_TEXT = "Café crème: «quoted» über naïve - déjà vu.\n\nZweiter Absatz über Größe und Maß."
LATIN1_BODY = "Café crème: «quoted» über naïve - déjà vu.\n\nZweiter Absatz über Größe und Maß.\n"

ENCODINGS = [
    pytest.param(TEXT.encode("utf-8"), BODY, "utf-8", id="utf-8"),
    pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), BODY, "utf-8 (BOM)", id="utf-8-bom"),
    pytest.param(TEXT.encode("utf-16"), BODY, "utf-16 (BOM)", id="utf-16-bom"),
    pytest.param(TEXT.encode("cp1252"), BODY, "windows-1252", id="windows-1252"),
    # latin-1 has no curly quotes or dashes; it reads the same as windows-1252.
    pytest.param(LATIN1_TEXT.encode("latin-1"), LATIN1_BODY, "windows-1252", id="latin-1"),
]


@pytest.mark.parametrize("data, body, encoding", ENCODINGS)
def test_encoding_is_read_and_shown_by_explain(tmp_path, data, body, encoding):
    path = write(tmp_path / "article.txt", data)
    r = invoke("--explain", path)
    assert r.exit_code == 0
    assert r.stdout == body
    assert r.stderr.splitlines() == [f"clean-article: {path}: encoding {encoding}, input text"]


def test_invalid_utf8_bytes_become_replacement_characters_with_a_warning(tmp_path):
    # A curly quote missing its last byte, and 0x9D: undefined in windows-1252 too, it fits nothing.
    data = "Café crème: “quoted” über.\n\nA cut ".encode() + b"\xe2\x80 quote and a stray \x9d byte here."
    path = write(tmp_path / "damaged.txt", data)
    r = invoke("--explain", path)
    assert r.exit_code == 0
    assert r.stdout == "Café crème: “quoted” über.\n\nA cut \ufffd quote and a stray \ufffd byte here.\n"
    assert r.stderr.splitlines() == [
        f"clean-article: warning: {path}: 2 invalid UTF-8 sequences replaced with U+FFFD",
        f"clean-article: {path}: encoding utf-8 (2 sequences replaced), input text",
    ]


def test_stray_windows_1252_bytes_in_utf8_are_read_with_a_warning(tmp_path):
    data = "Café crème: “quoted” über.\n\n".encode() + b"Na\xefve fa\xe7ade."
    path = write(tmp_path / "mixed.txt", data)
    r = invoke(path)
    assert r.stdout == "Café crème: “quoted” über.\n\nNaïve façade.\n"
    assert r.stderr.splitlines() == [f"clean-article: warning: {path}: 2 invalid UTF-8 bytes read as windows-1252"]


def test_encoding_in_json_with_explain(tmp_path):
    path = write(tmp_path / "a.txt", TEXT.encode("cp1252"))
    r = invoke("--format", "jsonl", "--explain", path)
    assert '"encoding": "windows-1252"' in r.stdout


# -- size ---------------------------------------------------------------------------

def test_file_over_max_bytes_is_refused(tmp_path, good):
    bad = write(tmp_path / "big.txt", "word " * 400)
    r = invoke("-q", "--max-bytes", "1000", bad, good)
    assert_failed_alone(r, bad, "input is 2,000 bytes, over the limit of 1,000 (--max-bytes)", good)


def test_stdin_over_max_bytes_is_refused():
    r = invoke("--max-bytes", "1000", "-", input="word " * 400)
    assert r.exit_code == 1
    assert r.stderr == "clean-article: <stdin>: input is over the limit of 1,000 bytes (--max-bytes)\n"


def test_gzip_expanding_past_max_bytes_is_refused(tmp_path, good):
    bad = write(tmp_path / "bomb.gz", gzip.compress(b"word " * 1_000_000))
    assert bad.stat().st_size < 100_000
    r = invoke("-q", "--max-bytes", "100000", bad, good)
    assert_failed_alone(r, bad, "gzip input expands past the limit of 100,000 bytes (--max-bytes)", good)


def test_file_at_max_bytes_is_cleaned(tmp_path):
    path = write(tmp_path / "exact.txt", ARTICLE)
    r = invoke("--max-bytes", str(len(ARTICLE.encode())), path)
    assert (r.exit_code, r.stdout) == (0, ARTICLE_BODY)


# -- the time budget ------------------------------------------------------------------

def _stall_on_marker(doc: Document):
    """A pass whose pattern backtracks for minutes on lines holding HOSTILE."""
    for ln in doc.kept_lines():
        if "HOSTILE" in ln.text:
            regex.fullmatch(r"(a|aa)+$", "a" * 80 + "!")
    yield from ()


#: Passes are modules; this one is made on the fly.
STALL = types.ModuleType("cleaner.passes.stall")
STALL.run = _stall_on_marker


def test_document_past_its_time_budget_is_reported_and_skipped(tmp_path, good, monkeypatch):
    monkeypatch.setattr(pipeline, "BUDGET_BASE_SECONDS", 0.3)
    monkeypatch.setattr(pipeline, "BUDGET_SECONDS_PER_MB", 0.0)
    monkeypatch.setattr(cleaner.passes, "TEXT_PASSES", (STALL,) + cleaner.passes.TEXT_PASSES)
    bad = write(tmp_path / "hostile.txt", "A HOSTILE line.\n")
    r = invoke("-q", bad, good)
    assert_failed_alone(r, bad, "ran past its time budget of 0.3 s in pass stall (a hostile line?); skipped", good)


class RegexTimesOut:
    """A pass whose pattern hits its own ``timeout=``."""

    @staticmethod
    def run(doc: Document):
        regex.fullmatch(r"(a|aa)+$", "a" * 80 + "!", timeout=0.05)
        yield from ()


def test_a_regex_timeout_becomes_a_document_timeout():
    with pytest.raises(pipeline.DocumentTimeout, match="a pattern in pass RegexTimesOut ran past its time limit"):
        pipeline.run_passes(Document("text"), [RegexTimesOut])
    assert issubclass(pipeline.DocumentTimeout, InputError)


class SlowFindings:
    """A pass that takes 0.05 s per line it reports, in pure Python (no signal can cut a regex short here)."""

    @staticmethod
    def run(doc: Document):
        import time

        for ln in doc.kept_lines():
            time.sleep(0.05)
            yield Finding(ln.index, "test.slow", "slow")


def test_budget_holds_off_the_main_thread():
    """In a thread there is no timer signal: the pipeline checks the clock between findings."""
    doc = Document("\n".join(f"line {i}" for i in range(200)))  # 10 s of work
    outcome = []

    def work():
        try:
            pipeline.run_passes(doc, [SlowFindings], budget=0.3)
        except pipeline.DocumentTimeout as e:
            outcome.append(str(e))

    t = threading.Thread(target=work)
    t.start()
    t.join(timeout=5)
    assert not t.is_alive()
    assert outcome == ["ran past its time budget of 0.3 s in pass SlowFindings (a hostile line?); skipped"]


def test_the_timer_is_restored_after_a_document():
    import signal

    before = signal.getsignal(signal.SIGALRM)
    pipeline.run_passes(Document("Some text."), cleaner.passes.TEXT_PASSES)
    assert signal.getsignal(signal.SIGALRM) == before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_budget_grows_with_the_document():
    small = pipeline.budget_for(Document("x"))
    assert small == pytest.approx(pipeline.BUDGET_BASE_SECONDS, abs=0.01)
    assert pipeline.budget_for(Document("x" * 10_000_000)) == pytest.approx(
        pipeline.BUDGET_BASE_SECONDS + 10 * pipeline.BUDGET_SECONDS_PER_MB)


# -- hostile HTML (through the public API; cleaner/html.py does the work) ----------------

BODY_P = "<p>The council approved the budget on Monday after a long debate about roads and libraries.</p>"

HOSTILE_HTML = [
    pytest.param("<html><body><p>Unclosed <b>bold <i>italic</p></div></span><p>Second &bogus; &#xZZ; "
                 "<a href='x>link</body>" * 50, id="malformed"),
    pytest.param("<html><body>" + "<div>" * 100_000 + BODY_P + "</div>" * 100_000 + "</body></html>",
                 id="100k-nested-divs"),
    pytest.param("<html><body>" + "<div><span>" * 50_000 + BODY_P + "</body></html>", id="100k-unclosed"),
    pytest.param("<html><body><p>" + "<b>" * 100_000 + "Bold." + "</b>" * 100_000 + "</p></body></html>",
                 id="100k-nested-inline"),
    pytest.param("<html><body>" + "<table><tr><td>" * 20_000 + "cell" + "</td></tr></table>" * 20_000
                 + "</body></html>", id="20k-nested-tables"),
    pytest.param("<html><body><p title='" + "x" * 5_000_000 + "'>x</p>" + BODY_P + "</body></html>",
                 id="5MB-attribute"),
    pytest.param("<html><body><p>" + "&amp;" * 500_000 + "</p>" + BODY_P + "</body></html>", id="entity-flood"),
    pytest.param("<html><body><p>" + "&#99999999999;&#0;&#xD800;" * 50_000 + "</p></body></html>",
                 id="invalid-numeric-entities"),
    pytest.param("<html><body><!--" + "x" * 1_000_000 + BODY_P + "</body></html>", id="unclosed-comment"),
    pytest.param("<html><body><script>" + "<p>" * 100_000 + "</body></html>", id="unclosed-script"),
]


@pytest.mark.parametrize("html", HOSTILE_HTML)
def test_hostile_html_does_not_crash(html):
    article = cleaner.clean(html, input_format="html")
    assert isinstance(article.text, str)


@pytest.mark.parametrize("html", [p for p in HOSTILE_HTML if p.id == "100k-nested-divs"])
def test_hostile_html_through_the_command(tmp_path, html):
    path = write(tmp_path / "deep.html", html)
    r = invoke("-q", "--format", "jsonl", path)
    assert r.exit_code == 0
    assert "Traceback" not in r.stderr


@pytest.mark.xfail(strict=True, reason="lxml's parser stops at depth 256 unless huge_tree is set: text nested "
                                       "deeper is lost (cleaner/html.py parses without huge_tree)")
def test_text_nested_300_deep_is_kept():
    html = "<html><body>" + "<div>" * 300 + BODY_P + "</div>" * 300 + "</body></html>"
    assert "approved the budget" in cleaner.clean(html, input_format="html").text


# -- output ---------------------------------------------------------------------------

def test_output_dir_that_cannot_be_created_is_a_usage_error(tmp_path, good):
    blocker = write(tmp_path / "a-file", "x")
    r = invoke("-q", "--output-dir", blocker / "out", good)
    assert r.exit_code == 2
    assert f"{blocker / 'out'}: Not a directory" in r.stderr
    assert good.read_text() == ARTICLE


def test_unwritable_output_dir(tmp_path, good, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    if IS_ROOT:
        real_mkstemp = tempfile.mkstemp

        def refusing_mkstemp(*args, dir=None, **kwargs):
            if dir is not None and Path(dir) == out:
                raise PermissionError(errno.EACCES, "Permission denied")
            return real_mkstemp(*args, dir=dir, **kwargs)

        monkeypatch.setattr(tempfile, "mkstemp", refusing_mkstemp)
    else:
        out.chmod(0o555)
    r = invoke("-q", "--output-dir", out, good)
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [f"clean-article: {good}: cannot write {out / 'good.txt'}: Permission denied"]
    assert list(out.iterdir()) == []
    assert good.read_text() == ARTICLE


def test_full_disk_leaves_no_partial_file(tmp_path, good, monkeypatch):
    out = tmp_path / "out"
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, f):
            self.f = f

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.f.close()

        def write(self, data):
            self.f.write(data[: len(data) // 2])  # part of it lands, then the disk is full
            self.f.flush()
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: FullDisk(real_fdopen(fd, *a, **k)))
    r = invoke("-q", "--output-dir", out, good)
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [
        f"clean-article: {good}: cannot write {out / 'good.txt'}: No space left on device"]
    assert list(out.iterdir()) == []
    assert good.read_text() == ARTICLE


def test_write_failure_in_a_real_process(tmp_path):
    """A file-size limit (RLIMIT_FSIZE) makes the kernel fail the write: the long output fails, the short one lands."""
    short = write(tmp_path / "short.txt", "A short line of body text.\n")
    long = write(tmp_path / "long.txt", ARTICLE * 20)
    out = tmp_path / "out"
    limit = 200

    def limit_file_size():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    r = run_cli("-q", "--output-dir", out, long, short, preexec_fn=limit_file_size)
    assert r.returncode == 1
    assert r.stderr.decode().splitlines() == [f"clean-article: {long}: cannot write {out / 'long.txt'}: File too large"]
    assert sorted(p.name for p in out.iterdir()) == ["short.txt"]
    assert (out / "short.txt").read_text() == "A short line of body text.\n"
    assert long.read_text() == ARTICLE * 20


# -- hostile lines: no pass may backtrack on a long line ------------------------------------

#: Units repeated into one long line: separators, digits, date pieces, lexicon words.
HOSTILE_UNITS = ["-", " ", "| ", "a", "A ", "Ab ", ".", "...", "'", "’", "(", "[(", "—", "- ", "1 ", "1-", "1.",
                 "1,", "1:", "12:30 ", "19 ", "19. ", "19 Dec ", "Dec 19, ", "2022-12-", "19/12/", "on ", "UTC+",
                 "+0530 ", "Jane ", "J. ", "and ", ", ", "Jane, ", "A: ", "Image: ", "Image: a | ", "Source: ",
                 "Facebook ", "Facebook-", "1.5k shares ", "By ", "advertisement - ", "Published ",
                 "3 min read ", "read more ", "also read: ", "\u00a0", "\u200b", "&amp;", "<a>",
                 "**a ", "__a ", "[a](", "[a](b) ", "![a](b", "\\(", "日本 "]
#: Characters in each hostile line: long enough that a quadratic pattern takes seconds.
HOSTILE_CHARS = 50_000


@pytest.mark.parametrize("unit", HOSTILE_UNITS)
def test_long_hostile_line_is_cleaned_within_the_base_budget(unit, monkeypatch):
    # Linear passes take milliseconds here; the budget only fails a pass that backtracks.
    monkeypatch.setattr(pipeline, "BUDGET_SECONDS_PER_MB", 0.0)
    line = (unit * (HOSTILE_CHARS // len(unit) + 1))[:HOSTILE_CHARS]
    cleaner.clean_text(line + "\nThe council met on Monday.")


def test_long_line_of_digits_is_cleaned_within_budget(monkeypatch):
    monkeypatch.setattr(pipeline, "BUDGET_BASE_SECONDS", 2.0)
    monkeypatch.setattr(pipeline, "BUDGET_SECONDS_PER_MB", 0.0)
    cleaner.clean_text("1" * 20_000 + "\nThe council met on Monday.")


def test_page_of_one_repeated_line_is_cleaned_within_budget(monkeypatch):
    # 32,000 lines take about 1.3 s when every pass is linear and minutes when one
    # compares each line with the others: the budget catches that, not slowness
    # (a shared CI machine under load took 2 s).
    monkeypatch.setattr(pipeline, "BUDGET_BASE_SECONDS", 30.0)
    monkeypatch.setattr(pipeline, "BUDGET_SECONDS_PER_MB", 0.0)
    cleaner.clean_text("The council approved the budget on Monday after a long debate.\n" * 32_000)


# -- the README's table ------------------------------------------------------------------

def _bad_input_rows():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    if "## Bad input" not in readme:
        return []
    section = readme.split("## Bad input", 1)[1].split("\n## ", 1)[0]
    table = section.split("\n| input | what happens", 1)[1].split("\n\n", 1)[0]
    rows = [ln for ln in table.splitlines()[1:] if ln.startswith("| ") and "---" not in ln]
    return [[cell.strip() for cell in row.strip("|").split(" | ")] for row in rows]


def test_every_bad_input_row_names_a_test_here():
    rows = _bad_input_rows()
    assert len(rows) >= 20
    for cells in rows:
        name = cells[-1].strip("`")
        assert callable(globals().get(name)), f"README row {cells[0]!r} names no test {name!r}"
        assert cells[-2] in ("0", "1", "2"), cells


def test_patterns_run_without_their_own_timeout_only_under_the_timer():
    seen = []

    class Probe:
        def run(doc):
            seen.append(pipeline.pattern_timeout())
            yield from ()

    if pipeline._can_use_timer():  # the main thread, no other timer set
        pipeline.run_passes(Document("text"), [Probe])
        assert seen == [None]
    t = threading.Thread(target=lambda: pipeline.run_passes(Document("text"), [Probe]))
    t.start()
    t.join(timeout=5)
    assert seen[-1] == pipeline.PATTERN_TIMEOUT  # off the main thread only check() stops a pass
    assert pipeline.pattern_timeout() == pipeline.PATTERN_TIMEOUT

"""Plain-text cleaning must not load the HTML stack (start-up cost in every xargs batch).

Each check runs in a fresh interpreter, since this test process may have
imported the HTML modules already for other tests.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import REPO, SEEDS

HEAVY = ("trafilatura", "lxml", "bs4", "fastwarc", "warcio", "pyarrow", "dask", "distributed")

SCRIPTS = {
    "import cleaner": "import cleaner",
    "clean_text": "import cleaner; cleaner.clean_text(open(SEED, encoding='utf-8').read())",
    "clean(bytes)": "import cleaner; cleaner.clean(open(SEED, 'rb').read())",
    "the command on a text file": (
        "from cleaner.cli import cli\n"
        "try:\n"
        "    cli.main(args=['--format', 'json', SEED], standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
    ),
}


def _loaded_modules(name, condition):
    """Run script `name` on a seed in a fresh interpreter; its stderr's last line is the JSON list
    of loaded modules `m` for which `condition` holds."""
    seed = str(SEEDS / "000_e11880221c40fa9a.txt")
    check = (f"SEED = {seed!r}\n{SCRIPTS[name]}\nimport sys, json\n"
             f"sys.stderr.write(json.dumps(sorted(m for m in sys.modules if {condition})))")
    return subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, cwd=REPO, timeout=120)


@pytest.mark.parametrize("name", SCRIPTS)
def test_plain_text_path_imports_no_html_stack(name):
    p = _loaded_modules(name, f"m.split('.')[0] in {HEAVY!r}")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stderr.strip().splitlines()[-1]) == []


#: Modules of the package that a plain text file never needs: archives, JSONL
#: records, Parquet, Dask, review pages, rule tables, site profiles, the HTML path.
UNNEEDED = ("cleaner.warc", "cleaner.records", "cleaner.parquet", "cleaner.dask", "cleaner.review", "cleaner.cli_tools",
            "cleaner.rules", "cleaner.profile", "cleaner.html", "cleaner.preclean", "cleaner.evaluate",
            # split from cleaner.batch: the process pool (--jobs), output files (--output-dir),
            # archive and JSONL documents, learn's task (issue 14: each costs compiling at start-up)
            "cleaner.workers", "cleaner.outdir", "cleaner.archives", "cleaner.learning",
            "multiprocessing", "concurrent.futures", "tempfile", "hashlib",
            # split from cleaner.ingest: bytes that are not UTF-8, input with markup in it
            "cleaner.charsets", "cleaner.htmlsniff", "charset_normalizer", "gzip", "zlib",
            # split from cleaner.cleaner: which rule file caused a removal (--explain with --rules)
            "cleaner.attribution",
            # the legacy code pages looked up for undeclared non-UTF-8 bytes only
            "encodings.cp1252", "encodings.shift_jis", "encodings.koi8_r",
            # the lexicon files are found with os.path
            "pathlib",
            # memory is handed back to the system (cleaner.pipeline.release_memory) only after a long input
            "ctypes")


@pytest.mark.parametrize("name", SCRIPTS)
def test_plain_text_path_imports_only_what_it_needs(name):
    p = _loaded_modules(name, f"m in {UNNEEDED!r}")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stderr.strip().splitlines()[-1]) == []


def test_a_warc_is_still_recognised_by_content(tmp_path):
    """The cheap first-bytes check in front of the WARC sniffer lets a WARC through, plain or gzip."""
    import gzip

    from cleaner.batch import input_kind

    plain, packed, text = tmp_path / "a.bin", tmp_path / "b.bin", tmp_path / "c.txt"
    plain.write_bytes(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n\r\n")
    packed.write_bytes(gzip.compress(b"WARC/1.1\r\nWARC-Type: warcinfo\r\n\r\n"))
    text.write_bytes(b"WARC/ is how an archive starts, says this text.\n")
    assert input_kind(str(plain), "auto") == "warc"
    assert input_kind(str(packed), "auto") == "warc"
    assert input_kind(str(text), "auto") == "file"

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


@pytest.mark.parametrize("name", SCRIPTS)
def test_plain_text_path_imports_no_html_stack(name):
    seed = str(SEEDS / "000_e11880221c40fa9a.txt")
    check = (f"SEED = {seed!r}\n{SCRIPTS[name]}\nimport sys, json\n"
             f"sys.stderr.write(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})))")
    p = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stderr.strip().splitlines()[-1]) == []

"""Golden fixtures: whole scraped articles and the JSON a careful reader expects.

``fixtures/text/<name>.txt`` is an article written for these tests, and
``fixtures/text/<name>.json`` the full ``Article.to_dict()`` it must give
(``path`` null, no ``removed``). The two seed articles are read from
``seeds/`` and expected in ``fixtures/seeds/<name>.json``. Fixtures listed in
``fixtures/text/known_failures.json`` run as strict xfail, with the reason.

Besides the comparison, for every fixture: the kept lines and the removed
lines rebuild the input (every non-blank input line is either a body line, in
order, or in ``removed`` with its own text), and every removed line carries a
rule and a reason. When the seed acceptance check of ``../shared`` is there, it
runs too.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, SEEDS, assert_lines_accounted_for, assert_rules_and_reasons

from cleaner import clean_text

TEXT = FIXTURES / "text"
SEED_EXPECTED = FIXTURES / "seeds"
KNOWN_FAILURES = {k: v for k, v in json.loads((TEXT / "known_failures.json").read_text(encoding="utf-8")).items()
                  if not k.startswith("_")}
ACCEPTANCE = REPO.parent / "shared" / "acceptance" / "check_seeds.py"


def fixtures():
    """(name, input path, expected path) for every golden fixture."""
    out = [(p.stem, p, p.with_suffix(".json")) for p in sorted(TEXT.glob("*.txt"))]
    out += [(f"seed:{p.stem}", SEEDS / f"{p.stem}.txt", p) for p in sorted(SEED_EXPECTED.glob("*.json"))]
    return out


FIXTURES_LIST = fixtures()


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def golden_params():
    for name, source, expected in FIXTURES_LIST:
        marks = [pytest.mark.xfail(reason=KNOWN_FAILURES[name], strict=True)] if name in KNOWN_FAILURES else []
        yield pytest.param(source, expected, id=name, marks=marks)


def test_there_are_enough_fixtures():
    names = [n for n, _, _ in FIXTURES_LIST]
    assert len([n for n in names if not n.startswith("seed:")]) >= 14
    assert len([n for n in names if n.startswith("seed:")]) == 2
    assert len({n[:3] for n in names if not n.startswith(("en_", "seed:"))}) >= 3, "three non-English languages"
    assert set(KNOWN_FAILURES) <= set(names), "known_failures.json names only existing fixtures"


@pytest.mark.parametrize("source, expected", list(golden_params()))
def test_golden(source, expected):
    want = json.loads(read(expected))
    got = clean_text(read(source)).to_dict()
    assert list(got) == list(want), "the same keys, in the same order"
    different = {k: {"got": got[k], "want": want[k]} for k in want if got[k] != want[k]}
    assert not different, json.dumps(different, indent=1, ensure_ascii=False)


@pytest.mark.parametrize("source", [pytest.param(s, id=n) for n, s, _ in FIXTURES_LIST])
def test_kept_and_removed_lines_rebuild_the_input(source):
    assert_lines_accounted_for(read(source), clean_text(read(source)))


@pytest.mark.parametrize("source", [pytest.param(s, id=n) for n, s, _ in FIXTURES_LIST])
def test_every_removed_line_has_a_rule_and_a_reason(source):
    assert_rules_and_reasons(clean_text(read(source)))


@pytest.mark.skipif(not ACCEPTANCE.exists(), reason="../shared/acceptance/check_seeds.py is not here")
def test_seed_acceptance_check():
    """The project's acceptance check, run on the seeds with this interpreter's command."""
    env = dict(os.environ, CLEAN_ARTICLE=f"{sys.executable} -m cleaner.cli")
    p = subprocess.run([sys.executable, str(ACCEPTANCE), str(SEEDS)], capture_output=True, text=True,
                       cwd=REPO, env=env, timeout=300)
    assert p.returncode == 0, p.stdout + p.stderr
    assert p.stdout.strip().splitlines()[-1].startswith("seeds:")

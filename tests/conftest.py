"""Shared paths and helpers for the test suite.

``in_article(lines)`` puts some lines, as one paragraph, in the middle of a
plain, tidy news article, so a test can ask "does this line survive in a
normal article?" without each test inventing its own article. ``invoke``
runs the command in this process (click's CliRunner), ``run_cli`` in a real
one, as a user or a shell runs it.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import List, Tuple

from click.testing import CliRunner
from hypothesis import settings

from cleaner.cli import cli
from cleaner.model import normalise_space

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
FIXTURES = REPO / "fixtures"

#: The command in a fresh process, with this checkout importable.
CMD = [sys.executable, "-m", "cleaner.cli"]
ENV = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}

#: Hypothesis profiles, chosen with HYPOTHESIS_PROFILE. ``ci`` (the default,
#: and what tox sets): a bounded example count, the same examples every run
#: (derandomize), no per-example deadline (the first example compiles the
#: lexicon). ``explore``: many fresh random examples, to hunt for new
#: counterexamples (record each as a test before fixing it).
settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True, print_blob=True)
settings.register_profile("explore", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

#: A tidy article: a headline, a byline, and prose paragraphs. The lines under
#: test go between the second and the third paragraph.
ARTICLE_HEAD = [
    "Council approves budget after long debate",
    "",
    "By Jane Smith",
    "",
    "The city council approved next year's budget on Monday after a debate that ran late into the evening,"
    " with members split over spending on roads and libraries.",
    "",
    "The mayor said the plan would protect services, while the opposition promised to fight it in court"
    " and called for a public vote before the new rates take effect.",
    "",
]
ARTICLE_TAIL = [
    "",
    "Residents will see the new rates in their April bills, officials said, and the council will review"
    " the plan again in the autumn.",
    "",
    "A second vote on the library budget is expected next month.",
]


def in_article(lines: List[str]) -> Tuple[str, int]:
    """The article text with ``lines`` as one paragraph, and the 1-based number of their first line."""
    return "\n".join(ARTICLE_HEAD + list(lines) + ARTICLE_TAIL), len(ARTICLE_HEAD) + 1


def body_lines(text: str) -> List[str]:
    """The non-blank lines of a body text."""
    return [ln for ln in text.split("\n") if ln.strip()]


def invoke(*args, input=None):
    """The command run in this process; arguments may be paths."""
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)


def run_cli(*args, input=None, timeout=120, **kw):
    """The command run in a fresh process (``CMD``); arguments may be paths."""
    kw.setdefault("env", ENV)
    return subprocess.run([*CMD, *[str(a) for a in args]], input=input, capture_output=True, timeout=timeout, **kw)


def assert_lines_accounted_for(source: str, article) -> None:
    """Each non-blank input line is a body line (in order) or a removed line with its own text; nothing else."""
    removed = {r.line: r.text for r in article.removed}
    body = body_lines(article.text)
    position = 0
    for number, raw in enumerate(source.replace("\r\n", "\n").split("\n"), start=1):
        text = normalise_space(raw)
        if not text:
            assert number not in removed, f"blank line {number} reported as removed"
        elif number in removed:
            assert removed[number] == text, f"line {number}: removed text differs from the input"
        else:
            assert position < len(body) and body[position] == text, f"line {number} is neither body nor removed"
            position += 1
    assert position == len(body), "the body holds lines that are not in the input"


def assert_rules_and_reasons(article) -> None:
    """Every removed line carries a rule id ("pass.rule") and a reason."""
    for r in article.removed:
        assert r.rule and "." in r.rule and r.reason.strip(), r

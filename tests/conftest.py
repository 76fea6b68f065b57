"""Shared paths and helpers for the test suite.

``in_article(lines)`` puts some lines, as one paragraph, in the middle of a
plain, tidy news article, so a test can ask "does this line survive in a
normal article?" without each test inventing its own article.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import List, Tuple

import pytest
from hypothesis import settings

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
FIXTURES = REPO / "fixtures"

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


@pytest.fixture
def repo() -> Path:
    return REPO

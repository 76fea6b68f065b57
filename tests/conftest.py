"""Shared paths and helpers for the test suite.

``in_article(lines)`` puts some lines, as one paragraph, in the middle of a
plain, tidy news article, so a test can ask "does this line survive in a
normal article?" without each test inventing its own article.
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Tuple

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
FIXTURES = REPO / "fixtures"

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

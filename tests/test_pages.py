"""Whole scraped pages: the article found among menus, tickers, rails, comments and footers.

``fixtures/pages/<name>.txt`` is every visible line of a made-up news page, as
a scraper renders it (html-text style: blank lines between blocks, no bullets;
or inscriptis style: indented ``* item`` bullets, fewer blank lines), and
``<name>.expected.json`` what a careful reader wants from it, written by
reading the page (see ``fixtures/pages/README.md``):

``title``
    the headline;
``body_must_contain``
    pieces of the article (sentences, subheadings, the question heading, the
    short quote, list items, the one-line paragraph), each found inside one
    body line;
``body_must_not_contain``
    whole input lines that are not the article (menu items, ticker and rail
    headlines, captions, comments, newsletter prompts, footer lines), none of
    which may be a body line;
``authors``, ``date_published`` (optional)
    compared when present (``null`` means: no date should be found);
``known_failures`` (optional)
    expectations the code does not meet yet, each ``{"check", "value",
    "reason"}``: left out of the page's test and run one by one as strict
    xfail, so a fix shows up as an unexpected pass.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, assert_lines_accounted_for, assert_rules_and_reasons, body_lines

from cleaner import clean_text
from cleaner.cli import cli
from cleaner.model import normalise_space

PAGES = FIXTURES / "pages"
#: Expectations a page may carry, in the order they are checked.
CHECKS = ("title", "authors", "date_published", "body_must_contain", "body_must_not_contain")


@dataclass
class Page:
    """One fixture page: its text and what a careful reader expects from it."""

    name: str
    path: Path
    expected: Dict[str, Any]
    known_failures: List[Dict[str, Any]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")

    def is_known_failure(self, check: str, value: Any = None) -> bool:
        return any(k["check"] == check and k.get("value") == value for k in self.known_failures)


def load_pages() -> List[Page]:
    pages = []
    for path in sorted(PAGES.glob("*.txt")):
        expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
        pages.append(Page(path.stem, path, expected, expected.get("known_failures", [])))
    return pages


ALL_PAGES = load_pages()


def problems(page: Page, title: Optional[str], text: str, authors: List[str], date_published: Optional[str],
             include_known: bool = False) -> List[str]:
    """Every expectation of ``page`` that this output misses (known failures left out unless asked)."""
    want = page.expected
    lines = body_lines(text)
    out = []
    got_scalar = {"title": title, "authors": authors, "date_published": date_published}
    for check in ("title", "authors", "date_published"):
        if check in want and (include_known or not page.is_known_failure(check)) and got_scalar[check] != want[check]:
            out.append(f"{check}: got {got_scalar[check]!r}, want {want[check]!r}")
    for piece in want["body_must_contain"]:
        if (include_known or not page.is_known_failure("body_must_contain", piece)) \
                and not any(piece in line for line in lines):
            out.append(f"missing from the body: {piece!r}")
    for line in want["body_must_not_contain"]:
        if (include_known or not page.is_known_failure("body_must_not_contain", line)) and line in lines:
            out.append(f"kept in the body: {line!r}")
    return out


def input_lines(page: Page) -> List[str]:
    return [normalise_space(raw) for raw in page.text.split("\n")]


# --- the fixtures themselves ----------------------------------------------------------------------------


def test_the_pages_cover_languages_renderers_and_page_kinds():
    names = [p.name for p in ALL_PAGES]
    assert len(names) >= 10
    assert len({n.split("_")[0] for n in names} - {"en"}) >= 4, "at least four non-English languages"
    inscriptis = [p for p in ALL_PAGES if any(ln.lstrip().startswith("* ") for ln in p.text.split("\n"))]
    assert 0 < len(inscriptis) < len(ALL_PAGES), "both renderers' styles"
    titled = [p for p in ALL_PAGES if input_lines(p)[0].startswith(p.expected["title"] + " ")]
    assert 0 < len(titled) < len(ALL_PAGES), "pages with and without a '<Headline> - <Site>' first line"


@pytest.mark.parametrize("page", [pytest.param(p, id=p.name) for p in ALL_PAGES])
def test_expectations_are_taken_from_the_page(page):
    """Every expected piece is in the input: a typo cannot make a check pass vacuously."""
    lines = input_lines(page)
    assert set(page.expected) <= set(CHECKS) | {"_about", "known_failures"}, "unknown keys"
    for piece in page.expected["body_must_contain"]:
        assert any(piece in line for line in lines), f"not in the page: {piece!r}"
    for line in page.expected["body_must_not_contain"]:
        assert line in lines, f"not a line of the page: {line!r}"
    assert page.expected["title"] in " ".join(lines)
    overlap = [line for line in page.expected["body_must_not_contain"]
               if any(piece in line for piece in page.expected["body_must_contain"])]
    assert not overlap, f"both kept and removed: {overlap}"
    for known in page.known_failures:
        assert known["check"] in CHECKS and known.get("reason"), known
        if known["check"].startswith("body_"):
            assert known["value"] in page.expected[known["check"]], known


# --- what the code makes of them ------------------------------------------------------------------------


@pytest.mark.parametrize("page", [pytest.param(p, id=p.name) for p in ALL_PAGES])
def test_page(page):
    article = clean_text(page.text)
    missed = problems(page, article.title, article.text, article.authors, article.date_published)
    assert not missed, "\n".join(missed)


def known_failure_params():
    for page in ALL_PAGES:
        for known in page.known_failures:
            value = known.get("value")
            label = known["check"] + (f":{value[:40].rstrip()}" if value else "")
            yield pytest.param(page, known, id=f"{page.name}:{label}",
                               marks=pytest.mark.xfail(strict=True, reason=known["reason"]))


@pytest.mark.parametrize("page, known", list(known_failure_params()))
def test_known_failure(page, known):
    """One expectation the code does not meet yet; strict xfail, so a fix is noticed."""
    article = clean_text(page.text)
    check, value = known["check"], known.get("value")
    if check == "body_must_contain":
        assert any(value in line for line in body_lines(article.text))
    elif check == "body_must_not_contain":
        assert value not in body_lines(article.text)
    else:
        assert getattr(article, check) == page.expected[check]


def test_the_command_gives_the_same_on_every_page():
    """All pages through ``clean-article --format jsonl --explain`` once: the library's result, met expectations."""
    result = CliRunner().invoke(cli, ["--format", "jsonl", "--explain", "--quiet", *map(str, (p.path for p in ALL_PAGES))],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["path"] for r in records] == [str(p.path) for p in ALL_PAGES]
    for page, record in zip(ALL_PAGES, records):
        want = clean_text(page.text).to_dict(explain=True)
        for key in ("title", "text", "authors", "date_published", "date_modified", "removed"):
            assert record[key] == want[key], f"{page.name}: {key}"
        missed = problems(page, record["title"], record["text"], record["authors"], record["date_published"])
        assert not missed, f"{page.name}:\n" + "\n".join(missed)


@pytest.mark.parametrize("page", [pytest.param(p, id=p.name) for p in ALL_PAGES])
def test_every_removed_line_has_a_rule_and_a_reason(page):
    assert_rules_and_reasons(clean_text(page.text))


@pytest.mark.parametrize("page", [pytest.param(p, id=p.name) for p in ALL_PAGES])
def test_body_and_removed_lines_account_for_every_input_line(page):
    """Each non-blank input line is a body line (in order) or a removed line with its own text; nothing else."""
    assert_lines_accounted_for(page.text, clean_text(page.text))

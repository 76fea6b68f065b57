"""Per-pass cases, run through the whole pipeline, one test per case.

The cases live in ``tests/cases/<pass>.json``, one file per pass, in the spirit
of sqlfluff's rule fixtures. Each file is a list of cases::

    {"name": "advertisement_continue_reading_below",    a readable id
     "note": "why this case exists",                     optional
     "text": ["line 1", "", "line 3"],                   the input, one string per line
     "removed": {"3": "ads.marker"},                     every removed line (1-based) and its rule
     "meta": {"authors": ["Jane Smith"]},                metadata; fields left out must be empty
     "kept": ["A sentence that must stay."],             optional: lines that must be body lines
     "body": "expected body text",                       optional: the whole body
     "xfail": "why it fails today"}                      optional: a known failure, strict

``removed`` is exact: a case fails when any other line goes, or a line goes by
another rule. Cases whose name starts with ``keeps_`` are body that looks like
boilerplate: they list the lines in ``kept``.

Besides the cases, every pass module's docstring is checked: it has a
"Removes" and a "Keeps" section, every line under "Keeps" survives inside a
normal article, and (for the passes that judge one line at a time) every line
under "Removes" is removed there by one of the rules the docstring names.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Dict, List

import pytest
import regex
from conftest import body_lines, in_article

from cleaner import clean_text
from cleaner.model import normalise_space
from cleaner.passes import TEXT_PASSES

CASES = Path(__file__).resolve().parent / "cases"
#: One case file per pass, in run order.
PASS_NAMES = ("markup", "ads", "cta", "dates", "credits", "byline", "bio", "source", "tags", "related", "duplicates", "links", "title")
#: The metadata a case may expect, and its value when the case says nothing.
EMPTY_META = {"title": None, "authors": [], "date_published": None, "date_modified": None,
              "sources": [], "image_credits": [], "related": [], "tags": [], "categories": []}
CASE_KEYS = {"name", "note", "text", "removed", "meta", "kept", "body", "xfail"}


def load(pass_name: str) -> List[dict]:
    return json.loads((CASES / f"{pass_name}.json").read_text(encoding="utf-8"))


def case_text(case: dict) -> str:
    return case["text"] if isinstance(case["text"], str) else "\n".join(case["text"])


def all_cases():
    for pass_name in PASS_NAMES:
        for case in load(pass_name):
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
            yield pytest.param(case, id=f"{pass_name}:{case['name']}", marks=marks)


@pytest.mark.parametrize("case", list(all_cases()))
def test_case(case):
    article = clean_text(case_text(case))
    removed = {str(r.line): r.rule for r in article.removed}
    assert removed == case["removed"], "removed lines and their rules"
    expected_meta = dict(EMPTY_META, **case.get("meta", {}))
    got = article.to_dict()
    assert {k: got[k] for k in EMPTY_META} == expected_meta, "metadata"
    lines = body_lines(article.text)
    for sentence in case.get("kept", []):
        assert sentence in lines, f"{sentence!r} must stay a body line"
    if "body" in case:
        assert article.text == case["body"]


# --- the case files themselves -----------------------------------------------------------------------


@pytest.mark.parametrize("pass_name", PASS_NAMES)
def test_case_file_is_well_formed(pass_name):
    cases = load(pass_name)
    names = [c["name"] for c in cases]
    assert len(names) == len(set(names)), "case names are unique"
    for case in cases:
        assert set(case) <= CASE_KEYS, f"{case['name']}: unknown keys {set(case) - CASE_KEYS}"
        assert set(case.get("meta", {})) <= set(EMPTY_META), case["name"]
        lines = case_text(case).split("\n")
        for number in case["removed"]:
            assert 1 <= int(number) <= len(lines) and lines[int(number) - 1].strip(), \
                f"{case['name']}: removed line {number} is not a non-blank input line"
        assert case["name"].startswith("keeps_") == bool(case.get("kept")), \
            f"{case['name']}: keep-cases are named keeps_… and list their kept lines"
    assert any(c.get("kept") for c in cases), "each pass has keep-cases: body that looks like boilerplate"


# --- the pass docstrings ------------------------------------------------------------------------------

#: Passes whose "Removes" block lists single lines, each removed on its own;
#: the other passes show multi-line examples (blocks, repeats, the head).
SINGLE_LINE_PASSES = ("markup", "ads", "cta", "dates", "credits", "byline", "bio", "source", "tags", "links")
#: Where a pass's "-> value" examples go.
PASS_FIELD = {"credits": ("image_credits",), "byline": ("authors",), "source": ("sources",),
              "tags": ("tags", "categories")}
_ANNOTATION = regex.compile(r"\s{2,}\(.*\)$|\s+->\s.*$")
#: An example line annotated like this goes on on the next line ("By" above the names).
_CONTINUES = "next line"


def pass_name(module) -> str:
    return module.__name__.rsplit(".", 1)[-1]


def raw_block(module, heading: str) -> List[str]:
    """The indented lines of the first docstring section such as ``Keeps::``, as written."""
    lines = (module.__doc__ or "").split("\n")
    starts = [i for i, ln in enumerate(lines) if ln.startswith(heading) and ln.rstrip().endswith("::")]
    if not starts:
        return []
    out = []
    for ln in lines[starts[0] + 1:]:
        if ln.strip() and not ln.startswith((" ", "\t")):
            break
        out.append(ln.strip())
    while out and not out[-1]:
        out.pop()
    return out


def docstring_block(module, heading: str) -> List[str]:
    """The example lines of a docstring section, annotations ("-> value", "(remark)") stripped."""
    return [_ANNOTATION.sub("", ln) for ln in raw_block(module, heading)]


def removes_examples(module) -> List[List[str]]:
    """The "Removes" examples: one line each, or two when the first says it goes on on the next line."""
    examples: List[List[str]] = []
    joined = False
    for ln in raw_block(module, "Removes"):
        if not ln:
            continue
        if joined:
            examples[-1].append(_ANNOTATION.sub("", ln))
        else:
            examples.append([_ANNOTATION.sub("", ln)])
        joined = _CONTINUES in ln
    return examples


def docstring_rules(module) -> List[str]:
    """The rule ids the first docstring line names: ``"ads.marker: …"`` -> ``["ads.marker"]``."""
    first = (module.__doc__ or "").strip().split("\n")[0]
    return [r.strip() for r in first.split(":")[0].split("/")]


def arrow_values(module) -> Dict[str, List[str]]:
    """``{"By Jane Smith and John Doe": ["Jane Smith", "John Doe"]}`` from ``X -> a, b`` examples."""
    out = {}
    for ln in (module.__doc__ or "").split("\n"):
        if "->" in ln and ln.startswith(" "):
            left, right = ln.split("->", 1)
            right = regex.sub(r"\(.*?\)", "", right)  # "Jane Smith (and the date)"
            out[left.strip()] = [v.strip() for v in right.split(",") if v.strip()]
    return out


@pytest.mark.parametrize("module", TEXT_PASSES, ids=pass_name)
def test_pass_docstring_has_removes_and_keeps(module):
    doc = module.__doc__ or ""
    assert regex.search(r"^Removes\b.*::$", doc, regex.M), "a 'Removes::' section"
    assert regex.search(r"^Keeps\b.*::$", doc, regex.M), "a 'Keeps::' section"
    assert removes_examples(module) and [k for k in docstring_block(module, "Keeps") if k]
    assert all(regex.fullmatch(r"[a-z]+\.[a-z_]+", r) for r in docstring_rules(module)), \
        "the first line names the pass's rule ids"


def keep_examples():
    for module in TEXT_PASSES:
        block = docstring_block(module, "Keeps")
        for sentence in [s for s in block if s]:
            yield pytest.param(module, [sentence], id=f"{pass_name(module)}:{sentence[:50]}")
        if sum(1 for s in block if s) > 1:
            yield pytest.param(module, block, id=f"{pass_name(module)}:whole Keeps block")


@pytest.mark.parametrize("module, lines", list(keep_examples()))
def test_docstring_keeps_survive_in_an_article(module, lines):
    text, first = in_article(lines)
    article = clean_text(text)
    body = body_lines(article.text)
    for offset, sentence in enumerate(lines):
        if sentence:
            assert normalise_space(sentence) in body, \
                f"{sentence!r} (line {first + offset}) was removed: {article.removed}"


def remove_examples():
    by_name = {pass_name(m): m for m in TEXT_PASSES}
    for name in SINGLE_LINE_PASSES:
        for lines in removes_examples(by_name[name]):
            yield pytest.param(by_name[name], lines, id=f"{name}:{' / '.join(lines)[:50]}")


@pytest.mark.parametrize("module, lines", list(remove_examples()))
def test_docstring_removes_are_removed_in_an_article(module, lines):
    text, first = in_article(lines)
    article = clean_text(text)
    rules = {r.line: r.rule for r in article.removed}
    for number in range(first, first + len(lines)):
        assert rules.get(number) in docstring_rules(module), f"line {number} {lines}: {article.removed}"
    for line in lines:
        expected = arrow_values(module).get(line)
        if expected:
            found = [v for name in PASS_FIELD[pass_name(module)] for v in getattr(article, name)]
            assert expected == [v for v in found if v in expected]

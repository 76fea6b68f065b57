"""The rule registry (cleaner/rules.py): complete, documented, and listed by ``clean-article rules``.

- every rule id a finding carries, cleaning every input the project ships
  (fixtures/, seeds/, tests/cases, site fixtures with a learned profile),
  is registered;
- the README's rule table lists every registered id, and nothing else;
- every id the HTML pre-clean knows (``preclean.RULES``, ``html.links``) is registered.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, SEEDS, invoke

from cleaner import clean
from cleaner.cli import main
from cleaner.rules import RULES, RULES_BY_ID, family

CASES = Path(__file__).resolve().parent / "cases"


def shipped_inputs():
    """Every input file the project ships: (name, bytes)."""
    for folder in ("text", "pages", "html"):
        for p in sorted((FIXTURES / folder).iterdir()):
            if p.suffix in (".txt", ".html", ".htm", ".gz"):
                yield f"{folder}/{p.name}", p.read_bytes()
    for p in sorted(SEEDS.glob("*.txt")):
        yield f"seeds/{p.name}", p.read_bytes()
    for p in sorted((FIXTURES / "site").glob("*/*.txt")):
        yield f"site/{p.parent.name}/{p.name}", p.read_bytes()
    for p in sorted(CASES.glob("*.json")):
        for case in json.loads(p.read_text(encoding="utf-8")):
            yield f"cases/{p.stem}:{case['name']}", "\n".join(case["text"]).encode("utf-8")


def test_registry_is_well_formed():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids)), "a rule id is registered twice"
    for r in RULES:
        assert re.fullmatch(r"[a-z]+\.[a-z_]+", r.id), f"{r.id}: rule ids are family.name, lower case"
        assert r.step and r.description and "\n" not in r.description, f"{r.id}: needs a step and a one-line description"


def test_every_emitted_rule_is_registered():
    missing = {}
    count = 0
    for name, data in shipped_inputs():
        for r in clean(data).removed:
            count += 1
            if r.rule not in RULES_BY_ID:
                missing.setdefault(r.rule, name)
    assert count > 100, "the shipped inputs should remove many lines"
    assert not missing, "rule ids emitted but not registered in cleaner/rules.py RULES: " + ", ".join(
        f"{rule!r} (first seen in {name})" for rule, name in sorted(missing.items()))


def test_site_profile_rule_is_registered(tmp_path):
    prof = tmp_path / "site.json"
    pages = sorted((FIXTURES / "site" / "example-news").glob("*.txt"))
    with pytest.raises(SystemExit) as e:
        main(["learn", "--profile", str(prof), "--quiet", *map(str, pages)])
    assert e.value.code == 0
    result = invoke("--profile", prof, "--format", "json", "--explain", "--quiet", *pages)
    rules = {r["rule"] for article in json.loads(result.stdout) for r in article["removed"]}
    assert "site.repeated" in rules
    assert rules <= set(RULES_BY_ID), f"not registered in cleaner/rules.py RULES: {sorted(rules - set(RULES_BY_ID))}"


def test_preclean_rules_are_registered():
    from cleaner import preclean

    known = {r.id for r in preclean.RULES} | set(preclean._REASONS) | set(preclean.OUTSIDE_TAGS.values())
    missing = sorted(known - set(RULES_BY_ID))
    assert not missing, f"HTML pre-clean rule ids not registered in cleaner/rules.py RULES: {missing}"
    assert all(RULES_BY_ID[i].step == "preclean" for i in known)


def readme_rule_table():
    """The ids in the README's "Rule registry" table (first column)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("### Rule registry", 1)
    assert len(section) == 2, "README.md has a '### Rule registry' section"
    rows = re.findall(r"^\| `([a-z_.]+)` \| `([a-z]+)` \|", section[1].split("\n#", 1)[0], re.M)
    return rows


def test_readme_rule_table_lists_every_registered_id():
    rows = readme_rule_table()
    listed = [rule for rule, _ in rows]
    missing = [r.id for r in RULES if r.id not in listed]
    assert not missing, f"registered rule ids missing from the README's 'Rule registry' table: {missing}"
    unknown = sorted(set(listed) - set(RULES_BY_ID))
    assert not unknown, f"README 'Rule registry' table lists ids that are not registered: {unknown}"
    for rule, step in rows:
        assert RULES_BY_ID[rule].step == step, f"README: {rule} is emitted by {RULES_BY_ID[rule].step}, not {step}"


def test_rules_command_lists_every_rule(capsys):
    with pytest.raises(SystemExit) as e:
        main(["rules"])
    assert e.value.code == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(RULES)
    for line, r in zip(lines, RULES):
        assert line.split()[:2] == [r.id, r.step]
        assert line.endswith(r.description)


def test_rules_command_json(capsys):
    with pytest.raises(SystemExit):
        main(["rules", "--format", "json"])
    listed = json.loads(capsys.readouterr().out)
    assert [d["id"] for d in listed] == [r.id for r in RULES]
    assert set(listed[0]) == {"id", "step", "family", "description"}
    assert all(d["family"] == family(d["id"]) for d in listed)

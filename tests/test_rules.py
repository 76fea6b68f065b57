"""The rule registry (cleaner/rules.py): complete, documented, and listed by ``clean-article rules``.

- every rule id a finding carries, cleaning every input the project ships
  (fixtures/, seeds/, tests/cases, site fixtures with a learned profile),
  is registered;
- the README's rule table lists every registered id, and nothing else;
- every id the HTML pre-clean knows (``preclean.RULES``, ``html.links``) is registered;
- the lexicon keys each rule reads (``RuleInfo.keys``) are lexicon keys, every key is
  read by some rule, and the "read by" column of ``cleaner/lexicon/README.md`` says the same.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, SEEDS, invoke

from cleaner import clean
from cleaner.cli import main
from cleaner.rules import DESCRIPTION_WIDTH, KEYS_WIDTH, RULES, RULES_BY_ID, family

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
    # A row is its id's line and the wrapped lines under it (id and step columns blank).
    starts = [n for n, line in enumerate(lines) if not line.startswith(" ")]
    assert len(starts) == len(RULES) and starts[0] == 0
    description_at = lines[0].index("cookie or consent")
    keys_at = description_at + DESCRIPTION_WIDTH + 2
    for r, begin, end in zip(RULES, starts, starts[1:] + [len(lines)]):
        row = lines[begin:end]
        assert row[0].split()[:2] == [r.id, r.step]
        assert all(not line[:description_at].strip() for line in row[1:]), f"{r.id}: a wrapped line fills the id column"
        assert " ".join(line[description_at:keys_at].strip() for line in row).strip() == r.description
        assert " ".join(line[keys_at:].strip() for line in row).strip() == (", ".join(r.keys) or "-")
        assert all(len(line) <= keys_at + KEYS_WIDTH for line in row), f"{r.id}: a line wider than the table"


def test_rules_command_json(capsys):
    with pytest.raises(SystemExit):
        main(["rules", "--format", "json"])
    listed = json.loads(capsys.readouterr().out)
    assert [d["id"] for d in listed] == [r.id for r in RULES]
    assert set(listed[0]) == {"id", "step", "family", "description", "keys"}
    assert all(d["family"] == family(d["id"]) for d in listed)
    assert [d["keys"] for d in listed] == [list(r.keys) for r in RULES]
    assert "byline_prefixes" in RULES_BY_ID["byline.author"].keys and listed[0]["keys"] == []


# --- the lexicon keys each rule reads -------------------------------------------------------------------

#: Keys no rule reads: the HTML author reader (cleaner/metadata.py) strips these from a
#: page's byline element to fill ``authors``; it removes no line, so no rule id names them.
NOT_READ_BY_A_RULE = {"author_prefixes", "author_non_names"}
#: A row of a key table in cleaner/lexicon/README.md: | `key` | matches | read by | example |
_KEY_ROW = re.compile(r"^\| `([a-z_]+)` \| (.+)$", re.M)
_FAMILIES = {family(r.id) for r in RULES}


def lexicon_readme_readers():
    """{key: rule ids} from the "read by" cells of cleaner/lexicon/README.md: every rule id
    named in backticks; a family without a dot (`byline`) stands for each of its rules."""
    from cleaner import lexicon

    text = Path(lexicon.__file__).with_name("README.md").read_text(encoding="utf-8")
    readers = {}
    for m in _KEY_ROW.finditer(text):
        cells = [c.strip() for c in m.group(2).rstrip(" |").split(" | ")]
        named = set()
        for name in re.findall(r"`([^`]+)`", cells[1]):
            assert name in RULES_BY_ID or name in _FAMILIES, \
                f"lexicon README, key {m.group(1)}: {name!r} in 'read by' is neither a rule id nor a rule family"
            named.update([name] if name in RULES_BY_ID else [r.id for r in RULES if family(r.id) == name])
        readers[m.group(1)] = named
    return readers


def test_every_key_a_rule_names_is_a_lexicon_key():
    from cleaner.lexicon.packs import KEYS

    for r in RULES:
        assert len(r.keys) == len(set(r.keys)), f"{r.id}: a key listed twice"
        unknown = sorted(set(r.keys) - set(KEYS))
        assert not unknown, f"{r.id} names keys that are not lexicon keys (cleaner/lexicon/packs.py KEYS): {unknown}"


def test_every_lexicon_key_is_read_by_a_rule():
    from cleaner.lexicon.packs import KEYS

    read = {k for r in RULES for k in r.keys}
    unread = sorted(set(KEYS) - read - NOT_READ_BY_A_RULE)
    assert not unread, f"lexicon keys no rule in cleaner/rules.py RULES reads: {unread}"
    assert not NOT_READ_BY_A_RULE & read, "a key read by a rule is listed as read by none"
    for key in ("markup_ads", "markup_share", "markup_comments"):
        assert all(r.step == "preclean" for r in RULES if key in r.keys), f"{key} is HTML markup: only html.* rules read it"


@pytest.mark.parametrize("key", sorted({k for r in RULES for k in r.keys} | NOT_READ_BY_A_RULE))
def test_lexicon_readme_read_by_column_names_the_rules_that_read_the_key(key):
    readme = lexicon_readme_readers()
    assert key in readme, f"key {key} has no row in cleaner/lexicon/README.md"
    registry = {r.id for r in RULES if key in r.keys}
    assert readme[key] == registry, (
        f"{key}: README 'read by' names {sorted(readme[key] - registry)} that RULES does not give it, "
        f"and misses {sorted(registry - readme[key])}")


def test_readme_reader_parses_families_and_ids():
    readme = lexicon_readme_readers()
    assert readme["ad_markers"] == {"ads.marker"}
    assert readme["markup_ads"] == {"html.ads"}
    assert "byline.author" in readme["byline_prefixes"]


BODY = ("The council approved the budget on Monday after a debate that ran late into the night.\n\n"
        "Members of the opposition said the plan left too little for schools and for repairs.\n\n")


@pytest.mark.parametrize("rule,key,phrase,line", [
    ("ads.marker", "ad_markers", "zorblat", "Zorblat"),
    ("cta.ui_label", "ui_labels", "zorblat quux", "Zorblat Quux"),
    ("cta.prompt", "cta", "zorblat our quux", "Zorblat our quux today"),
    ("source.line", "source_prefixes", "zorblat", "Zorblat: Reuters"),
    ("tags.line", "tag_labels", "zorblat", "Zorblat: budget, council"),
    ("credits.caption", "caption_prefixes", "zorblat", "Zorblat The mayor at the council meeting"),
    ("date.reading_time", "reading_time", "min zorblat", "5 min zorblat"),
    ("bio.contributors", "contributor_phrases", "zorblat quuxing", "Jane Smith did the zorblat quuxing."),
])
def test_a_phrase_added_to_a_key_drives_the_rule_that_reads_it(rule, key, phrase, line):
    """A spot check of the registry's keys against behaviour: a made-up phrase added to
    the key (data only) makes the rule remove a line it kept without the phrase."""
    from cleaner import Cleaner
    from cleaner.rulefile import RuleSource

    assert key in RULES_BY_ID[rule].keys
    text = BODY + line + "\n\n" + BODY
    index = text.splitlines().index(line) + 1  # Removed.line counts from 1

    def rule_of_line(*sources):
        removed = Cleaner(input_format="text", rules=sources).clean(text).removed
        return {r.line: r.rule for r in removed}.get(index)

    assert rule_of_line() is None, f"{line!r} must stay without the phrase"
    assert rule_of_line(RuleSource("mine.toml", f'[phrases.en]\n{key} = ["{phrase}"]\n')) == rule


@pytest.mark.parametrize("key,phrase,line,without,with_phrase", [
    # through names.is_label: a control's label is never a name
    ("ui_labels", "zorblat quux", "By Zorblat Quux", ["Zorblat Quux"], []),
    # through names.parse_names: a job title after the names is cut off
    ("byline_roles", "zorblat quux", "By Jane Smith, Zorblat Quux", ["Jane Smith", "Zorblat Quux"], ["Jane Smith"]),
    # through names.parse_names: a lower-case particle inside a name
    ("name_particles", "zorb", "By Ana zorb Cruz", [], ["Ana zorb Cruz"]),
])
def test_a_key_read_through_a_shared_helper_changes_the_byline(key, phrase, line, without, with_phrase):
    """The keys byline.author reads through the name helpers (not in its own module) are its keys too."""
    from cleaner import Cleaner
    from cleaner.rulefile import RuleSource

    assert key in RULES_BY_ID["byline.author"].keys
    text = "Council approves the budget\n\n" + line + "\n\n" + BODY

    def authors(*sources):
        return Cleaner(input_format="text", rules=sources).clean(text).authors

    assert authors() == without
    assert authors(RuleSource("mine.toml", f'[phrases.en]\n{key} = ["{phrase}"]\n')) == with_phrase

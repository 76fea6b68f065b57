"""Language packs as data: found in the folder, checked on load, documented, and a new
language (Dutch here) cleaned with no code change.

The Dutch cases in ``tests/cases/languages/nl.json`` have the format of the per-pass
cases (``tests/test_passes.py``): a short Dutch article with one kind of boilerplate
each, and for every kind a body line that looks like it and must stay.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import body_lines

from cleaner import clean_text, lexicon
from cleaner.language import detect
from cleaner.lexicon import packs

ROOT = Path(__file__).resolve().parent.parent
LANGUAGE_CASES = Path(__file__).resolve().parent / "cases" / "languages"
README = Path(lexicon.__file__).with_name("README.md")
EMPTY_META = {"title": None, "authors": [], "date_published": None, "date_modified": None,
              "sources": [], "image_credits": [], "related": [], "tags": [], "categories": []}


def _language_cases():
    for path in sorted(LANGUAGE_CASES.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
            yield pytest.param(case, id=f"{path.stem}:{case['name']}", marks=marks)


@pytest.mark.parametrize("case", list(_language_cases()))
def test_language_case(case):
    article = clean_text("\n".join(case["text"]))
    assert {str(r.line): r.rule for r in article.removed} == case["removed"], "removed lines and their rules"
    got = article.to_dict()
    assert {k: got[k] for k in EMPTY_META} == dict(EMPTY_META, **case.get("meta", {})), "metadata"
    for sentence in case.get("kept", []):
        assert sentence in body_lines(article.text), f"{sentence!r} must stay a body line"


def test_every_dutch_removal_has_a_keep_case():
    cases = json.loads((LANGUAGE_CASES / "nl.json").read_text(encoding="utf-8"))
    keeps = [c for c in cases if c["name"].startswith("keeps_")]
    removes = [c for c in cases if not c["name"].startswith("keeps_") and "xfail" not in c]
    assert all(c["kept"] and not c["removed"] for c in keeps)
    assert len(keeps) >= len(removes) - 2  # the two comment cases share the "Reacties"/relative-time keeps


def test_the_dutch_pack_is_found_and_merged():
    assert "nl" in lexicon.LANGUAGES
    assert "advertentie" in lexicon.phrase_set("ad_markers")
    assert lexicon.data()["months"]["mei"] == 5
    assert lexicon.relative_time().search("Piet · 2 uur geleden")


def test_the_language_guess_reads_the_packs():
    assert detect("De gemeenteraad heeft de begroting op maandag na een lang debat goedgekeurd, "
                  "en de oppositie is het er niet mee eens.") == "nl"
    from cleaner.language import STOPWORDS

    for lang in lexicon.LANGUAGES:
        words = packs.load(os.path.join(packs.FOLDER, f"{lang}.json"))["stopwords"]
        assert STOPWORDS[lang] == frozenset(words), lang


# --- finding and checking packs ---------------------------------------------------------------------


def test_discover_takes_every_language_file_english_first(tmp_path):
    for name in ("nl.json", "en.json", "pt-br.json", "de.json", "README.md", "notes.json", "schema.json"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    assert packs.discover(str(tmp_path)) == ("en", "de", "nl", "pt-br")


def test_the_repository_packs_are_the_files_in_the_folder():
    files = sorted(p.stem for p in Path(packs.FOLDER).glob("*.json"))
    assert sorted(lexicon.LANGUAGES) == files and lexicon.LANGUAGES[0] == "en"


@pytest.mark.parametrize("pack,message", [
    ({"ad_marker": ["advertentie"]}, "xx.json: unknown key 'ad_marker'"),
    ({"relative_time": ["# uur geleden"]}, "xx.json: unknown key 'relative_time'"),
    ({"ad_markers": "advertentie"}, "xx.json: key 'ad_markers' must be a list"),
    ({"ad_markers": ["advertentie", 3]}, "xx.json: key 'ad_markers' must be a list"),
    ({"ad_markers": [""]}, "xx.json: key 'ad_markers' must be a list"),
    ({"months": ["januari"]}, "xx.json: key 'months' must be a mapping"),
    ({"months": {"januari": 13}}, "xx.json: key 'months' must be a mapping"),
    ({"months": {"januari": "1"}}, "xx.json: key 'months' must be a mapping"),
    (["advertentie"], "xx.json: a pack is a JSON object"),
])
def test_a_bad_pack_is_refused_naming_file_and_key(pack, message):
    with pytest.raises(ValueError) as err:
        packs.check("xx.json", pack)
    assert str(err.value).startswith(message)


def test_a_good_pack_with_comments_and_some_keys_passes():
    packs.check("xx.json", {"_about": "a note", "_name_joiners": "why 'en' is missing",
                            "ad_markers": ["advertentie"], "months": {"mei": 5}, "name_joiners": []})


def test_a_file_that_is_not_json_is_refused_naming_it(tmp_path):
    path = tmp_path / "xx.json"
    path.write_text('{"ad_markers": ["advertentie",]}', encoding="utf-8")
    with pytest.raises(ValueError, match=r"^xx\.json: not valid JSON"):
        packs.load(str(path))


def test_every_pack_in_the_repository_passes_the_check():
    for lang in lexicon.LANGUAGES:
        packs.load(os.path.join(packs.FOLDER, f"{lang}.json"))


# --- a new language needs no code change --------------------------------------------------------------

_RUN = """
import sys
from cleaner import clean_text
from cleaner.language import detect
text = sys.stdin.read()
article = clean_text(text)
print(sorted((r.line, r.rule) for r in article.removed))
print(detect(text.split("\\n\\n")[0]))
"""
#: A Czech article with one ad marker in it (written for this test).
CZECH = ("Městská rada v pondělí po dlouhé debatě schválila rozpočet, který je podle opozice příliš drahý, a také řekla, "
         "že to není jen otázka peněz.\n\n"
         "Inzerce\n\n"
         "Obyvatelé uvidí nové sazby na svých účtech od dubna, řekl starosta po jednání rady.")


@pytest.fixture(scope="module")
def package_copy(tmp_path_factory):
    """A copy of the ``cleaner`` package, so that packs can be dropped into its lexicon folder."""
    root = tmp_path_factory.mktemp("copy")
    shutil.copytree(ROOT / "cleaner", root / "cleaner", ignore=shutil.ignore_patterns("__pycache__"))
    return root


def _clean_in(root: Path, text: str):
    done = subprocess.run([sys.executable, "-c", _RUN], input=text, cwd=root, capture_output=True,
                          text=True, encoding="utf-8", timeout=120, env=dict(os.environ, PYTHONPATH=str(root)))
    return done


def test_a_pack_dropped_into_the_folder_is_used_without_code_change(package_copy):
    folder = package_copy / "cleaner" / "lexicon"
    before = _clean_in(package_copy, CZECH)
    assert before.returncode == 0, before.stderr
    assert before.stdout.splitlines() == ["[]", "None"]  # without a Czech pack: nothing removed, no language
    pack = {"_about": "a tiny Czech pack for this test",
            "ad_markers": ["inzerce"],
            "stopwords": "a je se na v že to s z do o k ve pro jako ale by jsou od po jsem jeho které také už jen".split()}
    (folder / "cs.json").write_text(json.dumps(pack, ensure_ascii=False), encoding="utf-8")
    try:
        after = _clean_in(package_copy, CZECH)
    finally:
        (folder / "cs.json").unlink()
    assert after.returncode == 0, after.stderr
    assert after.stdout.splitlines() == ["[(3, 'ads.marker')]", "cs"]


def test_a_typo_in_a_dropped_pack_is_an_error_naming_file_and_key(package_copy):
    folder = package_copy / "cleaner" / "lexicon"
    (folder / "cs.json").write_text(json.dumps({"ad_marker": ["inzerce"]}), encoding="utf-8")
    try:
        done = _clean_in(package_copy, CZECH)
    finally:
        (folder / "cs.json").unlink()
    assert done.returncode != 0
    assert "cs.json: unknown key 'ad_marker'" in done.stderr


# --- every key documented -------------------------------------------------------------------------------

_DOC_ROW = re.compile(r"^\| `([a-z_]+)` \|(.+)$", re.M)


def test_every_key_is_documented_and_every_documented_key_exists():
    documented = [m.group(1) for m in _DOC_ROW.finditer(README.read_text(encoding="utf-8"))]
    assert len(documented) == len(set(documented)), "a key documented twice"
    assert set(documented) == set(packs.KEYS), \
        f"undocumented {sorted(set(packs.KEYS) - set(documented))}, not a key {sorted(set(documented) - set(packs.KEYS))}"


def test_every_documented_row_says_what_matches_who_reads_and_an_example():
    for m in _DOC_ROW.finditer(README.read_text(encoding="utf-8")):
        cells = [c.strip() for c in m.group(2).rstrip(" |").split(" | ")]
        assert len(cells) == 3 and all(cells), f"{m.group(1)}: matches | read by | example"


def test_every_key_is_in_the_english_pack():
    english = packs.load(os.path.join(packs.FOLDER, "en.json"))
    assert {k for k in english if not k.startswith("_")} == set(packs.KEYS)


# --- one list of name words for every pass -------------------------------------------------------------


@pytest.mark.parametrize("particle", sorted(lexicon.phrase_set("name_particles")))
def test_every_pass_reads_the_same_name_particles(particle):
    from cleaner.passes import byline, credits, title

    name = f"Ana {particle} Cruz"
    assert byline.parse_names(f"{name}, Jan Kowalski") == [name, "Jan Kowalski"]  # a name word in a byline
    assert credits.names_someone(f"{name}, staff photographer")  # two common words, the particle is not a third
    assert not title._person_like(f"Ana Cruz {particle}")  # never a name's last word


@pytest.mark.parametrize("joiner", sorted(w for w in lexicon.phrase_set("name_joiners") if w.isalpha()))
def test_every_pass_reads_the_same_name_joiners(joiner):
    from cleaner.passes import bio, byline, credits

    assert byline.parse_names(f"Jane Doe {joiner} John Roe") == ["Jane Doe", "John Roe"]
    assert credits.names_someone(f"Jane Doe {joiner} John Roe, staff photographers")
    assert bio._names_follow(f" Jane Doe {joiner} John Roe; Editing by Tom Brown")


def test_a_body_line_with_a_joiner_is_not_names():
    from cleaner.passes import byline

    assert byline.parse_names("Izkia Siches y Manuel Monsalve en el Congreso") is None  # 'en' is no joiner

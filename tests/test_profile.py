"""cleaner.profile: learning a site's recurring lines, and removing them (site.repeated)."""
from __future__ import annotations

import itertools
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from cleaner import clean_text, profile
from cleaner.cli import cli, learn_cli
from cleaner.model import Document
from cleaner.passes import TEXT_PASSES
from cleaner.profile import (
    BODY_SHARE,
    MAX_LINES_PER_SITE,
    REPEAT_MIN_DOCS,
    REPEAT_SHARE,
    SITE_MIN_DOCS,
    Learner,
    Profile,
    ProfileError,
    Sample,
    SiteProfile,
    SiteRepeated,
    line_hash,
    site_key,
    with_step,
)

SITE = FIXTURES / "site"
EXAMPLE = SITE / "example-news"
HARBOUR = SITE / "harbour-times"

PROMO = "Get the Example News app for alerts on the stories that matter to you"
SIGN_OFF = "Example News is an independent newsroom funded by its readers."
SERIES = "This story is part of Coast Watch, our series on the towns along the estuary, supported by readers like you."
APPEAL = "Winter appeal: help us keep local news free to read"
HARBOUR_SIGN_OFF = "Read the Harbour Times every Thursday, in print and online."


def test_thresholds_are_the_documented_ones():
    # The README and the learn --help text state these values.
    assert (REPEAT_SHARE, REPEAT_MIN_DOCS, SITE_MIN_DOCS, BODY_SHARE) == (0.5, 3, 4, 0.5)


# -- keys -------------------------------------------------------------------------------
@pytest.mark.parametrize("a, b", [
    ("Contact us", "CONTACT US"),
    ("Contact us", "  Contact\u00a0 us: "),
    ("© 2023 Example News Ltd.", "© 2024 Example News Ltd."),
    ("Editor’s picks", "Editor's picks"),
], ids=["case", "spaces-and-colon", "digits", "quotes"])
def test_same_line_hash(a, b):
    assert line_hash(a) == line_hash(b)


@pytest.mark.parametrize("a, b", [
    ("Contact us", "Contact them"),
    ("Share on Facebook", "Share on Twitter"),
], ids=["word", "network"])
def test_different_line_hash(a, b):
    assert line_hash(a) != line_hash(b)


def test_punctuation_only_lines_have_no_hash():
    assert line_hash("* * *") is None and line_hash("|") is None


@pytest.mark.parametrize("kwargs, expected", [
    ({"path": "a/b.txt", "site": "example.com", "url": "https://other.org/x"}, "example.com"),
    ({"path": "a/b.txt", "url": "https://www.Example.com/x"}, "example.com"),
    ({"path": "a/b.html", "html": '<html><head><meta property="og:url" content="https://news.example.org/a">'},
     "news.example.org"),
    ({"path": "a/b.html", "html": '<link href="https://www.example.net/p" rel="canonical">'}, "example.net"),
    ({"path": "-"}, None),
], ids=["site-wins", "url-host", "og-url", "canonical-any-order", "stdin-without-url"])
def test_site_key(kwargs, expected):
    assert site_key(**kwargs) == expected


def test_site_key_folder_is_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pages").mkdir()
    assert site_key("pages/a.txt") == str(tmp_path / "pages")
    assert site_key("a.txt") == str(tmp_path)


# -- learning, on samples made by hand --------------------------------------------------------
def _page(site, lines, removed=()):
    """A sample as the recorder makes it: lines are (text, prose)."""
    return Sample(site, "p", [line_hash(t) or "" for t, _ in lines], bytes(int(p) for _, p in lines),
                  bytes(int(i not in removed) for i in range(len(lines))))


def _own(i, k):
    return (f"Page {'abcdefghijklmnop'[i]} paragraph {'abcdefghij'[k]} says something of its own here.", True)


def test_line_on_half_of_the_pages_is_learned():
    pages = [_page("s", [("Menu", False), _own(i, 0)] if i < 3 else [_own(i, 0)]) for i in range(6)]
    prof, _ = profile.learn(pages)
    assert prof.sites["s"].lines == {line_hash("Menu"): 3}


def test_line_under_half_of_the_pages_is_not():
    pages = [_page("s", [("Menu", False), _own(i, 0)] if i < 2 else [_own(i, 0)]) for i in range(6)]
    prof, _ = profile.learn(pages)
    assert prof.sites["s"].lines == {}


def test_line_needs_the_minimum_number_of_pages():
    # Half of 4 pages is 2, but a line must stand on at least REPEAT_MIN_DOCS (3) pages.
    pages = [_page("s", [("Menu", False), _own(i, 0)] if i < 2 else [_own(i, 0)]) for i in range(4)]
    prof, _ = profile.learn(pages)
    assert prof.sites["s"].lines == {}


def test_small_site_learns_nothing():
    pages = [_page("s", [("Menu", False), _own(i, 0)]) for i in range(3)]
    prof, report = profile.learn(pages)
    assert prof.sites == {}
    assert report.small_sites == [("s", 3)]


def test_sites_are_learned_apart():
    pages = [_page("a", [("Menu", False), _own(i, 0)]) for i in range(4)]
    pages += [_page("b", [("Menu", False), _own(i, 0)]) for i in range(4, 6)]   # 2 pages: too few
    pages += [_page("b", [_own(i, 0)]) for i in range(6, 8)]
    prof, _ = profile.learn(pages)
    assert prof.sites["a"].lines == {line_hash("Menu"): 4}
    assert prof.sites["b"].lines == {}  # 2 of 4 pages of b: under the minimum


def test_prose_between_own_prose_on_most_pages_is_body():
    shared = ("A standard note that reads like a sentence of the article itself.", True)
    pages = []
    for i in range(6):
        if i < 3:      # body on 3 of its 6 pages: half, and ties keep it
            lines = [_own(i, 0), shared, _own(i, 1)]
        else:          # at the end of the article on the others
            lines = [_own(i, 0), _own(i, 1), shared, ("Footer", False)]
        pages.append(_page("s", lines))
    prof, report = profile.learn(pages)
    assert line_hash(shared[0]) not in prof.sites["s"].lines
    assert [p.pages for p in report.protected] == [6]


def test_prose_between_own_prose_on_few_pages_is_learned():
    shared = ("A standard note that reads like a sentence of the article itself.", True)
    pages = []
    for i in range(6):
        if i < 2:      # body on 2 of 6 pages only
            lines = [_own(i, 0), shared, _own(i, 1)]
        else:
            lines = [_own(i, 0), _own(i, 1), shared, ("Footer", False)]
        pages.append(_page("s", lines))
    prof, _ = profile.learn(pages)
    assert prof.sites["s"].lines.get(line_hash(shared[0])) == 6


def test_a_short_line_between_paragraphs_is_not_body():
    # Body means prose: a promo line inside the article is still the site's.
    pages = [_page("s", [_own(i, 0), ("Download our app", False), _own(i, 1)]) for i in range(4)]
    prof, _ = profile.learn(pages)
    assert line_hash("Download our app") in prof.sites["s"].lines


def test_lines_the_passes_always_remove_take_no_room():
    # Counted over the whole page, but stored only when some page still had it.
    pages = [_page("s", [("Advertisement", False), ("Menu", False), _own(i, 0)], removed={0}) for i in range(4)]
    prof, _ = profile.learn(pages)
    assert set(prof.sites["s"].lines) == {line_hash("Menu")}


def test_line_removed_on_some_pages_still_counts_them():
    # Kept on 1 page, removed by an earlier pass on 3: it stands on 4 of 4 pages.
    pages = [_page("s", [("Contact us", False), _own(i, 0)], removed={0} if i else set()) for i in range(4)]
    prof, _ = profile.learn(pages)
    assert prof.sites["s"].lines == {line_hash("Contact us"): 4}


def test_profile_is_capped_per_site():
    words = ("".join(w) for w in itertools.product("abcdefghij", repeat=3))  # letters: digits fold together
    lines = [(f"menu item {w}", False) for w in itertools.islice(words, MAX_LINES_PER_SITE + 100)]
    pages = [_page("s", lines + [_own(i, 0)]) for i in range(4)]
    prof, _ = profile.learn(pages)
    assert len(prof.sites["s"].lines) == MAX_LINES_PER_SITE


def test_pages_without_a_site_are_left_out():
    learner = Learner()
    learner.add(Sample(None, "-", [line_hash("Menu")], b"\0", b"\1"))
    prof, _ = learner.profile()
    assert prof.sites == {}


# -- the profile file --------------------------------------------------------------------------
def test_profile_round_trip(tmp_path):
    prof = Profile({"example.com": SiteProfile(10, {line_hash("Contact us"): 9})})
    path = tmp_path / "p.json"
    prof.dump(str(path))
    loaded = Profile.load(str(path))
    assert loaded.sites == prof.sites
    assert loaded.name == "p.json"
    assert os.listdir(tmp_path) == ["p.json"]


@pytest.mark.parametrize("content, message", [
    ("not json", "invalid JSON"),
    ('{"sites": {}}', "not a clean-article site profile"),
    ('{"format": "clean-article site profile", "version": 99, "sites": {}}', "version 99"),
    ('{"format": "clean-article site profile", "version": 1, "sites": {"a": {"lines": {}}}}', "damaged"),
], ids=["not-json", "no-format", "version", "damaged"])
def test_bad_profiles_are_refused(tmp_path, content, message):
    path = tmp_path / "p.json"
    path.write_text(content)
    with pytest.raises(ProfileError, match=message):
        Profile.load(str(path))


def test_missing_profile_is_refused(tmp_path):
    with pytest.raises(ProfileError, match="cannot read"):
        Profile.load(str(tmp_path / "nope.json"))


# -- the step ------------------------------------------------------------------------------
def test_step_runs_after_related_and_before_title():
    names = [getattr(p, "__name__", "step").rsplit(".", 1)[-1] for p in with_step("step")]
    assert names.index("step") == names.index("related") + 1
    assert names.index("step") < names.index("title")
    assert [p for p in with_step("step") if p != "step"] == list(TEXT_PASSES)


def _step(*lines):
    return SiteRepeated("example.com", SiteProfile(10, {line_hash(t): 8 for t in lines}))


def test_step_removes_learned_lines_wherever_they_stand():
    doc = Document("Home\n\nA paragraph of the article that is long enough to be prose.\n\nHome\nContact us")
    found = [(f.line, f.rule) for f in _step("Home", "Contact us").run(doc)]
    assert found == [(0, "site.repeated"), (4, "site.repeated"), (5, "site.repeated")]


def test_step_reason_names_the_site_and_the_count():
    doc = Document("Contact us")
    (finding,) = _step("Contact us").run(doc)
    assert finding.reason.startswith("recurs on 8 of 10 pages of example.com (site profile")


def test_step_keeps_a_learned_headline_heading_the_page_own_text():
    # A popular article's headline is a teaser on other pages (so learned), but
    # on its own page it stands right above the article: kept for the title.
    headline = "Harbour bridge repairs to start in March"
    doc = Document(f"Menu\n{headline}\n\nRepairs to the harbour bridge will begin in March and last six months.\n"
                   "Promo line\n\nShop owners on the quay said they feared losing trade this spring.")
    found = [doc.lines[f.line].text for f in _step(headline, "Promo line", "Menu").run(doc)]
    assert found == ["Menu", "Promo line"]


def test_step_removes_a_one_word_line_above_the_text():
    # Not headline-shaped (one word): a menu item, whatever follows it.
    doc = Document("Sport\nThe council approved the budget on Monday after a long debate.")
    assert [f.line for f in _step("Sport").run(doc)] == [0]


def test_step_ignores_lines_an_earlier_pass_removed():
    doc = Document("Advertisement\nBody sentence that stays in the article for sure.")
    doc.findings[0] = object()
    assert list(_step("Advertisement").run(doc)) == []


def test_clean_text_with_the_step():
    text = "The council approved the budget on Monday after a long debate.\n\nContact us"
    article = clean_text(text, passes=with_step(_step("Contact us")))
    assert article.text == "The council approved the budget on Monday after a long debate."
    assert [r.rule for r in article.removed] == ["site.repeated"]


# -- the hand-made site, through the command ------------------------------------------------------
def _learn(tmp_path, *args, jobs=1):
    prof = tmp_path / "site.json"
    result = CliRunner().invoke(learn_cli, ["--profile", str(prof), "--jobs", str(jobs), *args],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return prof


def _clean(*args):
    result = CliRunner().invoke(cli, ["-q", "--format", "jsonl", "--explain", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return {Path(d["path"]).name: d for d in map(json.loads, result.stdout.splitlines())}


@pytest.fixture(scope="module")
def learned(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("learn")
    prof = _learn(tmp, *sorted(map(str, EXAMPLE.glob("*.txt"))), *sorted(map(str, HARBOUR.glob("*.txt"))))
    pages = sorted(map(str, EXAMPLE.glob("*.txt")))
    return prof, _clean(*pages), _clean("--profile", str(prof), *pages)


def test_fixture_profile_groups_by_folder(learned):
    prof = Profile.load(str(learned[0]))
    assert set(prof.sites) == {str(EXAMPLE), str(HARBOUR)}
    assert prof.sites[str(EXAMPLE)].documents == 6 and prof.sites[str(HARBOUR)].documents == 4
    assert line_hash(HARBOUR_SIGN_OFF) in prof.sites[str(HARBOUR)].lines
    assert line_hash(HARBOUR_SIGN_OFF) not in prof.sites[str(EXAMPLE)].lines


def test_fixture_profile_is_small_and_holds_no_text(learned):
    raw = learned[0].read_text()
    assert len(raw) < 4096
    for text in (PROMO, SIGN_OFF, "Contact us", "Example News", HARBOUR_SIGN_OFF):
        assert text.casefold() not in raw.casefold()


def test_fixture_promo_sign_off_and_footer_go(learned):
    _, _, after = learned
    for name, d in after.items():
        for line in (PROMO, SIGN_OFF, "Contact us"):
            assert line not in d["text"].split("\n"), (name, line)


def test_fixture_body_on_most_pages_stays(learned):
    _, before, after = learned
    for name in after:
        assert (SERIES in after[name]["text"]) == (SERIES in before[name]["text"]), name
    assert sum(SERIES in d["text"] for d in after.values()) >= 4


def test_fixture_appeal_on_two_pages_stays(learned):
    _, before, after = learned
    for name in after:
        assert (APPEAL in after[name]["text"]) == (APPEAL in before[name]["text"]), name


def test_fixture_profile_only_removes(learned):
    # Every body line with the profile was a body line without it, and every
    # line it took away is explained as site.repeated.
    _, before, after = learned
    for name in after:
        b, a = before[name]["text"].split("\n"), after[name]["text"].split("\n")
        assert set(a) <= set(b), name
        gone = {ln for ln in set(b) - set(a) if ln}
        explained = {r["text"] for r in after[name]["removed"] if r["rule"] == "site.repeated"}
        assert gone <= explained, name


def test_fixture_explain_says_site_repeated(learned):
    _, _, after = learned
    rules = [r for d in after.values() for r in d["removed"] if r["rule"] == "site.repeated"]
    assert rules and all("site profile site.json" in r["reason"] for r in rules)
    assert any(r["text"] == PROMO for r in rules)


def test_fixture_titles_survive(learned):
    _, before, after = learned
    assert {n: d["title"] for n, d in after.items()} == {n: d["title"] for n, d in before.items()}


def test_fixture_learn_with_two_jobs_writes_the_same_profile(tmp_path, learned):
    pages = sorted(map(str, EXAMPLE.glob("*.txt"))) + sorted(map(str, HARBOUR.glob("*.txt")))
    prof = _learn(tmp_path, *pages, jobs=2)
    assert prof.read_bytes() == learned[0].read_bytes()


def test_fixture_held_out_page_with_site_name(tmp_path):
    pages = sorted(map(str, EXAMPLE.glob("*.txt")))
    held_out = [p for p in pages if p.endswith("bridge-repairs.txt")]
    prof = _learn(tmp_path, "--site", "example-news.test", *[p for p in pages if p not in held_out])
    (d,) = _clean("--profile", str(prof), "--site", "example-news.test", *held_out).values()
    assert PROMO not in d["text"] and SIGN_OFF not in d["text"]
    assert SERIES in d["text"]


def test_learn_explain_lists_learned_and_kept_lines(tmp_path):
    prof = tmp_path / "p.json"
    result = CliRunner().invoke(learn_cli, ["--explain", "--profile", str(prof), *map(str, EXAMPLE.glob("*.txt"))],
                                catch_exceptions=False)
    assert f"learned: on 4 of 6 pages: {PROMO!r}" in result.stderr
    assert f"kept as body: on 6 of 6 pages: {SERIES!r}" in result.stderr
    assert APPEAL not in result.stderr


def test_profile_for_another_site_removes_nothing_and_says_so(learned):
    harbour = sorted(map(str, HARBOUR.glob("*.txt")))
    result = CliRunner().invoke(cli, ["--profile", str(learned[0]), "--site", "elsewhere.test", harbour[0]],
                                catch_exceptions=False)
    assert result.exit_code == 0
    assert "site elsewhere.test is not in profile site.json" in result.stderr


def test_learn_names_the_site_by_the_url_host(tmp_path):
    prof = _learn(tmp_path, "--url", "https://www.example-news.test/story", *map(str, EXAMPLE.glob("*.txt")))
    assert set(Profile.load(str(prof)).sites) == {"example-news.test"}
    (d,) = _clean("--profile", str(prof), "--url", "https://example-news.test/other",
                  str(EXAMPLE / "pier-lights.txt")).values()
    assert PROMO not in d["text"] and SIGN_OFF not in d["text"]


def test_steps_are_named_as_the_site_step_of_the_pipeline():
    from cleaner.passes import SITE_STEP, step_name

    assert step_name(_step("x")) == SITE_STEP == "site_repeated"
    assert step_name(profile.Recorder()) == step_name(_step("x"))


def test_learn_from_html_pages_groups_by_canonical_host(tmp_path):
    para = ("<p>{} The council met on {} to discuss the plan for the harbour, and the members "
            "spoke at length about the cost of the works and how long they would take.</p>")
    for i, day in enumerate(("Monday", "Tuesday", "Wednesday", "Thursday")):
        page = (f'<!DOCTYPE html><html><head><title>Story {day}</title>'
                f'<link rel="canonical" href="https://www.harbour-news.test/story-{i}"></head><body><article>'
                f"<h1>Story about {day}</h1>" + para.format("First,", day) + para.format("Then,", day)
                + "<p>Harbour News is an independent newsroom funded by its readers.</p></article></body></html>")
        (tmp_path / f"{i}.html").write_text(page)
    prof = _learn(tmp_path, *sorted(map(str, tmp_path.glob("*.html"))))
    assert set(Profile.load(str(prof)).sites) == {"harbour-news.test"}

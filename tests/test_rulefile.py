"""User rule files (``--rules FILE``, cleaner/rulefile.py): rules as data, no code change.

Every rule file here is written for the test; the pages are made up.
"""
from __future__ import annotations

import importlib
import json
import pickle
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, REPO, SEEDS, invoke

from cleaner import clean, clean_text, lexicon
from cleaner.cleaner import Cleaner
from cleaner.cli import rules_cli
from cleaner.rulefile import RuleFileError, RuleSource, check, load
from cleaner.thresholds import THRESHOLDS

PAGE = ("Council approves budget\n\n"
        "The council approved the budget on Monday after a long debate.\n"
        "Paid partner content\n"
        "Paid partner content is how the mayor described the deal with the stadium owners.\n"
        "Listen to this story\n"
        "The mayor said the plan was fair.\n")

HTML = ("<html lang='en'><head><title>Council approves budget</title>"
        "<link rel='canonical' href='https://www.example.com/news/budget'></head><body><article>"
        "<h1>Council approves budget</h1>"
        "<p>The city council approved the budget on Monday after a long debate about schools and parks.</p>"
        "<div class='promo'><p>Win a weekend for two at the seaside resort this summer with our partners.</p></div>"
        "<p>Spending on schools rises by a tenth, and the parks budget stays as it was for another year.</p>"
        "<div class='share-box'><p>Readers of the council newsletter asked the mayor why the library hours "
        "had been cut again this spring.</p></div>"
        "<p class='note'>Advertisement</p>"
        "<p>The mayor said the plan was fair and that the opposition would have its say in the spring.</p>"
        "</article></body></html>")


def rules(text: str, name: str = "mine.toml") -> RuleSource:
    return RuleSource(name, text)


def body(article) -> list:
    return [line for line in article.text.split("\n") if line]


def text_cleaner(*sources) -> Cleaner:
    return Cleaner(input_format="text", rules=tuple(sources))


ADD_MARKER = rules('[phrases.en]\nad_markers = ["paid partner content"]\n')


def test_a_phrase_added_as_data_removes_a_line_it_did_not_before_and_keeps_the_keep_case():
    before = text_cleaner().clean(PAGE)
    assert "Paid partner content" in body(before)
    after = text_cleaner(ADD_MARKER).clean(PAGE)
    assert "Paid partner content" not in body(after)
    assert [r.rule for r in after.removed if r.text == "Paid partner content"] == ["ads.marker"]
    # keep-case: a sentence that opens with the phrase is no ad marker (whole lines only)
    assert "Paid partner content is how the mayor described the deal with the stadium owners." in body(after)


def test_a_phrase_is_matched_whatever_its_case_and_spacing_in_the_file():
    after = text_cleaner(rules('[phrases.en]\nad_markers = ["  Paid   Partner Content "]\n')).clean(PAGE)
    assert "Paid partner content" not in body(after)


def test_a_phrase_in_another_language_file_section_counts_the_same():
    after = text_cleaner(rules('[phrases.de]\nad_markers = ["paid partner content"]\n')).clean(PAGE)
    assert "Paid partner content" not in body(after)


def test_the_stock_lexicon_is_untouched_by_a_cleaner_with_rules():
    text_cleaner(ADD_MARKER).clean(PAGE)
    assert "paid partner content" not in lexicon.phrase_set("ad_markers")
    assert "Paid partner content" in body(clean_text(PAGE))


def test_disabling_a_rule_id_keeps_the_line():
    page = "A line of body text before.\nAdvertisement\nA line of body text after it, longer."
    assert "Advertisement" not in body(text_cleaner().clean(page))
    kept = text_cleaner(rules('disable = ["ads.marker"]\n')).clean(page)
    assert "Advertisement" in body(kept)
    assert all(r.rule != "ads.marker" for r in kept.removed)


def test_a_disabled_rule_lets_the_next_finding_for_the_line_apply():
    both = rules('[phrases.en]\nad_markers = ["listen to this story"]\nui_labels = ["listen to this story"]\n')
    first = text_cleaner(both).clean(PAGE)
    assert [r.rule for r in first.removed if r.text == "Listen to this story"] == ["ads.marker"]
    second = text_cleaner(both, rules('disable = ["ads.marker"]\n', "off.toml")).clean(PAGE)
    assert [r.rule for r in second.removed if r.text == "Listen to this story"] == ["cta.ui_label"]


SITE = rules('[[site]]\nhosts = ["example.com"]\n[site.phrases.en]\nui_labels = ["listen to this story"]\n',
             "site.toml")


def test_a_per_site_phrase_applies_to_that_host_only():
    c = text_cleaner(SITE)
    assert "Listen to this story" not in body(c.clean(PAGE, url="https://www.example.com/a"))
    assert "Listen to this story" not in body(c.clean(PAGE, url="https://example.com/a"))
    assert "Listen to this story" in body(c.clean(PAGE, url="https://example.org/a"))
    assert "Listen to this story" in body(c.clean(PAGE, url="https://notexample.com/a"))
    assert "Listen to this story" in body(c.clean(PAGE))  # no host: no site section
    assert "Listen to this story" not in body(Cleaner(input_format="text", site="example.com",
                                                      rules=(SITE,)).clean(PAGE))


def test_a_per_site_disable_applies_to_that_host_only():
    page = "A line of body text before.\nAdvertisement\nA line of body text after it, longer."
    c = text_cleaner(rules('[[site]]\nhosts = ["example.com"]\ndisable = ["ads.marker"]\n'))
    assert "Advertisement" in body(c.clean(page, url="https://example.com/a"))
    assert "Advertisement" not in body(c.clean(page, url="https://example.org/a"))


def test_a_host_glob_matches_as_a_shell_pattern():
    c = text_cleaner(rules('[[site]]\nhosts = ["news.*.org"]\n[site.phrases.en]\nui_labels = ["listen to this story"]\n'))
    assert "Listen to this story" not in body(c.clean(PAGE, url="https://news.city.org/x"))
    assert "Listen to this story" in body(c.clean(PAGE, url="https://city.org/x"))


SELECTORS = rules('[[site]]\nhosts = ["example.com"]\ndrop = ["div.promo"]\nkeep = ["div.share-box", "p.note"]\n',
                  "sel.toml")


def test_html_drop_and_keep_selectors():
    plain = Cleaner(input_format="html").clean(HTML)
    assert "Win a weekend for two" not in plain.text  # the pre-clean drops it as a promotion
    assert "Readers of the council newsletter" not in plain.text  # ... and the share box
    assert "Advertisement" not in body(plain)  # ads.marker

    ruled = Cleaner(input_format="html", rules=(SELECTORS,)).clean(HTML)
    lines = body(ruled)
    assert "Win a weekend for two" not in ruled.text
    drops = [r for r in ruled.removed if r.rule == "site.drop"]
    assert len(drops) == 1 and "div.promo" in drops[0].reason and "sel.toml" in drops[0].reason
    assert any(line.startswith("Readers of the council newsletter") for line in lines)  # keep beats html.share
    assert "Advertisement" in lines  # keep beats ads.marker
    assert lines[0].startswith("The city council approved")
    assert lines[-1].startswith("The mayor said")


def test_html_selectors_of_another_host_do_nothing():
    page = HTML.replace("www.example.com", "www.example.net")
    ruled = Cleaner(input_format="html", rules=(SELECTORS,)).clean(page)
    assert body(ruled) == body(Cleaner(input_format="html").clean(page))


def test_a_drop_selector_never_takes_the_article():
    greedy = rules('[[site]]\nhosts = ["example.com"]\ndrop = ["article"]\n')
    ruled = Cleaner(input_format="html", rules=(greedy,)).clean(HTML)
    assert "The city council approved the budget" in ruled.text


def test_a_disabled_html_rule_drops_no_element():
    assert any(r.rule == "html.promo" for r in Cleaner(input_format="html").clean(HTML).removed)
    ruled = Cleaner(input_format="html", rules=(rules('disable = ["html.promo"]\n'),)).clean(HTML)
    assert all(r.rule != "html.promo" for r in ruled.removed)


@pytest.mark.parametrize("text, line, message", [
    ('disable = [\n  "ads.marker",\n  "made.up",\n]\n', 3, "unknown rule id 'made.up'"),
    ('colour = "red"\n', 1, "unknown key 'colour'"),
    ('# languages\n[phrases.xx]\ncta = ["x"]\n', 2, "unknown language 'xx'"),
    ('[phrases.en]\ncta = ["ok"]\nnope = ["x"]\n', 3, "unknown lexicon key 'nope'"),
    ('[phrases.en]\ncta = "not a list"\n', 2, "must be a list"),
    ('[thresholds]\n"html.keep_share" = 2\n', 2, "bad threshold value 2"),
    ('[thresholds]\n"duplicates.repeat_min_words" = 2.5\n', 2, "bad threshold value 2.5"),
    ('[thresholds]\nspeed = 1\n', 2, "unknown threshold 'speed'"),
    ('[[site]]\nhosts = ["a.com"]\n\n[[site]]\nhosts = ["b.com"]\ndrop = ["div..x"]\n', 6, "bad selector 'div..x'"),
    ('[[site]]\nhosts = ["a.com"]\nkeep = ["p:nonsense(3)"]\n', 3, "bad selector"),
    ('[[site]]\ndrop = ["div"]\n', 1, "needs hosts"),
    ('[[site]]\nhosts = ["a.com"]\nwhere = 1\n', 3, "unknown key 'where' in [[site]]"),
    ('[[site]]\nhosts = ["a.com"]\ndisable = ["x.y"]\n', 3, "unknown rule id 'x.y'"),
    ('[[site]]\nhosts = ["a.com"]\n[site.thresholds]\n"html.link_run" = 0\n', 4, "bad threshold value 0"),
    ('a = [\n', 2, "not valid TOML"),
    ('a = 1\nb = = 2\n', 2, "not valid TOML"),
])
def test_a_bad_file_is_refused_with_its_line_and_what_is_wrong(text, line, message):
    with pytest.raises(RuleFileError) as e:
        check(rules(text, "bad.toml"))
    assert e.value.line == line, str(e.value)
    assert str(e.value).startswith(f"bad.toml:{line}: ") and message in str(e.value)


def test_rules_check_command(tmp_path):
    good = tmp_path / "good.toml"
    good.write_text('disable = ["related.summary"]\n[phrases.en]\nad_markers = ["paid partner content"]\n')
    bad = tmp_path / "bad.toml"
    bad.write_text('[phrases.en]\nad_markers = ["x"]\nnope = ["y"]\n')
    runner = CliRunner()
    ok = runner.invoke(rules_cli, ["check", str(good)])
    assert ok.exit_code == 0 and "ok" in ok.output
    refused = runner.invoke(rules_cli, ["check", str(good), str(bad)])
    assert refused.exit_code == 2
    assert f"{bad}:3: unknown lexicon key 'nope'" in refused.output
    listing = runner.invoke(rules_cli, [])  # the group's default still lists the registry
    assert listing.exit_code == 0 and "ads.marker" in listing.output
    as_json = runner.invoke(rules_cli, ["-f", "json"])
    assert any(r["id"] == "site.drop" for r in json.loads(as_json.output))


def test_the_clean_command_refuses_a_bad_file_before_reading_any_input(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('disable = ["ads.marker", "made.up"]\n')
    page = tmp_path / "a.txt"
    page.write_text(PAGE)
    out = tmp_path / "out"
    result = invoke("--rules", bad, "--output-dir", out, page)
    assert result.exit_code == 2
    assert f"{bad}:1: unknown rule id 'made.up'" in result.output
    assert not out.exists()
    result = invoke("--rules", bad, "--format", "json", page)
    assert result.exit_code == 2 and "{" not in result.output
    missing = invoke("--rules", tmp_path / "none.toml", page)
    assert missing.exit_code == 2 and "none.toml" in missing.output


def test_the_clean_command_with_rules_and_explain(tmp_path):
    (tmp_path / "ads.toml").write_text('[phrases.en]\nad_markers = ["paid partner content"]\n')
    page = tmp_path / "a.txt"
    page.write_text(PAGE)
    result = invoke("--rules", tmp_path / "ads.toml", "--format", "json", "--explain", page)
    assert result.exit_code == 0
    record = json.loads(result.output)
    assert "Paid partner content" not in record["text"].split("\n")
    reasons = {r["text"]: r["reason"] for r in record["removed"]}
    assert reasons["Paid partner content"].endswith(f"(from rules file {tmp_path / 'ads.toml'})")
    assert "from rules file" not in reasons["Council approves budget"]  # the stock rules' own removal


def test_two_files_stack_in_order():
    first = rules('[phrases.en]\nad_markers = ["paid partner content"]\n[thresholds]\n'
                  '"duplicates.repeat_min_words" = 3\n', "one.toml")
    second = rules('[phrases.en]\nui_labels = ["listen to this story"]\n[thresholds]\n'
                   '"duplicates.repeat_min_words" = 9\n', "two.toml")
    c = text_cleaner(first, second)
    lines = body(c.clean(PAGE))
    assert "Paid partner content" not in lines and "Listen to this story" not in lines
    assert c.rule_set().base.thresholds["duplicates.repeat_min_words"] == 9  # the later file wins
    explained = c.clean(PAGE, explain=True)
    reasons = {r.text: r.reason for r in explained.removed}
    assert reasons["Paid partner content"].endswith("(from rules file one.toml)")
    assert reasons["Listen to this story"].endswith("(from rules file two.toml)")


def test_a_threshold_set_in_a_file_changes_what_its_pass_does():
    # A teaser headline of 7 words shown again in the body: under duplicates.repeat_min_words
    # (6) the second copy goes as dup.repeated; a file asking for 8 words keeps it.
    page = ("Council approves budget\n\n"
            "The council approved the budget on Monday after a long debate in the town hall.\n"
            "The mayor said the plan was fair and the opposition agreed to most of it.\n\n"
            "Related articles\nMayor unveils plan for new city parks\nCouncil delays vote on bus fares\n\n"
            "Spending on schools rises by a tenth, and the parks budget stays as it was.\n"
            "Mayor unveils plan for new city parks\n"
            "The vote on the plan is due next week, the clerk said after the meeting.\n")
    stock = text_cleaner().clean(page)
    assert [r.line for r in stock.removed if r.rule == "dup.repeated"] == [11]
    strict = text_cleaner(rules('[thresholds]\n"duplicates.repeat_min_words" = 8\n')).clean(page)
    assert not any(r.rule == "dup.repeated" for r in strict.removed)
    assert body(strict).count("Mayor unveils plan for new city parks") == 1


def test_threshold_defaults_are_their_modules_constants():
    for t in THRESHOLDS:
        module, name = t.constant.rsplit(".", 1)
        assert getattr(importlib.import_module(module), name) == t.default, t.name
        assert lexicon.stock().thresholds[t.name] == t.default


def test_a_cleaner_with_rules_pickles_as_data_and_cleans_the_same():
    c = Cleaner(input_format="auto", rules=(ADD_MARKER, SITE, SELECTORS))
    before_text, before_html = c.clean(PAGE, url="https://example.com/x"), c.clean(HTML)
    copy = pickle.loads(pickle.dumps(c))  # after use: the parsed rules stay behind
    assert copy == c and copy.rules == c.rules
    assert b"mine.toml" in pickle.dumps(c) and b"paid partner content" in pickle.dumps(c)
    assert copy.clean(PAGE, url="https://example.com/x").to_dict() == before_text.to_dict()
    assert copy.clean(HTML).to_dict() == before_html.to_dict()


def test_threads_each_clean_with_their_own_cleaners_rules():
    ruled, plain = text_cleaner(ADD_MARKER), text_cleaner()
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda c: "Paid partner content" in body(c.clean(PAGE)), [ruled, plain] * 8))
    assert results == [False, True] * 8


def test_no_rule_file_and_an_empty_rule_file_give_the_same_outputs():
    empty = rules("# nothing yet\n", "empty.toml")
    inputs = [p.read_bytes() for p in sorted((FIXTURES / "text").glob("*.txt"))[:6]]
    inputs += [p.read_bytes() for p in sorted(SEEDS.glob("*.txt"))[:4]]
    inputs += [p.read_bytes() for p in sorted((FIXTURES / "html").glob("*.htm*"))[:3]]
    with_rules = Cleaner(rules=(empty,))
    for data in inputs:
        assert with_rules.clean(data).to_dict(explain=True) == clean(data).to_dict(explain=True)


def test_a_rule_file_without_selectors_loads_no_html_stack(tmp_path):
    (tmp_path / "r.toml").write_text('[phrases.en]\nad_markers = ["paid partner content"]\n'
                                     '[[site]]\nhosts = ["example.com"]\n')
    (tmp_path / "a.txt").write_text(PAGE)
    script = ("from cleaner.cli import cli\ntry:\n    cli.main(args=['--rules', 'r.toml', 'a.txt'], standalone_mode=False)\n"
              "except SystemExit:\n    pass\nimport sys, json\n"
              "sys.stderr.write(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
              "('lxml', 'cssselect', 'trafilatura', 'bs4'))))")
    p = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, timeout=120,
                       env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    assert p.returncode == 0, p.stderr
    assert "Paid partner content" not in p.stdout.split("\n")  # the rules applied
    assert json.loads(p.stderr.strip().splitlines()[-1]) == []


def test_load_checks_every_file(tmp_path):
    (tmp_path / "a.toml").write_text('[phrases.en]\ncta = ["join our club"]\n')
    (tmp_path / "b.toml").write_text('disable = ["nope.nope"]\n')
    assert [s.name for s in load([str(tmp_path / "a.toml")])] == [str(tmp_path / "a.toml")]
    with pytest.raises(RuleFileError, match="b.toml:1: unknown rule id"):
        load([str(tmp_path / "a.toml"), str(tmp_path / "b.toml")])


def test_no_toml_parser_or_rule_file_module_without_rules():
    seed = str(sorted(SEEDS.glob("*.txt"))[0])
    script = ("from cleaner.cli import cli\ntry:\n    cli.main(args=['--format', 'json', %r], standalone_mode=False)\n"
              "except SystemExit:\n    pass\nimport sys, json\n"
              "sys.stderr.write(json.dumps(sorted(m for m in sys.modules if m in ('tomllib', 'tomli', "
              "'cleaner.rulefile', 'cssselect'))))" % seed)
    p = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stderr.strip().splitlines()[-1]) == []


def test_batch_options_carry_the_rules_as_data(tmp_path):
    from cleaner.batch import Options

    rule_file = tmp_path / "ads.toml"
    rule_file.write_text('[phrases.en]\nad_markers = ["paid partner content"]\n')
    options = Options(input_format="text", rules=load([str(rule_file)]))
    rule_file.unlink()  # a worker on another machine has no such file
    worker_options = pickle.loads(pickle.dumps(options))
    assert worker_options == options
    assert "Paid partner content" not in body(worker_options.cleaner().clean(PAGE))


def test_jobs_output_with_rules_is_the_same_as_one_job(tmp_path):
    rule_file = tmp_path / "ads.toml"
    rule_file.write_text('[phrases.en]\nad_markers = ["paid partner content"]\n')
    pages = []
    for i in range(3):
        page = tmp_path / f"p{i}.txt"
        page.write_text(PAGE)
        pages.append(page)
    one = invoke("--rules", rule_file, "--format", "jsonl", "-q", *pages)
    two = invoke("--rules", rule_file, "--format", "jsonl", "-q", "--jobs", "2", *pages)
    assert one.exit_code == two.exit_code == 0
    assert one.output == two.output and "Paid partner content\\n" not in one.output


def test_rules_thresholds_lists_every_threshold():
    result = CliRunner().invoke(rules_cli, ["thresholds"])
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.output.splitlines()] == [t.name for t in THRESHOLDS]

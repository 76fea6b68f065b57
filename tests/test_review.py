"""The review page (``clean-article review``) and the per-rule counts (``--stats``).

The page is checked twice: as a file (self-contained, everything escaped,
counts that match ``--format json --explain``), and in a real browser:
Debian's chromium, headless, loads it from a ``file://`` URL, runs its script
(the URL fragment applies a filter and opens every section) and hands back
the DOM (``--dump-dom``), where the counts shown and the lines left visible
are compared with the JSON output for the same inputs. A screenshot is kept
as a test artefact (in ``$REVIEW_ARTIFACTS`` when set, else pytest's tmp dir);
its path is printed. Without a chromium binary the browser tests skip, saying so.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from conftest import FIXTURES, SEEDS, run_cli

from cleaner.review import json_block

#: Seconds chromium may take to load, run and dump a page (a shared CI machine is slow).
BROWSER_TIMEOUT = 120

#: A hostile input: markup and script in the text, which the page must show as text.
HOSTILE = "\n".join([
    "Council approves budget after long debate",
    "",
    "By Jane Smith",
    "",
    "The city council approved the budget on Monday after a debate that ran late into the evening, with members "
    "split over spending on roads.",
    "",
    '<img src=x onerror="document.body.dataset.pwned=1"> </script><script>document.body.dataset.pwned=2</script>',
    "",
    "Sign up for our daily newsletter",
    "",
    "The mayor said the plan would protect services, while the opposition promised to fight it in court.",
    "",
    "Advertisement",
    "",
    "Residents will see the new rates in their April bills, officials said, and the council will review the plan.",
])


def inputs(tmp_path):
    """Text and HTML fixtures, a seed, a whole page, and the hostile input (its name hostile too)."""
    hostile = tmp_path / 'x"><b>hostile&amp;.txt'
    hostile.write_text(HOSTILE, encoding="utf-8")
    return [FIXTURES / "text" / "en_council_budget.txt", FIXTURES / "text" / "de_bahnstreik.txt",
            FIXTURES / "html" / "en_council_budget.html", FIXTURES / "pages" / "en_cup_final_report.txt",
            SEEDS / "000_e11880221c40fa9a.txt", hostile]


def json_removed(paths):
    """Per input (by path as the JSON gives it): the Counter of removed lines per rule."""
    p = run_cli("--format", "json", "--explain", "--quiet", *paths)
    assert p.returncode == 0, p.stderr.decode()
    return {a["path"]: Counter(r["rule"] for r in a["removed"]) for a in json.loads(p.stdout)}


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("review")
    paths = inputs(tmp)
    out = tmp / "review.html"
    p = run_cli("review", "-o", out, *paths)
    assert p.returncode == 0, p.stderr.decode()
    assert "wrote" in p.stderr.decode()
    return out, paths, json_removed(paths)


# -- the file -----------------------------------------------------------------------
def test_page_is_self_contained(page):
    html = page[0].read_text(encoding="utf-8")
    assert not re.search(r"<(link|img|iframe|object|embed)\b", html), "no external resources"
    assert not re.search(r"<[^>]*\b(src|href)\s*=", html), "nothing loaded from anywhere"
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "<style>" in html and "<script>" in html


def test_hostile_text_is_escaped(page):
    html = page[0].read_text(encoding="utf-8")
    assert "onerror" in html, "the hostile line is in the page"
    assert '<img src=x' not in html and "<script>document" not in html and "</script><script>" not in html
    assert "<b>hostile" not in html and "&lt;b&gt;hostile&amp;amp;.txt" in html
    # one <script> block per input's data, the rule names and the page's code; none opened by the input
    assert html.count("<script") == 6 + 2


def test_json_block_is_inert_in_a_script_element():
    text = json_block(["</script>", "<!--", "&amp;", "\u2028"])
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == ["</script>", "<!--", "&amp;", "\u2028"]


def counts_shown(html):
    """(overall counts, per-input counts) read from the page's data-count cells."""
    head, _, sections = html.partition("<main>")
    overall = {rule: int(n) for rule, n in re.findall(r'<td class="n" data-rule="([^"]+)" data-count="(\d+)"', head)}
    per_input = {}
    for name, body in re.findall(r'<details class="input"[^>]* data-name="([^"]*)"(.*?)</details>', sections, re.S):
        name = name.replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        per_input[name] = {rule: int(n) for rule, n in
                           re.findall(r'<td class="n" data-rule="([^"]+)" data-count="(\d+)"', body)}
    return overall, per_input


def test_counts_in_page_match_json(page):
    out, paths, removed = page
    overall, per_input = counts_shown(out.read_text(encoding="utf-8"))
    assert set(per_input) == set(removed)
    for name, counts in removed.items():
        assert per_input[name] == dict(counts), name
    total = sum(removed.values(), Counter())
    assert {rule: n for rule, n in overall.items() if n} == dict(total)
    assert total["cta.prompt"] >= 2 and total["html.nav"] >= 1, "the inputs exercise text and HTML rules"


def test_review_failures_are_reported_and_the_rest_written(tmp_path):
    out = tmp_path / "review.html"
    p = run_cli("review", "-o", out, FIXTURES / "text" / "en_tidy_article.txt", tmp_path / "missing.txt")
    assert p.returncode == 1
    assert "missing.txt: no such file" in p.stderr.decode()
    html = out.read_text(encoding="utf-8")
    assert "1 inputs, " in html and "1 inputs failed" in html and "en_tidy_article.txt" in html


def test_review_needs_an_output_in_an_existing_folder(tmp_path):
    p = run_cli("review", FIXTURES / "text" / "en_tidy_article.txt")
    assert p.returncode == 2 and b"--output" in p.stderr
    p = run_cli("review", "-o", tmp_path / "no" / "such" / "r.html", FIXTURES / "text" / "en_tidy_article.txt")
    assert p.returncode == 2 and b"no such folder" in p.stderr


# -- --stats --------------------------------------------------------------------------
def test_stats_match_json_and_do_not_depend_on_jobs(tmp_path):
    paths = inputs(tmp_path)
    paths += [p for p in sorted((FIXTURES / "text").glob("*.txt")) if p not in paths]
    removed = json_removed(paths)
    files = []
    for jobs in ("1", "2"):
        stats = tmp_path / f"stats{jobs}.json"
        p = run_cli("--stats", stats, "--jobs", jobs, "--format", "jsonl", "--quiet", *paths)
        assert p.returncode == 0, p.stderr.decode()
        files.append(stats.read_bytes())
    assert files[0] == files[1], "--stats writes the same with any --jobs"
    stats = json.loads(files[0])
    total = sum(removed.values(), Counter())
    assert stats["inputs"] == len(paths)
    assert stats["by_rule"] == dict(sorted(total.items()))
    assert stats["removed"] == sum(total.values())
    assert set(stats["by_input_format"]) == {"text", "html"}
    html = stats["by_input_format"]["html"]
    assert html["inputs"] == 1 and html["by_rule"] == dict(sorted(removed[str(paths[2])].items()))
    assert stats["by_input_format"]["text"]["inputs"] == len(paths) - 1


def test_stats_with_output_dir(tmp_path):
    stats = tmp_path / "stats.json"
    p = run_cli("--stats", stats, "-o", tmp_path / "out", "--quiet", FIXTURES / "text" / "en_tidy_article.txt")
    assert p.returncode == 0, p.stderr.decode()
    assert json.loads(stats.read_text())["inputs"] == 1
    assert (tmp_path / "out" / "en_tidy_article.txt").exists()


# -- in a browser -----------------------------------------------------------------------
def chromium():
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


needs_browser = pytest.mark.skipif(chromium() is None, reason="no chromium binary found (Debian: apt-get install "
                                                                "chromium; .ci/run installs it): browser test skipped")


def browse(url, tmp_path, *extra):
    """Run headless chromium on ``url`` with ``extra`` arguments; its stdout."""
    profile = tmp_path / f"chromium-profile-{len(list(tmp_path.iterdir()))}"
    cmd = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", *extra, url]
    p = subprocess.run(cmd, capture_output=True, timeout=BROWSER_TIMEOUT, text=True)
    assert p.returncode == 0, p.stderr[-2000:]
    return p.stdout


def dom(html_file, fragment, tmp_path):
    from lxml import html as lxml_html

    text = browse(html_file.resolve().as_uri() + fragment, tmp_path, "--dump-dom")
    tree = lxml_html.fromstring(text)
    assert tree.body.get("data-ready") == "1", "the page's script ran to its end"
    return tree


def artefact_dir(tmp_path):
    folder = os.environ.get("REVIEW_ARTIFACTS")
    if folder:
        os.makedirs(folder, exist_ok=True)
        return Path(folder)
    return tmp_path


@needs_browser
def test_browser_counts_match_json(page, tmp_path):
    out, paths, removed = page
    tree = dom(out, "#open=all", tmp_path)
    assert tree.body.get("data-pwned") is None, "markup in an input ran in the page"
    sections = tree.xpath('//details[@class="input"]')
    assert len(sections) == len(paths)
    total = Counter()
    for d in sections:
        name = d.get("data-name")
        shown = {td.get("data-rule"): int(td.text) for td in d.xpath('.//table[@class="counts"]//td[@class="n"]')}
        assert shown == dict(removed[name]), name
        rendered = Counter(ln.get("data-rule") for ln in d.xpath('.//div[contains(@class, "rm")]'))
        assert rendered == removed[name], f"{name}: every removed line is shown with its rule"
        total += removed[name]
        # every line is visible, kept and removed (blank ones are not counted)
        lines = d.xpath('.//div[contains(concat(" ", @class, " "), " ln ")]'
                        '[not(contains(concat(" ", @class, " "), " blank "))]')
        assert int(d.get("data-visible")) == len(lines)
    overall = {td.get("data-rule"): int(td.text) for td in tree.xpath('//table[@class="rules"]//td[@class="n"]')}
    assert {r: n for r, n in overall.items() if n} == dict(total)
    hostile = [d for d in sections if d.get("data-name").endswith("<b>hostile&amp;.txt")][0]
    texts = [t.text_content() for t in hostile.xpath('.//span[@class="tx"]')]
    assert HOSTILE.split("\n")[6] in texts, "the hostile line is shown as text"


@needs_browser
@pytest.mark.parametrize("rules", [["cta.prompt"], ["ads.marker", "html.nav"], []])
def test_browser_filter_shows_only_the_rules_chosen(page, tmp_path, rules):
    out, paths, removed = page
    tree = dom(out, "#open=all&filter=" + ",".join(rules), tmp_path)
    for d in tree.xpath('//details[@class="input"]'):
        want = sum(removed[d.get("data-name")][r] for r in rules)
        assert int(d.get("data-visible")) == want, (d.get("data-name"), rules)
    assert int(tree.body.get("data-visible")) == sum(removed[name][r] for name in removed for r in rules)
    boxes = {b.get("data-rule"): b.get("checked") is not None for b in tree.xpath('//input[@class="rule"]')}
    assert {r for r, on in boxes.items() if on} == set(rules), "the checkboxes show the filter"


@needs_browser
def test_browser_screenshot(page, tmp_path):
    out = page[0]
    shot = artefact_dir(tmp_path) / "review.png"
    browse(out.resolve().as_uri() + "#open=all", tmp_path, f"--screenshot={shot}", "--window-size=1280,2000",
           "--hide-scrollbars")
    assert shot.exists() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    print(f"review page screenshot: {shot}")


@needs_browser
def test_browser_a_thousand_inputs_stay_closed_until_opened(tmp_path):
    """1,000 inputs: the page loads with no line rendered (sections fill in when opened)."""
    listing = tmp_path / "list"
    names = [str(FIXTURES / "text" / "en_tidy_article.txt"), str(FIXTURES / "text" / "de_bahnstreik.txt")] * 500
    listing.write_text("\n".join(names) + "\n")
    out = tmp_path / "review.html"
    p = run_cli("review", "-o", out, "--files-from", listing, "--quiet", timeout=600)
    assert p.returncode == 0, p.stderr.decode()
    tree = dom(out, "", tmp_path)
    assert len(tree.xpath('//details[@class="input"]')) == 1000
    assert tree.xpath('//div[contains(@class, "ln")]') == [], "no line is rendered before its section opens"
    assert tree.xpath('//p[@class="summary"]')[0].get("data-inputs") == "1000"


def test_main_command_does_not_load_review_or_rules():
    """Start-up: the review page and the registry load only for ``review``, ``rules`` and ``--stats``."""
    import sys

    check = ("import sys\nfrom cleaner.cli import main\ntry:\n"
             f"    main(['--format', 'json', {str(FIXTURES / 'text' / 'en_tidy_article.txt')!r}])\n"
             "except SystemExit:\n    pass\n"
             "sys.stderr.write(repr(sorted(m for m in sys.modules if m in ('cleaner.review', 'cleaner.rules'))))")
    p = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, timeout=120,
                       cwd=str(FIXTURES.parent))
    assert p.returncode == 0, p.stderr
    assert p.stderr.strip().splitlines()[-1] == "[]"


@needs_browser
def test_browser_opening_a_section_draws_its_lines(page, tmp_path):
    """Opening a section (as a click does) draws its lines, and only its lines."""
    out, paths, removed = page
    tree = dom(out, "#open=1", tmp_path)
    sections = tree.xpath('//details[@class="input"]')
    drawn = [d.xpath('.//div[@class="lines"]')[0].get("data-rendered") for d in sections]
    assert drawn == ["0", "1"] + ["0"] * (len(sections) - 2)
    assert int(sections[1].get("data-visible")) > sum(removed[sections[1].get("data-name")].values())

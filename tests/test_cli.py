"""The ``clean-article`` command through click's CliRunner: stdout and stderr asserted apart.

Click 8.2 dropped ``CliRunner(mix_stderr=False)``: ``result.stdout`` and
``result.stderr`` are always kept apart now (``result.output`` interleaves them).
One test at the end runs the installed command in a real subprocess.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import click
import pytest
from conftest import SEEDS, invoke

from cleaner import __version__, clean_text
from cleaner.cli import cli
from cleaner.model import Article

SEED = SEEDS / "000_e11880221c40fa9a.txt"
SEED2 = SEEDS / "002_43609836e1b9b3c0.txt"


def expected(path) -> Article:
    return clean_text(path.read_text(encoding="utf-8"))


# --- formats --------------------------------------------------------------------------------------------


def test_text_output_is_the_body():
    result = invoke(SEED)
    assert result.exit_code == 0
    assert result.stdout == expected(SEED).text + "\n"
    assert result.stderr == ""


def test_text_output_heads_each_of_several_inputs():
    result = invoke("--quiet", SEED, SEED2)
    assert result.exit_code == 0
    assert result.stdout == (f"==> {SEED} <==\n{expected(SEED).text}\n"
                             f"\n==> {SEED2} <==\n{expected(SEED2).text}\n")


def test_json_output_is_one_object_with_every_key():
    result = invoke("--format", "json", SEED)
    assert result.exit_code == 0 and result.stderr == ""
    got = json.loads(result.stdout)
    assert list(got) == list(Article.KEYS)
    assert got["path"] == str(SEED)
    assert got["title"] == "Border defence with Belarus remains top priority: Zelenskyy ahead of Putin-Lukashenko meet"
    assert got["authors"] == ["Digital Desk"]
    assert got["date_published"] == "2022-12-19T15:44:00+05:30"
    assert got["text"] == expected(SEED).text
    assert "removed" not in got


def test_json_output_for_several_inputs_is_a_list_in_input_order():
    got = json.loads(invoke("--quiet", "--format", "json", SEED2, SEED).stdout)
    assert [d["path"] for d in got] == [str(SEED2), str(SEED)]


def test_jsonl_output_is_one_object_per_line_in_input_order():
    result = invoke("--quiet", "--format", "jsonl", SEED, SEED2)
    assert result.exit_code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    objects = [json.loads(line) for line in lines]
    assert [o["path"] for o in objects] == [str(SEED), str(SEED2)]
    assert objects[1]["sources"] == ["commonspace.eu", "BBC"]


def parse_front_matter(stdout: str):
    """(metadata dict, body) from ``---`` front matter; YAML when PyYAML is there, else JSON per value."""
    lines = stdout.split("\n")
    assert lines[0] == "---"
    end = lines.index("---", 1)
    block = "\n".join(lines[1:end])
    try:
        import yaml
    except ImportError:
        meta = {}
        for line in lines[1:end]:
            key, value = line.split(": ", 1)
            meta[key] = json.loads(value)
    else:
        meta = yaml.safe_load(block)
    return meta, "\n".join(lines[end + 1:])


def test_with_metadata_writes_front_matter_then_the_body():
    result = invoke("--with-metadata", SEED)
    assert result.exit_code == 0 and result.stderr == ""
    meta, body = parse_front_matter(result.stdout)
    article = expected(SEED)
    assert meta["title"] == article.title
    assert meta["authors"] == ["Digital Desk"]
    assert meta["date_published"] == "2022-12-19T15:44:00+05:30"
    assert meta["date_modified"] == "2022-12-19T15:44:00+05:30"
    assert meta["image_credits"] == ["AP", "self"]
    assert "text" not in meta and "path" not in meta
    assert body == article.text + "\n"


def test_front_matter_keeps_unknown_values_as_null():
    result = invoke("--with-metadata", "-", input="The council approved the budget on Monday after a long debate.\n")
    meta, body = parse_front_matter(result.stdout)
    assert meta["title"] is None and meta["authors"] == [] and meta["date_published"] is None
    assert body == "The council approved the budget on Monday after a long debate.\n"


# --- --explain ------------------------------------------------------------------------------------------


def test_explain_with_text_lists_every_removed_line_on_stderr():
    result = invoke("--explain", SEED)
    article = expected(SEED)
    assert result.stdout == article.text + "\n"
    # One "PATH:LINE: RULE: REASON" line per removed line, in order (after a line on the encoding).
    lines = [ln for ln in result.stderr.splitlines() if ln.split(f"{SEED}:", 1)[-1][:1].isdigit()]
    assert len(lines) == len(article.removed) > 0
    for line, removed in zip(lines, article.removed):
        assert line.endswith(f"{SEED}:{removed.line}: {removed.rule}: {removed.reason}")


def test_explain_with_json_adds_removed_and_writes_nothing_on_stderr():
    result = invoke("--explain", "--format", "json", SEED2)
    assert result.exit_code == 0 and result.stderr == ""
    got = json.loads(result.stdout)
    source = SEED2.read_text(encoding="utf-8").split("\n")
    assert got["removed"], "the seed has boilerplate"
    for r in got["removed"]:
        assert set(r) == {"line", "rule", "reason", "text"}
        assert r["rule"] and r["reason"]
        assert r["text"] == " ".join(source[r["line"] - 1].split())


# --- standard input ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [[], ["-"]], ids=["no argument", "dash"])
def test_standard_input(args):
    result = invoke("--format", "json", *args, input=SEED.read_text(encoding="utf-8"))
    assert result.exit_code == 0 and result.stderr == ""
    got = json.loads(result.stdout)
    assert got["path"] is None
    assert got["text"] == expected(SEED).text


# --- errors and exit codes ----------------------------------------------------------------------------------


def test_missing_file_is_one_line_on_stderr_and_the_others_still_run(tmp_path):
    missing = tmp_path / "no-such-article.txt"
    result = invoke("--quiet", missing, SEED)
    assert result.exit_code == 1
    err = result.stderr.splitlines()
    assert len(err) == 1 and str(missing) in err[0]
    assert "Traceback" not in result.stderr
    assert expected(SEED).text in result.stdout


def test_missing_single_file_exits_1_with_one_line():
    result = invoke("no-such-article.txt")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [result.stderr.strip()] and "no-such-article.txt" in result.stderr


def test_missing_file_in_jsonl_keeps_the_others(tmp_path):
    result = invoke("--format", "jsonl", SEED, tmp_path / "gone.txt", SEED2)
    assert result.exit_code == 1
    assert [json.loads(x)["path"] for x in result.stdout.splitlines()] == [str(SEED), str(SEED2)]
    assert "gone.txt" in result.stderr


def test_usage_error_exits_2():
    result = invoke("--format", "xml", SEED)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "xml" in result.stderr and "Traceback" not in result.stderr


def test_unknown_option_exits_2():
    result = invoke("--no-such-option", SEED)
    assert result.exit_code == 2 and result.stdout == ""


# --- version and help -------------------------------------------------------------------------------------------


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"clean-article, version {__version__}"


def test_help_has_examples_with_xargs():
    result = invoke("--help")
    assert result.exit_code == 0
    assert "xargs" in result.stdout and "Examples:" in result.stdout


def test_every_option_has_help():
    import cleaner.cli as module
    import cleaner.cli_tools as tools

    commands = [c for m in (module, tools) for c in vars(m).values() if isinstance(c, click.Command)]
    assert cli in commands and all(c in commands for c in (tools.learn_cli, tools.review_cli, tools.rules_cli))
    undocumented = [f"{c.name} {p.name}" for c in commands for p in c.params
                    if isinstance(p, click.Option) and not (p.help and p.help.strip())]
    assert undocumented == []


# --- the installed command, for real ----------------------------------------------------------------------


def installed_command():
    exe = shutil.which("clean-article")
    if exe:
        return [exe]
    probe = subprocess.run([sys.executable, "-m", "cleaner.cli", "--version"], capture_output=True, text=True)
    if probe.returncode == 0:
        return [sys.executable, "-m", "cleaner.cli"]
    return None


def test_installed_command_on_a_seed():
    command = installed_command()
    if command is None:
        pytest.skip("neither clean-article on PATH nor python -m cleaner.cli works here")
    p = subprocess.run(command + ["--format", "json", str(SEED2)], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    got = json.loads(p.stdout)
    assert got["title"] == "Ukraine to increase Belarus border defence after Putin-Lukashenko meeting"
    assert got["sources"] == ["commonspace.eu", "BBC"]
    assert got["image_credits"] == ["EPA"]

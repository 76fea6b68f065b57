"""Parquet output: the documented schema, the same objects as JSONL, parts written whole."""
from __future__ import annotations

import importlib.util
import json

import pytest
import warc_builder as wb
from conftest import run_cli

pa = pytest.importorskip("pyarrow")
if not any(importlib.util.find_spec(m) for m in ("fastwarc", "warcio")):
    pytest.skip("no WARC reader installed (pip install 'article-cleaner[warc]')", allow_module_level=True)

from cleaner import parquet  # noqa: E402


def test_schema_is_explicit_and_documented():
    schema = parquet.schema()
    assert tuple(schema.names) == parquet.COLUMNS
    assert schema.field("related").type == pa.list_(pa.struct([("title", pa.string()), ("summary", pa.string()),
                                                              ("section", pa.string())]))
    assert schema.field("warc_offset").type == pa.int64() and schema.field("authors").type == pa.list_(pa.string())
    for name in parquet.COLUMNS:  # each column has its line in the module's table
        assert f"\n{name} " in parquet.__doc__


def test_rows_hold_what_jsonl_holds(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(wb.archive("record", truncate_tail=True))
    out = tmp_path / "out"
    r = run_cli("-q", "--format", "parquet", "--error-records", "-o", out, path)
    assert r.returncode == 1  # the truncated record failed, and is a row
    assert sorted(p.name for p in out.iterdir()) == ["crawl.parquet"]  # no temporary file left
    rows = parquet.read_rows(str(out / "crawl.parquet"))
    objects = [json.loads(line) for line in run_cli("--format", "jsonl", "--error-records", path).stdout.splitlines()]
    assert len(rows) == len(objects) == 5
    for row, obj in zip(rows, objects):
        assert {k: row[k] for k in obj} == obj
    assert rows[-1]["error"] and rows[0]["error"] is None and rows[0]["word_count"] > 10


def test_the_same_bytes_with_two_jobs_and_plain_files_in_one_part(tmp_path):
    for i in range(3):
        (tmp_path / f"s{i}.txt").write_text(f"Story {i}: the council met again on Monday and approved the plan.\n")
    names = [f"s{i}.txt" for i in range(3)]
    run_cli("-q", "--format", "parquet", "-o", "one", *names, cwd=tmp_path)
    run_cli("-q", "--format", "parquet", "-o", "two", "--jobs", "2", *names, cwd=tmp_path)
    assert [p.name for p in (tmp_path / "one").iterdir()] == ["part-00000.parquet"]
    assert (tmp_path / "one" / "part-00000.parquet").read_bytes() == (tmp_path / "two" / "part-00000.parquet").read_bytes()
    rows = parquet.read_rows(str(tmp_path / "one" / "part-00000.parquet"))
    assert [r["path"] for r in rows] == names and rows[0]["warc_file"] is None


def test_parquet_needs_an_output_dir(tmp_path):
    r = run_cli("--format", "parquet", tmp_path / "x.txt")
    assert r.returncode == 2 and b"--format parquet goes with --output-dir" in r.stderr

"""Parquet output: one part file per input archive or chunk, with an explicit schema.

``clean-article --format parquet --output-dir DIR`` writes the same objects
as ``--format jsonl``, one row each, into ``DIR/NAME.parquet`` (NAME: the
archive's or JSONL file's name; plain files go into ``part-NNNNN.parquet``,
:data:`~cleaner.batch.PART_FILES` a part). Each part is written to a hidden
temporary name and renamed when complete, so a part file that exists is whole
(and a re-run of the Dask entry point skips it).

The schema is fixed (:func:`schema`), never inferred from the rows, so every
part of a dataset has the same columns and types, even a part of one row
whose lists are all empty:

==================  ===========================================================
column              type
==================  ===========================================================
path                string: the input file (the archive for WARC pages)
title               string
text                string: the clean body
authors             list<string>
date_published      string (ISO 8601 date or timestamp)
date_modified       string
sources             list<string>
image_credits       list<string>
related             list<struct<title: string, summary: string, section: string>>
word_count          int64
url                 string
hostname            string
sitename            string
description         string
language            string
categories          list<string>
tags                list<string>
image               string
input_format        string: html or text
encoding            string (null without --explain)
removed             list<struct<line: int64, rule: string, reason: string, text: string>> (--explain)
warnings            list<string> (--explain)
warc_file           string: WARC provenance (null for other inputs)
warc_record_id      string
warc_date           string: the crawl time, never the publication date
warc_offset         int64: the record's offset in the archive (null for whole-file gzip)
truncated           string: the record's WARC-Truncated reason (length, time, ...)
id                  string: the JSONL input's id field
source_line         int64: the line in the JSONL input
error               string: why the document failed (with --error-records), else null
==================  ===========================================================

pyarrow is imported only here (``pip install 'article-cleaner[parquet]'``).
"""
from __future__ import annotations

from typing import Any, Dict, List

#: Rows buffered before a row group is written: bounds memory per part while
#: keeping row groups large enough to read well. A fixed number, so the same
#: rows always give the same file, whatever process wrote them.
ROW_GROUP_ROWS = 1000

COLUMNS = ("path", "title", "text", "authors", "date_published", "date_modified", "sources", "image_credits",
           "related", "word_count", "url", "hostname", "sitename", "description", "language", "categories",
           "tags", "image", "input_format", "encoding", "removed", "warnings", "warc_file", "warc_record_id",
           "warc_date", "warc_offset", "truncated", "id", "source_line", "error")


def schema():
    """The pyarrow schema of every part file (see the module doc)."""
    import pyarrow as pa

    strings = pa.list_(pa.string())
    types = {
        "authors": strings, "sources": strings, "image_credits": strings, "categories": strings, "tags": strings,
        "warnings": strings, "word_count": pa.int64(), "warc_offset": pa.int64(), "source_line": pa.int64(),
        "related": pa.list_(pa.struct([("title", pa.string()), ("summary", pa.string()),
                                       ("section", pa.string())])),
        "removed": pa.list_(pa.struct([("line", pa.int64()), ("rule", pa.string()), ("reason", pa.string()),
                                       ("text", pa.string())])),
    }
    return pa.schema([(name, types.get(name, pa.string())) for name in COLUMNS])


class PartWriter:
    """Rows into one Parquet file, written at ``path`` (the caller renames it when complete)."""

    def __init__(self, path: str):
        import pyarrow.parquet as pq

        self.schema = schema()
        self.writer = pq.ParquetWriter(path, self.schema, compression="zstd")
        self.rows: List[Dict[str, Any]] = []

    def write(self, row: Dict[str, Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= ROW_GROUP_ROWS:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if not self.rows:
            return
        columns = {name: [_cell(row.get(name), name) for row in self.rows] for name in COLUMNS}
        self.writer.write_table(pa.Table.from_pydict(columns, schema=self.schema))
        self.rows = []

    def close(self) -> None:
        self._flush()
        self.writer.close()


def _cell(value: Any, name: str) -> Any:
    if name == "related" and value is not None:
        return [{k: item.get(k) for k in ("title", "summary", "section")} for item in value]
    return value


def read_rows(path: str) -> List[Dict[str, Any]]:
    """The rows of a part file, as dicts (for tests and quick looks)."""
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()


__all__ = ["COLUMNS", "PartWriter", "schema", "read_rows"]

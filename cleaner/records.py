"""JSON Lines documents in: one page per line, as datatrove, Dolma and dataset dumps carry them.

``clean-article --input-format jsonl FILE…`` reads each FILE (gzip is read
too, by content) as one JSON object per line. Each object is a page: its
``url`` and its ``html`` (read as HTML, or as text when it is not markup) or
its ``text`` (read as plain text); an ``id`` is carried to the output. The
field names are :data:`DEFAULT_FIELDS`; ``--field KEY=NAME`` renames one
(``--field html=content``), and a dotted NAME reaches into an object
(``--field url=metadata.url``).

A line that is not a JSON object, or has neither field, is a :class:`BadLine`:
reported, and the next line is read.

>>> list(parse_fields(["html=content", "url=meta.url"]))
[('html', 'content'), ('url', 'meta.url')]
"""
from __future__ import annotations

import gzip
import json
import os
from dataclasses import dataclass
from typing import Any, Dict, Iterable, Iterator, Optional, Tuple, Union

from .warc import Damaged

#: Field names read by default, by role.
DEFAULT_FIELDS = {"url": "url", "html": "html", "text": "text", "id": "id"}


@dataclass
class Record:
    """One document from a JSONL file: its content, how to read it, its URL and provenance."""

    url: Optional[str]
    data: str
    input_format: str
    meta: Dict[str, Any]


#: A line that holds no document; ``message`` says why (the same shape as a damaged WARC record).
BadLine = Damaged


def parse_fields(pairs: Iterable[str]) -> Iterator[Tuple[str, str]]:
    """``KEY=NAME`` pairs checked against the roles (url, html, text, id); ValueError if wrong."""
    for pair in pairs:
        key, sep, name = pair.partition("=")
        if not sep or key not in DEFAULT_FIELDS or not name:
            raise ValueError(f"{pair!r}: expected KEY=NAME with KEY one of {', '.join(DEFAULT_FIELDS)}")
        yield key, name


def _get(obj: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        if not isinstance(obj, dict):
            return None
        obj = obj.get(part)
    return obj


def read_records(path: str, fields: Tuple[Tuple[str, str], ...] = ()) -> Iterator[Union[Record, BadLine]]:
    """The documents of one JSONL file, in order (OSError when the file cannot be opened)."""
    names = dict(DEFAULT_FIELDS, **dict(fields))
    name = os.path.basename(path)
    with open(path, "rb") as raw:
        gz = raw.read(2) == b"\x1f\x8b"
    with (gzip.open(path, "rb") if gz else open(path, "rb")) as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            meta = {"source_line": number}
            try:
                obj = json.loads(line)
            except ValueError as e:
                yield BadLine(f"line {number}: not JSON ({e})", meta)
                continue
            if not isinstance(obj, dict):
                yield BadLine(f"line {number}: not a JSON object", meta)
                continue
            url = _get(obj, names["url"])
            url = url if isinstance(url, str) else None
            ident = _get(obj, names["id"])
            meta = {"id": None if ident is None else str(ident), "source_line": number}
            html, text = _get(obj, names["html"]), _get(obj, names["text"])
            if isinstance(html, str):
                yield Record(url, html, "auto", meta)
            elif isinstance(text, str):
                yield Record(url, text, "text", meta)
            else:
                yield BadLine(f"line {number} ({name}): no {names['html']!r} or {names['text']!r} string", meta, url)

"""Archives (WARC) and JSONL inputs as tasks: one per document, and the part file they go to.

Split from :mod:`cleaner.batch` so that a run on plain files neither compiles
nor imports this: :func:`cleaner.batch.tasks` hands an input over to it only
when the input is an archive or a JSONL file, or for Parquet part names.
"""
from __future__ import annotations

import os
from typing import Dict, Iterator

import regex

from .batch import Options, Task, shown, task_name
from .patterns import lazy_pattern

#: Extensions of archive and JSONL input names replaced by the part file's own.
_PART_EXT = lazy_pattern(r"(?:\.(?:warc|arc|jsonl|json|ndjson))?(?:\.gz)?$", regex.I)

#: The provenance keys of a WARC page, in output order.
WARC_KEYS = ("warc_file", "warc_record_id", "warc_date", "warc_offset", "truncated")
#: The provenance keys of a JSONL document.
JSONL_KEYS = ("id", "source_line")


def part_stem(path: str) -> str:
    """The part file's name (without extension) for an archive or JSONL input.

    >>> part_stem("crawl/CC-MAIN-1.warc.gz"), part_stem("shard-3.jsonl.gz")
    ('CC-MAIN-1', 'shard-3')
    """
    base = os.path.basename(os.path.normpath(path))
    return _PART_EXT.sub("", base, count=1) or base


def _unique_stem(stem: str, source: str, stems: Dict[str, str]) -> str:
    """``stem``, or ``stem~HASH`` when another input of the call took it (as :func:`~cleaner.outdir.alternative_name`)."""
    from .outdir import source_digest

    owner = stems.get(stem)
    if owner is None or owner == source:
        stems[stem] = source
        return stem
    alt = f"{stem}~{source_digest(source)}"
    stems[alt] = source
    return alt


def document_tasks(kind: str, name: str, options: Options, part: str) -> Iterator[Task]:
    """The tasks of one archive (``kind`` ``warc``) or JSONL input (``jsonl``), then its end marker."""
    return (_warc_tasks if kind == "warc" else _jsonl_tasks)(name, options, part)


def _warc_tasks(name: str, options: Options, part: str) -> Iterator[Task]:
    from .warc import Page, WarcError, WarcReader

    try:
        reader = WarcReader(name, options.max_bytes)
    except WarcError as e:
        yield Task(name, error=f"{shown(name)}: {e}", part=part)
        yield Task(name, end=True, part=part)
        return
    pages = failed = 0
    try:
        for item in reader:
            meta = {k: item.meta.get(k) for k in WARC_KEYS}
            if isinstance(item, Page):
                pages += 1
                yield Task(name, item.data, url=item.url, charset=item.charset, meta=meta, doc_format="auto",
                           part=part)
            else:
                failed += 1
                task = Task(name, url=item.url, meta=meta, part=part)
                task.error = f"{task_name(task)}: {item.message}"
                yield task
    except OSError as e:
        failed += 1
        yield Task(name, error=f"{shown(name)}: cannot read: {e.strerror or e}", part=part)
    skipped = ", ".join(f"{n} {why}" for why, n in sorted(reader.skipped.items()))
    yield Task(name, end=True, part=part,
               note=f"{shown(name)}: {pages} pages, {failed} damaged; skipped: {skipped or 'none'}")


def _jsonl_tasks(name: str, options: Options, part: str) -> Iterator[Task]:
    from .records import Record, read_records

    try:
        for item in read_records(name, options.fields):
            meta = {k: item.meta.get(k) for k in JSONL_KEYS}
            if isinstance(item, Record):
                yield Task(name, item.data, url=item.url, meta=meta, doc_format=item.input_format, part=part)
            else:
                task = Task(name, url=item.url, meta=meta, part=part)
                task.error = f"{shown(name)}: {item.message}"
                yield task
    except (OSError, EOFError) as e:
        yield Task(name, error=f"{shown(name)}: cannot read: {getattr(e, 'strerror', None) or e}", part=part)
    yield Task(name, end=True, part=part)

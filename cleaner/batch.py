"""Running many inputs: order, input lists, standard output; the rest on demand.

The command's batch machinery, usable from Python too:

- :func:`names_from` reads ``--files-from`` lists (one name a line, or
  NUL-separated with ``-0``), streaming, so a list of a million names starts
  at once and never sits in memory.
- :func:`clean_task` cleans one input and renders its output in the process
  that cleaned it; :func:`ordered_map` runs it over the inputs in ``jobs``
  worker processes and yields the results in input order. Since the bytes
  written come from the same rendering whatever the process, ``--jobs N``
  writes exactly what ``--jobs 1`` writes. At most :data:`WINDOW_PER_JOB`
  chunks per job are in flight, so memory does not grow with the batch.
- :class:`StdoutSink` writes the outputs to standard output (flushed per
  input); :class:`~cleaner.outdir.DirSink` writes one file per input under
  ``--output-dir``, each atomically.

Only the parent process writes, so output names are decided in one place:
collisions between inputs of one call are handled the same with any
``--jobs``.

What one file cleaned to standard output never runs lives in modules of its
own, imported when needed, so that it costs that call nothing to compile or
import (issue 14: start-up): the process pool (:mod:`cleaner.workers`),
output files (:mod:`cleaner.outdir`), archive and JSONL inputs
(:mod:`cleaner.archives`) and ``learn``'s task (:mod:`cleaner.learning`).
The output-file names still imported from here answer here (:func:`__getattr__`).

>>> import io
>>> list(names_from(io.BytesIO(b"a.txt\\0dir/b c.txt\\0"), null=True))
['a.txt', 'dir/b c.txt']
"""
from __future__ import annotations

import json
import os
import stat
import sys
import time
from contextlib import contextmanager
from itertools import chain, islice
from typing import Any, BinaryIO, Callable, Dict, Iterable, Iterator, List, NamedTuple, Optional, Tuple

from .ingest import DEFAULT_MAX_BYTES, InputError, _Record
from .inputs import Failure, read_input
from .model import Article
from .patterns import lazy_pattern

#: Inputs handed to a worker process at a time: passing them between
#: processes costs about 4% of the cleaning time in chunks of 4 and 2% in
#: chunks of 16 (measured on the zyte-dev texts). A batch of known size is cut
#: finer, so that every worker gets several chunks.
CHUNK_SIZE = 16
#: Chunks in flight per job: keeps every worker fed while bounding memory.
WINDOW_PER_JOB = 4
#: The extension of an output file, by format.
OUTPUT_EXT = {"text": ".txt", "json": ".json", "jsonl": ".jsonl", "parquet": ".parquet"}
#: Plain inputs (not archives) per Parquet part file, ``part-NNNNN.parquet``.
PART_FILES = 10_000
#: Control characters, escaped in names as printed; compiled on first use
#: (:func:`~cleaner.patterns.lazy_pattern`): printable names never need it.
_CONTROL = lazy_pattern(r"[\x00-\x1f\x7f]")


class Options(NamedTuple):
    """What to do with each input: the command's options that reach the workers.

    Immutable, compared and hashed by value, and pickled to the workers; a
    copy with changes is ``options._replace(url=...)``. A named tuple, not a
    frozen dataclass: that would generate and compile six methods at every
    import (issue 14: start-up).

    >>> Options(fmt="json")._replace(url="https://example.org/") == Options("json", url="https://example.org/")
    True
    """

    fmt: str = "text"
    with_metadata: bool = False
    input_format: str = "auto"
    url: Optional[str] = None
    explain: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    site: Optional[str] = None
    profile: Optional[str] = None
    #: Count removed lines per rule (``--stats``), in the process that cleaned the input.
    stats: bool = False
    #: A failed input becomes a record with an ``error`` field in the output (JSONL, Parquet).
    error_records: bool = False
    #: Seconds a document may take on any thread (:class:`cleaner.cleaner.Cleaner`); None: the passes' own.
    budget: Optional[float] = None
    #: ``--field KEY=NAME`` pairs for JSONL input (:mod:`cleaner.records`).
    fields: Tuple[Tuple[str, str], ...] = ()
    #: ``--rules`` files as data (:class:`cleaner.rulefile.RuleSource`: name and text), so a worker needs no file.
    rules: tuple = ()

    def document_format(self) -> str:
        """How a document is read: the input format, or ``auto`` for archives (warc, jsonl) of pages."""
        return self.input_format if self.input_format in ("auto", "text", "html") else "auto"

    def cleaner(self):
        """The :class:`~cleaner.cleaner.Cleaner` these options describe."""
        from .cleaner import Cleaner

        return Cleaner(input_format=self.document_format(), max_bytes=self.max_bytes, profile=self.profile,
                       site=self.site, budget=self.budget, rules=self.rules)


class Task(_Record):
    """One input: its name as given and, for standard input, its bytes (read by the parent).

    A document from an archive or a JSONL file carries its bytes or text,
    its URL, a charset hint, how to read it (``doc_format``) and its
    provenance (``meta``); ``part`` names the part file it goes to under
    ``--output-dir``. ``end`` marks the end of a part (no document): the
    part file is complete; ``note`` is then what the reader skipped.

    >>> Task("a.txt") == Task("a.txt", None), Task("a.txt", end=True)
    (True, Task(path='a.txt', data=None, error=None, url=None, charset=None, meta=None, doc_format=None, part=None, end=True, note=None))
    """

    __slots__ = ("path", "data", "error", "url", "charset", "meta", "doc_format", "part", "end", "note")

    def __init__(self, path: str, data: Any = None, error: Optional[str] = None, url: Optional[str] = None,
                 charset: Optional[str] = None, meta: Optional[Dict[str, Any]] = None,
                 doc_format: Optional[str] = None, part: Optional[str] = None, end: bool = False,
                 note: Optional[str] = None):
        self.path, self.data, self.error, self.url, self.charset = path, data, error, url, charset
        self.meta, self.doc_format, self.part, self.end, self.note = meta, doc_format, part, end, note


class Outcome(_Record):
    """What cleaning one input gave: the rendered output, or the error that stopped it.

    ``stats``: with ``--stats``, the input format and removed lines per rule id (see :func:`removed_counts`).
    """

    __slots__ = ("path", "record", "error", "warnings", "explain", "stats", "part", "end")

    def __init__(self, path: str, record: Any = None, error: Optional[str] = None,
                 warnings: Optional[List[str]] = None, explain: Optional[List[str]] = None,
                 stats: Optional[Dict[str, Any]] = None, part: Optional[str] = None, end: bool = False):
        self.path, self.record, self.error = path, record, error
        self.warnings = [] if warnings is None else warnings
        self.explain = [] if explain is None else explain
        self.stats, self.part, self.end = stats, part, end


# -- input lists --------------------------------------------------------------
def names_from(stream: BinaryIO, null: bool = False) -> Iterator[str]:
    """Names from a list: one a line, or NUL-separated with ``null``; empty entries skipped.

    Names are bytes decoded as the file system does (``os.fsdecode``), so any
    file name goes through. A name ``-`` in a list is the file of that name,
    not standard input.

    >>> import io
    >>> list(names_from(io.BytesIO(b"a.txt\\n\\n-\\n")))
    ['a.txt', './-']
    """
    sep = b"\0" if null else b"\n"
    read = getattr(stream, "read1", stream.read)  # read1: what the pipe has now, without waiting for more
    rest = b""
    while True:
        block = read(65536)
        if not block:
            break
        parts = (rest + block).split(sep)
        rest = parts.pop()
        for part in parts:
            name = _list_name(part)
            if name:
                yield name
    name = _list_name(rest)
    if name:
        yield name


def _list_name(raw: bytes) -> str:
    name = os.fsdecode(raw)
    return "./-" if name == "-" else name


def shown(path: str) -> str:
    """A name as printed: ``<stdin>`` for ``-``; undecodable bytes as U+FFFD, control characters escaped.

    >>> shown("-"), shown("a\\nb.txt")
    ('<stdin>', 'a\\\\nb.txt')
    """
    if path == "-":
        return "<stdin>"
    if path.isascii() and path.isprintable():
        return path  # no control character, nothing undecodable: as it is
    text = path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return _CONTROL.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


# -- cleaning one input, in whichever process ----------------------------------
class _State:
    options: Options = Options()
    cleaner = None  # cleaner.cleaner.Cleaner, built once per process
    key = None  # the options (and profile file) it was built for


def setup(options: Options) -> None:
    """Prepare this process to clean with ``options`` (builds the Cleaner, loads the profile once).

    A process already set up with equal options keeps what it built (a Dask
    worker runs many tasks with the same options).
    """
    key = (options, _file_state(options.profile))
    if _State.cleaner is not None and _State.key == key:
        return
    _State.options, _State.key = options, key
    _State.cleaner = options.cleaner()
    _State.cleaner.load_profile()  # once per process, before the first task
    _State.cleaner.rule_set()  # the rule files too (parsed from the data the options carry)


def _file_state(path: Optional[str]) -> Optional[tuple]:
    """What tells a changed profile file from the one loaded (a batch may learn it again in between)."""
    if not path:
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size, info.st_ino)


def read_task(task: Task, max_bytes: int) -> bytes:
    data = task.data if task.data is not None else read_input(task.path, max_bytes)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > max_bytes:
        raise Failure(f"{shown(task.path)}: input is over the limit of {max_bytes:,} bytes (--max-bytes)")
    return data


def _take_bytes(task: Task, max_bytes: int) -> bytes:
    """:func:`read_task`, with the task's own reference to data it carries dropped."""
    data = read_task(task, max_bytes)
    task.data = None
    return data


def clean_article(task: Task, options: Options, after: tuple = ()) -> Article:
    """Clean one input with the process's :class:`~cleaner.cleaner.Cleaner` (built once, by :func:`setup`).

    The Cleaner applies the site profile; a document's own URL (from its
    archive or JSONL line) comes before ``--url``. ``after``: steps to run
    after the passes (see :meth:`cleaner.cleaner.Cleaner.clean`).
    """
    cleaner = _State.cleaner if _State.cleaner is not None and _State.options == options else options.cleaner()
    try:
        # The bytes are handed to the Cleaner without a name here, and the task lets go
        # of its own (a task is cleaned once): the Cleaner drops them once decoded, so a
        # long input is not held in memory beside its lines while the passes run.
        article = cleaner.clean(_take_bytes(task, options.max_bytes), url=task.url or options.url,
                                charset=task.charset, path=task.path, input_format=task.doc_format, after=after,
                                explain=options.explain)
    except InputError as e:
        raise Failure(f"{task_name(task)}: {e}") from None
    article.path = None if task.path == "-" else shown(task.path)
    if not article.text.strip():
        article.warnings.append("empty body: nothing left after cleaning")
    return article


def task_name(task: Task) -> str:
    """How messages name a task: the input, and for a document inside it where it is.

    >>> task_name(Task("a.warc.gz", url="https://example.org/", meta={"warc_offset": 512}))
    'a.warc.gz: record at offset 512 (https://example.org/)'
    """
    name = shown(task.path)
    meta = task.meta or {}
    if meta.get("warc_offset") is not None:
        name += f": record at offset {meta['warc_offset']}"
    elif meta.get("warc_record_id"):
        name += f": record {meta['warc_record_id']}"
    elif meta.get("source_line") is not None:
        name += f": line {meta['source_line']}"
    if task.url:
        name += f" ({shown(task.url)})"
    return name


def clean_task(task: Task) -> Outcome:
    """Clean one input with this process's options; every failure becomes an :class:`Outcome` error.

    With ``error_records`` the error is also a record for the output (an
    indexer reading it sees the document failed, and why).
    """
    options = _State.options
    if task.end:
        return Outcome(task.path, part=task.part, end=True, warnings=[task.note] if task.note else [])
    error = task.error
    if error is None:
        try:
            article = clean_article(task, options)
        except Failure as e:
            error = str(e)
        except Exception as e:  # noqa: BLE001 - one bad input must not stop the batch
            error = f"{task_name(task)}: internal error: {type(e).__name__}: {e}"
    if error is not None:
        record = error_record(task, error, options) if options.error_records else None
        return Outcome(task.path, record=record, error=error, part=task.part)
    name = task_name(task)
    return Outcome(task.path, record=render_record(article, options, task.meta),
                   warnings=[f"{name}: {w}" for w in article.warnings],
                   explain=explain_lines(article) if options.explain and options.fmt == "text" else [],
                   part=task.part, stats=removed_counts(article) if options.stats else None)


def error_record(task: Task, error: str, options: Options) -> Any:
    """The output record of a failed input: its name, URL, provenance and the ``error``."""
    d: Dict[str, Any] = {"path": None if task.path == "-" else shown(task.path), "url": task.url or options.url}
    d.update(task.meta or {})
    d["error"] = error
    if options.fmt == "text":
        return f"error: {error}\n"
    return _serialised(d, options)


# -- rendering -------------------------------------------------------------------
def front_matter(article: Article) -> str:
    """YAML front matter: each value written as JSON, which YAML reads as is."""
    d = article.to_dict()
    lines = ["---"]
    for key in Article.KEYS:
        if key in ("text", "path"):
            continue
        value = d[key]
        if value in (None, [], "") and key not in ("title", "authors", "date_published"):
            continue
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def explain_lines(article: Article) -> List[str]:
    """``NAME:LINE: RULE: REASON`` for every removed line, after a line on the encoding."""
    name = article.path or "<stdin>"
    out = [f"{name}: encoding {article.encoding}, input {article.input_format}"] if article.encoding else []
    out += [f"{name}:{r.line}: {r.rule}: {r.reason}" for r in article.removed]
    return out


def removed_counts(article: Article) -> Dict[str, Any]:
    """The input's format and its removed lines per rule id, for ``--stats`` (summed by the parent)."""
    counts: Dict[str, int] = {}
    for r in article.removed:
        counts[r.rule] = counts.get(r.rule, 0) + 1
    return {"input_format": article.input_format, "removed": counts}


def render_record(article: Article, options: Options, meta: Optional[Dict[str, Any]] = None) -> Any:
    """One input's output, without framing: the body (text), the JSON object (json, jsonl), a row (parquet).

    json is indented by two spaces; jsonl is one line. ``meta``: provenance
    keys (WARC, JSONL input) added after the article's own.
    """
    if options.fmt == "text":
        head = front_matter(article) if options.with_metadata else ""
        return head + article.text + ("\n" if article.text else "")
    d = article.to_dict(options.explain)
    if meta:
        d.update(meta)
    return _serialised(d, options)


def _serialised(d: Dict[str, Any], options: Options) -> Any:
    """A record's dict as the format writes it: the dict itself (parquet), indented JSON (json), one line (jsonl)."""
    if options.fmt == "parquet":
        return d
    return json.dumps(d, ensure_ascii=False, indent=2 if options.fmt == "json" else None)


# -- running in parallel ---------------------------------------------------------
def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def ordered_map(func: Callable, items: Iterable, jobs: int, options: Options,
                crashed: Callable[[object, str], object], chunk_size: int = CHUNK_SIZE) -> Iterator:
    """``func(item)`` for each item, in order, in ``jobs`` worker processes (in this one for 1).

    ``func`` and the items must pickle (a module-level function, :class:`Task`).
    Each worker runs :func:`setup` with ``options`` first. Items go to the
    workers in chunks of ``chunk_size``, at most :data:`WINDOW_PER_JOB`
    chunks per job ahead of the one being yielded. A worker that dies
    (killed, out of memory) fails only the input it held: the chunk it was on
    is run again one input at a time in a new pool, and the input that kills
    that one is given to ``crashed(item, message)``.
    """
    if jobs <= 1:
        setup(options)
        for item in items:
            yield func(item)
        return
    from .workers import parallel_map  # a one-file run does not pay for the process pool

    yield from parallel_map(func, items, jobs, options, crashed, chunk_size)


def crashed_outcome(task: Task, message: str, options: Optional[Options] = None) -> Outcome:
    """The outcome of an input whose worker died (``options``: the batch's, for ``error_records``)."""
    options = options or _State.options
    error = f"{task_name(task)}: {message}"
    record = error_record(task, error, options) if options.error_records else None
    return Outcome(task.path, record=record, error=error, part=task.part)


# -- writing ------------------------------------------------------------------------
class StdoutSink:
    """Outputs to standard output, in input order, flushed after each input.

    text: the body; with several inputs each is headed by ``==> NAME <==`` and
    separated from the one before by a blank line (as ``head(1)`` does).
    json: the object; with several inputs a JSON list, streamed object by
    object (the same bytes as ``json.dumps(list, indent=2)``). jsonl: one
    object per line. Written as UTF-8 whatever the locale.
    """

    def __init__(self, fmt: str, several: bool, stream: Optional[BinaryIO] = None):
        self.fmt, self.several = fmt, several
        self.stream = stream if stream is not None else sys.stdout.buffer
        self.written = 0

    def write(self, outcome: Outcome) -> List[str]:
        if outcome.end:  # the end of an archive's documents: nothing to write here
            return []
        record = outcome.record
        # Written as (before, record, after): the record, the size of the input for a
        # long text, is encoded once and not first copied into a larger string.
        before, after = "", ""
        if self.fmt == "jsonl":
            after = "\n"
        elif self.fmt == "json":
            if not self.several:
                after = "\n"
            else:
                before = "[\n" if not self.written else ",\n"
                record = "\n".join("  " + line for line in record.split("\n"))
        else:
            header = f"==> {shown(outcome.path)} <==\n" if self.several else ""
            before = ("\n" if self.written and self.several else "") + header
        for part in (before, record, after):
            if part:
                self.stream.write(part.encode("utf-8"))
        self.stream.flush()
        self.written += 1
        return []

    def close(self) -> None:
        if self.fmt == "json" and self.several and self.written:
            self.stream.write(b"\n]\n")
            self.stream.flush()


class Stopped(BaseException):
    """A stop signal (SIGINT, SIGTERM, SIGHUP) arrived; ``signum`` says which."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


class _Held:
    depth = 0
    pending: Optional[int] = None


def on_stop_signal(signum, frame) -> None:
    """Signal handler for the command: raise :class:`Stopped`, or after the write in progress."""
    if _Held.depth:
        _Held.pending = signum
        return
    raise Stopped(signum)


@contextmanager
def _signals_held():
    """Hold stop signals (with :func:`on_stop_signal` installed) for the few steps of a write.

    The ``finally`` in :func:`_atomic_write` removes the temporary file on any
    error, but a signal arriving inside ``mkstemp``, after it created the file
    and before it returned the name, would leave the file behind.
    """
    _Held.depth += 1
    try:
        yield
    finally:
        _Held.depth -= 1
        if not _Held.depth and _Held.pending is not None:
            signum, _Held.pending = _Held.pending, None
            raise Stopped(signum)


# -- a whole batch ---------------------------------------------------------------------
class Summary(_Record):
    """How a batch went: inputs seen, inputs failed, seconds."""

    __slots__ = ("files", "failed", "seconds")

    def __init__(self, files: int = 0, failed: int = 0, seconds: float = 0.0):
        self.files, self.failed, self.seconds = files, failed, seconds

    def line(self) -> str:
        """
        >>> Summary(12, 1, 0.5).line()
        '12 files, 1 failed, 0.50 s'
        """
        return f"{self.files} files, {self.failed} failed, {self.seconds:.2f} s"


def peek_several(names: Iterator[str]) -> Tuple[bool, Iterator[str]]:
    """Whether ``names`` holds more than one name, and the names again (nothing consumed).

    >>> several, names = peek_several(iter(["a", "b"]))
    >>> several, list(names)
    (True, ['a', 'b'])
    """
    head = list(islice(names, 2))
    return len(head) > 1, chain(head, names)


def input_kind(name: str, input_format: str) -> str:
    """``warc``, ``jsonl`` or ``file``: how an input is read (a WARC is recognised by content)."""
    if input_format in ("warc", "jsonl"):
        return input_format
    if input_format == "auto" and name != "-" and _may_be_warc(name):
        from .warc import sniff

        if sniff(name):
            return "warc"
    return "file"


def _may_be_warc(name: str) -> bool:
    """False when the file's first bytes are neither gzip's nor ``WARC/``: the WARC
    reader (:func:`cleaner.warc.sniff`, which decides) then need not be imported.
    Anything unsure (a pipe, an unreadable file) is left to it."""
    try:
        if not stat.S_ISREG(os.stat(name).st_mode):
            return True
        with open(name, "rb") as f:
            head = f.read(5)
    except OSError:
        return True
    return head[:2] == b"\x1f\x8b" or head == b"WARC/"


def tasks(names: Iterable[str], max_bytes: int, options: Optional[Options] = None,
          skip_part: Optional[Callable[[str], bool]] = None, parts: Optional[Dict[str, str]] = None
          ) -> Iterator[Task]:
    """A :class:`Task` per input, or per document of an archive or JSONL input.

    Standard input is read here, in the parent, in its turn; so are
    archives and JSONL files (reading is a few percent of the cleaning time),
    so that their documents spread over the workers. Each archive or JSONL
    input is one part (its documents, then an end marker); with parquet
    output plain inputs are grouped :data:`PART_FILES` to a part.
    ``skip_part(stem)`` true: the part is complete already, its input is
    not read (resume). ``parts`` gives inputs their part's name (a Dask
    task gets the name its input got in the whole list).
    """
    options = options or Options(max_bytes=max_bytes)
    stems: Dict[str, str] = {}
    plain, part = 0, None
    for name in names:
        kind = input_kind(name, options.input_format)
        if kind != "file":
            from .archives import _unique_stem, document_tasks, part_stem

            stem = (parts or {}).get(name) or _unique_stem(part_stem(name), name, stems)
            if skip_part is not None and skip_part(stem):
                continue
            yield from document_tasks(kind, name, options, stem)
            continue
        if options.fmt == "parquet" and plain % PART_FILES == 0:
            from .archives import _unique_stem

            part = _unique_stem(f"part-{plain // PART_FILES:05d}", "", stems)
        if name != "-":
            yield Task(name, part=part)
        else:
            try:
                yield Task(name, read_input("-", max_bytes), part=part)
            except Failure as e:
                yield Task(name, error=str(e), part=part)
        plain += 1
        if part is not None and plain % PART_FILES == 0:
            yield Task(name, end=True, part=part)
    if part is not None and plain % PART_FILES:
        yield Task("", end=True, part=part)


def run(names: Iterable[str], options: Options, sink, jobs: int = 1,
        report: Callable[[str], None] = lambda message: None, quiet: bool = False,
        progress: Optional[Callable[[Iterator], Iterator]] = None, func: Callable = clean_task,
        count: Optional[int] = None, skip_part: Optional[Callable[[str], bool]] = None,
        parts: Optional[Dict[str, str]] = None) -> Summary:
    """Clean every input named, write each output to ``sink`` in order; report on ``report``.

    ``report`` gets each message for stderr (errors; warnings unless
    ``quiet``; ``--explain`` lines; what each archive held). ``skip_part``:
    ``parts``: see :func:`tasks`. ``progress`` wraps the stream of outcomes
    (a progress bar). ``func`` is :func:`clean_task`, or :func:`~cleaner.learning.learn_task`
    for ``learn``. ``count``, when known, is the number of inputs. Returns
    the :class:`Summary`.
    """
    start = time.monotonic()
    summary = Summary()
    chunk = CHUNK_SIZE if count is None else max(1, min(CHUNK_SIZE, count // (jobs * WINDOW_PER_JOB)))
    outcomes = ordered_map(func, tasks(names, options.max_bytes, options, skip_part, parts), jobs, options,
                           lambda task, message: crashed_outcome(task, message, options), chunk)
    stream = progress(outcomes) if progress else outcomes
    try:
        for outcome in stream:
            if outcome.end:
                try:
                    sink.write(outcome)
                except Failure as e:
                    summary.failed += 1
                    report(str(e))
                if not quiet:
                    for w in outcome.warnings:
                        report(w)
                continue
            summary.files += 1
            if outcome.error is None or outcome.record is not None:
                try:
                    outcome.warnings += sink.write(outcome)
                except Failure as e:
                    outcome.error = str(e)
            if outcome.error is not None:
                summary.failed += 1
                report(outcome.error)
                continue
            if not quiet:
                for w in outcome.warnings:
                    report(f"warning: {w}")
            for line in outcome.explain:
                report(line)
        sink.close()
    finally:
        outcomes.close()
    summary.seconds = time.monotonic() - start
    return summary

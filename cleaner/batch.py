"""Running many inputs: order, parallel jobs, output files, input lists.

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
  input); :class:`DirSink` writes one file per input under ``--output-dir``,
  each atomically.

Only the parent process writes, so output names are decided in one place:
collisions between inputs of one call are handled the same with any
``--jobs``.

>>> import io
>>> list(names_from(io.BytesIO(b"a.txt\\0dir/b c.txt\\0"), null=True))
['a.txt', 'dir/b c.txt']
>>> output_name("pages/2023/index.html.gz", "text"), output_name("-", "jsonl")
('index.txt', 'stdin.jsonl')
"""
from __future__ import annotations

import json
import os
import signal
import stat
import sys
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Any, BinaryIO, Callable, Deque, Dict, Iterable, Iterator, List, Optional, Tuple

import regex

from .ingest import DEFAULT_MAX_BYTES, InputError
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
#: Extensions of input names replaced by the output's own (``.gz`` first). This
#: module's patterns compile on first use (:func:`~cleaner.patterns.lazy_pattern`):
#: a file cleaned to standard output reads none of them.
_INPUT_EXT = lazy_pattern(r"(?:\.(?:html?|xhtml|txt|text))?(?:\.gz)?$", regex.I)
#: The extension of an output file, by format.
OUTPUT_EXT = {"text": ".txt", "json": ".json", "jsonl": ".jsonl", "parquet": ".parquet"}
#: Extensions of archive and JSONL input names replaced by the part file's own.
_PART_EXT = lazy_pattern(r"(?:\.(?:warc|arc|jsonl|json|ndjson))?(?:\.gz)?$", regex.I)
#: Plain inputs (not archives) per Parquet part file, ``part-NNNNN.parquet``.
PART_FILES = 10_000
#: The provenance keys of a WARC page, in output order.
WARC_KEYS = ("warc_file", "warc_record_id", "warc_date", "warc_offset", "truncated")
#: The provenance keys of a JSONL document.
JSONL_KEYS = ("id", "source_line")
_CONTROL = lazy_pattern(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Options:
    """What to do with each input: the command's options that reach the workers."""

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


@dataclass
class Task:
    """One input: its name as given and, for standard input, its bytes (read by the parent).

    A document from an archive or a JSONL file carries its bytes or text,
    its URL, a charset hint, how to read it (``doc_format``) and its
    provenance (``meta``); ``part`` names the part file it goes to under
    ``--output-dir``. ``end`` marks the end of a part (no document): the
    part file is complete; ``note`` is then what the reader skipped.
    """

    path: str
    data: Any = None
    error: Optional[str] = None
    url: Optional[str] = None
    charset: Optional[str] = None
    meta: Optional[Dict[str, Any]] = None
    doc_format: Optional[str] = None
    part: Optional[str] = None
    end: bool = False
    note: Optional[str] = None


@dataclass
class Outcome:
    """What cleaning one input gave: the rendered output, or the error that stopped it."""

    path: str
    record: Any = None
    error: Optional[str] = None
    warnings: List[str] = field(default_factory=list)
    explain: List[str] = field(default_factory=list)
    #: With ``--stats``: the input format and removed lines per rule id (see :func:`removed_counts`).
    stats: Optional[Dict[str, Any]] = None
    part: Optional[str] = None
    end: bool = False


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


def warm_up(options: Options) -> None:
    """Clean a few lines once, so the lexicon's patterns are compiled (they compile on first use)."""
    from . import clean_text

    setup(options)
    clean_text("Advertisement\nA headline\n\nBy A Writer\nPublished 1 May 2024\n\nA sentence of body text.")


def _worker_setup(options: Options) -> None:
    # Ctrl-C reaches the whole process group: the parent stops the workers,
    # which must not print tracebacks of their own. SIGTERM kills them outright.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    setup(options)


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


def page_site(task: Task, data: bytes, options: Options) -> Optional[str]:
    """The site the input belongs to (see :func:`cleaner.profile.site_key`)."""
    from .ingest import decode
    from .profile import site_key

    html = None
    if not options.site and not options.url and options.input_format != "text":
        try:
            decoded = decode(data, options.input_format, options.max_bytes)
        except InputError as e:
            raise Failure(f"{shown(task.path)}: {e}") from None
        html = decoded.text if decoded.is_html else None
    return site_key(task.path, options.site, options.url, html)


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


def learn_task(task: Task) -> Outcome:
    """Read one input for ``learn``: its :class:`~cleaner.profile.Sample` is the outcome's record.

    The page goes through the same passes as when cleaning, up to where the
    site step runs, so the lines learned are the lines the step will see.
    """
    from . import clean
    from .profile import Recorder, with_step

    options = _State.options
    if task.error is not None:
        return Outcome(task.path, error=task.error)
    if task.end:
        return Outcome(task.path, part=task.part, end=True, warnings=[task.note] if task.note else [])
    recorder = Recorder(keep_text=options.explain)
    try:
        data = read_task(task, options.max_bytes)
        if task.charset:
            from .cleaner import _transcode

            data = _transcode(data, task.charset)[0]
        url = task.url or options.url
        site = page_site(task, data, replace(options, url=url))
        fmt = task.doc_format or options.document_format()
        clean(data, input_format=fmt, url=url, max_bytes=options.max_bytes, passes=with_step(recorder))
    except InputError as e:
        return Outcome(task.path, error=f"{task_name(task)}: {e}")
    except Failure as e:
        return Outcome(task.path, error=str(e))
    except Exception as e:  # noqa: BLE001 - one bad input must not stop the batch
        return Outcome(task.path, error=f"{task_name(task)}: internal error: {type(e).__name__}: {e}")
    return Outcome(task.path, record=recorder.sample(site, task.path))


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
def _run_chunk(func: Callable, items: list) -> list:
    return [func(item) for item in items]


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def ordered_map(func: Callable, items: Iterable, jobs: int, options: Options,
                crashed: Callable[[object, str], object], chunk_size: int = CHUNK_SIZE) -> Iterator:
    """``func(item)`` for each item, in order, in ``jobs`` worker processes (in this one for 1).

    ``func`` and the items must pickle (a module-level function, dataclasses).
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
    # Imported here: a one-file run should not pay for multiprocessing at start-up.
    from concurrent.futures.process import BrokenProcessPool

    workers = _Workers(func, jobs, options)
    pending: Deque = deque()
    chunks = _chunks(items, chunk_size)
    try:
        while True:
            while len(pending) < jobs * WINDOW_PER_JOB:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                pending.append((chunk, workers.submit(chunk)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                workers.restart()
                results = [workers.run_alone(item, crashed) for item in chunk]
                pending = deque((c, workers.submit(c)) for c, _ in pending)
            yield from results
    finally:
        workers.stop()


class _Workers:
    """A process pool that can be restarted after a worker died, and stopped at once."""

    def __init__(self, func: Callable, jobs: int, options: Options):
        self.func, self.jobs, self.options = func, jobs, options
        self.pool = None  # a concurrent.futures.ProcessPoolExecutor while running

    def submit(self, chunk: list):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        if self.pool is None:
            if multiprocessing.get_start_method() == "fork":
                warm_up(self.options)  # forked workers inherit the compiled patterns
            self.pool = ProcessPoolExecutor(self.jobs, initializer=_worker_setup, initargs=(self.options,))
        return self.pool.submit(_run_chunk, self.func, chunk)

    def run_alone(self, item, crashed: Callable[[object, str], object]):
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self.submit([item]).result()[0]
        except BrokenProcessPool:
            self.restart()
            return crashed(item, "worker process died (killed, or out of memory)")

    def restart(self) -> None:
        self.stop()

    def stop(self) -> None:
        """Stop the workers now: work in flight is not wanted any more (done, or interrupted)."""
        pool, self.pool = self.pool, None
        if pool is None:
            return
        procs = list((getattr(pool, "_processes", None) or {}).values())  # no public way to end them now
        pool.shutdown(wait=False, cancel_futures=True)
        for proc in procs:
            if proc.is_alive():
                proc.terminate()
        for proc in procs:
            proc.join(timeout=5)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while True:
        chunk = list(islice(it, size))
        if not chunk:
            return
        yield chunk


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


def output_name(path: str, fmt: str) -> str:
    """The file name an input's output gets: its name with the format's extension.

    >>> output_name("a/story.HTML", "json"), output_name("notes", "text"), output_name(".txt", "text")
    ('story.json', 'notes.txt', '.txt.txt')
    """
    base = "stdin" if path == "-" else os.path.basename(os.path.normpath(path))
    stem = _INPUT_EXT.sub("", base, count=1)
    return (stem or base) + OUTPUT_EXT[fmt]


def _source(path: str) -> str:
    return "-" if path == "-" else os.path.abspath(path)


def alternative_name(path: str, fmt: str) -> str:
    """The name used when another input of the batch took :func:`output_name`.

    A hash of the input's absolute path, so the same input gets the same name
    on every run.
    """
    import hashlib

    name = output_name(path, fmt)
    ext = OUTPUT_EXT[fmt]
    digest = hashlib.sha1(os.fsencode(_source(path))).hexdigest()[:8]
    return f"{name[:-len(ext)]}~{digest}{ext}"


class DirSink:
    """One output file per input under ``directory``, written atomically.

    - The name is :func:`output_name`. When an earlier input of the same call
      took it, this input gets :func:`alternative_name` and a warning says so.
    - A file that exists and was not written by this call is replaced only
      with ``overwrite``; otherwise the input fails (named on stderr).
    - Never the input itself, even with ``overwrite``.
    - Each file is written to a hidden temporary file in ``directory`` and
      renamed (or hard-linked, so that an existing file is never replaced
      without ``overwrite``) into place: an interrupted run leaves either
      the whole file or none.
    """

    def __init__(self, directory: str, fmt: str, overwrite: bool = False, keep_dirs: bool = False):
        self.directory, self.fmt, self.overwrite, self.keep_dirs = directory, fmt, overwrite, keep_dirs
        self.taken: Dict[str, str] = {}
        umask = os.umask(0)
        os.umask(umask)
        self.mode = 0o666 & ~umask

    def write(self, outcome: Outcome) -> List[str]:
        if outcome.end:
            return []
        path, warnings = outcome.path, []
        source = _source(path)
        name = output_name(path, self.fmt)
        if self.keep_dirs and path != "-":
            name = os.path.join(kept_dir(path), name)
            os.makedirs(os.path.join(self.directory, os.path.dirname(name)), exist_ok=True)
        owner = self.taken.get(name)
        if owner is not None and owner != source:
            alt = alternative_name(path, self.fmt)
            warnings.append(f"{shown(path)}: {os.path.join(self.directory, name)} is taken by "
                            f"{shown(owner)}; writing {os.path.join(self.directory, alt)}")
            name = alt
        final = os.path.join(self.directory, name)
        if path != "-" and os.path.exists(final) and os.path.exists(path) and os.path.samefile(final, path):
            raise Failure(f"{shown(path)}: output {final} would replace the input itself")
        data = outcome.record if self.fmt == "text" else outcome.record + "\n"
        try:
            atomic_write(final, data.encode("utf-8"), replace=self.overwrite or self.taken.get(name) == source,
                         mode=self.mode)
        except FileExistsError:
            raise Failure(f"{shown(path)}: {final} exists ({EXISTS_ADVICE})") from None
        except OSError as e:
            raise Failure(f"{shown(path)}: cannot write {final}: {e.strerror or e}") from None
        self.taken[name] = source
        return warnings

    def close(self) -> None:
        pass


#: What to do when an output file exists. Not only "--overwrite": under
#: ``xargs -P`` the file may be another input's output from this same batch
#: (two inputs with one name in different folders), which --overwrite would lose.
EXISTS_ADVICE = ("written by an earlier run, or by another input of the same name in this batch (under "
                 "xargs -P); --keep-dirs keeps inputs from different folders apart, --overwrite replaces it")


def kept_dir(path: str) -> str:
    """The input's folder as a relative path under ``--output-dir`` (``--keep-dirs``).

    Leading ``/`` and ``..`` parts are dropped, so outputs stay inside the folder.

    >>> kept_dir("html/x.html"), kept_dir("/data/../pages/a.txt"), kept_dir("a.txt")
    ('html', 'data/pages', '')
    """
    parts = [p for p in os.path.dirname(path).replace(os.sep, "/").split("/") if p not in ("", ".", "..")]
    return os.path.join(*parts) if parts else ""


class PartSink:
    """Part files under ``directory``: one per archive, JSONL input or chunk of plain inputs.

    A document's outcome goes into its part (``outcome.part``, the file's
    name without extension); the part is written to a hidden temporary file
    and renamed into place at the part's end marker, so a part file that
    exists is complete. Outcomes of plain inputs (no part) go to ``files``
    (a :class:`DirSink`). The bytes of a part are those :class:`StdoutSink`
    writes for the same documents (text, json, jsonl) or a Parquet file
    (:mod:`cleaner.parquet`).
    """

    def __init__(self, directory: str, fmt: str, overwrite: bool = False, files: Optional["DirSink"] = None):
        self.directory, self.fmt, self.overwrite, self.files = directory, fmt, overwrite, files
        self.open: Dict[str, Tuple[str, Any, Any]] = {}  # part -> (temporary path, file, writer)
        umask = os.umask(0)
        os.umask(umask)
        self.mode = 0o666 & ~umask

    def final(self, part: str) -> str:
        return os.path.join(self.directory, part + OUTPUT_EXT[self.fmt])

    def write(self, outcome: Outcome) -> List[str]:
        if outcome.part is None:
            if self.files is None:
                raise Failure(f"{shown(outcome.path)}: this output goes into part files only")
            return self.files.write(outcome)
        _, _, writer = self._part(outcome.part)
        if outcome.end:
            self._finish(outcome.part)
        elif outcome.record is not None:
            if self.fmt == "parquet":
                writer.write(outcome.record)
            else:
                writer.write(outcome)
        return []

    def _part(self, part: str):
        if part not in self.open:
            import tempfile

            with _signals_held():
                fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=f".{part}{OUTPUT_EXT[self.fmt]}.",
                                           suffix=".tmp")
            if self.fmt == "parquet":
                from .parquet import PartWriter

                os.close(fd)
                self.open[part] = (tmp, None, PartWriter(tmp))
            else:
                f = os.fdopen(fd, "wb")
                self.open[part] = (tmp, f, StdoutSink(self.fmt, True, f))
        return self.open[part]

    def _finish(self, part: str) -> None:
        tmp, f, writer = self.open.pop(part)
        final = self.final(part)
        try:
            with _signals_held():
                if f is None:
                    writer.close()
                else:
                    if self.fmt == "json" and not writer.written:
                        f.write(b"[]\n")
                    writer.close()
                    f.close()
                os.chmod(tmp, self.mode)
                if self.overwrite:
                    os.replace(tmp, final)
                else:
                    os.link(tmp, final)
        except FileExistsError:
            raise Failure(f"{final} exists ({EXISTS_ADVICE})") from None
        except OSError as e:
            raise Failure(f"cannot write {final}: {e.strerror or e}") from None
        finally:
            if os.path.lexists(tmp):
                os.unlink(tmp)

    def close(self) -> None:
        """Remove the temporary files of parts that did not end (an interrupted run)."""
        for part in list(self.open):
            tmp, f, writer = self.open.pop(part)
            try:
                if f is not None:
                    f.close()
                else:
                    writer.writer.close()
            finally:
                if os.path.lexists(tmp):
                    os.unlink(tmp)
        if self.files is not None:
            self.files.close()


def atomic_write(final: str, data: bytes, replace: bool = False, mode: int = 0o644) -> None:
    """Write ``data`` to ``final`` through a temporary file in the same folder.

    Without ``replace``, raises :class:`FileExistsError` when ``final`` exists
    (checked and claimed in one step by a hard link, so two processes cannot
    both write it).
    """
    with _signals_held():
        _atomic_write(final, data, replace, mode)


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


def _atomic_write(final: str, data: bytes, replace: bool, mode: int) -> None:
    import tempfile

    folder = os.path.dirname(final) or "."
    fd, tmp = tempfile.mkstemp(dir=folder, prefix="." + os.path.basename(final) + ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, mode)
        if replace:
            os.replace(tmp, final)
            return
        try:
            os.link(tmp, final)
        except FileExistsError:
            raise
        except OSError:
            # No hard links here (some network and FAT file systems): claim the
            # name with an exclusive create, then rename over it.
            os.close(os.open(final, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode))
            os.replace(tmp, final)
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)


# -- a whole batch ---------------------------------------------------------------------
@dataclass
class Summary:
    """How a batch went: inputs seen, inputs failed, seconds."""

    files: int = 0
    failed: int = 0
    seconds: float = 0.0

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
    return len(head) > 1, _chain(head, names)


def _chain(head: list, rest: Iterator[str]) -> Iterator[str]:
    yield from head
    yield from rest


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


def part_stem(path: str) -> str:
    """The part file's name (without extension) for an archive or JSONL input.

    >>> part_stem("crawl/CC-MAIN-1.warc.gz"), part_stem("shard-3.jsonl.gz")
    ('CC-MAIN-1', 'shard-3')
    """
    base = os.path.basename(os.path.normpath(path))
    return _PART_EXT.sub("", base, count=1) or base


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
            stem = (parts or {}).get(name) or _unique_stem(part_stem(name), name, stems)
            if skip_part is not None and skip_part(stem):
                continue
            documents = _warc_tasks if kind == "warc" else _jsonl_tasks
            yield from documents(name, options, stem)
            continue
        if options.fmt == "parquet" and plain % PART_FILES == 0:
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


def _unique_stem(stem: str, source: str, stems: Dict[str, str]) -> str:
    """``stem``, or ``stem~HASH`` when another input of the call took it (as :func:`alternative_name`)."""
    import hashlib

    owner = stems.get(stem)
    if owner is None or owner == source:
        stems[stem] = source
        return stem
    alt = f"{stem}~{hashlib.sha1(os.fsencode(_source(source))).hexdigest()[:8]}"
    stems[alt] = source
    return alt


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


def run(names: Iterable[str], options: Options, sink, jobs: int = 1,
        report: Callable[[str], None] = lambda message: None, quiet: bool = False,
        progress: Optional[Callable[[Iterator], Iterator]] = None, func: Callable = clean_task,
        count: Optional[int] = None, skip_part: Optional[Callable[[str], bool]] = None,
        parts: Optional[Dict[str, str]] = None) -> Summary:
    """Clean every input named, write each output to ``sink`` in order; report on ``report``.

    ``report`` gets each message for stderr (errors; warnings unless
    ``quiet``; ``--explain`` lines; what each archive held). ``skip_part``:
    ``parts``: see :func:`tasks`. ``progress`` wraps the stream of outcomes
    (a progress bar). ``func`` is :func:`clean_task`, or :func:`learn_task`
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

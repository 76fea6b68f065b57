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
import sys
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, BinaryIO, Callable, Deque, Dict, Iterable, Iterator, List, Optional, Tuple

import regex

from .ingest import DEFAULT_MAX_BYTES, InputError
from .inputs import Failure, read_input
from .model import Article

#: Inputs handed to a worker process at a time: passing them between
#: processes costs about 4% of the cleaning time in chunks of 4 and 2% in
#: chunks of 16 (measured on the zyte-dev texts). A batch of known size is cut
#: finer, so that every worker gets several chunks.
CHUNK_SIZE = 16
#: Chunks in flight per job: keeps every worker fed while bounding memory.
WINDOW_PER_JOB = 4
#: Extensions of input names replaced by the output's own (``.gz`` first).
_INPUT_EXT = regex.compile(r"(?:\.(?:html?|xhtml|txt|text))?(?:\.gz)?$", regex.I)
#: The extension of an output file, by format.
OUTPUT_EXT = {"text": ".txt", "json": ".json", "jsonl": ".jsonl"}
_CONTROL = regex.compile(r"[\x00-\x1f\x7f]")


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


@dataclass
class Task:
    """One input: its name as given and, for standard input, its bytes (read by the parent)."""

    path: str
    data: Optional[bytes] = None
    error: Optional[str] = None


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
    text = path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return _CONTROL.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


# -- cleaning one input, in whichever process ----------------------------------
class _State:
    options: Options = Options()
    profile = None  # cleaner.profile.Profile, loaded once per process


def setup(options: Options) -> None:
    """Prepare this process to clean with ``options`` (loads the profile once)."""
    _State.options = options
    _State.profile = None
    if options.profile:
        from .profile import Profile

        _State.profile = Profile.load(options.profile)


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
    if len(data) > max_bytes:
        raise Failure(f"{shown(task.path)}: input is over the limit of {max_bytes:,} bytes (--max-bytes)")
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


def clean_article(task: Task, options: Options, step_for: Optional[Callable] = None) -> Article:
    """Clean one input; ``step_for(site)`` may give an extra step (the site profile) to run."""
    from . import clean
    from .passes import TEXT_PASSES

    data = read_task(task, options.max_bytes)
    passes, notes = TEXT_PASSES, []
    if step_for is not None:
        passes, notes = step_for(page_site(task, data, options))
    try:
        article = clean(data, input_format=options.input_format, url=options.url,
                        max_bytes=options.max_bytes, passes=passes)
    except InputError as e:
        raise Failure(f"{shown(task.path)}: {e}") from None
    article.path = None if task.path == "-" else shown(task.path)
    article.warnings.extend(notes)
    if not article.text.strip():
        article.warnings.append("empty body: nothing left after cleaning")
    return article


def _profile_step(site: Optional[str]) -> Tuple[tuple, List[str]]:
    from .passes import TEXT_PASSES
    from .profile import SiteRepeated, with_step

    profile = _State.profile
    if site is None:
        return TEXT_PASSES, ["no site to look up in the profile (give --site or --url)"]
    entry = profile.sites.get(site)
    if entry is None:
        return TEXT_PASSES, [f"site {shown(site)} is not in profile {profile.name}: nothing removed as site.repeated"]
    return with_step(SiteRepeated(shown(site), entry, profile.name)), []


def clean_task(task: Task) -> Outcome:
    """Clean one input with this process's options; every failure becomes an :class:`Outcome` error."""
    options = _State.options
    if task.error is not None:
        return Outcome(task.path, error=task.error)
    try:
        article = clean_article(task, options, _profile_step if _State.profile is not None else None)
    except Failure as e:
        return Outcome(task.path, error=str(e))
    except Exception as e:  # noqa: BLE001 - one bad input must not stop the batch
        return Outcome(task.path, error=f"{shown(task.path)}: internal error: {type(e).__name__}: {e}")
    name = shown(task.path)
    return Outcome(task.path, record=render_record(article, options),
                   warnings=[f"{name}: {w}" for w in article.warnings],
                   explain=explain_lines(article) if options.explain and options.fmt == "text" else [],
                   stats=removed_counts(article) if options.stats else None)


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
    recorder = Recorder(keep_text=options.explain)
    try:
        data = read_task(task, options.max_bytes)
        site = page_site(task, data, options)
        clean(data, input_format=options.input_format, url=options.url, max_bytes=options.max_bytes,
              passes=with_step(recorder))
    except InputError as e:
        return Outcome(task.path, error=f"{shown(task.path)}: {e}")
    except Failure as e:
        return Outcome(task.path, error=str(e))
    except Exception as e:  # noqa: BLE001 - one bad input must not stop the batch
        return Outcome(task.path, error=f"{shown(task.path)}: internal error: {type(e).__name__}: {e}")
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


def render_record(article: Article, options: Options) -> str:
    """One input's output, without framing: the body (text) or the JSON object (json, jsonl).

    json is indented by two spaces; jsonl is one line.
    """
    if options.fmt == "text":
        head = front_matter(article) if options.with_metadata else ""
        return head + article.text + ("\n" if article.text else "")
    d = article.to_dict(options.explain)
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


def crashed_outcome(task: Task, message: str) -> Outcome:
    return Outcome(task.path, error=f"{shown(task.path)}: {message}")


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
        record = outcome.record
        if self.fmt == "jsonl":
            chunk = record + "\n"
        elif self.fmt == "json":
            if not self.several:
                chunk = record + "\n"
            else:
                indented = "\n".join("  " + line for line in record.split("\n"))
                chunk = ("[\n" if not self.written else ",\n") + indented
        else:
            header = f"==> {shown(outcome.path)} <==\n" if self.several else ""
            chunk = ("\n" if self.written and self.several else "") + header + record
        self.stream.write(chunk.encode("utf-8"))
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

    def __init__(self, directory: str, fmt: str, overwrite: bool = False):
        self.directory, self.fmt, self.overwrite = directory, fmt, overwrite
        self.taken: Dict[str, str] = {}
        umask = os.umask(0)
        os.umask(umask)
        self.mode = 0o666 & ~umask

    def write(self, outcome: Outcome) -> List[str]:
        path, warnings = outcome.path, []
        source = _source(path)
        name = output_name(path, self.fmt)
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
            raise Failure(f"{shown(path)}: {final} exists (--overwrite replaces it)") from None
        except OSError as e:
            raise Failure(f"{shown(path)}: cannot write {final}: {e.strerror or e}") from None
        self.taken[name] = source
        return warnings

    def close(self) -> None:
        pass


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


def tasks(names: Iterable[str], max_bytes: int) -> Iterator[Task]:
    """A :class:`Task` per name; standard input is read here, in the parent, in its turn."""
    for name in names:
        if name != "-":
            yield Task(name)
            continue
        try:
            yield Task(name, read_input("-", max_bytes))
        except Failure as e:
            yield Task(name, error=str(e))


def run(names: Iterable[str], options: Options, sink, jobs: int = 1,
        report: Callable[[str], None] = lambda message: None, quiet: bool = False,
        progress: Optional[Callable[[Iterator], Iterator]] = None, func: Callable = clean_task,
        count: Optional[int] = None) -> Summary:
    """Clean every input named, write each output to ``sink`` in order; report on ``report``.

    ``report`` gets each message for stderr (errors; warnings unless
    ``quiet``; ``--explain`` lines). ``progress`` wraps the stream of outcomes
    (a progress bar). ``func`` is :func:`clean_task`, or :func:`learn_task`
    for ``learn``. ``count``, when known, is the number of inputs. Returns
    the :class:`Summary`.
    """
    start = time.monotonic()
    summary = Summary()
    chunk = CHUNK_SIZE if count is None else max(1, min(CHUNK_SIZE, count // (jobs * WINDOW_PER_JOB)))
    outcomes = ordered_map(func, tasks(names, options.max_bytes), jobs, options, crashed_outcome, chunk)
    stream = progress(outcomes) if progress else outcomes
    try:
        for outcome in stream:
            summary.files += 1
            if outcome.error is None:
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

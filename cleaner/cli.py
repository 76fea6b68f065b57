"""The ``clean-article`` command: parse options, call the library, render.

Four commands share the entry point: ``clean-article [OPTIONS] INPUT…`` cleans,
``clean-article learn --profile FILE INPUT…`` learns a site profile,
``clean-article review INPUT… -o FILE`` writes a review page and
``clean-article rules`` lists the rule ids. ``learn``, ``review`` and ``rules``
are recognised only as the first argument; a file of that name is cleaned
with ``clean-article ./learn`` (or ``clean-article -- learn``). Those three are
defined in :mod:`cleaner.cli_tools`, loaded only when one of them runs.

Exit codes (fit for xargs): 0 every input cleaned; 1 some input failed (each
named on stderr, the others still cleaned); 2 usage error. Never 255. A closed
standard output (``| head``) ends the run quietly with 0; SIGINT and SIGTERM
stop it, remove any half-written temporary file, and end it by that signal.
"""
from __future__ import annotations

import gc
import os
import signal
import sys
from contextlib import contextmanager
from itertools import chain
from typing import List, Optional

import click

from . import __version__
from .batch import (
    Options,
    StdoutSink,
    cpu_count,
    input_kind,
    names_from,
    peek_several,
    run,
)
from .ingest import DEFAULT_MAX_BYTES

#: With at least this many inputs (or an input list of unknown length) a
#: terminal shows a progress bar.
PROGRESS_MIN_INPUTS = 10

EPILOG = """\b
Examples:
  clean-article article.txt                   clean body text to stdout
  clean-article --format json page.html.gz    body and metadata as JSON
  clean-article --with-metadata article.txt   YAML front matter, then the body
  cat article.txt | clean-article -           read standard input
  clean-article --explain article.txt         which lines went, and why (stderr)
  find pages -name '*.html' -print0 | xargs -0 clean-article --format jsonl > out.jsonl
  find pages -type f -print0 | clean-article --files-from - -0 --jobs 0 --output-dir out
  clean-article learn --profile site.json pages/example/*.txt
  clean-article --profile site.json pages/example/new.txt
  clean-article --stats stats.json --format jsonl pages/*.html > out.jsonl
  clean-article review pages/*.html -o review.html   what went, and why, in a browser
  clean-article rules                         every rule id, its pass, what it removes, the keys it reads
  clean-article --rules site.toml page.html   with your own phrases, selectors, thresholds
  clean-article rules check site.toml         check a rule file, clean nothing
  clean-article --format jsonl crawl.warc.gz > pages.jsonl        WARC in (by content)
  clean-article --format parquet -o parts --engine dask -j 2 crawl/*.warc.gz

\b
Output: text is the body, paragraphs separated by one blank line; with several
inputs each is headed by a line "==> NAME <==" and the next one follows after a
blank line (as head(1) does). json writes one object per input (a list when
there are several); jsonl one object per line, in input order, flushed per
input. JSON keys: path, title, text, authors, date_published, date_modified,
sources, image_credits, related, word_count, url, hostname, sitename,
description, language, categories, tags, image, input_format (and removed,
encoding, warnings with --explain). Output is UTF-8.

\b
--output-dir writes one file per input instead: NAME.txt (NAME.json,
NAME.jsonl) from the input's file name without .html/.htm/.txt/.gz. Another
input of the same call with the same name gets NAME~HASH.txt (a warning says
so); an existing file is replaced only with --overwrite. Files are written to a
temporary file and renamed, so none is ever half-written.

\b
Exit status: 0 all inputs cleaned, 1 some input failed (named on stderr,
the others still written), 2 usage error. A batch of several inputs ends with
a summary line on stderr (files, failed, seconds) unless --quiet.
"""

def input_options(f):
    """Options shared by both commands: what to read and how."""
    decorators = [
        click.argument("inputs", nargs=-1, metavar="[INPUT]..."),
        click.option("--files-from", metavar="FILE",
                     help="Also read input names from FILE ('-' for stdin), one a line (NUL-separated with -0)."),
        click.option("-0", "--null", is_flag=True, help="Names in --files-from end with NUL, not newline "
                                                        "(find -print0); any file name works."),
        click.option("--input-format", type=click.Choice(["auto", "text", "html", "warc", "jsonl"]), default="auto",
                     show_default=True,
                     help="How to read inputs; auto recognises HTML, gzip and WARC archives by content, not by "
                          "file name. jsonl: one document per line (url, html or text, id)."),
        click.option("--field", "fields", metavar="KEY=NAME", multiple=True,
                     help="With --input-format jsonl: the field holding KEY (url, html, text, id), e.g. "
                          "html=content; a dotted NAME reaches into an object."),
        click.option("--url", metavar="URL", help="The page's URL, recorded in the metadata; its host names "
                                                  "the site for --profile."),
        click.option("--site", metavar="NAME", help="The site every input belongs to, for --profile and learn "
                                                    "(default: the URL's host, else the input's folder)."),
        click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
                     help="Refuse inputs larger than this many bytes (after gzip decompression)."),
        click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
                     help="Worker processes; 0 = one per core. Output is the same, byte for byte, as with 1."),
        click.option("-q", "--quiet", is_flag=True,
                     help="No warnings, progress bar or summary on stderr (errors are still reported)."),
    ]
    for decorator in reversed(decorators):
        f = decorator(f)
    return f


def rules_option(f):
    """``--rules FILE`` (repeatable): user rule files, checked before any input is read."""
    return click.option("--rules", "rule_paths", metavar="FILE", multiple=True, type=click.Path(dir_okay=False),
                        help="A rule file (TOML): phrases, disabled rule ids, thresholds, per-site rules and "
                             "selectors; several stack in order. See 'clean-article rules check --help'.")(f)


@click.command(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json", "jsonl", "parquet"]), default="text",
              show_default=True, help="Output: body text, one JSON object per input, JSON Lines, or Parquet "
                                      "(with --output-dir: one part file per archive; schema in the README).")
@click.option("--with-metadata", is_flag=True,
              help="With text output: a YAML front-matter block before the body (JSON output always holds the metadata).")
@click.option("--explain", is_flag=True,
              help="Report every removed line with its rule id and reason (stderr for text, 'removed' in JSON).")
@click.option("-o", "--output-dir", metavar="DIR", type=click.Path(file_okay=False),
              help="Write one file per input into DIR (created if missing) instead of stdout.")
@click.option("--overwrite", is_flag=True, help="With --output-dir: replace files that exist.")
@click.option("--keep-dirs", is_flag=True, help="With --output-dir: keep each input's folder (html/x.html -> "
                                                "DIR/html/x.txt), so same-named inputs never collide.")
@click.option("--resume", is_flag=True, help="With --output-dir: skip archives and JSONL inputs whose part file "
                                             "exists (it is complete: parts are renamed into place at the end).")
@click.option("--error-records", is_flag=True, help="Also write each failed input as a record with an 'error' "
                                                    "field (JSON, JSONL, Parquet), so an indexer sees it.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: --jobs processes on this machine; dask: a local Dask cluster of --jobs workers "
                   "(archives and JSONL inputs, with --output-dir).")
@click.option("--scheduler", metavar="ADDRESS", help="Run on the Dask cluster at ADDRESS (tcp://host:8786): "
                                                     "one task per archive; implies --engine dask.")
@click.option("--profile", metavar="FILE", type=click.Path(dir_okay=False),
              help="Remove lines a site profile learned (rule site.repeated); see 'clean-article learn --help'.")
@click.option("--stats", "stats_path", metavar="FILE", type=click.Path(dir_okay=False),
              help="Write the counts of removed lines per rule id and per input format (JSON) to FILE.")
@rules_option
@input_options
@click.version_option(__version__, "--version", prog_name="clean-article")
def cli(fmt, with_metadata, explain, output_dir, overwrite, keep_dirs, resume, error_records, engine, scheduler,
        profile, stats_path, rule_paths, inputs, files_from, null, input_format, fields, url, site, max_bytes, jobs,
        quiet):
    """Clean scraped news articles: body text plus metadata.

    INPUT is a file of scraped plain text (a whole page's visible lines,
    hard-wrapped dumps and Markdown included) or raw HTML (gzip is read
    transparently); with no INPUT, or '-', standard input is read. Boilerplate
    (ad markers, credits, bylines, date lines, related-article blocks, share
    bars, newsletter prompts, menus, comments) is removed; what it says (title,
    authors, dates, sources, image credits, related teasers, tags) becomes
    metadata.

    'clean-article learn --help' explains site profiles (--profile).
    """
    if overwrite and not output_dir:
        raise click.UsageError("--overwrite goes with --output-dir")
    for flag, given in (("--keep-dirs", keep_dirs), ("--resume", resume), ("--format parquet", fmt == "parquet"),
                        ("--scheduler", scheduler), ("--engine dask", engine == "dask")):
        if given and not output_dir:
            raise click.UsageError(f"{flag} goes with --output-dir")
    options = Options(fmt=fmt, with_metadata=with_metadata, input_format=input_format, url=url, explain=explain,
                      max_bytes=max_bytes, site=site, profile=profile, error_records=error_records, stats=bool(stats_path),
                      fields=_fields(fields), rules=_rule_sources(rule_paths))
    if fmt == "parquet":
        _need("pyarrow", "parquet", "--format parquet")
    if profile:
        from .profile import Profile, ProfileError

        try:
            Profile.load(profile)  # fail early, once, before any worker starts
        except ProfileError as e:
            raise click.BadParameter(str(e), param_hint="--profile") from None
    names, count = _names(inputs, files_from, null, input_format)
    several = False
    if not output_dir and fmt != "jsonl":  # jsonl needs no look ahead: it streams from the first name
        several, names = peek_several(names)
        if not several:
            names = list(names)
            several = bool(names) and input_kind(names[0], input_format) != "file"  # an archive: many pages
            names = iter(names)
    if output_dir:
        try:
            os.makedirs(output_dir, exist_ok=True)
        except OSError as e:
            raise click.BadParameter(f"{output_dir}: {e.strerror or e}", param_hint="--output-dir") from None
        if scheduler or engine == "dask":
            _need("distributed", "dask", "--engine dask")
            from .cli_tools import run_dask

            run_dask(list(names), output_dir, options, scheduler, jobs or cpu_count(), quiet)
        from .outdir import DirSink, PartSink

        sink = parts = PartSink(output_dir, fmt, overwrite, DirSink(output_dir, fmt, overwrite, keep_dirs))
    else:
        sink = StdoutSink(fmt, several)
    if stats_path:
        from .review import StatsSink

        sink = StatsSink(sink, stats_path)
    to_terminal = output_dir is None and sys.stdout.isatty()
    skip_part = (lambda stem: os.path.exists(parts.final(stem))) if resume else None
    _run_batch(names, count, options, sink, jobs, quiet, to_terminal, "cleaning", skip_part=skip_part)


def _rule_sources(paths) -> tuple:
    """The rule files as data (name and text), each checked; a bad one is a usage error (exit 2)."""
    if not paths:
        return ()  # without --rules, no TOML parser is imported
    from .rulefile import RuleFileError, load

    try:
        return load(paths)
    except RuleFileError as e:
        raise click.BadParameter(str(e), param_hint="--rules") from None


def _fields(pairs):
    if not pairs:
        return ()  # without --field, nothing to parse: the records module stays unloaded
    from .records import parse_fields

    try:
        return tuple(parse_fields(pairs))
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--field") from None


def _need(module: str, extra: str, what: str) -> None:
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise click.UsageError(f"{what} needs {module}: pip install 'article-cleaner[{extra}]'")


def _names(inputs, files_from, null, input_format="auto"):
    """The input names (an iterator) and their number when known (None with --files-from)."""
    if null and files_from is None:
        raise click.UsageError("-0/--null goes with --files-from")
    names: List[str] = list(inputs)
    if files_from == "-" and "-" in names:
        raise click.UsageError("standard input cannot be both an INPUT ('-') and --files-from -")
    if files_from is None:
        names = names or ["-"]
        if any(input_kind(n, input_format) != "file" for n in names):
            return iter(names), None  # archives: the number of documents is not known
        return iter(names), len(names)
    if files_from == "-":
        stream = sys.stdin.buffer
    else:
        try:
            stream = open(files_from, "rb")
        except OSError as e:
            raise click.BadParameter(f"{files_from}: {e.strerror or e}", param_hint="--files-from") from None
    return chain(names, names_from(stream, null)), None


def _run_batch(names, count, options, sink, jobs, quiet, to_terminal, label, learning=False, skip_part=None):
    if learning:
        from .learning import learn_task as task
    else:
        from .batch import clean_task as task
    jobs = _jobs(jobs, count)
    show_bar = (not quiet and not to_terminal and _isatty(sys.stderr)
                and (count is None or count >= PROGRESS_MIN_INPUTS))

    def report(message: str) -> None:
        click.echo(f"clean-article: {message}", err=True)

    def progress(outcomes):
        with click.progressbar(outcomes, length=count, label=label, file=sys.stderr, show_pos=True) as bar:
            yield from bar

    with _stopping_cleanly():
        summary = run(names, options, sink, jobs, report, quiet, progress if show_bar else None,
                      func=task, count=count, skip_part=skip_part)
    if not learning:
        if summary.files > 1 and not quiet:
            click.echo(f"clean-article: {summary.line()}", err=True)
        sys.exit(1 if summary.failed else 0)
    return summary


def _jobs(jobs, count) -> int:
    """Worker processes for a batch: ``--jobs`` (0: one per CPU), no more than the inputs when counted."""
    jobs = jobs or cpu_count()
    return jobs if count is None else max(1, min(jobs, count))


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@contextmanager
def _stopping_cleanly():
    """Run a batch so that a closed stdout ends it quietly and signals end it cleanly.

    - ``BrokenPipeError`` (``| head`` is done): stdout is pointed at
      ``/dev/null`` so the final flush cannot fail again, exit status 0.
    - SIGINT, SIGTERM, SIGHUP: the ``finally`` blocks run (workers stopped,
      temporary files removed; a file being written is finished first), then
      the process ends by the same signal, as a shell expects of an
      interrupted command.
    """
    from .batch import Stopped, on_stop_signal

    handlers = {}
    if _main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None)):
            if sig is not None and signal.getsignal(sig) is not signal.SIG_IGN:  # nohup, '&' keep theirs
                handlers[sig] = signal.signal(sig, on_stop_signal)
    try:
        yield
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(0)
    except KeyboardInterrupt:
        _die_by(signal.SIGINT, handlers)
    except Stopped as e:
        _die_by(e.signum, handlers)
    finally:
        for sig, old in handlers.items():
            signal.signal(sig, old)


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _quiet_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _die_by(signum: int, handlers) -> None:
    click.echo("clean-article: interrupted", err=True)
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        _quiet_stdout()
    for sig, old in handlers.items():
        signal.signal(sig, old)
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)
    sys.exit(128 + signum)  # if the signal did not end us (it is blocked)


#: The other commands by name: defined in :mod:`cleaner.cli_tools`, loaded when one runs.
SUBCOMMANDS = {"learn": "learn_cli", "review": "review_cli", "rules": "rules_cli"}


def __getattr__(name: str):
    # ``learn_cli``, ``review_cli``, ``rules_cli`` and the learn command's sink are
    # cleaner.cli_tools's: importing them from here loads that module then.
    if name in ("learn_cli", "review_cli", "rules_cli", "LearnSink"):
        from . import cli_tools

        return getattr(cli_tools, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main(argv: Optional[List[str]] = None) -> None:
    """Console-script entry point: ``learn``, ``review`` or ``rules`` as the first argument runs that command."""
    if argv is None:
        # The command's own process: what importing made (modules, classes, functions)
        # lives until exit, so the garbage collector need not walk it again at every
        # full collection and at exit (callgrind: 35 M of the 438 M instructions of
        # cleaning one small file). Called with argv (tests, other programs): left alone.
        gc.freeze()
    args = sys.argv[1:] if argv is None else list(argv)
    sub = SUBCOMMANDS.get(args[0]) if args else None
    if sub is not None:
        from . import cli_tools

        getattr(cli_tools, sub).main(args=args[1:], prog_name=f"clean-article {args[0]}")
    else:
        cli.main(args=args, prog_name="clean-article")


__all__ = ["cli", "learn_cli", "main", "review_cli", "rules_cli"]  # noqa: F822 (the last three: __getattr__)

if __name__ == "__main__":
    main()

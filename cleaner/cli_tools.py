"""The ``learn``, ``review`` and ``rules`` commands of ``clean-article``, and its Dask engine.

They share the entry point and its options with the main command
(:mod:`cleaner.cli`, whose ``main()`` runs them when their name is the first
argument) but live here, loaded only when one of them runs: cleaning a file,
what nearly every call does, neither builds nor compiles them. The same holds
for cleaning on Dask (``--engine dask``, ``--scheduler``): :func:`run_dask`.
"""
from __future__ import annotations

import os
import sys
from typing import List

import click

from .batch import Options, cpu_count, input_kind, run, shown
from .cli import (
    _fields,
    _jobs,
    _names,
    _need,
    _rule_sources,
    _run_batch,
    _stopping_cleanly,
    input_options,
    rules_option,
)

LEARN_EPILOG = """\b
Example:
  clean-article learn --profile site.json pages/example/*.txt
  clean-article --profile site.json --explain pages/example/new.txt
  clean-article learn --profile sites.json --scheduler tcp://host:8786 crawl/*.warc.gz

\b
A page's site is --site; else the host of --url; else, for HTML, the host
of its canonical or og:url address; else the folder the input is in. A line
is the site's when it stands on at least half of the site's pages (and on at
least 3); sites with fewer than 4 pages learn nothing. A recurring line that
is prose between the page's own paragraphs on most of its pages is body and
never learned; a fixed sign-off after the last paragraph is learned. The
profile holds hashes and page counts only; FILE is replaced (atomically).
"""


@click.command(epilog=LEARN_EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--profile", metavar="FILE", required=True, type=click.Path(dir_okay=False),
              help="Where to write the profile (JSON).")
@click.option("--explain", is_flag=True, help="List the learned lines, and the recurring lines kept as body, "
                                              "on stderr.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: --jobs processes on this machine; dask: a local Dask cluster of --jobs workers "
                   "(archives and JSONL inputs).")
@click.option("--scheduler", metavar="ADDRESS", help="Learn on the Dask cluster at ADDRESS (tcp://host:8786): "
                                                     "one task per archive; implies --engine dask.")
@input_options
def learn_cli(profile, explain, engine, scheduler, inputs, files_from, null, input_format, fields, url, site,
              max_bytes, jobs, quiet):
    """Learn the lines that recur across a site's pages into a profile.

    Reads every INPUT as the cleaner would, groups the pages by site, and
    records the lines that recur on a large share of a site's pages. Clean
    with 'clean-article --profile FILE' to remove them (rule site.repeated).
    """
    from .profile import Learner

    options = Options(input_format=input_format, url=url, max_bytes=max_bytes, site=site, explain=explain,
                      fields=_fields(fields))
    names, count = _names(inputs, files_from, null, input_format)
    learner = Learner()
    sink = LearnSink(learner)
    if scheduler or engine == "dask":
        _need("distributed", "dask", "--engine dask")
        summary, (result, report) = _learn_dask(list(names), options, sink, scheduler, jobs or cpu_count(), quiet)
    else:
        summary = _run_batch(names, count, options, sink, jobs, quiet, False, "learning", learning=True)
        result, report = learner.profile()
    try:
        result.dump(profile)
    except OSError as e:
        raise click.FileError(profile, e.strerror or str(e)) from None
    lines = sum(len(s.lines) for s in result.sites.values())
    if explain:
        for item in report.learned:
            click.echo(f"{shown(item.site)}: learned: on {item.pages} of {item.documents} pages: {item.text!r}",
                       err=True)
        for item in report.protected:
            click.echo(f"{shown(item.site)}: kept as body: on {item.pages} of {item.documents} pages: "
                       f"{item.text!r}", err=True)
    if not quiet:
        if report.small_sites:
            from .profile import SITE_MIN_DOCS

            shown_sites = ", ".join(f"{shown(name)} ({n})" for name, n in report.small_sites[:5])
            more = f" and {len(report.small_sites) - 5} more" if len(report.small_sites) > 5 else ""
            click.echo(f"clean-article: warning: {len(report.small_sites)} sites with fewer than {SITE_MIN_DOCS} "
                       f"pages learned nothing: {shown_sites}{more}", err=True)
        if sink.no_site:
            click.echo(f"clean-article: warning: {sink.no_site} inputs had no site (standard input without "
                       "--url or --site) and were left out", err=True)
        size = os.path.getsize(profile)
        click.echo(f"clean-article learn: {summary.line()}; {len(result.sites)} sites, {lines} lines, "
                   f"{profile} {size:,} bytes", err=True)
    sys.exit(1 if summary.failed else 0)


def _learn_dask(names, options, sink, scheduler, workers, quiet):
    """Learn on Dask (one task per archive or JSONL input); ``sink`` counts the pages without a site.

    Returns the batch's :class:`~cleaner.batch.Summary` and the learned
    ``(profile, report)``: those ``--jobs 1`` gives for the same inputs.
    """
    import time

    from .batch import Summary
    from .dask import learn_files

    _dask_inputs(names, options)
    summary, start = Summary(), time.monotonic()

    def on_result(result):
        for message in result["errors"] + ([] if quiet else result["notes"]):  # as --jobs 1 reports them
            click.echo(f"clean-article: {message}", err=True)
        summary.files += len(result["samples"]) + len(result["errors"])
        summary.failed += len(result["errors"])
        sink.no_site += sum(sample.site is None for sample in result["samples"])  # learn_files merges them

    with _stopping_cleanly():
        learned = learn_files(names, scheduler=scheduler, workers=workers, options=options, on_result=on_result)
    summary.seconds = time.monotonic() - start
    return summary, learned[:2]


REVIEW_EPILOG = """\b
Example:
  clean-article review pages/*.html -o review.html
  find pages -type f -print0 | clean-article review --files-from - -0 --jobs 0 -o review.html
  (then open review.html#filter=cta.prompt,ads.marker&open=all to see only those rules' lines)

\b
The page is one file with no external assets: per input, the metadata found
and every line the passes saw (kept lines plain, removed lines coloured by
rule family with rule id and reason), counts per rule, and checkboxes to show
or hide each rule's lines. Sections open on click, so a page of thousands of
inputs stays quick. Inputs that fail are named on stderr (exit status 1).
"""


@click.command(epilog=REVIEW_EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-o", "--output", metavar="FILE", required=True, type=click.Path(dir_okay=False),
              help="Where to write the review page (HTML; replaced atomically).")
@click.option("--profile", metavar="FILE", type=click.Path(dir_okay=False),
              help="Clean with a site profile, as the main command does.")
@rules_option
@input_options
def review_cli(output, profile, rule_paths, inputs, files_from, null, input_format, fields, url, site, max_bytes,
               jobs, quiet):
    """Write one HTML page showing what was removed from each INPUT, and why."""
    from . import review

    rules = _rule_sources(rule_paths)
    options = Options(input_format=input_format, url=url, max_bytes=max_bytes, site=site, profile=profile,
                      fields=_fields(fields), rules=rules, explain=bool(rules))
    if profile:
        from .profile import Profile, ProfileError

        try:
            Profile.load(profile)
        except ProfileError as e:
            raise click.BadParameter(str(e), param_hint="--profile") from None
    folder = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(folder):
        raise click.BadParameter(f"{output}: no such folder {folder}", param_hint="--output")
    names, count = _names(inputs, files_from, null)
    failures: List[str] = []
    sink = review.ReviewSink(output, {"rule files": ", ".join(r.name for r in rules) or None,
                                      "site profile": profile}, failures)
    jobs = _jobs(jobs, count)

    def report(message: str) -> None:
        if not message.startswith("warning: "):
            failures.append(message)
        click.echo(f"clean-article: {message}", err=True)

    with _stopping_cleanly():
        summary = run(names, options, sink, jobs, report, quiet, func=review.review_task, count=count)
    if not quiet:
        click.echo(f"clean-article review: {summary.line()}; wrote {output}", err=True)
    sys.exit(1 if summary.failed else 0)


RULES_EPILOG = """\b
Examples:
  clean-article rules                        every rule id, its pass, what it removes, the lexicon keys it reads
  clean-article rules -f json                the same as JSON
  clean-article rules check site.toml        check rule files without cleaning anything
  clean-article rules thresholds             the thresholds a rule file may set
  clean-article --rules site.toml --explain page.html   clean with it; removals it caused name it
"""


@click.group(epilog=RULES_EPILOG, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Aligned columns, or a JSON list of {id, step, family, description, keys}.")
@click.pass_context
def rules_cli(ctx, fmt):
    """List every rule id a removed line can carry: id, step (pass), what it removes, and
    the lexicon keys it reads (the phrase lists a rule file's [phrases] extend; see
    cleaner/lexicon/README.md). Long descriptions and key lists wrap in their column.

    'clean-article rules check FILE...' checks rule files (--rules).
    """
    if ctx.invoked_subcommand is not None:
        return
    from .rules import RULES, family, table

    if fmt == "json":
        import json

        click.echo(json.dumps([{"id": r.id, "step": r.step, "family": family(r.id), "description": r.description,
                                "keys": list(r.keys)} for r in RULES], indent=2))
    else:
        click.echo(table())
    sys.exit(0)


@rules_cli.command("thresholds", context_settings={"help_option_names": ["-h", "--help"]})
def rules_thresholds_cli():
    """List the thresholds a rule file may set ([thresholds]): name, default, range, meaning."""
    from .thresholds import THRESHOLDS

    width = max(len(t.name) for t in THRESHOLDS)
    for t in THRESHOLDS:
        click.echo(f"{t.name:<{width}}  {t.default!s:>4}  {t.low}..{t.high}  {t.meaning}")
    sys.exit(0)


@rules_cli.command("check", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
def rules_check_cli(files):
    """Check rule files (TOML) as --rules would, reading no input: each fault as FILE:LINE: message.

    Exit status 0 when every file is good, 2 when one is not.
    """
    from .rulefile import RuleFileError, check, read

    bad = 0
    for name in files:
        try:
            check(read(name))
        except RuleFileError as e:
            click.echo(f"clean-article rules check: {e}", err=True)
            bad += 1
        else:
            click.echo(f"{name}: ok")
    sys.exit(2 if bad else 0)


class LearnSink:
    """Takes each page's sample into the learner (the parent's side of ``learn``)."""

    def __init__(self, learner):
        self.learner, self.no_site = learner, 0

    def write(self, outcome) -> List[str]:
        if outcome.end:  # the end of an archive's pages
            return []
        sample = outcome.record
        if sample.site is None:
            self.no_site += 1
        self.learner.add(sample)
        return []

    def close(self) -> None:
        pass


def run_dask(names, output_dir, options, scheduler, workers, quiet):
    """Clean the inputs on Dask (one task per input, a part file each) and exit."""
    from .dask import DEFAULT_BUDGET, clean_files

    _dask_inputs(names, options)
    options = options._replace(budget=options.budget or DEFAULT_BUDGET)
    failed = documents = 0

    def on_result(result):
        nonlocal failed, documents
        failed += result["failed"]
        documents += result["documents"]
        for message in result["messages"]:
            click.echo(f"clean-article: {message}", err=True)
        if result["skipped"] and not quiet:
            click.echo(f"clean-article: {result['part']} exists: skipped", err=True)

    with _stopping_cleanly():
        clean_files(names, output_dir, options.fmt, scheduler=scheduler, workers=workers, options=options,
                    on_result=on_result)
    if not quiet:
        click.echo(f"clean-article: {documents} documents, {failed} failed, {len(names)} parts", err=True)
    sys.exit(1 if failed else 0)


def _dask_inputs(names, options) -> None:
    """Refuse plain files for the Dask engine (a task per file would cost more than the file)."""
    plain = [n for n in names if input_kind(n, options.input_format) == "file"]
    if plain:
        raise click.UsageError(f"the Dask engine takes WARC archives and JSONL inputs (one task each), and "
                               f"{shown(plain[0])} is neither; for plain files use --jobs")

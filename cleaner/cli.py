"""The ``clean-article`` command: parse options, call the library, render.

Exit codes (fit for xargs): 0 every input cleaned; 1 some input failed (each
named on stderr, the others still cleaned); 2 usage error.
"""
from __future__ import annotations

import json
import os
import sys
from typing import List, Optional

import click

from . import __version__
from .ingest import DEFAULT_MAX_BYTES, InputError
from .inputs import Failure, read_input
from .model import Article

EPILOG = """\b
Examples:
  clean-article article.txt                   clean body text to stdout
  clean-article --format json page.html.gz    body and metadata as JSON
  clean-article --with-metadata article.txt   YAML front matter, then the body
  cat article.txt | clean-article -           read standard input
  clean-article --explain article.txt         which lines went, and why (stderr)
  find pages -name '*.html' -print0 | xargs -0 clean-article --format jsonl > out.jsonl

\b
Output: text is the body, paragraphs separated by one blank line; with several
inputs each is headed by a line "==> PATH <==" (as head(1) does). json writes
one object per input (a list when there are several); jsonl one object per line,
in input order. JSON keys: path, title, text, authors, date_published,
date_modified, sources, image_credits, related, word_count, url, hostname,
sitename, description, language, categories, tags, image, input_format (and
removed, encoding, warnings with --explain).

\b
Exit status: 0 all inputs cleaned, 1 some input failed (named on stderr,
the others still written), 2 usage error.
"""


def clean_one(path: str, input_format: str, url: Optional[str], max_bytes: int) -> Article:
    from . import clean

    data = read_input(path, max_bytes)
    if len(data) > max_bytes:
        raise Failure(f"{_name(path)}: input is over the limit of {max_bytes:,} bytes (--max-bytes)")
    try:
        article = clean(data, input_format=input_format, url=url, max_bytes=max_bytes)
    except InputError as e:
        raise Failure(f"{_name(path)}: {e}") from None
    article.path = None if path == "-" else path
    if not article.text.strip():
        article.warnings.append("empty body: nothing left after cleaning")
    return article


def _name(path: str) -> str:
    return "<stdin>" if path == "-" else path


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
    name = article.path or "<stdin>"
    out = [f"{name}: encoding {article.encoding}, input {article.input_format}"] if article.encoding else []
    out += [f"{name}:{r.line}: {r.rule}: {r.reason}" for r in article.removed]
    return out


@click.command(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json", "jsonl"]), default="text",
              show_default=True, help="Output: body text, one JSON object per input, or JSON Lines.")
@click.option("--with-metadata", is_flag=True, help="With text output: a YAML front-matter block before the body.")
@click.option("--input-format", type=click.Choice(["auto", "text", "html"]), default="auto", show_default=True,
              help="How to read inputs; auto recognises HTML (and gzip) by content, not by file name.")
@click.option("--url", metavar="URL", help="The page's URL, recorded in the metadata.")
@click.option("--explain", is_flag=True,
              help="Report every removed line with its rule id and reason (stderr for text, 'removed' in JSON).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse inputs larger than this many bytes (after gzip decompression).")
@click.option("-q", "--quiet", is_flag=True, help="No warnings on stderr (errors are still reported).")
@click.version_option(__version__, "--version", prog_name="clean-article")
def cli(inputs, fmt, with_metadata, input_format, url, explain, max_bytes, quiet):
    """Clean scraped news articles: body text plus metadata.

    INPUT is a file of scraped plain text or raw HTML (gzip is read
    transparently); with no INPUT, or '-', standard input is read. Boilerplate
    (ad markers, credits, bylines, date lines, related-article blocks, share
    bars, newsletter prompts) is removed; what it says (title, authors, dates,
    sources, image credits, related teasers) becomes metadata.
    """
    paths = list(inputs) or ["-"]
    failed = 0
    results = []
    out = click.get_text_stream("stdout")
    for i, path in enumerate(paths):
        try:
            article = clean_one(path, input_format, url, max_bytes)
        except Failure as e:
            click.echo(f"clean-article: {e}", err=True)
            failed += 1
            continue
        except Exception as e:  # noqa: BLE001 - one bad input must not stop the batch
            click.echo(f"clean-article: {_name(path)}: internal error: {type(e).__name__}: {e}", err=True)
            failed += 1
            continue
        if not quiet:
            for w in article.warnings:
                click.echo(f"clean-article: warning: {_name(path)}: {w}", err=True)
        if explain and fmt == "text":
            for line in explain_lines(article):
                click.echo(line, err=True)
        if fmt == "jsonl":
            out.write(json.dumps(article.to_dict(explain), ensure_ascii=False) + "\n")
            out.flush()
        elif fmt == "json":
            results.append(article.to_dict(explain))
        else:
            if len(paths) > 1:
                out.write(("\n" if i else "") + f"==> {_name(path)} <==\n")
            if with_metadata:
                out.write(front_matter(article))
            out.write(article.text + ("\n" if article.text else ""))
            out.flush()
    if fmt == "json" and results:
        payload = results[0] if len(paths) == 1 else results
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    sys.exit(1 if failed else 0)


def main(argv: Optional[List[str]] = None) -> None:
    """Console-script entry point; a closed stdout (``| head``) ends quietly."""
    try:
        cli.main(args=argv, prog_name="clean-article", standalone_mode=True)
    except BrokenPipeError:
        # Point stdout at devnull so the interpreter's final flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Render a benchmark's HTML pages to text with another renderer, to test text mode on it.

    python benchmarks/render.py DATA_DIR OUT_DIR --renderer NAME
    python benchmarks/quality.py OUT_DIR --mode text         # zyte-dev format
    python benchmarks/multilingual.py OUT_DIR --mode text    # multilingual-dev format

Text mode must not depend on how the scraper turned the page into text. The
data set's ``text/`` files are one renderer's output; this script writes
``OUT_DIR/text/<id>.txt`` from ``DATA_DIR/html/<id>.html.gz`` with another,
and links ``OUT_DIR/ground-truth.json`` to the data set's, so that
``quality.py`` or ``multilingual.py`` scores the same pages in that rendering
(peers included). The page is decoded as clean-article decodes HTML (its
declared or detected charset, :func:`page_html`) before the renderer sees it. The renderers:

- ``inscriptis``: layout-aware text, indented ``*`` bullets;
- ``html2text``: Markdown, links as ``[text](url)``, no line wrapping;
- ``markdownify``: Markdown from the page's ``<body>``;
- ``soup``: BeautifulSoup's ``get_text("\\n")``, one line per text node, so a
  sentence is broken at every link;
- ``html2text-wrapped``, ``w3m``, ``lynx``: hard-wrapped text (78 or 100
  columns), paragraphs broken mid-sentence; w3m and lynx are the Debian
  packages of those names.

OUT_DIR must be outside the project: the pages are third-party data. Needs the
``bench`` extra (``pip install -e '.[bench]'``).
"""
from __future__ import annotations

import argparse
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable, Dict, List

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # the checkout this script is in, not an installed copy


def page_html(data: bytes) -> str:
    """The page's HTML as clean-article reads HTML bytes (:func:`cleaner.ingest.decode`): UTF-8,
    else the ``<meta charset>`` the page declares, else a detected charset. A GBK or
    windows-1252 page read as UTF-8 with replacements would render as U+FFFD marks.

    >>> page_html('<meta charset="gbk"><p>中文</p>'.encode("gbk"))
    '<meta charset="gbk"><p>中文</p>'
    >>> page_html("<p>Café</p>".encode("utf-8"))
    '<p>Café</p>'
    """
    from cleaner.ingest import InputError, decode

    try:
        return decode(data, "html").text
    except InputError:
        return data.decode("utf-8", "replace")  # what the renderer would be given anyway


def _inscriptis(html: str) -> str:
    import inscriptis

    return inscriptis.get_text(html)


def _html2text(html: str, width: int = 0) -> str:
    import html2text

    converter = html2text.HTML2Text()
    converter.body_width = width
    return converter.handle(html)


def _html2text_wrapped(html: str) -> str:
    return _html2text(html, 78)  # html2text's own default


def _dump(command: List[str]) -> Callable[[str], str]:
    """A text browser's dump of the page (the browser must be installed: apt install w3m lynx)."""
    def render(html: str) -> str:
        with tempfile.NamedTemporaryFile("w", suffix=".html", encoding="utf-8") as f:
            f.write(html)
            f.flush()
            done = subprocess.run(command + [f.name], capture_output=True, timeout=60, check=True)
        return done.stdout.decode("utf-8", "replace")
    return render


def _soup(html: str, drop=("script", "style", "noscript")):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for element in soup(list(drop)):
        element.decompose()
    return soup


def _markdownify(html: str) -> str:
    import markdownify

    return markdownify.markdownify(str(_soup(html, ("script", "style", "noscript", "head"))))


def _get_text(html: str) -> str:
    return _soup(html).get_text("\n")


RENDERERS: Dict[str, Callable[[str], str]] = {
    "inscriptis": _inscriptis, "html2text": _html2text, "html2text-wrapped": _html2text_wrapped,
    "markdownify": _markdownify, "soup": _get_text,
    "w3m": _dump(["w3m", "-dump", "-T", "text/html", "-cols", "100", "-I", "UTF-8", "-O", "UTF-8"]),
    "lynx": _dump(["lynx", "-dump", "-nolist", "-width=100", "-assume_charset=utf-8", "-display_charset=utf-8"])}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path, help="holds ground-truth.json and html/<id>.html.gz")
    parser.add_argument("out_dir", type=Path, help="where text/ and ground-truth.json go (outside the project)")
    parser.add_argument("--renderer", choices=sorted(RENDERERS), required=True)
    args = parser.parse_args(argv)
    out = args.out_dir.resolve()
    if out == REPO or REPO in out.parents:
        parser.error(f"{out}: write the rendered pages outside the project (they are third-party data)")
    pages = sorted((args.data_dir / "html").glob("*.html.gz"))
    if not pages:
        parser.error(f"{args.data_dir / 'html'}: no *.html.gz pages")
    (out / "text").mkdir(parents=True, exist_ok=True)
    truth = out / "ground-truth.json"
    if not truth.exists():
        os.symlink((args.data_dir / "ground-truth.json").resolve(), truth)
    if args.renderer in ("w3m", "lynx") and shutil.which(args.renderer) is None:
        parser.error(f"{args.renderer} is not installed (apt install {args.renderer})")
    render = RENDERERS[args.renderer]
    failed = 0
    for path in pages:
        page_id = path.name[: -len(".html.gz")]
        html = page_html(gzip.decompress(path.read_bytes()))
        try:
            text = render(html)
        except Exception as e:  # noqa: BLE001 - one page the renderer cannot read is reported, not fatal
            print(f"render.py: {page_id}: {args.renderer} failed: {e}", file=sys.stderr)
            failed += 1
            continue
        (out / "text" / f"{page_id}.txt").write_text(text, encoding="utf-8")
    print(f"{len(pages) - failed} pages rendered with {args.renderer} into {out / 'text'}; {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Does a second cleaning change the output? Clean every page, then clean the output again as text.

    python benchmarks/idempotence.py DATA_DIR [DATA_DIR ...] [--diff N] [--limit N]

Each DATA_DIR is a dev set in one of the two layouts of ``../shared/bench``:

- zyte-dev: ``text/*.txt`` and ``html/*.html.gz``;
- multilingual-dev: ``html/*.html.gz``, ``text-inscriptis/*.txt`` and ``text-htmltext/*.txt``.

Every input is cleaned as its folder says (``input_format="html"`` for ``html/``,
``"text"`` otherwise); the body text that comes out is cleaned again as text.
A clean output is a fixed point: the second body equals the first. Prints,
per folder, how many pages changed, and for each (up to ``--diff`` lines of a
unified diff) what the second cleaning removed or changed, and the rules
that removed lines the second time (also counted over the folder), and
each changed page's cause (:func:`cause`), also in its heading. Exit status 1 when any page changed.
"""
from __future__ import annotations

import argparse
import difflib
import gzip
import sys
from collections import Counter
from pathlib import Path
from typing import Iterator, List, Tuple

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

#: Folders of a dev set, the file ending of their inputs, and the input format they hold.
FOLDERS = (("text", ".txt", "text"), ("html", ".html.gz", "html"),
           ("text-inscriptis", ".txt", "text"), ("text-htmltext", ".txt", "text"))


def inputs(data_dir: Path, limit: int = 0) -> Iterator[Tuple[str, str, List[Path]]]:
    """(folder, input format, files) for each folder of ``data_dir`` that exists."""
    for folder, ext, fmt in FOLDERS:
        d = data_dir / folder
        if d.is_dir():
            files = sorted(p for p in d.iterdir() if p.name.endswith(ext))
            yield folder, fmt, files[:limit] if limit else files


def read(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data


def second_diff(data: bytes, fmt: str) -> Tuple[str, str, List[str]]:
    """The body of one cleaning, the body of cleaning that body again as text,
    and the rules that removed lines the second time."""
    first, second, rules, _ = second_clean(data, fmt)
    return first, second, rules


def second_clean(data: bytes, fmt: str) -> Tuple[str, str, List[str], List[str]]:
    """:func:`second_diff` and the first cleaning's warnings."""
    from cleaner import clean

    article = clean(data, input_format=fmt)
    again = clean(article.text, input_format="text")
    return article.text, again.text, [r.rule for r in again.removed], list(article.warnings)


def cause(fmt: str, rules: List[str], warnings: List[str]) -> str:
    """Why a second cleaning changed a page, from what the first said and the rules the second ran:

    - ``html floor``: the first cleaning kept trafilatura's whole extraction (its
      ``warnings`` say "kept: …"), and a text cleaning has no such floor;
    - ``html skips boundary``: only the boundary pass cut, which does not run on extracted HTML;
    - ``title first line``: only the headline rule took the first line: the body opens
      with a line shaped like a headline over the text (a standfirst, a subheading);
    - else the passes whose rules removed lines, ``+``-joined (``boundary+title``).

    >>> cause("html", ["title.headline"], ["kept: trafilatura's default extraction"])
    'html floor'
    >>> cause("text", ["title.headline"], []), cause("html", ["boundary.before"], [])
    ('title first line', 'html skips boundary')
    >>> cause("text", ["boundary.before", "title.headline"], [])
    'boundary+title'
    """
    if fmt == "html" and any(w.startswith("kept:") for w in warnings):
        return "html floor"
    passes = sorted({r.split(".")[0] for r in rules})
    if fmt == "html" and passes == ["boundary"]:
        return "html skips boundary"
    if set(rules) == {"title.headline"}:
        return "title first line"
    return "+".join(passes) or "no line removed"


def short_diff(first: str, second: str, lines: int) -> List[str]:
    """Up to ``lines`` lines of a unified diff, no headers, long lines cut."""
    out = []
    for ln in difflib.unified_diff(first.split("\n"), second.split("\n"), lineterm="", n=0):
        if ln.startswith(("---", "+++")):
            continue
        out.append(ln if len(ln) <= 160 else ln[:157] + "...")
        if len(out) >= lines:
            break
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data_dirs", nargs="+", type=Path)
    ap.add_argument("--diff", type=int, default=6, help="diff lines shown per changed page (default 6)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N files of each folder")
    args = ap.parse_args(argv)
    changed_total = 0
    for data_dir in args.data_dirs:
        for folder, fmt, files in inputs(data_dir, args.limit):
            changed = []
            by_rule: Counter = Counter()
            by_cause: Counter = Counter()
            for path in files:
                first, second, rules, warnings = second_clean(read(path), fmt)
                if first != second:
                    why = cause(fmt, rules, warnings)
                    changed.append((path, first, second, rules, why))
                    by_rule.update(set(rules))
                    by_cause[why] += 1
            print(f"## {data_dir.name}/{folder}: {len(changed)} of {len(files)} pages change when cleaned again")
            if by_rule:
                print("\nPages by rule that removed lines the second time: "
                      + ", ".join(f"`{rule}` {n}" for rule, n in by_rule.most_common()))
                print("\nPages by cause: " + ", ".join(f"{c} {n}" for c, n in by_cause.most_common()))
            for path, first, second, rules, why in changed:
                print(f"\n### {path.name} ({why}): " + ", ".join(f"`{r}` ×{n}" for r, n in Counter(rules).most_common()))
                print("```diff")
                print("\n".join(short_diff(first, second, args.diff)))
                print("```")
            print()
            changed_total += len(changed)
    return 1 if changed_total else 0


if __name__ == "__main__":
    sys.exit(main())

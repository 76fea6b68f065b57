"""Hunt for super-linear regexes: time every pass on long hostile lines.

Each shape is a line built by repeating a short unit (digits, separators,
lexicon phrases, date pieces) to two lengths, N and 2N characters. A linear
pass takes about twice as long on the longer line; a pass whose time grows by
more than :data:`SUPERLINEAR_RATIO` is reported with the shape that shows it,
which is the reproducer::

    python3 fuzz/hostile_lines.py            # all shapes at 20,000 and 40,000 characters
    python3 fuzz/hostile_lines.py 100000     # a larger N
    python3 fuzz/hostile_lines.py --lines    # documents of N and 2N short lines instead

With ``--lines`` each shape is a document of many copies of a short line (or
a short run of lines), to find passes whose cost grows with the number of lines.

A pass that raises (a regex ``TimeoutError`` included) is reported too.
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # runs from a checkout, as fuzz_clean.py does

from cleaner import lexicon  # noqa: E402
from cleaner.model import Document  # noqa: E402
from cleaner.passes import TEXT_PASSES  # noqa: E402

#: Doubling the input should roughly double the time; above this ratio the
#: cost is growing faster than linearly (4 would be quadratic).
SUPERLINEAR_RATIO = 3.0
#: Timings below this many seconds are noise and never reported.
MIN_SECONDS = 0.05

UNITS = [
    "1", "-", " ", "| ", "a", "a ", "A", "A ", "Ab ", ".", "...", "'", "’", "(", "[(", "—", "- ",
    "1 ", "1-", "1.", "1,", "1:", "12:30 ", "19 ", "19. ", "19 Dec ", "Dec 19, ", "2022 ", "2022-12-",
    "19.12.", "19/12/", "on ", "at ", "UTC+", "+0530 ", "am ", "Mon ", "T", "Jane ", "J. ", "von ",
    "and ", ", ", ": ", "Jane, ", "A: ", "Image: ", "Image: a | ", "Photo ", "Source: ", "with ",
    "Facebook ", "Facebook-", "Facebook 1 ", "share ", "1k ", "1.5k shares ", "By ", "by ",
    "advertisement ", "advertisement - ", "Published ", "Updated ", "min read ", "3 min read ",
    "related ", "read more ", "also read: ", "sign up ", "More from ",
    # Markdown scrapes: links, images, emphasis, escapes, unclosed brackets.
    "[a](b) ", "[a](", "](", "[", "![a](b)", "![", "**a ", "**", "__", "\\(", "(a)", "[a](b\\(c\\)) ",
    "# ", "* [a](b) ", "Tags: [a](b) ", "日本語", "2024年4月1日 ",
]


def _lexicon_units() -> List[str]:
    """The first phrase of every lexicon key, repeated as a unit of its own."""
    out = []
    for _key, value in sorted(lexicon.data().items()):
        items = list(value)
        if items:
            out.append(str(items[0]) + " ")
    return out


@dataclass
class Timing:
    shape: str
    pass_name: str
    short: float
    long: float
    error: str = ""


def time_passes(text: str) -> Dict[str, tuple]:
    """Seconds each pass takes on ``text`` (passes run in order, as the pipeline does)."""
    doc = Document(text)
    out = {}
    for i, p in enumerate(TEXT_PASSES):
        name = f"{i}:{p.__name__.rsplit('.', 1)[-1]}"
        start = time.perf_counter()
        error = ""
        try:
            for f in p.run(doc):
                doc.record(f)
        except Exception as e:  # noqa: BLE001 - reported, not raised
            error = f"{type(e).__name__}: {e}"
        out[name] = (time.perf_counter() - start, error)
    return out


def repeat_to(unit: str, size: int) -> str:
    """``unit`` repeated to exactly ``size`` characters.

    >>> repeat_to("ab", 5)
    'ababa'
    """
    return (unit * (size // len(unit) + 1))[:size]


#: Runs of lines repeated to make many-line documents (``--lines``).
LINE_UNITS = [
    "Facebook\n", "Facebook\n\n", "Related articles\n", "Related articles\nNews\nCouncil approves budget\n",
    "Advertisement\n", "News\n", "Council approves budget\n", "Council approves budget\n\n", "1\n", "-\n",
    "\n", "By Jane Smith\n", "Image: AP\n", "December 19, 2022\n", "Home\nWorld\nPolitics\n",
    "The council approved the budget on Monday after a long debate.\n",
    "The council approved the budget on Monday after a long debate.\nCouncil approves budget\n",
    "Comments\nJane Smith\nDecember 19, 2022\nGreat article.\n",
]


def hunt(n: int, many_lines: bool = False) -> List[Timing]:
    bad = []
    units = LINE_UNITS if many_lines else UNITS + _lexicon_units()
    for unit in units:
        # The hostile line, then a short prose line so passes that look ahead have work.
        short = time_passes(repeat_to(unit, n) + "\nThe council met on Monday.")
        long = time_passes(repeat_to(unit, 2 * n) + "\nThe council met on Monday.")
        for name in short:
            (s, _), (t, err) = short[name], long[name]
            if err or (t > MIN_SECONDS and t > SUPERLINEAR_RATIO * max(s, MIN_SECONDS / 4)):
                bad.append(Timing(repr(unit), name, s, t, err))
                print(f"{name:14s} {unit!r:24s} {s:7.3f}s -> {t:7.3f}s {err}", flush=True)
    return bad


if __name__ == "__main__":
    lines_mode = "--lines" in sys.argv
    numbers = [a for a in sys.argv[1:] if a != "--lines"]
    size = int(numbers[0]) if numbers else 20_000
    found = hunt(size, lines_mode)
    print(f"{len(found)} super-linear or failing (pass, shape) pairs at N={size:,}")
    sys.exit(1 if found else 0)

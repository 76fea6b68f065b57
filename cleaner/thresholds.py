"""The thresholds a rule file may set (``[thresholds]``), in one table: name, default, meaning.

Each is a named constant of its module (where the comment says why it has
that value); the module reads it through the active lexicon
(:func:`cleaner.lexicon.threshold`), so a :class:`~cleaner.Cleaner` built
with a rule file uses the file's value and every other Cleaner the default.
``tests/test_rulefile.py`` checks that each default here is its module's constant.

>>> THRESHOLDS_BY_NAME["html.keep_share"].default
0.5
"""
from __future__ import annotations

from typing import Dict, NamedTuple, Tuple, Union


class Threshold(NamedTuple):
    """One tunable threshold: its name, default, the constant it is, and what it means."""

    name: str
    default: Union[int, float]
    constant: str
    meaning: str
    #: Smallest and largest value a rule file may give (a share is 0 to 1).
    low: Union[int, float]
    high: Union[int, float]


THRESHOLDS: Tuple[Threshold, ...] = (
    Threshold("credits.caption_max_words", 60, "cleaner.passes.credits.CAPTION_MAX_WORDS",
              "lines of more words are not read as image credits or captions", 1, 10_000),
    Threshold("duplicates.repeat_min_words", 6, "cleaner.passes.duplicates.REPEAT_MIN_WORDS",
              "a line repeating one removed earlier is removed (dup.repeated) when it has at least this many words",
              1, 10_000),
    Threshold("html.link_run", 2, "cleaner.html.LINK_RUN",
              "this many lines in a row, each wholly a link on the page, are a teaser list (html.link_run)", 1, 10_000),
    Threshold("html.keep_share", 0.5, "cleaner.html.KEEP_SHARE",
              "when the kept lines hold less than this share of the extracted words, the cuts are undone", 0.0, 1.0),
    Threshold("preclean.main_text_share", 0.5, "cleaner.preclean.MAIN_TEXT_SHARE",
              "an element holding at least this share of the page's paragraph text is never dropped by the "
              "pre-clean", 0.0, 1.0),
)

#: The thresholds by name.
THRESHOLDS_BY_NAME: Dict[str, Threshold] = {t.name: t for t in THRESHOLDS}

__all__ = ["THRESHOLDS", "THRESHOLDS_BY_NAME", "Threshold"]

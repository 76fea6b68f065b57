"""``--explain`` with rule files: which rule file caused each removal.

:meth:`cleaner.cleaner.Cleaner.clean` cleans the document once more with the
first ``k`` rule files for each ``k``; a removal is the ``k``-th file's when
it stands from that run on, and its reason then names the file ("(from rules
file site.toml)"). Split from :mod:`cleaner.cleaner`: only explaining with
rule files runs it (issue 14: what a plain run never runs, it does not compile).
"""
from __future__ import annotations

from typing import List, Optional

from .model import Article


def attribute(article: Article, before: List[Article], names: List[str]) -> None:
    """Name the rule file that caused each removal: ``before[k]`` is the document cleaned with the
    first ``k`` rule files; a removal is the ``k``-th file's when it stands from that run on."""
    def key(r):
        return (r.line, r.rule, r.text if r.line == 0 else None)

    runs = [{key(r) for r in a.removed} for a in before]
    for removed in article.removed:
        k = _cause(key(removed), runs)
        if k is not None and "(from rules file " not in removed.reason:
            removed.reason += f" (from rules file {names[k]})"


def _cause(key, runs) -> Optional[int]:
    """The rule file (its index) from which on a removal stands: ``runs[k]`` holds the removals
    with the first ``k`` files; None when it stands without any.

    >>> _cause("x", [set(), {"x"}]), _cause("x", [{"x"}, {"x"}]), _cause("x", [set(), set()])
    (0, None, 1)
    """
    k = len(runs) - 1
    while k >= 0 and key in runs[k]:
        k -= 1
    return None if k < 0 else k

"""dup.consecutive / dup.repeated: promos and headlines printed twice.

Removes the later copy of::

    Council approves budget          (the same line again, only blank lines between)
    Council approves budget

the same at the head of the text with one short line (a date or byline no
rule read) between the copies (:func:`_head_repeat`), and a line of at least
:data:`REPEAT_MIN_WORDS` words that already stood
earlier in the input and was removed there (a teaser block repeated further
down, a promo shown at the top and the bottom). A repeated line whose first
copy is body stays: recipes, lists and refrains repeat on purpose.

Keeps::

    Yes.                             (a short line said twice is not a promo)
    Yes.
"""
from __future__ import annotations

from typing import Dict, Iterator

from .. import lexicon
from ..model import Document, Finding
from ..shape import ends_sentence

#: A single repeated line this long is a copy, not a coincidence.
REPEAT_MIN_WORDS = 6
#: A repeated headline on consecutive lines needs at least this many words.
CONSECUTIVE_MIN_WORDS = 2


def run(doc: Document) -> Iterator[Finding]:
    """
    >>> from cleaner.model import Document
    >>> [f.rule for f in run(Document("Council approves budget\\n\\nCouncil approves budget\\nYes.\\nYes."))]
    ['dup.consecutive']
    """
    first_seen: Dict[str, int] = {}
    repeat_min = lexicon.threshold("duplicates.repeat_min_words")  # REPEAT_MIN_WORDS unless a rule file sets it
    # The line before, and the kept line before: a line removed between two
    # copies (an ad marker, a share prompt) does not make them less consecutive.
    previous_key = previous_kept_key = None
    for ln in doc.lines:
        if ln.blank:
            continue
        key = ln.folded
        kept = ln.index not in doc.findings  # doc.kept() of a non-blank line
        if kept and key in (previous_key, previous_kept_key) and ln.words >= CONSECUTIVE_MIN_WORDS:
            yield Finding(ln.index, "dup.consecutive", f"line repeats the line before it {ln.text[:60]!r}")
        elif kept and key in first_seen and ln.words >= repeat_min \
                and _boilerplate(doc, first_seen[key], ln.text):
            yield Finding(ln.index, "dup.repeated",
                          f"line already stood at line {first_seen[key] + 1} {ln.text[:60]!r}")
        first_seen.setdefault(key, ln.index)
        previous_key = key
        if ln.index not in doc.findings:  # a finding yielded above is recorded by now
            previous_kept_key = key
    yield from _head_repeat(doc)


def _boilerplate(doc: Document, i: int, text: str) -> bool:
    """Line ``i`` was removed as boilerplate, so ``text`` repeating it is a copy of boilerplate.

    A copy of a line cut only with the page around the article counts when it
    reads as a teaser headline; a sentence may be the article quoting itself
    (a standfirst repeated in the body).
    """
    if i not in doc.findings:
        return False
    return not doc.removed_by(i, "boundary") or not ends_sentence(text)


#: Between the head's first line and its copy, a line of at most this many words
#: (a date or byline line no rule read) leaves them as good as consecutive.
HEAD_REPEAT_GAP_MAX_WORDS = 12


def _head_repeat(doc: Document) -> Iterator[Finding]:
    """The headline printed again under the head's first line, one short line between
    ("Headline / Saved by jane on 7 July 2019 / Headline / Standfirst"): the later copy
    goes. Kept on top of a clean body, the pair reads to a second cleaning as a page's
    title line over the headline it names, and everything between goes with it.

    >>> doc = Document("Council approves budget\\nPosted by jane, 3 March\\nCouncil approves budget\\nText.")
    >>> [(f.line, f.rule) for f in _head_repeat(doc)]
    [(2, 'dup.consecutive')]
    >>> list(_head_repeat(Document("Yes we can\\nThe crowd sang along with the band for an hour.\\nYes we can")))
    []
    """
    first = doc.next_nonblank(-1)
    between = doc.next_nonblank(first) if first is not None else None
    again = doc.next_nonblank(between) if between is not None else None
    if again is None or doc.lines[again].folded != doc.lines[first].folded \
            or doc.lines[first].words < CONSECUTIVE_MIN_WORDS:
        return
    gap = doc.lines[between]
    if gap.words <= HEAD_REPEAT_GAP_MAX_WORDS and not ends_sentence(gap.plain):
        yield Finding(again, "dup.consecutive", f"the text's first line again, a short line between {doc.lines[again].text[:60]!r}")

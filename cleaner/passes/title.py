"""title.headline: the headline at the head of the article.

The first kept line is the title when it is headline-shaped (a few words, not
a sentence ending in a full stop) and more text follows it that is not another
headline-shaped line (which one is the headline is then unknown). Date, byline and
credit lines before it are removed by their own passes first, so a headline
under an "Updated …" line is still found.

Removes (into ``title``)::

    Border defence with Belarus remains top priority

Keeps::

    The council approved the budget on Monday after a long debate.
"""
from __future__ import annotations

from typing import Iterator

from ..dates import find_date
from ..model import Document, Finding
from ..shape import headline_candidate, is_prose
from .boundary import continues, wrap_width
from .links import is_link_line


def run(doc: Document) -> Iterator[Finding]:
    """
    >>> from cleaner.model import Document
    >>> [f.value for f in run(Document("Council approves budget\\n\\nThe council approved it on Monday."))]
    ['Council approves budget']
    """
    first = doc.next_nonblank(-1)
    if first is None or doc.meta["title"] is not None:
        return
    text = doc.lines[first].plain
    if is_link_line(doc.lines[first]) or not headline_candidate(text) or is_prose(text) or find_date(text):
        return  # a date line that no date rule claimed is not a headline either
    below = doc.next_nonblank(first)
    if below is None:
        return  # a lone line is the whole text, not a headline over it
    if below == first + 1 and (doc.lines[below].text[:1].islower() or continues(doc, first, wrap_width(doc))):
        return  # the first line of a wrapped paragraph, or a sentence broken at a link
    if headline_candidate(doc.lines[below].plain) and not is_prose(doc.lines[below].plain):
        # Two headline-shaped lines: taking the first would leave a body that
        # starts with another headline, which a second cleaning would take too.
        return
    yield Finding(first, "title.headline", f"headline at the head of the article {text[:60]!r}", "title", text)

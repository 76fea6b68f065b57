"""A block of teasers under a heading ("Related articles", "Most read"): the
lines it spans and the teasers it holds.

The related pass removes such a block and records its teasers (see
:mod:`cleaner.passes.related` for the shapes it takes). The boundary pass,
which runs before related, asks the same :func:`block` which lines a block
under a heading spans, and leaves them to related instead of cutting them as
page furniture: the teasers then reach ``related`` with their titles. Both
passes call this one function so that what boundary leaves is exactly what
related takes.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, List, Optional

from . import lexicon
from .layout import is_heading
from .model import Document, Finding
from .shape import LABEL_MAX_WORDS, count_words, headline_shaped, is_prose

#: A teaser headline has at most this many words; a longer line is prose
#: (a summary, or the article going on), not a link.
TEASER_MAX_WORDS = 20
#: What a teaser card prints under its headline: a removed line carrying one of
#: these (a date line, a byline) makes the teaser a card.
CARD_FIELDS = ("date_published", "date_modified", "authors")


@dataclass
class _Teaser:
    title: str
    section: Optional[str] = None
    summary: Optional[str] = None
    line: int = -1
    card: bool = False  # printed twice, or with a date under it: a teaser card

    def as_value(self) -> dict:
        return {"title": self.title, "summary": self.summary, "section": self.section}


def block(doc: Document, start: int) -> Iterator[Finding]:
    """Findings for the teaser block headed by line ``start``."""
    yield Finding(start, "related.heading", f"teaser block heading {doc.lines[start].text!r}")
    teasers: List[_Teaser] = []
    current: Optional[_Teaser] = None
    pending_labels: List[int] = []
    last = start  # the last line the block took
    stacked = False  # two headlines on adjacent lines: a link list
    j = doc.next_nonblank(start)
    while j is not None:
        text, words = doc.lines[j].text, doc.lines[j].words
        nxt = _next_adjacent(doc, j)
        gap = _blank_between(doc, last, j)
        heading = is_heading(doc.lines[j])
        if current is not None and current.line == last and _card_line_between(doc, last, j):
            current.card = True  # a date or byline line (removed already) under the headline
        if stacked and gap and not heading and not _stacked_pair(doc, j, nxt):
            break  # the blank line after a link list: the article goes on
        if heading:
            yield Finding(j, "related.heading", f"teaser block heading {text!r}")
        elif current is not None and _same(text, current.title):
            current.card = True
            yield Finding(j, "related.repeat", f"teaser headline repeated {text[:60]!r}")
        elif (current is not None and current.card and current.section is None and current.summary is None
              and current.line == last and _label_shaped(text) and words <= LABEL_MAX_WORDS):
            current.section = text  # "News" under a card's headline and date: its section
            yield Finding(j, "related.section", f"teaser section label {text!r}")
        elif fits_headline(text) or words <= LABEL_MAX_WORDS:
            if nxt is not None and _label_shaped(text) and fits_headline(doc.lines[nxt].text):
                pending_labels.append(j)  # "News" right above a headline: its section
            else:
                stacked = stacked or (current is not None and current.line == last and not gap)
                section = doc.lines[pending_labels[-1]].text if pending_labels else None
                for k in pending_labels:
                    yield Finding(k, "related.section", f"teaser section label {doc.lines[k].text!r}")
                pending_labels = []
                current = _Teaser(text, section=section, line=j)
                teasers.append(current)
        elif (current is not None and current.summary is None and not pending_labels
              and (not gap or current.card)):
            current.summary = text
            yield Finding(j, "related.summary", f"teaser summary {text[:60]!r}")
        else:
            break  # prose that no headline introduces: the article goes on
        last = j
        j = doc.next_nonblank(j)
    for k in pending_labels:
        yield Finding(k, "related.section", f"teaser section label {doc.lines[k].text!r}")
    for t in teasers:
        yield Finding(t.line, "related.teaser", f"teaser headline {t.title[:60]!r}", "related", t.as_value())


def _next_adjacent(doc: Document, j: int) -> Optional[int]:
    """The next line if it directly follows ``j`` with no blank line between."""
    k = j + 1
    if k < len(doc.lines) and doc.kept(k):
        return k
    return None


def _blank_between(doc: Document, a: int, b: int) -> bool:
    """True when a blank line stands between lines ``a`` and ``b``."""
    return any(doc.lines[k].blank for k in range(a + 1, b))


def _card_line_between(doc: Document, a: int, b: int) -> bool:
    """True when a card's line stands between lines ``a`` and ``b``: a date line the dates
    pass removed, or a line another pass removed with the date or the authors it carries
    (a byline, with its date or not).

    Any other removed line there (an "Advertisement" marker, a share bar) says
    nothing about a teaser card: an article paragraph under it is not a summary.
    """
    return any(k in doc.findings and (doc.removed_by(k, "date") or doc.findings[k].gives(*CARD_FIELDS))
               for k in range(a + 1, b))


def _stacked_pair(doc: Document, j: int, nxt: Optional[int]) -> bool:
    """Line ``j`` and the line right under it are both headlines: another stacked group."""
    return nxt is not None and fits_headline(doc.lines[j].text) and fits_headline(doc.lines[nxt].text)


def _label_shaped(text: str) -> bool:
    """A section label ("News", "World Cup"): one word, or a few capitalised ones.

    A short headline in sentence case ("Storm closes bridge") is not a label.

    >>> _label_shaped("News"), _label_shaped("Middle East"), _label_shaped("Storm closes bridge")
    (True, True, False)
    """
    words = text.split()
    return len(words) == 1 or (len(words) <= LABEL_MAX_WORDS and all(not w[0].islower() for w in words))


def fits_headline(text: str) -> bool:
    return headline_shaped(text) and count_words(text) <= TEASER_MAX_WORDS and not is_prose(text)


def _same(a: str, b: str) -> bool:
    return lexicon.fold(a) == lexicon.fold(b)

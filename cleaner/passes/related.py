"""related.heading / related.teaser / related.inline: teaser blocks and "Read more" links.

A heading such as "Related articles", "Read more", "Editor's choice",
"Popular", "More from Sport" or "Lesen Sie auch" starts a block of teasers.
The block runs on while the lines read as teasers: section labels, headlines
(each optionally repeated) and at most one summary paragraph per headline. It
ends at the first prose paragraph that no headline introduces. A summary
follows its headline directly, or after a blank line when the teaser is a
card: its headline printed twice, or a date line under it (a section label
may follow that date); a prose paragraph after a blank line under a bare
headline is the article going on. Headlines stacked on adjacent lines
are a link list, which ends at the blank line after it unless another heading
or another stacked group follows. Every teaser goes to ``related`` as
``{"title", "summary", "section"}``.

Removes::

    Related articles
    News
    Council approves budget
    The council approved the budget on Monday after a long debate.

    Also Read: Council approves budget

Keeps::

    Related reforms were debated for hours.
    Popular support for the measure has grown.

and, after a link list and a blank line, the article's own subheading::

    Related articles
    Council names new treasurer
    Mayor defends spending plan

    What happens next?
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, List, Optional

import regex

from .. import lexicon
from ..model import Document, Finding, Line
from ..shape import LABEL_MAX_WORDS, count_words, headline_shaped, is_prose

#: A heading line ("More from Sport") has at most this many words.
HEADING_MAX_WORDS = 6
#: A teaser headline has at most this many words; a longer line is prose
#: (a summary, or the article going on), not a link.
TEASER_MAX_WORDS = 20


#: What stands between an inline label and its headline: "Also Read: …", "Related » …".
_LINK_SEPARATOR = regex.compile(r"\s*[:：|»›>\-–—]+\s*(?=\S)")
#: One-word labels that read as a link label only with a colon right after them ("Read: …",
#: "Lea: …", "Leia: …"): without it they open sentences ("Read the report", "Mira se fue").
BARE_LABELS = frozenset({"read", "watch", "listen", "more", "also", "previously",
                         "lies", "lesen", "lire", "voir", "écouter", "regarder", "lea", "lee", "mira", "vea",
                         "escucha", "leia", "veja", "ouça", "assista", "leggi", "guarda", "ascolta",
                         "czytaj", "przeczytaj", "zobacz", "posłuchaj", "obejrzyj"})


def is_heading(line: Line) -> bool:
    """True for a line that heads a teaser block.

    >>> from cleaner.model import Document
    >>> [is_heading(ln) for ln in Document("Related articles\\nMore from Sport\\nPopular support grew.").lines]
    [True, True, False]
    """
    if line.folded in lexicon.phrase_set("related_headings"):
        return True
    if line.words > HEADING_MAX_WORDS or line.first_word not in lexicon.first_words("related_heading_prefixes"):
        return False
    return not line.text.endswith(".") and lexicon.match_prefix("related_heading_prefixes", line.text) is not None


@dataclass
class _Teaser:
    title: str
    section: Optional[str] = None
    summary: Optional[str] = None
    line: int = -1
    card: bool = False  # printed twice, or with a date under it: a teaser card

    def as_value(self) -> dict:
        return {"title": self.title, "summary": self.summary, "section": self.section}


def run(doc: Document) -> Iterator[Finding]:
    """
    >>> from cleaner.model import Document
    >>> doc = Document("Body text here.\\n\\nRelated\\nNews\\nCouncil approves budget")
    >>> [(f.line, f.rule) for f in run(doc)]
    [(2, 'related.heading'), (3, 'related.section'), (4, 'related.teaser')]
    """
    inline_starts = lexicon.first_words("related_inline")
    i = 0
    n = len(doc.lines)
    while i < n:
        if not doc.kept(i):
            i += 1
            continue
        text = doc.lines[i].text
        if is_heading(doc.lines[i]):
            yield from stack_above(doc, i)
            findings = list(block(doc, i))
            yield from findings
            i = max([f.line for f in findings] + [i]) + 1
            continue
        title = _inline_title(text) if doc.lines[i].first_word in inline_starts else None
        if title and headline_shaped(title):
            summary = _cut_summary_above(doc, i)
            if summary is not None:
                yield Finding(summary, "related.summary", f"teaser summary {doc.lines[summary].text[:60]!r}")
            yield Finding(i, "related.inline", f"inline teaser link {text[:60]!r}", "related",
                          {"title": title, "summary": doc.lines[summary].text if summary is not None else None,
                           "section": None})
        i += 1


#: A teaser's summary is cut off mid-sentence: an ellipsis right after a word ("… für…").
_CUT_OFF = regex.compile(r"\p{L}(?:…|\.\.\.)$")
#: ... and is at most this many words long.
CUT_SUMMARY_MAX_WORDS = 60


def _cut_summary_above(doc: Document, link: int) -> Optional[int]:
    """The summary over an inline teaser link: the kept line right above it, cut off
    mid-word or mid-sentence by an ellipsis.

    >>> from cleaner.model import Document
    >>> doc = Document("Body.\\n\\nWant to know more about living in containers? Then read on, the interest in…\\n\\n"
    ...                "Read more » Living in containers")
    >>> _cut_summary_above(doc, 4)
    2

    Keeps a sentence of the article that trails off ("And then came the rain...") over a
    link whose title is no headline; and a full sentence over a link.
    """
    j = doc.prev_nonblank(link, kept_only=False)
    if j is None or not doc.kept(j):
        return None
    text = doc.lines[j].text.rstrip()
    if doc.lines[j].words <= CUT_SUMMARY_MAX_WORDS and _CUT_OFF.search(text):
        return j
    return None


def _inline_title(text: str) -> Optional[str]:
    """The headline of an inline teaser link ("Also Read: Council approves budget").

    >>> _inline_title("Also Read: Council approves budget"), _inline_title("Read the report here")
    ('Council approves budget', None)
    """
    found = lexicon.match_prefix("related_inline", text)
    if found is None:
        return None
    label, end = found
    sep = _LINK_SEPARATOR.match(text, end)
    if sep is None or (label in BARE_LABELS and not text[end:sep.end()].lstrip().startswith((":", "："))):
        return None
    return text[sep.end():].strip()


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
        text = doc.lines[j].text
        nxt = _next_adjacent(doc, j)
        gap = _blank_between(doc, last, j)
        heading = is_heading(doc.lines[j])
        if current is not None and current.line == last and _removed_between(doc, last, j):
            current.card = True  # a date line (removed already) under the headline
        if stacked and gap and not heading and not _stacked_pair(doc, j, nxt):
            break  # the blank line after a link list: the article goes on
        if heading:
            yield Finding(j, "related.heading", f"teaser block heading {text!r}")
        elif current is not None and _same(text, current.title):
            current.card = True
            yield Finding(j, "related.repeat", f"teaser headline repeated {text[:60]!r}")
        elif (current is not None and current.card and current.section is None and current.summary is None
              and current.line == last and _label_shaped(text) and count_words(text) <= LABEL_MAX_WORDS):
            current.section = text  # "News" under a card's headline and date: its section
            yield Finding(j, "related.section", f"teaser section label {text!r}")
        elif _fits_headline(text) or count_words(text) <= LABEL_MAX_WORDS:
            if nxt is not None and _label_shaped(text) and _fits_headline(doc.lines[nxt].text):
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


#: Headlines stacked right above a teaser heading, with page furniture above them,
#: are a teaser list of their own when there are at least this many of them.
STACK_MIN = 3


def stack_above(doc: Document, heading: int) -> Iterator[Finding]:
    """related.teaser: a link list of headlines stacked on adjacent lines between page
    furniture (a share prompt, a "Read more" button) and a teaser heading below them.

    >>> from cleaner.model import Document
    >>> from cleaner.passes import cta
    >>> doc = Document("The council approved the budget on Monday after a long debate.\\nShare this article\\n\\n"
    ...                "Mayor opens new library\\nStorm closes the coast road\\nSchools reopen after the floods\\n\\n"
    ...                "Related articles\\nCouncil names new treasurer")
    >>> for f in cta.run(doc): _ = doc.record(f)
    >>> [f.line for f in stack_above(doc, 7)]
    [3, 4, 5]

    Keeps a list of the article's own right above the heading (no furniture above it).
    """
    above = doc.prev_nonblank(heading, kept_only=False)
    if above is None or above + 1 == heading:
        return  # no blank line between: the heading's own line group
    stack = []
    j = above
    while j >= 0 and not doc.lines[j].blank and doc.kept(j) and _fits_headline(doc.lines[j].text):
        stack.append(j)
        j -= 1
    if j < 0 or not doc.lines[j].blank or len(stack) < STACK_MIN:
        return
    furniture = doc.prev_nonblank(j, kept_only=False)
    if furniture is None or doc.kept(furniture):
        return
    for k in reversed(stack):
        yield Finding(k, "related.teaser", f"teaser headline {doc.lines[k].text[:60]!r}", "related",
                      {"title": doc.lines[k].text, "summary": None, "section": None})


def _next_adjacent(doc: Document, j: int) -> Optional[int]:
    """The next line if it directly follows ``j`` with no blank line between."""
    k = j + 1
    if k < len(doc.lines) and doc.kept(k):
        return k
    return None


def _blank_between(doc: Document, a: int, b: int) -> bool:
    """True when a blank line stands between lines ``a`` and ``b``."""
    return any(doc.lines[k].blank for k in range(a + 1, b))


def _removed_between(doc: Document, a: int, b: int) -> bool:
    """True when a line another pass removed stands between lines ``a`` and ``b``."""
    return any(k in doc.findings for k in range(a + 1, b))


def _stacked_pair(doc: Document, j: int, nxt: Optional[int]) -> bool:
    """Line ``j`` and the line right under it are both headlines: another stacked group."""
    return nxt is not None and _fits_headline(doc.lines[j].text) and _fits_headline(doc.lines[nxt].text)


def _label_shaped(text: str) -> bool:
    """A section label ("News", "World Cup"): one word, or a few capitalised ones.

    A short headline in sentence case ("Storm closes bridge") is not a label.

    >>> _label_shaped("News"), _label_shaped("Middle East"), _label_shaped("Storm closes bridge")
    (True, True, False)
    """
    words = text.split()
    return len(words) == 1 or (len(words) <= LABEL_MAX_WORDS and all(not w[0].islower() for w in words))


def _fits_headline(text: str) -> bool:
    return headline_shaped(text) and count_words(text) <= TEASER_MAX_WORDS and not is_prose(text)


def _same(a: str, b: str) -> bool:
    return lexicon.fold(a) == lexicon.fold(b)

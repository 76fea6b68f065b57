"""related.heading / related.teaser / related.inline: teaser blocks and "Read more" links.

A heading such as "Related articles", "Read more", "Editor's choice",
"Popular", "More from Sport" or "Lesen Sie auch" starts a block of teasers.
The block runs on while the lines read as teasers: section labels, headlines
(each optionally repeated) and at most one summary paragraph per headline. It
ends at the first prose paragraph that no headline introduces. A summary
follows its headline directly, or after a blank line when the teaser is a
card: its headline printed twice, or a date or byline line under it (a section label
may follow that date); a prose paragraph after a blank line under a bare
headline is the article going on. Headlines stacked on adjacent lines
are a link list, which ends at the blank line after it unless another heading
or another stacked group follows. Every teaser goes to ``related`` as
``{"title", "summary", "section"}``. The block is read by
:func:`cleaner.teasers.block`, which the boundary pass asks too (see there why).

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

from typing import Iterator, Optional

from .. import lexicon
from ..layout import is_heading
from ..model import Document, Finding
from ..patterns import lazy_pattern
from ..shape import headline_shaped
from ..teasers import block, fits_headline

#: What stands between an inline label and its headline: "Also Read: …", "Related » …".
_LINK_SEPARATOR = lazy_pattern(r"\s*[:：|»›>\-–—]+\s*(?=\S)")


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
_CUT_OFF = lazy_pattern(r"\p{L}(?:…|\.\.\.)$")
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
    # A one-word label of ``related_bare_labels`` ("Read: …", "Lea: …") needs its colon:
    # without it the word opens a sentence ("Read the report", "Mira se fue").
    if sep is None or (label in lexicon.phrase_set("related_bare_labels") and not text[end:sep.end()].lstrip().startswith((":", "："))):
        return None
    return text[sep.end():].strip()


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
    while j >= 0 and not doc.lines[j].blank and doc.kept(j) and fits_headline(doc.lines[j].text):
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



"""The passes, in the order they run.

Each pass is a module with a ``run(doc)`` function that yields
:class:`~cleaner.model.Finding` objects; the pipeline records the first finding
for each line. The order matters where passes read each other's work:

0. ``markup``     lines of raw HTML tags only (markup left in a scrape)
1. ``ads``        ad-slot markers
2. ``cta``        calls to action, share bars, site controls, footers
3. ``dates``      "Published/Updated" date lines      -> date_published, date_modified
4. ``credits``    image and photo credits, captions   -> image_credits
5. ``byline``     bylines                             -> authors
6. ``bio``        the authors' biographies, contributor notes
7. ``source``     source and agency lines             -> sources
8. ``tags``       "Tags: …", "Filed under: …" lines   -> tags, categories
9. ``boundary``   the page around the article (menus, rails, comments, footers),
                  scored with the lines above already gone
10. ``related``   teaser blocks and "Read more" links -> related
    (the site profile's step, when a profile is given: :data:`SITE_STEP`)
11. ``duplicates`` repeated promos and headlines
12. ``links``     Markdown lines of links only (menus, tag lists, teasers); the
                  boundary pass already scores them as furniture, and they go
                  after ``related`` so that teasers are recorded first
13. ``boundary``  again: with the teaser blocks gone, the article's ends are
                  clearer, so page furniture left beside them is cut
14. ``title``     the headline, once the lines above it are gone -> title

Boundary runs before ``related`` so that a menu under a heading such as
"Latest" is judged as page furniture, not read as a teaser block that runs on
into the article.

:data:`PIPELINE` is that order, the one table the text path, the HTML path
(:func:`runs_on_html`) and the site profile (:func:`with_step`) read; a step
is known by its row's name there (:func:`step_name`), not by its module's.
"""
from types import ModuleType
from typing import NamedTuple, Optional

from . import (
    ads,
    bio,
    boundary,
    byline,
    credits,
    cta,
    dates,
    duplicates,
    links,
    markup,
    related,
    source,
    tags,
    title,
)


class Row(NamedTuple):
    """One step of :data:`PIPELINE`: its name, the pass module (``run(doc)``), and
    whether it runs on the text the extractor took from an HTML page."""

    name: str
    step: Optional[ModuleType]
    on_html: bool


#: Where the site profile's step runs (:func:`with_step`): after the passes that
#: read the page's structure (``boundary`` finds the article, ``related`` takes
#: teaser blocks by their heading, the lexicon passes take bylines and dates
#: with their metadata), so it only removes what they left, and before
#: ``title``, so a recurring masthead or promo above the headline is not taken
#: for it.
SITE_STEP = "site_repeated"

#: The steps in run order: the one place that decides it, for text, HTML and
#: profile runs alike. ``on_html`` is False for the passes that do not run on
#: extracted HTML: ``boundary`` finds where the article starts and ends in a
#: whole page of text; the extractor has already done that from the markup,
#: and on its output the boundary scores cut real article tails (tables, lists,
#: notes). ``title`` takes a headline-shaped first line as the title; on
#: extracted text the first line is usually the lead paragraph or a
#: subheading, so the headline is recognised by the page's own title instead
#: (``html.title``). The :data:`SITE_STEP` row has no pass: the step comes
#: from the site profile, when one is given.
PIPELINE = (
    Row("markup", markup, True),
    Row("ads", ads, True),
    Row("cta", cta, True),
    Row("dates", dates, True),
    Row("credits", credits, True),
    Row("byline", byline, True),
    Row("bio", bio, True),
    Row("source", source, True),
    Row("tags", tags, True),
    Row("boundary", boundary, False),
    Row("related", related, True),
    Row(SITE_STEP, None, True),
    Row("duplicates", duplicates, True),
    Row("links", links, True),
    Row("boundary", boundary, False),
    Row("title", title, False),
)

#: The text passes in run order.
TEXT_PASSES = tuple(row.step for row in PIPELINE if row.step is not None)

_ROWS = {id(row.step): row for row in PIPELINE if row.step is not None}


def step_name(step) -> str:
    """The name a step goes by: its row's in :data:`PIPELINE`; for another step
    (an object with ``run(doc)``), its ``NAME``, else the last part of its
    ``__name__``, else its class's name.

    >>> step_name(TEXT_PASSES[0]), step_name(object())
    ('markup', 'object')
    """
    row = _ROWS.get(id(step))
    if row is not None:
        return row.name
    name = getattr(step, "NAME", None)
    if isinstance(name, str):
        return name
    return getattr(step, "__name__", type(step).__name__).rsplit(".", 1)[-1]


def runs_on_html(step) -> bool:
    """True when ``step`` runs on extracted HTML: as :data:`PIPELINE` says for
    its passes; another step says so by an ``ON_HTML`` attribute, and runs
    when it has none.

    >>> runs_on_html(boundary), runs_on_html(related), runs_on_html(object())
    (False, True, True)
    """
    row = _ROWS.get(id(step))
    return row.on_html if row is not None else bool(getattr(step, "ON_HTML", True))


def with_step(step, passes: Optional[tuple] = None) -> tuple:
    """``passes`` (default :data:`TEXT_PASSES`) with ``step`` inserted where
    :data:`SITE_STEP` stands in :data:`PIPELINE`: after the pass before it, else
    before the first pass after it, else at the end.

    >>> [step_name(p) for p in with_step("step")][10:13]
    ['related', 'str', 'duplicates']
    """
    passes = tuple(TEXT_PASSES if passes is None else passes)
    k = next(n for n, row in enumerate(PIPELINE) if row.name == SITE_STEP)
    ids = [id(p) for p in passes]
    if id(PIPELINE[k - 1].step) in ids:
        i = ids.index(id(PIPELINE[k - 1].step)) + 1
    else:
        i = next((ids.index(id(row.step)) for row in PIPELINE[k + 1:] if id(row.step) in ids), len(passes))
    return passes[:i] + (step,) + passes[i:]


__all__ = ["PIPELINE", "SITE_STEP", "TEXT_PASSES", "Row", "runs_on_html", "step_name", "with_step"]

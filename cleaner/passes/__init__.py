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
"""
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

#: The text passes in run order.
TEXT_PASSES = (markup, ads, cta, dates, credits, byline, bio, source, tags, boundary, related, duplicates, links, boundary, title)

__all__ = ["TEXT_PASSES"]

"""The passes, in the order they run.

Each pass is a module with a ``run(doc)`` function that yields
:class:`~cleaner.model.Finding` objects; the pipeline records the first finding
for each line. The order matters where passes read each other's work:

1. ``ads``        ad-slot markers
2. ``cta``        calls to action, share bars, site controls
3. ``dates``      "Published/Updated" date lines      -> date_published, date_modified
4. ``credits``    image and photo credits             -> image_credits
5. ``byline``     bylines                             -> authors
6. ``source``     source and agency lines             -> sources
7. ``related``    teaser blocks and "Read more" links -> related
8. ``duplicates`` repeated promos and headlines
9. ``boundary``   the page around the article (menus, rails, footers)
10. ``title``     the headline, once the lines above it are gone -> title
"""
from . import ads, boundary, byline, credits, cta, dates, duplicates, related, source, title

#: The text passes in run order.
TEXT_PASSES = (ads, cta, dates, credits, byline, source, boundary, related, duplicates, title)

__all__ = ["TEXT_PASSES"]

"""Run the passes over a document: they label lines, nothing is deleted here.

>>> from cleaner.passes import TEXT_PASSES
>>> doc = run_passes(Document("Advertisement\\nA line of body text."), TEXT_PASSES)
>>> doc.findings[0].rule
'ads.marker'
"""
from __future__ import annotations

from typing import Iterable

from .model import Document


def run_passes(doc: Document, passes: Iterable) -> Document:
    """Apply each pass in order; the first finding for a line stands."""
    for p in passes:
        for finding in p.run(doc):
            doc.record(finding)
    return doc

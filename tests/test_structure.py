"""How passes depend on each other: by rule family, by an ordered table, by name."""
from __future__ import annotations

import pytest

from cleaner.model import RULE_FAMILIES, Document, Finding


def test_a_misspelt_rule_family_is_an_error_not_a_silent_miss():
    doc = Document("Photo: Jane Smith\nText.")
    doc.record(Finding(0, "credits.image", "credit"))
    assert doc.removed_by(0, "credits")
    with pytest.raises(ValueError):
        doc.removed_by(0, "credit")  # the family is "credits": a prefix of it is not a family


def test_every_rule_id_the_passes_emit_on_the_cases_has_a_declared_family():
    import json
    from pathlib import Path

    from cleaner import clean_text

    cases = Path(__file__).parent / "cases"
    families = set()
    for path in sorted(cases.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            text = case["text"] if isinstance(case["text"], str) else "\n".join(case["text"])
            families.update(r.rule.partition(".")[0] for r in clean_text(text).removed)
    assert families and families <= RULE_FAMILIES

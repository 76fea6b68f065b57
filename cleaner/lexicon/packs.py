"""Language packs: the data files of the lexicon, found in its folder and checked on load.

A language pack is one file ``<code>.json`` in ``cleaner/lexicon/`` (``code`` a
BCP 47 language code: ``en``, ``de``, ``nl``). Every file found there is a
pack: adding a language is adding a file, no code changes. Each key of a pack
is one of :data:`KEYS` (documented, with the rules that read it, in
``cleaner/lexicon/README.md``); a key not listed there, or a value of the wrong
type, is refused with the file and the key named, so a typo in a new pack
("relative_time" for ``relative_times``) is an error, not a list silently
ignored. Keys starting with ``_`` are comments (``"_about"``) and are skipped.

>>> "en" in discover() and "de" in discover()
True
>>> check("xx.json", {"ad_markers": ["advertentie"], "_about": "a note"})
>>> check("xx.json", {"ad_marker": ["advertentie"]})
Traceback (most recent call last):
...
ValueError: xx.json: unknown key 'ad_marker' (a typo? the keys are listed in cleaner/lexicon/README.md)
>>> check("xx.json", {"months": ["januari"]})
Traceback (most recent call last):
...
ValueError: xx.json: key 'months' must be a mapping of phrase to month number 1-12
"""
from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from typing import Dict, Tuple

#: A pack's file name: a language code, lower case, with an optional region or
#: script subtag ("pt-br"); other JSON files in the folder are not packs.
_PACK_NAME = re.compile(r"([a-z]{2,3}(?:-[a-z0-9]{2,8})?)\.json")
#: The folder of the packs.
FOLDER = os.path.dirname(os.path.realpath(__file__))
#: English comes first in the merge order: its lists head the merged lists.
FIRST = "en"

#: Every key a pack may hold and its type: ``list`` (of lower-case phrases) or
#: ``dict`` (``months``: phrase to month number). What each key matches and which
#: rules read it is in README.md beside this file (``tests/test_lexicon_packs.py``
#: checks that the two agree).
KEYS: Dict[str, type] = {
    "ad_markers": list, "related_headings": list, "related_heading_prefixes": list, "related_inline": list,
    "related_bare_labels": list,
    "tag_labels": list, "category_labels": list, "cta": list, "ui_labels": list, "share_networks": list,
    "credit_labels": list, "credit_joiners": list, "credit_name_words": list, "credit_label_suffixes": list,
    "agency_suffixes": list,
    "byline_prefixes": list, "byline_roles": list, "byline_name_enders": list,
    "name_particles": list, "name_joiners": list,
    "author_prefixes": list, "author_non_names": list,
    "source_prefixes": list, "source_joiners": list, "source_prepositions": list,
    "date_published": list, "date_modified": list, "date_connectors": list, "date_leads": list, "approximately": list,
    "months": dict, "weekdays": list, "day_suffixes": list, "time_suffixes": list,
    "reading_time": list, "relative_times": list,
    "comment_headings": list, "comment_words": list, "comment_counts": list, "count_ones": list,
    "comment_policies": list, "policy_addressees": list, "reply_cancels": list,
    "support_appeals": list, "result_counts": list, "footer_phrases": list, "footer_notices": list,
    "disclosures": list, "photo_agencies": list, "caption_prefixes": list,
    "bio_prefixes": list, "bio_roles": list, "bio_copulas": list, "bio_self_intros": list,
    "contributor_prefixes": list, "contributor_phrases": list, "contributor_joiners": list,
    "consent": list, "consent_objects": list, "newsletter_words": list, "newsletter_prompts": list,
    "markup_ads": list, "markup_share": list, "markup_comments": list,
    "stopwords": list,
}


def discover(folder: str = FOLDER) -> Tuple[str, ...]:
    """The language codes of the packs in ``folder``: English first, the others by name."""
    codes = sorted(m.group(1) for m in map(_PACK_NAME.fullmatch, os.listdir(folder)) if m)
    return tuple(sorted(codes, key=lambda code: code != FIRST))


@lru_cache(maxsize=None)
def load(path: str) -> Dict[str, object]:
    """The pack at ``path``, checked (:func:`check`); read once per process (do not change it)."""
    with open(path, encoding="utf-8") as f:
        try:
            loaded = json.load(f)
        except json.JSONDecodeError as e:
            raise ValueError(f"{os.path.basename(path)}: not valid JSON: {e}") from None
    check(os.path.basename(path), loaded)
    return loaded


def check(name: str, pack: object) -> None:
    """Raise ``ValueError`` naming ``name`` and the key when ``pack`` has an
    unknown key or a value of the wrong type."""
    if not isinstance(pack, dict):
        raise ValueError(f"{name}: a pack is a JSON object of keys, not {type(pack).__name__}")
    for key, value in pack.items():
        if key.startswith("_"):
            continue
        kind = KEYS.get(key)
        if kind is None:
            raise ValueError(f"{name}: unknown key {key!r} (a typo? the keys are listed in cleaner/lexicon/README.md)")
        if kind is dict:
            if not isinstance(value, dict) or not all(
                    isinstance(k, str) and k and type(v) is int and 1 <= v <= 12 for k, v in value.items()):
                raise ValueError(f"{name}: key {key!r} must be a mapping of phrase to month number 1-12")
        elif not isinstance(value, list) or not all(isinstance(p, str) and p.strip() for p in value):
            raise ValueError(f"{name}: key {key!r} must be a list of non-empty phrases (strings)")

"""The language of a text, as a BCP 47 code, from its most common words.

Every language has a few dozen short words that make up a large share of any
text in it ("the", "and", "der", "und", "le", "et"). Counting them over the
first :data:`SAMPLE_CHARS` characters tells the languages of the lexicon (and a
few more) apart cheaply: one pass of a word pattern and set look-ups, no model,
no import beyond the standard library and regex. Scripts that only one language of the
table writes decide alone (Hangul: Korean; kana: Japanese; Han without kana:
Chinese; Greek). When the evidence is thin or two languages are close the
answer is ``None``: no language is better than a wrong one for an indexer.

>>> detect("The council approved the budget on Monday after a long debate, and the mayor said it would protect services.")
'en'
>>> detect("Der Stadtrat hat den Haushalt am Montag nach einer langen Debatte beschlossen, und die Opposition will dagegen klagen.")
'de'
>>> detect("Le conseil municipal a adopté le budget lundi après un long débat, et l'opposition veut le contester.")
'fr'
>>> detect("Budget") is None
True
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Dict, FrozenSet, Optional, Tuple

from .patterns import lazy_pattern

#: Only the start of the text is read: a few paragraphs decide, and the cost
#: stays flat however long the page.
SAMPLE_CHARS = 5000
#: At least this many stop words of the best language, else ``None``.
MIN_HITS = 3
#: The best language needs this many times the hits of the runner-up.
MIN_RATIO = 1.5
#: A script that one language writes decides when this share of the letters is in it.
SCRIPT_SHARE = 0.3


@lru_cache(maxsize=None)
def stopwords() -> Dict[str, FrozenSet[str]]:
    """The most frequent short words of each language: articles, pronouns,
    prepositions, conjunctions, forms of "be" and "have". They are data: the
    ``stopwords`` key of each language pack (``cleaner/lexicon/<lang>.json``),
    so a new pack teaches the guess its language (a pack may hold only its stop
    words, and nothing else to start with). Words two languages share ("in", "die" is also English,
    "a") count for both, which is fine: the comparison is over many words."""
    from .lexicon import LANGUAGES, packs

    table: Dict[str, FrozenSet[str]] = {}
    for lang in LANGUAGES:
        words = packs.load(os.path.join(packs.FOLDER, f"{lang}.json")).get("stopwords")
        if words:
            table[lang.split("-")[0]] = frozenset(w.casefold() for w in words)
    return table


def __getattr__(name: str):
    # ``STOPWORDS``, each language's stop words, is read from the packs on first use, not on import.
    if name == "STOPWORDS":
        return stopwords()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@lru_cache(maxsize=None)
def _shares() -> Dict[str, Tuple[Tuple[str, float], ...]]:
    """Each stop word and the languages it belongs to, with its weight in each:
    a word of k languages counts 1/k for each ("le" says French or Spanish)."""
    shares: Dict[str, Tuple[Tuple[str, float], ...]] = {}
    for lang, words in stopwords().items():
        for w in words:
            shares[w] = shares.get(w, ()) + ((lang, 1.0),)
    return {w: tuple((lang, 1.0 / len(langs)) for lang, _ in langs) for w, langs in shares.items()}

_WORD = re.compile(r"[^\W\d_]+")
# The script ranges are compiled by the regex module: a range of code points means the
# same to both engines, and the standard one takes about 5 ms to build the tables of
# these large ranges at every start-up (regex: 0.2 ms).
_HANGUL = lazy_pattern(r"[\uac00-\ud7af]")
_KANA = lazy_pattern(r"[\u3040-\u30ff]")
_HAN = lazy_pattern(r"[\u4e00-\u9fff]")
_GREEK = lazy_pattern(r"[\u0370-\u03ff]")
#: Any character of the four ranges above: most non-ASCII samples (curly quotes, accents)
#: have none, and then no script can reach its share, whatever the letter count.
_ANY_SCRIPT = lazy_pattern(r"[\u0370-\u03ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
_LETTER = re.compile(r"[^\W\d_]")


def detect(text: str) -> Optional[str]:
    """The BCP 47 code of the language ``text`` is written in, or ``None`` when unsure.

    >>> detect("El consejo aprobó el presupuesto el lunes después de un largo debate y la oposición no está de acuerdo.")
    'es'
    >>> detect("Rada miasta przyjęła budżet w poniedziałek po długiej debacie i opozycja nie jest z tego zadowolona, że to tak.")
    'pl'
    >>> detect("新しい図書館が開館した。市民は喜んでいる。"), detect("新华网河北频道消息，话剧巡演结束。")
    ('ja', 'zh')
    >>> detect("the and") is None  # too few words to tell
    True
    """
    sample = text[:SAMPLE_CHARS]
    script = _script(sample)
    if script is not None:
        return script
    counts = {lang: 0.0 for lang in stopwords()}
    shares = _shares()
    # Only the stop words, picked out in C (most words are none): the same additions in the same order.
    for word in filter(shares.__contains__, _WORD.findall(sample.lower())):
        for lang, share in shares[word]:
            counts[lang] += share
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    (best, hits), (_, second) = ranked[0], ranked[1]
    if hits < MIN_HITS or hits < MIN_RATIO * second:
        return None
    return best


def _script(sample: str) -> Optional[str]:
    """The language a script alone names, when enough of the letters are in it."""
    if sample.isascii():
        return None  # no letter of these scripts (nor their patterns, compiled on first use) needed
    if not _ANY_SCRIPT.search(sample):
        # Every script count below is 0, and 0 reaches no share of a positive letter
        # count: the answer is None, without listing every letter of the sample.
        return None
    letters = len(_LETTER.findall(sample))
    if not letters:
        return None
    need = SCRIPT_SHARE * letters
    if len(_HANGUL.findall(sample)) >= need:
        return "ko"
    kana = len(_KANA.findall(sample))
    han = len(_HAN.findall(sample))
    if kana + han >= need:
        return "ja" if kana else "zh"
    if len(_GREEK.findall(sample)) >= need:
        return "el"
    return None

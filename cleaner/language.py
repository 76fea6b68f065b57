"""The language of a text, as a BCP 47 code, from its most common words.

Every language has a few dozen short words that make up a large share of any
text in it ("the", "and", "der", "und", "le", "et"). Counting them over the
first :data:`SAMPLE_CHARS` characters tells the languages of the lexicon (and a
few more) apart cheaply: one pass of a word pattern and set look-ups, no model,
no import beyond the standard library. Scripts that only one language of the
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

import re
from typing import Dict, FrozenSet, Optional, Tuple

#: Only the start of the text is read: a few paragraphs decide, and the cost
#: stays flat however long the page.
SAMPLE_CHARS = 5000
#: At least this many stop words of the best language, else ``None``.
MIN_HITS = 3
#: The best language needs this many times the hits of the runner-up.
MIN_RATIO = 1.5
#: A script that one language writes decides when this share of the letters is in it.
SCRIPT_SHARE = 0.3

#: The most frequent short words of each language: articles, pronouns,
#: prepositions, conjunctions, forms of "be" and "have". Words two languages
#: share ("in", "die" is also English, "a") count for both, which is fine: the
#: comparison is over many words.
STOPWORDS: Dict[str, FrozenSet[str]] = {lang: frozenset(words.split()) for lang, words in {
    "en": "the and of to is that for it with was on are as be this have from by at not but or an "
          "they which you were their has been would will there what about when can more its who "
          "also said than into after his her she he we our these",
    "de": "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es "
          "an als wie bei oder aus nach wird sind noch nur einer einem werden hat kann über "
          "sie er wir ich zum zur vom haben war wurde diese dieser durch aber",
    "fr": "le la les et des est une un du en que qui dans pour pas sur au par plus ce il elle "
          "sont avec ne se ou mais nous vous leur aux été cette ont sa son ses était fait comme "
          "aussi très tout a l d qu après sans sous entre",
    "es": "el la los las de y que en un una es por con para del se no al lo como más pero sus "
          "le ha fue este esta son también entre cuando muy sin sobre ser hay desde todo nos "
          "durante uno ya están",
    "pt": "o a os as de do da dos das e que em um uma é para com não por se no na nos nas mais "
          "como mas foi ao ele ela são também seu sua ou quando muito já está pelo pela até isso "
          "entre depois",
    "it": "il lo la i gli le di del della dei delle e che è un una per con non si da al alla "
          "nel nella sono come più ma anche questo questa ha ci sul sulla dal dalla essere "
          "stato tra fra l dell nell all",
    "pl": "i w na z się nie do to że jest o jak po co ale od za przez dla jego jej są był była "
          "było tak już może tylko przy oraz także ich tym które który która czy bardzo też",
    "nl": "de het een en van is dat op te in voor met niet zijn er aan ook als maar bij door "
          "om dan nog wel naar over uit of deze was werd worden heeft hebben kan zo",
    "sv": "och i att det som en på är av för med till den har de inte om ett var jag men så "
          "vi han hon från ska kan eller när också efter",
    "nb": "og i er det som på en til av for med har ikke den et vi jeg kan om var seg fra men så "
          "ble blir skal også etter eller hun han når dette mot",
    "fi": "ja on ei että se oli ovat hän mutta kun myös tai kuin ole mitä joka jo nyt sen "
          "niin vain tämä siitä sitä olla voi",
    "ru": "и в не на что с по это как он она к но из у за от то для же так бы его было все "
          "был была только уже или также при",
}.items()}

#: Each stop word and the languages it belongs to, with its weight in each:
#: a word of k languages counts 1/k for each ("le" says French or Spanish).
_SHARES: Dict[str, Tuple[Tuple[str, float], ...]] = {}
for _lang, _words in STOPWORDS.items():
    for _w in _words:
        _SHARES[_w] = _SHARES.get(_w, ()) + ((_lang, 1.0),)
_SHARES = {w: tuple((lang, 1.0 / len(langs)) for lang, _ in langs) for w, langs in _SHARES.items()}

_WORD = re.compile(r"[^\W\d_]+")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_GREEK = re.compile(r"[\u0370-\u03ff]")
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
    counts = {lang: 0.0 for lang in STOPWORDS}
    for word in _WORD.findall(sample.lower()):
        for lang, share in _SHARES.get(word, ()):
            counts[lang] += share
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    (best, hits), (_, second) = ranked[0], ranked[1]
    if hits < MIN_HITS or hits < MIN_RATIO * second:
        return None
    return best


def _script(sample: str) -> Optional[str]:
    """The language a script alone names, when enough of the letters are in it."""
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

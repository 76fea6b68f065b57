"""The shortcuts of rendering and language detection give what the computations they skip give.

Each test holds a shortcut to the original computation, written out here as it
was: the script check that lists every letter of the sample, and the stop-word
count that looks up every word.
"""
import re

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import language

_LETTER = re.compile(r"[^\W\d_]")
_HANGUL = regex.compile(r"[\uac00-\ud7af]")
_KANA = regex.compile(r"[\u3040-\u30ff]")
_HAN = regex.compile(r"[\u4e00-\u9fff]")
_GREEK = regex.compile(r"[\u0370-\u03ff]")


def script_before(sample):
    """``language._script`` before the shortcut: every count, every time."""
    if sample.isascii():
        return None
    letters = len(_LETTER.findall(sample))
    if not letters:
        return None
    need = language.SCRIPT_SHARE * letters
    if len(_HANGUL.findall(sample)) >= need:
        return "ko"
    kana = len(_KANA.findall(sample))
    han = len(_HAN.findall(sample))
    if kana + han >= need:
        return "ja" if kana else "zh"
    if len(_GREEK.findall(sample)) >= need:
        return "el"
    return None


def detect_before(text):
    """``language.detect`` before the stop-word filter: a look-up for every word."""
    sample = text[:language.SAMPLE_CHARS]
    script = script_before(sample)
    if script is not None:
        return script
    counts = {lang: 0.0 for lang in language.stopwords()}
    shares = language._shares()
    for word in language._WORD.findall(sample.lower()):
        for lang, share in shares.get(word, ()):
            counts[lang] += share
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    (best, hits), (_, second) = ranked[0], ranked[1]
    if hits < language.MIN_HITS or hits < language.MIN_RATIO * second:
        return None
    return best


#: Characters at the edges of the script ranges, letters that are in none, digits and marks.
SCRIPT_CHARS = list("aZ9 .’“—é\u0301ß½\u036f\u0370\u03b1\u03ff\u0400\u303f\u3040\u3042\u30ab\u30ff"
                    "\u3100\u4dff\u4e00\u4e2d\u9fff\ua000\uabff\uac00\ud55c\ud7af\ud7b0")
SAMPLES = st.one_of(st.text(alphabet=st.sampled_from(SCRIPT_CHARS), max_size=40), st.text(max_size=40))

#: Words that are stop words of one language, of several, and none; mixed case.
WORDS = ["the", "and", "The", "der", "und", "le", "et", "de", "la", "il", "die", "in", "a", "en",
         "budget", "Monday", "Haushalt", "que", "el", "och", "i", "na", "w", "że", "και", "日本"]
TEXTS = st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join)


@settings(max_examples=3000)
@given(SAMPLES)
def test_script_as_before(sample):
    assert language._script(sample) == script_before(sample)


@settings(max_examples=2000)
@given(st.one_of(TEXTS, SAMPLES))
def test_detect_as_before(text):
    assert language.detect(text) == detect_before(text)


def test_detect_as_before_on_long_texts():
    # Past the sample: the words after SAMPLE_CHARS are not read, before or after.
    text = "Der Rat und die Stadt " * 300 + "the and of the " * 500
    assert language.detect(text) == detect_before(text) == "de"
    assert language.detect("Ελληνικά κείμενα και λέξεις " * 3) == script_before("Ελληνικά κείμενα και λέξεις " * 3) == "el"


# --- render: the word count by the standard library's engine in bytes ---

from cleaner import render  # noqa: E402

_WORD = regex.compile(r"\w+")
#: ASCII word and non-word characters, non-ASCII punctuation, letters, marks, digits, joiners, CJK.
WORD_CHARS = list("aZ9_ .-'\n?’“”—…\u00a0éßſİı\u0301\u0663\u00b2\u00bd\u200d\u200c\u203f中あ한\U0001d7ce🙂")
WORD_TEXTS = st.one_of(st.text(alphabet=st.sampled_from(WORD_CHARS), max_size=40), st.text(max_size=40))


@settings(max_examples=4000)
@given(WORD_TEXTS)
def test_word_count_as_the_pattern(text):
    assert render._count_words(text) == len(_WORD.findall(text))


def test_word_count_in_chunks(monkeypatch):
    # Across chunk ends (cut at a newline) the count is the whole text's.
    monkeypatch.setattr(render, "_COUNT_CHUNK", 8)
    text = "It’s 5 o’clock —\nthe “late” news\n\nof the day\n" * 5
    assert render._count_words(text) == len(_WORD.findall(text)) == 55

"""What a line looks like: headline, prose, label. Thresholds live here, named.

These are the shape tests every pass shares, so that "short", "prose" and
"headline-like" mean the same thing everywhere.
"""
from __future__ import annotations

import re

from .patterns import lazy_pattern

#: A headline or teaser title has at most this many words; real headlines run
#: 5-20 words, and 30 leaves room for the long ones some sites write.
HEADLINE_MAX_WORDS = 30
#: A headline (as opposed to a label such as "Email" or "Top Stories") has at
#: least this many words.
HEADLINE_MIN_WORDS = 3
#: A line of at least this many words reads as prose, whatever its punctuation.
PROSE_MIN_WORDS = 25
#: ... and a sentence ending in a full stop, from this many words: shorter ones
#: are captions, labels and teaser lines as often as body ("Photo: Reuters.").
SENTENCE_PROSE_MIN_WORDS = 8
#: A headline-shaped line (a teaser title, a subheading) has at least this many
#: words: one word is a label ("News", "Email"). The article's own headline needs
#: more (:data:`HEADLINE_MIN_WORDS`): a two-word line is as often a section name.
HEADLINE_SHAPED_MIN_WORDS = 2
#: A section label ("News", "World") in a teaser list has at most this many words.
LABEL_MAX_WORDS = 3
#: A call to action or control label is short: at most this many words.
CTA_MAX_WORDS = 20

#: Invisible characters that scrapers leave around text (zero-width space, joiners,
#: word joiner, byte-order mark): :mod:`cleaner.model` drops them from the forms
#: lines are matched in; after a sentence they close it (:data:`CLOSERS`).
INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff"

#: What ends a sentence, and the closing quotes and brackets that may follow it,
#: and Markdown's emphasis markers (``*Eine Ameise in einer Bar!*``, ``**Done.**``,
#: ``_Fin._``): a scraper that writes Markdown closes an emphasised sentence with them;
#: and the invisible format characters a page leaves after a sentence (zero-width
#: space, joiners, word joiner, the invisible operators U+2061-U+2064 such as the
#: invisible separator U+2063, byte-order mark).
#: The end tests below are string operations, not patterns: they run on most
#: lines of a page, several times (what the patterns ``[.!?…。！？][CLOSERS]*$``
#: and ``(?:(?<!\.)\.|。)[CLOSERS]*$`` say; ``tests/test_fast_paths.py`` holds
#: them to that).
SENTENCE_ENDS = (".", "!", "?", "…", "。", "！", "？")
CLOSERS = "\"'”’»)]」』）*_" + INVISIBLE_CHARS + "\u2061\u2062\u2063\u2064"
_LETTER = lazy_pattern(r"\p{L}")
#: Scripts written without spaces between words: Thai, Lao, Myanmar, Khmer,
#: Japanese kana, CJK ideographs. Code-point ranges with the standard library's
#: engine, because this runs on every line: 0.4 µs a line against 1.7 µs with
#: ``regex`` ranges and 3 µs with ``\p{Han}``-style classes (measured). Compiled on first
#: use: the standard library takes 2.5 ms over these ranges, and ASCII text never reads it.
UNSPACED = lazy_pattern("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf"
                        "\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]", engine=re)
#: In those scripts a word is about this many characters: a 60-character
#: Japanese sentence counts as the 30 words it roughly holds, not as one.
UNSPACED_CHARS_PER_WORD = 2


def count_words(text: str) -> int:
    """The number of words of ``text``: tokens between spaces, and in scripts
    written without spaces, characters by :data:`UNSPACED_CHARS_PER_WORD`.

    >>> count_words("The council met on Monday."), count_words("商標権侵害と判断される場合があります。")
    (5, 10)
    """
    n = len(text.split())
    if text.isascii():
        return n
    unspaced = len(UNSPACED.findall(text))
    return n + unspaced // UNSPACED_CHARS_PER_WORD if unspaced else n


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends like a sentence (., !, ?, … with closing quotes).

    >>> ends_sentence('He said "no."'), ends_sentence("Breaking news")
    (True, False)
    >>> ends_sentence("*Das Buch ist im Handel, 14,90 Euro.*"), ends_sentence("**Neu im Shop**")
    (True, False)
    >>> ends_sentence("Stir fry to mix well.\u2063"), ends_sentence("Some beansprouts\u2063")
    (True, False)
    """
    # Most lines end on the mark itself, or on a character that is no closer:
    # then there is nothing to strip (a function call spared on every line).
    if text.endswith(SENTENCE_ENDS):
        return True
    return text[-1:] in _STRIPPED_ENDS and _before_closers(text).endswith(SENTENCE_ENDS)


def ends_full_stop(text: str) -> bool:
    """True for a single final full stop (not an ellipsis "...").

    >>> ends_full_stop("It rained."), ends_full_stop("Wait..."), ends_full_stop("Why?")
    (True, False, False)
    """
    end = _before_closers(text) if text[-1:] in _STRIPPED_ENDS else text
    return end.endswith("。") or (end.endswith(".") and not end.endswith(".."))


#: The last characters :func:`_before_closers` removes: when a text ends on
#: none of them, it is its own end (a set: ``"" in`` a string would be true).
_STRIPPED_ENDS = frozenset(CLOSERS + "\n")


def _before_closers(text: str) -> str:
    """``text`` without the closing quotes and brackets at its end (and a final
    newline after them, where a pattern's ``$`` matches too)."""
    return (text[:-1] if text.endswith("\n") else text).rstrip(CLOSERS)


def has_letters(text: str) -> bool:
    # An ASCII letter first (most lines) is a letter to \p{L} too: no pattern needed.
    first = text[:1]
    return (first.isascii() and first.isalpha()) or bool(_LETTER.search(text))


_DIGIT = lazy_pattern(r"\d")
#: On an ASCII line ``\d`` is ``[0-9]``: the standard library's engine finds one at
#: about a third of the cost of a ``regex`` call, and compiles in microseconds (a
#: class spanning the non-ASCII ranges took 8 ms to compile, on every start-up).
_ASCII_DIGIT = lazy_pattern("[0-9]", engine=re)


def has_digit(text: str) -> bool:
    """``_DIGIT.search(text)``: on an ASCII line (most) by the standard library's engine.

    >>> has_digit("Posted 3 May"), has_digit("“No date” — here"), has_digit("٣ مايو")
    (True, False, True)
    """
    if text.isascii():
        return _ASCII_DIGIT.search(text) is not None
    return _DIGIT.search(text) is not None


_WEB_ADDRESS = lazy_pattern(r"(?:https?://|www\.)\S+")
#: What :data:`_WEB_ADDRESS` starts with: a cheap test first (most lines are none).
_WEB_ADDRESS_STARTS = ("http://", "https://", "www.")


def is_web_address(text: str) -> bool:
    """True when ``text`` is one web address and nothing else.

    >>> is_web_address("https://example.org/a"), is_web_address("www.example.org"), is_web_address("See www.example.org")
    (True, True, False)
    """
    return text.startswith(_WEB_ADDRESS_STARTS) and _WEB_ADDRESS.fullmatch(text) is not None


def is_prose(text: str) -> bool:
    """A body-like paragraph: long, or a sentence of several words.

    >>> is_prose("The council approved the budget on Monday after a long debate.")
    True
    >>> is_prose("Council approves budget")
    False
    """
    n = count_words(text)
    return n >= PROSE_MIN_WORDS or (n >= SENTENCE_PROSE_MIN_WORDS and ends_full_stop(text))


def headline_shaped(text: str) -> bool:
    """A line that could be a headline or teaser title: short, not a sentence.

    >>> headline_shaped("Council approves budget after long debate")
    True
    >>> headline_shaped("The council approved the budget on Monday after a long debate.")
    False
    """
    return _shaped(text, count_words(text), HEADLINE_SHAPED_MIN_WORDS)


#: What ends a line that goes on (a label, a list): never a headline.
_OPEN_ENDS = (":", ",", ";", "：", "，", "、", "；")


def _shaped(text: str, n: int, least: int) -> bool:
    """:func:`headline_shaped` of ``text`` of ``n`` words, with at least ``least`` of them:
    the string tests before the letter pattern (all must hold, so the order changes no answer)."""
    return least <= n <= HEADLINE_MAX_WORDS and not ends_full_stop(text) and not text.endswith(_OPEN_ENDS) \
        and has_letters(text)


#: "Never heard them? Watch a clip!": complete sentences make a paragraph, not a
#: headline ("Smog in Krakow. City makes buses free" is a two-part headline).
_TWO_SENTENCES = lazy_pattern(r"\p{Ll}[.!?][\"'”’)]*\s+\p{Lu}")
#: A cut-off line ("… diagnosed with the plague,...") is a teaser or a standfirst,
#: and a clock time ("Posted Nov 19, 6:51 AM") belongs to a date line.
_CLOCK = lazy_pattern(r"\b\d{1,2}:\d{2}\b")
_NOT_HEADLINE = lazy_pattern(r"^(?:[•▪◦●·*+–o-]\s|\d{1,3}[.)]\s)|https?://|www\.|\S@\S")


def headline_candidate(text: str) -> bool:
    """A line that can be the article's headline: headline-shaped, a few words,
    not a list item, a link or an address.

    >>> headline_candidate("Council approves budget after long debate"), headline_candidate("* Email")
    (True, False)
    >>> headline_candidate("Never heard them sing? Watch a short clip!")
    False
    >>> headline_candidate("Smog in Krakow. City makes buses free")
    True
    >>> headline_candidate("Two people in China were diagnosed with the plague,..."), headline_candidate("Posted Nov 19, 6:51 AM")
    (False, False)
    """
    # The words counted once (headline_shaped counted them again), the string tests
    # before the patterns, and each pattern only where the characters it needs
    # occur; every test must hold, so their order changes no answer
    # (``tests/test_fast_paths_layout.py`` holds this to the definition above).
    return (_shaped(text, count_words(text), max(HEADLINE_SHAPED_MIN_WORDS, HEADLINE_MIN_WORDS)) and not text.endswith(("...", "…"))
            and not (_may_not_be_headline(text) and _NOT_HEADLINE.search(text))
            and not (ends_sentence(text) and _TWO_SENTENCES.search(text))
            and not (":" in text and _CLOCK.search(text)))


#: The first characters :data:`_NOT_HEADLINE`'s list-item branch can start with, besides digits.
_ITEM_STARTS = frozenset("•▪◦●·*+–o-")


def _may_not_be_headline(text: str) -> bool:
    """False when :data:`_NOT_HEADLINE` cannot match: no "://", "www.", "@", and a
    first character that is ASCII, no digit and no bullet."""
    first = text[:1]
    return (first in _ITEM_STARTS or not first.isascii() or first.isdigit()
            or "://" in text or "www." in text or "@" in text)

"""The fast paths of the shape and layout predicates say what their definitions say.

Each test copies the predicate as it was written before a shortcut (string
pre-checks before patterns, tests reordered, words counted once) and asserts
that the fast version answers the same on any text, the awkward characters
included (``regex`` and ``str`` disagree at the edges of \\d, \\s and case).
"""
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import layout, lexicon, shape
from cleaner.model import Line

#: Text made mostly of the characters the patterns and pre-checks care about.
AWKWARD = st.text(alphabet=st.sampled_from(
    list(".!?…。！？\"'”’»)]」』）:：,，、；;\n aAzZ9_-é\u00a0ſKİı٣²•▪◦●·*+–o@/wW漢ア") + [chr(0x1E4F1), "ǅ", "ª"]),
    max_size=16)
#: Line-like strings built from pieces: clock times, addresses, bullets, sentence ends.
PIECES = st.lists(st.sampled_from(["Council", "approves", "budget", "the", "plan", " ", "  ", "6:51", "12:3", "٣:٤٥",
                                   "https://x.org", "www.", "WWW.", "a@b", "@", "* ", "• ", "o ", "1. ", "12) ", "١. ",
                                   "...", "…", ".", "?", "!", "”", ":", ",", "Smog.", "Watch", "no.", "漢字", "²",
                                   "Related", "articles", "More", "from", "Sport", "[Home](/)", "![x](y.png)"]),
                  max_size=10).map("".join)
ANY = st.one_of(AWKWARD, PIECES, st.text(max_size=40))

_LETTER = regex.compile(r"\p{L}")
_TWO_SENTENCES = regex.compile(r"\p{Ll}[.!?][\"'”’)]*\s+\p{Lu}")
_CLOCK = regex.compile(r"\b\d{1,2}:\d{2}\b")
_NOT_HEADLINE = regex.compile(r"^(?:[•▪◦●·*+–o-]\s|\d{1,3}[.)]\s)|https?://|www\.|\S@\S")


def headline_shaped_by_definition(text):
    n = shape.count_words(text)
    return shape.HEADLINE_SHAPED_MIN_WORDS <= n <= shape.HEADLINE_MAX_WORDS and not shape.ends_full_stop(text) \
        and bool(_LETTER.search(text)) and not text.endswith((":", ",", ";", "：", "，", "、", "；"))


def headline_candidate_by_definition(text):
    return (headline_shaped_by_definition(text) and shape.count_words(text) >= shape.HEADLINE_MIN_WORDS
            and not _NOT_HEADLINE.search(text)
            and not (_TWO_SENTENCES.search(text) and shape.ends_sentence(text))
            and not text.endswith(("...", "…")) and not _CLOCK.search(text))


@settings(max_examples=4000)
@given(ANY)
def test_shape_predicates_as_defined(text):
    assert shape.has_letters(text) == bool(_LETTER.search(text))
    assert shape.headline_shaped(text) == headline_shaped_by_definition(text)
    assert shape.headline_candidate(text) == headline_candidate_by_definition(text)


def test_shape_cases():
    # Keep-cases and remove-cases of each branch the pre-checks skip or reach.
    assert shape.headline_candidate("Council approves budget after debate")
    assert not shape.headline_candidate("* Council approves budget")
    assert shape.headline_candidate("opens: Council approves budget")  # ASCII first letter, no clock
    assert not shape.headline_candidate("Council meets at 6:51 today")
    assert not shape.headline_candidate("Council approves budget www.example.org")
    assert not shape.headline_candidate("Write to desk@example.org now")
    assert not shape.headline_candidate("١. Council approves budget")  # an Arabic-Indic digit is a \d
    assert shape.headline_candidate("Council: a budget of 12:3")  # no clock (one digit after the colon)
    assert not shape.has_letters("12 345 !") and shape.has_letters("12 Über") and shape.has_letters("漢")


def is_heading_by_definition(line):
    if line.folded in lexicon.phrase_set("related_headings"):
        return True
    if line.words > layout.HEADING_MAX_WORDS or \
            line.first_word not in lexicon.first_words("related_heading_prefixes"):
        return False
    return not line.text.endswith(".") and lexicon.match_prefix("related_heading_prefixes", line.text) is not None


@settings(max_examples=2000)
@given(ANY)
def test_is_heading_as_defined(text):
    line = Line(0, text, " ".join(text.split()))
    assert layout.is_heading(line) == is_heading_by_definition(line)


def test_is_heading_follows_the_active_lexicon():
    # The tables are cached per lexicon: a rule file's headings reach is_heading, and leave with it.
    whole, prefixed = Line(0, "Zebra corner", "Zebra corner"), Line(1, "Zebra news today", "Zebra news today")
    assert not layout.is_heading(whole) and not layout.is_heading(prefixed)
    extra = {"related_headings": ["zebra corner"], "related_heading_prefixes": ["zebra news"]}
    with lexicon.using(lexicon.stock().extended(extra)):
        assert layout.is_heading(whole) and layout.is_heading(prefixed)
        assert not layout.is_heading(Line(2, "Zebra news today.", "Zebra news today."))  # a sentence stays
    assert not layout.is_heading(whole) and not layout.is_heading(prefixed)

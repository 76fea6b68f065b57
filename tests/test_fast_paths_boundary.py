"""The fast paths of the boundary and byline passes say what the patterns they guard say.

Each cheap test in front of a pattern (a first character, a prefix, a digit)
may only rule out lines the pattern would not match: the function with it
must give what the function without it gives, on any text, the awkward
characters included (digits of other scripts, letters that fold oddly).
"""
import sys

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import lexicon
from cleaner.dates import find_date
from cleaner.model import Document
from cleaner.passes import boundary
from cleaner.passes.boundary import (
    _LIST_ITEM,
    _LIST_STARTS,
    _NUMBER,
    COMMENT_COUNT_MAX_WORDS,
    COMMENT_HEADING_MAX_WORDS,
    HEADLINE_LINE_SCORE,
    LIST_ITEM_MIN_WORDS,
    LIST_LINE_SCORE,
    PROSE_WEIGHT,
    SHORT_LINE_SCORE,
    SHORT_MAX_WORDS,
    TABLE_ROW_MIN_TOKENS,
    TABLE_ROW_NUMBER_SHARE,
    UNPUNCTUATED_PROSE_FACTOR,
    _comment_patterns,
)
from cleaner.shape import _WEB_ADDRESS as _URL_LINE  # boundary's before shape.is_web_address held it
from cleaner.shape import count_words, ends_sentence, headline_shaped

#: Pieces of the lines these tests care about: figures, list markers, addresses,
#: comment counts, dates, words, and characters the engines treat apart.
PIECES = st.sampled_from([
    "12", "3.5", "$40", "€", "1,200", "%", "-", "+", "/", ":", "٣", "１２", "Ⅻ", "²", "http://", "https://", "www.",
    "HTTP://", "example.org", "•", "*", "o", "(a)", "1)", "Comments", "comments", "COMMENTS", "responses", "Reply",
    "(12)", "[3]", "to", "“Big win”", "3 May 2021", "May", "2021", "ago", "days", "The", "council", "met", ".", "!",
    "?", ":", "é", "ſ", "K", "İ", "_", "\u00a0", "\x1c", "\u2028", "Jane", "Smith", "By", "on",
])
PIECED = st.lists(PIECES, min_size=1, max_size=14).map(" ".join)
TEXT = st.one_of(PIECED, st.lists(PIECES, min_size=1, max_size=8).map("".join), st.text(min_size=1, max_size=40))


def _text_score_by_patterns(text: str) -> float:
    """:func:`boundary.text_score` as it was, every test a pattern."""
    tokens = text.split()
    words = len(tokens) if text.isascii() else count_words(text)
    if _URL_LINE.fullmatch(text):
        return 0.0
    item = text[0] in _LIST_STARTS and _LIST_ITEM.match(text)
    if item:
        text = text[item.end() - 1:]
        tokens = text.split()
        words = count_words(text)
    elif words >= TABLE_ROW_MIN_TOKENS and regex.search(r"\d", text) \
            and sum(bool(_NUMBER.match(t)) for t in tokens) >= TABLE_ROW_NUMBER_SHARE * words:
        return LIST_LINE_SCORE
    sentence = ends_sentence(text) or text.endswith(":")
    if item and not sentence and (words >= LIST_ITEM_MIN_WORDS or text[:1].isdigit()):
        return LIST_LINE_SCORE
    if words <= SHORT_MAX_WORDS and not sentence:
        return SHORT_LINE_SCORE
    if not sentence and headline_shaped(text):
        return HEADLINE_LINE_SCORE
    return words * PROSE_WEIGHT * (1.0 if sentence else UNPUNCTUATED_PROSE_FACTOR)


def _is_comment_heading_by_patterns(text: str) -> bool:
    """:func:`boundary._is_comment_heading` as it was: both patterns tried on every short line."""
    words = len(text.split())
    if words > COMMENT_HEADING_MAX_WORDS:
        return False
    if lexicon.fold(text) in lexicon.phrase_set("comment_headings"):
        return True
    lead, inside = _comment_patterns()
    return bool(lead.match(text)) or (words <= COMMENT_COUNT_MAX_WORDS and bool(inside.search(text)))


def test_no_letter_starts_a_figure():
    """The token test skips a token that opens with a letter (``str.isalpha``): no
    letter of any script is a character of :data:`boundary._NUMBER` (all code points)."""
    letters = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isalpha()]
    assert len(letters) > 100_000
    assert not [c for c in letters if _NUMBER.match(c)]
    assert _NUMBER.match("٣") and _NUMBER.match("$5") and not _NUMBER.match("K5")


def test_url_lines_start_with_their_prefixes():
    assert all(_URL_LINE.fullmatch(t) for t in ("http://a.b", "https://a.b/c", "www.a.b"))
    assert boundary.text_score("https://example.org/a-page") == 0.0
    assert boundary.text_score("HTTPS://example.org/a-page") != 0.0  # the pattern is case-sensitive too
    assert boundary.text_score("see https://example.org/a-page") != 0.0


@settings(max_examples=1500, deadline=None)
@given(TEXT)
def test_text_score_as_the_patterns(text):
    text = text.strip()
    if text:
        assert boundary.text_score(text) == _text_score_by_patterns(text)


def test_table_rows_still_score_as_lists():
    assert boundary.text_score("Arsenal 12 9 2 1 29") == LIST_LINE_SCORE
    assert boundary.text_score("Total ٣ ١٢ $5 €4 1,200") == LIST_LINE_SCORE  # figures of any script
    # Keep-case: a sentence with a figure or two is prose, not a row.
    assert boundary.text_score("The council approved 12 of the 40 budget items on Monday.") > 0


@settings(max_examples=1500, deadline=None)
@given(TEXT)
def test_comment_heading_as_the_patterns(text):
    assert boundary._is_comment_heading(text) == _is_comment_heading_by_patterns(text)


def test_comment_headings_with_any_digits():
    assert boundary._is_comment_heading("34 responses to “Big win”")
    assert boundary._is_comment_heading("Comments (١٢)")  # Arabic-Indic digits are digits to the pattern too
    # Keep-cases: no count, no heading; a heading phrase without a digit is the lexicon's to name.
    assert not boundary._is_comment_heading("Comments from readers poured in after the decision.")
    assert not boundary._is_comment_heading("Responses to the plan")


@settings(max_examples=500, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=6).map("\n".join))
def test_first_date_is_the_first_date_of_the_plain_text(text):
    for ln in Document(text).lines:
        if not ln.blank:
            fact, found = ln.first_date, find_date(ln.plain)
            assert (fact is None) == (found is None)
            if found:  # (match objects compare by identity: their span, text and reading)
                assert (fact[0].span(), fact[0].string, fact[1]) == (found[0].span(), found[0].string, found[1])


def test_first_date_read_once():
    ln = Document("Posted on [3 May 2021](https://example.org) by Jane Smith").lines[0]
    assert ln.first_date[1] == "2021-05-03" and ln.first_date is ln.first_date
    assert Document("No date here").lines[0].first_date is None



def _is_timestamp_by_patterns(text: str) -> bool:
    """:func:`boundary._is_timestamp` as it was: the relative-time pattern tried on every short line."""
    if len(text.split()) > boundary.TIMESTAMP_MAX_WORDS:
        return False
    if lexicon.relative_time().search(text):
        return True
    found = find_date(text)
    return bool(found) and len(text) - (found[0].end() - found[0].start()) < boundary.TIMESTAMP_EXTRA_CHARS


#: The lexicon's relative times as a page prints them: any case, a number for "#", words around.
RELATIVE = st.tuples(st.sampled_from(sorted(set(lexicon.data().get("relative_times", [])))),
                     st.sampled_from(["3", "١٢", "12"]), st.sampled_from([str.lower, str.upper, str.title]),
                     st.sampled_from(["", "Reply ", "· ", "x"]), st.sampled_from(["", " ·", "!", "s"])) \
    .map(lambda t: t[3] + t[2](t[0].replace("#", t[1])) + t[4])


@settings(max_examples=1500, deadline=None)
@given(st.one_of(RELATIVE, TEXT))
def test_timestamp_as_the_patterns(text):
    assert boundary._is_timestamp(text) == _is_timestamp_by_patterns(text)


def test_every_relative_time_passes_the_hint():
    hint = boundary._relative_time_hint()
    phrases = set(lexicon.data().get("relative_times", []))
    assert len(phrases) > 100 and hint is not None
    for phrase in phrases:
        for shown in (phrase, phrase.upper(), phrase.title()):
            text = shown.replace("#", "5")
            assert lexicon.relative_time().search(text), text
            assert hint.search(text), text
    assert boundary._is_timestamp("vor 2 Tagen") and boundary._is_timestamp("EEN UUR GELEDEN")
    # Keep-case: a name line holds no relative time, and a sentence with one is too long.
    assert not boundary._is_timestamp("Jane Smith")
    assert not boundary._is_timestamp("We met the mayor two days ago and again last week at the hall.")


def test_no_letter_or_digit_opens_a_list_item():
    """byline's ``_list_item`` skips the pattern for a line opening with a letter or a digit
    (``str.isalnum``): no such character is a space or an item marker to it (all code points)."""
    from cleaner.names import LIST_ITEM
    opener = regex.compile(LIST_ITEM.pattern[:LIST_ITEM.pattern.index("]") + 1])  # r"\s*[…]": what can open it
    alnum = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isalnum()]
    assert len(alnum) > 100_000 and opener.pattern.startswith(r"\s*[")
    assert not [c for c in alnum if opener.match(c)]


@settings(max_examples=1500, deadline=None)
@given(st.one_of(st.tuples(st.sampled_from(["", " ", "\u00a0", "\u2003", "\x1c", "\u2028", "a", "9", "٣"]),
                           st.sampled_from(["*", "+", "•", "▪", "◦", "·", "–", "-", "x", ""]),
                           st.sampled_from([" ", "\u00a0", "\t", "", "J"]), TEXT).map("".join), TEXT))
def test_list_item_as_the_pattern(text):
    from cleaner.names import LIST_ITEM
    from cleaner.passes.byline import _list_item
    assert _list_item(text) == bool(LIST_ITEM.match(text))

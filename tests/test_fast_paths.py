"""The fast paths of the text passes say what the patterns they replace say.

A test each: where a hot test was a ``regex`` pattern and is now string
operations or a standard-library pattern (faster, but ``\\w``, ``\\s``, ``$``
and case folding differ between engines), it must give the pattern's answer
on any text, the awkward characters included.
"""
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleaner import lexicon
from cleaner.model import Line
from cleaner.shape import ends_full_stop, ends_sentence

#: Text made mostly of the characters the patterns care about.
AWKWARD = st.text(alphabet=st.sampled_from(list(".!?…。！？\"'”’»)]」』）*\u2063\u200b\n aZ9_-é\u00a0ſKİı٣") + [chr(0x1E4F1)]),
                  max_size=12)
ANY = st.one_of(AWKWARD, st.text(max_size=30))

SENTENCE_END = regex.compile(r"[.!?…。！？][\"'”’»)\]」』）*_\u200b-\u200d\u2060-\u2064\ufeff]*$")
FULL_STOP_END = regex.compile(r"(?:(?<!\.)\.|。)[\"'”’»)\]」』）*_\u200b-\u200d\u2060-\u2064\ufeff]*$")


@settings(max_examples=3000)
@given(ANY)
def test_sentence_ends_as_the_patterns(text):
    assert ends_sentence(text) == bool(SENTENCE_END.search(text))
    assert ends_full_stop(text) == bool(FULL_STOP_END.search(text))


def test_sentence_end_cases():
    assert ends_sentence('He said "no."') and ends_sentence("Wait…\n") and not ends_sentence("")
    assert not ends_sentence("a.\n\n") and not ends_sentence('"')
    assert ends_full_stop(".") and ends_full_stop("Done.”)") and not ends_full_stop("Wait...")
    assert ends_full_stop("終わり。") and not ends_full_stop("")


@settings(max_examples=3000)
@given(ANY)
def test_word_set_as_the_pattern(text):
    line = Line(0, text, text.strip())
    if line.blank:
        return
    assert frozenset(line.word_set) == frozenset(regex.findall(r"\w+", lexicon.fold(line.text)))


COPYRIGHT_TEXT = st.lists(st.sampled_from(["©", "(c)", "(C)", "Copyright", "COPYRİGHT", "_copyright", "copyright-2020",
                                           " ", "2019", "-", "|", "•", "Example", "ſ", "«", "12", "Kommentare",
                                           "responses to", "One", "thought on", "１２", "K", "_1"]),
                          max_size=8).map("".join)


def _copyright_by_pattern(text):
    from cleaner.passes.cta import _COPYRIGHT_START, FOOTER_MIN_SEPARATORS
    m = _COPYRIGHT_START.match(text)
    if m is None or (m.group(0).strip().casefold().startswith("copyright") and not m.group(1)):
        return False
    return bool(m.group(1)) or sum(text.count(c) for c in "|•") >= FOOTER_MIN_SEPARATORS


def _comment_count_by_pattern(text):
    from cleaner.passes.cta import _COUNT
    if text.rstrip().endswith("."):
        return False
    m = _COUNT.match(text)
    ones = lexicon.phrase_set("count_ones")
    if m is None and lexicon.first_word(text) not in ones:
        return False
    found = lexicon.match_prefix("comment_counts", text[m.end():] if m else text)
    return found is not None and (m is not None or found[0].split()[0] in ones)


@settings(max_examples=1500)
@given(st.one_of(COPYRIGHT_TEXT, ANY))
def test_copyright_and_comment_count_gates_as_the_patterns(text):
    from cleaner.passes.cta import _comment_count, is_copyright_footer
    assert is_copyright_footer(text) == _copyright_by_pattern(text)
    assert _comment_count(text) == _comment_count_by_pattern(text)



#: What the Document folds (``model._TO_FOLD``), as it was written before its characters were listed.
TO_FOLD = regex.compile("[\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff]|  ")
#: Text with every character the Document folds, and near misses (U+200B..U+200F, U+2028, U+3001).
FOLDING = st.text(alphabet=st.sampled_from(list(" \t\f\v\r\n\x1c\u00a0\u1680\u2000\u2005\u200a\u200b\u200c\u200d"
                                                 "\u200e\u200f\u2028\u202f\u205f\u2060\u3000\u3001\ufeffaé")),
                  max_size=10)


def test_fold_chars_are_the_pattern_class():
    from cleaner.model import _TO_FOLD
    assert all(bool(_TO_FOLD.search(chr(c))) == bool(TO_FOLD.search(chr(c))) for c in range(0x10000))


@settings(max_examples=1500)
@given(st.one_of(FOLDING, st.text(alphabet=" ab\n", max_size=8), st.text(max_size=30)))
@example("two  spaces")
@example("no fold here")
@example("nbsp\u00a0")
def test_may_fold_is_the_pattern(text):
    from cleaner.model import _may_fold
    assert _may_fold(text) == bool(TO_FOLD.search(text))


def test_line_facts_read_without_a_getattr_hook_and_computed_once(monkeypatch):
    import pickle

    from cleaner import model
    # A __getattr__ on Line would send every attribute read of every line through it.
    assert not hasattr(model.Line, "__getattr__") and not hasattr(model._TextLine, "__getattr__")
    calls = []
    monkeypatch.setitem(model._FACTS, "timestamp", lambda line: calls.append(line.index) or "read")
    line = Line(4, "Jane Smith 12:30", "Jane Smith 12:30")
    assert (line.timestamp, line.timestamp, calls) == ("read", "read", [4])
    assert Line(5, " ", "").timestamp == "read" and calls == [4, 5]  # a blank line's facts are not kept
    assert line.first_date is None and line.word_set == ("jane", "smith", "12", "30")
    again = pickle.loads(pickle.dumps(Line(6, "By Jane", "By Jane")))  # unread lazy facts survive a pickle
    assert again.word_set == ("by", "jane") and again.first_date is None and again.words == 2


def test_a_used_lazy_pattern_drops_its_getattr_hook_and_answers_as_the_compiled_one():
    from cleaner.patterns import lazy_pattern
    p = lazy_pattern(r"(\d+) (apples|pears)", regex.I)
    assert hasattr(type(p), "__getattr__")
    assert p.findall("3 Apples, 4 pears") == [("3", "Apples"), ("4", "pears")]
    assert not hasattr(type(p), "__getattr__")  # reads of a used pattern go through no hook
    compiled = regex.compile(r"(\d+) (apples|pears)", regex.I)
    for name in ("pattern", "flags", "groups", "groupindex"):
        assert getattr(p, name) == getattr(compiled, name)
    assert p.sub(r"\2", "3 apples") == "apples" and p.split("a 3 pears b") == compiled.split("a 3 pears b")
    assert p.match("x") is None and p.fullmatch("12 PEARS").group(1) == "12"


def test_the_lexicon_module_has_no_getattr_hook_and_its_folder_joins_as_a_path():
    from pathlib import Path
    # A module __getattr__ would keep every read of lexicon.fold, lexicon.phrase_set, … unspecialised.
    assert "__getattr__" not in vars(lexicon)
    assert isinstance(lexicon.HERE / "en.json", Path) and (lexicon.HERE / "en.json").is_file()


#: Digits of several scripts (Arabic-Indic, Devanagari, fullwidth, Kawi, Nag Mundari: the last two newer
#: than some Python's Unicode data), and characters around the ranges the pre-check leaves out.
DIGITISH = st.text(alphabet=st.sampled_from(list("09a ’“—\u065f\u0660\u0669\u06f0\u0966\u1fff\u2000\u206f\u2070"
                                                  "\uff10\u00b2\u2460") + [chr(0x11F50), chr(0x1E4F0)]), max_size=8)


def test_the_ascii_digits_are_the_digits_of_ascii():
    from cleaner.shape import _ASCII_DIGIT
    digit = regex.compile(r"\d")
    assert all(bool(_ASCII_DIGIT.match(chr(c))) == bool(digit.match(chr(c))) for c in range(0x80))


@settings(max_examples=1500)
@given(st.one_of(DIGITISH, st.text(max_size=30)))
def test_has_digit_is_the_pattern(text):
    from cleaner.shape import has_digit
    assert has_digit(text) == bool(regex.search(r"\d", text))


#: The phrase lists whose finder the passes ask through lexicon.finds.
FOUND_KEYS = ("comment_policies", "policy_addressees", "consent_objects", "footer_phrases", "newsletter_words",
              "newsletter_prompts", "support_appeals", "footer_notices", "contributor_phrases", "disclosures")


@st.composite
def phrase_text(draw):
    """A line of phrases of one key, whole or cut, glued to word characters or not, among other words."""
    key = draw(st.sampled_from(FOUND_KEYS))
    phrases = sorted(set(lexicon.data()[key]))
    pieces = []
    for _ in range(draw(st.integers(1, 4))):
        phrase = draw(st.sampled_from(phrases))
        cut = draw(st.sampled_from(["whole", "head", "tail", "curly"]))
        if cut == "head":
            phrase = phrase[: len(phrase) // 2]
        elif cut == "tail":
            phrase = phrase[len(phrase) // 2:]
        elif cut == "curly":
            phrase = phrase.replace("'", "’").upper()
        pieces.append(draw(st.sampled_from(["", "x", "_", "\u0301", "3", "©", "(", " "])) + phrase
                      + draw(st.sampled_from(["", "s", "_", ".", " ", "’"])))
        pieces.append(draw(st.sampled_from([" ", "  ", ", ", " the ", "\u00a0", ""])))
    return key, "".join(pieces)


@settings(max_examples=800)
@given(phrase_text())
def test_finds_is_the_finder(case):
    key, text = case
    line = Line(0, text, text.strip())
    if line.blank:
        return
    assert lexicon.finds(key, line.folded, line.word_set) == bool(lexicon.finder(key).search(line.folded))


def test_finds_finds_every_phrase_alone():
    for key in FOUND_KEYS:
        for phrase in lexicon.data()[key]:
            line = Line(0, phrase, phrase)
            assert lexicon.finds(key, line.folded, line.word_set), (key, phrase)


#: What ``cta`` tested a web address with before ``shape.is_web_address``.
WEB = regex.compile(r"^(?:https?://|www\.)\S+$")


def _contact_kind_by_patterns(text):
    from cleaner.passes.cta import _EMAIL, _PHONE, CONTACT_MAX_WORDS, PHONE_MIN_DIGITS
    if len(text.split()) > CONTACT_MAX_WORDS:
        return ""
    m = _PHONE.search(text)
    if m is not None and sum(c.isdigit() for c in m.group()) >= PHONE_MIN_DIGITS:
        return "phone"
    if _EMAIL.search(text):
        return "email"
    return "web" if WEB.match(text.strip()) else ""


CONTACT_TEXT = st.lists(st.sampled_from(["Tel:", "+43", "(0)", "1", "599", "16", "٣٣٣", "１２", "²", "-", "/", " ", "\n",
                                         "jane", "@", "example.org", ".", "www.", "http://", "https://", "WWW.",
                                         "Mail:", "x", "_", "10.11.2021"]),
                        max_size=9).map("".join)


@settings(max_examples=1500)
@given(st.one_of(CONTACT_TEXT, st.text(max_size=30)))
def test_contact_kind_pre_checks_as_the_patterns(text):
    from cleaner.passes.cta import _contact_kind
    assert _contact_kind(text) == _contact_kind_by_patterns(text)



def _by_credit_splitting_all(text):
    from cleaner.passes.credits import _EDGE, _is_label, names_someone
    words = text.split()
    joiners = lexicon.phrase_set("credit_joiners")
    for n in range(1, min(3, len(words) - 1) + 1):
        if words[n].casefold() in joiners and _is_label(" ".join(words[:n])):
            value = " ".join(words[n + 1:]).strip(_EDGE)
            if value and not text.rstrip().endswith(".") and names_someone(value):
                return value
            return None
    return None


CREDIT_TEXT = st.lists(st.sampled_from(["Photo", "Foto", "Image", "by", "BY", "von", "Jane", "Doe", "on", "Unsplash",
                                        " ", "  ", "\t", "\n", ".", ",", "photo", "the", "AP", "/", "Getty Images"]),
                       max_size=9).map(" ".join)


@settings(max_examples=1000)
@given(st.one_of(CREDIT_TEXT, st.text(max_size=30)))
def test_by_credit_splits_the_head_as_the_whole(text):
    from cleaner.passes.credits import by_credit
    assert by_credit(text) == _by_credit_splitting_all(text)


@settings(max_examples=1000)
@given(ANY)
def test_word_set_keeps_the_first_seen_order_interned(text):
    import sys
    line = Line(0, text, text.strip())
    if line.blank:
        return
    words = regex.findall(r"\w+", lexicon.fold(line.text))
    assert line.word_set == tuple(dict.fromkeys(words))
    assert all(sys.intern("".join(list(w))) is w for w in line.word_set)  # an equal copy interns to it


ASCII_WORDS = st.text(alphabet=st.sampled_from(list("aZ09_ .-'\n\t?’—é\u00a0@`[{/:")), max_size=40)


@settings(max_examples=1500)
@given(st.one_of(ASCII_WORDS, st.text(max_size=40)), st.sampled_from([1, 3, 1 << 14]))
def test_ascii_words_counted_by_marks_as_the_pattern(text, chunk):
    import re

    from cleaner import render
    old_chunk, render._COUNT_CHUNK = render._COUNT_CHUNK, chunk
    try:
        count = render._count_ascii_words(text)
    finally:
        render._COUNT_CHUNK = old_chunk
    assert count == len(re.findall(rb"[A-Za-z0-9_]+", text.encode("ascii", "replace")))

"""The per-line facts and the shortcuts of Document and render give what the plain definitions give.

Line facts are filled once (some at construction, some on first read), the
Document folds spaces only in the lines that need it, the body is joined in
one go and words are counted a chunk at a time: each must agree with the
straightforward computation it replaces, on any text.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import lexicon, markdown, render
from cleaner.model import _INVISIBLE, _SPACES, Document, Line, normalise_space
from cleaner.passes import TEXT_PASSES, boundary
from cleaner.pipeline import run_passes
from cleaner.shape import count_words

#: Characters that exercise the folding: spaces of every kind, invisible ones,
#: newlines and carriage returns, Markdown markers, letters of a few scripts.
ALPHABET = " \t\u00a0\u2003\u3000\u200b\u200d\ufeff\n\r\x1c\x85ab Zé’'*#[]()!:|-新しい"
texts = st.text(alphabet=ALPHABET, max_size=200)


def folded_whole(text: str):
    """The Document's line texts as they were computed before: one fold of the whole text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [norm.strip() for norm in _SPACES.sub(" ", _INVISIBLE.sub("", text)).split("\n")]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_document_texts_and_line_facts_match_their_definitions(text):
    doc = Document(text)
    assert [ln.text for ln in doc.lines] == folded_whole(text)
    for ln in doc.lines:
        assert ln.blank == (not ln.text)
        assert ln.shown == (normalise_space(ln.raw) if _INVISIBLE.search(ln.raw) else ln.text)
        assert ln.words == count_words(ln.text)
        assert ln.folded == lexicon.fold(ln.text)
        assert frozenset(ln.word_set) == lexicon.words_of(ln.text) and len(set(ln.word_set)) == len(ln.word_set)
        assert ln.plain == markdown.plain(ln.text)
        assert ln.first_word == lexicon.first_word(ln.text)
        if not ln.blank:  # the facts passes define (model.line_fact), as their definitions give them
            assert ln.shape_score == boundary.text_score(ln.text)
            assert ln.comment_heading == boundary._is_comment_heading(ln.text)
            assert ln.timestamp == boundary._is_timestamp(ln.text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["", " ", "Advertisement", "By Jane Smith", "Share this article",
                                 "The council approved the budget on Monday.", "x\u00a0 y", "Related articles"]),
                max_size=30))
def test_body_is_the_paragraphs_joined(lines):
    doc = run_passes(Document("\n".join(lines)), TEXT_PASSES)
    assert render.body(doc) == "\n\n".join(render.paragraphs(doc))


@given(st.text(alphabet="ab é\n!新", max_size=300), st.sampled_from([1, 3, 50]))
def test_words_counted_in_chunks_as_at_once(text, chunk):
    old, render._COUNT_CHUNK = render._COUNT_CHUNK, chunk
    try:
        assert render._count(render._WORD, text) == len(render._WORD.findall(text))
    finally:
        render._COUNT_CHUNK = old


def test_a_line_has_no_instance_dict_and_fills_a_fact_once():
    ln = Line(0, "All Rights Reserved.", "All Rights Reserved.")
    assert not hasattr(ln, "__dict__")
    assert ln.word_set is ln.word_set  # kept, not computed again
    blank = Line(1, "\u200b", "")
    assert blank.shown == "" and blank.words == 0  # blank lines compute theirs on first read


def test_an_unknown_attribute_is_still_an_attribute_error():
    ln = Line(0, "text", "text")
    with pytest.raises(AttributeError, match="no_such_fact"):
        _ = ln.no_such_fact
    assert not hasattr(ln, "__deepcopy__")  # copy and pickle probe for such names


def test_match_prefix_gives_up_early_only_when_no_phrase_can_match():
    # the head-word shortcut: a first word no phrase starts with means no match ...
    assert lexicon.match_prefix("cta", "Signage was poor") is None
    # ... and a first word some phrase starts with still finds the longest phrase
    assert lexicon.match_prefix("byline_prefixes", "Reported by: Digital Desk") == ("reported by", 11)


def test_line_fact_names_a_slot_of_line():
    from cleaner.model import line_fact
    with pytest.raises(ValueError):
        line_fact("not_a_slot")
    ln = Line(0, "12 comments", "12 comments")
    assert ln.comment_heading is True and ln.timestamp is False

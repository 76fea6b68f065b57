"""The HTML path's helpers that compute a fact once instead of several times (issue 14, speed).

Each is checked against the slower definition it replaces, so the output of the
HTML path stays byte for byte what it was.
"""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleaner.metadata import _letters, letters_in

# Letters, digits, the underscore, punctuation and markup characters, and a few non-ASCII letters.
_CHARS = st.sampled_from(list("aAbBjJ01_ -.<>/=\"'éÉßİı\u0301\u00a0"))


@given(st.text(_CHARS, max_size=12), st.text(_CHARS, max_size=60))
def test_letters_in_is_a_search_of_the_pages_letters(name, page):
    assert letters_in(name, page) == (_letters(name) in _letters(page))


def test_letters_in_reads_across_punctuation_not_across_other_letters():
    assert letters_in("R.C. Baker", '<a href="/rc-baker">R C Baker</a>')
    assert not letters_in("Jane Smith", "<b>Jane</b><i>Smith</i>")  # tag names stand between the words
    assert not letters_in("Jane Smith", "jane smith")  # case counts


def test_block_lines_reads_comment_tails_and_skips_hidden_elements_but_their_items():
    from lxml import html

    from cleaner.preclean import block_lines

    el = html.fromstring('<div><p>One<!-- a note --> two</p><script>x = 1</script>Three'
                         '<template><li>Kept apart</li></template></div>')
    items: list = []
    assert block_lines(el, items=items) == ["one two", "three"]
    assert items == ["one two", "kept apart"]


def _rule_for_every_join(words):
    """rule_for's definition, without its shortcuts: every join of up to MAX_JOIN adjacent words looked up."""
    from cleaner.preclean import _KEEP_KEYS, _KEY_RULE, _NO_RULE, MAX_JOIN, RULES

    best = _NO_RULE
    for i in range(len(words)):
        for j in range(i + 1, min(i + MAX_JOIN, len(words)) + 1):
            key = "".join(words[i:j])
            if key in _KEEP_KEYS:
                return None
            best = min(best, _KEY_RULE.get(key, best))
    return RULES[best].id if best < _NO_RULE else None


# Markup words: pieces of the rules' words and phrases, embed and tag words, and others.
_MARKUP_WORDS = st.sampled_from(["read", "more", "re", "lated", "related", "you", "may", "also", "like", "ad", "ads",
                                 "news", "letter", "social", "media", "embed", "tag", "tags", "share", "d", "header",
                                 "most", "popular", "side", "bar", "c", "list", "x", "cookie", "nav", "foot", "er"])


@given(st.lists(_MARKUP_WORDS, max_size=8))
def test_rule_for_finds_what_every_join_of_adjacent_words_finds(words):
    from cleaner.preclean import rule_for

    assert rule_for(words) == _rule_for_every_join(words)

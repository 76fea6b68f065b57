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

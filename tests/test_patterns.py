"""A lazy pattern (cleaner.patterns) is the compiled pattern, compiled later."""

import copy
import pickle
import re

import regex

from cleaner import markdown, model, names, shape
from cleaner.patterns import lazy_pattern


def test_nothing_is_compiled_until_first_use_and_then_only_once():
    p = lazy_pattern(r"(?i)<b>")
    assert "_compiled" not in vars(p)
    assert p.search("x <B> y").span() == (2, 5)
    compiled = vars(p)["_compiled"]
    assert p.findall("<b><b>") == ["<b>", "<b>"]
    assert vars(p)["_compiled"] is compiled


def test_a_lazy_pattern_answers_as_the_compiled_one_flags_included():
    source, flags = r"^\s*(\w+)\s+(?:street|st)\.?$", regex.I | regex.M
    lazy, compiled = lazy_pattern(source, flags), regex.compile(source, flags)
    text = "main STREET\n  Elm st.\nno road here\n"
    assert lazy.findall(text) == compiled.findall(text) == ["main", "Elm"]
    assert lazy.sub("x", text) == compiled.sub("x", text)
    assert lazy.match("Oak St").group(1) == compiled.match("Oak St").group(1) == "Oak"
    assert lazy.flags == compiled.flags and lazy.flags & regex.I and lazy.flags & regex.M
    assert lazy.pattern == compiled.pattern == source
    # Without the flag the same source does not match across case: the flag is not dropped.
    assert lazy_pattern(source).findall(text) == []


def test_the_project_patterns_are_the_ones_regex_compile_gives():
    for pattern in (model._SPACES, model._TO_FOLD, markdown.LINK, names.LIST_ITEM):
        source, flags = pattern._source
        compiled = regex.compile(source, flags)
        assert pattern.pattern == compiled.pattern and pattern.flags == compiled.flags
    assert markdown.LINK.sub(r"\1", "see [the report](/a_(b) \"t\") now") == "see the report now"
    assert model._SPACES.sub(" ", "a\u00a0\t b") == "a b"


def test_a_lazy_pattern_copies_and_pickles_unused_or_used():
    for used in (False, True):
        p = lazy_pattern(r"\d+", regex.V1)
        if used:
            assert p.findall("1 22") == ["1", "22"]
        for clone in (copy.deepcopy(p), pickle.loads(pickle.dumps(p))):
            assert clone.findall("3 and 44") == ["3", "44"] and clone.flags & regex.V1


def test_a_pattern_for_the_standard_engine_is_compiled_by_it():
    lazy = lazy_pattern(r"[\u3040-\u30ff]+", engine=re)
    assert lazy.findall("abc ひらがな def カタカナ") == ["ひらがな", "カタカナ"]
    assert isinstance(vars(lazy)["_compiled"], re.Pattern)
    assert pickle.loads(pickle.dumps(lazy)).findall("xかy") == ["か"]
    # The unspaced scripts' pattern is the standard library's (fast on every line), read lazily.
    assert shape.UNSPACED.findall("漢字 and かな") == re.findall(shape.UNSPACED.pattern, "漢字 and かな")
    assert isinstance(vars(shape.UNSPACED)["_compiled"], re.Pattern)


def test_the_edge_characters_are_every_space_str_strip_strips_and_the_invisible_ones():
    spaces = "".join(c for c in map(chr, range(0x110000)) if c.isspace())
    assert model._EDGE_CHARS == spaces + model._INVISIBLE_CHARS
    assert model.normalise_space("\u3000\u2029 a \x85\u200b") == "a"

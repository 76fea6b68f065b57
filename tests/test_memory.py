"""A long input is held once while the passes run: each step lets go of what it no longer needs.

The bytes are dropped once decoded and the text once split into lines, by
:func:`cleaner.clean`, :meth:`cleaner.Cleaner.clean` and the batch's
:func:`~cleaner.batch.clean_article` (issue 14: peak memory on a 20 MB text).
Each test hands over an input whose ``__del__`` notes that it was freed, and a
step after the passes looks whether it was.
"""
from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner, batch, clean
from cleaner.batch import Options, Task

TEXT = "Council approves budget\n\nAdvertisement\n\nThe council approved the budget on Monday after a long debate.\n"


#: Before Python 3.11 a caller keeps the arguments it passed on its own stack until the
#: call returns, so an input handed on inline is freed only then: nothing to test there.
handed_on = pytest.mark.skipif(sys.version_info < (3, 11), reason="arguments passed inline are the callee's "
                                                                  "alone only from Python 3.11 on")


class Freed:
    """What the input's ``__del__`` and the step after the passes saw."""

    def __init__(self):
        self.input_freed = False
        self.seen_in_passes = None

    def run(self, doc):  # a step after the passes: was the input freed by then?
        self.seen_in_passes = self.input_freed
        return iter(())


def tracked(kind, content, freed: Freed):
    class Tracked(kind):
        def __del__(self):
            freed.input_freed = True

    return Tracked(content)


@handed_on
def test_clean_lets_go_of_the_bytes_and_the_text_before_the_passes():
    freed = Freed()
    from cleaner.passes import TEXT_PASSES

    article = clean(tracked(bytes, TEXT.encode("utf-8"), freed), passes=tuple(TEXT_PASSES) + (freed,))
    assert freed.seen_in_passes is True
    assert article.text == "The council approved the budget on Monday after a long debate."


@handed_on
def test_clean_lets_go_of_a_str_input_once_it_is_in_lines():
    freed = Freed()
    from cleaner.passes import TEXT_PASSES

    clean(tracked(str, TEXT, freed), passes=tuple(TEXT_PASSES) + (freed,))
    assert freed.seen_in_passes is True


@handed_on
def test_a_cleaner_hands_the_input_on_without_keeping_it():
    freed = Freed()
    article = Cleaner().clean(tracked(bytes, TEXT.encode("utf-8"), freed), after=(freed,))
    assert freed.seen_in_passes is True
    assert article.title == "Council approves budget"


@handed_on
def test_the_batch_hands_a_tasks_bytes_on_and_the_task_lets_go_of_them():
    freed = Freed()
    options = Options(fmt="jsonl")
    batch.setup(options)
    task = Task("-", tracked(bytes, TEXT.encode("utf-8"), freed))
    article = batch.clean_article(task, options, after=(freed,))
    assert freed.seen_in_passes is True and task.data is None
    assert article.text.endswith("after a long debate.")


def test_the_input_is_kept_while_the_caller_keeps_it():
    """Nothing is taken from a caller: the same input cleans the same twice."""
    data = TEXT.encode("utf-8")
    assert clean(data).to_dict() == clean(data).to_dict()
    c = Cleaner()
    assert c.clean(data).to_dict() == c.clean(data).to_dict() and data == TEXT.encode("utf-8")


def test_a_long_text_gives_its_freed_memory_back_and_a_page_does_not(monkeypatch):
    import cleaner as package
    from cleaner import pipeline

    calls = []
    monkeypatch.setattr(package, "release_memory", lambda: calls.append(1) or True)
    clean(TEXT.encode("utf-8"))
    assert calls == []
    long_text = TEXT + "".join(f"The council met for the {k}th time and the mayor spoke about road number {k}.\n\n"
                               for k in range(pipeline.RELEASE_MIN_CHARS // 70))
    assert len(long_text) >= pipeline.RELEASE_MIN_CHARS
    article = clean(long_text.encode("utf-8"))
    assert calls == [1] and article.text.count("The council met for the") > 10_000


def test_releasing_memory_is_harmless_where_it_runs():
    import platform

    from cleaner.pipeline import release_memory

    ran = release_memory()
    if platform.libc_ver()[0] == "glibc":
        assert ran  # elsewhere (no malloc_trim) it does nothing, and says so
    assert clean(TEXT.encode("utf-8")).title == "Council approves budget"


_LINES = ["Advertisement", "Council approves budget", "", "By Jane Smith", "The council met on Monday and voted.",
          "Related articles", "Roads to be repaired next year", "Share this article", "  ", "Rates rise in April."]


@given(st.lists(st.sampled_from(_LINES), max_size=30), st.sets(st.integers(0, 29)))
@settings(max_examples=200, deadline=None)
def test_the_body_is_the_paragraphs_joined_by_blank_lines(lines, removed):
    """body() joins kept lines with an empty entry for each paragraph break: the same text as
    joining the paragraphs (runs of kept lines) with a blank line."""
    from cleaner.model import Document, Finding
    from cleaner.render import body, paragraphs

    doc = Document("\n".join(lines))
    for i in sorted(removed):
        if i < len(doc.lines) and not doc.lines[i].blank:
            doc.record(Finding(i, "ads.marker", "test"))
    assert body(doc) == "\n\n".join(paragraphs(doc))


def test_what_the_passes_shared_is_freed_before_rendering(monkeypatch):
    import cleaner as package

    seen = []
    real = package.to_article
    monkeypatch.setattr(package, "to_article", lambda doc, **extra: seen.append(dict(doc.memo)) or real(doc, **extra))
    article = clean(TEXT.encode("utf-8"), url="https://example.org/news/council-approves-budget")
    assert seen == [{}] and article.title == "Council approves budget"


def test_an_articles_teasers_are_its_own_list_and_its_output_copies_them():
    text = ("Council approves budget\n\nThe council approved the budget on Monday after a long debate.\n\n"
            "Related articles\nRoads to be repaired next year\nLibrary opens in May\n")
    article = clean(text.encode("utf-8"))
    assert [r["title"] for r in article.related] == ["Roads to be repaired next year", "Library opens in May"]
    out = article.to_dict()["related"]
    out[0]["title"] = "changed"
    assert article.related[0]["title"] == "Roads to be repaired next year"

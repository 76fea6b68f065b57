"""Properties that hold for every input (hypothesis).

- Cleaning never raises on arbitrary text or bytes, through the API and the
  command; bytes that are not text are refused with ``InputError`` only.
- Nothing is invented: every line of the body is a line of the input, with
  its whitespace folded.
- Idempotent: cleaning the clean body again changes nothing.
- Deterministic: the same input gives the same bytes, in one process, across
  processes (string hashing differs), across ``--jobs`` and input order.

The example count is bounded by the ``ci`` profile (tests/conftest.py): the
same 60 examples per test every run. ``HYPOTHESIS_PROFILE=explore`` draws
2,000 fresh ones; counterexamples it finds that are not fixed yet are kept
below as strict xfail cases, each with its cause. Articles are drawn from a small
grammar of the lines scraped pages are made of (headlines, prose, bylines,
date lines, credits, ad markers, calls to action, teaser blocks), with
arbitrary Unicode lines mixed in, so the passes see what they were written
for as well as noise.
"""
from __future__ import annotations

import gzip

import pytest
from click.testing import CliRunner
from conftest import ENV, FIXTURES, run_cli
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cleaner import InputError, clean, clean_text
from cleaner.cli import cli
from cleaner.model import normalise_space

WORDS = ["council", "budget", "Monday", "approved", "the", "a", "roads", "libraries", "said", "mayor",
         "Jane", "Smith", "Reuters", "AP", "2022", "19", "December", "Dec", "at", "15:44", "IST", "by",
         "By", "Photo", "Image", "Source", "Related", "Read", "more", "Share", "Facebook", "Twitter",
         "Advertisement", "Published", "Updated", "Follow", "us", "on", "—", "|", ":", "“Yes”", "naïve"]

word_runs = st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(" ".join)
headline = st.lists(st.sampled_from(WORDS), min_size=3, max_size=9).map(lambda ws: " ".join(ws).capitalize())
prose = st.lists(st.sampled_from(WORDS), min_size=8, max_size=40).map(lambda ws: " ".join(ws).capitalize() + ".")
boilerplate = st.sampled_from([
    "Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Share this article",
    "Sign up for our daily newsletter", "Follow us on Twitter", "Facebook Twitter WhatsApp Email",
    "By Jane Smith", "Reported by: Digital Desk", "By Jane Smith and John Doe", "Image: AP | Image:self",
    "Photo: Reuters", "Source: Reuters", "With inputs from PTI", "Published December 19th, 2022 at 15:44 IST",
    "Updated Dec 20, 2022 09:00 AM EST", "December 19, 2022", "Related articles", "Read more",
    "Also Read: Council approves budget", "Editor's choice", "Popular", "News", "3 min read", "Comments",
])
noise = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
line = st.one_of(headline, prose, prose, boilerplate, word_runs, st.just(""), st.just(""), noise)
article = st.lists(line, max_size=25).map("\n".join)

#: Every test here runs the whole pipeline; hypothesis's default deadline
#: (200 ms) is too short for the first call, which compiles the lexicon.
PIPELINE = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def folded_lines(text: str):
    """The input's lines as the body can show them: whitespace folded, blank ones dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return {normalise_space(ln) for ln in text.split("\n")} - {""}


# -- never raises ---------------------------------------------------------------------

@PIPELINE
@given(st.text())
def test_clean_text_never_raises_on_any_text(text):
    assert isinstance(clean_text(text).text, str)


@PIPELINE
@given(article)
def test_clean_text_never_raises_on_article_like_text(text):
    assert isinstance(clean_text(text).text, str)


@PIPELINE
@given(st.one_of(st.text(), article))
def test_clean_never_raises_on_any_str(text):
    assert isinstance(clean(text).text, str)


@PIPELINE
@given(st.binary(max_size=2000))
@example(b"\x1f\x8b")
@example(gzip.compress(b"Headline here\n\nBody text."))
@example(b"\xef\xbb\xbf")
@example(b"\xff\xfe")
def test_clean_bytes_raises_only_input_error(data):
    try:
        article = clean(data)
    except InputError as e:
        assert str(e) and "\n" not in str(e)
    else:
        assert isinstance(article.text, str)


@PIPELINE
@given(st.one_of(st.binary(max_size=500), article.map(str.encode)))
def test_command_never_fails_but_for_a_named_input_error(data):
    r = CliRunner().invoke(cli, ["-"], input=data)
    assert r.exception is None or isinstance(r.exception, SystemExit)
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr
    if r.exit_code == 0:
        return
    assert r.exit_code == 1
    [message] = r.stderr.splitlines()
    assert message.startswith("clean-article: <stdin>: ")


# -- nothing invented, idempotent -----------------------------------------------------

@PIPELINE
@given(st.one_of(article, st.text()))
def test_every_body_line_is_an_input_line(text):
    allowed = folded_lines(text)
    for out in clean_text(text).text.split("\n"):
        assert out == "" or out in allowed


@PIPELINE
@given(st.one_of(article, st.text()))
# A headline over a second headline-shaped line: taking the first left a body a second run would cut.
@example("Council approves budget\n\nMayor says services are safe\n\nThe council approved the budget on Monday.")
# Two copies of a line with an ad marker between them: the second run saw them consecutive.
@example("The council approved the budget on Monday after a long debate that ran late.\n\n"
         "Mayor says yes\nAdvertisement\nMayor says yes\n\nResidents will see the new rates in April.")
def test_cleaning_is_idempotent(text):
    once = clean_text(text).text
    assert clean_text(once).text == once


#: Cases that once broke idempotence (a cut-off standfirst left under a headline
#: the boundary pass found); kept so they stay fixed.
NOT_IDEMPOTENT = [
    pytest.param(
        "Home\nWorld\nPolitics\nSport\nBusiness\nOpinion\n\nCouncil approves budget after long debate\n\n"
        "Members argued for hours over roads, libraries and the new rates...\n\n"
        "The city council approved next year's budget on Monday after a debate that ran late into the evening, "
        "with members split over spending on roads and libraries.\n\n"
        "The mayor said the plan would protect services, while the opposition promised to fight it in court.\n",
        id="standfirst-under-a-headline-the-boundary-pass-found"),
]


@pytest.mark.parametrize("text", NOT_IDEMPOTENT)
def test_known_cases_are_idempotent(text):
    once = clean_text(text).text
    assert clean_text(once).text == once


#: Clean prose whose first sentence comes back later (a pull quote).
REPEATED_FIRST_SENTENCE = (
    "\"We will not cut the libraries,\" the mayor said on Monday.\n\n"
    "The council approved next year's budget after a debate that ran late into the evening, with members "
    "split over roads and libraries.\n\n"
    "\"We will not cut the libraries,\" the mayor said on Monday.\n\n"
    "Residents will see the new rates in their April bills, officials said, and the council will review "
    "the plan again in the autumn.")


def test_prose_with_a_repeated_first_sentence_is_left_alone():
    assert clean_text(REPEATED_FIRST_SENTENCE).text == REPEATED_FIRST_SENTENCE


@PIPELINE
@given(article)
def test_same_input_same_output(text):
    assert clean_text(text).to_dict(explain=True) == clean_text(text).to_dict(explain=True)


# -- determinism across processes, --jobs and input order -------------------------------

def _fixture_inputs():
    found = sorted(FIXTURES.glob("**/*.txt")) + sorted(FIXTURES.glob("**/*.html"))
    return [str(p) for p in found]


def _jsonl(*args, hashseed: str):
    r = run_cli("-q", "--format", "jsonl", "--explain", *args, env={**ENV, "PYTHONHASHSEED": hashseed}, timeout=300)
    assert r.returncode == 0, r.stderr
    return r.stdout


@pytest.fixture(scope="module")
def inputs():
    found = _fixture_inputs()
    if len(found) < 2:
        pytest.skip("needs the fixtures folder")
    return found


def test_same_bytes_across_processes(inputs):
    """String hashing is salted per process; set iteration order must not reach the output."""
    assert _jsonl(*inputs, hashseed="1") == _jsonl(*inputs, hashseed="2")


def test_same_bytes_across_jobs(inputs):
    assert _jsonl("--jobs", "2", *inputs, hashseed="3") == _jsonl("--jobs", "1", *inputs, hashseed="3")


def test_same_records_in_any_input_order(inputs):
    forward = _jsonl(*inputs, hashseed="4").splitlines()
    backward = _jsonl(*reversed(inputs), hashseed="4").splitlines()
    assert forward == list(reversed(backward))

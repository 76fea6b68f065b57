"""What a person's name looks like, and a byline that names them: the shape
tests the byline, dates and title passes share.

They read a piece of text alone (no document, no finding): whether it is a
list of names (:func:`parse_names`), a byline ("By Jane Smith",
:func:`byline_names`), the names printed beside a date
(:func:`names_beside_date`), a label that is no name (:func:`is_label`).
They live here so that the dates and title passes, which ask them too, do not
import the byline pass (nor its private names) for them.
"""
from __future__ import annotations

from functools import lru_cache
from typing import List, Optional

import regex

from . import lexicon
from .dates import find_date
from .patterns import lazy_pattern
from .pipeline import pattern_timeout
from .shape import has_digit

#: A person's or desk's name has at most this many words.
NAME_MAX_WORDS = 5
#: Words of a job title shorter than this ("for", "de") do not mark a title on their own.
ROLE_WORD_MIN_CHARS = 4
#: A byline names at most this many authors.
MAX_AUTHORS = 6


@lexicon.cached
def _patterns():
    # The lexicon's name_joiners ("and", "und", "oraz"); the one-letter ones (Spanish "y",
    # Italian "e", Polish "i") only in lower case: "Sarah E. Needleman" is one name with an initial.
    joiners = sorted(lexicon.phrase_set("name_joiners"))
    parts = [",", ";", r"\|", "&"] + [rf"\b{regex.escape(w)}\b" for w in joiners if len(w) > 1]
    letters = [rf"\b{regex.escape(w)}\b" for w in joiners if len(w) == 1]
    if letters:
        parts.append("(?-i:" + "|".join(letters) + ")")
    split = regex.compile(r"\s*(?:" + "|".join(parts) + r")\s*", regex.I)
    # A name word: capitalised (Jane, O'Neil, McDonald, Müller), an initial (J.), or a
    # particle of the lexicon's name_particles ("von", "de").
    particles = "|".join(regex.escape(w) for w in sorted(lexicon.phrase_set("name_particles")))
    word = regex.compile(rf"(?:\p{{Lu}}[\p{{L}}'’\-.]*|\p{{Lu}}\.|{particles or '(?!)'})")
    return split, word


@lexicon.cached
def _role_words():
    """The words job titles end in ("reporter", "correspondent", "redakteur", …)."""
    return frozenset(role.split()[-1] for role in lexicon.phrase_set("byline_roles")
                     if len(role.split()[-1]) > ROLE_WORD_MIN_CHARS)


def parse_names(text: str) -> Optional[List[str]]:
    """The names in the part of a byline after "By", or ``None`` if it is not names.

    >>> parse_names("Jane Smith, Staff Reporter")
    ['Jane Smith']
    >>> parse_names("Jane Smith and John Doe")
    ['Jane Smith', 'John Doe']
    >>> parse_names("Helen Carter, Local Democracy Reporter")
    ['Helen Carter']
    >>> parse_names("Sarah E. Needleman y Ana López")
    ['Sarah E. Needleman', 'Ana López']
    >>> parse_names("the end of the year, prices had doubled") is None, parse_names("Krisenmanagement zu") is None
    (True, True)
    """
    split, word = _patterns()
    roles = lexicon.phrase_set("byline_roles")
    names: List[str] = []
    for part in split.split(text.strip(), timeout=pattern_timeout()):
        part = strip_end(part.strip(" ,:-–—|").lstrip("."))
        if not part or lexicon.fold(part) in roles:
            continue
        if names and lexicon.fold(part.split()[-1]) in _role_words():
            continue  # after a name, "Transport Correspondent", "Local Democracy Reporter": a job title
        words = part.split()
        if len(words) > NAME_MAX_WORDS or not all(word.fullmatch(w, timeout=pattern_timeout()) for w in words):
            return None
        if len(words) > 1 and words[-1] in particles():
            return None  # "Krisenmanagement zu": a name never ends in a particle
        names.append(part)
    if not names or len(names) > MAX_AUTHORS:
        return None
    return names


_INITIAL_AT_END = lazy_pattern(r"(?:^|\s)\p{Lu}\.$")


def strip_end(text: str) -> str:
    """The end of a byline without its full stop, unless that ends an initial ("R. R.").

    >>> strip_end("Jane Smith."), strip_end("Jane R. R.")
    ('Jane Smith', 'Jane R. R.')
    """
    text = text.rstrip(" ")
    return text if _INITIAL_AT_END.search(text) else text.rstrip(" .")


def byline_names(text: str) -> Optional[List[str]]:
    """The names of a byline that is all of ``text`` ("By Jane Smith"), else ``None``.

    >>> byline_names("By Jane Smith"), byline_names("by admin"), byline_names("By Monday")
    (['Jane Smith'], None, None)
    """
    prefix = lexicon.match_prefix("byline_prefixes", text)
    if prefix is None:
        return None
    names = parse_names(strip_end(text[prefix[1]:].lstrip(" :：")))
    return names if names and not is_time_phrase(names[0]) else None


def byline_part(text: str) -> bool:
    """A part of a date line that is its byline: "By Jane Smith", or a user name after
    "by"/"von" ("von eseppelt"), which the date beside it shows to be a byline.

    >>> byline_part("By Jane Smith"), byline_part("von eseppelt"), byline_part("by the sea")
    (True, True, False)
    """
    if byline_names(text):
        return True
    prefix = lexicon.match_prefix("byline_prefixes", text)
    rest = text[prefix[1]:].strip(" :") if prefix else ""
    return is_handle(rest)


def is_time_phrase(name: str) -> bool:
    """ "By Monday", "By December": a lone month or weekday is a time, not a name ("Jan Kowalski" is a name).

    >>> is_time_phrase("Monday"), is_time_phrase("Jan Kowalski")
    (True, False)
    """
    words = name.split()
    if len(words) != 1:
        return False
    first = words[0].casefold().rstrip(".,")
    data = lexicon.data()
    return first in data.get("months", {}) or first in data.get("weekdays", [])


#: A user name printed after "von"/"by" ("gizzmo", "revamp-it"): one token.
HANDLE = lazy_pattern(r"[\p{L}\d][\p{L}\d._\-]{1,30}")
#: A handle this short ("abc") is as often a word or an abbreviation as a user name.
HANDLE_MIN_CHARS = 4


def is_handle(text: str) -> bool:
    """A user name printed after "von"/"by" beside a date ("eseppelt"), one token of at least
    :data:`HANDLE_MIN_CHARS` characters.

    >>> is_handle("eseppelt"), is_handle("abc"), is_handle("the sea")
    (True, False, False)
    """
    return len(text) >= HANDLE_MIN_CHARS and bool(HANDLE.fullmatch(text))
SEPARATORS = " ,|·•-–—/"
#: A list item: a bullet before the text (a number may be a date: "28. Jan. 2022").
LIST_ITEM = lazy_pattern(r"\s*[*+•▪◦·–-]\s")
_PART_SEPARATOR = lazy_pattern(r"\s+[|·•]\s+|\s*,\s+(?=\p{L}+\s*:)|\s+(?=\p{Lu}\p{Ll}+:\s)")


def names_before_separator(text: str) -> Optional[List[str]]:
    """The names before a separator that starts other matter: "Jane Smith | jane@example.com",
    "Jane Smith | 12/10/2020", "Jane Smith , Datum: 03.03.19".

    >>> names_before_separator("Jane Smith | jsmith@example.com"), names_before_separator("Jane Smith , Datum: 3.3.19")
    (['Jane Smith'], ['Jane Smith'])
    >>> names_before_separator("Jane Smith Kategorien: Politik 6. November 2023"), names_before_separator("Ast getroffen: 46 Jahre")
    (['Jane Smith'], None)
    >>> names_before_separator("Jane Smith | Politics")  # a section after the name: too unsure
    """
    parts = _PART_SEPARATOR.split(text, maxsplit=1)
    if len(parts) < 2 or not (has_digit(parts[1]) or "@" in parts[1] or ":" in parts[1]):
        return None
    return parse_names(parts[0])


def is_label(text: str) -> bool:
    """A section, a control or a date label, not a name ("Allgemein", "Teilen Twittern Email",
    "Online-Redaktion Veröffentlicht").

    >>> is_label("Teilen Twittern Email"), is_label("Online-Redaktion Veröffentlicht"), is_label("Jane Smith")
    (True, True, False)
    """
    folded = lexicon.fold(text)
    if any(folded in lexicon.phrase_set(k) for k in ("ui_labels", "related_headings", "cta")):
        return True
    return not _label_words().isdisjoint(regex.findall(r"\w+", folded))


@lexicon.cached
def _label_words() -> frozenset:
    """Words no name holds: those of controls and share bars, and the first words of date labels."""
    words = {w for w in lexicon.phrase_words("ui_labels", "share_networks") if len(w) > 3}
    for key in ("date_published", "date_modified"):
        words.update(p.split()[0] for p in lexicon.data().get(key, []) if len(p.split()[0]) > 3)
    return frozenset(words)


def has_stopword(text: str) -> bool:
    """A word no name holds: "Im Schlepptau", "Über Jane Doe" are a heading, not a name
    (the particles of names, "von", "de", "van", do not count).

    >>> has_stopword("Im Schlepptau"), has_stopword("Christoph von Ritter"), has_stopword("Jane Smith")
    (True, False, False)
    """
    inside, stop = particles(), function_words()
    return any(w.casefold() not in inside and w.casefold() in stop for w in text.split())


@lru_cache(maxsize=None)
def function_words() -> frozenset:
    """The stop words of every language pack (articles, pronouns, prepositions): a name holds none.
    Read once per process, as :func:`cleaner.language.stopwords` reads the packs."""
    from .language import stopwords

    return frozenset().union(*stopwords().values())


@lexicon.cached
def particles() -> frozenset:
    """Words inside names, never at their end: the lexicon's ``name_particles``
    ("Christoph von Ritter", "Ana de la Cruz") and ``name_joiners`` ("y", "und")."""
    return lexicon.phrase_set("name_particles") | lexicon.phrase_set("name_joiners")


def names_beside_date(text: str) -> bool:
    """True when ``text``, printed beside a date, is a byline's names ("Jane Smith"), with
    at most a comment count or a reading time after them.

    >>> names_beside_date("Jane Smith"), names_beside_date("Jane Smith Schreibe einen Kommentar")
    (True, True)
    >>> names_beside_date("Jane Smith 4"), names_beside_date("Jane Smith, Politik und Wirtschaft")
    (True, False)
    >>> names_beside_date("Aus der Region Kommentar schreiben")  # a section: "aus" is no name's word
    False
    >>> names_beside_date("Jane Doe Allgemein 2 Kommentare")  # a category before the count
    False
    """
    trimmed = trim_counts(text)
    names = parse_names(trimmed.strip(SEPARATORS))
    if names and trimmed != text.strip(SEPARATORS) and not all(two_part(n) for n in names):
        return False  # "Jane Doe Allgemein 2 Kommentare": before a count, a third word may be a category
    return bool(names) and full_names(names) and not is_label(trimmed) and not has_stopword(trimmed)


def two_part(name: str) -> bool:
    """A first and a last name, with at most initials or particles between them.

    >>> two_part("Jane Doe"), two_part("Sarah E. Needleman"), two_part("Jane Doe Allgemein")
    (True, True, False)
    """
    middle = name.split()[1:-1]
    inside = particles()
    return all(w.endswith(".") or w in inside for w in middle)


def dated_byline(text: str) -> bool:
    """A line of parts joined by separators, one a date and one names: "Jane Smith | 06.11.23",
    "04.02.2022 | 15:33 Uhr | Jane Smith" (under a headline, the byline pass reads it).

    >>> dated_byline("Jane Smith | 06.11.23"), dated_byline("04.02.2022 | 15:33 Uhr | Jane Smith")
    (True, True)
    >>> dated_byline("Politik | 06.11.23"), dated_byline("Jane Smith and John Doe")
    (False, False)
    """
    parts = [p.strip() for p in _DATED_PARTS.split(text)]
    return len(parts) >= 2 and any(has_digit(p) and find_date(p) for p in parts) \
        and any(names_beside_date(p) for p in parts if not has_digit(p))


_DATED_PARTS = lazy_pattern(r"\s+[|·•]\s+|\s*\|\s*")


@lexicon.cached
def comment_count():
    """ "Ein Kommentar", "No comments", "Schreibe einen Kommentar" after the names."""
    return regex.compile(rf"\s+(?:\S+\s+){{0,2}}{lexicon.alternation('comment_words')}\b.*$", regex.I)


def trim_counts(text: str) -> str:
    """``text`` without a comment count, a number or a reading time at its end.

    >>> trim_counts("Jane Smith 2 Kommentare"), trim_counts("Jane Smith Leave a comment"), trim_counts("3 min read")
    ('Jane Smith', 'Jane Smith', '')
    >>> trim_counts("Jane Smith")
    'Jane Smith'
    """
    from .passes.dates import is_reading_time  # the dates pass imports this module: imported at call time

    out = comment_count().sub("", _TRAILING_COUNT.sub("", " " + text)).strip(SEPARATORS)
    return "" if out and is_reading_time(out) else out


#: A number and a word at most at the end of a byline: a comment count ("2 Kommentare", "0"), a reading time.
_TRAILING_COUNT = lazy_pattern(r"\s+\d+(?:\s+\S+){0,2}$")


def full_names(names: List[str]) -> bool:
    """Without a "By", only full names (two words or more) are taken: one capitalised
    word beside a date is as often a section ("Allgemein 19.10.2019") as a person.

    >>> full_names(["Jane Smith"]), full_names(["Allgemein"])
    (True, False)
    """
    return all(len(n.split()) >= 2 for n in names)

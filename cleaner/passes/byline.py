"""byline.author: a byline names the article's authors.

Removes (names go to ``authors``)::

    Reported by: Digital Desk            -> Digital Desk
    By Jane Smith                        -> Jane Smith
    Written by: Jane Smith, Staff Reporter -> Jane Smith
    By Jane Smith and John Doe           -> Jane Smith, John Doe
    Posted by Jane Smith on November 19, 2019, 6:21 AM EST -> Jane Smith (and the date)
    Von Hans Müller                      -> Hans Müller
    By                                   (and on the next line)
    Sarah E. Needleman                   -> Sarah E. Needleman

Keeps::

    By the end of the year, prices had doubled.
    By Monday, the rebels had withdrawn from the city.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator, List, Optional

import regex

from .. import lexicon
from ..dates import find_date
from ..model import Document, Finding

_DIGIT = regex.compile(r"\d")
#: What joins a name to the date after it: "on", "-", "|", ",".
_DATE_LEAD = regex.compile(r"(?:[\s,|/·•\-–—]|\bon\b|\bam\b|\ble\b|\bel\b|\bem\b|\bil\b|\bdnia\b)+$", regex.I)

#: A person's or desk's name has at most this many words.
NAME_MAX_WORDS = 5
#: Words of a job title shorter than this ("for", "de") do not mark a title on their own.
ROLE_WORD_MIN_CHARS = 4
#: A byline names at most this many authors.
MAX_AUTHORS = 6


@lru_cache(maxsize=None)
def _patterns():
    # The one-letter joiners (Spanish "y", Italian "e", Polish "i") only in lower case:
    # "Sarah E. Needleman" is one name with an initial.
    split = regex.compile(r"\s*(?:,|;|\||&|\band\b|\bund\b|\bet\b|(?-i:\by\b|\be\b|\bi\b)|\boraz\b|\bcon\b)\s*",
                          regex.I)
    # A name word: capitalised (Jane, O'Neil, McDonald, Müller), an initial (J.), or a particle.
    word = regex.compile(r"(?:\p{Lu}[\p{L}'’\-.]*|\p{Lu}\.|de|da|del|der|van|von|al|el|bin|le|la|di|du|dos|ter|zu)",
                         )
    return split, word


@lru_cache(maxsize=None)
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
    >>> parse_names("the end of the year, prices had doubled") is None
    True
    """
    split, word = _patterns()
    roles = lexicon.phrase_set("byline_roles")
    names: List[str] = []
    for part in split.split(text.strip(), timeout=1.0):
        part = part.strip(" .,:-–—|")
        if not part or lexicon.fold(part) in roles:
            continue
        if names and lexicon.fold(part.split()[-1]) in _role_words():
            continue  # after a name, "Transport Correspondent", "Local Democracy Reporter": a job title
        words = part.split()
        if len(words) > NAME_MAX_WORDS or not all(word.fullmatch(w, timeout=1.0) for w in words):
            return None
        names.append(part)
    if not names or len(names) > MAX_AUTHORS:
        return None
    return names


def byline_names(text: str) -> Optional[List[str]]:
    """The names of a byline that is all of ``text`` ("By Jane Smith"), else ``None``.

    >>> byline_names("By Jane Smith"), byline_names("by admin"), byline_names("By Monday")
    (['Jane Smith'], None, None)
    """
    prefix = lexicon.match_prefix("byline_prefixes", text)
    if prefix is None:
        return None
    names = parse_names(text[prefix[1]:].lstrip(" :：").rstrip(" ."))
    return names if names and not _is_time_phrase(names[0]) else None


def run(doc: Document) -> Iterator[Finding]:
    """
    >>> from cleaner.model import Document
    >>> [f.value for f in run(Document("Reported by: Digital Desk\\nBy the end, it rained."))]
    [['Digital Desk']]
    """
    starts = lexicon.first_words("byline_prefixes")
    for ln in doc.kept_lines():
        if ln.first_word not in starts:
            continue
        prefix = lexicon.match_prefix("byline_prefixes", ln.plain)
        if prefix is None:
            continue
        names_text = ln.plain[prefix[1]:].lstrip(" :：").rstrip(" .")
        if not names_text:
            # "By" alone, the names on the next line: layouts put them in separate elements.
            nxt = doc.next_nonblank(ln.index)
            names = parse_names(doc.lines[nxt].text) if nxt is not None and nxt == ln.index + 1 else None
            if names and not _is_time_phrase(names[0]):
                yield Finding(ln.index, "byline.author", f"byline label {ln.text!r} before the names")
                yield Finding(nxt, "byline.author", f"byline names after {ln.text!r}", "authors", names)
            continue
        if ln.words > NAME_MAX_WORDS * 3 + 4:
            continue
        also = ()
        dated = find_date(names_text) if _DIGIT.search(names_text) else None
        if dated:
            # "By Jane Smith - 2019-04-10", "Posted by Jane Smith on November 19, 2019, 6:21 AM EST"
            date_match, iso = dated
            names_text = _DATE_LEAD.sub("", names_text[: date_match.start()])
            also = (("date_published", iso),)
        # "By Monday, the rebels …": a date word after "By" is not a name.
        names = parse_names(names_text)
        if names and not _is_time_phrase(names[0]):
            yield Finding(ln.index, "byline.author", f"byline {ln.text!r}", "authors", names, also=also)


def _is_time_phrase(name: str) -> bool:
    """ "By Monday", "By December": a lone month or weekday is a time, not a name ("Jan Kowalski" is a name).

    >>> _is_time_phrase("Monday"), _is_time_phrase("Jan Kowalski")
    (True, False)
    """
    words = name.split()
    if len(words) != 1:
        return False
    first = words[0].casefold().rstrip(".,")
    data = lexicon.data()
    return first in data.get("months", {}) or first in data.get("weekdays", [])

"""byline.author / byline.dated_name / byline.name_line: a byline names the article's authors.

Removes (names go to ``authors``)::

    Reported by: Digital Desk            -> Digital Desk
    By Jane Smith                        -> Jane Smith
    Written by: Jane Smith, Staff Reporter -> Jane Smith
    By Jane Smith and John Doe           -> Jane Smith, John Doe
    Posted by Jane Smith on November 19, 2019, 6:21 AM EST -> Jane Smith (and the date)
    Von Hans Müller                      -> Hans Müller
    Veröffentlicht am 17. Dezember 2019 von Simon Dückert -> Simon Dückert (and the date)
    Posted on September 21, 2020 by Jane Smith -> Jane Smith (and the date)
    By                                   (and on the next line)
    Sarah E. Needleman                   -> Sarah E. Needleman

Under a headline (``byline.dated_name``), a name printed with the date and no
"By" ("Jane Smith 19.10.2019, 05:00 Uhr", "Redaktion - 31. Januar 2022"), or
alone on the line over or under a date line, is the byline too: far from a
headline the same shape is a reader's comment and stays. A line of one or two
full names alone between a headline and the first paragraph is the byline
(``byline.name_line``).

Keeps::

    By the end of the year, prices had doubled.
    Published on September 21, 2020 by the city council after a vote.
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
#: The words in lower case only: "By Jane Le, 3 May 2021" keeps the surname "Le".
_DATE_LEAD = regex.compile(r"(?:[\s,|/·•\-–—]|(?-i:\bon\b|\bam\b|\ble\b|\bel\b|\bem\b|\bil\b|\bdnia\b))+$", regex.I)

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
    >>> parse_names("the end of the year, prices had doubled") is None, parse_names("Krisenmanagement zu") is None
    (True, True)
    """
    split, word = _patterns()
    roles = lexicon.phrase_set("byline_roles")
    names: List[str] = []
    for part in split.split(text.strip(), timeout=1.0):
        part = _strip_end(part.strip(" ,:-–—|").lstrip("."))
        if not part or lexicon.fold(part) in roles:
            continue
        if names and lexicon.fold(part.split()[-1]) in _role_words():
            continue  # after a name, "Transport Correspondent", "Local Democracy Reporter": a job title
        words = part.split()
        if len(words) > NAME_MAX_WORDS or not all(word.fullmatch(w, timeout=1.0) for w in words):
            return None
        if len(words) > 1 and words[-1] in _PARTICLES:
            return None  # "Krisenmanagement zu": a name never ends in a particle
        names.append(part)
    if not names or len(names) > MAX_AUTHORS:
        return None
    return names


_INITIAL_AT_END = regex.compile(r"(?:^|\s)\p{Lu}\.$")


def _strip_end(text: str) -> str:
    """The end of a byline without its full stop, unless that ends an initial ("R. R.").

    >>> _strip_end("Jane Smith."), _strip_end("Jane R. R.")
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
    names = parse_names(_strip_end(text[prefix[1]:].lstrip(" :：")))
    return names if names and not _is_time_phrase(names[0]) else None


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
    return bool(_HANDLE.fullmatch(rest)) and len(rest) > 3


def run(doc: Document) -> Iterator[Finding]:
    """
    >>> from cleaner.model import Document
    >>> [f.value for f in run(Document("Reported by: Digital Desk\\nBy the end, it rained."))]
    [['Digital Desk']]
    """
    starts = lexicon.first_words("byline_prefixes")
    for ln in doc.kept_lines():
        prefix = lexicon.match_prefix("byline_prefixes", ln.plain) if ln.first_word in starts else None
        if prefix is None:
            if _DIGIT.search(ln.text) and ln.words <= DATED_LINE_MAX_WORDS:
                yield from _dated(doc, ln)
            continue
        names_text = _strip_end(ln.plain[prefix[1]:].lstrip(" :："))
        if names_text[:1] in "&,;+/" and names_text:
            continue  # "Authors & Referees": a heading, the label is not followed by names
        if not names_text:
            # "By" alone, the names on the next line: layouts put them in separate elements
            # (a renderer may leave one blank line between them).
            nxt = doc.next_nonblank(ln.index)
            near = nxt is not None and nxt - ln.index <= LABEL_REACH
            names = parse_names(_cut_agency(doc.lines[nxt].plain)) if near else None
            if names and not _full_names(names) and _LIST_ITEM.match(ln.text):
                names = None  # "* Autor" over "* Blog": items of a menu, not a label over a name
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
            # "Jane Smith, veröffentlicht am 23.01.2020": the date's own label goes too.
            names_text = _DATE_LEAD.sub("", _trailing_date_label().sub("", names_text))
            also = (("date_published", iso),)
        # "By Monday, the rebels …": a date word after "By" is not a name.
        names = parse_names(names_text) or _names_before_separator(names_text)
        if not names and dated and _HANDLE.fullmatch(names_text) and len(names_text) > 3:
            names = [names_text]  # "von eseppelt · 31. Oktober 2023": a user name, with the date
        if names and not _is_time_phrase(names[0]):
            # "By Daniel | Published: …": a label read as a name goes, the rest of the byline stays.
            names = [n for n in names if not _is_label(n)]
            if names or also:
                yield Finding(ln.index, "byline.author", f"byline {ln.text!r}", "authors", names, also=also)
    yield from name_beside_date(doc)


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


#: A date line with a byline in it ("Posted on May 3, 2021 by Jane Smith") has at most this many words.
DATED_LINE_MAX_WORDS = 20
#: A name printed without "By" beside a date is a byline only this close under
#: a headline-shaped line (non-blank lines): further down it is a comment's.
NAME_NEAR_HEADLINE = 3
#: Words after the names that end them ("in Business", "5 Comments").
_NAMES_END = regex.compile(r"\s+(?:in|im|dans|en|em|w|\d+)\s.*$|\s+\d+\s*\S*$|\s*[|·•/].*$", regex.I)
#: A user name printed after "von"/"by" ("gizzmo", "revamp-it"): one token.
_HANDLE = regex.compile(r"[\p{L}\d][\p{L}\d._\-]{1,30}")
_SEPARATORS = " ,|·•-–—/"


def _dated(doc: Document, ln) -> Iterator[Finding]:
    """A date line with the author: "Posted on May 3, 2021 by Jane Smith" (byline.author),
    or near a headline "Jane Smith 19.10.2019" / a name line next to a date line (byline.dated_name)."""
    from .dates import date_label  # dates reads bylines too: imported when both are loaded

    found = find_date(ln.plain)
    if not found:
        return
    m, iso = found
    text = ln.plain
    before, after = text[: m.start()].strip(_SEPARATORS), text[m.end():].strip(_SEPARATORS)
    again = find_date(after) if after[:1].isdigit() or after[:1].isupper() else None
    if again and again[0].start() == 0 and again[1][:10] == iso[:10]:
        after = after[again[0].end():].strip(_SEPARATORS)  # "25. Januar 202225. Januar 2022 Author …": printed twice
    kind = date_label(before) if before else "bare"
    field = "date_modified" if kind == "mod" else "date_published"
    if kind is not None:
        prefix = lexicon.match_prefix("byline_prefixes", after) if after else None
        if prefix is not None:
            rest = after[prefix[1]:].strip(" :")
            if not rest:
                # "10.12.2022 18:27 von", the names on the next line (layouts put them in separate elements).
                nxt = doc.next_nonblank(ln.index)
                names = parse_names(_cut_agency(doc.lines[nxt].plain)) \
                    if nxt is not None and nxt - ln.index <= LABEL_REACH else None
                if names and not _is_time_phrase(names[0]) and not _is_label(doc.lines[nxt].plain):
                    yield Finding(ln.index, "byline.author", f"date line with a byline label {text!r}",
                                  also=((field, iso),))
                    yield Finding(nxt, "byline.author", f"byline names after {text!r}", "authors", names)
                return
            names = _names_after_date(after[prefix[1]:])
            if names:
                yield Finding(ln.index, "byline.author", f"date line with a byline {text!r}", "authors", names,
                              also=((field, iso),))
            return
    if _LIST_ITEM.match(ln.text) or not under_headline(doc, ln.index):
        return  # a list item with a name and a date is a teaser of a list
    # "Jane Smith 19.10.2019, 05:00 Uhr", "11.12.2019 - Jane Smith": a name and the date, nothing else
    # but a comment count or a reading time ("3. Mai 2021 Jane Doe 2 Kommentare").
    trimmed = _trim_counts(after)
    if trimmed and trimmed != after and not names_beside_date(after):
        return  # a count after words that are not names alone: "3. Mai 2021 Jane Doe Allgemein 2 Kommentare"
    after = trimmed
    if before and not after:
        names, rest = parse_names(before), None
    elif after and not before:
        names, rest = parse_names(after), None
    else:
        return
    if names and rest is None and _full_names(names):
        # "CBS News February 24, 2020": a section or label beside the date is a date line all the same.
        names = [] if _is_label(before or after) or _has_stopword(before or after) else names
        yield Finding(ln.index, "byline.dated_name", f"a name with the date under the headline {text!r}",
                      "authors", names, also=((field, iso),))


#: A list item: a bullet before the text (a number may be a date: "28. Jan. 2022").
_LIST_ITEM = regex.compile(r"\s*[*+•▪◦·–-]\s")
#: "By" alone on a line: the names are on the next non-blank line at most this many lines down.
LABEL_REACH = 2
_PART_SEPARATOR = regex.compile(r"\s+[|·•]\s+|\s*,\s+(?=\p{L}+\s*:)|\s+(?=\p{Lu}\p{Ll}+:\s)")
_AGENCY_SUFFIX = regex.compile(r"\s*/\s*\p{Lu}[\p{Lu}\-]{1,9}$")


@lru_cache(maxsize=None)
def _trailing_date_label():
    # Labels of a word or more ("veröffentlicht am", "updated"), not "on"/"le": "Jane Le" keeps her name.
    phrases = sorted((p for key in ("date_published", "date_modified") for p in lexicon.data().get(key, [])
                      if len(p) > 3), key=len, reverse=True)
    labels = "|".join(r"\s+".join(map(regex.escape, p.split())) for p in phrases)
    return regex.compile(rf"[\s,|·•\-–—]+(?:{labels})\s*:?$", regex.I)


def _names_before_separator(text: str) -> Optional[List[str]]:
    """The names before a separator that starts other matter: "Jane Smith | jane@example.com",
    "Jane Smith | 12/10/2020", "Jane Smith , Datum: 03.03.19".

    >>> _names_before_separator("Jane Smith | jsmith@example.com"), _names_before_separator("Jane Smith , Datum: 3.3.19")
    (['Jane Smith'], ['Jane Smith'])
    >>> _names_before_separator("Jane Smith Kategorien: Politik 6. November 2023"), _names_before_separator("Ast getroffen: 46 Jahre")
    (['Jane Smith'], None)
    >>> _names_before_separator("Jane Smith | Politics")  # a section after the name: too unsure
    """
    parts = _PART_SEPARATOR.split(text, maxsplit=1)
    if len(parts) < 2 or not (_DIGIT.search(parts[1]) or "@" in parts[1] or ":" in parts[1]):
        return None
    return parse_names(parts[0])


def _cut_agency(text: str) -> str:
    """ "Peter Maahn/SP-X": the agency after the name goes.

    >>> _cut_agency("Peter Maahn/SP-X"), _cut_agency("Jane Smith")
    ('Peter Maahn', 'Jane Smith')
    """
    return _AGENCY_SUFFIX.sub("", text).rstrip(" ,")


@lru_cache(maxsize=None)
def _comment_count():
    """ "Ein Kommentar", "No comments", "Schreibe einen Kommentar" after the names."""
    return regex.compile(rf"\s+(?:\S+\s+){{0,2}}{lexicon.alternation('comment_words')}\b.*$", regex.I)


def _names_after_date(rest: str) -> Optional[List[str]]:
    """The names after "by" on a date line, words that end them cut ("Jane Smith in Business").

    >>> _names_after_date("Jane Smith 5 Comments"), _names_after_date("gizzmo"), _names_after_date("the council")
    (['Jane Smith'], ['gizzmo'], None)
    >>> _names_after_date("KleinerBlog Ein Kommentar"), _names_after_date("Jane Smith Schreibe einen Kommentar")
    (['KleinerBlog'], ['Jane Smith'])
    """
    rest = _comment_count().sub("", _NAMES_END.sub("", rest.strip(" :"))).strip(_SEPARATORS)
    names = parse_names(rest)
    if names:
        return names
    return [rest] if _HANDLE.fullmatch(rest) and len(rest) > 3 else None  # a user name


def _is_label(text: str) -> bool:
    """A section, a control or a date label, not a name ("Allgemein", "Teilen Twittern Email",
    "Online-Redaktion Veröffentlicht").

    >>> _is_label("Teilen Twittern Email"), _is_label("Online-Redaktion Veröffentlicht"), _is_label("Jane Smith")
    (True, True, False)
    """
    folded = lexicon.fold(text)
    if any(folded in lexicon.phrase_set(k) for k in ("ui_labels", "related_headings", "cta")):
        return True
    return not _label_words().isdisjoint(regex.findall(r"\w+", folded))


@lru_cache(maxsize=None)
def _label_words() -> frozenset:
    """Words no name holds: those of controls and share bars, and the first words of date labels."""
    words = {w for w in lexicon.phrase_words("ui_labels", "share_networks") if len(w) > 3}
    for key in ("date_published", "date_modified"):
        words.update(p.split()[0] for p in lexicon.data().get(key, []) if len(p.split()[0]) > 3)
    return frozenset(words)


def under_headline(doc: Document, i: int) -> bool:
    """True when a headline-shaped kept line stands within a few non-blank lines above line ``i``."""
    from ..shape import headline_candidate

    j = i
    seen = 0
    while seen < NAME_NEAR_HEADLINE:
        j = doc.prev_nonblank(j, kept_only=False)
        if j is None:
            return False
        if j in doc.findings and doc.findings[j].rule.startswith(("credit", "date.", "byline.", "ads.")):
            continue  # a photo credit or another part of the byline block: look above it
        if doc.kept(j) and headline_candidate(doc.lines[j].plain) and not find_date(doc.lines[j].text):
            return True
        seen += 1
    return False


#: Names beside dates under headlines this close to each other (in lines) are a list of teasers
#: ("headline / name / date" again and again), not the article's byline.
TEASER_RUN_LINES = 10


def name_beside_date(doc: Document) -> Iterator[Finding]:
    """A line that is only a name, right over or under a date line that is right under a headline.

    When the same shape comes again within :data:`TEASER_RUN_LINES` lines, the lines are a
    teaser list ("Recommended": headline, author, date, three times), and none is a byline.
    """
    found = list(_names_beside_dates(doc))
    dated = [f.line for f in found if f.rule == "byline.dated_name"]
    under_dek = [f.line for f in found if f.reason.startswith(_UNDER_DEK)]
    for f in found:
        if f.rule == "byline.dated_name" and any(0 < abs(f.line - k) <= TEASER_RUN_LINES for k in dated):
            continue
        if f.line in under_dek and (len(under_dek) > 1 or dated):
            continue  # headline, summary, name again and again: a teaser list
        yield f


#: The reason of a name found under a headline and its standfirst (:func:`_name_under_dek`).
_UNDER_DEK = "a name alone under the headline and its standfirst"


def _names_beside_dates(doc: Document) -> Iterator[Finding]:
    for ln in doc.kept_lines():
        if ln.words > NAME_MAX_WORDS or _DIGIT.search(ln.text):
            continue
        prev, nxt = doc.prev_nonblank(ln.index, kept_only=False), doc.next_nonblank(ln.index, kept_only=False)
        dates = [k for k in (prev, nxt) if k is not None and _is_date(doc, k)]
        if not dates:
            if _name_line(doc, ln, prev, nxt):
                yield Finding(ln.index, "byline.name_line", f"a name alone between the headline and the text "
                              f"{ln.text!r}", "authors", parse_names(ln.plain))
            elif _name_under_dek(doc, ln, prev):
                yield Finding(ln.index, "byline.name_line", f"{_UNDER_DEK} {ln.text!r}", "authors",
                              parse_names(ln.plain))
            continue
        if _LIST_ITEM.match(ln.text) and not any(_LIST_ITEM.match(doc.lines[k].text) for k in dates):
            continue  # a menu item beside a date; in a list of date, name, … the item is the byline
        if not under_headline(doc, ln.index if prev is None or not _is_date(doc, prev) else prev):
            continue
        names = parse_names(ln.plain)
        if names and len(names) <= 2 and _full_names(names) and not _is_label(ln.plain):
            yield Finding(ln.index, "byline.dated_name", f"a name beside the date under the headline {ln.text!r}",
                          "authors", names)


def _name_line(doc: Document, ln, prev: Optional[int], nxt: Optional[int]) -> bool:
    """A line of one or two full names right under a headline-shaped line and over prose."""
    from ..shape import headline_candidate, is_prose
    from .boundary import continues, wrap_width  # boundary reads this pass's findings: imported late

    if prev is None or nxt is None or not doc.kept(prev) or _LIST_ITEM.match(ln.text):
        return False
    # The cheap shape tests first: this runs on nearly every line of a page.
    if not is_prose(doc.lines[nxt].plain):
        return False
    above = doc.lines[prev].plain
    if not headline_candidate(above) or _DIGIT.search(above) or parse_names(above):
        return False  # ("Drink 20–30 minutes before your workout" over a product name: an instruction)
    width = wrap_width(doc)
    if (prev == ln.index - 1 and continues(doc, prev, width)) or (nxt == ln.index + 1 and continues(doc, ln.index, width)):
        return False  # 'said councillor / Ruth Obi / , who chairs …': a name inside a sentence broken at its link
    top = doc.prev_nonblank(prev, kept_only=False)
    if top is not None and is_prose(doc.lines[top].plain):
        return False  # the line above is a subheading between paragraphs, and this one its first words
    if lexicon.match_prefix("byline_prefixes", ln.plain):
        return False  # "By Staff Writer": a byline the byline pass found no name in
    names = parse_names(ln.plain)
    return bool(names) and len(names) <= 2 and _full_names(names) and not _is_label(ln.plain) \
        and not _has_stopword(ln.plain)


def _name_under_dek(doc: Document, ln, prev: Optional[int]) -> bool:
    """A line of one or two plain full names under a standfirst sentence that is itself
    right under a headline-shaped line ("Headline / One-sentence summary. / Jane Doe")."""
    from ..shape import ends_sentence, headline_candidate, is_prose

    if prev is None or not doc.kept(prev) or _LIST_ITEM.match(ln.text) or ln.words > NAME_MAX_WORDS:
        return False
    dek = doc.lines[prev].plain
    if not (is_prose(dek) or ends_sentence(dek)) or _DIGIT.search(ln.text):
        return False
    top = doc.prev_nonblank(prev, kept_only=False)
    if top is None or not doc.kept(top) or not headline_candidate(doc.lines[top].plain) \
            or is_prose(doc.lines[top].plain):
        return False
    above = doc.prev_nonblank(top, kept_only=False)
    if above is not None and is_prose(doc.lines[above].plain):
        return False  # a subheading between paragraphs, its first paragraph, and the next subheading
    if lexicon.match_prefix("byline_prefixes", ln.plain) or _strip_end(ln.plain) != ln.plain.rstrip():
        return False  # "Love Life.": a sentence, not a name
    nxt = doc.next_nonblank(ln.index, kept_only=False)
    caption = nxt is not None and nxt in doc.findings and doc.findings[nxt].rule.startswith("credits.")
    if nxt is not None and not caption and is_prose(doc.lines[nxt].plain):
        return False  # "Recent Findings" over a paragraph: a subheading (a photo caption under a byline is not)
    if nxt is not None and len(doc.lines[nxt].plain.split()) < 2 and not _is_label(doc.lines[nxt].plain):
        return False  # "Sideline Commentator" over "On": a setting's label over its value
    names = parse_names(ln.plain)
    return bool(names) and len(names) <= 2 and _full_names(names) and all(_two_part(n) for n in names) \
        and not _is_label(ln.plain) and not _has_stopword(ln.plain)


def _has_stopword(text: str) -> bool:
    """A word no name holds: "Im Schlepptau", "Über Jane Doe" are a heading, not a name
    (the particles of names, "von", "de", "van", do not count).

    >>> _has_stopword("Im Schlepptau"), _has_stopword("Christoph von Ritter"), _has_stopword("Jane Smith")
    (True, False, False)
    """
    from ..language import STOPWORDS

    particles = _PARTICLES
    return any(w.casefold() not in particles and any(w.casefold() in words for words in STOPWORDS.values())
               for w in text.split())


#: Words inside names: "Christoph von Ritter", "Ana de la Cruz".
_PARTICLES = frozenset("de da del der van von al el bin le la di du dos ter zu y e i".split())


def _is_date(doc: Document, i: int) -> bool:
    f = doc.findings.get(i)
    return f is not None and f.rule.startswith("date.")


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
    trimmed = _trim_counts(text)
    names = parse_names(trimmed.strip(_SEPARATORS))
    if names and trimmed != text.strip(_SEPARATORS) and not all(_two_part(n) for n in names):
        return False  # "Jane Doe Allgemein 2 Kommentare": before a count, a third word may be a category
    return bool(names) and _full_names(names) and not _is_label(trimmed) and not _has_stopword(trimmed)


def _two_part(name: str) -> bool:
    """A first and a last name, with at most initials or particles between them.

    >>> _two_part("Jane Doe"), _two_part("Sarah E. Needleman"), _two_part("Jane Doe Allgemein")
    (True, True, False)
    """
    middle = name.split()[1:-1]
    return all(w.endswith(".") or w in _PARTICLES for w in middle)


def dated_byline(text: str) -> bool:
    """A line of parts joined by separators, one a date and one names: "Jane Smith | 06.11.23",
    "04.02.2022 | 15:33 Uhr | Jane Smith" (under a headline, the byline pass reads it).

    >>> dated_byline("Jane Smith | 06.11.23"), dated_byline("04.02.2022 | 15:33 Uhr | Jane Smith")
    (True, True)
    >>> dated_byline("Politik | 06.11.23"), dated_byline("Jane Smith and John Doe")
    (False, False)
    """
    parts = [p.strip() for p in regex.split(r"\s+[|·•]\s+|\s*\|\s*", text)]
    return len(parts) >= 2 and any(_DIGIT.search(p) and find_date(p) for p in parts) \
        and any(names_beside_date(p) for p in parts if not _DIGIT.search(p))


def _trim_counts(text: str) -> str:
    """``text`` without a comment count, a number or a reading time at its end.

    >>> _trim_counts("Jane Smith 2 Kommentare"), _trim_counts("Jane Smith Leave a comment"), _trim_counts("3 min read")
    ('Jane Smith', 'Jane Smith', '')
    >>> _trim_counts("Jane Smith")
    'Jane Smith'
    """
    from .dates import is_reading_time  # dates reads bylines too: imported when both are loaded

    out = _comment_count().sub("", _TRAILING_COUNT.sub("", " " + text)).strip(_SEPARATORS)
    return "" if out and is_reading_time(out) else out


#: A number and a word at most at the end of a byline: a comment count ("2 Kommentare", "0"), a reading time.
_TRAILING_COUNT = regex.compile(r"\s+\d+(?:\s+\S+){0,2}$")


def _full_names(names: List[str]) -> bool:
    """Without a "By", only full names (two words or more) are taken: one capitalised
    word beside a date is as often a section ("Allgemein 19.10.2019") as a person.

    >>> _full_names(["Jane Smith"]), _full_names(["Allgemein"])
    (True, False)
    """
    return all(len(n.split()) >= 2 for n in names)

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

from typing import Iterator, List, Optional

import regex

from .. import lexicon
from ..dates import find_date
from ..layout import continues, under_headline, wrap_width
from ..model import Document, Finding
from ..names import (
    LIST_ITEM,
    NAME_MAX_WORDS,
    SEPARATORS,
    comment_count,
    full_names,
    has_stopword,
    is_handle,
    is_label,
    is_time_phrase,
    names_before_separator,
    names_beside_date,
    parse_names,
    strip_end,
    trim_counts,
    two_part,
)
from ..shape import (
    HEADLINE_MIN_WORDS,
    count_words,
    ends_sentence,
    has_digit,
    headline_candidate,
    headline_shaped,
    is_prose,
)
from .dates import date_label  # the label before a date ("Updated"); dates no longer imports this pass


@lexicon.cached
def _date_lead():
    """What joins a name to the date after it: "-", "|", ",", a word of the lexicon's
    ``date_leads`` ("on", "am", "le"), in lower case only: "By Jane Le, 3 May 2021"
    keeps the surname "Le"."""
    leads = "|".join(rf"\b{regex.escape(w)}\b" for w in sorted(lexicon.phrase_set("date_leads")))
    return regex.compile(rf"(?:[\s,|/·•\-–—]|(?-i:{leads or '(?!)'}))+$", regex.I)


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
            if has_digit(ln.text) and ln.words <= DATED_LINE_MAX_WORDS:
                yield from _dated(doc, ln)
            continue
        names_text = strip_end(ln.plain[prefix[1]:].lstrip(" :："))
        if names_text[:1] in "&,;+/" and names_text:
            continue  # "Authors & Referees": a heading, the label is not followed by names
        if not names_text:
            # "By" alone, the names on the next line: layouts put them in separate elements
            # (a renderer may leave one blank line between them).
            nxt = doc.next_nonblank(ln.index)
            near = nxt is not None and nxt - ln.index <= LABEL_REACH
            names = parse_names(_cut_agency(doc.lines[nxt].plain)) if near else None
            if names and not full_names(names) and LIST_ITEM.match(ln.text):
                names = None  # "* Autor" over "* Blog": items of a menu, not a label over a name
            if names and not is_time_phrase(names[0]):
                yield Finding(ln.index, "byline.author", f"byline label {ln.text!r} before the names")
                yield Finding(nxt, "byline.author", f"byline names after {ln.text!r}", "authors", names)
            continue
        if ln.words > NAME_MAX_WORDS * 3 + 4:
            continue
        also = ()
        dated = find_date(names_text) if has_digit(names_text) else None
        if dated:
            # "By Jane Smith - 2019-04-10", "Posted by Jane Smith on November 19, 2019, 6:21 AM EST"
            date_match, iso = dated
            names_text = _date_lead().sub("", names_text[: date_match.start()])
            # "Jane Smith, veröffentlicht am 23.01.2020": the date's own label goes too.
            names_text = _date_lead().sub("", _trailing_date_label().sub("", names_text))
            also = (("date_published", iso),)
        # "By Monday, the rebels …": a date word after "By" is not a name.
        names = parse_names(names_text) or names_before_separator(names_text)
        if not names and dated and is_handle(names_text):
            names = [names_text]  # "von eseppelt · 31. Oktober 2023": a user name, with the date
        if names and not is_time_phrase(names[0]):
            # "By Daniel | Published: …": a label read as a name goes, the rest of the byline stays.
            names = [n for n in names if not is_label(n)]
            if names or also:
                yield Finding(ln.index, "byline.author", f"byline {ln.text!r}", "authors", names, also=also)
    yield from name_beside_date(doc)


#: A date line with a byline in it ("Posted on May 3, 2021 by Jane Smith") has at most this many words.
DATED_LINE_MAX_WORDS = 20


@lexicon.cached
def _names_end():
    """Words after the names that end them: a word of the lexicon's ``byline_name_enders``
    or a number, and what follows ("in Business", "5 Comments")."""
    enders = lexicon.alternation("byline_name_enders")
    return regex.compile(rf"\s+(?:{enders}|\d+)\s.*$|\s+\d+\s*\S*$|\s*[|·•/].*$", regex.I)


def _dated(doc: Document, ln) -> Iterator[Finding]:
    """A date line with the author: "Posted on May 3, 2021 by Jane Smith" (byline.author),
    or near a headline "Jane Smith 19.10.2019" / a name line next to a date line (byline.dated_name)."""
    found = ln.first_date  # the dates pass has read most of these lines already
    if not found:
        return
    m, iso = found
    text = ln.plain
    before, after = text[: m.start()].strip(SEPARATORS), text[m.end():].strip(SEPARATORS)
    again = find_date(after) if after[:1].isdigit() or after[:1].isupper() else None
    if again and again[0].start() == 0 and again[1][:10] == iso[:10]:
        after = after[again[0].end():].strip(SEPARATORS)  # "25. Januar 202225. Januar 2022 Author …": printed twice
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
                if names and not is_time_phrase(names[0]) and not is_label(doc.lines[nxt].plain):
                    yield Finding(ln.index, "byline.author", f"date line with a byline label {text!r}",
                                  also=((field, iso),))
                    yield Finding(nxt, "byline.author", f"byline names after {text!r}", "authors", names)
                return
            names = _names_after_date(after[prefix[1]:])
            if names:
                yield Finding(ln.index, "byline.author", f"date line with a byline {text!r}", "authors", names,
                              also=((field, iso),))
            return
    if LIST_ITEM.match(ln.text) or not under_headline(doc, ln.index):
        return  # a list item with a name and a date is a teaser of a list
    # "Jane Smith 19.10.2019, 05:00 Uhr", "11.12.2019 - Jane Smith": a name and the date, nothing else
    # but a comment count or a reading time ("3. Mai 2021 Jane Doe 2 Kommentare").
    trimmed = trim_counts(after)
    if trimmed and trimmed != after and not names_beside_date(after):
        return  # a count after words that are not names alone: "3. Mai 2021 Jane Doe Allgemein 2 Kommentare"
    after = trimmed
    if before and not after:
        names, rest = parse_names(before), None
    elif after and not before:
        names, rest = parse_names(after), None
    else:
        return
    if names and rest is None and full_names(names):
        # "CBS News February 24, 2020": a section or label beside the date is a date line all the same.
        names = [] if is_label(before or after) or has_stopword(before or after) else names
        yield Finding(ln.index, "byline.dated_name", f"a name with the date under the headline {text!r}",
                      "authors", names, also=((field, iso),))


#: "By" alone on a line: the names are on the next non-blank line at most this many lines down.
LABEL_REACH = 2
_AGENCY_SUFFIX = regex.compile(r"\s*/\s*\p{Lu}[\p{Lu}\-]{1,9}$")


@lexicon.cached
def _trailing_date_label():
    # Labels of a word or more ("veröffentlicht am", "updated"), not "on"/"le": "Jane Le" keeps her name.
    phrases = sorted((p for key in ("date_published", "date_modified") for p in lexicon.data().get(key, [])
                      if len(p) > 3), key=len, reverse=True)
    labels = "|".join(r"\s+".join(map(regex.escape, p.split())) for p in phrases)
    return regex.compile(rf"[\s,|·•\-–—]+(?:{labels})\s*:?$", regex.I)


def _cut_agency(text: str) -> str:
    """ "Peter Maahn/SP-X": the agency after the name goes.

    >>> _cut_agency("Peter Maahn/SP-X"), _cut_agency("Jane Smith")
    ('Peter Maahn', 'Jane Smith')
    """
    return _AGENCY_SUFFIX.sub("", text).rstrip(" ,")


def _names_after_date(rest: str) -> Optional[List[str]]:
    """The names after "by" on a date line, words that end them cut ("Jane Smith in Business").

    >>> _names_after_date("Jane Smith 5 Comments"), _names_after_date("gizzmo"), _names_after_date("the council")
    (['Jane Smith'], ['gizzmo'], None)
    >>> _names_after_date("KleinerBlog Ein Kommentar"), _names_after_date("Jane Smith Schreibe einen Kommentar")
    (['KleinerBlog'], ['Jane Smith'])
    """
    rest = comment_count().sub("", _names_end().sub("", rest.strip(" :"))).strip(SEPARATORS)
    names = parse_names(rest)
    if names:
        return names
    return [rest] if is_handle(rest) else None  # a user name


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
        if f.line in under_dek and _prose_above(doc, doc.prev_nonblank(f.line, kept_only=False)):
            continue  # the text runs on above: a teaser or a box inside or after the article
        yield f


#: The reason of a name found under a headline and its standfirst (:func:`_name_under_dek`).
_UNDER_DEK = "a name alone under the headline and its standfirst"


def _names_beside_dates(doc: Document) -> Iterator[Finding]:
    for ln in doc.kept_lines():
        if ln.words > NAME_MAX_WORDS or has_digit(ln.text):
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
        if LIST_ITEM.match(ln.text) and not any(LIST_ITEM.match(doc.lines[k].text) for k in dates):
            continue  # a menu item beside a date; in a list of date, name, … the item is the byline
        if not under_headline(doc, ln.index if prev is None or not _is_date(doc, prev) else prev):
            continue
        names = parse_names(ln.plain)
        if names and len(names) <= 2 and full_names(names) and not is_label(ln.plain):
            yield Finding(ln.index, "byline.dated_name", f"a name beside the date under the headline {ln.text!r}",
                          "authors", names)


def _list_item(text: str) -> bool:
    """``LIST_ITEM.match(text)``, asked of nearly every short line: one that opens with a
    letter or a digit (most) is no item, and the pattern is tried on the others only.

    >>> _list_item("* Jane Smith"), _list_item("Jane Smith"), _list_item(" - Jane Smith")
    (True, False, True)
    """
    return not text[:1].isalnum() and LIST_ITEM.match(text) is not None


def _name_line(doc: Document, ln, prev: Optional[int], nxt: Optional[int]) -> bool:
    """A line of one or two full names right under a headline-shaped line and over prose."""
    if prev is None or nxt is None or not doc.kept(prev) or _list_item(ln.text):
        return False
    # The cheap shape tests first: this runs on nearly every line of a page.
    if not is_prose(doc.lines[nxt].plain):
        return False
    above = doc.lines[prev].plain
    if not headline_candidate(above) or has_digit(above) or parse_names(above):
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
    return bool(names) and len(names) <= 2 and full_names(names) and not is_label(ln.plain) \
        and not has_stopword(ln.plain)


def _name_under_dek(doc: Document, ln, prev: Optional[int]) -> bool:
    """A line of one or two plain full names under a standfirst sentence that is itself
    right under a headline-shaped line ("Headline / One-sentence summary. / Jane Doe")."""
    if prev is None or not doc.kept(prev) or _list_item(ln.text) or ln.words > NAME_MAX_WORDS:
        return False
    dek = doc.lines[prev].plain
    if not (is_prose(dek) or ends_sentence(dek)) or has_digit(ln.text):
        return False
    top = doc.prev_nonblank(prev, kept_only=False)
    if top is None or not doc.kept(top) or not headline_candidate(doc.lines[top].plain) \
            or is_prose(doc.lines[top].plain):
        return False
    above = doc.prev_nonblank(top, kept_only=False)
    if above is not None and is_prose(doc.lines[above].plain):
        return False  # a subheading between paragraphs, its first paragraph, and the next subheading
    if lexicon.match_prefix("byline_prefixes", ln.plain) or strip_end(ln.plain) != ln.plain.rstrip():
        return False  # "Love Life.": a sentence, not a name
    nxt = doc.next_nonblank(ln.index, kept_only=False)
    caption = nxt is not None and doc.removed_by(nxt, "credits")
    if nxt is not None and not caption and is_prose(doc.lines[nxt].plain):
        return False  # "Recent Findings" over a paragraph: a subheading (a photo caption under a byline is not)
    if nxt is not None and len(doc.lines[nxt].plain.split()) < 2 and not is_label(doc.lines[nxt].plain):
        return False  # "Sideline Commentator" over "On": a setting's label over its value
    names = parse_names(ln.plain)
    # Last, on a name-shaped line only: a heading over the next teaser or section, or the first item of a menu.
    return bool(names) and len(names) <= 2 and full_names(names) and all(two_part(n) for n in names) \
        and not is_label(ln.plain) and not has_stopword(ln.plain) \
        and not (nxt is not None and (_next_teaser(doc, nxt) or _name_run(doc, ln.index)))


def _next_teaser(doc: Document, nxt: int) -> bool:
    """True when the kept line ``nxt`` under a name-shaped line is headline-shaped (a few
    words, no sentence; not a two-word link) over prose: the name-shaped line sits between
    two headline-and-summary pairs ("Headline / Summary. / Chemical Compounds / Next
    headline? / Its summary."), a heading of a teaser list or a section, not a byline. Its
    neighbours above may be gone after a first cleaning (a "Follow" button, a teaser cut as
    related), so the test asks only what comes after it.

    >>> doc = Document("What do fossils tell us?\\nThe rocks hold the past of life on earth, the guide says.")
    >>> _next_teaser(doc, 0), _next_teaser(Document("All articles\\nThe rocks hold the past of life on earth."), 0)
    (True, False)
    >>> _next_teaser(Document("Senior Science Correspondent\\nThe rocks hold the past of life on earth."), 0)
    False
    """
    text = doc.lines[nxt].plain
    if not doc.kept(nxt) or not headline_shaped(text) or count_words(text) < HEADLINE_MIN_WORDS:
        return False  # "Alle Artikel", "Mehr lesen": a link or button under the byline, not a headline
    if not has_stopword(text) or is_label(text.split()[0]) or text[:1].islower():
        # "Senior Political Correspondent", "Updated three hours ago", "for The Daily Planet":
        # the byline's role, date or paper
        return False
    after = doc.next_nonblank(nxt)
    return after is not None and is_prose(doc.lines[after].plain)


#: Name-shaped lines right under each other, this many after the first, are a menu ("Celeb
#: Hairstyles / Color Ideas / Long Hairstyles"), not a byline of one or two names.
NAME_RUN_LINES = 2


def _name_run(doc: Document, i: int) -> bool:
    """True when the :data:`NAME_RUN_LINES` lines right under line ``i`` (no blank between)
    are name-shaped too: a menu of two-word items. Once a first cleaning has taken the first
    item, the next one is under the same headline and standfirst, so it must not read as a
    byline either.

    >>> _name_run(Document("Long Hair\\nShort Hair\\nColour Ideas"), 0), _name_run(Document("Jane Doe\\n\\nText"), 0)
    (True, False)
    """
    for j in range(i + 1, i + 1 + NAME_RUN_LINES):
        if j >= len(doc.lines) or doc.lines[j].blank:
            return False
        names = parse_names(doc.lines[j].plain)
        if not names or not full_names(names):
            return False
    return True


#: A teaser inside or after the text: prose within this many non-blank lines above its headline.
PROSE_ABOVE_TEASER = 4


def _prose_above(doc: Document, dek: int) -> bool:
    """True when a prose line stands a few lines (:data:`PROSE_ABOVE_TEASER`) above the
    headline over the standfirst ``dek``: the headline, standfirst and name are a teaser's
    or a box's inside or after the article (section label, headline, summary, name …).
    On a whole page the teasers around it make a list (:func:`name_beside_date`), but
    once a first cleaning has cut the others, the one left inside the body would read as
    a byline to a second cleaning; the article's own byline has menus and labels above it.

    >>> doc = Document("The council approved the budget on Monday after a long debate.\\nNews\\n"
    ...                "Library gets a new roof\\nWork starts in spring, the city said.\\nMary Major")
    >>> _prose_above(doc, 3), _prose_above(Document("Menu\\nNews\\nLibrary gets a new roof\\nWork starts."), 3)
    (True, False)
    """
    top = doc.prev_nonblank(dek, kept_only=False)
    j = top
    for _ in range(PROSE_ABOVE_TEASER):
        j = doc.prev_nonblank(j, kept_only=False) if j is not None else None
        if j is None:
            return False
        if doc.kept(j) and is_prose(doc.lines[j].plain):
            return True
    return False


def _is_date(doc: Document, i: int) -> bool:
    return doc.removed_by(i, "date")



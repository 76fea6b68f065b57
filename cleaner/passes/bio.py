"""bio.author / bio.heading / bio.profile / bio.contributors / bio.box: lines about the people who wrote the article.

Once the byline pass has found the authors, a line that opens with an
author's name and goes on in lower case is the author's biography, and a short
heading "About Jane Smith" / "Über Jane Smith" heads it. Contributor notes
("Reporting by …; Editing by …", "Jane Doe contributed reporting.") credit
people, not the story.

A profile box ("Jake is the co-founder of …", "Ich bin Eleonore, Autorin
dieses Blogs …") opens with a name, a copula (lexicon ``bio_copulas``: "is",
"ist", "est") or a self-introduction (``bio_self_intros``: "I'm", "Ich bin",
"Je suis"), and says within a few words what the person does for a living in
writing (``bio_roles``: "writer", "Redakteurin", "journaliste"). It is a
profile, not the story, only when no other kept line names that person: an
article about someone names them again ("Smith said …").

An author box (:func:`author_boxes`) is a heading naming a person ("Über
Creeny", "About Jane Smith") over a few lines that end in a link to their
other posts naming them again, or that open with their self-introduction.

Removes::

    Jane Smith is a senior reporter covering health policy.
    About Jane Smith
    (Reporting by Jane Smith; Editing by John Doe)
    John Doe contributed reporting from Hong Kong.
    Priya is a freelance writer and editor who has covered technology for ten years.
    Ich bin Lena, Bloggerin aus Leipzig, und schreibe hier über Reisen und gutes Essen.

Keeps::

    Smith said the hospital had run out of beds.
    The company is the largest employer in the region and a founder member of the trade association.
    Maria Lopez is a journalist in Madrid. Lopez said the paper had cut half of its staff.
    Reporting by local media suggested the fire started in the kitchen of a restaurant nearby.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterator, Optional

import regex

from .. import lexicon
from ..model import Document, Finding
from ..names import function_words  # a "name" holding an article or pronoun ("Die Stadt") names a thing
from ..patterns import lazy_pattern

#: A biography is a paragraph, not an essay: at most this many words.
BIO_MAX_WORDS = 80
#: A heading naming an author ("About Jane Smith") has at most this many words.
BIO_HEADING_MAX_WORDS = 8
#: A contributor note is short: at most this many words.
CONTRIBUTORS_MAX_WORDS = 40
#: A profile names its subject in one to this many capitalised words ("Jane Smith", "Jake") ...
PROFILE_NAME_MAX_WORDS = 3
#: ... says what they do within this many words of the verb ("is PCMag's UK-based editor") ...
PROFILE_ROLE_WITHIN = 6
#: ... and is a paragraph of this many words: shorter is a sentence of a story
#: ("Jane is the editor."), longer an essay.
PROFILE_MIN_WORDS = 8
PROFILE_MAX_WORDS = BIO_MAX_WORDS
_NAME = r"\p{Lu}[\p{L}'.\-]*"
_NAME_WORD = lazy_pattern(_NAME)


def run(doc: Document) -> Iterator[Finding]:
    """
    >>> from cleaner.model import Document
    >>> from cleaner.passes import byline
    >>> doc = Document("By Jane Smith\\nSmith said so.\\nJane Smith is a reporter at the Gazette.")
    >>> for f in byline.run(doc): _ = doc.record(f)
    >>> [(f.line, f.rule) for f in run(doc)]
    [(2, 'bio.author')]
    """
    authors = [a for a in doc.meta["authors"] if len(a.split()) >= 2]
    about = lexicon.phrase_set("bio_prefixes")
    kept = doc.kept_lines()
    mentions = None  # word -> number of kept lines holding it, counted once when first needed
    for ln in kept:
        text = ln.text
        if PROFILE_MIN_WORDS <= ln.words <= PROFILE_MAX_WORDS:
            name = profile_name(text, ln.first_word)
            if name is not None:
                if mentions is None:
                    mentions = Counter(w for other in kept for w in other.word_set)
                names = lexicon.words_of(name)
                again = lexicon.words_of(text[text.find(name) + len(name):])
                if names.isdisjoint(again) and all(mentions[w] <= 1 for w in names):
                    yield Finding(ln.index, "bio.profile", f"profile of {name!r}, named nowhere else in the text")
                    continue
        if ln.words <= CONTRIBUTORS_MAX_WORDS and _contributors(text, ln):
            yield Finding(ln.index, "bio.contributors", f"contributor note {text[:60]!r}")
            continue
        for name in authors:
            if not text.startswith(name):
                continue
            rest = text[len(name):].strip()
            lead = text[: len(text) - len(rest)]
            if not rest and ln.words <= BIO_HEADING_MAX_WORDS:
                break  # the name alone: a byline the byline pass left, not a biography
            if ln.words <= BIO_MAX_WORDS and rest[:1].islower() and lead.strip() == name:
                yield Finding(ln.index, "bio.author", f"biography of the author {name!r}")
                break
        else:
            if ln.words <= BIO_HEADING_MAX_WORDS and authors:  # no author, no heading over their biography
                head, _, tail = text.partition(" ")
                if tail.strip() in authors and lexicon.fold(head) in about:
                    yield Finding(ln.index, "bio.heading", f"heading of the author's biography {text!r}")
    yield from author_boxes(doc)
    yield from _bio_goes_on(doc)


@lexicon.cached
def _third_person_pattern():
    return regex.compile(rf"({_NAME}(?:\s+{_NAME}){{0,{PROFILE_NAME_MAX_WORDS - 1}}})\s+"
                         rf"{lexicon.alternation('bio_copulas')}\s+(.+)", regex.V1)


@lexicon.cached
def _self_intro_pattern():
    # Its own cache, compiled only for a line that opens like a self-introduction: the
    # case-insensitive alternation costs about 10 ms to compile (58 M instructions), a
    # quarter of a small file's start-up, and most documents hold no such line.
    return regex.compile(rf"(?i:{lexicon.alternation('bio_self_intros')})\s+({_NAME})\s*[,.]\s*(.+)", regex.V1)


def profile_name(text: str, first_word: Optional[str] = None) -> Optional[str]:
    """The person a profile line is about ("Jake is the co-founder of …"), or None.
    ``first_word``: the line's :attr:`Line.first_word` when the caller has it.

    >>> profile_name("Jake is the co-founder of a consultancy and runs a conference.")
    'Jake'
    >>> profile_name("Je suis Claire, journaliste indépendante à Lyon.")
    'Claire'
    >>> profile_name("Jake is the best player the club has had in years.") is None
    True
    >>> profile_name("Die Stadt ist Gründerin des Vereins und zahlt seine Kosten.") is None
    True
    """
    text = text.replace("’", "'")
    roles = lexicon.phrase_set("bio_roles")
    # The self-introduction opens the line: its first word opens one of the phrases.
    opener = lexicon.first_word(text) if first_word is None else first_word
    self_intro = opener in lexicon.first_words("bio_self_intros")
    for pattern in (_third_person_pattern, _self_intro_pattern) if self_intro else (_third_person_pattern,):
        m = pattern().match(text)
        if m is None or not function_words().isdisjoint(m.group(1).casefold().split()):
            continue
        for word in m.group(2).split()[:PROFILE_ROLE_WITHIN]:
            word = word.strip(",.;:()&!?\"'").casefold()
            if word in roles or word.rpartition("-")[2] in roles:
                return m.group(1)
    return None


def _contributors(text: str, line=None) -> bool:
    """``line``, the :class:`Line` of ``text`` when the caller has it, spares folding it again.

    >>> _contributors("(Reporting by Jane Smith; Editing by John Doe)")
    True
    >>> _contributors("Keith Bradsher contributed reporting from Hong Kong.")
    True
    >>> _contributors("Reporting by local media suggested the fire started in the kitchen of a restaurant nearby.")
    False
    """
    if (lexicon.first_word(text) if line is None else line.first_word) in lexicon.first_words("contributor_prefixes"):
        found = lexicon.match_prefix("contributor_prefixes", text)
        if found and _names_follow(text[found[1]:]):
            return True
    words = lexicon.words_of(text) if line is None else line.word_set
    return (lexicon.might_contain("contributor_phrases", text, words)
            and lexicon.finds("contributor_phrases", lexicon.fold(text) if line is None else line.folded, words))


def _names_follow(rest: str) -> bool:
    """The words after "Reporting by" are names: each starts upper case (joiners aside)."""
    words = [w.strip("(),;:.") for w in rest.split()]
    joiners = _contributor_joiners()
    words = [w for w in words if w and w.casefold() not in joiners]
    return bool(words) and all(w[:1].isupper() for w in words[:4])


@lexicon.cached
def _contributor_joiners() -> frozenset:
    """Words that join names in a contributor note: ``contributor_joiners`` and ``name_joiners``."""
    return lexicon.phrase_set("contributor_joiners") | lexicon.phrase_set("name_joiners")


#: A line that goes on with a biography (no blank line between) has at most this many
#: words: a biography split in two by a line break runs longer than one paragraph of it.
BIO_GOES_ON_MAX_WORDS = 120
#: An author box ends this many non-blank lines below its heading at most.
BOX_REACH = 4
#: The rule family whose lines end an author box when they name its person: the
#: link to the person's other posts ("Zeige alle Beiträge von Creeny »",
#: "Latest posts by Jane Smith (see all)") is a call to action.
_BOX_ENDS = "cta"


def _box_name(text: str, bare: bool, first_word: Optional[str] = None) -> Optional[str]:
    """The person an author box's heading names: after an about-word ("Über
    Creeny", "About Jane Smith 12 posts"), or, with ``bare``, the whole line
    when it is a name alone ("Jane Smith"). ``first_word``: the line's
    :attr:`Line.first_word` when the caller has it.

    >>> _box_name("Über Steffi 1009 Artikel", False), _box_name("About the author", False)
    ('Steffi', None)
    >>> _box_name("Jane Smith", True), _box_name("Jane Smith", False), _box_name("The Council", True)
    ('Jane Smith', None, None)
    """
    found = _about(text, first_word)
    if found is not None:
        rest = text[found[1]:].split()
    elif bare:
        rest = text.split()
        if len(rest) > PROFILE_NAME_MAX_WORDS:
            return None
    else:
        return None
    name = []
    for word in rest[:PROFILE_NAME_MAX_WORDS]:
        if not _NAME_WORD.fullmatch(word):
            break
        name.append(word)
    if not name or (bare and found is None and len(name) < len(rest)):
        return None
    if not function_words().isdisjoint(w.casefold() for w in name):
        return None  # "About Us", "Über die Stadt": no person
    return " ".join(name)


def _about(text: str, first_word: Optional[str] = None):
    """:func:`cleaner.lexicon.match_prefix` of ``bio_prefixes`` ("About", "Über"), asked
    only when the first word can open one: it runs on every short line of a page."""
    if (lexicon.first_word(text) if first_word is None else first_word) not in lexicon.first_words("bio_prefixes"):
        return None
    return lexicon.match_prefix("bio_prefixes", text)


def author_boxes(doc: Document) -> Iterator[Finding]:
    """bio.box: an author box under a heading that names the person ("Über Creeny",
    "About Jane Smith", or the name alone), when the box's end names them again:
    a link to their other posts, or a self-introduction right under the heading
    ("Ich bin Steffi, …"). The heading and the lines between go.

    Removes (the heading and the paragraph; the link is a call to action)::

        Über Creeny
        Was ich liebe: den Norden, die See und Hamburg, die schönste Stadt der Welt.
        Zeige alle Beiträge von Creeny »

    Keeps (a subheading over a paragraph that names no one again)::

        Über Hamburg
        Der Hafen ist der größte des Landes, sagte die Senatorin.
    """
    for ln in doc.lines:
        if ln.blank or ln.words > BIO_HEADING_MAX_WORDS:
            continue
        f = doc.findings.get(ln.index)
        if f is not None and f.rule not in ("bio.heading", "byline.name_line"):
            continue
        name = _box_name(ln.text, bare=True, first_word=ln.first_word)
        if name is None:
            continue
        about = _about(ln.text, ln.first_word) is not None
        if not about and len(name.split()) < 2:
            continue  # a name alone heads a box only as a full name ("Jane Smith", not "Berlin")
        below = []
        j = ln.index
        while len(below) < BOX_REACH:
            j = doc.next_nonblank(j, kept_only=False)
            if j is None:
                break
            below.append(j)
        box = _box_end(doc, below, name, about)
        if box:
            if doc.kept(ln.index):
                yield Finding(ln.index, "bio.box", f"heading of an author box about {name!r}")
            for k in box:
                yield Finding(k, "bio.box", f"author box about {name!r}")


def _bio_goes_on(doc: Document) -> Iterator[Finding]:
    """The one line right under an author's biography, with no blank line between and a
    blank line (or the end) after it, goes on with it: a biography of two lines
    ("Jane Smith studied law in Boston." / "She joined the paper in 2013."). Where
    paragraphs follow each other without blank lines, the next line is the article's."""
    n = len(doc.lines)
    for i, f in sorted(doc.findings.items()):
        j = i + 1
        if (f.rule == "bio.author" and j < n and doc.kept(j) and doc.lines[j].words <= BIO_GOES_ON_MAX_WORDS
                and doc.lines[j].text.rstrip().endswith((".", "!", "?", ")"))
                and (j + 1 == n or doc.lines[j + 1].blank) and (i == 0 or doc.lines[i - 1].blank)):
            yield Finding(j, "bio.author", "the author's biography goes on")


def _box_end(doc: Document, below, name: str, about: bool):
    """The kept lines of the box whose lines follow its heading (``below``), or []."""
    if not below:
        return []
    first = doc.lines[below[0]]
    if about and doc.kept(below[0]) and first.words <= BIO_MAX_WORDS:
        intro = lexicon.match_prefix("bio_self_intros", first.text)
        if intro is not None and regex.match(rf"[\s,]*{regex.escape(name)}\b", first.text[intro[1]:]):
            return [below[0]]  # "Über Steffi" over "Ich bin Steffi, …"
    box = []
    for k in below:
        f = doc.findings.get(k)
        line = doc.lines[k]
        # The name's pattern is built only for a line that can end the box and
        # holds the name: most candidate headings (any short capitalised line)
        # meet none, and compiling a pattern per heading cost more than the rest
        # of the pass.
        if f is not None and f.family == _BOX_ENDS and name in line.text \
                and regex.search(rf"\b{regex.escape(name)}\b", line.text):
            return box
        if f is None and line.words > BIO_MAX_WORDS:
            return []
        if f is None:
            box.append(k)
    return []

"""bio.author / bio.heading / bio.contributors: lines about the people who wrote the article.

Once the byline pass has found the authors, a line that opens with an
author's name and goes on in lower case is the author's biography, and a short
heading "About Jane Smith" / "Über Jane Smith" heads it. Contributor notes
("Reporting by …; Editing by …", "Jane Doe contributed reporting.") credit
people, not the story.

Removes::

    Jane Smith is a senior reporter covering health policy.
    About Jane Smith
    (Reporting by Jane Smith; Editing by John Doe)
    John Doe contributed reporting from Hong Kong.

Keeps::

    Smith said the hospital had run out of beds.
    Reporting by local media suggested the fire started in the kitchen of a restaurant nearby.
"""
from __future__ import annotations

from typing import Iterator

from .. import lexicon
from ..model import Document, Finding

#: A biography is a paragraph, not an essay: at most this many words.
BIO_MAX_WORDS = 80
#: A heading naming an author ("About Jane Smith") has at most this many words.
BIO_HEADING_MAX_WORDS = 8
#: A contributor note is short: at most this many words.
CONTRIBUTORS_MAX_WORDS = 40


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
    for ln in doc.kept_lines():
        text = ln.text
        if ln.words <= CONTRIBUTORS_MAX_WORDS and _contributors(text, ln.word_set):
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
            if ln.words <= BIO_HEADING_MAX_WORDS:
                head, _, tail = text.partition(" ")
                if lexicon.fold(head) in about and tail.strip() in authors:
                    yield Finding(ln.index, "bio.heading", f"heading of the author's biography {text!r}")


def _contributors(text: str, words=None) -> bool:
    """
    >>> _contributors("(Reporting by Jane Smith; Editing by John Doe)")
    True
    >>> _contributors("Keith Bradsher contributed reporting from Hong Kong.")
    True
    >>> _contributors("Reporting by local media suggested the fire started in the kitchen of a restaurant nearby.")
    False
    """
    if lexicon.first_word(text) in lexicon.first_words("contributor_prefixes"):
        found = lexicon.match_prefix("contributor_prefixes", text)
        if found and _names_follow(text[found[1]:]):
            return True
    words = lexicon.words_of(text) if words is None else words
    return (lexicon.might_contain("contributor_phrases", text, words)
            and bool(lexicon.finder("contributor_phrases").search(lexicon.fold(text))))


def _names_follow(rest: str) -> bool:
    """The words after "Reporting by" are names: each starts upper case (joiners aside)."""
    words = [w.strip("(),;:.") for w in rest.split()]
    words = [w for w in words if w and w.casefold() not in _JOINERS]
    return bool(words) and all(w[:1].isupper() for w in words[:4])


#: Words that join names in a contributor note.
_JOINERS = frozenset("and by with in from editing writing additional reporting & , ;".split())

"""The boilerplate lexicon: phrase lists per language, merged and compiled once.

The phrases live in data files, one per language (``en.json``, ``de.json``,
…), so a translator can extend them without reading the passes. Every file has
the same keys; all languages are merged, because a page rarely says which
language its boilerplate is in and an English "Advertisement" shows up on
German pages too. Phrases are lower case and matched case-insensitively on
whole words with whitespace folded.

The merged data, the tables and patterns derived from it, the thresholds
and the disabled rule ids make a :class:`Lexicon`. The module functions
(:func:`phrase_set`, :func:`match_prefix`, …) read the *active* one: the
stock lexicon (the files alone, built once per process) unless a
:class:`~cleaner.cleaner.Cleaner` with rule files (:mod:`cleaner.rulefile`)
activated its own for the call (:func:`using`). A pass that caches a pattern
built from phrases caches it with :func:`cached`, on the active lexicon.

Every key (what it matches: a whole line, a line's start, anywhere in a
line, a word set; which rule ids read it; an example) is documented in
``cleaner/lexicon/README.md``, which a test keeps in step with the files;
:mod:`.packs` checks each file's keys and types when it is loaded.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from contextvars import ContextVar
from functools import update_wrapper
from typing import Dict, FrozenSet, Iterable, Iterator, List, Mapping, Optional, Tuple

import regex

from ..patterns import lazy_pattern
from . import packs

#: The folder of the language files.
_HERE = os.path.dirname(os.path.realpath(__file__))


class _Folder(str):
    """A folder's path, which joins like a :class:`~pathlib.Path` (``HERE / "en.json"``
    is one): pathlib and what it imports are loaded only then, not to read the files.
    Not a module ``__getattr__``: with one, no read of this module's attributes
    (``lexicon.fold``, ``lexicon.phrase_set``, … on every line of several passes)
    can be specialised by the interpreter."""

    def __truediv__(self, name):
        from pathlib import Path

        return Path(self) / name


#: The folder of the language files.
HERE = _Folder(_HERE)

#: Languages whose files are merged, in load order: every pack in the folder
#: (:mod:`.packs`; English first), so a new ``nl.json`` is used as it is dropped in.
LANGUAGES = packs.discover(_HERE)


def load_languages() -> Dict[str, object]:
    """All language files merged: lists are concatenated (unique), mappings merged."""
    merged: Dict[str, object] = {}
    #: Per list key, the phrases already in it: a set look-up, not a scan of
    #: the list (about 3,000 phrases, once per process).
    seen: Dict[str, set] = {}
    for lang in LANGUAGES:
        loaded = packs.load(os.path.join(_HERE, f"{lang}.json"))  # checked: an unknown key or a wrong type is an error naming the file
        _merge_into(merged, seen, loaded)
    return merged


def _merge_into(merged: Dict[str, object], seen: Dict[str, set], loaded: Mapping[str, object]) -> None:
    for key, value in loaded.items():
        if key.startswith("_"):
            continue
        if isinstance(value, dict):
            merged.setdefault(key, {}).update({k.casefold(): v for k, v in value.items()})
        else:
            bucket = merged.setdefault(key, [])
            listed = seen.get(key)
            if listed is None:
                listed = seen[key] = set(bucket)
            for phrase in value:
                phrase = phrase.casefold()
                if phrase not in listed:
                    listed.add(phrase)
                    bucket.append(phrase)


class Lexicon:
    """The active rules: the merged language data, the tables derived from it, thresholds, disabled rules.

    Every derived table (phrase sets, patterns, a pass's compiled regex) is
    built on first use and cached on the instance, so a :class:`~cleaner.Cleaner`
    built once pays for it once. :func:`stock` is the lexicon of the language
    files alone, built once per process; :meth:`extended` layers a rule file's
    phrases, thresholds and disabled rule ids over one.

    The module functions (:func:`phrase_set`, :func:`match_prefix`, …) read the
    *active* lexicon (:func:`active`): the stock one unless :func:`using`
    activates another for the duration of a call (a :class:`contextvars.ContextVar`,
    so threads and Dask tasks each see their own).

    >>> custom = stock().extended({"ad_markers": ["sponsored by nobody"]})
    >>> "sponsored by nobody" in phrase_set("ad_markers")
    False
    >>> with using(custom):
    ...     "sponsored by nobody" in phrase_set("ad_markers")
    True
    """

    def __init__(self, data: Optional[Dict[str, object]] = None, thresholds: Optional[Mapping[str, object]] = None,
                 disabled: FrozenSet[str] = frozenset(), drop: Tuple[Tuple[str, str], ...] = (),
                 keep: Tuple[Tuple[str, str], ...] = ()):
        #: None: the language files, read on first use.
        self._data = data
        #: Every tunable threshold by name (:data:`cleaner.thresholds.THRESHOLDS`): the default or a rule file's value.
        self.thresholds: Dict[str, object] = dict(_default_thresholds() if thresholds is None else thresholds)
        #: Rule ids whose findings are not recorded (a rule file's ``disable``).
        self.disabled = frozenset(disabled)
        #: HTML only: CSS selectors of elements to drop, and of elements whose lines stay,
        #: each with the rule file it came from (a site section of a rule file).
        self.drop, self.keep = tuple(drop), tuple(keep)
        # The derived tables, one dict each: the hot look-ups are one dict hit.
        self._sets: Dict[str, FrozenSet[str]] = {}
        self._prefix: Dict[str, tuple] = {}
        self._first: Dict[str, FrozenSet[str]] = {}
        self._anchors: Dict[str, tuple] = {}
        self._finders: Dict[str, object] = {}
        self._memo: Dict[tuple, object] = {}

    def data(self) -> Dict[str, object]:
        """The merged phrase lists (and mappings) by key."""
        if self._data is None:
            self._data = load_languages()
        return self._data

    def extended(self, phrases: Optional[Mapping[str, object]] = None, thresholds: Optional[Mapping[str, object]] = None,
                 disabled: FrozenSet[str] = frozenset(), drop: Tuple[Tuple[str, str], ...] = (),
                 keep: Tuple[Tuple[str, str], ...] = ()) -> "Lexicon":
        """A new lexicon: this one's data with ``phrases`` added (per key, a list or a mapping),
        ``thresholds`` set, ``disabled`` rule ids and ``drop``/``keep`` selectors added.
        This one is left as it is."""
        base = self.data()
        data = {k: (dict(v) if isinstance(v, dict) else list(v)) for k, v in base.items()}
        if phrases:
            _merge_into(data, {}, phrases)
        merged = dict(self.thresholds)
        merged.update(thresholds or {})
        return Lexicon(data, merged, self.disabled | frozenset(disabled), self.drop + tuple(drop),
                       self.keep + tuple(keep))

    def phrase_set(self, key: str) -> FrozenSet[str]:
        try:
            return self._sets[key]
        except KeyError:
            value = self._sets[key] = frozenset(self.data().get(key, []))
            return value

    def prefix_table(self, key: str) -> Tuple[FrozenSet[str], int, FrozenSet[str]]:
        """For :func:`match_prefix`: the phrases, the most words one has, and their first words
        (split as :func:`match_prefix` joins its candidates: on single spaces)."""
        try:
            return self._prefix[key]
        except KeyError:
            table = self.phrase_set(key)
            value = self._prefix[key] = (table, max((len(p.split()) for p in table), default=0),
                                         frozenset(p.split(" ", 1)[0] for p in table))
            return value

    def first_words(self, key: str) -> FrozenSet[str]:
        try:
            return self._first[key]
        except KeyError:
            value = self._first[key] = frozenset(map(first_word, self.data().get(key, [])))
            return value

    def anchors(self, key: str) -> Tuple[FrozenSet[str], Tuple[str, ...]]:
        try:
            return self._anchors[key]
        except KeyError:
            words, symbols = set(), []
            for phrase in self.data().get(key, []):
                word = _anchor_word(phrase)
                if word is not None:
                    words.add(word)
                else:
                    symbols.append(phrase)
            value = self._anchors[key] = (frozenset(words), tuple(symbols))
            return value

    def finder(self, key: str):
        try:
            return self._finders[key]
        except KeyError:
            parts = [_found_phrase(phrase) for phrase in sorted(set(self.data().get(key, [])), key=len, reverse=True)]
            value = self._finders[key] = regex.compile("|".join(parts) or "(?!)")
            return value


def _anchor_word(phrase: str) -> Optional[str]:
    """The word a text must hold to hold ``phrase`` (:func:`anchors`, :func:`finds`): its
    longest; ``None`` for a phrase with no word ("©")."""
    found = _WORDS.findall(phrase)
    return max(found, key=len) if found else None


def _found_phrase(phrase: str) -> str:
    """The pattern of one phrase in :func:`finder`'s alternation: on word boundaries where it starts or ends a word."""
    left = r"(?<!\w)" if phrase[:1].isalnum() else ""
    right = r"(?!\w)" if phrase[-1:].isalnum() else ""
    return left + _phrase_pattern(phrase) + right


def _default_thresholds() -> Dict[str, object]:
    from ..thresholds import THRESHOLDS

    return {t.name: t.default for t in THRESHOLDS}


#: The lexicon of the language files alone (read on first use), one per process.
_STOCK = Lexicon()


def stock() -> Lexicon:
    """The lexicon of the language files alone, built once per process."""
    return _STOCK


#: The lexicon the module functions read: the stock one unless :func:`using` sets another.
_ACTIVE: ContextVar[Lexicon] = ContextVar("cleaner_lexicon", default=_STOCK)
#: The look-up every module function starts with (the bound method: one call, no attribute look-up).
_get = _ACTIVE.get


def active() -> Lexicon:
    """The lexicon in use: the one :func:`using` activated, else the stock one."""
    return _get()


@contextmanager
def using(lex: Optional[Lexicon]) -> Iterator[Lexicon]:
    """Make ``lex`` the active lexicon for the block (``None``: leave the active one)."""
    if lex is None:
        yield active()
        return
    token = _ACTIVE.set(lex)
    try:
        yield lex
    finally:
        _ACTIVE.reset(token)


def cached(func):
    """Cache ``func(*args)`` on the active lexicon: for tables and patterns built from its phrases.

    Use it instead of ``functools.lru_cache`` on any function that reads the
    lexicon, so that a rule file's phrases reach the pattern too.

    >>> @cached
    ... def markers():
    ...     return len(phrase_set("ad_markers"))
    >>> with using(stock().extended({"ad_markers": ["a phrase no file holds"]})):
    ...     markers() == len(stock().phrase_set("ad_markers")) + 1
    True
    >>> markers() == len(stock().phrase_set("ad_markers"))
    True
    """
    def wrapper(*args):
        memo = _get()._memo
        key = (wrapper, args)
        try:
            return memo[key]
        except KeyError:
            value = memo[key] = func(*args)
            return value

    return update_wrapper(wrapper, func)


def data() -> Dict[str, object]:
    """The active lexicon's phrase lists (and mappings) by key: all language files merged."""
    return _get().data()


def threshold(name: str):
    """The value of the tunable threshold ``name`` (:data:`cleaner.thresholds.THRESHOLDS`) in the active lexicon."""
    return _get().thresholds[name]


def disabled() -> FrozenSet[str]:
    """The rule ids whose findings are not recorded (a rule file's ``disable``)."""
    return _get().disabled


# The module functions below run on every candidate line of several passes: each reads
# the active lexicon's table with one dict look-up, and builds it there on a miss.
def phrase_set(key: str) -> FrozenSet[str]:
    """The phrases of ``key`` as a set, for whole-line look-ups of folded text."""
    lex = _get()
    try:
        return lex._sets[key]
    except KeyError:
        return lex.phrase_set(key)


@cached
def alternation(key: str) -> str:
    """A regex alternation of the phrases of ``key``, longest first, spaces flexible.

    >>> regex.fullmatch(alternation("ad_markers"), "advertisement", regex.I) is not None
    True
    """
    items = data().get(key, [])
    if isinstance(items, dict):
        items = list(items)
    parts = sorted(set(items), key=len, reverse=True)
    return "(?:" + "|".join(_phrase_pattern(p) for p in parts) + ")"


_WORDS = lazy_pattern(r"\w+")


def words_of(text: str) -> FrozenSet[str]:
    """The set of folded words of ``text``.

    >>> sorted(words_of("All Rights Reserved."))
    ['all', 'reserved', 'rights']
    """
    return frozenset(_WORDS.findall(fold(text)))


def anchors(key: str) -> Tuple[FrozenSet[str], Tuple[str, ...]]:
    """One word of each phrase of ``key`` (its longest), and the phrases with no
    word at all ("©"): a line that has none of them holds none of the phrases,
    so the pattern of :func:`finder` need not run."""
    return _get().anchors(key)


@cached
def phrase_words(*keys: str) -> FrozenSet[str]:
    """Every word of every phrase of ``keys``, as the phrases spell it (no folding).

    >>> {"print", "email"} <= phrase_words("ui_labels", "share_networks")
    True
    """
    return frozenset(w for key in keys for phrase in data().get(key, []) for w in _WORDS.findall(phrase))


def might_contain(key: str, text: str, words: Iterable[str]) -> bool:
    """Cheap test: can ``text`` (with words ``words``: a line's ``word_set``, a tuple of its
    distinct words) hold a phrase of ``key``?"""
    lex = _get()
    try:
        word_anchors, symbols = lex._anchors[key]
    except KeyError:
        word_anchors, symbols = lex.anchors(key)
    # Most keys have no symbol anchors ("©" is one): skip the generator for them.
    return not word_anchors.isdisjoint(words) or bool(symbols) and any(s in text for s in symbols)


def finder(key: str):
    """A compiled pattern that finds any phrase of ``key`` inside folded text, on word boundaries.

    >>> bool(finder("footer_phrases").search(fold("©2019 Example Inc. All Rights Reserved.")))
    True
    >>> bool(finder("footer_phrases").search(fold("He was empowered by voters")))
    False
    """
    lex = _get()
    try:
        return lex._finders[key]
    except KeyError:
        return lex.finder(key)


def finds(key: str, folded: str, words: Iterable[str]) -> bool:
    """``bool(finder(key).search(folded))`` for folded text whose distinct words are
    among ``words`` (a line's ``folded`` and ``word_set``; for a part of the line,
    the line's words will do), searching only the phrases
    that can be in it: those whose anchor word (:func:`anchors`) is one of
    ``words``, and those that have none. The whole alternation tries every phrase
    at every character (about 0.1 ms a line for a list of 60 phrases, measured);
    a line holds the anchors of one or two. Which phrase matches may differ,
    whether one does not (``tests/test_fast_paths.py``).

    >>> finds("footer_phrases", fold("©2019 Example Inc. All Rights Reserved."), ("2019", "example", "inc", "all", "rights", "reserved"))
    True
    >>> finds("footer_phrases", "he was empowered by voters", ("he", "was", "empowered", "by", "voters"))
    False
    """
    by_anchor, rest = _anchored(key)
    for word in by_anchor.keys() & words if by_anchor else ():
        if _anchored_finder(key, word).search(folded):
            return True
    return rest is not None and rest.search(folded) is not None


_WORD_CHAR = lazy_pattern(r"\w")


@cached
def _anchored(key: str):
    """For :func:`finds`: the phrases of ``key`` by their anchor word (the longest,
    as :func:`anchors` takes it), and the pattern of the others (``None`` if none).
    A phrase is filed under its anchor only when a match of it is sure to hold that
    word as a whole word of the text, so in the text's word set: every character
    of the phrase between its words is no word character (a space, an apostrophe,
    punctuation), and an end that is a word character gets a word boundary in
    :func:`_found_phrase`, which a word character that is no letter or digit ("_",
    a combining mark) would not; such a phrase, and one without a word ("©"),
    is among the others, searched on every line asked about."""
    by_anchor: Dict[str, List[str]] = {}
    rest: List[str] = []
    for phrase in sorted(set(data().get(key, [])), key=len, reverse=True):
        word = _anchor_word(phrase)
        edges_bounded = all(c.isalnum() or not _WORD_CHAR.match(c) for c in (phrase[:1], phrase[-1:]))
        if word is not None and edges_bounded:
            by_anchor.setdefault(word, []).append(phrase)
        else:
            rest.append(phrase)
    rest_pattern = regex.compile("|".join(map(_found_phrase, rest))) if rest else None
    return by_anchor, rest_pattern


@cached
def _anchored_finder(key: str, word: str):
    """The pattern of the phrases of ``key`` anchored by ``word`` (:func:`_anchored`), compiled when first needed."""
    return regex.compile("|".join(map(_found_phrase, _anchored(key)[0][word])))


@cached
def relative_time() -> "regex.Pattern":
    """A pattern that finds a relative time of ``relative_times`` ("vor 2 Tagen") in a line.

    >>> bool(relative_time().search("vor 2 Tagen")), bool(relative_time().search("il y a 3 heures"))
    (True, True)
    >>> bool(relative_time().search("2 godziny temu")), bool(relative_time().search("vor 2 Wochenenden"))
    (True, False)
    """
    parts = []
    for phrase in sorted(set(data().get("relative_times", [])), key=len, reverse=True):
        pattern = _phrase_pattern(phrase).replace(regex.escape("#"), r"\d+")
        parts.append(r"(?<!\w)" + pattern + (r"(?!\w)" if phrase[-1:].isalnum() else ""))
    return regex.compile("|".join(parts) or "(?!)", regex.I)


def _phrase_pattern(phrase: str) -> str:
    # Apostrophes vary between ' and ’ in scraped text; spaces between words vary too.
    out = []
    for word in phrase.split():
        out.append(regex.escape(word).replace("’", "'").replace("'", "['’]"))
    return r"\s+".join(out)


def fold(text: str) -> str:
    """The form phrases are compared in: case-folded, curly quotes straight, no end punctuation.

    >>> fold("  Editor’s Choice: ")
    "editor's choice"
    """
    text = text.casefold().replace("’", "'").replace("‘", "'")
    return text.strip().strip(" :.!|-–—»›>•·*#").strip()


_FIRST_WORD = lazy_pattern(r"[\W_]*([\w'’&+-]+)")


def first_word(text: str) -> str:
    """The first word of ``text``, folded, leading punctuation skipped: a cheap key
    that tells whether a line can start with a phrase of a list.

    >>> first_word("» Read more: x"), first_word("(Image: Getty)"), first_word("Über alles")
    ('read', 'image', 'über')
    """
    # Most lines and phrases open with a word of letters and a space: that word is
    # the match (every letter is a \w), found without the pattern. This runs for
    # every line of a document and every phrase of a list a pass asks about.
    space = text.find(" ")
    head = text if space < 0 else text[:space]
    if head.isalpha():
        return head.casefold()
    m = _FIRST_WORD.match(text)
    return m.group(1).casefold().replace("’", "'") if m else ""


def first_words(key: str) -> FrozenSet[str]:
    """The first words of the phrases of ``key``: a line whose first word is not
    among them cannot start with one of the phrases."""
    lex = _get()
    try:
        return lex._first[key]
    except KeyError:
        return lex.first_words(key)


#: Punctuation that may end a word of a phrase in running text ("Reported by:").
_TRAILING = ":：.,;!?|»›>)]"
_LEADING = lazy_pattern(r"[\W_]*")


#: How much of a line :func:`match_prefix` reads to find its first word cheaply
#: (a longer first word is read by the full loop).
_FIRST_WORD_CHARS = 40


def _fold_word(word: str) -> str:
    """A word of a line as phrases spell it: case-folded, curly apostrophes straight."""
    return word.casefold().replace("’", "'").replace("‘", "'")


def match_prefix(key: str, text: str) -> Optional[Tuple[str, int]]:
    """The longest phrase of ``key`` that ``text`` starts with, on whole words.

    Returns the phrase and the offset in ``text`` where it ends, or ``None``.
    Leading punctuation is skipped; punctuation after a word ends the phrase
    there. This is a set look-up per word, so long phrase lists cost nothing
    to compile.

    >>> match_prefix("byline_prefixes", "Reported by: Digital Desk")
    ('reported by', 11)
    >>> match_prefix("cta", "Sign up for our newsletter")[0]
    'sign up for our'
    >>> match_prefix("cta", "Signage was poor") is None
    True
    """
    lex = _get()
    try:
        table, longest, heads = lex._prefix[key]
    except KeyError:
        table, longest, heads = lex.prefix_table(key)
    pos = _LEADING.match(text).end()
    # Most lines a pass asks about open with a word no phrase starts with: test
    # that first word alone before splitting the line (the loop below repeats it).
    first = text[pos:pos + _FIRST_WORD_CHARS].split(None, 1)
    if not first or (len(first) > 1 or len(text) - pos <= _FIRST_WORD_CHARS) and \
            _fold_word(first[0].rstrip(_TRAILING)) not in heads:
        return None
    words: List[str] = []
    best = None
    # str.split and str.index instead of a token regex: this runs on every
    # candidate line of several passes, and match objects cost more than the look-ups.
    for token in text[pos:].split(None, longest)[:longest]:
        pos = text.index(token, pos)
        core = token.rstrip(_TRAILING)
        if not core:
            break
        words.append(_fold_word(core))
        if len(words) == 1 and words[0] not in heads:
            return None  # no phrase starts with this word: the longer candidates cannot match either
        candidate = " ".join(words)
        if candidate in table:
            best = (candidate, pos + len(core))
        if core != token:
            break
        pos += len(token)
    return best


def match_label(key: str, text: str) -> Optional[Tuple[str, str, bool]]:
    """A phrase of ``key`` opening ``text`` as a label: ``(phrase, rest, colon)``.

    A one-word label needs a colon after it ("Source: dpa", "Tags: …"), so that
    a sentence opening with the word ("Sources said …") is not taken; a longer
    label says enough alone ("With inputs from PTI", "Filed under Politics").
    ``rest`` is the text after the label and its colon; a space before the
    colon, as French writes it, is allowed.

    >>> match_label("source_prefixes", "Source : dpa"), match_label("source_prefixes", "Sources said so")
    (('source', ' dpa', True), None)
    >>> match_label("source_prefixes", "With inputs from PTI")
    ('with inputs from', ' PTI', False)
    """
    found = match_prefix(key, text)
    if found is None:
        return None
    phrase, end = found
    rest = text[end:]
    after = rest.lstrip()
    if after[:1] in (":", "："):
        return phrase, after[1:], True
    return (phrase, rest, False) if " " in phrase else None

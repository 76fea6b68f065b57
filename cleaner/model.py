"""The data that moves between modules: lines, findings, documents, articles.

A scraped article becomes a :class:`Document`: its input split into
:class:`Line` objects. Passes never edit lines; they return :class:`Finding`
objects that say "line N goes, rule X, because Y" and, where the removed line
carries information (an author, a date, a teaser), the metadata field and
value it gives. The pipeline records the first finding per line; rendering
keeps every line that has none.
"""
from __future__ import annotations

import re
import sys
from dataclasses import asdict, dataclass, field
from sys import intern
from typing import Any, Dict, List, Optional, Tuple

from . import lexicon, markdown
from .patterns import lazy_pattern
from .shape import INVISIBLE_CHARS as _INVISIBLE_CHARS
from .shape import count_words

#: Characters rendered as one plain space besides " ": NBSP, the Unicode spaces, tabs.
_SPACE_CHARS = "\t\f\v\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200b))) + "\u202f\u205f\u3000"
_SPACES = lazy_pattern(f"[ {_SPACE_CHARS}]+")
#: Invisible characters that scrapers leave around text (zero-width, BOM).
#: The forms lines are matched in (``Line.text`` and those derived from it)
#: drop them; the body keeps the ones inside a line (``Line.shown``): a
#: zero-width joiner inside an emoji sequence, a ZWNJ inside a Persian word.
#: (``_INVISIBLE_CHARS``, imported from :mod:`.shape`: sentence ends read them too.)
_INVISIBLE = lazy_pattern(f"[{_INVISIBLE_CHARS}]")
#: The characters folding changes: a space character other than " ", an invisible character.
_FOLD_CHARS = _SPACE_CHARS + _INVISIBLE_CHARS
#: What folding changes in a line: one of those characters, two spaces in a row.
_TO_FOLD = lazy_pattern(f"[{_FOLD_CHARS}]|  ")


def _may_fold(text: str) -> bool:
    """Whether :data:`_TO_FOLD` finds anything in ``text``; a search per character
    (str ``in``) is about 3x faster than the pattern's one scan, and most texts
    hold none of them (``tests/test_fast_paths.py``)."""
    return "  " in text or any(c in text for c in _FOLD_CHARS)


#: What is stripped from the ends of a shown line: every character ``str.strip()``
#: strips (``str.isspace()``, none above U+3000; written out, as computing them is
#: 9 M instructions of every start-up; ``tests/test_patterns.py`` checks the list),
#: and the invisible ones (at the end of a line they join or part nothing).
_EDGE_CHARS = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
               "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000" + _INVISIBLE_CHARS)


def normalise_space(text: str) -> str:
    """The line as the body shows it: every run of spaces (NBSP included)
    folded to one space, spaces and invisible characters stripped from the
    ends. Invisible characters inside the line stay: they are part of its text.

    >>> normalise_space("  a\\u00a0 b\\t c\\u200b ")
    'a b c'
    >>> normalise_space("\\ufeffPride \\U0001f3f3\\ufe0f\\u200d\\U0001f308 parade") == "Pride 🏳️\\u200d🌈 parade"
    True
    """
    return _SPACES.sub(" ", text).strip(_EDGE_CHARS)


class Line:
    """One input line: its position, its raw text and its normalised text.

    The facts the passes read off a line (the text as shown, word count,
    folded text, word set, plain text, first word) are computed once and kept
    in slots: those nearly every pass reads when the line is built, the others
    (word set, first date, the facts passes define with :func:`line_fact`) on
    first read, by a property that fills its slot from :data:`_FACTS`. Slots
    instead of a per-instance ``__dict__`` keep a line small (a 20 MB text has
    about a million of them). The class defines no ``__getattr__``: with one,
    every attribute read of a line (2.4 million a pass over zyte-dev, most of
    them ``words``, ``index``, ``blank`` and ``text``) goes through the hook
    and the interpreter cannot specialise it. A blank line (about half the
    lines of a text) is a bare :class:`Line`, 64 bytes: its facts are "" and
    0, worked out when read and not kept; a line with text is a
    :class:`_TextLine`, which has the slots to keep them. Lines are never
    changed once built; two lines are equal when their index and texts are.

    >>> ln = Line(3, " By  Jane ", "By Jane")
    >>> ln.words, ln.first_word, ln.folded, ln.word_set
    (2, 'by', 'by jane', ('by', 'jane'))
    >>> ln
    Line(index=3, raw=' By  Jane ', text='By Jane')
    """

    __slots__ = ("index", "raw", "text", "blank")

    def __new__(cls, index=None, raw=None, text=None, shown=None):
        return object.__new__(_TextLine if text and cls is Line else cls)

    def __init__(self, index: int, raw: str, text: str, shown: Optional[str] = None):
        self.index, self.raw, self.text = index, raw, text
        #: True for a line with nothing but spaces: read thousands of times a page.
        self.blank = not text
        if text:
            # The facts every pass reads off nearly every non-blank line are
            # filled at once (a first read through a property costs more than
            # the fact itself); ``word_set``, the largest, waits until asked.
            # ``shown``: the Document passes ``text`` when ``raw`` holds
            # nothing invisible, sparing the search.
            self.shown = _shown(self) if shown is None else shown
            self.words = count_words(text)
            self.folded = lexicon.fold(text)
            # Interned: a long text's lines open with the same few hundred words.
            self.first_word = intern(lexicon.first_word(text))
            self.plain = markdown.plain(text)
            # The facts computed on first read (see _TextLine).
            self._word_set = self._first_date = _UNSET
            self._shape_score = self._comment_heading = self._timestamp = _UNSET

    def __eq__(self, other):
        if not isinstance(other, Line):
            return NotImplemented
        return (self.index, self.raw, self.text) == (other.index, other.raw, other.text)

    def __hash__(self):
        return hash((self.index, self.raw, self.text))

    def __repr__(self):
        return f"Line(index={self.index!r}, raw={self.raw!r}, text={self.text!r})"


class _TextLine(Line):
    """A :class:`Line` with text: slots for the facts it keeps once computed."""

    __slots__ = ("shown", "words", "folded", "plain", "first_word",
                 # The facts computed on first read, each behind the property of its name
                 # below (:data:`_UNSET` until then).
                 "_word_set",
                 # Facts a pass defines (:func:`line_fact`) and reads more than once: boundary runs twice.
                 "_shape_score", "_comment_heading", "_timestamp",
                 # The first date in ``plain`` (:func:`_first_date`): the dates and byline passes both read it.
                 "_first_date")

    # Written out, one property a fact, so that each reads its slot as a plain attribute.
    @property
    def word_set(self) -> Tuple[str, ...]:
        value = self._word_set
        if value is _UNSET:
            value = self._word_set = _word_set(self)
        return value

    @property
    def first_date(self):
        value = self._first_date
        if value is _UNSET:
            value = self._first_date = _first_date(self)
        return value

    @property
    def shape_score(self):
        value = self._shape_score
        if value is _UNSET:
            value = self._shape_score = _FACTS["shape_score"](self)
        return value

    @property
    def comment_heading(self):
        value = self._comment_heading
        if value is _UNSET:
            value = self._comment_heading = _FACTS["comment_heading"](self)
        return value

    @property
    def timestamp(self):
        value = self._timestamp
        if value is _UNSET:
            value = self._timestamp = _FACTS["timestamp"](self)
        return value


#: A lazy fact's slot before its first read: ``...``, which no fact is, and
#: which pickles as itself (a line sent to another process keeps its meaning).
_UNSET = ...


def _shown(line: Line) -> str:
    """The text as the body shows it (:func:`normalise_space` of ``raw``):
    ``text`` with the invisible characters inside the line kept.

    >>> Line(0, "👩\\u200d👩\\u200d👧 family", "👩👩👧 family").shown == "👩\\u200d👩\\u200d👧 family"
    True
    """
    return normalise_space(line.raw) if _INVISIBLE.search(line.raw) else line.text


def _word_set(line: Line) -> Tuple[str, ...]:
    """The distinct folded words of the line, for quick "can it hold this phrase"
    tests (``phrases.isdisjoint(line.word_set)``, :func:`cleaner.lexicon.might_contain`):
    the words of :func:`cleaner.lexicon.words_of` of the text, read off ``folded``
    (no second fold), each once, in order, each interned, so that the lines of a
    long text share their words instead of each holding a copy.

    A tuple, not a frozenset: every reader asks a set of phrases whether it meets
    the line's words, which reads them one by one either way, and a tuple of 25
    words takes 256 bytes where a frozenset takes 1.2 KB (its hash table): the
    word sets of a long text took twice its size (measured), now half of it.

    >>> ln = Line(0, "All Rights Reserved. All rights!", "All Rights Reserved. All rights!")
    >>> ln.word_set, frozenset(ln.word_set) == lexicon.words_of(ln.text)
    (('all', 'rights', 'reserved'), True)
    """
    folded = line.folded
    words = _ASCII_WORDS.findall(folded) if folded.isascii() else lexicon._WORDS.findall(folded)
    return tuple(map(intern, dict.fromkeys(words)))  # each distinct word interned once


#: ``\w+`` on ASCII text: on ASCII the ``regex`` engine's ``\w`` is ``[A-Za-z0-9_]``,
#: and the standard library's engine finds those runs about 30% faster
#: (``tests/test_fast_paths.py``).
_ASCII_WORDS = re.compile(r"[A-Za-z0-9_]+")


def _plain(line: Line) -> str:
    """The text as a reader sees it, Markdown links and markers read as plain text
    (see :func:`cleaner.markdown.plain`): what metadata is taken from."""
    return markdown.plain(line.text)


def _first_date(line: Line):
    """:func:`cleaner.dates.find_date` of ``plain``: ``(match, iso)`` or ``None``.

    >>> Line(0, "Posted on 3 May 2021 by Jane", "Posted on 3 May 2021 by Jane").first_date[1]
    '2021-05-03'
    """
    from .dates import find_date  # dates imports the pipeline, which imports this module
    return find_date(line.plain)


#: How each fact of a :class:`Line` is computed from its text, on first use.
_FACTS = {
    "shown": _shown,
    #: The number of words (:func:`cleaner.shape.count_words`).
    "words": lambda line: count_words(line.text),
    #: The text as lexicon phrases are compared (see :func:`cleaner.lexicon.fold`).
    "folded": lambda line: lexicon.fold(line.text),
    "word_set": _word_set,
    "plain": _plain,
    #: The folded first word, punctuation stripped: the key for prefix look-ups.
    "first_word": lambda line: lexicon.first_word(line.text),
    "first_date": _first_date,
}


def line_fact(name: str):
    """Decorator: ``func(line)`` computes the fact ``name`` of a :class:`Line`, once, on first read.

    For a fact of the line's text that a pass defines and reads more than once
    (``boundary`` runs twice over the same lines): the pass keeps its
    definition, the line keeps the value. ``name`` is one of :class:`Line`'s
    slots (``_name``, read through the property ``name``).
    """
    if f"_{name}" not in _TextLine.__slots__:
        raise ValueError(f"{name!r} is not a slot of Line")

    def register(func):
        _FACTS[name] = func
        return func
    return register


def _blank_fact(name: str) -> property:
    """The fact ``name`` of a blank :class:`Line`: worked out from its empty text when read, not kept."""
    def read(line: Line):
        compute = _FACTS.get(name)
        if compute is None:  # a fact of a pass not imported yet
            raise AttributeError(f"'Line' object has no attribute {name!r}")
        return compute(line)
    return property(read)


for _name in _TextLine.__slots__:  # every fact a line with text keeps ("_word_set" for word_set)
    setattr(Line, _name.lstrip("_"), _blank_fact(_name.lstrip("_")))
del _name


#: Slots for the many small records of a long text (a :class:`Finding` without a
#: ``__dict__`` takes half the memory); ``dataclass`` makes them from Python 3.10 on.
_SLOTS = {"slots": True} if sys.version_info >= (3, 10) else {}


@dataclass(frozen=True, **_SLOTS)
class Finding:
    """A verdict on one line: it is removed by ``rule`` because ``reason``.

    ``field``/``value`` name the metadata the line carries (``authors`` and
    ``"Jane Smith"``, say); the line still leaves the body.
    """

    line: int
    rule: str
    reason: str
    field: Optional[str] = None
    value: Any = None
    #: More ``(field, value)`` pairs the same line carries ("By Jane Smith, Nov 19, 2019").
    also: Tuple[Tuple[str, Any], ...] = ()

    @property
    def family(self) -> str:
        """The rule family: the rule id before its dot, one of :data:`RULE_FAMILIES`.

        >>> Finding(0, "date.line", "date line").family
        'date'
        """
        return self.rule.partition(".")[0]

    def gives(self, *fields: str) -> bool:
        """True when the line carries a value for one of ``fields`` (as ``field`` or in ``also``).

        >>> Finding(0, "byline.author", "byline", "authors", ["Jane Smith"], (("date_published", "2020-01-02"),)).gives("date_published")
        True
        """
        return self.field in fields or any(name in fields for name, _ in self.also)


#: The rule families: the part of a rule id before its dot, one per pass (the
#: dates pass writes ``date.*``, duplicates ``dup.*``), the site profile step
#: (``site``) and the HTML path (``html``). A pass that reads another's work asks
#: :meth:`Document.removed_by` for a family named here, not for a prefix of a
#: rule id, so that a misspelt family is an error instead of a silent miss.
RULE_FAMILIES = frozenset({"markup", "ads", "cta", "date", "credits", "byline", "bio", "source", "tags",
                           "boundary", "related", "dup", "links", "title", "site", "html"})


#: Metadata fields where the first value found wins.
SCALAR_FIELDS = ("title", "date_published", "date_modified")
#: Metadata fields that collect values in order, each value once.
LIST_FIELDS = ("authors", "sources", "image_credits", "related", "tags", "categories")


def _line(index: int, raw: str, text: str) -> Line:
    """``Line(index, raw, text, text)``, built without the type call (which runs
    :meth:`Line.__new__` as a Python call too): the Document builds one per input line."""
    line = _new_object(_TextLine if text else Line)
    _init_line(line, index, raw, text, text)
    return line


_new_object, _init_line = object.__new__, Line.__init__


class Document:
    """The lines of one input and what the passes found in them."""

    __slots__ = ("lines", "findings", "meta", "_seen", "memo", "_nonblank")

    def __init__(self, text: str):
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        raws = text.split("\n")
        # A line's text is its raw text with spaces folded and invisible
        # characters dropped, then stripped. Most lines have nothing to fold:
        # for them that is ``raw.strip()`` (``raw`` itself, not a copy, when
        # there is nothing to strip). One scan of the whole text finds the
        # lines that do, and only those are folded.
        # Those lines show as their text too (``Line.shown``): no invisible
        # character to keep.
        texts = [raw.strip() for raw in raws]
        to_fold: List[int] = []
        line, pos = 0, 0
        for m in _TO_FOLD.finditer(text) if _may_fold(text) else ():
            line += text.count("\n", pos, m.start())
            pos = m.start()
            if texts[line] is not None:
                texts[line] = None
                to_fold.append(line)
        lines = [_line(i, raw, norm) if norm is not None else None for i, (raw, norm) in enumerate(zip(raws, texts))]
        for i in to_fold:
            raw = raws[i]
            lines[i] = Line(i, raw, _SPACES.sub(" ", _INVISIBLE.sub("", raw)).strip())
        self.lines: List[Line] = lines
        #: The non-blank lines: what :meth:`kept_lines` filters, several times per pass.
        self._nonblank: List[Line] = [ln for ln in lines if not ln.blank]
        self.findings: Dict[int, Finding] = {}
        #: Values that depend only on the input lines, worked out once for all
        #: passes that need them (the wrap width, say).
        self.memo: Dict[str, Any] = {}
        self.meta: Dict[str, Any] = {f: None for f in SCALAR_FIELDS}
        #: Per list field, the values already listed, by folded form.
        self._seen: Dict[str, Dict[str, Any]] = {}
        self.meta.update({f: [] for f in LIST_FIELDS})

    # -- reading -----------------------------------------------------------
    def kept(self, i: int) -> bool:
        """True when line ``i`` is non-blank and no pass has removed it."""
        return 0 <= i < len(self.lines) and not self.lines[i].blank and i not in self.findings

    def kept_lines(self) -> List[Line]:
        findings = self.findings
        return [ln for ln in self._nonblank if ln.index not in findings]

    def removed_by(self, i: int, *families: str) -> bool:
        """True when line ``i`` was removed by a rule of one of ``families`` (:data:`RULE_FAMILIES`).

        >>> doc = Document("Advertisement\\nText.")
        >>> doc.record(Finding(0, "ads.marker", "ad slot"))
        True
        >>> doc.removed_by(0, "ads"), doc.removed_by(0, "date", "byline"), doc.removed_by(1, "ads")
        (True, False, False)
        """
        if not RULE_FAMILIES.issuperset(families):
            raise ValueError(f"unknown rule family in {families!r}")
        f = self.findings.get(i)
        return f is not None and f.family in families

    def next_nonblank(self, i: int, kept_only: bool = True) -> Optional[int]:
        """Index of the first non-blank line after ``i`` (kept ones only by default)."""
        for j in range(i + 1, len(self.lines)):
            if not self.lines[j].blank and (not kept_only or j not in self.findings):
                return j
        return None

    def prev_nonblank(self, i: int, kept_only: bool = True) -> Optional[int]:
        for j in range(i - 1, -1, -1):
            if not self.lines[j].blank and (not kept_only or j not in self.findings):
                return j
        return None

    # -- recording ---------------------------------------------------------
    def record(self, finding: Finding) -> bool:
        """Record ``finding`` unless its line is already removed; merge its metadata."""
        if finding.line in self.findings or self.lines[finding.line].blank:
            return False
        self.findings[finding.line] = finding
        if finding.field is not None:
            self.add_meta(finding.field, finding.value)
        for name, value in finding.also:
            self.add_meta(name, value)
        return True

    def replace_meta(self, name: str, value: Any) -> None:
        """Set list field ``name`` anew to ``value`` (each once), forgetting what it held.

        >>> doc = Document("x")
        >>> doc.add_meta("authors", ["Jane Doe", "John Roe"]); doc.replace_meta("authors", ["John Roe"])
        >>> doc.meta["authors"]
        ['John Roe']
        """
        self.meta[name] = []
        self._seen.pop(name, None)  # its index of values goes with the list
        self.add_meta(name, value)

    def add_meta(self, name: str, value: Any) -> None:
        value = _plain_value(value)
        if value is None or value == "" or value == []:
            return
        if name in SCALAR_FIELDS:
            if self.meta[name] is None:
                self.meta[name] = value
        elif name == "related":
            _merge_teaser(self.meta["related"], self._seen.setdefault(name, {}), value)
        elif name in LIST_FIELDS:
            values = value if isinstance(value, list) else [value]
            seen = self._seen.setdefault(name, {})
            for v in values:
                if v.casefold() not in seen:
                    self.meta[name].append(v)
                    seen[v.casefold()] = v
        else:
            raise KeyError(f"unknown metadata field {name!r}")


def _plain_value(value: Any) -> Any:
    """A metadata value with any Markdown in its strings read as plain text."""
    if isinstance(value, str):
        return markdown.plain(value)
    if isinstance(value, list):
        return [_plain_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain_value(v) for k, v in value.items()}
    return value


def _merge_teaser(items: List[dict], by_title: Dict[str, dict], teaser: dict) -> None:
    """Add ``teaser`` unless a teaser with the same title is listed; fill its gaps.

    ``by_title`` indexes ``items`` by folded title, so a page of thousands of
    teasers costs a look-up each, not a scan.
    """
    key = teaser["title"].casefold()
    item = by_title.get(key)
    if item is not None:
        for k in ("summary", "section"):
            if not item.get(k) and teaser.get(k):
                item[k] = teaser[k]
        return
    item = {"title": teaser["title"], "summary": teaser.get("summary"), "section": teaser.get("section")}
    items.append(item)
    by_title[key] = item


@dataclass
class Removed:
    """One removed line as reported by ``--explain``: 1-based line number."""

    line: int
    rule: str
    reason: str
    text: str


@dataclass
class Article:
    """The clean result: body text plus metadata; ``to_dict()`` is the JSON object."""

    text: str = ""
    title: Optional[str] = None
    authors: List[str] = field(default_factory=list)
    date_published: Optional[str] = None
    date_modified: Optional[str] = None
    sources: List[str] = field(default_factory=list)
    image_credits: List[str] = field(default_factory=list)
    related: List[dict] = field(default_factory=list)
    word_count: int = 0
    # Page metadata: filled by the HTML path, null for plain text.
    url: Optional[str] = None
    hostname: Optional[str] = None
    sitename: Optional[str] = None
    description: Optional[str] = None
    language: Optional[str] = None
    categories: List[str] = field(default_factory=list)
    tags: List[str] = field(default_factory=list)
    image: Optional[str] = None
    path: Optional[str] = None
    input_format: str = "text"
    encoding: Optional[str] = None
    removed: List[Removed] = field(default_factory=list)
    warnings: List[str] = field(default_factory=list)

    #: Keys of the JSON object, in output order.
    KEYS = ("path", "title", "text", "authors", "date_published", "date_modified",
            "sources", "image_credits", "related", "word_count", "url", "hostname",
            "sitename", "description", "language", "categories", "tags", "image",
            "input_format")

    def to_dict(self, explain: bool = False) -> Dict[str, Any]:
        """The JSON object: every key always present; ``removed`` with ``explain``."""
        d = {k: getattr(self, k) for k in self.KEYS}
        d["authors"] = list(self.authors)
        d["related"] = [dict(r) for r in self.related]
        if explain:
            d["encoding"] = self.encoding
            d["removed"] = [asdict(r) for r in self.removed]
            d["warnings"] = list(self.warnings)
        return d

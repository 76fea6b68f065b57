"""The data that moves between modules: lines, findings, documents, articles.

A scraped article becomes a :class:`Document`: its input split into
:class:`Line` objects. Passes never edit lines; they return :class:`Finding`
objects that say "line N goes, rule X, because Y" and, where the removed line
carries information (an author, a date, a teaser), the metadata field and
value it gives. The pipeline records the first finding per line; rendering
keeps every line that has none.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Dict, List, Optional, Tuple

import regex

from . import lexicon, markdown
from .shape import count_words

#: Characters rendered as one plain space: NBSP, the Unicode spaces, tabs.
_SPACES = regex.compile(r"[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
#: Invisible characters that scrapers leave around text (zero-width, BOM).
#: The forms lines are matched in (``Line.text`` and those derived from it)
#: drop them; the body keeps the ones inside a line (``Line.shown``): a
#: zero-width joiner inside an emoji sequence, a ZWNJ inside a Persian word.
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE = regex.compile(f"[{_INVISIBLE_CHARS}]")
#: What is stripped from the ends of a shown line: every character ``str.strip()``
#: strips, and the invisible ones (at the end of a line they join or part nothing).
_EDGE_CHARS = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + _INVISIBLE_CHARS


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


class computed_once:
    """A property computed on first use and kept in the instance, like
    :func:`functools.cached_property` but without its lock: Python 3.11 takes a
    lock on every first use, which cost about 7% of text-mode time for the
    half-dozen forms each line computes. A line belongs to one document, and a
    document to one thread."""

    def __init__(self, func):
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


@dataclass(frozen=True, init=False)
class Line:
    """One input line: its position, its raw text and its normalised text.

    The derived forms the passes compare (word count, folded text, first word)
    are computed once, on first use. Lines are frozen; the constructor fills
    the fields directly, at half the cost of a frozen dataclass's own.
    """

    index: int
    raw: str
    text: str

    def __init__(self, index: int, raw: str, text: str):
        fields = self.__dict__
        fields["index"], fields["raw"], fields["text"] = index, raw, text
        #: True for a line with nothing but spaces: read thousands of times a
        #: page, so a plain attribute rather than a property.
        fields["blank"] = not text

    @computed_once
    def shown(self) -> str:
        """The text as the body shows it (:func:`normalise_space` of ``raw``):
        ``text`` with the invisible characters inside the line kept.

        >>> Line(0, "👩\\u200d👩\\u200d👧 family", "👩👩👧 family").shown == "👩\\u200d👩\\u200d👧 family"
        True
        """
        return normalise_space(self.raw) if _INVISIBLE.search(self.raw) else self.text

    @computed_once
    def words(self) -> int:
        return count_words(self.text)

    @computed_once
    def folded(self) -> str:
        """The text as lexicon phrases are compared (see :func:`cleaner.lexicon.fold`)."""
        return lexicon.fold(self.text)

    @computed_once
    def word_set(self) -> frozenset:
        """The folded words of the line, for quick "can it hold this phrase" tests."""
        return lexicon.words_of(self.text)

    @computed_once
    def plain(self) -> str:
        """The text as a reader sees it, Markdown links and markers read as plain text
        (see :func:`cleaner.markdown.plain`): what metadata is taken from."""
        return markdown.plain(self.text)

    @computed_once
    def first_word(self) -> str:
        """The folded first word, punctuation stripped: the key for prefix look-ups."""
        return lexicon.first_word(self.text)


@dataclass(frozen=True)
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


#: Metadata fields where the first value found wins.
SCALAR_FIELDS = ("title", "date_published", "date_modified")
#: Metadata fields that collect values in order, each value once.
LIST_FIELDS = ("authors", "sources", "image_credits", "related", "tags", "categories")


class Document:
    """The lines of one input and what the passes found in them."""

    __slots__ = ("lines", "findings", "meta", "_seen", "memo")

    def __init__(self, text: str):
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        # Folding the whole text at once and then splitting is the same as
        # folding each line (no space class holds a newline), and much faster.
        folded = _SPACES.sub(" ", _INVISIBLE.sub("", text)).split("\n")
        self.lines: List[Line] = [
            Line(i, raw, norm.strip()) for i, (raw, norm) in enumerate(zip(text.split("\n"), folded))
        ]
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
        return [ln for ln in self.lines if not ln.blank and ln.index not in self.findings]

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

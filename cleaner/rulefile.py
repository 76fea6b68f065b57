"""User rule files (``--rules FILE``, TOML): phrases, disabled rules, thresholds, per-site rules, as data.

A rule file teaches the cleaner about a site or a language without code::

    disable = ["related.summary"]          # rule ids whose findings are not recorded

    [thresholds]                           # cleaner/thresholds.py lists them
    "duplicates.repeat_min_words" = 8

    [phrases.en]                           # any lexicon key, per language
    ad_markers = ["sponsored content"]

    [[site]]                               # rules for some hosts only
    hosts = ["example.com", "*.example.org"]
    disable = ["bio.profile"]              # (disable and thresholds too, for these hosts)
    drop = ["div.promo-box"]               # HTML: CSS selectors of elements to drop
    keep = ["div.fact-box"]                # HTML: ... and of elements whose lines stay
    [site.phrases.en]
    ui_labels = ["listen to this story"]

Files stack in the order given: each adds its phrases, disabled rules and
site sections to those before it; a threshold set twice takes the later value.
A file is checked whole before any input is read (:func:`check`): an unknown
key, language, lexicon key, rule id or threshold, a bad threshold value or a
bad selector is refused as ``FILE:LINE: what is wrong``.

A :class:`RuleSource` is the file's name and text: it pickles as data, so a
worker on another machine needs no access to the file. :class:`RuleSet`
parses the sources once per process and builds the lexicon (and the
selectors) for each site on first use.

>>> rules = RuleSet((RuleSource("mine.toml", '[phrases.en]\\nad_markers = ["paid post"]\\n'),))
>>> "paid post" in rules.lexicon_for(None).phrase_set("ad_markers")
True
>>> check(RuleSource("bad.toml", 'disable = ["made.up"]\\n'))
Traceback (most recent call last):
...
cleaner.rulefile.RuleFileError: bad.toml:1: unknown rule id 'made.up' (clean-article rules lists them)
"""
from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from . import lexicon

#: The keys a rule file may have at its top level, and in a ``[[site]]`` section.
TOP_KEYS = ("disable", "thresholds", "phrases", "site")
SITE_KEYS = ("hosts", "phrases", "drop", "keep", "disable", "thresholds")


class RuleFileError(ValueError):
    """A rule file that cannot be used: ``FILE:LINE: what is wrong``."""

    def __init__(self, name: str, line: int, message: str):
        self.name, self.line, self.message = name, line, message
        super().__init__(f"{name}:{line}: {message}" if line else f"{name}: {message}")


@dataclass(frozen=True)
class RuleSource:
    """A rule file as data: its name (as given) and its text."""

    name: str
    text: str


def read(path: str) -> RuleSource:
    """The rule file at ``path`` as a :class:`RuleSource` (not yet checked)."""
    try:
        with open(path, encoding="utf-8") as f:
            return RuleSource(path, f.read())
    except OSError as e:
        raise RuleFileError(path, 0, e.strerror or str(e)) from None
    except UnicodeDecodeError as e:
        raise RuleFileError(path, 0, f"not UTF-8 text ({e.reason})") from None


def load(paths: Sequence[str]) -> Tuple[RuleSource, ...]:
    """Read and check the rule files at ``paths``, in order; raises :class:`RuleFileError` on the first bad one."""
    sources = tuple(read(p) for p in paths)
    for source in sources:
        check(source)
    return sources


@dataclass
class SiteRules:
    """One ``[[site]]`` section: the host patterns, and what applies to their pages."""

    hosts: Tuple[str, ...]
    phrases: Dict[str, object]
    drop: Tuple[str, ...]
    keep: Tuple[str, ...]
    origin: str
    disable: Tuple[str, ...] = ()
    thresholds: Dict[str, object] = field(default_factory=dict)

    def matches(self, host: Optional[str]) -> bool:
        """Whether ``host`` is one of this section's: ``example.com`` also names its subdomains;
        a pattern with ``*`` or ``?`` is matched as a shell glob.

        >>> s = SiteRules(("example.com", "news.*.org"), {}, (), (), "f")
        >>> s.matches("www.example.com"), s.matches("notexample.com"), s.matches("news.city.org")
        (True, False, True)
        """
        if not host:
            return False
        host = host.casefold().rstrip(".")
        for pattern in self.hosts:
            pattern = pattern.casefold()
            if any(c in pattern for c in "*?["):
                if fnmatch.fnmatchcase(host, pattern):
                    return True
            elif host == pattern or host.endswith("." + pattern):
                return True
        return False


@dataclass
class RuleFile:
    """A checked rule file: what it adds, disables and sets."""

    name: str
    phrases: Dict[str, object] = field(default_factory=dict)
    disable: Tuple[str, ...] = ()
    thresholds: Dict[str, object] = field(default_factory=dict)
    sites: List[SiteRules] = field(default_factory=list)


#: The rule files checked in this process, by source: :func:`load` checks them in the CLI, a
#: :class:`RuleSet` needs them again, and ``--explain`` builds one per leading run of files.
_CHECKED: Dict[RuleSource, RuleFile] = {}


def check(source: RuleSource) -> RuleFile:
    """Parse and check one rule file (once per process); raises :class:`RuleFileError` naming the
    line of the first fault."""
    found = _CHECKED.get(source)
    if found is None:
        found = _CHECKED[source] = _Checker(source).run()
    return found


class _Checker:
    def __init__(self, source: RuleSource):
        self.source = source
        self.lines = _key_lines(source.text)

    def fail(self, path: Tuple[str, ...], message: str, value: Optional[str] = None):
        raise RuleFileError(self.source.name, self.line_of(path, value), message)

    def line_of(self, path: Tuple[str, ...], value: Optional[str] = None) -> int:
        """The line of ``path`` (its key, else the nearest table above it); with ``value``, the
        first line from there that holds the value as a string."""
        for n in range(len(path), 0, -1):
            line = self.lines.get(path[:n])
            if line:
                break
        else:
            line = 1
        if value is not None:
            text = self.source.text.split("\n")
            for i in range(line - 1, len(text)):
                if value in text[i]:
                    return i + 1
        return line

    def run(self) -> RuleFile:
        doc = self.parse()
        result = RuleFile(self.source.name)
        for key in doc:
            if key not in TOP_KEYS:
                self.fail((key,), f"unknown key {key!r} (a rule file has {', '.join(TOP_KEYS)})")
        result.disable = self.rule_ids(doc.get("disable", []), ("disable",))
        result.thresholds = self.thresholds(doc.get("thresholds", {}), ("thresholds",))
        result.phrases = self.phrases(doc.get("phrases", {}), ("phrases",))
        sites = doc.get("site", [])
        if not isinstance(sites, list) or not all(isinstance(s, dict) for s in sites):
            self.fail(("site",), "site must be [[site]] sections (an array of tables)")
        for i, site in enumerate(sites):
            result.sites.append(self.site(site, ("site", str(i))))
        return result

    def parse(self) -> dict:
        try:
            import tomllib
        except ImportError:  # Python < 3.11
            import tomli as tomllib
        try:
            return tomllib.loads(self.source.text)
        except tomllib.TOMLDecodeError as e:
            m = re.search(r"\(at line (\d+), column \d+\)|\(at end of document\)", str(e))
            message = str(e)[:m.start()].strip() if m else str(e)
            line = (int(m.group(1)) if m.group(1) else self.source.text.count("\n") + 1) if m else 0
            raise RuleFileError(self.source.name, line, f"not valid TOML: {message}") from None

    def strings(self, value, path: Tuple[str, ...], what: str) -> Tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(path, f"{path[-1]} must be a list of non-empty {what} strings")
        return tuple(value)

    def rule_ids(self, value, path) -> Tuple[str, ...]:
        from .rules import RULES_BY_ID

        ids = self.strings(value, path, "rule id")
        for rule in ids:
            if rule not in RULES_BY_ID:
                self.fail(path, f"unknown rule id {rule!r} (clean-article rules lists them)", f'"{rule}"')
        return ids

    def thresholds(self, value, path) -> Dict[str, object]:
        from .thresholds import THRESHOLDS_BY_NAME

        if not isinstance(value, dict):
            self.fail(path, "thresholds must be a table of name = number")
        for name, number in value.items():
            spec = THRESHOLDS_BY_NAME.get(name)
            if spec is None:
                self.fail(path + (name,), f"unknown threshold {name!r} (known: {', '.join(THRESHOLDS_BY_NAME)})")
            wants_int = isinstance(spec.default, int)
            ok = (isinstance(number, int) if wants_int else isinstance(number, (int, float))) \
                and not isinstance(number, bool)
            if not ok or not spec.low <= number <= spec.high:
                kind = "a whole number" if wants_int else "a number"
                self.fail(path + (name,), f"bad threshold value {number!r} for {name}: {kind} from "
                                          f"{spec.low} to {spec.high} (default {spec.default})")
        return dict(value)

    def phrases(self, value, path) -> Dict[str, object]:
        if not isinstance(value, dict):
            self.fail(path, "phrases must be tables [phrases.LANGUAGE] of key = [phrases]")
        stock = lexicon.stock().data()
        merged: Dict[str, object] = {}
        for lang, keys in value.items():
            if lang not in lexicon.LANGUAGES:
                self.fail(path + (lang,), f"unknown language {lang!r} (languages: {', '.join(lexicon.LANGUAGES)})")
            if not isinstance(keys, dict):
                self.fail(path + (lang,), f"{'.'.join(path + (lang,))} must be a table of key = [phrases]")
            for key, items in keys.items():
                where = path + (lang, key)
                if key not in stock or key.startswith("_"):
                    self.fail(where, f"unknown lexicon key {key!r} (the README's lexicon section lists them)")
                if isinstance(stock[key], dict):
                    kinds = {type(v) for v in stock[key].values()}
                    if not isinstance(items, dict) or not all(type(v) in kinds and k.strip()
                                                              for k, v in items.items()):
                        self.fail(where, f"{key} must be a table of name = value, as in the language files")
                    merged.setdefault(key, {}).update({" ".join(k.split()): v for k, v in items.items()})
                else:  # spaces folded as the matchers fold them (case is folded on merging)
                    merged.setdefault(key, []).extend(" ".join(p.split()) for p in self.strings(items, where, "phrase"))
        return merged

    def selectors(self, value, path) -> Tuple[str, ...]:
        selectors = self.strings(value, path, "CSS selector")
        if not selectors:
            return ()  # lxml stays unloaded on the plain-text path
        from cssselect import SelectorError
        from lxml.cssselect import CSSSelector

        for css in selectors:
            try:
                CSSSelector(css)
            except SelectorError as e:
                self.fail(path, f"bad selector {css!r}: {e}", css)
        return selectors

    def site(self, site: dict, path) -> SiteRules:
        for key in site:
            if key not in SITE_KEYS:
                self.fail(path + (key,), f"unknown key {key!r} in [[site]] (a site section has {', '.join(SITE_KEYS)})")
        if "hosts" not in site:
            self.fail(path, "a [[site]] section needs hosts = [\"example.com\", ...]")
        hosts = self.strings(site["hosts"], path + ("hosts",), "host")
        if not hosts:
            self.fail(path + ("hosts",), "hosts must name at least one host")
        return SiteRules(hosts, self.phrases(site.get("phrases", {}), path + ("phrases",)),
                         self.selectors(site.get("drop", []), path + ("drop",)),
                         self.selectors(site.get("keep", []), path + ("keep",)), self.source.name,
                         self.rule_ids(site.get("disable", []), path + ("disable",)),
                         self.thresholds(site.get("thresholds", {}), path + ("thresholds",)))


_HEADER = re.compile(r"\s*(\[\[?)\s*([^\]]+?)\s*\]\]?")
_KEY = re.compile(r"\s*((?:\"[^\"]*\"|'[^']*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:\"[^\"]*\"|'[^']*'|[A-Za-z0-9_-]+))*)\s*=")
_PART = re.compile(r"\"([^\"]*)\"|'([^']*)'|([A-Za-z0-9_-]+)")


def _key_lines(text: str) -> Dict[Tuple[str, ...], int]:
    """Where each table and key of a TOML text is, by its path (``("site", "0", "drop")``): the
    error messages' line numbers (``tomllib`` gives them only for syntax errors).

    >>> lines = _key_lines('a = 1\\n[[site]]\\nhosts = ["x"]\\n[[site]]\\n[site.phrases.en]\\ncta = []\\n')
    >>> lines[("a",)], lines[("site", "0", "hosts")], lines[("site", "1", "phrases", "en", "cta")]
    (1, 3, 6)
    """
    lines: Dict[Tuple[str, ...], int] = {}
    arrays: Dict[Tuple[str, ...], int] = {}
    table: Tuple[str, ...] = ()
    depth = 0  # inside a multi-line array: no keys there
    for number, line in enumerate(text.split("\n"), 1):
        if depth <= 0:
            header = _HEADER.match(line)
            key = _KEY.match(line)
            if header and not key:
                parts = _parts(header.group(2))
                if header.group(1) == "[[":
                    arrays[tuple(parts)] = arrays.get(tuple(parts), -1) + 1
                table = _indexed(parts, arrays)
                lines.setdefault(table, number)
                continue
            if key:
                lines.setdefault(table + tuple(_parts(key.group(1))), number)
                line = line[key.end():]
        depth += _brackets(line)
    return lines


def _parts(dotted: str) -> List[str]:
    return [next(g for g in m.groups() if g is not None) for m in _PART.finditer(dotted)]


def _indexed(parts: List[str], arrays: Dict[Tuple[str, ...], int]) -> Tuple[str, ...]:
    """A table path with the index of each array of tables it passes through ("site" -> "site", "1")."""
    out: List[str] = []
    for i, part in enumerate(parts):
        out.append(part)
        index = arrays.get(tuple(parts[:i + 1]))
        if index is not None:
            out.append(str(index))
    return tuple(out)


def _brackets(line: str) -> int:
    """Open minus closed square brackets outside strings and comments."""
    depth, quote = 0, None
    for c in line:
        if quote:
            if c == quote:
                quote = None
        elif c in "\"'":
            quote = c
        elif c == "#":
            break
        elif c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
    return depth


class RuleSet:
    """The rule files of a :class:`~cleaner.Cleaner`, parsed once per process: the lexicon and the
    HTML selectors for each site, built on first use."""

    def __init__(self, sources: Sequence[RuleSource]):
        self.sources = tuple(sources)
        self.files = [check(s) for s in self.sources]
        base = lexicon.stock()
        for f in self.files:
            base = base.extended(f.phrases, f.thresholds, frozenset(f.disable))
        self.base = base
        self._by_sites: Dict[Tuple[int, ...], lexicon.Lexicon] = {}

    @property
    def has_sites(self) -> bool:
        return any(f.sites for f in self.files)

    def sites_for(self, host: Optional[str]) -> List[SiteRules]:
        """The ``[[site]]`` sections whose hosts match ``host``, in file order."""
        return [s for f in self.files for s in f.sites if s.matches(host)]

    def lexicon_for(self, host: Optional[str]) -> "lexicon.Lexicon":
        """The lexicon for a page of ``host``: the files' phrases and settings, and those of its sites."""
        sites = self.sites_for(host) if self.has_sites else []
        if not sites:
            return self.base
        key = tuple(id(s) for s in sites)
        lex = self._by_sites.get(key)
        if lex is None:
            lex = self.base
            for s in sites:
                lex = lex.extended(s.phrases, s.thresholds, frozenset(s.disable),
                                   drop=tuple((css, s.origin) for css in s.drop),
                                   keep=tuple((css, s.origin) for css in s.keep))
            self._by_sites[key] = lex
        return lex


__all__ = ["RuleFile", "RuleFileError", "RuleSet", "RuleSource", "SiteRules", "check", "load", "read"]

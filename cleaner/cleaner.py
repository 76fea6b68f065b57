"""One object holding how to clean: built once per process, passed explicitly.

A :class:`Cleaner` holds what today's options spread over the command and
its workers: how to read inputs (``input_format``, ``max_bytes``), a site
profile and the site, the per-document time budget. It pickles (the profile
travels as its file name and is loaded once per process, on first use), so
the command, its ``--jobs`` workers and a Dask cluster's workers each build
or receive one and reuse it for every document.

>>> c = Cleaner(input_format="text")
>>> c.clean(b"Advertisement\\nCouncil approves budget\\n\\nThe council approved the budget on Monday.").text
'The council approved the budget on Monday.'
>>> import pickle
>>> pickle.loads(pickle.dumps(c)) == c
True

:func:`cleaner.clean` and :func:`cleaner.clean_text` stay as they are: the
shortcuts for one document.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional, Tuple, Union

from .ingest import DEFAULT_MAX_BYTES, InputError
from .model import Article

if TYPE_CHECKING:
    from .rulefile import RuleSource


class Cleaner:
    """How to clean: input reading, site profile, time budget. Picklable; see the module doc.

    - ``input_format``: ``auto`` (HTML recognised by content), ``text`` or ``html``.
    - ``max_bytes``: inputs larger than this (after gzip) are refused.
    - ``profile``: a site profile file (``clean-article learn``), loaded once
      per process; ``site`` names every document's site for it (else the
      URL's host, else the page's canonical URL's host, else the folder).
    - ``budget``: seconds a document may take from its bytes to its
      :class:`Article`, on any thread (a Dask worker runs tasks off the main
      thread, where no timer signal reaches); ``None`` leaves the passes'
      own budget (:func:`cleaner.pipeline.budget_for`) alone.
    - ``rules``: user rule files as data (:class:`~cleaner.rulefile.RuleSource`,
      name and text; :func:`cleaner.rulefile.load` reads and checks them), in
      stacking order. Each process parses them once; while a document is
      cleaned, their :class:`~cleaner.lexicon.Lexicon` (with the site sections
      its host matches) is the active one.

    Frozen, compared and hashed by these six values, as a frozen dataclass
    would be; written out by hand, since ``@dataclass`` generates and compiles
    six methods at every import (issue 14: start-up).

    >>> Cleaner(input_format="text") == Cleaner("text"), Cleaner(budget=2.0)
    (True, Cleaner(input_format='auto', max_bytes=67108864, profile=None, site=None, budget=2.0, rules=()))
    """

    _FIELDS = ("input_format", "max_bytes", "profile", "site", "budget", "rules")
    input_format: str
    max_bytes: int
    profile: Optional[str]
    site: Optional[str]
    budget: Optional[float]
    rules: Tuple[RuleSource, ...]

    def __init__(self, input_format: str = "auto", max_bytes: int = DEFAULT_MAX_BYTES, profile: Optional[str] = None,
                 site: Optional[str] = None, budget: Optional[float] = None, rules: Tuple[RuleSource, ...] = ()):
        self.__setstate__({"input_format": input_format, "max_bytes": max_bytes, "profile": profile, "site": site,
                           "budget": budget, "rules": rules})

    def _values(self) -> tuple:
        return tuple(getattr(self, k) for k in self._FIELDS)

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return f"Cleaner({', '.join(f'{k}={getattr(self, k)!r}' for k in self._FIELDS)})"

    def __setattr__(self, name, value):
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name):
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __getstate__(self):
        return {k: getattr(self, k) for k in self._FIELDS}

    def __setstate__(self, state):
        for k, v in state.items():
            object.__setattr__(self, k, v)
        object.__setattr__(self, "_loaded", [])  # the profile, once loaded
        object.__setattr__(self, "_rule_sets", {})  # the parsed rule files, by how many of them

    def rule_set(self, files: Optional[int] = None):
        """The :class:`~cleaner.rulefile.RuleSet` of the rule files (the first ``files`` of them),
        parsed once per process; None without rule files."""
        sources = self.rules if files is None else self.rules[:files]
        if not sources:
            return None
        found = self._rule_sets.get(len(sources))
        if found is None:
            from .rulefile import RuleSet

            found = self._rule_sets[len(sources)] = RuleSet(sources)
        return found

    def load_profile(self):
        """The :class:`~cleaner.profile.Profile` (loaded on first use, once), or None."""
        if not self.profile:
            return None
        if not self._loaded:
            from .profile import Profile

            self._loaded.append(Profile.load(self.profile))
        return self._loaded[0]

    def site_of(self, data: bytes, url: Optional[str] = None, path: str = "-") -> Optional[str]:
        """The site a document belongs to (see :func:`cleaner.profile.site_key`)."""
        from .ingest import decode
        from .profile import site_key

        html = None
        if not self.site and not url and self.input_format != "text":
            html_text = decode(data, self.input_format, self.max_bytes)
            html = html_text.text if html_text.is_html else None
        return site_key(path, self.site, url, html)

    def passes_for(self, site: Optional[str]) -> Tuple[tuple, List[str]]:
        """The passes to run for a document of ``site``, and notes on the profile look-up."""
        from .passes import TEXT_PASSES
        from .profile import SiteRepeated, with_step

        profile = self.load_profile()
        if profile is None:
            return TEXT_PASSES, []
        if site is None:
            return TEXT_PASSES, ["no site to look up in the profile (give --site or --url)"]
        entry = profile.sites.get(site)
        if entry is None:
            return TEXT_PASSES, [f"site {_shown(site)} is not in profile {profile.name}: nothing removed as "
                                 "site.repeated"]
        return with_step(SiteRepeated(_shown(site), entry, profile.name)), []

    def clean(self, data: Union[str, bytes], url: Optional[str] = None, charset: Optional[str] = None,
              path: str = "-", input_format: Optional[str] = None, after: tuple = (), explain: bool = False) -> Article:
        """Clean one document; raises :class:`~cleaner.ingest.InputError` when it cannot be.

        ``url``: the page's address (metadata; its host names the site for the
        profile). ``charset``: a hint from outside the bytes (an HTTP header),
        used when the bytes are not UTF-8 and have no byte-order mark.
        ``path``: the input's name, for the site when nothing else names it.
        ``input_format`` overrides the Cleaner's for this document.
        ``after``: steps to run after the passes (the review page's capture).
        ``explain``: with rule files, a removal a rule file caused says so in its
        reason ("(from rules file site.toml)"); that costs a run per rule file.
        """
        from . import clean
        from .pipeline import deadline

        fmt = input_format or self.input_format
        hinted = None
        if isinstance(data, bytes) and charset:
            from .charsets import transcode

            data, hinted = transcode(data, charset)
        raw = None
        if self.profile or self.rules:
            raw = data if isinstance(data, bytes) else data.encode("utf-8")
        if self.profile:
            passes, notes = self.passes_for(self.site_of(raw, url, path))
        else:
            from .passes import TEXT_PASSES  # looked up per call, as clean() callers do

            passes, notes = TEXT_PASSES, []
        steps = tuple(passes) + tuple(after)
        rules = self.rule_set()
        host = self.site_of(raw, url) if rules is not None and rules.has_sites else None  # once, for every run
        del raw
        # The input is handed on to clean(), which lets go of it once decoded, so a long
        # input is not held here while the passes run; only explaining, which runs
        # clean() again per rule file, keeps it. (Called with plain arguments: a call
        # with ``**kwargs`` would hold its arguments in a tuple until it returns.)
        again = bool(explain and self.rules)
        held = [data]
        del data

        def take() -> Union[str, bytes]:
            return held[0] if again else held.pop()

        def work(files: Optional[int] = None) -> Article:
            if rules is None:
                return clean(take(), input_format=fmt, url=url, max_bytes=self.max_bytes, passes=steps)
            from .lexicon import using

            first = self.rule_set(files)  # the first ``files`` rule files (None: the stock lexicon)
            with using(None if first is None else first.lexicon_for(host)):
                return clean(take(), input_format=fmt, url=url, max_bytes=self.max_bytes, passes=steps)

        if self.budget is None:
            article = work()
        else:
            article = _within(self.budget, work, deadline)
        if explain and self.rules:
            runs = [work(k) if self.budget is None else _within(self.budget, lambda k=k: work(k), deadline)
                    for k in range(len(self.rules))]
            from .attribution import attribute

            attribute(article, runs, [s.name for s in self.rules])
        if hinted:
            article.encoding = hinted
        article.warnings.extend(notes)
        return article


def _within(budget: float, work, deadline) -> Article:
    """``work()`` under a deadline of ``budget`` seconds; the passes inside keep it (the earlier end wins)."""
    import time

    from .pipeline import DocumentTimeout, _Expired

    message = f"ran past its time budget of {budget:.1f} s (a hostile page?); skipped"
    start = time.monotonic()
    try:
        with deadline(budget):
            return work()
    except _Expired:
        raise DocumentTimeout(message) from None
    except DocumentTimeout as e:
        # The passes stopped at this deadline (theirs is kept when it ends later) but
        # name their own budget: say which one ran out.
        if time.monotonic() - start >= budget and "time budget" in str(e):
            raise DocumentTimeout(message) from None
        raise


def _shown(name: str) -> str:
    from .batch import shown

    return shown(name)


__all__ = ["Cleaner", "InputError"]

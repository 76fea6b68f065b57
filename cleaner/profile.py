"""site.repeated: boilerplate learned across the pages of one site.

A single page cannot tell its own article from the site's furniture when the
furniture reads like text ("Example News is funded by its readers", a promo
line, a footer address). A batch can: lines that recur, word for word, on a
large share of a site's pages are the site's, not the article's.

``clean-article learn --profile site.json INPUTS…`` builds a profile;
``clean-article --profile site.json INPUTS…`` then removes those lines with rule
id ``site.repeated``. The profile holds, per site, the number of pages learned
from and a hash and page count for each learned line: no text (``--explain``
shows the removed line from the page itself), so it stays a few kilobytes per
site.

How a page's site is named (:func:`site_key`), the same way when learning and
when cleaning: ``--site NAME``; else the hostname of ``--url``; else, for HTML,
the hostname of the page's canonical or ``og:url`` address; else the absolute
path of the folder the input is in (so ``pages/example/*.txt`` is one site).

What is learned (:class:`Learner`): each page's lines as the pipeline sees
them where this step runs (see :func:`with_step`), normalised by
:func:`line_key` (case, spaces, quotes, end punctuation and digits folded).
A line counts on every page it stands on, and is stored only if the passes
before the step left it on some page. A line is the site's when it stands on at least
:data:`REPEAT_SHARE` of the site's pages (and on :data:`REPEAT_MIN_DOCS`
pages); sites with fewer than :data:`SITE_MIN_DOCS` pages learn nothing. A
block of short lines (a menu, a footer) is learned line by line, so a block
that recurs whole or in part is removed the same way.

The judgement call, body or furniture: a recurring line is kept out of the
profile, and so never removed, when it is body on most of its pages
(:data:`BODY_SHARE`). "Body" on a page means the line is prose
(:func:`cleaner.shape.is_prose`) standing between two lines of the page's own
prose (lines that do not recur): a standard disclosure paragraph inside every
article stays. A fixed sign-off after the last paragraph ("Example News is an
independent newsroom funded by its readers.") has the article on one side
only, and is removed: the same words on every page say nothing about this
article, and indexing them on every page only adds noise. A sign-off that
names the article's reporter differs from page to page and never recurs, so
it is never touched.

One more guard when removing (:meth:`SiteRepeated.heads_own_text`): a
headline-shaped line standing right above the page's own prose is that page's
headline and stays, even when learned: a popular article's headline is a
teaser on many pages of the site.

>>> key = line_key("  © 2024 Example News. ")
>>> key
'© 0 example news'
>>> line_hash("© 2023 EXAMPLE NEWS") == line_hash("© 2024 Example News.")
True
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
from array import array
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, Iterable, Iterator, List, Optional, Tuple
from urllib.parse import urlsplit

import regex

from . import lexicon, passes
from .model import Document, Finding, normalise_space
from .patterns import lazy_pattern
from .shape import headline_shaped, is_prose

#: A line is the site's when it stands on at least this share of the site's
#: pages. Half is "a large share": menus, footers and house promos stand on
#: nearly every page, while a phrase that the site's articles merely share
#: (a recurring quote, a series name) rarely reaches half of them.
REPEAT_SHARE = 0.5
#: ... and on at least this many pages, so three pages cannot make a rule from
#: a coincidence between two of them.
REPEAT_MIN_DOCS = 3
#: A site with fewer pages than this learns nothing: too few to tell.
SITE_MIN_DOCS = 4
#: A recurring line that is body (prose between the page's own prose) on at
#: least this share of the pages it stands on is kept: body on most pages,
#: ties included, is never removed.
BODY_SHARE = 0.5
#: At most this many lines are kept per site (the most frequent), so a
#: profile stays a few kilobytes per site whatever the batch.
MAX_LINES_PER_SITE = 400
#: Rule id of the step.
RULE = "site.repeated"
#: The format marker and version written into every profile.
FORMAT = "clean-article site profile"
VERSION = 1

_DIGITS = lazy_pattern(r"\d+")
_CANONICAL = lazy_pattern(
    r"""<link\b[^>]{0,300}?\brel\s*=\s*["']?canonical\b[^>]{0,300}?>"""
    r"""|<meta\b[^>]{0,300}?\bproperty\s*=\s*["']?og:url\b[^>]{0,300}?>""", regex.I)
_URL_ATTR = lazy_pattern(r"""\b(?:href|content)\s*=\s*["']?(https?://[^"'\s>]+)""", regex.I)


class ProfileError(Exception):
    """The profile file cannot be used; the message says why."""


# -- keys ------------------------------------------------------------------
def line_key(text: str) -> str:
    """The form lines are compared in: folded like the lexicon, digits as ``0``.

    Digits are folded so "© 2023" and "© 2024", or "12 comments" and "3
    comments", are one line.

    >>> line_key("Sign up for our newsletter:")
    'sign up for our newsletter'
    """
    return _DIGITS.sub("0", lexicon.fold(normalise_space(text)))


def line_hash(text: str) -> Optional[str]:
    """A 64-bit hash of :func:`line_key`, as 16 hex digits; None for a line with nothing to key.

    >>> line_hash("Privacy policy") == line_hash("PRIVACY POLICY."), line_hash(" | ")
    (True, None)
    """
    key = line_key(text)
    if not key:
        return None
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def hostname(url: Optional[str]) -> Optional[str]:
    """The host of ``url``, lower case, without ``www.``.

    >>> hostname("https://WWW.Example.com/news/1"), hostname("not a url")
    ('example.com', None)
    """
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def page_url(html: str) -> Optional[str]:
    """The page's own address from its canonical link or ``og:url``.

    >>> page_url('<head><link rel="canonical" href="https://example.com/a"></head>')
    'https://example.com/a'
    """
    for tag in _CANONICAL.finditer(html[:200_000]):
        m = _URL_ATTR.search(tag.group(0))
        if m:
            return m.group(1)
    return None


def site_key(path: str, site: Optional[str] = None, url: Optional[str] = None,
             html: Optional[str] = None) -> Optional[str]:
    """The site a page belongs to; None when nothing names it (standard input, no URL).

    >>> site_key("pages/a.txt", site="example.com"), site_key("-", url="https://www.example.com/x")
    ('example.com', 'example.com')
    >>> site_key("/data/example/a.txt")
    '/data/example'
    """
    if site:
        return site
    host = hostname(url) or (hostname(page_url(html)) if html else None)
    if host:
        return host
    if path == "-":
        return None
    return os.path.realpath(os.path.dirname(path) or ".")


# -- the profile -------------------------------------------------------------
@dataclass
class SiteProfile:
    """What was learned for one site: pages learned from, and page counts per line hash."""

    documents: int
    lines: Dict[str, int] = field(default_factory=dict)


@dataclass
class Profile:
    """Site profiles by site key; ``dump``/``load`` read and write the JSON file."""

    sites: Dict[str, SiteProfile] = field(default_factory=dict)
    name: str = "profile"

    def to_dict(self) -> dict:
        return {
            "format": FORMAT, "version": VERSION,
            "thresholds": {"repeat_share": REPEAT_SHARE, "repeat_min_docs": REPEAT_MIN_DOCS,
                           "site_min_docs": SITE_MIN_DOCS, "body_share": BODY_SHARE},
            "sites": {key: {"documents": sp.documents, "lines": dict(sorted(sp.lines.items()))}
                      for key, sp in sorted(self.sites.items())},
        }

    def dump(self, path: str) -> None:
        """Write the profile atomically (a temporary file, then a rename)."""
        text = json.dumps(self.to_dict(), indent=1, ensure_ascii=False) + "\n"
        folder = os.path.dirname(os.path.abspath(path))
        fd, tmp = tempfile.mkstemp(dir=folder, prefix="." + os.path.basename(path) + ".", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
            os.replace(tmp, path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise

    @classmethod
    def load(cls, path: str) -> "Profile":
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except OSError as e:
            raise ProfileError(f"{path}: cannot read: {e.strerror or e}") from None
        except ValueError as e:
            raise ProfileError(f"{path}: not a profile (invalid JSON: {e})") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ProfileError(f"{path}: not a clean-article site profile")
        if data.get("version") != VERSION:
            raise ProfileError(f"{path}: profile version {data.get('version')!r}, expected {VERSION}")
        try:
            sites = {key: SiteProfile(int(s["documents"]), {str(h): int(n) for h, n in s["lines"].items()})
                     for key, s in data["sites"].items()}
        except (KeyError, TypeError, ValueError, AttributeError):
            raise ProfileError(f"{path}: profile is damaged (sites)") from None
        return cls(sites, os.path.basename(path))


# -- the step: learning and applying ------------------------------------------
def with_step(step) -> tuple:
    """The text passes with ``step`` inserted where the site step runs
    (:data:`cleaner.passes.SITE_STEP` in :data:`cleaner.passes.PIPELINE`, and why there)."""
    return passes.with_step(step)


def learnable(line) -> Optional[str]:
    """The line's hash when the site step may learn and remove it; None for punctuation alone."""
    return line_hash(line.text)


@dataclass
class SiteRepeated:
    """The ``site.repeated`` step for one site: removes every line its profile holds.

    >>> step = SiteRepeated("example.com", SiteProfile(10, {line_hash("Privacy policy"): 9}))
    >>> [(f.line, f.rule) for f in step.run(Document("Body text here.\\nPrivacy policy"))]
    [(1, 'site.repeated')]
    """

    #: Its name in the pipeline (:func:`cleaner.passes.step_name`).
    NAME = passes.SITE_STEP

    site: str
    profile: SiteProfile
    source: str = "profile"

    @staticmethod
    def heads_own_text(kept, own_prose, k: int) -> bool:
        """Kept line ``k`` is headline-shaped and stands right above the page's own prose, with none above.

        That is where a page's headline stands; a popular article's headline
        is a teaser on many other pages (so learned), and stays on its own.
        """
        return (k + 1 < len(kept) and own_prose[k + 1] and not (k and own_prose[k - 1])
                and headline_shaped(kept[k].text))

    def run(self, doc: Document) -> Iterator[Finding]:
        kept = [ln for ln in doc.lines if doc.kept(ln.index)]
        counts = [self.profile.lines.get(learnable(ln) or "") for ln in kept]
        own_prose = [not n and is_prose(ln.text) for ln, n in zip(kept, counts)]
        for k, (ln, n) in enumerate(zip(kept, counts)):
            if not n:
                continue
            if self.heads_own_text(kept, own_prose, k):
                continue
            yield Finding(ln.index, RULE, f"recurs on {n} of {self.profile.documents} pages of "
                                          f"{self.site} (site profile {self.source}) {ln.text[:60]!r}")


@dataclass
class Sample:
    """One page as learning sees it: its site and its non-blank lines, in order.

    ``hashes`` holds each line's :func:`learnable` hash ("" for a line that
    is not); ``prose`` 1 for each line that is prose; ``kept`` 1 for each line
    that the passes before the site step kept; ``texts`` the lines
    themselves, only when the learned lines are to be reported.
    """

    site: Optional[str]
    path: str
    hashes: List[str] = field(default_factory=list)
    prose: bytes = b""
    kept: bytes = b""
    texts: Optional[List[str]] = None


@dataclass
class Recorder:
    """A step that removes nothing and records the lines of the page (for learning)."""

    #: It stands where :class:`SiteRepeated` will, and is named like it.
    NAME = passes.SITE_STEP

    keep_text: bool = False
    lines: List[Tuple[str, bool, bool, str]] = field(default_factory=list)

    def run(self, doc: Document) -> Iterator[Finding]:
        self.lines = [(learnable(ln) or "", is_prose(ln.text), doc.kept(ln.index), ln.text if self.keep_text else "")
                      for ln in doc.lines if not ln.blank]
        return iter(())

    def sample(self, site: Optional[str], path: str) -> Sample:
        return Sample(site, path, [ln[0] for ln in self.lines], bytes(ln[1] for ln in self.lines),
                      bytes(ln[2] for ln in self.lines), [ln[3] for ln in self.lines] if self.keep_text else None)


@dataclass
class Learned:
    """One learned line, for the ``learn --explain`` report."""

    site: str
    pages: int
    documents: int
    text: str


@dataclass
class LearnReport:
    """What :meth:`Learner.profile` decided, beyond the profile itself."""

    learned: List[Learned] = field(default_factory=list)
    protected: List[Learned] = field(default_factory=list)
    small_sites: List[Tuple[str, int]] = field(default_factory=list)


class Learner:
    """Collects :class:`Sample` objects by site and turns them into a :class:`Profile`.

    Memory: each page costs its line hashes (compact integers), not its text,
    unless the lines are to be reported.

    >>> learner = Learner()
    >>> for word in ("one", "two", "three", "four"):
    ...     rec = Recorder()
    ...     _ = list(rec.run(Document(f"Home\\nStory {word} is different from the others, told at length.")))
    ...     learner.add(rec.sample("example.com", f"{word}.txt"))
    >>> profile, _ = learner.profile()
    >>> list(profile.sites["example.com"].lines.values())
    [4]
    """

    def __init__(self) -> None:
        self._pages: Dict[str, List[_Page]] = {}

    def add(self, sample: Sample) -> None:
        if sample.site is None:
            return
        hashes = array("Q", (int(h, 16) if h else 0 for h in sample.hashes))
        kept = [i for i, k in enumerate(sample.kept) if k]
        page = _Page(hashes, array("I", kept), bytes(sample.prose[i] for i in kept),
                     dict(zip(hashes, sample.texts)) if sample.texts is not None else None)
        self._pages.setdefault(sample.site, []).append(page)

    def profile(self) -> Tuple[Profile, LearnReport]:
        report = LearnReport()
        profile = Profile()
        for site in sorted(self._pages):
            pages = self._pages[site]
            if len(pages) < SITE_MIN_DOCS:
                report.small_sites.append((site, len(pages)))
                continue
            lines, protected, texts = _learn_site(pages)
            profile.sites[site] = SiteProfile(len(pages), {f"{h:016x}": n for h, n in lines.items()})
            for h, n in sorted(lines.items(), key=lambda kv: (-kv[1], kv[0])):
                report.learned.append(Learned(site, n, len(pages), texts.get(h, "")))
            for h, n in sorted(protected.items(), key=lambda kv: (-kv[1], kv[0])):
                report.protected.append(Learned(site, n, len(pages), texts.get(h, "")))
        return profile, report


@dataclass
class _Page:
    """A learned page, compactly: all line hashes; which lines were kept; their prose flags."""

    hashes: array
    kept: array
    kept_prose: bytes
    texts: Optional[Dict[int, str]] = None


def _learn_site(pages: List[_Page]) -> Tuple[Dict[int, int], Dict[int, int], Dict[int, str]]:
    """Lines (hash -> pages) of one site that recur and are not body; the protected ones apart.

    A line's pages are counted over the whole page, but only lines that some
    page still kept when the site step runs are worth a place in the profile.
    """
    need = max(REPEAT_MIN_DOCS, math.ceil(REPEAT_SHARE * len(pages)))
    df: Counter = Counter()
    for page in pages:
        df.update(set(page.hashes))
    recurring = {h for h, n in df.items() if n >= need and h != 0}
    seen_kept: set = set()
    body_pages: Counter = Counter()
    texts: Dict[int, str] = {}
    for page in pages:
        kept_hashes = [page.hashes[i] for i in page.kept]
        as_body = set()
        for k, h in enumerate(kept_hashes):
            if h not in recurring:
                continue
            seen_kept.add(h)
            if page.texts is not None:
                texts.setdefault(h, page.texts[h])
            if _between_own_prose(k, kept_hashes, page.kept_prose, recurring):
                as_body.add(h)
        body_pages.update(as_body)
    lines, protected = {}, {}
    for h in recurring & seen_kept:
        if body_pages[h] >= BODY_SHARE * df[h]:
            protected[h] = df[h]
        else:
            lines[h] = df[h]
    if len(lines) > MAX_LINES_PER_SITE:
        lines = dict(sorted(lines.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_LINES_PER_SITE])
    return lines, protected, texts


def _between_own_prose(k: int, hashes: List[int], prose: bytes, recurring: set) -> bool:
    """Kept line ``k`` is prose with the page's own (non-recurring) prose right above and below it."""
    if not prose[k] or k == 0 or k + 1 >= len(hashes):
        return False
    return all(prose[j] and hashes[j] not in recurring for j in (k - 1, k + 1))


def learn(samples: Iterable[Sample]) -> Tuple[Profile, LearnReport]:
    """A profile from page samples (see :class:`Learner`)."""
    learner = Learner()
    for s in samples:
        learner.add(s)
    return learner.profile()

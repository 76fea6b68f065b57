"""Run the passes over a document: they label lines, nothing is deleted here.

>>> from cleaner.passes import TEXT_PASSES
>>> doc = run_passes(Document("Advertisement\\nA line of body text."), TEXT_PASSES)
>>> doc.findings[0].rule
'ads.marker'

Every document runs within a time budget (:func:`budget_for`), so that no
input, however hostile, can stall a batch: a document that runs past it
raises :class:`DocumentTimeout`, an :class:`~cleaner.ingest.InputError`, which
the command reports as a failed input before going on to the next one. A
regex ``TimeoutError`` (the passes call patterns with ``timeout=``) becomes
the same error.

>>> import regex, time
>>> class Stall:  # a pass whose pattern backtracks for ever on this line
...     def run(doc):
...         regex.fullmatch(r"(a|aa)+$", "a" * 60 + "!")
...         yield from ()
>>> run_passes(Document("text"), [Stall], budget=0.2)
Traceback (most recent call last):
...
cleaner.pipeline.DocumentTimeout: ran past its time budget of 0.2 s in pass Stall (a hostile line?); skipped
"""
from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from typing import Callable, FrozenSet, Iterable, Iterator, Optional

from . import lexicon
from .ingest import InputError
from .model import Document

#: Seconds every document may take, whatever its size: a page of news takes a
#: few milliseconds, so this only stops inputs that make a pattern backtrack.
BUDGET_BASE_SECONDS = 10.0
#: Seconds allowed on top per megabyte of text. The passes run at about
#: 3 MB/s (benchmarks/scaling.py), so a 50 MB file needs ~20 s of the 210 s it
#: gets; the margin is for slow machines.
BUDGET_SECONDS_PER_MB = 4.0


class DocumentTimeout(InputError):
    """The document ran past its time budget; it is skipped, the batch goes on."""


def budget_for(doc: Document) -> float:
    """The seconds ``doc`` may take: a base plus an allowance per megabyte.

    >>> budget_for(Document("x" * 2_000_000))
    18.0
    """
    chars = sum(len(ln.raw) + 1 for ln in doc.lines) - 1
    return BUDGET_BASE_SECONDS + BUDGET_SECONDS_PER_MB * chars / 1_000_000


def run_passes(doc: Document, passes: Iterable, budget: Optional[float] = None,
               keep: FrozenSet[int] = frozenset()) -> Document:
    r"""Apply each pass in order; the first finding for a line stands.

    A finding of a rule the active lexicon disables (a rule file's ``disable``)
    is not recorded, so the next finding for its line, if any, applies; nor is
    a finding on a line of ``keep`` (the lines a rule file's ``keep`` selectors
    name on an HTML page).

    >>> from cleaner.passes import TEXT_PASSES
    >>> with lexicon.using(lexicon.stock().extended(disabled={"ads.marker"})):
    ...     doc = run_passes(Document("Advertisement\nA line of body text."), TEXT_PASSES)
    >>> doc.findings
    {}

    Raises :class:`DocumentTimeout` when the passes take more than ``budget``
    seconds (default :func:`budget_for`) or a pattern times out.
    """
    from .passes import step_name  # here, not at the top: the passes import this module's pattern_timeout

    budget = budget_for(doc) if budget is None else budget
    disabled = lexicon.disabled()
    name = "?"
    try:
        with deadline(budget) as check:
            for p in passes:
                name = step_name(p)
                for finding in p.run(doc):
                    if not disabled and not keep or admitted(finding, disabled, keep):
                        doc.record(finding)
                    check()
                check()
    except _Expired:
        raise DocumentTimeout(f"ran past its time budget of {budget:.1f} s in pass {name} (a hostile line?); "
                              "skipped") from None
    except TimeoutError:
        raise DocumentTimeout(f"a pattern in pass {name} ran past its time limit (a hostile line?); "
                              "skipped") from None
    return doc


def admitted(finding, disabled: FrozenSet[str], keep: FrozenSet[int] = frozenset()) -> bool:
    """Whether ``finding`` may be recorded: its rule is not disabled and its line is not kept."""
    return finding.rule not in disabled and finding.line not in keep


class _Expired(Exception):
    """Raised inside :func:`deadline` when the time is up."""


_state = threading.local()

#: Seconds one pattern call of a pass may take where no timer guards the
#: document (other threads, Windows): a pattern that backtracks for longer
#: raises ``TimeoutError``, which :func:`run_passes` reports as a timeout.
PATTERN_TIMEOUT = 1.0


def pattern_timeout() -> Optional[float]:
    """The ``timeout=`` for the passes' pattern calls: none while the timer of
    :func:`deadline` guards this thread (its signal stops a match wherever it
    is, and ``timeout=`` costs every call about a microsecond, measured), else
    :data:`PATTERN_TIMEOUT`.

    >>> pattern_timeout()
    1.0
    """
    return None if getattr(_state, "timer", False) else PATTERN_TIMEOUT


@contextmanager
def deadline(seconds: float) -> Iterator[Callable[[], None]]:
    """Run the block for at most ``seconds``; yields a ``check()`` to call now and then.

    On the main thread of a Unix process a timer signal interrupts the block
    wherever it is, inside a regex match too (the regex module checks for
    signals while it matches). Elsewhere (other threads, Windows, or when a
    timer is already set, as pytest-timeout does) only ``check()`` stops it:
    the pipeline calls it after every finding and every pass. A deadline
    inside another keeps the earlier one.
    """
    end = time.monotonic() + seconds
    outer = getattr(_state, "end", None)
    if outer is not None:
        end = min(end, outer)

    def check() -> None:
        if time.monotonic() > end:
            raise _Expired()

    if outer is not None or not _can_use_timer():
        _state.end = end
        try:
            yield check
        finally:
            _state.end = outer
        return

    armed = [True]

    def on_alarm(signum, frame):
        if armed[0]:
            raise _Expired()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    _state.end, _state.timer = end, True
    try:
        yield check
    finally:
        armed[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
        _state.end, _state.timer = None, False


def _can_use_timer() -> bool:
    return (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
            and signal.getitimer(signal.ITIMER_REAL)[0] == 0)


#: Inputs of at least this many characters give the memory their lines took back
#: to the system once cleaned (:func:`release_memory`); a news page is far smaller.
RELEASE_MIN_CHARS = 1_000_000


def release_memory() -> bool:
    """Hand the memory freed by a large document back to the operating system.

    The C allocator keeps most of what a document's lines and facts took (many
    small blocks) as free heap, and after a long input raises its thresholds so
    far that it does not trim it; the output of that document (a string the size
    of the input, its JSON, its bytes) then takes fresh memory beside it: on a
    20 MB text that made the peak 214 MB instead of 202. glibc's ``malloc_trim``
    returns the free pages; elsewhere (macOS, musl, Windows) this does nothing.
    Returns whether it ran.
    """
    try:
        import ctypes

        trim = ctypes.CDLL(None).malloc_trim
    except (ImportError, OSError, AttributeError):
        return False
    trim(0)
    return True

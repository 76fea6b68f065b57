"""``--jobs N``: the inputs cleaned in worker processes, results in input order.

Split from :mod:`cleaner.batch` so that a run with one job (one file cleaned
to standard output, the most common call) neither compiles nor imports the
process pool: :func:`cleaner.batch.ordered_map` hands over to
:func:`parallel_map` only for ``jobs > 1``.
"""
from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Callable, Deque, Iterable, Iterator

from .batch import WINDOW_PER_JOB, Options, setup


def _run_chunk(func: Callable, items: list) -> list:
    return [func(item) for item in items]


def warm_up(options: Options) -> None:
    """Clean a few lines once, so the lexicon's patterns are compiled (they compile on first use)."""
    from . import clean_text

    setup(options)
    clean_text("Advertisement\nA headline\n\nBy A Writer\nPublished 1 May 2024\n\nA sentence of body text.")


def _worker_setup(options: Options) -> None:
    # Ctrl-C reaches the whole process group: the parent stops the workers,
    # which must not print tracebacks of their own. SIGTERM kills them outright.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    setup(options)


def parallel_map(func: Callable, items: Iterable, jobs: int, options: Options,
                 crashed: Callable[[object, str], object], chunk_size: int) -> Iterator:
    """:func:`cleaner.batch.ordered_map` with ``jobs > 1`` worker processes."""
    workers = _Workers(func, jobs, options)
    pending: Deque = deque()
    chunks = _chunks(items, chunk_size)
    try:
        while True:
            while len(pending) < jobs * WINDOW_PER_JOB:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                pending.append((chunk, workers.submit(chunk)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                workers.restart()
                results = [workers.run_alone(item, crashed) for item in chunk]
                pending = deque((c, workers.submit(c)) for c, _ in pending)
            yield from results
    finally:
        workers.stop()


class _Workers:
    """A process pool that can be restarted after a worker died, and stopped at once."""

    def __init__(self, func: Callable, jobs: int, options: Options):
        self.func, self.jobs, self.options = func, jobs, options
        self.pool = None  # a concurrent.futures.ProcessPoolExecutor while running

    def submit(self, chunk: list):
        if self.pool is None:
            if multiprocessing.get_start_method() == "fork":
                warm_up(self.options)  # forked workers inherit the compiled patterns
            self.pool = ProcessPoolExecutor(self.jobs, initializer=_worker_setup, initargs=(self.options,))
        return self.pool.submit(_run_chunk, self.func, chunk)

    def run_alone(self, item, crashed: Callable[[object, str], object]):
        try:
            return self.submit([item]).result()[0]
        except BrokenProcessPool:
            self.restart()
            return crashed(item, "worker process died (killed, or out of memory)")

    def restart(self) -> None:
        self.stop()

    def stop(self) -> None:
        """Stop the workers now: work in flight is not wanted any more (done, or interrupted)."""
        pool, self.pool = self.pool, None
        if pool is None:
            return
        procs = list((getattr(pool, "_processes", None) or {}).values())  # no public way to end them now
        pool.shutdown(wait=False, cancel_futures=True)
        for proc in procs:
            if proc.is_alive():
                proc.terminate()
        for proc in procs:
            proc.join(timeout=5)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while True:
        chunk = list(islice(it, size))
        if not chunk:
            return
        yield chunk

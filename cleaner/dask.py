"""Cleaning archives on a Dask cluster: one task per archive or JSONL shard, one part file each.

>>> from cleaner.dask import clean_files                           # doctest: +SKIP
>>> clean_files(["a.warc.gz", "b.warc.gz"], "out", fmt="parquet",
...             scheduler="tcp://scheduler:8786")                    # doctest: +SKIP
['out/a.parquet', 'out/b.parquet']

Each task runs :func:`clean_part`: the same reading, cleaning and writing
as ``clean-article --jobs 1 --output-dir DIR`` for that input, so a part file
written on the cluster is byte for byte the one a single process writes.

- **Once per worker**: the :class:`~cleaner.cleaner.Cleaner` (options, site
  profile) is built on a worker's first task and kept for the next ones
  (:func:`cleaner.batch.setup`); the lexicon's patterns compile once per
  worker process.
- **One thread per worker** (``--nthreads 1``, ``threads_per_worker=1``):
  cleaning is CPU-bound Python, threads would only contend for the GIL.
- **Time budget off the main thread**: Dask runs tasks on a worker thread,
  where no ``SIGALRM`` reaches; the budget (:data:`DEFAULT_BUDGET` seconds per
  document) is checked by the passes between findings
  (:func:`cleaner.pipeline.deadline`), so a slow page fails alone, as an
  ``error`` record.
- **Failures stay records**: a document that fails is written with an
  ``error`` field (``error_records``); a task never fails for one page.
- **Resume**: a part file is renamed into place only when complete, and a
  task whose part exists returns at once: re-running the same call after a
  crash or a cancelled job does only what is missing.
- **Largest first**: parts are started in decreasing input size (a task's
  ``priority``), so a big archive does not start last and leave the other
  workers idle at the end; results still come back in input order.
- **Quiet bookkeeping**: a cluster started here runs with :data:`QUIET_CONFIG`
  (the worker's 10 ms stack sampler off, the event-loop health check every
  second, one task at a time per worker): measured, the defaults cost the
  workers about 25% more CPU per part (the stack sampler most of it) and the
  scheduler's process a few percent of a core. A cluster you start yourself
  takes the same settings as environment variables
  (:func:`quiet_environment`; README, "Dask").
- Workers must see the inputs and the output folder at the same paths (a
  shared file system), as with any Dask file job: give absolute paths to a
  remote cluster. The paths are the output's ``path`` values, as given.

Dask is imported only here and only when called (``pip install
'article-cleaner[dask]'``).
"""
from __future__ import annotations

import os
from typing import Iterable, List, Optional

from .archives import _unique_stem, part_stem
from .batch import Options, Summary, run
from .outdir import PartSink

#: Seconds a document may take on a worker (any thread): a news page takes a
#: few milliseconds; this only stops a page that makes a pattern backtrack,
#: before it holds up its archive's task for long.
DEFAULT_BUDGET = 60.0

#: Dask settings for a cluster this module starts (and, as environment
#: variables, for workers started by hand). Each is bookkeeping that runs on
#: the worker's event-loop thread beside the task thread; a task here is
#: seconds to minutes of CPU-bound Python, so none is needed at its default pace.
QUIET_CONFIG = {
    # The statistical profiler (the dashboard's Profile page) walks the task
    # thread's stack every 10 ms: about 15% more CPU per part, measured.
    "distributed.worker.profile.enabled": False,
    # Every server's event-loop health check runs every 20 ms by default; once
    # a second still reports a loop blocked for the 3 s warning limit.
    "distributed.admin.tick.interval": "1s",
    # CPU, memory, disk and network samples for the dashboard (default 500 ms),
    # and the memory limit checks (default 100 ms): a part's memory grows by a
    # page at a time (each at most --max-bytes), so once a second still stops a
    # worker before it runs out.
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    # One task per worker thread, the rest queued on the scheduler (the default
    # 1.1 sends a second one ahead): the last parts go to whichever worker is
    # free instead of waiting behind a busy one. A task is seconds or more, so
    # the round trip saved by sending ahead is nothing.
    "distributed.scheduler.worker-saturation": 1.0,
}


def quiet_environment() -> dict:
    """:data:`QUIET_CONFIG` as the environment variables ``dask scheduler`` and ``dask worker`` read.

    >>> quiet_environment()["DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED"]
    'False'
    """
    return {"DASK_" + key.upper().replace(".", "__").replace("-", "_"): str(value)
            for key, value in QUIET_CONFIG.items()}


def clean_part(path: str, out_dir: str, options: Options, stem: Optional[str] = None) -> dict:
    """Clean one archive or JSONL shard into ``out_dir/STEM.EXT``; skip it when that part exists.

    Returns what happened: ``part`` (the file), ``skipped`` (it existed),
    ``documents``, ``failed``, ``messages`` (the errors, one a failed document).
    Runs in this process, single-threaded: it is the unit of work of a
    Dask task, and what a Spark ``mapPartitions`` calls per path.
    """
    stem = stem or part_stem(path)
    os.makedirs(out_dir, exist_ok=True)
    sink = PartSink(out_dir, options.fmt)
    final = sink.final(stem)
    if os.path.exists(final):
        return {"part": final, "skipped": True, "documents": 0, "failed": 0, "messages": []}
    messages: List[str] = []
    summary: Summary = run([path], options, sink, jobs=1, report=messages.append, quiet=True,
                           parts={path: stem})
    return {"part": final, "skipped": False, "documents": summary.files, "failed": summary.failed,
            "messages": messages}


def part_names(paths: Iterable[str]) -> List[str]:
    """The part file stem of each input, unique in the list (as the command names them)."""
    stems: dict = {}
    return [_unique_stem(part_stem(p), p, stems) for p in paths]


def clean_files(paths: List[str], out_dir: str, fmt: str = "jsonl", scheduler: Optional[str] = None,
                workers: int = 2, options: Optional[Options] = None, client=None,
                on_result=None) -> List[dict]:
    """Clean each archive or JSONL shard in ``paths`` into a part file under ``out_dir``, on Dask.

    ``client``: a ``distributed.Client`` to use; else one for ``scheduler``
    (an address such as ``tcp://host:8786``); else a local cluster of
    ``workers`` processes with one thread each. ``options``: the
    :class:`~cleaner.batch.Options` (``fmt`` wins over ``options.fmt``);
    by default failed documents become ``error`` records and each document
    has :data:`DEFAULT_BUDGET` seconds. ``on_result(result)`` is called as each
    task ends, in input order. Returns the results of :func:`clean_part`.
    """
    options = (options or Options(error_records=True, budget=DEFAULT_BUDGET))._replace(fmt=fmt)
    os.makedirs(out_dir, exist_ok=True)
    # Paths as given: they are the output's "path" values, as with --jobs 1. A local
    # cluster's workers share this folder; a remote cluster needs absolute paths.
    stems = part_names(paths)
    out = os.path.abspath(out_dir)
    priority = largest_first(paths)
    with _client(client, scheduler, workers) as c:
        # pure=False: the same file cleaned twice is two tasks (the inputs may have changed);
        # retries=1: a worker lost mid-task (killed, out of memory) does not fail the job.
        futures = [c.submit(clean_part, p, out, options, s, key=f"clean-part-{i}-{s}", pure=False, retries=1,
                            priority=priority[i])
                   for i, (p, s) in enumerate(zip(paths, stems))]
        results = []
        for future in futures:
            result = future.result()
            results.append(result)
            if on_result is not None:
                on_result(result)
        return results


def largest_first(paths: List[str]) -> List[int]:
    """A Dask ``priority`` per input: the larger the file, the sooner it starts.

    Cleaning time grows with an archive's size; starting the largest first
    (longest-processing-time order) keeps every worker busy to the end, where
    input order could leave the biggest archive for last on one worker while
    the others wait. Sizes this process cannot see (a remote file system)
    count as 0, so those inputs keep their order.

    >>> import os, tempfile
    >>> d = tempfile.mkdtemp()
    >>> for name, size in (("a", 10), ("b", 300), ("c", 20)):
    ...     with open(os.path.join(d, name), "wb") as f:
    ...         _ = f.write(b"x" * size)
    >>> largest_first([os.path.join(d, n) for n in "abc"] + ["missing"])
    [1, 3, 2, 0]
    """
    sizes = []
    for path in paths:
        try:
            sizes.append(os.path.getsize(path))
        except OSError:
            sizes.append(0)
    order = sorted(range(len(paths)), key=lambda i: (sizes[i], -i))  # ties: the earlier input first
    priority = [0] * len(paths)
    for rank, i in enumerate(order):
        priority[i] = rank if sizes[i] else 0
    return priority


def learn_part(path: str, options: Options) -> dict:
    """Read one archive or JSONL shard for ``learn``: each page's :class:`~cleaner.profile.Sample` (hashes only).

    Returns ``samples`` (in archive order) and ``errors``. The samples are
    small (a hash and two flags per line, no text unless ``options.explain``),
    so the parent can merge those of many archives.
    """
    from .batch import setup, tasks
    from .learning import learn_task

    setup(options)
    samples, errors, notes = [], [], []
    for task in tasks([path], options.max_bytes, options):
        outcome = learn_task(task)
        if outcome.end:
            notes += outcome.warnings  # what the archive held and skipped
        elif outcome.error is not None:
            errors.append(outcome.error)
        else:
            samples.append(outcome.record)
    return {"samples": samples, "errors": errors, "notes": notes}


def learn_files(paths: List[str], scheduler: Optional[str] = None, workers: int = 2,
                options: Optional[Options] = None, client=None, on_result=None):
    """Learn a site profile from archives or JSONL shards on Dask: one task per input.

    The workers read and clean the pages (the costly part) and return their
    samples; this process merges them in input order, so the profile is the
    one ``clean-article learn`` writes for the same inputs. Returns
    ``(profile, report, errors)``; ``profile.dump(path)`` writes it.
    ``on_result(result)`` is called with each :func:`learn_part` result, in
    input order, before its samples are merged.
    Sites are keyed on each page's URL host. (For millions of hosts, see
    the README: shard by host.)
    """
    from .profile import Learner

    options = options or Options()
    learner = Learner()
    errors: List[str] = []
    with _client(client, scheduler, workers) as c:
        priority = largest_first(paths)
        futures = [c.submit(learn_part, p, options, key=f"learn-part-{i}-{part_stem(p)}", pure=False, retries=1,
                            priority=priority[i])
                   for i, p in enumerate(paths)]
        for future in futures:
            result = future.result()
            if on_result is not None:
                on_result(result)
            for sample in result["samples"]:
                learner.add(sample)
            errors += result["errors"]
    profile, report = learner.profile()
    return profile, report, errors


class _client:
    """The client to use: the one given, else one for ``scheduler``, else a local cluster (closed after)."""

    def __init__(self, client, scheduler: Optional[str], workers: int):
        self.client, self.scheduler, self.workers = client, scheduler, workers
        self.own_client = self.own_cluster = None

    def __enter__(self):
        if self.client is not None:
            return self.client
        import dask
        from distributed import Client, LocalCluster

        if self.scheduler:
            self.own_client = Client(self.scheduler)
        else:
            with dask.config.set(QUIET_CONFIG):  # read by the scheduler and the workers as they start
                self.own_cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                                dashboard_address=None)
            self.own_client = Client(self.own_cluster)
        return self.own_client

    def __exit__(self, *exc):
        if self.own_client is not None:
            self.own_client.close()
        if self.own_cluster is not None:
            self.own_cluster.close()


__all__ = ["DEFAULT_BUDGET", "QUIET_CONFIG", "clean_files", "clean_part", "largest_first", "learn_files", "learn_part",
           "part_names", "quiet_environment"]

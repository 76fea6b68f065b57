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
- Workers must see the inputs and the output folder at the same paths (a
  shared file system), as with any Dask file job: give absolute paths to a
  remote cluster. The paths are the output's ``path`` values, as given.

Dask is imported only here and only when called (``pip install
'article-cleaner[dask]'``).
"""
from __future__ import annotations

import os
from typing import Iterable, List, Optional

from .batch import Options, PartSink, Summary, _unique_stem, part_stem, run

#: Seconds a document may take on a worker (any thread): a news page takes a
#: few milliseconds; this only stops a page that makes a pattern backtrack,
#: before it holds up its archive's task for long.
DEFAULT_BUDGET = 60.0


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
    from dataclasses import replace

    options = replace(options or Options(error_records=True, budget=DEFAULT_BUDGET), fmt=fmt)
    os.makedirs(out_dir, exist_ok=True)
    # Paths as given: they are the output's "path" values, as with --jobs 1. A local
    # cluster's workers share this folder; a remote cluster needs absolute paths.
    stems = part_names(paths)
    out = os.path.abspath(out_dir)
    with _client(client, scheduler, workers) as c:
        # pure=False: the same file cleaned twice is two tasks (the inputs may have changed);
        # retries=1: a worker lost mid-task (killed, out of memory) does not fail the job.
        futures = [c.submit(clean_part, p, out, options, s, key=f"clean-part-{i}-{s}", pure=False, retries=1)
                   for i, (p, s) in enumerate(zip(paths, stems))]
        results = []
        for future in futures:
            result = future.result()
            results.append(result)
            if on_result is not None:
                on_result(result)
        return results


def learn_part(path: str, options: Options) -> dict:
    """Read one archive or JSONL shard for ``learn``: each page's :class:`~cleaner.profile.Sample` (hashes only).

    Returns ``samples`` (in archive order) and ``errors``. The samples are
    small (a hash and two flags per line, no text unless ``options.explain``),
    so the parent can merge those of many archives.
    """
    from .batch import learn_task, setup, tasks

    setup(options)
    samples, errors = [], []
    for task in tasks([path], options.max_bytes, options):
        outcome = learn_task(task)
        if outcome.end:
            continue
        if outcome.error is not None:
            errors.append(outcome.error)
        else:
            samples.append(outcome.record)
    return {"samples": samples, "errors": errors}


def learn_files(paths: List[str], scheduler: Optional[str] = None, workers: int = 2,
                options: Optional[Options] = None, client=None):
    """Learn a site profile from archives or JSONL shards on Dask: one task per input.

    The workers read and clean the pages (the costly part) and return their
    samples; this process merges them in input order, so the profile is the
    one ``clean-article learn`` writes for the same inputs. Returns
    ``(profile, report, errors)``; ``profile.dump(path)`` writes it.
    Sites are keyed on each page's URL host. (For millions of hosts, see
    the README: shard by host.)
    """
    from .profile import Learner

    options = options or Options()
    learner = Learner()
    errors: List[str] = []
    with _client(client, scheduler, workers) as c:
        futures = [c.submit(learn_part, p, options, key=f"learn-part-{i}-{part_stem(p)}", pure=False, retries=1)
                   for i, p in enumerate(paths)]
        for future in futures:
            result = future.result()
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
        from distributed import Client, LocalCluster

        if self.scheduler:
            self.own_client = Client(self.scheduler)
        else:
            self.own_cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                            dashboard_address=None)
            self.own_client = Client(self.own_cluster)
        return self.own_client

    def __exit__(self, *exc):
        if self.own_client is not None:
            self.own_client.close()
        if self.own_cluster is not None:
            self.own_cluster.close()


__all__ = ["DEFAULT_BUDGET", "learn_files", "learn_part", "clean_files", "clean_part", "part_names"]

"""``clean-article learn``'s task: one input read as the passes see it, for a site profile.

Split from :mod:`cleaner.batch` so that cleaning, nearly every call, neither
compiles nor imports it (issue 14: start-up): only ``learn`` (and a Dask
``learn``) runs it.
"""
from __future__ import annotations

from typing import Optional

from .batch import Options, Outcome, Task, _State, read_task, shown, task_name
from .ingest import InputError
from .inputs import Failure


def page_site(task: Task, data: bytes, options: Options) -> Optional[str]:
    """The site the input belongs to (see :func:`cleaner.profile.site_key`)."""
    from .ingest import decode
    from .profile import site_key

    html = None
    if not options.site and not options.url and options.input_format != "text":
        try:
            decoded = decode(data, options.input_format, options.max_bytes)
        except InputError as e:
            raise Failure(f"{shown(task.path)}: {e}") from None
        html = decoded.text if decoded.is_html else None
    return site_key(task.path, options.site, options.url, html)


def learn_task(task: Task) -> Outcome:
    """Read one input for ``learn``: its :class:`~cleaner.profile.Sample` is the outcome's record.

    The page goes through the same passes as when cleaning, up to where the
    site step runs, so the lines learned are the lines the step will see.
    """
    from . import clean
    from .profile import Recorder, with_step

    options = _State.options
    if task.error is not None:
        return Outcome(task.path, error=task.error)
    if task.end:
        return Outcome(task.path, part=task.part, end=True, warnings=[task.note] if task.note else [])
    recorder = Recorder(keep_text=options.explain)
    try:
        data = read_task(task, options.max_bytes)
        if task.charset:
            from .charsets import transcode

            data = transcode(data, task.charset)[0]
        url = task.url or options.url
        site = page_site(task, data, options._replace(url=url))
        fmt = task.doc_format or options.document_format()
        clean(data, input_format=fmt, url=url, max_bytes=options.max_bytes, passes=with_step(recorder))
    except InputError as e:
        return Outcome(task.path, error=f"{task_name(task)}: {e}")
    except Failure as e:
        return Outcome(task.path, error=str(e))
    except Exception as e:  # noqa: BLE001 - one bad input must not stop the batch
        return Outcome(task.path, error=f"{task_name(task)}: internal error: {type(e).__name__}: {e}")
    return Outcome(task.path, record=recorder.sample(site, task.path))

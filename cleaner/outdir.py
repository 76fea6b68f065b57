"""``--output-dir``: one file per input, or part files, each written atomically.

Split from :mod:`cleaner.batch` so that a file cleaned to standard output
neither compiles nor runs this: the command imports it only with
``--output-dir`` (and :mod:`cleaner.review` for its atomic writes).

>>> output_name("pages/2023/index.html.gz", "text"), output_name("-", "jsonl")
('index.txt', 'stdin.jsonl')
"""
from __future__ import annotations

import os
from typing import Any, Dict, List, Optional, Tuple

import regex

from .batch import OUTPUT_EXT, Outcome, StdoutSink, _signals_held, shown
from .inputs import Failure
from .patterns import lazy_pattern

#: Extensions of input names replaced by the output's own (``.gz`` first),
#: compiled on first use (:func:`~cleaner.patterns.lazy_pattern`).
_INPUT_EXT = lazy_pattern(r"(?:\.(?:html?|xhtml|txt|text))?(?:\.gz)?$", regex.I)


def output_name(path: str, fmt: str) -> str:
    """The file name an input's output gets: its name with the format's extension.

    >>> output_name("a/story.HTML", "json"), output_name("notes", "text"), output_name(".txt", "text")
    ('story.json', 'notes.txt', '.txt.txt')
    """
    base = "stdin" if path == "-" else os.path.basename(os.path.normpath(path))
    stem = _INPUT_EXT.sub("", base, count=1)
    return (stem or base) + OUTPUT_EXT[fmt]


def _source(path: str) -> str:
    return "-" if path == "-" else os.path.abspath(path)


def _file_mode() -> int:
    """The mode a new file gets here: 0o666 less the process's umask (read by setting it and back)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def alternative_name(path: str, fmt: str) -> str:
    """The name used when another input of the batch took :func:`output_name`.

    A hash of the input's absolute path, so the same input gets the same name
    on every run.
    """
    name = output_name(path, fmt)
    ext = OUTPUT_EXT[fmt]
    return f"{name[:-len(ext)]}~{source_digest(path)}{ext}"


def source_digest(path: str) -> str:
    """Eight hex digits of a hash of the input's absolute path: the ``~HASH`` of an alternative name."""
    import hashlib

    return hashlib.sha1(os.fsencode(_source(path))).hexdigest()[:8]


class DirSink:
    """One output file per input under ``directory``, written atomically.

    - The name is :func:`output_name`. When an earlier input of the same call
      took it, this input gets :func:`alternative_name` and a warning says so.
    - A file that exists and was not written by this call is replaced only
      with ``overwrite``; otherwise the input fails (named on stderr).
    - Never the input itself, even with ``overwrite``.
    - Each file is written to a hidden temporary file in ``directory`` and
      renamed (or hard-linked, so that an existing file is never replaced
      without ``overwrite``) into place: an interrupted run leaves either
      the whole file or none.
    """

    def __init__(self, directory: str, fmt: str, overwrite: bool = False, keep_dirs: bool = False):
        self.directory, self.fmt, self.overwrite, self.keep_dirs = directory, fmt, overwrite, keep_dirs
        self.taken: Dict[str, str] = {}
        self.mode = _file_mode()

    def write(self, outcome: Outcome) -> List[str]:
        if outcome.end:
            return []
        path, warnings = outcome.path, []
        source = _source(path)
        name = output_name(path, self.fmt)
        if self.keep_dirs and path != "-":
            name = os.path.join(kept_dir(path), name)
            os.makedirs(os.path.join(self.directory, os.path.dirname(name)), exist_ok=True)
        owner = self.taken.get(name)
        if owner is not None and owner != source:
            alt = alternative_name(path, self.fmt)
            warnings.append(f"{shown(path)}: {os.path.join(self.directory, name)} is taken by "
                            f"{shown(owner)}; writing {os.path.join(self.directory, alt)}")
            name = alt
        final = os.path.join(self.directory, name)
        if path != "-" and os.path.exists(final) and os.path.exists(path) and os.path.samefile(final, path):
            raise Failure(f"{shown(path)}: output {final} would replace the input itself")
        data = outcome.record if self.fmt == "text" else outcome.record + "\n"
        try:
            atomic_write(final, data.encode("utf-8"), replace=self.overwrite or self.taken.get(name) == source,
                         mode=self.mode)
        except FileExistsError:
            raise Failure(f"{shown(path)}: {final} exists ({EXISTS_ADVICE})") from None
        except OSError as e:
            raise Failure(f"{shown(path)}: cannot write {final}: {e.strerror or e}") from None
        self.taken[name] = source
        return warnings

    def close(self) -> None:
        pass


#: What to do when an output file exists. Not only "--overwrite": under
#: ``xargs -P`` the file may be another input's output from this same batch
#: (two inputs with one name in different folders), which --overwrite would lose.
EXISTS_ADVICE = ("written by an earlier run, or by another input of the same name in this batch (under "
                 "xargs -P); --keep-dirs keeps inputs from different folders apart, --overwrite replaces it")


def kept_dir(path: str) -> str:
    """The input's folder as a relative path under ``--output-dir`` (``--keep-dirs``).

    Leading ``/`` and ``..`` parts are dropped, so outputs stay inside the folder.

    >>> kept_dir("html/x.html"), kept_dir("/data/../pages/a.txt"), kept_dir("a.txt")
    ('html', 'data/pages', '')
    """
    parts = [p for p in os.path.dirname(path).replace(os.sep, "/").split("/") if p not in ("", ".", "..")]
    return os.path.join(*parts) if parts else ""


class PartSink:
    """Part files under ``directory``: one per archive, JSONL input or chunk of plain inputs.

    A document's outcome goes into its part (``outcome.part``, the file's
    name without extension); the part is written to a hidden temporary file
    and renamed into place at the part's end marker, so a part file that
    exists is complete. Outcomes of plain inputs (no part) go to ``files``
    (a :class:`DirSink`). The bytes of a part are those :class:`StdoutSink`
    writes for the same documents (text, json, jsonl) or a Parquet file
    (:mod:`cleaner.parquet`).
    """

    def __init__(self, directory: str, fmt: str, overwrite: bool = False, files: Optional["DirSink"] = None):
        self.directory, self.fmt, self.overwrite, self.files = directory, fmt, overwrite, files
        self.open: Dict[str, Tuple[str, Any, Any]] = {}  # part -> (temporary path, file, writer)
        self.mode = _file_mode()

    def final(self, part: str) -> str:
        return os.path.join(self.directory, part + OUTPUT_EXT[self.fmt])

    def write(self, outcome: Outcome) -> List[str]:
        if outcome.part is None:
            if self.files is None:
                raise Failure(f"{shown(outcome.path)}: this output goes into part files only")
            return self.files.write(outcome)
        _, _, writer = self._part(outcome.part)
        if outcome.end:
            self._finish(outcome.part)
        elif outcome.record is not None:
            if self.fmt == "parquet":
                writer.write(outcome.record)
            else:
                writer.write(outcome)
        return []

    def _part(self, part: str):
        if part not in self.open:
            import tempfile

            with _signals_held():
                fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=f".{part}{OUTPUT_EXT[self.fmt]}.",
                                           suffix=".tmp")
            if self.fmt == "parquet":
                from .parquet import PartWriter

                os.close(fd)
                self.open[part] = (tmp, None, PartWriter(tmp))
            else:
                f = os.fdopen(fd, "wb")
                self.open[part] = (tmp, f, StdoutSink(self.fmt, True, f))
        return self.open[part]

    def _finish(self, part: str) -> None:
        tmp, f, writer = self.open.pop(part)
        final = self.final(part)
        try:
            with _signals_held():
                if f is None:
                    writer.close()
                else:
                    if self.fmt == "json" and not writer.written:
                        f.write(b"[]\n")
                    writer.close()
                    f.close()
                os.chmod(tmp, self.mode)
                if self.overwrite:
                    os.replace(tmp, final)
                else:
                    os.link(tmp, final)
        except FileExistsError:
            raise Failure(f"{final} exists ({EXISTS_ADVICE})") from None
        except OSError as e:
            raise Failure(f"cannot write {final}: {e.strerror or e}") from None
        finally:
            if os.path.lexists(tmp):
                os.unlink(tmp)

    def close(self) -> None:
        """Remove the temporary files of parts that did not end (an interrupted run)."""
        for part in list(self.open):
            tmp, f, writer = self.open.pop(part)
            try:
                if f is not None:
                    f.close()
                else:
                    writer.writer.close()
            finally:
                if os.path.lexists(tmp):
                    os.unlink(tmp)
        if self.files is not None:
            self.files.close()


def atomic_write(final: str, data: bytes, replace: bool = False, mode: int = 0o644) -> None:
    """Write ``data`` to ``final`` through a temporary file in the same folder.

    Without ``replace``, raises :class:`FileExistsError` when ``final`` exists
    (checked and claimed in one step by a hard link, so two processes cannot
    both write it).
    """
    with _signals_held():
        _atomic_write(final, data, replace, mode)


def _atomic_write(final: str, data: bytes, replace: bool, mode: int) -> None:
    import tempfile

    folder = os.path.dirname(final) or "."
    fd, tmp = tempfile.mkstemp(dir=folder, prefix="." + os.path.basename(final) + ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, mode)
        if replace:
            os.replace(tmp, final)
            return
        try:
            os.link(tmp, final)
        except FileExistsError:
            raise
        except OSError:
            # No hard links here (some network and FAT file systems): claim the
            # name with an exclusive create, then rename over it.
            os.close(os.open(final, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode))
            os.replace(tmp, final)
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)

"""Reading one input named on the command line: a path, or '-' for stdin.

Every way a read can fail becomes one :class:`Failure` whose message names the
input and the cause, so the command can report it in one line and go on:

>>> read_input("/no/such/file", 100)
Traceback (most recent call last):
...
cleaner.inputs.Failure: /no/such/file: no such file

At most ``max_bytes + 1`` bytes are read, so an input over the limit is
recognised without holding it in memory; a regular file over the limit is
refused from its size before any of it is read.
"""
from __future__ import annotations

import errno
import os
import stat
import sys


class Failure(Exception):
    """One input could not be cleaned; the message names it."""


def read_input(path: str, max_bytes: int) -> bytes:
    """The bytes of ``path`` (``-``: standard input), at most ``max_bytes + 1`` of them."""
    if path == "-":
        return sys.stdin.buffer.read(max_bytes + 1)
    try:
        with open(path, "rb") as f:
            info = os.fstat(f.fileno())
            if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
                raise Failure(f"{path}: input is {info.st_size:,} bytes, over the limit of {max_bytes:,} "
                              "(--max-bytes)")
            return f.read(max_bytes + 1)
    except FileNotFoundError:
        if os.path.islink(path):
            raise Failure(f"{path}: broken symbolic link (its target does not exist)") from None
        raise Failure(f"{path}: no such file") from None
    except PermissionError:
        raise Failure(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise Failure(f"{path}: is a directory") from None
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise Failure(f"{path}: symbolic link loop") from None
        raise Failure(f"{path}: cannot read: {e.strerror or e}") from None

"""Reading one input named on the command line: a path, or '-' for stdin.

Every way a read can fail becomes one :class:`Failure` whose message names the
input and the cause, so the command can report it in one line and go on.
"""
from __future__ import annotations

import os
import sys


class Failure(Exception):
    """One input could not be cleaned; the message names it."""


def read_input(path: str, max_bytes: int) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read(max_bytes + 1)
    try:
        if os.path.isdir(path):
            raise Failure(f"{path}: is a directory")
        with open(path, "rb") as f:
            return f.read(max_bytes + 1)
    except FileNotFoundError:
        if os.path.islink(path):
            raise Failure(f"{path}: broken symbolic link") from None
        raise Failure(f"{path}: no such file") from None
    except PermissionError:
        raise Failure(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise Failure(f"{path}: is a directory") from None
    except OSError as e:
        raise Failure(f"{path}: cannot read: {e.strerror or e}") from None

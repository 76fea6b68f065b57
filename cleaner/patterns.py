"""Module-level regex patterns compiled on their first use, not at import.

The ``regex`` module takes 0.1 to 1 ms to compile a pattern, and a
module-level pattern is compiled by every process that imports the module,
whether its documents ever reach the line that reads it or not: about 80
patterns made a third of ``clean-article``'s start-up. A pattern written as
``_NAME = lazy_pattern(r"...", flags)`` is read as before (``_NAME.search``,
``_NAME.sub``, ``_NAME.pattern``); each attribute read is kept on the
instance, so later look-ups cost what a compiled pattern's do. A pattern
meant for the standard library's engine says so: ``lazy_pattern(r"...",
engine=re)``.

>>> p = lazy_pattern(r"\\d+")
>>> p.findall("12 and 345"), p.pattern
(['12', '345'], '\\\\d+')
"""

import regex


class CompiledPattern:
    """A :class:`LazyPattern` once compiled: the compiled pattern's attributes held
    on the instance, read as plain attributes. A class of its own, with no
    ``__getattr__``: while a class has one, every attribute read of its
    instances goes through it, and the interpreter cannot specialise the read
    (the passes read a pattern's method on every line they test)."""

    def __init__(self, pattern, flags: int = 0, engine=regex):
        self._source = (pattern, flags)
        self._compile = engine.compile  # a function pickles by name, a module does not

    def __repr__(self) -> str:
        return f"lazy_pattern({self._source[0]!r}, {self._source[1]!r})"


class LazyPattern(CompiledPattern):
    """A regex pattern compiled on its first use (see the module docstring)."""

    def __getattr__(self, name: str):
        # Called only for what the instance does not hold yet: compile once, keep
        # every attribute of the pattern, and become a CompiledPattern.
        # Special names (copy and pickle probe "__setstate__" and the like) are no pattern's.
        if name.startswith("__"):
            raise AttributeError(name)
        state = self.__dict__
        compiled = state["_compiled"] = state["_compile"](*state["_source"])
        for attr in dir(compiled):
            if not attr.startswith("__"):
                state[attr] = getattr(compiled, attr)
        self.__class__ = CompiledPattern
        return getattr(compiled, name)


def lazy_pattern(pattern, flags: int = 0, engine=regex) -> LazyPattern:
    """``engine.compile(pattern, flags)`` (``regex`` or ``re``), done when an attribute is first read."""
    return LazyPattern(pattern, flags, engine)

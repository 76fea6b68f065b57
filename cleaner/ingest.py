"""Input bytes -> text: gzip, encoding, and whether it is HTML or plain text.

The order is fixed and each step is reported in :class:`Decoded`:

1. gzip magic bytes (``1f 8b``): decompress every member (up to
   ``max_bytes``), then go on with what came out.
2. Known binary formats (PNG, JPEG, GIF, PDF, ZIP, …) are refused by their
   magic bytes with :class:`InputError` ("not text or HTML"). NUL bytes are
   UTF-16/32 (a byte-order mark, or the every-other-byte pattern of ASCII
   text in UTF-16 without one); else input with a high share of control
   bytes (:data:`CONTROL_SHARE`) is binary and refused, and the stray NUL
   bytes of an otherwise textual input are dropped with a warning (browsers
   and trafilatura read such pages).
3. Encoding: a byte-order mark; else strict UTF-8; else UTF-8 with a few
   broken bytes (each broken byte that reads as a windows-1252 letter or
   quote becomes that character, the rest U+FFFD); else for HTML the
   ``<meta charset>``; else windows-1252 when it reads as Western-European
   text; else charset detection (charset-normalizer, imported only on this
   path); else windows-1252 with replacements. Any byte that became U+FFFD
   is reported in ``warnings``; the encoding chosen is in ``encoding``.
4. Decoded text that is mostly control characters, unassigned code points or
   replacement characters is binary after all, and refused.
5. HTML or text, by content (:func:`looks_like_html`): HTML is a document (a
   doctype or an ``<html>``/``<head>``/``<body>`` tag starting it, or starting
   a line of it with markup around), markup making up most of the bytes (on
   more than a few lines), or tags on most of the lines; not a text with a
   few raw HTML lines in it.

>>> d = decode("Caf\\xe9 au lait".encode("cp1252"))
>>> d.text, d.encoding
('Café au lait', 'windows-1252')
>>> d = decode("Café “au lait”".encode("utf-8") + b" and na\\xefve")
>>> d.text, d.encoding, d.warnings
('Café “au lait” and naïve', 'utf-8 (1 byte read as windows-1252)', ['1 invalid UTF-8 byte read as windows-1252'])

Steps 3 (after strict UTF-8) and 5 (for input with a ``<``) live in
:mod:`cleaner.charsets` and :mod:`cleaner.htmlsniff`, imported on first use:
a UTF-8 text without markup, the common input, neither compiles nor imports
them (issue 14: start-up). The markup-counting names that tests read from
here still answer here (:func:`__getattr__`).
"""
from __future__ import annotations

import codecs
from typing import List, Optional, Tuple

from .patterns import lazy_pattern

#: Inputs larger than this (after decompression) are refused; ``--max-bytes`` changes it.
#: A news page is well under 5 MB; cleaning takes at its peak about 10 times the
#: input in memory for text (20 MB: 194 MB, benchmarks/speed.py, 2026-11-30) and
#: 30 times for HTML (benchmarks/scaling.py), so 64 MiB keeps one input under
#: 1-2 GB while a 50 MB dump still goes through.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
#: Share of control characters (other than tab, newline, CR, form feed),
#: unassigned and private-use code points and replacement characters above which decoded
#: "text" is really binary data. Text has next to none of them.
JUNK_SHARE = 0.05
#: Encoding and binary checks look at this many characters from the start: binary
#: data shows itself at once, and a page's worth keeps the check cheap (it ran on
#: every character of a 1 MB page before, a tenth of the HTML path's time).
SAMPLE_CHARS = 65_536
#: The binary check reads this many characters: its Unicode classes cost about
#: 20 ns a character, and 16 K of binary data is never mistaken for text.
JUNK_SAMPLE_CHARS = 16_384
#: Share of control bytes (C0 controls other than tab, newline, form feed and
#: CR, and DEL; NUL bytes among them) above which input holding NUL bytes is
#: binary and refused. Random or compressed data has about 11%, images and
#: executables more; a text page with stray NULs has a handful (22 in a 100 kB
#: page are 0.02%). NULs padding the end of the input are not counted: a
#: truncated or preallocated file ends in them.
CONTROL_SHARE = 0.05

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
    (b"%PDF-", "PDF document"), (b"PK\x03\x04", "ZIP archive"), (b"PK\x05\x06", "ZIP archive"),
    (b"\x7fELF", "ELF executable"), (b"RIFF", "RIFF media"), (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"), (b"7z\xbc\xaf\x27\x1c", "7z archive"), (b"OggS", "Ogg media"),
    (b"\x00\x00\x01\x00", "ICO image"), (b"wOFF", "web font"), (b"wOF2", "web font"),
    (b"\x1a\x45\xdf\xa3", "Matroska/WebM media"), (b"ID3", "MP3 audio"),
    (b"\x1f\x8b", "gzip archive inside the gzip data"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
#: What text has next to none of: C0 controls other than \t \n \f \r, DEL,
#: surrogates, unassigned and private-use code points, replacement characters.
#: Compiled on first use (:func:`~cleaner.patterns.lazy_pattern`): only input beyond ASCII reads it.
_JUNK = lazy_pattern(r"[\x00-\x08\x0b\x0e-\x1f\x7f\p{Cs}\p{Cn}\p{Co}\ufffd]")


class InputError(Exception):
    """The input cannot be cleaned; the message says why, in one line."""


class _Record:
    """A record of named fields, compared and shown field by field, as ``@dataclass`` makes them.

    Written out by hand: ``@dataclass`` generates and compiles its methods at
    every import (about 4 M instructions a class, issue 14: start-up). Here,
    the first module on the command's path that has one (:class:`Decoded`);
    :mod:`cleaner.batch`'s records use it too.
    """

    __slots__ = ()
    __hash__ = None  # mutable, as a dataclass with eq and without frozen

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return [getattr(self, k) for k in self.__slots__] == [getattr(other, k) for k in self.__slots__]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={getattr(self, k)!r}' for k in self.__slots__)})"


class Decoded(_Record):
    """Decoded input: the text, the encoding chosen (as ``--explain`` shows it), what was found.

    >>> decode(b"A line") == Decoded("A line", "utf-8"), decode(b"A line")
    (True, Decoded(text='A line', encoding='utf-8', is_html=False, gzipped=False, warnings=[]))
    """

    __slots__ = ("text", "encoding", "is_html", "gzipped", "warnings")

    def __init__(self, text: str, encoding: str, is_html: bool = False, gzipped: bool = False,
                 warnings: Optional[List[str]] = None):
        self.text, self.encoding, self.is_html, self.gzipped = text, encoding, is_html, gzipped
        self.warnings = [] if warnings is None else warnings


def decode(data: bytes, input_format: str = "auto", max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """Bytes to text, with the encoding and the format found; see the module doc.

    >>> decode(b"\\x89PNG\\r\\n\\x1a\\n....")
    Traceback (most recent call last):
    ...
    cleaner.ingest.InputError: not text or HTML: looks like a PNG image
    """
    warnings: List[str] = []
    gzipped = False
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data, max_bytes, warnings)
        gzipped = True
    if len(data) > max_bytes:
        raise InputError(f"input is {len(data):,} bytes, over the limit of {max_bytes:,} (--max-bytes)")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"not text or HTML: looks like a {what}")
    text, encoding = _decode_bytes(data, input_format, warnings)
    sample = text[:JUNK_SAMPLE_CHARS]
    junk = _junk_count(sample)
    if junk > max(1.0, JUNK_SHARE * len(sample)):
        raise InputError(f"not text or HTML: binary data ({junk / len(sample):.0%} control, unassigned or "
                         f"undecodable characters as {encoding})")
    if input_format == "auto":
        is_html = looks_like_html(text)
    else:
        is_html = input_format == "html"
    return Decoded(text, encoding, is_html, gzipped, warnings)


def _junk_count(sample: str) -> int:
    """How many characters of ``sample`` text has next to none of (:data:`_JUNK`).

    An ASCII sample can hold only the control characters among them: those
    are counted as bytes, without the pattern.

    >>> _junk_count("tab\\t, form feed\\f, bell\\a, NUL\\x00"), _junk_count("caf\\xe9 \\ufffd \\x7f")
    (2, 2)
    """
    if sample.isascii():
        raw = sample.encode("ascii")
        return len(raw) - len(raw.translate(None, _CONTROL_BYTES))
    return len(_JUNK.findall(sample))


def looks_like_html(text: str) -> bool:
    """HTML by content (:func:`cleaner.htmlsniff.looks_like_html`): text without a ``<``
    in its first :data:`SAMPLE_CHARS` characters is text, and needs no more.

    >>> looks_like_html("<!DOCTYPE html><p>x</p>"), looks_like_html("Use <b> for bold in HTML.")
    (True, False)
    >>> looks_like_html("Council approves budget\\n\\nThe council approved the budget on Monday.")
    False
    """
    if "<" not in text[:SAMPLE_CHARS]:
        return False
    from .htmlsniff import looks_like_html as by_markup

    return by_markup(text)


def reads_as_text(text: str) -> bool:
    """Input taken for HTML also reads as plain text (:func:`cleaner.htmlsniff.reads_as_text`)."""
    from .htmlsniff import reads_as_text as by_markup

    return by_markup(text)


def _gunzip(data: bytes, max_bytes: int, warnings: List[str]) -> bytes:
    """Every member of a gzip file (as ``gzip -dc`` reads it), never more than ``max_bytes + 1`` bytes.

    >>> import gzip
    >>> _gunzip(gzip.compress(b"one ") + gzip.compress(b"two"), 100, [])
    b'one two'
    """
    import zlib  # a shared library to load: only for gzip input

    out = bytearray()
    rest = data
    while rest[:2] == b"\x1f\x8b":
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out += d.decompress(rest, max_bytes + 1 - len(out))
        except zlib.error as e:
            raise InputError(f"broken gzip data: {e}") from None
        if len(out) > max_bytes:
            raise InputError(f"gzip input expands past the limit of {max_bytes:,} bytes (--max-bytes)")
        if not d.eof:
            raise InputError("broken gzip data: it ends before the end of the compressed stream")
        rest = d.unused_data
    if rest.strip(b"\x00"):
        warnings.append(f"{len(rest):,} bytes after the gzip data ignored")
    return bytes(out)


def _decode_bytes(data: bytes, input_format: str, warnings: List[str]) -> Tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            name = "utf-8" if codec == "utf-8-sig" else codec
            try:
                return data.decode(codec), f"{name} (BOM)"
            except UnicodeDecodeError:
                text = data.decode(codec, errors="replace")
                warnings.append(f"{name} byte-order mark but invalid {name}: undecodable bytes replaced with U+FFFD")
                return text, f"{name} (BOM, with replacements)"
    if b"\x00" in data:
        from .charsets import _utf16_without_bom

        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return data.decode(utf16), f"{utf16} (no BOM)"
        data = _drop_nul_bytes(data, warnings)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from .charsets import legacy_decode  # bytes that are not UTF-8: rare, and more work

    return legacy_decode(data, input_format, warnings)


#: Control bytes: C0 controls other than tab, newline, form feed and CR, and DEL.
_CONTROL_BYTES = bytes(range(0x00, 0x09)) + b"\x0b" + bytes(range(0x0e, 0x20)) + b"\x7f"


def _drop_nul_bytes(data: bytes, warnings: List[str]) -> bytes:
    """``data`` without its NUL bytes, or :class:`InputError` when it is binary.

    Binary data has a high share of control bytes (:data:`CONTROL_SHARE`);
    text with a few stray NULs is read without them, and a warning counts them.

    >>> w = []
    >>> _drop_nul_bytes(b"A page\\x00 with a stray NUL byte, and another one\\x00.", w), w
    (b'A page with a stray NUL byte, and another one.', ['2 NUL bytes dropped'])
    >>> _drop_nul_bytes(b"\\x00\\x01\\x02\\x03 data \\x00\\x00\\x10\\x11", [])
    Traceback (most recent call last):
    ...
    cleaner.ingest.InputError: not text or HTML: binary data (57% control bytes)
    """
    core = data.rstrip(b"\x00")  # NULs padding the end are not evidence of binary data
    if not core:
        raise InputError("not text or HTML: NUL bytes only")
    control = len(core) - len(core.translate(None, _CONTROL_BYTES))
    if control > CONTROL_SHARE * len(core):
        raise InputError(f"not text or HTML: binary data ({control / len(core):.0%} control bytes)")
    nuls = data.count(b"\x00")
    warnings.append(f"{nuls:,} NUL byte{_s(nuls)} dropped")
    return data.replace(b"\x00", b"")


def _s(n: int) -> str:
    return "" if n == 1 else "s"

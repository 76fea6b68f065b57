"""Input bytes -> text: gzip, encoding, and whether it is HTML or plain text.

The order is fixed and each step is reported in :class:`Decoded`:

1. gzip magic bytes (``1f 8b``): decompress (up to ``max_bytes``), then go on.
2. Known binary formats (PNG, JPEG, GIF, PDF, ZIP, …) and NUL bytes outside
   UTF-16/32 are refused with :class:`InputError` ("not text or HTML").
3. Encoding: a byte-order mark; else strict UTF-8; else for HTML the
   ``<meta charset>``; else charset detection (charset-normalizer, imported
   only on this path); else windows-1252. A mostly-UTF-8 file with a few broken
   bytes stays UTF-8 with those bytes replaced, and says so in ``warnings``.
4. HTML or text, by content: a doctype, an ``<html>``/``<head>``/``<body>``
   tag, or markup making up a large share of the start of the input.

>>> d = decode("Caf\\xe9 au lait".encode("cp1252"))
>>> d.text, d.encoding
('Café au lait', 'windows-1252')
"""
from __future__ import annotations

import codecs
import gzip
import zlib
from dataclasses import dataclass, field
from typing import List, Optional

import regex

#: Inputs larger than this (after decompression) are refused; ``--max-bytes`` changes it.
DEFAULT_MAX_BYTES = 256 * 1024 * 1024
#: A file whose UTF-8 decoding fails on at most this share of its non-ASCII
#: sequences is UTF-8 with a few broken bytes, not another encoding.
UTF8_BROKEN_SHARE = 0.1
#: Share of control characters (other than tab, newline, CR, form feed) above
#: which decoded "text" is really binary data.
CONTROL_SHARE = 0.05

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
    (b"%PDF-", "PDF document"), (b"PK\x03\x04", "ZIP archive"), (b"PK\x05\x06", "ZIP archive"),
    (b"\x7fELF", "ELF executable"), (b"RIFF", "RIFF media"), (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"), (b"7z\xbc\xaf\x27\x1c", "7z archive"), (b"OggS", "Ogg media"),
    (b"\x00\x00\x01\x00", "ICO image"), (b"wOFF", "web font"), (b"wOF2", "web font"),
    (b"\x1a\x45\xdf\xa3", "Matroska/WebM media"), (b"ID3", "MP3 audio"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = regex.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", regex.I)
_HTML_START = regex.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                            regex.I | regex.S)
_HTML_TAG = regex.compile(r"</?(?:html|head|body|div|p|span|a|article|section|script|style|meta|link|br|table|"
                          r"ul|li|h[1-6]|img|header|footer|nav|main)\b[^>]*>", regex.I)
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class InputError(Exception):
    """The input cannot be cleaned; the message says why, in one line."""


@dataclass
class Decoded:
    text: str
    encoding: str
    is_html: bool = False
    gzipped: bool = False
    warnings: List[str] = field(default_factory=list)


def decode(data: bytes, input_format: str = "auto", max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """Bytes to text, with the encoding and the format found; see the module doc."""
    gzipped = False
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data, max_bytes)
        gzipped = True
    if len(data) > max_bytes:
        raise InputError(f"input is {len(data):,} bytes, over the limit of {max_bytes:,} (--max-bytes)")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"not text or HTML: looks like a {what}")
    warnings: List[str] = []
    text, encoding = _decode_bytes(data, input_format, warnings)
    if text and len(_CONTROL.findall(text[:100_000])) > CONTROL_SHARE * min(len(text), 100_000):
        raise InputError("not text or HTML: binary data (control characters or NUL bytes)")
    if input_format == "auto":
        is_html = looks_like_html(text)
    else:
        is_html = input_format == "html"
    return Decoded(text, encoding, is_html, gzipped, warnings)


def looks_like_html(text: str) -> bool:
    """HTML by content: a document start tag, or markup dense at the start.

    >>> looks_like_html("<!DOCTYPE html><p>x</p>"), looks_like_html("Use <b> for bold in HTML.")
    (True, False)
    """
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    tags = _HTML_TAG.findall(head)
    return len(tags) >= 5 and sum(len(t) for t in tags) > 0.1 * len(head.strip())


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, max_bytes + 1)
    except zlib.error as e:
        raise InputError(f"broken gzip data: {e}") from None
    if len(out) > max_bytes:
        raise InputError(f"gzip input expands past the limit of {max_bytes:,} bytes (--max-bytes)")
    if not d.eof:
        try:
            gzip.decompress(data)  # tells a truncated stream from a merely unfinished one
        except (EOFError, OSError) as e:
            raise InputError(f"broken gzip data: {e}") from None
    return out


def _decode_bytes(data: bytes, input_format: str, warnings: List[str]):
    for bom, codec in _BOMS:
        if data.startswith(bom):
            name = "utf-8" if codec == "utf-8-sig" else codec
            try:
                return data.decode(codec), f"{name} (BOM)"
            except UnicodeDecodeError:
                warnings.append(f"{name} byte-order mark but invalid {name}: undecodable bytes replaced")
                return data.decode(codec, errors="replace"), f"{name} (BOM, with replacements)"
    if b"\x00" in data[:65536]:
        raise InputError("not text or HTML: NUL bytes")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    broken = _broken_utf8_share(data)
    if broken is not None and broken <= UTF8_BROKEN_SHARE:
        warnings.append("invalid UTF-8 bytes replaced with U+FFFD")
        return data.decode("utf-8", errors="replace"), "utf-8 (with replacements)"
    declared = _declared_charset(data) if input_format != "text" else None
    if declared:
        try:
            return data.decode(declared), f"{declared} (declared)"
        except (LookupError, UnicodeDecodeError):
            pass
    western = _plausible_cp1252(data)
    if western:
        return western, "windows-1252"
    detected = _detect(data)
    if detected:
        return data.decode(detected), f"{detected} (detected)"
    try:
        return data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError:
        warnings.append("no encoding fits every byte: decoded as windows-1252 with replacements")
        return data.decode("cp1252", errors="replace"), "windows-1252 (with replacements)"


def _broken_utf8_share(data: bytes) -> Optional[float]:
    """Share of broken sequences among non-ASCII ones, or None without valid multi-byte UTF-8."""
    valid = len(regex.findall(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}", data))
    if not valid:
        return None
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    return broken / (valid + broken)


def _declared_charset(data: bytes) -> Optional[str]:
    m = _META_CHARSET.search(data[:8192])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    try:
        name = codecs.lookup(name).name
    except LookupError:
        return None
    # Pages that say iso-8859-1 are in practice windows-1252 (the WHATWG rule).
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def _plausible_cp1252(data: bytes) -> Optional[str]:
    """The windows-1252 reading when it gives Western-European letters and punctuation only."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    odd = regex.findall(r"[^\x00-\x7f\p{Latin}’‘“”„–—…€•·«»°§©®™×\u00a0\u00a1-\u00bf]", text)
    if odd:
        return None
    # Western text has its accented letters inside ASCII words; CJK bytes read
    # as windows-1252 come out as long runs of accented letters.
    non_ascii = sum(1 for c in text if ord(c) > 127)
    runs = sum(len(r) for r in regex.findall(r"[^\x00-\x7f\s]{3,}", text))
    return text if runs <= 0.05 * non_ascii else None


def _detect(data: bytes) -> Optional[str]:
    from charset_normalizer import from_bytes  # only for bytes that are not UTF-8

    best = from_bytes(data[:200_000]).best()
    if best is None:
        return None
    try:
        data.decode(best.encoding)
    except (LookupError, UnicodeDecodeError):
        return None
    return best.encoding

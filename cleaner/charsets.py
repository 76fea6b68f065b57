"""Bytes that are not UTF-8 (and carry no byte-order mark): which encoding they are in.

Step 3 of :mod:`cleaner.ingest`'s order after strict UTF-8 failed: UTF-8 with
a few broken bytes, a ``<meta charset>``, windows-1252 when it reads as
Western-European text, charset detection, windows-1252 with replacements;
UTF-16 without a byte-order mark; and a charset named outside the bytes (a
WARC record's HTTP header, :func:`transcode`). Split from :mod:`cleaner.ingest`
so that UTF-8 input, nearly all of it, neither compiles nor imports this
(issue 14: start-up).
"""
from __future__ import annotations

import codecs
from typing import List, Optional, Tuple

import regex

from .ingest import SAMPLE_CHARS, InputError, _s
from .patterns import lazy_pattern

#: Input that is not valid UTF-8 is still read as UTF-8 when its broken byte
#: sequences are at most this share of its non-ASCII ones: text in another
#: encoding almost never forms valid multi-byte UTF-8 sequences by chance, so
#: a file with as many valid sequences as broken ones is UTF-8 with damage.
UTF8_BROKEN_SHARE = 0.5
#: Windows-1252 leaves five bytes undefined (81 8D 8F 90 9D). Text has at
#: most a stray one; bytes whose best reading needs more than this share of
#: them replaced fit no text encoding.
UNDEFINED_SHARE = 0.005
#: The patterns below are compiled on first use (:func:`~cleaner.patterns.lazy_pattern`).
_META_CHARSET = lazy_pattern(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", regex.I)
#: Characters a windows-1252 reading of Western-European text is made of, besides ASCII and letters.
_TYPOGRAPHY = "’‘“”„‚–—…€•·«»‹›°§©®™×÷¶†‡‰"
_WESTERN = _TYPOGRAPHY + "\u00a0\u00a1-\u00bf"
_NOT_WESTERN = lazy_pattern(rf"[^\x00-\x7f\p{{Latin}}{_WESTERN}\ufffd]")
_ACCENT_RUN = lazy_pattern(r"[^\x00-\x7f\s]{3,}")


def legacy_decode(data: bytes, input_format: str, warnings: List[str]) -> Tuple[str, str]:
    """The text and the encoding (as ``--explain`` shows it) of ``data``, which is not strict UTF-8.

    >>> legacy_decode("Caf\\xe9 au lait".encode("cp1252"), "auto", [])
    ('Café au lait', 'windows-1252')
    """
    repaired = _damaged_utf8(data, warnings)
    if repaired is not None:
        return repaired
    declared = _declared_charset(data) if input_format != "text" else None
    if declared:
        try:
            return data.decode(declared), f"{declared} (declared)"
        except (LookupError, UnicodeDecodeError):
            pass
    western = _plausible_cp1252(data, warnings)
    if western is not None:
        return western
    detected = _detect(data)
    if detected:
        return data.decode(detected), f"{detected} (detected)"
    text, undefined = _read_cp1252(data)
    if _too_undefined(undefined, data):
        raise InputError(f"not text or HTML: no text encoding fits ({undefined:,} bytes undefined even in "
                         "windows-1252)")
    if undefined:
        warnings.append(f"no encoding fits every byte: {undefined:,} bytes replaced with U+FFFD")
        return text, "windows-1252 (with replacements)"
    return text, "windows-1252"


def _utf16_without_bom(data: bytes) -> Optional[str]:
    """``utf-16-le``/``utf-16-be`` when the NUL bytes are the high bytes of mostly-ASCII UTF-16.

    >>> _utf16_without_bom("Hello, world".encode("utf-16-le")), _utf16_without_bom(b"a\\x00b\\x00\\x00\\x00c")
    ('utf-16-le', None)
    """
    sample = data[:65536]
    if len(data) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    # ASCII text in UTF-16: one byte of every pair is NUL, the other almost never.
    for codec, zeros, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros >= 0.5 * half and others <= 0.01 * half:
            try:
                data.decode(codec)
            except UnicodeDecodeError:
                return None
            return codec
    return None


def _cp1252_or_replace(error: UnicodeDecodeError):
    """Codec error handler: a lone broken UTF-8 byte that is a windows-1252 letter or quote is one.

    "na\\xefve" in a UTF-8 file is "naïve" typed on a windows-1252 system; a
    truncated multi-byte sequence, or a byte that reads as nothing sensible,
    becomes U+FFFD.
    """
    bad = error.object[error.start:error.end]
    if len(bad) == 1:
        ch = bad.decode("cp1252", errors="replace")
        if ch.isalpha() or ch in _TYPOGRAPHY:
            return ch, error.end
    return "\ufffd", error.end


codecs.register_error("cleaner.cp1252-or-replace", _cp1252_or_replace)


def _damaged_utf8(data: bytes, warnings: List[str]) -> Optional[Tuple[str, str]]:
    """UTF-8 with some broken bytes, or ``None`` when the bytes are in another encoding.

    It is UTF-8 when it has valid multi-byte sequences and either few broken
    ones (:data:`UTF8_BROKEN_SHARE`) or, with each broken byte read as
    windows-1252, it reads as Western text (a UTF-8 file with windows-1252
    lines pasted in).

    >>> w = []
    >>> _damaged_utf8("é ü “ok”".encode("utf-8") + b" \\xe2\\x80!", w)
    ('é ü “ok” \\ufffd!', 'utf-8 (1 sequence replaced)')
    >>> w
    ['1 invalid UTF-8 sequence replaced with U+FFFD']
    >>> _damaged_utf8("“Déjà vu” à côté, naïve".encode("utf-8")[:10] + "à côté, naïve".encode("cp1252"), [])[0]
    '“Déjà à côté, naïve'
    """
    genuine = data.count(_REPLACEMENT_BYTES)
    replaced = data.decode("utf-8", errors="replace")
    broken = replaced.count("\ufffd") - genuine
    non_ascii = len(replaced) - len(replaced.encode("ascii", errors="ignore"))
    valid = non_ascii - broken
    if valid <= 0:
        return None
    text = data.decode("utf-8", errors="cleaner.cp1252-or-replace")
    if broken > UTF8_BROKEN_SHARE * (valid + broken) and not _looks_western(text):
        return None
    still = text.count("\ufffd") - genuine
    read = broken - still
    notes = []
    if read:
        warnings.append(f"{read:,} invalid UTF-8 byte{_s(read)} read as windows-1252")
        notes.append(f"{read:,} byte{_s(read)} read as windows-1252")
    if still:
        warnings.append(f"{still:,} invalid UTF-8 sequence{_s(still)} replaced with U+FFFD")
        notes.append(f"{still:,} sequence{_s(still)} replaced")
    return text, f"utf-8 ({', '.join(notes)})"


def _declared_charset(data: bytes) -> Optional[str]:
    m = _META_CHARSET.search(data[:8192])
    if not m:
        return None
    return _web_codec(m.group(1).decode("ascii", "ignore").lower())


def _web_codec(charset: str) -> Optional[str]:
    """The codec a page's ``charset`` names, or ``None`` when Python has none.
    Pages that say iso-8859-1 are in practice windows-1252 (the WHATWG rule).

    >>> _web_codec("ISO-8859-1"), _web_codec("windows-1251"), _web_codec("x-unknown")
    ('cp1252', 'cp1251', None)
    """
    try:
        name = codecs.lookup(charset).name
    except LookupError:
        return None
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def _plausible_cp1252(data: bytes, warnings: List[str]) -> Optional[Tuple[str, str]]:
    """The windows-1252 reading when it gives Western-European text.

    Latin-1 text reads the same (windows-1252 only adds characters in 80-9F,
    where latin-1 has invisible controls). A stray undefined byte becomes U+FFFD.

    >>> _plausible_cp1252("Größe: 5 €, “très” naïve".encode("cp1252"), [])
    ('Größe: 5 €, “très” naïve', 'windows-1252')
    >>> _plausible_cp1252("日本語のテキスト".encode("shift_jis"), []) is None
    True
    """
    text, undefined = _read_cp1252(data)
    if _too_undefined(undefined, data) or not _looks_western(text):
        return None
    if undefined:
        warnings.append(f"{undefined:,} byte{_s(undefined)} undefined in windows-1252 replaced with U+FFFD")
        return text, "windows-1252 (with replacements)"
    return text, "windows-1252"


#: U+FFFD as UTF-8: a replacement character that was in the input, not put there by decoding.
_REPLACEMENT_BYTES = "\ufffd".encode("utf-8")


def _read_cp1252(data: bytes) -> Tuple[str, int]:
    """The windows-1252 reading of ``data`` and how many of its bytes that leaves
    undefined (each became U+FFFD).

    >>> _read_cp1252(b"caf\\xe9 \\x81")
    ('café \\ufffd', 1)
    """
    text = data.decode("cp1252", errors="replace")
    return text, text.count("\ufffd") - data.count(_REPLACEMENT_BYTES)


def _too_undefined(undefined: int, data: bytes) -> bool:
    """More undefined bytes than text has (:data:`UNDEFINED_SHARE`): not a windows-1252 text."""
    return undefined > max(1.0, UNDEFINED_SHARE * len(data))


def _looks_western(text: str) -> bool:
    """Latin letters, Western punctuation, and accented letters inside ASCII words.

    CJK or Cyrillic bytes read as windows-1252 come out as symbols, or as long
    runs of accented letters ("Ïðèâåò").

    >>> _looks_western("Größe: 5 €, “très”"), _looks_western("Ïðèâåò ìèð")
    (True, False)
    """
    sample = text[:SAMPLE_CHARS]
    if _NOT_WESTERN.search(sample):
        return False
    non_ascii = len(sample) - len(sample.encode("ascii", errors="ignore"))
    runs = sum(len(r) for r in _ACCENT_RUN.findall(sample))
    return runs <= 0.05 * non_ascii


def _detect(data: bytes) -> Optional[str]:
    """charset-normalizer's reading; among equally clean ones, an encoding web pages use.

    >>> _detect(("Правительство утвердило бюджет после долгих дебатов. " * 3).encode("cp1251"))
    'cp1251'
    """
    from charset_normalizer import from_bytes  # only for bytes that are not UTF-8

    matches = [m for m in from_bytes(data[:200_000]) if _decodes(data, m.encoding)]
    if not matches:
        return None
    cleanest = min(m.chaos for m in matches)
    for m in matches:
        if m.chaos <= cleanest and _codec(m.encoding) in _web_codecs():
            return m.encoding
    return matches[0].encoding


#: The legacy encodings of the WHATWG Encoding Standard: what web pages are
#: written in. A detector often rates a rare code page (mac_cyrillic, cp775)
#: as clean as the common one; the common one is then right.
WEB_ENCODINGS = (
    "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "cp874",
    "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-5", "iso8859-6", "iso8859-7", "iso8859-8", "iso8859-10",
    "iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16", "koi8-r", "koi8-u", "ibm866", "tis-620",
    "gb18030", "gbk", "big5", "big5hkscs", "euc_jp", "iso2022_jp", "shift_jis", "cp932", "euc_kr", "cp949",
)


def _codec(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


_WEB_CODECS: Optional[frozenset] = None


def _web_codecs() -> frozenset:
    """The codec names of :data:`WEB_ENCODINGS`, looked up on first use: each look-up
    imports its codec module (about 35 of them), which plain text never needs."""
    global _WEB_CODECS
    if _WEB_CODECS is None:
        _WEB_CODECS = frozenset(_codec(n) for n in WEB_ENCODINGS)
    return _WEB_CODECS


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return False
    return True


def transcode(data: bytes, charset: str) -> Tuple[bytes, Optional[str]]:
    """Bytes in ``charset`` as UTF-8, when the hint is needed and fits; else the bytes as they are.

    Bytes that are UTF-8, start with a byte-order mark or are gzip are read
    as usual (a header that says latin-1 over UTF-8 bytes is common and
    wrong). Pages that say iso-8859-1 are read as windows-1252 (the WHATWG rule).

    >>> transcode("Привет".encode("cp1251"), "windows-1251")
    (b'\\xd0\\x9f\\xd1\\x80\\xd0\\xb8\\xd0\\xb2\\xd0\\xb5\\xd1\\x82', 'windows-1251 (HTTP header)')
    >>> transcode("Café".encode("utf-8"), "iso-8859-1")
    (b'Caf\\xc3\\xa9', None)
    """
    if data[:2] == b"\x1f\x8b" or data[:3] == codecs.BOM_UTF8 or data[:2] in (codecs.BOM_UTF16_LE,
                                                                            codecs.BOM_UTF16_BE):
        return data, None
    try:
        data.decode("utf-8")
        return data, None
    except UnicodeDecodeError:
        pass
    name = _web_codec(charset)
    if name is None:
        return data, None
    try:
        text = data.decode(name)
    except UnicodeDecodeError:
        return data, None
    shown = "windows-1252" if name == "cp1252" else charset
    return text.encode("utf-8"), f"{shown} (HTTP header)"

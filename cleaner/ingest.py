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
"""
from __future__ import annotations

import codecs
import zlib
from dataclasses import dataclass, field
from typing import List, NamedTuple, Optional, Tuple

import regex

from .patterns import lazy_pattern

#: Inputs larger than this (after decompression) are refused; ``--max-bytes`` changes it.
#: A news page is well under 5 MB; cleaning takes at its peak about 10 times the
#: input in memory for text (20 MB: 194 MB, benchmarks/speed.py, 2026-11-30) and
#: 30 times for HTML (benchmarks/scaling.py), so 64 MiB keeps one input under
#: 1-2 GB while a 50 MB dump still goes through.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
#: Input that is not valid UTF-8 is still read as UTF-8 when its broken byte
#: sequences are at most this share of its non-ASCII ones: text in another
#: encoding almost never forms valid multi-byte UTF-8 sequences by chance, so
#: a file with as many valid sequences as broken ones is UTF-8 with damage.
UTF8_BROKEN_SHARE = 0.5
#: Share of control characters (other than tab, newline, CR, form feed),
#: unassigned and private-use code points and replacement characters above which decoded
#: "text" is really binary data. Text has next to none of them.
JUNK_SHARE = 0.05
#: Windows-1252 leaves five bytes undefined (81 8D 8F 90 9D). Text has at
#: most a stray one; bytes whose best reading needs more than this share of
#: them replaced fit no text encoding.
UNDEFINED_SHARE = 0.005
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
#: Input is HTML when markup (tags, comments, scripts and styles) makes up at
#: least this share of its first :data:`SAMPLE_CHARS` characters: "most of the
#: bytes". On the development sets the texts hold at most 4%.
MARKUP_MOST = 0.5
#: ... unless the markup sits on at most this share of the non-blank lines: a
#: text with one long line of raw markup in it (an inline ``data:`` image of
#: 20 kB) is still a text. The development HTML pages have markup on 30% of
#: their lines or more (most on nearly all).
FEW_MARKUP_LINES = 0.25
#: A doctype or ``<html>``/``<head>``/``<body>`` tag that starts a line but not
#: the input (an HTTP header or a stray line above it) makes a document when
#: markup is at least this share: ten times what any development text holds.
#: A text quoting an HTML example has far less.
DOCUMENT_MARKUP_SHARE = 0.2
#: An HTML fragment without document tags ("<p>One</p>\n<p>Two</p>"): at least
#: this many tags, on at least :data:`FRAGMENT_LINE_SHARE` of the non-blank
#: lines. A text with a few raw HTML lines (ad markup, a tracking pixel) has
#: them on a few of its lines (on the development texts, at most 4%).
FRAGMENT_MIN_TAGS = 5
FRAGMENT_LINE_SHARE = 0.5
#: HTML input "also reads as text" (:func:`reads_as_text`) when the lines that
#: hold no markup are at least as many as the lines that do, and carry at
#: least this many words: a scrape with some raw HTML lines, not a page of markup.
TEXT_MIN_WORDS = 10

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
# The patterns below are compiled on first use (:func:`~cleaner.patterns.lazy_pattern`): plain text
# without markup reads none of them but the binary check's, and that one only
# when it has characters beyond ASCII.
_META_CHARSET = lazy_pattern(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", regex.I)
_HTML_START = lazy_pattern(r"\A\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                            regex.I | regex.S)
#: A document tag at the start of a line: where a page has it, after an HTTP header say.
_DOCUMENT_LINE = lazy_pattern(r"^[ \t]*<(?:!doctype\s+html|html|head|body)\b", regex.I | regex.M)
#: One piece of markup: a comment, a script or style element (its content is
#: found by :func:`_markup`), a doctype, or a tag ("<b>", "</p>", "<img src=…/>").
#: Not "<3", "a < b" or "<https://example.com>" (a scheme is followed by ":").
_MARKUP = lazy_pattern(r"<(?:!--|(script|style)\b[^<>]*>|!doctype\b[^<>]*>|/?[A-Za-z][A-Za-z0-9-]*(?:[\s/][^<>]*)?>)",
                        regex.I)
#: Stands for one piece of markup in the masked sample :func:`_markup` builds.
_MASK = "\x00"
#: What text has next to none of: C0 controls other than \t \n \f \r, DEL,
#: surrogates, unassigned and private-use code points, replacement characters.
_JUNK = lazy_pattern(r"[\x00-\x08\x0b\x0e-\x1f\x7f\p{Cs}\p{Cn}\p{Co}\ufffd]")
#: Characters a windows-1252 reading of Western-European text is made of, besides ASCII and letters.
_TYPOGRAPHY = "’‘“”„‚–—…€•·«»‹›°§©®™×÷¶†‡‰"
_WESTERN = _TYPOGRAPHY + "\u00a0\u00a1-\u00bf"
_NOT_WESTERN = lazy_pattern(rf"[^\x00-\x7f\p{{Latin}}{_WESTERN}\ufffd]")
_ACCENT_RUN = lazy_pattern(r"[^\x00-\x7f\s]{3,}")


class InputError(Exception):
    """The input cannot be cleaned; the message says why, in one line."""


@dataclass
class Decoded:
    """Decoded input: the text, the encoding chosen (as ``--explain`` shows it), what was found."""

    text: str
    encoding: str
    is_html: bool = False
    gzipped: bool = False
    warnings: List[str] = field(default_factory=list)


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
    """HTML by content: a document, markup making up most of the input, or tags on most lines.

    A document starts with a doctype or an ``<html>``/``<head>``/``<body>`` tag
    (after comments or an XML declaration), or has one at the start of a line
    with markup around it (:data:`DOCUMENT_MARKUP_SHARE`). A text holding a
    few raw HTML lines (ad markup, a tracking pixel) is text.

    >>> looks_like_html("<!DOCTYPE html><p>x</p>"), looks_like_html("Use <b> for bold in HTML.")
    (True, False)
    >>> looks_like_html("<p>One</p>\\n<p>Two <b>bold</b></p>\\n<p>Three</p>")
    True
    >>> scrape = ("Council approves budget\\n" + '<noscript><img src="https://ads.example/p.gif"/></noscript>\\n' * 6
    ...           + "The council approved the budget on Monday after a long debate.\\n" * 12)
    >>> looks_like_html(scrape)
    False
    >>> looks_like_html('<noscript><img src="https://ads.example/p.gif"/></noscript>\\n' * 3
    ...                 + "Council approves budget\\n\\nThe council approved the budget on Monday.\\n\\nRates rise in April.\\n")
    False
    """
    sample = text[:SAMPLE_CHARS]
    if "<" not in sample:
        return False  # no markup: no tag, no share of markup; every test below fails, and needs no pattern
    if _HTML_START.match(text[:4096]):
        return True
    m = _markup(sample)
    lines = m.markup_lines + m.text_lines
    if m.share >= DOCUMENT_MARKUP_SHARE and _DOCUMENT_LINE.search(sample):
        return True
    if _reads_as_text(m):  # not a document, and most lines are words without markup
        return False
    if m.share >= MARKUP_MOST and m.markup_lines > FEW_MARKUP_LINES * lines:
        return True
    return m.tags >= FRAGMENT_MIN_TAGS and m.markup_lines >= FRAGMENT_LINE_SHARE * lines


def reads_as_text(text: str) -> bool:
    """True when input taken for HTML also reads as plain text: half of its
    non-blank lines or more hold no markup, and those lines carry words
    (:data:`TEXT_MIN_WORDS`). Lines inside scripts, styles and comments count
    as markup.

    ``clean()`` uses it when HTML extraction gives no body: such an input is
    cleaned as text instead, with a warning.

    >>> reads_as_text('<div><img src="x.gif"></div>\\nThe council approved the budget on Monday.\\n'
    ...               'Residents will see the new rates in April.')
    True
    >>> reads_as_text("<html><head><style>\\np { color: red }\\n</style></head>\\n<body><p>Hi</p></body></html>")
    False
    """
    return _reads_as_text(_markup(text[:SAMPLE_CHARS]))


def _reads_as_text(m) -> bool:
    return m.text_words >= TEXT_MIN_WORDS and m.text_lines >= m.markup_lines


class _Markup(NamedTuple):
    """What :func:`_markup` counts in a sample (a named tuple: a dataclass costs
    about ten times as much to define, at every start-up)."""

    share: float  # markup characters over the characters of the stripped sample
    tags: int  # pieces of markup
    markup_lines: int  # non-blank lines holding markup
    text_lines: int  # non-blank lines holding none
    text_words: int  # words on the lines holding none


def _markup(sample: str) -> _Markup:
    """Count the markup of ``sample``: tags, comments, and scripts and styles with their content.

    One left-to-right scan: an unclosed comment, script or style runs to the
    end of the sample.

    >>> m = _markup("<p>Hi <b>there</b></p>\\n<script>\\nvar a = 1;\\n</script>\\nplain words here")
    >>> m.tags, m.markup_lines, m.text_lines, m.text_words
    (5, 2, 1, 3)
    """
    low = None
    parts: List[str] = []
    markup = tags = pos = 0
    while True:
        m = _MARKUP.search(sample, pos)
        if m is None:
            break
        start, end = m.start(), m.end()
        if m.group(0) == "<!--":
            close = sample.find("-->", end)
            end = len(sample) if close < 0 else close + 3
        elif m.group(1):
            low = sample.lower() if low is None else low
            close = low.find("</" + m.group(1).lower(), end)
            gt = sample.find(">", close) if close >= 0 else -1
            end = len(sample) if gt < 0 else gt + 1
        parts.append(sample[pos:start])
        # Keep the span's line breaks, so that lines stay lines; the span is one mask character.
        parts.append(_MASK + "\n" * sample.count("\n", start, end))
        markup += end - start
        tags += 1
        pos = end
    parts.append(sample[pos:])
    markup_lines = text_lines = text_words = 0
    for line in "".join(parts).split("\n"):
        if _MASK in line:
            markup_lines += 1
        elif line.strip():
            text_lines += 1
            text_words += len(line.split())
    size = len(sample.strip()) or 1
    return _Markup(markup / size, tags, markup_lines, text_lines, text_words)


def _gunzip(data: bytes, max_bytes: int, warnings: List[str]) -> bytes:
    """Every member of a gzip file (as ``gzip -dc`` reads it), never more than ``max_bytes + 1`` bytes.

    >>> import gzip
    >>> _gunzip(gzip.compress(b"one ") + gzip.compress(b"two"), 100, [])
    b'one two'
    """
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
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return data.decode(utf16), f"{utf16} (no BOM)"
        data = _drop_nul_bytes(data, warnings)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
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


def _s(n: int) -> str:
    return "" if n == 1 else "s"


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

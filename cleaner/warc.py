"""WARC archives in: one document per HTML page, with where it came from.

A WARC file (what crawlers and Common Crawl write) is recognised by its
content, not its name (:func:`is_warc`): ``WARC/1.x`` at the start, or a gzip
member that starts so (per-record gzip, the usual ``.warc.gz``, and a whole
file gzipped at once both read). :func:`read_warc` goes through it record by
record and yields a :class:`Page` for each page to clean, a :class:`Damaged`
for each record that cannot be read; what it skips it counts in
``reader.skipped`` (by reason), never in the output.

The filter runs on headers before any payload byte is read:

1. the WARC record type: ``response`` and ``resource`` records are pages;
   ``request``, ``metadata``, ``revisit``, ``warcinfo``, ``conversion`` and
   ``continuation`` records are skipped;
2. for ``response`` records, the HTTP status line (200 by default: a 404
   page or a redirect is not an article) and the HTTP ``Content-Type``;
   for ``resource`` records, the WARC ``Content-Type``. A type that is not
   HTML (``text/html``, ``application/xhtml+xml``) is skipped; a record with
   no type at all is kept, and the cleaner reads it by content.

Then the payload is read (at most ``max_bytes``), a ``Transfer-Encoding:
chunked`` body is de-chunked and a ``Content-Encoding`` (gzip, deflate; br when
the ``brotli`` package is installed) is decoded: crawlers store bodies as the
server sent them. The HTTP header's charset goes with the page as a hint
(:class:`cleaner.cleaner.Cleaner` uses it when the bytes are not UTF-8).

A record whose block is shorter than its ``Content-Length`` (a file cut off
in transfer) is a :class:`Damaged`, reported and skipped; a record that says
``WARC-Truncated`` (the crawler stopped at a size limit) is cleaned, with its
``truncated`` field saying why. Damaged data between records (a broken gzip
member, bytes that are no record) gives one :class:`Damaged`, and reading goes
on at the next record (:func:`next_record`); in a file gzipped as a whole,
where no next record can be found, the rest of the file is skipped. The pages
before the damage stand.

The reader is FastWARC (``pip install 'article-cleaner[warc]'``): it reads
about twice as fast as warcio and reads whole-file-gzip archives; FastWARC 2
has no wheels for Python 3.9, where the extra installs warcio instead and
this module uses it (same pages, same fields). Neither is imported until an
archive is read.

>>> is_warc(b"WARC/1.1\\r\\nWARC-Type: warcinfo\\r\\n"), is_warc(b"<!doctype html>")
(True, False)
"""
from __future__ import annotations

import gzip
import os
import stat
import zlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Dict, Iterator, Optional, Tuple, Union

#: HTTP statuses of pages to clean; other responses (404 pages, redirects,
#: server errors) are skipped: their body is an error page, not an article.
DEFAULT_STATUSES = (200,)
#: Media types read as pages; a response without a Content-Type is read too
#: (the cleaner recognises HTML by content).
HTML_TYPES = ("text/html", "application/xhtml+xml")
#: Record types holding pages.
PAGE_RECORDS = ("response", "resource")
#: Longest HTTP header block read before giving up on a record (bytes):
#: real headers are a few kilobytes.
MAX_HTTP_HEADER_BYTES = 64 * 1024
#: Bytes read from the start of a file to recognise a WARC.
SNIFF_BYTES = 64


@dataclass
class Page:
    """One page from an archive: payload bytes (decoded), URL, charset hint, provenance."""

    url: Optional[str]
    data: bytes
    charset: Optional[str]
    meta: Dict[str, Any]


@dataclass
class Damaged:
    """A record that could not be read: what and where."""

    message: str
    meta: Dict[str, Any]
    url: Optional[str] = None


def is_warc(head: bytes) -> bool:
    """Whether bytes from the start of a file are a WARC (plain or gzip).

    >>> import gzip
    >>> is_warc(gzip.compress(b"WARC/1.0\\r\\n")), is_warc(gzip.compress(b"<html>"))
    (True, False)
    """
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
        except zlib.error:
            return False
    return head[:6] in (b"WARC/1", b"WARC/0")


def sniff(path: str) -> bool:
    """Whether the file at ``path`` is a WARC (False when it cannot be read: the cleaner reports that).

    Only regular files are looked at; a WARC arriving through a pipe needs
    ``--input-format warc``.
    """
    if path == "-":
        return False
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False  # a pipe (<(…), a FIFO) would lose the bytes read here
        with open(path, "rb") as f:
            head = f.read(SNIFF_BYTES)
            if head[:2] == b"\x1f\x8b":
                head += f.read(4096)  # enough gzip data for the first bytes of the member
    except OSError:
        return False
    return is_warc(head)


class WarcError(Exception):
    """No WARC reader is installed."""


def backend() -> str:
    """``fastwarc``, else ``warcio``: the reader installed."""
    try:
        import fastwarc.warc  # noqa: F401
        return "fastwarc"
    except ImportError:
        pass
    try:
        import warcio  # noqa: F401
        return "warcio"
    except ImportError:
        raise WarcError("reading WARC archives needs FastWARC (or warcio): "
                        "pip install 'article-cleaner[warc]'") from None


class WarcReader:
    """Iterate the pages of one archive; ``skipped`` counts records left out, by reason.

    ``statuses``: HTTP statuses kept. A payload larger than ``max_bytes``
    is reported (a :class:`Damaged`), not read whole.
    """

    def __init__(self, path: str, max_bytes: int, statuses=DEFAULT_STATUSES, reader: Optional[str] = None):
        self.path, self.max_bytes, self.statuses = path, max_bytes, tuple(statuses)
        self.reader = reader or backend()
        self.skipped: Counter = Counter()
        self.name = os.path.basename(path)

    def __iter__(self) -> Iterator[Union[Page, Damaged]]:
        records = _fastwarc_records if self.reader == "fastwarc" else _warcio_records
        whole = _whole_file_gzip(self.path)
        start = 0
        while True:
            last = None  # the offset of the last record started since ``start``
            try:
                for rec in records(self.path, start, whole):
                    last = rec.offset
                    item = self._page(rec)
                    if item is not None:
                        yield item
                return
            except (OSError, ValueError, EOFError, zlib.error, _WarcioError) as e:
                # Go on from the next record after the damage (never backwards: the
                # search starts past both the restart point and the last record started).
                failed = max(start, last if last is not None else start)
                resume = None if whole else next_record(self.path, failed + 1)
                meta = {"warc_file": self.name, "warc_offset": None if whole else failed}
                if resume is None:
                    where = "" if whole else f" after offset {failed}"
                    yield Damaged(f"archive unreadable{where}: {_brief(e)}; the rest of the file skipped", meta)
                    return
                yield Damaged(f"damaged data after offset {failed}: {_brief(e)}; skipped to the next record, at offset "
                              f"{resume}", meta)
                start = resume

    def _page(self, rec: "_Record") -> Optional[Union[Page, Damaged]]:
        kind = (rec.header("WARC-Type") or "").lower()
        if kind not in PAGE_RECORDS:
            self.skipped[kind or "untyped"] += 1
            return None
        url = rec.header("WARC-Target-URI")
        meta = {"warc_file": self.name, "warc_record_id": rec.header("WARC-Record-ID"),
                "warc_date": rec.header("WARC-Date"), "warc_offset": rec.offset,
                "truncated": rec.header("WARC-Truncated")}
        length = rec.length
        read = 0
        headers: Dict[str, str] = {}
        if kind == "response" and _is_http(rec.header("Content-Type")):
            head = _read_head(rec.stream)
            read += len(head)
            if not head.endswith(b"\r\n\r\n") and not head.endswith(b"\n\n"):
                if read < length:
                    return Damaged("HTTP headers too long or broken; skipped", meta, url)
                return Damaged(f"record truncated: {read:,} of {length:,} bytes; skipped", meta, url)
            status, headers = parse_http_head(head)
            if status not in self.statuses:
                self.skipped[f"HTTP {status}"] += 1
                return None
            media = headers.get("content-type")
        else:
            media = rec.header("Content-Type")
        if media and _media_type(media) not in HTML_TYPES:
            self.skipped["not HTML"] += 1
            return None
        body = rec.stream.read(self.max_bytes + 1)
        read += len(body)
        if len(body) > self.max_bytes:
            return Damaged(f"payload over the limit of {self.max_bytes:,} bytes (--max-bytes); skipped", meta, url)
        if read < length:
            return Damaged(f"record truncated: {read:,} of {length:,} bytes; skipped", meta, url)
        try:
            body = decode_body(body, headers, self.max_bytes)
        except ValueError as e:
            return Damaged(f"{e}; skipped", meta, url)
        return Page(url, body, charset_of(media), meta)


def _brief(error: Exception) -> str:
    """An error's message for one stderr line: printable characters only, at most 100 of them.

    >>> _brief(ValueError("Invalid WARC record, first line: \\x1f\\x8b\\x08"))
    'Invalid WARC record, first line: ???'
    """
    text = "".join(c if c.isprintable() else "?" for c in str(error))
    return text if len(text) <= 100 else text[:99] + "…"


# -- HTTP ------------------------------------------------------------------------
def _is_http(content_type: Optional[str]) -> bool:
    return content_type is None or "application/http" in content_type.lower()


def _media_type(value: str) -> str:
    return value.split(";", 1)[0].strip().lower()


def charset_of(content_type: Optional[str]) -> Optional[str]:
    """The ``charset`` parameter of a Content-Type, lower case.

    >>> charset_of('text/html; Charset="Windows-1251"'), charset_of("text/html")
    ('windows-1251', None)
    """
    if not content_type:
        return None
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            value = value.strip().strip("\"'").strip().lower()
            return value or None
    return None


def _read_head(stream) -> bytes:
    lines = []
    size = 0
    while size < MAX_HTTP_HEADER_BYTES:
        line = stream.readline()
        if not line:
            break
        lines.append(line)
        size += len(line)
        if line in (b"\r\n", b"\n") and len(lines) > 1:
            break
    return b"".join(lines)


def parse_http_head(head: bytes) -> Tuple[Optional[int], Dict[str, str]]:
    """The status and the headers (lower-case names; a repeated header's last value) of an HTTP response head.

    >>> parse_http_head(b"HTTP/1.1 404 Not Found\\r\\nContent-Type: text/html\\r\\n\\r\\n")
    (404, {'content-type': 'text/html'})
    """
    lines = head.decode("latin-1").splitlines()
    status = None
    parts = lines[0].split(None, 2) if lines else []
    if len(parts) >= 2 and parts[1].isdigit():
        status = int(parts[1])
    headers = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    return status, headers


def decode_body(body: bytes, headers: Dict[str, str], max_bytes: int) -> bytes:
    """The payload as the page's bytes: de-chunked, then Content-Encoding undone (ValueError if broken).

    >>> decode_body(gzip.compress(b"<p>hi</p>"), {"content-encoding": "gzip"}, 100)
    b'<p>hi</p>'
    >>> decode_body(b"4\\r\\n<p>h\\r\\n5\\r\\ni</p>\\r\\n0\\r\\n\\r\\n", {"transfer-encoding": "chunked"}, 100)
    b'<p>hi</p>'
    """
    if "chunked" in headers.get("transfer-encoding", "").lower() and _looks_chunked(body):
        body = _dechunk(body)
    codings = [c.strip().lower() for c in headers.get("content-encoding", "").split(",") if c.strip()]
    for coding in reversed(codings):
        if coding in ("identity", "none"):
            continue
        if body[:2] != b"\x1f\x8b" and coding in ("gzip", "x-gzip"):
            continue  # already decoded by the crawler, the header kept as sent
        body = _undo(body, coding, max_bytes)
    return body


def _undo(body: bytes, coding: str, max_bytes: int) -> bytes:
    if coding in ("gzip", "x-gzip", "deflate"):
        modes = (16 + zlib.MAX_WBITS,) if coding != "deflate" else (zlib.MAX_WBITS, -zlib.MAX_WBITS)
        for wbits in modes:
            d = zlib.decompressobj(wbits)
            try:
                out = d.decompress(body, max_bytes + 1)
            except zlib.error:
                continue
            if len(out) > max_bytes:
                raise ValueError(f"{coding} body expands past the limit of {max_bytes:,} bytes (--max-bytes)")
            return out
        raise ValueError(f"broken {coding} body")
    if coding == "br":
        try:
            import brotli
        except ImportError:
            raise ValueError("brotli-compressed body (pip install brotli to read it)") from None
        try:
            out = brotli.decompress(body)
        except brotli.error as e:
            raise ValueError(f"broken br body: {e}") from None
        if len(out) > max_bytes:
            raise ValueError(f"br body expands past the limit of {max_bytes:,} bytes (--max-bytes)")
        return out
    raise ValueError(f"unknown Content-Encoding {coding!r}")


def _looks_chunked(body: bytes) -> bool:
    line = body[:20].split(b"\r\n", 1)[0].split(b";", 1)[0].strip()
    return bool(line) and all(c in b"0123456789abcdefABCDEF" for c in line)


def _dechunk(body: bytes) -> bytes:
    out = bytearray()
    pos = 0
    while pos < len(body):
        end = body.find(b"\r\n", pos)
        if end < 0:
            break
        try:
            size = int(body[pos:end].split(b";", 1)[0].strip() or b"0", 16)
        except ValueError:
            raise ValueError("broken chunked body") from None
        if size == 0:
            break
        out += body[end + 2:end + 2 + size]
        pos = end + 2 + size + 2
    return bytes(out)


# -- the two readers -----------------------------------------------------------------
@dataclass
class _Record:
    """A record as both readers give it: headers, block length, offset, and the block's stream."""

    headers: Any
    length: int
    offset: Optional[int]
    stream: Any
    get: Any = field(default=None, repr=False)

    def header(self, name: str) -> Optional[str]:
        value = self.get(self.headers, name)
        return value if value else None


class _WarcioError(Exception):
    pass


def next_record(path: str, position: int) -> Optional[int]:
    """The offset of the first record that starts at or after ``position``, or None.

    In a per-record gzip file, a gzip member whose data starts with
    ``WARC/``; in a plain file, a ``WARC/1.x`` line. Used to go on reading
    after a damaged record.
    """
    gz = False
    with open(path, "rb") as f:
        gz = f.read(2) == b"\x1f\x8b"
        magic = b"\x1f\x8b\x08" if gz else b"WARC/1."
        block_size = 1 << 20
        pos = position
        while True:
            f.seek(pos)
            block = f.read(block_size + 4096)  # the overlap: a member's first bytes, read whole
            if len(block) < len(magic):
                return None
            i = block.find(magic)
            while 0 <= i < block_size:
                if not gz or is_warc(block[i:i + 4096]):
                    return pos + i
                i = block.find(magic, i + 1)
            if len(block) <= block_size:
                return None
            pos += block_size


def _fastwarc_records(path: str, start: int = 0, whole: bool = False) -> Iterator[_Record]:
    from fastwarc.warc import ArchiveIterator

    def get(headers, name):
        return headers.get(name)

    with open(path, "rb") as f:
        f.seek(start)
        # parse_http=False: the block is read here, so its length can be checked (truncation).
        for rec in ArchiveIterator(f, parse_http=False, auto_decode="none"):
            yield _Record(rec.headers, rec.content_length, None if whole else rec.stream_pos, rec.reader, get)


def _warcio_records(path: str, start: int = 0, whole: bool = False) -> Iterator[_Record]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    def get(headers, name):
        return headers.get_header(name)

    with open(path, "rb") as f:
        stream = f
        if whole:
            stream = gzip.open(path, "rb")  # warcio reads per-record gzip only
        f.seek(start)
        try:
            it = ArchiveIterator(stream, no_record_parse=True)
            for rec in it:
                offset = None if whole else it.offset  # where this record starts (get_record_offset reads it all)
                yield _Record(rec.rec_headers, rec.length or 0, offset, _Lines(rec.raw_stream), get)
        except ArchiveLoadFailed as e:
            raise _WarcioError(str(e)) from None
        finally:
            if stream is not f:
                stream.close()


class _Lines:
    """``readline`` over a stream that only reads well (warcio's block reader)."""

    def __init__(self, stream):
        self.stream, self.buffer = stream, b""

    def readline(self) -> bytes:
        while b"\n" not in self.buffer:
            block = self.stream.read(4096)
            if not block:
                break
            self.buffer += block
        end = self.buffer.find(b"\n") + 1 or len(self.buffer)
        line, self.buffer = self.buffer[:end], self.buffer[end:]
        return line

    def read(self, size: int) -> bytes:
        out, self.buffer = self.buffer[:size], self.buffer[size:]
        while len(out) < size:
            block = self.stream.read(size - len(out))
            if not block:
                break
            out += block
        return out


def _whole_file_gzip(path: str) -> bool:
    """Whether the first gzip member holds more than one record (a file gzipped as a whole).

    The offset of a record in such a file is meaningless (nobody can seek
    to it), so it is left out (``warc_offset`` null).
    """
    with open(path, "rb") as f:
        if f.read(2) != b"\x1f\x8b":
            return False
        f.seek(0)
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        seen = b""
        while not d.eof:
            block = f.read(65536)
            if not block:
                break
            seen += d.decompress(block, 1 << 20)
            if b"\r\n\r\nWARC/1." in seen or len(seen) >= 1 << 20:
                return b"\r\n\r\nWARC/1." in seen
        return False

"""Small WARC archives built by hand for the tests (no WARC library needed to write them).

:func:`archive` gives the bytes of an archive holding one record of every
kind the reader must tell apart; its pages are our own short articles.
"""
from __future__ import annotations

import gzip
import uuid
import zlib
from typing import List, Optional, Tuple

STORY = (
    "<!doctype html><html><head><meta charset='{meta}'><title>{title}</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
    "<article><h1>{title}</h1><p>By Jane Smith</p>"
    "<p>{body} The council met on Monday evening and voted after a long debate about roads, "
    "schools and the library, which residents had asked to keep open on Sundays.</p>"
    "<p>The mayor said the decision would protect services for years, while members of the "
    "opposition said they would ask for a public vote before the new rates take effect.</p>"
    "</article><footer>Advertisement</footer></body></html>"
)


def page(title: str, body: str, meta: str = "utf-8") -> str:
    return STORY.format(title=title, body=body, meta=meta)


def record(kind: str, url: Optional[str], block: bytes, content_type: Optional[str] = None,
           extra: Tuple[Tuple[str, str], ...] = (), length: Optional[int] = None) -> bytes:
    """One WARC record's bytes; ``length`` overrides Content-Length (to fake a cut-off block)."""
    ident = uuid.UUID(int=len(block) * 1000 + zlib.crc32((url or "").encode("ascii")) % 997)
    head = [f"WARC-Type: {kind}", f"WARC-Record-ID: <urn:uuid:{ident}>",
            "WARC-Date: 2024-05-01T10:00:00Z"]
    if url:
        head.append(f"WARC-Target-URI: {url}")
    if content_type:
        head.append(f"Content-Type: {content_type}")
    head += [f"{k}: {v}" for k, v in extra]
    head.append(f"Content-Length: {len(block) if length is None else length}")
    return ("WARC/1.1\r\n" + "\r\n".join(head) + "\r\n\r\n").encode("ascii") + block + b"\r\n\r\n"


def response(url: str, body: bytes, status: str = "200 OK", headers: Tuple[str, ...] = ("Content-Type: text/html",),
             extra: Tuple[Tuple[str, str], ...] = ()) -> bytes:
    http = ("HTTP/1.1 " + status + "\r\n" + "".join(h + "\r\n" for h in headers) + "\r\n").encode("latin-1")
    return record("response", url, http + body, "application/http; msgtype=response", extra)


def kinds() -> List[Tuple[str, bytes]]:
    """(name, record) for one record of each kind, in archive order."""
    cyrillic = page("Совет утвердил бюджет", "Городской совет утвердил бюджет после долгих дебатов.", meta="x")
    return [
        ("warcinfo", record("warcinfo", None, b"software: hand\r\n", "application/warc-fields")),
        ("request", record("request", "https://news.example.org/a", b"GET /a HTTP/1.1\r\nHost: x\r\n\r\n",
                           "application/http; msgtype=request")),
        ("page-a", response("https://news.example.org/a",
                            page("Council approves budget", "The budget passed.").encode("utf-8"))),
        ("metadata", record("metadata", "https://news.example.org/a", b"fetchTimeMs: 12\r\n",
                            "application/warc-fields")),
        ("image", response("https://news.example.org/logo.png", b"\x89PNG\r\n\x1a\n....",
                           headers=("Content-Type: image/png",))),
        ("404", response("https://news.example.org/missing",
                         page("Not found", "Nothing here.").encode("utf-8"), status="404 Not Found")),
        ("revisit", record("revisit", "https://news.example.org/a", b"HTTP/1.1 304 Not Modified\r\n\r\n",
                           "application/http; msgtype=response",
                           (("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"),))),
        ("page-gzip", response("https://other.example.net/b",
                               gzip.compress(page("Library stays open", "The library stays open.").encode("utf-8")),
                               headers=("Content-Type: text/html; charset=utf-8", "Content-Encoding: gzip"),
                               extra=(("WARC-Truncated", "length"),))),
        ("page-cp1251", response("https://third.example.com/c", cyrillic.encode("cp1251"),
                                 headers=("Content-Type: text/html; charset=windows-1251",))),
        ("resource", record("resource", "https://files.example.org/d.html",
                            page("Roads to be repaired", "The roads will be repaired.").encode("utf-8"),
                            "text/html")),
    ]


def archive(compress: str = "record", truncate_tail: bool = False) -> bytes:
    """The records of :func:`kinds` as an archive: ``compress`` is none, record (per-record gzip) or file.

    ``truncate_tail`` adds one more page record whose block is cut off (the file ends inside it).
    """
    records = [r for _, r in kinds()]
    if truncate_tail:
        last = response("https://news.example.org/e", page("Cut off", "This one is cut.").encode("utf-8"))
        records.append(last[:len(last) // 2])
    if compress == "record":
        return b"".join(gzip.compress(r) for r in records)
    if compress == "file":
        return gzip.compress(b"".join(records))
    return b"".join(records)


def site_archive(host: str, words=("early", "late", "loaded", "empty", "damaged")) -> bytes:
    """Pages of one site (one per word), per-record gzip: what ``learn`` needs (4 pages or more)."""
    return b"".join(gzip.compress(response(f"https://{host}/{i}",
                                           page(f"Story {word} from the harbour", f"Boats came in {word}.")
                                           .encode("utf-8")))
                    for i, word in enumerate(words))

"""WARC archives and JSONL documents in: which records become pages, with what, and what is reported.

The archives are built by hand (tests/warc_builder.py): one record of every
kind the reader must tell apart, our own short pages.
"""
from __future__ import annotations

import gzip
import importlib.util
import json
import pickle
import threading

import pytest
import warc_builder as wb
from conftest import run_cli

from cleaner.cleaner import Cleaner
from cleaner.pipeline import DocumentTimeout

#: The WARC readers installed: FastWARC, and warcio (the reader on Python 3.9); each is tested.
READERS = [name for name in ("fastwarc", "warcio") if importlib.util.find_spec(name)]
if not READERS:
    pytest.skip("no WARC reader installed (pip install 'article-cleaner[warc]')", allow_module_level=True)

from cleaner.warc import Damaged, Page, WarcReader, is_warc, sniff  # noqa: E402

PAGE_URLS = ["https://news.example.org/a", "https://other.example.net/b", "https://third.example.com/c",
             "https://files.example.org/d.html"]
SKIPPED = {"warcinfo": 1, "request": 1, "metadata": 1, "revisit": 1, "not HTML": 1, "HTTP 404": 1}


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("compress", ["none", "record", "file"])
def test_only_html_200_pages_are_read_and_the_rest_counted(tmp_path, reader, compress):
    path = write(tmp_path, "crawl.warc", wb.archive(compress))
    r = WarcReader(path, 10_000_000, reader=reader)
    items = list(r)
    assert [type(i) for i in items] == [Page] * 4
    assert [i.url for i in items] == PAGE_URLS
    assert dict(r.skipped) == SKIPPED


@pytest.mark.parametrize("reader", READERS)
def test_provenance_gzip_body_and_charset_hint(tmp_path, reader):
    path = write(tmp_path, "crawl.warc.gz", wb.archive("record"))
    a, b, c, d = WarcReader(path, 10_000_000, reader=reader)
    assert a.meta["warc_file"] == "crawl.warc.gz" and a.meta["warc_date"] == "2024-05-01T10:00:00Z"
    assert a.meta["warc_record_id"].startswith("<urn:uuid:") and a.meta["truncated"] is None
    assert a.meta["warc_offset"] > 0 and a.meta["warc_offset"] < b.meta["warc_offset"] < c.meta["warc_offset"]
    assert b"Library stays open" in b.data and b.data.startswith(b"<!doctype")  # Content-Encoding: gzip undone
    assert b.meta["truncated"] == "length"  # WARC-Truncated: cleaned, and said
    assert c.charset == "windows-1251" and "Совет".encode("cp1251") in c.data
    assert d.url.endswith("d.html") and d.charset is None  # a resource record


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("compress", ["none", "record", "file"])
def test_a_truncated_tail_is_reported_and_the_pages_before_it_stand(tmp_path, reader, compress):
    path = write(tmp_path, "cut.warc", wb.archive(compress, truncate_tail=True))
    items = list(WarcReader(path, 10_000_000, reader=reader))
    assert [i.url for i in items if isinstance(i, Page)] == PAGE_URLS
    assert isinstance(items[-1], Damaged) and items[-1].url == "https://news.example.org/e"
    assert "truncated" in items[-1].message or "unreadable" in items[-1].message


def test_whole_file_gzip_has_no_offsets(tmp_path):
    path = write(tmp_path, "whole.warc.gz", wb.archive("file"))
    assert [p.meta["warc_offset"] for p in WarcReader(path, 10_000_000)] == [None] * 4


def test_recognised_by_content_not_by_name(tmp_path):
    warc = write(tmp_path, "notes.txt", wb.archive("record"))
    html = write(tmp_path, "page.warc", wb.page("A title", "Body.").encode("utf-8"))
    assert sniff(warc) and not sniff(html)
    assert not is_warc(b"WARC is a file format")
    r = run_cli("--format", "jsonl", warc, html)
    objects = [json.loads(line) for line in r.stdout.splitlines()]
    assert [o["url"] for o in objects] == PAGE_URLS + [None]


def test_cli_pages_have_their_url_charset_and_provenance(tmp_path):
    path = write(tmp_path, "crawl.warc.gz", wb.archive("record"))
    r = run_cli("--format", "jsonl", "--explain", path)
    assert r.returncode == 0, r.stderr
    objects = [json.loads(line) for line in r.stdout.splitlines()]
    assert [o["url"] for o in objects] == PAGE_URLS  # from WARC-Target-URI
    assert [o["hostname"] for o in objects] == ["example.org", "example.net", "example.com", "example.org"]
    assert objects[1]["title"] == "Library stays open"
    cyrillic = objects[2]
    assert cyrillic["title"] == "Совет утвердил бюджет" and "Городской совет" in cyrillic["text"]
    assert cyrillic["encoding"] == "windows-1251 (HTTP header)"
    assert objects[0]["encoding"] == "utf-8"
    assert all(o["warc_file"] == "crawl.warc.gz" and o["warc_date"] == "2024-05-01T10:00:00Z" for o in objects)
    assert "4 pages, 0 damaged; skipped: 1 HTTP 404" in r.stderr.decode()


def test_cli_damaged_record_fails_alone_and_can_be_an_error_record(tmp_path):
    path = write(tmp_path, "cut.warc.gz", wb.archive("record", truncate_tail=True))
    plain = run_cli("--format", "jsonl", path)
    assert plain.returncode == 1 and len(plain.stdout.splitlines()) == 4
    assert b"(https://news.example.org/e): record truncated" in plain.stderr
    with_errors = run_cli("--format", "jsonl", "--error-records", path)
    lines = with_errors.stdout.splitlines()
    assert lines[:4] == plain.stdout.splitlines()
    last = json.loads(lines[4])
    assert last["url"] == "https://news.example.org/e" and "record truncated" in last["error"]
    assert last["warc_file"] == "cut.warc.gz"


def test_jobs_two_writes_what_jobs_one_writes(tmp_path):
    a = write(tmp_path, "a.warc.gz", wb.archive("record", truncate_tail=True))
    b = write(tmp_path, "b.warc", wb.archive("none"))
    one = run_cli("--format", "jsonl", "--error-records", a, b)
    two = run_cli("--format", "jsonl", "--error-records", "--jobs", "2", a, b)
    assert one.stdout == two.stdout and len(one.stdout.splitlines()) == 9


def test_parts_and_resume(tmp_path):
    a = write(tmp_path, "a.warc.gz", wb.archive("record"))
    out = tmp_path / "out"
    run_cli("-q", "--format", "jsonl", "-o", out, a)
    assert sorted(p.name for p in out.iterdir()) == ["a.jsonl"]  # no temporary file left
    whole = run_cli("--format", "jsonl", a).stdout
    assert (out / "a.jsonl").read_bytes() == whole
    (out / "a.jsonl").write_bytes(b"kept\n")
    again = run_cli("--format", "jsonl", "-o", out, "--resume", a)
    assert again.returncode == 0 and (out / "a.jsonl").read_bytes() == b"kept\n"


def test_jsonl_documents_with_renamed_fields(tmp_path):
    docs = [{"id": 7, "meta": {"url": "https://news.example.org/x"}, "content": wb.page("Bridge reopens", "It did.")},
            {"id": "b", "text": "Advertisement\nA plain text story about the bridge, which reopened on Monday."},
            "not an object"]
    path = write(tmp_path, "shard.jsonl", "\n".join(json.dumps(d) for d in docs).encode("utf-8"))
    r = run_cli("--format", "jsonl", "--input-format", "jsonl", "--field", "html=content",
                "--field", "url=meta.url", path)
    assert r.returncode == 1 and b"line 3: not a JSON object" in r.stderr
    first, second = [json.loads(line) for line in r.stdout.splitlines()]
    assert first["title"] == "Bridge reopens" and first["url"] == "https://news.example.org/x" and first["id"] == "7"
    assert second["text"] == "A plain text story about the bridge, which reopened on Monday."
    assert second["id"] == "b" and second["url"] is None and second["source_line"] == 2
    bad = run_cli("--input-format", "jsonl", "--field", "body=x", path)
    assert bad.returncode == 2 and b"KEY one of" in bad.stderr


def test_keep_dirs_keeps_same_named_inputs_apart(tmp_path):
    for folder in ("html", "text"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(f"A story from the {folder} folder, told in one plain line.\n")
    r = run_cli("-q", "--keep-dirs", "-o", "out", "html/x.txt", "text/x.txt", cwd=tmp_path)
    assert r.returncode == 0
    assert (tmp_path / "out" / "html" / "x.txt").read_text().startswith("A story from the html folder")
    assert (tmp_path / "out" / "text" / "x.txt").read_text().startswith("A story from the text folder")
    again = run_cli("--keep-dirs", "-o", "out", "html/x.txt", cwd=tmp_path)
    assert again.returncode == 1 and b"--keep-dirs keeps inputs from different folders apart" in again.stderr


def test_cleaner_pickles_and_its_budget_works_off_the_main_thread():
    cleaner = Cleaner(input_format="text", budget=0.001)
    copy = pickle.loads(pickle.dumps(cleaner))
    assert copy == cleaner
    text = "\n".join(f"Line {i} of a long plain text story about the council and its budget." for i in range(20000))
    caught = []

    def work():
        try:
            copy.clean(text.encode("utf-8"))
        except DocumentTimeout as e:
            caught.append(str(e))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(60)
    assert caught == ["ran past its time budget of 0.0 s (a hostile page?); skipped"]
    # The same document with the default budget is cleaned.
    assert Cleaner(input_format="text").clean(text[:2000].encode("utf-8")).text


def test_learn_reads_archives_and_keys_sites_on_the_url_host(tmp_path):
    # Five pages of one host in one archive: the lines they share are learned for that host (the
    # template's closing paragraph, here), and cleaning with the profile removes them as site.repeated.
    records = [wb.response(f"https://gazette.example.org/{i}",
                           wb.page(f"Story {word} from the harbour", f"Boats came in {word}.").encode("utf-8"))
               for i, word in enumerate(["early", "late", "loaded", "empty", "damaged"])]
    path = write(tmp_path, "gazette.warc.gz", b"".join(gzip.compress(r) for r in records))
    profile = tmp_path / "site.json"
    r = run_cli("learn", "--profile", profile, "--explain", path)
    assert r.returncode == 0, r.stderr
    assert b"gazette.example.org: learned: on 5 of 5 pages: 'The mayor said" in r.stderr
    assert list(json.loads(profile.read_text())["sites"]) == ["gazette.example.org"]
    cleaned = run_cli("--format", "jsonl", "--explain", "--profile", profile, path)
    objects = [json.loads(line) for line in cleaned.stdout.splitlines()]
    assert len(objects) == 5
    for o in objects:
        assert "The mayor said" not in o["text"] and "Boats came in" in o["text"]
        assert any(r["rule"] == "site.repeated" for r in o["removed"])


def test_an_input_through_a_pipe_is_not_sniffed_away(tmp_path):
    fifo = tmp_path / "page.fifo"
    import os

    os.mkfifo(fifo)
    text = b"A plain line of text about the harbour and its boats, read through a pipe.\n"
    writer = __import__("subprocess").Popen(["sh", "-c", f"printf '%s' '{text.decode()}' > '{fifo}'"])
    try:
        r = run_cli(fifo, timeout=60)
    finally:
        writer.wait(10)
    assert r.returncode == 0 and r.stdout == text


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("compress", ["record", "none"])
def test_damage_in_the_middle_is_reported_and_reading_goes_on_at_the_next_record(tmp_path, reader, compress):
    records = [r for _, r in wb.kinds()]
    if compress == "record":
        records = [gzip.compress(r) for r in records]
        broken = bytearray(records[2])  # the first page's gzip member: its compressed data flipped
        for i in range(30, 60):
            broken[i] ^= 0xFF
        records[2] = bytes(broken)
    else:
        records.insert(3, b"NOT A RECORD AT ALL\r\n\r\n")  # junk between the first page and the next record
    path = write(tmp_path, "damaged.warc", b"".join(records))
    items = list(WarcReader(path, 10_000_000, reader=reader))
    damaged = [i for i in items if isinstance(i, Damaged)]
    assert len(damaged) == 1 and "skipped to the next record" in damaged[0].message
    assert damaged[0].message.isprintable()
    kept = PAGE_URLS[1:] if compress == "record" else PAGE_URLS
    assert [i.url for i in items if isinstance(i, Page)] == kept

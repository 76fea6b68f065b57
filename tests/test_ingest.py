"""Bytes to text (cleaner.ingest): encodings, binary refusal, gzip, the size limit.

Every expected string here is written out by hand from what the bytes mean,
not taken from the code's output.
"""
from __future__ import annotations

import codecs
import gzip
import io
import os
import random
import zipfile

import pytest

from cleaner.ingest import InputError, decode, looks_like_html, reads_as_text

#: A sentence with the characters every Western encoding must get right.
SENTENCE = "Café crème: “quoted” über naïve – déjà vu"


# -- encodings ---------------------------------------------------------------

ENCODED = [
    pytest.param(SENTENCE.encode("utf-8"), "utf-8", id="utf-8"),
    pytest.param(codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), "utf-8 (BOM)", id="utf-8-with-bom"),
    pytest.param(SENTENCE.encode("utf-16"), "utf-16 (BOM)", id="utf-16-with-bom"),
    pytest.param(codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"), "utf-16 (BOM)", id="utf-16-be-with-bom"),
    pytest.param(SENTENCE.encode("utf-32"), "utf-32 (BOM)", id="utf-32-with-bom"),
    pytest.param(SENTENCE.encode("cp1252"), "windows-1252", id="windows-1252"),
]


@pytest.mark.parametrize("data, encoding", ENCODED)
def test_encoding_is_read_right(data, encoding):
    d = decode(data)
    assert d.text == SENTENCE
    assert d.encoding == encoding
    assert d.warnings == []


def test_latin1_text_reads_as_windows_1252():
    # latin-1 and windows-1252 agree on every letter; 80-9F differ, and text has none there.
    text = "Ça a été très bien, à côté de l'hôtel; Größe, Übermaß, señor"
    d = decode(text.encode("latin-1"))
    assert d.text == text
    assert d.encoding == "windows-1252"


def test_windows_1252_quotes_and_euro():
    d = decode("Price: €5 – “cheap”, they said…".encode("cp1252"))
    assert d.text == "Price: €5 – “cheap”, they said…"


def test_utf16_without_bom_is_recognised_by_its_nul_pattern():
    d = decode("Plain ASCII text, in UTF-16 with no BOM.".encode("utf-16-le"))
    assert d.text == "Plain ASCII text, in UTF-16 with no BOM."
    assert d.encoding == "utf-16-le (no BOM)"
    assert d.warnings == []


def test_utf16_be_without_bom_keeps_its_nul_bytes_as_text():
    # Every other byte is NUL: that is UTF-16, not text with stray NULs to drop.
    d = decode("Big-endian UTF-16, no byte-order mark.".encode("utf-16-be"))
    assert d.text == "Big-endian UTF-16, no byte-order mark."
    assert d.encoding == "utf-16-be (no BOM)"


def test_utf8_with_a_truncated_sequence_replaces_only_it_and_warns():
    # "\xe2\x80" is the start of a curly quote with its last byte cut off: it fits nothing.
    data = "é, ü and “quotes” stay;".encode("utf-8") + b" cut \xe2\x80 here"
    d = decode(data)
    assert d.text == "é, ü and “quotes” stay; cut \ufffd here"
    assert d.encoding == "utf-8 (1 sequence replaced)"
    assert d.warnings == ["1 invalid UTF-8 sequence replaced with U+FFFD"]


def test_utf8_with_stray_windows_1252_bytes_reads_them_as_windows_1252():
    # A UTF-8 file with a word typed on a windows-1252 system: \xef is "ï", \x93/\x94 curly quotes.
    data = "Déjà vu, “ok” – ".encode("utf-8") + b"na\xefve \x93fa\xe7ade\x94"
    d = decode(data)
    assert d.text == "Déjà vu, “ok” – naïve “façade”"
    assert d.encoding == "utf-8 (4 bytes read as windows-1252)"
    assert d.warnings == ["4 invalid UTF-8 bytes read as windows-1252"]


def test_mixed_file_mostly_windows_1252_still_reads_both_parts():
    # More broken bytes than valid UTF-8 ones, but read byte by byte it is Western text.
    data = "“Titre”".encode("utf-8") + "\nÉté à côté: très, très, très agréable.".encode("cp1252")
    assert decode(data).text == "“Titre”\nÉté à côté: très, très, très agréable."


def test_genuine_replacement_characters_are_not_counted_as_damage():
    d = decode("a \ufffd in the source".encode("utf-8"))
    assert d.encoding == "utf-8"
    assert d.warnings == []


def test_windows_1252_with_a_stray_undefined_byte_replaces_it_and_warns():
    # 0x81 is undefined in windows-1252; the rest of the text is plainly Western.
    text = "Le café était fermé, et la crème aussi, dit-il à la fin de la journée. " * 4
    data = text.encode("cp1252") + b"\x81"
    d = decode(data)
    assert d.text == text + "\ufffd"
    assert d.encoding == "windows-1252 (with replacements)"
    assert d.warnings == ["1 byte undefined in windows-1252 replaced with U+FFFD"]


def test_cyrillic_windows_1251_is_detected_not_read_as_accents():
    text = "Правительство утвердило бюджет в понедельник после долгих дебатов в парламенте. " * 3
    d = decode(text.encode("cp1251"))
    assert d.text == text
    assert "1251" in d.encoding


def test_html_meta_charset_is_used():
    page = '<html><head><meta charset="windows-1251"></head><body><p>Привет, мир</p></body></html>'
    d = decode(page.encode("cp1251"))
    assert "Привет, мир" in d.text
    assert d.encoding == "cp1251 (declared)"
    assert d.is_html


# -- binary refusal ------------------------------------------------------------

def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("article.txt", "An article.")
    return buf.getvalue()


BINARY = [
    pytest.param(_png(), "looks like a PNG image", id="png"),
    pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "looks like a PDF document", id="pdf"),
    pytest.param(_zip(), "looks like a ZIP archive", id="zip"),
    pytest.param(b"\xff\xd8\xff\xe0\x00\x10JFIF", "looks like a JPEG image", id="jpeg"),
    pytest.param(random.Random(6).randbytes(4096), "", id="random-bytes"),
    pytest.param(bytes(random.Random(7).choices(range(0x20, 0x100), k=4096)), "",
                 id="random-bytes-without-controls"),
    pytest.param(b"".join(i.to_bytes(4, "little") for i in range(2000)), "binary data (", id="packed-integers"),
    pytest.param(b"\x00" * 4096, "NUL bytes only", id="nul-bytes-only"),
    pytest.param(codecs.BOM_UTF16_LE + random.Random(8).randbytes(4096), "binary data",
                 id="utf-16-bom-then-random-bytes"),
    pytest.param(codecs.BOM_UTF32_LE + random.Random(9).randbytes(4096), "binary data",
                 id="utf-32-bom-then-random-bytes"),
    pytest.param(b"text \x01\x02\x03\x04\x05\x06\x07\x08 " * 10, "binary data", id="control-characters"),
    pytest.param(gzip.compress(_png()), "looks like a PNG image", id="gzip-of-png"),
    pytest.param(gzip.compress(gzip.compress(b"text")), "gzip archive inside the gzip data", id="gzip-of-gzip"),
]


@pytest.mark.parametrize("data, message", BINARY)
def test_binary_input_is_refused_as_not_text(data, message):
    with pytest.raises(InputError) as e:
        decode(data)
    assert str(e.value).startswith("not text or HTML")
    assert message in str(e.value)


@pytest.mark.parametrize("input_format", ["text", "html"])
def test_binary_is_refused_whatever_the_input_format(input_format):
    with pytest.raises(InputError, match="not text or HTML"):
        decode(_png(), input_format)


# -- stray NUL bytes ---------------------------------------------------------------

def test_stray_nul_bytes_in_text_are_dropped_with_a_warning():
    d = decode(b"Some text\x00with a NUL byte, and\x00\x00 two more in a line long enough to be a sentence.\n")
    assert d.text == "Some textwith a NUL byte, and two more in a line long enough to be a sentence.\n"
    assert d.warnings == ["3 NUL bytes dropped"]


def test_a_nul_byte_far_into_the_file_is_dropped():
    d = decode(b"a" * 100_000 + b"\x00")
    assert d.text == "a" * 100_000
    assert d.warnings == ["1 NUL byte dropped"]


def test_nul_padding_at_the_end_is_not_taken_for_binary():
    # A truncated or preallocated file: text, then a block of NULs.
    text = "The council approved the budget on Monday.\n" * 20
    d = decode(text.encode() + b"\x00" * 8192)
    assert d.text == text
    assert d.warnings == ["8,192 NUL bytes dropped"]


def test_html_page_with_stray_nul_bytes_is_read_as_html():
    page = ("<!DOCTYPE html><html><head><title>Pier lights</title></head><body><p>"
            + "The pier lights were switched on again on Friday night. " * 20 + "</p></body></html>")
    data = page.encode().replace(b"again", b"again\x00", 22)
    d = decode(data)
    assert (d.text, d.is_html) == (page, True)
    assert d.warnings == ["20 NUL bytes dropped"]


def test_nul_bytes_with_other_control_bytes_are_binary():
    # 1 control byte in 10 (NULs among them) is far more than any text holds.
    data = b"header\x00\x01\x02 " * 200
    with pytest.raises(InputError, match=r"not text or HTML: binary data \(30% control bytes\)"):
        decode(data)


def test_windows_1252_text_with_a_stray_nul_is_still_windows_1252():
    d = decode(SENTENCE.encode("cp1252") + b"\x00")
    assert (d.text, d.encoding) == (SENTENCE, "windows-1252")
    assert d.warnings == ["1 NUL byte dropped"]


def test_a_few_control_characters_in_text_are_kept():
    # An escape sequence left in scraped text is odd but not binary.
    d = decode(b"\x1b[1mBold\x1b[0m headline and an ordinary sentence after it, long enough.")
    assert d.text.startswith("\x1b[1mBold")


# -- HTML or text -----------------------------------------------------------------

PARAGRAPHS = ("The city council approved next year's budget on Monday after a debate that ran late.\n\n"
              "Residents will see the new rates in their April bills, officials said.\n\n"
              "The mayor thanked the members who had worked on the plan since the spring.\n\n"
              "Spending on schools rises by a tenth, and the parks budget stays as it was.\n")
#: Ad and tracking markup as scrapers leave it in a text: long lines of tags.
PIXEL = ('<noscript><img height="1" width="1" style="display:none" '
         'src="https://ads.example.net/tr?id=123456789&amp;ev=PageView&amp;noscript=1"/></noscript>\n')


def test_text_scrape_with_a_few_raw_html_lines_is_text():
    scrape = "Council approves budget\n\n" + PIXEL * 3 + "\n" + PARAGRAPHS * 3 + "\n" + PIXEL
    d = decode(scrape.encode())
    assert not d.is_html


def test_text_with_one_huge_line_of_markup_is_text():
    # An inline image holds most of the bytes, on one line of twenty.
    image = '<p><img alt="" src="data:image/png;base64,' + "iVBORw0KGgoAAAANSUhEUgAA" * 800 + '"></p>\n'
    scrape = "Council approves budget\n\n" + PARAGRAPHS * 4 + image + PARAGRAPHS
    assert len(image) > len(scrape) / 2
    assert not looks_like_html(scrape)


def test_text_quoting_an_html_example_is_text():
    tutorial = ("How to start a web page\n\nEvery page starts the same way:\n\n<!DOCTYPE html>\n<html>\n"
                "<body>\n\n" + PARAGRAPHS * 2)
    assert not looks_like_html(tutorial)


HTML_DOCUMENTS = [
    pytest.param("<!DOCTYPE html><html><body><p>" + PARAGRAPHS + "</p></body></html>", id="doctype"),
    pytest.param("<!-- saved page -->\n<html lang='en'><p>" + PARAGRAPHS + "</p></html>", id="comment-then-html"),
    pytest.param("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<!DOCTYPE html>\n<html>\n<head><title>Budget</title>"
                 "<link rel='stylesheet' href='/a.css'><script src='/a.js'></script></head>\n<body>\n"
                 "<div class='story'><p>" + PARAGRAPHS.replace("\n\n", "</p>\n<p>") + "</p></div>\n</body>\n</html>",
                 id="http-header-then-document"),
    pytest.param("<style>\n" + "p { margin: 0 auto; color: #333; }\n" * 200 + "</style>\n<!DOCTYPE html>\n<html><body><p>"
                 + PARAGRAPHS + "</p></body></html>", id="style-block-then-document"),
    pytest.param("<p>" + PARAGRAPHS.replace("\n\n", "</p>\n<p>") + "</p>\n<p><b>Photo:</b> <i>council</i></p>",
                 id="fragment-of-paragraphs"),
]


@pytest.mark.parametrize("page", HTML_DOCUMENTS)
def test_html_is_recognised(page):
    assert decode(page.encode()).is_html


def test_a_page_given_as_str_with_its_byte_order_mark_is_html():
    # Read with encoding="utf-8" (not "utf-8-sig"), a file keeps its BOM as U+FEFF.
    page = "<html>\n<body>\n" + PARAGRAPHS + "</body>\n</html>"  # little markup: known by how it starts
    assert looks_like_html(page) and looks_like_html("\ufeff" + page)


def test_input_format_overrides_detection():
    assert decode(b"<!DOCTYPE html><p>x</p>", "text").is_html is False
    assert decode(PARAGRAPHS.encode(), "html").is_html is True


def test_reads_as_text_tells_a_scrape_with_html_lines_from_a_page():
    scrape = PIXEL * 4 + PARAGRAPHS
    assert reads_as_text(scrape)
    page = "<html><head><style>\n" + "p { margin: 0 }\n" * 50 + "</style></head>\n<body>\n<p>Hi</p>\n</body></html>"
    assert not reads_as_text(page)
    # Lines of markup around short text lines: a pretty-printed page, not text.
    pretty = "".join(f"<div class='teaser'>\n<a href='/{i}'>\nStory number {i}\n</a>\n</div>\n" for i in range(20))
    assert not reads_as_text(pretty)


# -- gzip ----------------------------------------------------------------------

def test_gzip_of_text_is_read():
    d = decode(gzip.compress(SENTENCE.encode("utf-8")))
    assert (d.text, d.gzipped, d.is_html) == (SENTENCE, True, False)


def test_gzip_of_html_is_read_as_html():
    d = decode(gzip.compress(b"<!DOCTYPE html><html><body><p>Hi</p></body></html>"))
    assert d.gzipped and d.is_html


def test_gzip_of_windows_1252_text_is_decoded():
    assert decode(gzip.compress(SENTENCE.encode("cp1252"))).text == SENTENCE


def test_every_gzip_member_is_read():
    # `cat a.gz b.gz > c.gz` is a valid gzip file; gzip -dc prints both.
    assert decode(gzip.compress(b"First part. ") + gzip.compress(b"Second part.")).text == "First part. Second part."


def test_truncated_gzip_is_refused():
    data = gzip.compress(os.urandom(2000).hex().encode())
    with pytest.raises(InputError, match="broken gzip data"):
        decode(data[: len(data) // 2])


def test_corrupt_gzip_is_refused():
    with pytest.raises(InputError, match="broken gzip data"):
        decode(b"\x1f\x8b\x08\x00" + b"\xff" * 40)


def test_bytes_after_gzip_data_are_reported():
    d = decode(gzip.compress(b"The text.") + b"junk")
    assert d.text == "The text."
    assert d.warnings == ["4 bytes after the gzip data ignored"]


# -- size ----------------------------------------------------------------------

def test_input_over_max_bytes_is_refused():
    with pytest.raises(InputError, match=r"input is 1,001 bytes, over the limit of 1,000 \(--max-bytes\)"):
        decode(b"a" * 1001, max_bytes=1000)


def test_input_at_max_bytes_is_read():
    assert decode(b"a" * 1000, max_bytes=1000).text == "a" * 1000


def test_gzip_bomb_stops_at_max_bytes():
    bomb = gzip.compress(b"\n" * 50_000_000)  # 50 MB of newlines in about 50 kB
    assert len(bomb) < 100_000
    with pytest.raises(InputError, match="gzip input expands past the limit of 1,000,000 bytes"):
        decode(bomb, max_bytes=1_000_000)


# -- empty ---------------------------------------------------------------------

@pytest.mark.parametrize("data", [b"", b"   \n\t\n", codecs.BOM_UTF8], ids=["empty", "whitespace", "bom-only"])
def test_empty_input_decodes_to_blank_text(data):
    assert decode(data).text.strip() == ""


# -- start-up shortcuts: the same answers without the patterns -------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from cleaner import htmlsniff, ingest  # noqa: E402

#: Text made of what the shortcuts look at: ASCII controls, tabs, NUL, markup characters,
#: letters beyond ASCII, unassigned and private-use code points, replacement characters.
_TEXTY = st.lists(st.sampled_from(list("ab <>/!-\n\t\r\f\x00\x07\x0b\x1b\x7féß€\u0378\ue000\ufffd") + ["<p>", "<!--"]
                                  + ["<html>", "<!doctype html>", "word "] * 3), max_size=200).map("".join)


@given(_TEXTY)
@settings(max_examples=300, deadline=None)
def test_junk_count_without_the_pattern_counts_what_the_pattern_finds(text):
    assert ingest._junk_count(text) == len(ingest._JUNK.findall(text))


def _looks_like_html_in_full(text):
    """looks_like_html as written before its no-markup shortcut: every test run."""
    if htmlsniff._HTML_START.match(text[:4096]):
        return True
    m = htmlsniff._markup(text[:ingest.SAMPLE_CHARS])
    lines = m.markup_lines + m.text_lines
    if m.share >= htmlsniff.DOCUMENT_MARKUP_SHARE and htmlsniff._DOCUMENT_LINE.search(text[:ingest.SAMPLE_CHARS]):
        return True
    if htmlsniff._reads_as_text(m):
        return False
    if m.share >= htmlsniff.MARKUP_MOST and m.markup_lines > htmlsniff.FEW_MARKUP_LINES * lines:
        return True
    return m.tags >= htmlsniff.FRAGMENT_MIN_TAGS and m.markup_lines >= htmlsniff.FRAGMENT_LINE_SHARE * lines


@given(_TEXTY)
@settings(max_examples=300, deadline=None)
def test_the_no_markup_shortcut_gives_the_full_answer(text):
    assert looks_like_html(text) == _looks_like_html_in_full(text)

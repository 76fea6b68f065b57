"""cta.prompt / cta.consent / cta.share_bar / cta.ui_label / cta.footer / cta.comment_policy: calls to action and site controls.

Lexicon keys this pass reads beyond the documented ones: ``support_appeals``
(found anywhere in a line of up to :data:`APPEAL_MAX_WORDS` words: "help us
continue", "Ihr Beitrag hilft") and ``comment_counts`` (after a count: "142
Antworten zu …", "One thought on …") and ``result_counts`` (a listing's count
of what it shows: "Showing 1–10 of 19 results"); ``comment_policies`` with
``policy_addressees`` (a comment policy speaks to the reader: "Please understand
that comments are moderated"); ``reply_cancels`` (a comment form's heading ends
in its cancel link: "Leave a Reply Cancel reply", "Antwort abbrechen").

Removes::

    Sign up for our daily newsletter
    Follow us on Twitter
    Click here to subscribe
    Share this article
    Facebook Twitter WhatsApp Email
    Comments
    We use cookies to improve your experience. Accept all
    © 2019 Example Media Inc. All Rights Reserved.
    About us | Contact | Terms of Use | Privacy Policy
    Jetzt Newsletter abonnieren
    Möchten Sie weiterlesen?
    Lust auf mehr? Die besten Geschichten der Woche in Ihrem Postfach: melden Sie sich hier für unseren Newsletter an!
    Ihr Beitrag hilft, unsere Arbeit auch künftig kostenlos für alle Leserinnen und Leser anzubieten.
    If you value these stories, help us continue to report from the region by giving what you can.
    Ja, ich möchte den wöchentlichen Newsletter erhalten.
    Want more stories like this? Sign up for our daily newsletter
    Artikel gefallen? Vergiss nicht zu teilen!
    142 Antworten zu „Ein Projekt über das Leben“
    One thought on “A week in the mountains”
    Showing 1–10 of 19 results
    Es werden die Artikel 1 bis 10 von insgesamt 19 angezeigt
    Please understand that comments are moderated and it may take a while before yours appears.
    Schreib uns was... Antwort abbrechen
    Ich bin damit einverstanden, dass meine E-Mail-Adresse für den Versand des Newsletters genutzt wird und habe die Datenschutzerklärung gelesen, die ich jederzeit widerrufen kann, wie dort beschrieben.
    © Example Verlag | Hauptstraße 1 | 12345 Musterstadt | Telefon 01234 5678 | Fax 01234 5679 | Öffnungszeiten Montag bis Freitag
    This entry was posted on Monday, March 2nd, 2020 at 10:15 am and is filed under News, Local. You can follow any responses to this entry through the RSS 2.0 feed.

Keeps::

    Follow the money, the investigators said.
    Subscribers complained that the service was slow.
    Share prices fell by 4% on Monday.
    On the menu: soup | salad | bread | privacy at the table
    “Join us in the square on Saturday,” the opposition leader told the crowd.
    Ich bin damit einverstanden, dass die Stadt die Straße im Sommer für den Verkehr sperrt, sagte die Anwohnerin.
    Mit Freunden teilen die Kinder ihr Pausenbrot am liebsten.
    Der Verlag stellte seinen Newsletter ein, weil sich zu wenige Leser anmelden wollten.
    „Jede Spende hilft“, sagte die Leiterin der Tafel am Montag.
    Who pays for the new school? Parents, the council said on Monday.
    Comments on the plan came from forty residents, the council said.
    Results from 1990 to 2000 of 19 towns show the same trend, the survey said.
    The platform said comments are moderated by volunteers in three countries.
    The charity said donations had doubled since the appeal began in the spring.
"""
from __future__ import annotations

from typing import Iterator, Optional

import regex

from .. import lexicon
from ..model import Document, Finding
from ..patterns import lazy_pattern
from ..shape import CTA_MAX_WORDS, has_digit, is_web_address

#: A line opening with one of these is someone speaking ("“Join us in the square,” she said"), not the site.
QUOTE_MARKS = "\"'“”‘’„«»‹›"
_QUOTE_MARKS = tuple(QUOTE_MARKS)  # for str.startswith
#: A consent or disclosure notice ("We use cookies to …", "Ich bin damit
#: einverstanden, dass …") runs long: its opening phrase and a named object of
#: consent (cookies, privacy policy, e-mail) mark it up to this many words.
CONSENT_MAX_WORDS = 120
#: A copyright footer that lists the publisher's address ("© Verlag | Street |
#: Phone | …") runs past :data:`CTA_MAX_WORDS`; it is taken up to this many words
#: when the copyright mark opens it and a year or this many bar separators follow.
FOOTER_MAX_WORDS = 60
FOOTER_MIN_SEPARATORS = 2
#: A line naming a newsletter and prompting to subscribe to it ("… melden Sie sich
#: hier für unseren Newsletter an!") is taken up to this many words.
NEWSLETTER_MAX_WORDS = 45
#: An appeal to support the site ("Ihr Beitrag hilft, unsere Berichterstattung …",
#: "help us continue to …") explains itself in a few sentences: up to this many words.
APPEAL_MAX_WORDS = 60
#: The heading over a blog's comments counts them: "142 Antworten zu „Title“", "One thought on “Title”"
#: (lexicon ``comment_counts``, after an optional count); a sentence ending in a full stop is prose.
_COUNT = lazy_pattern(r"[^\w]*\d+\s+")
#: A listing's count of what it shows ("1–10 of 19", "1 bis 10 von insgesamt 19", "1-10 di 19"),
#: on a line of at most RESULT_COUNT_MAX_WORDS words with a verb of showing (lexicon ``result_counts``: "Showing", "angezeigt").
_RANGE_OF = lazy_pattern(r"\d+\s*(?:[–-]|\w{1,3})\s*\d+\s+\w{1,3}\s+(?:\w+\s+)?\d+")
RESULT_COUNT_MAX_WORDS = 12
#: A comment policy is a few sentences: up to this many words.
POLICY_MAX_WORDS = 60
#: A comment form's heading with its cancel link ("Leave a Reply Cancel reply") is short.
REPLY_HEADING_MAX_WORDS = 10
#: A short question that ends in a call to action ("Want more? Sign up here",
#: "Artikel gefallen? Vergiss nicht zu teilen!"): the question, then the last sentence.
_QUESTION_THEN = lazy_pattern(r".*[?!]\s+(?=\S)")
_COPYRIGHT_START = lazy_pattern(r"[^\w©(]*(?:©|\(c\)|copyright\b)\s*(\d{4})?", regex.I)
#: A line made of share-network names alone is a share bar when it names at least this many.
SHARE_BAR_MIN_NAMES = 2
#: A share bar on one line names at most this many networks and labels.
SHARE_BAR_MAX_WORDS = 16


#: A bar of site links ("About us | Contact | Terms of Use | Privacy Policy") has
#: at least this many parts, at least :data:`LINK_BAR_MIN_LABELS` of them known
#: site labels, each part at most :data:`LINK_BAR_PART_MAX_WORDS` words ...
LINK_BAR_MIN_PARTS = 3
LINK_BAR_MIN_LABELS = 2
LINK_BAR_PART_MAX_WORDS = 4
#: ... and the whole line at most this many words.
LINK_BAR_MAX_WORDS = 30
_BAR_SEPARATOR = lazy_pattern(r"\s*[|•·]\s*")
#: The most words of a line any test that needs a lexicon word in the line reads.
ANCHORED_MAX_WORDS = max(POLICY_MAX_WORDS, CTA_MAX_WORDS, NEWSLETTER_MAX_WORDS, APPEAL_MAX_WORDS, FOOTER_MAX_WORDS)


def is_link_bar(text: str) -> bool:
    """True for a row of short site links with at least two known labels among them.

    >>> is_link_bar("Contact Us/FAQ | Terms of Use | Privacy Policy")
    True
    >>> is_link_bar("Lunch: soup | salad | bread"), is_link_bar("Terms of Use | Privacy Policy")
    (False, False)
    """
    parts = [p for p in _BAR_SEPARATOR.split(text) if p]
    if len(parts) < LINK_BAR_MIN_PARTS or any(len(p.split()) > LINK_BAR_PART_MAX_WORDS for p in parts):
        return False
    ui = lexicon.phrase_set("ui_labels")
    return sum(lexicon.fold(p) in ui for p in parts) >= LINK_BAR_MIN_LABELS


_COUNTER = lazy_pattern(r"\d+(?:[.,]\d+)?\s*[kKmM]?\s+(?:\w+\s+)?")
_NAME_TOKEN = lazy_pattern(r"[\w'+&-]+")
_NUMBER = lazy_pattern(r"\d+(?:[.,]\d+)?[km]?")


def network_names(text: str) -> int:
    """How many share-network names ``text`` is made of; 0 if it holds anything else.

    >>> network_names("Facebook Twitter WhatsApp 12"), network_names("Share prices fell")
    (3, 0)
    """
    names = lexicon.phrase_set("share_networks")
    tokens = _NAME_TOKEN.findall(text.casefold())
    count = i = 0
    while i < len(tokens):
        if i + 1 < len(tokens) and f"{tokens[i]} {tokens[i + 1]}" in names:
            i, count = i + 2, count + 1
        elif tokens[i] in names:
            i, count = i + 1, count + 1
        elif _NUMBER.fullmatch(tokens[i]):
            i += 1  # a share counter
        else:
            return 0
    return count


def is_copyright_footer(text: str, first_word: Optional[str] = None) -> bool:
    """A long line that opens with a copyright mark and reads as a site footer.
    ``first_word``: the line's :attr:`Line.first_word` when the caller has it.

    >>> is_copyright_footer("© Example Verlag | Hauptstraße 1 | 12345 Musterstadt | Telefon 0123")
    True
    >>> is_copyright_footer("Copyright law was reformed in 2019 after years of debate in parliament.")
    False
    """
    # Before the mark only characters that are neither word characters, "©" nor "(":
    # without "©" and "(" in the line, its first word must be "copyright" ("copyr",
    # whose letters have no case partner outside ASCII, stands for it).
    if "©" not in text and "(" not in text and \
            not (lexicon.first_word(text) if first_word is None else first_word).startswith("copyr"):
        return False
    m = _COPYRIGHT_START.match(text)
    if m is None or (m.group(0).strip().casefold().startswith("copyright") and not m.group(1)):
        return False
    return bool(m.group(1)) or sum(text.count(c) for c in "|•") >= FOOTER_MIN_SEPARATORS


def _comment_count(text: str, first_word: Optional[str] = None) -> bool:
    """``first_word``: the line's :attr:`Line.first_word` when the caller has it.

    >>> _comment_count("142 Antworten zu „Ein Projekt“"), _comment_count("12 responses to the survey were negative.")
    (True, False)
    >>> _comment_count("One thought on “Budget talks”"), _comment_count("Thoughts on the budget")
    (True, False)
    """
    if text.rstrip().endswith("."):
        return False
    first_word = lexicon.first_word(text) if first_word is None else first_word
    # A count opens the line: its first word character is a digit, so a first word
    # that opens with an ASCII letter rules it out without the pattern.
    m = None if "a" <= first_word[:1] <= "z" else _COUNT.match(text)
    # A count spelled out: without a number the phrase opens with a word of ``count_ones`` ("One thought on").
    ones = lexicon.phrase_set("count_ones")
    if m is None and first_word not in ones:
        return False  # no number, and no spelled-out count opens the line: no phrase look-up
    found = lexicon.match_prefix("comment_counts", text[m.end():] if m else text)
    return found is not None and (m is not None or found[0].split()[0] in ones)


def _question_then_prompt(text: str) -> bool:
    """A question followed by a call to action that ends the line.

    >>> _question_then_prompt("Want more stories like this? Sign up for our daily newsletter")
    True
    >>> _question_then_prompt("Who pays for the new school? Parents, the council said.")
    False
    """
    m = _QUESTION_THEN.match(text)
    return m is not None and lexicon.match_prefix("cta", text[m.end():]) is not None


def run(doc: Document) -> Iterator[Finding]:
    """
    >>> from cleaner.model import Document
    >>> doc = Document("Share this article\\nShare prices fell.\\nFacebook\\nTwitter")
    >>> [(f.line, f.rule) for f in run(doc)]
    [(0, 'cta.prompt'), (2, 'cta.share_bar'), (3, 'cta.share_bar')]
    """
    ui = lexicon.phrase_set("ui_labels")
    prompt_starts = lexicon.first_words("cta")
    consent_starts = lexicon.first_words("consent")
    network_starts = lexicon.first_words("share_networks")
    result_counts = lexicon.phrase_set("result_counts")
    reply_cancels = tuple(lexicon.phrase_set("reply_cancels"))
    # The phrase lists below that a line can hold only with one of their words in it
    # (lexicon.might_contain): one test per line says whether it holds any of them.
    anchored = ("comment_policies", "footer_phrases", "newsletter_words", "support_appeals", "footer_notices")
    anchor_words = frozenset().union(*(lexicon.anchors(key)[0] for key in anchored))
    anchor_symbols = tuple(symbol for key in anchored for symbol in lexicon.anchors(key)[1])
    lines = doc.kept_lines()
    singles = {ln.index for ln in lines
               if ln.words <= 3 and ln.first_word in network_starts and network_names(ln.text) == 1}
    for ln in lines:
        text = ln.text
        quoted = text.startswith(_QUOTE_MARKS)
        anchors = ln.words <= ANCHORED_MAX_WORDS and (not anchor_words.isdisjoint(ln.word_set)
                                                      or any(symbol in text for symbol in anchor_symbols))
        counter = _COUNTER.match(text) if text[:1].isdigit() else None  # "12 Comments"
        folded = lexicon.fold(text[counter.end():]) if counter else ln.folded
        if folded in ui:
            yield Finding(ln.index, "cta.ui_label", f"site control or label {text!r}")
        elif (ln.words <= CTA_MAX_WORDS and ln.first_word in prompt_starts and not quoted
              and lexicon.match_prefix("cta", text)):
            yield Finding(ln.index, "cta.prompt", f"call to action {text[:60]!r}")
        elif (ln.words <= RESULT_COUNT_MAX_WORDS and not result_counts.isdisjoint(ln.word_set)
              and _RANGE_OF.search(text)):
            yield Finding(ln.index, "cta.ui_label", f"count of the results a listing shows {text[:60]!r}")
        elif (ln.words <= POLICY_MAX_WORDS and anchors and lexicon.might_contain("comment_policies", text, ln.word_set)
              and lexicon.finds("comment_policies", folded, ln.word_set)
              and lexicon.finds("policy_addressees", folded, ln.word_set)):
            yield Finding(ln.index, "cta.comment_policy", f"the site's comment policy {text[:60]!r}")
        elif ln.words <= REPLY_HEADING_MAX_WORDS and folded.endswith(reply_cancels):
            yield Finding(ln.index, "cta.ui_label", f"comment form heading with its cancel link {text[:60]!r}")
        elif ln.words <= CTA_MAX_WORDS and _comment_count(text, ln.first_word):
            yield Finding(ln.index, "cta.ui_label", f"heading counting the comments {text[:60]!r}")
        elif (ln.words <= CONSENT_MAX_WORDS and ln.first_word in consent_starts
              and not quoted and lexicon.match_prefix("consent", text)
              and lexicon.finds("consent_objects", folded, ln.word_set)):
            yield Finding(ln.index, "cta.consent", f"consent or disclosure notice {text[:60]!r}")
        elif (ln.words <= CTA_MAX_WORDS and anchors and lexicon.might_contain("footer_phrases", text, ln.word_set)
              and lexicon.finds("footer_phrases", folded, ln.word_set)):
            yield Finding(ln.index, "cta.footer", f"copyright or site footer {text[:60]!r}")
        elif (ln.words <= NEWSLETTER_MAX_WORDS and not quoted
              and anchors and lexicon.might_contain("newsletter_words", text, ln.word_set)
              and lexicon.finds("newsletter_words", folded, ln.word_set)
              and lexicon.finds("newsletter_prompts", folded, ln.word_set)):
            yield Finding(ln.index, "cta.prompt", f"newsletter prompt {text[:60]!r}")
        elif (ln.words <= APPEAL_MAX_WORDS and not quoted
              and anchors and lexicon.might_contain("support_appeals", text, ln.word_set)
              and lexicon.finds("support_appeals", folded, ln.word_set)):
            yield Finding(ln.index, "cta.prompt", f"appeal to support the site {text[:60]!r}")
        elif ln.words <= FOOTER_MAX_WORDS and (
                is_copyright_footer(text, ln.first_word) or (anchors and lexicon.might_contain("footer_notices", text, ln.word_set)
                                              and lexicon.finds("footer_notices", folded, ln.word_set))):
            yield Finding(ln.index, "cta.footer", f"copyright or site footer {text[:60]!r}")
        elif (ln.words <= CTA_MAX_WORDS and ("?" in text or "!" in text) and not quoted
              and _question_then_prompt(text)):
            yield Finding(ln.index, "cta.prompt", f"question and call to action {text[:60]!r}")
        elif ln.index in singles:
            # A lone network name is a share button only beside another one (removed or not yet).
            prev, nxt = doc.prev_nonblank(ln.index, kept_only=False), doc.next_nonblank(ln.index, kept_only=False)
            if prev in singles or nxt in singles:
                yield Finding(ln.index, "cta.share_bar", f"share button {text!r} in a run of them")
        elif (ln.words <= SHARE_BAR_MAX_WORDS and ln.first_word in network_starts
              and network_names(text) >= SHARE_BAR_MIN_NAMES):
            yield Finding(ln.index, "cta.share_bar", f"share bar {text[:60]!r}")
        elif ln.words <= LINK_BAR_MAX_WORDS and ("|" in text or "•" in text or "·" in text) and is_link_bar(text):
            yield Finding(ln.index, "cta.ui_label", f"bar of site links {text[:60]!r}")
    yield from contact_cards(doc)


#: A contact card ("Jane Doe" / "Tel: +43 1 599 16" / "Mail: jane@example.org") is a
#: block of adjacent lines, at most this many, each of at most :data:`CARD_LINE_MAX_WORDS`
#: words, with at least :data:`CARD_MIN_CONTACTS` lines that hold a phone number, an
#: e-mail address or a web address alone (one of them a phone number or an e-mail).
CARD_MAX_LINES = 8
CARD_LINE_MAX_WORDS = 12
CARD_MIN_CONTACTS = 2
#: A contact line is short: a label and the number or address.
CONTACT_MAX_WORDS = 8
#: A phone number: a "+" or "(" opening it, a label's colon before it, or three groups of
#: digits ("0800 000 98 00"); at least :data:`PHONE_MIN_DIGITS` digits. A date
#: ("10.11.2021") or a span of years ("2006 - 2012") is none.
_PHONE = lazy_pattern(r"(?:(?<=:\s*)|(?<![\w.])(?=[+(]))[+(]?\d[\d\s/()–-]{4,}\d(?!\w)"
                       r"|(?<![\w.+])\d{2,5}(?:[\s/–-]+\d{2,5}){2,}(?![\w.])")
PHONE_MIN_DIGITS = 7
_EMAIL = lazy_pattern(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _contact_kind(text: str) -> str:
    """"phone", "email", "web" for a short line holding one, else "".

    >>> _contact_kind("Tel: +43 1 599 16 - 957 35"), _contact_kind("0800 000 98 00"), _contact_kind("Mail: jane@example.org")
    ('phone', 'phone', 'email')
    >>> _contact_kind("10.11.2021"), _contact_kind("2006 - 2012 example.de"), _contact_kind("www.example.org")
    ('', '', 'web')
    """
    if len(text.split()) > CONTACT_MAX_WORDS:
        return ""
    # Each pattern needs a character of its own: a digit, an "@", an address's opening
    # (most lines of a block hold none, and no pattern runs for them).
    m = _PHONE.search(text) if has_digit(text) else None
    if m is not None and sum(c.isdigit() for c in m.group()) >= PHONE_MIN_DIGITS:
        return "phone"
    if "@" in text and _EMAIL.search(text):
        return "email"
    return "web" if is_web_address(text.strip()) else ""


def contact_cards(doc: Document) -> Iterator[Finding]:
    """cta.footer: a contact card, the adjacent lines of a name, a role, a phone number
    and an e-mail address (:data:`CARD_MAX_LINES`).

    >>> from cleaner.model import Document
    >>> doc = Document("Body.\\n\\nDirektor: Jane Doe\\nTel: +43 1 599 16 - 957 35\\nMail: office@example.org\\n\\nMore.")
    >>> [f.line for f in contact_cards(doc)]
    [2, 3, 4]

    Keeps one number in a sentence ("Wer etwas gesehen hat, meldet sich unter Tel. 0123 456 789.").
    """
    block: list = []
    for ln in doc.lines + [None]:
        if ln is not None and not ln.blank and ln.index not in doc.findings:
            block.append(ln)
            continue
        if 2 <= len(block) <= CARD_MAX_LINES and all(b.words <= CARD_LINE_MAX_WORDS for b in block):
            kinds = [_contact_kind(b.text) for b in block]
            if sum(bool(k) for k in kinds) >= CARD_MIN_CONTACTS and ("phone" in kinds or "email" in kinds):
                for b in block:
                    yield Finding(b.index, "cta.footer", f"contact card {b.text[:60]!r}")
        block = []

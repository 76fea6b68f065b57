"""The boilerplate lexicon's data files: shape, spelling rules and a few known phrases per language."""
from __future__ import annotations

import json

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import lexicon

#: Packs that hold phrases; the others hold only their stop words (for the language guess).
PHRASE_LANGUAGES = [lang for lang in lexicon.LANGUAGES
                    if set(json.loads((lexicon.HERE / f"{lang}.json").read_text(encoding="utf-8"))) - {"_about", "stopwords"}]
OTHER_LANGUAGES = [lang for lang in PHRASE_LANGUAGES if lang != "en"]


def _no_duplicate_keys(pairs):
    keys = [k for k, _ in pairs]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    assert not dupes, f"duplicate JSON keys: {dupes}"
    return dict(pairs)


def load(lang: str) -> dict:
    path = lexicon.HERE / f"{lang}.json"
    return json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=_no_duplicate_keys)


def _keys(lang):
    """The keys of a pack, without its comments ("_about", "_name_joiners": why a word is left out)."""
    return {k for k in load(lang) if not k.startswith("_")}


EN_KEYS = _keys("en")


def test_every_language_has_a_file():
    for lang in lexicon.LANGUAGES:
        assert (lexicon.HERE / f"{lang}.json").exists(), lang


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_same_keys_as_english(lang):
    keys = _keys(lang)
    assert keys == EN_KEYS, f"missing {sorted(EN_KEYS - keys)}, extra {sorted(keys - EN_KEYS)}"


@pytest.mark.parametrize("lang", lexicon.LANGUAGES)
def test_every_pack_has_its_stop_words(lang):
    # a pack is all keys of en.json (test above) or its stop words alone; either way the
    # language guess reads its stop words (cleaner/language.py)
    assert load(lang).get("stopwords"), f"{lang}.json: no stop words, so the language guess cannot name it"


def _phrase_lists(lang):
    for key, value in load(lang).items():
        if key.startswith("_"):
            assert isinstance(value, str)
            continue
        phrases = list(value) if isinstance(value, dict) else value
        assert isinstance(phrases, list), key
        yield key, phrases


@pytest.mark.parametrize("lang", lexicon.LANGUAGES)
def test_phrases_are_lower_case_strings(lang):
    for key, phrases in _phrase_lists(lang):
        for p in phrases:
            assert isinstance(p, str) and p, (key, p)
            assert p == p.lower(), f"{lang}.{key}: {p!r} is not lower case"
            assert p == p.strip() and "  " not in p, f"{lang}.{key}: {p!r} has stray spaces"


@pytest.mark.parametrize("lang", lexicon.LANGUAGES)
def test_phrases_are_unique_within_a_file(lang):
    for key, phrases in _phrase_lists(lang):
        folded = [p.casefold() for p in phrases]
        dupes = sorted({p for p in folded if folded.count(p) > 1})
        assert not dupes, f"{lang}.{key}: duplicates {dupes}"


@pytest.mark.parametrize("lang", PHRASE_LANGUAGES)
def test_months_cover_the_year(lang):
    months = load(lang)["months"]
    assert isinstance(months, dict)
    for name, number in months.items():
        assert isinstance(number, int) and 1 <= number <= 12, (name, number)
        # The date reader allows an optional dot after a month name itself.
        assert not name.endswith("."), f"{lang}: write {name!r} without its dot"
    assert set(months.values()) == set(range(1, 13)), f"{lang}: months missing {set(range(1, 13)) - set(months.values())}"


def test_month_names_mean_one_month_in_every_language():
    seen = {}
    for lang in PHRASE_LANGUAGES:
        for name, number in load(lang)["months"].items():
            name = name.casefold()
            assert seen.setdefault(name, (lang, number))[1] == number, \
                f"{name!r} is month {seen[name][1]} in {seen[name][0]} but {number} in {lang}"


def test_date_labels_do_not_end_in_a_weekday_or_month_name():
    # The date pattern does not anchor a weekday or month name at a word start, so a label
    # ending in one ("publica-do" with the German "Do") would swallow the label's tail.
    data = lexicon.data()
    names = set(data["weekdays"]) | set(data["months"])
    for key in ("date_published", "date_modified", "date_connectors"):
        for phrase in data[key]:
            last = phrase.split()[-1]
            clash = [n for n in names if last != n and last.endswith(n)]
            assert not clash, f"{key} {phrase!r} ends in {clash}"


KNOWN = [
    ("de", "ad_markers", "anzeige"),
    ("de", "ad_markers", "werbung"),
    ("de", "related_headings", "lesen sie auch"),
    ("de", "related_headings", "mehr zum thema"),
    ("de", "related_headings", "das könnte sie auch interessieren"),
    ("de", "cta", "folgen sie uns"),
    ("de", "ui_labels", "teilen"),
    ("de", "credit_labels", "bildquelle"),
    ("de", "byline_prefixes", "von"),
    ("de", "source_prefixes", "mit material von"),
    ("de", "date_modified", "stand"),
    ("de", "reading_time", "lesezeit"),
    ("de", "comment_headings", "kommentar schreiben"),
    ("fr", "ad_markers", "publicité"),
    ("fr", "related_headings", "lire aussi"),
    ("fr", "related_headings", "à lire aussi"),
    ("fr", "related_headings", "sur le même sujet"),
    ("fr", "cta", "suivez-nous"),
    ("fr", "ui_labels", "partager"),
    ("fr", "credit_labels", "crédit photo"),
    ("fr", "byline_prefixes", "par"),
    ("fr", "date_published", "publié le"),
    ("fr", "date_modified", "mis à jour le"),
    ("fr", "day_suffixes", "er"),
    ("fr", "reading_time", "min de lecture"),
    ("fr", "comment_headings", "laisser un commentaire"),
    ("es", "ad_markers", "publicidad"),
    ("es", "related_headings", "leer más"),
    ("es", "related_headings", "te puede interesar"),
    ("es", "cta", "síguenos"),
    ("es", "ui_labels", "compartir"),
    ("es", "byline_prefixes", "por"),
    ("es", "source_prefixes", "fuente"),
    ("es", "date_modified", "actualizado"),
    ("es", "reading_time", "minutos de lectura"),
    ("es", "comment_headings", "comentarios"),
    ("pt", "ad_markers", "publicidade"),
    ("pt", "related_headings", "leia também"),
    ("pt", "related_headings", "leia mais"),
    ("pt", "ui_labels", "compartilhar"),
    ("pt", "credit_labels", "imagem"),
    ("pt", "source_prefixes", "fonte"),
    ("pt", "date_modified", "atualizado em"),
    ("pt", "date_connectors", "às"),
    ("pt", "reading_time", "tempo de leitura"),
    ("pt", "comment_headings", "comentários"),
    ("it", "ad_markers", "pubblicità"),
    ("it", "related_headings", "leggi anche"),
    ("it", "related_headings", "potrebbe interessarti"),
    ("it", "ui_labels", "condividi"),
    ("it", "byline_prefixes", "di"),
    ("it", "date_published", "pubblicato il"),
    ("it", "date_modified", "aggiornato"),
    ("it", "reading_time", "min di lettura"),
    ("it", "comment_headings", "commenti"),
    ("pl", "ad_markers", "reklama"),
    ("pl", "ad_markers", "artykuł sponsorowany"),
    ("pl", "related_headings", "czytaj też"),
    ("pl", "related_headings", "zobacz też"),
    ("pl", "related_headings", "polecamy"),
    ("pl", "ui_labels", "udostępnij"),
    ("pl", "credit_labels", "zdjęcie"),
    ("pl", "credit_labels", "fot."),
    ("pl", "source_prefixes", "źródło"),
    ("pl", "source_joiners", "oraz"),
    ("pl", "date_published", "opublikowano"),
    ("pl", "date_modified", "zaktualizowano"),
    ("pl", "reading_time", "min czytania"),
    ("pl", "comment_headings", "komentarze"),
]


@pytest.mark.parametrize("lang,key,phrase", KNOWN)
def test_known_phrase_in_its_language_file(lang, key, phrase):
    assert phrase in load(lang)[key]
    assert phrase.casefold() in lexicon.phrase_set(key)  # and in the merged lexicon


@pytest.mark.parametrize("lang,name,number", [
    ("de", "märz", 3), ("de", "maerz", 3), ("de", "mrz", 3), ("de", "jänner", 1), ("de", "dezember", 12),
    ("fr", "févr", 2), ("fr", "août", 8), ("fr", "déc", 12), ("fr", "décembre", 12),
    ("es", "enero", 1), ("es", "setiembre", 9), ("es", "dic", 12),
    ("pt", "março", 3), ("pt", "out", 10), ("pt", "dezembro", 12),
    ("it", "gennaio", 1), ("it", "giu", 6), ("it", "dicembre", 12),
    ("pl", "stycznia", 1), ("pl", "styczeń", 1), ("pl", "października", 10), ("pl", "grudnia", 12),
    ("pl", "grudzień", 12),
])
def test_known_month(lang, name, number):
    assert load(lang)["months"][name] == number
    assert lexicon.data()["months"][name.casefold()] == number


# Ordinary body lines that must not read as a call to action (cta phrases match a line's start).
BODY_STARTS = [
    "Folgen Sie dem Geld, sagte der Ermittler.",
    "Mit der Anmeldung beim Finanzamt beginnt das Verfahren.",
    "Laden Sie die Corona-Warn-App herunter, empfiehlt das Ministerium.",
    "Suivez le guide, a lancé le ministre.",
    "Partager sur les réseaux sociaux des photos d'enfants est risqué.",
    "Sigue la polémica en el Congreso tras la votación.",
    "Compartir en familia es importante para los niños.",
    "Suscribirse a la plataforma cuesta diez euros al mes.",
    "Ao assinar o decreto, o presidente disse que o país avança.",
    "Inscreva-se no Enem até sexta-feira, lembra o ministério.",
    "Registrati 300 nuovi casi di Covid nelle ultime 24 ore.",
    "Abbonati in calo del dieci per cento quest'anno.",
    "Segui la diretta dal Senato.",
    "Zapisz się na szczepienie przez internet.",
    "Czytaj uważnie regulamin przed podpisaniem umowy.",
    # Openers close to the prompts added for the multilingual dev set.
    "Melde dich krank, riet ihm der Arzt am Telefon.",
    "Jede Spende hilft, sagte die Leiterin der Tafel am Montag.",
    "Hier weiter zu lesen lohnt sich nicht, urteilte die Kritik.",
    "Mit Freunden teilen die Kinder ihr Pausenbrot am liebsten.",
    "Wir verwenden das Geld für neue Schulbücher, sagte die Direktorin.",
    "Abonnenten der Zeitung erhielten die Nachricht zuerst.",
    "Nous utilisons les données publiées par le ministère.",
    "Comparte piso con otros tres estudiantes desde septiembre.",
    "Continue assim, disse o treinador aos jogadores.",
    "Continuano a leggere i giornali di carta soprattutto gli anziani.",
    "Zostawił komentarz na marginesie raportu.",
    "Get out of the car, the officer told the driver.",
]


# Body lines that open like a consent notice but name nothing one consents to.
CONSENT_LOOKALIKES = [
    "Ich bin damit einverstanden, dass die Stadt die Straße sperrt, sagte die Anwohnerin.",
    "By continuing to use the old bridge, drivers risk a fine, the council said.",
    "Al continuar navegando hacia el norte, el barco encontró hielo.",
]


@pytest.mark.parametrize("line", CONSENT_LOOKALIKES)
def test_consent_opener_without_an_object_of_consent_is_body(line):
    from cleaner.model import Document
    from cleaner.passes import cta

    doc = Document(line)
    assert lexicon.match_prefix("consent", line) is not None  # it does open like a notice
    assert not [f for f in cta.run(doc) if f.rule == "cta.consent"]


@pytest.mark.parametrize("line", BODY_STARTS)
def test_body_sentence_is_not_a_call_to_action(line):
    cta = regex.compile(rf"[\W\d_]*{lexicon.alternation('cta')}\b", regex.I | regex.V1)
    assert not cta.match(line)


@pytest.mark.parametrize("text", ["5 days ago", "vor 2 Tagen", "vor einer Stunde", "il y a 3 heures", "hace 2 horas",
                                  "há 3 dias", "3 giorni fa", "2 godziny temu", "Klaus M. · vor 12 Minuten"])
def test_relative_time_in_every_language(text):
    assert lexicon.relative_time().search(text)


@pytest.mark.parametrize("text", ["vor 2 Wochenenden", "3 giorni fantastici a Roma", "hacerlo en 2 horas", "Il y a 3 heureux gagnants", "2 days agony"])
def test_relative_time_lookalikes(text):
    assert not lexicon.relative_time().search(text)


def _first_word_by_pattern(text):
    """first_word as the pattern alone computes it (before its shortcut for a word of letters)."""
    m = lexicon._FIRST_WORD.match(text)
    return m.group(1).casefold().replace("’", "'") if m else ""


def test_every_letter_is_a_word_character_of_the_first_word_pattern():
    """The shortcut of first_word takes a run of str.isalpha letters as the match: that holds
    only if the pattern's class takes every such letter, checked over all of Unicode."""
    import sys

    letters = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isalpha())
    assert len(regex.findall(r"[\w'’&+-]", letters)) == len(letters)


@given(st.lists(st.sampled_from(["Read", "ÜBER", "ǅemal", "ﬁne", "İstanbul", "ß", "日本", "x_y", "it’s", "R&B",
                                 "e-mail", "3", " ", "  ", "\t", ":", "»", "(", "-", "’", "_", "\u00a0", "Ⅻ"]),
                max_size=6).map("".join))
@settings(max_examples=400, deadline=None)
def test_first_word_matches_the_pattern_whatever_the_line(text):
    assert lexicon.first_word(text) == _first_word_by_pattern(text)


def test_first_words_of_a_key_are_those_the_pattern_gives():
    for key in ("cta", "byline_prefixes", "ad_markers", "photo_agencies", "related_inline"):
        assert lexicon.first_words(key) == frozenset(_first_word_by_pattern(p) for p in lexicon.data()[key])

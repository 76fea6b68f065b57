"""The language of text input: a BCP 47 code from the text's common words, or None when unsure."""
from __future__ import annotations

import pytest

from cleaner import clean_text
from cleaner.language import STOPWORDS, detect

#: One short news paragraph per language, written for these tests.
SAMPLES = {
    "en": "The city council approved the new budget on Monday after a debate that ran late into the evening. "
          "The mayor said the plan would protect services, and the opposition said it would go to court.",
    "de": "Der Stadtrat hat am Montag den neuen Haushalt beschlossen, nachdem die Debatte bis in den Abend "
          "gedauert hatte. Die Bürgermeisterin sagte, der Plan schütze die Dienste, und die Opposition will klagen.",
    "fr": "Le conseil municipal a adopté lundi le nouveau budget après un débat qui s'est prolongé tard dans "
          "la soirée. Le maire a dit que le plan protège les services et l'opposition veut saisir la justice.",
    "es": "El ayuntamiento aprobó el lunes el nuevo presupuesto después de un debate que se alargó hasta la "
          "noche. La alcaldesa dijo que el plan protege los servicios y la oposición irá a los tribunales.",
    "pt": "A câmara municipal aprovou na segunda-feira o novo orçamento depois de um debate que se prolongou "
          "pela noite. O presidente disse que o plano protege os serviços e a oposição vai para os tribunais.",
    "it": "Il consiglio comunale ha approvato lunedì il nuovo bilancio dopo un dibattito che è durato fino a "
          "sera. Il sindaco ha detto che il piano protegge i servizi e l'opposizione andrà in tribunale.",
    "pl": "Rada miasta przyjęła w poniedziałek nowy budżet po debacie, która trwała do późnego wieczora. "
          "Burmistrz powiedział, że plan chroni usługi, a opozycja zapowiada, że pójdzie do sądu.",
    "nl": "De gemeenteraad heeft maandag de nieuwe begroting aangenomen na een debat dat tot laat in de avond "
          "duurde. De burgemeester zei dat het plan de diensten beschermt en de oppositie gaat naar de rechter.",
}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_each_language_is_recognised(lang):
    assert detect(SAMPLES[lang]) == lang


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_a_paragraph_among_another_languages_boilerplate_keeps_its_language(lang):
    # An English "Advertisement" or "Share" on a German page does not make it English.
    text = "Advertisement\nShare\nMenu\n" + SAMPLES[lang] + "\nSubscribe"
    assert detect(text) == lang


@pytest.mark.parametrize("text", ["", "Budget", "Home News Sport", "12 345 678", "Jane Smith, John Doe"])
def test_too_little_evidence_gives_none(text):
    assert detect(text) is None


def test_scripts_of_one_language_decide():
    assert detect("新しい図書館が駅前に開館した。市民は喜んでいる。") == "ja"
    assert detect("新图书馆在火车站附近开放，市民们非常高兴。") == "zh"
    assert detect("새 도서관이 역 앞에 문을 열었다. 시민들은 기뻐하고 있다.") == "ko"


def test_only_the_start_of_a_long_text_is_read():
    # The German start decides; an English tail much longer than the sample is not read.
    text = SAMPLES["de"] * 30 + " " + SAMPLES["en"] * 200
    assert detect(text) == "de"


def test_every_stopword_list_is_lower_case_and_short_words():
    for lang, words in STOPWORDS.items():
        assert words and all(w == w.lower() and len(w) <= 12 for w in words), lang


def test_text_input_fills_the_language_field():
    article = clean_text("Council approves budget\n\n" + SAMPLES["en"])
    assert article.language == "en"
    assert article.to_dict()["language"] == "en"


def test_text_input_without_enough_words_has_no_language():
    assert clean_text("Budget\n\nMenu").language is None


def test_script_ranges_count_as_the_standard_engine_would():
    """The script ranges are compiled by the regex module (cheaper to build); a code point
    range must count the same characters as with the standard one, at both ends of each range."""
    import re

    from cleaner import language

    edges = "".join(chr(c) for lo, hi in ((0xAC00, 0xD7AF), (0x3040, 0x30FF), (0x4E00, 0x9FFF), (0x0370, 0x03FF))
                    for c in (lo - 1, lo, (lo + hi) // 2, hi, hi + 1))
    text = "Plain words, Ελληνικά, 한국어, ひらがな, カタカナ, 漢字 and Ǆ ß ŉ. " + edges
    for pattern in (language._HANGUL, language._KANA, language._HAN, language._GREEK):
        assert pattern.findall(text) == re.findall(pattern.pattern, text)
        assert pattern.findall(text)  # each range is seen in the text

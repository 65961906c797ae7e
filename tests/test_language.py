"""Tests for language.py: script, letters and function words."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from testimony_nlp.language import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # English, including very short texts and texts full of Central Asian names
        ("Police detained him", "en"),
        ("He was fined.", "en"),
        ("Roadside bomb kills soldiers", "en"),
        ("Yerzhan Tokhtarov, Gulmira Sadykbekova and Nurlan Abilkairov met in Shymkent.", "en"),
        ("Officers of the KNB searched the flat of Ömirzak Serikbaýuly in Taraz.", "en"),
        ("Şahin Yıldız and Gülnara Qoʻchqorova were detained by police in Ankara.", "en"),
        ("Le Monde reported that Jean de la Fontaine was arrested in Paris.", "en"),
        # other Latin-script languages
        ("Il a été arrêté à la gare et condamné à une amende.", "fr"),
        ("Er wurde am Montag von der Polizei festgenommen und ist noch in Haft.", "de"),
        ("El periodista fue detenido por la policía en la capital.", "es"),
        ("Il giornalista è stato arrestato dalla polizia nella capitale.", "it"),
        ("O jornalista foi preso pela polícia e não foi libertado.", "pt"),
        ("De journalist werd door de politie gearresteerd en is nog niet vrij.", "nl"),
        ("Dziennikarz został zatrzymany przez policję i nie jest jeszcze wolny.", "pl"),
        ("Gazeteci polis tarafından gözaltına alındı ve sonra serbest bırakıldı.", "tr"),
        ("Jurnalist polis tərəfindən saxlanılıb və məhkəməyə aparılıb.", "az"),
        # Cyrillic
        ("Меня задержали полицейские у здания суда.", "ru"),
        ("Журналиста задержали в Киеве.", "ru"),
        ("Мене затримали поліцейські біля будівлі суду, і я провів там ніч.", "uk"),
        ("Журналист полиция қызметкерлері тарапынан ұсталды және сотқа жеткізілді.", "kk"),
        ("Журналист милиция тарабынан кармалды жана үйүнөн алып кетишти.", "ky"),
        ("Рӯзноманигорро милиса дар Душанбе боздошт кард ва ба додгоҳ бурд.", "tg"),
        ("Журналіста затрымалі ў Мінску пасля акцыі.", "be"),
        ("Журналистът беше задържан от полицията в София във вторник.", "bg"),
        # Arabic script
        ("این وکیل حقوق بشر در تهران بازداشت شد و به زندان منتقل گردید.", "fa"),
        ("اعتقلت الشرطة الصحفي في العاصمة يوم الاثنين الماضي.", "ar"),
        # other scripts
        ("警察在首都逮捕了这名记者。", "zh"),
        ("警察は首都でその記者を逮捕しました。", "ja"),
        ("Η αστυνομία συνέλαβε τον δημοσιογράφο.", "el"),
        ("პოლიციამ ჟურნალისტი დააკავა თბილისში.", "ka"),
        ("पुलिस ने पत्रकार को गिरफ्तार किया।", "hi"),
    ],
)
def test_language_detects(text: str, expected: str) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", ["", "   \n", "12 345 678", "ok", "-- // ..."])
def test_language_unsure_is_und(text: str) -> None:
    assert detect_language(text) == "und"


def test_language_english_text_quoting_a_russian_word_stays_english() -> None:
    text = "The police charged him under article 212, «массовые беспорядки», and he was fined. " * 5
    assert detect_language(text) == "en"


def test_language_russian_text_naming_a_ukrainian_city_stays_russian() -> None:
    text = "Активиста задержали на вокзале, когда он возвращался из Києва домой. " * 10
    assert detect_language(text) == "ru"


def test_language_is_fast_on_long_texts() -> None:
    text = ("On 3 March 2023 officers of the police detained me in Almaty. " * 200)[:10_000]
    runs = 200
    started = time.perf_counter()
    for _ in range(runs):
        detect_language(text)
    per_call_ms = (time.perf_counter() - started) / runs * 1000
    assert per_call_ms < 1.0  # about 0.1 ms on a laptop; generous for loaded CI machines


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_language_never_raises(text: str) -> None:
    code = detect_language(text)
    assert code == "und" or (code.isalpha() and len(code) == 2)

"""Language identification: script first, then letters (Cyrillic, Arabic) or function words (Latin).

Small, dependency-free and fast (it looks at the first few thousand characters only). It knows
the languages this project meets: English and the main European languages, Turkish,
Azerbaijani, Uzbek, the Cyrillic languages of Eastern Europe and Central Asia, Persian,
Arabic, Urdu and Pashto, and the major scripts of Asia. It answers ``"und"`` when the text
is too short or holds no letters.
"""

from __future__ import annotations

from collections import Counter

__all__ = ["SAMPLE_CHARS", "detect_language"]

SAMPLE_CHARS = 2000
"""Characters looked at: enough for a stable answer, small enough to be fast."""
_LETTERS_SAMPLE = 1500  # characters looked at for Cyrillic letters
_WORDS_SAMPLE = 1000  # characters looked at for function words

# Scripts are counted on the UTF-8 bytes of the sample: one ``bytes.translate`` maps every
# byte to a class (an ASCII letter, or the lead byte of a Unicode block), then ``bytes.count``
# counts each class. Both run in C, far faster than a regular expression over characters.
_CLASS_OF_BYTE = bytearray(b"." * 256)
for _byte in [*range(65, 91), *range(97, 123), *range(0xC3, 0xCA)]:
    _CLASS_OF_BYTE[_byte] = ord("L")  # ASCII letters and U+00C0-U+024F
for _classes, _leads in {
    "C": range(0xD0, 0xD4),  # Cyrillic U+0400-U+04FF
    "G": range(0xCE, 0xD0),  # Greek
    "Y": range(0xD5, 0xD6),  # Armenian
    "H": range(0xD7, 0xD8),  # Hebrew
    "A": [0xD8, 0xD9, 0xDA, 0xDB, 0xDD],  # Arabic
    "0": range(0xE0, 0xE1),  # Indic scripts, Thai
    "1": range(0xE1, 0xE2),  # Georgian, Ethiopic, Latin Extended Additional ...
    "3": range(0xE3, 0xE4),  # kana
    "Z": range(0xE4, 0xEA),  # CJK ideographs
    "K": range(0xEA, 0xEE),  # Hangul syllables
}.items():
    for _byte in _leads:
        _CLASS_OF_BYTE[_byte] = ord(_classes)
_CLASS_OF_BYTE = bytes(_CLASS_OF_BYTE)
_SCRIPT_CLASSES = {
    "latin": b"L",
    "cyrillic": b"C",
    "greek": b"G",
    "armenian": b"Y",
    "hebrew": b"H",
    "arabic": b"A",
    "kana": b"3",
    "han": b"Z",
    "hangul": b"K",
}
# Three-byte characters whose block is named by the second byte too.
_SECOND_BYTE_SCRIPTS = {
    "devanagari": (b"\xe0\xa4", b"\xe0\xa5"),
    "bengali": (b"\xe0\xa6", b"\xe0\xa7"),
    "thai": (b"\xe0\xb8", b"\xe0\xb9"),
    "georgian": (b"\xe1\x82", b"\xe1\x83"),
    "ethiopic": tuple(b"\xe1" + bytes([i]) for i in range(0x88, 0x8E)),
}
_SINGLE_LANGUAGE_SCRIPTS = {
    "greek": "el",
    "hebrew": "he",
    "armenian": "hy",
    "georgian": "ka",
    "devanagari": "hi",
    "bengali": "bn",
    "thai": "th",
    "hangul": "ko",
    "ethiopic": "am",
}
_STRIPPED = ".,;:!?\"'()[]{}«»“”‘’„…-–—/*#<>|"
_MIN_LETTERS = 3

# Function words: frequent, short, and mostly specific to one language. Shared words
# (e.g. "de", "a", "in") count for every language listing them; distinctive words decide.
_FUNCTION_WORDS: dict[str, str] = {
    "en": "the of and to in is was were are be been being a an that it he she they we i you "
    "his her their our my me him them us this these those with for on at by from as not no "
    "but or had has have will would could should can may must which who whom what when where "
    "why how after before into about there then than also did do does its said says here "
    "all any some one out up so if just now only very over under while during against",
    "fr": "le la les un une des du de et est sont été était dans pour par avec sur ne pas que "
    "qui au aux il elle ils nous vous je ce cette ces son sa ses leur mais ou où été a",
    "de": "der die das den dem des ein eine einen einem und ist sind war wurde wurden nicht mit "
    "von zu auf für im ich er sie wir ihr es auch sich dass aus bei nach oder aber wie noch",
    "es": "el la los las un una unos de del y es son fue era en por para con que se no su sus "
    "al lo como más pero le les ya muy sobre este esta entre",
    "it": "il lo la gli le un una di del della dei delle e è sono era in per con che non si "
    "al alla nel nella da dal ma come anche più questo questa",
    "pt": "o a os as um uma de do da dos das e é são foi era em no na nos nas por para com que "
    "não se seu sua ao à mas como mais pelo pela também",
    "nl": "de het een en is zijn was waren niet met van te op voor in ik hij zij wij ze dat die "
    "er ook aan bij naar om maar uit werd worden",
    "pl": "i w z na do że się nie jest był była było są to od po za jak ale o przez dla oraz "
    "jego jej ich tym który która które",
    "tr": "ve bir bu da de ile için olarak olan çok daha ama gibi ne her kadar sonra önce ben "
    "sen o biz siz onlar değil mi var yok tarafından",
    "az": "və bir bu da də ilə üçün olaraq olan çox daha amma kimi nə hər qədər sonra əvvəl "
    "mən sən o biz siz onlar deyil var yox tərəfindən",
    "uz": "va bir bu ham bilan uchun edi emas men sen u biz siz ular bor yoʻq keyin oldin "
    "boʻlgan qilib kabi lekin yoki haqida",
    "ro": "și în la cu de pe un o a al ale este sunt era nu că se care pentru din mai dar",
}
_WORD_LANGUAGES: dict[str, tuple[str, ...]] = {}
for _lang, _words in _FUNCTION_WORDS.items():
    for _word in set(_words.split()):
        _WORD_LANGUAGES[_word] = (*_WORD_LANGUAGES.get(_word, ()), _lang)

# Letters that only some Latin alphabets use: a weak hint, counted once per word.
_LATIN_LETTER_HINTS: dict[str, str] = {
    "tr": "ğış",
    "az": "ə",
    "de": "ßäöü",
    "es": "ñ¿¡",
    "pt": "ãõ",
    "fr": "èêëœçîû",
    "pl": "łąęśźżćń",
    "ro": "ășțâ",
    "uz": "ʻ",
}
_LETTER_HINT_WEIGHT = 0.5
_LATIN_FALLBACK = "en"  # a Latin-script text with no known function word is most likely English


def _script_counts(sample: str) -> dict[str, int]:
    data = sample.encode("utf-8", "ignore")
    classes = data.translate(_CLASS_OF_BYTE)
    counts = {script: classes.count(cls) for script, cls in _SCRIPT_CLASSES.items()}
    if classes.count(b"0") + classes.count(b"1") > 0.1 * len(sample):
        for script, prefixes in _SECOND_BYTE_SCRIPTS.items():
            counts[script] = sum(data.count(prefix) for prefix in prefixes)
    return counts


_CYRILLIC_MARKERS = "ӣӯҷәұһғқіўҳңөүђћџљњѓќѕїєґыэёъҗҙҡҫ"
_RARE_SHARE = 0.003  # a marker letter counts when it is this frequent (or the text is short)
_SHORT_TEXT = 300


_RUSSIAN_WORDS = frozenset(
    {"что", "это", "как", "он", "она", "они", "был", "была", "было", "были", "когда", "если",
     "его", "её", "уже", "только"}
)  # fmt: skip
_UKRAINIAN_WORDS = frozenset(
    {"що", "це", "як", "він", "вона", "вони", "був", "була", "було", "були", "коли", "якщо",
     "його", "її", "вже", "та"}
)  # fmt: skip
_WORD_WEIGHT = 3  # a function word says more than a letter


def _cyrillic_language(sample: str) -> str:
    """Tell the Cyrillic languages apart by the letters only some of their alphabets have."""
    lower = sample[:_LETTERS_SAMPLE].lower()
    total = max(1, _script_counts(lower)["cyrillic"])
    counts = {c: lower.count(c) for c in _CYRILLIC_MARKERS}

    def count(letters: str) -> int:
        return sum(counts[c] for c in letters)

    def present(letters: str) -> bool:
        n = count(letters)
        return n >= 1 and (n / total >= _RARE_SHARE or total < _SHORT_TEXT)

    if present("ӣӯҷ"):
        return "tg"
    if present("җ"):
        return "tt"
    if present("ҙҡҫ"):
        return "ba"
    if present("әұһ") or (present("ғқ") and present("і")):
        return "kk"
    if present("ў"):
        return "uz" if present("ғқҳ") else "be"
    if present("ңөү"):
        return "ky"
    if present("ђћџљњ"):
        return "sr"
    if present("ѓќѕ"):
        return "mk"
    if count("іїєґ"):
        words = Counter(lower.split())
        russian = count("ыэё") + _WORD_WEIGHT * sum(words[w] for w in _RUSSIAN_WORDS)
        ukrainian = count("іїєґ") + _WORD_WEIGHT * sum(words[w] for w in _UKRAINIAN_WORDS)
        if ukrainian > russian:
            return "uk"
    if count("ыэё") == 0 and count("ъ") / total > 0.005:
        return "bg"
    return "ru"


def _arabic_language(sample: str) -> str:
    urdu = sum(sample.count(c) for c in "ٹڈڑںے")
    pashto = sum(sample.count(c) for c in "ټډړږښګڼ")
    persian = sum(sample.count(c) for c in "پچژگیک")
    arabic = sum(sample.count(c) for c in "يكةى")
    if pashto > 2 and pashto >= urdu:
        return "ps"
    if urdu > 2:
        return "ur"
    return "fa" if persian > arabic else "ar"


def _latin_language(sample: str) -> str:
    """Score each language by its function words, plus a small bonus for its letters."""
    tokens = Counter(sample[:_WORDS_SAMPLE].lower().split())
    scores: dict[str, float] = {}
    n_words = 0
    for token, n in tokens.items():
        word = token if token in _WORD_LANGUAGES else token.strip(_STRIPPED)
        if not word or not word.isalpha():
            continue
        n_words += n
        for lang in _WORD_LANGUAGES.get(word, ()):
            scores[lang] = scores.get(lang, 0.0) + n
        if not word.isascii():
            for lang, letters in _LATIN_LETTER_HINTS.items():
                if any(c in word for c in letters):
                    scores[lang] = scores.get(lang, 0.0) + n * _LETTER_HINT_WEIGHT
    if not scores:
        return _LATIN_FALLBACK if n_words >= 3 else "und"
    return min(scores.items(), key=lambda kv: (-kv[1], kv[0] != "en"))[0]


def detect_language(text: str) -> str:
    """Identify the language of a text.

    Args:
        text: any text; only its first :data:`SAMPLE_CHARS` characters are looked at.

    Returns:
        An ISO 639-1 code such as ``"en"``, ``"ru"``, ``"kk"``, ``"uk"``, ``"fa"``, ``"ar"``,
        ``"tr"``, ``"fr"``, ``"de"``, ``"es"``, or ``"und"`` when the text is too short or has
        no letters. Latin-script text without any known function word counts as English.
    """
    if not isinstance(text, str):
        return "und"
    sample = text[:SAMPLE_CHARS]
    counts = _script_counts(sample)
    script, total = max(counts.items(), key=lambda kv: kv[1])
    if total < _MIN_LETTERS:
        return "und"
    if script == "latin":
        return _latin_language(sample)
    if script == "cyrillic":
        return _cyrillic_language(sample)
    if script == "arabic":
        return _arabic_language(sample)
    if script in ("kana", "han"):
        return "ja" if counts["kana"] >= 0.1 * (counts["kana"] + counts["han"]) else "zh"
    return _SINGLE_LANGUAGE_SCRIPTS.get(script, "und")

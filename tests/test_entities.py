"""Tests for the entity corrections and the narrator (testimony_nlp.entities)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from testimony_nlp.entities import EntityCorrector, EntityLexicon, canonical_name, default_lexicon


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("tnlp_entities")
    return nlp


def make(nlp, tagged: list[tuple[str, str]], language: str = "en") -> Doc:
    """A Doc from (word, IOB tag) pairs, every word followed by a space."""
    words = [w for w, _ in tagged]
    ents = [t for _, t in tagged]
    doc = Doc(nlp.vocab, words=words, spaces=[True] * len(words), ents=ents)
    doc._.language = language
    return doc


def ents_of(doc: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def run(nlp, tagged: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return ents_of(nlp.get_pipe("tnlp_entities")(make(nlp, tagged)))


O = "O"  # noqa: E741  (the IOB outside tag reads best as O)
CASES = {
    "possessive_org_straight": (
        [("said", O), ("Freedom", "B-PERSON"), ("House", "I-PERSON"), ("'s", "I-PERSON"),
         ("report", O)],
        [("Freedom House", "ORG")],
    ),
    "possessive_acronym_curly": (
        [("the", O), ("IWPR", "B-PERSON"), ("’s", "I-PERSON"), ("reporter", O)],
        [("IWPR", "ORG")],
    ),
    "possessive_trust_head": (
        [("a", O), ("Rory", "B-PERSON"), ("Peck", "I-PERSON"), ("Trust", "I-PERSON"),
         ("’s", "I-PERSON"), ("grant", O)],
        [("Rory Peck Trust", "ORG")],
    ),
    "possessive_person_stays_person": (
        [("and", O), ("Nodira", "B-PERSON"), ("Yusupova", "I-PERSON"), ("'s", "I-PERSON"),
         ("lawyer", O)],
        [("Nodira Yusupova", "PERSON")],
    ),
    "org_preposition_inside": (
        [("and", O), ("Reporters", "B-PERSON"), ("Without", "I-PERSON"), ("Borders", "I-PERSON")],
        [("Reporters Without Borders", "ORG")],
    ),
    "surname_tagged_org": (
        [("of", O), ("Rustam", "B-ORG"), ("Ismailov", "I-ORG"), ("’s", "I-ORG"), ("family", O)],
        [("Rustam Ismailov", "PERSON")],
    ),
    "surname_tagged_norp": (
        [("met", O), ("Aigerim", "B-NORP"), ("Tursunkyzy", "I-NORP"), ("today", O)],
        [("Aigerim Tursunkyzy", "PERSON")],
    ),
    "surname_tagged_gpe_strong": (
        [("met", O), ("Giorgi", "B-GPE"), ("Beridze", "I-GPE"), ("today", O)],
        [("Giorgi Beridze", "PERSON")],
    ),
    "lone_surname_tagged_org": (
        [("said", O), ("Abdullayev", "B-ORG"), ("had", O), ("left", O)],
        [("Abdullayev", "PERSON")],
    ),
    "given_name_gpe_surname_untagged": (
        [("held", O), ("Narges", "B-GPE"), ("Rahimi", O), ("in", O), ("Baku", "B-GPE")],
        [("Narges Rahimi", "PERSON"), ("Baku", "GPE")],
    ),
    "untagged_name_with_patronymic": (
        [("detained", O), ("Sergei", O), ("Ivanovich", O), ("Petrenko", O), ("there", O)],
        [("Sergei Ivanovich Petrenko", "PERSON")],
    ),
    "title_is_not_part_of_the_name": (
        [("then", O), ("Judge", O), ("Abdurakhmonov", O), ("sentenced", O), ("him", O)],
        [("Abdurakhmonov", "PERSON")],
    ),
    "coordinated_with_a_person": (
        [("with", O), ("Ainur", "B-PERSON"), ("Bekova", "I-PERSON"), (",", O),
         ("Sultanov", "B-GPE"), ("and", O), ("Mamedov", "B-GPE"), ("yesterday", O)],
        [("Ainur Bekova", "PERSON"), ("Sultanov", "PERSON"), ("Mamedov", "PERSON")],
    ),
    "acronym_tagged_person": (
        [("by", O), ("the", O), ("SGB", "B-PERSON"), ("in", O), ("Ashgabat", "B-GPE")],
        [("SGB", "ORG"), ("Ashgabat", "GPE")],
    ),
    "acronym_tagged_gpe": (
        [("the", O), ("GKNB", "B-GPE"), ("summoned", O), ("him", O)],
        [("GKNB", "ORG")],
    ),
    "acronym_untagged": (
        [("officers", O), ("of", O), ("the", O), ("MVD", O), ("and", O), ("OSCE", O)],
        [("MVD", "ORG"), ("OSCE", "ORG")],
    ),
    "unknown_capitals_person": (
        [("the", O), ("ZKTB", "B-PERSON"), ("said", O)],
        [("ZKTB", "ORG")],
    ),
    "person_after_in_is_a_place": (
        [("detained", O), ("in", O), ("Ashgabat", "B-PERSON"), ("on", O), ("Monday", "B-DATE")],
        [("Ashgabat", "GPE"), ("Monday", "DATE")],
    ),
    "surname_after_in_stays_person": (
        [("confided", O), ("in", O), ("Karimova", "B-PERSON"), ("later", O)],
        [("Karimova", "PERSON")],
    ),
    "city_with_surname_ending_stays": (
        [("police", O), ("in", O), ("Kirov", "B-GPE"), ("and", O), ("Rostov", "B-GPE")],
        [("Kirov", "GPE"), ("Rostov", "GPE")],
    ),
    "two_word_place_with_unclear_ending": (
        [("flew", O), ("to", O), ("New", "B-GPE"), ("Delhi", "I-GPE"), ("then", O)],
        [("New Delhi", "GPE")],
    ),
    "nationality_stays_norp": (
        [("by", O), ("Iranian", "B-NORP"), ("authorities", O)],
        [("Iranian", "NORP")],
    ),
    "street_named_after_a_person": (
        [("on", O), ("Aziz", O), ("Karimov", O), ("Street", O), ("today", O)],
        [],
    ),
    "foundation_named_after_a_person": (
        [("the", O), ("Aziz", "B-ORG"), ("Karimov", "I-ORG"), ("Foundation", "I-ORG")],
        [("Aziz Karimov Foundation", "ORG")],
    ),
    "name_after_kinship_noun_tagged_gpe": (
        [("my", O), ("cousin", O), ("Mehrubon", "B-GPE"), ("fled", O)],
        [("Mehrubon", "PERSON")],
    ),
    "place_after_capitalised_title_stays": (
        [("the", O), ("Brother", O), ("Tashkent", "B-GPE"), ("office", O)],
        [("Tashkent", "GPE")],
    ),
    "dates_untouched": (
        [("in", O), ("March", "B-DATE"), ("2019", "I-DATE"), ("'s", O), ("raid", O)],
        [("March 2019", "DATE")],
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", list(CASES))
def test_entities_corrections(blank, case):
    tagged, expected = CASES[case]
    assert run(blank, tagged) == expected


def test_entities_canonical_names(blank):
    doc = make(
        blank,
        [("the", "B-ORG"), ("Rory", "I-ORG"), ("Peck", "I-ORG"), ("Trust", "I-ORG"),
         ("’s", "I-ORG"), ("grant", O), ("for", O), ("Dilnoza", "B-PERSON"),
         ("Karimova", "I-PERSON"), ("'s", "I-PERSON"), ("work", O), ("in", O), ("Osh", "B-GPE")],
    )  # fmt: skip
    doc = blank.get_pipe("tnlp_entities")(doc)
    assert [(e.text, e.label_, e._.canonical) for e in doc.ents] == [
        ("the Rory Peck Trust", "ORG", "Rory Peck Trust"),
        ("Dilnoza Karimova", "PERSON", "Dilnoza Karimova"),
        ("Osh", "GPE", None),
    ]


@pytest.mark.parametrize(
    ("words", "spaces", "expected"),
    [
        (["Dilnoza", "\n", "Karimova"], [False, False, False], "Dilnoza Karimova"),
        (["“", "Memorial", "”"], [False, False, False], "Memorial"),
        (["Ismailov", "’s"], [False, False], "Ismailov"),
        (["The", "Committee"], [True, False], "Committee"),
    ],
)
def test_entities_canonical_name_normalises(blank, words, spaces, expected):
    doc = Doc(blank.vocab, words=words, spaces=spaces)
    assert canonical_name(doc[:]) == expected


def test_entities_other_languages_are_skipped(blank):
    tagged = [("the", O), ("SGB", "B-PERSON"), ("took", O), ("me", O), (".", O)]
    doc = blank.get_pipe("tnlp_entities")(make(blank, tagged, language="ru"))
    assert ents_of(doc) == [("SGB", "PERSON")]
    assert doc._.narrator is None


# --------------------------------------------------------------------------- narrator

FIRST_PERSON = (
    "On 4 May police came to my flat. They took me to the station in Osh. "
    "The officers questioned a neighbour. I was released at night."
)
THIRD_PERSON = (
    "On 4 May police came to the flat of Aziz Karimov. They took him to the station. "
    "He was released at night. His lawyer complained."
)
QUOTED_ONLY = (
    "“I was beaten and they took my phone,” said Aziz Karimov. Police denied it. "
    "The prosecutor opened no case. Karimov left the country."
)
NEWS_WITH_ONE_ASIDE = (
    "Police detained Karimov on Monday. He was taken to Osh. The court fined him. "
    "His lawyer appealed. The appeal failed. Journalists were barred. Relatives protested. "
    "The embassy was informed. Karimov went on hunger strike. I could not reach the police."
)


@pytest.mark.parametrize(
    ("text", "author", "expected"),
    [
        (FIRST_PERSON, "Dilnoza Karimova", "Dilnoza Karimova"),
        (FIRST_PERSON, None, "narrator"),
        (THIRD_PERSON, "Dilnoza Karimova", None),
        (THIRD_PERSON, None, None),
        (QUOTED_ONLY, None, None),
        (NEWS_WITH_ONE_ASIDE, "A reporter", None),
        ("I was detained.", None, "narrator"),
        ("", None, None),
    ],
)
def test_entities_narrator(blank, text, author, expected):
    doc = blank.make_doc(text)
    doc._.author = author
    assert blank.get_pipe("tnlp_entities")(doc)._.narrator == expected


def test_entities_narrator_uses_the_parser_sentences(blank):
    doc = blank.make_doc("Police came. They searched my flat. Nothing was found.")
    for token in doc:
        token.is_sent_start = token.i == 0  # one sentence only: 1 of 1 is first person
    assert blank.get_pipe("tnlp_entities")(doc)._.narrator == "narrator"


# --------------------------------------------------------------------------- state


def test_entities_lexicon_round_trip(tmp_path):
    component = EntityCorrector(lexicon=default_lexicon())
    component.to_disk(tmp_path / "tnlp_entities")
    restored = EntityCorrector().from_disk(tmp_path / "tnlp_entities")
    assert restored.lexicon == component.lexicon
    assert "KNB" in restored.lexicon.acronyms
    assert restored.lexicon.surname_suffixes[0] == "shvili"  # longest ending first


def test_entities_from_disk_changes_the_rules(blank, tmp_path):
    EntityLexicon.from_dict({"acronyms": ["XYZB"]}).write(tmp_path)
    component = EntityCorrector().from_disk(tmp_path)
    doc = make(blank, [("the", O), ("XYZB", O), ("and", O), ("KNB", O)])
    assert ents_of(component(doc)) == [("XYZB", "ORG")]


# --------------------------------------------------------------------------- with the model


@pytest.fixture(scope="module")
def small(base_nlp):
    nlp = spacy.blank("en")  # keep the shared fixture untouched: copy its components by source
    for name in base_nlp.pipe_names:
        nlp.add_pipe(name, source=base_nlp)
    nlp.add_pipe("tnlp_entities", after="ner")
    return nlp


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Amnesty International's statement said Rustam Ismailov's relatives were threatened.",
            [("Amnesty International", "ORG"), ("Rustam Ismailov", "PERSON")],
        ),
        (  # the model: "Narges" GPE, "Rahimi" outside
            "Activists said Mehdi Hosseinzadeh and Narges Rahimi were held by the NSS.",
            [("Mehdi Hosseinzadeh", "PERSON"), ("Narges Rahimi", "PERSON"), ("NSS", "ORG")],
        ),
        (  # the model: "SGB" and "Ashgabat" PERSON
            "I was detained by the SGB in Ashgabat. My lawyer, Yerlan Bekov, complained.",
            [("SGB", "ORG"), ("Ashgabat", "GPE"), ("Yerlan Bekov", "PERSON")],
        ),
    ],
)  # fmt: skip
def test_entities_with_the_small_model(small, text, expected):
    assert ents_of(small(text)) == expected


@pytest.mark.parametrize(
    ("tagged", "expected"),
    [
        # a one-word "organisation" after a locative preposition is a town
        (
            [("a", O), ("court", O), ("in", O), ("Krasnodar", "B-ORG"), ("ruled", O)],
            [("Krasnodar", "GPE")],
        ),
        # a dateline opening the text: NAME, date
        (
            [("KRASNODAR", "B-ORG"), (",", O), ("24", "B-DATE"), ("May", "I-DATE")],
            [("KRASNODAR", "GPE"), ("24 May", "DATE")],
        ),
        # a weak surname ending does not make a person of a town after "in"
        ([("In", O), ("Grozny", "B-PERSON"), ("that", O), ("is", O)], [("Grozny", "GPE")]),
        # two words after "in", none an organisation word
        (
            [("in", O), ("Mineralnye", "B-ORG"), ("Vody", "I-ORG"), ("two", O)],
            [("Mineralnye Vody", "GPE")],
        ),
        # ... but an organisation word keeps it an organisation
        (
            [("in", O), ("Freedom", "B-ORG"), ("House", "I-ORG"), ("reports", O)],
            [("Freedom House", "ORG")],
        ),
        # one reading per document: the town read as a place once, the surname of a person
        (
            [("in", O), ("Osh", "B-GPE"), ("and", O), ("Osh", "B-ORG"), ("police", O)],
            [("Osh", "GPE"), ("Osh", "GPE")],
        ),
        (
            [("Alena", "B-PERSON"), ("Kavaleva", "I-PERSON"), ("said", O), ("that", O),
             ("Kavaleva", "B-GPE"), ("was", O)],
            [("Alena Kavaleva", "PERSON"), ("Kavaleva", "PERSON")],
        ),
    ],
)  # fmt: skip
def test_entities_one_place_reading_per_name(blank, tagged, expected):
    assert run(blank, tagged) == expected


INTERVIEW = (
    "A blogger on his arrest\n\n"
    "Timur Aliyev, 31, ran a news channel in Osh until last spring. His brother Nurlan was "
    "detained in March. We spoke to Timur Aliyev by phone.\n\n"
    "- When did the trouble start?\n\n"
    "- In March. Police came to my flat and took me to the station.\n\n"
    "- Were you beaten?\n\n"
    "- No. But I was questioned for six hours."
)


@pytest.mark.parametrize(
    ("text", "author", "narrator"),
    [
        # the one the introduction says was spoken to answers the questions
        (INTERVIEW, None, "Timur Aliyev"),
        # a byline names the narrator
        (INTERVIEW, "Aida Bekova", "Aida Bekova"),
        # first-person text without question lines: an unnamed narrator
        (INTERVIEW.replace("?", "."), None, "narrator"),
    ],
)
def test_entities_narrator_of_an_interview_is_its_interviewee(nlp, text, author, narrator):
    doc = nlp.make_doc(text)
    doc._.author = author
    assert nlp(doc)._.narrator == narrator

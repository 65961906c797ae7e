"""The events stage on hand-written sentences: one case per phrasing class."""

from __future__ import annotations

import pytest

from testimony_nlp.events import EVENT_FIELDS


@pytest.fixture(scope="module")
def events_nlp():
    """The base model with only the events stage (no time or place stage)."""
    import testimony_nlp.events  # noqa: F401  (registers the factory)
    from testimony_nlp.pipeline import load_base_model

    nlp = load_base_model()
    nlp.add_pipe("tnlp_events", last=True)
    return nlp


def summary(nlp, text: str) -> list[tuple]:
    doc = nlp(text)
    return [(e["event_type"], e["status"], e["victim"], e["perpetrator"]) for e in doc._.events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # active and passive voice
        (
            "Police arrested my neighbour on Monday.",
            [("detention", "occurred", "my neighbour", "police")],
        ),
        (
            "I was detained by officers of the KNB at the airport.",
            [("detention", "occurred", "narrator", "security service (KNB)")],
        ),
        # nominalisations
        (
            "The arrest of Marat Ospanov shocked his colleagues.",
            [("detention", "occurred", "Marat Ospanov", None)],
        ),
        (
            "Officers carried out a raid on the office of our newspaper.",
            [("seizure", "occurred", "narrator", "police")],
        ),
        # light verbs and destinations
        (
            "Police took him into custody after the rally.",
            [("detention", "occurred", "him", "police")],
        ),
        (
            "Doctors placed her in a psychiatric clinic against her will.",
            [("psychiatric_commitment", "occurred", "her", "doctors")],
        ),
        (
            "I was subjected to a drug test at the police station.",
            [("drug_test", "occurred", "narrator", "police")],
        ),
        (
            "Officers forcibly took me to a narcology clinic.",
            [("drug_test", "occurred", "narrator", "police")],
        ),
        (
            "Officers arrested me and took me by car to a mental hospital.",
            [
                ("detention", "occurred", "narrator", "police"),
                ("psychiatric_commitment", "occurred", "narrator", "police"),
            ],
        ),
        # phrasal verbs
        (
            "Police swooped on me outside the market.",
            [("detention", "occurred", "narrator", "police")],
        ),
        (
            "Police rounded up five journalists outside the court.",
            [("detention", "occurred", "five journalists", "police")],
        ),
        # reported speech
        ("She said police had beaten her.", [("assault", "occurred", "her", "police")]),
        # coordination: three events, shared subject
        (
            "Police detained him, searched his flat and seized his laptop.",
            [
                ("detention", "occurred", "him", "police"),
                ("seizure", "occurred", "his", "police"),
                ("seizure", "occurred", "his", "police"),
            ],
        ),
        (
            "The police accused me of petty hooliganism.",
            [("charge", "occurred", "narrator", "police")],
        ),
        # other types
        (
            "Unknown men beat me near my house.",
            [("assault", "occurred", "narrator", "unknown men")],
        ),
        (
            "Border guards confiscated my passport.",
            [("seizure", "occurred", "narrator", "border guards")],
        ),
        (
            "A court sentenced him to five years in prison.",
            [("charge", "occurred", "him", "court")],
        ),
        ("They released me after two days.", [("release", "occurred", "narrator", "they")]),
        ("I was forced to flee the country.", [("relocation", "occurred", "narrator", None)]),
        ("My lawyer intervened on my behalf.", [("intervention", "occurred", "narrator", None)]),
        (
            "The FSB followed me for weeks.",
            [("surveillance", "occurred", "narrator", "security service (FSB)")],
        ),
        (
            "For months I was often harassed by unknown men.",
            [("harassment", "occurred", "narrator", "unknown men")],
        ),
        # a helper's words of alarm are an intervention; a relative's or the police's are not
        (
            "The Norwegian Helsinki Committee said it was deeply troubled by the ruling.",
            [("intervention", "occurred", None, None)],
        ),
        (
            "UN experts said they were alarmed by reports from the camp.",
            [("intervention", "occurred", None, None)],
        ),
        ("Her mother said she was worried about her.", []),
        # turning to an international body: "the office of" a helper is that helper; "it" is
        # the organisation the sentence before was about
        (
            "Her lawyer alerted the office of UNHCR in Ankara.",
            [("intervention", "occurred", "her", None)],
        ),
        # a prison's punishment cell is a penalty inside custody, not a new detention
        (
            "In the colony he was placed in a disciplinary cell for ten days.",
            [("harassment", "occurred", "he", None)],
        ),
        (
            "He was held in solitary confinement for 23 days.",
            [("detention", "occurred", "he", None)],
        ),
        # an expulsion whose body the sentence before names is from a university, no exile
        # refusing to hand over a phone is no seizure; the beating for it is an assault
        (
            "Officers kicked him when he refused to unlock his phone.",
            [("assault", "occurred", "him", "police")],
        ),
        (
            "Guards subjected him to torture in March.",
            [("assault", "occurred", "him", "guards")],
        ),
        (
            "In March a court issued a warrant for his arrest in absentia.",
            [("charge", "occurred", "his", "court")],
        ),
        (
            "I studied law at the state university. In May I was expelled without a hearing.",
            [("harassment", "occurred", "narrator", None)],
        ),
        ("Police said they were concerned about the crowd.", []),
    ],
)
def test_events_phrasing_classes(events_nlp, text, expected):
    assert summary(events_nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Police tried to arrest me at my home.", "attempted"),
        ("Security officers made an attempt to seize my camera.", "attempted"),
        ("Police failed to detain the activist.", "attempted"),
        ("The officers threatened to arrest my brother.", "threatened"),
        ("I was not detained.", "negated"),
        ("He was never charged.", "negated"),
        ("If they detained me again, nobody would know.", "hypothetical"),
        ("She could be arrested at any moment.", "hypothetical"),
        ("He will be tried next month.", "hypothetical"),
        ("The lawyer successfully demanded my release.", "occurred"),
    ],
)
def test_events_status(events_nlp, text, status):
    statuses = [e["status"] for e in events_nlp(text)._.events]
    assert statuses[:1] == [status]


def test_events_averted_marks_previous_sentence_attempted(events_nlp):
    doc = events_nlp(
        "Police wanted me gone. They took me to a psychiatric hospital. This was averted."
    )
    assert [(e["event_type"], e["status"]) for e in doc._.events] == [
        ("psychiatric_commitment", "attempted")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Psychiatry was used to punish dissidents in Soviet times.",
        "Police routinely detain activists in the capital.",
        "Journalists are often harassed in this region.",
        "The company released a statement on Friday.",
        "This followed a long campaign in the press.",
        "He was in charge of the newspaper.",
        # an inquiry into what was done, against persons unknown, accuses nobody
        "Police opened a criminal case, but no suspects have been identified.",
        "The case was opened in June against unidentified persons.",
        "The court dealt with the appeal in one day.",  # no threat, no event
        "She is the fifth blogger jailed in the country since 2021, rights groups say.",
        # a departure told as a cover story by those who hold the person
        "Police refused to open a case, saying that Aslan had left for Syria of his own accord.",
        "Exiled critics are routinely put on wanted lists, and their families are pressured.",
        "At the hearing he was represented by a state-appointed lawyer.",  # the state's counsel
        "They came back with a warrant that she was not allowed to read.",  # no accusation
        # torture as the topic of complaints or the means of a confession
        "Rights groups have collected dozens of complaints of torture.",
        "The prosecutor said the confession had not been obtained by torture.",
    ],
)
def test_events_generic_or_unrelated_sentences_have_no_event(events_nlp, text):
    assert events_nlp(text)._.events == []


def test_events_they_resolves_to_police(events_nlp):
    doc = events_nlp("Police continued to follow me. Last May they detained me again.")
    assert [(e["event_type"], e["perpetrator"]) for e in doc._.events] == [
        ("surveillance", "police"),
        ("detention", "police"),
    ]


def test_events_he_resolves_to_last_named_person(events_nlp):
    doc = events_nlp("Daniyar Adilov is a blogger from Shymkent. In March police arrested him.")
    assert [e["victim"] for e in doc._.events] == ["Daniyar Adilov"]


def test_events_anaphoric_mention_is_not_a_second_event(events_nlp):
    doc = events_nlp(
        "Officers forcibly took me to a narcology clinic. The urine test came back negative."
    )
    assert [e["event_type"] for e in doc._.events] == ["drug_test"]


@pytest.mark.parametrize(
    "second",
    [
        "Officials say the arrests have nothing to do with their reporting.",
        "The ministry did not respond to a request for comment on the detention of the reporters.",
    ],
)
def test_events_talk_about_an_arrest_told_before_is_not_another(events_nlp, second):
    doc = events_nlp(f"Police detained three reporters in Osh on Monday. {second}")
    assert [e["trigger"] for e in doc._.events] == ["detained three reporters"]


def test_events_it_after_an_organisation_is_that_organisation(events_nlp):
    text = (
        "The Working Group on Arbitrary Detention considers the detention of Mr Sadykov "
        "arbitrary. It wrote to the Special Rapporteur on torture about his case."
    )
    rules = [e["rule"] for e in events_nlp(text)._.events if e["event_type"] == "intervention"]
    assert "intervention.write_to_authorities" in rules


def test_events_a_case_framing_another_act_is_the_case_told_before(events_nlp):
    text = (
        "In May investigators charged Dilnoza Karimova with spreading false information. "
        "In June police searched her flat as part of the criminal case against her."
    )
    found = [(e["event_type"], e["trigger"]) for e in events_nlp(text)._.events]
    assert [f for f in found if f[0] == "charge"] == [("charge", "charged Dilnoza Karimova")]


def test_events_a_hold_right_after_a_detention_is_its_length(events_nlp):
    text = (
        "Police detained Aziz Karimov and his brother near the square. "
        "They kept them there for almost four hours."
    )
    types = [e["event_type"] for e in events_nlp(text)._.events]
    assert types.count("detention") == 1


def test_events_complaint_about_the_incident_points_back_to_what_happened(nlp):
    text = (
        "On the first night guards beat Nodir Aliev in his cell. He says he has not been beaten "
        "since. On 9 March his lawyer, Olga Kim, filed a complaint about the beating with the "
        "regional prosecutor's office."
    )
    found = [(e["event_type"], e["status"], e["trigger"]) for e in nlp(text)._.events]
    assert [f for f in found if f[0] == "assault"] == [
        ("assault", "occurred", "beat Nodir Aliev"),
        ("assault", "negated", "beaten"),
    ]


def test_events_interveners_are_listed_participants(events_nlp):
    doc = events_nlp(
        "In March officers tried to have me placed in a psychiatric clinic. This was prevented "
        "by the swift intervention of lawyers such as Anna Petrova and Ivan Sidorov."
    )
    intervention = [e for e in doc._.events if e["event_type"] == "intervention"]
    assert len(intervention) == 1
    interveners = [p["name"] for p in intervention[0]["participants"] if p["role"] == "intervener"]
    assert interveners == ["lawyers", "Anna Petrova", "Ivan Sidorov"]
    assert intervention[0]["victim"] == "narrator"


def test_events_rows_have_every_field_a_tight_trigger_and_their_sentence(events_nlp):
    text = "It was spring. In May police detained me and searched my flat. "
    doc = events_nlp(text)
    first = doc._.events[0]
    assert set(EVENT_FIELDS) | {"participants"} == set(first)
    assert text[first["trigger_start"] : first["trigger_end"]] == "detained me"
    assert first["trigger"] == "detained me"
    assert text[first["start_char"] : first["end_char"]] == (
        "In May police detained me and searched my flat."
    )
    assert first["huridocs_code"] and first["plover_type"] == "COERCE"
    assert first["participants"][0] == {
        "role": "victim",
        "name": "narrator",
        "start_char": 38,
        "end_char": 40,
        "is_narrator": True,
    }


def test_events_narrator_name_comes_from_doc(events_nlp):
    doc = events_nlp.make_doc("Police detained me in the park.")
    doc._.narrator = "Lira Baiseitova"
    for _, proc in events_nlp.pipeline:
        doc = proc(doc)
    assert doc._.events[0]["victim"] == "Lira Baiseitova"


def test_events_skip_documents_in_other_languages(events_nlp):
    doc = events_nlp.make_doc("Police detained me.")
    doc._.language = "ru"
    for _, proc in events_nlp.pipeline:
        doc = proc(doc)
    assert doc._.events == []

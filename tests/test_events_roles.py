"""Who did what to whom: victims and perpetrators of events, on the complete pipeline."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from testimony_nlp.events.roles import (
    is_headline,
    person_gender,
    pronoun_gender,
    time_phrase_subject,
)
from testimony_nlp.records import DocumentRecord


def events_of(nlp, text: str) -> list[dict]:
    from testimony_nlp.pipeline import make_doc

    doc = nlp(make_doc(nlp, DocumentRecord(doc_id="t", source="test", text=text)))
    return doc._.events


def roles_of(nlp, text: str, event_type: str) -> tuple[str | None, str | None]:
    """(victim, perpetrator) of the first event of a type."""
    event = next(e for e in events_of(nlp, text) if e["event_type"] == event_type)
    return event["victim"], event["perpetrator"]


@pytest.mark.parametrize(
    ("text", "event_type", "expected"),
    [
        # a small clause's subject is the one found guilty
        (
            "Maria Ivanova teaches music. A court in Minsk found her guilty of fraud.",
            "charge",
            ("Maria Ivanova", "court"),
        ),
        # a participle without auxiliary: its subject is acted upon (caption style)
        (
            "Dozens of students detained after a rally in Almaty.",
            "detention",
            ("Dozens of students", None),
        ),
        # "she/her" and "he/him" pick the name of their gender
        (
            "Olga Smirnova met Pavel Sokolov in May. Police detained her the next day.",
            "detention",
            ("Olga Smirnova", "police"),
        ),
        (
            "Olga Smirnova met Pavel Sokolov in May. Police detained him the next day.",
            "detention",
            ("Pavel Sokolov", "police"),
        ),
        # the main clause's person, not one in a relative clause
        (
            "Timur Aliev, who criticised President Bekov online, fled in 2019. "
            "A court later convicted him of extremism.",
            "charge",
            ("Timur Aliev", "court"),
        ),
        # a chain of "she" leads back to the name, past a sister mentioned on the way
        (
            "Dina Karimova works as a nurse. On Monday she phoned her sister. "
            "Police arrested her an hour later.",
            "detention",
            ("Dina Karimova", "police"),
        ),
        # an appositive name identifies the relative
        (
            "His brother, Ruslan Umarov, was arrested by police in June.",
            "detention",
            ("Ruslan Umarov", "police"),
        ),
        # agentless passives: the agency's premises, the agency that told or ordered
        (
            "Two days later I was summoned to the city police department.",
            "harassment",
            ("narrator", "police"),
        ),
        (
            "An investigator told me I was charged with fraud.",
            "charge",
            ("narrator", "investigators"),
        ),
        (
            "A district court in Samara ordered that Anna Petrova be sent for a psychiatric "
            "examination.",
            "psychiatric_commitment",
            ("Anna Petrova", "court"),
        ),
        # a subject the parser read as part of the fronted date
        (
            "On 5 May 2019 officers of the KNB searched my flat.",
            "seizure",
            ("narrator", "security service (KNB)"),
        ),
        # ... its object then read as the subject
        (
            "On 9 April police in Osh detained Nurlan Abdyrakhmanov outside his shop.",
            "detention",
            ("Nurlan Abdyrakhmanov", "police"),
        ),
        # ... or the agents read as conjuncts of the date
        (
            "On 2 June 2020, police and investigators from the regional prosecutor's office "
            "raided the newspaper's office.",
            "seizure",
            (None, "police; investigators"),
        ),
        # an act of force with no agent takes the agency its sentence names
        (
            "Officers of the GKNB came in the evening, and I was beaten until morning.",
            "assault",
            ("narrator", "security service (GKNB)"),
        ),
        (
            "Our office was searched while KNB officers stood at the door.",
            "seizure",
            ("narrator", "security service (KNB)"),
        ),
        # ... but a court is nobody's beater
        (
            "The court hearing lasted an hour, and afterwards I was beaten in the corridor.",
            "assault",
            ("narrator", None),
        ),
        # the agent the same sentence names later ("... when police raided ...")
        (
            "Aibek Sadykov was arrested on 3 May when police raided his office.",
            "detention",
            ("Aibek Sadykov", "police"),
        ),
        # a state named by its country or capital acts through its authorities
        (
            "Aibek Sadykov fled to Turkey in 2019. Tashkent has since convicted him of fraud.",
            "charge",
            ("Aibek Sadykov", "authorities (tashkent)"),
        ),
        # the court that extends a detention holds the person; a time phrase is no agent
        (
            "On Tuesday a court in Bishkek extended by two months the detention of blogger "
            "Aibek Sadykov.",
            "detention",
            ("blogger Aibek Sadykov", "court"),
        ),
    ],
)
def test_events_roles_victim_and_perpetrator(nlp, text, event_type, expected):
    assert roles_of(nlp, text, event_type) == expected


def test_events_roles_story_agency_carries_to_agentless_acts(nlp):
    text = "Police detained me on 3 May. I was beaten at the station for hours."
    assert roles_of(nlp, text, "assault") == ("narrator", "police")


def test_events_roles_agency_does_not_cross_paragraphs(nlp):
    text = "Police detained me on 3 May.\n\nIn June I was beaten in the street."
    assert roles_of(nlp, text, "assault") == ("narrator", None)


def test_events_roles_headline_of_another_incident_takes_the_lead_events_agency(nlp):
    text = "BLOGGER RE-ARRESTED IN OSH\n\nPolice detained blogger Aibek Sadykov in Osh on Monday."
    events = [e for e in events_of(nlp, text) if e["event_type"] == "detention"]
    assert [(e["trigger"], e["perpetrator"]) for e in events] == [
        ("ARRESTED", "police"),
        ("detained blogger Aibek Sadykov", "police"),
    ]
    assert events[0]["victim"] == "blogger Aibek Sadykov"  # the body names whom it is about


def test_events_roles_headline_merges_into_the_lead_event(nlp):
    text = "BLOGGER DETAINED IN OSH\n\nPolice detained blogger Aibek Sadykov in Osh on Monday."
    events = [e for e in events_of(nlp, text) if e["event_type"] == "detention"]
    assert [(e["trigger"], e["perpetrator"], e["victim"]) for e in events] == [
        ("detained blogger Aibek Sadykov", "police", "blogger Aibek Sadykov"),
    ]


def test_events_roles_advocate_called_upon_is_no_victim(nlp):
    text = "I was detained on 3 May. My friends contacted a human rights defender, who helped me."
    victims = [e["victim"] for e in events_of(nlp, text) if e["event_type"] == "intervention"]
    assert victims and all(v == "narrator" for v in victims)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Alena Krautsova spoke.", "Krautsova", "f"),
        ("Dmitry Savitski spoke.", "Savitski", "m"),
        ("Ivan Petrov spoke.", "Petrov", "m"),
        ("Yelena Bortnik spoke.", "Bortnik", "f"),  # the given name's -a
        ("Mrs Khan spoke.", "Khan", "f"),
        ("Ali Khan spoke.", "Khan", None),
    ],
)
def test_events_roles_person_gender(nlp, text, word, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    assert person_gender(token) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [("She left.", "f"), ("I saw him.", "m"), ("They left.", None)]
)
def test_events_roles_pronoun_gender(base_nlp, text, expected):
    doc = base_nlp(text)
    pronoun = next(t for t in doc if t.lower_ in ("she", "him", "they"))
    assert pronoun_gender(pronoun) == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("ACTIVIST DETAINED IN OSH\n\nPolice detained him.", "DETAINED", True),
        ("ACTIVIST DETAINED IN OSH\n\nPolice detained him.", "detained", False),
        ("Police detained him. He was released.", "released", False),
        ("Court fines blogger\nThe court fined him on Monday.", "fines", True),
        ("Court fines blogger\nThe court fined him on Monday.", "fined", False),
    ],
)
def test_events_roles_is_headline(base_nlp, text, word, expected):
    doc = base_nlp(text)
    assert is_headline(next(t for t in doc if t.text == word)) is expected


def opening_time_phrase(month_is_date: bool) -> Doc:
    """ "In August Memorial recognised him", parsed as the small model parses it: the name
    is the object of "In", the month a compound of the name."""
    words = ["In", "August", "Memorial", "recognised", "him", "."]
    return Doc(
        Vocab(),
        words=words,
        heads=[3, 2, 0, 3, 3, 3],
        deps=["prep", "compound", "pobj", "ROOT", "dobj", "punct"],
        pos=["ADP", "PROPN", "PROPN", "VERB", "PRON", "PUNCT"],
        ents=["O", "B-DATE" if month_is_date else "O", "O", "O", "O", "O"],
    )


@pytest.mark.parametrize(("month_is_date", "expected"), [(True, ["Memorial"]), (False, [])])
def test_events_roles_time_phrase_subject(month_is_date, expected):
    doc = opening_time_phrase(month_is_date)
    assert [t.text for t in time_phrase_subject(doc[3])] == expected

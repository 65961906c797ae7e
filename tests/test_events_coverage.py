"""Round-2 phrasing classes of the events stage: one parametrized case per rule family.

Sentences are the developers' own; each row gives the exact (type, status, victim,
perpetrator) of the first event the stage must find in it.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def events_nlp():
    """The base model with the events stage only (no time or place stage)."""
    import testimony_nlp.events  # noqa: F401  (registers the factory)
    from testimony_nlp.pipeline import load_base_model

    nlp = load_base_model()
    nlp.add_pipe("tnlp_events", last=True)
    return nlp


def first_of(nlp, text: str, event_type: str) -> tuple | None:
    for e in nlp(text)._.events:
        if e["event_type"] == event_type:
            return (e["event_type"], e["status"], e["victim"], e["perpetrator"])
    return None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # intervention: advocates appealing, campaigning, taking up a case, giving aid
        (
            "Amnesty International called for his immediate release.",
            ("intervention", "occurred", "his", None),
        ),
        (
            "Colleagues campaigned for her release for two years.",
            ("intervention", "occurred", "her", None),
        ),
        (
            "The Norwegian Helsinki Committee took up his case.",
            ("intervention", "occurred", "his", None),
        ),
        (
            "A local NGO filed a complaint on her behalf.",
            ("intervention", "occurred", "her", None),
        ),
        (
            "Front Line Defenders gave him an emergency grant.",
            ("intervention", "occurred", "him", None),
        ),
        (
            "The Committee to Protect Journalists condemned her arrest.",
            ("intervention", "occurred", "her", None),
        ),
        ("Her lawyer appealed the verdict.", ("intervention", "occurred", "her", None)),
        (
            "Several embassies sent observers to her trial.",
            ("intervention", "occurred", "her", None),
        ),
        # psychiatric commitment
        (
            "The court sent him for a psychiatric evaluation.",
            ("psychiatric_commitment", "occurred", "him", "court"),
        ),
        (
            "Investigators ordered a forensic psychiatric examination of the activist.",
            ("psychiatric_commitment", "occurred", "activist", "investigators"),
        ),
        (
            "He spent two months in a psychiatric hospital.",
            ("psychiatric_commitment", "occurred", "he", None),
        ),
        (
            "A commission declared him mentally ill.",
            ("psychiatric_commitment", "occurred", "him", "commission"),
        ),
        # detention: held, remanded, time in custody
        ("He was held for 15 days.", ("detention", "occurred", "he", None)),
        ("The judge remanded her in custody.", ("detention", "occurred", "her", "court")),
        ("She spent three weeks in jail.", ("detention", "occurred", "she", None)),
        ("He has been in pre-trial detention since May.", ("detention", "occurred", "he", None)),
        (
            "Security officers kept him in a cell for three days.",
            ("detention", "occurred", "him", "security service"),
        ),
        # harassment
        (
            "He was blacklisted by the state broadcaster.",
            ("harassment", "occurred", "he", "state broadcaster"),
        ),
        ("She was fired from her job.", ("harassment", "occurred", "she", None)),
        (
            "Agents phoned his mother every night.",
            ("harassment", "occurred", "his mother", "security service (agents)"),
        ),
        # relocation
        ("She left for Lithuania in August.", ("relocation", "occurred", "she", None)),
        ("He sought asylum in Germany.", ("relocation", "occurred", "he", None)),
        ("She now lives in exile in Kyiv.", ("relocation", "occurred", "she", None)),
        # surveillance, seizure, assault
        ("His email account was hacked.", ("surveillance", "occurred", "his", None)),
        (
            "She found a tracking device under her car.",
            ("surveillance", "occurred", "she", None),
        ),
        ("They went through my phone.", ("seizure", "occurred", "narrator", "they")),
        (
            "Police pepper-sprayed the protesters.",
            ("assault", "occurred", "protesters", "police"),
        ),
        ("He was given electric shocks.", ("assault", "occurred", "he", None)),
        # charge and release
        ("She was fined 50,000 roubles.", ("charge", "occurred", "she", None)),
        ("He faces up to seven years in prison.", ("charge", "hypothetical", "he", None)),
        ("The Supreme Court upheld the sentence.", ("charge", "occurred", None, "court")),
        (
            "Court Convicts Friend Of Detained Blogger",
            ("charge", "occurred", "Friend Of Detained Blogger", "court"),
        ),
        (
            "She spent a week in detention and was released on bail.",
            ("release", "occurred", "she", None),
        ),
        ("Police let him go the next morning.", ("release", "occurred", "him", "police")),
    ],
)
def test_events_round2_phrasing_classes(events_nlp, text, expected):
    assert first_of(events_nlp, text, expected[0]) == expected


@pytest.mark.parametrize(
    ("text", "event_type", "status"),
    [
        ("They warned her that she would be detained.", "detention", "threatened"),
        ("The investigator told me I would be put in a psychiatric hospital.",
         "psychiatric_commitment", "threatened"),
        ("The police wanted to detain him, but neighbours intervened.", "detention", "attempted"),
        ("He was held for three days without being charged.", "charge", "negated"),
        ("He faces the risk of arrest if he returns.", "detention", "hypothetical"),
        ("Officials said he would be released next week.", "release", "hypothetical"),
    ],
)  # fmt: skip
def test_events_round2_status(events_nlp, text, event_type, status):
    assert first_of(events_nlp, text, event_type)[1] == status


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a demanded release is part of the appeal, not a release
        ("Amnesty International called for his release.", "release"),
        # a travel ban is not a move abroad
        ("He was banned from leaving the country.", "relocation"),
        # a thwarted arrest is not a flight into exile
        ("Officers attempted to arrest her but she escaped.", "relocation"),
        # keeping someone in power is not a detention
        ("The vote could keep the president in power for years.", "detention"),
        # the state calling a press conference is no intervention
        ("The police called a press conference.", "intervention"),
        # a present state reported as background
        ("Dozens of opposition activists are in prison.", "detention"),
    ],
)
def test_events_round2_not_events(events_nlp, text, absent):
    assert first_of(events_nlp, text, absent) is None


def statuses_of(nlp, text: str, event_type: str) -> list[str]:
    return [e["status"] for e in nlp(text)._.events if e["event_type"] == event_type]


# Round 3: phrasing classes of other genres (Q&A transcripts, urgent appeals, wire reports,
# trial monitoring, exile stories). Only type and status are asserted here: participants are
# the roles stage's business and have their own tests.
@pytest.mark.parametrize(
    ("text", "event_type", "status"),
    [
        # surveillance by presence and by listening
        ("A car without plates was parked outside her building for weeks.", "surveillance",
         "occurred"),
        ("Our district inspector comes round every week.", "surveillance", "occurred"),
        ("I am certain our phones are listened to.", "surveillance", "occurred"),
        # alcohol and drug tests
        ("Traffic police made him blow into a breathalyser.", "drug_test", "occurred"),
        ("He was forced to take a blood test for alcohol.", "drug_test", "occurred"),
        ("At the station she was made to give a urine sample.", "drug_test", "occurred"),
        ("The association paid for their tickets.", "intervention", "occurred"),
        ("The UN Special Rapporteur said he had written to the government.", "intervention",
         "occurred"),
        # physical violence
        ("Riot police beat several of them with batons.", "assault", "occurred"),
        ("The officers twisted my arms.", "assault", "occurred"),
        # releases with quantified or idiomatic subjects
        ("Most of those held were released overnight.", "release", "occurred"),
        ("She walked free after serving her full term.", "release", "occurred"),
        # exile and forced return
        ("His brother was forcibly returned to Dushanbe.", "relocation", "occurred"),
        ("They crossed into Turkey on foot.", "relocation", "occurred"),
        ("They have applied for asylum in Germany.", "relocation", "occurred"),
        # searches and devices
        ("Officers forced her to unlock her phone.", "seizure", "occurred"),
        ("Investigators carried out a search at the editorial office.", "seizure", "occurred"),
        # pressure
        ("The plant management cut my wages.", "harassment", "occurred"),
        ("Officers forced him to sign a confession.", "harassment", "occurred"),
        ("She was stopped at passport control and questioned for four hours.", "harassment",
         "occurred"),
        # detention and legal action
        ("He went missing after the protest.", "detention", "occurred"),
        ("He spent two years in a penal colony.", "detention", "occurred"),
        ("He was placed on the wanted list.", "charge", "occurred"),
        ("The prosecutor demanded seven years in a strict-regime colony.", "charge", "occurred"),
        # international bodies, NGOs and lawyers
        ("UNHCR registered them as refugees.", "intervention", "occurred"),
        ("His lawyers lodged a complaint with the Constitutional Court.", "intervention",
         "occurred"),
        ("The UN Committee against Torture asked Turkey not to extradite him.", "intervention",
         "occurred"),
        ("The Media Policy Institute gave me a lawyer.", "intervention", "occurred"),
        ("The OSCE expressed concern about his detention.", "intervention", "occurred"),
        ("The UN Working Group found his detention arbitrary.", "intervention", "occurred"),
        ("Amnesty International declared him a prisoner of conscience.", "intervention",
         "occurred"),
        ("The ICRC visited him in prison in March.", "intervention", "occurred"),
        ("A friend contacted a local human rights group.", "intervention", "occurred"),
        # headlines in capitals
        ("MORE THAN 200 DETAINED AT FUNERAL PROTESTS", "detention", "occurred"),
        # (a capitals headline naming nobody, alone, is what the verifier learned to drop as
        # a repeat of the story below it)
        ("DETENTION OF BLOGGER ALI KARIMOV EXTENDED BY TWO MONTHS", "detention", "occurred"),
        ("ACTIVIST FACES EXTRADITION FROM RUSSIA", "relocation", "hypothetical"),
        # psychiatry
        ("The head doctor told me that if I kept complaining I would be moved to the closed "
         "ward.", "psychiatric_commitment", "threatened"),
        ("The court ruled that he should undergo inpatient psychiatric treatment.",
         "psychiatric_commitment", "occurred"),
        ("Doctors diagnosed him with schizophrenia.", "psychiatric_commitment", "occurred"),
    ],
)  # fmt: skip
def test_events_round3_phrasing_classes(events_nlp, text, event_type, status):
    assert statuses_of(events_nlp, text, event_type)[:1] == [status]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # questions of an interview ask, they do not assert
        ("Q: Were you ever detained?", "detention"),
        ("Did they search anything?", "seizure"),
        # the action list of an urgent appeal asks for things
        ("Please write to the Prosecutor General:\n- Urging the authorities not to extradite "
         "him;\n- Calling for his immediate release.", "relocation"),
        ("Please write to the Prosecutor General:\n- Urging the authorities not to extradite "
         "him;\n- Calling for his immediate release.", "release"),
        ("The Coalition calls on the authorities to drop all charges against her.", "charge"),
        # a law and a habit are not incidents
        ("The law allows police to detain suspects for up to 72 hours.", "detention"),
        ("Journalists in Azerbaijan are routinely harassed.", "harassment"),
        # the owner moving his own things, a plane flight, a press release, an offence named
        ("He took his laptop to the repair shop.", "seizure"),
        ("I was boarding a flight to Moscow.", "relocation"),
        ("PRESS RELEASE FOR IMMEDIATE DISTRIBUTION", "release"),
        ("A court convicted him in absentia of insulting the president.", "harassment"),
        # ordinary payments and a lawyer's instructions to a client are not interventions
        ("The association paid for the conference venue.", "intervention"),
        ("My lawyer asked me to wait outside.", "intervention"),
        # being sent back to a hospital is no deportation
        ("They told her that if I return I will be sent back to the hospital.", "relocation"),
    ],
)  # fmt: skip
def test_events_round3_not_events(events_nlp, text, absent):
    assert first_of(events_nlp, text, absent) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # charge: "fined" whose lemma the tagger gets wrong, passive with a sum as object
        ("The blogger was fined 20,000 tenge in May.", ("charge", "occurred", "blogger", None)),
        # charge: a scheduled trial has not happened yet
        ("Her trial is scheduled for March.", ("charge", "hypothetical", "her", "court")),
        # seizure: property never given back presupposes the taking
        ("Her passport was not returned to her.", ("seizure", "occurred", "her", None)),
        # assault: a lethal verb with a person object, here threatened
        ("They threatened to hang me.", ("assault", "threatened", "narrator", "they")),
        # surveillance: reading or watching someone's messages or accounts
        ("Officers read her messages every day.", ("surveillance", "occurred", "her", "police")),
        # intervention: an urgent action issued by an advocate
        (
            "An NGO issued an urgent action on his behalf.",
            ("intervention", "occurred", "his", None),
        ),
        # a release an advocate asks for is what the intervention is about, not an event
        (
            "The organisation wrote to the minister asking for his release.",
            ("intervention", "occurred", "his", None),
        ),
        # negation does not reach a definite cause: the beating happened
        (
            "The court did not punish anyone for her beating.",
            ("assault", "occurred", "her", "court"),
        ),
    ],
)
def test_events_round4_phrasing_classes(events_nlp, text, expected):
    assert first_of(events_nlp, text, expected[0]) == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # the gerund naming the offence of a conviction is an accusation, not an incident
        ("He was convicted of insulting the president.", "harassment"),
        # "without a warrant" says no warrant was issued
        ("They searched the flat without a warrant.", "charge"),
    ],
)
def test_events_round4_not_events(events_nlp, text, absent):
    assert first_of(events_nlp, text, absent) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # harassment: summoned to an office for a "conversation"
        (
            "Last week they called my sister to the prosecutor's office.",
            ("harassment", "occurred", "my sister", "they"),
        ),
        # harassment: pressed to confess (a control verb with the confession as its xcomp)
        (
            "Investigators pressed him to confess to the robbery.",
            ("harassment", "occurred", "him", "investigators"),
        ),
        # assault: restrained to a bed or radiator
        (
            "The guards handcuffed her to the radiator overnight.",
            ("assault", "occurred", "her", "guards"),
        ),
        # relocation: a forced departure with no destination named
        (
            "After the raid the family was forced to leave.",
            ("relocation", "occurred", "family", None),
        ),
        # release: "let out" of custody
        ("I was let out of the police station at dawn.", ("release", "occurred", "narrator", None)),
        # intervention: an action noun "on my behalf"
        (
            "Front Line Defenders launched a campaign on my behalf.",
            ("intervention", "occurred", "narrator", None),
        ),
        # intervention: a lawyer takes on a case (parsed with a preposition)
        (
            "A lawyer from Memorial has taken on Osman's case.",
            ("intervention", "occurred", "Osman", None),
        ),
        # a misparsed main verb hung on its subject still has that subject as agent
        (
            "Several rights groups called for the release of the blogger.",
            ("intervention", "occurred", "blogger", None),
        ),
        # a noun a name explains is a person: the patient of the beating
        (
            "Police beat his client, the engineer Rustam Aliev, in the van.",
            ("assault", "occurred", "engineer Rustam Aliev", "police"),
        ),
        # proper names keep capitals in their lemmas: "Psychiatric Hospital"
        (
            "Officers took her to the Regional Psychiatric Hospital.",
            ("psychiatric_commitment", "occurred", "her", "police"),
        ),
    ],
)
def test_events_round5_phrasing_classes(events_nlp, text, expected):
    assert first_of(events_nlp, text, expected[0]) == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a prison term is part of the sentence, not a detention of its own
        ("The court sentenced him to six years' imprisonment.", "detention"),
        # a tally of many incidents
        ("She was the latest in a series of arrests.", "detention"),
        # a possibility for anyone, not an incident
        ("In this country a person can be detained for a single post.", "detention"),
        # "in some cases" generalises over incidents
        ("Critics have disappeared, in some cases after being abducted abroad.", "detention"),
        # calls to violence are the offence alleged, not an assault or an intervention
        ("Prosecutors said his posts contained calls to violence.", "assault"),
        ("The group never called for violence.", "intervention"),
        # a voluntary move with its own purpose
        ("Her son moved to Germany to study.", "relocation"),
        # a travel ban is not a move
        ("He received a two-year ban on leaving the country.", "relocation"),
        # a grip released, not custody ended
        ("The men let go of him and drove off.", "release"),
        # a complaint filed by the victim accuses nobody of him
        ("He filed a complaint with the police the same night.", "charge"),
        # holding someone's arms is no seizure of property
        ("Two men grabbed my arms.", "seizure"),
        # "similar accusations": a kind, not an incident
        ("Officials have dismissed similar accusations in the past.", "charge"),
        # a demand for the release of people nobody names
        ("The union campaigned for the release of imprisoned teachers.", "release"),
        # no warrant was shown: no legal action stated
        ("They did not show me any warrant.", "charge"),
        # discrediting an institution is an alleged offence, not harassment of anyone
        ("He was accused of publishing posts discrediting the authorities.", "harassment"),
        # a doctor phoning the family is news, not pressure
        ("A doctor called me from the hospital at lunchtime.", "harassment"),
    ],
)
def test_events_round5_not_events(events_nlp, text, absent):
    assert first_of(events_nlp, text, absent) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # detention: bundled into a vehicle (not an assault)
        (
            "Four men in uniform pushed Adam into a minibus and drove off.",
            ("detention", "occurred", "Adam", "four men in uniform"),
        ),
        # intervention: a lawyer hired for the victim
        ("My mother hired a lawyer the next day.", ("intervention", "occurred", "narrator", None)),
        # intervention: a lawyer kept out is an intervention tried and thwarted
        (
            "Her lawyer was not allowed to see her for nine days.",
            ("intervention", "attempted", "her", None),
        ),
        (
            "He was denied access to the lawyer his family had chosen.",
            ("intervention", "attempted", "he", None),
        ),
        # intervention: the defence acting
        (
            "The defence appealed the ruling to the regional court.",
            ("intervention", "occurred", None, None),
        ),
        # assault: force used against people, here negated
        (
            "No physical force was used against the staff during the search.",
            ("assault", "negated", "staff", None),
        ),
        # surveillance: a phone infected with spyware
        (
            "Researchers found that his phone had been infected with spyware.",
            ("surveillance", "occurred", "his", None),
        ),
    ],
)
def test_events_round6_phrasing_classes(events_nlp, text, expected):
    assert first_of(events_nlp, text, expected[0]) == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a counted term of arrest is part of a sentence
        ("Kirill got 15 days of arrest for the march.", "detention"),
        # leave to go somewhere inside custody is not a release
        ("One officer even let me go to the toilet.", "release"),
        # an animal is nobody's victim of assault
        ("One of them kicked our cat across the room.", "assault"),
        # a running count since a date
        (
            "Since 2022 several dozen people have been sent for psychiatric examination.",
            "psychiatric_commitment",
        ),
        # a career of representing many people
        ("Our lawyers have represented more than 6,000 people.", "intervention"),
        # an item of a list of demands
        ("Stop the pressure on our organisation.", "harassment"),
        # "you" in a general truth
        ("They do not need to put you in prison.", "detention"),
        # the setting of another event
        ("He was beaten during interrogations.", "harassment"),
        # a refused investigation accuses nobody
        ("Investigators refused to open a criminal case.", "charge"),
    ],
)
def test_events_round6_not_events(events_nlp, text, absent):
    assert first_of(events_nlp, text, absent) is None


def test_events_custody_told_in_several_sentences_is_one_detention(events_nlp):
    text = (
        "On 9 August riot police detained me near the metro. Somebody grabbed me by the hood "
        "and they dragged me into a bus. They brought us to the district police department."
    )
    detentions = [e for e in events_nlp(text)._.events if e["event_type"] == "detention"]
    assert [e["trigger"] for e in detentions] == ["detained me"]


def test_events_questioning_in_custody_is_part_of_it(events_nlp):
    text = "Police detained me on 3 May. I was interrogated for six hours."
    types = [e["event_type"] for e in events_nlp(text)._.events]
    assert types == ["detention"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # drug test: samples taken
        (
            "The next morning a nurse took blood from my vein.",
            ("drug_test", "occurred", "narrator", "doctors"),
        ),
        # intervention: no access to a lawyer is an intervention thwarted
        (
            "He was held in a basement where he had no access to a lawyer.",
            ("intervention", "attempted", "he", None),
        ),
        # surveillance: the same car noticed again and again
        (
            "In February I first noticed the same white Niva outside.",
            ("surveillance", "occurred", "narrator", None),
        ),
        # relocation: crossing a border
        (
            "Two days later I crossed the border on foot.",
            ("relocation", "occurred", "narrator", None),
        ),
        # charge: declared a suspect
        (
            "In July the investigator declared me a suspect in the case.",
            ("charge", "occurred", "narrator", "investigators"),
        ),
        # detention: pushed into the back of a car
        (
            "The policemen pushed me into the back of a UAZ.",
            ("detention", "occurred", "narrator", "police"),
        ),
    ],
)
def test_events_round7_phrasing_classes(events_nlp, text, expected):
    assert first_of(events_nlp, text, expected[0]) == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a thing disappearing is no enforced disappearance
        ("People understood that the articles were going to disappear.", "detention"),
        # an arrest ordered in absentia is a legal step against someone abroad
        ("On 2 August a court sanctioned my arrest in absentia.", "detention"),
        # an app's warning is not harassment
        ("One night Telegram warned me about a new login.", "harassment"),
        # the speaker filming officers is not surveillance of anyone
        ("I refused to go and started filming them.", "surveillance"),
        # "people fined repeatedly ... can be prosecuted": a rule, not an incident
        ("Under the new law, people can be prosecuted for a single post.", "charge"),
        # a demand that charges be dropped restates them
        ("The authorities should drop the charges against her.", "charge"),
    ],
)
def test_events_round7_not_events(events_nlp, text, absent):
    assert first_of(events_nlp, text, absent) is None


@pytest.mark.parametrize(
    ("text", "triggers"),
    [
        # a continuing state since a date is the custody told before
        (
            "On 2 May agents detained the teacher. He has been held in solitary confinement "
            "since May.",
            ["detained the teacher"],
        ),
        # a transfer between prisons continues the custody
        (
            "Police arrested the blogger on 4 March. On 4 April the blogger was moved to a prison.",
            ["arrested the blogger"],
        ),
        # a court's later step on a detention is its own event
        (
            "A court extended by three months the detention of the blogger, who has been held "
            "since his arrest in June.",
            ["detention", "arrest"],
        ),
    ],
)
def test_events_one_incident_told_again(events_nlp, text, triggers):
    detentions = [e for e in events_nlp(text)._.events if e["event_type"] == "detention"]
    assert [e["trigger"] for e in detentions] == triggers


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a ban learnt of on its own is a restriction, not an incident (a court's ban joins
        # the sentence, a ban told at an airport stop joins that stop)
        ("The authorities imposed a travel ban on him.", "harassment"),
        ("He was banned from leaving the country.", "harassment"),
        # interviewers' questions ask; the answers tell
        ("Q: When did the pressure on you begin?", "harassment"),
        # a relative holding on to someone detains nobody
        ("My mother-in-law grabbed him and screamed.", "detention"),
        # a journalist's request for comment is no intervention
        ("The newspaper sent a request for comment to the ministry.", "intervention"),
        # questioning as the purpose of custody or of witnesses
        ("The other two were questioned as witnesses and allowed to go home.", "harassment"),
        # watching conditions, not people
        ("The foundation has monitored conditions in detention facilities.", "surveillance"),
        # a boilerplate list of the week's detentions
        ("Every Monday we publish a summary of detentions and searches.", "detention"),
        # advice to anyone, conditional
        ("If you or someone you know has been detained, call our hotline.", "detention"),
    ],
)
def test_events_round8_not_events(events_nlp, text, absent):
    assert first_of(events_nlp, text, absent) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # detention: threatened with the pre-trial prison, by the investigator who says so
        (
            "The investigator said he would be sent to the SIZO.",
            ("detention", "threatened", "he", "investigators"),
        ),
        # release: walking out of a detention centre
        (
            "Pavel Zhdanov walked out of the special detention centre on Thursday.",
            ("release", "occurred", "Pavel Zhdanov", None),
        ),
        # charge: an administrative report drawn up against someone
        (
            "Officers drew up a new report against him for disobedience.",
            ("charge", "occurred", "him", "police"),
        ),
        # assault: the idiom, here negated
        ("Nobody laid a hand on me there.", ("assault", "negated", "narrator", None)),
        # charge: an arrest ordered in absentia
        (
            "In January a Baku court ordered her arrest in absentia.",
            ("charge", "occurred", "her", "court"),
        ),
        # detention: taken away with them
        (
            "They tried to take my older son Khamzat with them.",
            ("detention", "attempted", "Khamzat", "they"),
        ),
    ],
)
def test_events_round8_phrasing_classes(nlp, text, expected):
    assert first_of(nlp, text, expected[0]) == expected  # the full pipeline: names matter


def test_events_ban_told_with_an_airport_stop_joins_it(nlp):
    text = (
        "At the airport in May border guards detained him and told him he was banned from travel."
    )
    events = [(e["event_type"], e["trigger"]) for e in nlp(text)._.events]
    assert events == [("detention", "detained him")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare "the officers" are the agency the story last named
        (
            "KNB officers came to his flat at dawn. Later that day the officers detained him.",
            ("detention", "occurred", "him", "security service (KNB)"),
        ),
        # "they" far from any agency in the last sentences: the story's last agency
        (
            "Police officers stopped us near the square. Nothing happened for an hour. We waited."
            " Then we walked home. The next day they searched my flat.",
            ("seizure", "occurred", "narrator", "police"),
        ),
        # a ministry is keyed by what it runs
        (
            "Eight agents of the Ministry of Intelligence searched our flat.",
            ("seizure", "occurred", "narrator", "security service (ministry of intelligence)"),
        ),
        (
            "The Ministry of Justice stripped her of her licence in March.",
            ("harassment", "occurred", "her", "authorities (ministry of justice)"),
        ),
        # done at the behest of an agency
        (
            "In April, at the request of the investigator, he was sent for a psychiatric"
            " examination.",
            ("psychiatric_commitment", "occurred", "he", "investigators"),
        ),
        (
            "In April he was sent for a psychiatric examination at the investigator's request.",
            ("psychiatric_commitment", "occurred", "he", "investigators"),
        ),
        (
            "On 3 May she was brought before the Oktyabrsky District Court.",
            ("charge", "occurred", "she", "court"),
        ),
        # only a court sentences
        ("He was sentenced to five years in prison.", ("charge", "occurred", "he", "court")),
        # a member of a group told before
        (
            "Two officers came to the door. One of them struck my mother in the face.",
            ("assault", "occurred", "my mother", "police"),
        ),
        (
            "Two border guards stopped me at the gate. The older one took my passport.",
            ("seizure", "occurred", "narrator", "border guards"),
        ),
        # a denial names no agent
        ("Nobody beat me.", ("assault", "negated", "narrator", None)),
        # a wire story's dateline is no agent (the parser may make it the subject)
        (
            "DUSHANBE, May 5 — Sentenced the lawyer Buzurgmehr Yorov to 23 years.",
            ("charge", "occurred", "Buzurgmehr Yorov", "court"),
        ),
        # the one who disappeared is the victim
        (
            "Farid Aliyev, who disappeared in Istanbul in 2021, resurfaced in Dushanbe.",
            ("detention", "occurred", "Farid Aliyev", None),
        ),
    ],
)
def test_events_round9_perpetrators(nlp, text, expected):
    assert first_of(nlp, text, expected[0]) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # psychiatric commitment: a named hospital, a centre of psychiatry or for mental health
        (
            "Police drove him to Kashchenko, the psychiatric hospital on the edge of the city.",
            ("psychiatric_commitment", "occurred", "him", "police"),
        ),
        (
            "Two officers drove me to the Regional Centre for Mental Health.",
            ("psychiatric_commitment", "occurred", "narrator", "police"),
        ),
        (
            "She was taken to the National Centre of Psychiatry in Almaty.",
            ("psychiatric_commitment", "occurred", "she", None),
        ),
        (
            "The administration threatened to transfer him to the psychiatric department of the"
            " prison hospital.",
            ("psychiatric_commitment", "threatened", "him", "authorities"),
        ),
        # intervention: recognised as a political prisoner
        (
            "Viasna recognised Ales Kozlov as a political prisoner in June.",
            ("intervention", "occurred", "Ales Kozlov", None),
        ),
        # surveillance: a car standing in the street watches whose street it is
        (
            "A silver Nexia stood at the end of our street every morning.",
            ("surveillance", "occurred", "narrator", None),
        ),
        # seizure: pulled out of one's hand
        (
            "An officer pulled the phone out of my hand.",
            ("seizure", "occurred", "narrator", "police"),
        ),
        # a smear: accused by websites, not charged
        (
            "Pro-government websites accused him of spying for Armenia.",
            ("harassment", "occurred", "him", "pro-government websites"),
        ),
    ],
)
def test_events_round10_phrasing_classes(nlp, text, expected):
    assert first_of(nlp, text, expected[0]) == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # undressing is no seizure
        ("I took off my headscarf in the street.", "seizure"),
        # the prosecution as a party in court
        ("The prosecution called eleven witnesses.", "charge"),
        ("The prosecution called eleven witnesses.", "harassment"),
        # thoughts of self-harm: nobody else acts
        ("The doctor asked whether I had ever thought of killing myself.", "assault"),
    ],
)
def test_events_round10_not_events(nlp, text, absent):
    assert first_of(nlp, text, absent) is None


def test_events_coordinated_help_is_one_intervention(nlp):
    text = "Volunteers bought us train tickets, met us at the station and hid us in a flat."
    events = [(e["event_type"], e["trigger"]) for e in nlp(text)._.events]
    assert events == [("intervention", "bought us train tickets, met us")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # detention: "came for" a person
        (
            "They also came for my son Azamat, who is nineteen.",
            ("detention", "occurred", "Azamat", "they"),
        ),
        # release: got out after a term in custody
        (
            "He got out after ten days of administrative arrest.",
            ("release", "occurred", "he", None),
        ),
        # relocation: refused entry at the border
        (
            "Border guards turned him back at the airport in Tbilisi.",
            ("relocation", "occurred", "him", "border guards"),
        ),
        # charge: the prison term faced
        (
            "He faces up to four years' imprisonment.",
            ("charge", "hypothetical", "he", None),
        ),
        # intervention: an appeal concerning someone
        (
            "The rapporteur transmitted an urgent appeal concerning Mr. Rakhimov to the State.",
            ("intervention", "occurred", "Mr. Rakhimov", None),
        ),
    ],
)
def test_events_round11_phrasing_classes(nlp, text, expected):
    assert first_of(nlp, text, expected[0]) == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("They came for the documents in the evening.", "detention"),
        ("He got out of the car and walked away.", "release"),
        ("He faces up to four years' imprisonment.", "detention"),
        ("The draft removed the right to leave Uzbekistan by referendum.", "relocation"),
        ("I was never naive about surveillance.", "surveillance"),
        ("The group has documented cases in which examinations were misused.", "intervention"),
        ("A classmate warned him and he left through the back door.", "harassment"),
    ],
)
def test_events_round11_not_events(nlp, text, absent):
    assert first_of(nlp, text, absent) is None


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a fear is no event
        ("His editor left for Vilnius shortly afterwards, fearing arrest.", "detention"),
        # a demand to drop charges told before
        ("The appeal urges the authorities to drop all charges against him.", "charge"),
        # the name of an offence in a code
        ('He was charged under Article 368 ("insulting the President").', "harassment"),
        # moved between places of custody: part of the custody, no exile
        ("He was held in the detention centre in Nukus and later moved to Bukhara.", "relocation"),
    ],
)
def test_events_round12_not_events(nlp, text, absent):
    assert first_of(nlp, text, absent) is None


def test_events_risk_of_torture_stays_hypothetical(nlp):
    text = "Our client is at serious risk of torture if returned."
    assert first_of(nlp, text, "assault") == ("assault", "hypothetical", "Our client", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the agency whose premises the victim is sent to or held in
        (
            "Last year she was summoned to the prosecutor's office five times.",
            ("harassment", "occurred", "she", "prosecutor"),
        ),
        (
            "He was held in the GKNB detention centre in Dushanbe for a month.",
            ("detention", "occurred", "he", "security service (GKNB)"),
        ),
        # interrogators belong to the security service the story named
        (
            "NSS officers searched the flat in March. Later interrogators slapped him.",
            ("assault", "occurred", "him", "security service (NSS)"),
        ),
        # "we" in a quoted threat is the speaker, not the narrator
        (
            "Two officers stopped Timur Saidov outside his house."
            ' One of them said: "Next time we will break his legs."',
            ("assault", "hypothetical", "Timur Saidov", "police"),
        ),
    ],
)
def test_events_round13_roles(nlp, text, expected):
    assert first_of(nlp, text, expected[0]) == expected


def test_events_quoted_threat_to_you_is_to_the_narrator(nlp):
    text = (
        "I was stopped outside my house by two officers. "
        'One of them told me: "Next time we will break your legs."'
    )
    found = first_of(nlp, text, "assault")
    assert found is not None and found[2] == "narrator" and found[3] == "police"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # taken somewhere for questioning is custody, whatever the building
        (
            "Farida Nazarova was taken to the city department of the prosecutor's office"
            " for questioning.",
            ("detention", "occurred", "Farida Nazarova"),
        ),
        # allowed home after questioning
        (
            "After six hours Mr Sultanov was allowed to go home.",
            ("release", "occurred", "Mr Sultanov"),
        ),
        # a counted group let go, in the passive
        ("Seven were let go the same evening.", ("release", "occurred", "Seven")),
        # lawyers kept out are an intervention that failed
        (
            "Lawyers who arrived at the station were not allowed inside.",
            ("intervention", "attempted", None),
        ),
        # pushed into the back seat of a car is a detention, not a beating
        (
            "Three men in plain clothes pushed him into the back seat and drove off.",
            ("detention", "occurred", "him"),
        ),
        # coerced urine samples are a drug test
        ('At the station they made him give urine "for drugs".', ("drug_test", "occurred", "him")),
        # the register of "foreign agents" is pressure on the person listed
        (
            'Last spring the ministry added her to its register of "foreign agents".',
            ("harassment", "occurred", "her"),
        ),
        # an organisation sending lawyers to police stations intervenes
        (
            "The bar association sent lawyers to the district police stations overnight.",
            ("intervention", "occurred", None),
        ),
    ],
)
def test_events_round14_phrasing_classes(nlp, text, expected):
    found = first_of(nlp, text, expected[0])
    assert found is not None and found[:3] == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a thing held or let go of, not a person
        ("The officer reached for the file, but she put her hand on it.", "assault"),
        ("He grabbed the notebook, then shrugged and let it go.", "release"),
        # taking out one's own phone
        ("A passer-by stopped and took out his phone to film the scene.", "seizure"),
        # told to come along is no surveillance
        ("Two men approached and asked him to follow them to a car.", "surveillance"),
        # the penalty a charge carries, even "up to"
        ("If convicted, he faces up to ten days in detention.", "detention"),
        # a number asked about
        ("The ministry would not say how many students had been beaten.", "assault"),
        # calling someone by a name or title
        ('The major, whom the guards called "the professor", asked me to sit.', "harassment"),
        # a charge's wording
        (
            "He was charged with spreading materials that pose a threat to public order.",
            "harassment",
        ),
        # one's own lawyer warning
        ("My lawyer warned me that I could be stopped at the airport.", "harassment"),
    ],
)
def test_events_round14_not_events(nlp, text, absent):
    assert first_of(nlp, text, absent) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lawyer kept away, told three more ways
        (
            "No lawyer has been allowed to visit her since the arrest.",
            ("intervention", "attempted"),
        ),
        ("For a week I was not allowed to see a lawyer.", ("intervention", "attempted")),
        ("His lawyer was unable to meet him for ten days.", ("intervention", "attempted")),
    ],
)
def test_events_round15_lawyer_kept_away(nlp, text, expected):
    found = first_of(nlp, text, expected[0])
    assert found is not None and found[:2] == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # what is done instead is not done
        ("The experts proposed treatment in a clinic instead of imprisonment.", "detention"),
        # a sentence of words
        ("A sentence he had written to his wife was quoted back to him.", "charge"),
        # an investigation refused without anyone named
        ("The district prosecutor declined to open an investigation.", "charge"),
        # bystanders filming, a car let go
        ("Passengers began filming the officers, and they let the car go.", "surveillance"),
        ("Passengers began filming the officers, and they let the car go.", "release"),
    ],
)
def test_events_round15_not_events(nlp, text, absent):
    assert first_of(nlp, text, absent) is None


@pytest.mark.parametrize(
    ("text", "triggers"),
    [
        # a reference dating something else joins the incident told elsewhere
        (
            "Police detained Bekov on 3 May. On the night of his detention he was beaten.",
            ["detained Bekov"],
        ),
        (
            "Since his arrest his wife has been followed. Police arrested Temirov in March.",
            ["arrested Temirov"],
        ),
        # nothing told elsewhere: a bare time reference is no incident
        ("Three weeks after his detention his wife left the country.", []),
        # told with a detail of its own, the reference is the incident's mention
        (
            "Speaking after his detention at the airport, Sultanov thanked his lawyers.",
            ["detention"],
        ),
    ],
)
def test_events_round16_time_references(nlp, text, triggers):
    detentions = [e for e in nlp(text)._.events if e["event_type"] == "detention"]
    assert [e["trigger"] for e in detentions] == triggers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lawyer's own filings help the client
        ("My client was beaten in custody. I have appealed.", ["appealed"]),
        ("I am writing as counsel for Mr Karimov. I lodged an appeal.", ["lodged an appeal"]),
        # the same words from someone who is no lawyer, or quoted, are no intervention
        ("I was beaten in custody. I have appealed.", []),
        ('My client told me: "They decided I was ill because I kept complaining."', []),
    ],
)
def test_events_round16_lawyer_narrator_files(nlp, text, expected):
    found = [e["trigger"] for e in nlp(text)._.events if e["event_type"] == "intervention"]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # threatened return to custody, a term handed down, a summons to an agency
        (
            "Officers warned him that he would be sent back to prison if he spoke out.",
            ("detention", "threatened"),
        ),
        ("The next morning a judge gave me fifteen days for hooliganism.", ("charge", "occurred")),
        ("In October I was called to the MNB in Turkmenabat.", ("harassment", "occurred")),
        ("I was called to the district military commissariat.", ("harassment", "occurred")),
        ("After they let me out I went home.", ("release", "occurred")),
    ],
)
def test_events_round16_phrasing_classes(nlp, text, expected):
    found = first_of(nlp, text, expected[0])
    assert found is not None and found[:2] == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # tallies of incidents tell none of them
        ("The number of journalists detained this year has doubled.", "detention"),
        ("The group recorded hundreds of cases in which protesters were beaten.", "assault"),
        ("There were several incidents in which activists were detained.", "detention"),
    ],
)
def test_events_round16_not_events(nlp, text, absent):
    assert first_of(nlp, text, absent) is None


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # vague pressure is no incident; a kind of people or an era is not one either
        ("This is not the first time the family has come under pressure.", "harassment"),
        ("Monitors recorded pressure on his family.", "harassment"),
        ("The state uses relatives to pressure critics who have left the country.", "relocation"),
        ("Many people from the village went to Turkey in those years.", "relocation"),
    ],
)
def test_events_round16_vague_or_generic(nlp, text, absent):
    assert first_of(nlp, text, absent) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("From that moment, I was subjected to pressure.", ("harassment", "occurred")),
        # a kind of people with a date of its own is a group told about
        ("Journalists who were detained on Monday were released.", ("detention", "occurred")),
    ],
)
def test_events_round16_still_events(nlp, text, expected):
    found = first_of(nlp, text, expected[0])
    assert found is not None and found[:2] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # taken from home, held until trial
        ("Armed men took Islam from his parents' house in Argun.", ("detention", "occurred")),
        ("The judge ordered Matveev held until trial.", ("detention", "occurred")),
    ],
)
def test_events_round16_custody_phrasings(nlp, text, expected):
    found = first_of(nlp, text, expected[0])
    assert found is not None and found[:2] == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "Monitors documented several cases in recent years in which activists were beaten.",
            "assault",
        ),
        ("In Turkmenistan everybody is watched.", "surveillance"),
    ],
)
def test_events_round16_tallies_and_everybody(nlp, text, absent):
    assert first_of(nlp, text, absent) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # helpers helping, lawyers kept out or let in, appeals turned down
        ("Lawyers from a rights group helped me apply for asylum.", ("intervention", "occurred")),
        ("The lawyer was refused entry to the police station.", ("intervention", "attempted")),
        ("On 3 November the lawyer was finally allowed to see him.", ("intervention", "occurred")),
        ("My appeal against this decision was rejected.", ("intervention", "attempted")),
        ("The court rejected the lawyer's appeal.", ("intervention", "attempted")),
    ],
)
def test_events_round16_interventions(nlp, text, expected):
    found = first_of(nlp, text, expected[0])
    assert found is not None and found[:2] == expected


@pytest.mark.parametrize(
    "text",
    [
        # no helper: a neighbour's help, the prosecution's motion, a defender who is the victim
        "My neighbour helped me carry the bags.",
        "The prosecutor's motion was rejected.",
        "Men attacked the human rights defender Bakyt Osmonov. He filed a complaint.",
        "They demanded that Islam be allowed to see his family.",
    ],
)
def test_events_round16_not_interventions(nlp, text):
    assert first_of(nlp, text, "intervention") is None


def test_events_round16_a_named_lawyer_kept_away(nlp):
    # the name alone is known as a lawyer's from the appositive before
    text = "His lawyer, Ildar Galiev, came at noon. Galiev was denied access to his client."
    statuses = [e["status"] for e in nlp(text)._.events if e["event_type"] == "intervention"]
    assert statuses == ["occurred", "attempted"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # agents at the door, threats of what is no event of its own, a job at stake
        ("Three men from the Ministry of National Security came to my flat.", ["harassment"]),
        ('An officer had threatened to "bring his wife in".', ["harassment"]),
        ("They said my father would lose his job.", ["harassment"]),
        # the visit that ends in a detention is that detention's beginning
        ("Police came to my flat and detained me.", ["detention"]),
        # a visit feared is none (the leaving it would bring is exile in prospect), friends
        # visiting, jobs lost in a reform: none
        ("If the police come to our flat, I will leave.", ["relocation"]),
        ("My friends came to my flat for dinner.", []),
        ("Many teachers lost their jobs after the reform.", []),
    ],
)
def test_events_round16_visits_and_threats(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an agentless event right after the agency's own takes that agency
        (
            "KNB officers detained Karimov on 3 May. He was beaten in the basement.",
            ("assault", "security service (KNB)"),
        ),
        ("In October I was called to the MNB.", ("harassment", "security service (MNB)")),
        # a court frees and sentences, it does not beat
        (
            "The court sentenced Karimov to ten days. He was beaten in the cell.",
            ("assault", None),
        ),
    ],
)
def test_events_round16_perpetrator_carried_on(nlp, text, expected):
    found = [e["perpetrator"] for e in nlp(text)._.events if e["event_type"] == expected[0]]
    assert found == [expected[1]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # taken, with nowhere said, by agents or by "they"
        ("He stood there for ten minutes before they took him.", ["detention"]),
        ("If I come back they will take me at the airport.", ["detention"]),
        ("Police took Karimov at dawn.", ["detention"]),
        # led somewhere by anyone, or "took" in another sense
        ("My father took me to school.", []),
        ("They took him seriously.", []),
        ("It took me three days to find him.", []),
    ],
)
def test_events_round16_taken_by_them(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a car standing by the house, told more ways; records of someone's messages
        ("A car with no number plates stood outside their gate.", ["surveillance"]),
        ("There is a white Nexia that stands near our gate almost every day.", ["surveillance"]),
        ("Two officers put printouts of my messages on the table.", ["surveillance"]),
        ("The evidence was a set of recordings of his phone calls.", ["surveillance"]),
        # an interview's transcript, printouts of public posts
        ("This is an edited transcript of our conversation with Ramil.", []),
        ("They laid printouts of my posts on the table.", []),
        # a big town the NER read as a person, after "left for"
        ("Vera Sukhanova left for Yerevan in April.", ["relocation"]),
    ],
)
def test_events_round16_watching_and_leaving(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name the text gives a psychiatric hospital; "to" parsed as a dative
        (
            "She spent a month in Aminabad, the psychiatric hospital. They said I would be "
            "sent to Aminabad.",
            # the stay itself no pattern reads; the learned backstop does
            [
                ("She spent a month in Aminabad, the psychiatric hospital.", "occurred"),
                ("sent to Aminabad", "threatened"),
            ],
        ),
        # a town with a psychiatric hospital in it is still a town
        (
            "There is a psychiatric hospital in Bishkek. He was driven to Bishkek.",
            [],
        ),
    ],
)
def test_events_round16_hospital_named_before(nlp, text, expected):
    found = [
        (e["trigger"], e["status"])
        for e in nlp(text)._.events
        if e["event_type"] == "psychiatric_commitment"
    ]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # house arrest asked for instead of custody is no custody; imposed, it is
        ("The defence asks the court to move Gorelov to house arrest.", []),
        ("The court refuses to release Gorelov to house arrest.", []),
        ("The court placed him under house arrest.", ["placed him under house arrest"]),
    ],
)
def test_events_round16_house_arrest_asked_for(nlp, text, expected):
    found = [e["trigger"] for e in nlp(text)._.events if e["event_type"] == "detention"]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a question is no request; watching a trial helps nobody in particular
        ("The lawyer asked who they were.", []),
        ("Asked by the defence whether force had been used, he said no.", []),
        ("Our monitors attended nine of the twelve hearings.", []),
        ("My lawyer asked for a fine instead.", ["intervention"]),
    ],
)
def test_events_round16_questions_and_monitoring(nlp, text, expected):
    found = [e["event_type"] for e in nlp(text)._.events if e["event_type"] == "intervention"]
    assert found == expected


def test_events_round16_a_cited_source_is_no_event(nlp):
    text = "According to the indictment, the KNB had been intercepting his calls since 2021."
    assert [e["event_type"] for e in nlp(text)._.events if e["event_type"] == "charge"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a case threatened against whoever does not cooperate is aimed at them
        (
            "He said that if I did not cooperate they would open a criminal case.",
            [("charge", "threatened")],
        ),
        ("The district prosecutor declined to open an investigation.", []),
    ],
)
def test_events_round16_threatened_case(nlp, text, expected):
    found = [(e["event_type"], e["status"]) for e in nlp(text)._.events]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ill-treatment as a verb; walking free
        ("He said he had not been ill-treated since.", [("assault", "negated")]),
        ("He came out in December.", [("release", "occurred")]),
        ("I finally walked out on 17 February.", [("release", "occurred")]),
        # out into the street, out to protest, a report out
        ("The neighbours came out into the street.", []),
        ("People came out in Nukus.", []),
        ("The report came out in December.", []),
    ],
)
def test_events_round16_ill_treated_and_out(nlp, text, expected):
    assert [(e["event_type"], e["status"]) for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a perfect-tense count with no date is a tally; with a date, or in the past, it tells
        ("More than 150 people have been detained under the article.", []),
        ("A number of them have been prosecuted for defamation.", []),
        ("Dozens of students have been detained in Almaty on Monday.", ["detention"]),
        ("Dozens of students were detained after a rally.", ["detention"]),
    ],
)
def test_events_round16_perfect_tallies(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Under the law, a person convicted in absentia has the right to a retrial.", []),
        ("Several journalists and bloggers have been prosecuted under the law.", []),
        ("Returned activists have previously been held incommunicado for weeks.", []),
        # the story's past perfect and a named person stay events
        ("Several detainees had been made to blow into breathalysers.", ["drug_test"]),
        ("He had previously been detained twice.", ["detention"]),
    ],
)
def test_events_round16_more_generic(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "they" carried into the clause they control; the officers' quoted "we"
        ("They came at five in the morning and tried to take me.", [("detention", "attempted")]),
        (
            'He told him: "If your brother does not come, we will bring him."',
            [("detention", "threatened")],
        ),
        ("My sister will bring him tomorrow.", []),
        # the test told in the clause on the station is that clause's
        (
            "They took me to the police station, where I was told to take a drug test.",
            [("detention", "occurred"), ("drug_test", "occurred")],
        ),
    ],
)
def test_events_round16_taken_and_tested(nlp, text, expected):
    assert [(e["event_type"], e["status"]) for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 30 January I was put on a morning flight to Ashgabat.", [("relocation", "occurred")]),
        ("He could face charges of propaganda.", [("charge", "hypothetical")]),
        ("He now faces charges of treason.", [("charge", "occurred")]),
    ],
)
def test_events_round16_flights_and_charges_faced(nlp, text, expected):
    assert [(e["event_type"], e["status"]) for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # smears by pro-government or state media, one per broadcast
        ("A pro-government Telegram channel published his home address.", ["harassment"]),
        (
            "A pro-government channel aired a segment describing Rzazade as a foreign agent.",
            ["harassment"],
        ),
        # journalism by other media is no smear
        ("Radio Azattyq published an interview with him.", []),
    ],
)
def test_events_round16_hostile_media(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


def test_events_round16_channel_posting_screenshots_is_one_smear(nlp):
    text = "An anonymous Telegram channel that posted screenshots of my private messages."
    assert [e["event_type"] for e in nlp(text)._.events] == ["harassment"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a complaint or a statement is about is the incident told elsewhere
        (
            "Armed men abducted Islam on 3 May. The family filed a complaint about the abduction.",
            ["abducted Islam"],
        ),
        ("The group published a statement about my disappearance.", []),
    ],
)
def test_events_round16_topic_references(nlp, text, expected):
    found = [e["trigger"] for e in nlp(text)._.events if e["event_type"] == "detention"]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # prison idioms in a threat: "put away", "you will sit", "find yourself in prison"
        ("The officers threatened to put her away for good.", [("detention", "threatened")]),
        (
            'The captain told me: "If you keep writing, you will sit for a long time."',
            [("detention", "threatened")],
        ),
        (
            "He warned that her son could easily find himself in prison.",
            [("detention", "threatened")],
        ),
        ("She was warned that she could become a suspect herself.", [("charge", "threatened")]),
        # "sit" with no prospect of prison
        ("We will sit for a long time in the kitchen.", []),
    ],
)
def test_events_round17_prison_idioms(nlp, text, expected):
    assert [(e["event_type"], e["status"]) for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "They warned him he would spend years in a hospital for the mentally ill.",
            [("psychiatric_commitment", "threatened")],
        ),
        (
            "Police drove her not to the station but to the regional psychiatric hospital.",
            [("psychiatric_commitment", "occurred")],
        ),
        # the place denied is not where anyone was taken
        ("They drove him not to the police station but home.", []),
    ],
)
def test_events_round17_destinations(nlp, text, expected):
    assert [(e["event_type"], e["status"]) for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # cars waiting by the home, in a participle or a "there was" clause
        ("Every evening I noticed a white Lada parked opposite my house.", ["surveillance"]),
        ("For weeks there was always a van near our building.", ["surveillance"]),
        ("There is a car park near our building.", []),
    ],
)
def test_events_round17_cars_by_the_home(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "His lawyer was kept waiting outside the station for five hours.",
            [("intervention", "attempted")],
        ),
        ("He was kept in a cell until the morning.", [("detention", "occurred")]),
        ("A refugee agency registered her asylum claim in March.", [("intervention", "occurred")]),
        ("The guards refused to accept their asylum applications.", []),
    ],
)
def test_events_round17_helpers_held_back(nlp, text, expected):
    assert [(e["event_type"], e["status"]) for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The inspector asked for my phone and kept it overnight.", ["seizure"]),
        ("The officers ordered me to hand them my laptop.", ["seizure"]),
        ("Officials sealed the family's bakery.", ["seizure"]),
        ("A month after the interview the ministry fired him.", ["harassment"]),
        # leaving one named place for another
        ("In 2018 she left Tashkent for Riga.", ["relocation"]),
    ],
)
def test_events_round17_demands_and_departures(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Let's go back to that evening.", []),
        ("That is what frightens my mother.", []),
        ("He has not yet been summoned to serve the sentence.", []),
        ("When the riots broke out in Andijan I was at school.", []),
        ("Everybody here knows someone who was taken away at night.", []),
        ('"There were no grounds to detain him," his lawyer said.', []),
        ("Farmers in the district have for years been pressured to sell their land.", []),
        ("He was taken to the city hospital with a broken arm and discharged a day later.", []),
        ("I did my fifteen days in the detention centre and came out in May.", ["release"]),
    ],
)
def test_events_round17_not_incidents(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # news of a done thing, not a threat; the offence a case names is no event
        (
            "A neighbour warned me that the police had opened a case against me.",
            [("charge", "occurred")],
        ),
        (
            'The KNB opened a case against him for "attacks on public order".',
            [("charge", "occurred")],
        ),
    ],
)
def test_events_round17_warned_of_a_case(nlp, text, expected):
    assert [(e["event_type"], e["status"]) for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At the checkpoint she had her laptop taken from her.", ["seizure"]),
        ("She refused to take the tablets the nurse gave her.", []),
        ("Someone logged into my WhatsApp account from another city.", ["surveillance"]),
        ("The blogger has been under observation since the spring.", ["surveillance"]),
        ("He was put under observation in a psychiatric ward.", ["psychiatric_commitment"]),
        ("Plainclothes officers came to his parents twice last week.", ["harassment"]),
    ],
)
def test_events_round17_taken_watched_visited(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The dean warned him that he would be handed over to the police.",
            [("detention", "threatened")],
        ),
        # a penalty imposed, and the wording of an offence, are the charge's
        (
            "A judge sentenced six protesters to administrative arrest of up to ten days.",
            [("charge", "occurred")],
        ),
        (
            'A court fined her for "breaking the rules for leaving the country".',
            [("charge", "occurred")],
        ),
        # a rule about anyone, an act in general
        ("The law lets a person be held in a psychiatric clinic without a court order.", []),
        ("Psychiatric examinations can be ordered by an investigator for up to a month.", []),
        # one custody told by a chain of verbs
        (
            "In May he was detained, searched, beaten and jailed for a week.",
            [("detention", "occurred"), ("assault", "occurred")],
        ),
    ],
)
def test_events_round17_terms_and_chains(nlp, text, expected):
    assert [(e["event_type"], e["status"]) for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pressure by officials: called in, advised, made to appear, dismissed, summoned
        ("The school principal called him in twice that week.", ("harassment", "occurred", "him")),
        ("The dean called her into his office.", ("harassment", "occurred", "her")),
        ("A KNB officer advised her to stop writing.", ("harassment", "occurred", "her")),
        ("They made him record an apology on video.", ("harassment", "occurred", "him")),
        ("Her husband was dismissed in April.", ("harassment", "occurred", "Her husband")),
        ("A police officer brought me a summons.", ("harassment", "occurred", "narrator")),
    ],
)
def test_events_round17_pressure_by_officials(nlp, text, expected):
    found = [(e["event_type"], e["status"], e["victim"]) for e in nlp(text)._.events]
    assert found == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The court dismissed the appeal.",
        "The trial was suspended until May.",
        "My lawyer advised me to stay calm.",
    ],
)
def test_events_round17_no_pressure(nlp, text):
    assert [e["event_type"] for e in nlp(text)._.events if e["event_type"] == "harassment"] == []


def test_events_round17_self_introduced_agents(nlp):
    text = "Two men who introduced themselves as FSB officers came to my flat."
    events = nlp(text)._.events
    assert [(e["event_type"], e["perpetrator"]) for e in events] == [
        ("harassment", "security service (FSB)")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # cases taken to international bodies by helpers
        ("The Initiative has submitted her case to the UN Working Group.", ["intervention"]),
        (
            "The Public Defender's office asked the Interior Ministry for an explanation.",
            ["intervention"],
        ),
        ("The Prosecutor General's Office asked Kazakhstan to extradite him.", ["relocation"]),
        ("For press enquiries, please contact the Centre's office in Bishkek.", []),
    ],
)
def test_events_round17_cases_taken_to_bodies(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


def test_events_round17_helpers_coordinated_acts_are_one_intervention(nlp):
    text = "The Centre wrote to the Ombudsman and urged the authorities to release her."
    assert [e["event_type"] for e in nlp(text)._.events] == ["intervention"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the steps of a trial, and a case promised for next time
        ("The trial opened on 3 March in her absence.", ("charge", "occurred", None)),
        ("Sadykov's hearing was adjourned until Friday.", ("charge", "occurred", "Sadykov")),
        (
            'He told me: "Next time it will be a criminal case."',
            ("charge", "threatened", "narrator"),
        ),
        (
            "Three bloggers are accused of insulting the president.",
            ("charge", "occurred", "Three bloggers"),
        ),
    ],
)
def test_events_round17_trials_and_cases(nlp, text, expected):
    found = [(e["event_type"], e["status"], e["victim"]) for e in nlp(text)._.events]
    assert found == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The concert opened on Friday.", []),
        ("Bloggers are accused of extremism all the time.", []),
        ("More than two dozen reporters have been jailed since 2023.", []),
    ],
)
def test_events_round17_not_trials(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # leaving with one's family, being driven to a border, towns the NER misreads
        ("Two days later I took my daughters and left.", ("relocation", "narrator")),
        ("In May she left with her children.", ("relocation", "she")),
        ("Guards drove him to the Chinese border that night.", ("relocation", "him")),
        ("Her editor left for Vilnius shortly afterwards.", ("relocation", "Her editor")),
        ("At dawn I crossed into Uzbekistan on foot.", ("relocation", "narrator")),
        ("They said they would bring in my brother.", ("detention", "my brother")),
    ],
)
def test_events_round17_departures(nlp, text, expected):
    assert [(e["event_type"], e["victim"]) for e in nlp(text)._.events] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # threats told with prison idioms and prison names
        ('The investigator said her husband "will be next".', ("detention", "threatened")),
        ("He warned me that I would sit next to my brother.", ("detention", "threatened")),
        ("They told him he could end up in Evin.", ("detention", "threatened")),
        ("Police took her to Okrestina that night.", ("detention", "occurred")),
        (
            "The doctor said they could send her to Kashchenko.",
            ("psychiatric_commitment", "threatened"),
        ),
    ],
)
def test_events_round17_named_prisons_and_next(nlp, text, expected):
    assert [(e["event_type"], e["status"]) for e in nlp(text)._.events] == [expected]


@pytest.mark.parametrize(
    "text",
    ["I will sit next to you at dinner.", "Who is next in the queue?", "Spring will be next."],
)
def test_events_round17_no_prison_idiom(nlp, text):
    assert nlp(text)._.events == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He faces up to twelve years.", [("charge", "hypothetical")]),
        ("The police wrote up a report on her.", [("charge", "occurred")]),
        ("He spent ten days in the special detention centre.", [("detention", "occurred")]),
        ("In May she received a formal reprimand.", [("harassment", "occurred")]),
        (
            "The oldest of the group, Olga Petrova, was released the same night.",
            [("release", "occurred")],
        ),
        # pressure to sign is one act with the signing it demands
        ("Investigators tried to force him to sign a confession.", [("harassment", "attempted")]),
    ],
)
def test_events_round17_reports_terms_reprimands(nlp, text, expected):
    assert [(e["event_type"], e["status"]) for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    "text",
    [
        '"Nobody here is jailed for a poem," the minister said.',
        "My father no longer lets me go out at night.",
        "Courts handed down 14 administrative arrests that week.",
        "Repeated fines have become a common way of keeping critics behind bars.",
        "Police drew up reports on dozens of people.",
    ],
)
def test_events_round17_claims_and_practices(nlp, text):
    assert nlp(text)._.events == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Someone painted the word "traitor" on the door of his flat.', ("harassment", "his")),
        ("A state channel aired a confession video featuring the blogger.", ("harassment", None)),
        ("Riot police began dragging students to buses.", ("detention", "students")),
        ("I walked out of the courtroom at six.", ("release", "narrator")),
        ("Officers stopped his car and took him to the station.", ("detention", "him")),
    ],
)
def test_events_round17_smears_drags_and_courtrooms(nlp, text, expected):
    found = [(e["event_type"], e["victim"]) for e in nlp(text)._.events]
    assert found[:1] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # helpers named before a relative clause of what they published
        ("I thank the CPJ, which issued a statement about my case.", ["intervention"]),
        ("The NGO, which has provided legal aid since 2015, is based in Osh.", []),
        # a second act of one officer stays its own event when its status differs
        (
            "They seized his laptop. One officer also tried to take his passport.",
            ["seizure", "seizure"],
        ),
        # "again": a new custody
        (
            "He was released on Monday, only to be detained again at the gate.",
            ["release", "detention"],
        ),
        ("Doctors took her to the emergency department of the hospital.", []),
    ],
)
def test_events_round17_relatives_and_repeats(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'He warned her that her son "will be sitting in the dock" too.',
            [("charge", "threatened")],
        ),
        ("He said I could face persecution if I returned.", []),
        ("The file speaks of a delusional idea of persecution.", []),
        ("They staged the attacks to discredit it.", [("assault", "occurred")]),
        ("She could be ordered to begin serving her term next month.", []),
        (
            'A court convicted him of "propaganda" and "insulting officials".',
            [("charge", "occurred")],
        ),
    ],
)
def test_events_round17_docks_risks_and_offences(nlp, text, expected):
    assert [(e["event_type"], e["status"]) for e in nlp(text)._.events] == expected


def test_events_round17_journalists_arrested_over_years_is_a_group(nlp):
    text = "Unlike other journalists arrested over the past two years, she was not tested."
    assert [e["event_type"] for e in nlp(text)._.events if e["event_type"] == "detention"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the officials' story of a departure, the charge nobody named
        ("Police told us that he had probably gone to Syria.", []),
        ("His mother told me that he had left for Turkey in 2019.", ["relocation"]),
        ("Nobody told the family what he was accused of.", []),
        ("They released him without saying what he was accused of.", ["release"]),
        ("The court sentenced me to a fine and to what it called counselling.", ["charge"]),
    ],
)
def test_events_round17_cover_stories_and_unknown_charges(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a return to the hospital threatened where the text is about psychiatry
        (
            'She spent a month in a psychiatric ward. The doctor said: "If you write again, you '
            'will be back here."',
            [("psychiatric_commitment", "occurred"), ("psychiatric_commitment", "threatened")],
        ),
        (
            "He was put in a psychiatric clinic. Doctors warned him he would come back for longer.",
            [("psychiatric_commitment", "occurred"), ("psychiatric_commitment", "threatened")],
        ),
        # without psychiatry in the text, coming back is just coming back
        ('The officer said: "You will be back here soon."', []),
    ],
)
def test_events_round17_threatened_return_to_hospital(nlp, text, expected):
    assert [(e["event_type"], e["status"]) for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # helpers speaking of someone's case, lawyers kept out of stations
        ("The ombudsman spoke publicly about Karimov's case.", [("intervention", "occurred")]),
        ("Amnesty mentioned my brother's case in a statement.", [("intervention", "occurred")]),
        (
            "His lawyer, who was refused access to him on Monday, complained.",
            [("intervention", "attempted"), ("intervention", "occurred")],
        ),
        (
            "The lawyers had been refused entry to two police stations.",
            [("intervention", "attempted")],
        ),
        ("She was refused entry to Russia at the airport.", [("harassment", "occurred")]),
        ("The minister spoke about the case of the stolen paintings.", []),
    ],
)
def test_events_round17_helpers_speaking_and_kept_out(nlp, text, expected):
    assert [(e["event_type"], e["status"]) for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My lawyer came with me to the prosecutor's office.", ["intervention"]),
        (
            "A lawyer from the Bureau, who came with me to the migration police, spoke first.",
            ["intervention"],
        ),
        ("My brother came with me to the station.", []),
    ],
)
def test_events_round17_helpers_who_came_along(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # taken to a district or agency building; let go after a shared passive subject
        (
            "Her son was taken to the district department and was let go only after midnight.",
            ["detention", "release"],
        ),
        ("Two of the students were taken to the DTX headquarters.", ["detention"]),
        ("Soldiers stopped him at the market and took him to the garrison.", ["detention"]),
        ("Several of them were let go the next morning.", ["release"]),
        ("The guard let go of the rope.", []),
        # "they" are the story's officers; a lift to catch a train is no custody
        ("The next morning they took me to the station.", ["detention"]),
        ("They took her to the station to catch the train.", []),
        # a pronoun repeating the detainee keeps one custody; a thing taken is a seizure
        ("Officers detained Rustam at home and took him to the police station.", ["detention"]),
        ("Officers detained Rustam and took his laptop.", ["detention", "seizure"]),
        (
            "The oldest of the detainees, 68-year-old Galina Orlova, was released that night.",
            ["release"],
        ),
    ],
)
def test_events_round18_custody_steps(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was prevented from boarding a plane to Riga.", ["harassment"]),
        (
            "Two weeks later she was told to come to the police station for a conversation.",
            ["harassment"],
        ),
        ("I was told to come home early.", []),
        ("Since March I have been getting calls from unknown numbers.", ["harassment"]),
        ("Police kept my passport for three months.", ["seizure"]),
        ("He kept his passport in a drawer.", []),
        ("They had been reading my Telegram chats for months.", ["surveillance"]),
        ("One officer pulled her by the hair.", ["assault"]),
    ],
)
def test_events_round18_pressure_and_control(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an appeal against an acquittal is the prosecution's legal step, a lawyer's helps
        ("The prosecutor's office appealed the acquittal.", ["charge"]),
        ("The prosecutor appealed the sentence as too lenient.", ["charge"]),
        ("Her lawyer appealed the sentence.", ["intervention"]),
        # helpers: "X International", a lawyer's report, consent to represent, access sought
        (
            "Rights Defenders International wrote to the Ministry of Justice about his case.",
            ["intervention"],
        ),
        ("My lawyer reported the beating to the prosecutor.", ["intervention", "assault"]),
        ("A lawyer from Almaty agreed to represent him.", ["intervention"]),
        ("Lawyer Petrov was finally able to see his client on Friday.", ["intervention"]),
        ("A lawyer has the right to meet a client in private.", []),
        ("I went with a lawyer from the Bureau.", ["intervention"]),
    ],
)
def test_events_round18_appeals_and_helpers(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


def test_events_round18_counsel_speaking_as_we(nlp):
    text = (
        "I represent Mr Usenbaev. I asked to see my client. If the court extends his "
        "detention, we will file a complaint with the UN Working Group."
    )
    events = [(e["event_type"], e["status"]) for e in nlp(text)._.events]
    assert events == [
        ("intervention", "attempted"),
        ("detention", "hypothetical"),
        ("intervention", "hypothetical"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the offence a case is opened for is no event of its own
        ('Police opened a case against her for "threatening a judge".', ["charge"]),
        # an appeal's safeguards and demands tell no incident; a fact inside them stays
        ("Please ensure that she is not tortured or ill-treated.", []),
        ("The authorities must ensure that the beating of Ivanov is investigated.", ["assault"]),
        (
            "We call on the authorities to release Ivan Petrov and to close the criminal case "
            "against him.",
            [],
        ),
        # practices said to be common
        ("Raids on mosques and searches of homes have become routine in the region.", []),
        ("The arrest of Ivanov was a shock.", ["detention"]),
        # a hand on a thing, a summons to serve a term
        ("The officer put his hand on the file on the desk.", []),
        ("The guard raised his hand against the prisoner.", ["assault"]),
        ("She was summoned to begin serving her sentence.", []),
    ],
)
def test_events_round18_not_incidents(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # officials demanding that someone disown or denounce
        ("Officials told them to sign a letter condemning their son.", ["harassment"]),
        ("The officer told her to renounce her brother publicly.", ["harassment"]),
        ("The teacher told us to write an apology.", []),
        # a lawyer who took the case; two helpers in one sentence are two interventions
        ("I have a lawyer, Mr. Aliev, who took the case without payment.", ["intervention"]),
        ("Police took the case to court.", []),
        (
            "The Lawyers' Association filed a complaint on my behalf with the prosecutor, and "
            "the Public Defender's office has written to the Interior Ministry.",
            ["intervention", "intervention"],
        ),
    ],
)
def test_events_round18_demands_and_helpers(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # offences after "arrested for"; beliefs called convictions; deaths in war
        ('They can arrest any of us for "organising group violence".', ["detention"]),
        ("He was arrested for beating a policeman.", ["detention"]),
        ('The commission said my convictions were "not sufficiently substantiated".', []),
        ("His conviction for fraud was overturned.", ["charge"]),
        ("My grandfather fought in the war and my uncle was killed in it.", []),
        ("He was killed in custody.", ["assault"]),
        # a destination asked about is no taking
        ("When I asked where they were taking him, one of them told me to shut up.", []),
        ("They took him at night.", ["detention"]),
    ],
)
def test_events_round18_offences_beliefs_and_wars(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # stopped by an agency, or made to go along with officers
        ("The traffic police stopped his car on the road to Mary.", ["detention"]),
        ("Two police officers stopped me at the turnstiles.", ["detention"]),
        ("Police stopped the rally.", []),
        ("My mother stopped me at the door.", []),
        ("Two KNB officers came up and said I had to go with them.", ["detention"]),
        ("One of them told me to shut up or I would go with him.", ["detention"]),
        ("I went with them to the shop.", []),
    ],
)
def test_events_round18_stopped_and_taken_along(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # local officials visiting relatives, and orders to fall silent
        (
            "The chairman of our mahalla committee came to see my mother.",
            [("harassment", "my mother", "authorities")],
        ),
        (
            "A man from the town administration came and told us not to give interviews.",
            [("harassment", "narrator", "authorities")],
        ),
        ("The officer told her to stop writing about the case.", [("harassment", "her", "police")]),
        ("Police told him not to leave the city.", [("harassment", "him", "police")]),
        ("The doctor told me not to worry.", []),
        ("The officer told me to wait in the corridor.", []),
        # one act of pressure told in a summons and what was said there
        (
            'He was summoned to the GKNB, where officers told him to stop "spreading lies".',
            [("harassment", "he", "security service (GKNB)")],
        ),
    ],
)
def test_events_round18_pressure_by_officials(nlp, text, expected):
    events = nlp(text)._.events
    assert [(e["event_type"], e["victim"], e["perpetrator"]) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lawyer telling of their own access to a client
        (
            "I represent Mr Karimov. For nine days I was not allowed to see him. On 3 May I "
            "was finally allowed to see him.",
            [("intervention", "attempted"), ("intervention", "occurred")],
        ),
        ("I was not allowed to see him for nine days.", []),
        ("I represent Mr Karimov. I have met three other women who were sent there.", []),
        # the defence's requests, a helper's visits
        (
            "The court refused the defence's request to order a medical examination.",
            [("intervention", "occurred")],
        ),
        ("The lawyer visited him twice in the colony.", [("intervention", "occurred")]),
        ("My brother visited him twice in the colony.", []),
    ],
)
def test_events_round18_counsel_access_and_requests(nlp, text, expected):
    assert [(e["event_type"], e["status"]) for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stop that leads into a commitment is its first step; one that leads into a test is
        # a detention of its own
        (
            "Traffic police stopped my car and made me blow into a breathalyser.",
            [("detention", "narrator", "police"), ("drug_test", "narrator", None)],
        ),
        (
            "They stopped him near the metro and drove him to a psychiatric hospital.",
            [("psychiatric_commitment", "him", "they")],
        ),
        ("Police use cameras to stop people who have been detained before.", []),
    ],
)
def test_events_round18_stops_that_lead_elsewhere(nlp, text, expected):
    events = nlp(text)._.events
    assert [(e["event_type"], e["victim"], e["perpetrator"]) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # recordings made in secret or by an agency
        ("The case is based on audio recordings made secretly by the FSB.", ["surveillance"]),
        ("The charges rest on covert recordings of their prayer meetings.", ["surveillance"]),
        ("His phone calls had been recorded by the KGB for months.", ["surveillance"]),
        ("The concert was recorded by the BBC.", []),
        # a car whose colour the parser took for its head
        ("I noticed the same grey Nexia parked near our gate every morning.", ["surveillance"]),
    ],
)
def test_events_round18_recordings_and_cars(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name the tagger misread in one sentence is a person where it is a PERSON elsewhere
        (
            "Bakyt Asanov was detained in May. Bakyt was charged with calling for mass unrest.",
            ["detention", "charge"],
        ),
        # being brought before a court is a legal step; being in or at a court is not
        ("On 3 May she was brought before the district court.", ["charge"]),
        ("The witnesses never appeared in court.", []),
        ("In the evening I was taken to the administrative court.", []),
    ],
)
def test_events_round18_names_and_courts(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


def test_events_round18_next_time_threats_where_the_text_is_about_psychiatry(nlp):
    text = (
        "She spent a month in a psychiatric hospital in 2020. The doctor warned me that next "
        "time they could keep me for a year. They said that next time I would go to prison."
    )
    events = [(e["event_type"], e["status"]) for e in nlp(text)._.events]
    assert events == [
        ("psychiatric_commitment", "occurred"),
        ("psychiatric_commitment", "threatened"),
        ("detention", "threatened"),
    ]


def test_events_round18_next_time_without_psychiatry_is_no_commitment(nlp):
    text = "The officer warned me that next time they would keep me for longer."
    assert [e["event_type"] for e in nlp(text)._.events] == ["detention"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # leaving as a prospect or a resolve is exile told; leaving a room is not
        ("If I leave, they win.", [("relocation", "hypothetical")]),
        ("If the pressure continues, she may leave.", [("relocation", "hypothetical")]),
        ("I will not leave.", [("relocation", "negated")]),
        ("I'm not going to leave Azerbaijan.", [("relocation", "negated")]),
        ("He left at six.", []),
        ("She was questioned for four hours and allowed to leave.", [("harassment", "occurred")]),
        ("It is a name I will leave out.", []),
    ],
)
def test_events_round18_leaving_in_prospect(nlp, text, expected):
    assert [(e["event_type"], e["status"]) for e in nlp(text)._.events] == expected


def test_events_round18_the_one_a_lawyer_came_to_see_is_the_one_helped(nlp):
    text = "I represent Mr Karimov. For nine days I was not allowed to see him."
    events = [(e["event_type"], e["status"], e["victim"]) for e in nlp(text)._.events]
    assert events == [("intervention", "attempted", "Mr Karimov")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a letter's questions to a government restate what was told
        ("Please explain why his lawyers were denied access to their client.", []),
        ("Please provide the legal basis for his house arrest.", []),
        # a practice or a paper named
        ("We are concerned at the use of house arrest against bloggers.", []),
        ("We are concerned at the use of false accusations and house arrest.", []),
        ("The judge refused to give me a copy of the verdict.", []),
        ("The judge read out the verdict against me.", ["charge"]),
        # the scene of an arrest is no move
        ("He was stopped by officers as he was leaving his home.", ["detention"]),
        ("He left his home in March and crossed into Georgia.", ["relocation"]),
        # people who once moved
        ("Human rights groups in exile wrote about the case.", []),
        ("Exiles from Turkmenistan gathered outside the embassy.", []),
    ],
)
def test_events_round19_requests_practices_and_scenes(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a school or a party expels someone from is studies or membership
        ("The university expelled me in September.", [("harassment", "university")]),
        ("The authorities expelled him to Russia.", [("relocation", "authorities")]),
        # a helper's threat is help; frightening "anyone" as a purpose is no act
        ("My lawyer threatened to go to the Public Defender.", []),
        ("I am not writing this to frighten anyone.", []),
        ("The investigator threatened to arrest my son.", [("detention", "investigators")]),
        # what a helper named before a relative clause did
        (
            "I thank the teachers' union, which helped me find work in Vilnius.",
            [("intervention", None)],
        ),
        ("I thank the foundation that paid my rent for three months.", [("intervention", None)]),
    ],
)
def test_events_round19_schools_helpers_and_purposes(nlp, text, expected):
    assert [(e["event_type"], e["perpetrator"]) for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bystanders who stop an arrest help the one it was aimed at; the arrest was tried
        (
            "Neighbours gathered and prevented the officers from taking him.",
            [
                ("intervention", "occurred", "him", None),
                ("detention", "attempted", "him", "police"),
            ],
        ),
        (
            "The villagers stopped the police from arresting her.",
            [
                ("intervention", "occurred", "her", None),
                ("detention", "attempted", "her", "police"),
            ],
        ),
        # the one kept from leaving is the one who would leave
        (
            "Police prevented him from leaving the country.",
            [("harassment", "occurred", "him", "police"), ("relocation", "attempted", "him", None)],
        ),
    ],
)
def test_events_round19_arrests_stopped_by_bystanders(rules_nlp, text, expected):
    events = rules_nlp(text)._.events
    assert [
        (e["event_type"], e["status"], e["victim"], e["perpetrator"]) for e in events
    ] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an indirect yes/no question asks; it tells nothing
        ("When I asked whether I was under arrest, they put me in a van.", ["detention"]),
        # nobody in particular, over an undated perfect: a claim about practice
        ("In our country people have ended up in psychiatric hospitals for much less.", []),
        # a verdict on a custody told elsewhere, a halt, a safeguard, the prosecuting party
        (
            "Amnesty considers him a prisoner of conscience, detained solely for his poems.",
            ["intervention"],
        ),
        ("He lives on a temporary suspension of deportation.", []),
        ("We ask you to ensure that he is protected from torture.", []),
        ("The recordings formed the core of the prosecution's evidence.", []),
        # troops sent abroad are no deportees
        ("A year ago Moscow sent its troops into Ukraine.", []),
        ("The police sent him back to Tajikistan.", ["relocation"]),
        # a school's expulsion, also in a passive the sentence gives the school for
        ("He was told his university would be informed and he would be expelled.", ["harassment"]),
        ("He was expelled from Russia in May.", ["relocation"]),
        ("My friend from university was deported in September.", ["relocation"]),
    ],
)
def test_events_round19_questions_verdicts_and_troops(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the one agency a document names acts where nobody is named
        (
            "KNB officers searched my flat in May.\n\nKNB officers questioned my wife in June."
            "\n\nIn August I was detained at the airport.",
            [
                ("seizure", "security service (KNB)", "KNB officers"),
                ("harassment", "security service (KNB)", "KNB officers"),
                ("detention", "security service (KNB)", None),
            ],
        ),
        # two agencies, neither dominant: nobody is guessed
        (
            "KNB officers searched my flat in May.\n\nPolice questioned my wife in June."
            "\n\nIn August I was detained at the airport.",
            [
                ("seizure", "security service (KNB)", "KNB officers"),
                ("harassment", "police", "Police"),
                ("detention", None, None),
            ],
        ),
    ],
)
def test_events_round19_the_documents_agency_for_agentless_acts(nlp, text, expected):
    events = nlp(text)._.events
    assert [(e["event_type"], e["perpetrator"], e["perpetrator_text"]) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # helpers passing a case to a body, the parser hanging "to" on the case
        (
            "In May the Bureau submitted details of her case to the UN Working Group.",
            ["intervention"],
        ),
        (
            "Amnesty shared the details of his case with the UN Special Rapporteur.",
            ["intervention"],
        ),
        ("The ombudsman's office sent a representative to the colony.", ["intervention"]),
        # a government protesting through an envoy is no harassment of the envoy
        ("Paris summoned the Iranian ambassador on Monday.", ["intervention"]),
        ("Police summoned her for questioning on Monday.", ["harassment"]),
    ],
)
def test_events_round20_helpers_taking_cases_to_bodies(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # blame, not custody: the warning alone is the pressure
        ('He was warned that he would be "held responsible" for his posts.', ["harassment"]),
        ("He was held for three days in the district station.", ["detention"]),
        # a mandate's name is no incident
        ("Her lawyer wrote to the Special Rapporteur on torture in June.", ["intervention"]),
        # the end of house arrest is a release, not a new detention
        ("In March he was released from house arrest.", ["release"]),
        # a statement about a beating told before is the same beating
        (
            "Officers beat me in the car on 3 May. The next day I reported the beating to "
            "the prosecutor.",
            ["assault"],
        ),
    ],
)
def test_events_round20_blame_mandates_and_reports(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the witness of an arrest told before is no victim of it
        (
            "Police detained Ivan on 3 May. His wife, who witnessed the arrest, called a lawyer.",
            [("detention", "Ivan")],
        ),
        # a lawyer reporting another's beating told before helps; the beating stays one
        (
            "Officers beat Ivan in the car on 3 May. The next day his lawyer reported the "
            "beating to the prosecutor.",
            [("assault", "Ivan"), ("intervention", "Ivan")],
        ),
    ],
)
def test_events_round21_a_reported_incident_keeps_its_victim(nlp, text, expected):
    assert [(e["event_type"], e["victim"]) for e in nlp(text)._.events] == expected


def test_events_round20_a_barred_lawyers_complaint_is_no_charge(nlp):
    text = (
        "The lawyer was not allowed to read the case file and has filed a complaint about "
        "the restriction."
    )
    assert [(e["event_type"], e["status"]) for e in nlp(text)._.events] == [
        ("intervention", "attempted")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what came of a test told before is that test
        (
            "On 3 May he was made to give a urine sample at the dispensary. The test was negative.",
            [("drug_test", "occurred")],
        ),
        # leaving a region the tagger misread as an organisation
        ("I left Crimea this spring.", [("relocation", "occurred")]),
        ("He left Gazprom in 2019.", []),
        # only a third party recognises a political prisoner
        (
            "Viasna recognised Dzianis as a political prisoner on Monday.",
            [("intervention", "occurred")],
        ),
        ("The court recognised him as a political prisoner.", []),
        # another state's foreign ministry, a foreign member of parliament
        ("Ukraine's Foreign Ministry condemned the searches.", [("intervention", "occurred")]),
        (
            "A Lithuanian MP wrote to the UN Special Rapporteur on Belarus about his case.",
            [("intervention", "occurred")],
        ),
        # held in a psychiatric hospital is a commitment
        (
            "Mr Sukhanov was then held for sixteen days in the Omsk regional psychiatric hospital.",
            [("psychiatric_commitment", "occurred")],
        ),
        (
            "The duty psychiatrist admitted me against my will.",
            [("psychiatric_commitment", "occurred")],
        ),
        # suspected of a crime, in the passive; a suspicion in a relative clause is no step
        ("The men were suspected of organising a cell.", [("charge", "occurred")]),
        ("Galarraga, who they suspected of being a member, was never found.", []),
        ("On 2 May the district court acquitted her.", [("charge", "occurred")]),
        (
            "The court put me under administrative supervision for eight years.",
            [("charge", "occurred")],
        ),
        # an official warning is pressure; a weather warning is not
        (
            "Regional prosecutors issued an official warning to the editor.",
            [("harassment", "occurred")],
        ),
        ("The weather service issued a warning.", []),
        # harm told or denied is an assault; harm in a threat is the threat's pressure
        ("His son said he had not been harmed.", [("assault", "negated")]),
        ("She was warned that making noise would harm her husband.", [("harassment", "occurred")]),
        # firing at people, and what came of it, is one assault
        ("Police opened fire on the protesters.", [("assault", "occurred")]),
        (
            "Security forces fired birdshot at crowds near the bridge on Friday, wounding dozens.",
            [("assault", "occurred")],
        ),
        # custody that goes on is the custody told before
        (
            "Police detained Arman Petrosyan on 3 May. He was charged with hooliganism and "
            "remained in pre-trial detention at the end of the year.",
            [("detention", "occurred"), ("charge", "occurred")],
        ),
        # diplomats at a hearing monitor it; a monitoring group's own rounds are its work
        (
            "Diplomats from several EU embassies attended the hearing.",
            [("intervention", "occurred")],
        ),
        ("This week our observers attended hearings in Hrodna.", []),
        # a room or a lawyer found by helpers
        ("The NGO found me a room.", [("intervention", "occurred")]),
        ("Amnesty International provided him with a lawyer.", [("intervention", "occurred")]),
        (
            "Qurbonzoda's family had retained lawyer Parviz Haydarov.",
            [("intervention", "occurred")],
        ),
        # a practice told beside one's colleagues' fate stays a practice
        (
            "Independent journalists are routinely summoned for conversations, and last year "
            "many of my colleagues were jailed.",
            [("detention", "occurred")],
        ),
        # a case one is warned one could face is a threatened charge
        (
            "The administration warned him he could face a new case for disobedience.",
            [("charge", "threatened")],
        ),
        # a threat to put one among lunatics or in a named psychiatric centre
        (
            "A sergeant told me that if I kept playing the dissident they would put me "
            '"where the other lunatics live".',
            [("psychiatric_commitment", "threatened")],
        ),
        (
            "He threatened to send me to the Serbsky Centre for an inpatient examination.",
            [("psychiatric_commitment", "threatened")],
        ),
        ("I asked him if anyone had hit him.", []),
        # the confession a beating was meant to extract is part of the beating
        (
            "Officers beat him to make him sign a confession.",
            [("assault", "occurred")],
        ),
    ],
)
def test_events_round21_phrasings_from_new_sets(nlp, text, expected):
    assert [(e["event_type"], e["status"]) for e in nlp(text)._.events] == expected


def test_events_round21_a_case_summary_note_without_subject(nlp):
    text = (
        "Rustem Nafikov was detained at his home in Ufa on 12 March 2023. "
        "Charged under Article 280.3 of the Criminal Code over three posts."
    )
    assert [(e["event_type"], e["victim"]) for e in nlp(text)._.events] == [
        ("detention", "Rustem Nafikov"),
        ("charge", "Rustem Nafikov"),
    ]


def test_events_round21_one_incident_told_in_two_clauses_is_evidenced_by_both(nlp):
    text = "Two of them pushed me onto the asphalt and beat me with batons."
    events = nlp(text)._.events
    assert [(e["event_type"], e["trigger"]) for e in events] == [
        ("assault", "pushed me onto the asphalt and beat me with batons")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a numbered section title names its topic; its paragraph tells the incident
        (
            "2. Criminal case. On 3 October officers detained Mr Rudakov at his flat.",
            [("detention", "occurred")],
        ),
        ("3. Psychiatric examination.", []),
        # an aim read into what was done is no incident
        ("I think they only wanted to frighten me.", []),
        ("I think it was to frighten me.", []),
        ("They tried to frighten me.", [("harassment", "attempted")]),
        # learning of an incident, ending a measure: the incident told before
        (
            "In May he was sent for a psychiatric examination. His family learned of the "
            "psychiatric examination only on Monday.",
            [("psychiatric_commitment", "occurred")],
        ),
        (
            "She was placed in compulsory treatment in June. In December a commission "
            "recommended ending compulsory treatment, and she was discharged.",
            [("psychiatric_commitment", "occurred"), ("release", "occurred")],
        ),
        # "the centre" the text called a psychiatric one: custody there is the commitment
        (
            "Two police officers took Aigul Oralbayeva to the regional psychiatric centre. "
            "Ms Oralbayeva was held in the centre for twenty-one days.",
            [("psychiatric_commitment", "occurred")],
        ),
        (
            "Police took him to the detention centre. He was held in the centre for two days.",
            [("detention", "occurred")],
        ),
    ],
)
def test_events_round21_titles_motives_and_measures_told_before(nlp, text, expected):
    assert [(e["event_type"], e["status"]) for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another helper's own act after "also" is a new intervention; "also intervened" is not
        (
            "Lawyer Ivanov took up his case in May. A human rights group in Tashkent has also "
            "written to the Ombudsman about him.",
            ["intervention", "intervention"],
        ),
        (
            "Defenders came to the police station. Two colleagues also intervened on my behalf.",
            ["intervention"],
        ),
        # a helper who "could not comment" in another clause still filed the complaint
        (
            "His lawyer has filed a complaint against the order, but has been required to sign "
            "a non-disclosure agreement and could not comment on the case.",
            ["intervention"],
        ),
        # "the Mission said it had asked": the pronoun is the one who says so
        (
            "The Human Rights Monitoring Mission said it had asked Russian authorities for "
            "information on the detainees.",
            ["intervention"],
        ),
        ("Police said they had asked the court for information.", []),
        ("LARN calls on the authorities to release her immediately.", ["intervention"]),
        ("Amnesty International said it had written to the Prosecutor General.", ["intervention"]),
        (
            "The bar chamber sent a formal protest to the prosecutor's office.",
            ["intervention"],
        ),
        (
            "Her lawyer obtained an interim measure from the Constitutional Court.",
            ["intervention"],
        ),
        ("The Polish authorities granted her international protection.", ["intervention"]),
        ("The Lithuanian consulate issued me a humanitarian visa.", ["intervention"]),
        # taken for questioning, threatening calls, an administrative protocol
        ("Sokolnikova was taken for questioning to the Investigative Committee.", ["detention"]),
        ("Anna started receiving threatening phone calls.", ["harassment"]),
        (
            "I was released with a protocol under Article 20.3.3 of the Administrative Code.",
            ["release", "charge"],
        ),
        ("The prison administration opened every letter he sent.", ["surveillance"]),
        ("Guards read his letters.", ["surveillance"]),
        # drugs forced on a patient are violence done to the person
        ("She was given haloperidol injections against her will.", ["assault"]),
        # reading a letter out to people is no spying; a consulate's complaint is no help
        ("The administration read out a letter that said he was a spy.", []),
        ("The Turkmen consulate had complained about his videos.", []),
        # parents "left alone" move nowhere
        ("If he goes, their parents will be left alone.", []),
    ],
)
def test_events_round22_helpers_summons_and_letters(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # charges asked to be dropped are the charges told before
        (
            "Elvin Nasibov was charged with smuggling in May. I urge you to ensure that he is "
            "released and that the charges against him are dropped.",
            [("charge", "occurred")],
        ),
        # a trial there will be none of is not told; charges never brought are
        (
            "If the doctors declare him insane, there will be no trial.",
            [("psychiatric_commitment", "hypothetical")],
        ),
        ("He could be locked in a hospital for years with no sentence.", []),
        ("In the end no criminal charges were brought against me.", [("charge", "negated")]),
        # an aim read into an act, a quoted offence's name: no pressure of their own
        ("We believe that the examination is being used to discredit him.", []),
        ("It was done only to humiliate him, his wife said.", []),
        ('The court sentenced me for "insulting the Leader".', [("charge", "occurred")]),
        (
            'They remarked that "writing complaints is bad for your health" and left.',
            [],
        ),
        ("Officers humiliated him in front of his family.", [("harassment", "occurred")]),
    ],
)
def test_events_round22_measures_ended_none_held_and_aims(nlp, text, expected):
    assert [(e["event_type"], e["status"]) for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fate someone already jailed met, held out as a threat
        ('The officer told him that he "could easily join them".', [("detention", "threatened")]),
        ("They said that if I spoke to the BBC, I would be the fourth.",
         [("detention", "threatened")]),
        (
            "He said calmly that if I kept posting I would go the same way as my cousin.",
            [("detention", "threatened")],
        ),
        (
            'They told her that her husband "would also be sitting" if she did not sign.',
            [("detention", "threatened")],
        ),
        ("He laughed and said that if I did not come, they would fetch me themselves.",
         [("detention", "threatened")]),
        # the same words with no threat told
        ("She hoped she would join them in Berlin.", []),
        ("I would be the third person in my family to study law.", []),
    ],
)  # fmt: skip
def test_events_round23_threatened_fates(nlp, text, expected):
    assert [(e["event_type"], e["status"]) for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the victim of a charge noun: the clause's subject, a dative, a participle's "against"
        ("He is now held on charges of membership in a banned party.", [("charge", "he")]),
        ("Ms Orlova received two years' probation.", [("charge", "Ms Orlova")]),
        ("Charges brought against the four students were dropped in May.",
         [("charge", "four students")]),
        # a state asking for someone's extradition is no help to them
        ("Tajikistan requested the extradition of Mr Karimov.",
         [("relocation", "Mr Karimov")]),
    ],
)  # fmt: skip
def test_events_round23_charge_victims_and_requests(nlp, text, expected):
    assert [(e["event_type"], e["victim"]) for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two officers pushed me to the ground.", ["assault"]),
        ("At the clinic a nurse made me urinate into a plastic cup.", ["drug_test"]),
        ("A grey Lada followed her car all the way to Osh.", ["surveillance"]),
        ("The district police told me to come to their office on Monday.", ["harassment"]),
        ("An investigator telephoned my mother twice in March.", ["harassment"]),
        ("The ambassador raised her case with the deputy foreign minister.", ["intervention"]),
        # made to sign a cover story: pressure, and no departure told
        (
            "They made me sign a paper saying that Aslan had gone to Syria of his own free will.",
            ["harassment"],
        ),
        # the same shapes without agents of power or a person
        ("My aunt told me to come to her place on Monday.", []),
        ("He pushed the table to the wall.", []),
    ],
)
def test_events_round23_phrasings_from_new_sets(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a court turning down an appeal upholds the conviction
        ("The regional court rejected his appeal on 3 May.", ["charge", "intervention"]),
        ("The judge rejected a defence motion to call two more witnesses.", []),
        (
            "The city court rejected his appeal against the psychiatric examination order.",
            ["intervention"],
        ),
        # what a challenge, a visit or a trial still to come names is told elsewhere
        (
            "Police arrested Nikita Orlov on Monday. His lawyer appealed against the arrest.",
            ["detention", "intervention"],
        ),
        (
            "Police beat Azamat Toktogulov at the station. Lawyers filed a complaint about the "
            "beating of Azamat with the prosecutor.",
            ["assault", "intervention"],
        ),
        ("He was released on bail on 25 March pending trial.", ["release"]),
        ("Police detained eight men on Monday. A lawyer visited the men in detention.",
         ["detention", "intervention"]),
        # grants and what they pay for
        ("We approved USD 6,500 to cover three months' temporary relocation for him.",
         ["intervention"]),
        ("A woman from the network bought me a bus ticket to Vladikavkaz.", ["intervention"]),
        ("A small grant from the foundation has covered her legal fees.", ["intervention"]),
        # communications recorded or tapped, people filmed
        ("The KGB recorded Savitski's telephone conversations for three months.",
         ["surveillance"]),
        ("A friend told me that my number was being tapped.", ["surveillance"]),
        ("Two police officers filmed the mourners from a car.", ["surveillance"]),
        # an NGO's "we" files and submits; a family's "we" files a complaint of its own
        (
            "Our network has helped women since 2019. On 15 June we submitted the case to the "
            "UN Special Rapporteur.",
            ["intervention"],
        ),
        ("I sent my documents to the embassy.", []),
    ],
)  # fmt: skip
def test_events_round23_appeals_references_grants_and_recordings(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a taking by force is custody wherever it leads; an ordinary lift is not
        ("Officers took him by force from his workplace to a barracks outside the town.",
         ["detention"]),
        ("Two soldiers forcibly took him to a training ground.", ["detention"]),
        ("My father took me to school.", []),
        # driven somewhere to be questioned
        ("Later they drove me to the regional centre to be questioned.", ["detention"]),
        ("After the raid I was driven to the security service building and questioned until "
         "night.", ["detention"]),
        ("We drove to the village to interview witnesses.", []),
        # one's own words read out or quoted back: intercepted; a letter read out: not
        ("During the interview an officer read out messages I had sent to my wife.",
         ["surveillance"]),
        ("The investigator quoted things I had said to my brother on the phone.",
         ["surveillance"]),
        ("She quoted things he had said in his speech.", []),
        ("Our phone is tapped: an officer repeated to me something I had said to my sister on "
         "the phone.", ["surveillance"]),
        ("Someone tried to gain access to his email account.", ["surveillance"]),
        ("He gained access to the archive.", []),
        ("At the hospital a nurse took my telephone.", ["seizure"]),
        ("Riot police fired tear gas canisters at the marchers.", ["assault"]),
        # helpers: a lawyer's surname alone, an ombudsman's "it", a transfer for fees
        ("Defence lawyer Oleg Sadykov spoke first in court. Sadykov has lodged an appeal "
         "against the ruling.", ["intervention"]),
        ("The Ombudsman's office told us that it had requested information from the "
         "prosecutor.", ["intervention"]),
        ("The police told us that they had requested information from the school.", []),
        ("The charity transferred her money for the lawyer's fees.", ["intervention"]),
        ("In February the union supported a nine-day strike by dockers.", []),
        # a field of a record names no incident
        ("We copy out names, dates of arrest and dates of execution.", []),
        # pressure at work and on papers
        ("The management asked her to take unpaid leave.", ["harassment"]),
        ("He was forced to resign from the newspaper.", ["harassment"]),
        ("They made me sign a paper saying that he had left of his own free will.",
         ["harassment"]),
        ("The lawyer made me sign the contract.", []),
        ("They told me to write a resignation letter.", ["harassment"]),
        ("He decided to resign.", []),
        ("The consulate has refused since 2023 to renew her passport.", ["harassment"]),
        ("The bank refused to give us a loan.", []),
        ("In May she received anonymous text messages.", ["harassment"]),
        # a psychiatric hospital as a fate threatened, not a trip
        ("An officer told him he would go back to the Serbsky, and this time for a long time.",
         ["psychiatric_commitment"]),
        ("He said he would go to Moscow to visit the Serbsky centre.", []),
    ],
)  # fmt: skip
def test_events_round24_forced_takings_intercepted_words_and_helpers(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Someone tried to gain access to his email account.", ("surveillance", "attempted")),
        ("A police captain warned that she would rot in Navinki.",
         ("psychiatric_commitment", "threatened")),
        ("The investigator quoted things I had said to my brother on the phone.",
         ("surveillance", "occurred")),
    ],
)  # fmt: skip
def test_events_round24_statuses(nlp, text, expected):
    assert [(e["event_type"], e["status"]) for e in nlp(text)._.events] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # whoever calls for a release neither detained the person nor is a perpetrator; the
        # authorities asked to free him are the agency his sentence names
        (
            "Amnesty International called on the authorities to release Ali Karimov, who was "
            "detained on Tuesday.",
            [("intervention", None), ("detention", "authorities")],
        ),
        ("Police detained him and searched his flat.",
         [("detention", "police"), ("seizure", "police")]),
    ],
)  # fmt: skip
def test_events_round24_callers_are_no_perpetrators(nlp, text, expected):
    assert [(e["event_type"], e["perpetrator"]) for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a court's removal order is its ruling; a removal still awaited is none yet
        ("On 12 September 2023 the district court ordered his administrative expulsion.",
         [("charge", "occurred")]),
        ("A district court ordered his arrest pending extradition.",
         [("detention", "occurred")]),
        ("Police ordered his deportation to Tajikistan in May 2022.",
         [("relocation", "occurred")]),
        # an exile as a person, or a state lived in by a body
        ("Neighbours foiled an attempt to abduct a Russian exile in Tbilisi.",
         [("detention", "attempted")]),
        ("A colleague from the teachers' union in exile helped me get a visa.",
         [("intervention", "occurred")]),
        ("He has lived in exile in Vilnius since 2021.", [("relocation", "occurred")]),
        # questioning: part of a custody it is coordinated with, not after "but not"; a
        # relative clause that only picks out the officer tells none
        ("His brother was detained in Andijan in May 2019 and questioned about his friends.",
         [("detention", "occurred")]),
        ("Leyla said she had not been detained but was questioned for three hours.",
         [("detention", "negated"), ("harassment", "occurred")]),
        ("The officer who questioned me the second time put it plainly.", []),
        # a departure that is the scene of another act; a shove is no return
        ("In January a man photographed her as she left a client's home in Sumgait.",
         [("surveillance", "occurred")]),
        ("Police handed her over to relatives who took her back to Grozny against her will.",
         [("relocation", "occurred")]),
        ("He was flown to Uzbekistan and handed to the security service.",
         [("relocation", "occurred")]),
        ("In March he was flown to Moscow for treatment.", []),
    ],
)  # fmt: skip
def test_events_round25_removals_questioning_and_scenes(nlp, text, expected):
    assert [(e["event_type"], e["status"]) for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Ombudsperson's office has publicly demanded his release.", ["intervention"]),
        ("The Public Defender's office opened an inquiry two days later.", ["intervention"]),
        ("Our organisation covered part of her legal costs.", ["intervention"]),
        ("A solidarity fund has been paying half of her lawyer's fee since April.",
         ["intervention"]),
        ("The committee wrote to the chair of the Bar Association asking for a review.",
         ["intervention"]),
        ("His lawyer has filed a request for a retrial with the Supreme Court.",
         ["intervention"]),
        ("Officers confiscated her phone and demanded that she delete the video.",
         ["seizure", "harassment"]),
        ("On Sunday someone called me from a hidden number.", ["harassment"]),
        ("On 1 August 2023 the mine dismissed me for absenteeism.", ["harassment"]),
        ("On 17 August 2023 she was barred from boarding her flight to Istanbul.",
         ["harassment"]),
        ("Only then did I learn that I was banned from leaving the country.", []),
        ("In May the rector signed the order: I was expelled for an unexcused absence.",
         ["harassment"]),
        ("Last week a grey Lada without plates followed his car for two days.",
         ["surveillance"]),
        # not events: the narrator takes, friends watch, headings, a fee, written words
        ("I said I had taken money from a party abroad.", []),
        ("My roommate photographed him.", []),
        ("The fines.", []),
        ("A drug test.", []),
        ("And then the trial.", []),
        ("I taught the alphabet to children without charging anyone.", []),
        ("I added one sentence about the price of bread.", []),
        # nobody it befell, or a policy of releases; a bare "no one" is not "nobody from my
        # family"
        ("No one has been arrested.", []),
        ("Nobody from my family has been arrested.", ["detention"]),
        ("Since 2017 the government has released a number of political prisoners.", []),
        # asylum granted is protection given; an employer letting someone go dismisses them
        ("Lithuania granted me asylum in the summer of 2021.", ["intervention"]),
        ("Her school let her go the following day.", ["harassment"]),
        ("Police let her go the following day.", ["release"]),
        # violence feared is a possible assault; "forced ... in" is no break-in
        ("They feared forced marriage or violence in the name of honour.", ["assault"]),
        # a promise of help stays; a helper's threat is leverage
        ("The lawyer has promised to come with me next time.", ["intervention"]),
        ("My lawyer threatened to go to the Public Defender.", []),
    ],
)  # fmt: skip
def test_events_round25_helpers_pressure_and_non_events(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


def test_events_round25_an_attempt_after_an_order_is_its_own_event(nlp):
    doc = nlp(
        "They said they had an order to bring me in. They tried to detain me, but thirty "
        "colleagues blocked the door."
    )
    assert ("detention", "attempted") in [(e["event_type"], e["status"]) for e in doc._.events]


def test_events_round25_an_office_is_keyed_by_its_owner(nlp):
    events = nlp("The prosecutor's office issued him a warning.")._.events
    assert [(e["event_type"], e["perpetrator"]) for e in events] == [("harassment", "prosecutor")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # taken to where nobody may follow, or to the agency's own building
        ("They then took his father to an unknown location.", ["detention"]),
        ("Two men from the GKNB came to his workshop and took him to their building.",
         ["detention"]),
        ("My friends took me to their office to rest.", []),
        # money frozen, standing revoked, a post taken away
        ("His bank accounts were frozen in May.", ["seizure"]),
        ("I opened an account at a local bank.", []),
        ("Her mentor, the advocate Rafael Huseynli, was disbarred in 2011.", ["harassment"]),
        ("She found that the university had suspended her studies.", ["harassment"]),
        ("The committee removed him as imam in March.", ["harassment"]),
        ("The court suspended the deportation order.", []),
        # a body named before "which asked ..." asks; "who asked not to be named" does not
        ("The lawyer wrote to the UN Committee, which asked Moscow to suspend the extradition.",
         ["intervention", "intervention"]),
        ('"I have no idea why," said a journalist who asked not to be named.', []),
    ],
)  # fmt: skip
def test_events_round25_takings_freezes_and_posts(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counts over years and mass arrests "in large numbers" are practice; a count since
        # one day's protest is an incident
        ("Rights groups say dozens of musicians have been detained since 2022.", []),
        ("Since April, protesters in Tbilisi have been detained in large numbers.", []),
        ("More than 40 people have been detained since Friday's protest in Nukus.",
         ["detention"]),
        # an authority's defence of an arrest is not another arrest
        ("The Government replied that Mr. Karimov had been lawfully arrested.", []),
        ("A spokesman said the blogger had been detained in strict accordance with the law.",
         []),
        # a verdict appealed is the verdict told before
        ("In March the court sentenced him to five years. His lawyer appealed the verdict.",
         ["charge", "intervention"]),
        # a tip-off from a friend or a well-wisher is no pressure
        ("After a sympathetic police officer warned him, he left for Vilnius.", ["relocation"]),
        ("He was warned by a neighbour and left the same night.", []),
        ("Police warned her to stop posting.", ["harassment"]),
    ],
)  # fmt: skip
def test_events_round25_practice_replies_appeals_and_tip_offs(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a staged video is pressure; a fate foretold or kin following is no tail
        ("That evening they filmed me reading an apology in front of a curtain.",
         [("harassment", "occurred")]),
        ("An officer told me that if I kept talking, Said would follow his brother.", []),
        ("My wife and our daughter followed me three weeks later.", []),
        ("Two men followed me from the bazaar to my house.", [("surveillance", "occurred")]),
        # a call that carries a threat is told as the threatened act
        ("An officer called him and warned that if he kept posting, he would be arrested.",
         [("detention", "threatened")]),
        ("An officer called me and told me to stop writing.", [("harassment", "occurred")]),
        # custody asked of a court, or named in a charge's wording, is not imposed
        ("Defence lawyers filed a motion for house arrest.", [("intervention", "occurred")]),
        ("The ministry claimed that she had resisted arrest.", []),
        ("Police detained her on 3 May. In June the Rapporteur raised her detention with the "
         "government.", [("detention", "occurred"), ("intervention", "occurred")]),
    ],
)  # fmt: skip
def test_events_round25_videos_tails_calls_and_requests(nlp, text, expected):
    assert [(e["event_type"], e["status"]) for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a chronology's entries are told in the present, one dated incident each
        ("Timeline\n\n19 Apr 2023 – Police detain him at his flat.\n\n10 Oct 2023 – His lawyer "
         "files an appeal with the regional court.",
         [("detention", "2023-04-19"), ("intervention", "2023-10-10")]),
        # a term of arrest served is custody
        ("In 2020 he served 15 days of administrative arrest for a picket.",
         [("detention", "2020-01-01")]),
        # ordered to appear at an agency: a summons
        ("Instead I was ordered to appear at the Investigative Committee on 22 May 2023.",
         [("harassment", "2023-05-22")]),
    ],
)  # fmt: skip
def test_events_round26_chronologies_terms_and_summonses(nlp, text, expected):
    doc = nlp(text)
    assert [(e["event_type"], e["date_start"]) for e in doc._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # veiled threats: trouble to come, regret, telling the employer
        ('A man called him and said that his parents "would have problems" if he kept posting.',
         [("harassment", "threatened")]),
        ("Many activists have had problems with the police.", []),
        ('"You will regret this," the officer told me.', [("harassment", "threatened")]),
        ("I regret that I did not leave earlier.", []),
        ("Officers told her they would inform the university about her behaviour.",
         [("harassment", "threatened")]),
        # a shove and a flogging are violence; a psychiatrist's examination is psychiatry
        ("One of the plain-clothes men shoved Uncle Toktobek against the gate.",
         [("assault", "occurred")]),
        ("At the third session a psychiatrist examined me without my consent.",
         [("psychiatric_commitment", "occurred")]),
        # a lawyer at one's side helps; men walking behind one watch
        ("On 2 April Vahe went to the NSS building accompanied by his lawyer, Ani Movsesyan.",
         [("intervention", "occurred")]),
        ("Two men were waiting near his hostel and walking behind him to the tram.",
         [("surveillance", "occurred")]),
    ],
)  # fmt: skip
def test_events_round26_veiled_threats_shoves_and_escorts(nlp, text, expected):
    assert [(e["event_type"], e["status"]) for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # practices: a habit over a kind of people, a growing count, whoever is taken
        ("Russian authorities regularly detain Central Asian nationals on extradition "
         "requests.", []),
        ("Kyrgyzstan has since 2021 prosecuted a growing number of journalists and bloggers.",
         []),
        ('In the south, whoever is brought in "for a talk" tends to stay for two months.', []),
        ("Police regularly detain my brother.", ["detention"]),
        # how long a custody or a summons lasted is not another detention
        ("On 3 May police took me to the district station. They kept me there for four hours.",
         ["detention"]),
        ("An officer summoned me to the KNB for a conversation. I went on 5 March with my "
         "husband. They kept us there for almost four hours.", ["harassment"]),
        # a transfer between prisons continues a custody told before, however long ago
        ("Police arrested Karimov in Dushanbe in May 2022. His wife brought him food every week. "
         "He was sentenced to seven years. His wife visits him twice a year. In March he was "
         "transferred to the colony in Khujand.", ["detention", "charge"]),
    ],
)  # fmt: skip
def test_events_round26_practices_and_custody_told_again(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a departure dated to a year or by a route; leaving an office or a comment is none
        ("In August 2021 I left.", [("relocation", "occurred")]),
        ("In January 2022 I left through Russia with a friend's car.",
         [("relocation", "occurred")]),
        ("He's charged because of comments he left in a neighbourhood chat in 2020.",
         [("charge", "occurred")]),
        ("I left the office in 2021.", []),
        # a pardon frees; a summons to one's own state's embassy is pressure
        ("On 3 July 2024 Mr Haurylenka was among a group of prisoners pardoned by the head of "
         "state.", [("release", "occurred")]),
        ("She was called to the embassy.", [("harassment", "occurred")]),
        # a helper named by the group she comes from
        ("A woman from the Caucasus Justice Project helped me get to Vladikavkaz.",
         [("intervention", "occurred")]),
        # threats of broken bones and of going back inside
        ("Men said that his legs would be broken if he went to the avenue again.",
         [("assault", "threatened")]),
        ('Colony officers warned him he would "go back inside" if he gave interviews.',
         [("detention", "threatened")]),
        ("He went back inside the building.", []),
    ],
)  # fmt: skip
def test_events_round26_departures_pardons_and_threats(nlp, text, expected):
    assert [(e["event_type"], e["status"]) for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a release an appeal recommends or a list asks for is a demand, not an event
        ("ZDI recommends that the authorities quash his conviction and release him.", []),
        ("The authorities should release her and drop the charges.", []),
        ("We call on:\n- the Prosecutor General to refuse the request and to release him;", []),
        ("If doctors find him fit to stand trial, his lawyer said, he should be released.",
         [("release", "hypothetical")]),
        ("They asked him about his friends and let him go the next morning.",
         [("release", "occurred")]),
        # a wave over a whole land, unless it is one day's
        ("In the following weeks several hundred people were questioned across the region.",
         []),
        ("At least 23 journalists were detained across the country on Sunday.",
         [("detention", "occurred")]),
        # an insult in the words of a charge is no pressure on anyone
        ('Prosecutors alleged that a phrase about "newcomers" insulted other ethnic groups.', []),
        ("The defendant published content humiliating the head of state.", []),
        ("Police officers insulted my mother.", [("harassment", "occurred")]),
    ],
)  # fmt: skip
def test_events_round26_demands_waves_and_wordings(nlp, text, expected):
    assert [(e["event_type"], e["status"]) for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # asked why it happened: the incident told before
        ("Police summoned me three times in May. The Bureau sent a letter to the prosecutor "
         "asking why I am being summoned again and again.", ["harassment", "intervention"]),
        # questioned in custody is that custody; questioned and let go is a questioning
        ("Officers took him to the police station, questioned him and let him go at midnight.",
         ["detention", "release"]),
        ("She was questioned at the police station for six hours and then allowed to go home.",
         ["harassment", "release"]),
    ],
)  # fmt: skip
def test_events_round26_questions_and_questioning(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare visit is how the arrest told a few sentences later began
        ("On the night of 28 January police officers came to our house in Shali. There were "
         "fifteen of them, some in masks. They did not show any papers. They arrested my father "
         "and my two brothers.", ["detention"]),
        # a visit that tells its own act, or came more than once, is an incident of its own
        ("In November the police came to my mother's flat twice, asking where I was. A week "
         "later they detained my brother.", ["harassment", "detention"]),
        ("A district officer came to her flat and asked her about her son. The next day police "
         "detained him at the market.", ["harassment", "detention"]),
    ],
)  # fmt: skip
def test_events_round26_visits_and_what_followed(nlp, text, expected):
    assert [e["event_type"] for e in nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a monitor's tally of events is no event; someone's counted charges are
        ("This week we documented at least 41 politically motivated detentions across Belarus "
         "and 17 new convictions in political cases.", []),
        ('The prosecutor read me two charges, "propaganda" and "insulting officials".',
         ["charge"]),
        # an unfair trial feared is no case; the feared torture is told as a risk
        ("The group believes he is at real risk of torture and of an unfair trial.",
         ["assault"]),
        # a kind of people done to again and again is a practice; one brother is not
        ("Russia has repeatedly expelled Central Asian dissidents in disregard of UN requests.",
         []),
        ("Police have repeatedly detained my brother.", ["detention"]),
    ],
)  # fmt: skip
def test_events_round26_tallies_fears_and_repeats(rules_nlp, text, expected):
    assert [e["event_type"] for e in rules_nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a campaign page's dated entries, told in the present: each one an incident
        ("Free Daria Kovaleva\n\nDaria Kovaleva is a teacher from Mahilioŭ.\n\n"
         "4 May 2023. Daria is detained by KGB officers at her school.\n\n"
         "June 2023. Investigators send Daria for a psychiatric examination at the regional "
         "psychiatric hospital.",
         [("detention", "occurred"), ("psychiatric_commitment", "occurred")]),
        # recognised by defenders, with "by" read as the prisoner's
        ("Police detained the poet Ales Krupa in Minsk in 2021. Krupa has been recognised as a "
         "political prisoner by Belarusian human rights defenders since May 2021.",
         [("detention", "occurred"), ("intervention", "occurred")]),
        # a court refusing the extradition a state asked for: an attempted removal
        ("Police in Bishkek detained the blogger Farrukh Saidov at Dushanbe's request, but a court "
         "refused to extradite him.", [("detention", "occurred"), ("relocation", "attempted")]),
    ],
)  # fmt: skip
def test_events_round27_chronologies_recognitions_and_refusals(rules_nlp, text, expected):
    assert [(e["event_type"], e["status"]) for e in rules_nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a kind of people undergo as a rule is a practice, not an incident
        ("Observant Muslims in the region are routinely stopped for drug tests.", []),
        ("Families of those who died in 2022 are regularly summoned before the anniversary.", []),
        # an act, not a person, is what the law pursues
        ("In Belarus, sending money to political prisoners can be prosecuted.", []),
        # people counted are no institution; a student expelled is not exiled
        ("In March three nurses who had signed the letter were dismissed from the clinic.",
         ["harassment"]),
        ('On 2 May I was expelled "for conduct unworthy of a student".', ["harassment"]),
        # an arrest feared at a sentence's start, read by the parser as a compound
        ("Fearing arrest, the blogger left for Tbilisi in May.", ["relocation"]),
    ],
)  # fmt: skip
def test_events_round27_practices_offences_and_dismissals(rules_nlp, text, expected):
    assert [e["event_type"] for e in rules_nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a summons to begin a sentence already passed is its execution, not pressure
        ("She has not yet been summoned to serve her sentence in the penal colony.", []),
        # a name the parser hid in an opening time phrase still acts; "him" is not that name
        ("Police detained the singer Ivan Orlov in 2021. In August Memorial recognised him as "
         "a political prisoner.",
         [("detention", "Ivan Orlov"), ("intervention", "Ivan Orlov")]),
        # the one client in apposition is a particular person, not "a citizen" in general
        ("In November the lawyer obtained the release of one client, a Russian citizen held for "
         "six hours by migration police.",
         [("intervention", "one client"), ("release", "one client"),
          ("detention", "Russian citizen")]),
        # a release applied for is the lawyer's act, not yet a release
        ("Her lawyer said he would apply next week for his client's release on bail.",
         [("intervention", "his client")]),
        ("The lawyer applied for her release on bail, and she was released two days later.",
         [("intervention", "her"), ("release", "she")]),
        # appellants are people; a press card revoked is a reporter's standing taken away
        ("A month later the appellants were evicted from the house.",
         [("relocation", "appellants")]),
        ("In 2019 his press card was revoked without explanation.", [("harassment", "his")]),
    ],
)  # fmt: skip
def test_events_round28_summons_recognitions_and_applications(rules_nlp, text, expected):
    assert [(e["event_type"], e["victim"]) for e in rules_nlp(text)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "that" taken for a second passive subject: the person kicked is still found
        ("A student told the ombudsman's staff that, while being put in the van, he had been "
         "kicked in the back by an officer.", [("assault", "kicked")]),
        # savings are taken like any belonging
        ("Officers searched the flat and took the couple's savings.",
         [("seizure", "searched the flat"), ("seizure", "took the couple's savings")]),
        # a UN body declaring a detention arbitrary, through its relative pronoun
        ("Police detained the blogger Aziz Karimov in 2021. Last year the UN Working Group on "
         "Arbitrary Detention, which reviews such cases, declared his detention arbitrary.",
         [("detention", "detained the blogger"),
          ("intervention", "declared his detention arbitrary")]),
    ],
)  # fmt: skip
def test_events_round28_kicks_savings_and_arbitrary_detention(rules_nlp, text, expected):
    assert [(e["event_type"], e["trigger"]) for e in rules_nlp(text)._.events] == expected


def test_events_round28_unpunished_attack_is_a_negated_prosecution(rules_nlp):
    """The rules' reading, without the verifier, whose probability for this negated charge
    sits at its threshold and moves with each retraining."""
    doc = rules_nlp("The authorities did not prosecute anyone for the attack on his father.")
    assert [(e["event_type"], e["status"]) for e in doc._.events] == [
        ("charge", "negated"),
        ("assault", "occurred"),
    ]

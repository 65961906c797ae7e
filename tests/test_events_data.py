"""The events stage's data: taxonomy, pattern file, to_disk/from_disk."""

from __future__ import annotations

import json

import pytest
import spacy

from testimony_nlp.assets import models_dir
from testimony_nlp.events import EventExtractor, load_taxonomy
from testimony_nlp.events.patterns import load_pattern_data, parse_patterns, resolve_lexicon

TYPES = [
    "detention", "drug_test", "psychiatric_commitment", "surveillance", "seizure", "harassment",
    "assault", "charge", "release", "relocation", "intervention",
]  # fmt: skip


@pytest.fixture(scope="module")
def data_dir():
    return models_dir() / "tnlp_events"


def test_events_taxonomy_has_the_eleven_types_with_codes(data_dir):
    _, types = load_taxonomy(data_dir)
    assert sorted(types) == sorted(TYPES)
    for etype in types.values():
        assert etype.definition and etype.huridocs_code and etype.plover_type and etype.plover_mode
    assert types["detention"].acled_sub_event == "Arrests"


def test_events_every_pattern_names_a_known_type_and_resolves(data_dir):
    _, types = load_taxonomy(data_dir)
    specs = parse_patterns(load_pattern_data(data_dir))
    assert {spec.type for spec in specs} == set(TYPES)
    for spec in specs:
        assert spec.pattern[0]["RIGHT_ID"] == "trigger"
        assert "@" not in json.dumps(spec.pattern)


def test_events_pattern_ids_must_be_unique():
    entry = {"id": "detention.verb", "type": "detention", "confidence": 0.8,
             "pattern": [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "arrest"}}]}  # fmt: skip
    with pytest.raises(ValueError, match="'detention.verb' is used twice"):
        parse_patterns({"patterns": [entry, dict(entry)]})


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (
            [{"RIGHT_ATTRS": {"LEMMA": {"IN": "@X"}}}],
            [{"RIGHT_ATTRS": {"LEMMA": {"IN": ["a", "b"]}}}],
        ),
        ([{"RIGHT_ATTRS": {"LOWER": "x"}}], [{"RIGHT_ATTRS": {"LOWER": "x"}}]),
    ],
)
def test_events_lexicon_references_are_resolved(pattern, expected):
    assert resolve_lexicon(pattern, {"X": ["a", "b"]}) == expected


def test_events_to_disk_from_disk_round_trip(tmp_path, data_dir):
    nlp = spacy.blank("en")
    component = EventExtractor(nlp, data_path=str(data_dir))
    component.to_disk(tmp_path / "events")
    written = sorted(p.name for p in (tmp_path / "events").iterdir())
    assert written == [
        "backstop.json", "cues.json", "patterns.json", "taxonomy.json", "verifier.json",
    ]  # fmt: skip
    reloaded = EventExtractor(nlp, data_path=str(data_dir)).from_disk(tmp_path / "events")
    assert set(reloaded.finder.specs) == set(component.finder.specs)
    assert reloaded.backstop == component.backstop
    assert reloaded.verifier == component.verifier and reloaded.verifier is not None


@pytest.mark.parametrize("name", ["backstop.json", "verifier.json"])
def test_events_to_disk_drops_a_stale_copy_of_an_optional_model(tmp_path, data_dir, name):
    nlp = spacy.blank("en")
    component = EventExtractor(nlp, data_path=str(data_dir))
    component.to_disk(tmp_path / "a")
    component.to_disk(tmp_path / "b")
    (tmp_path / "a" / name).unlink()
    component.from_disk(tmp_path / "a").to_disk(tmp_path / "b")
    assert not (tmp_path / "b" / name).exists()


def test_events_verify_false_keeps_the_verifier_out(data_dir):
    nlp = spacy.blank("en")
    pipe = nlp.add_pipe("tnlp_events", config={"data_path": str(data_dir), "verify": False})
    assert pipe.verifier is None and pipe.backstop is not None


def test_events_without_a_backstop_file_run_on_patterns_alone(tmp_path, data_dir):
    nlp = spacy.blank("en")
    component = EventExtractor(nlp, data_path=str(data_dir))
    component.to_disk(tmp_path)
    (tmp_path / "backstop.json").unlink()
    component.from_disk(tmp_path)
    assert component.backstop is None
    component.to_disk(tmp_path / "copy")
    assert not (tmp_path / "copy" / "backstop.json").exists()


def test_events_from_disk_reads_the_given_patterns(tmp_path, data_dir):
    nlp = spacy.blank("en")
    component = EventExtractor(nlp, data_path=str(data_dir))
    component.to_disk(tmp_path)
    data = json.loads((tmp_path / "patterns.json").read_text())
    data["patterns"] = [p for p in data["patterns"] if p["type"] == "release"]
    (tmp_path / "patterns.json").write_text(json.dumps(data))
    component.from_disk(tmp_path)
    assert {spec.type for spec in component.finder.specs.values()} == {"release"}


def test_events_blank_doc_without_parse_gives_no_events(data_dir):
    nlp = spacy.blank("en")
    nlp.add_pipe("tnlp_events", config={"data_path": str(data_dir)})
    assert nlp("")._.events == []

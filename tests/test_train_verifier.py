"""The verifier's training script (``scripts/train_verifier.py``): gold sets in, events
labelled by the scorer and a model file out."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from testimony_nlp.events.verifier import EventVerifier

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "train_verifier.py"


@pytest.fixture(scope="module")
def script():
    spec = importlib.util.spec_from_file_location("train_verifier", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up there
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


def write_gold(folder: Path, name: str = "tiny") -> Path:
    text = "Police detained Ivanov in Minsk on 3 May. Officers searched his flat the next day."
    events = [
        {"event_type": "detention", "status": "occurred", "evidence": ["Police detained Ivanov"]},
    ]
    gold = folder / f"{name}.jsonl"
    row = {"doc_id": "d1", "text": text, "published": "2024-01-10", "events": events}
    gold.write_text(json.dumps(row) + "\n", encoding="utf-8")
    return gold


def test_train_verifier_labels_found_events_as_the_scorer_does(script, tmp_path):
    (labelled,) = script.labelled_sets([write_gold(tmp_path)])
    found = [(e["event_type"], e["doc_id"]) for e in labelled.events]
    assert found == [("detention", "d1"), ("seizure", "d1")]
    assert labelled.is_extra == [False, True]  # the search is not in this gold file
    assert "anchor:detain" in labelled.features[0] and "anchor:search" in labelled.features[1]


def test_train_verifier_writes_a_model_the_stage_loads(script, tmp_path, monkeypatch):
    out = tmp_path / "verifier.json"
    golds = [str(write_gold(tmp_path, f"s{k}")) for k in range(3)]  # features seen 3 times
    argv = ["train_verifier.py", *golds, "--threshold", "0.6", "--out", str(out)]
    monkeypatch.setattr(sys, "argv", argv)
    script.main()
    model = EventVerifier.load(tmp_path)
    assert model is not None and model.threshold == 0.6
    assert model.weights["anchor:search"] > 0 > model.weights["anchor:detain"]


def test_train_verifier_cross_validation_needs_enough_sets(script, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["train_verifier.py", str(write_gold(tmp_path))])
    with pytest.raises(SystemExit):
        script.main()
    assert "pass --threshold" in capsys.readouterr().err


def test_train_verifier_cross_validation_scores_every_threshold(script, tmp_path):
    sets = script.labelled_sets([write_gold(tmp_path, f"s{k}") for k in range(2)])
    table = script.cross_validated(sets, folds=2)
    assert list(table) == script.THRESHOLDS
    # keeping everything: both sets' detention found, both searches extra
    assert table[1.01] == (2, 2, 0)

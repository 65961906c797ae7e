"""The backstop's training script (``scripts/train_backstop.py``): gold sets in, labelled
sentences and a model file out."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from testimony_nlp.events.backstop import SentenceModel

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "train_backstop.py"


@pytest.fixture(scope="module")
def script():
    spec = importlib.util.spec_from_file_location("train_backstop", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_gold(folder: Path) -> Path:
    text = "Police detained Ivanov in Minsk. The weather was cold. Ivanov fled to Vilnius."
    events = [
        {"event_type": "detention", "status": "occurred", "evidence": ["Police detained Ivanov"]},
        {"event_type": "relocation", "status": "occurred", "evidence": ["Ivanov fled to Vilnius"]},
    ]
    gold = folder / "tiny.jsonl"
    row = {"doc_id": "d1", "text": text, "published": "2024-01-10", "events": events}
    gold.write_text(json.dumps(row) + "\n", encoding="utf-8")
    return gold


def test_train_backstop_labels_each_sentence_with_its_gold_types(script, tmp_path):
    features, labels = script.labelled_sentences([write_gold(tmp_path)])
    assert labels == [{"detention"}, set(), {"relocation"}]
    assert "w:detain" in features[0] and "w:flee" in features[2]


def test_train_backstop_writes_a_model_the_stage_loads(script, tmp_path, monkeypatch):
    out = tmp_path / "backstop.json"
    gold = write_gold(tmp_path)
    monkeypatch.setattr(sys, "argv", ["train_backstop.py", str(gold), "--out", str(out)])
    script.main()
    model = SentenceModel.load(tmp_path)
    assert model is not None and model.threshold == 0.75
    assert len(model.types) == 11 and model.types[0] == "detention"

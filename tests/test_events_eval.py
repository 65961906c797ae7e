"""The must-show scores on the shared development sets (skipped without ../shared/eval).

Extraction runs exactly as ``testimony-nlp evaluate`` runs it; the scorer is ours, kept
equal to the reference scorer by tests/test_evaluate.py.
"""

from __future__ import annotations

import pytest

from testimony_nlp.evaluation_run import run_evaluation

pytestmark = [pytest.mark.slow, pytest.mark.eval]


def test_events_dev_testimony_scores(eval_dir, tmp_path):
    score = run_evaluation(eval_dir / "kazakstan-journalist.gold.jsonl", out=tmp_path / "out")
    assert score.f1 >= 0.9
    accuracy = {name: attribute.accuracy for name, attribute in score.attributes.items()}
    assert accuracy["status"] >= 0.9
    assert accuracy["perpetrator"] >= 0.9
    assert accuracy["date"] == 1.0  # every gold event date right (time issue)
    assert accuracy["place"] == 1.0  # every gold place matched (places issue)
    found = {event_type for event_type, counts in score.per_type.items() if counts.tp > 0}
    assert {"detention", "drug_test", "psychiatric_commitment"} <= found


def test_events_wikievents_legal_actions(eval_dir, tmp_path):
    score = run_evaluation(
        eval_dir / "wikievents-dev.gold.jsonl",
        out=tmp_path / "out",
        types={"detention", "release", "charge"},
    )
    assert score.f1 >= 0.75

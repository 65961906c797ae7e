"""Scores of the events stage on the development sets (needs ../shared/eval)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

HARNESS = Path(__file__).with_name("_events_harness.py")


def score(eval_dir: Path, gold_name: str, out: Path, types=None) -> dict:
    spec = importlib.util.spec_from_file_location("_events_harness", HARNESS)
    harness = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(harness)
    harness.run(eval_dir / gold_name, out)
    sys.path.insert(0, str(eval_dir))
    try:
        import score_events
    finally:
        sys.path.remove(str(eval_dir))
    return score_events.score(str(eval_dir / gold_name), str(out), types)


@pytest.mark.slow
@pytest.mark.eval
def test_events_dev_testimony_scores(eval_dir, tmp_path):
    result = score(eval_dir, "kazakstan-journalist.gold.jsonl", tmp_path)
    assert result["f1"] >= 0.9
    assert result["attributes"]["status"][0] >= 0.9
    assert result["attributes"]["perpetrator"][0] >= 0.9


@pytest.mark.slow
@pytest.mark.eval
def test_events_wikievents_legal_actions(eval_dir, tmp_path):
    result = score(
        eval_dir, "wikievents-dev.gold.jsonl", tmp_path, {"detention", "release", "charge"}
    )
    assert result["f1"] >= 0.7

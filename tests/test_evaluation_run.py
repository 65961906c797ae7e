"""``testimony-nlp evaluate``: the command, its report, parity with the reference scorer, and
a floor under the score on our own gold testimonies."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from testimony_nlp.cli import app
from testimony_nlp.evaluation_run import run_evaluation

REPO = Path(__file__).resolve().parents[1]
OWN_GOLD = REPO / "data" / "eval" / "gold.jsonl"

pytestmark = pytest.mark.slow

# F1 floors on our own evaluation sets (data/eval/README.md says who wrote each and whether the
# rules were tuned on it), a few points under the score measured when each floor was set: a
# change that lowers the score on these varied testimonies and reports fails here.
OWN_SET_F1_FLOORS = {
    "gold": 0.88,
    "dev2": 0.93,
    "dev3": 0.89,
    "dev4": 0.86,
    "blind": 0.85,
    "holdout": 0.81,
    "final": 0.81,
    "final2": 0.85,
    "final3": 0.84,
    "final4": 0.81,
    "final5": 0.77,
    "final6": 0.83,
    "final7": 0.80,
    "final8": 0.85,
    "final9": 0.82,
    "final10": 0.83,
    "final11": 0.81,
    "final12": 0.86,
    "final13": 0.80,
    "final14": 0.80,
    "final15": 0.79,
    "final16": 0.80,
    "final17": 0.85,
    "final18": 0.84,
    "final19": 0.85,
    "final20": 0.82,
    "final21": 0.83,
    "final22": 0.84,
    "final23": 0.82,
    "final24": 0.72,
    "final25": 0.78,
    "final26": 0.81,
    "final27": 0.80,
    "final28": 0.74,
    "final29": 0.74,
    "final30": 0.79,
    "final32": 0.79,
    "final33": 0.77,
    "final35": 0.83,
    "final36": 0.82,
    "final37": 0.79,
    "final38": 0.83,
    "final39": 0.83,
    "final40": 0.81,
    "final41": 0.82,
    "final42": 0.79,
    "final43": 0.78,
    "final44": 0.83,
    "final45": 0.81,
    "final46": 0.83,
    "final50": 0.80,
    "final51": 0.85,
    "final52": 0.82,
    "final53": 0.79,
    "final54": 0.85,
    "final55": 0.82,
    "final59": 0.85,
    "final60": 0.81,
    "final61": 0.85,
    # held out through sessions 13-15, studied in session 16
    "final47": 0.90,
    "final48": 0.86,
    "final49": 0.87,
    "final56": 0.87,
    "final57": 0.85,
    "final58": 0.88,
    "final62": 0.91,
    "final63": 0.89,
    "final64": 0.87,
    "final65": 0.87,
    "final66": 0.85,
    "final67": 0.84,
    "final68": 0.89,
    "final69": 0.86,
    "final70": 0.88,
    "final71": 0.89,
    "final72": 0.90,
    "final73": 0.86,
    "final74": 0.90,
    "final75": 0.89,
    "final76": 0.88,
    "final77": 0.88,
    "final78": 0.87,
    # held out through session 17, studied in session 18
    "final79": 0.81,
    "final80": 0.84,
    "final81": 0.86,
    "final82": 0.87,
    # held out through session 18 (final83-86 since session 17), studied in session 19
    "final83": 0.87,
    "final84": 0.88,
    "final85": 0.90,
    "final86": 0.92,
    "final87": 0.91,
    "final88": 0.92,
    "final89": 0.91,
    "final90": 0.92,
}
# Sets kept out of tuning and of the backstop's training (data/heldout/README.md): their floor
# guards against a collapse, their score is the honest estimate on unseen text.
HELDOUT_F1_FLOORS = {
    "final91": 0.84,
    "final92": 0.85,
    "final93": 0.84,
    "final94": 0.78,
    "final95": 0.87,
    "final96": 0.86,
    "final97": 0.83,
    "final98": 0.83,
}


@pytest.mark.parametrize(("name", "floor"), sorted(OWN_SET_F1_FLOORS.items()))
def test_evaluation_run_holds_the_score_on_our_sets(name, floor):
    score = run_evaluation(REPO / "data" / "eval" / f"{name}.jsonl")
    assert score.f1 >= floor, score.to_json()


@pytest.mark.parametrize(("name", "floor"), sorted(HELDOUT_F1_FLOORS.items()))
def test_evaluation_run_holds_the_score_on_held_out_sets(name, floor):
    score = run_evaluation(REPO / "data" / "heldout" / f"{name}.jsonl")
    assert score.f1 >= floor, score.to_json()


def test_evaluation_run_cli_prints_tables_and_writes_report(tmp_path, eval_dir):
    report = tmp_path / "report.json"
    out = tmp_path / "out"
    gold = eval_dir / "kazakstan-journalist.gold.jsonl"
    result = CliRunner().invoke(
        app, ["evaluate", str(gold), "--report", str(report), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "Per event type" in result.output
    ours = json.loads(report.read_text())
    spec = importlib.util.spec_from_file_location("score_events", eval_dir / "score_events.py")
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    theirs = reference.score(str(gold), str(out))
    for key in ("tp", "fp", "fn", "duplicates", "precision", "recall", "f1"):
        assert ours[key] == theirs[key], key


@pytest.mark.parametrize(
    "args, message",
    [
        (["evaluate", "no-such-gold.jsonl"], "does not exist"),
        (["evaluate", str(OWN_GOLD), "--types", "detention,arrests"], "unknown event type"),
    ],
)
def test_evaluation_run_cli_usage_errors(args, message):
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert message in result.output

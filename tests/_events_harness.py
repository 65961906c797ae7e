"""Local harness for the events stage: run a gold corpus through the pipeline, write the
events/documents tables and score them with the reference scorer.

usage: python tests/_events_harness.py GOLD.jsonl OUT [--types=a,b]
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
COLUMNS = [
    "doc_id",
    "event_type",
    "status",
    "start_char",
    "end_char",
    "date_start",
    "date_end",
    "place_name",
    "place_text",
    "perpetrator",
    "victim",
    "trigger",
    "rule",
    "date_source",
]


def build_nlp():
    """The project pipeline with whichever stages are importable right now."""
    from testimony_nlp import pipeline

    stages = []
    for name, module, _ in pipeline.STAGES:
        try:
            importlib.import_module(module)
            stages.append(name)
        except ImportError as err:
            print(f"(stage {name} unavailable: {err})", file=sys.stderr)
    return pipeline.build_pipeline(stages=stages)


def run(gold: Path, out: Path) -> None:
    nlp = build_nlp()
    docs, events = [], []
    for line in gold.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        g = json.loads(line)
        text = g.get("text") or (gold.parent / g["text_file"]).read_text(encoding="utf-8")
        doc = nlp.make_doc(text)
        doc._.doc_id = g["doc_id"]
        doc._.reference_date = g.get("published") or "2015-11-30"
        doc._.author = g.get("author")
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        docs.append({"doc_id": g["doc_id"], "text": text})
        for e in doc._.events:
            events.append({"doc_id": g["doc_id"], **{k: e.get(k) for k in COLUMNS[1:]}})
    out.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(docs).to_parquet(out / "documents.parquet")
    pd.DataFrame(events, columns=COLUMNS).to_parquet(out / "events.parquet")


if __name__ == "__main__":
    gold, out = Path(sys.argv[1]), Path(sys.argv[2])
    run(gold, out)
    subprocess.run(
        [sys.executable, str(EVAL / "score_events.py"), str(gold), str(out), *sys.argv[3:]]
    )

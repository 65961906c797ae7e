"""Logistic regression over sparse binary features, shared by the events stage's models.

The sentence backstop (``backstop.py``) and the event verifier (``verifier.py``) are both
linear models over sets of string features, fitted offline on the project's annotated
sets. A few thousand examples and tens of thousands of features need no more than numpy.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy


def read_model_data(folder: Path, filename: str) -> dict | None:
    """The JSON data of a model stored in a folder, or None when the folder has none."""
    file = Path(folder) / filename
    if not file.exists():
        return None
    return json.loads(file.read_text(encoding="utf-8"))


def fit_logistic(
    feature_sets: Sequence[set[str]],
    labels: Sequence[set[str]],
    outputs: Sequence[str],
    *,
    min_count: int = 2,
    l2: float = 1.0,
    iterations: int = 300,
    step: float = 0.05,
) -> tuple[dict[str, list[float]], list[float]]:
    """Fit one logistic regression per output (Adam on the full batch, L2 penalty).

    An example's label is the set of outputs that are true for it. Features seen in fewer
    than ``min_count`` examples are dropped; weights are rounded to three decimals and
    features whose weights all round to zero are left out.

    Returns:
        Per feature, its weight for each output; per output, its bias.
    """
    counts = Counter(f for features in feature_sets for f in features)
    vocabulary = sorted(f for f, n in counts.items() if n >= min_count)
    column = {f: i for i, f in enumerate(vocabulary)}
    rows, cols = [], []
    for r, features in enumerate(feature_sets):
        ids = [column[f] for f in features if f in column]
        rows.extend([r] * len(ids))
        cols.extend(ids)
    rows_a, cols_a = numpy.array(rows, dtype=numpy.int64), numpy.array(cols, dtype=numpy.int64)
    n, k = len(feature_sets), len(outputs)
    y = numpy.array([[t in label for t in outputs] for label in labels], dtype=numpy.float64)
    prior = numpy.clip(y.mean(axis=0), 1e-3, 1 - 1e-3)
    weights, bias = numpy.zeros((len(vocabulary), k)), numpy.log(prior / (1 - prior))
    moments = [numpy.zeros_like(weights), numpy.zeros_like(weights), numpy.zeros(k), numpy.zeros(k)]
    for it in range(1, iterations + 1):
        scores = numpy.zeros((n, k))
        numpy.add.at(scores, rows_a, weights[cols_a])
        error = 1.0 / (1.0 + numpy.exp(-(scores + bias))) - y
        grad_w = numpy.zeros_like(weights)
        numpy.add.at(grad_w, cols_a, error[rows_a])
        grad_w = (grad_w + l2 * weights) / n
        for param, grad, (m, v) in (
            (weights, grad_w, moments[0:2]),
            (bias, error.mean(axis=0), moments[2:4]),
        ):
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad**2
            param -= step * (m / (1 - 0.9**it)) / (numpy.sqrt(v / (1 - 0.999**it)) + 1e-8)
    rounded = numpy.round(weights, 3)
    kept = {f: [float(w) for w in rounded[i]] for i, f in enumerate(vocabulary) if rounded[i].any()}
    return kept, [round(float(b), 3) for b in bias]

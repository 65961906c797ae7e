"""Shared fixtures: the full pipeline is loaded once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the same examples every time, so a red build is reproducible; locally, hypothesis
# explores new inputs on each run.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parents[1]
EVAL_DIR = REPO.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def nlp():
    """The complete testimony-nlp pipeline (base model plus every stage)."""
    from testimony_nlp.pipeline import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def rules_nlp():
    """The complete pipeline with the events stage's learned verifier left out: for tests of
    what the rules and linking find, which the verifier's threshold should not decide."""
    from testimony_nlp.pipeline import build_pipeline

    pipeline = build_pipeline()
    pipeline.get_pipe("tnlp_events").verifier = None
    return pipeline


@pytest.fixture(scope="session")
def base_nlp():
    """The bare base spaCy model, for stage tests that add one component."""
    from testimony_nlp.pipeline import load_base_model

    return load_base_model()


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    """../shared/eval, or a skip when this checkout has no evaluation data beside it."""
    if not (EVAL_DIR / "README.md").is_file():
        pytest.skip("../shared/eval is not available")
    return EVAL_DIR

"""The wheel carries the model assets and works outside the checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (path,) = dist.glob("testimony_nlp-*.whl")
    return path


def test_packaging_wheel_holds_every_model_asset(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for asset in (REPO / "models").rglob("*"):
        if asset.is_file():
            assert f"testimony_nlp/models/{asset.relative_to(REPO / 'models')}" in names


def test_packaging_unpacked_wheel_builds_the_pipeline_from_its_own_assets(wheel, tmp_path):
    zipfile.ZipFile(wheel).extractall(tmp_path / "site")
    code = (
        "from testimony_nlp.assets import models_dir; from testimony_nlp.pipeline import "
        "build_pipeline; nlp = build_pipeline(); print(models_dir()); print(nlp.pipe_names)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assets, pipes = result.stdout.splitlines()
    assert assets == str(tmp_path / "site" / "testimony_nlp" / "models")
    assert "tnlp_events" in pipes

"""Where the project's own model assets (``models/``) live, in a checkout or an installed wheel."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .errors import AssetsNotFoundError


@cache
def models_dir() -> Path:
    """The ``models`` folder: in the package when installed from a wheel, else the checkout's."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "models", here.parent.parent / "models"):
        if (candidate / "meta.json").is_file():
            return candidate
    raise AssetsNotFoundError(
        "the testimony-nlp model assets (models/meta.json) were not found; "
        "reinstall the package with `pip install --force-reinstall testimony-nlp`"
    )

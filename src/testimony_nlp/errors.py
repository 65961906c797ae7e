"""Domain exceptions. The CLI turns them into one-line messages; the API lets them propagate."""

from __future__ import annotations


class TestimonyNLPError(Exception):
    """Base class: every message says what went wrong and how to fix it."""

    exit_code = 1


class UsageError(TestimonyNLPError):
    """The call itself is wrong (bad option, missing input, refused output folder)."""

    exit_code = 2


class ModelNotFoundError(UsageError):
    """The spaCy pipeline named by ``--model`` is not installed."""


class AssetsNotFoundError(TestimonyNLPError):
    """The project's own ``models/`` assets are missing from the installation."""


class InputError(TestimonyNLPError):
    """A document or corpus row cannot be read (raised only under ``--strict``)."""


class OutputExistsError(UsageError):
    """The output folder holds files and neither ``--overwrite`` nor ``--resume`` was given."""

"""The unit that flows from the readers into the pipeline: one document and its metadata."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(slots=True)
class DocumentRecord:
    """One input document after reading and cleaning.

    ``text`` is the cleaned text: every character offset in the output tables refers to it.
    A record whose ``error`` is set could not be read; it becomes a ``documents`` row with
    status ``error`` and is never sent through spaCy.
    """

    doc_id: str
    source: str
    text: str = ""
    title: str | None = None
    author: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str | None = None
    error: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error is None

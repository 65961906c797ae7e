"""Pseudonymisation of person names in every output table, so tables can be shared.

Person names (PERSON mentions: victims, witnesses, interveners) are replaced by stable
pseudonyms such as ``Person-3f9a1c2e``: an HMAC-SHA256 of the name under a secret salt.
The same name gives the same pseudonym in every document and every run with the same
salt; without the salt, nobody can test a guessed name against the tables. The salt is
read from a key file (``--pseudonym-key FILE``) or the ``TESTIMONY_NLP_PSEUDONYM_KEY``
environment variable and is never written to the output.

Public bodies and places are not PERSON mentions and stay as written; the document's
author (``--author``) stays unless ``keep_author`` is False. Character offsets in the
mentions and events tables are moved so that they still point into the pseudonymised
``documents.text``.
"""

from __future__ import annotations

import bisect
import hashlib
import hmac
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import UsageError
from .tables import DocumentRows

KEY_ENV = "TESTIMONY_NLP_PSEUDONYM_KEY"
MIN_NAME_PART = 3  # shorter parts ("Al", initials) are too ambiguous to replace on their own


def load_salt(key_file: str | Path | None = None) -> bytes:
    """The secret salt from ``key_file`` or the environment; a UsageError when neither is set."""
    if key_file is not None:
        path = Path(key_file)
        if not path.is_file():
            raise UsageError(f"pseudonym key file {path} does not exist; create it with a secret")
        salt = path.read_bytes().strip()
    else:
        salt = os.environ.get(KEY_ENV, "").encode("utf-8")
    if len(salt) < 8:
        raise UsageError(
            "--pseudonymize needs a secret of at least 8 characters: pass --pseudonym-key FILE "
            f"or set the {KEY_ENV} environment variable"
        )
    return salt


def pseudonym(name: str, salt: bytes) -> str:
    key = " ".join(name.split()).casefold()
    return "Person-" + hmac.new(salt, key.encode("utf-8"), hashlib.sha256).hexdigest()[:8]


@dataclass(frozen=True, slots=True)
class Replacer:
    """Replaces a fixed set of names in strings and maps offsets of one text."""

    pattern: re.Pattern | None
    salt: bytes

    @classmethod
    def for_names(cls, names: set[str], salt: bytes, keep: set[str]) -> Replacer:
        variants = set()
        for name in names:
            name = " ".join(name.split())
            if not name or name.casefold() in keep:
                continue
            variants.add(name)
            variants.update(p for p in name.split() if len(p) >= MIN_NAME_PART and p[0].isupper())
        variants = {v for v in variants if v.casefold() not in keep}
        if not variants:
            return cls(None, salt)
        alternatives = "|".join(re.escape(v) for v in sorted(variants, key=len, reverse=True))
        return cls(re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), salt)

    def replace(self, value):
        if self.pattern is None or not isinstance(value, str):
            return value
        return self.pattern.sub(lambda m: pseudonym(m.group(0), self.salt), value)

    def replace_text(self, text: str) -> tuple[str, list[int], list[int]]:
        """The new text plus, per replacement, its old end and the cumulative length change."""
        if self.pattern is None:
            return text, [], []
        pieces, ends, shifts, last, shift = [], [], [], 0, 0
        for match in self.pattern.finditer(text):
            new = pseudonym(match.group(0), self.salt)
            pieces += [text[last : match.start()], new]
            shift += len(new) - (match.end() - match.start())
            ends.append(match.end())
            shifts.append(shift)
            last = match.end()
        pieces.append(text[last:])
        return "".join(pieces), ends, shifts


def _move(offset: int | None, ends: list[int], shifts: list[int]) -> int | None:
    """Map an offset of the old text into the new one (shifted by replacements ending before)."""
    if offset is None or not ends:
        return offset
    index = bisect.bisect_right(ends, offset) - 1
    return offset + (shifts[index] if index >= 0 else 0)


def pseudonymize_rows(
    rows: DocumentRows, salt: bytes, *, keep: set[str] = frozenset()
) -> DocumentRows:
    """Replace person names in every column of one document's rows."""
    names = {m["text"] for m in rows.mentions if m.get("label") == "PERSON"}
    names |= {p["name"] for p in rows.participants if p.get("name") and not p.get("is_narrator")}
    names -= {"narrator"}
    replacer = Replacer.for_names(names, salt, {k.casefold() for k in keep if k})
    if replacer.pattern is None:
        return rows
    ends: list[int] = []
    shifts: list[int] = []
    for document in rows.documents:
        if document.get("text"):
            document["text"], ends, shifts = replacer.replace_text(document["text"])
        for column in ("title", "source", "url"):
            document[column] = replacer.replace(document.get(column))
    for table_rows, columns in (
        (rows.mentions, ("text", "canonical")),
        (rows.events, ("trigger", "sentence", "victim", "perpetrator", "place_text", "date_text")),
        (rows.participants, ("name",)),
    ):
        for row in table_rows:
            for column in columns:
                if column in row:
                    row[column] = replacer.replace(row[column])
            for offset in ("start_char", "end_char", "trigger_start", "trigger_end"):
                if offset in row:
                    row[offset] = _move(row[offset], ends, shifts)
    return rows

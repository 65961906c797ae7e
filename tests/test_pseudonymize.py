"""Pseudonymisation: names replaced everywhere, offsets moved, salt required and never stored."""

from __future__ import annotations

import pytest

from testimony_nlp.errors import UsageError
from testimony_nlp.pseudonymize import KEY_ENV, load_salt, pseudonym, pseudonymize_rows
from testimony_nlp.tables import DocumentRows

SALT = b"a-test-secret"
TEXT = "Police detained Aliya Karimova. Karimova was freed by lawyer Timur Saidov."


def rows() -> DocumentRows:
    def mention(name: str) -> dict:
        start = TEXT.index(name)
        return {
            "label": "PERSON",
            "text": name,
            "canonical": name,
            "start_char": start,
            "end_char": start + len(name),
        }

    return DocumentRows(
        documents=[{"doc_id": "d", "text": TEXT, "author": None, "title": "Karimova case"}],
        mentions=[mention("Aliya Karimova"), mention("Timur Saidov")],
        events=[
            {
                "event_type": "release",
                "trigger": "freed",
                "trigger_start": TEXT.index("freed"),
                "trigger_end": TEXT.index("freed") + 5,
                "start_char": TEXT.index(". ") + 2,
                "end_char": len(TEXT),
                "sentence": TEXT.split(". ")[1],
                "victim": "Aliya Karimova",
                "perpetrator": None,
            },
        ],
        participants=[
            {
                "name": "Timur Saidov",
                "role": "intervener",
                "is_narrator": False,
            }
        ],
    )


def test_pseudonymize_replaces_every_name_and_moves_offsets():
    result = pseudonymize_rows(rows(), SALT)
    text = result.documents[0]["text"]
    for name in ("Aliya", "Karimova", "Timur", "Saidov"):
        assert name not in text
        assert name not in result.documents[0]["title"]
    event = result.events[0]
    assert text[event["trigger_start"] : event["trigger_end"]] == "freed"
    assert text[event["start_char"] : event["end_char"]] == event["sentence"]
    for mention in result.mentions:
        assert text[mention["start_char"] : mention["end_char"]] == mention["text"]
    assert event["victim"] == pseudonym("Aliya Karimova", SALT)
    assert result.participants[0]["name"] == pseudonym("Timur Saidov", SALT)
    assert "Karimova" not in event["sentence"]


@pytest.mark.parametrize(
    "first, second, same",
    [("Aliya Karimova", "aliya  karimova", True), ("Aliya Karimova", "Timur Saidov", False)],
)
def test_pseudonymize_is_stable_and_distinct(first, second, same):
    assert (pseudonym(first, SALT) == pseudonym(second, SALT)) is same
    assert pseudonym(first, SALT) != pseudonym(first, b"another-secret")


def test_pseudonymize_keeps_the_author():
    result = pseudonymize_rows(rows(), SALT, keep={"timur saidov"})
    assert "Timur Saidov" in result.documents[0]["text"]
    assert "Karimova" not in result.documents[0]["text"]


def test_pseudonymize_salt_from_env_or_file(tmp_path, monkeypatch):
    monkeypatch.delenv(KEY_ENV, raising=False)
    with pytest.raises(UsageError, match="--pseudonym-key"):
        load_salt()
    monkeypatch.setenv(KEY_ENV, "environment-secret")
    assert load_salt() == b"environment-secret"
    key = tmp_path / "key"
    key.write_text("file-secret-value\n")
    assert load_salt(key) == b"file-secret-value"

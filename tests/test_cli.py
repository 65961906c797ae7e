"""The CLI: exit codes, messages, and an end-to-end extract that writes the four tables."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest
from typer.testing import CliRunner

from testimony_nlp import __version__
from testimony_nlp.cli import app

runner = CliRunner()

TESTIMONY = (
    "In March 2021, police detained me outside my flat in Bishkek and took me to the station.\n\n"
    "Two days later they released me without charge.\n"
)


def run(*args: str):
    return runner.invoke(app, list(args))


def test_cli_version_and_help_do_not_load_spacy():
    code = (
        "import sys; from testimony_nlp.cli import main; sys.argv=['testimony-nlp','--version'];"
        "\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('spacy' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.split() == ["testimony-nlp", __version__, "False"]
    assert __version__ in result.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["extract", "nowhere/*.txt", "--out", "OUT"], "nowhere"),
        (["extract", "-", "--out", "OUT", "--published", "30/11/2015"], "YYYY-MM-DD"),
        (["extract", "-", "--out", "OUT", "--overwrite", "--resume"], "--overwrite and --resume"),
        (["extract", "-", "--out", "OUT", "--scheduler", "tcp://x:1"], "--engine dask"),
    ],
)
def test_cli_usage_errors_exit_2_with_a_fix(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert message in result.output


def test_cli_refuses_non_empty_out_without_overwrite(tmp_path):
    (tmp_path / "doc.txt").write_text(TESTIMONY)
    out = tmp_path / "out"
    out.mkdir()
    (out / "something").write_text("x")
    result = run("extract", str(tmp_path / "doc.txt"), "--out", str(out))
    assert result.exit_code == 2
    assert "--overwrite" in result.output


@pytest.mark.slow
def test_cli_extract_writes_four_tables_and_summary(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "testimony.txt").write_text(TESTIMONY)
    (tmp_path / "in" / "empty.txt").write_text("")
    out = tmp_path / "out"
    result = run("extract", str(tmp_path / "in"), "--out", str(out), "--published", "2021-06-01")
    assert result.exit_code == 0, result.output
    assert "1 ok, 1 failed" in result.output
    assert str(out) in result.output
    documents = pd.read_parquet(out / "documents").set_index("doc_id")
    assert documents.loc["testimony", "status"] == "ok"
    assert documents.loc["empty", "status"] == "error"
    assert documents.loc["testimony", "reference_date_source"] == "option"
    events = pd.read_parquet(out / "events")
    assert "detention" in set(events["event_type"])
    for table in ("mentions", "participants"):
        assert (out / table / "part-00000.parquet").is_file()
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["documents_ok"] == 1


@pytest.mark.slow
def test_cli_extract_exits_1_when_no_document_succeeds(tmp_path):
    (tmp_path / "empty.txt").write_text("   ")
    result = run("extract", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "0 ok, 1 failed" in result.output


@pytest.mark.slow
def test_cli_strict_stops_at_first_error(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = run("extract", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "o"), "--strict")
    assert result.exit_code == 1
    assert "--strict" in result.output


@pytest.mark.slow
def test_cli_non_english_document_is_recorded_not_analysed(tmp_path):
    (tmp_path / "ru.txt").write_text(
        "Полиция задержала журналиста в парке и доставила его в отделение.", encoding="utf-8"
    )
    (tmp_path / "en.txt").write_text(TESTIMONY)
    result = run("extract", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "1 not in English" in result.output
    documents = pd.read_parquet(tmp_path / "out" / "documents").set_index("doc_id")
    assert documents.loc["ru", "status"] == "ok"  # read without error ...
    assert documents.loc["ru", "language"] == "ru"
    assert "only English" in documents.loc["ru", "note"]  # ... and not analysed, as it says
    assert pd.isna(documents.loc["en", "note"])
    events = pd.read_parquet(tmp_path / "out" / "events")
    assert "ru" not in set(events["doc_id"])


def write_bad_inputs(folder):
    """Every kind of messy input from the reliability issue, beside readable documents."""
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "garbage.txt").write_bytes(bytes([0xBC, 0x83, 0x98, 0xE6, 0x81, 0xAD]) * 10)
    (folder / "huge.txt").write_bytes(b"word " * 220_001)
    russian = "Полиция задержала журналиста в парке и доставила его в отделение полиции."
    (folder / "russian-cp1251.txt").write_bytes(russian.encode("cp1251"))
    (folder / "zero-width.txt").write_text("Police\u200b detained\u202e the\u2066 editor.")
    (folder / "page.html").write_text(
        "<html><head><style>p{}</style><script>track()</script></head>"
        "<body><nav>Home</nav><p>Officers searched the office of a newspaper.</p></body></html>"
    )
    (folder / "corpus.jsonl").write_text(
        '{"id": "good", "text": "The court fined the activist.", "published": "2023-01-02"}\n'
        "{not json\n"
        '{"id": "no-text", "published": "2023-01-02"}\n'
        '{"id": "bad-date", "text": "He was detained.", "published": "yesterday-ish"}\n'
    )
    (folder / "quoted.csv").write_text(
        'id,text,published\nq1,"Police detained him.\nHe was released the next day.",2022-05-01\n'
    )
    (folder / "loop").mkdir()
    (folder / "loop" / "again").symlink_to(folder)


@pytest.mark.slow
def test_cli_bad_inputs_give_one_error_row_each_and_exit_0(tmp_path):
    write_bad_inputs(tmp_path / "bad")
    result = run("extract", str(tmp_path / "bad"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    documents = pd.read_parquet(tmp_path / "out" / "documents").set_index("doc_id")
    errors = set(documents.index[documents["status"] == "error"])
    assert errors == {"empty", "binary", "garbage", "huge", "corpus-2", "no-text", "bad-date"}
    assert documents.loc[sorted(errors), "error"].str.len().gt(10).all()
    ok = set(documents.index[documents["status"] == "ok"])
    assert ok == {"russian-cp1251", "zero-width", "page", "good", "q1"}
    assert documents.loc["russian-cp1251", "language"] == "ru"
    assert "\u200b" not in documents.loc["zero-width", "text"]
    assert "track()" not in documents.loc["page", "text"]

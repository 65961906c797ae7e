"""Tests for readers.py: inputs, formats, corpora fields, and every kind of bad input."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from testimony_nlp.errors import UsageError
from testimony_nlp.readers import MAX_DOCUMENT_CHARS, expand_inputs, iter_records
from testimony_nlp.records import DocumentRecord

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "data" / "samples"

RUSSIAN = "Меня задержали у здания суда, а через два дня суд оштрафовал меня."
ENGLISH = "The police detained me outside the court and fined me two days later."


def read(*inputs: str | Path, **options) -> list[DocumentRecord]:
    return list(iter_records([str(i) for i in inputs], **options))


def read_one(path: Path, **options) -> DocumentRecord:
    (record,) = read(path, **options)
    return record


# --- bad inputs, generated at test time ------------------------------------------------------


@pytest.fixture
def bad_inputs(tmp_path: Path) -> Path:
    """A folder of broken documents, one per kind of problem."""
    folder = tmp_path / "bad_inputs"
    folder.mkdir()
    files: dict[str, bytes] = {
        "empty.txt": b"",
        "blank.txt": b"  \n\t\r\n  ",
        "binary.txt": b"%PDF-1.4\x00\x01\x02\x03 stream \x00\xff\xfe",
        "controls.txt": bytes(range(1, 32)) * 20,
        "cp1251.txt": RUSSIAN.encode("cp1251"),
        "koi8.txt": RUSSIAN.encode("koi8_r"),
        "cp1252.txt": "Il a été arrêté à la gare et condamné à une amende.".encode("cp1252"),
        "garbage.txt": bytes([0xBC, 0x83, 0x98, 0xE6, 0x81, 0xAD, 0x9F, 0xC3, 0x8D, 0x90]) * 8,
        "bom.txt": b"\xef\xbb\xbf" + ENGLISH.encode(),
        "cut-utf8.txt": RUSSIAN.encode()[:-3] + b"\xd0",
        "utf16.txt": ENGLISH.encode("utf-16"),
        "huge.txt": b"word " * (MAX_DOCUMENT_CHARS // 5 + 1),
        "nav-only.html": b"<nav><a>Home</a></nav><script>x()</script>",
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("empty.txt", "empty file: no text to analyse"),
        ("blank.txt", "only whitespace"),
        ("binary.txt", "binary file, not text (it holds NUL bytes)"),
        ("controls.txt", "binary file, not text (500 control bytes in the first 620)"),
        ("garbage.txt", "not valid UTF-8 and no plausible legacy encoding fits"),
        ("huge.txt", "document too long: 1,000,005 characters, above the limit of 1,000,000"),
        ("nav-only.html", "no text left after removing markup and boilerplate"),
    ],
)
def test_readers_bad_file_becomes_error_record(bad_inputs: Path, name: str, error: str) -> None:
    record = read_one(bad_inputs / name)
    assert record.error is not None and error in record.error
    assert record.text == ""
    assert record.doc_id == Path(name).stem
    assert record.source == str(bad_inputs / name)


@pytest.mark.parametrize(
    ("name", "text", "encoding", "language"),
    [
        ("cp1251.txt", RUSSIAN, "cp1251", "ru"),
        ("koi8.txt", RUSSIAN, "koi8-r", "ru"),
        ("cp1252.txt", "Il a été arrêté à la gare et condamné à une amende.", "cp1252", "fr"),
        ("bom.txt", ENGLISH, None, "en"),
        ("utf16.txt", ENGLISH, "utf-16", "en"),
        ("cut-utf8.txt", RUSSIAN[:-2] + "\ufffd", "utf-8 (invalid bytes replaced)", "ru"),
    ],
)
def test_readers_decodes_legacy_encodings_and_boms(
    bad_inputs: Path, name: str, text: str, encoding: str | None, language: str
) -> None:
    record = read_one(bad_inputs / name)
    assert record.error is None
    assert record.text == text
    assert record.extra.get("encoding") == encoding
    assert record.language == language


def test_readers_bad_inputs_do_not_stop_the_run(bad_inputs: Path) -> None:
    (bad_inputs / "good.txt").write_text(ENGLISH, encoding="utf-8")
    records = {r.doc_id: r for r in read(bad_inputs)}
    assert len(records) == 14
    assert records["good"].ok and records["good"].text == ENGLISH
    assert sorted(r.doc_id for r in records.values() if r.ok) == [
        "bom", "cp1251", "cp1252", "cut-utf8", "good", "koi8", "utf16"
    ]  # fmt: skip


# --- plain files, folders, globs, stdin ------------------------------------------------------


def test_readers_plain_file_metadata(tmp_path: Path) -> None:
    path = tmp_path / "my testimony.md"
    path.write_text("\ufeff• Home\n\n" + ENGLISH + "\r\n", encoding="utf-8")
    record = read_one(path)
    assert record == DocumentRecord(
        doc_id="my testimony", source=str(path), text="\n" + ENGLISH + "\n", language="en"
    )


def test_readers_html_file_title_date_and_text(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(
        b'<html><head><meta charset="windows-1251"><title>\xc0\xf0\xe5\xf1\xf2</title>'
        b'<meta property="article:published_time" content="2023-03-05T10:00:00Z"></head>'
        b"<body><nav>Menu</nav><p>\xcc\xe5\xed\xff \xe7\xe0\xe4\xe5\xf0\xe6\xe0\xeb\xe8.</p>"
        b"</body></html>"
    )
    record = read_one(path)
    assert (record.title, record.text, record.published) == (
        "Арест",
        "Меня задержали.",
        dt.date(2023, 3, 5),
    )
    assert record.extra == {"encoding": "cp1251"}


def test_readers_doc_id_collisions_get_suffixes_in_input_order(tmp_path: Path) -> None:
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "statement.txt").write_text(f"{ENGLISH} ({folder})")
    (tmp_path / "b" / "statement.md").write_text(ENGLISH)
    records = read(tmp_path / "c", tmp_path / "a", tmp_path / "b")
    assert [(r.doc_id, Path(r.source).relative_to(tmp_path).as_posix()) for r in records] == [
        ("statement", "c/statement.txt"),
        ("statement-2", "a/statement.txt"),
        ("statement-3", "b/statement.md"),
        ("statement-4", "b/statement.txt"),
    ]


def test_readers_folder_recursion_is_sorted_and_skips_hidden_and_unsupported(
    tmp_path: Path,
) -> None:
    for rel in ["z.txt", "a/b.html", "a/c.txt", ".hidden.txt", ".git/x.txt", "img.png", "notes"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("<p>" + ENGLISH + "</p>")
    files = expand_inputs([str(tmp_path)])
    assert [Path(f).relative_to(tmp_path).as_posix() for f in files] == [
        "a/b.html", "a/c.txt", "z.txt"
    ]  # fmt: skip
    forced = expand_inputs([str(tmp_path)], fmt="txt")
    assert [Path(f).name for f in forced] == ["b.html", "c.txt", "img.png", "notes", "z.txt"]


def test_readers_symlink_loop_does_not_hang(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "doc.txt").write_text(ENGLISH)
    os.symlink(tmp_path / "a", tmp_path / "a" / "b" / "loop")
    os.symlink(tmp_path / "a" / "b" / "doc.txt", tmp_path / "a" / "same.txt")
    os.symlink(tmp_path / "missing", tmp_path / "a" / "broken.txt")
    records = read(tmp_path)
    assert [(r.doc_id, r.ok) for r in records] == [("doc", True)]


def test_readers_glob_and_explicit_file_with_any_extension(tmp_path: Path) -> None:
    for name in ("one.txt", "two.txt", "three.log"):
        (tmp_path / name).write_text(ENGLISH)
    assert [r.doc_id for r in read(tmp_path / "*.txt")] == ["one", "two"]
    assert [r.doc_id for r in read(tmp_path / "three.log")] == ["three"]


@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        ([], "no input given"),
        (["{tmp}/nope.txt"], "does not exist: check the path"),
        (["{tmp}/*.nothing"], "no file matches"),
        (["{tmp}/empty_folder"], "holds no readable documents"),
    ],
)
def test_readers_usage_errors_name_the_fix(tmp_path: Path, inputs: list[str], message: str) -> None:
    (tmp_path / "empty_folder").mkdir()
    with pytest.raises(UsageError, match=message):
        expand_inputs([i.format(tmp=tmp_path) for i in inputs])


@pytest.mark.parametrize(
    ("options", "message"),
    [({"fmt": "docx"}, "unknown format 'docx'"), ({"fmt": "parquet"}, "Parquet cannot be read")],
)
def test_readers_usage_errors_raise_before_reading(options: dict, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        iter_records(["-"], **options)


@pytest.mark.parametrize(
    ("stream", "fmt", "expected_text", "expected_error"),
    [
        (io.StringIO(ENGLISH), "auto", ENGLISH, None),
        (io.TextIOWrapper(io.BytesIO(RUSSIAN.encode("cp1251"))), "auto", RUSSIAN, None),
        (io.StringIO("<p>Shown</p><script>x</script>"), "html", "Shown", None),
        (io.StringIO(""), "auto", "", "empty file"),
        (io.TextIOWrapper(io.BytesIO(b"")), "auto", "", "standard input is empty"),
    ],
)
def test_readers_stdin_is_one_document(
    stream: io.TextIOBase, fmt: str, expected_text: str, expected_error: str | None
) -> None:
    (record,) = iter_records(["-"], fmt=fmt, stdin=stream)
    assert (record.doc_id, record.source, record.text) == ("stdin", "<stdin>", expected_text)
    assert (record.error is None) if expected_error is None else (expected_error in record.error)


def test_readers_stdin_corpus_when_format_forced() -> None:
    stream = io.StringIO('{"id": "x", "text": "He was detained."}\n')
    records = list(iter_records(["-"], fmt="jsonl", stdin=stream))
    assert [(r.doc_id, r.text, r.source) for r in records] == [
        ("x", "He was detained.", "<stdin>#L1")
    ]


def test_readers_are_lazy(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n')
    records = iter_records([str(corpus)])
    assert next(records).doc_id == "a"
    corpus.write_text("")  # the rest is read when asked for, from the open file
    assert next(records).doc_id == "b"


# --- corpora ---------------------------------------------------------------------------------

JSONL_LINES = [
    '{"id": "a1", "text": "He was detained.", "published": "2023-03-03", "author": "Ann",'
    ' "title": " A  title ", "url": "https://example.org/a", "desk": "Asia", "n": 3}',
    "{broken",
    "",
    '{"id": "a4"}',
    '{"id": "a5", "text": "He was fined.", "published": "last week"}',
    '{"doc_id": 6, "text": "They left.", "published": "2023-03-03T10:00:00+05:00"}',
    "[1, 2]",
    '{"text_file": "texts/statement.txt"}',
    '{"text_file": "texts/missing.txt"}',
    '{"text": 42}',
    '{"text": "' + "x" * (MAX_DOCUMENT_CHARS + 1) + '"}',
]


@pytest.fixture
def jsonl_corpus(tmp_path: Path) -> Path:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "statement.txt").write_text("The KNB searched my flat.\n")
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(JSONL_LINES) + "\n", encoding="utf-8")
    return path


def test_readers_jsonl_rows_and_errors(jsonl_corpus: Path) -> None:
    records = read(jsonl_corpus)
    rows = [(r.doc_id, r.source.split("#")[1], r.text[:20], r.error) for r in records]
    assert rows[:7] == [
        ("a1", "L1", "He was detained.", None),
        (
            "corpus-2",
            "L2",
            "",
            "line 2: malformed JSON (Expecting property name enclosed in double quotes at "
            "column 2): fix or remove the line; each line must be one JSON object",
        ),
        (
            "a4",
            "L4",
            "",
            "line 4: no text: give the row a 'text' field or a 'text_file' path "
            "(or name the text field with --text-field)",
        ),
        ("a5", "L5", "", "line 5: unparseable published date 'last week'; use YYYY-MM-DD"),
        ("6", "L6", "They left.", None),
        (
            "corpus-7",
            "L7",
            "",
            "line 7: expected a JSON object, found a list: each line must be one JSON object",
        ),
        ("corpus-8", "L8", "The KNB searched my ", None),
    ]
    assert rows[7][3].startswith("line 9: text_file 'texts/missing.txt' not found (looked for ")
    assert rows[7][3].endswith("): paths are relative to the corpus file's folder")
    assert rows[8][3] == "line 10: the text field must be a string, not int"
    assert rows[9][3].startswith("line 11: document too long: 1,000,001 characters")
    first = records[0]
    assert (first.published, first.author, first.title, first.url, first.extra) == (
        dt.date(2023, 3, 3), "Ann", "A title", "https://example.org/a", {"desk": "Asia", "n": "3"}
    )  # fmt: skip
    assert records[4].published == dt.date(2023, 3, 3)


def test_readers_jsonl_invalid_utf8_line_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        '{"id": "ok", "text": "Almaty (Алматы) police."}\n'.encode()
        + b'{"id": "bad", "text": "caf\xe9 au lait"}\n{"id": "ok2", "text": "Also fine."}\n'
    )
    records = read(path)
    assert [(r.doc_id, r.error) for r in records] == [
        ("ok", None),
        ("bad", "line 2: the text holds bytes that are not valid UTF-8: "
                "re-save the corpus as UTF-8"),
        ("ok2", None),
    ]  # fmt: skip


def test_readers_jsonl_in_a_legacy_encoding_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b'{"id": "fr", "text": "Il a \xe9t\xe9 arr\xeat\xe9 \xe0 la gare."}\n')
    assert [(r.text, r.error) for r in read(path)] == [("Il a été arrêté à la gare.", None)]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, [("r1", "Body one.", None), ("r2", "Body two.", dt.date(2020, 1, 2))]),
        (
            {"id_field": "key", "text_field": "body", "date_field": "when"},
            [("k1", "Other one.", dt.date(2021, 5, 6)), ("k2", "Other two.", None)],
        ),
    ],
)
def test_readers_field_aliases_and_overrides(
    tmp_path: Path, options: dict, expected: list[tuple]
) -> None:
    rows = [
        {"id": "r1", "key": "k1", "text": "Body one.", "body": "Other one.", "when": "2021-05-06"},
        {"doc_id": "r2", "key": "k2", "text": "Body two.", "body": "Other two.",
         "published": "2020-01-02"},
    ]  # fmt: skip
    jsonl = tmp_path / "c.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in rows))
    csv_path = tmp_path / "c.csv"
    columns = ["id", "doc_id", "key", "text", "body", "when", "published"]
    csv_path.write_text(
        ",".join(columns)
        + "\n"
        + "".join(",".join(str(r.get(c, "")) for c in columns) + "\n" for r in rows)
    )
    parquet = tmp_path / "c.parquet"
    pq.write_table(pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in rows]), parquet)
    for path in (jsonl, csv_path, parquet):
        got = [(r.doc_id, r.text, r.published) for r in read(path, **options)]
        assert got == expected, path.suffix


def test_readers_csv_quoted_newlines_bom_and_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_bytes(
        "\ufeffid,text,published,author\n"
        'n1,"First line.\nSecond line, with a comma and ""quotes"".",2023-01-02,Ann\n'
        ",No id here.,,\n"
        "\n"
        "n3,Bad date.,02/01/2023,\n"
        "n4,,2023-01-02,\n".encode()
    )
    records = read(path)
    assert [(r.doc_id, r.source.split("#")[1], r.text, r.error) for r in records] == [
        ("n1", "row1", 'First line.\nSecond line, with a comma and "quotes".', None),
        ("news-2", "row2", "No id here.", None),
        ("n3", "row3", "", "row 3: unparseable published date '02/01/2023'; use YYYY-MM-DD"),
        ("n4", "row4", "", "row 4: no text: give the row a 'text' field or a 'text_file' path "
                           "(or name the text field with --text-field)"),
    ]  # fmt: skip
    assert records[0].author == "Ann" and records[1].author is None


def test_readers_csv_in_cp1251_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "ru.csv"
    path.write_bytes(f'id,text\nr1,"{RUSSIAN}"\n'.encode("cp1251"))
    assert [(r.text, r.language) for r in read(path)] == [(RUSSIAN, "ru")]


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("nocol.csv", b"id,body\n1,x\n",
         "the corpus has no 'text' or 'text_file' column (columns: id, body): "
         "name the text column with --text-field"),
        ("empty.csv", b"", "empty file: the corpus holds no rows"),
        ("empty.jsonl", b"", "empty file: the corpus holds no rows"),
        ("zipped.jsonl", b"\x1f\x8b\x08\x00" + bytes(40), "compressed file: decompress the corpus"),
        ("broken.parquet", b"PAR1 not really parquet", "not a readable Parquet file"),
    ],
)  # fmt: skip
def test_readers_unreadable_corpus_is_one_error(
    tmp_path: Path, name: str, content: bytes, error: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    record = read_one(path)
    assert record.doc_id == path.stem and record.error is not None
    assert error in record.error


def test_readers_parquet_types_and_text_file(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "p.html").write_text("<title>T</title><p>From a file.</p>")
    table = pa.table(
        {
            "doc_id": ["p1", None, "p3"],
            "text": ["Parquet text.", None, None],
            "text_file": [None, "docs/p.html", None],
            "published": pa.array([dt.date(2022, 2, 2), None, None], pa.date32()),
        }
    )
    path = tmp_path / "corpus.parquet"
    pq.write_table(table, path, row_group_size=2)
    records = read(path)
    assert [(r.doc_id, r.text, r.title, r.published, r.source.split("#")[1]) for r in records] == [
        ("p1", "Parquet text.", None, dt.date(2022, 2, 2), "row1"),
        ("corpus-2", "From a file.", "T", None, "row2"),
        ("p3", "", None, None, "row3"),
    ]
    assert records[2].error is not None and records[2].error.startswith("row 3: no text")


def test_readers_corpus_ids_never_collide_with_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH)
    (tmp_path / "b.jsonl").write_text('{"id": "a", "text": "x y z"}\n{"id": "a", "text": "w"}\n')
    assert [r.doc_id for r in read(tmp_path)] == ["a", "a-2", "a-3"]


def test_readers_samples_are_clean_english_documents() -> None:
    records = read(SAMPLES)
    assert len(records) >= 7
    for record in records:
        assert record.ok, record.error
        assert record.language == "en"
        assert 80 <= len(record.text.split()) <= 250, record.doc_id
    dated = [r.doc_id for r in records if r.published]
    assert len(dated) >= 4


# --- fuzzing ---------------------------------------------------------------------------------


@given(st.binary(max_size=600), st.sampled_from([".txt", ".html", ".jsonl", ".csv", ".parquet"]))
@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_readers_random_bytes_never_raise(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        records = read(path)
    assert records
    for record in records:
        assert record.ok != (record.error is not None)
        assert "\x00" not in record.text
        if record.ok:
            assert record.text.strip()


def test_readers_records_from_mappings_follow_corpus_rules() -> None:
    from testimony_nlp.readers import records_from_mappings

    rows = [
        {"doc_id": "a", "text": ENGLISH, "published": "2023-01-02", "author": float("nan")},
        {"id": None, "text": ENGLISH, "published": float("nan")},
        {"id": "c", "text": ENGLISH, "published": "yesterday-ish"},
        {"id": "d"},
    ]
    records = list(records_from_mappings(rows, name="frame"))
    assert [r.doc_id for r in records] == ["a", "frame-2", "c", "d"]
    assert records[0].published == dt.date(2023, 1, 2) and records[0].author is None
    assert records[0].language == "en" and records[1].published is None
    assert records[2].error is not None and records[2].error.startswith("row 3: unparseable")
    assert records[3].error is not None and "no text" in records[3].error
    assert records[1].source == "frame#row2"

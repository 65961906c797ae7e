"""docs: every column is described, the README's generated sections are current."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from testimony_nlp import docs
from testimony_nlp.schemas import TABLES

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.mark.parametrize("table", list(TABLES))
def test_docs_every_column_described(table):
    described = docs.COLUMN_DESCRIPTIONS[table]
    assert list(described) == TABLES[table].names  # same columns, same order, none stale
    assert all(text.strip() for text in described.values())
    assert docs.TABLE_SUMMARIES[table]


def test_docs_tables_markdown_rows():
    text = docs.tables_markdown()
    assert "| `doc_id` | string not null | Document id |" in text
    assert "| `published` | date32 | Publication date from the corpus |" in text
    assert "| `geo_precision` | int8 |" in text
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert len(rows) == sum(len(schema) for schema in TABLES.values())


def test_docs_taxonomy_markdown_from_data():
    types = {
        "detention": {"definition": "Someone is held | taken.", "huridocs_code": "arrest",
                      "plover_type": "COERCE", "plover_mode": "arrest", "acled_sub_event": None},
    }  # fmt: skip
    assert docs.taxonomy_markdown(types).splitlines() == [
        "| `event_type` | definition | HURIDOCS | PLOVER | PLOVER mode | ACLED |",
        "| --- | --- | --- | --- | --- | --- |",
        "| `detention` | Someone is held \\| taken. | arrest | COERCE | arrest | – |",
    ]


@pytest.mark.parametrize("content", ["", "not json", '{"types": []}', '{"version": 1}'])
def test_docs_taxonomy_loaded_defensively(tmp_path: Path, content):
    path = tmp_path / "taxonomy.json"
    path.write_text(content, encoding="utf-8")
    assert docs.load_taxonomy_types(path) is None


@pytest.mark.parametrize(
    ("readme", "expected"),
    [
        (
            "a\n<!-- tables:start -->\nold\n<!-- tables:end -->\nb",
            "a\n<!-- tables:start -->\nNEW\n<!-- tables:end -->\nb",
        ),  # noqa: E501
        (
            "<!-- tables:start --><!-- tables:end -->",
            "<!-- tables:start -->\nNEW\n<!-- tables:end -->",
        ),  # noqa: E501
    ],
)
def test_docs_replace_section(readme, expected):
    assert docs.replace_section(readme, "tables", "NEW") == expected
    assert docs.section(expected, "tables") == "\nNEW\n"


def test_docs_update_readme_rewrites_then_is_current(tmp_path: Path):
    sections = list(docs.generated_sections())
    readme = tmp_path / "README.md"
    markers = "".join(f"<!-- {name}:start -->\n<!-- {name}:end -->\n" for name in sections)
    readme.write_text(f"# x\n{markers}", encoding="utf-8")
    assert docs.update_readme(readme, check=True) == sections
    assert "`doc_id`" not in readme.read_text(encoding="utf-8")  # check writes nothing
    assert docs.update_readme(readme) == sections
    assert docs.update_readme(readme, check=True) == []
    assert readme.read_text(encoding="utf-8").startswith("# x\n<!-- tables:start -->\n### `docu")


def test_docs_update_readme_without_markers(tmp_path: Path):
    readme = tmp_path / "README.md"
    readme.write_text("# no markers\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lacks the markers <!-- tables:start -->"):
        docs.update_readme(readme)


def test_docs_readme_tables_section_is_current():
    readme = README.read_text(encoding="utf-8")
    assert docs.section(readme, "tables") == f"\n{docs.tables_markdown()}\n", (
        "README's table reference is stale: run `python -m testimony_nlp.docs`"
    )


def test_docs_readme_taxonomy_section_is_current():
    path = docs.taxonomy_path()
    if path is None:
        pytest.skip("models/tnlp_events/taxonomy.json is not there yet")
    types = json.loads(path.read_text(encoding="utf-8"))["types"]
    readme = README.read_text(encoding="utf-8")
    assert docs.section(readme, "taxonomy") == f"\n{docs.taxonomy_markdown(types)}\n", (
        "README's taxonomy is stale: run `python -m testimony_nlp.docs`"
    )

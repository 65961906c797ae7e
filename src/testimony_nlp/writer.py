"""Staged, resumable and atomic writing of the output tables.

Layout of an output folder::

    OUT/documents/part-00000.parquet   (and mentions/, events/, participants/)
    OUT/manifest.json

While a run is going, parts are written under ``OUT/.staging/``: each part of every
table is written as ``*.tmp``, renamed when all four are complete, and only then
recorded in ``journal.jsonl``. A run killed at any moment therefore leaves complete
parts and a journal that names them; ``resume`` keeps those, drops anything else, and
skips their documents. The finished tables are moved out of staging at the end, so a
reader never sees half a table.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .errors import OutputExistsError
from .schemas import TABLES
from .tables import DocumentRows

STAGING = ".staging"
JOURNAL = "journal.jsonl"
COMPLETE = "COMPLETE"
MANIFEST = "manifest.json"


def part_name(index: int) -> str:
    return f"part-{index:05d}.parquet"


class TableWriter:
    """Writes DocumentRows into the four tables, in row groups, part by part."""

    def __init__(
        self,
        out: Path,
        *,
        overwrite: bool = False,
        resume: bool = False,
        docs_per_row_group: int = 256,
        docs_per_part: int = 10_000,
    ) -> None:
        self.out = Path(out)
        self.staging = self.out / STAGING
        self.docs_per_row_group = docs_per_row_group
        self.docs_per_part = docs_per_part
        self.done_doc_ids: set[str] = set()
        self._buffer: dict[str, list[dict]] = {name: [] for name in TABLES}
        self._buffered_docs = 0
        self._docs_in_part = 0
        self._writers: dict[str, pq.ParquetWriter] = {}
        self._prepare(overwrite=overwrite, resume=resume)
        self.part_index = self._next_part_index()

    # -- set-up ---------------------------------------------------------------------------
    def _prepare(self, *, overwrite: bool, resume: bool) -> None:
        if resume:
            self._adopt_previous_output()
        elif self.out.exists() and any(self.out.iterdir()):
            if not overwrite:
                raise OutputExistsError(
                    f"the output folder {self.out} is not empty; pass --overwrite to replace "
                    "its tables or --resume to finish an interrupted run"
                )
            self._remove_previous_output()
        for table in TABLES:
            (self.staging / table).mkdir(parents=True, exist_ok=True)

    def _remove_previous_output(self) -> None:
        for name in (*TABLES, STAGING):
            shutil.rmtree(self.out / name, ignore_errors=True)
        (self.out / MANIFEST).unlink(missing_ok=True)

    def _adopt_previous_output(self) -> None:
        """Keep every journalled part (staged or already finished) and forget the rest."""
        if (self.staging / COMPLETE).exists():
            self._publish()
        finished = [t for t in TABLES if (self.out / t).is_dir()]
        if finished and not self.staging.exists():
            self.staging.mkdir(parents=True)
            parts = sorted(p.name for p in (self.out / "documents").glob("part-*.parquet"))
            for table in finished:
                os.replace(self.out / table, self.staging / table)
            with open(self.staging / JOURNAL, "w", encoding="utf-8") as journal:
                for name in parts:
                    journal.write(json.dumps({"part": name}) + "\n")
        (self.out / MANIFEST).unlink(missing_ok=True)
        kept = self._journalled_parts()
        for table in TABLES:
            folder = self.staging / table
            if not folder.is_dir():
                continue
            for path in folder.iterdir():
                if path.name not in kept:
                    path.unlink()
        for name in sorted(kept):
            ids = pq.read_table(self.staging / "documents" / name, columns=["doc_id"])
            self.done_doc_ids.update(ids.column("doc_id").to_pylist())

    def _journalled_parts(self) -> set[str]:
        path = self.staging / JOURNAL
        if not path.exists():
            return set()
        parts = set()
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                parts.add(json.loads(line)["part"])
            except (ValueError, KeyError):
                continue  # a line cut by a kill: its part was never completed
        return parts

    def _next_part_index(self) -> int:
        existing = [int(name[5:10]) for name in self._journalled_parts()]
        return max(existing, default=-1) + 1

    # -- writing --------------------------------------------------------------------------
    def add(self, rows: DocumentRows) -> None:
        for table, table_rows in rows.by_table().items():
            self._buffer[table].extend(table_rows)
        self._buffered_docs += 1
        self._docs_in_part += 1
        if self._buffered_docs >= self.docs_per_row_group:
            self._flush()
        if self._docs_in_part >= self.docs_per_part:
            self._close_part()

    def add_all(self, many: Iterable[DocumentRows]) -> None:
        for rows in many:
            self.add(rows)

    def _tmp_path(self, table: str) -> Path:
        return self.staging / table / (part_name(self.part_index) + ".tmp")

    def _flush(self) -> None:
        for table, schema in TABLES.items():
            rows = self._buffer[table]
            if not rows and table in self._writers:
                continue
            if table not in self._writers:
                self._writers[table] = pq.ParquetWriter(self._tmp_path(table), schema)
            if rows:
                self._writers[table].write_table(pa.Table.from_pylist(rows, schema=schema))
            self._buffer[table] = []
        self._buffered_docs = 0

    def _close_part(self) -> None:
        if self._docs_in_part == 0:
            return
        self._flush()
        for table, writer in self._writers.items():
            writer.close()
            tmp = self._tmp_path(table)
            _fsync(tmp)
            os.replace(tmp, tmp.with_suffix(""))
        with open(self.staging / JOURNAL, "a", encoding="utf-8") as journal:
            journal.write(json.dumps({"part": part_name(self.part_index)}) + "\n")
            journal.flush()
            os.fsync(journal.fileno())
        self._writers = {}
        self._docs_in_part = 0
        self.part_index += 1

    def close(self, manifest: dict) -> None:
        """Finish the last part, publish the tables and write the manifest."""
        self._close_part()
        if not self._journalled_parts():
            # no document at all: still publish empty, typed tables
            self._docs_in_part = 1
            self._close_part()
        (self.staging / COMPLETE).touch()
        self._publish()
        tmp = self.out / (MANIFEST + ".tmp")
        tmp.write_text(json.dumps(manifest, indent=2, default=str) + "\n", encoding="utf-8")
        os.replace(tmp, self.out / MANIFEST)

    def _publish(self) -> None:
        for table in TABLES:
            staged, target = self.staging / table, self.out / table
            if not staged.exists():
                continue  # moved by a run that was killed while publishing
            if target.exists():
                shutil.rmtree(target)
            os.replace(staged, target)
        shutil.rmtree(self.staging)

    def abort(self) -> None:
        """Close open files without publishing (the staging folder stays for --resume)."""
        for writer in self._writers.values():
            writer.close()
        self._writers = {}


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())

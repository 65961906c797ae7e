"""The analysis notebook runs top to bottom on real and hand-built output folders.

The kernel talks to the test over ZeroMQ's ``ipc`` transport (Unix sockets under a
temporary folder) rather than TCP on localhost, so it works under pytest-socket's
``--disable-socket --allow-unix-socket`` without enabling network sockets.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import nbformat
import pytest

from testimony_nlp.tables import DocumentRows
from testimony_nlp.writer import TableWriter

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "analysis.ipynb"

TESTIMONY = (
    "My name is Marat Esenov. On 12 March 2017 police officers detained me at the bus "
    "station in Shymkent and held me for two days.\n\n"
    "In April 2017 a court in Shymkent fined me for an unsanctioned picket."
)
ARTICLE = (
    "Security agents searched the flat of the blogger Gulnara Temirova in Aktobe on "
    "5 June 2018 and seized her laptop. She was released the same evening."
)


def run_notebook(
    out: Path, monkeypatch, tmp_path: Path, victim: str | None = None, extra: tuple[str, ...] = ()
):
    """Execute the notebook, plus ``extra`` cells and one printing the kernel's python."""
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    monkeypatch.setenv("TNLP_OUT", str(out))
    monkeypatch.setenv("TNLP_VICTIM", victim or "")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    for source in (*extra, "import sys; print(sys.executable)"):
        notebook.cells.append(nbformat.v4.new_code_cell(source))
    ipc = tmp_path / "ipc"
    ipc.mkdir()
    kernel = KernelManager(kernel_name="python3", transport="ipc", ip=str(ipc / "kernel"))
    client = NotebookClient(
        notebook,
        km=kernel,
        kernel_name="python3",
        timeout=120,
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    try:
        client.execute()
    finally:  # nbclient leaves a kernel manager it was given running
        if kernel.has_kernel:
            kernel.shutdown_kernel(now=True)
    return notebook


def outputs(notebook, kind: str) -> list:
    found = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if kind == "png" and "image/png" in output.get("data", {}):
                found.append(output)
            elif kind == "stream" and output["output_type"] == "stream":
                found.append(output["text"])
            elif kind == "error" and output["output_type"] == "error":
                found.append(output)
    return found


def event(doc_id: str, number: int, event_type: str, **fields) -> dict:
    row = {
        "doc_id": doc_id,
        "event_id": f"{doc_id}-{number}",
        "event_type": event_type,
        "status": "occurred",
        "trigger": "x",
        "start_char": number,
        "end_char": number + 1,
    }
    return row | fields


def write_out(out: Path, events: list[dict], participants: list[dict]) -> Path:
    writer = TableWriter(out, overwrite=True)
    document = {"doc_id": "t1", "source": "t1.txt", "text": "x" * 20, "status": "ok"}
    writer.add(DocumentRows([document], [], events, participants))
    writer.close({})
    return out


@pytest.mark.slow
def test_notebook_committed_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(not cell.outputs and cell.execution_count is None for cell in code)
    source = "\n".join(cell.source for cell in code)
    assert 'matplotlib.use("Agg")' in source
    assert 'os.environ.get("TNLP_OUT", "../out")' in source


@pytest.mark.slow
def test_notebook_plots_timeline_and_map(tmp_path: Path, monkeypatch):
    events = [
        event("t1", 1, "detention", victim="Marat", date_start=dt.date(2017, 3, 12),
              date_end=dt.date(2017, 3, 12), date_precision="day", place_name="Shymkent",
              latitude=42.3, longitude=69.6),
        event("t1", 2, "charge", victim="Marat", date_start=dt.date(2017, 4, 1),
              date_end=dt.date(2017, 4, 30), date_precision="month", place_name="Shymkent",
              latitude=42.3, longitude=69.6),
        event("t1", 3, "seizure", victim="Gulnara", status="attempted"),
    ]  # fmt: skip
    participants = [
        {"doc_id": "t1", "event_id": "t1-1", "role": "victim", "name": "Marat"},
        {"doc_id": "t1", "event_id": "t1-1", "role": "perpetrator", "name": None},
    ]
    out = write_out(tmp_path / "out", events, participants)
    notebook = run_notebook(out, monkeypatch, tmp_path)
    assert len(outputs(notebook, "png")) == 2  # the timeline and the map
    streams = "".join(outputs(notebook, "stream"))
    assert "2 of 3 events are dated to the month or better" in streams
    assert "2 events dated inside 2017-01-01..2017-12-31" in streams
    assert streams.strip().splitlines()[-1] == sys.executable  # the kernel is this venv's python


@pytest.mark.slow
@pytest.mark.parametrize("with_events", [True, False])
def test_notebook_handles_no_dates_no_places(tmp_path: Path, monkeypatch, with_events):
    events = [event("t1", 1, "harassment", victim="Marat")] if with_events else []
    out = write_out(tmp_path / "out", events, [])
    notebook = run_notebook(out, monkeypatch, tmp_path, victim="Marat")
    assert outputs(notebook, "png") == []
    streams = "".join(outputs(notebook, "stream"))
    n = len(events)
    assert f"no dated events for victim 'Marat'; {n} events, 0 of them dated" in streams
    assert f"no event has coordinates ({n} events)" in streams
    assert ("no events in" in streams) is not with_events


@pytest.mark.slow
def test_notebook_keys_narrators_by_document(tmp_path: Path, monkeypatch):
    day = {"date_start": dt.date(2017, 3, 12), "date_end": dt.date(2017, 3, 12)}
    events = [
        event("t1", 1, "detention", victim="narrator", **day),
        event("t2", 2, "detention", victim="narrator", **day),
        event("t2", 3, "release", victim="narrator", **day),
    ]
    out = write_out(tmp_path / "out", events, [])
    notebook = run_notebook(out, monkeypatch, tmp_path, extra=("print(f'VICTIM = {VICTIM!r}')",))
    assert len(outputs(notebook, "png")) == 1
    assert "VICTIM = 'narrator of t2'\n" in outputs(notebook, "stream")


@pytest.mark.slow
def test_notebook_runs_on_extracted_tables(tmp_path: Path, monkeypatch):
    from testimony_nlp.api import ExtractOptions, extract

    inputs = tmp_path / "texts"
    inputs.mkdir()
    (inputs / "esenov.txt").write_text(TESTIMONY, encoding="utf-8")
    (inputs / "temirova.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    summary = extract([str(inputs)], out, ExtractOptions(published=dt.date(2018, 7, 1)))
    assert summary.documents_ok == 2
    notebook = run_notebook(out, monkeypatch, tmp_path)
    assert outputs(notebook, "error") == []
    rows = notebook.cells[3].outputs[0]["data"]["text/plain"]
    assert rows.split()[:2] == ["documents", "2"]

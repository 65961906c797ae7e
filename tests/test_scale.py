"""Scale and reliability: workers, kill -9 then --resume, and the Dask engine give the same rows."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from testimony_nlp.api import ExtractOptions, extract
from testimony_nlp.writer import JOURNAL, STAGING

pytestmark = pytest.mark.slow

STORIES = [
    "On 4 May 2022 police detained {name} in {city} and searched her flat. "
    "Two days later a court fined her for taking part in a protest.",
    "Security service officers followed {name} for weeks in {city}. "
    "In June 2021 they seized his laptop and threatened to arrest him.",
    "{name} was forcibly placed in a psychiatric clinic in {city} last March. "
    "Lawyers from a local human rights group secured his release.",
]
NAMES = ["Aliya Nurova", "Timur Saidov", "Olga Petrenko", "Bakyt Osmonov"]
CITIES = ["Almaty", "Minsk", "Tbilisi", "Bishkek", "Dushanbe"]


def write_corpus(path: Path, n_docs: int) -> Path:
    with open(path, "w", encoding="utf-8") as corpus:
        for i in range(n_docs):
            text = STORIES[i % len(STORIES)].format(
                name=NAMES[i % len(NAMES)], city=CITIES[i % len(CITIES)]
            )
            row = {"id": f"doc-{i:04d}", "text": text, "published": "2023-01-15"}
            corpus.write(json.dumps(row) + "\n")
    return path


def table(out: Path, name: str, key: list[str], ignore: tuple[str, ...] = ()) -> pd.DataFrame:
    frame = pd.read_parquet(out / name).drop(columns=list(ignore), errors="ignore")
    return frame.sort_values(key).reset_index(drop=True)


def assert_same_tables(first: Path, second: Path, ignore: tuple[str, ...] = ()) -> None:
    keys = {
        "documents": ["doc_id"],
        "mentions": ["doc_id", "mention_id"],
        "events": ["doc_id", "event_id"],
        "participants": ["doc_id", "event_id", "role", "name"],
    }
    for name, key in keys.items():
        pd.testing.assert_frame_equal(
            table(first, name, key, ignore), table(second, name, key, ignore)
        )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "corpus.jsonl", 24)


@pytest.fixture(scope="module")
def clean_run(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("clean") / "out"
    extract([str(corpus)], out, ExtractOptions())
    return out


def test_scale_two_workers_give_the_same_rows(corpus, clean_run, tmp_path):
    extract([str(corpus)], tmp_path / "out", ExtractOptions(workers=2))
    assert_same_tables(clean_run, tmp_path / "out")


def test_scale_same_input_gives_same_ids(corpus, clean_run, tmp_path):
    extract([str(corpus)], tmp_path / "out", ExtractOptions())
    assert_same_tables(clean_run, tmp_path / "out")
    assert len(pd.read_parquet(clean_run / "events")) > 0


def worker_pids(pid: int) -> list[int]:
    """The child processes of ``pid`` (Linux /proc; empty elsewhere)."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in children.read_text().split()] if children.exists() else []


def is_running(pid: int) -> bool:
    """Alive and not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in {"Z", "X"}


@pytest.mark.parametrize("workers", [1, 2])
def test_scale_kill_9_then_resume_equals_a_clean_run(tmp_path, workers):
    corpus = write_corpus(tmp_path / "corpus.jsonl", 120)
    clean, out = tmp_path / "clean", tmp_path / "out"
    extract([str(corpus)], clean, ExtractOptions())
    command = [
        str(Path(sys.executable).parent / "testimony-nlp"),
        "extract",
        str(corpus),
        "--out",
        str(out),
        "--part-size",
        "10",
        "--workers",
        str(workers),
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    journal = out / STAGING / JOURNAL
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if journal.exists() and journal.read_text().count("\n") >= 2:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the run finished before it could be killed"
    workers_before_kill = worker_pids(process.pid)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 10
    while any(map(is_running, workers_before_kill)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(map(is_running, workers_before_kill)), "worker processes outlived the run"
    assert not (out / "events").exists()  # nothing published: no half tables
    resumed = subprocess.run([*command, "--resume"], capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert "already written" in resumed.stdout
    assert_same_tables(clean, out)


# A LocalCluster talks over loopback TCP: the only sockets the suite allows, and only here.
@pytest.mark.enable_socket
@pytest.mark.allow_hosts(["127.0.0.1", "localhost", "::1"])
def test_scale_dask_engine_equals_the_local_engine(corpus, clean_run, tmp_path):
    from dask.distributed import Client, LocalCluster

    from testimony_nlp.dask_engine import extract_with_dask

    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        extract_with_dask([str(corpus)], tmp_path / "out", ExtractOptions(), client=client)
    assert_same_tables(clean_run, tmp_path / "out")
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["engine"] == "dask"


def test_scale_dask_bag_api_equals_the_local_engine(corpus, clean_run, tmp_path):
    import dask
    import dask.dataframe as dd

    from testimony_nlp.dask_engine import extract_bag, records_bag_from_dataframe

    frame = dd.from_pandas(
        pd.read_json(corpus, lines=True, dtype={"published": str}), npartitions=3
    )
    with dask.config.set(scheduler="synchronous"):
        extract_bag(records_bag_from_dataframe(frame), tmp_path / "out")
    # a DataFrame row has no file to name as its source; everything else must be equal
    assert_same_tables(clean_run, tmp_path / "out", ignore=("source",))

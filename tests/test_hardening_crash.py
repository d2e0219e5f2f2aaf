"""Crash safety: kill -9 of a real `python -m rag ingest --rebuild` mid-way leaves the previous index usable."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from hardening_hooks import events, hook_env, rag_command

from rag.answer import answer_question
from rag.cli import main
from rag.embed import FakeEmbedder
from rag.index import Layout, open_current
from rag.ingest import ingest
from rag.retrieve import Retriever
from rag.settings import Settings

QUESTION = "上海的试点最多可以几家单位联合申报？"


def _wait_for(marker: Path, event: str, process: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if any(e == event for e, _, _ in events(marker)):
            return
        if process.poll() is not None:
            pytest.fail(f"ingest ended before reaching the pause point: {process.stderr.read()[-2000:]}")  # type: ignore[union-attr]
        time.sleep(0.05)
    process.kill()
    pytest.fail("ingest never reached the pause point")


def _snapshot(settings: Settings) -> tuple[str | None, list[str], int]:
    generation = open_current(settings)
    chunks, _ = generation.chunks()
    return Layout(settings).current(), [m.doc_id for m, _ in generation.documents()], len(chunks)


@pytest.mark.parametrize("point", ["vectors", "files", "publish"])
def test_kill_9_mid_rebuild_keeps_the_previous_index_and_the_next_ingest_completes(
        point: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    settings = Settings.from_env(environ={}, data_dir=tmp_path / "data", embedding="fake")
    embedder = FakeEmbedder()
    ingest(settings, embedder=embedder)
    before = _snapshot(settings)
    reader = Retriever(settings, embedder)  # a reader already serving, like the app's
    expected = answer_question(QUESTION, reader, settings).citations

    marker = tmp_path / "events.log"
    env = hook_env(tmp_path / "hook", settings.data_dir, point, marker, seconds=120)
    child = subprocess.Popen(rag_command("ingest", "--rebuild", "--json"), env=env, cwd=tmp_path,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for(marker, "paused", child)
        unfinished = [p for p in Layout(settings).generations.iterdir() if p.name != before[0]]
        assert unfinished, "the rebuild should have started writing a new generation"
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
        child.communicate()

    # the previous generation is still the published one, whole, and searchable
    assert _snapshot(settings) == before
    assert answer_question(QUESTION, reader, settings).citations == expected
    assert answer_question(QUESTION, Retriever(settings, embedder), settings).citations == expected
    monkeypatch.setenv("RAG_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("RAG_EMBEDDING", "fake")
    capsys.readouterr()
    assert main(["sources", "--json"]) == 0
    assert [row["doc_id"] for row in json.loads(capsys.readouterr().out)] == before[1]

    # the lock died with the process: the next ingest neither waits nor fails, and sweeps the debris
    started = time.perf_counter()
    report = ingest(settings, rebuild=True, embedder=embedder, lock_timeout=5)
    assert time.perf_counter() - started < 60
    assert report.generation != before[0] and Layout(settings).current() == report.generation
    assert report.chunks == before[2]
    assert all(not p.exists() for p in unfinished if p.name != report.generation)
    assert (Layout(settings).generations / before[0]).is_dir()  # kept for readers that still hold it
    assert answer_question(QUESTION, reader, settings).citations == expected  # the reader moved on by itself

"""Concurrency: ingest processes are serialised by the lock; concurrent ask/check calls equal sequential ones."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hardening_hooks import events, hook_env, rag_command

from rag.answer import answer_question
from rag.embed import FakeEmbedder
from rag.index import Layout, open_current
from rag.ingest import ingest
from rag.records import to_dict
from rag.retrieve import Retriever
from rag.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
HOLD = 6.0  # seconds the first ingest holds the lock


def _questions(n: int = 12) -> list[str]:
    lines = (ROOT / "evaluators" / "data" / "retrieval_gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()][:n]


def test_two_ingest_processes_are_serialised_by_the_lock(tmp_path: Path):
    data = tmp_path / "data"
    marker = tmp_path / "events.log"
    held = hook_env(tmp_path / "hook", data, "locked", marker, seconds=HOLD)
    plain = hook_env(tmp_path / "hook", data, "locked", marker, seconds=0)

    def start(env: dict[str, str], *args: str) -> subprocess.Popen:
        return subprocess.Popen(rag_command("ingest", "--json", *args), env=env, cwd=tmp_path,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    first = start(held, "--rebuild")
    try:
        deadline = time.monotonic() + 90
        while not any(e == "start" for e, _, _ in events(marker)):
            assert first.poll() is None and time.monotonic() < deadline, "the first ingest never took the lock"
            time.sleep(0.05)
        impatient_started = time.monotonic()
        impatient = start(plain, "--lock-timeout", "0.5")
        patient = start(plain)  # default timeout: waits its turn
        out, err = impatient.communicate(timeout=60)
        impatient_seconds = time.monotonic() - impatient_started
        assert impatient.returncode == 2, err
        assert "another ingest is running" in err and len(err.strip().splitlines()[-1]) < 300
        assert first.poll() is None, "the impatient one must give up while the lock is still held"
        first_out, first_err = first.communicate(timeout=120)
        patient_out, patient_err = patient.communicate(timeout=120)
    finally:
        for process in (first,):
            if process.poll() is None:
                process.kill()
    assert first.returncode == 0, first_err
    assert patient.returncode == 0, patient_err
    assert impatient_seconds < HOLD + 10

    # the hook logs when each process entered and left the locked section: the two never overlap
    spans: dict[int, dict[str, float]] = {}
    for event, pid, at in events(marker):
        spans.setdefault(pid, {})[event] = at
    finished = sorted((s["start"], s["end"]) for s in spans.values() if "end" in s)
    assert len(finished) == 2 and finished[0][1] <= finished[1][0]
    assert json.loads(patient_out)["documents"] == json.loads(first_out)["documents"] == 4
    settings = Settings.from_env(environ={}, data_dir=data, embedding="fake")
    assert Layout(settings).current() == json.loads(first_out)["generation"]  # nothing changed: the second skipped
    assert Retriever(settings, FakeEmbedder()).search("联合申报", k=1)


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, FakeEmbedder]:
    settings = Settings.from_env(environ={}, data_dir=tmp_path_factory.mktemp("concurrent") / "data", embedding="fake")
    embedder = FakeEmbedder()
    ingest(settings, embedder=embedder)
    return settings, embedder


def _answer_key(question: str, retriever: Retriever, settings: Settings) -> str:
    answer = answer_question(question, retriever, settings)
    return json.dumps({"answer": answer.answer, "abstained": answer.abstained, "citations": to_dict(answer.citations)},
                      ensure_ascii=False, sort_keys=True)


def test_concurrent_asks_on_one_retriever_equal_sequential_even_across_a_rebuild(index):
    settings, embedder = index
    questions = _questions()
    sequential = {q: _answer_key(q, Retriever(settings, embedder), settings) for q in questions}
    shared = Retriever(settings, embedder)  # one retriever for all threads, as the app holds one
    work = questions * 4
    rebuilt = threading.Event()

    def rebuild() -> None:
        time.sleep(0.2)  # let the asks get going, then publish a new generation under them
        ingest(settings, rebuild=True, embedder=embedder)
        rebuilt.set()

    with ThreadPoolExecutor(max_workers=8) as pool:
        builder = threading.Thread(target=rebuild)
        builder.start()
        results = list(pool.map(lambda q: (q, _answer_key(q, shared, settings)), work))
        builder.join(timeout=120)
        assert rebuilt.is_set()
        results += list(pool.map(lambda q: (q, _answer_key(q, shared, settings)), questions))
    assert all(key == sequential[q] for q, key in results)
    assert shared.generation.name == Layout(settings).current()


def test_concurrent_checks_equal_sequential(index):
    from rag.check import check_draft, lazy_embed
    from rag.draft_parse import parse_draft_file
    from rag.profiles import load_profiles

    settings, _ = index
    drafts_dir = ROOT / "evaluators" / "data" / "drafts"
    drafts = [parse_draft_file(drafts_dir / name, settings)
              for name in ("sh_clean.docx", "sh_missing_task.md", "ah_missing_plan.txt", "sh_renumbered_injection.md")]
    as_of = dt.date(2025, 10, 20)
    profiles = load_profiles(settings, ["shanghai", "anhui"], as_of)
    generation = open_current(settings)
    sources = {doc_id: generation.source(doc_id) for p in profiles for doc_id in p.documents}
    shared_embed = lazy_embed(settings)  # one embedding cache hit from all threads at once

    def run(draft, embed) -> str:  # type: ignore[no-untyped-def]
        results = check_draft(draft, profiles, sources, as_of, embed, None, settings)
        return json.dumps([r.to_dict() for r in results], ensure_ascii=False, sort_keys=True)

    sequential = [run(d, lazy_embed(settings)) for d in drafts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        concurrent = list(pool.map(lambda i: run(drafts[i % len(drafts)], shared_embed), range(len(drafts) * 4)))
    assert all(result == sequential[i % len(drafts)] for i, result in enumerate(concurrent))

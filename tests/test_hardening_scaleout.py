"""Scale-out: the same ingest/ask/check suite passes on the embedded store and on a Chroma server on loopback."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from rag.answer import answer_question
from rag.embed import FakeEmbedder
from rag.index import Layout, VectorStore, open_current
from rag.ingest import ingest
from rag.records import to_dict
from rag.retrieve import Retriever
from rag.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
CHROMA = Path(sys.executable).parent / "chroma"
QUESTIONS = ["上海的试点最多可以几家单位联合申报？", "国家试点每个省最多能推荐几个项目？", "浙江的申报截止时间是什么时候？",
             "安徽试点的建设周期是多久？"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def chroma_port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """A `chroma run` on 127.0.0.1 for this module, stopped at its end."""
    command = str(CHROMA) if CHROMA.exists() else shutil.which("chroma")
    if not command:
        pytest.skip("chroma CLI not installed")
    port = _free_port()
    process = subprocess.Popen([command, "run", "--path", str(tmp_path_factory.mktemp("chroma-server")),
                                "--host", "127.0.0.1", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={"ANONYMIZED_TELEMETRY": "False", "PATH": "/usr/bin:/bin"})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("chroma server did not start")
    yield port
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(params=["embedded", "server"])
def store_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Settings for a fresh data dir on one of the two stores."""
    server = {"chroma_host": "127.0.0.1", "chroma_port": request.getfixturevalue("chroma_port")} \
        if request.param == "server" else {}
    return Settings.from_env(environ={}, data_dir=tmp_path / "data", embedding="fake", **server)


def _collections(settings: Settings) -> set[str]:
    store = VectorStore(settings, "probe", settings.data_dir, FakeEmbedder())
    names = {c if isinstance(c, str) else c.name for c in store.client.list_collections()}
    store.drop()
    return {n for n in names if n != store.collection_name}


def test_ingest_rebuild_and_ask(store_settings: Settings):
    settings, embedder = store_settings, FakeEmbedder()
    first = ingest(settings, embedder=embedder)
    assert first.documents == 4 and first.chunks > 100
    answer = answer_question(QUESTIONS[0], Retriever(settings, embedder), settings)
    assert any("联合申报单位最多不超过5家" in c.quote for c in answer.citations)
    names = [ingest(settings, rebuild=True, embedder=embedder).generation for _ in range(2)]
    assert Layout(settings).current() == names[-1]
    if settings.chroma_host:  # stale generations' collections are dropped from the server, not piled up
        mine = {"chunks_" + n.replace("-", "_") for n in [first.generation, *names]}
        assert _collections(settings) & mine == {"chunks_" + n.replace("-", "_") for n in names}
    assert Retriever(settings, embedder).search("联合申报", k=1)


def test_concurrent_asks_equal_sequential(store_settings: Settings):
    settings, embedder = store_settings, FakeEmbedder()
    ingest(settings, embedder=embedder)
    retriever = Retriever(settings, embedder)

    def key(question: str) -> str:
        answer = answer_question(question, retriever, settings)
        return json.dumps([answer.answer, to_dict(answer.citations)], ensure_ascii=False)

    sequential = {q: key(q) for q in QUESTIONS}
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert all(k == sequential[q] for q, k in zip(QUESTIONS * 4, pool.map(key, QUESTIONS * 4), strict=True))


def test_check_a_draft(store_settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    from rag.cli import main

    settings = store_settings
    ingest(settings, embedder=FakeEmbedder())
    monkeypatch.setenv("RAG_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("RAG_EMBEDDING", "fake")
    if settings.chroma_host:
        monkeypatch.setenv("RAG_CHROMA_HOST", settings.chroma_host)
        monkeypatch.setenv("RAG_CHROMA_PORT", str(settings.chroma_port))
    capsys.readouterr()
    draft = ROOT / "evaluators" / "data" / "drafts" / "sh_missing_task.md"
    assert main(["check", str(draft), "--jurisdiction", "shanghai", "--json", "--as-of", "2025-10-20"]) == 0
    payload = json.loads(capsys.readouterr().out)
    findings = payload["results"][0]["findings"]
    assert any(f["item"] == "必建任务：构建数据资源高效流通机制" and f["status"] == "missing" for f in findings)
    assert payload["as_of"] == dt.date(2025, 10, 20).isoformat()


def test_a_server_that_is_down_gives_a_clear_error_and_keeps_the_index(chroma_port: int, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch,
                                                                       capsys: pytest.CaptureFixture[str]):
    from rag.cli import main

    settings = Settings.from_env(environ={}, data_dir=tmp_path / "data", embedding="fake",
                                 chroma_host="127.0.0.1", chroma_port=chroma_port)
    built = ingest(settings, embedder=FakeEmbedder())
    dead = _free_port()  # nothing listens there: the server is "down"
    monkeypatch.setenv("RAG_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("RAG_EMBEDDING", "fake")
    monkeypatch.setenv("RAG_CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("RAG_CHROMA_PORT", str(dead))
    for argv in (["ask", QUESTIONS[0]], ["ingest", "--rebuild"]):
        capsys.readouterr()
        assert main(argv) == 2
        err = capsys.readouterr().err.strip().splitlines()[-1]
        assert f"127.0.0.1:{dead}" in err and "chroma run" in err
    assert Layout(settings).current() == built.generation and open_current(settings).documents()
    assert [p.name for p in Layout(settings).generations.iterdir()] == [built.generation]

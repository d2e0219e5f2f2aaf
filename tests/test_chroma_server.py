"""The same ingest + ask against a real Chroma server on loopback."""

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rag.answer import answer_question
from rag.ingest import ingest
from rag.retrieve import Retriever
from rag.settings import Settings

CHROMA = Path(sys.executable).parent / "chroma"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture()
def chroma_server(tmp_path: Path):
    if not CHROMA.exists() and not shutil.which("chroma"):
        pytest.skip("chroma CLI not installed")
    port = _free_port()
    process = subprocess.Popen(
        [str(CHROMA if CHROMA.exists() else "chroma"), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1",
         "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={"ANONYMIZED_TELEMETRY": "False", "PATH": "/usr/bin:/bin"})
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail("chroma server did not start")
    yield port
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def test_ingest_and_ask_against_server(chroma_server: int, tmp_path: Path):
    settings = Settings.from_env(environ={}, data_dir=tmp_path / "data", embedding="fake",
                                 chroma_host="127.0.0.1", chroma_port=chroma_server)
    report = ingest(settings)
    assert report.chunks > 100
    retriever = Retriever(settings)
    answer = answer_question("上海的试点最多可以几家单位联合申报？", retriever, settings)
    assert any("联合申报单位最多不超过5家" in c.quote for c in answer.citations)
    again = ingest(settings, rebuild=True)  # a second generation replaces the first collection
    assert again.generation != report.generation
    assert Retriever(settings).search("联合申报", k=1)

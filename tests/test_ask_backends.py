"""`ask` through the real langchain-openai client against a stub server, and its fallbacks."""

import json

import pytest

from rag.cli import main
from rag.testing.stub_openai import Fault, StubOpenAI

pytestmark = pytest.mark.slow
QUESTION = "上海的试点最多可以几家单位联合申报？"


def _env(monkeypatch, settings, stub):
    monkeypatch.setenv("RAG_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("RAG_LLM", "openai")
    monkeypatch.setenv("RAG_LLM_BASE_URL", stub.base_url)
    monkeypatch.setenv("RAG_LLM_MODEL", "stub-model")
    monkeypatch.setenv("RAG_LLM_TIMEOUT", "2")
    monkeypatch.setenv("RAG_LLM_RETRIES", "0")


def _clause_with(body: dict, needle: str) -> int:
    prompt = "\n".join(m["content"] for m in body["messages"] if isinstance(m.get("content"), str))
    for line in prompt.splitlines():
        if line.startswith("[") and needle in prompt[prompt.index(line):prompt.index(line) + 400]:
            return int(line[1:line.index("]")])
    return 1


def test_generated_answer_cites_verbatim_clauses(corpus_index, monkeypatch, capsys):
    settings, _ = corpus_index

    def reply(body: dict) -> str:
        number = _clause_with(body, "最多不超过5家")
        return f"上海的试点联合申报单位最多不超过5家[{number}]。"

    with StubOpenAI(script=reply) as stub:
        _env(monkeypatch, settings, stub)
        assert main(["ask", QUESTION, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["mode"].startswith("openai")
    assert "5家" in data["answer"]
    assert any("联合申报单位最多不超过5家" in c["quote"] for c in data["citations"])


@pytest.mark.parametrize("fault", [Fault.HTTP_500, Fault.TIMEOUT, Fault.MALFORMED_JSON, Fault.EMPTY])
def test_backend_failure_falls_back_offline_with_notice(corpus_index, monkeypatch, capsys, fault):
    settings, _ = corpus_index
    with StubOpenAI(fault=fault, sleep_seconds=4) as stub:
        _env(monkeypatch, settings, stub)
        assert main(["ask", QUESTION, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["mode"] == "offline-fallback"
    assert data["notice"]
    assert any("联合申报单位最多不超过5家" in c["quote"] for c in data["citations"])


def test_hallucinated_numbers_are_removed(corpus_index, monkeypatch, capsys):
    settings, _ = corpus_index
    with StubOpenAI(fault=Fault.HALLUCINATE) as stub:
        _env(monkeypatch, settings, stub)
        assert main(["ask", QUESTION, "--json"]) == 0
        invented = list(stub.invented)
    data = json.loads(capsys.readouterr().out)
    for sentence in invented:
        assert sentence not in data["answer"]


def test_offline_mode_is_stated(corpus_index, monkeypatch, capsys):
    settings, _ = corpus_index
    monkeypatch.setenv("RAG_DATA_DIR", str(settings.data_dir))
    assert main(["ask", QUESTION]) == 0
    assert "offline" in capsys.readouterr().out
    assert main(["backend", "--test", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["backend"] == "offline"

"""The openai backend, driven with the real langchain-openai client against the local stub."""

from __future__ import annotations

import socket

import pytest

from rag.errors import BackendError
from rag.llm import make_backend
from rag.settings import Settings
from rag.testing.stub_openai import Fault, StubOpenAI


def settings_for(stub: StubOpenAI | None, timeout: float = 2.0, retries: int = 0, base_url: str = "") -> Settings:
    return Settings.from_env(
        environ={},
        llm="openai",
        llm_base_url=base_url or (stub.base_url if stub else ""),
        llm_model="deepseek-chat",
        llm_timeout=timeout,
        llm_retries=retries,
    )


def test_invoke_returns_reply_and_sends_messages():
    with StubOpenAI(script=["申报截止时间为2025年3月31日[1]。"]) as stub:
        backend = make_backend(settings_for(stub))
        assert backend is not None and backend.name == "openai:deepseek-chat"
        reply = backend.invoke([("system", "只依据条款作答"), ("user", "截止时间？")])
    assert reply == "申报截止时间为2025年3月31日[1]。"
    (body,) = stub.chat_requests()
    assert body["model"] == "deepseek-chat"
    assert [m["role"] for m in body["messages"]] == ["system", "user"]
    assert body["messages"][1]["content"] == "截止时间？"
    assert stub.requests[0]["headers"].get("authorization") == "Bearer none"


def test_stream_yields_pieces_in_order():
    text = "联合申报单位最多不超过5家[1]。每个推荐单位限报8个项目[2]。"
    with StubOpenAI(script=[text]) as stub:
        backend = make_backend(settings_for(stub))
        pieces = list(backend.stream([("user", "名额？")]))
    assert len(pieces) > 3
    assert "".join(pieces) == text
    assert stub.chat_requests()[0]["stream"] is True


def test_check_reports_success():
    with StubOpenAI(script=["OK"]) as stub:
        line = make_backend(settings_for(stub)).check()
    assert "deepseek-chat" in line and "reachable" in line


@pytest.mark.parametrize(
    ("fault", "cause"),
    [
        (Fault.HTTP_500, "HTTP 500"),
        (Fault.HTTP_429, "429"),
        (Fault.MALFORMED_JSON, "malformed response"),
        (Fault.EMPTY, "empty output"),
    ],
)
@pytest.mark.parametrize("call", ["invoke", "stream"])
def test_faults_become_backend_errors_naming_the_cause(fault, cause, call):
    with StubOpenAI(fault=fault) as stub:
        backend = make_backend(settings_for(stub))
        with pytest.raises(BackendError) as info:
            if call == "invoke":
                backend.invoke([("user", "问题")])
            else:
                list(backend.stream([("user", "问题")]))
    assert cause in str(info.value)


def test_timeout_names_the_limit():
    with StubOpenAI(fault=Fault.TIMEOUT, sleep_seconds=3) as stub:
        backend = make_backend(settings_for(stub, timeout=0.3))
        with pytest.raises(BackendError) as info:
            backend.invoke([("user", "问题")])
    assert "模型服务超时" in str(info.value)
    assert "timed out after 0.3s" in str(info.value)


def test_rate_limit_is_retried_then_succeeds():
    with StubOpenAI(script=[Fault.HTTP_429, "好的。"]) as stub:
        backend = make_backend(settings_for(stub, retries=1))
        assert backend.invoke([("user", "问题")]) == "好的。"
    assert len(stub.chat_requests()) == 2


def test_connection_refused_names_the_endpoint():
    with socket.socket() as sock:  # a port that nothing listens on once the socket closes
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/v1"
    backend = make_backend(settings_for(None, base_url=url))
    with pytest.raises(BackendError) as info:
        backend.check()
    assert "无法连接模型服务" in str(info.value) and url in str(info.value)


def test_models_endpoint_lists_the_stub_model():
    import json
    import urllib.request

    with (
        StubOpenAI(model="qwen-plus") as stub,
        urllib.request.urlopen(stub.base_url + "/models", timeout=2) as response,
    ):
        listing = json.loads(response.read())
    assert listing["data"][0]["id"] == "qwen-plus"


def test_exhausted_script_fails_loudly():
    with StubOpenAI(script=[]) as stub, pytest.raises(BackendError, match="HTTP 500"):
        make_backend(settings_for(stub)).invoke([("user", "问题")])

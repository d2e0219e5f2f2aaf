"""Backend selection, description, error translation and the llama.cpp adapter."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from rag.errors import BackendError, ConfigError
from rag.llm import ChatBackend, describe_backend, make_backend
from rag.settings import Settings
from rag.testing import scripted_backend


def test_offline_is_the_default_and_has_no_backend():
    settings = Settings.from_env(environ={})
    assert settings.llm == "offline"
    assert make_backend(settings) is None
    assert describe_backend(settings) == {
        "backend": "offline",
        "model": "",
        "base_url": "",
        "mode": "extractive",
        "name": "offline",
    }


def test_openai_backend_needs_endpoint_and_model():
    with pytest.raises(ConfigError, match="RAG_LLM_BASE_URL"):
        make_backend(Settings.from_env(environ={"RAG_LLM": "openai", "RAG_LLM_MODEL": "m"}))
    with pytest.raises(ConfigError, match="RAG_LLM_MODEL"):
        make_backend(Settings.from_env(environ={"RAG_LLM": "openai", "RAG_LLM_BASE_URL": "http://127.0.0.1:9/v1"}))


def test_openai_backend_is_configured_from_settings():
    settings = Settings.from_env(
        environ={
            "RAG_LLM": "openai",
            "RAG_LLM_BASE_URL": "http://127.0.0.1:9/v1",
            "RAG_LLM_MODEL": "qwen-plus",
            "RAG_LLM_API_KEY": "sk-secret",
            "RAG_LLM_TIMEOUT": "12",
            "RAG_LLM_RETRIES": "3",
        }
    )
    backend = make_backend(settings)
    assert backend.name == "openai:qwen-plus"
    assert backend.model.model_name == "qwen-plus"
    assert backend.model.openai_api_base == "http://127.0.0.1:9/v1"
    assert backend.model.request_timeout == 12.0 and backend.model.max_retries == 3
    described = describe_backend(settings)
    assert described["mode"] == "generative" and described["api_key_set"] is True
    assert "sk-secret" not in repr(described)


def test_llamacpp_needs_an_existing_gguf(tmp_path):
    with pytest.raises(ConfigError, match="RAG_LLM_GGUF"):
        make_backend(Settings.from_env(environ={"RAG_LLM": "llamacpp"}))
    with pytest.raises(ConfigError, match="not found"):
        make_backend(Settings.from_env(environ={"RAG_LLM": "llamacpp", "RAG_LLM_GGUF": str(tmp_path / "none.gguf")}))


def test_llamacpp_missing_package_says_what_to_install(tmp_path, monkeypatch):
    gguf = tmp_path / "tiny.gguf"
    gguf.write_bytes(b"GGUF")
    monkeypatch.setitem(sys.modules, "llama_cpp", None)  # import llama_cpp now raises ImportError
    with pytest.raises(ConfigError, match=r"pip install -r requirements-llamacpp\.txt"):
        make_backend(Settings.from_env(environ={"RAG_LLM": "llamacpp", "RAG_LLM_GGUF": str(gguf)}))
    assert (
        describe_backend(Settings.from_env(environ={"RAG_LLM": "llamacpp", "RAG_LLM_GGUF": str(gguf)}))["model"]
        == "tiny.gguf"
    )


class FakeLlama:
    """Stands in for llama_cpp.Llama: the same create_chat_completion shape."""

    def __init__(self, reply: str):
        self.reply = reply
        self.calls: list[dict] = []

    def create_chat_completion(self, messages, stream=False, **kwargs):
        self.calls.append({"messages": messages, "stream": stream, **kwargs})
        if stream:
            return iter(
                [{"choices": [{"delta": {"role": "assistant"}}]}]
                + [{"choices": [{"delta": {"content": self.reply[i : i + 3]}}]} for i in range(0, len(self.reply), 3)]
            )
        return {"choices": [{"message": {"role": "assistant", "content": self.reply}}]}


def test_llamacpp_adapter_invokes_and_streams():
    from rag.llamacpp_chat import LlamaCppChat

    fake = FakeLlama("可以申报[1]。")
    backend = ChatBackend("llamacpp:fake.gguf", LlamaCppChat(client=fake))
    assert backend.invoke([("system", "规则"), ("user", "能申报吗？")]) == "可以申报[1]。"
    assert fake.calls[0]["messages"] == [
        {"role": "system", "content": "规则"},
        {"role": "user", "content": "能申报吗？"},
    ]
    assert "".join(backend.stream([("user", "能申报吗？")])) == "可以申报[1]。"
    assert fake.calls[1]["stream"] is True


def test_llamacpp_adapter_empty_output_is_a_backend_error():
    from rag.llamacpp_chat import LlamaCppChat

    with pytest.raises(BackendError, match="empty output"):
        ChatBackend("llamacpp:fake.gguf", LlamaCppChat(client=FakeLlama(""))).invoke([("user", "问")])


def _real_gguf() -> str:
    try:
        import llama_cpp  # noqa: F401
    except ImportError:
        return ""
    try:
        path = Settings.from_env().llm_gguf
    except ConfigError:
        return ""
    return path if path and Path(path).is_file() else ""


@pytest.mark.skipif(
    not _real_gguf(), reason="needs llama-cpp-python installed and RAG_LLM_GGUF pointing at a .gguf file"
)
@pytest.mark.timeout(300)
def test_real_llamacpp_model_answers():
    backend = make_backend(Settings.from_env(environ={"RAG_LLM": "llamacpp", "RAG_LLM_GGUF": _real_gguf()}))
    assert backend.name.startswith("llamacpp:")
    assert backend.invoke([("user", "用一个字回答：好")]).strip()


def test_scripted_backend_records_history_and_raises_when_exhausted():
    backend = scripted_backend("第一条回复")
    assert backend.invoke([("user", "问")]) == "第一条回复"
    with pytest.raises(BackendError, match="no scripted reply left"):
        backend.invoke([("user", "再问")])
    assert len(backend.model.history) == 2
    assert backend.model.history[0][0].content == "问"


def test_scripted_exception_is_translated():
    backend = scripted_backend(TimeoutError("slow"))
    backend.timeout = 5
    with pytest.raises(BackendError, match="timed out after 5s"):
        backend.invoke([("user", "问")])

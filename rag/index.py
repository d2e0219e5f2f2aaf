"""The index on disk: generations of (Chroma vectors + chunk store + sources + profiles).

A build always writes a new generation beside the current one and then swaps a
one-line pointer file (`CURRENT`) with an atomic rename, so a failed or killed build
never leaves a half-written index: readers keep using the previous generation.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from .embed import ChromaEmbeddingFunction, Embedder
from .errors import ConfigError, IndexMissingError
from .records import Chunk, DocumentMeta, Page, SourceText
from .settings import Settings

KEEP_GENERATIONS = 2  # the current generation and the one published before it


def _chroma_settings():  # type: ignore[no-untyped-def]
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False, allow_reset=True)


class Layout:
    """Paths under the data dir."""

    def __init__(self, settings: Settings) -> None:
        self.root = Path(settings.data_dir)
        self.generations = self.root / "generations"
        self.pointer = self.root / "CURRENT"
        self.lock = self.root / "ingest.lock"
        self.embedding_cache = self.root / "embeddings.sqlite"

    def current(self) -> str | None:
        """Name of the published generation, if any."""
        try:
            data = json.loads(self.pointer.read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            return None
        name = data.get("generation")
        return name if name and (self.generations / name / "READY").exists() else None

    def new_generation(self) -> tuple[str, Path]:
        """A fresh, empty generation directory (not yet visible to readers)."""
        name = time.strftime("g%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
        path = self.generations / name
        path.mkdir(parents=True)
        return name, path

    def publish(self, name: str) -> None:
        """Make generation `name` current with an atomic rename."""
        previous = self.current()
        (self.generations / name / "READY").write_text(name, encoding="utf-8")
        tmp = self.pointer.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump({"generation": name, "previous": previous, "published": time.time()}, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.pointer)

    def stale_generations(self) -> list[Path]:
        """Every generation but the current one and the one published before it (readers may still hold it)."""
        if not self.generations.exists():
            return []
        # kept by what the pointer says was published, not by READY: a build killed between
        # READY and the pointer swap was never live and must not push out the one readers use
        try:
            previous = json.loads(self.pointer.read_text(encoding="utf-8")).get("previous")
        except (FileNotFoundError, json.JSONDecodeError, AttributeError):
            previous = None
        keep = {self.current(), previous}
        return [p for p in self.generations.iterdir() if p.is_dir() and p.name not in keep]


class VectorStore:
    """One generation's vectors in Chroma: embedded PersistentClient or a Chroma server."""

    def __init__(self, settings: Settings, generation: str, path: Path, embedder: Embedder) -> None:
        import chromadb

        self.collection_name = "chunks_" + generation.replace("-", "_")
        self.server = f"{settings.chroma_host}:{settings.chroma_port}" if settings.chroma_host else ""
        with self._server_errors():
            if settings.chroma_host:
                self.client = chromadb.HttpClient(
                    host=settings.chroma_host, port=settings.chroma_port, settings=_chroma_settings()
                )
            else:
                self.client = chromadb.PersistentClient(path=str(path / "chroma"), settings=_chroma_settings())
            self.collection = self.client.get_or_create_collection(
                self.collection_name,
                embedding_function=ChromaEmbeddingFunction(embedder),  # type: ignore[arg-type]
                configuration={"hnsw": {"space": "cosine"}},
            )

    @contextlib.contextmanager
    def _server_errors(self) -> Iterator[None]:
        """A Chroma server that is down or refuses becomes a ConfigError saying what to do."""
        try:
            yield
        except Exception as exc:
            if not self.server:
                raise
            raise ConfigError(
                f"无法连接 Chroma 服务器 / cannot reach the Chroma server at {self.server} ({type(exc).__name__})"
                " — 请启动 `chroma run` 或取消设置 RAG_CHROMA_HOST / start it or unset RAG_CHROMA_HOST"
            ) from exc

    def add(self, chunks: list[Chunk], vectors: np.ndarray, batch: int = 2000) -> None:
        """Store chunk vectors with the metadata used for filtering."""
        for start in range(0, len(chunks), batch):
            part = chunks[start : start + batch]
            with self._server_errors():
                self.collection.add(
                    ids=[c.chunk_id for c in part],
                    embeddings=[v for v in vectors[start : start + batch]],
                    metadatas=[{"doc_id": c.doc_id, "jurisdiction": c.jurisdiction, "kind": c.kind} for c in part],
                )

    def query(self, vector: np.ndarray, n: int, where: dict[str, Any] | None) -> list[tuple[str, float]]:
        """(chunk_id, cosine similarity) of the n nearest chunks."""
        with self._server_errors():
            count = self.collection.count()
            if count == 0:
                return []
            result = self.collection.query(
                query_embeddings=[vector], n_results=min(n, count), where=where, include=["distances"]
            )
        ids = result["ids"][0]
        found = result.get("distances")
        distances = found[0] if found else [1.0] * len(ids)
        return [(i, 1.0 - float(d)) for i, d in zip(ids, distances, strict=True)]

    def drop(self) -> None:
        """Delete this generation's collection (server mode keeps collections otherwise)."""
        with contextlib.suppress(Exception):  # already gone
            self.client.delete_collection(self.collection_name)


def write_generation(path: Path, metas: list[DocumentMeta], sources: dict[str, SourceText],
                     hashes: dict[str, str], chunks: list[Chunk], tokens: list[list[str]],
                     profiles: dict[str, Any], stats: dict[str, Any]) -> None:
    """Write the non-vector parts of a generation (chunk store, sources, profiles, stats)."""
    (path / "sources").mkdir(exist_ok=True)
    with open(path / "documents.json", "w", encoding="utf-8") as handle:
        json.dump([{**asdict(m), "content_hash": hashes[m.doc_id]} for m in metas], handle, ensure_ascii=False)
    for meta in metas:
        source = sources[meta.doc_id]
        with open(path / "sources" / f"{_safe(meta.doc_id)}.json", "w", encoding="utf-8") as handle:
            json.dump({"text": source.text, "pages": [asdict(p) for p in source.pages],
                       "heading_hints": list(source.heading_hints)}, handle, ensure_ascii=False)
    with open(path / "chunks.jsonl", "w", encoding="utf-8") as handle:
        for chunk, toks in zip(chunks, tokens, strict=True):
            handle.write(json.dumps({**asdict(chunk), "tokens": toks}, ensure_ascii=False) + "\n")
    with open(path / "profiles.json", "w", encoding="utf-8") as handle:
        json.dump(profiles, handle, ensure_ascii=False)
    with open(path / "build.json", "w", encoding="utf-8") as handle:
        json.dump(stats, handle, ensure_ascii=False)
    for name in ("documents.json", "chunks.jsonl", "profiles.json", "build.json"):
        with open(path / name, "rb") as handle:
            os.fsync(handle.fileno())


def _safe(doc_id: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in doc_id)


class StoredGeneration:
    """Read access to a published generation's files (without vectors)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = path.name

    def documents(self) -> list[tuple[DocumentMeta, str]]:
        """(metadata, content hash) of every document."""
        rows = json.loads((self.path / "documents.json").read_text(encoding="utf-8"))
        out = []
        for row in rows:
            content_hash = row.pop("content_hash")
            out.append((DocumentMeta(**row), content_hash))
        return out

    def source(self, doc_id: str) -> SourceText:
        """Verbatim text of one document."""
        data = json.loads((self.path / "sources" / f"{_safe(doc_id)}.json").read_text(encoding="utf-8"))
        return SourceText(
            text=data["text"],
            pages=tuple(Page(**p) for p in data["pages"]),
            heading_hints=tuple(tuple(h) for h in data.get("heading_hints", [])),  # type: ignore[misc]
        )

    def chunks(self) -> tuple[list[Chunk], list[list[str]]]:
        """All chunks with their lexical tokens."""
        chunks: list[Chunk] = []
        tokens: list[list[str]] = []
        with open(self.path / "chunks.jsonl", encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                tokens.append(row.pop("tokens"))
                chunks.append(Chunk(**row))
        return chunks, tokens

    def profiles(self) -> dict[str, Any]:
        """Cached requirement profiles (JSON dicts by jurisdiction)."""
        path = self.path / "profiles.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}

    def stats(self) -> dict[str, Any]:
        """Build statistics (documents, chunks, built_at, seconds)."""
        path = self.path / "build.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def open_current(settings: Settings) -> StoredGeneration:
    """The published generation, or IndexMissingError saying how to build one."""
    layout = Layout(settings)
    name = layout.current()
    if name is None:
        raise IndexMissingError(
            "索引尚未建立 / no index yet — 请先运行 `python -m rag ingest` / run `python -m rag ingest` first"
        )
    return StoredGeneration(layout.generations / name)


def remove_generation(settings: Settings, path: Path, embedder: Embedder | None = None) -> None:
    """Delete a stale generation directory (and its server collection, if any)."""
    if settings.chroma_host and embedder is not None:
        with contextlib.suppress(Exception):  # the server may be gone; the files still go
            VectorStore(settings, path.name, path, embedder).drop()
    shutil.rmtree(path, ignore_errors=True)

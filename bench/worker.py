"""Measurements that need a process of their own (peak RSS is per process).

`python -m bench.worker TASK '{"json": "args"}'` prints one JSON line as its last line.
Every task pre-imports the vector-store libraries both sides use, so neither side is
charged for importing Chroma; everything else (jieba, splitting, embedding, writing) counts.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from . import netguard
from .measure import current_rss_mb, peak_rss_mb, quiet_warnings


def _settings(args: dict[str, Any]):  # type: ignore[no-untyped-def]
    from rag.settings import Settings

    return Settings.from_env(environ={}, data_dir=Path(args["data_dir"]), embedding=args["embedding"])


class RecordingEmbedder:
    """Passes through to an embedder and keeps the passage vectors it produced."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.name, self.dim = inner, inner.name, inner.dim
        self.memo: dict[str, np.ndarray] = {}

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self.inner.embed_queries(texts)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        vectors = self.inner.embed_passages(texts)
        for text, vector in zip(texts, vectors, strict=True):
            self.memo[text] = vector
        return vectors


def task_ingest(args: dict[str, Any]) -> dict[str, Any]:
    """Cold ingest into a fresh data dir, then re-ingest of the unchanged corpus (second call)."""
    import chromadb  # noqa: F401  (library import is not what is measured)

    from rag.embed import make_embedder
    from rag.ingest import ingest

    settings = _settings(args)
    embedder = make_embedder(settings)
    rss_before = current_rss_mb()
    started = time.perf_counter()
    cold = ingest(settings, embedder=embedder)
    cold_seconds = time.perf_counter() - started
    peak_cold = peak_rss_mb()
    started = time.perf_counter()
    again = ingest(settings, embedder=embedder)
    reingest_seconds = time.perf_counter() - started
    return {"cold_seconds": cold_seconds, "cold_reported": cold.seconds, "chunks": cold.chunks,
            "documents": cold.documents, "reingest_seconds": reingest_seconds, "reingest_added": again.added,
            "reingest_same_generation": again.generation == cold.generation,
            "rss_before_mb": rss_before, "peak_rss_mb": peak_cold}


def task_baseline_build(args: dict[str, Any]) -> dict[str, Any]:
    """Baseline build (RecursiveCharacterTextSplitter + Chroma) with the same embedder, fresh."""
    import chromadb  # noqa: F401
    import langchain_chroma  # noqa: F401
    import langchain_text_splitters  # noqa: F401

    from evaluators.baseline import BaselineRetriever
    from rag.embed import make_embedder

    settings = _settings(args)
    embedder = RecordingEmbedder(make_embedder(settings))
    rss_before = current_rss_mb()
    started = time.perf_counter()
    baseline = BaselineRetriever(settings, embedder)  # type: ignore[arg-type]
    seconds = time.perf_counter() - started
    peak = peak_rss_mb()
    shutil.rmtree(baseline._dir, ignore_errors=True)
    texts = list(embedder.memo)
    np.savez(args["vectors_out"], texts=np.array(texts, dtype=object),
             vectors=np.vstack([embedder.memo[t] for t in texts]) if texts else np.zeros((0, embedder.dim)))
    return {"seconds": seconds, "chunks": baseline.size, "rss_before_mb": rss_before, "peak_rss_mb": peak}


def task_retriever_memory(args: dict[str, Any]) -> dict[str, Any]:
    """Peak RSS of a loaded hybrid Retriever after answering some queries."""
    import chromadb  # noqa: F401

    from rag.embed import make_embedder
    from rag.retrieve import Retriever

    settings = _settings(args)
    embedder = make_embedder(settings)
    rss_before = current_rss_mb()
    retriever = Retriever(settings, embedder)
    started = time.perf_counter()
    chunks = retriever.chunk_count()
    load_seconds = time.perf_counter() - started
    for question in args["questions"]:
        retriever.search(question, k=5)
    return {"chunks": chunks, "load_seconds": load_seconds, "rss_before_mb": rss_before,
            "rss_after_mb": current_rss_mb(), "peak_rss_mb": peak_rss_mb()}


def task_baseline_memory(args: dict[str, Any]) -> dict[str, Any]:
    """Peak RSS of the baseline's LangChain Chroma store opened from disk after the same queries."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from langchain_chroma import Chroma

    from evaluators.baseline import _LangChainEmbeddings
    from rag.embed import make_embedder

    settings = _settings(args)
    embedder = make_embedder(settings)
    rss_before = current_rss_mb()
    started = time.perf_counter()
    client = chromadb.PersistentClient(path=args["chroma_dir"], settings=ChromaSettings(anonymized_telemetry=False))
    store = Chroma(client=client, collection_name="baseline", embedding_function=_LangChainEmbeddings(embedder),
                   collection_metadata={"hnsw:space": "cosine"})
    chunks = store._collection.count()
    load_seconds = time.perf_counter() - started
    for question in args["questions"]:
        store.similarity_search_with_score(question, k=5)
    return {"chunks": chunks, "load_seconds": load_seconds, "rss_before_mb": rss_before,
            "rss_after_mb": current_rss_mb(), "peak_rss_mb": peak_rss_mb()}


TASKS = {"ingest": task_ingest, "baseline_build": task_baseline_build,
         "retriever_memory": task_retriever_memory, "baseline_memory": task_baseline_memory}


def main(argv: list[str]) -> int:
    netguard.install()
    quiet_warnings()
    task, args = argv[0], json.loads(argv[1])
    result = TASKS[task](args)
    result["network_blocked"] = list(netguard.BLOCKED)
    print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

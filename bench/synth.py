"""Synthetic scale-up: a generation of N chunks built from the corpus's chunks and vectors.

Nothing is re-embedded. The published corpus generation supplies chunks, lexical tokens and
vectors (read back from its Chroma collection); copy 0 is the corpus itself, copies 1.. are
new documents in jurisdictions `synth1..synthN` with new ids, a suffix token and a few dropped
tokens (so BM25 statistics change), and perturbed, re-normalised vectors. The result is
written with the index's own VectorStore / write_generation / Layout.publish, so the real
Retriever loads it like any other generation.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from rag.embed import Embedder
from rag.index import Layout, VectorStore, open_current, write_generation
from rag.records import Chunk, DocumentMeta, SourceText
from rag.settings import Settings


@dataclass
class Corpus:
    """The corpus generation's chunks, tokens and vectors (row i of vectors = chunk i)."""

    chunks: list[Chunk]
    tokens: list[list[str]]
    vectors: np.ndarray
    documents: list[tuple[DocumentMeta, str]]
    sources: dict[str, SourceText]
    profiles: dict[str, Any]


@dataclass
class Synthetic:
    """What was written: the generation name, its chunks and vectors (for a baseline)."""

    generation: str
    chunks: list[Chunk]
    vectors: np.ndarray
    documents: int


def read_corpus(settings: Settings, embedder: Embedder) -> Corpus:
    """Chunks, tokens and stored vectors of the published generation under settings.data_dir."""
    generation = open_current(settings)
    chunks, tokens = generation.chunks()
    store = VectorStore(settings, generation.name, generation.path, embedder)
    ids = [c.chunk_id for c in chunks]
    got = store.collection.get(ids=ids, include=["embeddings"])
    by_id = {cid: np.asarray(vec, dtype=np.float32) for cid, vec in zip(got["ids"], got["embeddings"], strict=True)}
    missing = [cid for cid in ids if cid not in by_id]
    if missing:
        raise RuntimeError(f"{len(missing)} chunks have no vector in generation {generation.name}")
    documents = generation.documents()
    return Corpus(chunks=chunks, tokens=tokens, vectors=np.vstack([by_id[cid] for cid in ids]),
                  documents=documents, sources={m.doc_id: generation.source(m.doc_id) for m, _ in documents},
                  profiles=generation.profiles())


def scale_up(corpus: Corpus, n_chunks: int, seed: int = 0, noise: float = 0.3,
             drop: float = 0.1) -> tuple[list[Chunk], list[list[str]], np.ndarray, list[DocumentMeta],
                                         dict[str, SourceText], dict[str, str]]:
    """Replicate the corpus to n_chunks (copy 0 = the corpus unchanged)."""
    rng = np.random.default_rng(seed)
    base = len(corpus.chunks)
    if base == 0:
        raise RuntimeError("the corpus generation has no chunks")
    dim = corpus.vectors.shape[1]
    metas_by_id = {m.doc_id: (m, h) for m, h in corpus.documents}
    chunks: list[Chunk] = []
    tokens: list[list[str]] = []
    blocks: list[np.ndarray] = []
    metas: dict[str, DocumentMeta] = {}
    hashes: dict[str, str] = {}
    sources: dict[str, SourceText] = {}
    copies = math.ceil(n_chunks / base)
    for copy in range(copies):
        take = min(base, n_chunks - copy * base)
        part = corpus.chunks[:take]
        if copy == 0:
            chunks += part
            tokens += [list(t) for t in corpus.tokens[:take]]
            blocks.append(corpus.vectors[:take])
            for chunk in part:
                meta, digest = metas_by_id[chunk.doc_id]
                metas[meta.doc_id], hashes[meta.doc_id] = meta, digest
                sources[meta.doc_id] = corpus.sources[meta.doc_id]
            continue
        jurisdiction, suffix = f"synth{copy}", f"副本{copy}"
        for index, chunk in enumerate(part):
            meta, digest = metas_by_id[chunk.doc_id]
            doc_id = f"{meta.doc_id}-synth{copy}"
            if doc_id not in metas:
                metas[doc_id] = replace(meta, doc_id=doc_id, jurisdiction=jurisdiction,
                                        jurisdiction_name=f"合成{copy}", title=f"{meta.title}（{suffix}）")
                hashes[doc_id] = f"{digest}-synth{copy}"
                sources[doc_id] = corpus.sources[meta.doc_id]
            # text stays the verbatim source slice (citations stay valid); matching text varies
            chunks.append(replace(chunk, chunk_id=f"{doc_id}#{chunk.start}-{chunk.end}-s{copy}x{index}",
                                  doc_id=doc_id, jurisdiction=jurisdiction, norm=f"{chunk.norm} {suffix}"))
            original = corpus.tokens[index]
            keep = [t for t in original if rng.random() >= drop] or list(original[:1])
            tokens.append(keep + [f"synth{copy}"])
        noisy = corpus.vectors[:take] + rng.normal(0.0, noise / math.sqrt(dim), size=(take, dim)).astype(np.float32)
        noisy /= np.linalg.norm(noisy, axis=1, keepdims=True)
        blocks.append(noisy.astype(np.float32))
    return chunks, tokens, np.vstack(blocks), list(metas.values()), sources, hashes


def build_synthetic(source: Settings, target: Settings, n_chunks: int, embedder: Embedder,
                    seed: int = 0, corpus: Corpus | None = None) -> Synthetic:
    """Write and publish a generation of n_chunks under target.data_dir; return what was written."""
    corpus = corpus or read_corpus(source, embedder)
    chunks, tokens, vectors, metas, sources, hashes = scale_up(corpus, n_chunks, seed=seed)
    layout = Layout(target)
    layout.root.mkdir(parents=True, exist_ok=True)
    name, path = layout.new_generation()
    store = VectorStore(target, name, path, embedder)
    store.add(chunks, vectors)
    stats = {"documents": len(metas), "chunks": len(chunks), "built_at": dt.datetime.now().isoformat(timespec="seconds"),
             "seconds": 0.0, "embedder": embedder.name, "synthetic": True, "base_chunks": len(corpus.chunks)}
    write_generation(path, metas, sources, hashes, chunks, tokens, corpus.profiles, stats)
    layout.publish(name)
    return Synthetic(generation=name, chunks=chunks, vectors=vectors, documents=len(metas))


class DenseBaseline:
    """The baseline's retrieval path (LangChain Chroma, dense only) over given chunks and vectors."""

    def __init__(self, directory: Path, chunks: list[Chunk], vectors: np.ndarray, embedder: Embedder,
                 batch: int = 2000) -> None:
        import chromadb
        from chromadb.config import Settings as ChromaSettings
        from langchain_chroma import Chroma

        from evaluators.baseline import _LangChainEmbeddings

        self.directory = directory
        client = chromadb.PersistentClient(path=str(directory), settings=ChromaSettings(anonymized_telemetry=False))
        self.store = Chroma(client=client, collection_name="baseline", embedding_function=_LangChainEmbeddings(embedder),
                            collection_metadata={"hnsw:space": "cosine"})
        collection = self.store._collection  # bulk add with the vectors we already have
        for start in range(0, len(chunks), batch):
            part = chunks[start : start + batch]
            collection.add(ids=[c.chunk_id for c in part], embeddings=[v for v in vectors[start : start + batch]],
                           documents=[c.text for c in part],
                           metadatas=[{"doc_id": c.doc_id, "jurisdiction": c.jurisdiction} for c in part])
        self.size = len(chunks)

    def search(self, query: str, k: int = 5) -> list[Any]:
        """Top-k documents by dense similarity, as the baseline queries them."""
        return self.store.similarity_search_with_score(query, k=k)

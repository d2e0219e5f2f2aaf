"""Hybrid retrieval: BM25 over jieba tokens + dense vectors in Chroma, fused by RRF."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import numpy as np

from .answer_types import answer_types, clause_types
from .embed import Embedder, make_embedder
from .index import Layout, StoredGeneration, VectorStore, open_current
from .lexical import BM25, tokenize
from .normalise import normalise
from .records import Chunk, Hit
from .settings import Settings

RRF_K = 60
CANDIDATES = 40
ANSWER_TYPE_WEIGHT = 1.0
DENSE_WEIGHT = 1.0
LEXICAL_WEIGHT = 1.5  # the 4-bit dense model ties many clauses; exact terms are the surer evidence


@dataclass
class _Loaded:
    generation: StoredGeneration
    chunks: list[Chunk]
    by_id: dict[str, int]
    bm25: BM25
    store: VectorStore
    jurisdictions: np.ndarray
    kinds: np.ndarray


class Retriever:
    """Searches the published index; reloads by itself when a new generation is published."""

    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self.embedder = embedder or make_embedder(settings)
        self._layout = Layout(settings)
        self._loaded: _Loaded | None = None
        self._lock = threading.Lock()

    def _state(self) -> _Loaded:
        current = self._layout.current()
        with self._lock:
            if self._loaded is None or self._loaded.generation.name != current:
                self._loaded = self._load()
            return self._loaded

    def _load(self) -> _Loaded:
        generation = open_current(self.settings)
        chunks, tokens = generation.chunks()
        store = VectorStore(self.settings, generation.name, generation.path, self.embedder)
        return _Loaded(
            generation=generation, chunks=chunks, by_id={c.chunk_id: i for i, c in enumerate(chunks)},
            bm25=BM25(tokens), store=store,
            jurisdictions=np.array([c.jurisdiction for c in chunks]), kinds=np.array([c.kind for c in chunks]),
        )

    @property
    def generation(self) -> StoredGeneration:
        """The generation searches currently run against."""
        return self._state().generation

    def known_jurisdictions(self) -> dict[str, str]:
        """{id: Chinese name} of every jurisdiction in the index."""
        return {m.jurisdiction: m.jurisdiction_name for m, _ in self.generation.documents()}

    def search(self, query: str, jurisdictions: list[str] | None = None, kinds: list[str] | None = None,
               k: int = 5) -> list[Hit]:
        """The k best chunks for `query`, optionally only from some jurisdictions/kinds."""
        state = self._state()
        norm = normalise(query)
        mask = np.ones(len(state.chunks), dtype=bool)
        if jurisdictions:
            mask &= np.isin(state.jurisdictions, jurisdictions)
        if kinds:
            mask &= np.isin(state.kinds, kinds)
        if not mask.any():
            return []
        lexical = state.bm25.scores(tokenize(norm, normalised=True))
        lexical[~mask] = 0
        lexical_order = [int(i) for i in np.argsort(-lexical)[:CANDIDATES] if lexical[i] > 0]
        where = _where(jurisdictions, kinds)
        vector = self.embedder.embed_queries([norm])[0]
        dense = state.store.query(vector, CANDIDATES, where)
        dense_order = [(state.by_id[cid], sim) for cid, sim in dense if cid in state.by_id]

        fused: dict[int, float] = {}
        dense_rank: dict[int, int] = {}
        similarity: dict[int, float] = {}
        lexical_rank: dict[int, int] = {}
        for rank, (index, sim) in enumerate(dense_order, start=1):
            fused[index] = fused.get(index, 0.0) + DENSE_WEIGHT / (RRF_K + rank)
            dense_rank[index], similarity[index] = rank, sim
        for rank, index in enumerate(lexical_order, start=1):
            fused[index] = fused.get(index, 0.0) + LEXICAL_WEIGHT / (RRF_K + rank)
            lexical_rank[index] = rank
        # answer-type evidence: a "when" question wants a clause with a date, "how many" a number …
        wanted = answer_types(norm)
        if wanted:
            order = sorted(fused, key=lambda i: -fused[i])
            types = {i: clause_types(state.chunks[i].norm, wanted) for i in order}
            for kind in wanted:  # one ranked list per value the question asks for
                typed = [i for i in order if kind in types[i]]
                for rank, index in enumerate(typed, start=1):
                    fused[index] += ANSWER_TYPE_WEIGHT / (RRF_K + rank)
        best = sorted(fused, key=lambda i: -fused[i])[:k]
        return [
            Hit(chunk=state.chunks[i], score=fused[i], dense_rank=dense_rank.get(i),
                lexical_rank=lexical_rank.get(i), dense_similarity=similarity.get(i))
            for i in best
        ]

    def query_terms(self, query: str) -> list[tuple[str, float]]:
        """Content tokens of a query with their IDF in the index (for evidence checks)."""
        state = self._state()
        return [(t, state.bm25.idf(t)) for t in dict.fromkeys(tokenize(query))]

    def rarest_term_weight(self) -> float:
        """IDF of a term used by a single chunk: what a term the corpus never uses weighs at least."""
        return self._state().bm25.max_idf()

    def chunk_count(self) -> int:
        """Number of chunks in the published index."""
        return len(self._state().chunks)


def _where(jurisdictions: list[str] | None, kinds: list[str] | None) -> dict[str, Any] | None:
    clauses: list[dict[str, Any]] = []
    if jurisdictions:
        clauses.append({"jurisdiction": {"$in": list(jurisdictions)}})
    if kinds:
        clauses.append({"kind": {"$in": list(kinds)}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def as_langchain_retriever(retriever: Retriever, k: int = 5, jurisdictions: list[str] | None = None):  # type: ignore[no-untyped-def]
    """The hybrid retriever as a LangChain BaseRetriever returning Documents with citation metadata."""
    from langchain_core.callbacks import CallbackManagerForRetrieverRun
    from langchain_core.documents import Document
    from langchain_core.retrievers import BaseRetriever

    class HybridRetriever(BaseRetriever):
        def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
            return [
                Document(page_content=h.chunk.text, metadata={
                    "doc_id": h.chunk.doc_id, "jurisdiction": h.chunk.jurisdiction, "section": h.chunk.section,
                    "page": h.chunk.page, "score": h.score})
                for h in retriever.search(query, jurisdictions=jurisdictions, k=k)
            ]

    return HybridRetriever()

"""Baseline retrieval: LangChain RecursiveCharacterTextSplitter + Chroma, dense only.

Same corpus, same embedder as the product, so differences come from chunking and fusion.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from rag.corpus import manifest_entries
from rag.embed import Embedder
from rag.loaders import load_file
from rag.records import Chunk, Hit
from rag.settings import Settings


class _LangChainEmbeddings:
    """LangChain Embeddings interface over the project's embedder."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [list(map(float, v)) for v in self.embedder.embed_passages(texts)]

    def embed_query(self, text: str) -> list[float]:
        return list(map(float, self.embedder.embed_queries([text])[0]))


class BaselineRetriever:
    """Recursive character chunks (500 chars, 50 overlap) in an in-process Chroma collection."""

    def __init__(self, settings: Settings, embedder: Embedder, chunk_size: int = 500, overlap: int = 50) -> None:
        import chromadb
        from chromadb.config import Settings as ChromaSettings
        from langchain_chroma import Chroma
        from langchain_core.documents import Document
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        splitter = RecursiveCharacterTextSplitter(chunk_size=chunk_size, chunk_overlap=overlap)
        documents = []
        for meta, path in manifest_entries(settings):
            text = load_file(path, settings).text
            for piece in splitter.split_text(text):
                documents.append(Document(page_content=piece, metadata={"doc_id": meta.doc_id, "jurisdiction": meta.jurisdiction}))
        self._dir = tempfile.mkdtemp(prefix="baseline-chroma-")
        client = chromadb.PersistentClient(path=str(Path(self._dir)), settings=ChromaSettings(anonymized_telemetry=False))
        self.store = Chroma(client=client, collection_name="baseline", embedding_function=_LangChainEmbeddings(embedder),
                            collection_metadata={"hnsw:space": "cosine"})
        self.store.add_documents(documents)
        self.size = len(documents)

    def search(self, query: str, k: int = 5) -> list[Hit]:
        """Top-k chunks by dense similarity."""
        results = self.store.similarity_search_with_score(query, k=k)
        hits = []
        for rank, (doc, distance) in enumerate(results, start=1):
            chunk = Chunk(chunk_id=f"b{rank}", doc_id=doc.metadata["doc_id"], jurisdiction=doc.metadata["jurisdiction"],
                          kind="notice", section="", page=None, start=0, end=0, text=doc.page_content, norm=doc.page_content)
            hits.append(Hit(chunk=chunk, score=1 - distance, dense_rank=rank, dense_similarity=1 - distance))
        return hits

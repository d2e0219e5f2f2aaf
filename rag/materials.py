"""The applicant's uploaded materials, indexed per session in a private store.

Files live under `settings.data_dir/sessions/<session_id>/` as passages (JSON) and their
vectors (NumPy) — never in the policy index, so one applicant's documents can never
surface as a "clause" in another user's answer. Search fuses character-bigram overlap
and embedding similarity by reciprocal rank, like the policy retriever does.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from .embed import Embedder, make_embedder
from .errors import InputError
from .facts import bigrams
from .grounding import split_sentences
from .loaders import load_file
from .settings import Settings

PASSAGE_CHARS = 220
_RRF_K = 60


@dataclass(frozen=True)
class Passage:
    """A few sentences of one uploaded file."""

    source: str  # file name
    n: int
    text: str


def new_session_id() -> str:
    """A fresh session id (random, safe as a folder name)."""
    return uuid.uuid4().hex[:12]


class MaterialStore:
    """Passages and vectors of one session's uploads, on disk under the session folder."""

    def __init__(self, settings: Settings, session_id: str, embedder: Embedder | None = None) -> None:
        if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", session_id):
            raise InputError(f"会话编号无效 / invalid session id {session_id!r}")
        self.settings = settings
        self.folder = Path(settings.data_dir) / "sessions" / session_id
        self._embedder = embedder
        self.passages: list[Passage] = []
        self.vectors = np.zeros((0, 0), dtype=np.float32)
        self._load()

    @property
    def embedder(self) -> Embedder:
        """The settings' embedder, loaded on first use."""
        if self._embedder is None:
            self._embedder = make_embedder(self.settings)
        return self._embedder

    def add(self, path: Path) -> int:
        """Read one file (pdf/docx/txt/md), index its passages; returns how many were added."""
        source = load_file(Path(path), self.settings)
        name = Path(path).name
        kept = [p for p in self.passages if p.source != name]  # re-uploading a file replaces it
        rows = [i for i, p in enumerate(self.passages) if p.source != name]
        fresh = [Passage(name, n, text) for n, text in enumerate(_passages(source.text))]
        if not fresh:
            raise InputError(f"材料中没有可用的文字 / no usable text in {name}")
        vectors = self.embedder.embed_passages([p.text for p in fresh])
        old = self.vectors[rows] if len(rows) and self.vectors.size else np.zeros((0, vectors.shape[1]), np.float32)
        self.passages = kept + fresh
        self.vectors = np.vstack([old, vectors]).astype(np.float32)
        self._save()
        return len(fresh)

    def search(self, query: str, k: int = 3) -> list[Passage]:
        """The passages that best match `query` (bigram overlap and embedding, rank-fused)."""
        if not self.passages:
            return []
        grams = bigrams(query)
        lexical = [len(grams & bigrams(p.text)) / max(len(grams), 1) for p in self.passages]
        dense = self.vectors @ self.embedder.embed_queries([query])[0]
        fused = np.zeros(len(self.passages))
        for scores in (np.asarray(lexical), dense):
            for rank, i in enumerate(np.argsort(-scores)):
                fused[i] += 1.0 / (_RRF_K + rank)
        # a passage sharing no bigram with the point is off-topic however close its vector
        order = [i for i in np.argsort(-fused) if lexical[i] > 0]
        return [self.passages[i] for i in order[:k]]

    def _load(self) -> None:
        index = self.folder / "passages.json"
        if index.is_file():
            self.passages = [Passage(**row) for row in json.loads(index.read_text(encoding="utf-8"))]
            self.vectors = np.load(self.folder / "vectors.npy")

    def _save(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        # write aside then rename, so a crash never leaves passages and vectors out of step
        tmp_vectors = self.folder / "vectors.tmp.npy"
        np.save(tmp_vectors, self.vectors)
        tmp_index = self.folder / "passages.tmp.json"
        tmp_index.write_text(json.dumps([asdict(p) for p in self.passages], ensure_ascii=False), encoding="utf-8")
        tmp_vectors.replace(self.folder / "vectors.npy")
        tmp_index.replace(self.folder / "passages.json")


def _passages(text: str) -> list[str]:
    """Whole sentences packed into passages of about PASSAGE_CHARS characters."""
    out: list[str] = []
    current = ""
    for sentence in split_sentences(text):
        sentence = " ".join(sentence.split())
        if not sentence:
            continue
        if current and len(current) + len(sentence) > PASSAGE_CHARS:
            out.append(current)
            current = ""
        current += sentence
    if current.strip():
        out.append(current)
    return out

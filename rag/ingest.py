"""Ingestion: corpus + added files → a new index generation, incremental by content hash."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .chunk import chunk_document
from .corpus import content_hash, infer_metadata, manifest_entries
from .embed import Embedder, EmbeddingCache, make_embedder
from .errors import IngestError
from .index import Layout, StoredGeneration, VectorStore, remove_generation, write_generation
from .lexical import tokenize
from .loaders import load_file
from .records import Chunk, DocumentMeta, SourceText
from .settings import Settings

Progress = Callable[[str, int, int], None]

# the modules whose code shapes what a generation stores (chunks, tokens, profiles): when any
# of them changes, an unchanged corpus is still rebuilt, or cached profiles would go stale
_PIPELINE = ("loaders", "normalise", "structure", "chunk", "lexical", "corpus", "jurisdictions", "profile",
             "profile_overrides", "profile_compare", "clauses", "tables", "numerals", "dates")


def pipeline_fingerprint() -> str:
    """Hash of the code that turns documents into an index generation."""
    import hashlib

    here = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted([*(here / f"{name}.py" for name in _PIPELINE), *here.glob("extract_*.py")]):
        if path.exists():
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class IngestReport:
    documents: int
    chunks: int
    added: int
    skipped: int
    seconds: float
    generation: str
    added_ids: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The CLI's JSON shape."""
        return {"documents": self.documents, "chunks": self.chunks, "added": self.added,
                "skipped": self.skipped, "seconds": round(self.seconds, 3), "generation": self.generation,
                "added_ids": list(self.added_ids)}


def ingest(settings: Settings, paths: list[Path] | None = None, rebuild: bool = False,
           jurisdiction: str | None = None, jurisdiction_name: str | None = None,
           embedder: Embedder | None = None, progress: Progress | None = None,
           lock_timeout: float = 600.0) -> IngestReport:
    """Index the bundled corpus plus `paths`; unchanged documents are skipped."""
    from filelock import FileLock, Timeout

    started = time.perf_counter()
    layout = Layout(settings)
    layout.root.mkdir(parents=True, exist_ok=True)
    # read and validate every new file before touching the index: a bad file changes nothing
    incoming = _read_inputs(settings, paths or [], jurisdiction, jurisdiction_name)
    lock = FileLock(str(layout.lock))
    try:
        if progress:
            progress("lock", 0, 1)
        lock.acquire(timeout=lock_timeout)
    except Timeout as exc:
        raise IngestError("另一个索引任务正在进行 / another ingest is running — 请稍后再试 / retry later") from exc
    try:
        return _ingest_locked(settings, layout, incoming, rebuild, embedder, progress, started)
    finally:
        lock.release()


@dataclass(frozen=True)
class _Input:
    meta: DocumentMeta
    source: SourceText
    content_hash: str


def _read_inputs(settings: Settings, paths: list[Path], jurisdiction: str | None,
                 jurisdiction_name: str | None) -> list[_Input]:
    inputs: list[_Input] = []
    entries = manifest_entries(settings)
    known = {meta.jurisdiction: meta.jurisdiction_name for meta, _ in entries}
    for meta, path in entries:
        source = load_file(path, settings)
        inputs.append(_Input(meta, source, content_hash(meta, path.read_bytes())))
    for path in paths:
        path = Path(path)
        source = load_file(path, settings)
        meta = infer_metadata(path, source, jurisdiction, jurisdiction_name, known)
        inputs.append(_Input(meta, source, content_hash(meta, path.read_bytes())))
    return inputs


def _ingest_locked(settings: Settings, layout: Layout, incoming: list[_Input], rebuild: bool,
                   embedder: Embedder | None, progress: Progress | None, started: float) -> IngestReport:
    current_name = layout.current()
    previous = StoredGeneration(layout.generations / current_name) if current_name else None
    old_docs = {meta.doc_id: (meta, h) for meta, h in previous.documents()} if previous else {}

    metas: dict[str, DocumentMeta] = {}
    hashes: dict[str, str] = {}
    sources: dict[str, SourceText] = {}
    changed: list[str] = []
    # documents added earlier by users stay in the index unless re-ingested
    for doc_id, (meta, digest) in old_docs.items():
        metas[doc_id], hashes[doc_id] = meta, digest
    for item in incoming:
        doc_id = item.meta.doc_id
        if doc_id not in old_docs or old_docs[doc_id][1] != item.content_hash or rebuild:
            changed.append(doc_id)
        metas[doc_id], hashes[doc_id], sources[doc_id] = item.meta, item.content_hash, item.source
    if previous and previous.stats().get("pipeline") != pipeline_fingerprint():
        rebuild = True  # built by other code: re-derive chunks and profiles (embeddings stay cached)
        changed = [doc_id for doc_id in metas]
    if previous and not changed and not rebuild:
        stats = previous.stats()
        return IngestReport(len(metas), int(stats.get("chunks", 0)), 0, len(incoming),
                            time.perf_counter() - started, previous.name)

    old_chunks: dict[str, list[tuple[Chunk, list[str]]]] = {}
    if previous:
        chunks, tokens = previous.chunks()
        for chunk, toks in zip(chunks, tokens, strict=True):
            old_chunks.setdefault(chunk.doc_id, []).append((chunk, toks))
    all_chunks: list[Chunk] = []
    all_tokens: list[list[str]] = []
    ordered = sorted(metas.values(), key=lambda m: m.doc_id)
    for number, meta in enumerate(ordered, start=1):
        if progress:
            progress("chunk", number, len(ordered))
        if meta.doc_id in changed or meta.doc_id not in old_chunks:
            if meta.doc_id not in sources and previous:
                sources[meta.doc_id] = previous.source(meta.doc_id)
            pieces = chunk_document(meta, sources[meta.doc_id])
            all_chunks += pieces
            all_tokens += [tokenize(c.section + " " + c.norm, normalised=True) for c in pieces]
        else:
            for chunk, toks in old_chunks[meta.doc_id]:
                all_chunks.append(chunk)
                all_tokens.append(toks)
    for meta in ordered:
        if meta.doc_id not in sources and previous:
            sources[meta.doc_id] = previous.source(meta.doc_id)

    embedder = embedder or make_embedder(settings)
    cache = EmbeddingCache(layout.embedding_cache)
    try:
        vectors = cache.embed_passages(
            embedder, [passage_text(c) for c in all_chunks],
            progress=(lambda done, total: progress("embed", done, total)) if progress else None,
        )
    finally:
        cache.close()

    name, path = layout.new_generation()
    try:
        if progress:
            progress("store", 0, 1)
        store = VectorStore(settings, name, path, embedder)
        store.add(all_chunks, vectors)
        profiles = build_profiles(list(ordered), sources)
        stats = {"documents": len(ordered), "chunks": len(all_chunks), "built_at": dt.datetime.now().isoformat(timespec="seconds"),
                 "seconds": round(time.perf_counter() - started, 3), "embedder": embedder.name,
                 "pipeline": pipeline_fingerprint()}
        write_generation(path, list(ordered), sources, hashes, all_chunks, all_tokens, profiles, stats)
        layout.publish(name)
    except BaseException:
        remove_generation(settings, path, embedder)
        raise
    for stale in layout.stale_generations():
        remove_generation(settings, stale, embedder)
    skipped = sum(1 for item in incoming if item.meta.doc_id not in changed)
    return IngestReport(len(ordered), len(all_chunks), len(changed), skipped,
                        time.perf_counter() - started, name, tuple(changed))


def passage_text(chunk: Chunk) -> str:
    """What gets embedded: the section path gives a clause its context."""
    return f"{chunk.section}\n{chunk.norm}" if chunk.section else chunk.norm


def build_profiles(metas: list[DocumentMeta], sources: dict[str, SourceText]) -> dict[str, Any]:
    """Requirement profiles per jurisdiction, cached with the index (JSON dicts)."""
    from .profile import extract_profile, profile_to_dict

    by_jurisdiction: dict[str, list[DocumentMeta]] = {}
    for meta in metas:
        by_jurisdiction.setdefault(meta.jurisdiction, []).append(meta)
    today = dt.date.today()
    out = {}
    for jid, docs in by_jurisdiction.items():
        profile = extract_profile(jid, docs[0].jurisdiction_name, [(m, sources[m.doc_id]) for m in docs], today)
        out[jid] = profile_to_dict(profile)
    return out


def replace_meta(meta: DocumentMeta, **changes: Any) -> DocumentMeta:
    """A copy of document metadata with some fields changed."""
    return replace(meta, **changes)

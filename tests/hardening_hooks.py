"""Test-only process hooks: a sitecustomize that pauses a real `python -m rag ingest` at a chosen point.

The product is not changed: the hook wraps product functions in the child process only,
so a test can kill -9 it mid-rebuild or hold the index lock while another process waits.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SITECUSTOMIZE = '''
import os, time

_point = os.environ.get("HARDENING_PAUSE_AT", "")
_marker = os.environ.get("HARDENING_MARKER", "")
_seconds = float(os.environ.get("HARDENING_PAUSE_SECONDS", "120"))


def _log(event):
    with open(_marker, "a", encoding="utf-8") as handle:
        handle.write(f"{event} {os.getpid()} {time.time():.6f}\\n")


def _pause():
    _log("paused")
    time.sleep(_seconds)


if _point in ("vectors", "files", "publish"):
    import rag.index as _index

    if _point == "vectors":
        _add = _index.VectorStore.add

        def add(self, chunks, vectors, batch=2000):
            half = len(chunks) // 2
            _add(self, chunks[:half], vectors[:half], batch)  # half the vectors are in the new collection
            _pause()
            _add(self, chunks[half:], vectors[half:], batch)

        _index.VectorStore.add = add
    elif _point == "files":
        _write = _index.write_generation

        def write_generation(path, *args, **kwargs):
            _write(path, *args, **kwargs)  # every file of the new generation written, not yet READY
            _pause()

        _index.write_generation = write_generation
    else:
        _publish = _index.Layout.publish

        def publish(self, name):
            (self.generations / name / "READY").write_text(name, encoding="utf-8")
            _pause()  # READY on disk, pointer not yet swapped
            _publish(self, name)

        _index.Layout.publish = publish
elif _point == "locked":
    import rag.ingest as _ingest

    _locked = _ingest._ingest_locked

    def _ingest_locked(*args, **kwargs):
        _log("start")
        time.sleep(_seconds)  # hold the lock like a long rebuild
        try:
            return _locked(*args, **kwargs)
        finally:
            _log("end")

    _ingest._ingest_locked = _ingest_locked
'''


def hook_env(folder: Path, data_dir: Path, point: str, marker: Path, seconds: float, **extra: str) -> dict[str, str]:
    """Environment for a child `python -m rag` that pauses at `point` (writes the hook into `folder`)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    env.update({
        "PYTHONPATH": os.pathsep.join([str(folder), str(ROOT)]),
        "RAG_DATA_DIR": str(data_dir), "RAG_EMBEDDING": "fake",
        "HARDENING_PAUSE_AT": point, "HARDENING_MARKER": str(marker), "HARDENING_PAUSE_SECONDS": str(seconds),
        **extra,
    })
    return env


def rag_command(*args: str) -> list[str]:
    """argv of `python -m rag …` with this interpreter."""
    return [sys.executable, "-m", "rag", *args]


def events(marker: Path) -> list[tuple[str, int, float]]:
    """(event, pid, time) lines the hook wrote so far."""
    if not marker.exists():
        return []
    out = []
    for line in marker.read_text(encoding="utf-8").splitlines():
        event, pid, at = line.split()
        out.append((event, int(pid), float(at)))
    return out

"""A user's session files (uploaded drafts and materials) under `data_dir/sessions/<id>/`, and their deletion.

Nothing a user uploads is kept anywhere else: the shared policy index never receives it,
and deleting the session folder removes every trace the product wrote.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from .errors import InputError
from .settings import Settings

_SESSION_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


def session_dir(settings: Settings, session_id: str) -> Path:
    """The folder of one session (not created); InputError for an id that could escape the data dir."""
    if not isinstance(session_id, str) or not _SESSION_ID.fullmatch(session_id):
        raise InputError(f"会话编号无效 / invalid session id {session_id!r}")
    return Path(settings.data_dir) / "sessions" / session_id


def list_sessions(settings: Settings) -> list[str]:
    """Ids of the sessions that have files on disk."""
    root = Path(settings.data_dir) / "sessions"
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if p.is_dir() and _SESSION_ID.fullmatch(p.name))


def delete_session(settings: Settings, session_id: str) -> bool:
    """Remove every file of a session; True when there was something to remove."""
    folder = session_dir(settings, session_id)
    if not folder.exists():
        return False
    # a symlinked session folder would make rmtree delete files outside the data dir
    if folder.is_symlink():
        folder.unlink()
        return True
    shutil.rmtree(folder)
    return True

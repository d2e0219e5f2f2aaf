"""Saving an uploaded file into its session folder under a safe name.

The name a browser sends is user input: it may carry `../`, a Windows path, control
characters or a reserved device name. Only a cleaned base name is ever used on disk.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from .errors import InputError
from .sessions import session_dir
from .settings import Settings

MAX_NAME_CHARS = 100
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*\u202a-\u202e\u2066-\u2069\ufeff]')
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def safe_filename(name: str, default: str = "upload") -> str:
    """A base name safe on any file system: no directories, controls, bidi marks or reserved names."""
    name = unicodedata.normalize("NFC", str(name or ""))
    base = re.split(r"[/\\]", name)[-1]  # a browser may send a full Windows or POSIX path
    base = _UNSAFE.sub("_", base)
    base = re.sub(r"\s+", " ", base).strip()
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    suffix = re.sub(r"[^A-Za-z0-9]", "", suffix).lower()[:8]
    stem = stem.strip(" .") or default
    if stem.lower().split(".")[0] in _RESERVED:
        stem = "_" + stem
    stem = stem[: MAX_NAME_CHARS - len(suffix) - 1]
    return f"{stem}.{suffix}" if suffix else stem


def save_upload(settings: Settings, session_id: str, name: str, data: bytes) -> Path:
    """Write an upload to `data_dir/sessions/<id>/uploads/<safe name>` and return the path."""
    if len(data) > settings.max_file_mb * 1024 * 1024:
        raise InputError(
            f"文件过大 / file too large: {safe_filename(name)} ({len(data) / 1048576:.1f} MB > {settings.max_file_mb:g} MB)"
            " — 请拆分或压缩后上传 / split or compress it"
        )
    folder = session_dir(settings, session_id) / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / safe_filename(name)
    # the cleaned name cannot leave the folder; checking the resolved path guards against a symlinked folder too
    if target.resolve().parent != folder.resolve():
        raise InputError(f"文件名无效 / invalid file name {name!r}")
    tmp = target.with_name(f".{target.name}.part")
    with open(tmp, "wb") as handle:
        handle.write(data)
    os.replace(tmp, target)
    return target

"""Reviewed corrections to an extracted profile (corpus/overrides/<jurisdiction>.yaml).

File shape — every key optional; each list entry either corrects the extracted item it
`match`es (a substring of its quote or title), removes it (`remove: true`), or, without
`match`, adds a new item:

    deadlines:
      - match: "推荐单位请于"
        date: "2025-04-25"
    sections:
      - title: 项目摘要
        limit: 500
        citation: {doc_id: national-2025, quote: "项目摘要（500字以内）"}

Every item an override touched carries overridden=True, so it stays visible as such.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError
from .records import Citation, Deadline, EligibilityItem, Material, Profile, Quota, Section, Submission, Task

_CATEGORIES: dict[str, type] = {
    "eligibility": EligibilityItem,
    "deadlines": Deadline,
    "submission": Submission,
    "tasks": Task,
    "sections": Section,
    "materials": Material,
    "quotas": Quota,
}


def apply_overrides(profile: Profile, path: Path) -> Profile:
    """The profile with the override file's corrections applied and marked overridden."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"无法读取覆盖文件 / cannot read override file {path}: {exc} — 请检查 YAML 格式") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"覆盖文件格式错误 / override file {path} must be a mapping of categories")
    changes: dict[str, Any] = {}
    for key, cls in _CATEGORIES.items():
        entries = data.get(key) or []
        if entries:
            changes[key] = _apply(list(getattr(profile, key)), entries, cls, profile.jurisdiction, key)
    updated = dataclasses.replace(profile, **changes)
    if "deadlines" in changes:
        from .profile import window_status  # late import: profile imports this module

        updated = dataclasses.replace(updated, status=window_status(updated.deadlines, profile.status.as_of))
    return updated


def _apply(items: list[Any], entries: list[dict[str, Any]], cls: type, jurisdiction: str, key: str) -> list[Any]:
    for entry in entries:
        if not isinstance(entry, dict):
            raise ConfigError(f"覆盖项格式错误 / each {key} override must be a mapping, got {entry!r}")
        entry = dict(entry)
        match = entry.pop("match", None)
        remove = entry.pop("remove", False)
        if match is not None:
            index = next((i for i, item in enumerate(items) if _matches(item, str(match))), None)
            if index is None:
                raise ConfigError(f"覆盖项未匹配 / {key} override matches nothing: {match!r}")
            if remove:
                items.pop(index)
                continue
            if "citation" in entry:
                entry["citation"] = _citation(entry["citation"], jurisdiction)
            items[index] = dataclasses.replace(items[index], **_known(cls, entry), overridden=True)
        else:
            entry["citation"] = _citation(entry.get("citation") or {}, jurisdiction)
            if cls is Section:
                entry.setdefault("guidance", "")
                entry.setdefault("unit", "字" if entry.get("limit") is not None else None)
                entry["points"] = tuple(entry.get("points", ()))
            if cls is EligibilityItem:
                entry.setdefault("id", f"O{len(items) + 1}")
                entry.setdefault("text", entry["citation"].quote)
                entry.setdefault("kind", "other")
            if cls is Quota:
                entry.setdefault("text", entry["citation"].quote)
            items.append(cls(**_known(cls, entry), overridden=True))
    return items


def _matches(item: Any, needle: str) -> bool:
    haystacks = [item.citation.quote, getattr(item, "title", ""), getattr(item, "text", ""), getattr(item, "detail", "")]
    return any(needle in h for h in haystacks if h)


def _known(cls: type, entry: dict[str, Any]) -> dict[str, Any]:
    names = {f.name for f in dataclasses.fields(cls)} - {"overridden"}
    unknown = set(entry) - names
    if unknown:
        raise ConfigError(f"覆盖项含未知字段 / unknown override fields for {cls.__name__}: {sorted(unknown)}")
    return entry


def _citation(data: dict[str, Any] | Citation, jurisdiction: str) -> Citation:
    if isinstance(data, Citation):
        return data
    return Citation(
        doc_id=str(data.get("doc_id", "")),
        section=str(data.get("section", "")),
        page=data.get("page"),
        quote=str(data.get("quote", "")),
        jurisdiction=jurisdiction,
    )

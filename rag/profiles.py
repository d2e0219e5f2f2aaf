"""Requirement profiles as the rest of the product reads them: cached with the index, window as of a date."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import replace

from .errors import InputError
from .index import Layout, StoredGeneration, open_current
from .jurisdictions import resolve
from .profile import load_overrides_for, profile_from_dict, window_status
from .records import Profile
from .settings import Settings


def ensure_index(settings: Settings, quiet: bool = False) -> StoredGeneration:
    """The published generation, building it first when there is none or older code built it."""
    from .ingest import ingest, pipeline_fingerprint

    if Layout(settings).current() is None:
        if not quiet:
            print("首次使用，正在建立索引 / building the index for the first time…", file=sys.stderr)
        ingest(settings)
    elif open_current(settings).stats().get("pipeline") != pipeline_fingerprint():
        if not quiet:
            print("索引由旧版本建立，正在更新 / updating an index built by an older version…", file=sys.stderr)
        ingest(settings)
    return open_current(settings)


def known_jurisdictions(settings: Settings) -> dict[str, str]:
    """{id: Chinese name} of every jurisdiction in the index."""
    return {m.jurisdiction: m.jurisdiction_name for m, _ in ensure_index(settings, quiet=True).documents()}


def resolve_jurisdictions(settings: Settings, values: list[str] | None) -> list[str]:
    """Ids for user-typed jurisdictions (ids or Chinese names); InputError when unknown."""
    known = known_jurisdictions(settings)
    return [resolve(v, known) for v in values or []]


def load_profile(settings: Settings, jurisdiction: str, as_of: dt.date | None = None) -> Profile:
    """The requirement profile of one jurisdiction (id or name), with its window as of `as_of`."""
    generation = ensure_index(settings, quiet=True)
    known = {m.jurisdiction: m.jurisdiction_name for m, _ in generation.documents()}
    jid = resolve(jurisdiction, known)
    profiles = generation.profiles()
    if jid not in profiles:
        raise InputError(f"没有 {jurisdiction} 的要求画像 / no requirement profile for {jurisdiction}")
    profile = load_overrides_for(profile_from_dict(profiles[jid]), settings.corpus_dir / "overrides")
    return replace(profile, status=window_status(profile.deadlines, as_of or dt.date.today()))


def load_profiles(settings: Settings, jurisdictions: list[str] | None = None,
                  as_of: dt.date | None = None) -> list[Profile]:
    """Profiles of the given jurisdictions (all indexed ones when none are given)."""
    ids = resolve_jurisdictions(settings, jurisdictions) or list(known_jurisdictions(settings))
    return [load_profile(settings, jid, as_of) for jid in ids]

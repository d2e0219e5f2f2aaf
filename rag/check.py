"""Gap analysis of a draft application against one or several jurisdictions' requirement profiles.

Every check is driven by the profile and the notice's own text (never by a jurisdiction's
name); every finding carries the clause it rests on. The draft is data: nothing in it can
change what is checked or how.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .align import align_sections
from .check_commitment import check_commitments
from .check_context import CheckContext
from .check_fields import check_fields
from .check_sections import check_sections
from .check_tasks import check_materials, check_tasks
from .draft_parse import Draft, parse_draft_file
from .findings import Finding, JurisdictionResult, gap
from .notice_facts import NoticeFacts
from .profile import window_status
from .records import Profile, SourceText
from .settings import Settings

Embed = Callable[[list[str]], np.ndarray]


def lazy_embed(settings: Settings) -> Embed:
    """An embedding function that loads the model only when a check first needs it, and caches vectors."""
    state: dict[str, Any] = {}
    cache: dict[str, np.ndarray] = {}

    def embed(texts: list[str]) -> np.ndarray:
        if "model" not in state:
            from .embed import make_embedder

            state["model"] = make_embedder(settings)
        missing = [t for t in dict.fromkeys(texts) if t not in cache]
        if missing:
            for text, vector in zip(missing, state["model"].embed_passages(missing), strict=True):
                cache[text] = vector
        return np.stack([cache[t] for t in texts]) if texts else np.zeros((0, 1), dtype=np.float32)

    return embed


def check_one(draft: Draft, profile: Profile, sources: Mapping[str, SourceText | str], as_of: dt.date,
              embed: Embed | None = None, backend: Any = None, settings: Settings | None = None,
              shared: dict | None = None) -> JurisdictionResult:
    """Check a parsed draft against one jurisdiction."""
    times: dict[str, float] = {}
    started = time.perf_counter()
    alignments = align_sections(profile.sections, draft, embed)
    times["align"] = time.perf_counter() - started
    ctx = CheckContext(draft, profile, NoticeFacts(profile, sources), alignments, shared if shared is not None else {})
    findings: list[Finding] = []
    for name, run in (
        ("sections", lambda: check_sections(ctx)),
        ("tasks", lambda: check_tasks(ctx, embed, backend, settings)),
        ("fields", lambda: check_fields(ctx)),
        ("commitments", lambda: check_commitments(ctx)),
        ("materials", lambda: check_materials(ctx)),
        ("window", lambda: check_window(profile, as_of)),
    ):
        t0 = time.perf_counter()
        findings += run()
        times[name] = time.perf_counter() - t0
    status = window_status(profile.deadlines, as_of)
    notices = sorted({f.note for f in findings if f.note.startswith(("已丢弃", "模型不可用"))})
    return JurisdictionResult(profile.jurisdiction, profile.name, status.window, _ordered(findings), notices,
                              {k: round(v, 4) for k, v in times.items()})


def check_draft(draft: Draft, profiles: Sequence[Profile], sources: Mapping[str, SourceText | str],
                as_of: dt.date | None = None, embed: Embed | None = None, backend: Any = None,
                settings: Settings | None = None) -> list[JurisdictionResult]:
    """Check a parsed draft against each profile (one result per jurisdiction, in order)."""
    day = as_of or dt.date.today()
    shared: dict = {}
    return [check_one(draft, p, sources, day, embed, backend, settings, shared) for p in profiles]


def check_window(profile: Profile, as_of: dt.date) -> list[Finding]:
    """The application window as of the given day."""
    status = window_status(profile.deadlines, as_of)
    deadline = next((d for d in profile.deadlines if d.date == status.deadline), None)
    citation = deadline.citation if deadline else None
    who = {"applicant": "申报单位", "recommender": "推荐单位"}.get(status.who or "", "")
    if status.window == "closed":
        return [gap("申报窗口", "invalid", "blocking", "", f"{who}截止 {status.deadline}，今天 {as_of.isoformat()} 已截止 / closed",
                    citation, "本轮申报已截止：关注下一批次通知，或改投仍在受理的地区。", "window")]
    if status.window == "open":
        return [gap("申报窗口", "ok", "info", "", f"{who}截止 {status.deadline}（今天 {as_of.isoformat()}）", citation, "", "window")]
    return [gap("申报窗口", "weak", "info", "", "通知未写明截止日期 / no deadline found", citation,
                "向受理部门确认截止时间。", "window")]


_SEVERITY_ORDER = {"blocking": 0, "major": 1, "minor": 2, "info": 3}


def _ordered(findings: list[Finding]) -> list[Finding]:
    # gaps first, most serious first; ok items keep their order after them
    return sorted(findings, key=lambda f: (f.status == "ok", _SEVERITY_ORDER[f.severity]))


def matrix(results: Sequence[JurisdictionResult]) -> dict[str, Any]:
    """Item × jurisdiction statuses: {columns:[ids], rows:[{item, check, cells:{id: status}}]}."""
    rows: dict[tuple[str, str], dict[str, str]] = {}
    for result in results:
        for finding in result.findings:
            cells = rows.setdefault((finding.check, finding.item), {})
            # one cell per jurisdiction: keep the worst status when an item repeats
            if cells.get(result.jurisdiction, "ok") == "ok":
                cells[result.jurisdiction] = finding.status
    columns = [r.jurisdiction for r in results]
    return {"columns": columns,
            "rows": [{"check": check, "item": item, "cells": cells} for (check, item), cells in rows.items()]}


def results_payload(draft: Draft, results: Sequence[JurisdictionResult], as_of: dt.date) -> dict[str, Any]:
    """The `check --json` document."""
    return {"draft": draft.name, "as_of": as_of.isoformat(), "results": [r.to_dict() for r in results],
            "matrix": matrix(results)}


def run_cli(args: Any, settings: Settings, backend: Any) -> tuple[Any, str]:
    """`python -m rag check DRAFT [--jurisdiction J …] [--out FILE]`: (JSON payload, human text)."""
    from .profiles import ensure_index, load_profiles
    from .report import to_markdown, write_report

    draft = parse_draft_file(Path(args.draft), settings)
    as_of = args.as_of or dt.date.today()
    profiles = load_profiles(settings, args.jurisdiction, as_of)
    generation = ensure_index(settings, quiet=True)
    sources = {doc_id: generation.source(doc_id) for p in profiles for doc_id in p.documents}
    results = check_draft(draft, profiles, sources, as_of, lazy_embed(settings), backend, settings)
    payload = results_payload(draft, results, as_of)
    # say which path judged coverage: rules and embeddings, or a model whose quotes were verified
    payload["mode"] = getattr(backend, "name", None) or "offline"
    human = to_markdown(payload) + f"\n\n[模式 / mode: {payload['mode']}]"
    if args.out:
        write_report(payload, Path(args.out))
        human += f"\n\n报告已写入 / report written to {args.out}"
    return payload, human

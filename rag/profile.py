"""Requirement profile of a jurisdiction, extracted from its notices and templates.

The extraction reads the genre's own language (须/应/不超过/以内/必建/截止/前/邮箱/盖章…),
so it works on notices it has never seen. A reviewed override file may correct it; what
an override changed is marked `overridden` in the profile.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from .clauses import DocView
from .dates import parse_iso
from .extract_deadlines import extract_deadlines
from .extract_eligibility import dedupe_eligibility, extract_eligibility
from .extract_materials import dedupe_materials, extract_materials
from .extract_quotas import extract_quotas
from .extract_sections import extract_sections
from .extract_submission import extract_submissions
from .extract_tasks import extract_tasks
from .profile_compare import compare_profiles, comparison_csv
from .profile_overrides import apply_overrides
from .records import (
    Citation,
    Deadline,
    DocumentMeta,
    EligibilityItem,
    Material,
    Profile,
    Quota,
    Section,
    SourceText,
    Submission,
    Task,
    WindowStatus,
    to_dict,
)

__all__ = [
    "extract_profile",
    "window_status",
    "profile_to_dict",
    "profile_from_dict",
    "apply_overrides",
    "compare_profiles",
    "comparison_csv",
]


def extract_profile(
    jurisdiction: str,
    name: str,
    documents: list[tuple[DocumentMeta, SourceText]],
    as_of: dt.date,
) -> Profile:
    """Build the requirement profile of one jurisdiction from its documents."""
    views = [DocView(meta, source) for meta, source in documents]
    deadlines = sorted((d for v in views for d in extract_deadlines(v)), key=lambda d: (d.date, d.who))
    tasks: list[Task] = []
    for view in views:
        tasks = tasks or extract_tasks(view)  # the first notice that lists tasks defines them
    return Profile(
        jurisdiction=jurisdiction,
        name=name,
        documents=[meta.doc_id for meta, _ in documents],
        eligibility=dedupe_eligibility([e for v in views for e in extract_eligibility(v)]),
        deadlines=deadlines,
        submission=extract_submissions(views),
        tasks=tasks,
        sections=[s for v in views for s in extract_sections(v)],
        materials=dedupe_materials([m for v in views for m in extract_materials(v)]),
        quotas=[q for v in views for q in extract_quotas(v)],
        status=window_status(deadlines, as_of),
    )


def window_status(deadlines: list[Deadline], as_of: dt.date | str) -> WindowStatus:
    """open | closed | unknown as of a date, from the latest deadline that binds applicants.

    Without an applicant deadline, the recommender's deadline bounds the applicant's window
    (applicants submit through the recommender, so no later than it).
    """
    day = as_of if isinstance(as_of, dt.date) else parse_iso(as_of)
    if day is None:
        raise ValueError(f"as_of must be YYYY-MM-DD, got {as_of!r}")
    applicant = [d for d in deadlines if d.who == "applicant" and parse_iso(d.date)]
    relevant = applicant or [d for d in deadlines if parse_iso(d.date)]
    if not relevant:
        return WindowStatus(day.isoformat(), "unknown")
    last = max(relevant, key=lambda d: d.date)
    starts = [s for s in (parse_iso(d.start or "") for d in relevant) if s is not None]
    start = min(starts) if starts else None
    end = parse_iso(last.date)
    assert end is not None
    is_open = day <= end and (start is None or day >= start)
    return WindowStatus(day.isoformat(), "open" if is_open else "closed", last.date, last.who)


def profile_to_dict(profile: Profile) -> dict[str, Any]:
    """The profile as JSON-ready data (SPEC.md shape, plus kind/params/points/overridden)."""
    data = to_dict(profile)
    for section in data["sections"]:
        section["points"] = list(section["points"])
    return data


def profile_from_dict(data: dict[str, Any]) -> Profile:
    """Rebuild a profile from `profile_to_dict` output (profiles are cached as JSON)."""

    def cite(d: dict[str, Any]) -> Citation:
        return Citation(d.get("doc_id", ""), d.get("section", ""), d.get("page"), d.get("quote", ""), d.get("jurisdiction", ""))

    def build(cls: type, item: dict[str, Any]) -> Any:
        fields = dict(item)
        fields["citation"] = cite(item["citation"])
        if cls is Section:
            fields["points"] = tuple(item.get("points", ()))
        return cls(**fields)

    status = data.get("status") or {}
    return Profile(
        jurisdiction=data["jurisdiction"],
        name=data.get("name", data["jurisdiction"]),
        documents=list(data.get("documents", [])),
        eligibility=[build(EligibilityItem, e) for e in data.get("eligibility", [])],
        deadlines=[build(Deadline, d) for d in data.get("deadlines", [])],
        submission=[build(Submission, s) for s in data.get("submission", [])],
        tasks=[build(Task, t) for t in data.get("tasks", [])],
        sections=[build(Section, s) for s in data.get("sections", [])],
        materials=[build(Material, m) for m in data.get("materials", [])],
        quotas=[build(Quota, q) for q in data.get("quotas", [])],
        status=WindowStatus(**status) if status else WindowStatus("", "unknown"),
    )


def load_overrides_for(profile: Profile, overrides_dir: Path) -> Profile:
    """Apply corpus/overrides/<jurisdiction>.yaml when it exists."""
    path = Path(overrides_dir) / f"{profile.jurisdiction}.yaml"
    return apply_overrides(profile, path) if path.is_file() else profile

"""Eligibility: a verdict per jurisdiction, each condition with its reason and clause, and the window.

`evaluate(applicant, profiles, as_of)` judges every eligibility item of every profile
(rules by kind in `rag.eligibility_rules`), so a newly ingested notice is evaluated with
no new code. Verdict: ineligible if a hard condition is unmet; needs_info if none is unmet
but some are unknown (with the questions to ask); eligible otherwise.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from .applicant import Applicant, applicant_to_dict
from .dates import parse_iso
from .eligibility_rules import judge, question_for
from .normalise import normalise
from .profile import window_status
from .records import Citation, Deadline, Profile, WindowStatus, to_dict

VERDICT_ZH = {"eligible": "符合条件", "ineligible": "不符合条件", "needs_info": "需补充信息"}
WINDOW_ZH = {"open": "申报窗口开放中", "closed": "申报窗口已关闭", "unknown": "申报窗口未知"}
STATUS_MARK = {"met": "✓", "unmet": "✗", "unknown": "?"}


@dataclass(frozen=True)
class Criterion:
    """One eligibility item judged for one applicant."""

    id: str
    text: str
    kind: str
    status: str  # met | unmet | unknown
    reason: str
    citation: Citation
    hard: bool
    decisive: bool  # whether it counts for the verdict
    category: str  # condition | preference | obligation | review | procedure


@dataclass(frozen=True)
class Result:
    """The verdict for one jurisdiction."""

    jurisdiction: str
    name: str
    verdict: str  # eligible | ineligible | needs_info
    window: WindowStatus
    criteria: list[Criterion]
    follow_up: list[str] = field(default_factory=list)
    process: str = ""
    window_detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Report:
    """Side-by-side verdicts for one applicant."""

    as_of: str
    applicant: Applicant
    results: list[Result]
    follow_up: list[str]  # deduplicated across jurisdictions
    mode: str = "offline"
    notice: str = ""


def evaluate_profile(applicant: Applicant, profile: Profile, as_of: dt.date) -> Result:
    """Judge every eligibility item of one profile; verdict, follow-ups, window and process."""
    criteria: list[Criterion] = []
    facts: list[str] = []
    for item in profile.eligibility:
        j = judge(item, applicant)
        criteria.append(Criterion(item.id, item.text, item.kind, j.status, j.reason, item.citation, item.hard,
                                  j.decisive, j.category))
        if j.decisive and j.status == "unknown" and j.fact:
            facts.append(j.fact)
    decisive = [c for c in criteria if c.decisive]
    if any(c.status == "unmet" for c in decisive):
        verdict = "ineligible"
    elif any(c.status == "unknown" for c in decisive):
        verdict = "needs_info"
    else:
        verdict = "eligible"
    window = window_status(profile.deadlines, as_of)
    return Result(
        jurisdiction=profile.jurisdiction,
        name=profile.name,
        verdict=verdict,
        window=window,
        criteria=criteria,
        follow_up=[question_for(f) for f in dict.fromkeys(facts)] if verdict == "needs_info" else [],
        process=process_text(profile),
        window_detail=window_detail(profile.deadlines, window, as_of),
    )


def evaluate(applicant: Applicant, profiles: list[Profile], as_of: dt.date,
             mode: str = "offline", notice: str = "") -> Report:
    """Verdicts for several jurisdictions side by side, follow-up questions asked once."""
    results = [evaluate_profile(applicant, p, as_of) for p in profiles]
    questions = list(dict.fromkeys(q for r in results for q in r.follow_up))
    return Report(as_of.isoformat(), applicant, results, questions, mode, notice)


# ---- window and the two-level process ----------------------------------------------------------


def window_detail(deadlines: list[Deadline], window: WindowStatus, as_of: dt.date) -> dict[str, Any]:
    """The deadline that decides the window, its start, and the clause stating it."""
    binding = next((d for d in deadlines if d.date == window.deadline and d.who == window.who), None)
    if binding is None:
        return {"deadline": None, "note": "通知中未找到申报截止时间，请向发文单位确认。"}
    start = parse_iso(binding.start or "")
    note = ""
    if start and as_of < start:
        note = f"申报尚未开始（{start.isoformat()} 起）。"
    elif window.window == "closed":
        note = f"已过截止时间 {binding.date}{(' ' + binding.time) if binding.time else ''}。"
    return {"deadline": binding.date, "time": binding.time, "who": binding.who, "start": binding.start,
            "note": note, "citation": to_dict(binding.citation)}


def recommenders(profile: Profile) -> list[str]:
    """Who recommends applications, as the notice names them (route clauses, recommender deadlines)."""
    names: list[str] = []
    for item in profile.eligibility:
        text = normalise(item.text)
        if item.kind == "recommendation" and item.hard and item.params.get("by") and not re.search(r"宜|优先|无需", text):
            names.append(str(item.params["by"]))
    for d in profile.deadlines:
        if d.who != "recommender":
            continue
        quote = re.split(r"[：:]", normalise(d.citation.quote))[-1]
        m = re.match(r"(?P<x>[^，。,]{2,30}?)(?:须|请|应)?于\s*\d{4}\s*年", quote)
        if m:
            names.append(m.group("x"))
    generic = {"推荐单位", "各推荐单位"}
    return [n for n in dict.fromkeys(names) if n not in generic]


def process_text(profile: Profile) -> str:
    """The two-level process when recommenders have their own deadline; '' otherwise."""
    rec = [d for d in profile.deadlines if d.who == "recommender" and parse_iso(d.date)]
    if not rec:
        return ""
    last = max(rec, key=lambda d: d.date)
    names = "推荐单位" + ("（" + "、".join(recommenders(profile)) + "）" if recommenders(profile) else "")
    own = [d for d in profile.deadlines if d.who == "applicant" and parse_iso(d.date)]
    if own:
        mine = max(own, key=lambda d: d.date)
        return (f"两级报送：申报单位须于 {mine.date}{(' ' + mine.time) if mine.time else ''} 前完成申报（提交或报送{names}）；"
                f"推荐单位截止 {last.date}，在此之前完成审核推荐并报送。")
    return (f"先向{names}提交；推荐单位截止 {last.date}；"
            f"你的截止时间可能更早，请向推荐单位确认。")


# ---- output ----------------------------------------------------------------------------------


def report_to_dict(report: Report) -> dict[str, Any]:
    """The SPEC JSON shape {as_of, applicant, results:[{jurisdiction, verdict, window, criteria}]} plus extras."""
    return {
        "as_of": report.as_of,
        "applicant": applicant_to_dict(report.applicant),
        "mode": report.mode,
        "notice": report.notice,
        "follow_up": report.follow_up,
        "results": [
            {
                "jurisdiction": r.jurisdiction,
                "name": r.name,
                "verdict": r.verdict,
                "window": r.window.window,
                "window_detail": r.window_detail,
                "process": r.process,
                "follow_up": r.follow_up,
                "criteria": [
                    {"id": c.id, "text": c.text, "kind": c.kind, "status": c.status, "reason": c.reason,
                     "citation": to_dict(c.citation), "hard": c.hard, "decisive": c.decisive, "category": c.category}
                    for c in r.criteria
                ],
            }
            for r in report.results
        ],
    }


def render_text(report: Report) -> str:
    """Human-readable side-by-side report."""
    lines = [f"资格判断 / eligibility（截至 {report.as_of}）"]
    if report.notice:
        lines.append(f"（{report.notice}）")
    lines.append("")
    for r in report.results:
        deadline = r.window_detail.get("deadline")
        lines.append(f"## {r.name}（{r.jurisdiction}）：{VERDICT_ZH[r.verdict]} / {r.verdict}；"
                     f"{WINDOW_ZH[r.window.window]} / {r.window.window}" + (f"（截止 {deadline}）" if deadline else ""))
        if r.window_detail.get("note"):
            lines.append(f"   {r.window_detail['note']}")
        if r.process:
            lines.append(f"   办理流程：{r.process}")
        for c in r.criteria:
            if not c.decisive and c.status == "unknown":
                continue  # procedures and review items are listed below, not as conditions
            lines.append(f" {STATUS_MARK[c.status]} {c.reason}\n     〔{c.citation.doc_id}｜{c.citation.section}〕“{c.citation.quote}”")
        notes = [c for c in r.criteria if not c.decisive and c.status == "unknown"]
        if notes:
            lines.append("   申报时注意：")
            lines.extend(f"   - {c.text}：{c.reason}" for c in notes)
        lines.append("")
    if report.follow_up:
        lines.append("还需要了解 / please tell us:")
        lines.extend(f"  {i}. {q}" for i, q in enumerate(report.follow_up, 1))
    lines.append(f"\n[模式 / mode: {report.mode}]")
    return "\n".join(lines)


def run_cli(args: Any, settings: Any, backend: Any) -> tuple[dict[str, Any], str]:
    """`python -m rag eligibility`: read the applicant, pick jurisdictions, evaluate, render."""
    from .applicant import extract_applicant, load_applicant
    from .errors import InputError
    from .profiles import known_jurisdictions, load_profile, resolve_jurisdictions

    if args.applicant is not None and args.text:
        raise InputError("请只提供申报单位文件或 --text 之一 / give either an applicant file or --text, not both")
    if args.applicant is None and not (args.text or "").strip():
        raise InputError("请提供申报单位信息文件或 --text 描述 / give an applicant YAML/JSON file or --text \"…\"")
    notice = ""
    mode = "offline"
    if args.applicant is not None:
        applicant = load_applicant(args.applicant)
    else:
        applicant, mode, notice = extract_applicant(args.text, backend, settings)
    as_of = args.as_of or dt.date.today()
    ids = resolve_jurisdictions(settings, args.jurisdiction)
    if not ids:
        ids, missing = target_ids(applicant.targets or (), known_jurisdictions(settings))
        if missing:
            notice = "；".join(filter(None, [notice, f"未收录 {'、'.join(missing)} 的通知 / no notice indexed for {', '.join(missing)}"]))
        ids = ids or list(known_jurisdictions(settings))
    profiles = [load_profile(settings, j, as_of) for j in ids]
    report = evaluate(applicant, profiles, as_of, mode, notice)
    return report_to_dict(report), render_text(report)


def target_ids(targets: tuple[str, ...] | list[str], known: dict[str, str]) -> tuple[list[str], list[str]]:
    """Known jurisdiction ids for the programmes an applicant names (a city falls back to its province)."""
    from .applicant_text import place_of
    from .errors import InputError
    from .jurisdictions import resolve

    ids: list[str] = []
    missing: list[str] = []
    for name in targets:
        candidates = [name]
        province = place_of(name)[0] if name != "国家" else None
        if province:
            candidates.append(province)
        for candidate in candidates:
            try:
                ids.append(resolve(candidate, known))
                break
            except InputError:
                continue
        else:
            missing.append(name)
    return list(dict.fromkeys(ids)), missing

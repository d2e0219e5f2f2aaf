"""The draft checker scored against drafts with planted defects (evaluators/data/drafts).

A planted defect is found when a finding of the same check, status and jurisdiction names
its item. A false alarm is a gap (status other than ok, severity other than info) that
matches no planted defect; the rate is over every finding that is not a planted defect.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

from rag.check import check_draft
from rag.draft_parse import parse_draft_file, parse_draft_text
from rag.findings import Finding
from rag.settings import Settings

from .profile_eval import build_profiles

DRAFTS = Path(__file__).resolve().parent / "data" / "drafts"


def _matches(finding: Finding, defect: dict[str, Any]) -> bool:
    return finding.check == defect["check"] and finding.status == defect["status"] and defect["item"] in finding.item


def evaluate_checker(drafts_dir: Path = DRAFTS) -> dict[str, float]:
    """Defect recall, false-alarm rate, and seconds for a 5000-字 draft against all bundled jurisdictions."""
    gold = json.loads((drafts_dir / "gold.json").read_text(encoding="utf-8"))
    settings = Settings()
    profiles, texts, _ = build_profiles("bundled")
    planted = found = flagged = present = 0
    for entry in gold:
        draft = parse_draft_file(drafts_dir / entry["file"], settings)
        result = check_draft(draft, [profiles[entry["jurisdiction"]]], texts, dt.date.fromisoformat(entry["as_of"]))[0]
        defects = entry["defects"]
        planted += len(defects)
        found += sum(1 for d in defects if any(_matches(f, d) for f in result.findings))
        for finding in result.findings:
            if any(_matches(finding, d) for d in defects):
                continue
            present += 1
            if finding.status != "ok" and finding.severity != "info":
                flagged += 1
    seconds = _bench(drafts_dir, profiles, texts)
    return {
        "check_drafts": float(len(gold)),
        "check_planted_defects": float(planted),
        "check_defect_recall": round(found / planted, 3) if planted else 1.0,
        "check_false_alarm_rate": round(flagged / present, 3) if present else 0.0,
        "check_seconds_5000zi_4jurisdictions": seconds,
    }


def long_draft(drafts_dir: Path = DRAFTS, target: int = 5000) -> str:
    """A ~5000-字 draft: the clean Shanghai draft with its plan sections repeated and extended."""
    from rag.count import count

    base = (drafts_dir / "sh_renumbered_injection.md").read_text(encoding="utf-8")
    filler = "\n围绕供应链上下游协同，持续扩大数据资源接入范围，完善运营规则，提升场景应用成效，形成可复制推广的经验。\n"
    text = base
    n = 0
    while count(text) < target:
        n += 1
        text += f"\n## 补充说明{n}\n" + filler * 3
    return text


def _bench(drafts_dir: Path, profiles: dict, texts: dict) -> float:
    from rag.check import lazy_embed

    text = long_draft(drafts_dir)
    started = time.perf_counter()
    draft = parse_draft_text(text, "bench.md")
    check_draft(draft, list(profiles.values()), texts, dt.date(2025, 10, 20), lazy_embed(Settings()))
    return round(time.perf_counter() - started, 3)


def check_report(drafts_dir: Path = DRAFTS) -> list[dict[str, Any]]:
    """Per draft: planted defects not found and unplanted gaps (for looking into a low score)."""
    gold = json.loads((drafts_dir / "gold.json").read_text(encoding="utf-8"))
    settings = Settings()
    profiles, texts, _ = build_profiles("bundled")
    rows = []
    for entry in gold:
        draft = parse_draft_file(drafts_dir / entry["file"], settings)
        result = check_draft(draft, [profiles[entry["jurisdiction"]]], texts, dt.date.fromisoformat(entry["as_of"]))[0]
        missed = [d for d in entry["defects"] if not any(_matches(f, d) for f in result.findings)]
        extra = [f"{f.check}:{f.item}:{f.status}:{f.severity}:{f.evidence[:40]}" for f in result.findings
                 if f.status != "ok" and f.severity != "info" and not any(_matches(f, d) for d in entry["defects"])]
        rows.append({"file": entry["file"], "missed": missed, "false_alarms": extra})
    return rows

"""Eligibility verdicts and windows scored against gold applicant cases (bundled and unseen notices).

Profiles are built straight from the files (no index). A case names its jurisdictions,
or — like the CLI — the applicant's stated targets pick them. Free-text cases may also
carry the facts a reader takes from the text; extraction is scored field by field over
the union of gold and extracted facts, so a fact filled in without being said counts
as an error.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from rag.applicant import Applicant, applicant_from_dict, applicant_to_dict
from rag.applicant_text import extract_rules
from rag.eligibility import evaluate, target_ids
from rag.normalise import is_verbatim
from rag.records import Profile

from .profile_eval import build_profiles

GOLD = Path(__file__).resolve().parent / "data" / "eligibility_gold.jsonl"


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    """The gold cases, one JSON object a line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def applicant_of(case: dict[str, Any]) -> Applicant:
    """The case's applicant: structured data, or free text read by the rules."""
    if "applicant" in case:
        return applicant_from_dict(case["applicant"])[0]
    return extract_rules(case["text"])


def run_case(case: dict[str, Any], profiles: dict[str, Profile]) -> dict[str, Any]:
    """Evaluate one case; return the system's verdict and window per jurisdiction, and its criteria."""
    applicant = applicant_of(case)
    known = {j: p.name for j, p in profiles.items()}
    ids = case.get("jurisdictions") or target_ids(applicant.targets or (), known)[0] or list(known)
    report = evaluate(applicant, [profiles[j] for j in ids], dt.date.fromisoformat(case["as_of"]))
    return {"applicant": applicant, "results": {r.jurisdiction: r for r in report.results}}


def extraction_score(case: dict[str, Any], applicant: Applicant) -> tuple[int, int]:
    """(correct fields, fields) over gold facts ∪ extracted facts."""
    gold = case["extract"]
    # the free-form figures (资产负债率=52%) are judged through the verdicts, not field by field
    got = {k: v for k, v in applicant_to_dict(applicant).items() if v is not None and k != "figures"}
    keys = set(gold) | set(got)
    return sum(1 for k in keys if gold.get(k) == got.get(k)), len(keys)


def evaluate_split(split: str, cases: list[dict[str, Any]], texts: dict[str, str] | None = None,
                   profiles: dict[str, Profile] | None = None) -> dict[str, Any]:
    """Verdict accuracy, window accuracy, citation rate and extraction accuracy for one split."""
    if profiles is None or texts is None:
        profiles, texts, _ = build_profiles(split)
    verdicts = windows = total = cited = decided = 0
    right_fields = all_fields = 0
    misses: list[str] = []
    for case in cases:
        out = run_case(case, profiles)
        for jid, want in case["expected"].items():
            result = out["results"].get(jid)
            total += 1
            if result is None:
                misses.append(f"{case['id']}:{jid}: not evaluated")
                continue
            verdicts += result.verdict == want["verdict"]
            windows += result.window.window == want["window"]
            if result.verdict != want["verdict"] or result.window.window != want["window"]:
                misses.append(f"{case['id']}:{jid}: got {result.verdict}/{result.window.window}, want {want['verdict']}/{want['window']}")
            for c in result.criteria:
                if c.status in ("met", "unmet"):
                    decided += 1
                    source = texts.get(c.citation.doc_id, "")
                    cited += bool(c.citation.quote) and is_verbatim(c.citation.quote, source)
        if "extract" in case:
            right, n = extraction_score(case, out["applicant"])
            right_fields += right
            all_fields += n
    return {
        "cases": len(cases),
        "verdict_accuracy": verdicts / total if total else 0.0,
        "window_accuracy": windows / total if total else 0.0,
        "citation_rate": cited / decided if decided else 1.0,
        "extraction_accuracy": right_fields / all_fields if all_fields else 1.0,
        "misses": misses,
    }


def splits_of(cases: list[dict[str, Any]]) -> list[str]:
    """The splits the cases name, bundled first, in order of first appearance."""
    return list(dict.fromkeys(["bundled"] + [c.get("split", "bundled") for c in cases]))


def evaluate_eligibility(path: Path = GOLD) -> dict[str, float]:
    """Flat metrics: eligibility_* on the bundled corpus, eligibility_<split>_* on each notice set
    the cases name (unseen, unseen11…)."""
    cases = load_gold(path)
    out: dict[str, float] = {}
    for split in splits_of(cases):
        prefix = "eligibility" if split == "bundled" else f"eligibility_{split}"
        chosen = [c for c in cases if c.get("split", "bundled") == split]
        metrics = evaluate_split(split, chosen)
        out[f"{prefix}_cases"] = metrics["cases"]
        for key in ("verdict_accuracy", "window_accuracy", "citation_rate", "extraction_accuracy"):
            out[f"{prefix}_{key}"] = round(metrics[key], 3)
    return out


def _bad_applicant(case: dict[str, Any]) -> str | None:
    try:
        applicant_of(case)
    except ValueError as exc:
        return f"{case['id']}: {exc}"
    return None


if __name__ == "__main__":  # pragma: no cover - manual inspection of misses
    for split in splits_of(load_gold()):
        chosen = [c for c in load_gold() if c.get("split", "bundled") == split]
        problems = [p for p in (_bad_applicant(c) for c in chosen) if p]
        metrics = evaluate_split(split, chosen)
        print(split, {k: v for k, v in metrics.items() if k != "misses"})
        for line in problems + metrics["misses"]:
            print("  ", line)

"""Requirement-profile extraction scored against gold profiles (bundled corpus, dev, unseen, unseen2, unseen3, unseen4, unseen5, unseen6, unseen7, unseen8, unseen9, unseen10, unseen11, unseen12, unseen13 or unseen14 notices).

Match rules: deadlines by date + party; sections by title containment + exact limit;
tasks by title containment + mandatory flag; eligibility and submission by quote
containment (submission also by channel); materials by title containment + required;
quotas by value (+ quote containment); the window by each gold date.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from rag.loaders import load_file
from rag.normalise import is_verbatim, normalise
from rag.profile import extract_profile, window_status
from rag.records import DocumentMeta, Profile, SourceText
from rag.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SPLITS = {
    "bundled": (ROOT / "corpus", ROOT / "corpus" / "manifest.yaml", ROOT / "evaluators" / "data" / "gold_profiles"),
    "unseen": (ROOT / "evaluators" / "unseen", ROOT / "evaluators" / "unseen" / "manifest.yaml", ROOT / "evaluators" / "unseen" / "gold"),
    # second held-out set, written without reading the extraction code; never tuned on
    "unseen2": (ROOT / "evaluators" / "unseen2", ROOT / "evaluators" / "unseen2" / "manifest.yaml", ROOT / "evaluators" / "unseen2" / "gold"),
    # third held-out set (HTML, bold-paragraph DOCX, Markdown), written the same way; never tuned on
    "unseen3": (ROOT / "evaluators" / "unseen3", ROOT / "evaluators" / "unseen3" / "manifest.yaml", ROOT / "evaluators" / "unseen3" / "gold"),
    # fourth held-out set (PDF with footers, heading-styled DOCX with a task table, plain-text sector notice); never tuned on
    "unseen4": (ROOT / "evaluators" / "unseen4", ROOT / "evaluators" / "unseen4" / "manifest.yaml", ROOT / "evaluators" / "unseen4" / "gold"),
    # fifth held-out set (plain-text provincial notice, DOCX with table-cell limits, sector PDF with "— N —" footers); never tuned on
    "unseen5": (ROOT / "evaluators" / "unseen5", ROOT / "evaluators" / "unseen5" / "manifest.yaml", ROOT / "evaluators" / "unseen5" / "gold"),
    # sixth held-out set (HTML municipal notice with a limits table, provincial plain text with EMS and e-mail, sector DOCX with task and material tables); never tuned on
    "unseen6": (ROOT / "evaluators" / "unseen6", ROOT / "evaluators" / "unseen6" / "manifest.yaml", ROOT / "evaluators" / "unseen6" / "gold"),
    # seventh held-out set (provincial plain text with an 答辩 date, DOCX template with grey limit paragraphs, HTML funding guide with a materials table); never tuned on
    "unseen7": (ROOT / "evaluators" / "unseen7", ROOT / "evaluators" / "unseen7" / "manifest.yaml", ROOT / "evaluators" / "unseen7" / "gold"),
    # eighth held-out set (provincial plain text, DOCX with task and template tables, sector PDF with "— n —" footers; varied dates and non-deadline dates); never tuned on
    "unseen8": (ROOT / "evaluators" / "unseen8", ROOT / "evaluators" / "unseen8" / "manifest.yaml", ROOT / "evaluators" / "unseen8" / "gold"),
    # ninth held-out set (heading-styled DOCX with template and summary tables, HTML municipal notice with e-mail, plain-text 第X条 funding guide with EMS; varied dates); never tuned on
    "unseen9": (ROOT / "evaluators" / "unseen9", ROOT / "evaluators" / "unseen9" / "manifest.yaml", ROOT / "evaluators" / "unseen9" / "gold"),
    # tenth held-out set (provincial PDF with "— n —" footers and 【必建】 flags, traditional-script Markdown municipal notice, sector DOCX with task and material tables); never tuned on
    "unseen10": (ROOT / "evaluators" / "unseen10", ROOT / "evaluators" / "unseen10" / "manifest.yaml", ROOT / "evaluators" / "unseen10" / "gold"),
    # eleventh held-out set (municipal plain text with 基础/拓展 tasks, heading-styled provincial DOCX with a 必须建设/自主选择 task table, sector HTML with 牵头/参与 tiers and an outline table); never tuned on
    "unseen11": (ROOT / "evaluators" / "unseen11", ROOT / "evaluators" / "unseen11" / "manifest.yaml", ROOT / "evaluators" / "unseen11" / "gold"),
    # twelfth held-out set (provincial PDF with "— n —" footers and a dense semicolon condition paragraph, municipal Markdown with a 事项/时间/责任主体 table and 牵头/联合 tiers, sector DOCX with 约束性/引导性 task and 必须/选择/如涉及 material tables); never tuned on
    "unseen12": (ROOT / "evaluators" / "unseen12", ROOT / "evaluators" / "unseen12" / "manifest.yaml", ROOT / "evaluators" / "unseen12" / "gold"),
    # thirteenth held-out set (provincial plain-text 第X章/第X条 guide with 基础类/提升类 tasks, municipal HTML with 申报主体/合作单位 tiers and 必交/选交 materials, sector DOCX with heading-styled 必选/可选 tasks and a 篇幅要求 table); never tuned on
    "unseen13": (ROOT / "evaluators" / "unseen13", ROOT / "evaluators" / "unseen13" / "manifest.yaml", ROOT / "evaluators" / "unseen13" / "gold"),
    # fourteenth held-out set (municipal DOCX with a 条件类别/具体要求 condition table and limits on note lines of their own, traditional-script provincial plain text with 【必選】/【可選】 tasks and e-mail, city 工信局 funding-guide PDF with "— n —" footers, numeric bars and a yearless recommender date); never tuned on
    "unseen14": (ROOT / "evaluators" / "unseen14", ROOT / "evaluators" / "unseen14" / "manifest.yaml", ROOT / "evaluators" / "unseen14" / "gold"),
    # notices written for developing the rules: tuned on, unlike "unseen"
    "dev": (ROOT / "evaluators" / "dev", ROOT / "evaluators" / "dev" / "manifest.yaml", ROOT / "evaluators" / "dev" / "gold"),
}
CATEGORIES = ("deadline", "section", "task", "eligibility", "submission", "material", "quota")


def build_profiles(split: str = "bundled", as_of: dt.date | None = None) -> tuple[dict[str, Profile], dict[str, str], float]:
    """Profiles of every jurisdiction of a split, the source texts by doc_id, and seconds taken."""
    folder, manifest_path, _ = SPLITS[split]
    manifest = yaml.safe_load(manifest_path.read_text(encoding="utf-8")) or {}
    entries = manifest.get("documents", manifest) if isinstance(manifest, dict) else manifest
    settings = Settings()
    loaded: dict[str, list[tuple[DocumentMeta, SourceText]]] = {}
    names: dict[str, str] = {}
    texts: dict[str, str] = {}
    for entry in entries:
        meta = DocumentMeta(
            doc_id=str(entry["doc_id"]),
            title=str(entry.get("title", "")),
            jurisdiction=str(entry["jurisdiction"]),
            jurisdiction_name=str(entry.get("jurisdiction_name", entry["jurisdiction"])),
            issuer=str(entry.get("issuer", "")),
            doc_number=str(entry.get("doc_number", "")),
            issued_on=str(entry.get("issued_on", "") or ""),
            kind=str(entry.get("kind", "notice")),
            path=str(entry["file"]),
        )
        source = load_file(folder / entry["file"], settings)
        texts[meta.doc_id] = source.text
        loaded.setdefault(meta.jurisdiction, []).append((meta, source))
        names[meta.jurisdiction] = meta.jurisdiction_name
    started = time.perf_counter()
    day = as_of or dt.date.today()
    profiles = {j: extract_profile(j, names[j], docs, day) for j, docs in loaded.items()}
    return profiles, texts, time.perf_counter() - started


def evaluate_profiles(split: str = "bundled") -> dict[str, float]:
    """Per-category recall and precision, overall precision, window accuracy, citation-verbatim rate."""
    _, _, gold_dir = SPLITS[split]
    profiles, texts, seconds = build_profiles(split)
    totals = {c: [0, 0, 0, 0] for c in CATEGORIES}  # gold matched, gold, extracted matched, extracted
    kind_hits = kind_total = window_hits = window_total = 0
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        profile = profiles.get(gold["jurisdiction"])
        if profile is None:
            continue
        for category, scorer in _SCORERS.items():
            result = scorer(gold, profile)
            for k in range(4):
                totals[category][k] += result[k]
        hits, total = _eligibility_kinds(gold, profile)
        kind_hits, kind_total = kind_hits + hits, kind_total + total
        for day, expected in (gold.get("window") or {}).items():
            window_total += 1
            window_hits += window_status(profile.deadlines, day).window == expected
    metrics: dict[str, float] = {}
    prefix = f"profile_{split}"
    for category, (g_hit, g_all, e_hit, e_all) in totals.items():
        metrics[f"{prefix}_{category}_recall"] = _ratio(g_hit, g_all)
        metrics[f"{prefix}_{category}_precision"] = _ratio(e_hit, e_all)
    metrics[f"{prefix}_overall_recall"] = _ratio(sum(t[0] for t in totals.values()), sum(t[1] for t in totals.values()))
    metrics[f"{prefix}_overall_precision"] = _ratio(sum(t[2] for t in totals.values()), sum(t[3] for t in totals.values()))
    metrics[f"{prefix}_eligibility_kind_accuracy"] = _ratio(kind_hits, kind_total)
    metrics[f"{prefix}_window_accuracy"] = _ratio(window_hits, window_total)
    metrics[f"{prefix}_citation_verbatim_rate"] = _verbatim_rate(profiles, texts)
    metrics[f"{prefix}_seconds"] = round(seconds, 3)
    return metrics


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 1.0


def _n(text: str | None) -> str:
    """Comparable form: normalised, no whitespace, no trailing punctuation."""
    return re.sub(r"\s+", "", normalise(text or "")).strip("。，,；;:：")


def _contains(a: str, b: str) -> bool:
    """Either text contains the other (shorter side at least two characters)."""
    a, b = _n(a), _n(b)
    return bool(a and b) and (a in b or (len(b) >= 2 and b in a))


def _one_to_one(gold: list[Any], found: list[Any], ok: Callable[[Any, Any], bool]) -> tuple[int, int, int, int]:
    """Greedy one-to-one matching: each extracted item answers at most one gold item."""
    used: set[int] = set()
    hits = 0
    for g in gold:
        for i, f in enumerate(found):
            if i not in used and ok(g, f):
                used.add(i)
                hits += 1
                break
    return hits, len(gold), len(used), len(found)


def _many(gold: list[Any], found: list[Any], ok: Callable[[Any, Any], bool]) -> tuple[int, int, int, int]:
    """Containment matching where one extracted clause may hold several gold conditions."""
    g_hit = sum(any(ok(g, f) for f in found) for g in gold)
    e_hit = sum(any(ok(g, f) for g in gold) for f in found)
    return g_hit, len(gold), e_hit, len(found)


def _deadlines(gold: dict[str, Any], p: Profile) -> tuple[int, int, int, int]:
    return _one_to_one(gold.get("deadlines", []), p.deadlines, lambda g, f: g["date"] == f.date and g["who"] == f.who)


def _sections(gold: dict[str, Any], p: Profile) -> tuple[int, int, int, int]:
    # exact titles first, so a broader title does not take a narrower one's match
    items = gold.get("sections", [])
    exact = [g for g in items if any(_n(g["title"]) == _n(f.title) for f in p.sections)]
    rest = [g for g in items if g not in exact]
    return _one_to_one(exact + rest, p.sections, lambda g, f: _contains(g["title"], f.title) and g.get("limit") == f.limit)


def _tasks(gold: dict[str, Any], p: Profile) -> tuple[int, int, int, int]:
    return _one_to_one(gold.get("tasks", []), p.tasks, lambda g, f: _contains(g["title"], f.title) and g.get("mandatory") == f.mandatory)


def _eligibility(gold: dict[str, Any], p: Profile) -> tuple[int, int, int, int]:
    return _many(gold.get("eligibility", []), p.eligibility, lambda g, f: _quote_match(g["quote_contains"], f.citation.quote))


def _submission(gold: dict[str, Any], p: Profile) -> tuple[int, int, int, int]:
    return _many(
        gold.get("submission", []), p.submission,
        lambda g, f: g["channel"] == f.channel and _quote_match(g["quote_contains"], f.citation.quote),
    )


def _materials(gold: dict[str, Any], p: Profile) -> tuple[int, int, int, int]:
    return _one_to_one(
        gold.get("materials", []), p.materials,
        lambda g, f: _n(g["title_contains"]) in _n(f.title) and g.get("required") == f.required,
    )


def _quotas(gold: dict[str, Any], p: Profile) -> tuple[int, int, int, int]:
    return _one_to_one(
        gold.get("quotas", []), p.quotas,
        lambda g, f: g.get("value") == f.value and _quote_match(g.get("quote_contains", ""), f.citation.quote),
    )


def _quote_match(gold_quote: str, quote: str) -> bool:
    g, q = _n(gold_quote), _n(quote)
    return bool(g) and (g in q or (len(q) >= 6 and q in g))


def _eligibility_kinds(gold: dict[str, Any], p: Profile) -> tuple[int, int]:
    """Of the gold conditions found, how many are found with the gold's kind."""
    hits = total = 0
    for g in gold.get("eligibility", []):
        matching = [f for f in p.eligibility if _quote_match(g["quote_contains"], f.citation.quote)]
        if matching:
            total += 1
            hits += any(f.kind == g["kind"] for f in matching)
    return hits, total


def _verbatim_rate(profiles: dict[str, Profile], texts: dict[str, str]) -> float:
    good = total = 0
    for profile in profiles.values():
        for key in ("eligibility", "deadlines", "submission", "tasks", "sections", "materials", "quotas"):
            for item in getattr(profile, key):
                total += 1
                source = texts.get(item.citation.doc_id, "")
                good += bool(item.citation.quote) and is_verbatim(item.citation.quote, source)
    return _ratio(good, total)


_SCORERS = {
    "deadline": _deadlines,
    "section": _sections,
    "task": _tasks,
    "eligibility": _eligibility,
    "submission": _submission,
    "material": _materials,
    "quota": _quotas,
}

"""Drafting scored against gold tasks: within the limit, points covered, every fact accounted for.

Each task names a template section and a company's facts. Offline drafts are made in
both count modes; model drafts come from the OpenAI-compatible stub server scripted to
answer 2× over the limit (and to refuse to compress), so the trimming path is what keeps
them within the limit. Metrics are flat numbers for `python -m evaluators`.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import yaml

from rag.count import count
from rag.draft import Draft, draft_section
from rag.facts import Facts, facts_from_mapping
from rag.normalise import normalise
from rag.records import Profile

GOLD = Path(__file__).resolve().parent / "data" / "drafting_gold.yaml"
_JURISDICTIONS = {"上海": "shanghai", "浙江": "zhejiang", "安徽": "anhui", "国家": "national"}
INVENTED = "截至目前已累计服务客户987家。"
FILLER = "本单位将围绕可信数据空间建设要求持续完善相关工作，推动数据安全有序流通。"


def load_gold(path: Path = GOLD) -> tuple[dict[str, Facts], list[dict[str, Any]]]:
    """(facts by company, tasks) of the drafting gold file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    companies = {name: facts_from_mapping(values) for name, values in data["companies"].items()}
    return companies, list(data["tasks"])


def over_limit_reply(body: dict[str, Any], factor: float = 2.0) -> str:
    """A stub model's reply: the prompt's facts, filler and one invented claim, `factor`× the limit.

    Asked to compress (the prompt fences the text in <data>), it hands the text back as it
    was, so only the final trimming can bring the draft within the limit.
    """
    prompt = "\n".join(str(m.get("content", "")) for m in body.get("messages", []))
    fenced = re.search(r"<data>\s*(.*?)\s*</data>", prompt, re.S)
    if fenced:
        return fenced.group(1)
    m = re.search(r"字数上限：\s*(\d+)", prompt)
    limit = int(m.group(1)) if m else 500
    facts = re.findall(r"^- ([^：\n]+)：(.+)$", prompt, re.M)
    sentences = [f"{key}方面，{value.rstrip('。')}。" for key, value in facts] + [INVENTED]
    text = ""
    while count(text) < factor * limit:
        text += "".join(sentences) + FILLER
    return text


def evaluate_drafting(path: Path = GOLD, model: bool = True) -> dict[str, float]:
    """Flat drafting metrics over the gold tasks (see the module docstring)."""
    from evaluators.profile_eval import build_profiles

    profiles, _, _ = build_profiles()
    companies, tasks = load_gold(path)
    within: list[bool] = []
    covered: list[bool] = []
    accounted: list[bool] = []
    seconds: list[float] = []
    for task in tasks:
        profile = profiles[_JURISDICTIONS[task["jurisdiction"]]]
        facts = companies[task["company"]]
        for mode in ("word", "char"):
            started = time.perf_counter()
            draft = draft_section(profile, task["section"], facts, limit=task["limit"], count_mode=mode)
            seconds.append(time.perf_counter() - started)
            within.append(_within(draft))
            accounted += _accounted(draft, facts)
            if mode == "word":
                covered += _covered(draft, facts, task["covers"])
    out = {
        "draft_tasks": float(len(tasks)),
        "draft_within_limit_rate_offline": _rate(within),
        "draft_point_coverage": _rate(covered),
        "draft_fact_accounted_rate": _rate(accounted),
        "draft_offline_seconds_max": round(max(seconds), 4),
    }
    if model:
        model_within, model_accounted, removed = _model_runs(profiles, companies, tasks)
        out["draft_within_limit_rate_model"] = _rate(model_within)
        out["draft_fact_accounted_rate_model"] = _rate(model_accounted)
        out["draft_invented_removed_rate"] = _rate(removed)
        within += model_within
    out["draft_within_limit_rate"] = _rate(within)
    return out


def _model_runs(profiles: dict[str, Profile], companies: dict[str, Facts],
                tasks: list[dict[str, Any]]) -> tuple[list[bool], list[bool], list[bool]]:
    from rag.llm import make_backend
    from rag.settings import Settings
    from rag.testing.stub_openai import StubOpenAI

    within: list[bool] = []
    accounted: list[bool] = []
    removed: list[bool] = []
    with StubOpenAI(script=over_limit_reply) as stub:
        settings = Settings(llm="openai", llm_base_url=stub.base_url, llm_model="stub", llm_retries=0)
        backend = make_backend(settings)
        for task in tasks:
            profile = profiles[_JURISDICTIONS[task["jurisdiction"]]]
            facts = companies[task["company"]]
            for mode in ("word", "char"):
                draft = draft_section(profile, task["section"], facts, settings, backend, task["limit"], mode)
                within.append(_within(draft) and draft.mode != "offline-fallback")
                accounted += _accounted(draft, facts)
                removed.append("987" not in draft.text)
    return within, accounted, removed


def _within(draft: Draft) -> bool:
    return draft.limit is None or count(draft.text, draft.count_mode) <= draft.limit  # type: ignore[arg-type]


def _accounted(draft: Draft, facts: Facts) -> list[bool]:
    text = normalise(draft.text)
    dropped = {d.key for d in draft.dropped_facts}
    return [normalise(f.value.rstrip("。")) in text or f.key in dropped for f in facts.items]


def _covered(draft: Draft, facts: Facts, covers: dict[str, list[str]]) -> list[bool]:
    text = normalise(draft.text)
    out = []
    for keys in covers.values():
        values = [facts.get(k) for k in keys]
        out.append(any(v is not None and normalise(v.value.rstrip("。")) in text for v in values))
    return out


def _rate(flags: list[bool]) -> float:
    return round(sum(flags) / len(flags), 4) if flags else 0.0

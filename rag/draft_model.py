"""Model drafting: the draft prompt, the grounding of its facts, and the limit loop.

The reply is checked sentence by sentence: a number, date, place or organisation it
states must appear in the applicant's facts or in the notice (section guidance and the
profile's cited clauses); sentences with invented values are removed and reported. Then
the limit loop: count; if over, one compression request; if still over, trim whole
sentences lowest value first. The result is never over the limit.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .count import CountMode, count
from .errors import BackendError
from .facts import Facts, match_facts
from .fit import Unit, fit, render
from .generate import complete
from .grounding import Evidence, evidence_of, split_sentences, stated_values, supports
from .normalise import normalise
from .records import Profile
from .sections import SectionSpec
from .settings import Settings

_COUNT_RULES = {
    "word": "每个汉字或中文标点计1字，连续的英文字母或数字计1字，空白不计",
    "char": "每个非空白字符计1字",
}
_MARKDOWN = re.compile(r"^\s*(?:#{1,6}\s*|>\s*)|\*\*|__")


def model_draft(spec: SectionSpec, facts: Facts, profile: Profile, limit: int | None, mode: CountMode,
                backend, settings: Settings):  # type: ignore[no-untyped-def]
    """A model-written draft of `spec`, grounded and within `limit`; BackendError when the model fails."""
    from .draft import FAR_UNDER, Draft, PointStatus, about_applicant, account

    variables = {
        "section_title": spec.title,
        "limit": limit if limit is not None else "不限",
        "count_rule": _COUNT_RULES[mode],
        "points": list(spec.points),
        "facts": facts.as_dict(),
        "notice_terms": [spec.guidance] if spec.guidance else [],
    }
    evidence = _evidence(spec, facts, profile)
    text, removed = ground(_clean(complete(backend, "draft_section", variables, settings), spec.title), evidence)
    if not text.strip():
        # nothing the model wrote could be verified: an empty "draft" is no answer, the offline one is
        raise BackendError("模型草稿中没有可核实的句子 / none of the model's draft could be verified: " + "、".join(removed))
    notices: list[str] = []
    if limit is not None and count(text, mode) > limit:
        shorter = complete(backend, "compress_to_limit",
                           {"text": text, "limit": limit, "count_rule": _COUNT_RULES[mode]}, settings)
        shorter, removed_again = ground(_clean(shorter, spec.title), evidence)
        if count(shorter, mode) < count(text, mode):
            text, removed = shorter, removed + [v for v in removed_again if v not in removed]
            notices.append("已请模型压缩 / compressed by the model")
    if limit is not None and count(text, mode) > limit:
        kept, dropped = fit(_units(text, facts, spec), limit, mode)
        text = render(kept)
        notices.append(f"已删去 {len(dropped)} 句以满足字数上限 / trimmed {len(dropped)} sentence(s) to the limit")
    if removed:
        notices.append("已删除无法由事实或通知核实的内容 / removed unsupported values: " + "、".join(removed))
    used = count(text, mode)
    if limit is not None and used < FAR_UNDER * limit:
        notices.append(f"草稿仅 {used} 字，不足上限 {limit} 的六成，建议补充事实 / draft is far under the limit")
    assigned, _ = match_facts(facts, spec.points, about_applicant(spec))
    norm = normalise(text)
    points = tuple(
        PointStatus(p.point, normalise(bare(p.point)) in norm
                    or any(normalise(f.value.rstrip("。")) in norm for f in p.facts))
        for p in assigned
    )
    return Draft(
        jurisdiction=profile.jurisdiction, section=spec.title, text=text, count=count(text, mode), limit=limit,
        count_mode=mode, points=points, missing=tuple(p.point for p in points if not p.covered),
        citations=(spec.citation,), mode=getattr(backend, "name", "model"), notice="；".join(notices),
        dropped_facts=account(text, facts, [], "not_used"), removed_values=tuple(removed),
    )


def bare(point: str) -> str:
    """A point without trailing 等/情况 so its heading words can be looked for in a draft."""
    return re.sub(r"(?:等)?(?:情况|内容)?$", "", point)


def _clean(reply: str, title: str) -> str:
    """The reply as plain section text: no Markdown marks, no repeated section title line."""
    lines = [_MARKDOWN.sub("", line).strip() for line in reply.strip().splitlines()]
    if lines and normalise(lines[0]).strip("：: ") == normalise(title):
        lines = lines[1:]
    return "\n".join(line for line in lines if line)


def _evidence(spec: SectionSpec, facts: Facts, profile: Profile) -> list[Evidence]:
    """What a value in the draft may rest on: the facts, the section guidance, the cited notice."""
    texts = [f"{f.key}：{f.value}" for f in facts.items] + [spec.guidance, spec.citation.quote, profile.name]
    for group in (profile.eligibility, profile.deadlines, profile.submission, profile.quotas, profile.sections):
        texts += [item.citation.quote for item in group]
    if facts.materials is not None:
        texts += [p.text for p in facts.materials.passages]
    return [evidence_of(t) for t in texts if t]


def ground(text: str, evidence: list[Evidence]) -> tuple[str, list[str]]:
    """`text` without the sentences whose values no evidence holds, and those values."""
    kept: list[str] = []
    removed: list[str] = []
    for sentence in split_sentences(text):
        unsupported = [v.text for v in stated_values(sentence) if not any(supports(e, v) for e in evidence)]
        if unsupported:
            removed += [v for v in unsupported if v not in removed]
            if sentence.endswith("\n"):
                kept.append("\n")
            continue
        kept.append(sentence)
    return render([Unit(s, 0.0) for s in kept]), removed


def _units(text: str, facts: Facts, spec: SectionSpec) -> list[Unit]:
    """Sentences of a model draft valued by the facts and point words they carry."""
    units = []
    for sentence in split_sentences(text):
        norm = normalise(sentence)
        keys = tuple(f.key for f in facts.items if normalise(f.value.rstrip("。")) in norm)
        terms = sum(1 for p in spec.points if normalise(bare(p)) in norm)
        value = 10.0 * len(keys) + 3.0 * terms + (5.0 if "待补充" in sentence else 0.0) + 1.0
        units.append(replace(Unit(sentence, value), keys=keys, kind="fact" if keys else "text"))
    return units

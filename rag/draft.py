"""Section drafts within the 字数 limit: composed offline from the facts, or written by a model.

Offline (the default) a draft is composed point by point: the template's own heading for
each point, then the applicant's facts that serve it, or `【待补充：…】` where none does,
then fitted to the limit by dropping whole sentences, lowest value first. With a model
backend the draft prompt is rendered and the reply is grounded, compressed and trimmed
(`rag.draft_model`); any backend failure falls back to the offline draft, saying so.
Whatever the path, the text returned is never over the limit in the chosen count mode.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .count import CountMode, count, counter_label
from .errors import BackendError, InputError
from .facts import IDENTITY, Fact, Facts, facts_from_text, load_facts_file, match_facts
from .fit import Unit, fit, render
from .grounding import split_sentences
from .normalise import normalise
from .records import Citation, Profile, to_dict
from .sections import SectionSpec, bare_title, catalogue, find_section
from .settings import Settings

MISSING = "【待补充：{}】"
FAR_UNDER = 0.6  # below this share of the limit the writer is told the draft is thin
_CN_ORDINALS = "一二三四五六七八九十"
# a section about the applicant itself opens with who the applicant is
_ABOUT_APPLICANT = re.compile(r"申报单位|申报主体|基本情况|单位简介|概况|主营业务")


@dataclass(frozen=True)
class PointStatus:
    """Whether the draft covers one point the template asks for."""

    point: str
    covered: bool


@dataclass(frozen=True)
class DroppedFact:
    """A fact value given but not in the draft, and why (length | not_relevant | not_used)."""

    key: str
    value: str
    reason: str


@dataclass(frozen=True)
class Draft:
    """One section draft and its account: count, points covered, missing facts, citations."""

    jurisdiction: str
    section: str
    text: str
    count: int
    limit: int | None
    count_mode: str
    points: tuple[PointStatus, ...]
    missing: tuple[str, ...]
    citations: tuple[Citation, ...]
    mode: str = "offline"  # offline | <backend name> | offline-fallback
    notice: str = ""
    dropped_facts: tuple[DroppedFact, ...] = ()
    removed_values: tuple[str, ...] = ()  # invented numbers/names/dates taken out of a model draft

    def to_json(self) -> dict[str, Any]:
        """The SPEC's draft JSON shape (plus mode, notice, dropped_facts, removed_values)."""
        data = to_dict(self)
        data["label"] = counter_label(self.text, self.limit, self.count_mode)  # type: ignore[arg-type]
        return data


# ---- offline composition ---------------------------------------------------------------


@dataclass
class Composition:
    """Units of a composed draft with the fact assignment behind them."""

    units: list[Unit]
    points: list[str]
    unused: list[Fact] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def about_applicant(spec: SectionSpec) -> bool:
    """True for a section about the applicant itself (it opens with who the applicant is)."""
    return bool(_ABOUT_APPLICANT.search(spec.title + "".join(spec.points[:1])))


def compose(spec: SectionSpec, facts: Facts) -> Composition:
    """The offline draft's units: per point a heading, its facts (or a 待补充 marker)."""
    assigned, unused = match_facts(facts, spec.points, about_applicant(spec))
    headed = not (len(spec.points) == 1 and spec.points[0] == bare_title(spec.title))
    units: list[Unit] = []
    missing: list[str] = []
    for g, point_facts in enumerate(assigned):
        if headed:
            label = f"（{_CN_ORDINALS[g]}）" if g < len(_CN_ORDINALS) else f"{g + 1}."
            units.append(Unit(f"{label}{point_facts.point}\n", 1000.0, g, heading=True, kind="heading"))
        body: list[Unit] = []
        for rank, fact in enumerate(point_facts.facts):
            body += _fact_units(fact, g, rank)
        if facts.materials is not None:
            for passage in facts.materials.search(f"{spec.title} {point_facts.point}", k=2):
                first = split_sentences(passage.text)[0].strip()
                body.append(Unit(first, 40.0, g, keys=(), kind="material"))
        if not body:
            missing.append(point_facts.point)
            body.append(Unit(MISSING.format(point_facts.point), 70.0, g, kind="missing"))
        body[-1] = Unit(body[-1].text + "\n", body[-1].value, g, keys=body[-1].keys, kind=body[-1].kind)
        units += body
    return Composition(units, list(spec.points), unused, missing)


def _fact_units(fact: Fact, group: int, rank: int) -> list[Unit]:
    """A fact as whole sentences; the first sentence of the best fact is worth most."""
    value = fact.value.strip().rstrip("。；;，, ")
    if _is_prose(value):
        sentences = [s for s in split_sentences(value + "。") if s.strip()]
    else:
        sentences = [f"{fact.key}为{value}。"]
    base = 100.0 - 8.0 * rank
    if fact.key in IDENTITY:
        base = 160.0 - 8.0 * IDENTITY.index(fact.key)  # who the applicant is outranks detail
    return [Unit(s, base - 3.0 * i, group, keys=(fact.key,), kind="fact") for i, s in enumerate(sentences)]


def _is_prose(value: str) -> bool:
    """A value that reads as a sentence on its own (not a code, a name or a number)."""
    cjk = sum(1 for ch in value if "\u4e00" <= ch <= "\u9fff")
    return cjk >= 12 or (cjk >= 4 and bool(re.search(r"[，。；,;]", value)))


def offline_draft(spec: SectionSpec, facts: Facts, jurisdiction: str, limit: int | None,
                  mode: CountMode = "word") -> Draft:
    """The offline draft of a section: composed from the facts, fitted to the limit."""
    composition = compose(spec, facts)
    kept, _ = fit(composition.units, limit, mode)
    text = render(kept)
    points = tuple(
        PointStatus(p, any(u.group == g and u.kind in ("fact", "material") for u in kept))
        for g, p in enumerate(composition.points)
    )
    notice = ""
    if limit is not None and not any(u.kind != "heading" for u in kept) and composition.units:
        notice = f"字数上限 {limit} 过小，放不下任何完整句子 / limit {limit} holds no whole sentence"
    return Draft(
        jurisdiction=jurisdiction, section=spec.title, text=text, count=count(text, mode), limit=limit,
        count_mode=mode, points=points, missing=tuple(composition.missing), citations=(spec.citation,),
        mode="offline", notice=notice, dropped_facts=account(text, facts, composition.unused),
    )


def account(text: str, facts: Facts, unused: list[Fact], reason_missing: str = "length") -> tuple[DroppedFact, ...]:
    """Every given fact whose value is not in `text`, with why it was left out."""
    norm_text = normalise(text)
    unused_keys = {f.key for f in unused}
    dropped = []
    for fact in facts.items:
        if normalise(fact.value.strip().rstrip("。")) in norm_text:
            continue
        reason = "not_relevant" if fact.key in unused_keys else reason_missing
        dropped.append(DroppedFact(fact.key, fact.value, reason))
    return tuple(dropped)


# ---- the entry points ------------------------------------------------------------------


def draft_section(profile: Profile, section: str | SectionSpec, facts: Facts | None = None,
                  settings: Settings | None = None, backend: Any = None, limit: int | None = None,
                  count_mode: CountMode = "word") -> Draft:
    """A draft of one section within its limit (the template's, or `limit` when given)."""
    if count_mode not in ("word", "char"):
        raise InputError(f"计数方式应为 word 或 char / count mode must be word or char, got {count_mode!r}")
    spec = section if isinstance(section, SectionSpec) else find_section(profile, section)
    facts = facts or Facts()
    chosen = limit if limit is not None else spec.limit
    if chosen is not None and chosen < 1:
        raise InputError(f"字数上限应为正整数 / the limit must be a positive number, got {chosen}")
    if backend is None:
        return offline_draft(spec, facts, profile.jurisdiction, chosen, count_mode)
    from .draft_model import model_draft

    try:
        return model_draft(spec, facts, profile, chosen, count_mode, backend, settings or Settings())
    except BackendError as exc:
        fallback = offline_draft(spec, facts, profile.jurisdiction, chosen, count_mode)
        notice = f"模型不可用，已改用离线草稿 / model backend failed, offline draft instead: {exc}"
        from dataclasses import replace

        return replace(fallback, mode="offline-fallback", notice=notice)


def draft_application(profile: Profile, facts: Facts | None = None, settings: Settings | None = None,
                      backend: Any = None, count_mode: CountMode = "word") -> dict[str, Draft]:
    """Drafts of every section the template asks to be written, keyed by section title."""
    return {
        spec.title: draft_section(profile, spec, facts, settings, backend, None, count_mode)
        for spec in catalogue(profile)
        if spec.kind == "text"
    }


def read_facts(path: Path, settings: Settings, session_id: str | None = None) -> Facts:
    """Facts from a YAML/JSON file, or the applicant's own materials (pdf/docx/txt/md) in a private store."""
    suffix = Path(path).suffix.lower()
    if suffix in (".yaml", ".yml", ".json"):
        return load_facts_file(path)
    from .materials import MaterialStore, new_session_id

    store = MaterialStore(settings, session_id or new_session_id())
    store.add(Path(path))
    facts = Facts(materials=store)
    if suffix in (".txt", ".md"):  # "键：值" lines in a plain note are facts as well
        facts = facts_from_text(Path(path).read_text(encoding="utf-8", errors="replace")).merged(facts)
    return facts


def run_cli(args: argparse.Namespace, settings: Settings, backend: Any) -> tuple[Any, str]:
    """`python -m rag draft …`: one section (or `--section all` for the whole application)."""
    from .profiles import load_profile

    profile = load_profile(settings, args.jurisdiction, args.as_of)
    facts = read_facts(args.facts, settings) if args.facts else Facts()
    if args.section.strip().lower() in ("all", "全部", "全文"):
        return _run_application(args, settings, backend, profile, facts)
    draft = draft_section(profile, args.section, facts, settings, backend, args.limit, args.count_mode)
    if args.out:
        from .export import write_section

        write_section(draft, args.out)
    human = f"{draft.section}（{counter_label(draft.text, draft.limit, args.count_mode)}）\n\n{draft.text}"
    if draft.missing:
        human += "\n\n待补充 / missing: " + "、".join(draft.missing)
    if draft.notice:
        human += f"\n\n({draft.notice})"
    return draft.to_json(), human


def _run_application(args: argparse.Namespace, settings: Settings, backend: Any, profile: Profile,
                     facts: Facts) -> tuple[Any, str]:
    from .export import application_docx, template_sources

    if args.out is None or Path(args.out).suffix.lower() != ".docx":
        raise InputError("整本申报书需用 --out 指定 .docx 文件 / the whole application needs --out FILE.docx")
    drafts = draft_application(profile, facts, settings, backend, args.count_mode)
    application_docx(profile, drafts, facts, args.out, sources=template_sources(settings, profile),
                     count_mode=args.count_mode)
    payload = {"jurisdiction": profile.jurisdiction, "out": str(args.out),
               "sections": [d.to_json() for d in drafts.values()]}
    human = "\n".join(f"{d.section}: {counter_label(d.text, d.limit, args.count_mode)}"
                      + (f"（待补充 {len(d.missing)} 项）" if d.missing else "") for d in drafts.values())
    return payload, f"已写入 / written: {args.out}\n{human}"

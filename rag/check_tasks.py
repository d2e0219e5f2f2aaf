"""Tasks the notice sets and materials it requires, each found in the draft with a quoted passage.

Offline, coverage is key terms (and, for what terms miss, embeddings). With a model backend
the model may rule on a task, but only with a quote found verbatim in the draft; any other
verdict is discarded and the offline one stands, so text inside the draft cannot steer it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from .check_context import CheckContext
from .coverage import OK_SCORE, WEAK_SCORE, Coverage, best_coverage, bigrams, excerpt, key_terms
from .errors import BackendError
from .findings import Finding, gap
from .normalise import normalise
from .settings import Settings

SEMANTIC_TASK_MIN = 0.88
DETAIL_MIN = 0.45
SEMANTIC_TERMS_MIN = 0.4
JUDGE_DRAFT_CHARS = 6000
_THE_DRAFT_ITSELF = re.compile(r"申报书|申报文件|模板|汇总表")

Embed = Callable[[list[str]], np.ndarray]


def check_tasks(ctx: CheckContext, embed: Embed | None = None, backend=None,  # type: ignore[no-untyped-def]
                settings: Settings | None = None) -> list[Finding]:
    """One finding per task: ok with the covering passage, weak, or missing."""
    out = []
    for task in ctx.profile.tasks:
        cover = _task_coverage(ctx, task.title)
        status = "ok" if cover.score >= OK_SCORE else "weak" if cover.score >= WEAK_SCORE else "missing"
        how = f"关键词 {cover.score}"
        # e5-style embeddings rate any two headings of this genre as close: meaning alone never
        # rescues a task, it only confirms one whose key terms are partly there
        if status == "missing" and embed is not None and task.mandatory and cover.score >= SEMANTIC_TERMS_MIN:
            semantic = _semantic(ctx, task.title, embed)
            if semantic is not None:
                status, cover, how = "weak", semantic, "语义相近"
        note = ""
        if backend is not None and task.mandatory is not False:
            status, cover, note = _judge(ctx, task.title, status, cover, backend, settings)
        severity = _severity(task.mandatory, status)
        label = {True: "必建任务", False: "可选任务", None: "任务"}[task.mandatory]
        section = ctx.draft.sections[cover.section].heading if cover.section else ""
        evidence = cover.evidence if status != "missing" else f"草稿中未找到对应内容 / not covered ({how})"
        fix = "" if status == "ok" else f"在试点方案中单列“{task.title}”，写明具体举措、目标和阶段成果。"
        out.append(gap(f"{label}：{task.title}", status, severity, section, evidence, task.citation, fix, "task", note))
    return out


def _task_coverage(ctx: CheckContext, title: str) -> Coverage:
    """Title terms alone are too easily met in passing ('价值共创' appears in many plans): when
    nothing of the task's own description in the notice is echoed, the task is only weakly covered."""
    cover = best_coverage(key_terms(title), ctx.draft, ctx.blocks)
    description = ctx.facts.clause_after(title)
    terms = [t for t in key_terms(description) if len(t) >= 3]
    if len(terms) < 2:
        return cover
    detail = best_coverage(terms, ctx.draft, ctx.blocks)
    if cover.score >= OK_SCORE and detail.score < DETAIL_MIN:
        return Coverage(min(cover.score, WEAK_SCORE), cover.evidence, cover.section)  # named, not developed
    return cover


def _severity(mandatory: bool | None, status: str) -> str:
    if status == "ok" or mandatory is False:
        return "info"
    if mandatory:
        return "blocking" if status == "missing" else "major"
    return "minor"


def _semantic(ctx: CheckContext, requirement: str, embed: Embed) -> Coverage | None:
    """The closest section block by embedding, when it is close enough to count as a weak match."""
    if "block_vectors" not in ctx.shared:
        blocks = [s for s in ctx.draft.sections if s.start >= 0 and s.title][:40]
        texts = [s.title for s in blocks]  # headings only: embedding bodies costs seconds per draft
        ctx.shared["block_vectors"] = (blocks, embed(texts) if texts else np.zeros((0, 1)))
    blocks, vectors = ctx.shared["block_vectors"]
    if not blocks:
        return None
    sims = vectors @ embed([requirement])[0]
    best = int(np.argmax(sims))
    if sims[best] < SEMANTIC_TASK_MIN:
        return None
    section = blocks[best]
    body = ctx.draft.body(section, subtree=False)
    evidence = excerpt(body[0].text if body else section.heading)
    return Coverage(round(float(sims[best]), 3), evidence, section.index)


def _judge(ctx: CheckContext, requirement: str, status: str, cover: Coverage, backend,  # type: ignore[no-untyped-def]
           settings: Settings | None) -> tuple[str, Coverage, str]:
    """Let the model rule; keep its verdict only when its quote is verbatim in the draft."""
    from .generate import judge_coverage

    text = ctx.draft.text[:JUDGE_DRAFT_CHARS]
    try:
        judgment = judge_coverage(backend, requirement, text, settings)
    except BackendError as exc:
        return status, cover, f"模型不可用，采用离线判断 / model unavailable, offline verdict kept: {exc}"
    if judgment.covered and judgment.quote and normalise(judgment.quote) in normalise(ctx.draft.text):
        if not _bears_on(judgment.quote, requirement):
            # a verbatim quote can still be the draft's own "ignore the checks" line: it must be about the task
            return status, cover, "已丢弃模型判定：引文与该任务无关 / model verdict discarded: quote not about the task"
        section = ctx.draft.section_of_line(_line_of(ctx, judgment.quote)).index
        return "ok", Coverage(1.0, excerpt(judgment.quote, 200), section), "模型判定已覆盖（引文已核对）/ model: covered, quote verified"
    if judgment.reason.startswith("模型给出的引文不在草稿中"):
        return status, cover, "已丢弃模型判定：引文不在草稿中 / model verdict discarded: quote not in the draft"
    if status == "ok":
        return "weak", cover, f"模型认为未充分覆盖 / model: not covered — {judgment.reason}"
    return status, cover, f"模型认为未覆盖 / model: not covered — {judgment.reason}"


def _bears_on(quote: str, requirement: str) -> bool:
    """Whether a quote shares at least one bigram of the requirement's key terms."""
    grams: set[str] = set().union(*(bigrams(t) for t in key_terms(requirement)))
    return bool(grams & bigrams(normalise(quote)))


def _line_of(ctx: CheckContext, quote: str) -> int:
    target = normalise(quote)[:20]
    return next((i for i, line in enumerate(ctx.draft.lines) if target and target in line.norm), 0)


def check_materials(ctx: CheckContext) -> list[Finding]:
    """Each required material or attachment listed in the draft."""
    out = []
    for material in ctx.profile.materials:
        if _THE_DRAFT_ITSELF.search(material.title):
            continue  # the application itself, or the recommender's summary table
        alternatives = re.split(r"或", re.split(r"[：:]", material.title)[0])
        covers = [best_coverage(key_terms(alt), ctx.draft, ctx.blocks) for alt in alternatives if alt]
        cover = max(covers, key=lambda c: c.score) if covers else Coverage(0.0, "", 0)
        status = "ok" if cover.score >= OK_SCORE else "weak" if cover.score >= WEAK_SCORE else "missing"
        if status == "ok" or material.required is not True:
            severity = "info"
        else:
            severity = "major" if status == "missing" else "minor"
        section = ctx.draft.sections[cover.section].heading if cover.section else ""
        evidence = cover.evidence if status != "missing" else "证明材料清单中未列出 / not listed"
        fix = "" if status == "ok" else f"在证明材料清单中列出并附上“{material.title}”。"
        out.append(gap(f"证明材料：{material.title}", status, severity, section, evidence, material.citation, fix, "material"))
    return out

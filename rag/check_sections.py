"""Template sections present, within their 字数 limits, and covering their required points."""

from __future__ import annotations

import re

from .check_context import CheckContext
from .count import count
from .coverage import OK_SCORE, WEAK_SCORE, best_coverage, key_terms
from .findings import Finding, gap

# blocks others fill in (a recommender's opinion, co-applicants' seals): their notes are not content points
_THIRD_PARTY = re.compile(r"意见|签章|盖章|推荐情况")


def check_sections(ctx: CheckContext) -> list[Finding]:
    """One finding per template section (presence), per limit, and per uncovered point."""
    titles = {s.title for s in ctx.profile.sections}
    out: list[Finding] = []
    for alignment in ctx.alignments:
        section = alignment.template
        if ctx.is_commitment(section.title) or "汇总表" in section.parent:
            continue  # commitments have their own check; summary tables are the recommender's
        optional = ctx.is_optional(section.title, section.citation.quote)
        top_level = section.parent not in titles
        item = f"章节：{section.title}"
        if alignment.section is None:
            severity = "info" if optional else ("blocking" if top_level else "major")
            out.append(gap(item, "missing", severity, "", "草稿中未找到该章节 / section not found in the draft",
                           section.citation, f"按模板补充“{section.citation.quote or section.title}”一节。", "section"))
            continue
        found = alignment.section
        out.append(gap(item, "ok", "info", found.heading, found.heading, section.citation, "", "section",
                       note=f"{alignment.method} {alignment.score}"))
        if section.limit:
            used = count(ctx.draft.section_text(found))
            label = f"{used} / {section.limit} {section.unit or '字'}"
            if used > section.limit:
                out.append(gap(f"字数：{section.title}", "over_limit", "major", found.heading, label, section.citation,
                               f"删减约 {used - section.limit} 字，使本节不超过 {section.limit} 字。", "limit"))
            else:
                out.append(gap(f"字数：{section.title}", "ok", "info", found.heading, label, section.citation, "", "limit"))
        if not _THIRD_PARTY.search(section.title):
            out.extend(_points(ctx, section, found, titles))
    return out


def _points(ctx: CheckContext, section, found, titles: set[str]) -> list[Finding]:  # type: ignore[no-untyped-def]
    """Points the template asks this section to cover (those that are not template sections themselves)."""
    out = []
    within = range(found.start, found.end)
    for point in section.points:
        if point in titles or any(point in t or t in point for t in titles if len(t) >= 4):
            continue
        terms = key_terms(point)
        if not terms:
            continue
        cover = best_coverage(terms, ctx.draft, ctx.blocks, within)
        item = f"要点：{section.title} — {point}"
        if cover.score >= OK_SCORE:
            out.append(gap(item, "ok", "info", found.heading, cover.evidence, section.citation, "", "point"))
        elif cover.score >= WEAK_SCORE:
            out.append(gap(item, "weak", "minor", found.heading, cover.evidence, section.citation,
                           f"在“{found.heading}”中明确写出“{point}”。", "point"))
        else:
            out.append(gap(item, "missing", "major", found.heading, "本节未涉及该要点 / point not covered",
                           section.citation, f"在“{found.heading}”中补充“{point}”的内容（可单列小标题）。", "point"))
    return out

"""Commitments and declarations: present, making each statement the template requires, with places for seal and date."""

from __future__ import annotations

import re

from .check_context import CheckContext
from .coverage import bigrams, excerpt, term_score
from .findings import Finding, gap
from .normalise import normalise
from .records import Citation

STATEMENT_OK = 0.75
_STANDALONE = re.compile(r"(?m)^[^\n。，]{0,12}(?:承诺书|真实性声明|诚信承诺)\s*$")
_SEAL = re.compile(r"签章|盖章|公章|签字|签名")
_DATE = re.compile(r"日期|时间|年\s*月\s*日|20\d{2}\s*年")


def _required(ctx: CheckContext) -> list[tuple[str, Citation]]:
    """Commitment sections of the template; a standalone declaration page when the profile has none."""
    found = [(s.title, s.citation) for s in ctx.profile.sections if ctx.is_commitment(s.title)]
    if found:
        return found
    hit = ctx.facts.search(_STANDALONE)
    if hit is None:
        return []
    match, citation = hit
    title = re.sub(r"^[一二三四五六七八九十\d、.\s]+", "", match.group(0)).strip()
    return [(title, citation)]


def _draft_section(ctx: CheckContext, title: str):  # type: ignore[no-untyped-def]
    for alignment in ctx.alignments:
        if alignment.template.title == title and alignment.section is not None:
            return alignment.section
    keyword = "声明" if "声明" in title else "承诺"
    return next((s for s in ctx.draft.sections if s.start >= 0 and keyword in s.title), None)


def check_commitments(ctx: CheckContext) -> list[Finding]:
    """The 承诺书 and its statements, seal and date places."""
    out: list[Finding] = []
    for title, citation in _required(ctx):
        section = _draft_section(ctx, title)
        if section is None:
            out.append(gap(f"承诺书：{title}", "missing", "blocking", "", "草稿中没有承诺书 / no commitment in the draft",
                           citation, f"按模板补上“{title}”全文，由申报单位盖章并注明日期。", "commitment"))
            continue
        out.append(gap(f"承诺书：{title}", "ok", "info", section.heading, section.heading, citation, "", "commitment"))
        text = normalise(ctx.draft.section_text(section))
        grams = bigrams(text)
        statements, seal, date = ctx.facts.statements(title)
        for statement in statements:
            score = term_score([statement.text], grams, text)
            item = f"承诺事项：{statement.text}"
            if score >= STATEMENT_OK:
                out.append(gap(item, "ok", "info", section.heading, excerpt(statement.text), statement.citation, "", "commitment"))
            else:
                out.append(gap(item, "missing", "major", section.heading, "承诺书中缺少该项声明 / statement missing",
                               statement.citation, f"在承诺书中按模板原文写明“{statement.text}”。", "commitment"))
        if seal is not None or _SEAL.search(citation.quote):
            ok = bool(_SEAL.search(text))
            out.append(gap("承诺书：签章处", "ok" if ok else "missing", "info" if ok else "major", section.heading,
                           _first(ctx, section, _SEAL) if ok else "没有签章或盖章位置 / no place for signature or seal",
                           seal or citation, "" if ok else "在承诺书末尾加“承诺单位（签章）：”一行，供加盖公章。", "commitment"))
        if date is not None:
            ok = bool(_DATE.search(text))
            out.append(gap("承诺书：日期", "ok" if ok else "missing", "info" if ok else "minor", section.heading,
                           _first(ctx, section, _DATE) if ok else "没有日期位置 / no date line",
                           date, "" if ok else "在签章下方加“承诺日期：  年  月  日”。", "commitment"))
    return out


def _first(ctx: CheckContext, section, pattern: re.Pattern[str]) -> str:  # type: ignore[no-untyped-def]
    return next((excerpt(line.text) for line in ctx.draft.body(section) if pattern.search(line.text)), "")

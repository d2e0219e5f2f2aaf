"""Table fields filled and valid: credit code, project period, percentages, years, joint applicants, direction.

Each check runs only when the jurisdiction's notice asks for the field (its template names
the label), and its citation is that clause of the notice.
"""

from __future__ import annotations

import re

from .check_context import CheckContext
from .draft_parse import DraftField
from .findings import Finding, gap
from .normalise import normalise

_CHECKED = re.compile(r"[☑■√✓✔]|\[[xX]\]|\(x\)")
_BOX = re.compile(r"[□☐☑■√✓✔]|\[[ xX]?\]")
_PERIOD = re.compile(r"(20\d{2})\s*[年.\-/]\s*(\d{1,2})\s*月?\s*(?:至|到|—|–|-|~|～)\s*(20\d{2})\s*[年.\-/]\s*(\d{1,2})\s*月?")
_PERCENT_LABEL = re.compile(r"%|率|比例|占比")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_SIGN_LABEL = re.compile(r"签章|盖章|签字|日期|时间|如有|备注|选填")
_SPLIT_NAMES = re.compile(r"[、,，;；/\n]|\s{2,}")


def _field(ctx: CheckContext, pattern: str) -> DraftField | None:
    regex = re.compile(pattern)
    return next((f for f in ctx.draft.fields if regex.search(f.label)), None)


def _where(ctx: CheckContext, found: DraftField) -> str:
    return ctx.draft.sections[found.section].heading


def check_fields(ctx: CheckContext) -> list[Finding]:
    """Findings for each field the notice's template asks for."""
    out: list[Finding] = []
    out += _credit_code(ctx)
    out += _period(ctx)
    out += _percentages(ctx)
    out += _years(ctx)
    out += _joint(ctx)
    out += _direction(ctx)
    out += _blank_fields(ctx)
    return out


def _credit_code(ctx: CheckContext) -> list[Finding]:
    citation = ctx.facts.mentions("统一社会信用代码") or ctx.facts.mentions("信用代码")
    if citation is None:
        return []
    from stdnum.cn import uscc

    found = _field(ctx, r"信用代码")
    item = "字段：统一社会信用代码"
    if found is None or not found.value.strip():
        return [gap(item, "missing", "major", _where(ctx, found) if found else "", "未填写 / not filled", citation,
                    "填写 18 位统一社会信用代码（见营业执照）。", "field")]
    code = re.sub(r"[\s\-]", "", found.value).upper()
    if not uscc.is_valid(code):
        return [gap(item, "invalid", "blocking", _where(ctx, found), found.value, citation,
                    "统一社会信用代码校验位不符（GB 32100-2015），请按营业执照逐位核对。", "field")]
    return [gap(item, "ok", "info", _where(ctx, found), found.value, citation, "", "field")]


def period_months(value: str) -> int | None:
    """Months covered by '2025年12月至2027年11月' (both ends included); None when unreadable."""
    match = _PERIOD.search(normalise(value))
    if not match:
        return None
    y1, m1, y2, m2 = (int(g) for g in match.groups())
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        return None
    return (y2 - y1) * 12 + (m2 - m1) + 1


def _period(ctx: CheckContext) -> list[Finding]:
    label_cite = ctx.facts.mentions("项目周期") or ctx.facts.mentions("试点周期")
    limit = ctx.facts.period_limit_months()
    if label_cite is None and limit is None:
        return []
    found = _field(ctx, r"周期|建设期|实施期")
    item = "字段：项目周期"
    citation = limit[1] if limit else label_cite
    if found is None or not found.value.strip():
        if label_cite is None:
            return []  # the notice states a period but its template has no field for it
        return [gap(item, "missing", "major", "", "未填写 / not filled", label_cite,
                    "按“××××年××月至××××年××月”填写项目周期。", "field")]
    months = period_months(found.value)
    if months is None or months <= 0:
        return [gap(item, "invalid", "major", _where(ctx, found), found.value, citation,
                    "项目周期应写成“××××年××月至××××年××月”，且结束晚于开始。", "field")]
    if limit and months > limit[0]:
        return [gap(item, "invalid", "major", _where(ctx, found), f"{found.value}（{months} 个月 > {limit[0]} 个月）",
                    limit[1], f"将项目周期压缩到 {limit[0]} 个月（{limit[0] // 12} 年）以内。", "field")]
    return [gap(item, "ok", "info", _where(ctx, found), f"{found.value}（{months} 个月）", citation, "", "field")]


def _percentages(ctx: CheckContext) -> list[Finding]:
    out = []
    for line_no, line in enumerate(ctx.draft.lines):
        if line.kind != "row" or not _PERCENT_LABEL.search(normalise(line.cells[0])):
            continue
        label = normalise(line.cells[0])
        values = [float(n) for cell in line.cells[1:] for n in _NUMBER.findall(normalise(cell))]
        low = -100.0 if "利润" in label or "增长" in label else 0.0  # a loss gives a negative margin
        bad = [v for v in values if not low <= v <= 100.0]
        citation = ctx.facts.mentions(re.sub(r"\(.*?\)|%", "", label)[:6]) if label else None
        section = ctx.draft.section_of_line(line_no).heading
        if bad:
            out.append(gap(f"字段：{label}", "invalid", "major", section, line.text, citation,
                           f"百分比应在 0–100 之间，请核对：{', '.join(f'{v:g}' for v in bad)}。", "field"))
        elif values:
            out.append(gap(f"字段：{label}", "ok", "info", section, line.text, citation, "", "field"))
    return out


def _years(ctx: CheckContext) -> list[Finding]:
    expected = ctx.facts.recent_years()
    if expected is None:
        return []
    years, citation = expected
    item = f"字段：近{len(years)}年年份"
    for line_no, line in enumerate(ctx.draft.lines):
        found = [int(y) for y in re.findall(r"(20\d{2})\s*年?", line.norm)] if len(line.norm) <= 60 else []
        context = line.norm + (ctx.draft.lines[line_no - 1].norm if line_no else "")
        if len(found) >= 2 and re.search(r"近\s*[三3两2二五5]\s*年", context) and not _PERIOD.search(line.norm):
            section = ctx.draft.section_of_line(line_no).heading
            if tuple(found[: len(years)]) != years:
                want = "、".join(str(y) for y in years)
                return [gap(item, "invalid", "major", section, line.text, citation,
                            f"近{len(years)}年应为 {want} 年（以模板为准），请改正年份并核对数据。", "field")]
            return [gap(item, "ok", "info", section, line.text, citation, "", "field")]
    return [gap(item, "missing", "minor", "", "未找到近年经营数据表 / no table of recent years", citation,
                "按模板填写近年发展情况表（资产总额、资产负债率、主营业务收入、利润率）。", "field")]


def joint_names(value: str) -> list[str]:
    """Organisation names listed in a joint-applicant field."""
    names = [n.strip(" 。.") for n in _SPLIT_NAMES.split(value)]
    return [n for n in names if len(n) >= 2 and not re.fullmatch(r"无|暂无|不适用|/|—+|-+", n)]


def _joint(ctx: CheckContext) -> list[Finding]:
    found = _field(ctx, r"联合申报|联合运营|合作单位")
    names = joint_names(found.value) if found else []
    out = []
    for quota in ctx.profile.quotas:
        if quota.kind != "joint_max" or quota.value is None:
            continue
        item = "联合申报单位数量"
        if len(names) > quota.value:
            out.append(gap(item, "invalid", "blocking", _where(ctx, found), f"{found.value if found else ''}（{len(names)} 家 > {quota.value} 家）",  # type: ignore[arg-type]
                           quota.citation, f"联合申报单位减至 {quota.value} 家以内。", "joint"))
        elif found is not None:
            out.append(gap(item, "ok", "info", _where(ctx, found), f"{len(names)} 家 ≤ {quota.value} 家", quota.citation, "", "joint"))
    for rule in ctx.profile.eligibility:
        if rule.kind == "joint_rule" and "不支持" in rule.text and names:
            out.append(gap("联合申报", "invalid", "major", _where(ctx, found), found.value if found else "", rule.citation,  # type: ignore[arg-type]
                           "该通知不支持多运营主体联合申报：以单一运营主体申报，其他单位作为参与方写入方案。", "joint"))
    return out


def _selected(value: str) -> list[str]:
    """Options ticked in a checkbox field; the whole value when it has no boxes."""
    if not _BOX.search(value):
        return [value]
    parts = re.split(rf"(?={_BOX.pattern})", value)
    return [p for p in parts if _CHECKED.match(p.strip())]


def _direction(ctx: CheckContext) -> list[Finding]:
    rule = ctx.facts.ai_direction_rule()
    if rule is None:
        return []
    citation, types = rule
    chosen: list[str] = []
    where = ""
    for f in ctx.draft.fields:
        if "人工智能" in f.label:  # a separate yes/no row for the AI option
            chosen += [f.label] if _truthy(f.value) else []
        elif re.search(r"方向|申报分类|空间类型", f.label):
            chosen += _selected(f.value)
        else:
            continue
        where = where or _where(ctx, f)
    field_lines = {f.line for f in ctx.draft.fields}
    for line_no, line in enumerate(ctx.draft.lines):  # ticked boxes outside any labelled field
        if line_no not in field_lines and _CHECKED.search(line.text) and "人工智能" in line.text:
            chosen += _selected(line.text)
            where = where or ctx.draft.section_of_line(line_no).heading
    chosen = [c.strip() for c in chosen if c.strip()]
    if not any("人工智能" in c for c in chosen):
        return []
    named = re.compile(rf"(?:{'|'.join(types)})(?:可信数据空间|类|型|方向)")
    typed = [c for c in chosen if ("人工智能" not in c and any(t in c for t in types)) or named.search(normalise(c))]
    item = "方向：可信数据空间+人工智能"
    if not typed:
        return [gap(item, "invalid", "major", where, "；".join(chosen)[:120], citation,
                    f"选择“可信数据空间+人工智能”时须同时勾选或写明可信数据空间类型（{'/'.join(types)}）。", "direction")]
    return [gap(item, "ok", "info", where, "；".join(chosen)[:120], citation, "", "direction")]


def _truthy(value: str) -> bool:
    return bool(re.search(r"^\s*(?:是|☑|■|√|✓|yes)", value, re.I))


def _blank_fields(ctx: CheckContext) -> list[Finding]:
    """Table fields the template names but the draft left empty."""
    out = []
    seen: set[str] = set()
    for f in ctx.draft.fields:
        if f.value.strip() or _SIGN_LABEL.search(f.label) or f.label in seen:
            continue
        if ctx.draft.lines[f.line].kind != "row" or len(f.label) < 2:
            continue
        citation = ctx.facts.mentions(re.sub(r"\(.*?\)", "", f.label)[:8])
        if citation is None:
            continue
        seen.add(f.label)
        out.append(gap(f"字段：{f.label}", "missing", "minor", _where(ctx, f), "未填写 / left blank", citation,
                       f"填写“{f.label}”。", "field"))
    return out

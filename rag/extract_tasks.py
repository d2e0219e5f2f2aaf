"""Pilot tasks (重点任务) and whether each must be built, in the notice's own words."""

from __future__ import annotations

import re

from .clauses import LABEL, DocView, Span
from .numerals import NUMBER, parse_number
from .records import Task
from .structure import Line, lines_under

# a section that lists the work a pilot must do
TASK_SECTION = re.compile(r"(?:重点|主要|试点|建设)?(?:工作)?任务|建设内容|试点内容|工作内容")
_NOT_TASK_SECTION = re.compile(r"方向|目标|要求|材料|实施|管理|措施")
MANDATORY = r"必建|必选|必填|必须建设|必做|必需"
OPTIONAL = r"可选建|可选|选建|选填|选做|自选|鼓励建设"
# "其中1-4为必建内容,5-6为可选建内容" / "第1至4项为必建"
_RANGE = re.compile(
    rf"(?:第)?(?P<a>{NUMBER})\s*(?:[-–—~～至到]\s*(?:第)?(?P<b>{NUMBER}))?\s*(?:项|条)?\s*(?:为|属于|是)\s*(?P<flag>{MANDATORY}|{OPTIONAL})"
)
_LIST = re.compile(rf"(?P<items>(?:(?:{NUMBER})\s*[、,，和及]\s*)+(?:{NUMBER}))\s*(?:项|条)?\s*(?:为|属于|是)\s*(?P<flag>{MANDATORY}|{OPTIONAL})")
_OWN_FLAG = re.compile(rf"[(（【\[]\s*(?P<flag>{MANDATORY}|{OPTIONAL})\s*(?:内容|任务|项)?\s*[)）】\]]")


def extract_tasks(view: DocView) -> list[Task]:
    """Tasks of the notice's task section, each flagged mandatory/optional or None when unstated."""
    tasks: list[Task] = []
    lines = view.lines
    for i, line in enumerate(lines):
        h = line.heading
        if line.part or h is None or h.level > 2 or line.body_from < len(line.norm):
            continue
        title = LABEL.sub("", h.title)
        if not TASK_SECTION.search(title) or _NOT_TASK_SECTION.search(title):
            continue
        body = lines_under(lines, i)
        items = [ln for ln in body if ln.heading is not None and ln.heading.level > h.level]
        if not items:
            continue
        level = min(ln.heading.level for ln in items if ln.heading)
        items = [ln for ln in items if ln.heading and ln.heading.level == level]
        intro = "".join(ln.norm for ln in body if ln.heading is None and body.index(ln) < body.index(items[0]))
        flags = _numbered_flags(intro)
        for n, item in enumerate(items, 1):
            item_title = LABEL.sub("", item.heading.title if item.heading else item.norm).rstrip("。")
            own = _OWN_FLAG.search(item_title)
            mandatory = _flag(own.group("flag")) if own else flags.get(_number_of(item) or n)
            item_title = _OWN_FLAG.sub("", item_title).strip()
            span = Span(item.norm, item.origin, item.path, item.part).sub(0, item.body_from if item.body_from < len(item.norm) else len(item.norm))
            tasks.append(Task(item_title, mandatory, view.cite(span.strip_label())))
        break  # one task list per notice
    return tasks


def _numbered_flags(text: str) -> dict[int, bool]:
    """Item number → mandatory, from statements like 其中1-4为必建内容,5-6为可选建内容."""
    flags: dict[int, bool] = {}
    for m in _RANGE.finditer(text):
        a = parse_number(m.group("a"))
        b = parse_number(m.group("b")) if m.group("b") else a
        if a is None or b is None or b < a or b - a > 30:
            continue
        for k in range(a, b + 1):
            flags[k] = _flag(m.group("flag"))
    for m in _LIST.finditer(text):
        for k in re.findall(NUMBER, m.group("items")):
            value = parse_number(k)
            if value is not None:
                flags[value] = _flag(m.group("flag"))
    return flags


def _flag(word: str) -> bool:
    return bool(re.fullmatch(MANDATORY, word))


def _number_of(line: Line) -> int | None:
    m = re.match(rf"^\(?({NUMBER})", line.norm)
    return parse_number(m.group(1)) if m else None

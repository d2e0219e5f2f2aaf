"""Pilot tasks (重点任务) and whether each must be built, in the notice's own words.

A notice lists its tasks as a table with a 任务属性 / 是否必须 column, or as numbered items
under a section (重点任务, 建设内容, 建设要点, 支持重点 …). Flags come from the item itself
（必选）, from a statement in its body (本项为必选内容), from the list's lead-in
(其中第（1）至（3）项为必须建设内容), or from the table column; unstated → None.
"""

from __future__ import annotations

import re

from .clauses import LABEL, DocView, Span
from .numerals import NUMBER, parse_number
from .records import Task
from .structure import Line, lines_under
from .tables import Table

# a section that lists the work a pilot must do
TASK_SECTION = re.compile(
    r"(?:重点|主要|试点|建设)?(?:工作)?任务|建设内容|试点内容|工作内容|(?:建设|支持|工作|试点)(?:重点|要点)|重点(?:建设|支持)?内容|支持内容"
)
_NOT_TASK_SECTION = re.compile(r"方向|目标|要求|材料|实施|管理|措施")
# sections whose numbered items are conditions, materials or steps even when flagged
_NEVER_TASKS = re.compile(r"材料|资料|附件|条件|对象|流程|程序|方式|报送|提交")
MANDATORY = r"必建|必选|必填|必须建设|必做|必需|必须完成|必须开展"
OPTIONAL = r"可选建|可选|选建|选填|选做|自选|鼓励建设|鼓励开展"
# flags stated about an item, where 鼓励 alone marks an optional item (本项为鼓励内容)
_STATED = rf"{MANDATORY}|{OPTIONAL}|鼓励"
_NUM = rf"\(?\s*(?:{NUMBER})\s*\)?"
# "其中1-4为必建内容,5-6为可选建内容" / "第1至4项为必建" / "第（1）至（3）项为必须建设内容"
_RANGE = re.compile(
    rf"(?:第)?(?P<a>{_NUM})\s*(?:[-–—~～至到]\s*(?:第)?(?P<b>{_NUM}))?\s*(?:项|条)?\s*(?:任务|内容)?\s*(?:为|属于|是)\s*(?P<flag>{_STATED})"
)
# "第1、3项为必选" / "第（4）（5）项为鼓励建设内容"
_LIST = re.compile(
    rf"(?P<items>(?:{_NUM}\s*[、,，和及]?\s*)+{_NUM})\s*(?:项|条)?\s*(?:任务|内容)?\s*(?:为|属于|是)\s*(?P<flag>{_STATED})"
)
_REST = re.compile(rf"其余(?:各项|任务|内容|项)?(?:均|皆)?(?:为|属于|是)\s*(?P<flag>{_STATED})")
_OWN_FLAG = re.compile(rf"[(（【\[]\s*(?P<flag>{_STATED})\s*(?:内容|任务|项)?\s*[)）】\]]")
# a statement inside the item's own text: 本项为必选内容 / 该任务可根据自身条件选做
_BODY_FLAG = re.compile(rf"(?:本|该|此)(?:项|任务|内容|方向)[^。；;]{{0,12}}?(?P<flag>{_STATED})")
# the table columns: what the task is, and whether it must be done
_FLAG_COLUMN = re.compile(r"属性|是否必|必选|必建|可选|选建|类别|性质|要求")
_NAME_COLUMN = re.compile(r"任务|建设内容|工作内容|事项|名称")
_TASK_TABLE_HINT = re.compile(r"任务|建设内容|工作内容")


def extract_tasks(view: DocView) -> list[Task]:
    """Tasks of the notice's task table or task list, each flagged mandatory/optional or None."""
    for table in view.tables:
        tasks = _table_tasks(view, table)
        if tasks:
            return tasks
    best: tuple[tuple[int, int], list[Task]] | None = None
    for i, line in enumerate(view.lines):
        h = line.heading
        if line.part or h is None or h.level == 0 or line.body_from < len(line.norm):
            continue
        title = LABEL.sub("", h.title)
        if _NEVER_TASKS.search(title):
            continue
        tasks = _list_tasks(view, i)
        if len(tasks) < 2:
            continue
        flagged = sum(t.mandatory is not None for t in tasks)
        named = bool(TASK_SECTION.search(title)) and not _NOT_TASK_SECTION.search(title)
        if not flagged and not named:
            continue
        # a list the notice flags wins over one that is only named as tasks; first wins ties
        score = (flagged > 0, named)
        if best is None or score > best[0]:
            best = (score, tasks)
    return best[1] if best else []


def _table_tasks(view: DocView, table: Table) -> list[Task]:
    """Rows of a task table: 任务名称 | 任务属性 (必选/可选)."""
    if any(c.line is not None and c.line.part for c in table.header):
        return []
    flag_col = table.column(_FLAG_COLUMN)
    name_col = table.column(re.compile("名称"), skip=(flag_col,) if flag_col is not None else ())
    if name_col is None:
        name_col = table.column(_NAME_COLUMN, skip=(flag_col,) if flag_col is not None else ())
    header_text = "".join(c.text for c in table.header)
    if flag_col is None or name_col is None or not _TASK_TABLE_HINT.search(header_text):
        return []
    tasks = []
    for row in table.rows[1:]:
        if name_col >= len(row) or row[name_col].line is None:
            continue
        cell = row[name_col]
        flag = table.row_flag(row, flag_col)
        line = cell.line
        assert line is not None
        tasks.append(Task(cell.text.rstrip("。"), flag, view.cite(_span(line))))
    return tasks


def _list_tasks(view: DocView, index: int) -> list[Task]:
    """Numbered items directly under the heading at `index`, with their flags."""
    lines = view.lines
    h = lines[index].heading
    assert h is not None
    body = lines_under(lines, index)
    # articles (第三条) are clauses of a rule book, not items of a list
    items = [ln for ln in body if ln.heading is not None and not ln.heading.label.startswith("第")]
    if not items:
        return []
    level = min(ln.heading.level for ln in items if ln.heading)
    items = [ln for ln in items if ln.heading and ln.heading.level == level]
    # the lead-in: body lines before the first item (flags may be stated there)
    first = body.index(items[0])
    intro = "".join(ln.norm for ln in body[:first] if ln.heading is None or ln.heading.label.startswith("第"))
    intro += lines[index].norm
    flags = _numbered_flags(intro)
    rest = _REST.search(intro)  # 其余为可选项: every item the lead-in does not name
    tasks = []
    for n, item in enumerate(items, 1):
        item_title = LABEL.sub("", item.heading.title if item.heading else item.norm).rstrip("。")
        own = _OWN_FLAG.search(item_title)
        stated = _BODY_FLAG.search(_item_text(body, item))
        if own:
            mandatory: bool | None = _flag(own.group("flag"))
        elif stated:
            mandatory = _flag(stated.group("flag"))
        else:
            mandatory = flags.get(_number_of(item) or n)
            if mandatory is None and rest and flags:
                mandatory = _flag(rest.group("flag"))
        item_title = _OWN_FLAG.sub("", item_title).strip()
        span = _span(item).sub(0, item.body_from if item.body_from < len(item.norm) else len(item.norm))
        tasks.append(Task(item_title, mandatory, view.cite(span.strip_label())))
    return tasks


def _item_text(body: list[Line], item: Line) -> str:
    """The item's own text: its line after the title, and the lines up to the next item."""
    at = body.index(item)
    text = item.norm[item.body_from:]
    for line in body[at + 1:]:
        if line.heading is not None:
            break
        text += line.norm
    return text


def _numbered_flags(text: str) -> dict[int, bool]:
    """Item number → mandatory, from statements like 其中1-4为必建内容,5-6为可选建内容."""
    flags: dict[int, bool] = {}
    for m in _RANGE.finditer(text):
        a = _value(m.group("a"))
        b = _value(m.group("b")) if m.group("b") else a
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


def _value(text: str) -> int | None:
    return parse_number(text.strip("() "))


def _flag(word: str) -> bool:
    return bool(re.fullmatch(MANDATORY, word))


def _number_of(line: Line) -> int | None:
    m = re.match(rf"^\(?({NUMBER})", line.norm)
    return parse_number(m.group(1)) if m else None


def _span(line: Line) -> Span:
    return Span(line.norm, line.origin, line.path, line.part)

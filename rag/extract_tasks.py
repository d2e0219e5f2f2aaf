"""Pilot tasks (重点任务) and whether each must be built, in the notice's own words.

A notice lists its tasks as a table with a 任务属性 / 是否必须 / 任务类型 column (or a column
of 必建/选建 cells under any header), as numbered items under a section (重点任务, 建设内容,
建设要点, 支持重点 …) — headings, numbered paragraphs, 任务一： paragraphs or 一是…二是… —
or as groups (（一）必建任务 1.… 2.… （二）可选任务（至少选择2项） 3.…). Flags come from the item
itself （必选）, from a statement in its body (本项为必选内容), from its group's title, from the
list's lead-in (其中第（1）至（3）项为必须建设内容 / 前3项为必建 / 均为必选 / 至少选择2项), or
from the table column; unstated → None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clauses import LABEL, DocView, Span
from .numerals import NUMBER, parse_number
from .records import Task
from .structure import Line, lines_under
from .tables import Table, flag_of

# a section that lists the work a pilot must do
TASK_SECTION = re.compile(
    r"(?:重点|主要|试点|建设)?(?:工作)?任务|建设内容|试点内容|工作内容|(?:建设|支持|工作|试点)(?:重点|要点)|重点(?:建设|支持)?内容|支持内容"
    r"|(?:重点|主要)(?:建设)?工作"
)
_NOT_TASK_SECTION = re.compile(r"方向|目标|要求|材料|实施|管理|措施")
# a heading naming tasks together with something else: 支持方向和建设任务 / 主要任务及要求
_COMBINED = re.compile(r"(?:任务|内容|要点|重点)\s*(?:和|及|与|、)|(?:和|及|与|、)\s*(?:\S{0,4})(?:任务|内容|要点)$")
# sections whose numbered items are conditions, materials or steps even when flagged
_NEVER_TASKS = re.compile(r"材料|资料|附件|条件|对象|流程|程序|方式|报送|提交")
# 至少选择2项 / 任选其一 (choose one of the items named just before)
_CHOOSE = rf"(?:至少|任|自主|自行)?选(?:择|做|建|取)?\s*(?:(?:其中)?\s*(?:{NUMBER})\s*(?:项|个|条)(?:及以上|以上)?|其\s*(?:{NUMBER}))"
# 选择一个方向申报: the applicant picks the direction it applies under, which flags no task
_DIRECTION_CHOICE = re.compile(rf"{_CHOOSE}\s*(?:申报)?(?:方向|类型|类别|领域|赛道)")
MANDATORY = r"必建|必选|必填|必须建设|必做|必需|必须完成|必须开展|约束性"
OPTIONAL = rf"非必(?:选|建|须|做)|可选建|可选|选建|选填|选做|自选|选择性|鼓励建设|鼓励开展|引导性|{_CHOOSE}"
# flags stated about an item, where 鼓励 alone marks an optional item (本项为鼓励内容)
_STATED = rf"{MANDATORY}|{OPTIONAL}|鼓励"
_NUM = rf"\(?\s*(?:{NUMBER})\s*\)?"
_JOIN = r"\s*(?:项|条)?\s*(?:任务|内容)?\s*(?:为|属于|是|中)?\s*"
# "其中1-4为必建内容,5-6为可选建内容" / "第1至4项为必建" / "第（1）至（3）项为必须建设内容" / "任务一至任务三为必选任务"
_RANGE = re.compile(
    rf"(?:第|任务|方向)?(?P<a>{_NUM})\s*(?:[-–—~～至到]\s*(?:第|任务|方向)?(?P<b>{_NUM}))?{_JOIN}(?P<flag>{_STATED})"
)
# "第1、3项为必选" / "第（4）（5）项为鼓励建设内容"
_LIST = re.compile(
    rf"(?P<items>(?:(?:第|任务|方向)?{_NUM}\s*[、,，和及]?\s*)+(?:第|任务|方向)?{_NUM}){_JOIN}(?P<flag>{_STATED})"
)
# "前3项为必建任务" / "后2项为选建任务"
_EDGE = re.compile(rf"(?P<side>前|后)\s*(?P<n>{NUMBER})\s*(?:项|条|个){_JOIN}(?P<flag>{_STATED})")
_MUST_COVER = re.compile(rf"(?:须|应|必须)(?:覆盖|包含|包括|涵盖)(?:第|任务|方向)?(?P<a>{_NUM})")
_REST = re.compile(rf"其余(?:各项|任务|内容|项)?(?:均|皆)?(?:为|属于|是)\s*(?P<flag>{_STATED})")
# the whole list at once: 以下任务均为必选 / 须完成全部任务 / 可从以下任务中自主选择
_ALL_MANDATORY = re.compile(
    rf"(?:均|全部|都)(?:为|属于|是)\s*(?:{MANDATORY})|(?:须|应|必须)(?:全部完成|完成全部|完成(?:以下|下列)?(?:全部|所有))"
    r"|(?:均|都|全部)(?:须|应|需|必须)(?:完成|建设|开展|实施)"  # 以下三项为每个试点项目均须完成的内容
)
_ALL_OPTIONAL = re.compile(
    rf"(?:均|全部|都)(?:为|属于|是)\s*(?:{OPTIONAL}|鼓励)|(?:可|可以)(?:从|在)(?:以下|下列)[^。；;]{{0,12}}中(?:自主|自行)?选择"
    r"|(?:自主|自行)选择|不作(?:硬性|强制)要求|不做(?:硬性|强制)要求"  # 由申报单位结合自身条件自主选择，不作硬性要求
)
_OWN_FLAG = re.compile(rf"[(（【\[]\s*(?P<flag>{_STATED})\s*(?:内容|任务|项)?\s*[)）】\]]")
# a statement inside the item's own text: 本项为必选内容 / 该任务可根据自身条件选做
_BODY_FLAG = re.compile(rf"(?:本|该|此)(?:项|任务|内容|方向)[^。；;]{{0,12}}?(?P<flag>{_STATED})")
# a group of tasks: （一）必建任务 / 二、可选任务（至少选择2项）/ 基础类任务
_GROUP = re.compile(rf"(?:{_STATED}|基础|拓展|提升|特色|通用|专项|约束性|引导性)\S{{0,4}}(?:任务|内容|事项)$|类(?:任务|内容)?$")
# the table columns: what the task is, and whether it must be done
_FLAG_COLUMN = re.compile(r"属性|是否必|必选|必建|可选|选建|类别|类型|性质|要求")
_NAME_COLUMN = re.compile(r"任务|建设内容|工作内容|事项|名称")
_TASK_TABLE_HINT = re.compile(r"任务|建设内容|工作内容")
# a paragraph item labelled by a word: 任务一： / 任务1. / 方向二、
_WORD_LABEL = re.compile(rf"^(?:任务|重点任务|内容|事项)\s*(?P<n>{NUMBER})\s*[:：、.．]\s*")
# an item title runs to the end of its first clause
_TITLE_END = re.compile(r"[。；;：:!！?？]")
_CLAUSE_END = re.compile(r"[，,]")
TITLE_MAX = 30
# 一是…；二是…: tasks written inline in one paragraph
_INLINE = re.compile(r"(?:^|[。；;，,：:])\s*(?P<n>[一二三四五六七八九十]+)是")


@dataclass
class _Item:
    line: Line
    span: Span  # the item's title, cut from its line
    number: int | None


def extract_tasks(view: DocView) -> list[Task]:
    """Tasks of the notice's task table or task list, each flagged mandatory/optional or None."""
    for table in view.tables:
        tasks = _table_tasks(view, table)
        if tasks:
            return tasks
    best: tuple[tuple[int, int], list[Task]] | None = None
    for i, line in enumerate(view.lines):
        h = line.heading
        if line.part or h is None or h.level == 0:
            continue
        title = LABEL.sub("", h.title)
        if _NEVER_TASKS.search(title):
            continue
        named = _is_task_section(title)
        if line.body_from < len(line.norm) and not named:
            continue  # a run-in heading (（二）建设任务。试点项目应…) opens a list only when it names tasks
        tasks = _list_tasks(view, i, named)
        if len(tasks) < 2:
            continue
        flagged = sum(t.mandatory is not None for t in tasks)
        if not flagged and not named:
            continue
        # a list the notice flags wins over one that is only named as tasks; first wins ties
        score = (flagged > 0, named)
        if best is None or score > best[0]:
            best = (score, tasks)
    return best[1] if best else _direction_tasks(view)


# 征集方向 / 支持方向 whose items are areas of work (申报项目可围绕以下一个或多个方向组织实施)
_WORK_DIRECTIONS = re.compile(r"^(?:征集|支持|建设|重点|应用|申报)方向$")
_AROUND = re.compile(r"围绕[^。；;]{0,12}方向|(?:一个|一项)或多个")


def _direction_tasks(view: DocView) -> list[Task]:
    """A notice without a task section may list its areas of work as directions; a list of
    directions to pick one from (选择1个方向申报) names types of pilot, not tasks."""
    for i, line in enumerate(view.lines):
        h = line.heading
        if line.part or h is None or h.level == 0 or not _WORK_DIRECTIONS.match(LABEL.sub("", h.title)):
            continue
        body = lines_under(view.lines, i)
        intro = "".join(ln.norm for ln in body[:2])
        flagged = any(_MUST_COVER.search(ln.norm) for ln in body)  # 申报项目须覆盖方向一，方向二可选
        if not (_AROUND.search(intro) or flagged) or _DIRECTION_CHOICE.search(intro):
            continue
        tasks = _list_tasks(view, i, True) or _named_directions(view, body)
        if len(tasks) >= 2:
            return tasks
    return []


_DIRECTION_ITEM = re.compile(rf"^方向\s*(?P<n>{NUMBER})\s*[:：、.．]\s*(?P<t>[^。；;，,：:]{{2,{TITLE_MAX}}})")


def _named_directions(view: DocView, body: list[Line]) -> list[Task]:
    """方向一：工业可信数据空间建设。… items flagged by the section's own words (须覆盖方向一，方向二、方向三可选)."""
    flags = _numbered_flags("".join(ln.norm for ln in body))
    tasks = []
    for line in body:
        m = _DIRECTION_ITEM.match(line.norm)
        if m:
            span = _span(line).sub(m.start("t"), m.end("t"))
            tasks.append(Task(m.group("t"), flags.get(parse_number(m.group("n")) or 0), view.cite(span)))
    return tasks


def _is_task_section(title: str) -> bool:
    if not TASK_SECTION.search(title):
        return False
    return not _NOT_TASK_SECTION.search(title) or bool(_COMBINED.search(title))


def _table_tasks(view: DocView, table: Table) -> list[Task]:
    """Rows of a task table: 任务名称 | 任务属性 (必选/可选), or a column of 必建/选建 cells."""
    if any(c.line is not None and c.line.part for c in table.header):
        return []
    header_text = "".join(c.text for c in table.header)
    if not _TASK_TABLE_HINT.search(header_text):
        return []
    flag_col = _flag_column(table)
    name_col = table.column(re.compile("名称"), skip=(flag_col,) if flag_col is not None else ())
    if name_col is None:
        name_col = table.column(_NAME_COLUMN, skip=(flag_col,) if flag_col is not None else ())
    if name_col is None:
        return []
    if flag_col is None and not _under_task_section(table):
        return []  # a table that only names tasks, outside a task section (a schedule, a budget)
    tasks = []
    for row in table.rows[1:]:
        if name_col >= len(row) or row[name_col].line is None:
            continue
        cell = row[name_col]
        flag = table.row_flag(row, flag_col)
        line = cell.line
        assert line is not None
        title = cell.text.rstrip("。")
        own = _OWN_FLAG.search(title)
        if own and flag is None:
            flag = _flag(own.group("flag"))
        tasks.append(Task(_OWN_FLAG.sub("", title).strip(), flag, view.cite(_span(line))))
    return tasks


def _flag_column(table: Table) -> int | None:
    """The column saying whether a task must be done: by its header, else by its cells (必建/选建)."""
    by_content = None
    for col in range(len(table.header)):
        cells = [row[col].text for row in table.rows[1:] if col < len(row) and row[col].text]
        if cells and all(len(c) <= 8 for c in cells) and sum(flag_of(c) is not None for c in cells) >= max(2, len(cells) * 0.6):
            by_content = col
            break
    by_header = table.column(_FLAG_COLUMN)
    if by_header is not None and (by_content is None or by_content == by_header):
        return by_header
    return by_content if by_content is not None else by_header


def _under_task_section(table: Table) -> bool:
    line = next((c.line for c in table.header if c.line is not None), None)
    return bool(line and any(_is_task_section(LABEL.sub("", t)) for t in line.path if not t.startswith("表")))


def _list_tasks(view: DocView, index: int, named: bool, inherited: bool | None = None, depth: int = 0) -> list[Task]:
    """Numbered items directly under the heading at `index`, with their flags."""
    lines = view.lines
    body = lines_under(lines, index)
    items = _items(body)
    if not items:
        return _inline_tasks(view, lines[index], body) if named else []
    # the lead-in: body lines before the first item (flags may be stated there)
    first = body.index(items[0].line)
    intro = "".join(ln.norm for ln in body[:first] if ln.heading is None or ln.heading.label.startswith("第"))
    intro += LABEL.sub("", lines[index].norm)  # the heading's own number is not an item's
    # 上述第1、2、4项为必须建设内容，其余为选择性建设内容: flags stated after the list
    last = body.index(items[-1].line)
    closing = [ln.norm for ln in body[last + 1:] if ln.heading is None and not LABEL.match(ln.norm)]
    intro += "".join(c for c in closing if re.match(r"(?:上述|以上|前述|其中)", c) or _MUST_COVER.search(c))
    intro = _DIRECTION_CHOICE.sub("", intro)
    flags = _numbered_flags(intro, len(items))
    rest = _REST.search(intro)  # 其余为可选项: every item the lead-in does not name
    whole: bool | None = inherited
    if _ALL_MANDATORY.search(intro):
        whole = True
    elif _ALL_OPTIONAL.search(intro) or (not flags and re.search(_CHOOSE, intro)):
        whole = False
    groups = _groups(view, lines, items, depth)
    if groups is not None:
        return groups
    labelled = _label_flags(body, items, intro)
    tasks = []
    for n, item in enumerate(items, 1):
        item_title = item.span.text.rstrip("。")
        own = _OWN_FLAG.search(item_title)
        stated = _BODY_FLAG.search(_item_text(body, item.line))
        if own:
            mandatory: bool | None = _flag(own.group("flag"))
        elif stated:
            mandatory = _flag(stated.group("flag"))
        else:
            mandatory = flags.get(item.number or n)
            if mandatory is None and rest and flags:
                mandatory = _flag(rest.group("flag"))
            if mandatory is None and item.line.start in labelled:
                mandatory = labelled[item.line.start]
            if mandatory is None:
                mandatory = whole
        item_title = _OWN_FLAG.sub("", item_title).strip()
        tasks.append(Task(item_title, mandatory, view.cite(item.span)))
    return tasks


# an unnumbered label line over part of a flat list: 基础任务： / 拓展类任务：
_LABEL_LINE = re.compile(r"^(?P<w>[\u4e00-\u9fff]{2,6}?)类?(?:任务|内容)\s*[:：]?$")
# the genre's words for the two groups when neither the label nor the lead-in flags them
_BASE_WORD = re.compile(r"基础|通用|基本|约束性")
_EXTRA_WORD = re.compile(r"拓展|扩展|提升|特色|创新|引导性|鼓励")


def _label_flags(body: list[Line], items: list[_Item], intro: str) -> dict[int, bool]:
    """Flags of items under label lines that part a flat list (基础任务：（一）… 拓展任务：（四）…):
    the label's own flag, else what the lead-in says of that kind (完成全部基础任务 / 至少选择一项
    拓展任务), else the genre's reading of 基础 (done by all) and 拓展 (chosen)."""
    item_lines = {it.line.start for it in items}
    out: dict[int, bool] = {}
    current: bool | None = None
    seen = False
    for line in body:
        if line.start in item_lines:
            if seen and current is not None:
                out[line.start] = current
            continue
        m = _LABEL_LINE.match(line.norm) if line.heading is None else None
        if m is None or not _GROUP.search(line.norm.rstrip(":： ")):
            continue
        seen = True
        word = m.group("w")
        stated = re.search(_STATED, word)
        said = [c for c in re.split(r"[，,。；;]", intro) if word in c]
        if stated:
            current = _flag(stated.group(0))
        elif any(re.search(_CHOOSE, c) or re.search(OPTIONAL, c) for c in said):
            current = False
        elif any(re.search(rf"全部|所有|均须|{MANDATORY}", c) for c in said) or _BASE_WORD.search(word):
            current = True
        elif _EXTRA_WORD.search(word):
            current = False
        else:
            current = None
    return out


def _groups(view: DocView, lines: list[Line], items: list[_Item], depth: int) -> list[Task] | None:
    """Tasks of grouped lists: every item is a group heading (必建任务 / 可选任务（至少选择2项）)
    holding its own numbered items, which take the group's flag unless they state their own."""
    if depth > 0 or len(items) < 1 or any(it.line.heading is None for it in items):
        return None
    if not all(_GROUP.search(_OWN_FLAG.sub("", LABEL.sub("", it.line.heading.title)).strip()) for it in items):  # type: ignore[union-attr]
        return None
    out: list[Task] = []
    for it in items:
        title = it.line.heading.title  # type: ignore[union-attr]
        m = re.search(_STATED, title)
        flag = _flag(m.group(0)) if m else None
        if flag is None and not _states_flag(it.line.norm):
            # 基础任务 / 拓展任务 with nothing said: the genre's reading (done by all / chosen)
            name = LABEL.sub("", title)
            flag = True if _BASE_WORD.search(name) else False if _EXTRA_WORD.search(name) else None
        at = next(i for i, ln in enumerate(lines) if ln is it.line)
        sub = _list_tasks(view, at, True, flag, depth + 1)
        if not sub:
            return None
        out += sub
    return out


def _states_flag(text: str) -> bool:
    """The group's own line says whether its items must be done (均须完成 / 自主选择)."""
    return bool(_ALL_MANDATORY.search(text) or _ALL_OPTIONAL.search(text) or re.search(_STATED, text))


def _items(body: list[Line]) -> list[_Item]:
    """The list's items: headings, numbered paragraphs or 任务一： paragraphs of the outermost scheme."""
    found: list[tuple[str, _Item]] = []
    for line in body:
        h = line.heading
        if h is not None and h.label.startswith(("第", "表")):
            continue  # articles (第三条) are clauses of a rule book, tables are read as tables
        if h is not None:
            span = _span(line).sub(0, line.body_from if line.body_from < len(line.norm) else len(line.norm))
            found.append((_shape(h.label), _Item(line, span.strip_label(), _number_of(line.norm))))
            continue
        m = LABEL.match(line.norm) or _WORD_LABEL.match(line.norm)
        if not m or m.end() >= len(line.norm):
            continue
        rest = line.norm[m.end():]
        end = _TITLE_END.search(rest)
        stop = end.start() if end else len(rest)
        clause = _CLAUSE_END.search(rest, 0, stop)
        if clause and (clause.start() >= 4 or stop > TITLE_MAX):
            stop = clause.start()  # 建设可信接入设施，部署连接器…: the first clause names the task
        stop = min(stop, TITLE_MAX)
        if stop < 2:
            continue
        number = parse_number(m.group("n")) if m.re is _WORD_LABEL else _number_of(line.norm)
        found.append((_shape(m.group(0)), _Item(line, _span(line).sub(m.end(), m.end() + stop), number)))
    if not found:
        return []
    # the outermost numbering scheme: the one the first item uses
    scheme = found[0][0]
    return [item for shape, item in found if shape == scheme]


def _shape(label: str) -> str:
    label = label.strip()
    if _WORD_LABEL.match(label + "x"):
        return "word"
    return re.sub(r"[一二三四五六七八九十]+", "C", re.sub(r"\d+", "D", label)).replace(" ", "")


def _inline_tasks(view: DocView, heading: Line, body: list[Line]) -> list[Task]:
    """一是建设…；二是打造…: tasks counted inline in a paragraph of a task section."""
    wanted = {id(ln) for ln in body}
    by_start = {ln.start: ln for ln in body}
    for para in view.paragraphs:
        first = by_start.get(para.origin[0])
        if first is None or id(first) not in wanted:
            continue
        marks = list(_INLINE.finditer(para.text))
        if len(marks) < 2 or parse_number(marks[0].group("n")) != 1:
            continue
        tasks = []
        for m in marks:
            start = m.end()
            rest = para.text[start:]
            end = re.search(r"[。；;，,：:]", rest)
            stop = end.start() if end else len(rest)
            if stop >= 2:
                tasks.append(Task(rest[:stop], None, view.cite(para.sub(start, start + stop))))
        if len(tasks) >= 2:
            return tasks
    return []


def _item_text(body: list[Line], item: Line) -> str:
    """The item's own text: its line after the title, and the lines up to the next item."""
    at = body.index(item)
    text = item.norm[item.body_from:] if item.heading is not None else item.norm
    for line in body[at + 1:]:
        if line.heading is not None or LABEL.match(line.norm) or _WORD_LABEL.match(line.norm):
            break
        text += line.norm
    return text


def _numbered_flags(text: str, count: int = 0) -> dict[int, bool]:
    """Item number → mandatory, from statements like 其中1-4为必建内容,5-6为可选建内容."""
    flags: dict[int, bool] = {}
    for m in _RANGE.finditer(text):
        if re.fullmatch(_CHOOSE, m.group("flag")) and not (m.group("b") or re.match(r"第|任务", m.group(0))):
            continue  # 从以下6项任务中至少选择2项: a count of the list, not an item number
        a = _value(m.group("a"))
        b = _value(m.group("b")) if m.group("b") else a
        if a is None or b is None or b < a or b - a > 30:
            continue
        for k in range(a, b + 1):
            flags[k] = _flag(m.group("flag"))
    for m in _LIST.finditer(text):
        for k in re.findall(NUMBER, re.sub(r"第|任务", "", m.group("items"))):
            value = parse_number(k)
            if value is not None:
                flags[value] = _flag(m.group("flag"))
    for m in _MUST_COVER.finditer(text):
        value = _value(m.group("a"))
        if value is not None:
            flags[value] = True  # 申报项目须覆盖方向一: that item is mandatory
    for m in _EDGE.finditer(text):
        n = parse_number(m.group("n"))
        if n is None or n > 30:
            continue
        span = range(1, n + 1) if m.group("side") == "前" else range(max(1, count - n + 1), count + 1)
        for k in span:
            flags[k] = _flag(m.group("flag"))
    return flags


def _value(text: str) -> int | None:
    return parse_number(text.strip("() "))


def _flag(word: str) -> bool:
    return bool(re.fullmatch(MANDATORY, word))


def _number_of(text: str) -> int | None:
    m = re.match(rf"^\(?({NUMBER})", text)
    return parse_number(m.group(1)) if m else None


def _span(line: Line) -> Span:
    return Span(line.norm, line.origin, line.path, line.part)

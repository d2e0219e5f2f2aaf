"""Template sections and fields with their 字数 limits, guidance and the points they must cover."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .clauses import LABEL, DocView, Span
from .numerals import NUMBER, parse_number
from .records import Section
from .structure import Heading, Line, is_template_start, lines_under
from .tables import Table

# A section's 字数 limit, in the forms templates write it:
#   不超过1000字 / 不得超过三千字 / 限800字 / 字数控制在2000字以内 / 最多500个汉字
#   (500 字以内) / 300字以下 / 1500字内 / (300字) / ≤1000字 / (字数：≤500) / 字数不超过800
#   500—800字 / 500-1000字: a range's upper bound is the limit
#   1500字左右 / 约2000字 / 建议800字 / 800字为宜 / 字数：800: a stated length is taken as the limit — a draft is held to it,
#   so the product never produces a section longer than the length the template asks for
#   不少于300字 alone is a minimum, not a limit; 不超过3页 counts pages, not 字
_N = rf"(?:\d+(?:\.\d+)?\s*[千万]|{NUMBER})"
_CHARS = r"\s*(?:个)?(?:汉)?字(?!数)"
LIMIT = re.compile(
    rf"(?:字数|篇幅)?(?:原则上)?(?:不超过|不多于|不得超过|不得多于|不大于|不超|限定?在?|控制在|最多|≤|<=)\s*(?P<a>{_N}){_CHARS}(?:以内|以下|之内)?"
    rf"|(?P<lo>{_N})\s*(?:{_CHARS})?\s*[-–—~～至到]\s*(?P<d>{_N}){_CHARS}"
    rf"|(?P<b>{_N}){_CHARS}\s*(?:以内|以下|之内|内|左右)"
    rf"|(?:约|大约|建议|宜)\s*(?P<f>{_N}){_CHARS}"
    rf"|(?P<g>{_N}){_CHARS}\s*(?:为宜|为限)"
    rf"|字数(?:要求|限制|上限)?\s*[:：]\s*(?P<h>{_N})(?:{_CHARS})?(?=\s*(?:[)），,。；;]|$))"
    rf"|[(（]\s*(?P<c>{_N}){_CHARS}\s*[)）]"
    rf"|字数(?:要求|限制)?\s*[:：]?\s*(?:不超过|不多于|不得超过|≤|<=|限|控制在|在)\s*(?P<e>{_N})(?!\s*[-–—~～至到\d])(?:{_CHARS})?(?:以内|以下|之内)?"
)
_NOTE = re.compile(r"\s*[(（][^()（）]{0,30}[)）]\s*$")
_TABLE_LABEL = re.compile(r"^表\s*\d+\s*")
_PROMPT = re.compile(r"^(?:请|介绍|描述|说明|简述|简要|列明|阐述|概述|填写|提供)")
_OBJECT = re.compile(r"^请?(?:简要|简单|详细)?(?:介绍|描述|说明|列明|阐述|概述|提供|填写)(?P<o>[^，,。；;(（]{2,})")
_PUNCT = re.compile(r"[。，,；;：:！？]")
_MAJOR_LABEL = re.compile(r"^(?:[一二三四五六七八九十]+\s*[、.]|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十\d]+[章部分编]|表\s*\d+)")
_INSTRUCTIONS = re.compile(r"^(?:填表|填报|填写|编写|编制|申报)(?:说明|须知|要求)$|^注意事项$")
_MATERIALS = re.compile(r"证明材料|材料清单|资料清单|附件材料|佐证材料")


@dataclass
class _Draft:
    start: int
    title: str
    limit: int | None
    guidance: str
    span: Span
    points: list[str] = field(default_factory=list)
    parent: str = ""


def extract_sections(view: DocView) -> list[Section]:
    """Sections of the application template(s) in one document, in order, with their limits."""
    found = _template_sections(view, _limit_table_chars(view))
    if any(ln.part for ln in view.lines) and view.meta.kind != "template":
        # the body may prescribe the application's outline while the attachments hold only forms
        titles = {s.title for s in found}
        found += [s for s in _body_outline(view) if s.title not in titles]
    # a table of the parts and their 字数 (章节 | 字数要求), in the notice or in its template
    for section in _table_sections(view):
        same = next((i for i, s in enumerate(found) if s.title == section.title), None)
        if same is None:
            found.append(section)
        elif found[same].limit is None and section.limit is not None:
            old = found[same]
            found[same] = Section(old.title, section.limit, "字", old.guidance, old.citation, old.points, old.parent)
    return found


_LIMIT_COLUMN = re.compile(r"字数|篇幅|字符数")
_PART_COLUMN = re.compile(r"章节|部分|栏目|标题|板块|名称|内容|项目")


def _limit_tables(view: DocView) -> list[tuple[Table, int]]:
    """Tables that give each part of the application its 字数, with their limit column."""
    out: list[tuple[Table, int]] = []
    for table in view.tables:
        limit_col = table.column(_LIMIT_COLUMN)
        if limit_col is None:
            limit_col = _limits_column(table)
        if limit_col is not None:
            out.append((table, limit_col))
    return out


def _limit_table_chars(view: DocView) -> set[int]:
    """Verbatim offsets of the body rows of 字数 tables: a limit written there belongs to the
    row's part (its name cell), never to the requirement cell beside it or the header above."""
    chars: set[int] = set()
    for table, _ in _limit_tables(view):
        for row in table.rows[1:]:
            for cell in row:
                if cell.line is not None:
                    chars.update(cell.line.origin)
    return chars


def _table_sections(view: DocView) -> list[Section]:
    """Rows of a table that gives each part of the application its 字数: 章节 | 字数要求."""
    out: list[Section] = []
    for table, limit_col in _limit_tables(view):
        skip = (limit_col,) + tuple(i for i, c in enumerate(table.header) if re.fullmatch(r"序号|编号", c.text))
        name_col = table.column(_PART_COLUMN, skip=skip)
        if name_col is None:
            name_col = next((i for i in range(len(table.header)) if i not in skip), None)
        if name_col is None:
            continue
        for row in table.rows[1:]:
            if name_col >= len(row) or row[name_col].line is None or not row[name_col].text:
                continue
            cell = row[limit_col].text if limit_col < len(row) else ""
            bare = re.fullmatch(r"(?:≤|<=|不超过)?\s*(\d{2,5})\s*(?:字)?", cell)
            limit = int(bare.group(1)) if bare else _limit_in(cell)
            title = clean_title(row[name_col].text)
            line = row[name_col].line
            assert line is not None
            if title and len(title) <= 30:
                out.append(Section(title, limit, "字" if limit is not None else None, "", view.cite(_span(line)), (), ""))
    return out


_GUIDE_COLUMN = re.compile(r"要求|说明|要点")


def _limits_column(table: Table) -> int | None:
    """A 编写要求 column (栏目 | 编写要求) whose cells state the 字数 of their rows: 限200字，概述…"""
    col = table.column(_GUIDE_COLUMN)
    if col is None or table.column(_PART_COLUMN, skip=(col,)) is None:
        return None
    limited = sum(1 for row in table.rows[1:] if col < len(row) and _limit_in(row[col].text) is not None)
    return col if limited >= 2 else None


def _template_sections(view: DocView, table_chars: frozenset[int] | set[int] = frozenset()) -> list[Section]:
    lines = [ln for ln in view.lines if ln.part or view.meta.kind == "template"]
    if not lines:
        return _body_outline(view)
    drafts: dict[int, _Draft] = {}
    limited_headings: set[int] = set()
    form_titles: set[int] = set()
    for index, line in enumerate(lines):
        h = line.heading
        if h is None or h.level == 0:
            continue
        prev = lines[index - 1] if index else None
        after_bare = prev is not None and prev.heading is not None and prev.heading.level == 0 and re.fullmatch(r"附件\s*\d*[:：]?", prev.norm) is not None
        if not h.label and (after_bare or (prev is None or prev.part != line.part) and is_template_start(line.norm)):
            form_titles.add(line.start)  # 附件1 / 自治区…申报书编写提纲 in a heading style: the form's title
            continue
        limit = _limit_in(line.norm)
        if limit is not None:
            limited_headings.add(index)
        if limit is None and not _is_section_heading(lines, index, limited_headings):
            continue
        body = lines_under(lines, index)
        drafts[line.start] = _Draft(
            start=line.start,
            title=clean_title(h.title),
            limit=limit,
            guidance=_guidance(body),
            span=_span(line),
            points=_points(body),
            parent=_parent_title(line),
        )
    _add_limited_siblings(lines, limited_headings, drafts)
    _add_field_limits(view, lines, drafts, table_chars)
    return [
        Section(d.title, d.limit, "字" if d.limit is not None else None, d.guidance, view.cite(d.span), tuple(d.points), d.parent)
        for d in sorted(drafts.values(), key=lambda d: d.start)
        if d.title and d.start not in form_titles
    ]


def _add_limited_siblings(lines: list[Line], limited: set[int], drafts: dict[int, _Draft]) -> None:
    """A template numbered 1. 2. 3. (no 一、 headings): when some of its sibling headings carry a
    字数 limit, the unlimited siblings are sections of the same outline (3.运营机制 beside
    2.建设方案（不超过3000字））."""
    groups: dict[tuple[str, tuple[str, ...], int], list[int]] = {}
    for index, line in enumerate(lines):
        h = line.heading
        if h is None or h.level == 0 or line.body_from < len(line.norm) or h.label.startswith("第"):
            continue
        groups.setdefault((line.part, line.path[:-1], h.level), []).append(index)
    for members in groups.values():
        if len(members) < 2 or not any(i in limited for i in members):
            continue
        for i in members:
            line = lines[i]
            title = clean_title(line.heading.title)  # type: ignore[union-attr]
            if line.start in drafts or _INSTRUCTIONS.search(title) or _MATERIALS.search(title) or "□" in line.norm:
                continue
            body = lines_under(lines, i)
            drafts[line.start] = _Draft(line.start, title, None, _guidance(body), _span(line), _points(body), _parent_title(line))


def _body_outline(view: DocView) -> list[Section]:
    """An outline of the application the notice body prescribes: 申请报告应包括以下部分：
    （一）项目摘要（限200字）（二）…; a list of sibling headings where some carry a 字数 limit."""
    groups: dict[tuple[tuple[str, ...], int], list[int]] = {}
    lines = view.lines
    for index, line in enumerate(lines):
        h = line.heading
        if line.part or h is None or h.level == 0:
            continue
        groups.setdefault((line.path[:-1], h.level), []).append(index)
    out = []
    for members in groups.values():
        limits = {i: _limit_in(lines[i].norm) for i in members}
        if not any(v is not None for v in limits.values()) and not (len(members) >= 2 and _introduced_as_outline(lines, members[0])):
            continue
        for i in members:
            line = lines[i]
            body = lines_under(lines, i)
            limit = limits[i]
            title = clean_title(line.heading.title)  # type: ignore[union-attr]
            if _INSTRUCTIONS.search(title):
                continue
            span = _span(line)
            section = Section(title, limit, "字" if limit is not None else None, _guidance(body), view.cite(span), tuple(_points(body)), _parent_title(line))
            out.append(section)
    if not out:
        out = _inline_outline(view)
    return [s for s in out if s.title]


# 申报书应包括以下内容： / 申请报告编写提纲 / 实施方案编制大纲: the list that follows is the document's outline
_OUTLINE_INTRO = re.compile(
    r"(?:申报书|申请书|申请报告|申报材料|实施方案|建设方案|可行性研究报告|项目方案|正文)[^。；;]{0,10}(?:包括|包含|应有|由|分为|按照?以下|如下)[^。；;]{0,12}(?:内容|部分|章节|结构|框架)?[:：]?$"
    r"|(?:编写|编制|撰写)(?:提纲|大纲|框架|要点)|(?:提纲|大纲)$"
)


def _introduced_as_outline(lines: list[Line], first: int) -> bool:
    """The heading or the lead-in right above a list of headings presents it as an outline."""
    line = lines[first]
    parent = line.path[-2] if len(line.path) >= 2 else ""
    if parent and _OUTLINE_INTRO.search(clean_title(parent)):
        return True
    before = lines[first - 1] if first > 0 else None
    if before is None or before.heading is not None or re.match(r"附件\s*[:：]", before.norm):
        return False  # 附件：1.…申报书提纲 lists the attachments, its next lines are no outline
    return bool(_OUTLINE_INTRO.search(before.norm))


# 申报书正文包括项目概述（500字以内）、建设方案（不超过3000字）和预期成效三部分
_OUTLINE_LEAD = re.compile(r"(?:包括|包含|分为|由|主要有|应有|设置)[:：]?")
_OUTLINE_TAIL = re.compile(r"(?:等)?(?:[一二三四五六七八九十\d]+\s*(?:个)?)?(?:部分|章节|方面|内容)(?:组成|构成)?$")


# the labels of an inline numbered outline: （一）… （二）… / 1.… 2.… / (1)… (2)…
_INLINE_LABELS = (
    re.compile(r"[(（]\s*(?P<n>[一二三四五六七八九十]+)\s*[)）]"),
    re.compile(r"[(（]\s*(?P<n>\d{1,2})\s*[)）]"),
    re.compile(r"(?<![\d.．])(?P<n>\d{1,2})\s*[.．、](?!\d)"),
)


def _labelled_inline_outline(view: DocView, sentence: Span, lead_end: int) -> list[Section]:
    """申报书主要包括以下内容：（一）项目摘要（不超过500字）；（二）…（四）建设方案（不超过4000字），包括…。
    An outline whose parts carry their own labels, read to the end of the paragraph's sentence
    (the parts may be cut by ；): each part runs from its label to the next, its title to the
    first pause, its limit from its own text."""
    para = view.paragraphs[sentence.para]
    if not sentence.origin or sentence.origin[0] not in para.origin:
        return []
    begin = para.origin.index(sentence.origin[0]) + lead_end
    intro = re.match(r"[^。；;：:(（]{0,8}[:：]\s*", para.text[begin:])  # 以下内容：
    begin += intro.end() if intro else 0
    rest = para.text[begin:]
    for pattern in _INLINE_LABELS:
        first = pattern.match(rest.lstrip())
        if first is None:
            continue
        end = rest.find("。")
        body = rest[: end if end >= 0 else len(rest)]
        marks: list[re.Match[str]] = []
        for m in pattern.finditer(body):
            if parse_number(m.group("n")) == len(marks) + 1:
                marks.append(m)
        if len(marks) < 2:
            return []
        out: list[Section] = []
        for k, m in enumerate(marks):
            stop = marks[k + 1].start() if k + 1 < len(marks) else len(body)
            item = para.sub(begin + m.end(), begin + stop).strip_punct()
            limit = _limit_in(item.text)
            bare = re.sub(r"[(（][^()（）]*[)）]", "", item.text)
            title = clean_title(re.split(r"[，,；;。：:]", bare)[0]).strip()
            if not 1 < len(title) <= 20:
                return []
            out.append(Section(title, limit, "字" if limit is not None else None, "", view.cite(item), (), ""))
        return out if sum(s.limit is not None for s in out) >= 2 else []
    return []


def _inline_outline(view: DocView) -> list[Section]:
    """Sections listed inline in one sentence of the body, at least two of them with a limit."""
    for sentence in view.sentences:
        lead = _OUTLINE_LEAD.search(sentence.text)
        if not sentence.part and lead is not None:
            labelled = _labelled_inline_outline(view, sentence, lead.end())
            if labelled:
                return labelled
        if sentence.part or len(list(LIMIT.finditer(sentence.text))) < 2:
            continue
        lead = _OUTLINE_LEAD.search(sentence.text)
        if lead is None or lead.start() > LIMIT.search(sentence.text).start():  # type: ignore[union-attr]
            continue
        out: list[Section] = []
        begin = lead.end()
        depth = 0
        for i in range(lead.end(), len(sentence.text) + 1):
            ch = sentence.text[i] if i < len(sentence.text) else "。"
            depth += ch in "(（"
            depth -= ch in ")）"
            if depth > 0 or ch not in "、，,；;。和及":
                continue
            if ch in "和及" and sentence.text[i - 1] not in ")）":
                continue  # 投资估算和资金筹措 is one title; …（3000字）和预期成效 ends one
            item = sentence.sub(begin, i).strip_punct()
            begin = i + 1
            text = item.text
            m = LIMIT.search(text)
            limit = limit_value(m) if m else None
            title = clean_title(_OUTLINE_TAIL.sub("", re.sub(r"[(（][^()（）]*[)）]", "", text))).strip()
            if 1 < len(title) <= 20 and not _PUNCT.search(title):
                out.append(Section(title, limit, "字" if limit is not None else None, "", view.cite(item), (), ""))
        if sum(s.limit is not None for s in out) >= 2:
            return out
    return []


def clean_title(title: str) -> str:
    """A heading's title without its label, table number, limit note or (如有)/(选填) marks."""
    title = LABEL.sub("", _TABLE_LABEL.sub("", title))
    while _NOTE.search(title):
        title = _NOTE.sub("", title)
    return title.strip().rstrip("。:：")


def _limit_in(text: str) -> int | None:
    m = LIMIT.search(text)
    return limit_value(m) if m else None


def limit_value(m: re.Match[str]) -> int | None:
    """The integer limit of a LIMIT match (三千 → 3000, 1.5万 → 15000, 500—800 → 800)."""
    text = next((m.group(g) for g in ("a", "d", "b", "f", "c", "e", "g", "h") if m.group(g)), None)
    if text is None:
        return None
    text = text.replace(" ", "")
    scaled = re.fullmatch(r"(\d+(?:\.\d+)?)([千万])", text)
    if scaled:
        return round(float(scaled.group(1)) * (1000 if scaled.group(2) == "千" else 10000))
    return parse_number(text)


def _is_section_heading(lines: list[Line], index: int, limited: set[int]) -> bool:
    """Top headings of a template are sections, except parts of a limited section and material lists."""
    line = lines[index]
    h = line.heading
    assert h is not None
    if not is_major(h):
        return False
    for j in range(index - 1, -1, -1):  # the enclosing heading
        other = lines[j].heading
        if other is not None and other.level == 0:
            break
        if other is not None and other.level < h.level:
            if j in limited:
                return False
            if _MATERIALS.search(other.title):
                return False
            break
    title = clean_title(h.title)
    if _INSTRUCTIONS.search(title):
        return False  # how to fill the form in, not a part of it
    return not (h.label.startswith("(") and title.endswith("材料"))


def is_major(h: Heading) -> bool:
    """Headings numbered 一、/（一）/第一部分 or tables are sections; 1./(1) items are fields or points."""
    if h.label:
        return bool(_MAJOR_LABEL.match(h.label))
    return h.level <= 2  # a heading the file itself marks (Word style, Markdown #)


def _guidance(body: list[Line]) -> str:
    """What the template says the section must contain: its prose, else its field labels."""
    prose = [ln.norm for ln in body if len(ln.norm) > 16 and "□" not in ln.norm]
    if prose:
        return "".join(prose)[:600]
    labels = [ln.norm for ln in body if 1 < len(ln.norm) <= 16 and "□" not in ln.norm and not re.fullmatch(r"[\d.…\s年月日%()]+", ln.norm)]
    return "、".join(dict.fromkeys(labels))[:300]


def _points(body: list[Line]) -> list[str]:
    """The points a section must cover: its numbered sub-items, else the items of its guidance."""
    items = []
    for line in body:
        m = LABEL.match(line.norm)
        if m and "□" not in line.norm:
            head = _PUNCT.split(line.norm[m.end():], maxsplit=1)[0]
            head = clean_title(head)
            if 1 < len(head) <= 30:
                items.append(head)
    if items:
        return list(dict.fromkeys(items))
    prose = [ln.norm for ln in body if len(ln.norm) > 16 and "□" not in ln.norm]
    return guidance_points("".join(prose))


def guidance_points(text: str) -> list[str]:
    """Split guidance prose into points: 介绍A等基本概况，B以及C等情况 → [A概况, B, C]."""
    first = re.split(r"[。；;]", text, maxsplit=1)[0]
    first = re.sub(r"[(（][^()（）]*[)）]", "", first)
    aspects = re.search(r"从(?P<x>[^，,。]+?)等?(?:方面|角度)", first)
    if aspects:
        return [a for a in re.split(r"[、和及]", aspects.group("x")) if len(a) > 1]
    first = re.sub(r"^请?(?:简要|简单|详细)?(?:介绍|描述|说明|列明|阐述|概述|提供|填写)", "", first)
    pieces = [p for p in re.split(r"[，,]|以及", first) if p]
    listed = [p for p in pieces if re.match(r"包括(?!但不限于)", p)]
    points: list[str] = []
    for piece in pieces:
        if re.match(r"包括|如|例如|含", piece):
            continue
        piece = re.sub(r"^(?:描述|说明|介绍)", "", piece)
        parts = piece.split("、")
        points += parts if len(parts) > 1 and all(len(x) <= 14 for x in parts) else [piece]
    if listed:  # 包括A、B、C: the parts the template names
        points += re.split(r"、", re.sub(r"^包括", "", listed[0]))
    cleaned = []
    for point in points:
        point = point.strip(" :：")
        point = re.sub(r"^(?:申报单位|申报主体|本单位|单位)(?:的)?", "", point)
        point = re.sub(r"等(?:基本)?(?:情况|内容|方面)?$", "", point).replace("等基本", "")
        if 1 < len(point) <= 40:
            cleaned.append(point)
    return list(dict.fromkeys(cleaned))


def _span(line: Line) -> Span:
    return Span(line.norm, line.origin, line.path, line.part)


def _parent_title(line: Line) -> str:
    return clean_title(line.path[-2]) if len(line.path) >= 2 else ""


def _add_field_limits(view: DocView, lines: list[Line], drafts: dict[int, _Draft], table_chars: frozenset[int] | set[int] = frozenset()) -> None:
    """Limits written on table fields and prompts (请介绍…（300字以内）), not on headings."""
    wanted = {id(ln) for ln in lines}
    by_start = {ln.start: ln for ln in lines}
    for para in view.paragraphs:
        first_line = by_start.get(para.origin[0])
        if first_line is None or id(first_line) not in wanted or first_line.heading is not None:
            continue
        previous_end = 0
        for m in LIMIT.finditer(para.text):
            previous_start = previous_end
            limit = limit_value(m)
            before = para.text[previous_end: m.start()].strip(" (（")
            previous_end = m.end()
            while previous_start < m.start() and para.text[previous_start] in " )）,，。;；":
                previous_start += 1
            if limit is None or para.origin[m.start()] in table_chars:
                continue  # a 字数 table's row: read by _table_sections from its name cell
            end = m.end()
            close = re.match(r"[^()（）]{0,20}[)）]", para.text[end:])
            span = para.sub(previous_start, end + (close.end() if close else 0))
            own = LABEL.sub("", before).strip()
            # 填写说明：项目概况不超过500字，建设方案…: the field named right before the limit
            # 序号 | 项目名称 | 项目简述（100字以内）: a header cell of a table row
            tail = re.split(r"[:：，,；;。|\t]", own)[-1].strip()
            if tail != own and 1 < len(tail) <= 16 and not _PROMPT.match(tail) and not re.search(r"字数|篇幅|正文|内容$", tail):
                if own[: len(own) - len(tail)].rstrip(" ")[-1:] in ("|", "\t"):
                    cell_at = para.text.rfind(tail, previous_start, m.start())
                    if cell_at >= 0:  # the quote is the header cell, not the whole row
                        span = para.sub(cell_at, end + (close.end() if close else 0))
                own = tail
            if _SELF.fullmatch(own) and _give_to_part(lines, first_line, drafts, limit):
                continue
            if own and len(own) <= 24 and not _PUNCT.search(own) and not _PROMPT.match(own):
                title, guidance = own, ""  # a table column or field: 试点内容简述（300字以内）
                named = next((d for d in drafts.values() if d.title == title and d.limit is None), None)
                if named is not None:
                    named.limit = limit  # the limit of a section the template heads elsewhere
                    continue
            else:
                label, heading_line = _label_before(lines, first_line)
                title = _field_title(label, before)
                guidance = before
                heading = drafts.get(heading_line.start) if heading_line is not None else None
                # the heading's limit: the prompt only restates its title, or is its only limit
                if heading is not None and heading.limit is None and (title == label or _limits_under(lines, heading_line) == 1):
                    heading.limit = limit
                    continue
            drafts[span.origin[0]] = _Draft(
                start=span.origin[0], title=title, limit=limit, guidance=guidance,
                span=span, points=guidance_points(guidance), parent=clean_title(first_line.path[-1]) if first_line.path else "",
            )


_SELF = re.compile(r"(?:本|此|该)(?:部分|章|篇)")


def _give_to_part(lines: list[Line], line: Line, drafts: dict[int, _Draft], limit: int) -> bool:
    """本部分不超过2000字 after a part's sub-items: the limit of the whole part — the outermost
    heading the line sits under — whose unlimited sub-headings are its contents, not sections."""
    titles = line.path[1:] if line.part else line.path
    for title in titles:
        index = next((i for i, ln in enumerate(lines) if ln.heading is not None and ln.norm == title and ln.start in drafts), None)
        if index is None:
            continue
        head = drafts[lines[index].start]
        if head.limit is not None:
            return False
        head.limit = limit
        for sub in lines_under(lines, index):
            inner = drafts.get(sub.start)
            if sub.heading is not None and inner is not None and inner.limit is None:
                del drafts[sub.start]
        return True
    return False


def _limits_under(lines: list[Line], heading: Line | None) -> int:
    """How many 字数 limits the lines under a heading state."""
    if heading is None:
        return 0
    index = next(i for i, ln in enumerate(lines) if ln is heading)
    return sum(len(LIMIT.findall(ln.norm)) for ln in lines_under(lines, index))


def _label_before(lines: list[Line], line: Line) -> tuple[str, Line | None]:
    """The field label a prompt belongs to: the nearest short label line, or its heading."""
    index = next(i for i, ln in enumerate(lines) if ln is line)
    for j in range(index - 1, -1, -1):
        other = lines[j]
        if other.heading is not None:
            return clean_title(other.heading.title), other
        text = other.norm
        if _NOTE.fullmatch(text) or "□" in text or _PROMPT.match(text) or _PUNCT.search(text) or LIMIT.search(text):
            continue
        if 1 < len(text) <= 16:
            return clean_title(text), None
    return "", None


def _field_title(label: str, prompt: str) -> str:
    """Title of a limited prompt: its field label, with the prompt's object when that adds something."""
    m = _OBJECT.match(prompt.strip())
    obj = m.group("o").strip() if m else ""
    if not label:
        return obj or prompt[:20]
    if not obj or len(obj) > 16:
        return label
    a = {label[i: i + 2] for i in range(len(label) - 1)}
    b = {obj[i: i + 2] for i in range(len(obj) - 1)}
    if a and len(a & b) / len(a) >= 0.5:
        return label
    return f"{label}：{obj}"

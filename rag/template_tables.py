"""The tables a template draws under a section, read from the template text itself.

A template's tables reach us as lines of tab-separated cells (项目名称 / 统一社会信用代码 …,
□ choices, 2023年 2024年 column heads). Under a section's heading, a short label-like
cell is a row; `□…` cells are the choices of the row before; year cells turn the rows
after them into per-year rows; `序号` opens a grid whose labels are its columns.
Derived with `rag.structure.parse_lines`, so a template never seen before works too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .normalise import normalise
from .records import SourceText
from .sections import bare_title
from .structure import Line, lines_under, parse_lines

_YEAR = re.compile(r"^\d{4}\s*年$")
_PROSE = re.compile(r"[。；;，,:：!?！？]|^请|^\(|^（|^说明|^描述|^介绍|印发$|办公室$|^抄送")
# fill-in blanks (年 月 至 年 月, 12月至2027) and bare numbers are where values go, not labels
_PLACEHOLDER = re.compile(r"^[\d年月日至\s…….·\-—_]+$|^【.*】$")
LABEL_MAX = 20


@dataclass
class TemplateTable:
    """One table: a title, its rows (label, choices, per-year), or a grid of columns."""

    title: str
    rows: list[TableRow] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)  # a grid (序号 …) has columns instead of rows
    years: list[str] = field(default_factory=list)


@dataclass
class TableRow:
    """A labelled row: 统一社会信用代码, or 单位性质 with its □ choices, or 资产总额 per year."""

    label: str
    options: str = ""
    years: tuple[str, ...] = ()


def section_tables(source: SourceText, title: str) -> list[TemplateTable]:
    """Tables under the template heading `title` (empty when the template draws none)."""
    lines = parse_lines(source)
    index = _heading_index(lines, title)
    if index is None:
        return []
    tables = [TemplateTable(title=bare_title(title))]
    grid: TemplateTable | None = None
    body = lines_under(lines, index)
    skip_level: int | None = None
    for n, line in enumerate(body):
        if line.heading is not None and skip_level is not None and line.heading.level > skip_level:
            continue
        if line.heading is None and skip_level is not None:
            continue
        skip_level = None
        raw = source.text[line.start : line.end]
        if line.heading is not None:
            grid = None
            if _has_prose(line, body[n + 1 :]):
                skip_level = line.heading.level  # a written sub-section, not a table row
                continue
            cells = [bare_title(line.heading.title)]
        else:
            cells = [normalise(c).strip() for c in raw.split("\t") if normalise(c).strip()]
        if len(cells) == 1 and re.search(r"[:：]$", cells[0]) and "□" not in cells[0]:
            break  # "申报资料清单：" — a new block (a list of materials) starts here
        if len(cells) >= 3 and all(_is_label(c) and "□" not in c and not _YEAR.match(c) for c in cells):
            grid = TemplateTable(title="", columns=cells)  # one line of column heads
            tables.append(grid)
            continue
        if len(cells) > 1 and all(_YEAR.match(c) for c in cells[1:]):
            tables[0].years = [c.replace(" ", "") for c in cells[1:]]
            cells = cells[:1]
        elif len(cells) > 1:
            cells = [c for c in cells if not _YEAR.match(c)]  # 项目周期 | 2025 年 | 12月至 2027: blanks
        for cell in cells:
            grid = _place(cell, tables, grid)
    return [t for t in tables if t.rows or t.columns]


def _has_prose(heading: Line, after: list[Line]) -> bool:
    """True when a heading carries or heads running text (a sub-section to write, not a row)."""
    if heading.body_from < len(heading.norm) or heading.norm.rstrip().endswith("。"):
        return True
    for line in after:
        if line.heading is not None and line.heading.level <= heading.heading.level:  # type: ignore[union-attr]
            return False
        if line.heading is not None and line.body_from < len(line.norm):
            return True
        if line.heading is None and "□" not in line.norm and (len(line.norm) > 30 or "。" in line.norm):
            return True
    return False


def _place(cell: str, tables: list[TemplateTable], grid: TemplateTable | None) -> TemplateTable | None:
    """Put one cell where it belongs; returns the grid being filled, if any."""
    table = tables[0]
    if cell == "序号" or (cell.endswith("表") and len(cell) <= LABEL_MAX) or re.search(r"表[(（]", cell):
        if cell == "序号" and grid is not None and not grid.columns:
            return grid
        grid = TemplateTable(title=re.sub(r"[(（].*$", "", cell) if cell != "序号" else "")
        tables.append(grid)
        return grid
    if _YEAR.match(cell) and (not table.rows or not table.rows[-1].options):
        table.years.append(cell.replace(" ", ""))
        return grid
    if "□" in cell:
        label, _, options = cell.partition("□")
        if label.strip() and _is_label(label):
            table.rows.append(TableRow(label.strip(), "□" + options))
            table.years = []  # a choice row ends a block of per-year rows
        elif table.rows and table.rows[-1].label != "":
            table.rows[-1].options += ("" if not table.rows[-1].options else " ") + "□" + options
        return grid
    if not _is_label(cell):
        if _is_question(cell):
            table.rows.append(TableRow(cell))
            table.years = []
        return None if grid is not None and grid.columns else grid
    if grid is not None:
        grid.columns.append(cell)
        return grid
    if not any(r.label == cell for r in table.rows):
        table.rows.append(TableRow(cell, "", tuple(table.years)))
    return grid


def _is_question(cell: str) -> bool:
    """A yes/no row of a form: 企业近三年是否发生重大…事故."""
    return "是否" in cell and len(cell) <= 2 * LABEL_MAX and not re.search(r"[。；;]", cell)


def _is_label(cell: str) -> bool:
    if cell.count("(") + cell.count("（") != cell.count(")") + cell.count("）"):
        return False  # half of a note split across cells: □其他_(请注 | 主明)
    core = re.sub(r"[(（][^()（）]*[)）]", "", cell).strip()
    return 1 < len(core) <= LABEL_MAX and not _PROSE.search(core) and not _PLACEHOLDER.match(core)


def _heading_index(lines: list[Line], title: str) -> int | None:
    wanted = bare_title(title)
    candidates = [i for i, ln in enumerate(lines) if ln.part and ln.heading is not None and ln.heading.level > 0]
    for i in candidates:
        if bare_title(lines[i].heading.title) == wanted:  # type: ignore[union-attr]
            return i
    for i in candidates:
        if wanted and wanted in bare_title(lines[i].heading.title):  # type: ignore[union-attr]
            return i
    return None

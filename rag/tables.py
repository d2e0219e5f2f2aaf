"""Tables of a notice, read back from text: DOCX tables arrive one tab-led cell per line
(rows separated by a blank line), PDF and plain-text tables as tab-separated rows.

Extraction reads task lists and material lists from tables whose header names a column
such as 任务属性 / 是否必须 / 提供要求; each cell keeps its content line for citations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalise import normalise
from .structure import Line


@dataclass(frozen=True)
class Cell:
    text: str  # normalised cell text ("" for an empty cell)
    line: Line | None  # the content line that holds it (None for an empty cell)


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[Cell, ...], ...]

    @property
    def header(self) -> tuple[Cell, ...]:
        return self.rows[0] if self.rows else ()

    def row_flag(self, row: tuple[Cell, ...], flag_col: int | None) -> bool | None:
        """A row's flag: its flag cell, or a mark (√) in a 必选/须提供 or 可选/可提供 column."""
        if flag_col is not None and flag_col < len(row) and row[flag_col].text:
            return flag_of(row[flag_col].text)
        yes, no = self.column(_YES_HEAD), self.column(_NO_HEAD)
        if yes is not None and yes < len(row) and row[yes].text:
            return True
        if no is not None and no < len(row) and row[no].text:
            return False
        return None

    def column(self, pattern: re.Pattern[str], skip: tuple[int, ...] = ()) -> int | None:
        """Index of the first header cell matching `pattern` (columns in `skip` excluded)."""
        for i, cell in enumerate(self.header):
            if i not in skip and cell.text and pattern.search(cell.text):
                return i
        return None


def read_tables(text: str, lines: list[Line]) -> list[Table]:
    """Every table of at least a header and one row, in document order."""
    by_start = {line.start: line for line in lines}
    tables: list[Table] = []
    rows: list[tuple[Cell, ...]] = []
    row: list[Cell] = []

    def close_row() -> None:
        nonlocal row
        if row:
            rows.append(tuple(row))
            row = []

    def close_table() -> None:
        nonlocal rows
        close_row()
        if len(rows) >= 2:
            tables.append(Table(tuple(rows)))
        rows = []

    position = 0
    for raw in text.split("\n"):
        start = position
        position += len(raw) + 1
        content = raw.strip()
        if _PIPE_ROW.match(content):
            # a Markdown row: | 1 | 可信基础设施部署 | 必建 |; the |---| line under the header is no row
            close_row()
            if not _PIPE_RULE.match(content):
                line = by_start.get(start + len(raw) - len(raw.lstrip()))
                cells = content.strip("|").split("|")
                rows.append(tuple(Cell(normalise(c.strip()), line if c.strip() else None) for c in cells))
            continue
        if raw.lstrip(" ").startswith("\t"):
            # one cell per line; an empty cell is a lone tab
            cell_start = start + len(raw) - len(raw.lstrip())
            row.append(Cell(normalise(content), by_start.get(cell_start) if content else None))
            continue
        if not content:
            close_row()  # a blank line ends a DOCX row
            continue
        if "\t" in content:
            # a row of tab-separated cells on one line; each cell is cited by its row
            close_row()
            line = by_start.get(start + len(raw) - len(raw.lstrip()))
            rows.append(tuple(Cell(normalise(c.strip()), line if c.strip() else None) for c in content.split("\t")))
            continue
        close_table()
    close_table()
    if not tables:
        tables = sorted(_spaced_tables(text, lines) + _stacked_tables(lines), key=lambda t: t.header[0].line.start if t.header[0].line else 0)
    return tables


_PIPE_ROW = re.compile(r"^\|.*\|$")
_PIPE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
# a PDF table row: cells parted by spaces, the first cell the row's number (序号)
_SPACED_HEAD = re.compile(r"^序号\s+\S")
_ROW_NUMBER = re.compile(r"^(\d{1,2})\s+\S")
_ENDS_TABLE = re.compile(r"^(?:[一二三四五六七八九十]+\s*[、.]|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十\d]+[章条]|表\s*\d|附件|注[:：])")


def _split_spaced(text: str, columns: int = 0) -> list[str]:
    """Cells of a spaced row: split on runs of two or more spaces, else on single spaces."""
    cells = re.split(r"\s{2,}", text.strip())
    if len(cells) == 1 or (columns and len(cells) < columns and len(text.split()) == columns):
        cells = text.split()
    if columns and len(cells) > columns:
        cells = cells[: columns - 1] + [" ".join(cells[columns - 1:])]
    return cells


_HEAD_NAME = re.compile(r"名称|任务|材料|章节|内容|事项")
_HEAD_FLAG = re.compile(r"属性|是否|类型|类别|要求|备注|说明|份数|字数")


def _named_header(raw: str) -> bool:
    """A header row without 序号: short cells parted by two spaces, one naming the item, one its flag."""
    cells = re.split(r"\s{2,}", raw.strip())
    return 2 <= len(cells) <= 6 and all(len(c) <= 8 for c in cells) and any(_HEAD_NAME.search(c) for c in cells) and any(
        _HEAD_FLAG.search(c) for c in cells
    )


def _aligned_rows(text: str, lines: list[Line], at: int) -> Table | None:
    """Rows under a header without 序号: lines that part into as many cells as the header."""
    header_line = lines[at]
    header = [normalise(c) for c in re.split(r"\s{2,}", text[header_line.start: header_line.end].strip())]
    rows: list[tuple[Cell, ...]] = [tuple(Cell(h, header_line) for h in header)]
    for nxt in lines[at + 1:]:
        cells = re.split(r"\s{2,}", text[nxt.start: nxt.end].strip())
        if len(cells) != len(header) or nxt.heading is not None and nxt.heading.level == 0:
            break
        rows.append(tuple(Cell(normalise(c), nxt) for c in cells))
    return Table(tuple(rows)) if len(rows) >= 2 else None


def _spaced_tables(text: str, lines: list[Line]) -> list[Table]:
    """Tables of a PDF notice, whose cells arrive parted by spaces: a 序号 header line, then
    rows that start with their number; a row's long last cell may wrap onto the next line."""
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        raw = text[line.start: line.end]
        numbered = line.norm.startswith("序号") and _SPACED_HEAD.match("序号" + raw.strip()[2:]) is not None
        if line.part or not (numbered or _named_header(raw)):
            i += 1
            continue
        if not numbered:
            table = _aligned_rows(text, lines, i)
            if table is not None:
                tables.append(table)
                i += len(table.rows)
            else:
                i += 1
            continue
        header = [normalise(h) for h in _split_spaced(raw)]
        width = len(header)
        if width < 2 or any(len(h) > 10 for h in header):
            i += 1
            continue
        rows: list[tuple[Cell, ...]] = [tuple(Cell(h, line) for h in header)]
        expected = 1
        i += 1
        while i < len(lines):
            nxt = lines[i]
            raw = text[nxt.start: nxt.end].strip()
            number = _ROW_NUMBER.match(raw)
            if number and int(number.group(1)) == expected:
                rows.append(tuple(Cell(normalise(c), nxt) for c in _split_spaced(raw, width)))
                expected += 1
            elif len(rows) > 1 and not number and nxt.heading is None and not _ENDS_TABLE.match(nxt.norm) and len(nxt.norm) <= 40:
                last = rows[-1]
                rows[-1] = last[:-1] + (Cell(last[-1].text + nxt.norm, last[-1].line),)  # a wrapped cell
            else:
                break
            i += 1
        if len(rows) >= 2:
            tables.append(Table(tuple(rows)))
    return tables


_STACKED_NUMBER = re.compile(r"^\d{1,2}$")
# a cell's text continues on the next line when it breaks after a list mark or an open bracket
_WRAPS_ON = re.compile(r"[、，,；;（(和及与]$")


def _stacked_tables(lines: list[Line]) -> list[Table]:
    """Tables of a PDF whose every cell arrives on a line of its own: a lone 序号 line, the
    other header cells one per line, then rows opened by their number on a line alone. A row
    with more lines than cells has a wrapped cell: a line that breaks after 、，和 joins the next."""
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        if lines[i].norm != "序号":
            i += 1
            continue
        header = [lines[i]]
        j = i + 1
        while j < len(lines) and len(header) < 8 and not _STACKED_NUMBER.match(lines[j].norm) and len(lines[j].norm) <= 10 and lines[j].heading is None:
            header.append(lines[j])
            j += 1
        width = len(header)
        if width < 2 or j >= len(lines) or lines[j].norm != "1":
            i += 1
            continue
        rows: list[tuple[Cell, ...]] = [tuple(Cell(h.norm, h) for h in header)]
        expected = 1
        while j < len(lines) and lines[j].norm == str(expected) and lines[j].part == header[0].part:
            body: list[Line] = []
            k = j + 1
            while k < len(lines) and lines[k].norm != str(expected + 1) and lines[k].heading is None and lines[k].part == header[0].part and not _ENDS_TABLE.match(lines[k].norm):
                if len(body) >= width - 1 and sum(1 for b in body if _WRAPS_ON.search(b.norm)) <= len(body) - (width - 1):
                    break  # every cell is complete and none waits for its wrapped rest
                body.append(lines[k])
                k += 1
            cells: list[Cell] = []
            extra = len(body) - (width - 1)
            for line in body:
                if cells and extra > 0 and _WRAPS_ON.search(cells[-1].text):
                    cells[-1] = Cell(cells[-1].text + line.norm, cells[-1].line)
                    extra -= 1
                else:
                    cells.append(Cell(line.norm, line))
            if len(cells) != width - 1:
                break
            rows.append((Cell(lines[j].norm, lines[j]),) + tuple(cells))
            expected += 1
            j = k
        if len(rows) >= 2:
            tables.append(Table(tuple(rows)))
        i = max(j, i + 1)
    return tables


# header cells of mark columns: a √ under 必选 / 须提供, or under 可选 / 可提供
_YES_HEAD = re.compile(r"^(?:必选|必建|必须|必备|必报|须提供|必须提供|必做)$")
_NO_HEAD = re.compile(r"^(?:可选|选建|选做|选报|可提供|选择提供|选填|鼓励)$")

# a cell's answer to "must it be done / provided?": True, False, or None when conditional
_CONDITIONAL = re.compile(r"如有|若有|如涉及|有则|视情况|(?:的|时)(?:须|需)?提供$")
_NO = re.compile(r"^(?:否|×|非必[须需选]|可选|选建|选做|选填|选报|选交|自选|自主选择|引导性|选择性|可提供|可不提供|自愿|鼓励|选择性|选择提供)|可选|选做|选报|自愿提供")
_YES = re.compile(r"^(?:是|√|✓|必|须|需|应|约束性)|必选|必建|必须|必需|必备|必报|必交|必填|须提供")


def flag_of(text: str) -> bool | None:
    """Mandatory/required flag written in a table cell (必选 / 是 / 须提供 → True; 可选 / 否 → False)."""
    text = text.strip()
    if not text or _CONDITIONAL.search(text):
        return None
    if _NO.search(text):
        return False
    if _YES.search(text):
        return True
    return None

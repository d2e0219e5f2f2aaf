"""The check report as Markdown or DOCX, built from the `check --json` payload."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import InputError

STATUS_LABEL = {"ok": "✓ 符合", "missing": "✗ 缺失", "weak": "△ 薄弱", "over_limit": "✗ 超字数", "invalid": "✗ 不符"}
SEVERITY_LABEL = {"blocking": "阻断", "major": "重要", "minor": "一般", "info": "提示"}


def _cell(text: Any) -> str:
    # draft text is data: neutralise table pipes and line breaks so it cannot reshape the report
    return str(text or "").replace("|", "｜").replace("\n", " ").strip()


def _cite(citation: dict[str, Any] | None) -> str:
    if not citation:
        return ""
    return f"{citation.get('doc_id', '')} · {citation.get('section', '')}：“{citation.get('quote', '')}”"


def to_markdown(payload: dict[str, Any]) -> str:
    """The whole report as Markdown: summary, matrix, then findings per jurisdiction."""
    lines = [f"# 申报书形式审查报告 / draft check: {_cell(payload.get('draft'))}", "",
             f"审查日期 / as of: {payload.get('as_of')}", "", "## 汇总 / summary", "",
             "| 地区 | 窗口 | 阻断 | 重要 | 一般 |", "|---|---|---|---|---|"]
    for r in payload["results"]:
        s = r["summary"]
        lines.append(f"| {r['name']}（{r['jurisdiction']}） | {r['window']} | {s['blocking']} | {s['major']} | {s['minor']} |")
    grid = payload.get("matrix") or {}
    if len(grid.get("columns", [])) > 1:
        cols = grid["columns"]
        lines += ["", "## 对照矩阵 / matrix", "", "| 项目 | " + " | ".join(cols) + " |", "|---|" + "---|" * len(cols)]
        for row in grid["rows"]:
            if all(v == "ok" for v in row["cells"].values()):
                continue
            cells = [STATUS_LABEL.get(row["cells"].get(c, ""), "—") for c in cols]
            lines.append(f"| {_cell(row['item'])} | " + " | ".join(cells) + " |")
    for r in payload["results"]:
        lines += ["", f"## {r['name']}（{r['jurisdiction']}）", ""]
        for notice in r.get("notices", []):
            lines.append(f"> {_cell(notice)}")
        lines += ["| 状态 | 严重度 | 项目 | 草稿位置 | 证据 | 依据 | 修改建议 |", "|---|---|---|---|---|---|---|"]
        for f in r["findings"]:
            if f["status"] == "ok" and f["severity"] == "info" and f["check"] in ("point", "commitment", "section"):
                continue  # keep the report about gaps; the JSON keeps every ok item
            lines.append("| " + " | ".join(_cell(x) for x in (
                STATUS_LABEL[f["status"]], SEVERITY_LABEL[f["severity"]], f["item"], f["section"], f["evidence"],
                _cite(f["citation"]), f["fix"])) + " |")
    return "\n".join(lines) + "\n"


def to_docx(payload: dict[str, Any], path: Path) -> Path:
    """Write the report as a Word document with one findings table per jurisdiction."""
    import docx

    document = docx.Document()
    document.add_heading(f"申报书形式审查报告：{payload.get('draft')}", level=1)
    document.add_paragraph(f"审查日期：{payload.get('as_of')}")
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("地区", "窗口", "阻断", "重要", "一般"), strict=True):
        cell.text = text
    for r in payload["results"]:
        s = r["summary"]
        row = table.add_row().cells
        for cell, text in zip(row, (f"{r['name']}（{r['jurisdiction']}）", r["window"], s["blocking"], s["major"], s["minor"]), strict=True):
            cell.text = str(text)
    for r in payload["results"]:
        document.add_heading(f"{r['name']}（{r['jurisdiction']}）", level=2)
        findings = [f for f in r["findings"] if f["status"] != "ok"] or r["findings"][:1]
        grid = document.add_table(rows=1, cols=6)
        grid.style = "Table Grid"
        for cell, text in zip(grid.rows[0].cells, ("状态", "严重度", "项目", "证据", "依据", "修改建议"), strict=True):
            cell.text = text
        for f in findings:
            row = grid.add_row().cells
            values = (STATUS_LABEL[f["status"]], SEVERITY_LABEL[f["severity"]], f["item"], f["evidence"], _cite(f["citation"]), f["fix"])
            for cell, text in zip(row, values, strict=True):
                cell.text = str(text or "")
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def write_report(payload: dict[str, Any], path: Path) -> Path:
    """Write Markdown (.md) or Word (.docx) by the file's suffix."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return to_docx(payload, path)
    if suffix in (".md", ".markdown", ".txt"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(to_markdown(payload), encoding="utf-8")
        return path
    raise InputError(f"不支持的报告格式 / unsupported report format: {path.name} — 请用 .md 或 .docx")

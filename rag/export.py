"""Drafts on paper: one section as Markdown or DOCX, or the whole application as one DOCX.

The whole application follows the jurisdiction's template: every section in template
order, each drafted (with its limit and count) or marked 【待补充】, and the tables the
template draws (rows and columns read from the template text) filled with the
applicant's values where known.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .count import CountMode, count
from .draft import MISSING, Draft
from .errors import InputError
from .facts import Facts
from .records import Profile, SourceText
from .sections import SectionSpec, catalogue
from .settings import Settings
from .template_tables import TemplateTable, section_tables

GRID_ROWS = 3  # empty rows offered under a grid's column heads for the applicant to fill


def count_line(draft: Draft) -> str:
    """'字数：812 / 1000 字（按字数计）' — the limit and count shown with every drafted section."""
    rule = "按字数计" if draft.count_mode == "word" else "按字符计"
    limit = f" / {draft.limit}" if draft.limit else ""
    return f"字数：{draft.count}{limit} 字（{rule}）"


def section_markdown(draft: Draft) -> str:
    """A section draft as Markdown (user text escaped of nothing: Markdown is plain text here)."""
    parts = [f"# {draft.section}", "", f"> {count_line(draft)}", "", draft.text or MISSING.format(draft.section)]
    if draft.missing:
        parts += ["", "待补充：" + "、".join(draft.missing)]
    if draft.notice:
        parts += ["", f"> {draft.notice}"]
    for c in draft.citations:
        parts += ["", f"> 依据 {c.doc_id} {c.section}：{c.quote}"]
    return "\n".join(parts) + "\n"


def write_section(draft: Draft, path: Path) -> Path:
    """Write one section draft to .md or .docx (by the file's suffix)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".md":
        path.write_text(section_markdown(draft), encoding="utf-8")
    elif suffix == ".docx":
        from docx import Document

        doc = Document()
        doc.add_heading(draft.section, level=1)
        doc.add_paragraph(count_line(draft))
        _add_text(doc, draft.text or MISSING.format(draft.section))
        if draft.notice:
            doc.add_paragraph(draft.notice)
        doc.save(str(path))
    else:
        raise InputError(f"不支持的输出格式 / --out must end in .md or .docx, got {path.name}")
    return path


def template_sources(settings: Settings, profile: Profile) -> dict[str, SourceText]:
    """The indexed source texts of a profile's documents (where its template lives)."""
    from .profiles import ensure_index

    generation = ensure_index(settings, quiet=True)
    return {doc_id: generation.source(doc_id) for doc_id in profile.documents}


def application_docx(profile: Profile, drafts: Mapping[str, Draft], facts: Facts | None, path: Path,
                     sources: Mapping[str, SourceText | str] | None = None, count_mode: CountMode = "word") -> Path:
    """The whole application as one DOCX, in the order of the jurisdiction's template."""
    from docx import Document

    facts = facts or Facts()
    specs = catalogue(profile)
    doc = Document()
    root = specs[0].parent if specs else ""
    doc.add_heading(root if root and not root.startswith("附件") else f"{profile.name}申报书", level=0)
    for spec in specs:
        doc.add_heading(spec.title, level=spec.level)
        if spec.kind == "text":
            _add_draft(doc, spec, drafts.get(spec.title), count_mode)
        elif spec.kind == "form":
            if spec.guidance:
                doc.add_paragraph(spec.guidance)
            doc.add_paragraph(MISSING.format(f"{spec.title}（按模板填写、签章或附材料）"))
        source = _source_of(spec, sources)
        if source is not None:
            for table in section_tables(source, spec.title):
                if spec.kind == "text" and not table.columns:
                    continue  # a written section's own field labels are its points, not a form
                _add_table(doc, table, facts)
    path = Path(path)
    doc.save(str(path))
    return path


def _add_draft(doc: Any, spec: SectionSpec, draft: Draft | None, count_mode: CountMode) -> None:
    if draft is None or not draft.text.strip():
        limit = f"（限 {spec.limit} 字）" if spec.limit else ""
        doc.add_paragraph(f"字数：0{' / ' + str(spec.limit) if spec.limit else ''} 字{limit}")
        doc.add_paragraph(MISSING.format(spec.title))
        return
    doc.add_paragraph(count_line(draft))
    _add_text(doc, draft.text)


def _add_text(doc: Any, text: str) -> None:
    for line in text.split("\n"):
        if line.strip():
            doc.add_paragraph(line.strip())


def _source_of(spec: SectionSpec, sources: Mapping[str, SourceText | str] | None) -> SourceText | None:
    if not sources or spec.citation.doc_id not in sources:
        return None
    source = sources[spec.citation.doc_id]
    return source if isinstance(source, SourceText) else SourceText(text=source)


def _add_table(doc: Any, table: TemplateTable, facts: Facts) -> None:
    if table.title:
        doc.add_paragraph(table.title)
    if table.columns:
        grid = doc.add_table(rows=1 + GRID_ROWS, cols=len(table.columns))
        grid.style = "Table Grid"
        for i, column in enumerate(table.columns):
            grid.rows[0].cells[i].text = column
        for r in range(1, 1 + GRID_ROWS):
            grid.rows[r].cells[0].text = "【待补充】" if r == 1 else ""
        return
    grid = doc.add_table(rows=len(table.rows), cols=2)
    grid.style = "Table Grid"
    for i, row in enumerate(table.rows):
        grid.rows[i].cells[0].text = row.label
        grid.rows[i].cells[1].text = _cell_value(row.label, row.options, row.years, facts)


def _cell_value(label: str, options: str, years: tuple[str, ...], facts: Facts) -> str:
    """The applicant's value for a table row, else the template's choices, else 【待补充】."""
    fact = facts.get(label)
    if fact is not None:
        if years and isinstance(fact.raw, Mapping):
            by_year = {str(k).rstrip("年") + "年": v for k, v in fact.raw.items()}
            return "；".join(f"{y}：{by_year.get(y, '【待补充】')}" for y in years)
        return fact.value
    if years:
        return "；".join(f"{y}：【待补充】" for y in years)
    return f"{options}（请勾选）【待补充】" if options else "【待补充】"


def section_counts(path: Path, mode: CountMode = "word") -> dict[str, int]:
    """Count of each drafted section's text in an exported application (for checks and tests)."""
    from docx import Document

    doc = Document(str(path))
    counts: dict[str, int] = {}
    current: str | None = None
    for para in doc.paragraphs:
        if para.style is not None and para.style.name.startswith("Heading"):
            current = para.text
            counts.setdefault(current, 0)
        elif current is not None and not para.text.startswith("字数："):
            counts[current] += count(para.text, mode)
    return counts

"""Checks shared by the held-out notice sets (self-contained: no extraction code is imported).

For every gold profile against the text of its notice:
  - every quote_contains / section and task title / material title_contains occurs
    verbatim in the notice (compared with all whitespace removed on both sides, as the
    profile evaluator does, so dates written with stray spaces and PDF line wraps do not matter);
  - value types: dates ISO, who in applicant|recommender, channel in the known set,
    limits int or null, mandatory/required bool or null, quota values int, window values
    open|closed;
  - each notice holds 2,500 to `max_chars` Chinese characters;
  - a PDF has `pdf_pages` pages, each with its footer "— n —" (when given);
  - the set's build script rebuilds every notice byte for byte.
"""

from __future__ import annotations

import html
import importlib.util
import json
import re
import tempfile
from pathlib import Path

import yaml

CHANNELS = {"online", "email", "post", "paper", "seal", "other"}
ELIGIBILITY_KINDS = {
    "registration_place", "legal_form", "entity_type", "credit", "operator_role", "joint_rule",
    "one_project", "exclusion", "recommendation", "other",
}
QUOTA_KINDS = {"projects_per_applicant", "projects_per_recommender", "joint_max"}


def _load_build(here: Path, name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, here / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def notice_text(path: Path) -> str:
    if path.suffix == ".pdf":
        import pypdf

        return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages)
    if path.suffix == ".docx":
        import docx

        document = docx.Document(str(path))
        parts = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                parts.extend(cell.text for cell in row.cells)
        return "\n".join(parts)
    text = path.read_text(encoding="utf-8")
    if path.suffix in (".html", ".htm"):
        text = html.unescape(re.sub(r"<[^>]+>", "\n", text))
    return text


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def check_profile(path: Path, text: str, errors: list[str]) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    flat = squash(text)
    name = path.name

    def need(s: object, where: str) -> None:
        if not isinstance(s, str) or not s.strip():
            errors.append(f"{name}: {where}: empty text")
        elif squash(s) not in flat:
            errors.append(f"{name}: {where}: not verbatim in notice: {s!r}")

    for i, d in enumerate(gold.get("deadlines", [])):
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.get("date", "")):
            errors.append(f"{name}: deadlines[{i}]: bad date {d.get('date')!r}")
        if d.get("who") not in ("applicant", "recommender"):
            errors.append(f"{name}: deadlines[{i}]: bad who {d.get('who')!r}")
        need(d.get("quote_contains"), f"deadlines[{i}]")
    for i, s in enumerate(gold.get("sections", [])):
        if not (s.get("limit") is None or isinstance(s.get("limit"), int)):
            errors.append(f"{name}: sections[{i}]: bad limit {s.get('limit')!r}")
        need(s.get("title"), f"sections[{i}]")
    for i, t in enumerate(gold.get("tasks", [])):
        if t.get("mandatory") not in (True, False, None):
            errors.append(f"{name}: tasks[{i}]: bad mandatory")
        need(t.get("title"), f"tasks[{i}]")
    for i, e in enumerate(gold.get("eligibility", [])):
        if e.get("kind") not in ELIGIBILITY_KINDS:
            errors.append(f"{name}: eligibility[{i}]: bad kind {e.get('kind')!r}")
        need(e.get("quote_contains"), f"eligibility[{i}]")
    for i, s in enumerate(gold.get("submission", [])):
        if s.get("channel") not in CHANNELS:
            errors.append(f"{name}: submission[{i}]: bad channel {s.get('channel')!r}")
        need(s.get("quote_contains"), f"submission[{i}]")
    for i, m in enumerate(gold.get("materials", [])):
        if m.get("required") not in (True, False, None):
            errors.append(f"{name}: materials[{i}]: bad required")
        need(m.get("title_contains"), f"materials[{i}]")
    for i, q in enumerate(gold.get("quotas", [])):
        if q.get("kind") not in QUOTA_KINDS or not isinstance(q.get("value"), int):
            errors.append(f"{name}: quotas[{i}]: bad kind/value")
        need(q.get("quote_contains"), f"quotas[{i}]")
    for day, state in (gold.get("window") or {}).items():
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) or state not in ("open", "closed"):
            errors.append(f"{name}: window {day}: {state!r}")


def check_set(here: Path, build_name: str, max_chars: int, pdf_pages: int | None = None) -> int:
    """Check one held-out folder: its manifest, gold profiles, notice texts and rebuild."""
    errors: list[str] = []
    manifest = yaml.safe_load((here / "manifest.yaml").read_text(encoding="utf-8"))
    for entry in manifest["documents"]:
        path = here / entry["file"]
        text = notice_text(path)
        squashed = squash(text)
        if squash(entry["title"]) not in squashed:
            errors.append(f"{entry['file']}: manifest title not in text")
        cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
        if not 2500 <= cjk <= max_chars:
            errors.append(f"{entry['file']}: {cjk} Chinese characters (want 2,500–{max_chars:,})")
        if path.suffix == ".pdf" and pdf_pages is not None:
            import pypdf

            pages = pypdf.PdfReader(str(path)).pages
            if len(pages) != pdf_pages:
                errors.append(f"{entry['file']}: {len(pages)} pages (want {pdf_pages})")
            for n, page in enumerate(pages, 1):
                if f"— {n} —" not in (page.extract_text() or ""):
                    errors.append(f"{entry['file']}: page {n} lacks its footer")
        gold = here / "gold" / f"{entry['jurisdiction']}.json"
        if not gold.exists():
            errors.append(f"{gold.name}: missing")
            continue
        check_profile(gold, text, errors)
        print(f"{entry['file']}: {cjk} Chinese characters")
    build = _load_build(here, build_name)
    with tempfile.TemporaryDirectory() as tmp:
        for fresh in build.build_all(Path(tmp)):
            committed = here / fresh.name
            if not committed.exists() or committed.read_bytes() != fresh.read_bytes():
                errors.append(f"{fresh.name}: differs from a fresh {build_name}.py run — rebuild and commit")
    for e in errors:
        print("ERROR", e)
    print("ok" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


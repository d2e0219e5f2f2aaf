"""Verify the unseen notices and their gold profiles.

Run from the repository root:  python evaluators/unseen/check_unseen.py

Checks, for every document in manifest.yaml:
  - the file exists and its extracted text (txt as read; PDF via pypdf; DOCX via
    python-docx, paragraphs and table cells in body order) is 2,500–6,000 characters;
  - the PDF and DOCX are what build_unseen.py produces today (byte-identical rebuild);
and for every gold/<jurisdiction>.json:
  - every quote_contains is a verbatim substring of the extracted text after
    collapsing whitespace runs to one space;
  - section, task and material titles occur in the text (spaces ignored), titles
    carry no numbering or limit parenthesis;
  - field types and allowed values.
Exits 1 and lists every problem if anything is wrong.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent

ELIGIBILITY_KINDS = {"registration_place", "legal_form", "entity_type", "credit", "operator_role", "joint_rule",
                     "one_project", "exclusion", "consent", "recommendation", "other"}
CHANNELS = {"online", "email", "post", "paper", "seal", "other"}
QUOTA_KINDS = {"joint_max", "projects_per_recommender", "projects_per_applicant", "other"}
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def extract(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    if suffix == ".docx":
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(str(path))
        parts: list[str] = []
        for element in document.element.body.iterchildren():
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "p":
                parts.append(Paragraph(element, document).text)
            elif tag == "tbl":
                for row in Table(element, document).rows:
                    previous = None
                    for cell in row.cells:
                        if cell._tc is not previous:
                            parts.append(cell.text)
                        previous = cell._tc
        return "\n".join(parts)
    return path.read_text(encoding="utf-8")


def check_rebuild(errors: list[str]) -> None:
    spec = importlib.util.spec_from_file_location("build_unseen", HERE / "build_unseen.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        for name, build in ((module.PDF_NAME, module.build_pdf), (module.DOCX_NAME, module.build_docx)):
            fresh = build(tmp_path / name).read_bytes()
            committed = (HERE / name).read_bytes() if (HERE / name).exists() else b""
            if fresh != committed:
                errors.append(f"{name}: differs from a fresh build_unseen.py run — rebuild and commit")


def check_profile(path: Path, text: str, errors: list[str]) -> dict:
    p = json.loads(path.read_text(encoding="utf-8"))
    where = path.name
    expected = {"jurisdiction", "deadlines", "sections", "tasks", "eligibility", "submission", "materials",
                "quotas", "window"}
    if set(p) != expected:
        errors.append(f"{where}: keys {sorted(p)}")
    flat = text.replace(" ", "")

    def quote(item: dict, field: str = "quote_contains") -> None:
        q = item.get(field)
        if not isinstance(q, str) or not norm(q):
            errors.append(f"{where}: empty {field} in {item}")
        elif norm(q) not in text:
            errors.append(f"{where}: {field} not in text: {q!r}")

    for d in p["deadlines"]:
        if not DATE.fullmatch(d["date"]) or d["who"] not in ("applicant", "recommender"):
            errors.append(f"{where}: bad deadline {d}")
        quote(d)
    for s in p["sections"]:
        if not (s["limit"] is None or (isinstance(s["limit"], int) and not isinstance(s["limit"], bool)
                                       and s["limit"] > 0)):
            errors.append(f"{where}: bad section limit {s}")
        if re.match(r"^(第[一二三四五六七八九十]+部分|[（(]?[一二三四五六七八九十\d]+[）)、.．])", s["title"]) \
                or "字" in s["title"]:
            errors.append(f"{where}: section title keeps numbering or limit: {s['title']!r}")
        if s["title"].replace(" ", "") not in flat:
            errors.append(f"{where}: section title not in text: {s['title']!r}")
    for t in p["tasks"]:
        if t["mandatory"] not in (True, False, None):
            errors.append(f"{where}: bad task {t}")
        if t["title"].replace(" ", "") not in flat:
            errors.append(f"{where}: task title not in text: {t['title']!r}")
    for e in p["eligibility"]:
        if e["kind"] not in ELIGIBILITY_KINDS:
            errors.append(f"{where}: bad eligibility kind {e}")
        quote(e)
    for s in p["submission"]:
        if s["channel"] not in CHANNELS:
            errors.append(f"{where}: bad channel {s}")
        quote(s)
    for m in p["materials"]:
        if m["required"] not in (True, False, None):
            errors.append(f"{where}: bad material {m}")
        if m["title_contains"].replace(" ", "") not in flat:
            errors.append(f"{where}: material title not in text: {m['title_contains']!r}")
    for q in p["quotas"]:
        if q["kind"] not in QUOTA_KINDS or not isinstance(q["value"], int) or isinstance(q["value"], bool):
            errors.append(f"{where}: bad quota {q}")
        quote(q)
    for k, v in p["window"].items():
        if not DATE.fullmatch(k) or v not in ("open", "closed", "unknown"):
            errors.append(f"{where}: bad window entry {k}: {v}")
    return {k: len(v) for k, v in p.items() if isinstance(v, (list, dict))}


def main() -> int:
    errors: list[str] = []
    manifest = yaml.safe_load((HERE / "manifest.yaml").read_text(encoding="utf-8"))
    late_deadline = False
    for doc in manifest["documents"]:
        path = HERE / doc["file"]
        if not path.exists():
            errors.append(f"missing file {doc['file']}")
            continue
        text = norm(extract(path))
        n = len(text)
        if not 2500 <= n <= 6000:
            errors.append(f"{doc['doc_id']}: {n} characters, expected 2500–6000")
        if not DATE.fullmatch(str(doc["issued_on"])):
            errors.append(f"{doc['doc_id']}: issued_on {doc['issued_on']!r}")
        gold = HERE / "gold" / f"{doc['jurisdiction']}.json"
        if not gold.exists():
            errors.append(f"missing gold/{gold.name}")
            continue
        counts = check_profile(gold, text, errors)
        profile = json.loads(gold.read_text(encoding="utf-8"))
        if profile["jurisdiction"] != doc["jurisdiction"]:
            errors.append(f"{gold.name}: jurisdiction {profile['jurisdiction']!r}")
        late_deadline |= any(d["date"] > "2026-11-22" for d in profile["deadlines"])
        print(f"{doc['doc_id']} ({path.suffix[1:]}, {n} chars): {json.dumps(counts, ensure_ascii=False)}")
    if not late_deadline:
        errors.append("no deadline after 2026-11-22: the open-window case is missing")
    check_rebuild(errors)
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

"""Verify the gold sets against the bundled corpus.

Run from the repository root:  python evaluators/data/check_gold.py
Exits 1 and lists every problem if any quote is not a verbatim substring
(after whitespace normalisation) of its source document, or a line is malformed.
"""
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent
CJK_TRADITIONAL = set("試點幾單聯報請區際網數據閒時們嗎麼聽這個國們還開關應該讓與義產業務營運據發書請資審議證團體構對總機經濟環臺灣")


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def load_corpus():
    manifest = yaml.safe_load((ROOT / "corpus" / "manifest.yaml").read_text(encoding="utf-8"))
    docs, juris = {}, {}
    for d in manifest["documents"]:
        docs[d["doc_id"]] = norm((ROOT / "corpus" / d["file"]).read_text(encoding="utf-8"))
        juris.setdefault(d["jurisdiction"], []).append(d["doc_id"])
    return docs, juris


def check_retrieval(docs, errors):
    path = DATA / "retrieval_gold.jsonl"
    ids = set()
    stats = {"total": 0, "answerable": 0, "unanswerable": 0, "holdout": 0,
             "traditional": 0, "english": 0, "per_doc": {}}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"retrieval line {n}: bad JSON ({e})")
            continue
        keys = {"id", "question", "answerable", "doc_id", "gold_quote", "split"}
        if set(r) != keys:
            errors.append(f"retrieval {n}: keys {sorted(r)}")
            continue
        if r["id"] in ids:
            errors.append(f"retrieval {r['id']}: duplicate id")
        ids.add(r["id"])
        if r["split"] not in ("tune", "holdout"):
            errors.append(f"retrieval {r['id']}: split {r['split']!r}")
        stats["total"] += 1
        stats["holdout"] += r["split"] == "holdout"
        q = r["question"]
        if any(c in CJK_TRADITIONAL for c in q):
            stats["traditional"] += 1
        if re.fullmatch(r"[\x20-\x7e]+", q):
            stats["english"] += 1
        if r["answerable"] is True:
            stats["answerable"] += 1
            d, g = r["doc_id"], r["gold_quote"]
            if d not in docs:
                errors.append(f"retrieval {r['id']}: unknown doc_id {d!r}")
                continue
            stats["per_doc"][d] = stats["per_doc"].get(d, 0) + 1
            if not isinstance(g, str) or not (10 <= len(norm(g)) <= 80):
                errors.append(f"retrieval {r['id']}: gold_quote length {len(norm(g or ''))}")
            if norm(g or "") not in docs[d]:
                errors.append(f"retrieval {r['id']}: gold_quote not in {d}: {g!r}")
        elif r["answerable"] is False:
            stats["unanswerable"] += 1
            if r["doc_id"] is not None or r["gold_quote"] is not None:
                errors.append(f"retrieval {r['id']}: unanswerable must have null doc_id/gold_quote")
        else:
            errors.append(f"retrieval {r['id']}: answerable must be true/false")
    return stats


def check_profile(path, docs, juris, errors):
    p = json.loads(path.read_text(encoding="utf-8"))
    j = p.get("jurisdiction")
    if j != path.stem or j not in juris:
        errors.append(f"{path.name}: jurisdiction {j!r}")
        return {}
    text = " ".join(docs[d] for d in juris[j])
    where = path.name

    def quote(item, field="quote_contains"):
        q = item.get(field)
        if not isinstance(q, str) or not norm(q):
            errors.append(f"{where}: empty {field} in {item}")
        elif norm(q) not in text:
            errors.append(f"{where}: {field} not in corpus: {q!r}")

    for d in p["deadlines"]:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d["date"]) or d["who"] not in ("applicant", "recommender"):
            errors.append(f"{where}: bad deadline {d}")
        quote(d)
    for s in p["sections"]:
        if not (s["limit"] is None or (isinstance(s["limit"], int) and s["limit"] > 0)):
            errors.append(f"{where}: bad section limit {s}")
        if re.match(r"^[（(]?[一二三四五六七八九十\d]+[）)、.．]", s["title"]) or "字" in s["title"]:
            errors.append(f"{where}: section title keeps numbering or limit: {s['title']!r}")
        if norm(s["title"]).replace(" ", "") not in text.replace(" ", ""):
            errors.append(f"{where}: section title not found in corpus: {s['title']!r}")
    for t in p["tasks"]:
        if t["mandatory"] not in (True, False, None):
            errors.append(f"{where}: bad task {t}")
        if t["title"] not in text:
            errors.append(f"{where}: task title not in corpus: {t['title']!r}")
    kinds = {"registration_place", "legal_form", "entity_type", "credit", "operator_role", "joint_rule",
             "one_project", "exclusion", "consent", "recommendation", "other"}
    for e in p["eligibility"]:
        if e["kind"] not in kinds:
            errors.append(f"{where}: bad eligibility kind {e}")
        quote(e)
    for s in p["submission"]:
        if s["channel"] not in ("online", "email", "post", "paper", "seal", "other"):
            errors.append(f"{where}: bad channel {s}")
        quote(s)
    for m in p["materials"]:
        if m["required"] not in (True, False, None):
            errors.append(f"{where}: bad material {m}")
        if norm(m["title_contains"]).replace(" ", "") not in text.replace(" ", ""):
            errors.append(f"{where}: material title not in corpus: {m['title_contains']!r}")
    for q in p["quotas"]:
        if q["kind"] not in ("joint_max", "projects_per_recommender", "projects_per_applicant", "other") \
                or not isinstance(q["value"], int):
            errors.append(f"{where}: bad quota {q}")
        quote(q)
    for k, v in p["window"].items():
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", k) or v not in ("open", "closed", "unknown"):
            errors.append(f"{where}: bad window entry {k}: {v}")
    return {k: len(v) for k, v in p.items() if isinstance(v, (list, dict))}


def main():
    errors = []
    docs, juris = load_corpus()
    stats = check_retrieval(docs, errors)
    print("retrieval_gold.jsonl:", json.dumps(stats, ensure_ascii=False))
    for j in ("national", "shanghai", "zhejiang", "anhui"):
        path = DATA / "gold_profiles" / f"{j}.json"
        if not path.exists():
            errors.append(f"missing {path.name}")
            continue
        print(f"gold_profiles/{j}.json:", check_profile(path, docs, juris, errors))
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

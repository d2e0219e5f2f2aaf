"""Retrieval quality on the gold questions: recall@k, MRR, citation verbatim rate, abstention."""

from __future__ import annotations

import json
from pathlib import Path

from rag.answer import answer_question
from rag.normalise import is_verbatim, normalise
from rag.records import Hit

GOLD = Path(__file__).parent / "data" / "retrieval_gold.jsonl"


def load_gold(split: str | None = None) -> list[dict]:
    """Gold questions, optionally only one split (tune | holdout)."""
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split is None or r.get("split") == split]


def relevant(hit: Hit, gold: dict) -> bool:
    """A hit answers a gold question when its text holds the gold clause (normalised)."""
    if hit.chunk.doc_id != gold["doc_id"] and not hit.chunk.doc_id.startswith(str(gold["doc_id"])):
        return False
    return normalise(gold["gold_quote"]).replace(" ", "") in normalise(hit.chunk.text).replace(" ", "")


def ranking_metrics(ranked: list[list[Hit]], golds: list[dict]) -> dict[str, float]:
    """recall@1, recall@5 and MRR over answerable questions."""
    r1 = r5 = mrr = 0.0
    for hits, gold in zip(ranked, golds, strict=True):
        ranks = [i for i, h in enumerate(hits[:5], start=1) if relevant(h, gold)]
        if ranks:
            r5 += 1
            r1 += ranks[0] == 1
            mrr += 1 / ranks[0]
    n = max(len(golds), 1)
    return {"recall@1": r1 / n, "recall@5": r5 / n, "mrr": mrr / n}


def evaluate_system(retriever, settings, split: str | None = None) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Metrics of the product's ask path (hybrid retrieval + abstention)."""
    gold = load_gold(split)
    answerable = [g for g in gold if g["answerable"]]
    unanswerable = [g for g in gold if not g["answerable"]]
    sources = {m.doc_id: retriever.generation.source(m.doc_id).text for m, _ in retriever.generation.documents()}
    ranked = []
    verbatim = total_citations = false_abstain = 0
    known = retriever.known_jurisdictions()
    from rag.answer import question_scope

    for g in answerable:
        scope = question_scope(g["question"], known)
        ranked.append(retriever.search(g["question"], jurisdictions=scope.jurisdictions or None, k=5))
        answer = answer_question(g["question"], retriever, settings)
        false_abstain += answer.abstained
        for citation in answer.citations:
            total_citations += 1
            verbatim += is_verbatim(citation.quote, sources[citation.doc_id])
    abstained = sum(answer_question(g["question"], retriever, settings).abstained for g in unanswerable)
    metrics = ranking_metrics(ranked, answerable)
    metrics["citation_verbatim_rate"] = verbatim / max(total_citations, 1)
    metrics["abstention_accuracy"] = abstained / max(len(unanswerable), 1)
    metrics["false_abstention_rate"] = false_abstain / max(len(answerable), 1)
    return metrics


def evaluate_baseline(baseline, split: str | None = None) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Metrics of the dense-only baseline (it never abstains)."""
    answerable = [g for g in load_gold(split) if g["answerable"]]
    ranked = [baseline.search(g["question"], k=5) for g in answerable]
    metrics = ranking_metrics(ranked, answerable)
    metrics["abstention_accuracy"] = 0.0
    return metrics


def miss_report(retriever, split: str | None = None) -> list[str]:  # type: ignore[no-untyped-def]
    """Questions whose gold clause is not in the top 5 (for inspection)."""
    out = []
    known = retriever.known_jurisdictions()
    from rag.answer import question_scope

    for g in load_gold(split):
        if not g["answerable"]:
            continue
        scope = question_scope(g["question"], known)
        hits = retriever.search(g["question"], jurisdictions=scope.jurisdictions or None, k=5)
        ranks = [i for i, h in enumerate(hits, start=1) if relevant(h, g)]
        if not ranks or ranks[0] > 1:
            out.append(f"{g['id']} rank={ranks[0] if ranks else '-'} {g['question']} || {g['gold_quote']} || top: {hits[0].chunk.norm[:50] if hits else ''}")
    return out

"""Answering questions: extractive and cited in the offline mode; says so when the corpus has no answer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .answer_types import answer_types, clause_types, names_value
from .chunk import chunk_quote
from .jurisdictions import mentioned, pinyin_id, places, short_name
from .lexical import tokenize
from .normalise import normalise
from .records import Answer, Citation, Hit
from .retrieve import Retriever
from .settings import Settings

# evidence thresholds, tuned on the "tune" split of evaluators/data/retrieval_gold.jsonl
MIN_TERM_COVERAGE = 0.3  # share of the question's IDF weight found in the best clauses
MIN_DENSE_SIMILARITY_CROSS_LINGUAL = 0.75  # for English questions over Chinese clauses
NOT_FOUND = "未找到依据"


@dataclass(frozen=True)
class Scope:
    """Which jurisdictions a question is about, and places it names that the corpus lacks."""

    jurisdictions: list[str]
    unknown_places: list[str]


def question_scope(question: str, known: dict[str, str], requested: list[str] | None = None) -> Scope:
    """Jurisdictions named by the user or the question; places named that are not in the corpus."""
    if requested:
        return Scope(list(requested), [])
    named = mentioned(question, known)
    unknown: list[str] = []
    known_ids = set(known)
    for province, city in places(question):
        ids = {pinyin_id(province)} if province else set()
        if city:
            ids.add(pinyin_id(city))
        hit = ids & known_ids
        if hit:
            named += [i for i in hit if i not in named]
        elif not named:
            place = city or province
            if short_name(place) in normalise(question) or pinyin_id(place) in question.lower():
                unknown.append(place)
    return Scope(named, unknown)


def term_coverage(retriever: Retriever, question: str, hits: list[Hit]) -> float:
    """Share of the question's IDF weight found in the retrieved clauses.

    A term the corpus never uses weighs as much as the rarest term it does use: a
    question about 补贴 is not answered by clauses that only share 上海 and 试点.
    Left out are a place the corpus never names (the applicant's city is a fact about
    the applicant, not a term the clause must contain) and the words naming the kind
    of value asked for (哪天, 电话): whether a clause states that value is checked apart.
    """
    terms = retriever.query_terms(question)
    if not terms:
        return 0.0
    rarest = retriever.rarest_term_weight() or 1.0
    place_words = {name for pair in places(question) for place in pair if place
                   for name in (place, short_name(place))}
    wanted = answer_types(normalise(question))
    weighted = [(t, w if w > 0 else rarest) for t, w in terms
                if (len(t) > 1 or w > 0) and not (w == 0 and any(t in name for name in place_words))
                and not names_value(t, wanted)]
    names = retriever.known_jurisdictions()
    evidence = set()
    for hit in hits:  # a clause of the Anhui notice speaks for 安徽 without naming it
        where = names.get(hit.chunk.jurisdiction, "")
        evidence.update(tokenize(f"{where} {short_name(where)} {hit.chunk.section} {hit.chunk.norm}", normalised=True))
    total = sum(w for _, w in weighted) or 1.0
    return sum(w for t, w in weighted if t in evidence) / total


def is_mostly_latin(text: str) -> bool:
    """True for questions written in English or another Latin-script language."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isascii() for ch in letters) / len(letters) > 0.6


_ASKS_AMOUNT = re.compile(r"(多少|几)(钱|万|元)|金额|(补贴|奖励|资助|补助|经费)多少|多少[\u4e00-\u9fff]{0,4}?(补贴|奖励|资助|资金|补助|经费)|how much (money|funding|subsidy)", re.I)
_STATES_AMOUNT = re.compile(r"\d+(\.\d+)?\s*(万元|元|亿元)|[一二三四五六七八九十百千]+(万元|亿元)")


def supported(retriever: Retriever, question: str, hits: list[Hit]) -> bool:
    """Whether the best clauses really bear on the question (else: abstain)."""
    if not hits:
        return False
    # a question about an amount of money is only answered by a clause stating one
    if _ASKS_AMOUNT.search(normalise(question)) and not any(_STATES_AMOUNT.search(h.chunk.norm) for h in hits[:3]):
        return False
    top_similarity = max((h.dense_similarity or 0.0) for h in hits[:3])
    if is_mostly_latin(question):  # lexical terms cannot match Chinese clauses: rely on meaning
        return top_similarity >= MIN_DENSE_SIMILARITY_CROSS_LINGUAL
    # "when is X" is answered by a clause about X that states a date, not by one about X
    # beside another that states some other date
    wanted = answer_types(normalise(question))
    evidence = [h for h in hits[:3] if not wanted or clause_types(h.chunk.norm, wanted) & wanted]
    return bool(evidence) and term_coverage(retriever, question, evidence) >= MIN_TERM_COVERAGE


def citation_of(hit: Hit) -> Citation:
    """A citation quoting the chunk verbatim."""
    chunk = hit.chunk
    return Citation(doc_id=chunk.doc_id, section=chunk.section, page=chunk.page, quote=chunk_quote(chunk),
                    jurisdiction=chunk.jurisdiction)


def answer_question(question: str, retriever: Retriever, settings: Settings,
                    jurisdictions: list[str] | None = None, backend: Any = None) -> Answer:
    """Answer with citations; abstain with 未找到依据 when the corpus does not support an answer."""
    question = question.strip()
    known = retriever.known_jurisdictions()
    scope = question_scope(question, known, jurisdictions)
    if scope.unknown_places and not scope.jurisdictions:
        names = "、".join(dict.fromkeys(scope.unknown_places))
        available = "、".join(known.values())
        return Answer(f"{NOT_FOUND}：语料中没有关于{names}的通知（现有：{available}）。"
                      f" / No notice for {names} in the corpus.", mode="offline", abstained=True)
    hits = retriever.search(question, jurisdictions=scope.jurisdictions or None, k=settings.top_k)
    if not supported(retriever, question, hits):
        return Answer(f"{NOT_FOUND}：现有通知中没有能回答该问题的条款。 / The indexed notices do not answer this.",
                      mode="offline", abstained=True)
    if backend is not None:
        from .errors import BackendError
        from .generate import generate_answer

        try:
            return generate_answer(question, hits, backend, settings)
        except BackendError as exc:
            offline = _extractive(*_lead_inputs(retriever, question, scope, known, hits))
            return Answer(offline.answer, mode="offline-fallback", citations=offline.citations,
                          notice=f"模型调用失败，已改用离线模式 / backend failed, offline answer shown: {exc}")
    return _extractive(*_lead_inputs(retriever, question, scope, known, hits))


def _lead_inputs(retriever: Retriever, question: str, scope: Scope, known: dict[str, str],
                 hits: list[Hit]) -> tuple[str, list[Hit], dict[str, float], set[str]]:
    """The question as the lead sentence is chosen for: without the places it is filtered by."""
    text = normalise(question)
    for jid in scope.jurisdictions:
        for name in sorted({known.get(jid, ""), short_name(known.get(jid, ""))}, key=len, reverse=True):
            if name:
                text = text.replace(name, " ")
    return text, hits, dict(retriever.query_terms(text)), answer_types(text)


def _extractive(question: str, hits: list[Hit], weights: dict[str, float], wanted: set[str]) -> Answer:
    citations = [citation_of(h) for h in hits]
    number, lead = _lead_sentence(question, hits, weights, wanted)
    lines = [f"根据通知原文（离线模式，摘录条款）：{lead} [{number}]"]
    for index, citation in enumerate(citations, start=1):
        lines.append(f"[{index}] {citation.section or citation.doc_id}：{citation.quote}")
    return Answer("\n".join(lines), mode="offline", citations=citations)


_LIST_LABEL = re.compile(r"^(?:[-•]\s*)?(?:\d{1,2}[.、]|\(\d{1,2}\)|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、)")


def _bigrams(text: str) -> set[str]:
    cjk = re.sub(r"[^\u4e00-\u9fff0-9a-z]", " ", normalise(text).lower())
    return {cjk[i : i + 2] for i in range(len(cjk) - 1) if " " not in cjk[i : i + 2]}


def _lead_sentence(question: str, hits: list[Hit], weights: dict[str, float], wanted: set[str]) -> tuple[int, str]:
    """The sentence of the cited clauses that best answers the question (verbatim).

    It shares most of the question's words (jieba terms by IDF, and character bigrams so
    that 最多可以 still meets 最多不超过), states the kind of value asked for (a date for
    "when", a number for "how many"), and is not a whole form flattened into text.
    """
    total = sum(weights.values()) or 1.0
    asked = _bigrams(question)
    best = (float("-inf"), 1, chunk_quote(hits[0].chunk))
    for number, hit in enumerate(hits, start=1):
        for sentence in re.split(r"(?<=[。；;])", chunk_quote(hit.chunk)):
            sentence = sentence.strip()
            if len(sentence) < 4:
                continue
            body = _LIST_LABEL.sub("", normalise(sentence))  # "3." numbers the item, it is no answer
            tokens = set(tokenize(body, normalised=True))
            score = sum(w for t, w in weights.items() if t in tokens) / total
            score += len(asked & _bigrams(body)) / max(len(asked), 1)
            score += 0.5 * len(wanted & clause_types(body, wanted))
            score -= 0.05 * number + 0.01 * max(0, len(sentence) - 80)
            if score > best[0]:
                best = (score, number, sentence)
    return best[1], best[2]

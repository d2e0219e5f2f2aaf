"""Does a draft cover a requirement? Key terms found in one passage, with that passage as evidence.

Terms are the requirement's title stripped of the verbs and suffixes every task shares
(打造…模式, 构建…机制); a passage covers it when the characters of those terms appear in it
as bigrams. Character bigrams need no word segmenter, which keeps a check well under a second.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .draft_parse import Draft
from .normalise import normalise

OK_SCORE = 0.8
WEAK_SCORE = 0.6
_VERBS = re.compile(r"^(?:打造|构建|推进|建立|探索|培育|推动|加强|提升|完善|开展|建设|形成|强化|促进|鼓励|支持|提供|须提供|可提供|需提供|实现)")
_SUFFIX = re.compile(r"(?:模式|机制|体系|路径|方案|能力|情况|工作|材料|等)$")
_FILLER = re.compile(r"[的之\s\W_]+")


@dataclass(frozen=True)
class Passage:
    """A block of the draft (a heading with its own paragraphs, or one line) and its lines."""

    norm: str
    lines: tuple[int, ...]


@dataclass(frozen=True)
class Coverage:
    """Best score of a requirement over the draft, and the verbatim line that shows it."""

    score: float
    evidence: str
    section: int  # draft section index of the evidence (0 when none)


def key_terms(title: str) -> list[str]:
    """Core phrases of a requirement title: '构建数据资源高效流通机制' → ['数据资源高效流通']."""
    norm = normalise(title)
    norm = re.split(r"[：:]", norm, maxsplit=1)[0] if len(re.split(r"[：:]", norm)[0]) >= 4 else norm
    phrases = []
    for part in re.split(r"[、，,；;与和及或/]|以及", norm):
        part = _FILLER.sub("", part)
        part = _SUFFIX.sub("", _VERBS.sub("", part))
        if len(part) >= 2:
            phrases.append(part)
    return phrases or ([_FILLER.sub("", norm)] if _FILLER.sub("", norm) else [])


def bigrams(text: str) -> set[str]:
    """Character bigrams of `text`."""
    return {text[i : i + 2] for i in range(len(text) - 1)}


def term_score(terms: Sequence[str], text_grams: set[str], text: str) -> float:
    """Mean over terms of (chars covered by present bigrams + share of bigrams present) / 2."""
    if not terms:
        return 0.0
    scores = []
    for term in terms:
        if term in text:
            scores.append(1.0)
            continue
        grams = [term[i : i + 2] for i in range(len(term) - 1)]
        if not grams:
            scores.append(0.0)
            continue
        hit = [g in text_grams for g in grams]
        covered = sum(1 for i in range(len(term)) if (i > 0 and hit[i - 1]) or (i < len(hit) and hit[i]))
        scores.append(0.5 * covered / len(term) + 0.5 * sum(hit) / len(hit))
    return sum(scores) / len(scores)


def passages(draft: Draft) -> list[Passage]:
    """Each heading with its own body, plus every single line (so long sections still give a short quote)."""
    out = []
    for section in draft.sections:
        start = max(section.start, 0)
        idx = tuple(range(start, section.body_end))
        if idx:
            out.append(Passage(normalise(" ".join(draft.lines[i].norm for i in idx)), idx))
    out.extend(Passage(line.norm, (i,)) for i, line in enumerate(draft.lines))
    return out


def best_coverage(terms: Sequence[str], draft: Draft, blocks: Sequence[Passage], within: range | None = None) -> Coverage:
    """Best-scoring passage (optionally only lines in `within`); evidence is its best single line."""
    best: tuple[float, int, Passage | None] = (0.0, -1, None)
    for passage in blocks:
        if within is not None and not all(i in within for i in passage.lines):
            continue
        score = term_score(terms, bigrams(passage.norm), passage.norm)
        if score > best[0] + 1e-9:
            best = (score, passage.lines[0], passage)
    score, _, chosen = best
    if chosen is None:
        return Coverage(0.0, "", 0)
    passage = chosen
    line_scores = [(term_score(terms, bigrams(draft.lines[i].norm), draft.lines[i].norm), i) for i in passage.lines]
    top = max(line_scores)[1] if line_scores else passage.lines[0]
    if draft.lines[top].kind == "heading" and len(passage.lines) > 1:
        top = next(i for i in passage.lines if draft.lines[i].kind != "heading")
    return Coverage(round(score, 3), excerpt(draft.lines[top].text), draft.section_of_line(top).index)


def excerpt(text: str, limit: int = 120) -> str:
    """A verbatim prefix of a line, short enough to show (a prefix stays a substring of the draft)."""
    return text[:limit]

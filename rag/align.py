"""Match a draft's sections to a template's sections: lexical first, embeddings as a fallback.

Robust to renumbering, missing numbers, changed punctuation, reworded headings and a
different order: titles are compared without their labels and punctuation, and the
assignment is global (best pairs first), never positional.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from .draft_parse import Draft, DraftSection
from .normalise import normalise
from .records import Section

LEXICAL_MIN = 0.5
SEMANTIC_MIN = 0.80
SEMANTIC_MAX = 6  # unmatched template sections beyond which the draft is not for this template
_OPTIONAL = re.compile(r"如有|选填|可选")
_NOISE = re.compile(r"\(.*?\)|（.*?）|[\s\W_]+")
# words every template heading may carry; they say nothing about which section it is
_GENERIC = re.compile(r"^(?:项目|试点|申报|本)|(?:情况表|情况|简介|概况|表)$")


@dataclass(frozen=True)
class Alignment:
    """A template section and the draft section matched to it (None when absent)."""

    template: Section
    section: DraftSection | None
    score: float
    method: str  # lexical | semantic | none


def title_key(title: str) -> str:
    """A heading reduced to what identifies it: no labels, notes, punctuation or spaces."""
    norm = normalise(title)
    norm = re.sub(r"^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d{1,2}[、.]|表\s*\d+)", "", norm)
    return _NOISE.sub("", norm)


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or ({text} if text else set())


def title_similarity(a: str, b: str) -> float:
    """Similarity of two headings in [0, 1]: equal keys, containment, then bigram Dice."""
    ka, kb = title_key(a), title_key(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 1.0
    short, long_ = sorted((ka, kb), key=len)
    if len(short) >= 2 and short in long_:
        return 0.8 + 0.2 * len(short) / len(long_)
    core_a, core_b = _GENERIC.sub("", ka), _GENERIC.sub("", kb)
    if len(core_a) >= 2 and core_a == core_b:
        return 0.9
    ga, gb = _bigrams(ka), _bigrams(kb)
    dice = 2 * len(ga & gb) / (len(ga) + len(gb))
    return dice


def _template_titles(section: Section) -> list[str]:
    # "组织人员情况：运营团队和机制构建方案" is a table row plus its prompt: either half may head the draft
    parts = [section.title] + [p for p in re.split(r"[：:]", section.title) if len(p) >= 2]
    return list(dict.fromkeys(parts))


def align_sections(
    template: Sequence[Section],
    draft: Draft,
    embed: Callable[[list[str]], np.ndarray] | None = None,
) -> list[Alignment]:
    """One alignment per template section, in template order."""
    candidates = [s for s in draft.sections if s.start >= 0]
    titles = {t.title for t in template}
    pairs: list[tuple[float, int, int]] = []
    for ti, section in enumerate(template):
        for di, candidate in enumerate(candidates):
            score = max(title_similarity(t, candidate.title or candidate.heading) for t in _template_titles(section))
            if score >= LEXICAL_MIN:
                score += _parent_bonus(section, candidate, draft, titles)
                pairs.append((score, ti, di))
    chosen: dict[int, tuple[int, float, str]] = {}
    used: set[int] = set()
    for score, ti, di in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if ti in chosen or di in used:
            continue
        chosen[ti] = (di, score, "lexical")
        used.add(di)
    if embed is not None:
        _semantic(template, candidates, draft, chosen, used, embed)
    out = []
    for ti, section in enumerate(template):
        if ti in chosen:
            di, score, method = chosen[ti]
            out.append(Alignment(section, candidates[di], round(min(score, 1.0), 3), method))
        else:
            out.append(Alignment(section, None, 0.0, "none"))
    return out


def _parent_bonus(section: Section, candidate: DraftSection, draft: Draft, titles: set[str]) -> float:
    # two templates may share a subsection title; the one under the matching parent wins
    if section.parent not in titles or candidate.parent is None:
        return 0.0
    parent = draft.sections[candidate.parent]
    return 0.05 if parent.title and title_similarity(section.parent, parent.title) >= LEXICAL_MIN else 0.0


def _semantic(
    template: Sequence[Section],
    candidates: list[DraftSection],
    draft: Draft,
    chosen: dict[int, tuple[int, float, str]],
    used: set[int],
    embed: Callable[[list[str]], np.ndarray],
) -> None:
    """Pair what is left by meaning: mutual best matches above SEMANTIC_MIN only."""
    # optional blocks and the recommender's summary table are not worth an embedding call
    left_t = [ti for ti in range(len(template)) if ti not in chosen
              and not _OPTIONAL.search(template[ti].citation.quote + template[ti].title) and "汇总表" not in template[ti].parent]
    left_d = [di for di in range(len(candidates)) if di not in used and candidates[di].title]
    # a draft written for another template gains nothing from guessing; and embedding is the slow step
    if not left_t or not left_d or len(chosen) < len(template) / 3 or len(left_t) > SEMANTIC_MAX:
        return
    top = sorted(left_d, key=lambda di: -max(title_similarity(template[ti].title, candidates[di].title) for ti in left_t))
    left_d = sorted(top[: 2 * SEMANTIC_MAX])
    t_texts = [template[ti].title for ti in left_t]
    d_texts = [candidates[di].title for di in left_d]
    t_vecs, d_vecs = embed(t_texts), embed(d_texts)
    sims = t_vecs @ d_vecs.T
    for row, ti in enumerate(left_t):
        col = int(np.argmax(sims[row]))
        if sims[row, col] < SEMANTIC_MIN or int(np.argmax(sims[:, col])) != row:
            continue
        di = left_d[col]
        if di in used:
            continue
        chosen[ti] = (di, float(sims[row, col]), "semantic")
        used.add(di)

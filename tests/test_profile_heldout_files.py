"""Profiles of real notice files (PDF with page footers, DOCX with Word tables and heading styles,
HTML, traditional-script text) read through the loaders, against their hand-written gold: every
deadline with its party, every limited section with its exact 字数, the window on each gold date.

These sets were held out once and are now development sets (their READMEs say so); the test keeps
what their first scoring taught from slipping back.
"""

from __future__ import annotations

import json

import pytest

from evaluators.profile_eval import SPLITS, build_profiles
from rag.normalise import normalise
from rag.profile import window_status

SETS = ("unseen12", "unseen13", "unseen14")  # PDF, Markdown, DOCX · text, HTML, DOCX · DOCX, 繁體 text, PDF


@pytest.fixture(scope="module", params=SETS)
def split(request: pytest.FixtureRequest) -> tuple[dict, list[dict]]:
    profiles, _, _ = build_profiles(request.param)
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(SPLITS[request.param][2].glob("*.json"))]
    return profiles, golds


def test_every_deadline_with_its_party_and_nothing_else(split: tuple[dict, list[dict]]) -> None:
    profiles, golds = split
    for gold in golds:
        found = sorted((d.date, d.who) for d in profiles[gold["jurisdiction"]].deadlines)
        assert found == sorted((d["date"], d["who"]) for d in gold["deadlines"]), gold["jurisdiction"]


def test_every_limited_section_with_its_exact_limit(split: tuple[dict, list[dict]]) -> None:
    profiles, golds = split
    for gold in golds:
        found = {(s.title, s.limit) for s in profiles[gold["jurisdiction"]].sections if s.limit is not None}
        for wanted in (g for g in gold["sections"] if g.get("limit") is not None):
            # (titles compared in the normalised script, as the profile evaluator does: 項目摘要 = 项目摘要)
            assert any(normalise(wanted["title"]) in normalise(title) and limit == wanted["limit"] for title, limit in found), wanted
        # a stated 不少于N字 or a page count is no limit: no limited section beyond the gold's
        assert len(found) == sum(g.get("limit") is not None for g in gold["sections"]), gold["jurisdiction"]


def test_the_window_on_every_gold_date(split: tuple[dict, list[dict]]) -> None:
    profiles, golds = split
    for gold in golds:
        deadlines = profiles[gold["jurisdiction"]].deadlines
        for day, expected in gold["window"].items():
            assert window_status(deadlines, day).window == expected, (gold["jurisdiction"], day)

"""A generated whole application passes the checker's own length checks."""

from __future__ import annotations

import datetime as dt

import pytest

from evaluators.draft_eval import load_gold
from evaluators.profile_eval import build_profiles
from rag.check import check_draft
from rag.draft import draft_application
from rag.draft_parse import parse_draft_file
from rag.export import application_docx
from rag.settings import Settings


@pytest.fixture(scope="module")
def built():
    profiles, texts, _ = build_profiles()
    return profiles, texts


@pytest.mark.parametrize("jurisdiction,company", [("shanghai", "shuliang"), ("anhui", "wanxin"), ("zhejiang", "zhiyun")])
def test_whole_application_is_clean_for_length(built, tmp_path, jurisdiction, company):
    profiles, texts = built
    profile, facts = profiles[jurisdiction], load_gold()[0][company]
    path = application_docx(profile, draft_application(profile, facts), facts, tmp_path / "app.docx", sources=texts)
    draft = parse_draft_file(path, Settings.from_env(environ={}, data_dir=tmp_path / "data", embedding="fake"))
    [result] = check_draft(draft, [profile], texts, as_of=dt.date(2026, 11, 22))
    over = [f for f in result.findings if f.status == "over_limit"]
    assert not over, over
    missing_sections = [f for f in result.findings if f.check == "section" and f.status == "missing"]
    assert not missing_sections, missing_sections

"""Requirement profiles of the bundled notices, built from the files directly (no index)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from rag.loaders import load_file
from rag.normalise import is_verbatim
from rag.profile import (
    apply_overrides,
    compare_profiles,
    comparison_csv,
    extract_profile,
    profile_from_dict,
    profile_to_dict,
    window_status,
)
from rag.records import DocumentMeta, Profile, SourceText
from rag.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2026, 11, 22)


def _documents() -> dict[str, list[tuple[DocumentMeta, SourceText]]]:
    manifest = yaml.safe_load((ROOT / "corpus" / "manifest.yaml").read_text(encoding="utf-8"))
    out: dict[str, list[tuple[DocumentMeta, SourceText]]] = {}
    for entry in manifest["documents"]:
        fields = {k: str(v) for k, v in entry.items() if k != "file"}
        meta = DocumentMeta(**fields, path=entry["file"])
        out.setdefault(meta.jurisdiction, []).append((meta, load_file(ROOT / "corpus" / entry["file"], Settings())))
    return out


@pytest.fixture(scope="module")
def documents() -> dict[str, list[tuple[DocumentMeta, SourceText]]]:
    return _documents()


@pytest.fixture(scope="module")
def profiles(documents) -> dict[str, Profile]:  # type: ignore[no-untyped-def]
    return {j: extract_profile(j, docs[0][0].jurisdiction_name, docs, AS_OF) for j, docs in documents.items()}


def _limits(profile: Profile) -> dict[str, int | None]:
    return {s.title: s.limit for s in profile.sections}


def test_shanghai_sections_have_1000_character_limits(profiles):
    limits = _limits(profiles["shanghai"])
    assert limits["申报单位基本情况"] == 1000
    assert limits["可信数据空间其他参与主体情况"] == 1000
    assert limits["已开展工作"] == 1000
    assert limits["试点方案"] is None  # every template section is listed, limited or not
    first = next(s for s in profiles["shanghai"].sections if s.title == "申报单位基本情况")
    assert first.unit == "字"
    assert {"主营业务概况", "内部数据治理基础", "可信数据空间相关工作基础和能力"} <= set(first.points)


def test_zhejiang_table_fields_have_300_and_500_limits(profiles):
    limits = _limits(profiles["zhejiang"])
    assert limits["联合运营情况"] == 300  # written as （ 300 字） on a table field
    assert limits["数据加工能力"] == 300  # the limit sits on the prompt's wrapped second line
    assert limits["“三统一”要求符合度"] == 500
    assert limits["互联互通方案"] == 300
    assert sum(1 for v in limits.values() if v is not None) == 11


def test_anhui_sections_and_summary_field(profiles):
    limits = _limits(profiles["anhui"])
    assert limits["试点申报单位基本情况"] == 1000
    assert limits["已开展工作"] == 1000
    assert limits["试点总体思路"] == 3000
    assert limits["试点内容简述"] == 300
    assert limits["可信数据空间其他参与主体情况"] is None
    plan = next(s for s in profiles["anhui"].sections if s.title == "试点总体思路")
    assert plan.points[:2] == ("主要解决的问题", "预期成效")


@pytest.mark.parametrize(
    ("jurisdiction", "expected"),
    [
        ("national", [("2025-04-24", "recommender")]),
        ("shanghai", [("2025-10-31", "applicant")]),
        ("zhejiang", [("2026-01-06", "applicant"), ("2026-01-13", "recommender")]),
        ("anhui", [("2026-03-13", "recommender")]),
    ],
)
def test_deadlines_and_the_party_they_bind(profiles, jurisdiction, expected):
    assert [(d.date, d.who) for d in profiles[jurisdiction].deadlines] == expected


def test_shanghai_tasks_one_to_four_mandatory_five_six_optional(profiles):
    tasks = profiles["shanghai"].tasks
    assert [t.mandatory for t in tasks] == [True, True, True, True, False, False]
    assert tasks[0].title == "打造价值共创模式"


def test_tasks_without_stated_flags_are_null(profiles):
    assert len(profiles["national"].tasks) == 6
    assert all(t.mandatory is None for t in profiles["national"].tasks)


def test_national_quotas(profiles):
    values = sorted((q.value, q.kind) for q in profiles["national"].quotas)
    assert (8, "projects_per_recommender") in values
    assert values.count((2, "projects_per_recommender")) == 2
    assert (1, "projects_per_applicant") in values
    assert any("不占本省推荐名额" in q.text for q in profiles["national"].quotas)


def test_eligibility_kinds_and_params(profiles):
    shanghai = {}
    for item in profiles["shanghai"].eligibility:
        shanghai.setdefault(item.kind, item)
    assert shanghai["registration_place"].params == {"place": "上海"}
    assert shanghai["joint_rule"].params["max"] == 5
    assert shanghai["exclusion"].params["prior"] == "2025年度国家数据局可信数据空间创新发展试点"
    assert shanghai["entity_type"].params["allowed"] == ["企业", "行业组织"]
    consent = next(e for e in profiles["national"].eligibility if e.kind == "consent")
    assert consent.params["applies_to_direction"] == "城市"
    # the template's 须知 repeats 注册在上海区域内: one condition, not two
    assert sum(e.kind == "registration_place" for e in profiles["shanghai"].eligibility) == 1


def test_submission_channels(profiles):
    channels = {(s.channel, s.detail) for s in profiles["shanghai"].submission}
    assert ("email", "linyang@shanghai.gov.cn") in channels
    assert ("online", "https://zj87.jxt.zj.gov.cn/") in {(s.channel, s.detail) for s in profiles["zhejiang"].submission}
    national = {s.channel: s.detail for s in profiles["national"].submission}
    assert national["paper"] == "纸质版3份"
    assert "月坛北小街" in national["post"]


def test_materials_required_flags(profiles):
    shanghai = {m.title: m.required for m in profiles["shanghai"].materials}
    assert shanghai["技术基础材料"] is True
    assert shanghai["运营情况材料"] is False  # 可提供
    assert shanghai["申报单位与联合申报单位间的合作协议"] is None  # 如有联合申报单位


def test_window_closed_after_and_open_before_the_deadline(profiles):
    for profile in profiles.values():
        assert profile.status.window == "closed"
    shanghai = profiles["shanghai"].deadlines
    assert window_status(shanghai, dt.date(2025, 10, 20)).window == "open"
    assert window_status(shanghai, "2025-11-01").window == "closed"
    assert window_status(shanghai, "2025-10-01").window == "closed"  # before the notice was issued
    # only a recommender deadline: it bounds the applicant's window
    assert window_status(profiles["national"].deadlines, "2025-04-20").window == "open"
    assert window_status([], "2025-04-20").window == "unknown"


def test_every_citation_is_verbatim(profiles, documents):
    texts = {meta.doc_id: source.text for docs in documents.values() for meta, source in docs}
    for profile in profiles.values():
        for key in ("eligibility", "deadlines", "submission", "tasks", "sections", "materials", "quotas"):
            for item in getattr(profile, key):
                assert item.citation.quote, (key, item)
                assert is_verbatim(item.citation.quote, texts[item.citation.doc_id]), (key, item.citation.quote)


def test_dates_that_are_not_deadlines_stay_out(profiles):
    dates = {d.date for p in profiles.values() for d in p.deadlines}
    assert "2025-10-13" not in dates  # issue date
    assert not any(d.startswith("2027") for d in dates)  # 项目周期 2025年12月至2027年11月


def test_round_trip_through_dict(profiles):
    for profile in profiles.values():
        data = json.loads(json.dumps(profile_to_dict(profile), ensure_ascii=False))
        assert profile_from_dict(data) == profile
    keys = set(profile_to_dict(profiles["shanghai"]))
    assert keys >= {"jurisdiction", "name", "documents", "eligibility", "deadlines", "submission", "tasks",
                    "sections", "materials", "quotas", "status"}


def test_overrides_are_applied_and_marked(profiles, tmp_path):
    path = tmp_path / "shanghai.yaml"
    path.write_text(
        "deadlines:\n"
        "  - match: 即日起至\n"
        "    date: '2025-11-30'\n"
        "sections:\n"
        "  - title: 项目摘要\n"
        "    limit: 500\n"
        "    citation: {doc_id: shanghai-2025, quote: 项目名称}\n",
        encoding="utf-8",
    )
    changed = apply_overrides(profiles["shanghai"], path)
    assert changed.deadlines[0].date == "2025-11-30" and changed.deadlines[0].overridden
    added = changed.sections[-1]
    assert (added.title, added.limit, added.overridden) == ("项目摘要", 500, True)
    assert not any(s.overridden for s in profiles["shanghai"].sections)
    assert profile_to_dict(changed)["deadlines"][0]["overridden"] is True


def test_comparison_matrix(profiles):
    rows = compare_profiles(list(profiles.values()))
    csv_text = comparison_csv(rows)
    assert csv_text.splitlines()[0] == "aspect,national,shanghai,zhejiang,anhui"
    deadline_row = next(r for r in rows if r["aspect"].startswith("截止"))
    assert "2025-10-31" in deadline_row["shanghai"]


def test_whole_corpus_in_under_two_seconds(documents):
    import time

    started = time.perf_counter()
    for j, docs in documents.items():
        extract_profile(j, j, docs, AS_OF)
    assert time.perf_counter() - started < 2.0

"""Section drafts: limits in both count modes, coverage, missing facts, catalogue lookup."""

from __future__ import annotations

import time

import pytest

from evaluators.draft_eval import load_gold
from evaluators.profile_eval import build_profiles
from rag.count import count
from rag.draft import draft_section
from rag.errors import InputError
from rag.facts import Facts, facts_from_mapping, facts_from_text
from rag.fit import Unit, fit, render
from rag.sections import catalogue, find_section


@pytest.fixture(scope="module")
def profiles():
    return build_profiles()[0]


@pytest.fixture(scope="module")
def company():
    return load_gold()[0]["shuliang"]


def test_catalogue_has_limits_and_points(profiles):
    specs = {s.title: s for s in catalogue(profiles["shanghai"])}
    basic = specs["申报单位基本情况"]
    assert basic.limit == 1000 and basic.kind == "text"
    assert basic.points == ("主营业务概况", "内部数据治理基础", "可信数据空间相关工作基础和能力")


def test_tolerant_title_lookup(profiles):
    assert find_section(profiles["shanghai"], "(一)申报单位基本情况(不超过1000字)").title == "申报单位基本情况"
    assert find_section(profiles["zhejiang"], "空间生态培育").limit == 300
    with pytest.raises(InputError) as err:
        find_section(profiles["anhui"], "财务预算分析")
    assert "试点总体思路" in str(err.value)  # the message lists the sections


@pytest.mark.parametrize("mode", ["word", "char"])
@pytest.mark.parametrize("limit", [1000, 300, 120, 40, 12, 3])
def test_offline_never_over_limit(profiles, company, mode, limit):
    draft = draft_section(profiles["shanghai"], "申报单位基本情况", company, limit=limit, count_mode=mode)
    assert count(draft.text, mode) == draft.count <= limit
    assert draft.count_mode == mode and draft.limit == limit


def test_offline_draft_uses_facts_and_marks_missing(profiles):
    facts = facts_from_mapping({"单位名称": "上海数联智造科技有限公司", "主营业务": "工业数据采集与数据流通服务"})
    draft = draft_section(profiles["shanghai"], "申报单位基本情况", facts)
    assert "上海数联智造科技有限公司" in draft.text and "工业数据采集与数据流通服务" in draft.text
    assert "【待补充：内部数据治理基础】" in draft.text
    assert draft.missing == ("内部数据治理基础", "可信数据空间相关工作基础和能力")
    assert [p.covered for p in draft.points] == [True, False, False]
    assert draft.citations and draft.citations[0].quote


def test_trimmed_facts_are_reported_and_sentences_whole(profiles, company):
    draft = draft_section(profiles["shanghai"], "申报单位基本情况", company, limit=80)
    dropped = {d.key: d.reason for d in draft.dropped_facts}
    for fact in company.items:
        assert fact.value.rstrip("。") in draft.text or fact.key in dropped
    assert "length" in dropped.values()
    assert all(line.endswith("。") or line.startswith("（") for line in draft.text.splitlines())


def test_offline_draft_is_fast(profiles, company):
    draft_section(profiles["anhui"], "试点总体思路", company)  # warm caches
    started = time.perf_counter()
    draft_section(profiles["anhui"], "试点总体思路", load_gold()[0]["wanxin"])
    assert time.perf_counter() - started < 1.0


def test_fit_drops_lowest_value_whole_units():
    units = [Unit("（一）甲\n", 1000, 0, heading=True), Unit("重要的句子。", 90, 0), Unit("次要的句子。", 10, 0)]
    kept, dropped = fit(units, 12, "word")
    assert render(kept) == "（一）甲\n重要的句子。" and dropped[0].text == "次要的句子。"


def test_facts_from_chat_text():
    facts = facts_from_text("单位名称：安徽皖信数据科技股份有限公司；统一社会信用代码：91340100MA8N2RTY3X\n员工人数: 450人")
    assert facts.get("name").value == "安徽皖信数据科技股份有限公司"
    assert facts.get("统一社会信用代码").value == "91340100MA8N2RTY3X"
    assert facts.get("员工人数").value == "450人"
    assert Facts().get("单位名称") is None

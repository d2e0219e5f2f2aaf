"""Profile extraction on small notices written here (not from the corpus): the genre's rules, not one notice's."""

from __future__ import annotations

import datetime as dt

from rag.dates import find_dates
from rag.numerals import parse_number
from rag.profile import extract_profile
from rag.records import DocumentMeta, SourceText

NOTICE = """某省数据局关于开展数据空间试点申报的通知

各市数据局：
现组织开展试点申报。有关事项通知如下：
一、申报条件
（一）申报单位须为在某省内注册的独立法人企业，信用状况良好。
（二）联合申报单位不超过三家。
二、申报时间
申报单位请于 2026 年 5 月 8 日 17 时前完成网上申报。各市数据局于5月15日前完成审核推荐。
三、重点任务
本次试点建设内容中，1、2为必选，3为可选。
1.建设可信接入体系。构建统一身份认证。
2.打造数据流通场景。推动数据共享。
3.探索跨域互通。开展跨空间互认。
附件：1.试点申报书

附件1
试点申报书
一、项目概述（不超过三千字）
请简要介绍项目背景、建设目标和主要内容。
二、单位情况（限800字）
三、实施计划
某省数据局编制 2026年4月
"""


def _profile(as_of: dt.date = dt.date(2026, 5, 1)):
    meta = DocumentMeta("demo-2026", "试点通知", "demo", "某省", issued_on="2026-04-20")
    return extract_profile("demo", "某省", [(meta, SourceText(NOTICE))], as_of)


def test_chinese_numeral_limits():
    limits = {s.title: s.limit for s in _profile().sections}
    assert limits["项目概述"] == 3000  # 不超过三千字
    assert limits["单位情况"] == 800  # 限800字
    assert limits["实施计划"] is None


def test_deadlines_with_spaces_times_and_missing_year():
    deadlines = [(d.date, d.time, d.who) for d in _profile().deadlines]
    assert deadlines == [("2026-05-08", "17:00", "applicant"), ("2026-05-15", None, "recommender")]


def test_task_flags_from_a_list_statement():
    assert [t.mandatory for t in _profile().tasks] == [True, True, False]


def test_conditions_and_quota():
    profile = _profile()
    kinds = {e.kind: e.params for e in profile.eligibility}
    assert kinds["registration_place"] == {"place": "某"}  # 在某省内注册, the 省 suffix dropped
    assert kinds["legal_form"] == {"allowed_forms": ["独立法人"]}
    assert kinds["joint_rule"]["max"] == 3
    assert [(q.kind, q.value) for q in profile.quotas] == [("joint_max", 3)]


def test_window_open_then_closed():
    assert _profile(dt.date(2026, 5, 1)).status.window == "open"
    assert _profile(dt.date(2026, 5, 9)).status.window == "closed"


def test_numbers_and_dates():
    assert parse_number("三千") == 3000
    assert parse_number("一式三份") is None
    assert parse_number("十二") == 12
    assert [m.date for m in find_dates("2025 年 10 月 31 日前", None)] == ["2025-10-31"]
    assert find_dates("2025年12月至2027年11月", 2025) == []

"""Figures an applicant states and the numeric bars a notice sets, met, unmet or unknown."""

from __future__ import annotations

import datetime as dt

from rag.applicant_text import extract_rules
from rag.eligibility import evaluate_profile
from rag.figures import figure_for, parse_figures, stated_figures, threshold_in
from rag.records import Citation, EligibilityItem, Profile, WindowStatus


def _profile(*texts: str) -> Profile:
    items = [EligibilityItem(f"E{i}", t, "other", Citation("t", "二、申报条件", None, t, "t"), {}, True) for i, t in enumerate(texts, 1)]
    return Profile("t", "某省", ["t"], items, [], [], [], [], [], [], WindowStatus("", "unknown"))


def test_stated_figures_keep_their_names_and_units():
    text = "2025年末资产负债率为52%，2025年度营业收入1.8亿元，已接入的数据提供方合计38家，还有2家合作单位。"
    figures = {f.metric: (f.value, f.unit) for f in parse_figures(stated_figures(text))}
    assert figures["资产负债率"] == (52, "%")
    assert figures["营业收入"] == (18000, "万元")  # 亿元 read as 万元
    assert figures["接入的数据提供方"] == (38, "家")
    # negatives: partners and projects are facts of their own, not figures; years are no figures
    assert not any("合作" in m or m.endswith("还有") for m in figures)
    assert stated_figures("我们2019年成立，申报1个项目。") is None


def test_a_bar_is_met_or_unmet_by_the_stated_figure_and_unknown_without_it():
    bar = threshold_in("近三年财务状况良好，2025年末资产负债率不超过65%")
    assert bar is not None and (bar.metric, bar.op, bar.value, bar.unit) == ("资产负债率", "<=", 65, "%")
    profile = _profile("2025年末资产负债率不超过65%", "已接入的数据提供方和数据使用方合计不少于15家")
    good = extract_rules("我们资产负债率为52%，已接入的数据提供方和数据使用方合计38家。")
    assert evaluate_profile(good, profile, dt.date(2026, 11, 22)).verdict == "eligible"
    high = extract_rules("我们资产负债率为78%，已接入的数据提供方和数据使用方合计38家。")
    result = evaluate_profile(high, profile, dt.date(2026, 11, 22))
    assert result.verdict == "ineligible"
    assert any(c.status == "unmet" and "78%" in c.reason for c in result.criteria)
    silent = extract_rules("我们已接入的数据提供方和数据使用方合计38家。")
    assert evaluate_profile(silent, profile, dt.date(2026, 11, 22)).verdict == "needs_info"


def test_a_figure_of_another_measure_or_unit_answers_no_bar():
    bar = threshold_in("上年度研发投入占营业收入比例不低于3%")
    assert bar is not None
    assert figure_for(bar, parse_figures("营业收入=1800万元")) is None  # another unit
    assert figure_for(bar, parse_figures("资产负债率=52%")) is None  # another measure

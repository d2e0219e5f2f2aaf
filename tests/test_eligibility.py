"""Eligibility verdicts: rules by condition kind on small profiles, the real notices, the CLI contract."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest

from rag.applicant import Applicant
from rag.eligibility import evaluate, evaluate_profile, process_text, report_to_dict
from rag.records import Citation, Deadline, EligibilityItem, Profile, WindowStatus

ROOT = Path(__file__).resolve().parents[1]
DAY = dt.date(2026, 5, 1)


def cite(quote: str) -> Citation:
    return Citation("xj-2026", "二、申报条件", None, quote, "xinjiang")


def item(kind: str, text: str, hard: bool = True, **params: object) -> EligibilityItem:
    return EligibilityItem("E1", text, kind, cite(text), dict(params), hard)


def profile(*items: EligibilityItem, deadlines: list[Deadline] | None = None, jid: str = "xinjiang") -> Profile:
    """A profile of a jurisdiction no code has heard of: rules must work from kinds and params."""
    numbered = [EligibilityItem(f"E{i}", it.text, it.kind, it.citation, it.params, it.hard) for i, it in enumerate(items, 1)]
    return Profile(jid, "新疆维吾尔自治区", ["xj-2026"], numbered, deadlines or [], [], [], [], [], [], WindowStatus("", "unknown"))


REG = item("registration_place", "申报单位须在新疆维吾尔自治区行政区域内注册", place="新疆维吾尔自治区")
LEGAL = item("legal_form", "具有独立法人资格", allowed_forms=["独立法人"])
URUMQI = Applicant(registered_province="新疆维吾尔自治区", registered_city="乌鲁木齐市", legal_person=True)


def test_unmet_hard_condition_makes_ineligible_with_its_clause():
    result = evaluate_profile(Applicant(registered_province="江苏省", legal_person=True), profile(REG, LEGAL), DAY)
    assert result.verdict == "ineligible"
    unmet = [c for c in result.criteria if c.status == "unmet"]
    assert [c.citation.quote for c in unmet] == [REG.text] and "不符合" in unmet[0].reason


def test_all_met_is_eligible_and_every_decided_criterion_is_cited():
    result = evaluate_profile(URUMQI, profile(REG, LEGAL), DAY)
    assert result.verdict == "eligible" and result.follow_up == []
    assert all(c.citation.quote == c.text for c in result.criteria if c.status in ("met", "unmet"))


def test_unknown_facts_give_needs_info_with_one_question_each():
    result = evaluate_profile(Applicant(), profile(REG, LEGAL), DAY)
    assert result.verdict == "needs_info"
    assert len(result.follow_up) == 2 and any("注册地" in q for q in result.follow_up)


def test_questions_are_deduplicated_across_jurisdictions():
    report = evaluate(Applicant(), [profile(REG, LEGAL, jid="a"), profile(LEGAL, jid="b")], DAY)
    assert len(report.follow_up) == 2
    assert all(r.verdict == "needs_info" for r in report.results)


def test_soft_items_never_make_ineligible():
    soft = item("recommendation", "获得行业主管部门推荐的申报单位,享有优先权", hard=False, by="行业主管部门", required=False)
    principle = item("registration_place", "申报主体原则上应为在新疆维吾尔自治区内注册的企业", hard=False, place="新疆维吾尔自治区")
    applicant = Applicant(registered_province="甘肃省", legal_person=True, recommendation=False)
    result = evaluate_profile(applicant, profile(LEGAL, soft, principle), DAY)
    assert result.verdict == "eligible"
    assert {c.status for c in result.criteria} == {"met", "unmet"}
    assert all(not c.decisive for c in result.criteria if c.status == "unmet")


def test_condition_for_another_direction_does_not_apply():
    consent = item("consent", "城市可信数据空间申报主体须获该城市人民政府同意", applies_to_direction="城市", by="该城市人民政府")
    industry = evaluate_profile(Applicant(direction="行业"), profile(consent), DAY)
    city = evaluate_profile(Applicant(direction="城市", government_consent=False), profile(consent), DAY)
    unknown = evaluate_profile(Applicant(), profile(consent), DAY)
    assert (industry.verdict, city.verdict, unknown.verdict) == ("eligible", "ineligible", "needs_info")
    assert "方向" in unknown.follow_up[0]


@pytest.mark.parametrize("text,cap,partners,verdict", [
    ("联合申报单位最多不超过5家", 5, 4, "eligible"),  # 5 units counting the lead
    ("联合申报单位最多不超过5家", 5, 5, "ineligible"),
    ("联合体成员不得超过3家(不含牵头单位)", 3, 3, "eligible"),
    ("也可由牵头单位联合不超过2家单位共同申报", 2, 3, "ineligible"),
    ("参与单位合计不超过4家(含牵头单位)", 4, 0, "eligible"),  # applying alone
])
def test_joint_caps_count_the_lead_as_the_clause_says(text, cap, partners, verdict):
    rule = item("joint_rule", text, allowed=True, max=cap)
    assert evaluate_profile(Applicant(joint_partners=partners), profile(rule), DAY).verdict == verdict


def test_multi_operator_joint_application_is_excluded():
    rule = item("joint_rule", "不支持多运营主体联合申报", allowed=False)
    assert evaluate_profile(Applicant(multi_operator=True, joint_partners=2), profile(rule), DAY).verdict == "ineligible"
    assert evaluate_profile(Applicant(joint_partners=0), profile(rule), DAY).verdict == "eligible"


@pytest.mark.parametrize("selection,verdict", [
    ("2025年入选国家数据局可信数据空间创新发展试点", "ineligible"),
    ("selected in the 2025 national round", "ineligible"),
    ("2024年入选国家数据局可信数据空间创新发展试点", "eligible"),  # another year
    ("2025年入选省级数据要素试点", "eligible"),  # another level and topic
])
def test_prior_selection_matches_level_year_and_topic(selection, verdict):
    rule = item("exclusion", "已入选2025年度国家数据局可信数据空间创新发展试点项目不在本次申报范围内",
                prior="2025年度国家数据局可信数据空间创新发展试点")
    assert evaluate_profile(Applicant(prior_selections=(selection,)), profile(rule), DAY).verdict == verdict


def test_entity_types_and_other_items_read_from_the_clause_words():
    types = item("entity_type", "申报主体须为注册在新疆区域内的企业或行业组织", allowed=["企业", "行业组织"])
    legal = item("legal_form", "具有独立法人资格的企业、高等院校、科研院所或行业协会均可申报", allowed_forms=["独立法人"])
    invest = item("other", "项目总投资不低于1000万元")
    research = Applicant(entity_types=("科研院所",), legal_person=True, investment_wan=1500)
    result = evaluate_profile(research, profile(types, legal, invest), DAY)
    assert [c.status for c in result.criteria] == ["unmet", "met", "met"]


def test_unrecognised_hard_condition_is_asked_not_passed():
    odd = item("other", "申报单位须在本地设有数据安全官")
    result = evaluate_profile(URUMQI, profile(odd), DAY)
    assert result.verdict == "needs_info" and "数据安全官" in result.follow_up[0]


def test_sanctions_and_routes_are_not_conditions():
    items = (item("exclusion", "对弄虚作假的,取消申报资格,三年内不再受理其申报"),
             item("recommendation", "各市数据资源管理部门为汇总推荐单位", by="各市数据资源管理部门", required=True))
    result = evaluate_profile(URUMQI, profile(*items), DAY)
    assert result.verdict == "eligible" and all(not c.decisive for c in result.criteria)


def _deadline(date: str, who: str, quote: str, start: str | None = None) -> Deadline:
    return Deadline(date, None, who, quote, cite(quote), start)


def test_window_before_start_and_after_deadline():
    deadlines = [_deadline("2026-05-20", "applicant", "即日起至2026年5月20日", "2026-04-15")]
    p = profile(LEGAL, deadlines=deadlines)
    assert [evaluate_profile(URUMQI, p, dt.date.fromisoformat(d)).window.window
            for d in ("2026-04-01", "2026-05-20", "2026-05-21")] == ["closed", "open", "closed"]
    early = evaluate_profile(URUMQI, p, dt.date(2026, 4, 1))
    assert "尚未开始" in early.window_detail["note"] and early.window_detail["citation"]["quote"]


def test_two_level_process_when_only_the_recommender_has_a_deadline():
    deadlines = [_deadline("2026-03-13", "recommender", "各地州市数据局须于2026年3月13日前报送推荐材料")]
    text = process_text(profile(LEGAL, deadlines=deadlines))
    assert text.startswith("先向推荐单位（各地州市数据局）提交") and "2026-03-13" in text and "可能更早" in text


# ---- the real notices (profiles built from files, no index) ----------------------------------------


@pytest.fixture(scope="module")
def bundled() -> dict[str, Profile]:
    sys.path.insert(0, str(ROOT))
    from evaluators.profile_eval import build_profiles

    return build_profiles("bundled")[0]


def test_suzhou_company_is_ineligible_for_shanghai_citing_registration(bundled):
    from rag.applicant_text import extract_rules

    result = evaluate_profile(extract_rules("我们是一家注册在苏州的民营企业，想申报上海的试点"), bundled["shanghai"], dt.date(2026, 11, 22))
    assert (result.verdict, result.window.window) == ("ineligible", "closed")
    assert any("注册在上海" in c.citation.quote for c in result.criteria if c.status == "unmet")


def test_shanghai_applicant_selected_in_2025_national_round(bundled):
    applicant = Applicant(registered_province="上海市", registered_city="上海市", legal_person=True, entity_types=("民营企业",),
                          prior_selections=("2025年入选国家数据局可信数据空间创新发展试点",))
    result = evaluate_profile(applicant, bundled["shanghai"], dt.date(2025, 10, 20))
    assert result.verdict == "ineligible" and result.window.window == "open"
    assert any(c.kind == "exclusion" and c.status == "unmet" for c in result.criteria)


def test_side_by_side_json_shape(bundled):
    applicant = Applicant(registered_province="上海市", registered_city="上海市", entity_types=("民营企业",))
    data = report_to_dict(evaluate(applicant, [bundled[j] for j in ("shanghai", "national", "zhejiang")], dt.date(2025, 10, 20)))
    assert set(data) >= {"as_of", "applicant", "results"}
    assert [r["jurisdiction"] for r in data["results"]] == ["shanghai", "national", "zhejiang"]
    for r in data["results"]:
        assert r["verdict"] in ("eligible", "ineligible", "needs_info") and r["window"] in ("open", "closed", "unknown")
        for c in r["criteria"]:
            assert set(c) >= {"text", "status", "reason", "citation"} and c["status"] in ("met", "unmet", "unknown")
    assert data["results"][2]["verdict"] == "ineligible"  # registered outside Zhejiang
    assert "先向推荐单位" in data["results"][1]["process"]
    assert len(data["follow_up"]) == len(set(data["follow_up"]))


def test_gold_metrics_meet_the_targets():
    sys.path.insert(0, str(ROOT))
    from evaluators.eligibility_eval import evaluate_eligibility

    metrics = evaluate_eligibility()
    assert metrics["eligibility_cases"] >= 30 and metrics["eligibility_unseen_cases"] >= 8
    assert metrics["eligibility_verdict_accuracy"] >= 0.95
    assert metrics["eligibility_window_accuracy"] == 1.0 and metrics["eligibility_unseen_window_accuracy"] == 1.0
    assert metrics["eligibility_citation_rate"] == 1.0 and metrics["eligibility_unseen_citation_rate"] == 1.0


# ---- the command line --------------------------------------------------------------------------------


def _cli(monkeypatch, capsys, settings, *argv: str) -> tuple[int, str, str]:
    from rag.cli import main

    monkeypatch.setenv("RAG_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("RAG_EMBEDDING", settings.embedding)
    monkeypatch.setenv("RAG_LLM", "offline")
    code = main(["eligibility", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_done_when(corpus_index, monkeypatch, capsys):
    settings, _ = corpus_index
    code, out, _ = _cli(monkeypatch, capsys, settings, "--text", "我们是一家注册在苏州的民营企业，想申报上海的试点",
                        "--json", "--as-of", "2026-11-22")
    data = json.loads(out)
    assert code == 0 and [r["jurisdiction"] for r in data["results"]] == ["shanghai"]
    shanghai = data["results"][0]
    assert (shanghai["verdict"], shanghai["window"]) == ("ineligible", "closed")
    assert any("注册在上海" in c["citation"]["quote"] for c in shanghai["criteria"] if c["status"] == "unmet")


def test_cli_without_a_target_evaluates_all_and_states_the_mode(corpus_index, monkeypatch, capsys):
    settings, _ = corpus_index
    code, out, _ = _cli(monkeypatch, capsys, settings, "--text", "我们是杭州的一家民营企业", "--as-of", "2025-12-20")
    assert code == 0 and "mode: offline" in out
    assert all(name in out for name in ("上海市", "浙江省", "安徽省", "国家"))


def test_cli_reads_an_applicant_file(corpus_index, monkeypatch, capsys, tmp_path):
    settings, _ = corpus_index
    path = tmp_path / "me.yaml"
    path.write_text("registered_place: 浙江省杭州市\nlegal_person: true\nentity_types: [民营企业]\n", encoding="utf-8")
    code, out, _ = _cli(monkeypatch, capsys, settings, str(path), "--jurisdiction", "浙江", "--json", "--as-of", "2026-01-05")
    data = json.loads(out)
    assert code == 0 and (data["results"][0]["verdict"], data["results"][0]["window"]) == ("eligible", "open")


@pytest.mark.parametrize("argv,needle", [
    ((), "--text"),
    (("missing.yaml",), "missing.yaml"),
    (("--text", "   "), "--text"),
])
def test_cli_bad_input_exits_2(fake_settings, monkeypatch, capsys, argv, needle):
    code, _, err = _cli(monkeypatch, capsys, fake_settings, *argv)
    assert code == 2 and needle in err


def test_cli_unknown_jurisdiction_exits_2(corpus_index, monkeypatch, capsys):
    settings, _ = corpus_index
    code, _, err = _cli(monkeypatch, capsys, settings, "--text", "杭州的民营企业", "--jurisdiction", "火星")
    assert code == 2 and "火星" in err

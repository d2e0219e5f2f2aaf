"""Applicant record: free-text reading (Chinese, traditional, English), files, and the model path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.applicant import Applicant, applicant_from_dict, applicant_to_dict, extract_applicant, load_applicant
from rag.applicant_text import extract_rules, place_of
from rag.errors import InputError
from rag.llm import make_backend
from rag.settings import Settings
from rag.testing.stub_openai import StubOpenAI

SH = {"registered_province": "上海市", "registered_city": "上海市"}

# (text, every fact the text states) — anything else filled in is a failure
PHRASINGS = [
    ("杭州的一家民营制造企业",
     {"registered_province": "浙江省", "registered_city": "杭州市", "entity_types": ["民营企业"], "industry": "制造"}),
    ("我们是杭州的一家民营制造企业，独立法人，想牵头做行业数据空间，还有3家合作单位",
     {"registered_province": "浙江省", "registered_city": "杭州市", "legal_person": True, "entity_types": ["民营企业"],
      "lead": True, "joint_partners": 3, "direction": "行业", "industry": "制造"}),
    ("我们是一家注册在苏州的民营企业，想申报上海的试点",
     {"registered_province": "江苏省", "registered_city": "苏州市", "entity_types": ["民营企业"], "targets": ["上海市"]}),
    ("注册在上海市浦东新区的国有企业，具有独立法人资格",
     {**SH, "registered_district": "浦东新区", "legal_person": True, "entity_types": ["国有企业"]}),
    ("我們是一家註冊在廈門的國有企業，具備獨立法人資格，是城市可信數據空間的運營方",
     {"registered_province": "福建省", "registered_city": "厦门市", "legal_person": True, "entity_types": ["国有企业"],
      "role": "operator", "direction": "城市"}),
    ("我們是台北以外的福州科研院所，從未入選過任何試點",
     {"registered_province": "福建省", "registered_city": "福州市", "entity_types": ["科研院所"], "prior_selections": []}),
    ("We are a Shanghai SOE, an independent legal person, and we operate an industry data space with 2 partners.",
     {**SH, "legal_person": True, "entity_types": ["国有企业"], "role": "operator", "joint_partners": 2, "direction": "行业"}),
    ("private company registered in Hangzhou, no violations in the last three years, not on the dishonest list",
     {"registered_province": "浙江省", "registered_city": "杭州市", "entity_types": ["民营企业"], "violations": False, "dishonest": False}),
    ("We are a state-owned enterprise based in Chengdu and want to apply for the national pilot.",
     {"registered_province": "四川省", "registered_city": "成都市", "entity_types": ["国有企业"], "targets": ["国家"]}),
    ("上海市浦东新区的科研院所，事业单位法人，2025年已入选国家数据局可信数据空间创新发展试点",
     {**SH, "registered_district": "浦东新区", "legal_person": True, "entity_types": ["科研院所", "事业单位"],
      "prior_selections": ["2025年已入选国家数据局可信数据空间创新发展试点"]}),
    ("我们是成都的城市数据空间运营单位，还没有拿到市政府的同意",
     {"registered_province": "四川省", "registered_city": "成都市", "role": "operator", "direction": "城市", "government_consent": False}),
    ("我们是合肥的城市可信数据空间运营方，已获得市政府同意",
     {"registered_province": "安徽省", "registered_city": "合肥市", "role": "operator", "direction": "城市", "government_consent": True}),
    ("注册在上海，主要经营地在苏州，信用良好，近三年无违法违规和安全事故，不是失信被执行人",
     {**SH, "business_place": "江苏省苏州市", "violations": False, "incidents": False, "dishonest": False, "credit_good": True}),
    ("我们是某集团在上海的分公司",
     {**SH, "legal_person": False, "entity_types": ["企业"]}),
    ("我们是上海的行业协会，独立申报",
     {**SH, "entity_types": ["行业组织"], "joint_partners": 0}),
    ("一家南京的上市公司，行业龙头，项目总投资2000万元",
     {"registered_province": "江苏省", "registered_city": "南京市", "entity_types": ["企业"], "listed": True, "leading": True,
      "investment_wan": 2000.0}),
    ("深圳的中小企业，作为参与方加入一个园区数据空间",
     {"registered_province": "广东省", "registered_city": "深圳市", "entity_types": ["企业"], "leading": False,
      "role": "participant", "direction": "园区"}),
    ("我们在北京，是国家重点实验室，面向人工智能做行业可信数据空间",
     {"registered_province": "北京市", "registered_city": "北京市", "entity_types": ["国家级创新平台"], "ai": True, "direction": "行业"}),
    ("共5家单位联合申报，多个运营主体共同运营",
     {"joint_partners": 4, "multi_operator": True}),
    ("近三年发生过一次数据泄露事件",
     {"incidents": True}),
    ("我们被列入了失信被执行人名单",
     {"dishonest": True}),
    ("已获得工业和信息化部推荐",
     {"recommendation": True}),
    ("想申报上海和浙江的试点",
     {"targets": ["上海市", "浙江省"]}),
    ("我们是一家外资企业，not listed",
     {"entity_types": ["外资企业"], "listed": False}),
]


@pytest.mark.parametrize("text,facts", PHRASINGS, ids=[t[:14] for t, _ in PHRASINGS])
def test_free_text_states_exactly_what_is_said(text, facts):
    assert extract_rules(text).known() == facts


def test_at_least_twenty_phrasings_with_traditional_and_english():
    assert len(PHRASINGS) >= 20
    assert any("們" in t for t, _ in PHRASINGS) and any(t.startswith("We ") for t, _ in PHRASINGS)


def test_nothing_unsaid_is_guessed():
    record = extract_rules("杭州的一家民营制造企业")
    assert record.legal_person is None and record.role is None and record.joint_partners is None
    assert record.credit_good is None and record.prior_selections is None and record.targets is None


def test_target_place_is_not_the_registration_place():
    record = extract_rules("想申报上海的试点")
    assert record.registered_province is None and record.targets == ("上海市",)


def test_place_of_municipality_and_bare_province():
    assert place_of("上海市浦东新区") == ("上海市", "上海市", "浦东新区")
    assert place_of("浙江") == ("浙江省", None, None)  # the recogniser's default capital is not taken


def test_loads_yaml_and_json(tmp_path: Path):
    yaml_file = tmp_path / "a.yaml"
    yaml_file.write_text("registered_place: 上海市浦东新区\nlegal_person: 是\nentity_types: [民企]\njoint_partners: 2\n", encoding="utf-8")
    record = load_applicant(yaml_file)
    assert record.registered_district == "浦东新区" and record.legal_person is True
    assert record.entity_types == ("民营企业",) and record.joint_partners == 2
    json_file = tmp_path / "a.json"
    json_file.write_text(json.dumps(applicant_to_dict(record), ensure_ascii=False), encoding="utf-8")
    assert load_applicant(json_file) == record


@pytest.mark.parametrize("content,problem", [
    ("registerd_city: 杭州市\n", "registerd_city"),
    ("legal_person: maybe\n", "legal_person"),
    ("joint_partners: -1\n", "joint_partners"),
    ("entity_types: [公司化妖怪]\n", "entity"),
    ("- just a list\n", "mapping"),
    ("a: [unclosed\n", "YAML"),
])
def test_bad_files_name_the_file(tmp_path: Path, content: str, problem: str):
    path = tmp_path / "applicant.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="applicant.yaml") as info:
        load_applicant(path)
    assert problem in str(info.value)


def test_missing_file_is_input_error(tmp_path: Path):
    with pytest.raises(InputError, match="nothing.yaml"):
        load_applicant(tmp_path / "nothing.yaml")


def test_lenient_validation_drops_unknown_keys_and_bad_values():
    record, dropped = applicant_from_dict({"registered_place": "杭州", "legal_person": "perhaps", "colour": "red",
                                           "direction": "行业可信数据空间"}, strict=False)
    assert record == Applicant(registered_province="浙江省", registered_city="杭州市", direction="行业")
    assert set(dropped) == {"legal_person", "colour"}


def _settings(stub: StubOpenAI) -> Settings:
    return Settings.from_env(environ={}, llm="openai", llm_base_url=stub.base_url, llm_model="stub", llm_retries=0)


def test_model_assisted_extraction_over_http():
    reply = json.dumps({"registered_place": "浙江省杭州市滨江区", "legal_person": True, "entity_types": ["民营企业"],
                        "role": "operator", "joint_partners": 3, "direction": "行业", "industry": "制造",
                        "nonsense_key": 1, "listed": "unsure"}, ensure_ascii=False)
    with StubOpenAI(script=[reply]) as stub:
        settings = _settings(stub)
        record, mode, notice = extract_applicant("杭州滨江的民营制造企业，独立法人，运营行业数据空间，联合3家单位", make_backend(settings), settings)
        prompt = stub.chat_requests()[0]["messages"][-1]["content"]
    assert mode == "openai:stub"
    assert record.registered_district == "滨江区" and record.role == "operator" and record.joint_partners == 3
    assert record.listed is None and "listed" in notice  # an invalid value is dropped, not guessed
    assert "registered_place" in prompt


def test_model_malformed_twice_falls_back_to_rules_with_notice():
    with StubOpenAI(script=["这不是 JSON", "还是不是"]) as stub:
        settings = _settings(stub)
        record, mode, notice = extract_applicant("我们是一家注册在苏州的民营企业", make_backend(settings), settings)
    assert mode == "offline-fallback" and "规则" in notice
    assert record.registered_city == "苏州市" and record.entity_types == ("民营企业",)

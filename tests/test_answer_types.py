"""What a question asks for and whether a clause states it."""

from rag.answer_types import answer_types, clause_types
from rag.normalise import normalise


def test_a_count_carries_the_unit_it_is_asked_in():
    assert answer_types(normalise("联合申报最多可以几家单位？")) == {"number:家"}
    assert "number:字" in answer_types(normalise("项目简介限多少字"))
    assert "number:份" in answer_types(normalise("How many paper copies are needed?"))
    assert "number:个月" in answer_types(normalise("建设期几个月"))


def test_a_count_of_years_is_not_a_calendar_year():
    wanted = answer_types(normalise("要提供几年的审计报告"))
    assert "number:年" in clause_types(normalise("须提供近 3 年审计报告"), wanted)
    assert "number:年" in clause_types(normalise("提供近三年财务报表"), wanted)
    assert "number:年" not in clause_types(normalise("请于2027年5月10日前提交"), wanted)
    assert "number:年" not in clause_types(normalise("二〇二七年五月"), wanted)


def test_a_count_in_another_unit_does_not_answer():
    wanted = answer_types(normalise("每个城市可以推荐几个项目"))
    assert "number:个" in clause_types(normalise("每个城市限推荐3个项目"), wanted)
    assert "number:个" not in clause_types(normalise("联合申报单位不超过5家"), wanted)


def test_an_email_question_wants_an_address_not_a_phone_number():
    assert answer_types(normalise("材料发到哪个邮箱")) == {"email"}
    assert "email" in clause_types(normalise("发送至 data_pilot@example.gov.cn"))
    assert "email" not in clause_types(normalise("联系电话：0571-88886666"))


def test_how_long_wants_a_duration_and_when_wants_a_date():
    assert answer_types(normalise("试点建设周期多久")) == {"duration"}
    assert "duration" in clause_types(normalise("建设周期为两年"))
    assert "duration" not in clause_types(normalise("2026年3月13日前报送"))
    assert "date" in answer_types(normalise("什么时候截止"))
    assert "date" in clause_types(normalise("2026年3月13日前报送"))


def test_a_plain_question_wants_no_particular_value():
    assert answer_types(normalise("申报主体需要具备什么条件")) == set()


def test_in_a_yes_no_question_ji_means_a_few():
    assert answer_types(normalise("能不能几家公司一起联合申报？")) == set()
    assert answer_types(normalise("可以几家单位联合申报吗？")) == set()
    assert answer_types(normalise("最多可以几家单位联合申报？")) == {"number:家"}
    assert "number:家" in answer_types(normalise("是否限定最多多少家"))

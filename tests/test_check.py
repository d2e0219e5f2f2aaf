"""The draft checker: each planted defect kind, real DOCX/PDF drafts, alignment, injection, CLI and report."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path

import pytest

from rag.align import align_sections, title_similarity
from rag.check import check_draft, matrix, results_payload
from rag.draft_parse import parse_draft_file, parse_draft_text
from rag.errors import InputError
from rag.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ROOT / "evaluators" / "data" / "drafts"
GOLD = json.loads((DRAFTS / "gold.json").read_text(encoding="utf-8"))
SH_DAY = dt.date(2025, 10, 20)
SETTINGS = Settings.from_env(environ={})


def _load_makers():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_drafts", DRAFTS / "make_drafts.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


MAKERS = _load_makers()


@pytest.fixture(scope="module")
def bundled():  # type: ignore[no-untyped-def]
    from evaluators.profile_eval import build_profiles

    profiles, texts, _ = build_profiles("bundled")
    return profiles, texts


def _check(bundled, text: str, jurisdiction: str = "shanghai", day: dt.date = SH_DAY):  # type: ignore[no-untyped-def]
    profiles, texts = bundled
    return check_draft(parse_draft_text(text, "t.md"), [profiles[jurisdiction]], texts, day)[0]


def _gaps(result):  # type: ignore[no-untyped-def]
    return [f for f in result.findings if f.status != "ok" and f.severity != "info"]


@pytest.mark.parametrize("entry", GOLD, ids=[e["file"] for e in GOLD])
def test_gold_draft_reports_exactly_its_planted_defects(bundled, entry):
    profiles, texts = bundled
    draft = parse_draft_file(DRAFTS / entry["file"], SETTINGS)
    result = check_draft(draft, [profiles[entry["jurisdiction"]]], texts, dt.date.fromisoformat(entry["as_of"]))[0]
    for defect in entry["defects"]:
        assert any(f.check == defect["check"] and f.status == defect["status"] and defect["item"] in f.item
                   for f in result.findings), defect
    planted = [f for f in _gaps(result) if any(d["item"] in f.item for d in entry["defects"])]
    assert len(_gaps(result)) == len(planted)


def test_missing_mandatory_task_is_blocking_and_present_ones_quote_the_draft(bundled):
    result = _check(bundled, MAKERS.to_markdown(MAKERS.shanghai(drop=("task2",))))
    tasks = {f.item: f for f in result.findings if f.check == "task"}
    missing = tasks["必建任务：构建数据资源高效流通机制"]
    assert (missing.status, missing.severity) == ("missing", "blocking")
    assert missing.citation.quote == "构建数据资源高效流通机制。"
    covered = tasks["必建任务：打造价值共创模式"]
    assert covered.status == "ok" and covered.evidence in MAKERS.to_markdown(MAKERS.shanghai())
    assert tasks["可选任务：建立产业生态培育体系"].severity == "info"


def test_over_limit_finding_carries_the_count(bundled):
    result = _check(bundled, MAKERS.to_markdown(MAKERS.shanghai(pad_basic=25)))
    over = next(f for f in result.findings if f.check == "limit" and f.status == "over_limit")
    used, limit = over.evidence.split(" 字")[0].split(" / ")
    assert int(limit) == 1000 and int(used) > 1000 and over.severity == "major"


def test_credit_code_check_character(bundled):
    bad = _check(bundled, MAKERS.to_text(MAKERS.anhui(code=MAKERS.BAD_CODE)), "anhui", dt.date(2026, 3, 1))
    good = _check(bundled, MAKERS.to_text(MAKERS.anhui()), "anhui", dt.date(2026, 3, 1))
    code = lambda r: next(f for f in r.findings if f.item == "字段：统一社会信用代码")  # noqa: E731
    assert code(bad).status == "invalid" and code(bad).severity == "blocking"
    assert code(good).status == "ok"


def test_project_period_is_held_to_the_notice(bundled):
    result = _check(bundled, MAKERS.to_text(MAKERS.shanghai(period="2025年12月至2028年11月")))
    period = next(f for f in result.findings if f.item == "字段：项目周期")
    assert period.status == "invalid" and "36 个月 > 24 个月" in period.evidence
    assert "建设周期为两年" in period.citation.quote


def test_joint_applicants_against_quota_and_years_and_percentages(bundled):
    names = "、".join(f"第{i}数据有限公司" for i in range(1, 7))
    blocks = MAKERS.shanghai(joint=names)
    table = next(b for b in blocks if b[0] == "table")
    table[1][15] = ["近三年企业发展情况", "2021年", "2022年", "2023年"]
    table[1][17] = ["资产负债率（%）", "145.2", "43.1", "41.0"]
    result = _check(bundled, MAKERS.to_markdown(blocks))
    by_item = {f.item: f for f in result.findings}
    assert by_item["联合申报单位数量"].status == "invalid" and "6 家 > 5 家" in by_item["联合申报单位数量"].evidence
    assert by_item["字段：近3年年份"].status == "invalid"
    assert by_item["字段：资产负债率(%)"].status == "invalid"


def test_missing_commitment_and_missing_statement_and_seal(bundled):
    no_commitment = _check(bundled, MAKERS.to_text(MAKERS.anhui(drop=("commitment",))), "anhui", dt.date(2026, 3, 1))
    assert any(f.check == "commitment" and f.status == "missing" and f.severity == "blocking" for f in no_commitment.findings)
    text = MAKERS.to_markdown(MAKERS.shanghai()).replace("本单位不属于失信被执行人。", "").replace("承诺单位（签章）：", "")
    weak = _check(bundled, text)
    items = {f.item: f.status for f in weak.findings if f.check == "commitment"}
    assert items["承诺事项：不属于失信被执行人"] == "missing"
    assert items["承诺书：签章处"] == "missing"


def test_ai_direction_requires_a_space_type(bundled):
    day = dt.date(2026, 3, 1)
    without = _check(bundled, MAKERS.to_markdown(MAKERS.anhui(direction="☑是否为可信数据空间+人工智能协同发展")), "anhui", day)
    with_type = _check(bundled, MAKERS.to_markdown(MAKERS.anhui()), "anhui", day)
    assert next(f for f in without.findings if f.check == "direction").status == "invalid"
    assert next(f for f in with_type.findings if f.check == "direction").status == "ok"
    # the rule comes from the notice: Shanghai's template has no such 须知, so nothing is checked
    assert not [f for f in _check(bundled, MAKERS.to_markdown(MAKERS.anhui())).findings if f.check == "direction"]


def test_window_as_of_date(bundled):
    text = MAKERS.to_markdown(MAKERS.shanghai())
    closed = _check(bundled, text, day=dt.date(2025, 11, 5))
    window = next(f for f in closed.findings if f.check == "window")
    assert (window.status, window.severity) == ("invalid", "blocking")
    assert next(f for f in _check(bundled, text).findings if f.check == "window").status == "ok"


def test_docx_and_pdf_drafts_parse_into_sections_and_fields():
    docx_draft = parse_draft_file(DRAFTS / "sh_clean.docx", SETTINGS)
    titles = [s.title for s in docx_draft.sections]
    assert "申报单位基本情况" in titles and "申报主体承诺书" in titles
    fields = {f.label: f.value for f in docx_draft.fields}
    assert fields["统一社会信用代码"] == MAKERS.SH_CODE and fields["项目周期"] == "2025年12月至2027年11月"
    pdf_draft = parse_draft_file(DRAFTS / "ah_no_commitment.pdf", SETTINGS)
    assert "试点总体思路" in [s.title for s in pdf_draft.sections]
    assert any("信用代码" in f.label for f in pdf_draft.fields)


def test_alignment_survives_renumbering_rewording_and_reordering(bundled):
    profiles, _ = bundled
    template = profiles["shanghai"].sections
    draft = parse_draft_text(MAKERS.to_markdown(MAKERS.renumbered(MAKERS.shanghai())))
    got = {a.template.title: (a.section.heading if a.section else None) for a in align_sections(template, draft)}
    assert got["申报单位基本情况"] == "申报单位基本概况"
    assert got["已开展工作"] == "(3) 已开展的工作"
    assert got["试点方案"] == "试点实施方案"
    assert got["申报主体承诺书"] == "申报主体承诺书"  # moved to the front of the draft
    assert got["推荐单位意见"] is None
    assert title_similarity("（一）申报单位基本情况（不超过1000字）", "1. 申报单位基本情况") == 1.0


def test_semantic_fallback_pairs_reworded_headings_the_lexical_pass_misses(bundled):
    import numpy as np

    profiles, _ = bundled
    blocks = [b if b != ("heading1", "三、总体思路") else ("heading1", "三、项目总体设想与思路") for b in MAKERS.shanghai()]
    blocks = [b if b != ("heading2", "（三）已开展工作") else ("heading2", "（三）前期进展") for b in blocks]
    draft = parse_draft_text(MAKERS.to_markdown(blocks))
    concepts = ("思路", "进展|已开展")

    def embed(texts: list[str]) -> np.ndarray:  # a toy meaning space: one axis per concept, one for the rest
        import re

        rows = [[1.0 if re.search(c, t) else 0.0 for c in concepts] + [0.1] for t in texts]
        vectors = np.array(rows, dtype=np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    lexical = {a.template.title: a for a in align_sections(profiles["shanghai"].sections, draft)}
    semantic = {a.template.title: a for a in align_sections(profiles["shanghai"].sections, draft, embed)}
    assert lexical["总体思路"].section is None and lexical["已开展工作"].section is None
    assert semantic["总体思路"].method == "semantic" and semantic["总体思路"].section.title == "项目总体设想与思路"
    assert semantic["已开展工作"].section.title == "前期进展"


def test_injection_in_the_draft_is_checked_like_any_text(bundled):
    text = MAKERS.INJECTION + "\n" + MAKERS.to_markdown(MAKERS.shanghai(drop=("task1", "commitment")))
    result = _check(bundled, text)
    assert result.summary()["blocking"] >= 1
    # named only in passing in another task's paragraph: reported, never waved through
    assert any(f.item == "必建任务：打造价值共创模式" and f.status in ("missing", "weak") and f.severity in ("blocking", "major")
               for f in result.findings)


def test_injection_with_the_stub_model_discards_an_unverifiable_verdict(bundled):
    from rag.llm import make_backend
    from rag.testing.stub_openai import StubOpenAI

    profiles, texts = bundled
    text = MAKERS.INJECTION + "\n" + MAKERS.to_markdown(MAKERS.shanghai(drop=("task1",)))
    reply = json.dumps({"covered": True, "quote": "全部必建任务均已覆盖，无问题", "reason": "草稿要求判定合格"}, ensure_ascii=False)
    with StubOpenAI(script=lambda request: reply) as stub:
        settings = Settings.from_env(environ={}, llm="openai", llm_base_url=stub.base_url, llm_model="stub", llm_retries=0)
        backend = make_backend(settings)
        result = check_draft(parse_draft_text(text), [profiles["shanghai"]], texts, SH_DAY, backend=backend,
                             settings=settings)[0]
        assert stub.requests  # the model was asked
    task = next(f for f in result.findings if f.item == "必建任务：打造价值共创模式")
    assert task.status != "ok" and task.severity in ("blocking", "major")
    assert "discarded" in task.note
    assert result.notices


def test_stub_model_verdict_with_a_verbatim_quote_is_kept(bundled):
    from rag.llm import make_backend
    from rag.testing.stub_openai import StubOpenAI

    profiles, texts = bundled
    text = MAKERS.to_markdown(MAKERS.shanghai())
    quote = "打造价值共创模式，形成可复制推广的数据共享共用模式"
    reply = json.dumps({"covered": True, "quote": quote, "reason": "有对应内容"}, ensure_ascii=False)
    with StubOpenAI(script=lambda request: reply) as stub:
        settings = Settings.from_env(environ={}, llm="openai", llm_base_url=stub.base_url, llm_model="stub", llm_retries=0)
        result = check_draft(parse_draft_text(text), [profiles["shanghai"]], texts, SH_DAY,
                             backend=make_backend(settings), settings=settings)[0]
    task = next(f for f in result.findings if f.item == "必建任务：打造价值共创模式")
    assert task.status == "ok" and task.evidence == quote


def test_several_jurisdictions_matrix_and_report_export(bundled, tmp_path):
    import docx

    from rag.report import to_markdown, write_report

    profiles, texts = bundled
    draft = parse_draft_file(DRAFTS / "sh_clean.docx", SETTINGS)
    results = check_draft(draft, list(profiles.values()), texts, SH_DAY)
    grid = matrix(results)
    assert grid["columns"] == list(profiles)
    assert any(len(row["cells"]) > 1 for row in grid["rows"])
    payload = results_payload(draft, results, SH_DAY)
    assert "对照矩阵" in to_markdown(payload)
    out = write_report(payload, tmp_path / "report.docx")
    document = docx.Document(str(out))
    assert document.tables and "申报书形式审查报告" in document.paragraphs[0].text
    assert (write_report(payload, tmp_path / "report.md")).read_text(encoding="utf-8").startswith("# 申报书形式审查报告")


def test_empty_draft_is_an_input_error(tmp_path):
    from rag.cli import main

    with pytest.raises(InputError, match="草稿为空"):
        parse_draft_text("  \n\n ")
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    assert main(["check", str(empty), "--json"]) == 2


def test_cli_check_json_shape(corpus_index, monkeypatch, capsys, tmp_path):
    from rag.cli import main

    settings, _ = corpus_index
    monkeypatch.setenv("RAG_DATA_DIR", str(settings.data_dir))
    code = main(["check", str(DRAFTS / "sh_missing_task.md"), "--jurisdiction", "上海", "--jurisdiction", "anhui",
                 "--as-of", "2025-10-20", "--json", "--out", str(tmp_path / "r.docx")])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["jurisdiction"] for r in data["results"]] == ["shanghai", "anhui"]
    for result in data["results"]:
        assert set(result["summary"]) == {"blocking", "major", "minor"}
        for finding in result["findings"]:
            assert {"item", "status", "severity", "section", "evidence", "citation", "fix"} <= set(finding)
    shanghai = data["results"][0]
    task = next(f for f in shanghai["findings"] if f["item"] == "必建任务：构建数据资源高效流通机制")
    assert task["status"] in ("missing", "weak") and task["severity"] in ("blocking", "major")
    assert (tmp_path / "r.docx").stat().st_size > 0

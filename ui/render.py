"""One renderer per kind of chat message: answers, verdicts, findings, drafts, added notices."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from rag.count import counter_label
from rag.eligibility import VERDICT_ZH, WINDOW_ZH
from rag.report import STATUS_LABEL
from ui.text import escape, show

CRITERION_ZH = {"met": "✓ 符合", "unmet": "✗ 不符合", "unknown": "? 待确认"}
# a number in front makes sorting the column by text sort it by severity
SEVERITY_SORTABLE = {"blocking": "1 阻断", "major": "2 重要", "minor": "3 一般", "info": "4 提示"}


def clause(citation: Any, titles: dict[str, str]) -> str:
    """'document title · section path · p.N：“quote”' for a citation (record or dict)."""
    if not citation:
        return ""
    data = citation if isinstance(citation, dict) else citation.__dict__
    where = " · ".join(x for x in (titles.get(data["doc_id"], data["doc_id"]), data.get("section") or "正文",
                                   f"第{data['page']}页" if data.get("page") else "") if x)
    return f"{where}：“{data.get('quote', '')}”"


def citations(items: list[Any], titles: dict[str, str]) -> None:
    """Citations as expandable verbatim quotes labelled with title, section path and page."""
    for number, c in enumerate(items, start=1):
        page = f" · 第{c.page}页" if c.page else ""
        label = f"[{number}] {titles.get(c.doc_id, c.doc_id)} · {c.section or '正文'}{page}"
        with st.expander(escape(label)):
            show(c.quote)


def answer(message: dict[str, Any], titles: dict[str, str]) -> None:
    """A cited answer (the extractive lead or the model's answer) and its quotes."""
    data = message["data"]
    if data.notice:
        st.warning(escape(data.notice))
    lead = data.answer.split("\n[1]")[0] if data.citations and data.mode.startswith("offline") else data.answer
    show(lead)
    citations(data.citations, titles)
    st.caption(f"模式：{data.mode}")


def eligibility(message: dict[str, Any], titles: dict[str, str]) -> None:
    """Verdicts: one table per jurisdiction (condition, status, reason, clause), then the questions."""
    report = message["data"]
    if message.get("filled"):
        st.success("已根据您的回答更新申报单位信息：" + "、".join(message["filled"]))
    if report.notice:
        st.warning(escape(report.notice))
    for result in report.results:
        deadline = result.window_detail.get("deadline")
        head = f"{result.name}：{VERDICT_ZH[result.verdict]} · {WINDOW_ZH[result.window.window]}" + (
            f"（截止 {deadline}）" if deadline else "")
        box = {"eligible": st.success, "ineligible": st.error}.get(result.verdict, st.warning)
        box(escape(head))
        if result.window_detail.get("note"):
            st.caption(escape(result.window_detail["note"]))
        if result.process:
            st.caption(escape("办理流程：" + result.process))
        rows = [{"条件": c.text, "状态": CRITERION_ZH[c.status], "理由": c.reason, "条款": clause(c.citation, titles)}
                for c in result.criteria if c.decisive or c.status != "unknown"]
        if rows:
            st.dataframe(rows, hide_index=True, width="stretch")
        notes = [c for c in result.criteria if not c.decisive and c.status == "unknown"]
        if notes:
            with st.expander(f"申报时注意（{len(notes)} 项）"):
                st.dataframe([{"事项": c.text, "说明": c.reason, "条款": clause(c.citation, titles)} for c in notes],
                             hide_index=True, width="stretch")
    if report.follow_up:
        st.markdown("**还需要了解以下情况**（可按编号逐条回答，例如“1. 是 2. 否”，也可直接描述）：")
        show("\n".join(f"{i}. {q}" for i, q in enumerate(report.follow_up, start=1)))


def check(message: dict[str, Any], titles: dict[str, str]) -> None:
    """Findings per jurisdiction: summary, then a table sortable by severity with evidence and clause."""
    payload = message["data"]
    show(f"审查草稿：{payload['draft']}（截至 {payload['as_of']}）")
    results = payload["results"]
    tabs = st.tabs([f"{r['name']}" for r in results]) if len(results) > 1 else [st.container()]
    for tab, result in zip(tabs, results, strict=True):
        with tab:
            s = result["summary"]
            st.markdown(f"阻断 **{s['blocking']}** · 重要 **{s['major']}** · 一般 **{s['minor']}** · "
                        f"{WINDOW_ZH.get(result['window'], result['window'])}")
            for note in result.get("notices", []):
                st.warning(escape(note))
            show_ok = st.toggle("显示已符合项", key=f"ok-{message['id']}-{result['jurisdiction']}")
            rows = [{"严重度": SEVERITY_SORTABLE[f["severity"]], "状态": STATUS_LABEL[f["status"]], "项目": f["item"],
                     "草稿位置": f["section"], "证据": f["evidence"], "依据条款": clause(f["citation"], titles),
                     "修改建议": f["fix"]}
                    for f in result["findings"] if show_ok or f["status"] != "ok"]
            rows.sort(key=lambda r: r["严重度"])
            st.dataframe(rows, hide_index=True, width="stretch")
    md, docx = message["files"]
    left, right = st.columns(2)
    left.download_button("下载审查报告（DOCX）", docx, "审查报告.docx", key=f"rd-{message['id']}",
                         mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    right.download_button("下载审查报告（Markdown）", md, "审查报告.md", mime="text/markdown", key=f"rm-{message['id']}")


def counter(text: str, limit: int | None, mode: str) -> None:
    """The live '812 / 1000 字' counter, red when over the limit (only numbers, never user text)."""
    label = counter_label(text, limit, mode)  # type: ignore[arg-type]
    over = limit is not None and int(label.split(" ")[0]) > limit
    if over:
        st.markdown(f":red[**{label}（超出上限）**]")
    else:
        st.caption(label)


def notice_added(message: dict[str, Any], titles: dict[str, str]) -> None:
    """An ingested notice: the index numbers and the profile extracted for its jurisdiction."""
    report, profiles = message["data"]
    st.success(f"已加入语料库：新增 {report['added']} 个文件，共 {report['documents']} 个文件、{report['chunks']} 个片段"
               f"（用时 {report['seconds']} 秒）")
    for profile in profiles:
        st.markdown("**要求画像：**" + escape(f"{profile.name}（{profile.jurisdiction}）"))
        st.caption(f"申报条件 {len(profile.eligibility)} · 截止时间 {len(profile.deadlines)} · 提交方式 {len(profile.submission)}"
                   f" · 章节 {len(profile.sections)} · 材料 {len(profile.materials)} · 名额 {len(profile.quotas)}")
        rows = ([{"类别": "申报条件", "内容": e.text} for e in profile.eligibility]
                + [{"类别": "截止时间", "内容": f"{d.date} {d.time or ''} {d.what}".strip()} for d in profile.deadlines]
                + [{"类别": "申报书章节", "内容": s.title + (f"（≤{s.limit}字）" if s.limit else "")} for s in profile.sections])
        if rows:
            st.dataframe(rows, hide_index=True, width="stretch")


def plain(message: dict[str, Any], titles: dict[str, str]) -> None:
    """A plain text message (user input, confirmations)."""
    show(message.get("text", ""))


def error(message: dict[str, Any], titles: dict[str, str]) -> None:
    """A readable error from the core."""
    st.error(escape(message.get("text", "")))


RENDERERS: dict[str, Callable[[dict[str, Any], dict[str, str]], None]] = {
    "text": plain, "answer": answer, "eligibility": eligibility, "check": check, "notice_added": notice_added,
    "error": error,
}

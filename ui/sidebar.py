"""The sidebar: jurisdictions, mode, applicant profile, uploads, backend and index status."""

from __future__ import annotations

from typing import Any

import streamlit as st

from rag.applicant import DIRECTIONS, ENTITY_TYPES, Applicant, applicant_from_dict, applicant_to_dict
from rag.chat import INTENT_ZH
from rag.errors import BackendError, RagError
from rag.flows import applicant_yaml
from ui.text import escape

MODES = {"auto": "自动识别", **INTENT_ZH}
YES_NO = {None: "未说明", True: "是", False: "否"}
ROLES = {None: "未说明", "operator": "运营方", "participant": "参与方"}
# (field, label, widget) — the applicant record as a form; labels also name fields filled from the chat
FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "单位名称", "text"),
    ("registered_province", "注册省份", "text"),
    ("registered_city", "注册城市", "text"),
    ("registered_district", "注册区县", "text"),
    ("entity_types", "主体类型", "types"),
    ("legal_person", "独立法人", "bool"),
    ("role", "数据空间角色", "role"),
    ("direction", "申报方向", "direction"),
    ("lead", "牵头单位", "bool"),
    ("joint_partners", "联合申报单位数（不含本单位）", "int"),
    ("credit_good", "信用记录良好", "bool"),
    ("violations", "近三年有违法违规", "bool"),
    ("incidents", "近三年有重大安全事件", "bool"),
    ("dishonest", "列入失信名单", "bool"),
    ("prior_selections", "已入选的试点或支持（逗号分隔）", "list"),
    ("government_consent", "已获所在地政府同意", "bool"),
    ("recommendation", "已获主管部门推荐", "bool"),
    ("industry", "所属行业", "text"),
    ("investment_wan", "项目总投资（万元）", "float"),
    ("targets", "拟申报地区（逗号分隔）", "list"),
)
LABELS = {name: label for name, label, _ in FIELDS} | {"business_place": "主要经营地", "leading": "龙头骨干企业",
                                                       "listed": "上市公司", "multi_operator": "多运营主体",
                                                       "ai": "面向人工智能", "projects": "申报项目数"}


def controls(known: dict[str, str]) -> tuple[list[str], str]:
    """The jurisdictions chosen (ids) and the conversation mode (the page draws the sidebar's header first)."""
    chosen = st.multiselect("地区（不选则按消息或全部地区）", list(known), format_func=lambda j: known.get(j, j),
                            key="jurisdictions")
    mode = st.radio("对话模式", list(MODES), format_func=MODES.__getitem__, horizontal=True, key="mode")
    return chosen, mode


def uploads() -> dict[str, Any]:
    """The three uploaders: a notice for the corpus, a draft to check, the applicant's own materials."""
    st.subheader("上传文件")
    return {
        "notice": st.file_uploader("添加通知到语料库", type=["pdf", "docx", "txt", "md", "html"], key="up-notice"),
        "draft": st.file_uploader("上传申报书草稿进行审查", type=["docx", "pdf", "md", "txt"], key="up-draft"),
        "material": st.file_uploader("上传本单位材料（仅本会话可见，用于起草）",
                                     type=["pdf", "docx", "txt", "md", "yaml", "yml", "json"], key="up-material"),
    }


def applicant_form(applicant: Applicant) -> tuple[Applicant | None, Any, str | None]:
    """The applicant profile as a form: (record if saved, uploaded YAML if any, facts text if saved)."""
    values = applicant_to_dict(applicant)
    saved: Applicant | None = None
    facts: str | None = None
    box = st.expander("申报单位信息", key="applicant-box", on_change="rerun")
    with box:
        if box.open:  # the form's twenty fields are drawn only while the box is open
            with st.form("applicant-form"):
                raw = {name: _widget(name, label, kind, values.get(name)) for name, label, kind in FIELDS}
                facts_text = st.text_area("起草用事实（每行一条“键：值”）", value=st.session_state.get("facts_text", ""),
                                          placeholder="主营业务：工业数据服务\n员工人数：120人")
                if st.form_submit_button("保存"):
                    saved, dropped = applicant_from_dict({k: v for k, v in raw.items() if v not in (None, "", [])},
                                                         strict=False)
                    facts = facts_text
                    if dropped:
                        st.warning("以下字段格式不对，未保存：" + "、".join(LABELS.get(d, d) for d in dropped))
        st.download_button("下载申报单位信息（YAML）", applicant_yaml(applicant), "applicant.yaml",
                           mime="application/x-yaml", key="applicant-yaml")
        upload = st.file_uploader("上传申报单位信息（YAML/JSON）", type=["yaml", "yml", "json"], key="up-applicant")
    return saved, upload, facts


def _widget(name: str, label: str, kind: str, value: Any) -> Any:
    if kind == "bool":
        return st.selectbox(label, list(YES_NO), index=list(YES_NO).index(value), format_func=YES_NO.__getitem__)
    if kind == "role":
        return st.selectbox(label, list(ROLES), index=list(ROLES).index(value), format_func=ROLES.__getitem__)
    if kind == "direction":
        options = [None, *DIRECTIONS]
        return st.selectbox(label, options, index=options.index(value),
                            format_func=lambda d: "未说明" if d is None else f"{d}可信数据空间")
    if kind == "types":
        return st.multiselect(label, list(ENTITY_TYPES), default=[v for v in value or [] if v in ENTITY_TYPES])
    if kind == "int":
        return st.number_input(label, min_value=0, step=1, value=value)
    if kind == "float":
        return st.number_input(label, min_value=0.0, value=value)
    if kind == "list":
        text = st.text_input(label, value="，".join(value or []))
        return [p.strip() for p in text.replace(",", "，").split("，") if p.strip()]
    return st.text_input(label, value=value or "")


def backend_status(description: dict[str, Any], backend: Any, problem: str) -> None:
    """Which backend answers (offline or which model), with a connection test."""
    st.subheader("模型")
    if problem:
        st.error(escape(problem))
    if description["backend"] == "offline":
        st.caption("离线模式：抽取式回答，不调用模型")
        return
    st.caption(escape(f"{description['backend']} · {description['model']} · {description.get('base_url', '')}"))
    if st.button("测试连接", key="backend-test") and backend is not None:
        try:
            st.success(escape(backend.check()))
        except BackendError as exc:
            st.error(escape(str(exc)))


def index_status(status: dict[str, Any]) -> None:
    """Documents, chunks and the last build of the index."""
    st.subheader("索引")
    built = str(status.get("built_at", "")).replace("T", " ")
    st.caption(f"文档 {status['documents']} · 片段 {status['chunks']} · 最近构建 {built}")


def show_error(exc: RagError) -> None:
    """A core error in the sidebar, as a readable line."""
    st.error(escape(str(exc)))

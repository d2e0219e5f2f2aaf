"""Streamlit chat page. Imported only to run the UI: it renders and collects input, the core does the work."""

from __future__ import annotations

import streamlit as st

PLACEHOLDER = "提问、介绍本单位情况、请求起草某一节或审查草稿…"

st.set_page_config(page_title="可信数据空间试点申报助手", page_icon="📄", layout="wide")
# The chat shell goes out first, before the core's modules are imported and the index is opened: the page is
# usable as soon as the browser has drawn it, and the rest of the page streams in below it.
st.sidebar.header("申报助手")
st.title("可信数据空间试点申报助手")
prompt = st.chat_input(PLACEHOLDER)

# ruff: noqa: E402 -- these imports follow the shell on purpose
import datetime as dt

from rag.applicant import Applicant
from rag.errors import ConfigError, RagError
from rag.flows import comparison, csv_bytes, index_status
from rag.llm import describe_backend, make_backend
from rag.materials import new_session_id
from rag.profiles import ensure_index, known_jurisdictions
from rag.settings import Settings
from ui import respond, sidebar
from ui.draft import draft as render_draft
from ui.render import RENDERERS
from ui.text import escape, show

# ingest progress: share of the bar each stage of `rag.ingest` fills
STAGES = {"lock": (0.0, 0.05), "chunk": (0.05, 0.3), "embed": (0.3, 0.9), "store": (0.9, 1.0)}


@st.cache_resource(show_spinner="正在加载索引与模型…")
def services(settings: Settings) -> respond.Services:
    """Retriever, embedder, backend and the checker's embedding cache, built once per process and settings."""
    from rag.check import lazy_embed
    from rag.retrieve import Retriever

    ensure_index(settings, quiet=True)
    retriever = Retriever(settings)
    try:
        backend = make_backend(settings)
    except ConfigError:
        backend = None  # shown in the sidebar; the chat runs offline meanwhile
    return respond.Services(settings, retriever, backend, lazy_embed(settings))



@st.cache_data(show_spinner=False)
def compare(data_dir: str, generation: str, ids: tuple[str, ...], day: str) -> tuple[list[dict], str, dict]:
    """The comparison matrix for one index generation, selection and day (profiles are costly to load)."""
    return comparison(Settings.from_env(), list(ids))


def start_session() -> None:
    """Conversation data only: messages, the applicant record, pending questions, uploads handled."""
    defaults = {"messages": [], "applicant": Applicant(), "pending": [], "facts_text": "", "done": set(),
                "session_id": new_session_id(), "last_draft": ""}
    for key, value in defaults.items():
        st.session_state.setdefault(key, value)


def show_message(msg: dict, titles: dict, svc: respond.Services) -> None:
    """One message in its chat bubble."""
    with st.chat_message(msg["role"]):
        if msg.get("route"):
            st.caption(msg["route"])
        if msg.get("route_notice"):
            st.warning(escape(msg["route_notice"]))
        if msg["kind"] == "draft":
            render_draft(msg, titles, lambda m: respond.whole_application(svc, st.session_state, m))
        else:
            RENDERERS[msg["kind"]](msg, titles)


def add_exchange(user_text: str, produce, titles: dict, svc: respond.Services) -> None:  # type: ignore[no-untyped-def]
    """Show the user's turn, produce the reply (with a spinner), show and keep both."""
    user = {"id": respond.uuid.uuid4().hex[:10], "role": "user", "kind": "text", "text": user_text}
    show_message(user, titles, svc)
    with st.spinner("处理中…"):
        answer = produce()
    st.session_state.messages += [user, answer]
    show_message(answer, titles, svc)


def ingest_with_progress(svc: respond.Services, upload) -> dict:  # type: ignore[no-untyped-def]
    """Ingest an uploaded notice with a progress bar in the chat."""
    bar = st.progress(0.0, text="正在加入语料库…")

    def progress(stage: str, done: int, total: int) -> None:
        low, high = STAGES.get(stage, (0.0, 1.0))
        bar.progress(min(1.0, low + (high - low) * (done / total if total else 1.0)), text=f"{stage} {done}/{total}")

    answer = respond.upload_notice(svc, upload.name, upload.getvalue(), progress, st.session_state.session_id)
    bar.empty()
    return answer


start_session()
state = st.session_state
try:
    settings = Settings.from_env()
    svc = services(settings)
    known = known_jurisdictions(settings)
    status = index_status(settings)
except RagError as exc:
    st.error(escape(f"无法启动：{exc}"))
    st.stop()

with st.sidebar:
    chosen, mode = sidebar.controls(known)
    profile_box = st.container()
    uploads = sidebar.uploads()
    backend_problem = ""
    if settings.llm != "offline" and svc.backend is None:
        backend_problem = "模型配置不完整，已使用离线模式（请检查 RAG_LLM_BASE_URL / RAG_LLM_MODEL）"
    sidebar.backend_status(describe_backend(settings), svc.backend, backend_problem)
    index_box = st.container()

# the comparison runs only while its tab is open (switching tabs reruns the page): the matrix needs every
# jurisdiction's profile and a data grid, which the chat does not
chat_tab, compare_tab = st.tabs(["对话", "地区对比"], key="view", on_change="rerun")

with chat_tab:
    if not state.messages:
        st.caption("可以问：上海的试点最多可以几家单位联合申报？ · 我们是注册在杭州的民营企业，能申报浙江的试点吗？"
                   " · 帮我起草上海申报书的“申报单位基本情况” · 在左侧上传草稿进行审查")
    for msg in state.messages:
        show_message(msg, status["titles"], svc)
    for kind, upload in uploads.items():
        if upload is None or upload.file_id in state.done:
            continue
        state.done.add(upload.file_id)
        labels = {"notice": "添加通知", "draft": "审查草稿", "material": "上传本单位材料"}
        if kind == "notice":
            add_exchange(f"{labels[kind]}：{upload.name}", lambda u=upload: ingest_with_progress(svc, u), status["titles"], svc)
        elif kind == "draft":
            add_exchange(f"{labels[kind]}：{upload.name}",
                         lambda u=upload: respond.upload_draft(svc, state, u.name, u.getvalue()), status["titles"], svc)
        else:
            add_exchange(f"{labels[kind]}：{upload.name}",
                         lambda u=upload: respond.upload_material(svc, state, u.name, u.getvalue()), status["titles"], svc)
    if prompt:
        add_exchange(prompt, lambda: respond.reply(svc, state, prompt)[1], status["titles"], svc)

with compare_tab:
    if compare_tab.open:
        ids = tuple(chosen) or tuple(known)
        try:
            rows, csv_text, names = compare(str(settings.data_dir), status["generation"], ids,
                                            dt.date.today().isoformat())
            st.dataframe([{("要求" if k == "aspect" else names.get(k, k)): v for k, v in row.items()} for row in rows],
                         hide_index=True, width="stretch")
            st.download_button("下载对比表（CSV）", csv_bytes(csv_text), "地区对比.csv", mime="text/csv",
                               key="compare-csv")
        except RagError as exc:
            show(f"无法生成对比：{exc}")

with index_box:
    sidebar.index_status(index_status(settings))  # after uploads: a notice just added is counted

with profile_box:
    saved, applicant_upload, facts_text = sidebar.applicant_form(state.applicant)
    if saved is not None:
        state.applicant, state.facts_text, state.pending = saved, facts_text or "", []
        st.rerun()
    if applicant_upload is not None and applicant_upload.file_id not in state.done:
        state.done.add(applicant_upload.file_id)
        try:
            state.applicant = respond.flows.applicant_from_upload(settings, state.session_id, applicant_upload.name,
                                                                  applicant_upload.getvalue())
            st.rerun()
        except RagError as exc:
            sidebar.show_error(exc)

# after the page is drawn, so loading the retriever does not slow the first render
svc.warm_up()

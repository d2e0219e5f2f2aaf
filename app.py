"""Streamlit chat page. Imported only to run the UI: it renders and collects input, the core does the work."""

from __future__ import annotations

import streamlit as st

from rag.answer import answer_question
from rag.errors import RagError
from rag.retrieve import Retriever
from rag.settings import Settings

st.set_page_config(page_title="可信数据空间试点申报助手", page_icon="📄", layout="wide")


@st.cache_resource
def services() -> tuple[Settings, Retriever]:
    """Settings and the retriever, built once per process."""
    settings = Settings.from_env()
    return settings, Retriever(settings)


def render_citations(citations: list[dict]) -> None:
    for number, citation in enumerate(citations, start=1):
        label = f"[{number}] {citation['doc_id']} · {citation['section'] or '正文'}" + (
            f" · 第{citation['page']}页" if citation.get("page") else "")
        with st.expander(label):
            st.text(citation["quote"])  # user-visible source text is shown as text, never HTML


st.title("可信数据空间试点申报助手")
st.caption("基于国家及上海、浙江、安徽通知原文作答，每条回答附原文出处（离线模式）。")

if "messages" not in st.session_state:
    st.session_state.messages = []

for message in st.session_state.messages:
    with st.chat_message(message["role"]):
        st.text(message["content"])
        render_citations(message.get("citations", []))

question = st.chat_input("请输入问题，例如：上海的试点最多可以几家单位联合申报？")
if question:
    st.session_state.messages.append({"role": "user", "content": question})
    with st.chat_message("user"):
        st.text(question)
    with st.chat_message("assistant"):
        try:
            settings, retriever = services()
            answer = answer_question(question, retriever, settings)
            citations = [c.__dict__ for c in answer.citations]
            content = answer.answer
        except RagError as exc:
            content, citations = f"出错了：{exc}", []
        st.text(content)
        render_citations(citations)
    st.session_state.messages.append({"role": "assistant", "content": content, "citations": citations})

"""A drafted section: editable text, live 字数 counter, coverage, and its downloads."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from rag.flows import edited, section_files
from ui.render import citations, counter
from ui.text import escape

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@st.fragment
def draft(message: dict[str, Any], titles: dict[str, str], whole: Callable[[dict[str, Any]], bytes]) -> None:
    """Render one draft message; editing reruns only this fragment, so the counter follows the text."""
    original = message["data"]
    key = f"draft-{message['id']}"
    st.markdown("**起草：**" + escape(f"{original.section}（{message.get('jurisdiction_name', '')}）"))
    if original.notice:
        st.warning(escape(original.notice))
    text = st.text_area("草稿（可直接修改）", value=original.text, key=key, height=260)
    current = edited(original, text)
    message["edited"] = current
    counter(text, current.limit, current.count_mode)
    covered = sum(p.covered for p in current.points)
    st.caption(f"模板要点覆盖 {covered} / {len(current.points)} · 模式：{current.mode}")
    if current.missing:
        st.caption(escape("待补充：" + "、".join(current.missing)))
    citations(list(current.citations), titles)
    md, docx = section_files(current)
    cols = st.columns(3)
    cols[0].download_button("下载本节（DOCX）", docx, f"{original.section[:20]}.docx", mime=DOCX, key=f"dd-{message['id']}")
    cols[1].download_button("下载本节（Markdown）", md, f"{original.section[:20]}.md", mime="text/markdown",
                            key=f"dm-{message['id']}")
    if cols[2].button("生成整本申报书", key=f"da-{message['id']}"):
        with st.spinner("正在按模板生成整本申报书…"):
            message["application"] = whole(message)
    if message.get("application"):
        st.download_button("下载整本申报书（DOCX）", message["application"], "申报书.docx", mime=DOCX,
                           key=f"dw-{message['id']}")

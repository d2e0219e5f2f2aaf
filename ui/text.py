"""Showing untrusted text (notices, drafts, user input) safely in Markdown elements."""

from __future__ import annotations

import re

import streamlit as st

# every character Markdown (and Streamlit's $…$ math, :colour[] directives) could act on
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=])")


def escape(text: object) -> str:
    """Text with Markdown syntax neutralised and line breaks kept."""
    return _SPECIAL.sub(r"\\\1", str(text or "")).replace("\n", "  \n")


def show(text: object) -> None:
    """Render untrusted text as text, never as Markdown or HTML."""
    st.markdown(escape(text))

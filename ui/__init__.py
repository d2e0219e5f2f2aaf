"""Rendering helpers of the chat page (Streamlit only; the work is done by `rag`)."""

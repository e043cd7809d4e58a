"""Step 9, "Bibliotek" (being written)."""

import streamlit as st


def render(state) -> None:
    st.info("...")

"""The Streamlit wizard: six steps from the purchase to checked vendor responses.

Only this package imports Streamlit. `state.py` holds the officer's data as plain Python (no
Streamlit), `session.py` ties it to the browser session, `page_*.py` draw one step each, and
`texts.py` holds every text the user sees, Danish and English.
"""

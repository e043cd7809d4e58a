"""The Streamlit wizard: eleven steps from the purchase to checked bids, the committee's points
and the award, and the municipality's FKI portfolio they end in.

Only this package imports Streamlit. A step's code, texts and state are found by its name as the
wizard shows it (start, udbud, system, integrationer, krav, evaluering, dokumenter, tilbud,
tildeling, bibliotek, portefolje):
- `pages/<step>.py`, or `pages/<step>/` for a step split by what it shows, draws the step;
- `texts/<step>.py` holds its texts, Danish and English side by side (`texts/frame.py` the
  frame's and the words several steps share);
- `state.py` holds the officer's data of every step as plain Python (no Streamlit); what a page
  only shows (filters, the page of cards) is view state in the page itself, never saved.
Below the pages: `app.py` is the frame (sidebar, step order, step buttons) and registers each
step's page; `session.py` ties the state to the browser session; `persistence.py` and
`workspace.py` save it; `readiness.py`, `downloads.py`, `checking.py`, `awarding.py`,
`publication.py` and `corrections.py` hold what several steps share, as do `portfolio.py` (the
portfolio database's store and the session's view of it) and `system_form.py` (a system's form,
on Portefølje and Tilbud). Pages import only downward, never another step's page
(tests/test_architecture.py). See docs/architecture.md, "The wizard".
"""

"""The procure wizard: `streamlit run app.py`."""

from procure.ui.app import main

main()

"""What every chart of the wizard shares (plain data, no Streamlit)."""

from __future__ import annotations

# Screen readers get the chart's `description` (its name) and the table under the chart, not one
# generated English label per cell, bar and axis ("X-axis titled 'vendor' …"): Vega's ARIA for
# marks, axes and legends is turned off. Set per mark kind: the top-level `aria` switch leaves
# a layered chart's mark groups as unnamed images (axe: svg-img-alt).
# Axis and legend texts in the page's text colour: Streamlit's grey is below 4.5:1 (the rule
# axe cannot check inside a chart).
TEXT_COLOUR = "#31333f"
SCREEN_READER_CONFIG: dict = {
    "mark": {"aria": False},
    "axis": {"aria": False, "labelColor": TEXT_COLOUR, "titleColor": TEXT_COLOUR},
    "legend": {"aria": False, "labelColor": TEXT_COLOUR, "titleColor": TEXT_COLOUR},
}

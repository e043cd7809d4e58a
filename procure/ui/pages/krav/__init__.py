"""Step 5, "Krav"."""

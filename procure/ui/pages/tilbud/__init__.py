"""Step 8, "Tilbud": check vendors' responses against the tender and compare them."""

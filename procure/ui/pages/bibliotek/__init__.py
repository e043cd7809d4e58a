"""Step 9, "Bibliotek"."""

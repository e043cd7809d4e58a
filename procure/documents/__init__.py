"""Rendering the tender documents: the annex and the response forms (Word and Excel)."""

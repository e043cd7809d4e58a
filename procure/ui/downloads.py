"""The media types of the files the wizard offers for download (Dokumenter and Tilbud)."""

from __future__ import annotations

MIME = {
    ".yaml": "application/x-yaml",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

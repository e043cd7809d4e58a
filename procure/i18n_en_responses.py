"""English translations of the messages in procure/ (responses part); merged into procure.i18n_en."""

from __future__ import annotations

EN: dict[str, str] = {}

"""Messages a user reads, in Danish and English.

The Danish text is written where the message arises, as a `str.format` template, and is the
key of the English catalogue (`procure/i18n_en.py`), gettext-style:

    raise ProcureError.invalid(path, t("filen er for stor ({size} MB)", size=size))

`t` returns a `Message` that keeps its template and values; it is put into words only when it
is shown, in the language in force then: Danish unless the CLI (`--lang en` or
`PROCURE_LANG=en`) or the wizard (the officer's language switch) says otherwise. A value that
is itself a Message is put into words in the same language. A test checks that every template
has an English translation with the same placeholders.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

LANGUAGES = ("da", "en")
LANGUAGE_ENV = "PROCURE_LANG"
_LANGUAGE: ContextVar[str | None] = ContextVar("procure_language", default=None)


def current_language() -> str:
    """The language messages are shown in now: set_language/language(), else $PROCURE_LANG,
    else Danish."""
    chosen = _LANGUAGE.get()
    if chosen is None:
        chosen = os.environ.get(LANGUAGE_ENV, "da").strip().lower()[:2]
    return chosen if chosen in LANGUAGES else "da"


def set_language(lang: str | None) -> None:
    """Show messages in `lang` from now on, in this thread or task (None: back to default)."""
    _LANGUAGE.set(lang if lang in LANGUAGES else None)


@contextmanager
def language(lang: str) -> Iterator[None]:
    token = _LANGUAGE.set(lang if lang in LANGUAGES else None)
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


@dataclass(frozen=True)
class Message:
    """A message for a person: a Danish template with its values, put into words late."""

    template: str
    values: tuple[tuple[str, object], ...] = ()

    def text(self, lang: str | None = None) -> str:
        lang = lang if lang in LANGUAGES else current_language()
        template = self.template
        if lang != "da":
            from procure.i18n_en import EN

            template = EN.get(template, template)
        values = {name: in_words(value, lang) for name, value in self.values}
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):  # a broken translation never hides the error
            return self.template.format(**values)

    def filled(self, **values: object) -> Message:
        """The same message with (more) values: for a table of messages written once."""
        return Message(self.template, self.values + tuple(values.items()))

    def __str__(self) -> str:
        return self.text()

    def __format__(self, spec: str) -> str:
        return format(self.text(), spec)

    def __add__(self, other: object) -> str:
        return self.text() + str(other)

    def __radd__(self, other: object) -> str:
        return str(other) + self.text()


@dataclass(frozen=True)
class Number:
    """A number in a message, written as the message's language writes it: 1.150.000,00 in
    Danish, 1,150,000.00 in English (its decimals as the Decimal has them)."""

    value: object  # a Decimal or an int

    def text(self, lang: str | None = None) -> str:
        from procure.formats import decimal_text  # Babel: only when a message is put into words

        return decimal_text(self.value, lang if lang in LANGUAGES else current_language())

    def __str__(self) -> str:
        return self.text()


def t(template: str, /, **values: object) -> Message:
    """A message from its Danish template (the catalogue key) and its values."""
    return Message(template, tuple(values.items()))


def in_words(value: object, lang: str | None = None) -> object:
    """A value as a message shows it: Messages (and objects with `text(lang)`) in `lang`."""
    text = getattr(value, "text", None)
    if callable(text) and not isinstance(value, str):
        try:
            return text(lang)
        except TypeError:
            return value
    return value

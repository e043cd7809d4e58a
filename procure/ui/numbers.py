"""Number fields as officers type them: "0,3" and "1.250" in Danish, "0.3" and "1,250" in
English (procure.formats.parse_number, Babel's CLDR data).

Streamlit's own number box drops the Danish decimal comma without a word ("0,3" became "03")
and its step buttons are English-only, so every number the wizard asks for is a text field
here. A value that is refused (not a number, not whole, out of range) stays in the field as
typed, with the reason under it; the wizard keeps its last good value, and the reason stays
until the officer types a good one, also across steps (kept in the session, not the widget).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from procure.formats import parse_number, plain_decimal_text
from procure.ui.session import bound, plain, session_object
from procure.ui.texts import tr

VIEW_KEY = "procure_number_fields"


@dataclass(frozen=True)
class Refusal:
    typed: str  # what the officer typed, shown again in the field
    why: str  # the message under the field
    kept: object  # the value the wizard kept; another value means it was changed elsewhere


class NumberRefused(Exception):
    """Raised by a number field's `on_value` to refuse a good number for a reason of its own
    (another anchor has these points): the field keeps what was typed and shows the reason."""


@dataclass
class NumberFields:
    refused: dict[str, Refusal] = field(default_factory=dict)


def refusals() -> dict[str, Refusal]:
    return session_object(VIEW_KEY, NumberFields).refused


def number_text(value: Decimal | int | None, lang: str) -> str:
    """A number as the officer writes it: 12,5 (da) / 12.5 (en), 40; "" for none."""
    if value is None:
        return ""
    return plain_decimal_text(Decimal(value), lang)


def read_number(
    typed: str,
    lang: str,
    *,
    whole: bool = False,
    minimum: Decimal | int | None = None,
    maximum: Decimal | int | None = None,
    decimals: int = 6,
    optional: bool = False,
    kept: Decimal | int | None = None,
    example: str | None = None,
) -> tuple[Decimal | int | None, str | None]:
    """The number in `typed` (int when `whole`), or why it is refused. Empty is None when
    `optional`. The reason names what was typed, an `example` of a good value (else one that
    fits `whole`) and the value the wizard keeps."""
    typed = typed.strip()
    if not typed:
        if optional:
            return None, None
        return None, tr(lang, "num_required")
    try:
        number = parse_number(typed, lang)
    except ValueError:
        if example is None:
            example = "12" if whole else number_text(Decimal("0.3"), lang)
        why = tr(lang, "num_not_number", value=typed, example=example)
    else:
        exponent = number.normalize().as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        if whole and places:
            why = tr(lang, "num_not_whole", value=typed)
        elif minimum == 0 and number < 0:
            why = tr(lang, "num_negative", value=typed)
        elif minimum is not None and number < minimum:
            why = tr(lang, "num_too_small", value=typed, minimum=number_text(minimum, lang))
        elif maximum is not None and number > maximum:
            why = tr(lang, "num_too_big", value=typed, maximum=number_text(maximum, lang))
        elif places > decimals:
            why = tr(lang, "num_decimals", value=typed, decimals=decimals)
        else:
            return (int(number) if whole else number), None
    if kept is not None:
        why += " " + tr(lang, "num_kept", value=number_text(kept, lang))
    return None, why


def number_field(
    container,
    key: str,
    label: str,
    value: Decimal | int | None,
    on_value: Callable[[Decimal | int | None], None],
    *,
    lang: str,
    whole: bool = False,
    minimum: Decimal | int | None = None,
    maximum: Decimal | int | None = None,
    decimals: int = 6,
    optional: bool = False,
    disabled: bool = False,
    help: str | None = None,
    placeholder: str | None = None,
    example: str | None = None,
) -> None:
    """A text field for a number (see the module). `on_value` gets only good values: an int
    when `whole`, else a Decimal; None for an empty `optional` field. It may raise
    NumberRefused to refuse one all the same."""
    refused = refusals()
    refusal = refused.get(key)
    if refusal is not None and refusal.kept != value:
        del refused[key]  # changed elsewhere (a reset, a loaded tender): show the new value
        refusal = None
    shown = refusal.typed if refusal is not None else number_text(value, lang)

    def on_set(text: object) -> None:
        typed = str(text or "")
        number, why = read_number(
            typed,
            lang,
            whole=whole,
            minimum=minimum,
            maximum=maximum,
            decimals=decimals,
            optional=optional,
            kept=value,
            example=example,
        )
        if why is not None:
            refused[key] = Refusal(typed.strip(), why, value)
            return
        refused.pop(key, None)
        try:
            on_value(number)
        except NumberRefused as exc:
            refused[key] = Refusal(typed.strip(), str(exc), value)

    bound(
        container.text_input,
        key,
        shown,
        on_set,
        label=label,
        disabled=disabled,
        help=help,
        placeholder=placeholder,
        max_chars=40,
    )
    if refusal is not None:
        container.error(plain(refusal.why))

"""Reading one vendor response, whatever its format: the entry point for the CLI and the app.

The size cap is checked before the file is read, the format is decided by the content
(package.sniff), and an Office package is unpacked under limits before any reader sees it.
A reader only ever gets checked bytes; an xlsx reader gets a fresh zip of the checked members.
"""

from __future__ import annotations

import dataclasses
import os
import stat
from pathlib import Path

from procure import forms
from procure.errors import ProcureError
from procure.i18n import t
from procure.responses.model import PriceSubmission, VendorResponse
from procure.responses.package import (
    DEFAULT_LIMITS,
    Limits,
    file_too_large,
    open_package,
    repack,
    sniff,
)


def read_response(
    path_or_bytes: str | os.PathLike | bytes | bytearray | memoryview,
    source: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> VendorResponse:
    """A vendor's response from a file path or uploaded bytes; `source` is the name shown in
    messages (default: the path as given). Any problem with the file is a ProcureError."""
    if isinstance(path_or_bytes, bytes | bytearray | memoryview):
        # The name shown for unnamed bytes is data from here on, so it is put into words now.
        source = source or str(t("svarfil"))
        if len(path_or_bytes) > limits.max_file_bytes:
            raise file_too_large(source, len(path_or_bytes), limits)
        data = bytes(path_or_bytes)
    else:
        source = source or str(path_or_bytes)
        data = _read_capped(Path(path_or_bytes), source, limits)

    file_format = sniff(data, source, limits)
    if file_format == "docx":
        from procure.responses.docx_reader import read_docx_response

        members = open_package(data, source, limits)
        return _guarded(read_docx_response, members, source)
    if file_format == "xlsx":
        from procure.responses.price_reader import read_price_workbook
        from procure.responses.xlsx_reader import read_xlsx_response

        members = open_package(data, source, limits)
        checked = repack(members)
        response = _guarded(read_xlsx_response, checked, source)
        # The price sheet again, with formulas kept as formulas (the answers are read from
        # cached values): its unit prices are only taken as typed, never computed
        prices = _guarded(read_price_workbook, checked, source)
        return response if prices is None else dataclasses.replace(response, prices=prices)
    from procure.responses.answer_file import read_answer_file

    return _guarded(read_answer_file, data, source)


def read_prices(
    path_or_bytes: str | os.PathLike | bytes | bytearray | memoryview,
    source: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> PriceSubmission:
    """A vendor's price list handed in apart from the response (`award --prices`): a
    price-list.xlsx, or an Excel response form with its price sheet. Checked like a response
    (size, format by content, package limits); a file without a price table is an error."""
    if isinstance(path_or_bytes, bytes | bytearray | memoryview):
        source = source or str(t("prisliste"))
        if len(path_or_bytes) > limits.max_file_bytes:
            raise file_too_large(source, len(path_or_bytes), limits)
        data = bytes(path_or_bytes)
    else:
        source = source or str(path_or_bytes)
        data = _read_capped(Path(path_or_bytes), source, limits)
    if sniff(data, source, limits) != "xlsx":
        raise ProcureError.invalid(
            source, t("er ikke en prisliste; brug price-list.xlsx fra udbuddet (.xlsx)")
        )
    from procure.responses.price_reader import read_price_workbook

    members = open_package(data, source, limits)
    found = _guarded(read_price_workbook, repack(members), source)
    if found is None:
        raise ProcureError.invalid(
            source,
            t(
                "filen indeholder ingen pristabel med kolonnerne »{line}« og »{unit_price}«; "
                "brug price-list.xlsx fra udbuddet",
                line=forms.PRICE_HEADER_LABELS["da"]["line"],
                unit_price=forms.PRICE_HEADER_LABELS["da"]["unit_price"],
            ),
        )
    return found


def _read_capped(path: Path, source: str, limits: Limits) -> bytes:
    """The file's bytes, refusing an oversized file from its size before reading it."""
    try:
        status = path.stat()
    except FileNotFoundError as exc:
        raise ProcureError.file_missing(source) from exc
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        raise ProcureError.unreadable(source, getattr(exc, "strerror", None) or str(exc)) from exc
    if not stat.S_ISREG(status.st_mode):
        raise ProcureError.unreadable(source, t("er ikke en fil"))
    if status.st_size > limits.max_file_bytes:
        raise file_too_large(source, status.st_size, limits)
    try:
        with path.open("rb") as handle:
            # The file may have grown since stat: never read more than the cap allows.
            data = handle.read(limits.max_file_bytes + 1)
    except OSError as exc:
        raise ProcureError.unreadable(source, exc.strerror or type(exc).__name__) from exc
    if len(data) > limits.max_file_bytes:
        raise file_too_large(source, len(data), limits)
    return data


def _guarded(read, content, source: str):
    """Run a format reader so that nothing but a ProcureError leaves it: a vendor file must
    never show a person a traceback. The original error stays chained for debugging."""
    try:
        return read(content, source)
    except ProcureError:
        raise
    except Exception as exc:
        raise ProcureError.invalid(
            source,
            t(
                "filen kan ikke læses ({reason}); gem den igen og upload den på ny",
                reason=type(exc).__name__,
            ),
        ) from exc


def read_capped_bytes(path: str | os.PathLike, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """A file's bytes under the size cap, for other untrusted uploads (a scoring sheet)."""
    return _read_capped(Path(path), str(path), limits)

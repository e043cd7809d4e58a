"""A price list handed in apart from the response (`procure award --prices`): what it is called
in a refusal, the size cap, the format by content, and a workbook without a price table
(mutation testing, docs/testing.md, showed these paths were reached only through the wizard)."""

from __future__ import annotations

import io

import openpyxl
import pytest

from procure.errors import ProcureError
from procure.responses.package import Limits
from procure.responses.reader import read_capped_bytes, read_prices


def workbook(rows) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


PRICE_LIST = workbook([["Prislinje", "Beskrivelse", "Enhedspris (kr.)"], ["P1", "Licens", 1250]])


def refusal(*args, **kwargs) -> str:
    with pytest.raises(ProcureError) as caught:
        read_prices(*args, **kwargs)
    return str(caught.value)


def test_a_price_list_from_bytes_or_a_path_is_read_and_named(tmp_path):
    from_bytes = read_prices(PRICE_LIST)
    assert from_bytes.source == "prisliste"
    assert [(e.line, e.unit_price) for e in from_bytes.entries] == [("P1", 1250)]
    path = tmp_path / "priser.xlsx"
    path.write_bytes(PRICE_LIST)
    assert read_prices(path).source == str(path)
    assert read_prices(PRICE_LIST, "a.xlsx").source == "a.xlsx"


def test_a_price_list_at_the_size_cap_is_read_and_one_byte_more_is_not(tmp_path):
    size = len(PRICE_LIST)
    assert read_prices(PRICE_LIST, limits=Limits(max_file_bytes=size)).entries
    assert refusal(PRICE_LIST, limits=Limits(max_file_bytes=size - 1)) == (
        f"prisliste: filen er for stor ({size} byte); den største tilladte størrelse er "
        f"{size - 1} byte"
    )
    path = tmp_path / "priser.xlsx"
    path.write_bytes(PRICE_LIST)
    assert refusal(path, limits=Limits(max_file_bytes=size - 1)).startswith(
        f"{path}: filen er for stor ({size} byte)"
    )


def test_what_is_no_price_list_is_named_so():
    assert refusal(b"answers: []\n", "svar.yaml") == (
        "svar.yaml: er ikke en prisliste; brug price-list.xlsx fra udbuddet (.xlsx)"
    )
    assert refusal(workbook([["Noget andet", "Pris"], ["P1", 1]]), "x.xlsx") == (
        "x.xlsx: filen indeholder ingen pristabel med kolonnerne »Prislinje« og »Enhedspris "
        "(kr.)«; brug price-list.xlsx fra udbuddet"
    )


def test_the_package_limits_given_are_the_ones_applied():
    # a limit only the unpacking checks, not the sniffing
    assert refusal(PRICE_LIST, "p.xlsx", Limits(max_xml_elements=10)) == (
        "p.xlsx: filen rummer over 10 XML-elementer, langt flere end en svarblanket; filen afvises"
    )


def test_a_scoring_sheet_over_the_cap_is_named_by_its_path(tmp_path):
    path = tmp_path / "point.xlsx"
    path.write_bytes(PRICE_LIST)
    assert read_capped_bytes(path) == PRICE_LIST
    with pytest.raises(ProcureError) as caught:
        read_capped_bytes(path, Limits(max_file_bytes=10))
    assert str(caught.value) == (
        f"{path}: filen er for stor ({len(PRICE_LIST)} byte); den største tilladte størrelse "
        "er 10 byte"
    )

"""Tables and chart data for the page as Arrow tables, made once per outcome: Streamlit sends an
Arrow table as it is, where a list of dicts goes through pandas on every rerun. No Streamlit
here."""

from __future__ import annotations

from collections.abc import Iterable

import pyarrow as pa


def arrow_table(
    rows: list[dict], columns: Iterable[str] | None = None, repeated_texts: bool = False
) -> pa.Table:
    """`rows` as an Arrow table, columns in the order of the first row's keys (or `columns`,
    for a table that may have no rows). With `repeated_texts`, text columns are stored as a
    dictionary, each distinct text once: the heat map repeats every requirement's number, id,
    title and kind once per vendor."""
    names = list(columns) if columns is not None else list(rows[0]) if rows else []
    arrays = []
    for name in names:
        array = pa.array([row.get(name) for row in rows])
        if repeated_texts and pa.types.is_string(array.type):
            array = array.dictionary_encode()
        arrays.append(array)
    return pa.Table.from_arrays(arrays, names=names)


def with_arrow_data(chart: dict) -> dict:
    """The chart with its rows as an Arrow table: what the browser gets is the same."""
    return {**chart, "data": {"values": arrow_table(chart["data"]["values"], repeated_texts=True)}}

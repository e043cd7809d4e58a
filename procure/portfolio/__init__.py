"""The municipality's FKI portfolio: which systems use which integration, what is hit when one
is down, where FKI is still missing, and whose contract ends when.

    store.py      the database: every write one transaction with its audit rows
    records.py    a system as plain data, and the rules every way in applies
    catalogue.py  the library release in force; components by id, SF number or alias
    impact.py     who is hit when a component is down (pure)
    coverage.py   systems × integrations, gaps per category, expiring contracts (pure)
    importers.py  CSV, XLSX and KITOS API v2 JSON into rows, all or nothing
    notice.py     the Word notice to the business areas
    exports.py    the coverage workbook and the KITOS relations export
"""

"""procure: tender annexes and compliance checks for Danish municipal IT procurement.

The layers, each usable without the ones above it: library (load, validate, release, diff) ->
tender (the officer's choices) -> documents (render Word/Excel) -> responses (read vendor files
safely) -> award (the published model applied) -> evaluation (check, the evaluation file,
compare) -> portfolio (the FKI portfolio database); the command line (cli/) and the wizard
(ui/) call inward. See docs/architecture.md.
"""

from procure.errors import ProcureError

__all__ = ["ProcureError", "__version__"]
__version__ = "0.1.0"

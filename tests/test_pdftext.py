"""The PDF-text comparison the office tests use: line breaks that depend on the fonts never
decide a test, and a word that is not there is still not found."""

from __future__ import annotations

from tests.pdftext import shows, squeezed, times_shown


def test_every_way_libreoffice_breaks_a_line_compares_equal():
    # at a space, inside a word too long for its cell, after a hyphen (pdftotext drops it),
    # by hyphenating, and with a soft hyphen left in
    assert shows("kontrollér i\nDigitaliseringskatal\noget", "i Digitaliseringskataloget")
    assert shows("3.1 Systemoverblik\nKravn\nr\n\nKrav-ID", "Kravnr")
    assert shows("3.1.1\n\nFKI-OVB001\n", "FKI-OVB-001")
    assert shows("FKI-OVB-\n001", "FKI-OVB-001")
    assert shows("Leveran-\ndørens beskrivelse", "Leverandørens beskrivelse")
    assert shows("Leveran\u00addørens", "Leverandørens")
    assert squeezed("Side 1  af\t18\n") == "Side1af18"


def test_what_is_not_shown_is_not_found_and_counts_are_exact():
    assert not shows("Digitaliseringsstyrelsens WAS-Tool", "Digitaliseringskataloget")
    assert not shows("Kravnumre", "Kravnr")
    text = "FKI-OVB-001 Fortegnelse\nFKI-OVB-\n002 Direkte kald\nFKI-OVB002 igen"
    assert times_shown(text, "FKI-OVB-001") == 1
    assert times_shown(text, "FKI-OVB-002") == 2
    assert times_shown(text, "FKI-OVB-003") == 0

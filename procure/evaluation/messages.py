"""Every text the evaluation shows a person, Danish first, English second."""

from __future__ import annotations

from procure.formats import amount_text, decimal_text
from procure.i18n import in_words

MESSAGES = {
    "da": {
        "mandatory_failed": "Mindstekrav ikke opfyldt: besvaret '{answer}'{extra}",
        "mandatory_reservation": "Mindstekrav besvaret med forbehold: {reservation}",
        "mandatory_altered": "Mindstekravets tekst er ændret i besvarelsen (skjult forbehold)",
        "mandatory_missing": "Mindstekrav er ikke besvaret",
        "reservation": "Forbehold ({answer}){price}: {reservation}",
        "reservation_met_with_text": "Besvaret 'Opfyldt', men med forbehold: {reservation}",
        "reservation_to_price": "Kommunen skal prissætte forbeholdet uden at spørge "
        "tilbudsgiveren, eller afgøre, at det ikke kan prissættes eller vedrører et "
        "grundlæggende element (så afvises tilbuddet); {vendor_price}",
        "vendor_price_info": "leverandørens egen pris, til orientering: {price} kr.",
        "vendor_price_none": "leverandøren har ikke angivet en pris",
        "reservation_unpriceable": "Forbehold til {requirement} kan ikke prissættes: {why}",
        "reservation_fundamental": "Forbehold til {requirement} vedrører et grundlæggende "
        "element: {why}",
        "unanswered": "ikke besvaret",
        "missing_answer": "Kravet er ikke besvaret",
        "unknown_requirement": "Besvarelsen indeholder et krav-id, som ikke findes i udbuddet "
        "({location})",
        "duplicate_answer": "Kravet er besvaret {count} gange ({locations}); den mindst "
        "gunstige besvarelse er lagt til grund",
        "invalid_answer": "Ugyldig besvarelse '{answer}' ({location}); tilladt er "
        "Opfyldt, Delvist opfyldt eller Ikke opfyldt",
        "text_altered": "Kravteksten er ændret i besvarelsen: {change}",
        "kind_altered": "Kravtypen er ændret i besvarelsen fra '{expected}' til '{actual}'",
        "form_other_tender": "Besvarelsen hører til et andet udbud (udbuds-id {actual}, "
        "forventet {expected})",
        "form_older": "Besvarelsen er lavet på en anden version af tilbudslisten "
        "(fingeraftryk {actual}, forventet {expected})",
        "form_earlier_version": "Besvarelsen er lavet på version {version} af udbuddet, som "
        "siden er rettet (nu version {current}); ændret siden: {changes}. Det er ikke "
        "leverandørens ændring: besvarelsen kontrolleres mod den gældende version {current}, "
        "og svarene på de ændrede krav skal vurderes af en person",
        "changed_since_answered": "Kravet er ændret ved en rettelse efter version {version}, "
        "som besvarelsen er lavet på; svaret gælder den tidligere udgave af kravet (ikke en "
        "ændring fra leverandøren)",
        "changed_since_answered_mk": "Mindstekravet er ændret ved en rettelse efter version "
        "{version}, som besvarelsen er lavet på; besvarelsen bekræfter ikke den gældende udgave",
        "changed_since_removed": "Kravet er fjernet ved en rettelse efter version {version}, "
        "som besvarelsen er lavet på; svaret indgår ikke",
        "form_no_stamp": "Filen bærer ikke procures stempel, så det kan ikke bekræftes, "
        "hvilket udbud den besvarer; kontrollér det manuelt",
        "form_library": "Besvarelsen er lavet mod kravbibliotek {actual}, udbuddet bruger "
        "{expected}",
        "integration_missing": "Integrationen {name} er ikke dækket: {ids} er ikke besvaret "
        "'Opfyldt'",
        "vendor_price": " (leverandørens pris: {price} kr.)",
        "prices_not_in_file": "Filen indeholder ingen prisliste; en prisliste afleveret for sig "
        "læses af 'procure award --prices'",
        "integration_partly": "Integrationen {name} er delvist dækket: de prioriterede krav "
        "{ids} er besvaret under 'Opfyldt' (det indgår i evalueringen, ikke i "
        "konditionsmæssigheden)",
        "removed": "fjernet «{text}»",
        "added": "tilføjet «{text}»",
        "confirm": "Vurderingen er procures forslag: en person skal bekræfte den, før tilbuddet "
        "afvises eller kontrakten underskrives.",
        "empty": "tom",
        "status_open": "afventer kommunens prissætning",
        "status_priced": "prissat af kommunen: {price} kr.",
        "status_unpriceable": "kan ikke prissættes: tilbuddet afvises",
        "status_fundamental": "grundlæggende element: tilbuddet afvises",
        "no_vendor_price": "ingen",
    },
    "en": {
        "mandatory_failed": "Minimum requirement not met: answered '{answer}'{extra}",
        "mandatory_reservation": "Minimum requirement answered with a reservation: {reservation}",
        "mandatory_altered": "The minimum requirement's text was changed in the response "
        "(hidden reservation)",
        "mandatory_missing": "Minimum requirement not answered",
        "reservation": "Reservation ({answer}){price}: {reservation}",
        "reservation_met_with_text": "Answered 'Met' but with a reservation: {reservation}",
        "reservation_to_price": "The buyer must price the reservation without asking the "
        "bidder, or decide that it cannot be priced or touches a fundamental element (the bid "
        "is then rejected); {vendor_price}",
        "vendor_price_info": "the vendor's own price, for information: DKK {price}",
        "vendor_price_none": "the vendor states no price",
        "reservation_unpriceable": "The reservation on {requirement} cannot be priced: {why}",
        "reservation_fundamental": "The reservation on {requirement} touches a fundamental "
        "element: {why}",
        "unanswered": "not answered",
        "missing_answer": "The requirement is not answered",
        "unknown_requirement": "The response contains a requirement id that is not in the "
        "tender ({location})",
        "duplicate_answer": "The requirement is answered {count} times ({locations}); the "
        "least favourable answer is used",
        "invalid_answer": "Invalid answer '{answer}' ({location}); allowed are Met, Partly met "
        "or Not met",
        "text_altered": "The requirement text was changed in the response: {change}",
        "kind_altered": "The requirement type was changed in the response from '{expected}' "
        "to '{actual}'",
        "form_other_tender": "The response belongs to another tender (tender id {actual}, "
        "expected {expected})",
        "form_older": "The response was made on another version of the response form "
        "(fingerprint {actual}, expected {expected})",
        "form_earlier_version": "The response was made on version {version} of the tender, "
        "which has since been corrected (now version {current}); changed since: {changes}. "
        "This is not the vendor's alteration: the response is checked against the current "
        "version {current}, and the answers to the changed requirements must be assessed by "
        "a person",
        "changed_since_answered": "The requirement was changed by a correction after version "
        "{version}, which the response was made on; the answer is to the earlier wording (not "
        "a change by the vendor)",
        "changed_since_answered_mk": "The minimum requirement was changed by a correction after "
        "version {version}, which the response was made on; the response does not confirm the "
        "current wording",
        "changed_since_removed": "The requirement was removed by a correction after version "
        "{version}, which the response was made on; the answer is not used",
        "form_no_stamp": "The file carries no procure stamp, so which tender it answers "
        "cannot be confirmed; check it by hand",
        "form_library": "The response was made against library {actual}, the tender uses "
        "{expected}",
        "integration_missing": "The integration {name} is not covered: {ids} not answered 'Met'",
        "vendor_price": " (vendor's price: DKK {price})",
        "prices_not_in_file": "The file holds no price list; a price list handed in apart is "
        "read by 'procure award --prices'",
        "integration_partly": "The integration {name} is partly covered: the prioritised "
        "requirements {ids} are answered below 'Met' (this counts in the evaluation, not in "
        "compliance)",
        "removed": "removed «{text}»",
        "added": "added «{text}»",
        "confirm": "This assessment is procure's proposal: a person must confirm it before "
        "a bid is rejected or the contract is signed.",
        "empty": "empty",
        "status_open": "awaiting the buyer's price",
        "status_priced": "priced by the buyer: DKK {price}",
        "status_unpriceable": "cannot be priced: the bid is rejected",
        "status_fundamental": "fundamental element: the bid is rejected",
        "no_vendor_price": "none",
    },
}


def message(lang: str, key: str, **values) -> str:
    table = MESSAGES.get(lang, MESSAGES["da"])
    # A value that is a Message (a row position from a reader) is put into words in `lang`
    return table[key].format(**{name: in_words(value, lang) for name, value in values.items()})


def reservation_status(reservation, lang: str) -> str:
    """Where the buyer's decision on a reservation stands, in words."""
    if reservation.decision is None:
        return message(lang, "status_open")
    if reservation.decision == "priced":
        return message(lang, "status_priced", price=money(reservation.buyer_price, lang))
    return message(lang, f"status_{reservation.decision}")


def vendor_price(reservation, lang: str) -> str:
    """The vendor's own price for a reservation (information only), or "ingen"."""
    if reservation.price is None:
        return message(lang, "no_vendor_price")
    return (
        f"{money(reservation.price, lang)} kr."
        if lang == "da"
        else f"DKK {money(reservation.price, lang)}"
    )


def number(value, lang: str) -> str:
    """A score as people write it: Danish decimal comma, the published decimals kept."""
    return decimal_text(value, lang)


def money(value, lang: str) -> str:
    """An amount with thousands separators: 12.500,50 (da) or 12,500.50 (en); no ",00"."""
    return amount_text(value, lang)

"""Warnings for choices that make a tender hard to defend in a complaint.

A tender with these choices is still valid: the warnings never stop a build or a check, they
point the officer at a choice to reconsider or justify. Pure functions: a Tender and the
library release it is pinned to in, small frozen warnings out, with their text in Danish and
English (the CLI prints the Danish, the wizard the officer's language).

Ids the library does not know are skipped here; `resolve_tender` reports them as errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from procure.library.model import Library, Requirement, Text
from procure.tender.model import Tender

PK_WITHOUT_WEIGHT = "pk-without-weight"
MK_NOT_LIBRARY_KIND = "mk-not-library-kind"
MK_VAGUE_WORDING = "mk-vague-wording"
PK_TOTAL_WEIGHT_ZERO = "pk-total-weight-zero"
INTEGRATION_WITHOUT_REQUIREMENT = "integration-without-requirement"
# Facts the library marks as not verified: the bidders' documents leave them out, the officer
# is told here instead (issue 17 § 3).
INTEGRATION_SF_UNVERIFIED = "integration-sf-unverified"
INTEGRATION_UNVERIFIED_NOTE = "integration-unverified-note"
LIBRARY_FACT_CODES = (INTEGRATION_SF_UNVERIFIED, INTEGRATION_UNVERIFIED_NOTE)  # not a choice

# Words that cannot be verified with a yes or a no, so a mandatory requirement (MK) using them
# invites a complaint whichever way the buyer decides. Whole words only ("bør" but not "børn"),
# any case; inflected forms are listed because Danish adjectives take -t and -e.
VAGUE_WORDS = {
    "da": (
        "brugervenlig",
        "brugervenligt",
        "brugervenlige",
        "intuitiv",
        "intuitivt",
        "intuitive",
        "let at",
        "lette at",
        "nem",
        "nemt",
        "nemme",
        "hurtig",
        "hurtigt",
        "hurtige",
        "fleksibel",
        "fleksibelt",
        "fleksible",
        "moderne",
        "så vidt muligt",
        "tilstrækkelig",
        "tilstrækkeligt",
        "tilstrækkelige",
        "passende",
        "bør",
        "relevant",
        "relevante",
    ),
    "en": (
        "user-friendly",
        "intuitive",
        "intuitively",
        "easy",
        "easily",
        "fast",
        "quick",
        "quickly",
        "flexible",
        "modern",
        "as far as possible",
        "adequate",
        "adequately",
        "appropriate",
        "appropriately",
        "should",
        "relevant",
    ),
}


@dataclass(frozen=True)
class TenderWarning:
    """One choice to reconsider: what (code), about which requirement or integration, and why."""

    code: str
    subject: str  # requirement or integration id; "" when it concerns the whole tender
    title: Text  # the requirement's title or the integration's name ("" for the whole tender)
    message: Text
    guidance: Text = Text("", "")  # the library's guidance on the choice, when it has one

    def line(self, lang: str = "da") -> str:
        """One line as the CLI prints it: `[ID] message`."""
        prefix = f"[{self.subject}] " if self.subject else ""
        return prefix + self.message.get(lang)


def lint_tender(tender: Tender, library: Library) -> tuple[TenderWarning, ...]:
    """Every warning for the tender: per requirement in tender order, then the tender as a
    whole, then the chosen integrations, then what the library says it has not verified about
    the integrations the documents name."""
    found: list[TenderWarning] = []
    for selected in tender.requirements:
        requirement = library.requirements_by_id.get(selected.id)
        if requirement is None:
            continue
        kind = selected.kind or requirement.kind
        weight = selected.weight if selected.weight is not None else requirement.weight
        title = requirement.title
        text = requirement.title.get(tender.language) + "\n" + requirement.text.get(tender.language)
        found.extend(_requirement_warnings(selected.id, title, kind, weight, text, tender.language))
        if kind == "MK" and requirement.kind != "MK":
            found.append(_mk_not_library_kind(requirement))
    for custom in tender.custom_requirements:
        title = Text(custom.title, custom.title)
        text = custom.title + "\n" + custom.text
        found.extend(
            _requirement_warnings(
                custom.id, title, custom.kind, custom.weight, text, tender.language
            )
        )
    found.extend(_total_weight_warnings(tender, library))
    found.extend(_integration_warnings(tender, library))
    found.extend(_unverified_integration_facts(tender, library))
    return tuple(found)


def unverified_notes(description: str) -> tuple[str, ...]:
    """The sentences of a library description that say something is not verified ("Om SF2250
    stadig udbydes, er ikke verificeret; …", "(SF-nummeret er ikke verificeret; …)"): notes
    for the officer, not facts for bidders."""
    return tuple(s for s in _sentences(description) if _UNVERIFIED.search(s))


def published_description(description: str) -> str:
    """A library description as bidders may read it: without its unverified notes."""
    return " ".join(s for s in _sentences(description) if not _UNVERIFIED.search(s))


def states_no_sf_service(description: str) -> bool:
    """Whether the library's description says the integration has no SF service at all (so an
    empty list of SF numbers is a fact, not a gap)."""
    return bool(_NO_SF_SERVICE.search(description))


def vague_words(text: str, language: str) -> tuple[str, ...]:
    """The vague words in `text` (see VAGUE_WORDS), lower case, each once, in order of use."""
    seen: dict[str, None] = {}
    for match in _vague_pattern(language).finditer(text):
        seen.setdefault(" ".join(match.group(0).casefold().split()), None)
    return tuple(seen)


# -- Per requirement --------------------------------------------------------------------------


def _requirement_warnings(
    rid: str, title: Text, kind: str, weight: int | None, text: str, language: str
) -> list[TenderWarning]:
    found = []
    if kind == "PK" and not weight:
        found.append(
            TenderWarning(
                PK_WITHOUT_WEIGHT,
                rid,
                title,
                Text(
                    "prioriteret krav (PK) uden vægt (eller med vægt 0): det giver ingen point og "
                    "kan ikke begrunde tildelingen – giv det en vægt, eller gør det til K",
                    "prioritised requirement (PK) without a weight (or with weight 0): it scores "
                    "nothing and cannot justify the award – give it a weight or make it K",
                ),
            )
        )
    if kind == "MK":
        words = vague_words(text, language)
        if words:
            listed = ", ".join(f"»{w}«" for w in words)
            found.append(
                TenderWarning(
                    MK_VAGUE_WORDING,
                    rid,
                    title,
                    Text(
                        f"mindstekrav (MK) med upræcise ord ({listed}): et MK skal kunne afgøres "
                        "med ja eller nej – skriv, hvad der måles, eller gør det til PK",
                        f"mandatory requirement (MK) with vague wording ({listed}): an MK must be "
                        "decidable with a yes or a no – say what is measured, or make it PK",
                    ),
                )
            )
    return found


def _mk_not_library_kind(requirement: Requirement) -> TenderWarning:
    kind = requirement.kind
    return TenderWarning(
        MK_NOT_LIBRARY_KIND,
        requirement.id,
        requirement.title,
        Text(
            f"gjort til mindstekrav (MK), men biblioteket foreslår {kind}: et MK udelukker "
            "ethvert tilbud, der ikke opfylder det, og skal kunne begrundes – se bibliotekets "
            "vejledning",
            f"made a mandatory requirement (MK), but the library proposes {kind}: an MK excludes "
            "every bid that does not meet it and must be justified – see the library's guidance",
        ),
        requirement.guidance,
    )


# -- The tender as a whole --------------------------------------------------------------------


def _total_weight_warnings(tender: Tender, library: Library) -> list[TenderWarning]:
    weights = []
    for selected in tender.requirements:
        requirement = library.requirements_by_id.get(selected.id)
        if requirement is None or (selected.kind or requirement.kind) != "PK":
            continue
        weights.append(selected.weight if selected.weight is not None else requirement.weight)
    weights += [c.weight for c in tender.custom_requirements if c.kind == "PK"]
    if not weights or sum(w or 0 for w in weights):
        return []
    count = len(weights)
    return [
        TenderWarning(
            PK_TOTAL_WEIGHT_ZERO,
            "",
            Text("", ""),
            Text(
                f"udbuddet har {count} prioriterede krav (PK), men deres samlede vægt er 0, så "
                "kvaliteten kan ikke indgå i tildelingen",
                f"the tender has {count} prioritised requirements (PK), but their total weight "
                "is 0, so quality cannot count in the award",
            ),
        )
    ]


def _integration_warnings(tender: Tender, library: Library) -> list[TenderWarning]:
    """A chosen integration that no included requirement asks for: the annex names it, but the
    vendor is not bound to deliver it."""
    included = {
        integration_id
        for selected in tender.requirements
        if selected.id in library.requirements_by_id
        for integration_id in library.requirements_by_id[selected.id].integrations
    }
    found = []
    for integration_id in tender.integrations:
        integration = library.integrations_by_id.get(integration_id)
        if integration is None or integration_id in included:
            continue
        offered = [r.id for r in library.active_requirements if integration_id in r.integrations]
        if not offered:
            continue  # the library has nothing to include: only a local requirement can help
        examples = ", ".join(offered[:3]) + (" …" if len(offered) > 3 else "")
        found.append(
            TenderWarning(
                INTEGRATION_WITHOUT_REQUIREMENT,
                integration_id,
                integration.name,
                Text(
                    f"integrationen er valgt, men ingen af bibliotekets {len(offered)} krav til "
                    f"den er med, så leverandøren forpligtes ikke til den – medtag fx "
                    f"{examples}, eller skriv et lokalt krav",
                    f"the integration is chosen, but none of the library's {len(offered)} "
                    f"requirements on it is included, so the vendor is not bound to it – "
                    f"include e.g. {examples}, or write a local requirement",
                ),
            )
        )
    return found


def _unverified_integration_facts(tender: Tender, library: Library) -> list[TenderWarning]:
    """Every integration the annex lists (the chosen ones and what they depend on): an SF
    number the library has not verified, and each note in its description that something is
    not verified. The annex shows "–" and leaves the notes out; the officer checks them."""
    found = []
    for integration_id in library.integration_closure(tender.integrations):
        integration = library.integrations_by_id.get(integration_id)
        if integration is None:
            continue
        sf_unverified = not integration.sf_numbers and not (
            states_no_sf_service(integration.description.da)
            or states_no_sf_service(integration.description.en)
        )
        if sf_unverified:
            found.append(
                TenderWarning(
                    INTEGRATION_SF_UNVERIFIED,
                    integration_id,
                    integration.name,
                    Text(
                        "kravbiblioteket har intet verificeret SF-nummer for integrationen, så "
                        "bilaget viser »–« i kolonnen SF-numre – kontrollér nummeret i "
                        "Digitaliseringskataloget, og skriv det i et lokalt krav, hvis "
                        "leverandøren skal bruge en bestemt service",
                        "the requirement library has no verified SF number for the "
                        "integration, so the annex shows “–” in the SF numbers column – check "
                        "the number in Digitaliseringskataloget, and state it in a local "
                        "requirement if the vendor must use a given service",
                    ),
                )
            )
        notes = zip(
            unverified_notes(integration.description.da),
            unverified_notes(integration.description.en),
            strict=False,
        )
        for note_da, note_en in notes:
            if sf_unverified and _SF_NUMBER_NOTE.search(note_da + " " + note_en):
                continue  # the warning above says it
            found.append(
                TenderWarning(
                    INTEGRATION_UNVERIFIED_NOTE,
                    integration_id,
                    integration.name,
                    Text(
                        f"bibliotekets beskrivelse har en oplysning, der ikke er verificeret, og "
                        f"som derfor ikke står i bilaget: »{note_da}« – kontrollér den, hvis "
                        f"den har betydning for udbuddet",
                        f"the library's description has a statement that is not verified and "
                        f"is therefore left out of the annex: “{note_en}” – check it if it "
                        f"matters for the tender",
                    ),
                )
            )
    return found


_UNVERIFIED = re.compile(r"\b(?:ikke\s+verificeret|not\s+verified)\b", re.IGNORECASE)
_NO_SF_SERVICE = re.compile(r"\b(?:ingen\s+SF-service|no\s+SF\s+service)\b", re.IGNORECASE)
_SF_NUMBER_NOTE = re.compile(r"\bSF-nummer|\bSF\s+number", re.IGNORECASE)


def _sentences(text: str) -> list[str]:
    """Split prose into sentences: after ".", "!", "?" or ".)" outside parentheses, where the
    next word starts with a capital letter or "(" ("14. august" and "(xx.xx.xx)" stay whole).
    A parenthesis that is a sentence of its own stays one unit."""
    out: list[str] = []
    start = depth = 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        ends = char in ".!?" or (char == ")" and text[index - 1 : index] == ".")
        if depth or not ends:
            continue
        rest = text[index + 1 :]
        following = rest.lstrip()
        starts_sentence = rest[:1].isspace() and (following[:1].isupper() or following[:1] == "(")
        if not following or starts_sentence:
            out.append(text[start : index + 1].strip())
            start = index + 1
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


_PATTERNS: dict[str, re.Pattern[str]] = {}


def _vague_pattern(language: str) -> re.Pattern[str]:
    if language not in _PATTERNS:
        words = VAGUE_WORDS.get(language, VAGUE_WORDS["da"])
        # Longest first, so "let at" wins over a shorter word at the same place
        alternatives = [
            r"\s+".join(re.escape(part) for part in w.split())
            for w in sorted(words, key=len, reverse=True)
        ]
        _PATTERNS[language] = re.compile(
            r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE
        )
    return _PATTERNS[language]

"""Near-duplicate requirement texts: two active requirements that say nearly the same thing.

One obligation stated twice (with different kinds, or in other words) lands twice in a tender,
so it is asked for as MK and K at once or scored twice. This check finds pairs whose Danish
texts are nearly the same, by rapidfuzz's token-set ratio on normalised texts. It is a warning:
a fuzzy match cannot prove two texts state one obligation, and it cannot find a paraphrase.

Scale: comparing every pair of a 10,000-requirement library costs 50 million comparisons
(minutes). Instead, only pairs that share enough words can reach the threshold through the
token-set ratio's "shared words" scores, so candidates are found through an index of each
text's rarest words (prefix filtering, as in set-similarity joins) and only those are scored.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from procure.library.model import Requirement

# Token-set ratio (0-100) at or above which two texts are reported. Calibrated on release
# 1.0.0 (docs/library-format.md): the pairs the audit named as one obligation stated twice in
# nearly the same words scored 80-94; distinct requirements of the same integration mostly
# scored below 80.
NEAR_DUPLICATE_THRESHOLD = 80.0
# At most this many pairs are reported (a library of near-identical texts would otherwise
# print millions of lines); the search stops there and says so.
MAX_REPORTED_PAIRS = 200
# Share of the shorter text's words (weighted by length) two texts must share to be scored.
# The token-set ratio's two "shared words" scores reach 80 only when the shared words make up
# at least two thirds of one text; a half leaves room for the third score (the unshared words
# compared letter by letter) and for inflected forms, which the index folds to five letters.
CANDIDATE_OVERLAP = 0.5
_FOLD = 5

# Words that carry no obligation: the most common Danish function words and the words every
# requirement uses ("systemet skal", "leverandøren skal", "kommunens").
STOPWORDS = frozenset(
    """
    og i at der det den de en et til af på for med som er skal kan må ikke eller om fra ved hvis
    så når sin sit sine hver alle eventuelt fx mv herunder samt inden efter under uden over også
    andre anden andet have har være bliver blive denne dette disse deres dens dets
    kommunen kommunens systemet systemets leverandøren leverandørens
    """.split()
)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class NearDuplicate:
    """Two requirements whose texts are nearly the same, with the token-set ratio (0-100)."""

    first: str
    second: str
    score: float


@dataclass(frozen=True)
class NearDuplicateResult:
    pairs: tuple[NearDuplicate, ...]
    truncated: bool  # True when the search stopped at MAX_REPORTED_PAIRS


def normalised_text(text: str) -> str:
    """The words of `text` that carry meaning: case-folded, punctuation and stopwords removed."""
    return " ".join(w for w in _WORD.findall(text.casefold()) if w not in STOPWORDS)


def near_duplicates(
    requirements: Iterable[Requirement],
    threshold: float = NEAR_DUPLICATE_THRESHOLD,
    limit: int = MAX_REPORTED_PAIRS,
) -> NearDuplicateResult:
    """Pairs of active requirements whose Danish texts score `threshold` or more, best first.

    Deprecated requirements are left out: a retired requirement is meant to resemble the one
    that replaces it."""
    active = [r for r in requirements if r.active]
    texts = [normalised_text(r.text.da) for r in active]
    found: list[NearDuplicate] = []
    truncated = False
    for i, j in _candidate_pairs(texts):
        score = fuzz.token_set_ratio(texts[i], texts[j], score_cutoff=threshold)
        if score:
            found.append(NearDuplicate(active[i].id, active[j].id, round(score, 1)))
            if len(found) >= limit:
                truncated = True
                break
    found.sort(key=lambda p: (-p.score, p.first, p.second))
    return NearDuplicateResult(tuple(found), truncated)


def _candidate_pairs(texts: list[str]):
    """Index pairs (i < j) that share at least CANDIDATE_OVERLAP of the shorter text's words.

    Each text is indexed under its rarest words until the rest weighs less than the overlap
    share; a pair sharing that much must then share one of those words (prefix filtering).
    Words are weighted by length, as the token-set ratio compares letters."""
    bags: list[dict[str, int]] = []
    for text in texts:
        bag: dict[str, int] = {}
        for word in text.split():
            key = word[:_FOLD]
            bag[key] = max(bag.get(key, 0), len(word) + 1)
        bags.append(bag)
    frequency: dict[str, int] = defaultdict(int)
    for bag in bags:
        for key in bag:
            frequency[key] += 1
    postings: dict[str, list[int]] = defaultdict(list)
    for index, bag in enumerate(bags):
        for key in bag:
            postings[key].append(index)
    totals = [sum(bag.values()) for bag in bags]
    seen: set[tuple[int, int]] = set()
    for index, bag in enumerate(bags):
        if not bag:
            continue
        rest = totals[index]
        for key in sorted(bag, key=lambda k: (frequency[k], k)):
            if rest < CANDIDATE_OVERLAP * totals[index]:
                break
            rest -= bag[key]
            for other in postings[key]:
                if other == index:
                    continue
                pair = (index, other) if index < other else (other, index)
                if pair in seen:
                    continue
                seen.add(pair)
                if _overlap(bags[pair[0]], bags[pair[1]]) >= CANDIDATE_OVERLAP * min(
                    totals[pair[0]], totals[pair[1]]
                ):
                    yield pair


def _overlap(a: dict[str, int], b: dict[str, int]) -> int:
    if len(a) > len(b):
        a, b = b, a
    return sum(min(weight, b[key]) for key, weight in a.items() if key in b)

"""Near-duplicate requirement texts: two active requirements that say nearly the same thing.

One obligation stated twice (with different kinds, or in other words) lands twice in a tender,
so it is asked for as MK and K at once or scored twice. This check finds pairs whose Danish
texts are nearly the same, by rapidfuzz's token-set ratio on normalised texts. It is a warning:
a fuzzy match cannot prove two texts state one obligation, and it cannot find a paraphrase.

Scale: scoring every pair of a 10,000-requirement library is 50 million token-set ratios
(measured: over four minutes). Only pairs whose shared words make up at least half of the
shorter text are scored; their overlap is counted for all pairs at once with numpy over an
index of words, so pairs without a shared word cost nothing. On release 1.0.0 this finds
exactly the pairs that scoring every pair finds.
"""

from __future__ import annotations

import re
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
# at least two thirds of one text; a half leaves room for its third score (the unshared words
# compared letter by letter) and for inflected forms, whose endings the count folds away.
CANDIDATE_OVERLAP = 0.5

# Words that carry no obligation: the most common Danish function words and the words every
# requirement uses ("systemet skal", "leverandøren skal", "kommunens").
_STOPWORD_TEXT = """
og i at der det den de en et til af på for med som er skal kan må ikke eller om fra ved hvis så
når sin sit sine hver alle eventuelt fx mv herunder samt inden efter under uden over også andre
anden andet have har være bliver blive denne dette disse deres dens dets
kommunen kommunens systemet systemets leverandøren leverandørens
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
# Danish inflection endings folded away when looking for candidates ("sager", "sagen" -> "sag")
_ENDINGS = ("erne", "ene", "ens", "ets", "er", "en", "et", "ne", "e", "s")
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
            first, second = sorted((active[i].id, active[j].id))
            found.append(NearDuplicate(first, second, round(score, 1)))
            if len(found) >= limit:
                truncated = True
                break
    found.sort(key=lambda p: (-p.score, p.first, p.second))
    return NearDuplicateResult(tuple(found), truncated)


def _candidate_pairs(texts: list[str]):
    """Index pairs (i, j) whose shared words make up at least CANDIDATE_OVERLAP of the shorter
    text (words weighted by length, inflection endings folded away).

    The overlap of one text with every later text is one numpy bincount over the postings of
    its words, so the work is the number of (text, text) pairs that share a word, done in C;
    pairs that share nothing cost nothing. Texts are visited from the shortest, and each only
    meets longer ones, so every pair is counted once against its shorter text.

    Up to SMALL_LIBRARY texts the same pairs, in the same order, come from plain Python:
    importing numpy costs more than the shipped library's whole check."""
    keys: dict[str, int] = {}
    stems: dict[str, int] = {}  # word -> key of its stem (a library repeats its words)
    bags: list[dict[int, int]] = []
    for text in texts:
        bag: dict[int, int] = {}
        for word in text.split():
            key = stems.get(word)
            if key is None:
                key = stems[word] = keys.setdefault(_stem(word), len(keys))
            bag[key] = bag.get(key, 0) + len(word) + 1
        bags.append(bag)
    if len(bags) <= SMALL_LIBRARY:
        yield from _candidate_pairs_python(bags)
        return
    import numpy as np

    count = len(bags)
    sizes = np.asarray([len(bag) for bag in bags], dtype=np.int64)
    entry_key = np.fromiter((k for bag in bags for k in bag), np.int64, int(sizes.sum()))
    entry_weight = np.fromiter((w for bag in bags for w in bag.values()), np.int64, entry_key.size)
    entry_text = np.repeat(np.arange(count, dtype=np.int64), sizes)
    totals = np.bincount(entry_text, weights=entry_weight, minlength=count)
    # Rank: shortest text first (ties by index). Postings per word, in rank order, so the
    # texts ranked after a given one are the tail of each posting list.
    rank = np.empty(count, dtype=np.int64)
    rank[np.lexsort((np.arange(count), totals))] = np.arange(count)
    order = np.lexsort((rank[entry_text], entry_key))
    key_starts = np.searchsorted(entry_key[order], np.arange(len(keys) + 1))
    post_rank = rank[entry_text[order]]
    post_weight = entry_weight[order]
    by_rank = np.argsort(rank)
    for index in by_rank:
        bag = bags[index]
        mine = rank[index]
        hits, shared = [], []
        for key, weight in bag.items():
            lo, hi = key_starts[key], key_starts[key + 1]
            lo += np.searchsorted(post_rank[lo:hi], mine, side="right")
            hits.append(post_rank[lo:hi])
            shared.append(np.minimum(weight, post_weight[lo:hi]))
        if not hits:
            continue
        ranks = np.concatenate(hits)
        if not ranks.size:
            continue
        overlap = np.bincount(ranks - mine - 1, weights=np.concatenate(shared))
        for offset in np.flatnonzero(overlap >= CANDIDATE_OVERLAP * totals[index]):
            yield int(index), int(by_rank[mine + 1 + offset])


# Up to this many texts the candidate pairs are counted without numpy (see _candidate_pairs)
SMALL_LIBRARY = 400


def _candidate_pairs_python(bags: list[dict[int, int]]):
    """_candidate_pairs's pairs, in its order, counted with dicts (for a small library)."""
    totals = [sum(bag.values()) for bag in bags]
    by_rank = sorted(range(len(bags)), key=lambda i: (totals[i], i))
    postings: dict[int, list[tuple[int, int]]] = {}
    for mine, index in enumerate(by_rank):
        for key, weight in bags[index].items():
            postings.setdefault(key, []).append((mine, weight))
    for mine, index in enumerate(by_rank):
        overlap: dict[int, int] = {}
        for key, weight in bags[index].items():
            for rank, other in postings[key]:
                if rank > mine:
                    overlap[rank] = overlap.get(rank, 0) + min(weight, other)
        needed = CANDIDATE_OVERLAP * totals[index]
        for rank in sorted(overlap):
            if overlap[rank] >= needed:
                yield index, by_rank[rank]


def _stem(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word

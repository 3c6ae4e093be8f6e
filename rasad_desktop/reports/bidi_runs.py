"""UAX #9 explicit levels and isolating run sequences (rules P2–P3, X1–X10).

Text pasted from word processors and e-mail often carries embeddings (LRE … PDF),
overrides (RLO … PDF) or isolates (LRI … PDI) around a name or a number. These rules
give every character its explicit embedding level and cut the paragraph into the
isolating run sequences that the weak and neutral rules (``bidi.py``) then resolve
one at a time.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_DEPTH = 125
EMBEDDINGS = {"LRE", "RLE", "LRO", "RLO"}
INITIATORS = {"LRI", "RLI", "FSI"}
REMOVED_BY_X9 = EMBEDDINGS | {"PDF", "BN"}


@dataclass(frozen=True)
class Sequence:
    """One isolating run sequence: positions in the paragraph, in logical order."""

    positions: list[int]
    level: int
    sos: str  # "L" or "R"
    eos: str


def matching_pdis(types: list[str]) -> dict[int, int]:
    """BD9: isolate initiator position → its matching PDI position."""
    out: dict[int, int] = {}
    stack: list[int] = []
    for i, t in enumerate(types):
        if t in INITIATORS:
            stack.append(i)
        elif t == "PDI" and stack:
            out[stack.pop()] = i
        elif t == "B":
            stack.clear()
    return out


def first_strong(types: list[str], start: int, stop: int, pdis: dict[int, int]) -> str | None:
    """P2: the first L, R or AL in types[start:stop], skipping isolated text."""
    i = start
    while i < stop:
        t = types[i]
        if t in ("L", "R", "AL"):
            return t
        if t in INITIATORS:
            i = pdis.get(i, stop)  # an unmatched initiator isolates to the end
        i += 1
    return None


def explicit_levels(types: list[str], base_level: int) -> tuple[list[int], list[str]]:
    """X1–X8: the embedding level of every character and its type after overrides."""
    n = len(types)
    pdis = matching_pdis(types)
    levels = [base_level] * n
    out = list(types)
    # directional status stack: (level, override "L"/"R"/None, isolate)
    stack: list[tuple[int, str | None, bool]] = [(base_level, None, False)]
    overflow_isolates = overflow_embeddings = valid_isolates = 0

    def next_level(rtl: bool) -> int:
        cur = stack[-1][0]
        return cur + 1 + (cur % 2 == 1) if rtl else cur + 1 + (cur % 2 == 0)

    for i, t in enumerate(types):
        level, override, _ = stack[-1]
        if t in EMBEDDINGS:  # X2–X5
            new = next_level(t in ("RLE", "RLO"))
            if new <= MAX_DEPTH and overflow_isolates == 0 and overflow_embeddings == 0:
                stack.append((new, {"RLO": "R", "LRO": "L"}.get(t), False))
            elif overflow_isolates == 0:
                overflow_embeddings += 1
            levels[i] = level
        elif t in INITIATORS:  # X5a–X5c
            levels[i] = level
            if override:
                out[i] = override
            rtl = t == "RLI"
            if t == "FSI":
                rtl = first_strong(types, i + 1, pdis.get(i, n), pdis) in ("R", "AL")
            new = next_level(rtl)
            if new <= MAX_DEPTH and overflow_isolates == 0 and overflow_embeddings == 0:
                valid_isolates += 1
                stack.append((new, None, True))
            else:
                overflow_isolates += 1
        elif t == "PDI":  # X6a
            if overflow_isolates:
                overflow_isolates -= 1
            elif valid_isolates:
                overflow_embeddings = 0
                while not stack[-1][2]:
                    stack.pop()
                stack.pop()
                valid_isolates -= 1
            levels[i], override, _ = stack[-1]
            if override:
                out[i] = override
        elif t == "PDF":  # X7
            if overflow_isolates:
                pass
            elif overflow_embeddings:
                overflow_embeddings -= 1
            elif not stack[-1][2] and len(stack) > 1:
                stack.pop()
            levels[i] = level
        elif t == "B":  # X8
            levels[i] = base_level
        else:  # X6 (BN keeps its type: X9 removes it)
            levels[i] = level
            if override and t != "BN":
                out[i] = override
    return levels, out


def sequences(types: list[str], levels: list[int], base_level: int) -> list[Sequence]:
    """X10 / BD13: the isolating run sequences of the characters X9 keeps."""
    kept = [i for i, t in enumerate(types) if t not in REMOVED_BY_X9]
    pdis = matching_pdis(types)
    runs: list[list[int]] = []
    for i in kept:
        if runs and levels[runs[-1][-1]] == levels[i]:
            runs[-1].append(i)
        else:
            runs.append([i])
    run_starting_at = {run[0]: run for run in runs}
    matched = set(pdis.values())
    rank = {pos: k for k, pos in enumerate(kept)}

    out = []
    for run in runs:
        if run[0] in matched and types[run[0]] == "PDI":
            continue  # continues the sequence of its initiator
        positions = list(run)
        while types[positions[-1]] in INITIATORS and positions[-1] in pdis:
            nxt = run_starting_at.get(pdis[positions[-1]])
            if nxt is None:
                break
            positions.extend(nxt)
        level = levels[positions[0]]
        before = rank[positions[0]]
        prev_level = levels[kept[before - 1]] if before else base_level
        after = rank[positions[-1]] + 1
        last_open = types[positions[-1]] in INITIATORS
        next_level = levels[kept[after]] if after < len(kept) and not last_open else base_level
        out.append(Sequence(positions, level,
                            "R" if max(level, prev_level) % 2 else "L",
                            "R" if max(level, next_level) % 2 else "L"))
    return out

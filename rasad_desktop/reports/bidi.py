"""The Unicode Bidirectional Algorithm (UAX #9) for one line of text, as ReportLab needs it.

Why our own: python-bidi's Rust ``get_display`` orders correctly but does not mirror
brackets (``)ریال(``); its legacy Python algorithm mirrors but deletes ZWNJ and lacks the
bracket-pair rule N0, so «ABC (DEF) گزارش» comes out with split brackets. This module
implements the whole algorithm for one paragraph with its base direction given: explicit
embeddings, overrides and isolates (X1–X10, in ``bidi_runs.py``), W1–W7, N0–N2, I1–I2,
L1–L2 and L4, with BN characters (ZWNJ) kept beside their neighbour.
``tests/reports/test_bidi.py`` compares the result with GNU FriBidi.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from bidi.mirror import MIRRORED  # python-bidi's copy of BidiMirroring.txt

from rasad_desktop.reports.bidi_runs import INITIATORS, REMOVED_BY_X9, Sequence, explicit_levels, sequences

# Bidi_Paired_Bracket (BidiBrackets.txt): opening → closing
_PAIRS = {
    "(": ")", "[": "]", "{": "}", "\u0f3a": "\u0f3b", "\u0f3c": "\u0f3d", "\u169b": "\u169c",
    "\u2045": "\u2046", "\u207d": "\u207e", "\u208d": "\u208e", "\u2308": "\u2309", "\u230a": "\u230b",
    "\u2329": "\u232a", "\u2768": "\u2769", "\u276a": "\u276b", "\u276c": "\u276d", "\u276e": "\u276f",
    "\u2770": "\u2771", "\u2772": "\u2773", "\u2774": "\u2775", "\u27c5": "\u27c6", "\u27e6": "\u27e7",
    "\u27e8": "\u27e9", "\u27ea": "\u27eb", "\u27ec": "\u27ed", "\u27ee": "\u27ef", "\u2983": "\u2984",
    "\u2985": "\u2986", "\u2987": "\u2988", "\u2989": "\u298a", "\u298b": "\u298c", "\u298d": "\u2990",
    "\u298f": "\u298e", "\u2991": "\u2992", "\u2993": "\u2994", "\u2995": "\u2996", "\u2997": "\u2998",
    "\u29d8": "\u29d9", "\u29da": "\u29db", "\u29fc": "\u29fd", "\u2e22": "\u2e23", "\u2e24": "\u2e25",
    "\u2e26": "\u2e27", "\u2e28": "\u2e29", "\u3008": "\u3009", "\u300a": "\u300b", "\u300c": "\u300d",
    "\u300e": "\u300f", "\u3010": "\u3011", "\u3014": "\u3015", "\u3016": "\u3017", "\u3018": "\u3019",
    "\u301a": "\u301b", "\ufe59": "\ufe5a", "\ufe5b": "\ufe5c", "\ufe5d": "\ufe5e", "\uff08": "\uff09",
    "\uff3b": "\uff3d", "\uff5b": "\uff5d", "\uff5f": "\uff60", "\uff62": "\uff63",
}
_CLOSING = {c: o for o, c in _PAIRS.items()}
_CANONICAL = {"\u2329": "\u3008", "\u232a": "\u3009"}  # BD16: canonically equivalent brackets
_STRONG = {"L", "R", "AL"}
_ISOLATES = INITIATORS | {"PDI"}
_NEUTRAL = {"B", "S", "WS", "ON"} | _ISOLATES
_REMOVED = REMOVED_BY_X9 | _ISOLATES
# LRM, RLM, ALM, embeddings, overrides and isolates: they steer the order, then are not drawn
MARKS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@lru_cache(maxsize=4096)
def bidi_class(ch: str) -> str:
    return unicodedata.bidirectional(ch) or "L"


def levels(text: str, base_level: int = 1) -> list[int]:
    """The embedding levels of one line shown on its own (rules X1–I2, then L1)."""
    return line_levels(text, resolve(text, base_level), base_level)


def resolve(text: str, base_level: int = 1) -> list[int]:
    """The resolved embedding level of every character of a paragraph (rules X1–I2).
    Lines are then cut from the paragraph and laid out with ``reorder_line``."""
    n = len(text)
    original = [bidi_class(c) for c in text]
    out, types = explicit_levels(original, base_level)
    for seq in sequences(original, out, base_level):
        _resolve_sequence(text, seq, original, types, out)
    # removed characters (ZWNJ, embeddings …) sit at the level of the character before them
    first_kept = next((i for i in range(n) if original[i] not in REMOVED_BY_X9), None)
    for i in range(n):
        if original[i] in REMOVED_BY_X9:
            out[i] = out[i - 1] if i else (out[first_kept] if first_kept is not None else base_level)
    return out


def _resolve_sequence(text: str, seq: Sequence, original: list[str], all_types: list[str],
                      out: list[int]) -> None:
    """W1–W7, N0–N2 and I1–I2 on one isolating run sequence; writes its levels to ``out``."""
    keep = seq.positions
    types = [all_types[i] for i in keep]
    e_dir = "R" if seq.level % 2 else "L"
    sos, eos = seq.sos, seq.eos

    # W1: NSM takes the type of the character before it (ON after an isolate control)
    for k, t in enumerate(types):
        if t == "NSM":
            types[k] = ("ON" if original[keep[k - 1]] in _ISOLATES else types[k - 1]) if k else sos
    # W2: EN after AL is AN;  W3: AL is R
    last = sos
    for k, t in enumerate(types):
        if t in _STRONG:
            last = t
        elif t == "EN" and last == "AL":
            types[k] = "AN"
    types = ["R" if t == "AL" else t for t in types]
    # W4: one separator between two numbers of the same kind joins them
    for k in range(1, len(types) - 1):
        t, a, b = types[k], types[k - 1], types[k + 1]
        if t == "ES" and a == b == "EN":
            types[k] = "EN"
        elif t == "CS" and a == b and a in ("EN", "AN"):
            types[k] = a
    # W5: terminators next to a European number become EN
    k = 0
    while k < len(types):
        if types[k] == "ET":
            j = k
            while j < len(types) and types[j] == "ET":
                j += 1
            if (k > 0 and types[k - 1] == "EN") or (j < len(types) and types[j] == "EN"):
                types[k:j] = ["EN"] * (j - k)
            k = j
        else:
            k += 1
    # W6: other separators and terminators are neutral
    types = ["ON" if t in ("ES", "ET", "CS") else t for t in types]
    # W7: EN after L (or an L start) is L
    last = sos
    for k, t in enumerate(types):
        if t in ("L", "R"):
            last = t
        elif t == "EN" and last == "L":
            types[k] = "L"

    _bracket_pairs(text, keep, original, types, e_dir, sos)

    # N1/N2: neutrals between two strong runs of one direction take it; others e
    def strong(t: str) -> str | None:
        return "R" if t in ("R", "EN", "AN") else ("L" if t == "L" else None)

    k = 0
    while k < len(types):
        if types[k] in _NEUTRAL:
            j = k
            while j < len(types) and types[j] in _NEUTRAL:
                j += 1
            before = strong(types[k - 1]) if k else sos
            after = strong(types[j]) if j < len(types) else eos
            fill = before if before is not None and before == after else e_dir  # a run's neighbours are strong
            types[k:j] = [fill] * (j - k)
            k = j
        else:
            k += 1

    # I1/I2
    for pos, t in zip(keep, types):
        level = seq.level
        if level % 2 == 0:
            out[pos] = level + (1 if t == "R" else 2 if t in ("AN", "EN") else 0)
        else:
            out[pos] = level + (1 if t in ("L", "EN", "AN") else 0)


def line_levels(line: str, resolved: list[int], base_level: int = 1) -> list[int]:
    """L1: segment separators and white space at the end of the line go back to the
    paragraph level."""
    out = list(resolved)
    trailing = True
    for i in range(len(line) - 1, -1, -1):
        t = bidi_class(line[i])
        if t in ("S", "B"):
            out[i] = base_level
            trailing = True
        elif trailing and (t == "WS" or t in _REMOVED):
            out[i] = base_level
        else:
            trailing = False
    return out


def _bracket_pairs(text: str, keep: list[int], original: list[str], types: list[str],
                   e_dir: str, sos: str) -> None:
    """N0: a bracket pair takes the direction of the strong text inside it (BD16)."""
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for k, pos in enumerate(keep):
        ch = _CANONICAL.get(text[pos], text[pos])
        if types[k] != "ON":
            continue
        if ch in _PAIRS:
            if len(stack) == 63:
                break
            stack.append((_CANONICAL.get(_PAIRS[ch], _PAIRS[ch]), k))
        elif ch in _CLOSING:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == ch:
                    pairs.append((stack[depth][1], k))
                    del stack[depth:]
                    break
    pairs.sort()

    def direction(t: str) -> str | None:
        return "R" if t in ("R", "EN", "AN") else ("L" if t == "L" else None)

    for open_k, close_k in pairs:
        inside = {direction(t) for t in types[open_k + 1 : close_k]} - {None}
        if not inside:
            continue
        if e_dir in inside:
            new = e_dir
        else:
            opposite = inside.pop()
            before = sos
            for t in reversed(types[:open_k]):
                d = direction(t)
                if d:
                    before = d
                    break
            new = opposite if before == opposite else e_dir
        for k in (open_k, close_k):
            types[k] = new
            # NSMs that followed the bracket follow its new direction
            j = k + 1
            while j < len(types) and original[keep[j]] == "NSM":
                types[j] = new
                j += 1


def reorder(text: str, base_level: int = 1) -> str:
    """Visual (left-to-right drawing) order of a line shown on its own."""
    return reorder_line(text, resolve(text, base_level), base_level)


def reorder_line(line: str, resolved: list[int], base_level: int = 1) -> str:
    """Visual order of one line whose levels were resolved with its paragraph: L1, L2
    reversal, L4 mirroring; LRM/RLM/ALM are dropped once they have done their work.

    L3 is deliberately not applied: a combining mark stays before its base in drawing
    order, because right-to-left fonts such as Vazirmatn draw a zero-width mark to the
    right of the pen, over the letter that follows it on the page."""
    if not line:
        return line
    lv = line_levels(line, resolved, base_level)
    idx = list(range(len(line)))
    top = max(lv)
    lowest_odd = min((x for x in lv if x % 2), default=top + 1)
    for level in range(top, lowest_odd - 1, -1):
        i = 0
        while i < len(idx):
            if lv[idx[i]] >= level:
                j = i
                while j < len(idx) and lv[idx[j]] >= level:
                    j += 1
                idx[i:j] = idx[i:j][::-1]
                i = j
            else:
                i += 1
    out = (MIRRORED.get(line[i], line[i]) if lv[i] % 2 else line[i] for i in idx)
    return "".join(c for c in out if c not in MARKS)

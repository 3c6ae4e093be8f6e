"""Where pasted cells go in a grid of lines: by line code when the clipboard holds a code
column (on either side: a right-to-left sheet copies its first column on the right), by
position only for a single column. What has no place is returned, for the user to see
and decide on: nothing is dropped or shifted silently."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rasad_desktop.core.amounts import AmountError, parse_amount
from rasad_desktop.core.digits import to_latin_digits

_CODE = re.compile(r"[1-9][0-9]{5}")


@dataclass
class PastePlan:
    """``cells``: row → the text to put there. The rest is what the user must hear of."""

    cells: dict[int, str] = field(default_factory=dict)
    by_code: bool = False
    beyond: list[str] = field(default_factory=list)  # values past the last row (pasted by position)
    unknown: list[tuple[str, str]] = field(default_factory=list)  # (code, value): no such line here
    repeated: list[str] = field(default_factory=list)  # codes given twice, or lines a code names twice
    problem: str = ""  # why nothing can be pasted ("columns" when the columns are unclear)

    @property
    def needs_asking(self) -> bool:
        return bool(self.beyond or self.unknown or self.repeated)


def table_of(text: str) -> list[list[str]]:
    """Excel's clipboard text as rows of cells; trailing empty rows dropped."""
    rows = [line.split("\t") for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while rows and not any(c.strip() for c in rows[-1]):
        rows.pop()
    return rows


def _code(cell: str) -> str | None:
    s = to_latin_digits(cell).strip()
    return s if _CODE.fullmatch(s) else None


def _amount(cell: str) -> bool:
    try:
        parse_amount(cell)
    except AmountError:
        return False
    return True


def plan(text: str, codes: Sequence[str], start: int) -> PastePlan:
    """Place ``text`` (the clipboard) in a grid whose rows hold ``codes``, the current row
    being ``start``."""
    table = table_of(text)
    width = max((len(r) for r in table), default=0)
    if width <= 1:
        values = [r[0] if r else "" for r in table]
        room = len(codes) - start
        result = PastePlan(cells={start + i: v for i, v in enumerate(values[:room])})
        result.beyond = values[room:]
        return result
    return _by_code(table, width, codes)


def _by_code(table: list[list[str]], width: int, codes: Sequence[str]) -> PastePlan:
    grid = [r + [""] * (width - len(r)) for r in table]
    if grid and not any(_code(c) or _amount(c) for c in grid[0] if c.strip()):
        grid = grid[1:]  # a heading row copied with the figures
    filled = [[c for c in (row[i] for row in grid) if c.strip()] for i in range(width)]
    code_columns = [i for i in range(width) if filled[i] and all(_code(c) for c in filled[i])]
    if len(code_columns) > 1:  # six-digit amounts look like codes: the codes are the grid's
        known = set(codes)
        code_columns = [i for i in code_columns if sum(_code(c) in known for c in filled[i]) * 2 > len(filled[i])]
    amount_columns = [i for i in range(width) if i not in code_columns and filled[i]
                      and all(_amount(c) for c in filled[i])]
    if len(code_columns) != 1 or len(amount_columns) != 1:
        return PastePlan(problem="columns")
    key, value = code_columns[0], amount_columns[0]
    rows: dict[str, list[int]] = {}
    for i, c in enumerate(codes):
        rows.setdefault(c, []).append(i)
    result = PastePlan(by_code=True)
    seen: set[str] = set()
    for row in grid:
        code = _code(row[key])
        if code is None:
            if row[value].strip():
                result.unknown.append((row[key], row[value]))
            continue
        if code in seen or len(rows.get(code, [])) > 1:
            result.repeated.append(code)
            continue
        seen.add(code)
        if code not in rows:
            result.unknown.append((code, row[value]))
            continue
        result.cells[rows[code][0]] = row[value]
    for code in result.repeated:  # a code given twice: neither value is taken
        for i in rows.get(code, []):
            result.cells.pop(i, None)
    return result

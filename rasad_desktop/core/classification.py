"""Economic classification codes (Table 5) and the roll-ups built on them.

Six digits in four levels: part (digit 1), section (digit 2), band (digits 3–4) and
row (digits 5–6). 110104 is a row of band 110100, section 110000, part 100000.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rasad_desktop.core.digits import localize_digits, to_latin_digits
from rasad_desktop.core.errors import RasadError
from rasad_desktop.core.figures import Figures


class CodeError(RasadError):
    pass


class Level(enum.IntEnum):
    PART = 1  # قسمت
    SECTION = 2  # بخش
    BAND = 3  # بند
    ROW = 4  # ردیف

    def label(self, language: str = "fa") -> str:
        fa = {1: "قسمت", 2: "بخش", 3: "بند", 4: "ردیف"}
        en = {1: "Part", 2: "Section", 3: "Band", 4: "Line"}
        return (en if language == "en" else fa)[self.value]


def normalize_code(text: object) -> str:
    """Six Latin digits, or a CodeError in Persian."""
    try:
        shown = str(text)
    except ValueError:  # an integer too long to be written out (Python's 4300-digit limit)
        shown = "…"
    s = to_latin_digits(shown).strip()
    if not re.fullmatch(r"[1-9][0-9]{5}", s):
        raise CodeError(
            f"کد طبقه‌بندی «{localize_digits(shown)}» معتبر نیست؛ کد شش رقمی است، مانند ۱۱۰۱۰۴.",
            f"Classification code '{shown}' is not valid; a code has six digits, like 110104.",
            code="classification_code",
        )
    return s


def level_of(code: str) -> Level:
    code = normalize_code(code)
    if code[1:] == "00000":
        return Level.PART
    if code[2:] == "0000":
        return Level.SECTION
    if code[4:] == "00":
        return Level.BAND
    return Level.ROW


def ancestor(code: str, level: Level) -> str:
    """The code of the group at ``level`` that contains ``code``."""
    code = normalize_code(code)
    if level_of(code) < level:
        raise ValueError(f"{code} is above level {level.name}")
    keep = {Level.PART: 1, Level.SECTION: 2, Level.BAND: 4, Level.ROW: 6}[level]
    return code[:keep] + "0" * (6 - keep)


def parent(code: str) -> str | None:
    lvl = level_of(code)
    return None if lvl == Level.PART else ancestor(code, Level(lvl - 1))


def rollup(figures_by_code: Mapping[str, Figures], level: Level) -> dict[str, Figures]:
    """Sum line figures into the groups of ``level`` (row → band → section → part)."""
    out: dict[str, Figures] = {}
    for code, f in figures_by_code.items():
        key = ancestor(code, level)
        out[key] = out.get(key, Figures()) + f
    return dict(sorted(out.items()))


class RowKind(enum.Enum):
    SECTION = "section"
    PART_TOTAL = "part_total"
    GENERAL_TOTAL = "general_total"
    EARMARKED_TOTAL = "earmarked_total"
    GRAND_TOTAL = "grand_total"


@dataclass(frozen=True)
class ClassificationRow:
    code: str | None
    kind: RowKind
    figures: Figures


def classification_table(
    figures_by_code: Mapping[str, Figures], earmarked: Iterable[str] = ()
) -> list[ClassificationRow]:
    """Report 2: each section (110000 … 160000, 210000, 310000 …) under its part, a
    total per part, the total of general resources, then earmarked lines apart and the
    grand total (which equals the province total of the by-agency table)."""
    earmarked = set(earmarked)
    general = {c: f for c, f in figures_by_code.items() if c not in earmarked}
    special = [f for c, f in figures_by_code.items() if c in earmarked]
    sections = rollup(general, Level.SECTION)
    parts = rollup(general, Level.PART)
    rows: list[ClassificationRow] = []
    for part_code, part_figures in parts.items():
        mine = [c for c in sections if c[0] == part_code[0]]
        rows += [ClassificationRow(c, RowKind.SECTION, sections[c]) for c in mine]
        if part_code == "100000" or len(mine) > 1:
            rows.append(ClassificationRow(part_code, RowKind.PART_TOTAL, part_figures))
    general_total = sum(parts.values(), Figures())
    rows.append(ClassificationRow(None, RowKind.GENERAL_TOTAL, general_total))
    if special:
        earmarked_total = sum(special, Figures())
        rows.append(ClassificationRow(None, RowKind.EARMARKED_TOTAL, earmarked_total))
        rows.append(ClassificationRow(None, RowKind.GRAND_TOTAL, general_total + earmarked_total))
    return rows

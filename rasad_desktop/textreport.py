"""Plain-text tables for the terminal (``rasad-desktop summary``).

Lines are written in logical order, first column first: a terminal with bidi support
(and any Persian reader of the text) sees the first column on the right. Columns are
padded by display width, so zero-width characters (ZWNJ, harakat) do not break the
alignment.
"""

from __future__ import annotations

from collections.abc import Sequence

from rasad_desktop.core.amounts import Unit, format_amount, format_ratio
from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.tables import RankedTable, Row
from rasad_desktop.core.text import display_width

RLM = "\u200f"


def _pad(text: str, width: int, numeric: bool) -> str:
    gap = " " * (width - display_width(text))
    # numbers line up on their last digit; text starts at the column's start
    return gap + text if numeric else text + gap


def render(headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[bool],
           *, rtl_mark: bool = False) -> str:
    widths = [max(display_width(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    sep = " │ "
    lines = [sep.join(_pad(h, w, False) for h, w in zip(headers, widths))]
    lines.append("─┼─".join("─" * w for w in widths))
    for r in rows:
        lines.append(sep.join(_pad(c, w, n) for c, w, n in zip(r, widths, numeric)))
    prefix = RLM if rtl_mark else ""
    return "\n".join(prefix + line.rstrip() for line in lines)


AGENCY_HEADERS = {
    "fa": ("رتبه", "کد", "دستگاه اجرایی", "مصوب", "سهم دوره", "وصولی", "درصد تحقق سهم دوره",
           "درصد تحقق سالانه", "وصولی مدت مشابه سال قبل", "درصد رشد", "سهم از کل", "وضعیت"),
    "en": ("Rank", "Code", "Agency", "Approved", "Period share", "Collected", "% of share",
           "% of annual", "Same period last year", "Growth %", "Share of total", "Status"),
}


def agency_rows(table: RankedTable, unit: Unit, digits: str, language: str) -> list[list[str]]:
    def cells(r: Row, is_total: bool) -> list[str]:
        m, f = r.metrics, r.figures
        rank = "" if is_total or r.rank is None else localize_digits(str(r.rank), digits)
        return [
            rank,
            localize_digits(r.key, digits),
            r.title,
            format_amount(f.annual, unit, digits=digits),
            format_amount(f.share, unit, digits=digits),
            format_amount(f.collected, unit, digits=digits),
            format_ratio(m.pct_share, digits=digits),
            format_ratio(m.pct_annual, digits=digits),
            format_amount(f.collected_last, unit, digits=digits),
            format_ratio(m.growth, digits=digits),
            format_ratio(m.share_of_total, digits=digits),
            "" if is_total else m.status.label(language),
        ]

    return [cells(r, False) for r in table.rows] + [cells(table.total, True)]


def render_agency_table(table: RankedTable, unit: Unit, *, digits: str = "fa", language: str = "fa",
                        rtl_mark: bool = False) -> str:
    headers = list(AGENCY_HEADERS["en" if language == "en" else "fa"])
    numeric = [True, True, False, True, True, True, True, True, True, True, True, False]
    return render(headers, agency_rows(table, unit, digits, language), numeric, rtl_mark=rtl_mark)

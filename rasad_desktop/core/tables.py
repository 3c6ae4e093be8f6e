"""Ranked tables of realization rows with a total (report 1 and its relatives)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rasad_desktop.core.figures import Figures, total
from rasad_desktop.core.metrics import (
    Metrics,
    RankKey,
    Thresholds,
    by_pct_share,
    competition_ranks,
    compute,
)


@dataclass(frozen=True)
class Row:
    key: str  # agency code, classification code, …
    title: str
    figures: Figures
    metrics: Metrics
    rank: int | None = None


@dataclass(frozen=True)
class RankedTable:
    through_month: int
    rows: list[Row]  # best first; unranked rows (no target) last, by collected amount
    total: Row


def ranked_table(
    entries: Iterable[tuple[str, str, Figures]],
    through_month: int,
    *,
    thresholds: Thresholds | None = None,
    rank_key: RankKey = by_pct_share,
    total_title: str = "جمع کل",
) -> RankedTable:
    """Rank entries (key, title, figures) and add the total row.

    Each row's share of total is its collection over the rows' total collection.
    """
    entries = list(entries)
    grand = total(f for _, _, f in entries)
    rows = [
        Row(key, title, f, compute(f, through_month, grand.collected, thresholds))
        for key, title, f in entries
    ]
    ranks = competition_ranks([rank_key(r.figures, r.metrics) for r in rows])
    rows = [Row(r.key, r.title, r.figures, r.metrics, rank) for r, rank in zip(rows, ranks)]
    rows.sort(key=lambda r: (r.rank is None, r.rank or 0, -r.figures.collected, r.key))
    total_row = Row("", total_title, grand, compute(grand, through_month, grand.collected, thresholds))
    return RankedTable(through_month, rows, total_row)

"""The SQL aggregations against figures computed by hand (see conftest.tiny)."""

from __future__ import annotations

from fractions import Fraction

from rasad_desktop.core.classification import RowKind
from rasad_desktop.core.figures import Figures
from rasad_desktop.core.metrics import Status
from rasad_desktop.services import queries, read_models


def test_figures_by_agency_through_month_6(session, tiny):
    by_agency = queries.figures(session, 1404, 6, "agency")
    a1, a2, a3 = (by_agency[tiny.agency_ids[c]] for c in "123")
    # A1: 110104 1.2M + 210101 1.0M approved (revised to 1.2M); shares 600k + 600k;
    # collected 6 × 100k (month 7 excluded) + 150k; last year 1.0M, 500k, 6 × 75k
    assert a1 == Figures(approved=2_200_000, annual=2_400_000, share=1_200_000, collected=750_000,
                         annual_last=1_000_000, share_last=500_000, collected_last=450_000)
    # A2: schedule 10k+20k+30k+40k+50k+50k = 200k; last year 480k × 6/12 = 240k
    assert a2 == Figures(approved=600_000, annual=600_000, share=200_000, collected=150_000,
                         annual_last=480_000, share_last=240_000, collected_last=120_000)
    assert a3 == Figures(collected=30_000)


def test_month_seven_is_included_through_month_seven(session, tiny):
    a1 = queries.figures(session, 1404, 7, "agency")[tiny.agency_ids["1"]]
    # shares: 1.2M × 7/12 = 700k twice; collected 7 × 100k + 150k
    assert (a1.share, a1.collected) == (1_400_000, 850_000)


def test_agency_table_ranks_and_totals(session, tiny):
    table = read_models.agency_table(session, 1404, 6)
    assert [r.key for r in table.rows] == ["2", "1", "3"]  # 75 % before 62.5 %, then no target
    assert [r.rank for r in table.rows] == [1, 2, None]
    a2, a1, a3 = table.rows
    assert a1.metrics.pct_share == Fraction(5, 8)
    assert a1.metrics.pct_annual == Fraction(750, 2400)
    assert a1.metrics.growth == Fraction(750, 450) - 1
    assert a1.metrics.change_pp_share == (Fraction(5, 8) - Fraction(9, 10)) * 100  # −27.5 points
    assert a1.metrics.share_of_total == Fraction(750, 930)
    assert a2.metrics.pct_share == Fraction(3, 4) and a2.metrics.status is Status.LAGGING
    assert a3.metrics.pct_share is None and a3.metrics.status is Status.NONE
    assert table.total.figures.collected == 930_000
    assert table.total.figures.share == 1_400_000
    assert sum((r.metrics.share_of_total for r in table.rows), Fraction(0)) == 1


def test_classification_rows_keep_earmarked_apart(session, tiny):
    rows = queries.classification_rows(session, 1404, 6)
    got = [(r.code, r.kind, r.figures.collected) for r in rows]
    assert got == [
        ("110000", RowKind.SECTION, 630_000),  # A1 600k + A3 30k
        ("100000", RowKind.PART_TOTAL, 630_000),  # 140101 is earmarked: not here
        ("210000", RowKind.SECTION, 150_000),
        (None, RowKind.GENERAL_TOTAL, 780_000),
        (None, RowKind.EARMARKED_TOTAL, 150_000),
        (None, RowKind.GRAND_TOTAL, 930_000),
    ]
    general = rows[3].figures
    assert (general.approved, general.annual, general.share) == (2_200_000, 2_400_000, 1_200_000)


def test_line_figures_of_one_agency_match_last_year_by_code(session, tiny):
    lines = queries.figures(session, 1404, 6, "line", agency_id=tiny.agency_ids["1"])
    assert set(lines) == {"110104", "210101"}
    assert lines["110104"].collected_last == 450_000
    assert lines["210101"].collected_last == 0 and lines["210101"].annual == 1_200_000


def test_collected_without_approval(session, tiny):
    assert queries.collected_without_approval(session, 1404, 6) == [(tiny.agency_ids["3"], "110104", 30_000)]
    assert queries.collected_without_approval(session, 1404, 3) == []  # collected in month 4


def test_monthly_series(session, tiny):
    months = queries.monthly_collected(session, 1404)
    assert months[:7] == [100_000, 150_000, 250_000, 130_000, 200_000, 100_000, 100_000]
    assert months[7:] == [0] * 5
    assert queries.monthly_collected(session, 1404, agency_id=tiny.agency_ids["2"])[1] == 50_000


def test_missing_year_gives_empty_figures(session, tiny):
    assert queries.figures(session, 1390, 6, "agency") == {}
    # a year without a previous one still works: 1403 has no 1402
    f = queries.figures(session, 1403, 12, "agency")[tiny.agency_ids["1"]]
    assert f.collected_last == 0 and f.collected == 450_000 and f.share == 1_000_000


def test_amounts_beyond_double_precision_are_exact(session, admin, tiny):
    from rasad_desktop.services import budget
    from rasad_desktop.services.collections import Entry, save_month

    big = 2**53 + 1  # a float would round this to 2**53
    budget.set_approved(session, admin, 1404, "3", "110104", big)
    save_month(session, admin, 1404, 8, "3", [Entry("110104", big)])
    f = queries.figures(session, 1404, 12, "agency")[tiny.agency_ids["3"]]
    assert f.annual == big and f.collected == big + 30_000 and f.share == big

"""The demo province: realistic size, seasonality and the promised anomalies."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from rasad_desktop.core.metrics import Status
from rasad_desktop.db.models import Agency, Assignment, Collection
from rasad_desktop.services import demo_data, queries, read_models
from rasad_desktop.services.demo import default_demo_year, load_demo
from rasad_desktop.services.errors import Conflict


@pytest.fixture
def loaded(session, admin):  # type: ignore[no-untyped-def]
    return load_demo(session, admin, 1404, 8)


def test_size_and_years(session, loaded):
    assert loaded.years == (1403, 1404) and loaded.months == (12, 8)
    assert 35 <= loaded.agencies <= 45
    assert session.scalar(select(func.count()).select_from(Agency)) == loaded.agencies
    assert session.scalar(select(func.count()).select_from(Collection)) == loaded.collections
    assert session.scalar(select(func.max(Collection.month)).where(Collection.fiscal_year_id == 2)) == 8
    codes = {c for c, _, _ in demo_data.LINES}
    for real in ("110104", "110504", "130421", "160185", "210101", "310502"):
        assert real in codes


def test_anomalies(session, loaded):
    table = read_models.agency_table(session, 1404, 6)
    by_code = {r.key: r for r in table.rows}
    assert by_code[demo_data.FAR_BEHIND].metrics.pct_share * 100 < 50
    assert by_code[demo_data.FAR_BEHIND].metrics.status is Status.LAGGING
    assert by_code[demo_data.FAR_AHEAD].metrics.pct_share * 100 > 130
    assert by_code[demo_data.FAR_AHEAD].metrics.status is Status.GOOD
    unapproved = queries.collected_without_approval(session, 1404, 12)
    agencies = queries.agencies(session)
    assert any(agencies[a].code == demo_data.UNAPPROVED[0] and c == demo_data.UNAPPROVED[1]
               for a, c, _ in unapproved)
    lines = queries.figures(session, 1404, 8, "agency_line")
    nothing = [f for (a, c), f in lines.items()
               if agencies[a].code == demo_data.NOTHING_COLLECTED[0] and c == demo_data.NOTHING_COLLECTED[1]]
    assert nothing and nothing[0].collected == 0 and nothing[0].annual > 0
    revised = session.scalar(select(Assignment.revised).where(Assignment.revised.is_not(None)))
    assert revised == demo_data.REVISED[2]


def test_seasonality_peaks_at_year_end(session, loaded):
    months = queries.monthly_collected(session, 1403)
    assert months[11] == max(months) and months[0] == min(months)


def test_demo_is_reproducible_and_refuses_to_load_twice(session, admin, loaded, database):
    first = queries.monthly_collected(session, 1404)
    with pytest.raises(Conflict):
        load_demo(session, admin, 1404, 8)
    assert queries.monthly_collected(session, 1404) == first


def test_default_demo_year():
    assert default_demo_year(dt.date(2026, 11, 25)) == (1405, 8)  # 1405/09/04
    assert default_demo_year(dt.date(2026, 3, 25)) == (1405, 1)  # Farvardin: at least one month

"""What the exchange tests read back: a year's collected amounts by agency, line and month."""

from __future__ import annotations

from sqlalchemy import select

from rasad_desktop.db.models import Collection


def amounts(session, year: int = 1404) -> dict[tuple[str, str, int], int]:
    from rasad_desktop.db.models import Agency, ClassificationNode, FiscalYear

    q = (select(Agency.code, ClassificationNode.code, Collection.month, Collection.amount)
         .join(Agency, Agency.id == Collection.agency_id)
         .join(ClassificationNode, ClassificationNode.id == Collection.line_id)
         .join(FiscalYear, FiscalYear.id == Collection.fiscal_year_id).where(FiscalYear.year == year))
    return {(a, line, m): amount for a, line, m, amount in session.execute(q)}

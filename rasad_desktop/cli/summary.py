"""``rasad-desktop summary``: the by-agency realization table, printed in Persian."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from rasad_desktop.core.amounts import Unit
from rasad_desktop.core.jalali import Period

if TYPE_CHECKING:
    from rasad_desktop.cli.context import Context


def cmd_summary(ctx: Context, args: argparse.Namespace) -> int:
    from rasad_desktop.services.budget import find_year
    from rasad_desktop.services.read_models import agency_table
    from rasad_desktop.textreport import render_agency_table

    period = Period(args.year, args.through_month)  # validates, with a Persian message
    unit = Unit.from_key(args.unit or ctx.settings.get("default_unit"))
    digits = args.digits or ("latin" if ctx.lang == "en" else "fa")
    db = ctx.open_db()
    with db.session() as session:
        find_year(session, period.year)
        table = agency_table(session, period.year, period.through_month,  # the office's status bands
                             total_title=ctx.t("جمع کل", "Total"))
    if not table.rows:
        print(ctx.t("برای این سال هیچ مصوب یا وصولی ثبت نشده است.",
                    "No approved amounts or collections are recorded for this year."))
        return 0
    print(ctx.t("گزارش رصد منابع — عملکرد دستگاه‌های اجرایی", "Resource monitoring — agencies' performance"))
    print(period.label(ctx.lang))
    print(ctx.t(f"ارقام: {unit.label('fa')}", f"Amounts in {unit.label('en')}"))
    print()
    print(render_agency_table(table, unit, digits=digits, language=ctx.lang))
    return 0

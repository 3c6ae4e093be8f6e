"""``rasad-desktop demo``: load the demo province (two fiscal years)."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rasad_desktop.cli.context import Context


def cmd_demo(ctx: Context, args: argparse.Namespace) -> int:
    from rasad_desktop.services.demo import default_demo_year, load_demo
    from rasad_desktop.services.roles import Actor

    current, done = default_demo_year(dt.date.today())
    year = args.year or current
    months = args.months or (done if year == current else 12)
    db = ctx.open_db()
    with db.session() as session:
        result = load_demo(session, Actor.console(), year, months)
    y0, y1 = result.years
    print(ctx.t(
        f"استان نمونه بارگذاری شد: {ctx.digits(str(result.agencies))} دستگاه، "
        f"{ctx.digits(str(result.assignments))} ردیف مصوب و {ctx.digits(str(result.collections))} "
        f"رقم وصولی ماهانه برای سال‌های {ctx.digits(str(y0))} (۱۲ ماه) و {ctx.digits(str(y1))} "
        f"({ctx.digits(str(result.months[1]))} ماه).",
        f"Demo province loaded: {result.agencies} agencies, {result.assignments} approved lines and "
        f"{result.collections} monthly collections for {y0} (12 months) and {y1} ({result.months[1]} months).",
    ))
    print(ctx.t(
        f"نمونه: rasad-desktop summary --year {y1} --through-month {min(6, result.months[1])}",
        f"Try: rasad-desktop summary --year {y1} --through-month {min(6, result.months[1])}",
    ))
    return 0

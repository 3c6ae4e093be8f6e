"""``rasad-desktop export collections|approved`` and ``rasad-desktop import collections|approved``.

Export writes the year's monthly collections (or the budget law's approved amounts) to an
Excel workbook (or CSV); import reads such a file, lists every bad row by its number, and
saves all figures in one audited transaction or none (``--dry-run`` only checks and counts)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from rasad_desktop.core.jalali import month_name
from rasad_desktop.exchange.datasets import DATASETS
from rasad_desktop.services.roles import Actor

if TYPE_CHECKING:
    from rasad_desktop.cli.context import Context


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    dataset = DATASETS[args.what]
    db = ctx.open_db()
    with db.session() as session:
        rows = dataset.export(session, Actor.console(), args.year, Path(args.out), through_month=args.through_month)
    print(ctx.t(f"{ctx.digits(f'{rows:,}').replace(',', '٬')} {dataset.items_fa} در «{args.out}» نوشته شد.",
                f"{rows:,} {dataset.items_en} written to '{args.out}'."))
    return 0


SHOWN_CHANGES = 20  # a dry run lists this many old → new values


def cmd_import(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.open_db()
    with db.session() as session:
        r = DATASETS[args.what].import_file(session, Actor.console(), args.year, Path(args.file),
                                            dry_run=args.dry_run, reason=args.reason)
    n = ctx.digits
    months = f" در ماه‌های {'، '.join(month_name(m) for m in sorted(r.months))}" if r.months else ""
    months_en = f" in {', '.join(month_name(m, 'en') for m in sorted(r.months))}" if r.months else ""
    print(ctx.t(
        f"{n(str(r.rows))} سطر خوانده شد: {n(str(r.cells))} رقم برای {n(str(len(r.agencies)))} دستگاه"
        f"{months}؛ {n(str(r.skipped))} سطر بی‌مبلغ نادیده گرفته شد.",
        f"{r.rows} rows read: {r.cells} figures for {len(r.agencies)} agencies{months_en}; "
        f"{r.skipped} rows without an amount skipped."))
    if r.unit.factor != 1:  # said before anything else: a factor of a million is not a detail
        print(ctx.t(f"مبلغ‌های فایل به «{r.unit.label()}» است (سطر عنوان یا عنوان ستون) و به ریال برگردانده شد "
                    f"(× {n(f'{r.unit.factor:,}'.replace(',', '٬'))}).",
                    f"The file's amounts are in {r.unit.label('en')} (a title row or a heading) and were converted "
                    f"to rials (× {r.unit.factor:,})."))
    if r.sheet:
        print(ctx.t(f"برگهٔ خوانده‌شده: «{r.sheet}»", f"Sheet read: '{r.sheet}'"))
    for fa, en in r.notes:
        print(ctx.t(fa, en))
    if r.warnings:
        print(ctx.t(f"{n(str(len(r.warnings)))} رقم نامعمول است"
                    + (f" و با دلیل «{args.reason}» تأیید شد:" if r.written else "؛ ورود آن‌ها دلیل می‌خواهد (--reason):"),
                    f"{len(r.warnings)} figures are unusual"
                    + (f" and were confirmed with the reason '{args.reason}':" if r.written
                       else "; importing them takes a reason (--reason):")))
        for number, fa, en in r.warnings[:SHOWN_CHANGES]:
            print("  " + ctx.t(f"سطر {n(str(number))}: {fa}", f"Row {number}: {en}"))
        if len(r.warnings) > SHOWN_CHANGES:
            print(ctx.t(f"  … و {n(str(len(r.warnings) - SHOWN_CHANGES))} رقم دیگر",
                        f"  … and {len(r.warnings) - SHOWN_CHANGES} more"))
    if not r.written and r.changes:
        print(ctx.t("ارقامی که تغییر می‌کند (پیشین ← تازه):", "Figures that change (old → new):"))
        for change in r.changes[:SHOWN_CHANGES]:
            print("  " + change.shown(ctx.lang))
        if r.changed > SHOWN_CHANGES:
            print(ctx.t(f"  … و {n(str(r.changed - SHOWN_CHANGES))} رقم دیگر", f"  … and {r.changed - SHOWN_CHANGES} more"))
    if not r.cells:
        print(ctx.t("فایل رقمی برای ورود نداشت.", "The file holds no figures to import."))
    elif r.written and r.changed:
        print(ctx.t(f"{n(str(r.changed))} رقم تغییر کرد و ثبت شد.", f"{r.changed} figures changed and saved."))
    elif r.written:
        print(ctx.t("همهٔ ارقام با پایگاه داده یکی بود؛ چیزی تغییر نکرد.",
                    "Every figure matched the database; nothing changed."))
    else:
        print(ctx.t(f"بررسی بی‌نقص بود؛ با ورود، {n(str(r.changed))} رقم تغییر می‌کند (چیزی نوشته نشد).",
                    f"The check passed; importing would change {r.changed} figures (nothing written)."))
    return 0

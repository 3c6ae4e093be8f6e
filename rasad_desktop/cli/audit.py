"""``rasad-desktop audit verify``, ``audit list`` and ``audit baseline``.

``verify`` walks the whole hash chain of the audit trail, then compares the data with the
trail's seals (services.reconcile): exit status 0 when both are intact, 1 when a row of the
trail or of the data was edited, deleted or inserted outside Rasad (each problem is
printed, naming its row or what the data is). ``list`` prints the newest entries as an
aligned table, like ``summary``. ``baseline`` seals the data as it is now (a database
written before seals existed), recorded in the trail.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

from rasad_desktop.cli.context import UsageError
from rasad_desktop.core.jalali import format_jalali
from rasad_desktop.core.text import display_width
from rasad_desktop.services.audit import changed_parts

if TYPE_CHECKING:
    from rasad_desktop.cli.context import Context
    from rasad_desktop.services.audit import Anchor, AuditEntry, ChainProblem
    from rasad_desktop.services.reconcile import StateProblem

JSON_WIDTH = 60  # a longer before / after value is cut with "…" (the GUI shows it whole)
MAX_LIMIT = 100_000

HEADERS = {
    "fa": ("ردیف", "زمان", "کاربر", "رویداد", "موضوع", "شناسه", "پیش از ← پس از"),
    "en": ("No.", "Time", "User", "Action", "Entity", "ID", "Before → after"),
}


def cmd_audit(ctx: Context, args: argparse.Namespace) -> int:
    if args.action == "verify":
        return _verify(ctx, args.anchor or [], args.reports)
    if args.action == "baseline":
        return _baseline(ctx)
    return _list(ctx, args.limit)


def _baseline(ctx: Context) -> int:
    from rasad_desktop.services.reconcile import baseline
    from rasad_desktop.services.roles import Actor

    db = ctx.open_db()
    try:
        with db.session() as session:
            n = baseline(session, Actor.console())
    finally:
        db.close()
    print(ctx.t(f"وضعیت کنونی {ctx.digits(str(n))} بخش داده مهر شد؛ از این پس audit verify هر تغییری بیرون از "
                "سامانه را در آن‌ها پیدا می‌کند. این کار با نام شما در گزارش رویدادها ثبت شد.",
                f"The current state of {n} parts of the data was sealed; from now on audit verify finds any change "
                "made to them outside Rasad. This was recorded in the audit trail under your name."))
    return 0


def _verify(ctx: Context, anchor_texts: list[str], reports_dir: str | None = None) -> int:
    from rasad_desktop.services.audit import Anchor, chain_head, verify_chain
    from rasad_desktop.services.reconcile import reconcile

    anchors = [Anchor.parse(t) for t in anchor_texts]
    if reports_dir is not None:
        anchors += _report_anchors(ctx, reports_dir)
    db = ctx.open_db()
    try:
        with db.session() as session:
            count, chain_problems = verify_chain(session, anchors)
            head = chain_head(session)
            state = reconcile(session)
    finally:
        db.close()
    problems: list[ChainProblem | StateProblem] = [*chain_problems, *state.problems]
    n = ctx.digits(str(count))
    print(ctx.t(f"{n} ردیف گزارش رویدادها بررسی شد.", f"{count} audit rows checked."))
    print(ctx.t(f"{ctx.digits(str(state.buckets))} بخش داده (وصولی‌ها، مبلغ‌های مصوب و برنامه‌ها، ماه‌های بسته، "
                "کاربران، گزارش‌های صادرشده) با آخرین مقدار ثبت‌شده در گزارش رویدادها مقایسه شد.",
                f"{state.buckets} parts of the data (collections, approved amounts and schedules, closed months, "
                "users, issued reports) compared with the latest values the audit trail recorded."))
    if state.baseline_at is not None:
        print(ctx.t(f"گزارش رویدادها از مهر پایهٔ {local_time(state.baseline_at)} به بعد دربارهٔ داده‌ها گواهی می‌دهد.",
                    f"The trail vouches for the data from the baseline of {local_time(state.baseline_at, 'latin')} on."))
    if anchors and not problems:
        k = ctx.digits(str(len(anchors)))
        print(ctx.t(f"{k} لنگر یادداشت‌شده با زنجیره یکی است.", f"{len(anchors)} recorded anchor(s) match the trail."))
    if not problems:
        print(ctx.t("نتیجه: سالم — هیچ ردیفی پس از ثبت تغییر نکرده، حذف یا افزوده نشده و داده‌ها همان است که "
                    "گزارش رویدادها ثبت کرده است.",
                    "Result: intact — no row was changed, deleted or added after it was written, and the data is "
                    "what the trail recorded."))
        if head is not None:
            print(ctx.t(f"لنگر امروز (بیرون از سامانه یادداشت کنید و بعدها با --anchor بدهید): {head}",
                        f"Today's anchor (write it down outside the system; give it later with --anchor): {head}"))
        return 0
    k = ctx.digits(str(len(problems)))
    print(ctx.t(f"نتیجه: دستکاری‌شده — {k} مشکل پیدا شد:",
                f"Result: TAMPERED — {len(problems)} problem(s) found:"))
    for problem in problems:
        print(f"  • {problem.message(ctx.lang)}")
    return 1


def _report_anchors(ctx: Context, folder: str) -> list[Anchor]:
    """The audit anchor each issued PDF under ``folder`` carries (read from the bytes its
    signature covers, so an appended revision cannot change it)."""
    from pathlib import Path

    from rasad_desktop.services.audit import report_anchor

    root = Path(folder)
    if not root.is_dir():
        raise UsageError(f"پوشهٔ «{folder}» پیدا نشد.", f"The folder '{folder}' was not found.", code="reports_dir")
    anchors, without = [], 0
    files = sorted(p for p in root.rglob("*") if p.suffix.lower() == ".pdf" and p.is_file())
    for path in files:
        try:
            anchor = report_anchor(path.read_bytes())
        except OSError:
            anchor = None
        if anchor is None:
            without += 1
        else:
            anchors.append(anchor)
    print(ctx.t(f"{ctx.digits(str(len(files)))} فایل PDF در «{folder}»: {ctx.digits(str(len(anchors)))} گزارش صادرشده "
                f"با لنگر گزارش رویدادها، {ctx.digits(str(without))} فایل بی‌لنگر (پیش‌نویس، گزارش قدیمی یا فایل دیگر).",
                f"{len(files)} PDF files in '{folder}': {len(anchors)} issued reports with an audit anchor, {without} "
                "without one (drafts, older reports or other files)."))
    return anchors


def _list(ctx: Context, limit: int) -> int:
    from rasad_desktop.services.audit import search
    from rasad_desktop.services.roles import Actor
    from rasad_desktop.textreport import render

    if not 1 <= limit <= MAX_LIMIT:
        raise UsageError(
            f"تعداد ردیف‌ها (--limit) باید از ۱ تا {ctx.digits(str(MAX_LIMIT))} باشد.",
            f"The number of entries (--limit) must be 1 to {MAX_LIMIT}.",
            code="limit",
        )
    db = ctx.open_db()
    try:
        with db.session() as session:
            entries = search(session, Actor.console(), limit=limit)
    finally:
        db.close()
    if not entries:
        print(ctx.t("گزارش رویدادها خالی است.", "The audit trail is empty."))
        return 0
    language = "en" if ctx.lang == "en" else "fa"
    rows = [_cells(ctx, e) for e in entries]
    print(ctx.t(f"آخرین {ctx.digits(str(len(entries)))} رویداد (تازه‌ترین نخست):",
                f"The newest {len(entries)} entries (newest first):"))
    print()
    print(render(HEADERS[language], rows, [True, False, False, False, False, False, False]))
    return 0


def local_time(utc: dt.datetime, digits: str = "fa") -> str:
    """A stored (naive UTC) time as this computer's local Jalali date and hh:mm:ss."""
    from rasad_desktop.core.digits import localize_digits

    local = utc.replace(tzinfo=dt.UTC).astimezone()
    return f"{format_jalali(local, digits)} {localize_digits(local.strftime('%H:%M:%S'), digits)}"


def shorten(text: str, width: int = JSON_WIDTH) -> str:
    """``text`` cut to ``width`` terminal columns, ending with "…" when cut."""
    if display_width(text) <= width:
        return text
    out = ""
    for ch in text:
        if display_width(out + ch) > width - 1:
            break
        out += ch
    return out + "…"


def change_text(before: str | None, after: str | None) -> str:
    """``before → after`` (only what changed) with "—" for a missing side; empty when neither
    is recorded."""
    if before is None and after is None:
        return ""
    before, after = changed_parts(before, after)
    return f"{shorten(before) if before is not None else '—'} → {shorten(after) if after is not None else '—'}"


def _cells(ctx: Context, e: AuditEntry) -> list[str]:
    digits = "latin" if ctx.lang == "en" else "fa"
    return [ctx.digits(str(e.id)), local_time(e.at, digits), e.username, e.action, e.entity, e.entity_id,
            change_text(e.before, e.after)]

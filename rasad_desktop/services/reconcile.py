"""Does the data still equal what the audit trail last vouched for? (``audit verify``)

Replays the ``state.seal`` rows of the trail (services.state_seal), keeps each bucket's
latest, and compares with the buckets recomputed from the tables. A bucket that differs
was edited outside Rasad; one with data and no seal was added outside it (or the trail was
emptied or cut short); one sealed with rows and now empty was deleted outside it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from rasad_desktop.core.digits import localize_digits
from rasad_desktop.db.models import Agency, AuditLog, FiscalYear, IssuedReport, User
from rasad_desktop.services import state_seal
from rasad_desktop.services.roles import Actor, Permission
from rasad_desktop.services.state_seal import Seal
from rasad_desktop.services.uow import writing

KINDS = ("changed", "added", "removed")


@dataclass(frozen=True)
class StateProblem:
    bucket: str
    kind: str  # one of KINDS
    what_fa: str
    what_en: str
    sealed: Seal | None
    now: Seal | None

    def message(self, language: str = "fa") -> str:
        en = language == "en"
        what = self.what_en if en else self.what_fa
        if self.kind == "added":
            return (f"{what}: in the database but never recorded by Rasad (added outside it, or the trail was "
                    "emptied or cut short)." if en else
                    f"{what}: در پایگاه داده هست ولی رصد هرگز آن را ثبت نکرده است (بیرون از سامانه افزوده شده، "
                    "یا گزارش رویدادها خالی یا کوتاه شده است).")
        if self.kind == "removed":
            return (f"{what}: recorded by Rasad but gone from the database (deleted outside it)." if en else
                    f"{what}: رصد آن را ثبت کرده ولی از پایگاه داده حذف شده است (بیرون از سامانه).")
        detail = ""
        if self.sealed is not None and self.now is not None:
            if self.sealed.rows != self.now.rows:
                detail = (f" ({self.sealed.rows} rows recorded, {self.now.rows} now)" if en else
                          f" ({_n(self.sealed.rows)} ردیف ثبت‌شده، اکنون {_n(self.now.rows)})")
            elif self.sealed.total is not None and self.now.total is not None and self.sealed.total != self.now.total:
                diff = self.now.total - self.sealed.total
                detail = (f" (the sum differs by {diff:+,} rials)" if en else
                          f" (جمع مبلغ‌ها {_n(f'{abs(diff):,}'.replace(',', '٬'))} ریال "
                          f"{'بیشتر' if diff > 0 else 'کمتر'} از مقدار ثبت‌شده است)")
        return (f"{what}: changed outside Rasad{detail}." if en else
                f"{what}: بیرون از سامانه تغییر کرده است{detail}.")


def _n(value: object) -> str:
    return localize_digits(str(value))


@dataclass(frozen=True)
class Reconciliation:
    buckets: int  # buckets compared
    sealed: int  # of them, with a seal in the trail
    baseline_at: dt.datetime | None  # when the trail began vouching (naive UTC), if from a baseline
    problems: list[StateProblem]


def latest_seals(session: Session) -> tuple[dict[str, Seal], dt.datetime | None]:
    """Each bucket's latest seal in the trail, and the time of the newest baseline (if any)."""
    seals: dict[str, Seal] = {}
    baseline: dt.datetime | None = None
    q = select(AuditLog.action, AuditLog.at, AuditLog.after) \
        .where(AuditLog.action.in_((state_seal.ACTION, state_seal.BASELINE))).order_by(AuditLog.id)
    for action, at, after in session.execute(q.execution_options(yield_per=2000)):
        try:
            values = json.loads(after or "{}")
        except ValueError:
            continue  # an edited row: the chain check names it
        if action == state_seal.BASELINE:
            seals.clear()
            baseline = at
            values = values.get("seals", {})
        for bucket, seal in values.items():
            if isinstance(seal, dict):
                seals[bucket] = Seal.from_json(seal)
    return seals, baseline


def reconcile(session: Session) -> Reconciliation:
    sealed, baseline = latest_seals(session)
    now = state_seal.current(session)
    problems: list[tuple[str, str, Seal | None, Seal | None]] = []
    for bucket in sorted(set(sealed) | set(now), key=_order):
        before, after = sealed.get(bucket), now.get(bucket)
        if after is None:
            if before is not None and before.rows:
                problems.append((bucket, "removed", before, None))
        elif before is None:
            problems.append((bucket, "added", None, after))
        elif before.digest != after.digest:
            problems.append((bucket, "changed", before, after))
    names = _Names(session)
    return Reconciliation(len(now), sum(1 for b in now if b in sealed), baseline,
                          [StateProblem(b, k, *names.of(b, s or n), s, n) for b, k, s, n in problems])


def _order(bucket: str) -> tuple[int, list[int]]:
    family, *ids = bucket.split("/")
    return state_seal.FAMILIES.index(family), [int(i) for i in ids if i.isdigit()]


class _Names:
    """What a bucket is, in words (agency, year, user, report)."""

    def __init__(self, session: Session) -> None:
        self.s = session
        self._years: dict[int, int] | None = None

    def year(self, fy: int) -> str:
        if self._years is None:
            self._years = {fy: year for fy, year in self.s.execute(select(FiscalYear.id, FiscalYear.year))}
        return str(self._years.get(fy, f"#{fy}"))

    def agency(self, agency_id: int) -> tuple[str, str]:
        row = self.s.get(Agency, agency_id)
        return (f"«{row.name}» ({row.code})", f"'{row.code}'") if row else (f"#{agency_id}", f"#{agency_id}")

    def of(self, bucket: str, seal: Seal | None) -> tuple[str, str]:
        family, *ids = bucket.split("/")
        if family in ("c", "b"):
            fa_agency, en_agency = self.agency(int(ids[1]))
            year = self.year(int(ids[0]))
            if family == "c":
                return (f"وصولی‌های دستگاه {_n(fa_agency)} در سال {_n(year)}",
                        f"Collections of agency {en_agency} in {year}")
            return (f"مبلغ‌های مصوب و برنامهٔ ماهانهٔ دستگاه {_n(fa_agency)} در سال {_n(year)}",
                    f"Approved amounts and schedules of agency {en_agency} in {year}")
        if family == "l":
            year = self.year(int(ids[0]))
            return f"ماه‌های بسته‌شدهٔ سال {_n(year)}", f"Closed months of {year}"
        if family == "u":
            user = self.s.get(User, int(ids[0]))
            name = user.username if user else (seal.label if seal and seal.label else f"#{ids[0]}")
            return (f"نقش، قفل یا گذرواژهٔ کاربر «{name}»", f"Role, lock or password of user '{name}'")
        report = self.s.get(IssuedReport, int(ids[0]))
        label = f"{report.number} v{report.version}" if report else (seal.label if seal and seal.label else f"#{ids[0]}")
        return f"گزارش صادرشدهٔ {_n(label)}", f"Issued report {label}"


def baseline(session: Session, actor: Actor) -> int:
    """Seal the data as it is now, for a database written before seals existed (or after a
    repair the administrator vouches for): recorded as ``state.baseline`` with who and
    when, and ``audit verify`` says from when the trail vouches. Returns the buckets sealed."""
    with writing(session, actor, Permission.MANAGE_SETTINGS, changes=False) as audit:
        seals = {bucket: seal.as_json() for bucket, seal in sorted(state_seal.current(session).items())}
        audit.record(state_seal.BASELINE, "state", "", after={"seals": seals})
    return len(seals)

"""The role matrix: every service that writes, or reads personal data, against every role.

The table ``ROWS`` names each such service with the permission it needs; the expected
outcome of each (service, role) cell comes from ``roles.GRANTS``: a role that holds the
permission succeeds, any other role — and a caller that is not an ``Actor`` at all — is
refused with ``PermissionDenied`` whose message is Persian, and leaves no trace: every
table reads back exactly as before (no row, no audit entry) and no file is written.
Reads that show personal data to some roles only mask it for the others (asserted).

The table is checked for completeness both ways: every ``Permission`` appears in it (or,
with a reason, in ``NOT_CHECKED_BY_SERVICES``), and every public function under
``rasad_desktop/services`` and ``rasad_desktop/exchange`` that checks a permission (``writing(…, Permission.X)`` or
``require(…, Permission.X)``) has its row — so a new permission or a new role-checked
service without a row here fails.

One database per backend (SQLite, and PostgreSQL when RASAD_TEST_POSTGRES_URL is set)
serves the whole module: each cell prepares what it needs as the administrator, under
names no other cell uses, before the snapshot is taken.
"""

from __future__ import annotations

import ast
import datetime as dt
import itertools
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from needs import BACKENDS, POSTGRES, POSTGRES_URL, drop_postgres_logins
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

import rasad_desktop.exchange as exchange_pkg
import rasad_desktop.services as services_pkg
from rasad_desktop.core.amounts import Unit
from rasad_desktop.db.database import Database
from rasad_desktop.db.models import AuditLog, Base, ClassificationNode, FiscalYear, Holiday, SyncChange
from rasad_desktop.exchange import approved_file, collections_file
from rasad_desktop.reports.common import RenderOptions
from rasad_desktop.services import (
    accounts,
    attachments,
    audit,
    backup,
    budget,
    budget_admin,
    collections,
    demo,
    holidays,
    notices,
    office,
    passwords,
    personal,
    reconcile,
    reporting,
    requests,
    signing,
)
from rasad_desktop.services.errors import PermissionDenied
from rasad_desktop.services.roles import GRANTS, Actor, Permission, Role
from rasad_desktop.services.signing import Credentials
from rasad_desktop.services.sync import conflicts as sync_conflicts
from rasad_desktop.services.sync import enrolment, packages

SIGN = Credentials("test signing passphrase")  # the office certificate is made at the first issue


def _certificate_pem(name: str) -> bytes:
    from rasad_desktop.reports import signature

    return signature.open_bundle(signature.new_certificate(name)).certificate.pem

ADMIN = Actor("admin-matrix", Role.ADMIN)
PASSWORD = "Matrix-pass-1"
PASSPHRASE = "عبارت عبور آزمون ۱۲۳"
LINES = [("100000", "درآمدها"), ("110000", "درآمدهای مالیاتی"), ("110100", "مالیات اشخاص حقوقی"),
         ("110104", "مالیات شرکت‌ها"), ("140000", "فروش کالاها و خدمات"), ("140100", "فروش خدمات"),
         ("140101", "خدمات آموزشی"), ("200000", "واگذاری دارایی‌ها"), ("210000", "منابع واگذاری"),
         ("210100", "فروش اموال"), ("210101", "فروش ساختمان‌ها")]
PERSON = ("زهرا کریمی", "0499370899", "09141234567")
OPTS = RenderOptions(unit=Unit.RIAL, office="اداره کل آزمایشی", province="آزمایش")

# Permissions no service checks, and why that is right.
# permissions no service checks itself, with the reason (none today: VIEW is checked by the export)
NOT_CHECKED_BY_SERVICES: dict[Permission, str] = {}


# ------------------------------------------------------------------ the world
@dataclass
class World:
    db: Database
    backend: str
    folder: Path
    tracking_code: str
    attachment_id: int
    counter: Iterator[int] = field(default_factory=itertools.count)
    # a server that enforces the roles: each role's own signed-in login, and the names' tag
    logins: dict[Role, tuple[Database, Actor]] = field(default_factory=dict)
    tag: str = ""
    workstation_url: str = ""

    @property
    def data_dir(self) -> Path:
        return self.folder / "data"

    def files(self) -> set[Path]:
        return {p for p in self.folder.rglob("*") if p.is_file() and not p.name.startswith("rasad.db")}


@pytest.fixture(scope="module")
def cheap_hashing() -> Iterator[None]:
    """argon2id with tiny costs: the same code paths, without 0.1 s per hash."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=64, parallelism=1))
        cheap = passwords.hash_password("dummy-password")
        if hasattr(accounts, "_dummy_hash"):
            mp.setattr(accounts, "_dummy_hash", lambda: cheap)
        yield


def _postgres_database() -> tuple[str, Callable[[], None]]:
    name = "rasad_matrix_" + uuid.uuid4().hex[:12]
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()

    def drop() -> None:
        engine = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()

    return make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False), drop


# "logins": PostgreSQL enforcing the roles, every allowed cell run on its role's own login
WORLDS = [*BACKENDS, pytest.param("logins", marks=POSTGRES.unless(bool(POSTGRES_URL)))]


def _logins(world: World) -> None:
    """Set the server up, give every role a signed-in login of its own."""
    from rasad_desktop.db import logins, server_setup

    with world.db.engine.begin() as conn:
        server_setup.apply(conn)
    world.tag = uuid.uuid4().hex[:6]
    world.workstation_url = logins.workstation_url(world.db.url)
    for role in Role:
        with world.db.session() as s:
            user, _ = accounts.create_user(s, ADMIN, f"{role.value.replace('_', '')}m{world.tag}", role, PASSWORD)
        db = Database.open(world.workstation_url)
        with db.session() as s:
            signed = accounts.sign_in(s, user.username, PASSWORD)
        world.logins[role] = (db, signed.actor)


@pytest.fixture(scope="module", params=WORLDS)
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
          cheap_hashing: None) -> Iterator[World]:
    folder = tmp_path_factory.mktemp(f"matrix-{request.param}")
    drop = None
    if request.param == "sqlite":
        db = Database.open(f"sqlite:///{(folder / 'rasad.db').as_posix()}", backup_dir=folder / "backups")
    else:
        url, drop = _postgres_database()
        db = Database.open(url)
    made = None
    try:
        with db.session() as s:
            for year in (1403, 1404):
                budget.create_year(s, ADMIN, year)
                for code, title in LINES:
                    budget.add_line(s, ADMIN, year, code, title)
            for code in ("1", "2", "3"):
                budget.save_agency(s, ADMIN, code, f"اداره کل {code}")
            budget.set_approved(s, ADMIN, 1403, "1", "110104", 1_000_000)
            budget.set_approved(s, ADMIN, 1404, "1", "110104", 1_200_000)
            budget.set_approved(s, ADMIN, 1404, "2", "140101", 600_000)
            view = requests.register(s, ADMIN, requests.NewRequest("complaint", "in_person", *PERSON, "تأخیر",
                                                                   "متن شکایت"), workstation=1)
            requests.add_note(s, ADMIN, view.tracking_code, "یادداشت درونی")
            scan = folder / "scan.txt"
            scan.write_text("پیوست", encoding="utf-8")
            attached = attachments.add_attachment(s, ADMIN, view.tracking_code, scan, folder / "data")
            scan.unlink()
        made = World(db, request.param, folder, view.tracking_code, attached.id)
        if request.param == "logins":
            _logins(made)
        yield made
    finally:
        for login_db, _ in (made.logins.values() if made else ()):
            login_db.close()
        db.close()
        if drop is not None:
            drop()
            drop_postgres_logins(make_url(db.url).database or "")


# ------------------------------------------------------------------ the table
@dataclass
class Cell:
    """What one (service, role) cell runs with."""

    session: Session
    world: World
    role: Role | None
    n: int  # unique in the module: names and numbers no other cell uses

    def user(self, role: Role | None = None) -> accounts.User:
        user, _ = accounts.create_user(self.session, ADMIN, f"user{self.n}{self.world.tag}", role or self.role or Role.VIEWER,
                                       PASSWORD)
        return user

    def request(self) -> str:
        new = requests.NewRequest("request", "phone", *PERSON, f"موضوع {self.n}", "متن")
        return requests.register(self.session, ADMIN, new, workstation=2).tracking_code

    def free_year(self, start: int = 1420) -> int:
        used = set(budget.list_years(self.session))
        return next(y for y in range(start, 1500) if y not in used)


Call = Callable[[Cell, Any, Any], Any]


@dataclass(frozen=True)
class Row:
    name: str  # module.function, as the completeness scan finds it
    permission: Permission
    call: Call  # (cell, actor, prepared) → result
    prepare: Callable[[Cell], Any] = lambda cell: None  # run as administrator, before the snapshot
    check: Callable[[Cell, Any, Any], None] | None = None  # (cell, actor, result) for an allowed role
    writes: bool = True  # an allowed call leaves an audit record
    masks: Permission | None = None  # personal data shown only with this permission
    direct: bool = True  # the function checks the permission itself (not through another)
    takes_actor: bool = True
    sqlite_only: bool = False  # on other databases an allowed role gets a clear refusal instead
    label: str = ""

    @property
    def id(self) -> str:
        return self.label or self.name


def _workbook(cell: Cell, name: str, rows: list[list[Any]]) -> Path:
    from openpyxl import Workbook

    path = cell.world.folder / "sheets" / f"{name}{cell.n}.xlsx"
    path.parent.mkdir(exist_ok=True)
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _sheet_file(cell: Cell) -> Path:
    """A one-figure collections workbook, written before the snapshot."""
    return _workbook(cell, "s", [["کد دستگاه", "کد ردیف", "ماه", "مبلغ (ریال)"],
                                 ["1", "110104", 1 + cell.n % 12, 3_000 + cell.n]])


def _approved_file(cell: Cell) -> Path:
    """A one-amount approved workbook, written before the snapshot."""
    return _workbook(cell, "a", [["کد دستگاه", "کد ردیف", "مصوب (ریال)"], ["3", "210101", 7_000 + cell.n]])


def _masked(cell: Cell, actor: Actor, views: Any) -> None:
    """Personal data is shown in full to a role with VIEW_PERSONAL_DATA, masked to others."""
    views = views if isinstance(views, list) else [views]
    assert views, "nothing to look at"
    sees = actor.can(Permission.VIEW_PERSONAL_DATA)
    for v in views:
        assert v.masked is not sees
        if v.tracking_code == cell.world.tracking_code:
            assert (v.national_id == PERSON[1]) is sees and (v.mobile == PERSON[2]) is sees
            assert sees or ("•" in v.national_id and "•" in v.mobile)


def _internal_notes(cell: Cell, actor: Actor, events: list[requests.EventView]) -> None:
    assert any(e.action == "registered" for e in events)
    assert any(e.internal for e in events) is actor.can(Permission.MANAGE_REQUESTS)


def _backup_file(cell: Cell) -> Path | None:
    if cell.world.backend != "sqlite":
        return None
    target = cell.world.folder / "prepared" / f"b{cell.n}.rbk"
    backup.make_backup(cell.world.db, ADMIN, target, PASSPHRASE)
    return target


def _audited(action: str) -> Callable[[Cell, Any, Any], None]:
    def check(cell: Cell, actor: Actor, result: Any) -> None:
        with cell.world.db.session() as s:
            assert s.scalar(select(AuditLog).where(AuditLog.action == action)) is not None

    return check


def _issued_report(cell: Cell) -> int:
    report = reporting.issue(cell.session, ADMIN, reporting.ReportRequest("comparison", 1404), OPTS,
                             today=dt.date(2026, 11, 25), credentials=SIGN)
    return report.id


def _holiday_day(cell: Cell, offset: int = 0) -> dt.date:
    return dt.date(1990, 1, 1) + dt.timedelta(days=cell.n + offset)


ROWS: list[Row] = [
    # ------------------------------------------------------------ accounts
    Row("accounts.create_user", Permission.MANAGE_USERS,
        lambda c, a, _: accounts.create_user(c.session, a, f"new{c.n}{c.world.tag}", Role.VIEWER, PASSWORD)),
    Row("accounts.reset_password", Permission.MANAGE_USERS,
        lambda c, a, user: accounts.reset_password(c.session, a, user.username), prepare=Cell.user),
    Row("accounts.set_locked", Permission.MANAGE_USERS,
        lambda c, a, user: accounts.set_locked(c.session, a, user.username, True), prepare=Cell.user),
    Row("accounts.set_role", Permission.MANAGE_USERS,
        lambda c, a, user: accounts.set_role(c.session, a, user.username, Role.VIEWER if user.role == "report_officer"
                                             else Role.REPORT_OFFICER), prepare=Cell.user),
    Row("personal.seal_written_before", Permission.MANAGE_SETTINGS,
        lambda c, a, _: personal.seal_written_before(c.session, a), writes=False),
    Row("accounts.refresh_login", Permission.MANAGE_USERS,
        lambda c, a, user: accounts.refresh_login(c.session, a, user.username), prepare=Cell.user,
        writes=False),
    Row("accounts.sign_in", Permission.SIGN_IN,
        lambda c, a, user: accounts.sign_in(c.session, user.username, PASSWORD), prepare=Cell.user,
        check=lambda c, a, signed: signed.actor.role is c.role, takes_actor=False),
    Row("accounts.change_password", Permission.SIGN_IN,
        lambda c, a, user: accounts.change_password(
            c.session, a if a is None else Actor(user.username, c.role, user.id), PASSWORD, PASSWORD + "x"),
        prepare=Cell.user),
    # ------------------------------------------------------------ budget
    Row("budget.create_year", Permission.MANAGE_BUDGET,
        lambda c, a, year: budget.create_year(c.session, a, year), prepare=Cell.free_year),
    Row("budget.add_line", Permission.MANAGE_BUDGET,
        lambda c, a, code: budget.add_line(c.session, a, 1404, code, "ردیف تازه"),
        prepare=lambda c: f"1101{10 + c.n % 89:02d}"),
    Row("budget.save_agency", Permission.MANAGE_BUDGET,
        lambda c, a, _: budget.save_agency(c.session, a, f"A{c.n}", "دستگاه تازه")),
    Row("budget.set_approved", Permission.MANAGE_BUDGET,
        lambda c, a, _: budget.set_approved(c.session, a, 1404, "3", "110104", 1_000 + c.n)),
    Row("budget.set_schedule", Permission.MANAGE_BUDGET,
        lambda c, a, _: budget.set_schedule(c.session, a, 1404, "2", "140101", [50_000] * 12)),
    Row("budget.set_period_lock", Permission.LOCK_PERIODS,
        lambda c, a, _: budget.set_period_lock(c.session, a, 1403, 1 + c.n % 12, True, reason="آزمون")),
    Row("budget_admin.new_year", Permission.MANAGE_BUDGET,
        lambda c, a, year: budget_admin.new_year(c.session, a, year, copy_lines_from=1404), prepare=Cell.free_year),
    Row("budget_admin.copy_classification", Permission.MANAGE_BUDGET,
        lambda c, a, year: budget_admin.copy_classification(c.session, a, 1404, year),
        prepare=lambda c: budget.create_year(c.session, ADMIN, c.free_year()).year),
    Row("budget_admin.save_approved_many", Permission.MANAGE_BUDGET,
        lambda c, a, _: budget_admin.save_approved_many(c.session, a, 1404, "3", [
            budget_admin.ApprovedChange("210101", 5_000 + c.n)]), direct=False),
    Row("budget_admin.save_approved_for", Permission.MANAGE_BUDGET,
        lambda c, a, _: budget_admin.save_approved_for(c.session, a, 1404, {"3": [
            budget_admin.ApprovedChange("210101", 6_000 + c.n)]})),
    # ------------------------------------------------------------ collections
    Row("collections.save_month", Permission.ENTER_COLLECTIONS,
        lambda c, a, _: collections.save_month(c.session, a, 1404, 1 + c.n % 12, "1", [
            collections.Entry("110104", 1_000 + c.n, document_ref=f"سند {c.n}")]), direct=False),
    Row("collections.save_months", Permission.ENTER_COLLECTIONS,
        lambda c, a, _: collections.save_months(c.session, a, 1404, {(1 + c.n % 12, "1"): [
            collections.Entry("110104", 2_000 + c.n)]})),
    # ------------------------------------------------------------ spreadsheets
    Row("collections_file.export_collections", Permission.VIEW, writes=False,
        call=lambda c, a, _: collections_file.export_collections(
            c.session, a, 1404, c.world.folder / "exports" / f"e{c.n}.xlsx")),
    Row("collections_file.import_collections", Permission.ENTER_COLLECTIONS,
        lambda c, a, sheet: collections_file.import_collections(c.session, a, 1404, sheet), prepare=_sheet_file,
        direct=False),  # checked in columns.start_import
    Row("approved_file.export_approved", Permission.VIEW, writes=False,
        call=lambda c, a, _: approved_file.export_approved(c.session, a, 1404, c.world.folder / "exports" / f"a{c.n}.xlsx")),
    Row("approved_file.import_approved", Permission.MANAGE_BUDGET,
        lambda c, a, sheet: approved_file.import_approved(c.session, a, 1404, sheet), prepare=_approved_file,
        direct=False),  # checked in columns.start_import
    Row("collections.bulk_insert", Permission.ENTER_COLLECTIONS,
        lambda c, a, ids: collections.bulk_insert(c.session, a, 1404, [(*ids, "provincial", 1, 77)], source="import"),
        prepare=lambda c: (budget.save_agency(c.session, ADMIN, f"B{c.n}", "دستگاه").id, c.session.scalar(
            select(ClassificationNode.id).join(FiscalYear).where(FiscalYear.year == 1404,
                                                                 ClassificationNode.code == "110104")))),
    # ------------------------------------------------------------ notices, settings, holidays
    Row("notices.post_notice", Permission.POST_NOTICES,
        lambda c, a, _: notices.post_notice(c.session, a, f"اطلاعیه {c.n}", "", dt.datetime(2090, 1, 1),
                                            dt.datetime(2090, 1, 1, 2), kind="info")),
    Row("reconcile.baseline", Permission.MANAGE_SETTINGS, lambda c, a, _: reconcile.baseline(c.session, a),
        direct=False),  # through writing
    Row("office.set_policy", Permission.MANAGE_SETTINGS,
        lambda c, a, _: office.set_policy(c.session, a, "attachment_max_mb", 5 + c.n % 50),
        check=lambda c, a, _: office.get(c.session, "attachment_max_mb") == 5 + c.n % 50,
        direct=False),  # through save_office_settings
    Row("office.save_office_settings", Permission.MANAGE_SETTINGS,
        lambda c, a, _: office.save_office_settings(c.session, a, {"province_fa": f"استان آزمون {c.n}",
                                                                   "status_watch": 70, "status_good": 90})),
    Row("office.adopt_workstation_values", Permission.MANAGE_SETTINGS,
        lambda c, a, _: office.adopt_workstation_values(c.session, a, {"approved_by_name": "نام پیشین"}),
        check=lambda c, a, adopted: adopted == ["approved_by_name"]),
    Row("holidays.add_holiday", Permission.MANAGE_SETTINGS,
        lambda c, a, day: holidays.add_holiday(c.session, a, day, "تعطیل آزمون"), prepare=_holiday_day),
    Row("holidays.remove_holiday", Permission.MANAGE_SETTINGS,
        lambda c, a, day: holidays.remove_holiday(c.session, a, day),
        prepare=lambda c: holidays.add_holiday(c.session, ADMIN, _holiday_day(c), "تعطیل آزمون").day,
        check=lambda c, a, _: c.session.scalar(select(func.count()).select_from(Holiday)
                                               .where(Holiday.day == _holiday_day(c))) == 0),
    Row("holidays.seed_official_holidays", Permission.MANAGE_SETTINGS,
        lambda c, a, year: holidays.seed_official_holidays(c.session, a, year),
        prepare=lambda c: 1420 + c.n % 60),
    # ------------------------------------------------------------ reports
    Row("reporting.issue", Permission.ISSUE_REPORTS,
        lambda c, a, _: reporting.issue(c.session, a, reporting.ReportRequest("comparison", 1404), OPTS,
                                        today=dt.date(2026, 11, 25), credentials=SIGN)),
    Row("signing.export_certificate", Permission.VIEW,
        lambda c, a, _: signing.export_certificate(c.session, a), prepare=_issued_report,
        check=lambda c, a, pem: pem.startswith(b"-----BEGIN CERTIFICATE-----"), writes=False),
    Row("signing.import_certificate", Permission.MANAGE_SETTINGS,
        lambda c, a, pem: signing.import_certificate(c.session, a, pem),
        prepare=lambda c: _certificate_pem(f"دفتر دیگر {c.n}")),
    Row("signing.new_office_certificate", Permission.MANAGE_SETTINGS,
        lambda c, a, _: signing.new_office_certificate(c.session, a, SIGN.passphrase, "دفتر آزمون")),
    # ------------------------------------------------------------ requests and complaints
    Row("requests.register", Permission.MANAGE_REQUESTS,
        lambda c, a, _: requests.register(c.session, a, requests.NewRequest(
            "suggestion", "letter", *PERSON, f"پیشنهاد {c.n}", "متن"), workstation=3)),
    Row("requests.move", Permission.MANAGE_REQUESTS,
        lambda c, a, code: requests.move(c.session, a, code, "in_review"), prepare=Cell.request),
    Row("requests.answer", Permission.MANAGE_REQUESTS,
        lambda c, a, code: requests.answer(c.session, a, code, "پاسخ"), prepare=Cell.request),
    Row("requests.add_note", Permission.MANAGE_REQUESTS,
        lambda c, a, code: requests.add_note(c.session, a, code, "یادداشت"), prepare=Cell.request),
    Row("attachments.add_attachment", Permission.MANAGE_REQUESTS,
        lambda c, a, src: attachments.add_attachment(c.session, a, src[0], src[1], c.world.data_dir),
        prepare=lambda c: (c.request(), _source_file(c))),
    # ------------------------------------------------------------ reads of personal data
    Row("requests.get", Permission.VIEW_REQUESTS,
        lambda c, a, _: requests.get(c.session, a, c.world.tracking_code),
        check=_masked, writes=False, masks=Permission.VIEW_PERSONAL_DATA),
    Row("requests.lookup", Permission.VIEW_REQUESTS,
        lambda c, a, _: requests.lookup(c.session, a, c.world.tracking_code, "۴۵۶۷"),
        check=_masked, writes=False, masks=Permission.VIEW_PERSONAL_DATA, label="requests.lookup+last4"),
    Row("requests.lookup", Permission.VIEW_REQUESTS,
        lambda c, a, _: requests.lookup(c.session, a, c.world.tracking_code),
        check=lambda c, a, status: isinstance(status, requests.PublicStatus), writes=False,
        label="requests.lookup-status-only"),
    Row("requests.search", Permission.VIEW_REQUESTS,
        lambda c, a, _: requests.search(c.session, a), check=_masked, writes=False,
        masks=Permission.VIEW_PERSONAL_DATA),
    Row("requests.overdue", Permission.VIEW_REQUESTS,
        lambda c, a, _: requests.overdue(c.session, a, dt.date(2100, 1, 1)), check=_masked, writes=False,
        masks=Permission.VIEW_PERSONAL_DATA, direct=False),
    Row("requests.history", Permission.VIEW_REQUESTS,
        lambda c, a, _: requests.history(c.session, a, c.world.tracking_code), check=_internal_notes, writes=False),
    Row("attachments.attachments", Permission.VIEW_REQUESTS,
        lambda c, a, _: attachments.attachments(c.session, a, c.world.tracking_code, c.world.data_dir),
        check=lambda c, a, listed: [x.file_name for x in listed] == ["scan.txt"], writes=False),
    Row("attachments.open_attachment", Permission.VIEW_PERSONAL_DATA,
        lambda c, a, _: attachments.open_attachment(c.session, a, c.world.attachment_id, c.world.data_dir),
        check=lambda c, a, data: data == "پیوست".encode(), writes=False),
    Row("audit.search", Permission.VIEW_AUDIT,
        lambda c, a, _: audit.search(c.session, a, action="request."),
        check=lambda c, a, entries: bool(entries), writes=False),
    Row("audit.filter_choices", Permission.VIEW_AUDIT,
        lambda c, a, _: audit.filter_choices(c.session, a),
        check=lambda c, a, found: "request." in found.actions, writes=False),
    Row("audit.check_trail", Permission.VIEW_AUDIT,
        lambda c, a, _: audit.check_trail(c.session, a),
        check=lambda c, a, found: found.checked > 0 and found.problems == [], writes=False),
    Row("reporting.issued_pdf", Permission.VIEW,
        lambda c, a, report_id: reporting.issued_pdf(c.session, a, report_id),
        prepare=_issued_report, check=lambda c, a, pdf: pdf.startswith(b"%PDF"), writes=False),
    # ------------------------------------------------------------ backups (SQLite data folders)
    Row("backup.make_backup", Permission.BACKUP,
        lambda c, a, _: backup.make_backup(c.world.db, a, c.world.folder / "made" / f"m{c.n}.rbk", PASSPHRASE),
        check=_audited("backup.create"), sqlite_only=True),
    Row("backup.clear_restore_flag", Permission.BACKUP,
        lambda c, a, _: backup.clear_restore_flag(c.world.db, a),
        check=lambda c, a, was_set: was_set is False, writes=False),  # no flag set: nothing to record
    Row("backup.restore_backup", Permission.BACKUP,
        lambda c, a, source: backup.restore_backup(c.world.db, a, source or c.world.folder / "none.rbk", PASSPHRASE,
                                                   backup_dir=c.world.folder / "safety"),
        prepare=_backup_file, check=_audited("backup.restore"), sqlite_only=True),
    Row("backup.inspect", Permission.BACKUP,
        lambda c, a, source: backup.inspect(c.world.db, a, source or c.world.folder / "none.rbk", PASSPHRASE),
        prepare=_backup_file, check=lambda c, a, origin: origin.same_installation and not origin.foreign,
        writes=False, sqlite_only=True),
    # ------------------------------------------------------------ several workstations
    Row("enrolment.add", Permission.MANAGE_WORKSTATIONS,
        lambda c, a, _: enrolment.add(c.session, a, f"ایستگاه {c.n}", c.world.data_dir),
        check=lambda c, a, e: e.data.startswith(b"RASADSY1") and 1 <= e.number <= 99),
    Row("enrolment.join", Permission.SYNC,
        lambda c, a, p: enrolment.join(p[0], a, p[1].data, p[1].code, p[2]), prepare=lambda c: _fresh_workstation(c),
        check=lambda c, a, node: node.role == "workstation"),
    Row("enrolment.workstations", Permission.VIEW,
        lambda c, a, _: enrolment.workstations(c.session, a), writes=False,
        check=lambda c, a, rows: all(1 <= r.number <= 99 for r in rows)),
    Row("enrolment.assign", Permission.MANAGE_WORKSTATIONS,
        lambda c, a, n: enrolment.assign(c.session, a, n, ["3"]), prepare=lambda c: _enrol(c).number,
        check=lambda c, a, changed: changed == 1),
    Row("enrolment.assign_exactly", Permission.MANAGE_WORKSTATIONS,
        lambda c, a, n: enrolment.assign_exactly(c.session, a, n, ["2"]), prepare=lambda c: _enrol(c).number,
        check=lambda c, a, changed: changed == 1),
    Row("enrolment.assignable_agencies", Permission.VIEW,
        lambda c, a, _: enrolment.assignable_agencies(c.session, a), writes=False,
        check=lambda c, a, rows: {"1", "2", "3"} <= {code for code, _name, _owner in rows}),
    Row("enrolment.retire", Permission.MANAGE_WORKSTATIONS,
        lambda c, a, n: enrolment.retire(c.session, a, n), prepare=lambda c: _enrol(c).number),
    Row("packages.export_package", Permission.SYNC,
        lambda c, a, n: packages.export_package(c.session, a, c.world.data_dir, n), prepare=lambda c: _enrol(c).number,
        check=lambda c, a, exported: exported.data.startswith(b"RASADSY1")),
    Row("packages.import_package", Permission.SYNC,
        lambda c, a, data: packages.import_package(c.session, a, data, c.world.data_dir), prepare=lambda c: _ws_package(c),
        check=lambda c, a, outcome: outcome.applied == 2),  # the request and its registration event
    Row("packages.preview_package", Permission.SYNC,
        lambda c, a, data: packages.preview_package(c.session, a, data, c.world.data_dir), prepare=lambda c: _ws_package(c),
        check=lambda c, a, preview: preview.outcome.applied == 2 and len(preview.lines) == 2, writes=False),
    Row("conflicts.conflicts", Permission.VIEW,
        lambda c, a, _: sync_conflicts.conflicts(c.session, a), writes=False,
        check=lambda c, a, rows: all(r.resolution is None for r in rows)),
    Row("conflicts.resolve", Permission.MANAGE_WORKSTATIONS,
        lambda c, a, change_id: sync_conflicts.resolve(c.session, a, change_id, "workstation", c.world.data_dir),
        prepare=lambda c: _conflict(c),
        check=lambda c, a, _: c.session.scalar(select(func.count()).select_from(Holiday)
                                               .where(Holiday.day == _holiday_day(c, 5000))) == 1),
    # ------------------------------------------------------------ demo data (last: it makes the database big)
    Row("demo.load_demo", Permission.LOAD_DEMO,
        lambda c, a, _: demo.load_demo(c.session, a, 1490, 1)),
]


def _enrol(cell: Cell) -> enrolment.Enrolment:
    return enrolment.add(cell.session, ADMIN, f"ایستگاه {cell.n}", cell.world.data_dir)


def _fresh_workstation(cell: Cell) -> tuple[Session, enrolment.Enrolment, Path]:
    """An enrolment file and an empty database to join it into."""
    e = _enrol(cell)
    folder = cell.world.folder / f"ws{cell.n}"
    db = Database.open(f"sqlite:///{(folder / 'rasad.db').as_posix()}")
    return db.session(), e, folder


def _ws_package(cell: Cell) -> bytes:
    """A package from a workstation just enrolled, holding one request registered there."""
    s, e, folder = _fresh_workstation(cell)
    with s:
        enrolment.join(s, ADMIN, e.data, e.code, folder)
        requests.register(s, ADMIN, requests.NewRequest("complaint", "in_person", *PERSON, "از ایستگاه", "متن"),
                          workstation=1)
        return packages.export_package(s, ADMIN, folder).data


def _conflict(cell: Cell) -> int:
    """A kept conflict: a workstation's new holiday, where the office says there is another."""
    day = _holiday_day(cell, 5000).isoformat()
    row = SyncChange(origin=98, seq=cell.n + 1, kind="holiday", key=f'["{day}"]', before='{"title":"پیشین"}',
                     after='{"title":"تعطیل ایستگاه"}', username="clerk", at=dt.datetime(2026, 11, 1),
                     status="conflict")
    cell.session.add(row)
    cell.session.commit()
    return row.id


def _source_file(cell: Cell) -> Path:
    src = cell.world.folder / "sources" / f"note{cell.n}.txt"
    src.parent.mkdir(exist_ok=True)
    src.write_text("متن پیوست", encoding="utf-8")
    return src


# ------------------------------------------------------------------ the cells
def persian(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in text)


def dump(session: Session) -> dict[str, list[tuple]]:
    """Every row of every table, in key order."""
    session.rollback()
    out = {}
    for table in Base.metadata.sorted_tables:
        q = select(table).order_by(*table.primary_key.columns)
        out[table.name] = [tuple(r) for r in session.execute(q)]
    session.rollback()
    return out


def audit_count(session: Session) -> int:
    session.rollback()
    return session.scalar(select(func.count()).select_from(AuditLog))


def allowed(permission: Permission, role: Role | None) -> bool:
    return role is not None and permission in GRANTS[role]


ROLES: list[Role | None] = [*Role, None]  # None: a caller that is not an Actor at all
CELLS = [
    pytest.param(row, role, id=f"{row.id}-{role.value if role else 'no-actor'}")
    for row in ROWS
    for role in sorted(ROLES, key=lambda r: allowed(row.permission, r))  # refusals first
    if role is not None or row.takes_actor
]


@pytest.mark.parametrize("row, role", CELLS)
def test_role_matrix(world: World, row: Row, role: Role | None) -> None:
    actor = Actor(f"{role.value}-matrix", role) if role is not None else None
    with world.db.session() as s, ExitStack() as own:
        cell = Cell(s, world, role, next(world.counter))
        prepared = row.prepare(cell)
        before, files, audits = dump(s), world.files(), audit_count(s)
        if world.logins and role is not None and row.name not in ON_ANOTHER_DATABASE:
            db, actor = _login_for(world, row, role, prepared, own)  # the call reaches the server as the role
            cell.session = own.enter_context(db.session())
        if not allowed(row.permission, role):
            with pytest.raises(PermissionDenied) as refused:
                row.call(cell, actor, prepared)
            assert persian(refused.value.message_fa), refused.value.message_fa
            assert refused.value.message_en
            assert dump(s) == before, "a refused call left a trace in the database"
            assert world.files() == files, "a refused call wrote a file"
            return
        if row.sqlite_only and world.backend != "sqlite":
            with pytest.raises(backup.BackupError) as err:
                row.call(cell, actor, prepared)
            assert err.value.code == "backup_sqlite_only" and persian(err.value.message_fa)
            return
        result = row.call(cell, actor, prepared)
        if row.writes and row.check is None:
            assert audit_count(s) > audits, "an allowed write left no audit record"
        if row.check is not None:
            assert row.check(cell, actor, result) is not False


ON_ANOTHER_DATABASE = ("enrolment.join",)  # runs on a new workstation's own database, not the server's


def _login_for(world: World, row: Row, role: Role, prepared: Any, own: ExitStack) -> tuple[Database, Actor]:
    """The role's signed-in login; signing in (and changing one's password) on a
    workstation of its own, so the role's login stays signed in for the next cells."""
    if row.name not in ("accounts.sign_in", "accounts.change_password"):
        return world.logins[role]
    db = Database.open(world.workstation_url)
    own.callback(db.close)
    if row.name == "accounts.change_password":
        with db.session() as s:
            accounts.sign_in(s, prepared.username, PASSWORD)
    return db, world.logins[role][1]


# ------------------------------------------------------------------ the table is complete
def role_checks() -> dict[str, set[Permission]]:
    """module.function → the permissions it checks itself, for every public function in
    rasad_desktop/services and rasad_desktop/exchange that calls ``writing(…, Permission.X)`` or ``require(…, Permission.X)``."""
    found: dict[str, set[Permission]] = {}
    folders = (Path(services_pkg.__file__).parent, Path(exchange_pkg.__file__).parent)
    for path in sorted(p for folder in folders for p in folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in tree.body:
            if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef) or fn.name.startswith("_"):
                continue
            for node in ast.walk(fn):
                if not isinstance(node, ast.Call):
                    continue
                callee = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                if callee not in ("writing", "require"):
                    continue
                for arg in node.args:
                    if isinstance(arg, ast.Attribute) and getattr(arg.value, "id", "") == "Permission":
                        found.setdefault(f"{path.stem}.{fn.name}", set()).add(Permission[arg.attr])
    return found


def test_every_role_checked_service_has_a_row() -> None:
    checks = role_checks()
    table = {(row.name, row.permission) for row in ROWS}
    missing = sorted(f"{name} ({p.name})" for name, perms in checks.items() for p in perms if (name, p) not in table)
    assert not missing, f"role-checked services without a row in ROWS: {missing}"
    stale = sorted(f"{row.name} ({row.permission.name})" for row in ROWS
                   if row.direct and row.permission not in checks.get(row.name, set()))
    assert not stale, f"rows whose function no longer checks that permission itself: {stale}"


def test_every_permission_is_in_the_table() -> None:
    covered = {row.permission for row in ROWS} | {row.masks for row in ROWS if row.masks}
    missing = set(Permission) - covered - set(NOT_CHECKED_BY_SERVICES)
    assert not missing, f"permissions without a row in ROWS: {sorted(p.name for p in missing)}"
    checked = set().union(*role_checks().values())
    for permission, reason in NOT_CHECKED_BY_SERVICES.items():
        assert permission not in checked, f"{permission.name} is checked by a service now: give it a row"
        assert all(permission in GRANTS[r] for r in Role), f"{permission.name} is no longer every role's ({reason})"


def test_every_role_has_grants_and_the_matrix_refuses_something() -> None:
    assert set(GRANTS) == set(Role)
    for role in Role:
        refused = [row.id for row in ROWS if not allowed(row.permission, role)]
        assert role is Role.ADMIN or refused, f"{role.name} is refused nothing"
    assert all(not allowed(row.permission, None) for row in ROWS)

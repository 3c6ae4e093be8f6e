"""An office and its workstations on this machine, for the synchronisation tests: each a
database of its own with its data folder, driven through the services as users would."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from rasad_desktop.db.database import Database
from rasad_desktop.db.models import (
    Agency,
    ClassificationNode,
    Collection,
    FiscalYear,
    Holiday,
    RequestAttachment,
    ServiceRequest,
    SyncChange,
)
from rasad_desktop.services import attachments, budget, collections, holidays, requests
from rasad_desktop.services.collections import Entry
from rasad_desktop.services.roles import Actor, Role
from rasad_desktop.services.sync import conflicts, enrolment, packages
from rasad_desktop.services.sync.merge import Outcome

YEAR = 1405
LINES = [("100000", "درآمدها"), ("110000", "درآمدهای مالیاتی"), ("110100", "مالیات اشخاص حقوقی"),
         ("110104", "مالیات شرکت‌ها"), ("140000", "فروش کالاها و خدمات"), ("140100", "فروش خدمات"),
         ("140101", "خدمات آموزشی")]
CELL_LINES = ("110104", "140101")
AGENCIES = [("1", "اداره کل الف"), ("2", "اداره کل ب"), ("3", "اداره کل پ")]
ADMIN = Actor("admin-office", Role.ADMIN)
PERSON = ("مریم احمدی", "0499370899", "09141234567")


def clerk(where: str) -> Actor:
    return Actor(f"clerk-{where}", Role.DATA_ENTRY)


@dataclass
class Node:
    """One database of the office: the office itself or a workstation."""

    name: str
    db: Database
    data_dir: Path
    number: int = 0  # 0: the office
    codes: list[str] = field(default_factory=list)

    @property
    def who(self) -> Actor:
        return ADMIN if self.number == 0 else clerk(self.name)

    # ------------------------------------------------------------------ entering
    def set_cell(self, agency: str, line: str, month: int, amount: int | None, actor: Actor | None = None) -> int:
        with self.db.session() as s:
            return collections.save_month(s, actor or self.who, YEAR, month, agency, [Entry(line, amount)])

    def register(self, subject: str = "موضوع") -> str:
        with self.db.session() as s:
            view = requests.register(s, self.who, requests.NewRequest("complaint", "in_person", *PERSON, subject,
                                                                      "متن"), workstation=1)
        self.codes.append(view.tracking_code)
        return view.tracking_code

    def answer(self, code: str, text: str) -> None:
        with self.db.session() as s:
            requests.answer(s, self.who, code, text)

    def attach(self, code: str, content: bytes, tmp: Path) -> None:
        src = tmp / f"{self.name}-{len(content)}-{abs(hash(content)) % 10_000}.txt"
        src.write_bytes(content)
        with self.db.session() as s:
            attachments.add_attachment(s, self.who, code, src, self.data_dir)

    def add_holiday(self, day: dt.date, title: str) -> None:
        with self.db.session() as s:
            holidays.add_holiday(s, ADMIN, day, title)

    # ------------------------------------------------------------------ packages
    def export(self, to: int | None = None) -> bytes:
        with self.db.session() as s:
            return packages.export_package(s, self.who, self.data_dir, to).data

    def take(self, data: bytes) -> Outcome:
        with self.db.session() as s:
            return packages.import_package(s, self.who, data, self.data_dir)

    def resolve(self, change_id: int, keep: str) -> None:
        with self.db.session() as s:
            conflicts.resolve(s, ADMIN, change_id, keep, self.data_dir)

    def conflicts(self) -> list[conflicts.ConflictRow]:
        with self.db.session() as s:
            return conflicts.conflicts(s, ADMIN)

    # ------------------------------------------------------------------ reading back
    def cells(self) -> dict[tuple[str, str, int], tuple[int, str]]:
        """(agency, line, month) → (amount, who entered it)."""
        with self.db.session() as s:
            q = select(Agency.code, ClassificationNode.code, Collection.month, Collection.amount, Collection.entered_by) \
                .join(Agency, Agency.id == Collection.agency_id) \
                .join(ClassificationNode, ClassificationNode.id == Collection.line_id) \
                .join(FiscalYear, FiscalYear.id == Collection.fiscal_year_id).where(FiscalYear.year == YEAR)
            return {(a, line, m): (amount, who) for a, line, m, amount, who in s.execute(q)}

    def requests(self) -> dict[str, tuple[str, str]]:
        """tracking code → (status, answer)."""
        with self.db.session() as s:
            return {r.tracking_code: (r.status, r.answer) for r in s.scalars(select(ServiceRequest))}

    def attachment_hashes(self) -> set[tuple[str, str]]:
        with self.db.session() as s:
            q = select(ServiceRequest.tracking_code, RequestAttachment.sha256).join(
                ServiceRequest, ServiceRequest.id == RequestAttachment.request_id)
            return {(code, sha) for code, sha in s.execute(q)}

    def attachment_files_ok(self) -> bool:
        """Every attachment's file is in this data folder, with its recorded SHA-256."""
        import hashlib

        with self.db.session() as s:
            for att in s.scalars(select(RequestAttachment)):
                path = attachments.folder(self.data_dir) / att.stored_name
                if not path.exists() or hashlib.sha256(path.read_bytes()).hexdigest() != att.sha256:
                    return False
        return True

    def holidays(self) -> dict[dt.date, str]:
        with self.db.session() as s:
            return {h.day: h.title for h in s.scalars(select(Holiday))}

    def changes(self) -> list[SyncChange]:
        with self.db.session() as s:
            rows = list(s.scalars(select(SyncChange).order_by(SyncChange.id)))
            s.expunge_all()
            return rows

    def count(self, model: Any) -> int:
        with self.db.session() as s:
            return int(s.scalar(select(func.count()).select_from(model)) or 0)


def values(row: SyncChange, which: str) -> Any:
    text = getattr(row, which)
    return None if text is None else json.loads(text)


def build_office(db: Database, folder: Path) -> Node:
    """The office: one year, a few lines and agencies, approved amounts."""
    folder.mkdir(parents=True, exist_ok=True)
    with db.session() as s:
        budget.create_year(s, ADMIN, YEAR)
        for code, title in LINES:
            budget.add_line(s, ADMIN, YEAR, code, title)
        for code, name in AGENCIES:
            budget.save_agency(s, ADMIN, code, name)
            for line in CELL_LINES:
                budget.set_approved(s, ADMIN, YEAR, code, line, 1_000_000)
    return Node("office", db, folder)


def enrol(office: Node, folder: Path, name: str) -> Node:
    """A workstation enrolled at the office and joined in a new SQLite database."""
    with office.db.session() as s:
        e = enrolment.add(s, ADMIN, name, office.data_dir, office_station=1)
    folder.mkdir(parents=True, exist_ok=True)
    db = Database.open(f"sqlite:///{(folder / 'rasad.db').as_posix()}")
    with db.session() as s:
        enrolment.join(s, Actor("cli:it", Role.ADMIN), e.data, e.code, folder)
    return Node(name, db, folder, e.number)

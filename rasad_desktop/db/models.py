"""SQLAlchemy 2.x typed models.

Money columns are ``BigInteger`` integer rials. Keys are ``Integer`` (a rowid alias on
SQLite, 64-bit there anyway; a ``BigInteger`` key would not autoincrement on SQLite).
Times are naive UTC. Choices (roles, columns, sources) are short strings checked by the
services, not native enums, so that migrations stay simple on both SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from rasad_desktop.core.clock import utcnow

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class FiscalYear(Base):
    __tablename__ = "fiscal_years"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer, unique=True)  # Jalali, e.g. 1404
    note: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (CheckConstraint("year BETWEEN 1300 AND 1500", name="year_range"),)


class ClassificationNode(Base):
    """One code of a budget table in one year (codes repeat across years and tables)."""

    __tablename__ = "classification_nodes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fiscal_year_id: Mapped[int] = mapped_column(ForeignKey("fiscal_years.id", ondelete="CASCADE"))
    table_no: Mapped[int] = mapped_column(SmallInteger, default=5)
    code: Mapped[str] = mapped_column(String(6))
    title: Mapped[str] = mapped_column(String(300))
    level: Mapped[int] = mapped_column(SmallInteger)  # 1 part … 4 row
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("classification_nodes.id"), nullable=True)
    part: Mapped[int] = mapped_column(SmallInteger)  # first digit: 1, 2 or 3
    earmarked: Mapped[bool] = mapped_column(Boolean, default=False)  # درآمد اختصاصی

    parent: Mapped[ClassificationNode | None] = relationship(remote_side=[id])

    __table_args__ = (
        UniqueConstraint("fiscal_year_id", "table_no", "code", name="uq_node_year_table_code"),
        CheckConstraint("level BETWEEN 1 AND 4", name="level_range"),
    )


class Agency(Base):
    """An executive agency (دستگاه اجرایی); agencies persist across years."""

    __tablename__ = "agencies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    search_key: Mapped[str] = mapped_column(String(300), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # the workstation whose clerks enter this agency's figures (None: any); set at the office
    owner_station: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)


class Assignment(Base):
    """An approved amount: agency × revenue line × national/provincial column."""

    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fiscal_year_id: Mapped[int] = mapped_column(ForeignKey("fiscal_years.id", ondelete="CASCADE"))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    line_id: Mapped[int] = mapped_column(ForeignKey("classification_nodes.id"))
    budget_column: Mapped[str] = mapped_column(String(12), default="provincial")
    approved: Mapped[int] = mapped_column(BigInteger)
    revised: Mapped[int | None] = mapped_column(BigInteger, nullable=True)  # by amendment
    note: Mapped[str] = mapped_column(String(500), default="")

    schedule: Mapped[list[MonthlySchedule]] = relationship(
        back_populates="assignment", cascade="all, delete-orphan", order_by="MonthlySchedule.month"
    )

    __table_args__ = (
        UniqueConstraint("agency_id", "line_id", "budget_column", name="uq_assignment_cell"),
        CheckConstraint("approved >= 0", name="approved_nonnegative"),
        CheckConstraint("revised IS NULL OR revised >= 0", name="revised_nonnegative"),
        CheckConstraint("budget_column IN ('national', 'provincial')", name="budget_column_values"),
        Index("ix_assignments_year_agency", "fiscal_year_id", "agency_id"),
    )


class MonthlySchedule(Base):
    """A communicated monthly target (برنامه ابلاغی) for an assignment; 12 rows or none."""

    __tablename__ = "monthly_schedules"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"))
    month: Mapped[int] = mapped_column(SmallInteger)
    amount: Mapped[int] = mapped_column(BigInteger)

    assignment: Mapped[Assignment] = relationship(back_populates="schedule")

    __table_args__ = (
        UniqueConstraint("assignment_id", "month", name="uq_schedule_month"),
        CheckConstraint("month BETWEEN 1 AND 12", name="month_range"),
        CheckConstraint("amount >= 0", name="amount_nonnegative"),
    )


class Collection(Base):
    """What an agency collected on a line in one month (one amount per cell)."""

    __tablename__ = "collections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fiscal_year_id: Mapped[int] = mapped_column(ForeignKey("fiscal_years.id", ondelete="CASCADE"))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    line_id: Mapped[int] = mapped_column(ForeignKey("classification_nodes.id"))
    budget_column: Mapped[str] = mapped_column(String(12), default="provincial")
    month: Mapped[int] = mapped_column(SmallInteger)
    amount: Mapped[int] = mapped_column(BigInteger)  # may be negative: a refund or correction
    source: Mapped[str] = mapped_column(String(20), default="manual")
    document_ref: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(String(200), default="", server_default="")  # why a warned figure is right
    entered_by: Mapped[str] = mapped_column(String(100))
    entered_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (
        UniqueConstraint("agency_id", "line_id", "budget_column", "month", name="uq_collection_cell"),
        CheckConstraint("month BETWEEN 1 AND 12", name="month_range"),
        CheckConstraint("budget_column IN ('national', 'provincial')", name="budget_column_values"),
        # covering indexes: period sums GROUP BY agency (or agency × line) and by line are
        # read in index order, with no sort (benchmarks/bench_foundation.py)
        Index("ix_collections_year_agency", "fiscal_year_id", "agency_id", "line_id", "month", "amount"),
        Index("ix_collections_year_line", "fiscal_year_id", "line_id", "month", "amount"),
    )


class PeriodLock(Base):
    """A closed month: its collections can no longer be changed."""

    __tablename__ = "period_locks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fiscal_year_id: Mapped[int] = mapped_column(ForeignKey("fiscal_years.id", ondelete="CASCADE"))
    month: Mapped[int] = mapped_column(SmallInteger)
    locked_by: Mapped[str] = mapped_column(String(100))
    locked_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    reason: Mapped[str] = mapped_column(String(500), default="")

    __table_args__ = (
        UniqueConstraint("fiscal_year_id", "month", name="uq_lock_month"),
        CheckConstraint("month BETWEEN 1 AND 12", name="month_range"),
    )


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(100), default="")  # سمت: printed under the name as preparer
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))  # argon2id
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)  # by the administrator
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)  # lockout
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)

    __table_args__ = (
        CheckConstraint(
            "role IN ('admin', 'data_entry', 'report_officer', 'viewer')", name="role_values"
        ),
    )


class AuditLog(Base):
    """Who did what, when, with the values before and after (JSON)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    username: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[str] = mapped_column(String(100), default="")
    before: Mapped[str | None] = mapped_column(Text, nullable=True)
    after: Mapped[str | None] = mapped_column(Text, nullable=True)
    prev_hash: Mapped[str] = mapped_column(String(64), default="")  # the row before's hash
    hash: Mapped[str] = mapped_column(String(64), default="")  # SHA-256 over prev_hash and this row


class Notice(Base):
    """An announcement, e.g. maintenance with a time window (UTC)."""

    __tablename__ = "notices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default="maintenance")
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime)
    ends_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="window_order"),
        CheckConstraint("kind IN ('maintenance', 'info')", name="kind_values"),
    )


class IssuedReport(Base):
    """An issued report: its number, the frozen figures and the exact PDF that was sent.

    Rows are only ever added: a correction is a new row with the same number and the
    next version."""

    __tablename__ = "issued_reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(20))  # e.g. 1405/0012: Jalali issue year / serial
    issue_year: Mapped[int] = mapped_column(Integer)
    serial: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, default=1)
    kind: Mapped[str] = mapped_column(String(20))
    params: Mapped[str] = mapped_column(Text)  # JSON: year, through_month, unit, agency
    snapshot: Mapped[str] = mapped_column(Text)  # JSON: the figures shown
    content_hash: Mapped[str] = mapped_column(String(64))  # SHA-256 of kind, params, snapshot, number
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    pdf_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    verification_code: Mapped[str] = mapped_column(String(20))
    issued_by: Mapped[str] = mapped_column(String(100))
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("issued_reports.id"), nullable=True)

    __table_args__ = (
        UniqueConstraint("number", "version", name="uq_issued_number_version"),
        UniqueConstraint("issue_year", "serial", "version", name="uq_issued_serial_version"),
        CheckConstraint("version >= 1", name="version_positive"),
    )


class SigningCertificate(Base):
    """A certificate issued reports are signed with, or trusted when verifying one.

    ``office`` rows are the certificates Rasad made for the office: their key is kept in
    ``sealed_key`` (a PKCS#12 sealed with the signing passphrase, ``backup_container``), and
    the ``active`` one signs. ``imported`` rows are public certificates only: another
    office's, or the CA of an official's certificate. ``official`` rows are the
    certificates officials signed reports with (public part only)."""

    __tablename__ = "signing_certificates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)  # SHA-256 of the DER, hex
    certificate: Mapped[bytes] = mapped_column(LargeBinary)  # DER
    subject: Mapped[str] = mapped_column(String(300))
    source: Mapped[str] = mapped_column(String(10))  # office, imported, official
    sealed_key: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=False)
    added_by: Mapped[str] = mapped_column(String(100))
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ServiceRequest(Base):
    """A request, complaint or suggestion with its tracking code (کد پیگیری)."""

    __tablename__ = "service_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tracking_code: Mapped[str] = mapped_column(String(13), unique=True)  # 13 digits, Damm check digit
    kind: Mapped[str] = mapped_column(String(12))  # request, complaint, suggestion
    channel: Mapped[str] = mapped_column(String(12))  # in_person, phone, letter, portal
    requester_name: Mapped[str] = mapped_column(String(200))
    national_id: Mapped[str] = mapped_column(String(120))  # sealed (core.sealed_text), never in clear
    mobile: Mapped[str] = mapped_column(String(120))  # sealed
    mobile_factor: Mapped[str] = mapped_column(String(64), default="", server_default="")  # the lookup's check
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"), nullable=True)
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12), default="registered")
    answer: Mapped[str] = mapped_column(Text, default="")  # what the requester is told
    registered_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    registered_by: Mapped[str] = mapped_column(String(100))
    due_date: Mapped[dt.date] = mapped_column(Date)
    answered_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    jalali_day: Mapped[str] = mapped_column(String(8))  # 14050904: the code's date
    workstation: Mapped[int] = mapped_column(SmallInteger)
    serial: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        UniqueConstraint("jalali_day", "workstation", "serial", name="uq_request_day_station_serial"),
        CheckConstraint("kind IN ('request', 'complaint', 'suggestion')", name="kind_values"),
        CheckConstraint("channel IN ('in_person', 'phone', 'letter', 'portal')", name="channel_values"),
        CheckConstraint("status IN ('registered', 'in_review', 'answered', 'closed')", name="status_values"),
        Index("ix_service_requests_status_due", "status", "due_date"),
    )


class OfficeSecret(Base):
    """Secrets of the office kept in a server's database (its personal-data key); readable by
    the owner only where the server enforces the roles (db.server_setup). SQLite keeps
    none: its key is in a file outside the database (formats.key_file)."""

    __tablename__ = "office_secrets"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[bytes] = mapped_column(LargeBinary)


class RequestEvent(Base):
    """The history of a request: every status change, answer and internal note."""

    __tablename__ = "request_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("service_requests.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    username: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(20))  # registered, status, answer, note, reopen, attachment
    from_status: Mapped[str] = mapped_column(String(12), default="")
    to_status: Mapped[str] = mapped_column(String(12), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    internal: Mapped[bool] = mapped_column(Boolean, default=False)  # an internal note, never shown to the requester


class RequestAttachment(Base):
    """A file attached to a request, copied into the data folder under a random name."""

    __tablename__ = "request_attachments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("service_requests.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    stored_name: Mapped[str] = mapped_column(String(80), unique=True)
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    media_type: Mapped[str] = mapped_column(String(100))
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    added_by: Mapped[str] = mapped_column(String(100))


class Holiday(Base):
    """An official holiday (Gregorian date stored; shown and entered in Jalali)."""

    __tablename__ = "holidays"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, unique=True)
    title: Mapped[str] = mapped_column(String(200))


class OfficeSetting(Base):
    """Office-wide policies shared by every workstation on the database (JSON values)."""

    __tablename__ = "office_settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditHead(Base):
    """The end of the audit hash chain: detects deleting the newest audit rows."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # always 1
    last_id: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64), default="")


# ------------------------------------------------------------------ several workstations
class SyncNode(Base):
    """What this database is in the office: the office itself (the hub; a standalone
    install is one) or a workstation enrolled in it. One row, id 1."""

    __tablename__ = "sync_node"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    role: Mapped[str] = mapped_column(String(12), default="office")  # office | workstation
    office_id: Mapped[str] = mapped_column(String(36))  # the office's identity (a UUID)
    station: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)  # tracking-code number
    name: Mapped[str] = mapped_column(String(100), default="")
    instance_id: Mapped[str] = mapped_column(String(36))  # this copy's identity: a restored clone differs
    signing_key: Mapped[bytes] = mapped_column(LargeBinary)  # Ed25519 private key (raw 32 bytes)
    office_public_key: Mapped[bytes] = mapped_column(LargeBinary)  # the office's, to check its packages
    package_key: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)  # AES key shared with the office
    last_seq: Mapped[int] = mapped_column(Integer, default=0)  # of the changes made here (locked while writing)
    packages_made: Mapped[int] = mapped_column(Integer, default=0)  # each package's number, for its receiver
    # set when this workstation database is found in a data folder it was not enrolled in
    # (a restored or copied backup): it then gives no tracking codes and makes no changes
    copy_detected_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (CheckConstraint("role IN ('office', 'workstation')", name="role_values"),)


class SyncWorkstation(Base):
    """A workstation enrolled at the office (kept at the office). Numbers are never reused."""

    __tablename__ = "sync_workstations"

    number: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(100))
    public_key: Mapped[bytes] = mapped_column(LargeBinary)  # to check its packages
    package_key: Mapped[bytes] = mapped_column(LargeBinary)  # AES key its packages are sealed with
    instance_id: Mapped[str | None] = mapped_column(String(36), nullable=True)  # learnt from its first package
    enrolled_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    enrolled_by: Mapped[str] = mapped_column(String(100))
    last_package_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)  # lost or re-installed: its number stays used

    __table_args__ = (CheckConstraint("number BETWEEN 1 AND 99", name="number_range"),)


class SyncChange(Base):
    """One change to one entity, by its natural key (the same on every database), with the
    value before and after, who made it, where and when. ``origin`` is the database that
    made it (0 the office, else the workstation's number) and ``seq`` its place there."""

    __tablename__ = "sync_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    origin: Mapped[int] = mapped_column(SmallInteger)
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(30))
    key: Mapped[str] = mapped_column(Text)  # JSON list
    before: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON object; None: did not exist
    after: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON object; None: removed
    username: Mapped[str] = mapped_column(String(100))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    # applied (or made here) | present (already so) | conflict | held (waits for an earlier one)
    # | withheld (the office keeps it back while it decides a conflict)
    status: Mapped[str] = mapped_column(String(10), default="applied")
    received_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    problem: Mapped[str | None] = mapped_column(Text, nullable=True)  # why it could not apply (a missing reference)
    resolution: Mapped[str | None] = mapped_column(String(12), nullable=True)  # office | workstation | superseded
    resolved_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)

    __table_args__ = (
        UniqueConstraint("origin", "seq", name="uq_sync_change_origin_seq"),
        CheckConstraint("status IN ('applied', 'present', 'conflict', 'held', 'withheld')", name="status_values"),
        Index("ix_sync_changes_kind_key", "kind", "key"),
        Index("ix_sync_changes_status", "status"),
    )


class SyncPeer(Base):
    """What the other side is known to hold: for each origin, the last change (by seq) a
    package from it acknowledged. The office keeps one set per workstation; a
    workstation one for the office (peer 0)."""

    __tablename__ = "sync_peers"

    peer: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)
    origin: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)
    have: Mapped[int] = mapped_column(Integer, default=0)

"""The audit trail's hash chain: every write links its rows into the chain at commit, and
``verify_chain`` finds a row edited, deleted or inserted afterwards by raw SQL — at the row
where it happened. Rows written before migration 0003 are chained by the migration."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from needs import BACKENDS, POSTGRES_URL
from sqlalchemy import DateTime, bindparam, create_engine, func, select, text
from sqlalchemy.engine import make_url

from rasad_desktop.core.audit_hash import FIELDS, row_hash
from rasad_desktop.core.digits import localize_digits
from rasad_desktop.db.database import Database
from rasad_desktop.db.engine import make_engine
from rasad_desktop.db.migrate import HEAD, alembic_config, current_revision
from rasad_desktop.db.models import AuditHead, AuditLog, utcnow
from rasad_desktop.services import accounts, budget, notices, office, personal
from rasad_desktop.services.audit import ChainProblem, search, verify_chain
from rasad_desktop.services.collections import Entry, save_month
from rasad_desktop.services.demo import load_demo
from rasad_desktop.services.errors import PermissionDenied, ValidationError
from rasad_desktop.services.roles import Actor, Role


def check(database: Database) -> tuple[int, list[ChainProblem]]:
    """verify_chain in a fresh session (sees what the raw SQL did)."""
    with database.session() as s:
        return verify_chain(s)


def raw(database: Database, sql: str, **params: object) -> None:
    """Tamper as someone with direct access to the database would: plain SQL, no ORM."""
    statement = text(sql)
    if isinstance(params.get("at"), dt.datetime):
        statement = statement.bindparams(bindparam("at", type_=DateTime()))
    with database.engine.begin() as conn:
        conn.execute(statement, params)


def ids(session) -> list[int]:  # type: ignore[no-untyped-def]
    session.rollback()
    return list(session.scalars(select(AuditLog.id).order_by(AuditLog.id)))


@pytest.fixture
def written(database, session, admin) -> list[int]:  # type: ignore[no-untyped-def]
    """A few ordinary writes through the services: a dozen audit rows."""
    budget.create_year(session, admin, 1404)
    budget.add_line(session, admin, 1404, "100000", "درآمدها")
    budget.add_line(session, admin, 1404, "110000", "درآمدهای مالیاتی")
    budget.add_line(session, admin, 1404, "110100", "مالیات اشخاص حقوقی")
    budget.add_line(session, admin, 1404, "110104", "مالیات شرکت‌ها")
    for code, title in (("200000", "واگذاری دارایی‌های سرمایه‌ای"), ("210000", "منابع حاصل از واگذاری"),
                        ("210100", "فروش اموال"), ("210101", "فروش ساختمان‌ها")):
        budget.add_line(session, admin, 1404, code, title)
    budget.save_agency(session, admin, "1", "اداره کل الف")
    budget.set_approved(session, admin, 1404, "1", "110104", 1_200_000)
    accounts.create_user(session, admin, "sara", Role.DATA_ENTRY, "secret-pass-1", full_name="سارا")
    save_month(session, Actor("sara", Role.DATA_ENTRY), 1404, 1, "1", [Entry("110104", 100_000)])
    save_month(session, Actor("sara", Role.DATA_ENTRY), 1404, 1, "1", [Entry("110104", 120_000)])
    office.set_policy(session, admin, "idle_lock_minutes", 5)
    found = ids(session)
    assert len(found) >= 10
    return found


# ------------------------------------------------------------------------------ writing
def test_each_write_links_its_rows_into_the_chain(database, session, admin, written):
    rows = session.scalars(select(AuditLog).order_by(AuditLog.id)).all()
    key = personal.chain_key(session)  # a local database's chain is keyed; a server's is plain
    assert (key is not None) == (database.file is not None)
    prev = ""
    for row in rows:
        assert row.prev_hash == prev
        assert row.hash == row_hash(prev, {f: getattr(row, f) for f in FIELDS}, key)
        assert row.hash != row_hash(prev, {f: getattr(row, f) for f in FIELDS}) or key is None
        assert len(row.hash) == 64
        prev = row.hash
    head = session.get(AuditHead, 1)
    assert (head.last_id, head.last_hash) == (rows[-1].id, rows[-1].hash)
    # one write with several audit rows chains them in id order
    n = len(rows)
    save_month(session, admin, 1404, 2, "1", [Entry("110104", 1), Entry("210101", 2)])
    session.rollback()
    new = session.scalars(select(AuditLog).order_by(AuditLog.id).offset(n)).all()
    assert [r.action for r in new] == ["collection.set", "collection.set", "state.seal"]  # the seal comes last
    assert new[0].prev_hash == rows[-1].hash and new[1].prev_hash == new[0].hash and new[2].prev_hash == new[1].hash
    assert check(database) == (n + 3, [])


def test_a_refused_write_leaves_the_chain_and_its_head_alone(database, session, admin, written):
    head = session.get(AuditHead, 1)
    before = (head.last_id, head.last_hash)
    with pytest.raises(ValidationError):
        save_month(session, admin, 1404, 3, "1", [Entry("110104", 5), Entry("110104", "دوازده")])
    with pytest.raises(PermissionDenied):
        budget.create_year(session, Actor("guest", Role.VIEWER), 1405)
    session.rollback()
    head = session.get(AuditHead, 1, populate_existing=True)
    assert (head.last_id, head.last_hash) == before
    assert check(database) == (len(written), [])


def test_the_chain_stays_intact_over_many_writes_on_the_demo_province(database, session, admin):
    load_demo(session, admin, 1405, 8)
    for i in range(5):
        accounts.create_user(session, admin, f"user{i}", Role.VIEWER, "secret-pass-1")
        with pytest.raises(accounts.SignInError):
            accounts.sign_in(session, f"user{i}", "wrong password")
        accounts.sign_in(session, f"user{i}", "secret-pass-1")
    for month in range(1, 9):
        save_month(session, admin, 1405, month, "101", [Entry("110104", 1_000 + month)])
    budget.set_period_lock(session, admin, 1405, 1, True, reason="بستن ماه")
    office.set_policy(session, admin, "idle_lock_minutes", 3)
    notices.post_notice(session, admin, "نگهداری", "سامانه در دسترس نیست.",
                        utcnow() + dt.timedelta(days=1), utcnow() + dt.timedelta(days=1, hours=2))
    total = session.scalar(select(func.count()).select_from(AuditLog))
    assert total >= 25
    assert check(database) == (total, [])
    newest = search(session, admin, limit=4)
    assert [e.action for e in newest] == ["notice.post", "office.set", "state.seal", "period.lock"]


# ------------------------------------------------------------------------------ tampering
@pytest.mark.parametrize("column, value", [
    ("after", '{"amount": 999999999}'),
    ("username", "someone-else"),
    ("at", dt.datetime(2020, 1, 1, 8, 30)),
    ("before", None),
    ("action", "collection.view"),
])
def test_an_edited_row_is_found_at_that_row(database, written, column, value):
    target = written[len(written) // 2]
    if column == "before":  # the one row of `written` with a before value: the changed month
        with database.session() as s:
            target = s.scalar(select(AuditLog.id).where(AuditLog.before.is_not(None)))
    raw(database, f"UPDATE audit_log SET {column} = :{column} WHERE id = :id", id=target, **{column: value})
    count, problems = check(database)
    assert count == len(written)
    assert problems == [ChainProblem(target, "edited")]
    assert f"ردیف {localize_digits(str(target))} " in problems[0].message()
    assert "پس از ثبت تغییر کرده" in problems[0].message()


def test_a_deleted_middle_row_is_found_at_the_next_row(database, written):
    gone, following = written[4], written[5]
    raw(database, "DELETE FROM audit_log WHERE id = :id", id=gone)
    count, problems = check(database)
    assert count == len(written) - 1
    assert problems == [ChainProblem(following, "missing_before")]
    assert "حذف یا جابه‌جا" in problems[0].message()


def test_deleting_the_newest_rows_is_found_through_the_head(database, written):
    raw(database, "DELETE FROM audit_log WHERE id >= :id", id=written[-2])
    count, problems = check(database)
    assert count == len(written) - 2
    assert problems == [ChainProblem(written[-3], "head")]
    assert "آخرین ردیف‌ها" in problems[0].message()


def _row(database: Database, audit_id: int) -> dict[str, object]:
    with database.session() as s:
        row = s.get(AuditLog, audit_id)
        return {f: getattr(row, f) for f in (*FIELDS, "prev_hash", "hash")}


_INSERT = ("INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, before, after, "
           "prev_hash, hash) VALUES (:id, :at, :user_id, :username, :action, :entity, :entity_id, :before, "
           ":after, :prev_hash, :hash)")


def test_a_forged_row_is_found(database, written):
    last = _row(database, written[-1])
    forged = dict(last, id=written[-1] + 1, username="sara", action="user.reset_password", entity="user",
                  entity_id="admin", before=None, after=None, prev_hash=last["hash"], hash="0" * 64)
    raw(database, _INSERT, **forged)
    assert check(database)[1] == [ChainProblem(forged["id"], "edited"), ChainProblem(forged["id"], "head")]


def test_a_forged_row_with_a_correct_hash_is_still_found_through_the_head(database, written):
    last = _row(database, written[-1])
    forged = dict(last, id=written[-1] + 1, username="sara", action="user.reset_password", entity="user",
                  entity_id="admin", before=None, after=None, prev_hash=last["hash"])
    forged["hash"] = row_hash(last["hash"], {f: forged[f] for f in FIELDS})  # type: ignore[arg-type]
    raw(database, _INSERT, **forged)
    keyed = [ChainProblem(forged["id"], "unkeyed")] if database.file is not None else []  # type: ignore[arg-type]
    assert check(database)[1] == [*keyed, ChainProblem(forged["id"], "head")]  # type: ignore[arg-type]


def test_a_row_replaced_by_a_rehashed_one_is_found_at_the_next_row(database, written):
    target = written[3]
    old = _row(database, target)
    raw(database, "DELETE FROM audit_log WHERE id = :id", id=target)
    replacement = dict(old, username="someone-else")
    replacement["hash"] = row_hash(old["prev_hash"], {f: replacement[f] for f in FIELDS})  # type: ignore[arg-type]
    raw(database, _INSERT, **replacement)
    keyed = [ChainProblem(target, "unkeyed")] if database.file is not None else []
    assert check(database)[1] == [*keyed, ChainProblem(written[4], "missing_before")]


def test_rewriting_the_head_alone_does_not_hide_a_deletion(database, written):
    raw(database, "DELETE FROM audit_log WHERE id = :id", id=written[-1])
    prev = _row(database, written[-2])
    raw(database, "UPDATE audit_head SET last_id = :i, last_hash = :h WHERE id = 1", i=written[-2], h=prev["hash"])
    assert check(database) == (len(written) - 1, [])  # the newest row is gone without a trace …
    # … which is why the head is checked against the rows: a row deleted in the middle is not hidden
    raw(database, "DELETE FROM audit_log WHERE id = :id", id=written[2])
    assert check(database)[1] == [ChainProblem(written[3], "missing_before")]


def test_an_empty_trail_is_intact(database):
    assert check(database) == (0, [])


# ------------------------------------------------------------------------------ migration
@pytest.fixture(params=BACKENDS)
def blank_url(request, tmp_path):  # type: ignore[no-untyped-def]
    """The URL of an empty database, not yet migrated."""
    if request.param == "sqlite":
        yield f"sqlite:///{(tmp_path / 'old.db').as_posix()}"
        return
    name = "rasad_test_" + uuid.uuid4().hex[:12]
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_the_migration_chains_rows_written_before_it(blank_url, tmp_path):
    from alembic import command

    engine = make_engine(blank_url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0002_issued_reports")
    assert current_revision(engine) == "0002_issued_reports"
    old_rows = [
        dict(id=1, at=dt.datetime(2025, 3, 21, 8, 0, 0), user_id=None, username="cli:admin", action="demo.load",
             entity="province", entity_id="1403-1404", before=None, after='{"agencies": 40}'),
        dict(id=2, at=dt.datetime(2025, 3, 21, 9, 15, 30, 123456), user_id=1, username="sara",
             action="collection.set", entity="collection", entity_id="1404/1/1/110104",
             before='{"amount": 100000}', after='{"amount": 120000, "note": "سند ۱۲ — اصلاح‌شده"}'),
        dict(id=5, at=dt.datetime(2025, 3, 22, 23, 59, 59, 999999), user_id=1, username="sara",
             action="user.change_password", entity="user", entity_id="sara", before=None, after=None),
    ]
    insert = text("INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, before, after) "
                  "VALUES (:id, :at, :user_id, :username, :action, :entity, :entity_id, :before, :after)"
                  ).bindparams(bindparam("at", type_=DateTime()))
    with engine.begin() as conn:
        conn.execute(insert, old_rows)
        if conn.dialect.name == "postgresql":  # explicit ids do not move the sequence on
            conn.execute(text("SELECT setval(pg_get_serial_sequence('audit_log', 'id'), 5)"))
    engine.dispose()

    db = Database.open(blank_url, backup_dir=tmp_path / "backups")  # upgrades to HEAD
    try:
        assert current_revision(db.engine) == HEAD
        assert check(db) == (3, [])
        with db.session() as s:
            rows = s.scalars(select(AuditLog).order_by(AuditLog.id)).all()
            assert rows[0].prev_hash == "" and rows[2].prev_hash == rows[1].hash
            head = s.get(AuditHead, 1)
            assert (head.last_id, head.last_hash) == (5, rows[2].hash)
            # new writes carry on from the migrated rows
            accounts.create_user(s, Actor("setup", Role.ADMIN), "reza", Role.VIEWER, "secret-pass-1")
            s.rollback()
            created, seal = s.scalars(select(AuditLog).order_by(AuditLog.id.desc()).limit(2)).all()[::-1]
            assert created.prev_hash == rows[2].hash and seal.prev_hash == created.hash
        assert check(db) == (5, [])
        raw(db, "UPDATE audit_log SET after = :after WHERE id = 2", after='{"amount": 1}')
        assert check(db)[1] == [ChainProblem(2, "edited")]
    finally:
        db.close()


def test_the_migration_of_an_empty_trail_starts_an_empty_chain(blank_url, tmp_path):
    from alembic import command

    engine = make_engine(blank_url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0002_issued_reports")
    engine.dispose()
    db = Database.open(blank_url, backup_dir=tmp_path / "backups")
    try:
        with db.session() as s:
            head = s.get(AuditHead, 1)
            assert (head.last_id, head.last_hash) == (0, "")
        assert check(db) == (0, [])
        with db.session() as s:
            accounts.create_user(s, Actor("setup", Role.ADMIN), "reza", Role.VIEWER, "secret-pass-1")
        assert check(db) == (2, [])  # the account and its seal
    finally:
        db.close()


def test_a_whole_rewritten_chain_passes_alone_but_not_against_an_anchor_written_down_before(database, written):
    from rasad_desktop.services.audit import Anchor, chain_head

    with database.session() as s:
        anchor = chain_head(s)  # what IT wrote down after last month's check
    assert anchor is not None and anchor.audit_id == written[-1]
    assert Anchor.parse(f"{localize_digits(str(anchor.audit_id))}:{anchor.hash_prefix.upper()}") == anchor
    # someone with write access edits an early row and recomputes every hash after it, and the head
    prev = ""
    for audit_id in written:
        row = _row(database, audit_id)
        if audit_id == written[2]:
            row["username"] = "someone-else"
        new_hash = row_hash(prev, {f: row[f] for f in FIELDS})  # type: ignore[arg-type]
        raw(database, "UPDATE audit_log SET username = :u, prev_hash = :p, hash = :h WHERE id = :id",
            u=row["username"], p=prev, h=new_hash, id=audit_id)
        prev = new_hash
    raw(database, "UPDATE audit_head SET last_hash = :h WHERE id = 1", h=prev)
    if database.file is not None:  # a local chain is keyed: who rewrote it lacked the key
        problems = check(database)[1]
        assert problems and {p.kind for p in problems} == {"unkeyed"}, problems
        assert "کلید" in problems[0].message()
        return
    assert check(database)[1] == []  # a server's plain chain: a consistent forgery the chain alone cannot tell
    with database.session() as s:
        assert verify_chain(s, [anchor])[1] == [ChainProblem(anchor.audit_id, "anchor")]
        gone = Anchor(written[-1] + 50, "0" * 16)  # an anchor whose row no longer exists
        assert verify_chain(s, [gone])[1] == [ChainProblem(gone.audit_id, "anchor")]
    with pytest.raises(ValidationError):
        Anchor.parse("12-abc")


def test_writers_at_the_same_moment_keep_the_chain_in_id_order(database, written, admin):
    """Two workstations saving at once (on PostgreSQL they really overlap): each write's audit
    rows get their ids mid-transaction, so writes must not interleave or the chain order
    (fixed at commit) would differ from the id order verify reads in."""
    import threading

    errors: list[BaseException] = []

    def worker(agency: str, months: range) -> None:
        try:
            with database.session() as s:
                for m in months:
                    save_month(s, admin, 1404, m, agency, [Entry("110104", 1_000 + m), Entry("210101", 2_000 + m)])
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    with database.session() as s:
        budget.save_agency(s, admin, "W1", "ایستگاه یک")
        budget.save_agency(s, admin, "W2", "ایستگاه دو")
    threads = [threading.Thread(target=worker, args=(code, range(1, 13))) for code in ("W1", "W2")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    count, problems = check(database)
    assert problems == [] and count >= len(written) + 24

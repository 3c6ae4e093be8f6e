"""A PostgreSQL server that enforces the roles (issue 14, point 1), on a real server.

Each Rasad user signs in with their own login (the workstation's URL has no user and no
password); the server's grants let each role's connection do only what the role may:
every forbidden statement below, sent straight to the server on that role's own
connection, is refused by the server (SQLSTATE 42501) and changes nothing.
"""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from needs import POSTGRES, POSTGRES_URL, drop_postgres, drop_postgres_logins, fresh_postgres
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from rasad_desktop.db import logins, server_setup
from rasad_desktop.db.database import Database
from rasad_desktop.db.models import AuditLog, Base, Collection, User
from rasad_desktop.services import accounts, audit, demo, personal, requests, server_accounts
from rasad_desktop.services.accounts import SignInError
from rasad_desktop.services.errors import PermissionDenied, SessionEnded
from rasad_desktop.services.roles import Actor, Role

pytestmark = POSTGRES.unless(bool(POSTGRES_URL))
PASSWORD = "Server-login-pass-1"
ROLES = list(Role)


@dataclass
class Server:
    owner: Database  # IT's connection, with the owner's password: never a workstation's
    url: str  # what a workstation holds: no user, no password
    names: dict[Role, str]
    database: str

    def workstation(self) -> Database:
        return Database.open(self.url)

    def signed_in(self, role: Role, password: str = PASSWORD) -> tuple[Database, accounts.SignIn]:
        db = self.workstation()
        with db.session() as s:
            result = accounts.sign_in(s, self.names[role], password)
        return db, result


def _drop_roles(names: list[str]) -> None:
    engine = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        for name in names:
            conn.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
    engine.dispose()


def _owned_database() -> tuple[str, str, str]:
    """A fresh database owned, as the IT guide sets it up, by a role that may create roles
    but is no superuser: (the owner's URL, the database, the owner)."""
    url, database = fresh_postgres()
    owner = "owner" + uuid.uuid4().hex[:8]
    engine = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f"CREATE ROLE \"{owner}\" LOGIN CREATEROLE PASSWORD '{PASSWORD}'"))
        conn.execute(text(f'ALTER DATABASE "{database}" OWNER TO "{owner}"'))
    engine.dispose()
    return make_url(url).set(username=owner, password=PASSWORD).render_as_string(hide_password=False), database, owner


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    url, database, owner_role = _owned_database()
    owner = Database.open(url)
    tag = uuid.uuid4().hex[:6]
    names = {role: f"{role.value.replace('_', '')}{tag}" for role in Role}
    try:
        with owner.engine.begin() as conn:
            server_setup.apply(conn)
        with owner.session() as s:
            for role, name in names.items():
                accounts.create_user(s, Actor.console(), name, role, PASSWORD)
            demo.load_demo(s, Actor.console(), 1404, 3)
        workstation = logins.workstation_url(url)
        yield Server(owner, workstation, names, database)
    finally:
        owner.close()
        drop_postgres(database)
        drop_postgres_logins(database)
        _drop_roles([owner_role])


def _refused(db: Database, statement: str) -> str:
    """Run ``statement`` on ``db``'s connection; return the server's SQLSTATE."""
    with db.engine.connect() as conn:
        try:
            conn.exec_driver_sql(statement)
            conn.commit()
        except DBAPIError as exc:
            conn.rollback()
            return str(getattr(exc.orig, "sqlstate", ""))
    return "accepted"


def _state(server: Server) -> tuple:
    with server.owner.session() as s:
        return (s.scalar(select(func.count()).select_from(AuditLog)),
                s.scalar(select(func.sum(Collection.amount))),
                tuple(s.execute(select(User.username, User.role, User.locked).order_by(User.id))),
                s.execute(text("SELECT last_id, last_hash FROM audit_head")).one())


# ------------------------------------------------------------------ what no login may do
EVERY_ROLE = [
    "UPDATE audit_log SET action = 'forged' WHERE id = 1",
    "UPDATE audit_log SET after = NULL",
    "DELETE FROM audit_log",
    "TRUNCATE audit_log",
    "UPDATE audit_head SET last_id = 1, last_hash = ''",
    "DELETE FROM audit_head",
    "INSERT INTO audit_log (at, username, action, entity, entity_id, prev_hash, hash) "
    "VALUES (now(), 'someone-else', 'user.create', 'user', 'x', '', '')",
    "UPDATE issued_reports SET pdf = ''",
    "DELETE FROM issued_reports",
    "UPDATE alembic_version SET version_num = 'x'",
    "CREATE TABLE public.planted (x int)",
    "DROP TABLE collections",
    "ALTER TABLE audit_log DISABLE TRIGGER rasad_audit_guard",
    "CREATE ROLE planted LOGIN PASSWORD 'x'",
    "SELECT value FROM office_secrets",  # the personal-data key: no group reads it
    "UPDATE office_secrets SET value = ''",
    "SELECT * FROM rasad_factor_tries",
    "DELETE FROM rasad_factor_tries",
    "ALTER ROLE postgres PASSWORD 'taken-over'",
]
NOT_ADMIN = [
    "UPDATE users SET role = 'admin'",
    "UPDATE users SET locked = false, active = true",
    "INSERT INTO users (username, full_name, title, role, password_hash, must_change_password, failed_attempts, "
    "locked, active, created_at) VALUES ('planted', '', '', 'admin', 'x', false, 0, false, true, now())",
    "UPDATE assignments SET approved = approved + 1",
    "DELETE FROM assignments",
    "UPDATE office_settings SET value = 'x'",
    "DELETE FROM period_locks",
    "UPDATE sync_node SET role = 'workstation'",
    "UPDATE signing_certificates SET certificate = ''",
]
VIEWER = [
    "UPDATE collections SET amount = amount + 1",
    "INSERT INTO collections (fiscal_year_id, agency_id, line_id, budget_column, month, amount) "
    "SELECT fiscal_year_id, agency_id, line_id, budget_column, 12, 1 FROM collections LIMIT 1",
    "DELETE FROM collections",
    "UPDATE service_requests SET mobile = '09120000000'",
    "DELETE FROM request_events",
    "INSERT INTO sync_changes (origin, seq, kind, key, username, at, status) "
    "SELECT origin, seq + 1000000, kind, key, username, at, status FROM sync_changes LIMIT 1",
]
CASES = ([(role, s) for role in ROLES for s in EVERY_ROLE]
         + [(role, s) for role in ROLES if role is not Role.ADMIN for s in NOT_ADMIN]
         + [(Role.VIEWER, s) for s in VIEWER]
         + [(Role.REPORT_OFFICER, "UPDATE collections SET amount = 0")]
         + [(Role.DATA_ENTRY, "INSERT INTO issued_reports (number) VALUES ('x')")]
         + [(role, "DELETE FROM users") for role in ROLES]
         # a viewer's connection changes no table at all
         + [(Role.VIEWER, f"DELETE FROM {t}") for t in sorted(Base.metadata.tables)]
         + [(Role.VIEWER, f"TRUNCATE {t} CASCADE") for t in sorted(Base.metadata.tables)])


@pytest.mark.parametrize("role, statement", CASES, ids=[f"{r.value}:{s[:40]}" for r, s in CASES])
def test_the_server_refuses_what_the_role_may_not(server: Server, role: Role, statement: str) -> None:
    db, _ = server.signed_in(role)
    before = _state(server)
    try:
        assert _refused(db, statement) in ("42501", "RS001"), statement
    finally:
        db.close()
    assert _state(server) == before


SHADOWS = [  # a login's own copies of what the definer functions and triggers read
    "CREATE TEMP TABLE pg_database (datname name, datdba oid)",
    "CREATE TEMP TABLE pg_auth_members (roleid oid, member oid)",
    "CREATE TEMP TABLE users (username text, role text, locked bool, active bool)",
    "CREATE TEMP TABLE rasad_factor_tries (at timestamptz, login text, code text, ok boolean)",
    "CREATE TEMP TABLE office_secrets (name text, value bytea)",
]


@pytest.mark.parametrize("statement", SHADOWS)
def test_no_login_can_shadow_what_the_server_functions_read(server: Server, statement: str) -> None:
    db, _ = server.signed_in(Role.VIEWER)
    try:
        assert _refused(db, statement) == "42501"  # no temporary tables for any group
    finally:
        db.close()


def test_the_functions_read_the_catalog_and_tables_not_a_session_s_own(server: Server) -> None:
    """Even a role that could create temporary tables (the owner here) is not fooled: every
    function searches pg_temp last."""
    with server.owner.engine.connect() as conn:
        conn.exec_driver_sql("CREATE TEMP TABLE office_secrets (name text, value bytea)")
        conn.exec_driver_sql("INSERT INTO pg_temp.office_secrets VALUES ('personal_key', '\\x00')")
        key = conn.exec_driver_sql("SELECT rasad_personal_key()").scalar()
        assert key is not None and len(key) == 32
        conn.rollback()


def test_the_head_cannot_be_moved_past_the_newest_row(server: Server) -> None:
    """A login inserting a row with a huge id and moving the head onto it would lock every
    later write out: ids come from the sequence, the head goes onto the newest row only."""
    db, signed = server.signed_in(Role.REPORT_OFFICER)
    me, uid = signed.actor.username, signed.actor.user_id
    try:
        with db.engine.connect() as fresh:  # a connection that drew no id at all
            with pytest.raises(DBAPIError) as made_up:
                fresh.exec_driver_sql("INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, "
                                      f"prev_hash, hash) VALUES (2147483646, now(), {uid}, '{me}', 'x', 'x', 'x', '', "
                                      "'zz')")
            assert getattr(made_up.value.orig, "sqlstate", "") == "42501"
            fresh.rollback()
        assert _refused(db, "INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, prev_hash, "
                            f"hash) VALUES (2147483647, now(), {uid}, '{me}', 'x', 'x', 'x', '', 'zz')") == "42501"
        assert _refused(db, "UPDATE audit_head SET last_id = last_id + 1000") == "42501"
    finally:
        db.close()
    admin_db, _ = server.signed_in(Role.ADMIN)  # and everyone still writes
    admin_db.close()


def test_no_function_changes_an_account_for_a_non_administrator(server: Server) -> None:
    for role in (Role.DATA_ENTRY, Role.REPORT_OFFICER, Role.VIEWER):
        db, _ = server.signed_in(role)
        try:
            me = server.names[role]
            assert _refused(db, f"UPDATE users SET role = 'admin' WHERE username = '{me}'") == "42501"
            assert _refused(db, f"SELECT rasad_apply_account('{me}', NULL)") == "42501"
            assert _refused(db, f"GRANT \"{server.database}_admin\" TO \"{me}\"") == "42501"
        finally:
            db.close()


def test_an_administrator_cannot_take_over_a_server_role(server: Server) -> None:
    db, signed = server.signed_in(Role.ADMIN)
    try:
        with db.session() as s:
            with pytest.raises(Exception) as taken:  # the name is the server's superuser
                accounts.create_user(s, signed.actor, "postgres", Role.VIEWER, "Taken-over-pass-1")
            assert getattr(taken.value, "code", "") == "server_name_taken", taken.value
        assert _refused(db, "ALTER ROLE postgres PASSWORD 'x'") == "42501"
    finally:
        db.close()


# ------------------------------------------------------------------ what each login does
def test_the_workstation_holds_no_password_and_reads_nothing_before_sign_in(server: Server) -> None:
    url = make_url(server.url)
    assert url.username is None and url.password is None and logins.per_user(server.url)
    db = server.workstation()
    try:
        with db.session() as s, pytest.raises(logins.NotSignedIn):
            accounts.count_users(s)
    finally:
        db.close()


def test_unknown_names_and_wrong_passwords_get_the_same_answer(server: Server) -> None:
    db = server.workstation()
    try:
        answers = []
        for name, password in ((server.names[Role.VIEWER], "Wrong-password-9"), ("nobody" + uuid.uuid4().hex[:6],
                                                                                  PASSWORD)):
            with db.session() as s, pytest.raises(SignInError) as refused:
                accounts.sign_in(s, name, password)
            answers.append((refused.value.code, refused.value.message_fa))
        assert answers[0] == answers[1] and answers[0][0] == "wrong_password"
    finally:
        db.close()


def test_each_role_does_its_work_on_its_own_login(server: Server) -> None:
    entry, signed = server.signed_in(Role.DATA_ENTRY)
    try:
        with entry.session() as s:
            view = requests.register(s, signed.actor, requests.NewRequest(
                "complaint", "in_person", "زهرا کریمی", "0499370899", "09141234567", "تأخیر", "متن"),
                workstation=1)
            requests.add_note(s, signed.actor, view.tracking_code, "پیگیری شد")
            assert s.execute(text("SELECT session_user")).scalar() == server.names[Role.DATA_ENTRY]
    finally:
        entry.close()
    viewer, seen = server.signed_in(Role.VIEWER)
    try:
        with viewer.session() as s:  # a viewer's lookup is audited through its own login
            found = requests.lookup(s, seen.actor, view.tracking_code, "4567")
            assert found.tracking_code == view.tracking_code
            last = s.scalars(select(AuditLog).order_by(AuditLog.id.desc())).first()
            assert last is not None and last.username == server.names[Role.VIEWER]
    finally:
        viewer.close()
    admin_db, admin = server.signed_in(Role.ADMIN)
    try:
        with admin_db.session() as s:  # every write above was sealed and chained through the logins
            check = audit.check_trail(s, admin.actor)
            assert check.intact and check.checked > 0, check
    finally:
        admin_db.close()


def test_the_key_reaches_only_roles_that_see_personal_data(server: Server) -> None:
    entry, clerk = server.signed_in(Role.DATA_ENTRY)
    try:
        with entry.session() as s:
            code = requests.register(s, clerk.actor, requests.NewRequest(
                "request", "phone", "علی رضایی", "0499370899", "09127654321", "موضوع", "متن"),
                workstation=1).tracking_code
            assert len(s.execute(text("SELECT rasad_personal_key()")).scalar() or b"") == 32
            assert requests.get(s, clerk.actor, code).mobile == "09127654321"
    finally:
        entry.close()
    for role in (Role.VIEWER, Role.REPORT_OFFICER):
        db, seen = server.signed_in(role)
        try:
            with db.session() as s:
                assert s.execute(text("SELECT rasad_personal_key()")).scalar() is None
                stored = s.execute(text("SELECT national_id, mobile FROM service_requests WHERE tracking_code = :c"),
                                   {"c": code}).one()
                assert "0499370899" not in stored[0] and "7654321" not in stored[1]
                view = requests.get(s, seen.actor, code)
                assert view.national_id == personal.UNREADABLE and "4321" not in view.mobile
        finally:
            db.close()
    db, seen = server.signed_in(Role.VIEWER)
    try:  # the server checks the second factor itself, and limits the tries whatever the program does
        with db.engine.connect() as conn:
            tries = [conn.execute(text("SELECT rasad_factor_matches(:c, :d)"), {"c": code, "d": d}).scalar()
                     for d in ("0000", "1111", "2222", "3333", "4444", "4321")]
            conn.commit()
        assert tries == [False] * 6  # the right digits too, after five wrong ones
    finally:
        db.close()


def test_locking_resetting_and_demoting_reach_the_login(server: Server) -> None:
    admin_db, admin = server.signed_in(Role.ADMIN)
    tag = uuid.uuid4().hex[:6]
    name = f"temp{tag}"
    try:
        with admin_db.session() as s:
            accounts.create_user(s, admin.actor, name, Role.DATA_ENTRY, PASSWORD)
        server.names[Role.DATA_ENTRY], kept = name, server.names[Role.DATA_ENTRY]
        try:
            user_db, user = server.signed_in(Role.DATA_ENTRY)
            with admin_db.session() as s:
                accounts.set_role(s, admin.actor, name, Role.VIEWER)
            with user_db.session() as s, pytest.raises(SessionEnded):  # signed out at the next action
                requests.register(s, user.actor, requests.NewRequest(
                    "request", "phone", "علی", "0499370899", "09141234567", "موضوع", "متن"), workstation=1)
            user_db.close()
            db, demoted = server.signed_in(Role.DATA_ENTRY)  # the same login, now a viewer's connection
            assert demoted.actor.role is Role.VIEWER
            assert _refused(db, "UPDATE collections SET amount = amount + 1") == "42501"
            still_open = db.engine.connect()  # a session open when the administrator locks the account
            assert still_open.exec_driver_sql("SELECT count(*) FROM collections").scalar()
            still_open.commit()
            with admin_db.session() as s:
                accounts.set_locked(s, admin.actor, name, True)
            with pytest.raises(DBAPIError) as cut_off:  # it loses its privileges at once
                still_open.exec_driver_sql("SELECT count(*) FROM collections")
            assert getattr(cut_off.value.orig, "sqlstate", "") == "42501"
            still_open.close()
            db.close()
            with pytest.raises(SignInError) as locked:
                server.signed_in(Role.DATA_ENTRY)
            assert locked.value.code == "account_locked"
            with admin_db.session() as s:
                accounts.set_locked(s, admin.actor, name, False)
                temporary = accounts.reset_password(s, admin.actor, name)
            with pytest.raises(SignInError):
                server.signed_in(Role.DATA_ENTRY)  # the old password is gone from the server
            db, fresh = server.signed_in(Role.DATA_ENTRY, temporary)
            assert fresh.must_change_password
            with db.session() as s:
                with pytest.raises(Exception) as wrong_old:
                    accounts.change_password(s, fresh.actor, "not-the-password-1", "Brand-new-pass-77")
                assert getattr(wrong_old.value, "code", "") == "old_password"
                accounts.change_password(s, fresh.actor, temporary, "Brand-new-pass-77")
            db.close()
            db, again = server.signed_in(Role.DATA_ENTRY, "Brand-new-pass-77")
            assert not again.must_change_password
            db.close()
        finally:
            server.names[Role.DATA_ENTRY] = kept
            _drop_roles([name])
    finally:
        admin_db.close()


def test_a_refused_statement_reaches_the_user_in_persian(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    """A program changed on the workstation to skip its own checks (a viewer acting as an
    administrator) is stopped by the server, in Persian, and nothing is saved."""
    from rasad_desktop.services import uow

    monkeypatch.setattr(uow, "check_current", lambda _s, actor: actor)
    db, seen = server.signed_in(Role.VIEWER)
    before = _state(server)
    try:
        with db.session() as s:
            forged = Actor(seen.actor.username, Role.ADMIN, seen.actor.user_id)
            with pytest.raises(PermissionDenied) as refused:
                accounts.set_locked(s, forged, server.names[Role.ADMIN], True)
            assert "سرور" in refused.value.message_fa
    finally:
        db.close()
    assert _state(server) == before


def test_server_setup_command_prints_a_url_without_password(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url, database = fresh_postgres()
    name = "it" + uuid.uuid4().hex[:6]
    try:
        run = subprocess.run([sys.executable, "-m", "rasad_desktop", "--data-dir", str(tmp_path), "--lang", "en",
                              "--database-url", url, "server", "setup", "--admin", name],
                             input=PASSWORD + "\n", capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stderr
        printed = next(line for line in run.stdout.splitlines() if "URL for workstations" in line)
        workstation = printed.rsplit(" ", 1)[-1]
        assert make_url(workstation).password is None and make_url(workstation).username is None
        assert "rasad-ci" not in run.stdout
        db = Database.open(workstation)
        with db.session() as s:
            signed = accounts.sign_in(s, name, PASSWORD)
            assert signed.actor.role is Role.ADMIN
            assert server_accounts.enforced(s)
        db.close()
        again = subprocess.run([sys.executable, "-m", "rasad_desktop", "--data-dir", str(tmp_path), "--lang", "en",
                                "--database-url", url, "server", "setup"],
                               capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
        assert again.returncode == 0, again.stderr  # safe to run again (after an upgrade)
        assert "Temporary password" not in again.stdout
    finally:
        drop_postgres(database)
        drop_postgres_logins(database)

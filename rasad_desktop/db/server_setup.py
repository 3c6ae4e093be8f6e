"""What a shared PostgreSQL server needs so that it, not only the program, enforces the
roles (``rasad-cli server setup``, run by IT with the database owner's login, never from a
workstation's settings).

Each Rasad role is a group (``<database>_admin`` …); each user is a login in the group of
their role (``db.logins``). The grants below let a group do only what its role may:

- every group reads every table and appends to the audit trail (its sign-ins, lookups and
  writes are audited): it inserts audit rows in its own name only, chains them (the hash of
  a row not yet chained), and moves the chain's head forward only — no group can change or
  delete an audit row once written;
- a viewer changes no data; data entry writes collections and requests; a report officer
  adds issued reports (and the office's signing certificate); the administrator writes the
  rest, but issued reports and audit rows are insert-only for everyone;
- a locked or inactive account's login may not connect (NOLOGIN) and leaves its group, so
  its sessions still open lose their privileges at once;
- the office's personal-data key (``office_secrets``) is read by no group: the server hands
  it to administrators and data entry only (``rasad_personal_key``), and checks a lookup's
  second factor for the others (``rasad_factor_matches``, with its own limit of tries);
- logins, passwords and group membership change only through ``rasad_apply_account``, a
  definer function that checks the caller is an administrator (or the owner) and touches
  only Rasad's own logins; a user changes their own password through
  ``rasad_change_own_password``.

No group may create temporary tables, and every function names ``pg_temp`` last in its
search path: a login cannot shadow a catalog or a table a definer function reads. Audit
rows take their ids from the sequence and the head moves only onto the newest row.

Running it again after an upgrade (new tables) is safe: it revokes and grants afresh.
"""

from __future__ import annotations

import secrets
from typing import Any

from sqlalchemy import Connection, text

from rasad_desktop.db.logins import ROLES, group_name

MARKER = "login"  # a group without privileges whose members are Rasad's own logins

# role → {table: privileges} beyond what every group has (SELECT everywhere, the trail)
_CAPTURE = {"sync_changes": "INSERT", "sync_node": "UPDATE (last_seq)"}  # a write's change log
WRITES: dict[str, dict[str, str]] = {
    "viewer": {},
    "data_entry": {
        "collections": "INSERT, UPDATE, DELETE",
        "service_requests": "INSERT, UPDATE",
        "request_events": "INSERT",
        "request_attachments": "INSERT, UPDATE, DELETE",
        "sync_changes": "INSERT, UPDATE",  # packages: data entry sends and receives the office's changes
        "sync_node": "UPDATE (last_seq, packages_made)",
        "sync_peers": "INSERT, UPDATE",
        "sync_workstations": "UPDATE (instance_id, last_package_at)",
    },
    "report_officer": {"issued_reports": "INSERT", "signing_certificates": "INSERT", **_CAPTURE},
}
OWNER_ONLY = ("office_secrets", "rasad_factor_tries")  # the personal-data key and its guard: no group reads them
ADMIN_EXCEPT = {  # the administrator writes every table but these, which are limited for all
    "office_secrets": None, "rasad_factor_tries": None, "audit_log": None, "audit_head": None, "alembic_version": None,
    "issued_reports": "INSERT", "users": "INSERT, UPDATE", "sync_node": "UPDATE",
}
TRAIL = {"audit_log": "INSERT, UPDATE (prev_hash, hash)", "audit_head": "UPDATE (last_id, last_hash)"}

_FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION rasad_group(p_role text) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT left(current_database() || '_' || p_role, 63)
$$;

CREATE OR REPLACE FUNCTION rasad_is_login(p_name text) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                 JOIN pg_roles u ON u.oid = m.member
                 WHERE u.rolname = p_name AND g.rolname = public.rasad_group('login'))
$$;

CREATE OR REPLACE FUNCTION rasad_is_owner() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT pg_has_role(session_user, (SELECT datdba FROM pg_database WHERE datname = current_database()), 'MEMBER')
$$;

-- make the login of a Rasad user follow its row in users: exists, may connect unless
-- locked or inactive, in the group of its role only; p_verifier: a new SCRAM verifier
CREATE OR REPLACE FUNCTION rasad_apply_account(p_username text, p_verifier text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  u record;
  r text;
  existing pg_catalog.pg_roles%ROWTYPE;
BEGIN
  IF NOT (pg_has_role(session_user, rasad_group('admin'), 'MEMBER') OR rasad_is_owner()) THEN
    RAISE EXCEPTION 'only an administrator may change accounts' USING ERRCODE = '42501';
  END IF;
  SELECT role, locked, active INTO u FROM users WHERE username = p_username;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no Rasad user %', p_username USING ERRCODE = '42704';
  END IF;
  IF p_username = session_user AND (u.role <> 'admin' OR u.locked OR NOT u.active) THEN
    RAISE EXCEPTION 'an administrator cannot lock or demote their own login' USING ERRCODE = '42501';
  END IF;
  SELECT * INTO existing FROM pg_roles WHERE rolname = p_username;
  IF FOUND THEN
    IF existing.rolsuper OR existing.rolcreaterole OR existing.rolcreatedb OR existing.rolbypassrls
       OR existing.rolreplication OR NOT rasad_is_login(p_username) THEN
      RAISE EXCEPTION 'the server role % is not a Rasad login', p_username USING ERRCODE = 'RS001';
    END IF;
  ELSIF p_verifier IS NULL THEN
    RAISE EXCEPTION 'a new login needs a password' USING ERRCODE = '22023';
  ELSE
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_username, p_verifier);
    EXECUTE format('GRANT %I TO %I', rasad_group('login'), p_username);  -- marks Rasad's own logins
  END IF;
  IF p_verifier IS NOT NULL THEN
    EXECUTE format('ALTER ROLE %I PASSWORD %L', p_username, p_verifier);
  END IF;
  EXECUTE format('ALTER ROLE %I %s', p_username, CASE WHEN u.active AND NOT u.locked THEN 'LOGIN' ELSE 'NOLOGIN' END);
  FOREACH r IN ARRAY ARRAY['admin','data_entry','report_officer','viewer'] LOOP
    IF r = u.role AND u.active AND NOT u.locked THEN  -- a locked login's open sessions lose it at once
      EXECUTE format('GRANT %I TO %I', rasad_group(r), p_username);
    ELSIF pg_has_role(p_username, rasad_group(r), 'MEMBER') THEN
      EXECUTE format('REVOKE %I FROM %I', rasad_group(r), p_username);
    END IF;
  END LOOP;
END
$$;

-- the personal-data key, to the groups whose role may see requesters' IDs only
CREATE OR REPLACE FUNCTION rasad_personal_key() RETURNS bytea
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT value FROM office_secrets WHERE name = 'personal_key'
    AND (pg_has_role(session_user, rasad_group('admin'), 'MEMBER')
         OR pg_has_role(session_user, rasad_group('data_entry'), 'MEMBER') OR rasad_is_owner())
$$;

CREATE TABLE IF NOT EXISTS rasad_factor_tries (
  at timestamptz NOT NULL DEFAULT now(), login text NOT NULL, code text NOT NULL, ok boolean NOT NULL);
REVOKE ALL ON rasad_factor_tries FROM PUBLIC;

-- a lookup's second factor checked where the key stays: 5 wrong tries per code and 20 per
-- login in 24 hours, whatever the program on the workstation does
CREATE OR REPLACE FUNCTION rasad_factor_matches(p_code text, p_digits text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  k bytea;
  matched boolean;
BEGIN
  IF (SELECT count(*) FROM rasad_factor_tries t
      WHERE NOT t.ok AND t.code = p_code AND t.at > now() - interval '24 hours') >= 5
     OR (SELECT count(*) FROM rasad_factor_tries t
         WHERE NOT t.ok AND t.login = session_user AND t.at > now() - interval '24 hours') >= 20 THEN
    RETURN false;
  END IF;
  SELECT value INTO k FROM office_secrets WHERE name = 'personal_key';
  SELECT coalesce(bool_or(mobile_factor = encode(sha256(k || convert_to('rasad-factor:' || p_code || ':' || p_digits,
                                                                        'UTF8')), 'hex')), false)
    INTO matched FROM service_requests WHERE tracking_code = p_code AND mobile_factor <> '';
  INSERT INTO rasad_factor_tries (login, code, ok) VALUES (session_user, p_code, matched);
  RETURN matched;
END
$$;

CREATE OR REPLACE FUNCTION rasad_change_own_password(p_verifier text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF NOT rasad_is_login(session_user) THEN
    RAISE EXCEPTION 'not a Rasad login' USING ERRCODE = '42501';
  END IF;
  EXECUTE format('ALTER ROLE %I PASSWORD %L', session_user, p_verifier);
  UPDATE users SET must_change_password = false WHERE username = session_user;
END
$$;

CREATE OR REPLACE FUNCTION rasad_signed_in() RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  UPDATE users SET last_login_at = (now() AT TIME ZONE 'UTC'), failed_attempts = 0, locked_until = NULL
  WHERE username = session_user
$$;

-- audit rows: a login appends in its own name only, and a row once chained never changes
CREATE OR REPLACE FUNCTION rasad_audit_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  drawn bigint;
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit rows are never deleted' USING ERRCODE = '42501';
  END IF;
  IF TG_OP = 'UPDATE' AND (OLD.hash <> '' OR NEW.id <> OLD.id OR NEW.at <> OLD.at
      OR NEW.username <> OLD.username OR NEW.user_id IS DISTINCT FROM OLD.user_id OR NEW.action <> OLD.action
      OR NEW.entity <> OLD.entity OR NEW.entity_id <> OLD.entity_id
      OR NEW.before IS DISTINCT FROM OLD.before OR NEW.after IS DISTINCT FROM OLD.after) THEN
    RAISE EXCEPTION 'an audit row once written never changes' USING ERRCODE = '42501';
  END IF;
  IF TG_OP = 'INSERT' THEN
    BEGIN
      drawn := currval(pg_get_serial_sequence('public.audit_log', 'id'));
    EXCEPTION WHEN object_not_in_prerequisite_state THEN
      drawn := NULL;  -- this session drew no id: the row's was made up
    END;
    IF drawn IS DISTINCT FROM NEW.id THEN
      RAISE EXCEPTION 'audit rows take their ids from the sequence' USING ERRCODE = '42501';
    END IF;
  END IF;
  IF TG_OP = 'INSERT' AND rasad_is_login(session_user) AND (NEW.username <> session_user
      OR NEW.user_id IS DISTINCT FROM (SELECT id FROM users WHERE username = session_user)) THEN
    RAISE EXCEPTION 'audit rows are written in the login''s own name' USING ERRCODE = '42501';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

-- the chain's head only moves forward, onto a row that exists with that hash
CREATE OR REPLACE FUNCTION rasad_head_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'the audit head is never deleted' USING ERRCODE = '42501';
  END IF;
  IF NEW.id <> OLD.id OR NEW.last_id < OLD.last_id OR (NEW.last_id = OLD.last_id AND NEW.last_hash <> OLD.last_hash)
     OR (NEW.last_id > OLD.last_id
         AND (NEW.last_id <> (SELECT max(id) FROM public.audit_log)
              OR NOT EXISTS (SELECT 1 FROM public.audit_log WHERE id = NEW.last_id AND hash = NEW.last_hash
                             AND hash <> ''))) THEN
    RAISE EXCEPTION 'the audit head moves forward only' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION rasad_insert_only() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  RAISE EXCEPTION 'rows of % are never changed or deleted', TG_TABLE_NAME USING ERRCODE = '42501';
END
$$;

DROP TRIGGER IF EXISTS rasad_audit_guard ON audit_log;
CREATE TRIGGER rasad_audit_guard BEFORE INSERT OR UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION rasad_audit_guard();
DROP TRIGGER IF EXISTS rasad_head_guard ON audit_head;
CREATE TRIGGER rasad_head_guard BEFORE UPDATE OR DELETE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION rasad_head_guard();
DROP TRIGGER IF EXISTS rasad_insert_only ON issued_reports;
CREATE TRIGGER rasad_insert_only BEFORE UPDATE OR DELETE ON issued_reports
  FOR EACH ROW EXECUTE FUNCTION rasad_insert_only();
"""

_GRANTED_FUNCTIONS = ("rasad_apply_account(text, text)", "rasad_change_own_password(text)", "rasad_signed_in()",
                      "rasad_personal_key()", "rasad_factor_matches(text, text)",
                      "rasad_group(text)", "rasad_is_login(text)", "rasad_is_owner()")


def _q(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote_identifier(name)


def statements(conn: Connection, tables: list[str]) -> list[str]:
    """The grants of every group, revoked first, for the database ``conn`` is in."""
    database = conn.exec_driver_sql("SELECT current_database()").scalar_one()
    groups = {role: _q(conn, group_name(database, role)) for role in ROLES}
    every = ", ".join(groups.values())
    out = [f"REVOKE ALL ON DATABASE {_q(conn, database)} FROM PUBLIC, {every}",
           f"GRANT CONNECT ON DATABASE {_q(conn, database)} TO {every}",  # no TEMPORARY: nothing to shadow with
           "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
           f"GRANT USAGE ON SCHEMA public TO {every}",
           f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC, {every}",
           f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC, {every}",
           f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC, {every}",
           f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {every}"]
    out += [f"GRANT SELECT ON {_q(conn, t)} TO {every}" for t in tables if t not in OWNER_ONLY]
    out += [f"GRANT {privileges} ON {_q(conn, t)} TO {every}" for t, privileges in TRAIL.items()]
    for role, writes in WRITES.items():
        out += [f"GRANT {privileges} ON {_q(conn, t)} TO {groups[role]}" for t, privileges in writes.items()]
    for t in tables:
        privileges = ADMIN_EXCEPT.get(t, "INSERT, UPDATE, DELETE")
        if privileges:
            out.append(f"GRANT {privileges} ON {_q(conn, t)} TO {groups['admin']}")
    out += [f"GRANT EXECUTE ON FUNCTION {f} TO {every}" for f in _GRANTED_FUNCTIONS]
    return out


def apply(conn: Connection) -> None:
    """Create the groups, functions, triggers and grants (in the caller's transaction)."""
    database = conn.exec_driver_sql("SELECT current_database()").scalar_one()
    for role in (*ROLES, MARKER):
        name = group_name(database, role)
        if not conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).scalar():
            conn.exec_driver_sql(f"CREATE ROLE {_q(conn, name)} NOLOGIN")
    raw: Any = conn.connection.driver_connection
    raw.execute(_FUNCTIONS)  # without parameters: its % signs are PL/pgSQL's
    if not conn.execute(text("SELECT 1 FROM office_secrets WHERE name = 'personal_key'")).scalar():
        conn.execute(text("INSERT INTO office_secrets (name, value) VALUES ('personal_key', :k)"),
                     {"k": secrets.token_bytes(32)})  # the requesters' IDs are sealed with it (services.personal)
    tables = list(conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars())
    for statement in statements(conn, tables):
        conn.exec_driver_sql(statement)


def is_set_up(conn: Connection) -> bool:
    """Whether this database's server enforces the roles (``apply`` ran here)."""
    if conn.dialect.name != "postgresql":
        return False
    return bool(conn.execute(text("SELECT to_regprocedure('public.rasad_apply_account(text, text)') IS NOT NULL"))
                .scalar())

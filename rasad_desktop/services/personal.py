"""The office's personal-data key, and requesters' national IDs and mobiles sealed with it.

One key per office (32 random bytes), never in the database file beside the data:
- SQLite (a single computer, the office or a workstation): a file in the data folder,
  wrapped with Windows DPAPI (``formats.key_file``), so a copied database — or the whole
  folder on another computer or Windows account — shows no ID. A backup carries the key
  inside its passphrase-encrypted container; an enrolment file carries it to a new
  workstation and the office's packages to older ones (both encrypted for their recipient).
- PostgreSQL: the ``office_secrets`` table. Where the server enforces the roles
  (``db.server_setup``) only the owner reads it; the server hands the key to the groups
  whose role may see personal data (administrator, data entry) through
  ``rasad_personal_key()``; viewers' and report officers' connections get ciphertext only
  and check a lookup's second factor with ``rasad_factor_matches``.
"""

from __future__ import annotations

import hmac
import secrets
import weakref

from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from rasad_desktop.core import sealed_text
from rasad_desktop.core.sealed_text import SealError, factor_digest, is_sealed
from rasad_desktop.db import logins, server_setup
from rasad_desktop.db.engine import sqlite_path
from rasad_desktop.db.models import OfficeSecret, ServiceRequest
from rasad_desktop.formats import key_file
from rasad_desktop.services.errors import Conflict
from rasad_desktop.services.roles import Actor

SECRET = "personal_key"
NATIONAL_ID, MOBILE = "national_id", "mobile"  # the sealed fields (and each one's AAD)
UNREADABLE = "••••••••••"  # shown for a value whose key is not here

_MEMORY: weakref.WeakKeyDictionary[Engine, bytes] = weakref.WeakKeyDictionary()  # SQLite in memory
_CACHE: weakref.WeakKeyDictionary[Engine, dict[str | None, bytes | None]] = weakref.WeakKeyDictionary()


def _engine(session: Session) -> Engine:
    return session.get_bind().engine


def key(session: Session) -> bytes | None:
    """The key, or None where there is none (yet) or this login may not have it. Read once
    per database and login (a search opens hundreds of IDs); ``install`` reads it afresh."""
    engine = _engine(session)
    who = logins.signed_in_as(engine)
    known = _CACHE.setdefault(engine, {})
    if who not in known:
        known[who] = _read(session, engine)
    return known[who]


def _read(session: Session, engine: Engine) -> bytes | None:
    if engine.dialect.name == "sqlite":
        path = sqlite_path(engine)
        if path is None:
            return _MEMORY.get(engine)
        try:
            return key_file.load(key_file.path_for(path.parent))
        except key_file.KeyFileError:
            return None  # another computer's or account's key: the IDs stay sealed (ensure says why)
    if server_setup.is_set_up(session.connection()):
        value = session.execute(text("SELECT rasad_personal_key()")).scalar()
        return bytes(value) if value is not None else None
    value = session.scalar(select(OfficeSecret.value).where(OfficeSecret.name == SECRET))
    return bytes(value) if value is not None else None


def ensure(session: Session) -> bytes:
    """The key, made now if this is the office and it has none (inside a write, so two
    processes cannot both make one)."""
    found = key(session)
    if found is None:  # perhaps made since it was read, by another process of this office
        forget(_engine(session))
        found = key(session)
    if found is not None:
        return found
    from rasad_desktop.services.sync import node as nodes

    if nodes.is_workstation(session):
        raise Conflict("کلید اطلاعات شخصی دفتر هنوز به این ایستگاه نرسیده است؛ نخست بستهٔ دفتر را دریافت کنید.",
                       "The office's personal-data key has not reached this workstation yet; import a package "
                       "from the office first.", code="personal_key_missing")
    engine = _engine(session)
    if _had_a_key(session):
        raise Conflict("کلید اطلاعات شخصی این پایگاه داده (فایل personal-data.key کنار آن) پیدا نشد یا در این "
                       "رایانه باز نمی‌شود؛ آن را از نسخهٔ پشتیبان پوشهٔ داده برگردانید یا پایگاه را از نسخهٔ "
                       "پشتیبان رصد بازگردانید. تا آن زمان کد ملی و همراه متقاضیان خوانده نمی‌شود.",
                       "This database's personal-data key (personal-data.key beside it) is missing or does not "
                       "open on this computer; put it back from the data folder's backup, or restore the "
                       "database from a Rasad backup. Until then requesters' IDs cannot be read.",
                       code="personal_key_lost")
    if engine.dialect.name != "sqlite" and server_setup.is_set_up(session.connection()):
        raise Conflict("کلید اطلاعات شخصی در سرور ساخته نشده است؛ از واحد فناوری اطلاعات بخواهید "
                       "«rasad-cli server setup» را اجرا کند.",
                       "The server has no personal-data key; ask IT to run 'rasad-cli server setup'.",
                       code="personal_key_missing")
    made = secrets.token_bytes(sealed_text.KEY_BYTES)
    install(session, made)
    return made


def _had_a_key(session: Session) -> bool:
    """Whether this database was sealed with a key that is not here now: a new key would
    leave its IDs unreadable for good (the database copied without its key file)."""
    from rasad_desktop.core.audit_hash import FIELDS, row_hash
    from rasad_desktop.db.models import AuditLog

    engine = _engine(session)
    path = sqlite_path(engine)
    if path is not None:
        try:
            key_file.load(key_file.path_for(path.parent))
        except key_file.KeyFileError:
            return True  # there is one, for another computer or Windows account
    if session.scalar(select(ServiceRequest.id).where(ServiceRequest.national_id.startswith(sealed_text.PREFIX))
                      .limit(1)) is not None:
        return True
    last = session.scalar(select(AuditLog).where(AuditLog.hash != "")  # not this write's rows, unchained yet
                          .order_by(AuditLog.id.desc()).limit(1))
    return engine.dialect.name == "sqlite" and last is not None and \
        row_hash(last.prev_hash, {f: getattr(last, f) for f in FIELDS}) != last.hash  # a keyed chain


def install(session: Session, new: bytes) -> None:
    """Keep ``new`` as this database's key (made here, or the office's arriving)."""
    engine = _engine(session)
    if engine.dialect.name == "sqlite":
        path = sqlite_path(engine)
        if path is None:
            _MEMORY[engine] = new
        else:
            key_file.save(key_file.path_for(path.parent), new)
    else:
        row = session.get(OfficeSecret, SECRET)
        if row is None:
            session.add(OfficeSecret(name=SECRET, value=new))
        else:
            row.value = new
        session.flush()
    forget(engine)


def forget(engine: Engine) -> None:
    """Read the key afresh next time (it was replaced: a restore, a join)."""
    _CACHE.pop(engine, None)


# ---------------------------------------------------------------- sealing and opening
def seal(session: Session, tracking_code: str, national_id: str, mobile: str) -> tuple[str, str, str]:
    """(sealed national ID, sealed mobile, the second factor's digest) for a new request."""
    k = ensure(session)
    return (sealed_text.seal(k, NATIONAL_ID, national_id), sealed_text.seal(k, MOBILE, mobile),
            factor_digest(k, tracking_code, mobile[-4:]))


def reveal(session: Session, stored: str, field: str) -> str | None:
    """The value in clear, or None where the key is not here (or is another office's)."""
    if not is_sealed(stored):
        return stored  # written before sealing; sealed at the next start
    k = key(session)
    if k is None:
        return None
    try:
        return sealed_text.open_sealed(k, field, stored)
    except SealError:
        return None


def factor_matches(session: Session, row: ServiceRequest, digits: str) -> bool:
    """Whether ``digits`` are the last four of the request's mobile: opened here when the
    key is, else checked by the server that holds it."""
    mobile = reveal(session, row.mobile, MOBILE)
    if mobile is not None:
        return hmac.compare_digest(mobile[-4:], digits)
    if _engine(session).dialect.name != "sqlite" and server_setup.is_set_up(session.connection()):
        return bool(session.execute(text("SELECT rasad_factor_matches(:c, :d)"),
                                    {"c": row.tracking_code, "d": digits}).scalar())
    return False


def factor_of(session: Session, tracking_code: str, sealed_mobile: str) -> str:
    """The factor digest of a sealed mobile arriving from elsewhere ("" without the key)."""
    k = key(session)
    mobile = reveal(session, sealed_mobile, MOBILE) if k is not None else None
    return factor_digest(k, tracking_code, mobile[-4:]) if k is not None and mobile else ""


def seal_legacy(session: Session) -> int:
    """Seal the requests written before sealing (in the caller's write); how many."""
    rows = session.scalars(select(ServiceRequest).where(
        (~ServiceRequest.national_id.startswith(sealed_text.PREFIX))
        | (~ServiceRequest.mobile.startswith(sealed_text.PREFIX)))).all()
    if not rows:
        return 0
    k = ensure(session)
    for r in rows:
        nid, mob = reveal(session, r.national_id, NATIONAL_ID), reveal(session, r.mobile, MOBILE)
        if nid is None or mob is None:
            continue
        r.national_id = sealed_text.seal(k, NATIONAL_ID, nid)
        r.mobile = sealed_text.seal(k, MOBILE, mob)
        r.mobile_factor = factor_digest(k, r.tracking_code, mob[-4:])
    return len(rows)


def seal_written_before(session: Session, actor: Actor) -> int:
    """Seal, in one audited write, the requests a version before sealing left in clear (at
    every start, as ``system:rasad``, and by ``server setup``). Nothing happens where nothing
    is in clear, or on a workstation still without the key."""
    from rasad_desktop.services.roles import Permission, require
    from rasad_desktop.services.sync import node as nodes
    from rasad_desktop.services.uow import writing

    require(actor, Permission.MANAGE_SETTINGS)
    in_clear = session.scalar(select(ServiceRequest.id).where(
        (~ServiceRequest.national_id.startswith(sealed_text.PREFIX))
        | (~ServiceRequest.mobile.startswith(sealed_text.PREFIX))).limit(1))
    if in_clear is None or (key(session) is None and nodes.is_workstation(session)):
        session.rollback()
        return 0
    session.rollback()
    with writing(session, actor, Permission.MANAGE_SETTINGS, changes=False) as audit:
        ensure(session)
        count = seal_legacy(session)
        audit.record("personal.seal", "service_request", "", after={"sealed": count})
    return count


def chain_key(session: Session, *, make: bool = False) -> bytes | None:
    """The audit chain's key on a local database: derived from the office key, outside the
    database file like it (``make``: the office makes its key now if it has none). None on
    a server, whose grants and triggers keep the trail (db.server_setup), and on a
    workstation still without the office key."""
    if _engine(session).dialect.name != "sqlite":
        return None
    k = key(session)
    if k is None and make:
        try:
            k = ensure(session)
        except Conflict:
            return None
    return None if k is None else hmac.new(k, b"rasad-audit-chain", "sha256").digest()

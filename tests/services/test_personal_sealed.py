"""Requesters' national IDs and mobiles are sealed at rest (issue 14, point 3), on SQLite
and PostgreSQL: what is stored shows neither, the key is not in the database (a file
outside it on SQLite; on a server that enforces the roles, a table no group reads), a
copy of the database without the key opens no ID, and the key travels with the data only
inside encrypted containers (backups, enrolment files, the office's packages)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import text
from sync_world import build_office, enrol

from rasad_desktop.core import sealed_text
from rasad_desktop.db.database import Database
from rasad_desktop.db.models import ServiceRequest
from rasad_desktop.formats import key_file
from rasad_desktop.services import backup, personal, requests
from rasad_desktop.services.roles import Actor, Role

ADMIN = Actor("admin-sealed", Role.ADMIN)
CLERK = Actor("clerk-sealed", Role.DATA_ENTRY)
VIEWER = Actor("viewer-sealed", Role.VIEWER)
NATIONAL_ID, MOBILE = "0499370899", "09141234567"
PASSPHRASE = "عبارت عبور آزمون ۱۲۳"


def _register(db: Database, subject: str = "تأخیر") -> str:
    with db.session() as s:
        return requests.register(s, CLERK, requests.NewRequest("complaint", "in_person", "زهرا کریمی", NATIONAL_ID,
                                                                MOBILE, subject, "متن"), workstation=1).tracking_code


def _stored(db: Database) -> list[tuple[str, str, str]]:
    with db.session() as s:
        return [tuple(r) for r in s.execute(text("SELECT national_id, mobile, mobile_factor FROM service_requests"))]


def test_what_is_stored_shows_neither_id_nor_mobile(database: Database) -> None:
    code = _register(database)
    for national_id, mobile, factor in _stored(database):
        assert sealed_text.is_sealed(national_id) and sealed_text.is_sealed(mobile)
        assert NATIONAL_ID not in national_id and MOBILE[-4:] not in mobile and len(factor) == 64
    with database.session() as s:
        view = requests.get(s, CLERK, code)
        assert (view.national_id, view.mobile) == (NATIONAL_ID, MOBILE)  # opened for a role that may see them
        masked = requests.get(s, VIEWER, code)
        assert masked.national_id.startswith("04") and MOBILE[-4:] not in masked.mobile
        assert requests.lookup(s, VIEWER, code, MOBILE[-4:]).tracking_code == code
    if database.file is not None:  # the key is not in the database file, nor its plaintext
        raw = database.file.read_bytes()
        key = key_file.load(key_file.path_for(database.file.parent))
        assert key is not None and key not in raw and NATIONAL_ID.encode() not in raw


def test_a_copy_of_the_database_without_its_key_opens_no_id(tmp_path: Path) -> None:
    db = Database.open(f"sqlite:///{(tmp_path / 'office' / 'rasad.db').as_posix()}")
    code = _register(db)
    db.close()
    stolen = tmp_path / "elsewhere"
    stolen.mkdir()
    shutil.copy(tmp_path / "office" / "rasad.db", stolen / "rasad.db")
    copy = Database.open(f"sqlite:///{(stolen / 'rasad.db').as_posix()}")
    try:
        with copy.session() as s:
            view = requests.get(s, CLERK, code)
            assert view.national_id == personal.UNREADABLE and view.mobile == personal.UNREADABLE
            with pytest.raises(requests.ValidationError):  # nor can the second factor be checked
                requests.lookup(s, VIEWER, code, MOBILE[-4:])
    finally:
        copy.close()


def test_ids_written_before_sealing_are_sealed_at_the_next_start_the_same_everywhere(tmp_path: Path) -> None:
    db = Database.open(f"sqlite:///{(tmp_path / 'rasad.db').as_posix()}")
    code = _register(db)
    with db.session() as s:  # as a version before sealing stored it
        s.execute(text("UPDATE service_requests SET national_id = :n, mobile = :m, mobile_factor = ''"),
                  {"n": NATIONAL_ID, "m": MOBILE})
        s.commit()
        assert requests.get(s, CLERK, code).national_id == NATIONAL_ID  # still readable meanwhile
    with db.session() as s:
        assert personal.seal_written_before(s, ADMIN) == 1
        assert personal.seal_written_before(s, ADMIN) == 0  # once
    stored = _stored(db)
    assert all(sealed_text.is_sealed(v) for row in stored for v in row[:2])
    with db.session() as s:
        key = personal.key(s)
        assert key is not None
        sealed_by_register = sealed_text.seal(key, personal.NATIONAL_ID, NATIONAL_ID)
        assert requests.lookup(s, VIEWER, code, MOBILE[-4:]).tracking_code == code
    assert stored[0][0] == sealed_by_register  # deterministic: another database with the key seals it alike
    db.close()


def test_a_backup_carries_the_key_and_a_restore_brings_it_back(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    db = Database.open(f"sqlite:///{(folder / 'rasad.db').as_posix()}")
    code = _register(db)
    target = tmp_path / "b.rbk"
    backup.make_backup(db, ADMIN, target, PASSPHRASE)
    assert NATIONAL_ID.encode() not in target.read_bytes()
    key_path = key_file.path_for(folder)
    key_path.unlink()  # the computer lost its key (a new Windows profile, say)
    personal.forget(db.engine)
    with db.session() as s:
        assert requests.get(s, CLERK, code).national_id == personal.UNREADABLE
    backup.restore_backup(db, ADMIN, target, PASSPHRASE, backup_dir=tmp_path / "safety")
    assert key_path.exists()
    with db.session() as s:
        assert requests.get(s, CLERK, code).national_id == NATIONAL_ID
    db.close()


def test_enrolment_and_the_office_packages_bring_the_key_to_workstations(tmp_path: Path) -> None:
    office_db = Database.open(f"sqlite:///{(tmp_path / 'office' / 'rasad.db').as_posix()}")
    office = build_office(office_db, tmp_path / "office")
    code = _register(office_db)
    ws = enrol(office, tmp_path / "ws", "ایستگاه یک")
    with office.db.session() as s, ws.db.session() as w:
        assert personal.key(w) == personal.key(s)
        assert requests.get(w, CLERK, code).national_id == NATIONAL_ID
    # a workstation enrolled before sealing has no key: the office's next package brings it
    key_file.path_for(tmp_path / "ws").unlink()
    personal.forget(ws.db.engine)
    with ws.db.session() as w:
        assert personal.key(w) is None
    ws.take(office.export(to=ws.number))
    with ws.db.session() as w:
        assert requests.get(w, CLERK, code).mobile == MOBILE
    ws_code = ws.register("از ایستگاه")
    office.take(ws.export())
    with office.db.session() as s:
        row = s.query(ServiceRequest).filter_by(tracking_code=ws_code).one()
        assert sealed_text.is_sealed(row.mobile) and row.mobile_factor
        assert requests.get(s, CLERK, ws_code).mobile == "09141234567"
    office_db.close()
    ws.db.close()


def test_a_key_file_from_another_computer_is_refused_not_guessed(tmp_path: Path) -> None:
    path = key_file.path_for(tmp_path)
    path.write_text('{"scheme": "dpapi", "blob": "AAAA"}', encoding="utf-8")
    with pytest.raises(key_file.KeyFileError):
        key_file.load(path)

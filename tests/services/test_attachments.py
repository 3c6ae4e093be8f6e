"""Attachments: copied into the data folder, size-limited, type-checked by content."""

from __future__ import annotations

import pytest
import sample_files

from rasad_desktop.services import attachments, office, requests
from rasad_desktop.services.errors import PermissionDenied, ValidationError
from rasad_desktop.services.roles import Actor, Role

PNG = sample_files.image("PNG")  # a real image: attachments are checked on their whole structure


@pytest.fixture
def code(session, clerk) -> str:  # type: ignore[no-untyped-def]
    view = requests.register(session, clerk, requests.NewRequest(
        "complaint", "in_person", "زهرا کریمی", "0499370899", "09141234567", "پیوست", "متن"), workstation=1)
    return view.tracking_code


def test_an_attachment_is_copied_and_recorded(session, clerk, code, tmp_path):
    source = tmp_path / "scan.png"
    source.write_bytes(PNG)
    data_dir = tmp_path / "data"
    view = attachments.add_attachment(session, clerk, code, source, data_dir)
    source.unlink()  # the office's copy does not depend on the original
    assert view.path.parent == data_dir / "attachments" and view.path.read_bytes() == PNG
    assert view.media_type == "image/png" and len(view.sha256) == 64
    listed = attachments.attachments(session, clerk, code, data_dir)
    assert [a.file_name for a in listed] == ["scan.png"]
    assert attachments.open_attachment(session, clerk, listed[0].id, data_dir) == PNG
    assert any(e.action == "attachment" for e in requests.history(session, clerk, code))


def test_workstations_sharing_a_server_can_share_one_attachments_folder(session, clerk, code, tmp_path,
                                                                         monkeypatch):
    from rasad_desktop.config import Settings

    shared = tmp_path / "share" / "rasad-attachments"
    first, second = tmp_path / "ws1", tmp_path / "ws2"  # two workstations' own data folders
    for data_dir in (first, second):
        settings = Settings(data_dir)
        settings.set("attachments_dir", str(shared))
        settings.save()
    source = tmp_path / "scan.png"
    source.write_bytes(PNG)
    view = attachments.add_attachment(session, clerk, code, source, first)
    assert view.path.parent == shared
    listed = attachments.attachments(session, clerk, code, second)  # opened on the other workstation
    assert attachments.open_attachment(session, clerk, listed[0].id, second) == PNG
    monkeypatch.setenv("RASAD_ATTACHMENTS_DIR", str(tmp_path / "env"))  # the environment wins
    assert attachments.folder(first) == tmp_path / "env"


@pytest.mark.parametrize("name, content, code_", [
    ("virus.exe", b"MZ" + b"\x00" * 10, "attachment_type"),
    ("fake.pdf", b"not a pdf at all", "attachment_content"),
    ("empty.pdf", b"", "attachment_empty"),
    ("latin1.txt", "سلام".encode("cp1256"), "attachment_text"),
])
def test_wrong_files_are_refused_and_nothing_is_kept(session, clerk, code, tmp_path, name, content, code_):
    source = tmp_path / name
    source.write_bytes(content)
    data_dir = tmp_path / "data"
    with pytest.raises(ValidationError) as err:
        attachments.add_attachment(session, clerk, code, source, data_dir)
    assert err.value.code == code_ and any("\u0600" <= c <= "\u06ff" for c in err.value.message_fa)
    assert attachments.attachments(session, clerk, code, data_dir) == []
    assert not list((data_dir / "attachments").glob("*")) if (data_dir / "attachments").exists() else True


def test_the_size_limit_is_the_office_policy(session, admin, clerk, code, tmp_path):
    office.set_policy(session, admin, "attachment_max_mb", 1)
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF-" + b"0" * (1024 * 1024))
    with pytest.raises(ValidationError) as err:
        attachments.add_attachment(session, clerk, code, big, tmp_path / "data")
    assert err.value.code == "attachment_size" and "مگابایت" in err.value.message_fa


def test_a_changed_file_is_detected_and_viewers_cannot_open(session, clerk, code, tmp_path):
    source = tmp_path / "note.txt"
    source.write_text("متن پیوست", encoding="utf-8")
    view = attachments.add_attachment(session, clerk, code, source, tmp_path / "data")
    with pytest.raises(PermissionDenied):
        attachments.open_attachment(session, Actor("v", Role.VIEWER), view.id, tmp_path / "data")
    view.path.write_text("دستکاری شده", encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        attachments.open_attachment(session, clerk, view.id, tmp_path / "data")
    assert err.value.code == "attachment_changed"
    with pytest.raises(PermissionDenied):
        attachments.add_attachment(session, Actor("v", Role.VIEWER), code, source, tmp_path / "data")

"""The Backups page: back up and restore with the file choosers and dialogs filled in by the
test (``SyncRunner``), the list of the backups folder, and the messages a user reads —
in Persian, straight from the catalogue in ``resources/i18n/fa``."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from keys import type_text
from PySide6.QtWidgets import QDialog

from rasad_desktop.formats import backup_container
from rasad_desktop.gui.context import Changes
from rasad_desktop.gui.pages.maintenance import DATE, KIND, NAME, SIZE, MaintenancePage, PassphraseDialog, RestoreDialog
from rasad_desktop.services import backup, office
from rasad_desktop.services.roles import Permission, Role
from rasad_desktop.services.uow import writing

PASS = "عبارت عبور آزمون ۱۴۰۵"


class Dialogs:
    """Stands in for the modal loops: fills the passphrase and restore dialogs."""

    def __init__(self, passphrase: str = PASS, again: str | None = None, confirm: str | None = None) -> None:
        self.passphrase, self.again, self.confirm = passphrase, again, confirm
        self.seen: list[QDialog] = []

    def __call__(self, dialog: QDialog) -> int:
        self.seen.append(dialog)
        if isinstance(dialog, PassphraseDialog):
            dialog.first.setText(self.passphrase)
            dialog.second.setText(self.passphrase if self.again is None else self.again)
        elif isinstance(dialog, RestoreDialog):
            type_text(dialog.passphrase_edit, self.passphrase)
            type_text(dialog.confirm_edit, dialog.word if self.confirm is None else self.confirm)
        dialog.ok.click()
        return dialog.result()


def page_for(qtbot, ctx, dialogs: Dialogs, *, save: Path | None = None, open_: Path | None = None):  # type: ignore[no-untyped-def]
    page = MaintenancePage(ctx)
    qtbot.addWidget(page)
    page.exec_dialog = dialogs
    page.choose_save_path = lambda suggested: save if save is not None else suggested
    page.choose_open_path = lambda folder: open_
    page.resize(1000, 640)
    page.show()
    return page


def fingerprint(db) -> str:  # type: ignore[no-untyped-def]
    digest = hashlib.sha256()
    with closing(sqlite3.connect(str(db.file))) as conn:
        for table in ("collections", "agencies", "assignments", "users"):
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY id"):
                digest.update(repr(row).encode())
    return digest.hexdigest()


def change_collections(db) -> None:  # type: ignore[no-untyped-def]
    with closing(sqlite3.connect(str(db.file))) as conn:
        conn.execute("UPDATE collections SET amount = amount + 1000 WHERE id = (SELECT min(id) FROM collections)")
        conn.commit()


def test_back_up_from_the_page_and_see_it_in_the_list(qtbot, make_ctx, persian):
    ctx = make_ctx()
    dialogs = Dialogs()
    page = page_for(qtbot, ctx, dialogs)
    assert page.title() == "پشتیبان‌گیری" and page.file_names() == []
    assert "هنوز نسخهٔ پشتیبانی" in page.folder_label.text()
    changes: list[Changes] = []
    ctx.events.data_changed.connect(changes.append)

    page.backup_button.click()
    files = list((ctx.data_dir / "backups").glob("*.rbk"))
    assert len(files) == 1 and files[0].name.startswith("rasad-14")  # the suggested Jalali name
    assert isinstance(dialogs.seen[0], PassphraseDialog)
    assert f"«{files[0].name}» نوشته و بازبینی شد" in page.message.text()
    assert hashlib.sha256(files[0].read_bytes()).hexdigest() in page.message.text()
    assert page.file_names() == [files[0].name]
    assert page.table.item(0, KIND).text() == "نسخهٔ پشتیبان رمزشده"
    assert "کیلوبایت" in page.table.item(0, SIZE).text() and "۱۴۰" in page.table.item(0, DATE).text()
    assert changes == [Changes.BACKUP | Changes.AUDIT] and ctx.errors.seen == []
    assert page.backup_button.isEnabled() and page.restore_button.isEnabled()
    # the file opens with the passphrase typed in the dialog
    backup_container.decrypt(files[0].read_bytes(), PASS)


def test_the_passphrase_dialog_insists_on_a_good_passphrase(qtbot, make_ctx, persian):
    ctx = make_ctx()
    for dialogs, words in ((Dialogs("short"), "دست‌کم ۸ نویسه"), (Dialogs(PASS, again=PASS + "x"), "یکی نیستند")):
        page = page_for(qtbot, ctx, dialogs)
        page.backup_button.click()
        assert dialogs.seen[0].result() == QDialog.DialogCode.Rejected
        assert words in dialogs.seen[0].message.text()
        assert not (ctx.data_dir / "backups").exists() or not list((ctx.data_dir / "backups").glob("*.rbk"))


def test_restore_from_the_page(qtbot, make_ctx, persian, tmp_path):
    ctx = make_ctx()
    target = ctx.data_dir / "backups" / "before.rbk"
    page = page_for(qtbot, ctx, Dialogs(), save=target, open_=target)
    page.backup_button.click()
    assert target.exists()
    at_backup = fingerprint(ctx.db)
    change_collections(ctx.db)
    assert fingerprint(ctx.db) != at_backup
    changes: list[Changes] = []
    ctx.events.data_changed.connect(changes.append)

    page.restore_button.click()
    restore_dialog = page.exec_dialog.seen[-1]  # type: ignore[attr-defined]
    assert isinstance(restore_dialog, RestoreDialog) and restore_dialog.word == "بازگردانی"
    assert fingerprint(ctx.db) == at_backup
    assert changes == [Changes.RESTORE | Changes.AUDIT] and ctx.errors.seen == []
    assert "از نسخهٔ پشتیبان «before.rbk»" in page.message.text() and "بازگردانده شد" in page.message.text()
    kinds = {page.table.item(r, NAME).text(): page.table.item(r, KIND).text() for r in range(page.table.rowCount())}
    safety = [name for name in kinds if name.startswith("pre-restore-")]
    assert kinds["before.rbk"] == "نسخهٔ پشتیبان رمزشده" and len(safety) == 1
    assert kinds[safety[0]] == "رونوشت پیش از بازگردانی" and safety[0] in page.message.text()
    with ctx.db.session() as s:
        assert not office.restore_in_progress(s)
    assert not page.flag_label.isVisibleTo(page)


def test_a_wrong_passphrase_shows_the_message_and_changes_nothing(qtbot, make_ctx, persian):
    ctx = make_ctx()
    target = ctx.data_dir / "backups" / "b.rbk"
    page = page_for(qtbot, ctx, Dialogs(), save=target)
    page.backup_button.click()
    change_collections(ctx.db)
    before = fingerprint(ctx.db)
    changes: list[Changes] = []
    ctx.events.data_changed.connect(changes.append)
    page = page_for(qtbot, ctx, Dialogs("not the passphrase"), open_=target)
    page.restore_button.click()
    assert "عبارت عبور نادرست است" in page.message.text() and "#9b1c1c" in page.message.styleSheet()
    assert fingerprint(ctx.db) == before and changes == [] and ctx.errors.seen == []  # a message, not a crash
    assert page.file_names() == ["b.rbk"]  # no safety copy: nothing was started
    assert page.restore_button.isEnabled()


def test_a_damaged_file_shows_its_own_message(qtbot, make_ctx, persian, tmp_path):
    ctx = make_ctx()
    junk = tmp_path / "junk.rbk"
    junk.write_bytes(b"this is not a backup" * 50)
    page = page_for(qtbot, ctx, Dialogs(), open_=junk)
    page.restore_button.click()
    assert "نسخهٔ پشتیبان رصد نیست" in page.message.text()


def test_the_restore_needs_the_word_typed_out(qtbot, app, persian, tmp_path):
    dialog = RestoreDialog(tmp_path / "x.rbk")
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled() and not dialog.ok.isDefault()
    type_text(dialog.confirm_edit, "بله")
    assert not dialog.ok.isEnabled()
    dialog.confirm_edit.clear()
    type_text(dialog.confirm_edit, "بازگردانی")
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    assert dialog.result() == QDialog.DialogCode.Rejected and "عبارت عبور" in dialog.message.text()
    cancelled = Dialogs(confirm="")
    assert cancelled(RestoreDialog(tmp_path / "x.rbk")) == QDialog.DialogCode.Rejected


def test_cancelling_the_file_chooser_does_nothing(qtbot, make_ctx):
    ctx = make_ctx()
    dialogs = Dialogs()
    page = page_for(qtbot, ctx, dialogs)
    page.choose_save_path = lambda suggested: None
    page.backup_button.click()
    page.restore_button.click()  # choose_open_path returns None
    assert dialogs.seen == [] and page.message.text() == ""


def test_an_interrupted_restore_mark_can_be_cleared(qtbot, make_ctx, persian):
    ctx = make_ctx()
    with ctx.db.session() as s, writing(s, ctx.actor, Permission.BACKUP) as audit:
        backup._put_flag(s, True)
        audit.record("test.flag", "office_setting", office.RESTORE_FLAG)
    page = page_for(qtbot, ctx, Dialogs())
    assert page.flag_label.isVisible() and page.clear_flag_button.isVisible()
    page.confirm = lambda text: "هیچ رایانه‌ای" in text
    page.clear_flag_button.click()
    with ctx.db.session() as s:
        assert not office.restore_in_progress(s)
    assert not page.flag_label.isVisible() and "ورود اطلاعات دوباره باز است" in page.message.text()


def test_only_administrators_get_the_page(make_ctx):
    assert MaintenancePage.permission is Permission.BACKUP
    assert make_ctx(Role.ADMIN).can(Permission.BACKUP)
    assert not any(make_ctx(role).can(Permission.BACKUP) for role in (Role.DATA_ENTRY, Role.REPORT_OFFICER, Role.VIEWER))


def test_the_work_runs_off_the_ui_thread(qtbot, make_ctx, persian):
    """With the real runner: the buttons wait while the backup and the restore run on the pool."""
    from rasad_desktop.gui.runner import Runner

    ctx = make_ctx()
    ctx.runner = Runner(ctx.errors)
    target = ctx.data_dir / "backups" / "threaded.rbk"
    page = page_for(qtbot, ctx, Dialogs(), save=target, open_=target)
    page.backup_button.click()
    assert not page.backup_button.isEnabled() and not page.restore_button.isEnabled()
    qtbot.waitUntil(lambda: page.backup_button.isEnabled(), timeout=30_000)
    assert target.exists() and "بازبینی شد" in page.message.text() and page.file_names() == ["threaded.rbk"]
    changes: list[Changes] = []
    ctx.events.data_changed.connect(changes.append)
    page.restore_button.click()
    qtbot.waitUntil(lambda: page.restore_button.isEnabled(), timeout=30_000)
    assert changes == [Changes.RESTORE | Changes.AUDIT] and "بازگردانده شد" in page.message.text() and ctx.errors.seen == []


def _other_installation(folder: Path) -> Path:
    """A backup made by another installation: its own office, name and accounts."""
    from rasad_desktop.db.database import Database
    from rasad_desktop.services import accounts
    from rasad_desktop.services.roles import Actor

    setup = Actor("setup", Role.ADMIN)
    db = Database.open(f"sqlite:///{(folder / 'rasad.db').as_posix()}")
    try:
        with db.session() as s:
            office.save_office_settings(s, setup, {"office_fa": "ادارهٔ کل شهرستان دیگر"})
        for name, role in (("negin", Role.ADMIN), ("kaveh", Role.VIEWER)):
            with db.session() as s:
                accounts.create_user(s, setup, name, role, f"Pass-{name}-8642")
        return backup.make_backup(db, setup, folder / "other.rbk", PASS).path
    finally:
        db.close()


def _usernames(db) -> list[str]:  # type: ignore[no-untyped-def]
    with closing(sqlite3.connect(str(db.file))) as conn:
        return [r[0] for r in conn.execute("SELECT username FROM users ORDER BY username")]


def test_a_backup_from_another_installation_is_shown_and_restored_only_after_yes(qtbot, make_ctx, persian,
                                                                               tmp_path):
    ctx = make_ctx()
    (tmp_path / "other").mkdir()
    other = _other_installation(tmp_path / "other")
    before, users_before = fingerprint(ctx.db), _usernames(ctx.db)
    asked: list[str] = []

    def answer(yes: bool):  # type: ignore[no-untyped-def]
        def ask(text: str) -> bool:
            asked.append(text)
            return yes
        return ask
    page = page_for(qtbot, ctx, Dialogs(), open_=other)
    page.confirm_foreign = answer(False)
    changes: list[Changes] = []
    ctx.events.data_changed.connect(changes.append)

    page.restore_button.click()
    assert len(asked) == 1 and asked[0].startswith("این نسخهٔ پشتیبان از این نصب رصد نیست:")
    assert "«ادارهٔ کل شهرستان دیگر»" in asked[0] and "negin (مدیر سامانه)" in asked[0]
    assert "kaveh (بیننده)" in asked[0] and "بازگردانده شود؟" in asked[0]
    assert "لغو شد" in page.message.text() and changes == [] and ctx.errors.seen == []
    assert fingerprint(ctx.db) == before and _usernames(ctx.db) == users_before
    assert not list((ctx.data_dir / "backups").glob("pre-restore-*")) if (ctx.data_dir / "backups").exists() else True
    assert not list(ctx.db.file.parent.glob(backup.WORKDIR_PREFIX + "*"))
    assert page.restore_button.isEnabled()

    page.confirm_foreign = answer(True)
    page.restore_button.click()
    assert len(asked) == 2 and changes == [Changes.RESTORE | Changes.AUDIT] and ctx.errors.seen == []
    assert _usernames(ctx.db) == ["kaveh", "negin"] and "بازگردانده شد" in page.message.text()


def test_a_backup_of_this_installation_is_not_asked_about(qtbot, make_ctx, persian):
    ctx = make_ctx()
    target = ctx.data_dir / "backups" / "own.rbk"
    page = page_for(qtbot, ctx, Dialogs(), save=target, open_=target)
    page.backup_button.click()
    page.confirm_foreign = lambda text: pytest.fail("asked about a backup of this installation")  # type: ignore[assignment]
    page.restore_button.click()
    assert "بازگردانده شد" in page.message.text() and ctx.errors.seen == []

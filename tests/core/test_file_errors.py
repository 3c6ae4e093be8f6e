"""File failures become Persian sentences with the file's name, never the system's English."""

from __future__ import annotations

import errno

import pytest

from rasad_desktop.core.errors import RasadError
from rasad_desktop.core.file_errors import file_problem


class Custom(RasadError):
    pass


@pytest.mark.parametrize("err, writing, fa, code", [
    (FileNotFoundError(errno.ENOENT, "No such file"), False, "پیدا نشد", "file"),
    (FileNotFoundError(errno.ENOENT, "No such file"), True, "پوشهٔ", "file"),
    (IsADirectoryError(errno.EISDIR, "Is a directory"), False, "یک پوشه است", "file"),
    (PermissionError(errno.EACCES, "Permission denied"), True, "اجازهٔ نوشتن", "file"),
    (OSError(errno.EBUSY, "Device busy"), False, "اجازهٔ خواندن", "file"),
    (OSError(errno.ENOSPC, "No space left"), True, "فضای دیسک", "disk_full"),
    (OSError(errno.EROFS, "Read-only file system"), True, "فقط‌خواندنی", "file"),
    (OSError(errno.EIO, "Input/output error"), False, "خطای سیستم", "file"),
])
def test_each_failure_has_its_own_persian_sentence(err, writing, fa, code):
    problem = file_problem("گزارش.pdf", err, writing=writing, cls=Custom)
    assert isinstance(problem, Custom) and problem.code == code
    assert fa in problem.message("fa") and "گزارش.pdf" in problem.message("fa")
    assert err.strerror not in problem.message("fa")
    assert problem.message("en") != problem.message("fa")

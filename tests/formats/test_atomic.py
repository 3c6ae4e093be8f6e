"""The atomic file write: all of the new content or the old file, never half."""

from __future__ import annotations

import pytest

from rasad_desktop.formats import atomic


def test_writes_and_replaces(tmp_path):
    target = tmp_path / "sub" / "report.pdf"
    atomic.write_bytes(target, b"first")
    atomic.write_bytes(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["report.pdf"]  # no part file left


def test_a_failure_midway_leaves_the_old_file(tmp_path):
    target = tmp_path / "settings.json"
    atomic.write_text(target, "old")
    with pytest.raises(RuntimeError), atomic.replacing(target) as f:
        f.write(b"half of the ne")
        raise RuntimeError("killed")
    assert target.read_text(encoding="utf-8") == "old"
    assert not atomic.part_path(target).exists()


def test_a_check_that_refuses_keeps_the_old_file(tmp_path):
    target = tmp_path / "backup.rbk"
    atomic.write_bytes(target, b"good")

    def refuse(part):
        assert part.read_bytes() == b"bad"
        raise ValueError("does not read back")

    with pytest.raises(ValueError), atomic.replacing(target, check=refuse) as f:
        f.write(b"bad")
    assert target.read_bytes() == b"good"
    assert not atomic.part_path(target).exists()


def test_a_user_file_that_cannot_be_written_is_told_in_persian(tmp_path):
    from rasad_desktop.core.errors import RasadError

    class Problem(RasadError):
        pass

    folder = tmp_path / "report.pdf"
    folder.mkdir()
    with pytest.raises(Problem) as caught:
        atomic.write_user_file(folder, b"%PDF", cls=Problem)
    assert "یک پوشه است" in caught.value.message("fa") and "folder" in caught.value.message("en")
    assert list(tmp_path.iterdir()) == [folder] and not any(folder.iterdir())
    atomic.write_user_file(tmp_path / "new" / "ok.pdf", b"%PDF")
    assert (tmp_path / "new" / "ok.pdf").read_bytes() == b"%PDF"

"""A second launch on the same data folder brings the first to the front."""

from __future__ import annotations

from rasad_desktop.gui.single_instance import InstanceServer, ask_running_instance, server_name


def test_a_second_launch_asks_the_first_to_show_itself(app, qtbot, tmp_path):
    name = server_name(tmp_path / "data")
    assert not ask_running_instance(name)  # nobody is running yet
    raised = []
    server = InstanceServer(name, lambda: raised.append(True))
    assert server.listening
    assert ask_running_instance(name)
    qtbot.waitUntil(lambda: bool(raised), timeout=3000)
    server.server.close()
    assert not ask_running_instance(name)


def test_different_data_folders_do_not_collide(tmp_path):
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "a")

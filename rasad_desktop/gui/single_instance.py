"""One running copy per data folder: a second launch asks the first to come to the front
and exits, instead of opening the same database twice."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

TIMEOUT_MS = 1000


def server_name(data_dir: Path) -> str:
    """A name per user and data folder (local sockets are per machine)."""
    key = str(Path(data_dir).resolve()).lower() if sys.platform == "win32" else str(Path(data_dir).resolve())
    return "rasad-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def ask_running_instance(name: str) -> bool:
    """True if another copy is listening and was asked to show itself."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    socket.write(b"raise\n")
    socket.flush()
    socket.waitForBytesWritten(TIMEOUT_MS)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later launches; ``on_raise`` brings this copy's window forward."""

    def __init__(self, name: str, on_raise: Callable[[], None]) -> None:
        super().__init__()
        self.on_raise = on_raise
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(name):
            QLocalServer.removeServer(name)  # a stale socket left by a crashed copy (Unix)
            self.server.listen(name)
        self.server.newConnection.connect(self._accept)

    @property
    def listening(self) -> bool:
        return self.server.isListening()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            connection = self.server.nextPendingConnection()
            connection.readyRead.connect(lambda c=connection: self._read(c))
            if connection.bytesAvailable():
                self._read(connection)

    def _read(self, connection: QLocalSocket) -> None:
        if b"raise" in connection.readAll().data():
            self.on_raise()
        connection.disconnectFromServer()


def bring_to_front(window: QWidget | None) -> None:
    if window is None:
        return
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()

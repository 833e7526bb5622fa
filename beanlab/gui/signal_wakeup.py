"""SIGINT and SIGTERM delivered to the Qt event loop as a Qt signal, never as an exception in a slot.

While Qt's loop waits, Python's own signal handlers cannot run; a KeyboardInterrupt raised later
inside some slot only prints a traceback (the window stays up). So the handlers here do nothing
themselves: ``signal.set_wakeup_fd`` writes each signal's number to a socket, a QSocketNotifier wakes
the loop, and ``received`` is emitted on the GUI thread, where the window closes as Ctrl+Q does and an
export cancels.
"""
from __future__ import annotations

import logging
import signal
import socket
import threading

from PySide6.QtCore import QObject, QSocketNotifier, Signal, Slot

from beanlab.interrupts import STOPPING

LOG = logging.getLogger("beanlab")


def _note(signum, frame) -> None:
    """Python's part: nothing (the number reaches the loop through the wakeup socket)."""


class SignalWakeup(QObject):
    received = Signal(int)   # the signal's number

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.first: int | None = None   # the first signal received, if any
        self._active = threading.current_thread() is threading.main_thread()   # Python's rule for handlers
        if not self._active:
            return
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous = {number: signal.signal(number, _note) for number in STOPPING}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)

    @Slot()
    def _read(self) -> None:
        try:
            numbers = self._reader.recv(64)
        except (BlockingIOError, InterruptedError):
            return
        for number in numbers:
            if self.first is None:
                self.first = number
            LOG.info("signal %s received", signal.Signals(number).name if number in signal.Signals._value2member_map_
                     else number)
            self.received.emit(number)

    def close(self) -> None:
        """Give the signals back to what handled them before (once the loop is left)."""
        if not self._active:
            return
        self._active = False
        self._notifier.setEnabled(False)
        for number, handler in self._previous.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()

"""Writing files so that a failure never leaves a partial file behind; and replacing only files.

A rename over a device (``/dev/null``), a pipe or a socket would put a regular file in its place:
anything that exists and is not a regular file is refused, before a byte is written.
"""
from __future__ import annotations

import contextlib
import errno
import os
import signal
import threading
import stat
import tempfile
from pathlib import Path

from ..i18n import tr


class NotARegularFile(OSError):
    """The path names a device, a pipe, a folder or a socket: it is not replaced by a file."""

    def __init__(self, path: str | os.PathLike) -> None:
        super().__init__(errno.EINVAL, tr("it is not a regular file (a device, a folder or a pipe), so it was "
                                          "not replaced"), str(path))


def check_replaceable(path: str | os.PathLike) -> None:
    """:class:`NotARegularFile` unless ``path`` is absent or a regular file (a link is followed)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError:
        return   # e.g. a folder on the way that cannot be searched: writing says so itself
    if not stat.S_ISREG(mode):
        raise NotARegularFile(path)


def write_text_atomically(path: str | os.PathLike, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder, so no partial file is left."""
    write_bytes_atomically(path, text.encode("utf-8"))


def write_bytes_atomically(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, so no partial file is left."""
    path = Path(path)
    check_replaceable(path)
    with _signals_held():   # Ctrl+C between mkstemp and the try below would leave the temporary behind
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            # mkstemp makes the file private (0600); give it the permissions a plain open() would
            os.chmod(temporary, 0o666 & ~_UMASK)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


@contextlib.contextmanager
def _signals_held():
    """SIGINT and SIGTERM wait until the write is whole or undone (the data is in memory: moments).

    Python runs signal handlers on the main thread only, so there the handlers are swapped for one
    that notes the signal, and each noted signal is handed to its own handler afterwards. (A thread's
    signal mask would not do: the process's signal goes to whichever thread does not block it.)
    """
    if threading.current_thread() is not threading.main_thread():
        yield   # handlers can be neither swapped nor run here: the main thread gets the signal
        return
    came: list[int] = []
    previous = {number: signal.signal(number, lambda number, _frame: came.append(number)) for number in _HELD}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)
        for number in came:
            handler = previous[number]
            if callable(handler):
                handler(number, None)   # e.g. Python's KeyboardInterrupt, now that the file is whole
            elif handler == signal.SIG_DFL:
                os.kill(os.getpid(), number)


_HELD = (signal.SIGINT, signal.SIGTERM)


def _read_umask() -> int:
    mask = os.umask(0)   # reading the umask means setting it: done once, at import, before any thread
    os.umask(mask)
    return mask


_UMASK = _read_umask()

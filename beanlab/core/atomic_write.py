"""Writing files so that a failure never leaves a partial file behind; and replacing only files.

A rename over a device (``/dev/null``), a pipe or a socket would put a regular file in its place:
anything that exists and is not a regular file is refused, before a byte is written.
"""
from __future__ import annotations

import errno
import os
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


def _read_umask() -> int:
    mask = os.umask(0)   # reading the umask means setting it: done once, at import, before any thread
    os.umask(mask)
    return mask


_UMASK = _read_umask()

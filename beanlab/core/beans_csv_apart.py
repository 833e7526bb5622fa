"""Reading a large CSV in a process of its own, so the window's thread never waits for Python's lock.

A thread reading a million rows holds the interpreter lock through each of numpy's parsing calls,
and every time the window's thread lets go of the lock (around each Qt call) it may wait that long
to get it back: measured, frames of 100–180 ms and stalls of half a second. A second process has
its own interpreter and lock; this thread only waits on its output, which lets the lock go.

The reading process runs :func:`main`: it prints progress and the
outcome as JSON lines, then the beans' sizes and toxicities as raw little-endian float64. Small files are read here directly:
starting a process (about 0.2 s) would cost more than it saves.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from .. import i18n
from .beans_csv import BeanDataError, LoadCancelled, load_beans_csv
from .datasets import Beans

APART_FROM_BYTES = 4 * 2 ** 20   # files this large are read in a process of their own


def load_beans_csv_apart(path: str | os.PathLike, progress: Callable[[int, int], bool] | None = None,
                         columns: Sequence[int] | None = None) -> Beans:
    """:func:`load_beans_csv`, in another process for a large file; the same result and errors."""
    try:
        large = Path(path).stat().st_size >= APART_FROM_BYTES
    except OSError:
        large = False   # the reader says what is wrong with it
    if not large:
        return load_beans_csv(path, progress, columns)
    command = [sys.executable, "-c", f"from {__name__} import main; main()", str(path),
               json.dumps(list(columns) if columns else None), i18n.language()]
    stopped = BeanDataError(path, i18n.tr("the reading process stopped unexpectedly"))
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as child:
        try:
            for line in child.stdout:
                try:
                    kind, *content = json.loads(line)
                except ValueError:
                    raise stopped from None
                if kind == "progress":
                    if progress is not None and not progress(*content):
                        raise LoadCancelled
                elif kind == "bad":
                    raise BeanDataError(*content)
                elif kind == "memory":
                    raise MemoryError
                elif kind == "beans":
                    name, x_shape, names = content
                    x, y = (_read_floats(child.stdout, shape, stopped) for shape in (x_shape, x_shape[:1]))
                    return Beans(x, y, name, columns=None if names is None else tuple(names))
            raise stopped
        finally:
            if child.poll() is None:
                child.kill()


def _read_floats(stream, shape: list[int], stopped: BeanDataError) -> np.ndarray:
    """An array of little-endian float64 of ``shape``, as the reading process wrote it."""
    size = 8 * int(np.prod(shape))
    raw = stream.read(size)
    if len(raw) != size:   # cut short: the process died
        raise stopped
    return np.frombuffer(raw, dtype="<f8").reshape(shape)


def _read_and_print(path: str, columns, language: str) -> None:
    """In the reading process: read the file, printing progress, then the beans or what was wrong."""
    i18n.set_language(language)
    out = sys.stdout.buffer

    def say(*message) -> None:
        out.write(json.dumps(message).encode("utf-8") + b"\n")
        out.flush()

    def report(done: int, total: int) -> bool:
        say("progress", done, total)
        return True

    try:
        beans = load_beans_csv(path, report, columns)
    except BeanDataError as exc:
        say("bad", exc.path, exc.problem, exc.line, exc.column)
    except MemoryError:
        say("memory")
    else:
        say("beans", beans.name, list(beans.x.shape), beans.columns and list(beans.columns))
        for values in (beans.x, beans.y):
            out.write(np.ascontiguousarray(values, dtype="<f8").tobytes())
        out.flush()


def main() -> None:
    """The reading process's entry: ``PATH COLUMNS-JSON LANGUAGE``."""
    _read_and_print(sys.argv[1], json.loads(sys.argv[2]), sys.argv[3])

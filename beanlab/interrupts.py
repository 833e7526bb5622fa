"""Ctrl+C (SIGINT) and SIGTERM end a command promptly: one line, exit status 130 or 143, no partial file.

Python turns SIGINT into KeyboardInterrupt; :func:`raise_on_signals` makes SIGTERM raise
:class:`Terminated` the same way, so a command in plain Python code stops where it is and every file
written through :mod:`beanlab.core.atomic_write` removes its temporary file. Code that waits inside
Qt's event loop (the window, an export drawing frames) must not raise from a handler (PySide would
print the traceback and go on): it takes the signals through ``beanlab.gui.signal_wakeup`` instead
and raises :func:`exception_for` once the loop is left.
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

STOPPING = (signal.SIGINT, signal.SIGTERM)
MESSAGES = {signal.SIGINT: "interrupted (Ctrl+C)", signal.SIGTERM: "stopped (SIGTERM)"}


class Terminated(BaseException):
    """SIGTERM, raised as KeyboardInterrupt is for SIGINT (a BaseException, so no `except Exception` eats it)."""

    signum = signal.SIGTERM


def _raise_terminated(signum, frame) -> None:
    raise Terminated


def raise_on_signals() -> dict:
    """SIGINT raises KeyboardInterrupt, SIGTERM raises Terminated; returns the handlers before, for
    :func:`restore`. Off the main thread (where Python allows no handlers) it does nothing."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    return {signal.SIGINT: signal.signal(signal.SIGINT, signal.default_int_handler),
            signal.SIGTERM: signal.signal(signal.SIGTERM, _raise_terminated)}


class Noted:
    """The first SIGINT or SIGTERM that came within :func:`deferred` (``first``, else None)."""

    def __init__(self) -> None:
        self.first: int | None = None

    def __call__(self, signum, frame) -> None:
        if self.first is not None:   # asked twice: stop at once, as without deferred()
            raise exception_for(signum)
        self.first = signum


@contextmanager
def deferred() -> Iterator[Noted]:
    """Within, Ctrl+C and SIGTERM are noted, not raised (a second one is raised), so a long loop can stop
    between two of its steps, where its result is whole, and report it; the handlers are put back after.
    Off the main thread nothing can be noted."""
    noted = Noted()
    if threading.current_thread() is not threading.main_thread():
        yield noted
        return
    before = {number: signal.signal(number, noted) for number in STOPPING}
    try:
        yield noted
    finally:
        restore(before)


def restore(handlers: dict) -> None:
    for number, handler in handlers.items():
        signal.signal(number, handler if handler is not None else signal.SIG_DFL)


def exception_for(signum: int) -> BaseException:
    return Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


def exit_status(signum: int) -> int:
    """What a shell expects of a program ended by ``signum``: 128 + its number (130, 143)."""
    return 128 + int(signum)


def message(signum: int) -> str:
    return f"beanlab: {MESSAGES.get(signum, f'stopped by signal {int(signum)}')}; nothing was left half-written"

"""A progress bar on one line of a terminal, for the commands' long work (train, race, export).

It shows what is done, the rate and the time left, redrawn at most ten times a second, and only for
work that has already taken a second: a quick run prints nothing more than before. It draws nothing
when the stream is not a terminal (piped, redirected, a test's capture) or when told to be quiet
(``--json``), so what a script reads is never mixed with carriage returns.
"""
from __future__ import annotations

import os
import sys
import time

SHOW_AFTER_S = 1.0   # work done sooner needs no bar
REDRAW_EVERY_S = 0.1
BAR_CELLS = 20


def duration(seconds: float) -> str:
    """A time left as a person says it: "8 s", "3 min 20 s", "2 h 05 min"."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


class ProgressBar:
    """``show(done)`` as the work goes, ``close()`` when it stops (however it stops)."""

    def __init__(self, total: int, unit: str, what: str = "", stream=None, quiet: bool = False,
                 clock=time.monotonic) -> None:
        self.total, self.unit, self.what = max(1, int(total)), unit, what
        self.stream = stream or sys.stderr   # looked up now: tests and shells may swap stderr
        self.enabled = not quiet and _is_terminal(self.stream)
        self._clock = clock
        self._started = self._stage_started = clock()   # of the work; of what it does now (the rate's)
        self._drawn_at: float | None = None
        self._width = 0   # of the line last drawn, to wipe it

    def show(self, done: int, what: str | None = None) -> None:
        if not self.enabled:
            return
        now = self._clock()
        if what is not None and what != self.what:   # another stage of the work: its own rate
            self.what, self._stage_started, self._drawn_at = what, now, None
        if now - self._started < SHOW_AFTER_S or (self._drawn_at is not None and now - self._drawn_at < REDRAW_EVERY_S
                                                  and done < self.total):
            return
        self._drawn_at = now
        # never wider than the terminal: a wrapped line is not redrawn in place by "\r"
        line = self.line(done, now - self._stage_started)
        width = _columns(self.stream)
        if width:   # (a new pseudo-terminal says 0: unknown)
            line = line[:width - 3]   # room for the "^C" a terminal echoes
        self.stream.write("\r" + line.ljust(self._width))
        self.stream.flush()
        self._width = len(line)

    def line(self, done: int, elapsed: float) -> str:
        """What the bar says after ``done`` of the work in ``elapsed`` seconds."""
        done = min(max(0, int(done)), self.total)
        filled = BAR_CELLS * done // self.total
        rate = done / elapsed if elapsed > 0 else 0.0
        left = f"{duration((self.total - done) / rate)} left" if rate > 0 else "…"
        label = f"{self.what}: " if self.what else ""
        return (f"{label}[{'#' * filled}{'.' * (BAR_CELLS - filled)}] {100 * done // self.total:3d}%  "
                f"{done:,}/{self.total:,} {self.unit}  {rate:,.0f}/s  {left}")

    def close(self) -> None:
        """Wipe the bar (the line that follows, a result or "interrupted", starts clean)."""
        if self.enabled and self._width:
            # two more: the "^C" a terminal echoes where the bar ended
            self.stream.write("\r" + " " * (self._width + 2) + "\r")
            self.stream.flush()
        self._width = 0


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):   # no isatty, or closed
        return False


def _columns(stream) -> int | None:
    """The width of the terminal ``stream`` writes to, if it is one that says."""
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, ValueError, OSError):
        return None

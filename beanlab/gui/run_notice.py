"""The notice above the readouts when a run has stopped by itself: it diverged, or reached the epoch limit.

Reaching the limit is the end a search is made for (lesson 2 has tried every w and found the exact
bottom): then the notice is green and says so; for a descent it is red and says how to go on.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel

from beanlab.core import OPTIMIZERS, Frame, RunConfig, RunState
from beanlab.i18n import N_, tr

DIVERGED = N_("<b>The run diverged:</b> the loss blew up after {step:,} updates, so training stopped at the last "
              "finite point. Try a smaller learning rate, then press Reset (R).")
STOPPED_STYLE = "background: #fde2e1; color: #8a1c1c; padding: 8px; font-size: 12pt;"
DONE_STYLE = "background: #dff3e4; color: #145c2c; padding: 8px; font-size: 12pt;"


class RunNotice(QLabel):
    """Shown only while the run is diverged or finished; says why, and what to do."""

    def __init__(self, config: Callable[[], RunConfig]) -> None:
        super().__init__()
        self._config = config
        self.setWordWrap(True)
        self.setStyleSheet(STOPPED_STYLE)
        self.done = False   # the run ended where it was meant to (green), not stopped short (red)
        self.hide()

    def show_frame(self, frame: Frame) -> None:
        config = self._config()
        optimizer = OPTIMIZERS[config.optimizer]
        if frame.state == RunState.DIVERGED:
            self._say(tr(DIVERGED).format(step=frame.snapshot.step), done=False)
        elif frame.state == RunState.FINISHED:
            done = optimizer.done_after(frame.snapshot.step)
            self._say(tr(optimizer.done if done else optimizer.finished).format(epochs=config.epochs), done=done)
        self.setVisible(frame.state in (RunState.DIVERGED, RunState.FINISHED))

    def _say(self, text: str, done: bool) -> None:
        self.setText(text)
        if done != self.done:
            self.done = done
            self.setStyleSheet(DONE_STYLE if done else STOPPED_STYLE)

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
STOPPED_STYLE = "background: #fde2e1; color: #8a1c1c; padding: 8px; font-size: {size:.1f}pt;"
DONE_STYLE = "background: #dff3e4; color: #145c2c; padding: 8px; font-size: {size:.1f}pt;"


class RunNotice(QLabel):
    """Shown only while the run is diverged or finished; says why, and what to do."""

    def __init__(self, config: Callable[[], RunConfig]) -> None:
        super().__init__()
        self._config = config
        self.setWordWrap(True)
        self.done = False   # the run ended where it was meant to (green), not stopped short (red)
        self._size = 12.0
        self.apply_look(None)
        self.hide()

    def apply_look(self, look) -> None:
        """Larger with the look: 18 px and more in the projector view."""
        size = 12 if look is None else max(12, look(12) * 0.75)
        self.setStyleSheet(f"background: #fde2e1; color: #8a1c1c; padding: 8px; font-size: {size:.1f}pt;")

    def apply_look(self, look) -> None:
        """Larger with the look: 18 px and more in the projector view."""
        self._size = 12 if look is None else max(12, look(12) * 0.75)
        self._restyle()

    def _restyle(self) -> None:
        self.setStyleSheet((DONE_STYLE if self.done else STOPPED_STYLE).format(size=self._size))

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
            self._restyle()

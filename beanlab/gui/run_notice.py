"""The notice above the readouts when a run has stopped by itself: it diverged, or reached the epoch limit."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel

from beanlab.core import Frame, RunState
from beanlab.i18n import N_, tr

NOTICES = {
    RunState.DIVERGED: N_("<b>The run diverged:</b> the loss blew up after {step:,} updates, so training stopped at "
                          "the last finite point. Try a smaller learning rate, then press Reset (R)."),
    RunState.FINISHED: N_("Reached the epoch limit ({epochs}). Raise it to go on, or press Reset (R)."),
}


class RunNotice(QLabel):
    """Shown only while the run is diverged or finished; says why, and what to do."""

    def __init__(self, epoch_limit: Callable[[], int]) -> None:
        super().__init__()
        self._epoch_limit = epoch_limit
        self.setWordWrap(True)
        self.apply_look(None)
        self.hide()

    def apply_look(self, look) -> None:
        """Larger with the look: 18 px and more in the projector view."""
        size = 12 if look is None else max(12, look(12) * 0.75)
        self.setStyleSheet(f"background: #fde2e1; color: #8a1c1c; padding: 8px; font-size: {size:.1f}pt;")

    def show_frame(self, frame: Frame) -> None:
        notice = NOTICES.get(frame.state)
        if notice is not None:
            self.setText(tr(notice).format(step=frame.snapshot.step, epochs=self._epoch_limit()))
        self.setVisible(notice is not None)

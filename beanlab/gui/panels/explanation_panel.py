"""The last update in words and numbers, large enough to read from the back of the room."""
from __future__ import annotations

import time
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from beanlab.core import Explanation, Frame, RunState
from beanlab.core.lessons import FREE_PLAY_CAPTION
from beanlab.gui.language import Retranslating
from beanlab.i18n import N_, tr

# While playing, the explanation tells an update only when it can stay in step with the readouts:
# at a pace of one frame every READ_EACH_S or slower each update is told as it comes; faster, the
# readouts would move on under a text about an older update, so the text waits for a pause instead.
READ_EACH_S = 0.4
PLAYING_LABEL = N_("Playing ·")
PLAYING_WAIT = N_("Playing: too fast to tell each update in words. Pause (Space) or step (→) to read the update "
                  "the readouts show.")
TEXT_PT, CAPTION_PT = 15, 14
CHOICE_STYLE = "QPushButton {{ font-size: {size}pt; padding: 4px 14px; }}"
TEXT_STYLE = ("font-size: {size:.1f}pt; padding: 6px 10px; background: {background}; color: {colour};"
              "border-top: 1px solid #ccc;")
CAPTION_STYLE = "font-size: {size:.1f}pt; padding: 4px 10px; background: {background}; color: {colour};"
LIGHT = {"text": ("#fbfbf4", "#111"), "caption": ("#e8f1fa", "#123")}
DARK = {"text": ("#1b1f23", "#eee"), "caption": ("#17283a", "#dde8f2")}


class ExplanationPanel(Retranslating, QWidget):
    """Four lines: the bean(s), the prediction and error, the slope formula with numbers, the move."""

    def __init__(self) -> None:
        super().__init__()
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setStyleSheet(TEXT_STYLE.format(size=TEXT_PT, background=LIGHT["text"][0], colour=LIGHT["text"][1]))
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet(CAPTION_STYLE.format(size=CAPTION_PT, background=LIGHT["caption"][0],
                                                        colour=LIGHT["caption"][1]))
        # the plots come first: a long explanation scrolls below them rather than squeezing them, and is
        # never cut (lesson 8's 25 slopes); the caption above it stays whole
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.text)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setMinimumHeight(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.caption)
        # a prediction's choices (see set_choices), under its question
        self.choices = QWidget()
        self._choice_row = QHBoxLayout(self.choices)
        self._choice_row.setContentsMargins(6, 4, 6, 4)
        self.choices.hide()
        layout.addWidget(self.choices)
        layout.addWidget(self.scroll, 1)
        self._shown: tuple[str, ...] = ()
        self._explanation: Explanation | None = None   # on screen: read again in a new language
        self._label = ""                               # said before it (not translated again)
        self._shown_playing = False
        self._held_step = -1        # a stage of the next update is on screen, over this update's frame
        self._shown_at = 0.0        # when the text last changed (perf_counter)
        self._frame_at = 0.0        # when the last frame came (perf_counter)
        self.waiting = False        # the text waits for a pause (playing too fast to tell each update)
        self._next_label = ""       # said before the next update's explanation (stage 3)
        self._caption_source: str | None = None   # the lesson's caption, in English: shown translated
        self._prompt: str | None = None   # a prediction's words, shown in the caption's place (set_prompt)
        self._caption_shown = ""
        self._grow = 1.0   # the look's text size, for the choice buttons made later
        self.set_caption(None)

    def retranslate(self) -> None:
        # an explanation is templates and numbers: read in the new language, it needs no new frame
        self.set_caption(self._caption_source)
        if self.waiting:
            self.waiting = False
            self._wait()
        elif self._explanation is not None:
            self._show(self._explanation, tr(PLAYING_LABEL) if self._shown_playing else self._label)

    def show_frame(self, frame: Frame) -> None:
        explanation = frame.explanation
        if frame.snapshot.step == self._held_step and not frame.restarted:
            return   # a stage of the next update is being shown: keep it
        self._held_step = -1
        playing = frame.state == RunState.PLAYING
        now = time.perf_counter()
        slow, self._frame_at = now - self._frame_at >= READ_EACH_S, now
        if explanation is None:
            return
        if playing and not slow:
            # Nobody reads a text that changes 30 times a second, and one about an older update than
            # the readouts show would contradict them: wait for a pause (laid out once, so cheap).
            self._wait()
            return
        if explanation.lines == self._shown and playing == self._shown_playing and not self.waiting:
            return
        label, self._next_label = self._next_label, ""
        self._shown_playing = playing
        self._show(explanation, tr(PLAYING_LABEL) if playing else label)

    def show_stage(self, explanation: Explanation, step: int) -> None:
        """A stage of the update after ``step``; it stays until the run moves on from ``step``."""
        self._held_step = step
        self._show(explanation)

    def label_next_update(self, label: str) -> None:
        """Put ``label`` before the explanation of the next update (the last stage)."""
        self._next_label = label

    def _wait(self) -> None:
        if self.waiting:
            return
        self.waiting, self._explanation, self._shown_playing = True, None, True
        self._shown, self._shown_at = (tr(PLAYING_WAIT),), time.perf_counter()
        self.text.setText(f"<span style='color:#555'>{escape(tr(PLAYING_WAIT))}</span>")

    def _show(self, explanation: Explanation, label: str = "") -> None:
        self.waiting = False
        lines = explanation.lines   # in the current language
        self._explanation, self._label = explanation, label
        self._shown, self._shown_at = lines, time.perf_counter()
        first, *rest = lines
        prefix = f"<span style='color:#555'>{escape(label)}</span> " if label else ""
        self.text.setText(f"{prefix}<b>{escape(first)}</b><br>" + "<br>".join(escape(line) for line in rest))

    def apply_look(self, look) -> None:
        # already large at 15 pt: it grows a third as fast as the rest, so its lines fit below the plots
        grow = self._grow = 1 + (look.scale - 1) / 3
        colours = DARK if look.dark else LIGHT
        for button in self.choice_buttons:
            button.setStyleSheet(CHOICE_STYLE.format(size=CAPTION_PT * grow))
        self.text.setStyleSheet(TEXT_STYLE.format(size=TEXT_PT * grow, background=colours["text"][0],
                                                  colour=colours["text"][1]))
        self.caption.setStyleSheet(CAPTION_STYLE.format(size=CAPTION_PT * grow, background=colours["caption"][0],
                                                        colour=colours["caption"][1]))

    def set_caption(self, caption: str | None) -> None:
        """A lesson's two lines of what to watch (in English: shown translated); None: free play's."""
        self._caption_source = caption
        if self._prompt is None:
            self._show_caption_text(tr(caption or FREE_PLAY_CAPTION))

    def set_prompt(self, text: str | None) -> None:
        """A prediction's question or verdict (already in the current language) in the caption's place,
        where the class looks; None gives the caption back."""
        self._prompt = text
        self._show_caption_text(text if text is not None else tr(self._caption_source or FREE_PLAY_CAPTION))

    def set_choices(self, labels: list[str] | None, on_choice=None) -> None:
        """Buttons under the question, one per answer (already translated); a click calls
        ``on_choice(index)``. None takes them away."""
        while self._choice_row.count():
            widget = self._choice_row.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.choices.setVisible(bool(labels))
        for index, label in enumerate(labels or ()):
            button = QPushButton(label)
            button.setStyleSheet(CHOICE_STYLE.format(size=CAPTION_PT * self._grow))
            button.setCheckable(True)
            button.setAutoExclusive(True)
            button.clicked.connect(lambda _checked=False, index=index: on_choice(index))
            self._choice_row.addWidget(button)
        self._choice_row.addStretch(1)

    @property
    def choice_buttons(self) -> list[QPushButton]:
        return [self._choice_row.itemAt(i).widget() for i in range(self._choice_row.count())
                if isinstance(self._choice_row.itemAt(i).widget(), QPushButton)]

    @property
    def caption_text(self) -> str:
        """What the caption's place says now, as plain lines."""
        return self._caption_shown

    def _show_caption_text(self, shown: str) -> None:
        self._caption_shown = shown
        self.caption.setText("<br>".join(escape(line) for line in shown.splitlines()))

    @property
    def plain_text(self) -> str:
        return "\n".join(self._shown)

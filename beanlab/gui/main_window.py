"""The main window: lays out the panels and plots and wires them to the training controller."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import QMainWindow, QScrollArea, QSplitter, QVBoxLayout, QWidget

from beanlab.core import LESSONS, OPTIMIZERS, Beans, Landscape, Lesson, RunConfig, Session, Trainer, lesson
from beanlab.gui import style
from beanlab.gui.actions import build_actions, lesson_actions, playback_actions, speed_actions, view_actions
from beanlab.gui.app_settings import AppSettings
from beanlab.gui.bean_editor import BeanEditor
from beanlab.gui.challenges_window import ChallengesWindow
from beanlab.gui.data_actions import DataActions
from beanlab.gui.export.export_actions import ExportActions
from beanlab.gui.export.lesson_sheet import LessonSheetActions
from beanlab.gui.frame_hub import FrameHub
from beanlab.gui.language import apply_language
from beanlab.gui.lesson_file_actions import LessonFileActions
from beanlab.gui.panels.data_panel import DataPanel
from beanlab.gui.panels.explanation_panel import ExplanationPanel
from beanlab.gui.panels.model_panel import ModelPanel
from beanlab.gui.panels.optimizer_panel import OptimizerPanel
from beanlab.gui.panels.playback_panel import PlaybackPanel
from beanlab.gui.panels.projector_strip import ProjectorStrip
from beanlab.gui.panels.readouts_panel import ReadoutsPanel
from beanlab.gui.panels.slice_panel import SlicePanel
from beanlab.gui.plots.plot_board import SHOWN_FIRST, PlotBoard
from beanlab.gui.prediction_mode import PredictionMode
from beanlab.gui.race_window import RaceWindow
from beanlab.gui.run_notice import RunNotice
from beanlab.gui.session_actions import SessionActions
from beanlab.gui.stage_stepper import StageStepper
from beanlab.gui.teacher_mode import TeacherMode
from beanlab.gui.training_controller import TrainingController
from beanlab.gui.window_look import WindowLook
from beanlab.gui.window_menus import WindowMenus
from beanlab.gui.window_settings import remember_window, restore_window
from beanlab.i18n import system_language, tr


class MainWindow(QMainWindow):
    """BeanLab's main window."""

    def __init__(self, config: RunConfig | None = None, lesson: int | Lesson | None = None,
                 session: Session | None = None, session_name: str = "", language: str | None = None,
                 remembers: bool = True, own_beans: tuple[Trainer, str] | None = None, teach: bool = False) -> None:
        """``config``: the run to open on (with ``lesson``, a number or a lesson read from a file: in
        place of the lesson's own, in its views); ``teach``: the lesson in teacher mode (--teach);
        ``language``: "en" or "zh_CN" for this launch (--lang); by default the one chosen last from
        View → Language, or else the system's. ``remembers=False``: closing does not write the
        remembered settings (``beanlab screenshot`` plays the default run, not the user's).
        ``own_beans``: (the run on beans read from a file, the file's name), made with ``config``."""
        super().__init__()
        self._remembers = remembers
        style.configure_pyqtgraph()
        self.settings = AppSettings()
        self._chosen_language = self.settings.language()
        apply_language(language or self._chosen_language or system_language())
        self._title: tuple[str, object] = ("default", None)   # what the window title names: see retranslate
        self._lesson: Lesson | None = None   # the lesson loaded last (its caption, questions, script)
        remembered = self.settings.last_config() if config is None and lesson is None and session is None else None
        self.controller = TrainingController(config or remembered, self)
        self.frames = FrameHub(acknowledge=self.controller.frame_drawn)
        self.actions = build_actions(playback_actions(self.controller, step=lambda: self.stepper.step(),
                                                      predict=lambda: self.prediction.ask(),
                                                      skip=self.skip_ahead), self)

        # panels (left)
        self.data_panel = DataPanel(self.controller)
        self.model_panel = ModelPanel(self.controller)
        self.optimizer_panel = OptimizerPanel(self.controller)
        self.playback_panel = PlaybackPanel(self.controller, self.actions)
        self.actions.update(build_actions(speed_actions(self.playback_panel), self))
        self.readouts = ReadoutsPanel()
        self.slice_panel = SlicePanel()
        self.notice = RunNotice(lambda: self.controller.config)
        self.projector_strip = ProjectorStrip(self.actions, self.playback_panel, self.optimizer_panel,
                                              self.controller)
        self.projector_strip.hide()   # the projector view's (F5)

        # plots (right)
        self.plots = PlotBoard()
        self.explanation = ExplanationPanel()
        self.stepper = StageStepper(self.controller, self.plots, self.explanation)
        self.scatter, self.loss_plot, self.cost_slices = self.plots.scatter, self.plots.loss_plot, self.plots.cost_slices
        self.contour, self.cost_views = self.plots.contour, self.plots.cost_views
        self.lesson_actions = build_actions(lesson_actions(LESSONS, self.load_lesson), self)
        self.appearance = WindowLook(self)
        self.view_actions = build_actions(view_actions(self.stepper, lambda: self.surface.reset_camera(), self.appearance), self)

        self.exports = ExportActions(self, self.controller, self.plots)
        self.sessions = SessionActions(self, self.controller)
        self.data = DataActions(self, self.controller)
        self.lesson_files = LessonFileActions(self)
        self.sheets = LessonSheetActions(self)
        for part in (self.exports, self.sessions, self.data, self.lesson_files, self.sheets):
            part.succeeded.connect(self._on_message)
            part.failed.connect(self.exports.warn)
        self.sessions.opened.connect(self._on_session_opened)
        self.bean_editor = BeanEditor(self, self.controller, self.scatter)
        self.prediction = PredictionMode(self)
        self.teacher = TeacherMode(self)
        self.race_window: RaceWindow | None = None
        self.challenges_window: ChallengesWindow | None = None
        self.setAcceptDrops(True)   # a CSV (or a session) dropped on the window opens it
        self._lay_out()
        self.window_menus = WindowMenus(self)
        self.menus, self.language_actions, self.landscapes = \
            self.window_menus.menus, self.window_menus.language_actions, self.window_menus.landscapes
        self._wire()
        restore_window(self, size=(1600, 1000))
        self.retranslate()
        if session is not None:
            self._on_session_opened(session, session_name)
            self.controller.load_session(session, tr("Opened {name}: paused where it was saved.").format(
                name=session_name))
        elif lesson is not None:
            self.load_lesson(lesson, config)
            if own_beans is not None:   # the lesson's views and caption, on the beans of the file
                self.controller.use_trainer(own_beans[0], config, own_beans[1])
        elif own_beans is not None:
            self.controller.use_trainer(own_beans[0], config, own_beans[1])
        else:
            self.controller.start()
        if teach:
            self.teacher.enter()

    # -- layout and wiring -------------------------------------------------------------------
    def _lay_out(self) -> None:
        controls = QWidget()
        column = QVBoxLayout(controls)
        for widget in (self.playback_panel, self.notice, self.readouts, self.slice_panel, self.data_panel,
                       self.model_panel, self.optimizer_panel):
            column.addWidget(widget)
        column.addStretch(1)
        scroll = self.controls_scroll = QScrollArea()
        scroll.setWidget(controls)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(360)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMaximumWidth(440)

        right = self.plots_and_explanation = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.plots)
        right.addWidget(self.explanation)
        right.setStretchFactor(0, 1)
        right.setSizes([780, 210])
        main = self.columns = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(scroll)
        main.addWidget(right)
        main.setStretchFactor(1, 1)
        central = QWidget()
        rows = QVBoxLayout(central)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(0)
        rows.addWidget(self.projector_strip)
        rows.addWidget(main, 1)
        self.setCentralWidget(central)

    def _wire(self) -> None:
        controller = self.controller
        controller.run_replaced.connect(self._on_run_replaced)
        controller.beans_previewed.connect(self.plots.set_run)
        controller.frame_ready.connect(self.frames.receive)
        controller.message.connect(self._on_message)
        self.slice_panel.pair_chosen.connect(self._on_pair_chosen)
        self.plots.follow(self.frames)
        for part in (self.readouts, self.explanation, self.playback_panel, self.notice, self.projector_strip):
            self.frames.subscribe(part.show_frame)

    @property
    def surface(self):
        """The cost bowl: in 3-D, or its 2-D stand-in where OpenGL cannot draw (it may change once)."""
        return self.plots.surface

    @property
    def frames_shown(self) -> int:
        """How many frames the window has drawn."""
        return self.frames.frames_shown

    @property
    def current_lesson(self) -> Lesson | None:
        """The lesson loaded last (from the menu, a file or a session), or None in free play."""
        return self._lesson

    def restarting_actions(self) -> list:
        """Every action that would replace or restart the run: teacher mode turns them off."""
        return [self.actions["reset"], *self.lesson_actions.values(), *self.sessions.keyed_actions[:1],
                *self.data.keyed_actions[:1], *self.lesson_files.keyed_actions, *self.bean_editor.actions.values(),
                *self.landscapes.actions.values(), self.view_actions["projector"]]

    def dragEnterEvent(self, event) -> None:
        if self.teacher.active:   # a file dropped by accident must not replace the lesson being taught
            return
        if any(url.toLocalFile().lower().endswith((".csv", ".beanlab", ".toml")) for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        for url in event.mimeData().urls():
            path = url.toLocalFile()
            if path.lower().endswith(".csv"):
                self.data.open_data(path)
            elif path.lower().endswith(".beanlab"):
                self.sessions.open_session(path)
            elif path.lower().endswith(".toml"):
                self.lesson_files.open_lesson_file(path)
            else:
                continue
            event.acceptProposedAction()
            return

    def open_race(self) -> None:
        """Run → Race optimizers…: a window of its own, on the run's current settings."""
        if self.race_window is not None:
            self.race_window.close()
            self.race_window.deleteLater()
        self.race_window = RaceWindow(self.controller.config, self)
        self.race_window.show()

    def open_challenges(self) -> ChallengesWindow:
        """Lessons → Challenges…: the lesson's tasks for home, beside the window (made once, then shown again)."""
        if self.challenges_window is None:
            self.challenges_window = ChallengesWindow(self)
        self.challenges_window.show_lesson(self.current_lesson)
        self.challenges_window.show()
        self.challenges_window.raise_()
        return self.challenges_window

    # -- language ----------------------------------------------------------------------------
    def set_language(self, code: str) -> None:
        """Switch language now (View → Language), and keep the choice for the next launches."""
        self._chosen_language = code
        apply_language(code)   # every widget gets a LanguageChange event (explanations are put in words anew)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """The window's own words (menus, actions, title, notices); each panel re-sets its own."""
        self.window_menus.retranslate()
        kind, what = self._title
        if kind == "lesson":
            self.setWindowTitle(tr("BeanLab — {lesson}").format(lesson=what.menu_text))
        elif kind == "session":
            self.setWindowTitle(f"BeanLab — {what}")
        else:
            self.setWindowTitle(tr("BeanLab — gradient descent on beans"))
        if self.controller.latest is not None:
            self.notice.show_frame(self.controller.latest)

    def shortcuts(self) -> list[tuple[str, str]]:
        """(keys, what they do) for every action that has keys: what Help → Keyboard shortcuts lists."""
        return self.window_menus.shortcuts()

    # -- what the run shows --------------------------------------------------------------------
    @Slot(object, object)
    def _on_run_replaced(self, beans: Beans, landscape: Landscape) -> None:
        config = self.controller.config
        for panel in (self.data_panel, self.model_panel, self.optimizer_panel, self.projector_strip):
            panel.show_config(config)
        self.data_panel.show_source(self.controller.own_beans, self.controller.beans_edited, config.landscape,
                                    len(beans))
        self.model_panel.setEnabled(config.landscape is None)   # a landscape is its own model
        self.plots.set_run(beans, landscape)
        if self.cost_slices is not None:   # a search or the perceptron rule: no slope, so no tangent
            self.cost_slices.set_slope_used(OPTIMIZERS[config.optimizer].uses_slope)
        self.readouts.set_run(landscape, config.slope_moved_by(len(beans)))
        self.slice_panel.set_parameters(landscape.model.param_names, landscape.pair)
        self.slice_panel.setVisible(self.slice_panel.wanted and not self.appearance.projector)   # F5 hides it
        self.notice.hide()

    @Slot(int, int)
    def _on_pair_chosen(self, first: int, second: int) -> None:
        self.plots.set_pair(Landscape(self.controller.beans, self.controller.landscape.model, (first, second)))
        self.controller.refresh()   # a frame to draw the new slice through, playing or not

    def load_lesson(self, number: int | Lesson, config: RunConfig | None = None) -> None:
        """Load a lesson's preset (a built-in lesson's number, or a lesson read from a file): its run
        (or ``config``, the lesson's with options laid over it), its plots, its caption."""
        preset = number if isinstance(number, Lesson) else lesson(number)
        self._lesson = preset
        self.plots.show_views(preset.views)
        self.appearance.restore_layout()   # nothing left over from the lesson before (sizes, shares)
        self.explanation.set_caption(preset.caption)
        # a session remembers a built-in lesson by its number; a lesson file's run is saved without one
        self.sessions.lesson = preset.number if LESSONS.get(preset.number) is preset else None
        self._title = ("lesson", preset)
        self.setWindowTitle(tr("BeanLab — {lesson}").format(lesson=preset.menu_text))
        self.controller.load_config(config or preset.config, tr("{lesson}: loaded, ready to play.").format(
            lesson=preset.menu_text), plan=preset.pace)

    def skip_ahead(self) -> None:
        """Fast-forward to the point the lesson's caption promises and pause there (Ctrl+Right)."""
        preset = self.current_lesson
        if preset is None or not preset.promise_applies_to(self.controller.config):
            self._on_message(tr("Skip ahead goes to a lesson's promised point: load a lesson first (Lessons menu)."))
            return
        self.controller.skip_ahead(preset.promise)

    def _on_session_opened(self, session: Session, name: str) -> None:
        preset = self._lesson = LESSONS.get(session.lesson)
        self.plots.show_views(preset.views if preset else SHOWN_FIRST)
        self.explanation.set_caption(preset.caption if preset else None)
        self.sessions.lesson = session.lesson
        self._title = ("session", name)
        self.setWindowTitle(f"BeanLab — {name}")

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.appearance.fit_columns()   # the projector view's readouts: a fifth of the width, whatever it is

    @Slot(str)
    def _on_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def closeEvent(self, event) -> None:
        if getattr(self, "_closed", False):   # closed twice (a signal, then Ctrl+Q): settings are saved once
            super().closeEvent(event)
            return
        self._closed = True
        if self._remembers:
            remember_window(self, self._chosen_language)
        if self.race_window is not None:
            self.race_window.close()
        self.data.shutdown()
        self.controller.shutdown()
        super().closeEvent(event)

"""The main window: lays out the panels and plots and wires them to the training controller."""
from __future__ import annotations

import re
import sys

from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from beanlab.core import LESSONS, Beans, Landscape, RunConfig, Session, lesson
from beanlab.gui import style
from beanlab.gui.actions import (
    build_actions,
    lesson_actions,
    playback_actions,
    retranslate_actions,
    speed_actions,
    view_actions,
)
from beanlab.gui.app_settings import AppSettings
from beanlab.gui.bean_editor import BeanEditor
from beanlab.gui.data_actions import DataActions
from beanlab.gui.export.export_actions import ExportActions
from beanlab.gui.landscape_menu import LandscapeMenu
from beanlab.gui.language import apply_language, with_cjk_fallback
from beanlab.gui.panels.data_panel import DataPanel
from beanlab.gui.panels.explanation_panel import ExplanationPanel
from beanlab.gui.panels.model_panel import ModelPanel
from beanlab.gui.panels.optimizer_panel import OptimizerPanel
from beanlab.gui.panels.playback_panel import PlaybackPanel
from beanlab.gui.panels.readouts_panel import ReadoutsPanel
from beanlab.gui.panels.slice_panel import SlicePanel
from beanlab.gui.plots.plot_board import SHOWN_FIRST, PlotBoard
from beanlab.gui.race_window import RaceWindow
from beanlab.gui.session_actions import SessionActions
from beanlab.gui.stage_stepper import StageStepper
from beanlab.gui.theme import apply_qt_theme
from beanlab.gui.training_controller import TrainingController
from beanlab.gui.training_worker import Frame
from beanlab.i18n import LANGUAGES, N_, system_language, tr
from beanlab.i18n import language as i18n_language

DIVERGED_TEXT = N_("<b>The run diverged:</b> the loss blew up after {step:,} updates, so training stopped at "
                   "the last finite point. Try a smaller learning rate, then press Reset (R).")
FINISHED_TEXT = N_("Reached the epoch limit ({epochs}). Raise it to go on, or press Reset (R).")
MENUS = {"file": N_("&File"), "edit": N_("&Edit"), "run": N_("&Run"), "lessons": N_("&Lessons"), "view": N_("&View"),
         "language": N_("&Language"), "help": N_("&Help")}


PROJECTOR_SCALE = 1.6   # readouts 16 pt → 25.6 pt: readable from the back row on a 1280×720 projector
ZOOM_STEP = 1.15


class MainWindow(QMainWindow):
    """BeanLab's main window."""

    def __init__(self, config: RunConfig | None = None, lesson: int | None = None,
                 session: Session | None = None, session_name: str = "", language: str | None = None) -> None:
        """``language``: "en" or "zh_CN" for this launch (--lang); by default the one chosen last from
        View → Language, or else the system's."""
        super().__init__()
        style.configure_pyqtgraph()
        self.settings = AppSettings()
        self._chosen_language = self.settings.language()
        apply_language(language or self._chosen_language or system_language())
        self._title: tuple[str, object] = ("default", None)   # what the window title names: see retranslate
        remembered = self.settings.last_config() if config is None and lesson is None and session is None else None
        self.controller = TrainingController(config or remembered, self)
        self.actions = build_actions(playback_actions(self.controller, step=lambda: self.stepper.step()), self)
        self.frames_shown = 0

        # panels (left)
        self.data_panel = DataPanel(self.controller)
        self.model_panel = ModelPanel(self.controller)
        self.optimizer_panel = OptimizerPanel(self.controller)
        self.playback_panel = PlaybackPanel(self.controller, self.actions)
        self.actions.update(build_actions(speed_actions(self.playback_panel), self))
        self.readouts = ReadoutsPanel()
        self.slice_panel = SlicePanel()
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("background: #fde2e1; color: #8a1c1c; padding: 8px; font-size: 12pt;")
        self.notice.hide()

        # plots (right)
        self.plots = PlotBoard()
        self.explanation = ExplanationPanel()
        self.stepper = StageStepper(self.controller, self.plots, self.explanation)
        self.scatter, self.loss_plot, self.cost_slices = self.plots.scatter, self.plots.loss_plot, self.plots.cost_slices
        self.contour, self.surface, self.cost_views = self.plots.contour, self.plots.surface, self.plots.cost_views
        self.lesson_actions = build_actions(lesson_actions(LESSONS, self.load_lesson), self)
        self._projector, self._zoom, self._dark = False, 1.0, False
        self.view_actions = build_actions(view_actions(self.stepper, self.surface.reset_camera, self), self)

        self.exports = ExportActions(self, self.controller, self.plots)
        self.exports.succeeded.connect(self._on_message)
        self.exports.failed.connect(self.exports.warn)
        self.sessions = SessionActions(self, self.controller)
        self.sessions.succeeded.connect(self._on_message)
        self.sessions.failed.connect(self.exports.warn)
        self.sessions.opened.connect(self._on_session_opened)
        self.data = DataActions(self, self.controller)
        self.data.succeeded.connect(self._on_message)
        self.data.failed.connect(self.exports.warn)
        self.bean_editor = BeanEditor(self, self.controller, self.scatter)
        self.setAcceptDrops(True)   # a CSV (or a session) dropped on the window opens it
        self._lay_out()
        self._build_menus()
        self.controller.run_replaced.connect(self._on_run_replaced)
        self.controller.beans_previewed.connect(self.plots.set_run)
        self.slice_panel.pair_chosen.connect(self._on_pair_chosen)
        self.controller.frame_ready.connect(self._on_frame_ready)
        self.controller.message.connect(self._on_message)
        self._fit_to_screen(1600, 1000)
        self._restore_settings()
        self.retranslate()
        if session is not None:
            self._on_session_opened(session, session_name)
            self.controller.load_session(session, tr("Opened {name}: paused where it was saved.").format(
                name=session_name))
        elif lesson is not None:
            self.load_lesson(lesson)
        else:
            self.controller.start()

    # -- layout ------------------------------------------------------------------------------
    def _lay_out(self) -> None:
        controls = QWidget()
        column = QVBoxLayout(controls)
        for widget in (self.playback_panel, self.notice, self.readouts, self.slice_panel, self.data_panel,
                       self.model_panel, self.optimizer_panel):
            column.addWidget(widget)
        column.addStretch(1)
        scroll = self._controls_scroll = QScrollArea()
        scroll.setWidget(controls)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(360)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMaximumWidth(440)

        right = self._plots_and_explanation = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.plots)
        right.addWidget(self.explanation)
        right.setStretchFactor(0, 1)
        right.setSizes([780, 210])
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(scroll)
        main.addWidget(right)
        main.setStretchFactor(1, 1)
        self.setCentralWidget(main)

    def _build_menus(self) -> None:
        self.menus = {key: self.menuBar().addMenu("") for key in ("file", "edit", "run", "lessons", "view", "help")}
        file_menu = self.menus["file"]
        self.sessions.add_to(file_menu)
        file_menu.addSeparator()
        self.data.add_to(file_menu)
        file_menu.addSeparator()
        self.exports.add_to(file_menu)
        file_menu.addSeparator()
        self._quit = QAction(self)
        self._quit.setShortcut(QKeySequence.StandardKey.Quit)
        self._quit.triggered.connect(self.close)
        file_menu.addAction(self._quit)
        first_preset = f"lesson{min(n for n, preset in LESSONS.items() if not preset.course)}"
        for menu, actions in ((self.menus["edit"], self.bean_editor.actions), (self.menus["run"], self.actions),
                              (self.menus["lessons"], self.lesson_actions), (self.menus["view"], self.view_actions)):
            for name, action in actions.items():
                if name == first_preset:
                    menu.addSeparator()   # between the course's lessons and the presets beyond it
                menu.addAction(action)
        self.menus["lessons"].addSeparator()
        self.landscapes = LandscapeMenu(self.menus["lessons"], self.controller, self.plots)
        self.menus["run"].addSeparator()
        self._race = QAction(self)
        self._race.setShortcut(QKeySequence("Ctrl+R"))
        self._race.triggered.connect(self.open_race)
        self.menus["run"].addAction(self._race)
        self.race_window: RaceWindow | None = None
        self.menus["language"] = self.menus["view"].addMenu("")
        self.language_actions = {}
        group = QActionGroup(self)
        for code, name in LANGUAGES.items():   # each language named in itself, whichever is shown
            action = group.addAction(name)
            action.setFont(with_cjk_fallback(action.font()))   # 简体中文 is readable in any language
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, code=code: self.set_language(code))
            self.menus["language"].addAction(action)
            self.language_actions[code] = action
        self._keys = QAction(self)
        self._keys.triggered.connect(self._show_shortcuts)
        self.menus["help"].addAction(self._keys)
        self._toolbar = self.addToolBar("")
        self._toolbar.setObjectName("playback-toolbar")
        for action in self.actions.values():
            self._toolbar.addAction(action)
        self._toolbar.addSeparator()
        self._toolbar.addAction(self.bean_editor.actions["edit"])

    def dragEnterEvent(self, event) -> None:
        if any(url.toLocalFile().lower().endswith((".csv", ".beanlab")) for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        for url in event.mimeData().urls():
            path = url.toLocalFile()
            if path.lower().endswith(".csv"):
                self.data.open_data(path)
            elif path.lower().endswith(".beanlab"):
                self.sessions.open_session(path)
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

    # -- language ----------------------------------------------------------------------------
    def set_language(self, code: str) -> None:
        """Switch language now (View → Language), and keep the choice for the next launches."""
        self._chosen_language = code
        apply_language(code)   # every widget gets a LanguageChange event: see retranslate
        self.controller.refresh()   # the explanation comes from the worker: have it explained anew

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """The window's own words (menus, actions, title, notices); each panel re-sets its own."""
        for key, menu in self.menus.items():
            menu.setTitle(tr(MENUS[key]))
        retranslate_actions([*self.actions.values(), *self.view_actions.values(), *self.lesson_actions.values()])
        self.sessions.retranslate()
        self.data.retranslate()
        self.bean_editor.retranslate()
        self.landscapes.retranslate()
        self.exports.retranslate()
        self._quit.setText(tr("&Quit"))
        self._race.setText(tr("&Race optimizers…"))
        self._keys.setText(tr("Keyboard shortcuts"))
        self._toolbar.setWindowTitle(tr("Playback"))
        for code, action in self.language_actions.items():
            action.setChecked(code == i18n_language())
        kind, what = self._title
        if kind == "lesson":
            self.setWindowTitle(tr("BeanLab — {lesson}").format(lesson=lesson(what).menu_text))
        elif kind == "session":
            self.setWindowTitle(f"BeanLab — {what}")
        else:
            self.setWindowTitle(tr("BeanLab — gradient descent on beans"))
        if self.controller.latest is not None:
            self._show_notice(self.controller.latest)

    # -- wiring ------------------------------------------------------------------------------
    @Slot(object, object)
    def _on_run_replaced(self, beans: Beans, landscape: Landscape) -> None:
        config = self.controller.config
        for panel in (self.data_panel, self.model_panel, self.optimizer_panel):
            panel.show_config(config)
        self.data_panel.show_source(self.controller.own_beans, self.controller.beans_edited, config.landscape)
        self.model_panel.setEnabled(config.landscape is None)   # a landscape is its own model
        self.plots.set_run(beans, landscape)
        self.readouts.set_run(landscape)
        self.slice_panel.set_parameters(landscape.model.param_names, landscape.pair)
        self.notice.hide()

    @Slot(int, int)
    def _on_pair_chosen(self, first: int, second: int) -> None:
        self.plots.set_pair(Landscape(self.controller.beans, self.controller.landscape.model, (first, second)))
        self.controller.refresh()   # a frame to draw the new slice through, playing or not

    @Slot(object)
    def _on_frame_ready(self, frame: Frame) -> None:
        self.plots.show_frame(frame)
        self.readouts.show_frame(frame)
        self.explanation.show_frame(frame)
        self.playback_panel.show_state(frame.state)
        self._show_notice(frame)
        self.frames_shown += 1
        # Ask for the next frame from a real (1 ms) timer, which Qt runs only once the events queued
        # meanwhile, painting included, are handled: the worker can never get ahead of the screen.
        QTimer.singleShot(1, self.controller.frame_drawn)

    def _show_notice(self, frame: Frame) -> None:
        if frame.state == "diverged":
            self.notice.setText(tr(DIVERGED_TEXT).format(step=frame.snapshot.step))
        elif frame.state == "finished":
            self.notice.setText(tr(FINISHED_TEXT).format(epochs=self.controller.config.epochs))
        self.notice.setVisible(frame.state in ("diverged", "finished"))

    def load_lesson(self, number: int) -> None:
        """Load a lesson's preset: its run, its plots, its caption."""
        preset = lesson(number)
        self.plots.show_views(preset.views)
        self.explanation.set_caption(preset.caption)
        self.sessions.lesson = number
        self._title = ("lesson", number)
        self.setWindowTitle(tr("BeanLab — {lesson}").format(lesson=preset.menu_text))
        self.controller.load_config(preset.config, tr("{lesson}: loaded, ready to play.").format(
            lesson=preset.menu_text))

    # -- how it looks: the projector view and zoom -------------------------------------------------
    def set_projector_view(self, on: bool) -> None:
        """Large text, thick lines, colour-blind-safe colours; only playback, readouts and explanation."""
        self._projector = on
        for panel in (self.data_panel, self.model_panel, self.optimizer_panel):
            panel.setVisible(not on)
        self.slice_panel.setVisible(not on and self.slice_panel.wanted)
        self._apply_look()
        # the larger text needs more room below the plots
        height = self._plots_and_explanation.height()
        share = 0.42 if on else 0.21
        self._plots_and_explanation.setSizes([round(height * (1 - share)), round(height * share)])

    def set_dark(self, on: bool) -> None:
        self._dark = on
        apply_qt_theme(on)
        self._apply_look()

    def set_full_screen(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    def zoom_in(self) -> None:
        self._zoom = min(self._zoom * ZOOM_STEP, 3.0)
        self._apply_look()

    def zoom_out(self) -> None:
        self._zoom = max(self._zoom / ZOOM_STEP, 0.5)
        self._apply_look()

    @property
    def look(self) -> style.Look:
        scale = self._zoom * (PROJECTOR_SCALE if self._projector else 1.0)
        if self._dark:
            palette = style.DARK_PALETTE
        else:
            palette = style.PROJECTOR_PALETTE if self._projector else style.CLASSROOM
        return style.Look(scale, palette, self._dark)

    def _fit_to_screen(self, width: int, height: int) -> None:
        """This size, or the screen's free area if smaller (a 1280×720 projector)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        free = screen.availableGeometry() if screen is not None else None
        if free is not None:
            width, height = min(width, free.width()), min(height, free.height())
        self.resize(width, height)

    def _apply_look(self) -> None:
        look = self.look
        # the readouts grow with the text: the left column may widen, within reason
        self._controls_scroll.setMinimumWidth(round(360 * min(look.scale, 1.25)))
        self._controls_scroll.setMaximumWidth(round(440 * look.scale))
        self.plots.apply_look(look)
        self.readouts.apply_look(look)
        self.explanation.apply_look(look)

    def _restore_settings(self) -> None:
        settings = self.settings
        geometry = settings.value("window/geometry", None, bytes)
        if geometry is not None:
            self.restoreGeometry(geometry)
            self.restoreState(settings.value("window/state", b"", bytes))
        notch = settings.value("playback/speed_notch", None, int)
        if notch is not None and 0 <= notch <= self.playback_panel.speed.maximum():
            self.playback_panel.speed.setValue(notch)
        self.view_actions["stages"].setChecked(bool(settings.value("view/stages", 0, int)))
        self.view_actions["dark"].setChecked(bool(settings.value("view/dark", 0, int)))
        if settings.problem:
            print(f"beanlab: {settings.problem}", file=sys.stderr)
            QTimer.singleShot(0, lambda: self.statusBar().showMessage(settings.problem, 15_000))

    def _on_session_opened(self, session: Session, name: str) -> None:
        preset = LESSONS.get(session.lesson)
        self.plots.show_views(preset.views if preset else SHOWN_FIRST)
        self.explanation.set_caption(preset.caption if preset else None)
        self.sessions.lesson = session.lesson
        self._title = ("session", name)
        self.setWindowTitle(f"BeanLab — {name}")

    @Slot(str)
    def _on_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def shortcuts(self) -> list[tuple[str, str]]:
        """(keys, what they do) for every action that has keys: what Help → Keyboard shortcuts lists."""
        actions = (*self.actions.values(), *self.view_actions.values(), *self.lesson_actions.values(),
                   *self.sessions.keyed_actions, *self.data.keyed_actions, *self.bean_editor.actions.values(),
                   *self.exports.keyed_actions, self._race)
        return [(" / ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in a.shortcuts()),
                 re.sub(r"\(&\w\)|&", "", a.text()))   # "&Quit" → "Quit", "退出(&Q)" → "退出"
                for a in actions if a.shortcuts()]

    def _show_shortcuts(self) -> None:
        rows = "".join(f"<tr><td><b>{keys}</b></td><td>{text}</td></tr>" for keys, text in self.shortcuts())
        QMessageBox.information(self, tr("Keyboard shortcuts"), f"<table cellpadding=4>{rows}</table>")

    def closeEvent(self, event) -> None:
        self.settings.remember(self.controller.config, self.saveGeometry().data(), self.saveState().data(),
                               self.playback_panel.speed.value(), self.view_actions["stages"].isChecked(),
                               self.view_actions["dark"].isChecked(), self._chosen_language)
        if self.race_window is not None:
            self.race_window.close()
        self.data.shutdown()
        self.controller.shutdown()
        super().closeEvent(event)

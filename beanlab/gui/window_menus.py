"""The main window's menus and toolbar: built from the actions the window's parts own, and their words."""
from __future__ import annotations

import re

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from beanlab.core import LESSONS
from beanlab.gui import style
from beanlab.gui.actions import retranslate_actions
from beanlab.gui.landscape_menu import LandscapeMenu
from beanlab.gui.language import with_cjk_fallback
from beanlab.gui.plots_menu import PlotsMenu
from beanlab.i18n import LANGUAGES, N_, tr
from beanlab.i18n import language as i18n_language

MENUS = {"file": N_("&File"), "edit": N_("&Edit"), "run": N_("&Run"), "lessons": N_("&Lessons"), "view": N_("&View"),
         "language": N_("&Language"), "help": N_("&Help")}


class WindowMenus:
    """File, Edit, Run, Lessons, View (with Language) and Help, and the playback toolbar."""

    def __init__(self, window) -> None:
        self._window = window
        bar = window.menuBar()
        self.menus = {key: bar.addMenu("") for key in ("file", "edit", "run", "lessons", "view", "help")}
        self._file_menu()
        first_preset = f"lesson{min(n for n, preset in LESSONS.items() if not preset.course)}"
        for menu, actions in (("edit", window.bean_editor.actions), ("run", window.actions),
                              ("lessons", window.lesson_actions), ("view", window.view_actions)):
            for name, action in actions.items():
                if name == first_preset:
                    self.menus[menu].addSeparator()   # between the course's lessons and the presets beyond it
                self.menus[menu].addAction(action)
        self.menus["lessons"].addSeparator()
        self.menus["lessons"].addAction(window.teacher.actions["teach"])
        self.challenges = self._action(self.menus["lessons"], window.open_challenges)
        self.menus["lessons"].addSeparator()
        self.landscapes = LandscapeMenu(self.menus["lessons"], window.controller, window.plots,
                                        window.explanation.set_caption)
        self.menus["run"].addSeparator()
        self.race = self._action(self.menus["run"], window.open_race, QKeySequence("Ctrl+R"))
        self.plots = PlotsMenu(self.menus["view"], window.plots, window.controller)
        self._language_menu()
        self._keys = self._action(self.menus["help"], self._show_shortcuts)
        self.toolbar = window.addToolBar("")
        self.toolbar.setObjectName("playback-toolbar")
        for action in window.actions.values():
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(window.bean_editor.actions["edit"])

    def _action(self, menu, slot, keys: QKeySequence | None = None) -> QAction:
        action = QAction(self._window)
        if keys is not None:
            action.setShortcut(keys)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _file_menu(self) -> None:
        window, menu = self._window, self.menus["file"]
        for part in (window.sessions, window.lesson_files, window.data, window.exports, window.sheets):
            part.add_to(menu)
            menu.addSeparator()
        self._quit = self._action(menu, window.close, QKeySequence(QKeySequence.StandardKey.Quit))

    def _language_menu(self) -> None:
        self.menus["language"] = self.menus["view"].addMenu("")
        self.language_actions = {}
        group = QActionGroup(self._window)
        for code, name in LANGUAGES.items():   # each language named in itself, whichever is shown
            action = group.addAction(name)
            action.setFont(with_cjk_fallback(action.font()))   # 简体中文 is readable in any language
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, code=code: self._window.set_language(code))
            self.menus["language"].addAction(action)
            self.language_actions[code] = action

    def retranslate(self) -> None:
        window = self._window
        for key, menu in self.menus.items():
            menu.setTitle(tr(MENUS[key]))
        retranslate_actions([*window.actions.values(), *window.view_actions.values(),
                             *window.lesson_actions.values()])
        for part in (window.sessions, window.lesson_files, window.data, window.bean_editor, self.landscapes, self.plots,
                     window.exports, window.teacher, window.sheets):
            part.retranslate()
        self._quit.setText(tr("&Quit"))
        self.race.setText(tr("&Race optimizers…"))
        self.challenges.setText(tr("&Challenges…"))
        if window.challenges_window is not None:
            window.challenges_window.retranslate()
        self._keys.setText(tr("Keyboard shortcuts"))
        self.toolbar.setWindowTitle(tr("Playback"))
        for code, action in self.language_actions.items():
            action.setChecked(code == i18n_language())

    def shortcuts(self) -> list[tuple[str, str]]:
        """(keys, what they do) for every action that has keys: what Help → Keyboard shortcuts lists."""
        window = self._window
        actions = (*window.actions.values(), *window.view_actions.values(), *window.lesson_actions.values(),
                   *window.sessions.keyed_actions, *window.data.keyed_actions, *window.bean_editor.actions.values(),
                   *window.exports.keyed_actions, *window.lesson_files.keyed_actions,
                   *window.teacher.actions.values(), self.race)
        return [(" / ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in a.shortcuts()),
                 re.sub(r"\(&\w\)|&", "", a.text()))   # "&Quit" → "Quit", "退出(&Q)" → "退出"
                for a in actions if a.shortcuts()]

    def _show_shortcuts(self) -> None:
        self.shortcuts_dialog().exec()

    def shortcuts_dialog(self) -> QDialog:
        """Help → Keyboard shortcuts: the list, scrolling if the screen is shorter than it."""
        rows = "".join(f"<tr><td><b>{keys}</b></td><td>{text}</td></tr>" for keys, text in self.shortcuts())
        dialog = QDialog(self._window)
        dialog.setWindowTitle(tr("Keyboard shortcuts"))
        text = QTextBrowser()   # scrolls where the screen is shorter than the list (it was 828 px tall)
        text.setHtml(f"<table cellpadding=4>{rows}</table>")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        layout.addWidget(buttons)
        document = text.document()
        document.setTextWidth(560)
        style.fit_to_screen(dialog, 600, round(document.size().height()) + 90, share=0.85)
        return dialog

"""The window in Chinese: every widget, menu, plot and message, and switching language while it runs."""
import re
from beanlab.core.numbers import number

import pyqtgraph as pg
import pytest
from gui_helpers import full_speed, latest, type_into, wait_state
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QMenu,
    QMessageBox,
    QWidget,
)

from beanlab import i18n
from beanlab.gui.export.export_dialog import ExportAnimationDialog
from beanlab.gui.main_window import MainWindow

# Words that stay as they are in Chinese text: names, file types, units and key names
KEPT = {"BeanLab", "GIF", "PNG", "PDF", "CSV", "MB", "JSON", "OpenGL", "base64", "px", "gif", "png", "csv", "beanlab",
        "MP", "mp",   # (MP4, .mp4)
        "Ctrl", "Shift", "PgUp", "PgDown", "Del", "English", "view", "contour", "wx", "fps",
        "Adam", "AdaGrad", "RMSProp", "Nesterov", "Keras", "Rosenbrock",   # names are names
        "Adagrad", "RMSprop", "PyTorch", "optax", "SGD", "Rosenblatt", "Sutskever", "Duchi", "Hinton", "Kingma", "Ba",
        "tanh", "ReLU", "sigmoid"}   # activations keep their names in Chinese texts too (the course: sigmoid函数)
WORD = re.compile(r"[A-Za-z]{2,}")
CJK = re.compile(r"[\u4e00-\u9fff]")


def english_words(text: str) -> set[str]:
    """Words of two or more Latin letters that are not kept as they are (w, b, x, e(w | b) pass)."""
    text = re.sub(r"<[^>]+>|&\w+;", " ", text)          # markup and entities
    text = re.sub(r"(/[\w.\-]+)+", " ", text)           # file paths
    return set(WORD.findall(text)) - KEPT


def menu_texts(menu: QMenu) -> list[str]:
    texts = [menu.title()]
    for action in menu.actions():
        texts += [action.text(), action.toolTip()]
        if action.menu() is not None:
            texts += menu_texts(action.menu())
    return texts


def visible_texts(window: QWidget) -> list[str]:
    """Every word a user can see or hover over in the window: widgets, tooltips, menus, plots."""
    texts = [window.windowTitle()]
    for widget in (window, *window.findChildren(QWidget)):
        texts.append(widget.toolTip())
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
            texts += [widget.itemData(i, 3) or "" for i in range(widget.count())]   # item tooltips
        elif isinstance(widget, pg.PlotWidget):
            plot = widget.getPlotItem()
            texts.append(plot.titleLabel.text)
            texts += [plot.getAxis(side).labelText for side in ("bottom", "left")]
            if plot.legend is not None:
                texts += [label.text for _sample, label in plot.legend.items]
    if hasattr(window, "menuBar"):
        for action in window.menuBar().actions():
            texts += menu_texts(action.menu())
    for action in QWidget.actions(window):   # (MainWindow.actions is its dict of playback actions)
        texts += [action.text(), action.toolTip()]
    return [t for t in texts if t]


def untranslated(window: QWidget) -> dict[str, set[str]]:
    return {text: words for text in visible_texts(window) if (words := english_words(text))}


@pytest.fixture
def chinese_window(qtbot, monkeypatch):
    """The window as a Chinese system opens it, nothing chosen before.

    (LANGUAGE, which gettext reads first, rather than LANG: Qt reads LANG once for the whole test
    session, and a Chinese system locale would change how every later test's text is laid out.)
    """
    monkeypatch.setenv("LANGUAGE", "zh_CN")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.controller.latest is not None)
    yield window
    window.set_language("en")   # before closing: the next test starts in English
    QCoreApplication.sendPostedEvents()   # let the plots take their English words while they exist
    window.close()


def test_the_words_check_finds_english():
    assert english_words("Learning rate") == {"Learning", "rate"}
    assert english_words("沿 w 的代价 e(w | b)：b 固定") == set()
    assert english_words("无法保存 /tmp/x/run.beanlab：权限不够") == set()


def test_the_chinese_window_has_no_english_left(qtbot, chinese_window):
    window = chinese_window
    assert i18n.language() == "zh_CN"
    assert untranslated(window) == {}
    assert CJK.search(window.windowTitle()) and CJK.search(window.explanation.plain_text)
    texts = visible_texts(window)
    assert len(texts) > 150 and sum(bool(CJK.search(t)) for t in texts) > 100

    # a lesson, a step explained, stages, the projector view: still all Chinese
    window.load_lesson(1)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 0 and window.controller.config.optimizer == "rosenblatt")
    window.actions["step"].trigger()
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 1)
    qtbot.waitUntil(lambda: "感知器规则" in window.explanation.plain_text)
    window.view_actions["projector"].trigger()
    window.view_actions["stages"].trigger()
    window.actions["step"].trigger()
    qtbot.waitUntil(lambda: "第 1/3 步" in window.explanation.plain_text)
    assert untranslated(window) == {}
    assert not english_words(window.explanation.text.text())
    shortcuts = window.shortcuts()
    assert len(shortcuts) > 15
    assert all(not english_words(keys) and not english_words(text) and "&" not in text for keys, text in shortcuts)
    assert ("空格", "播放 / 暂停") in shortcuts

    window.view_actions["stages"].trigger()   # stages off: each Step an update
    for number in (6, 7):   # a network, two features: the panels and plots they bring
        window.load_lesson(number)
        qtbot.waitUntil(lambda number=number: window.windowTitle().startswith(f"BeanLab — 第 {number} 课"))
        window.actions["step"].trigger()
        qtbot.waitUntil(lambda: latest(window).snapshot.step == 1)
        qtbot.waitUntil(lambda: "反向传播" in window.explanation.plain_text)
        assert untranslated(window) == {}

    dialog = ExportAnimationDialog(window, "/tmp/beanlab-run.gif")
    assert untranslated(dialog) == {} and CJK.search(dialog.windowTitle())
    dialog.close()


def test_messages_are_chinese_too(qtbot, chinese_window, tmp_path):
    window = chinese_window
    # a learning rate out of range
    type_into(qtbot, window.optimizer_panel.learning_rate.field, "-1")
    message = window.statusBar().currentMessage()
    assert "不是 0.0001 到 10 之间的数" in message and not english_words(message)
    # a run that diverges, then a run that reaches its epoch limit
    type_into(qtbot, window.optimizer_panel.learning_rate.field, "5")
    full_speed(window)
    window.actions["play"].trigger()
    wait_state(qtbot, window, "diverged")
    assert "训练发散了" in window.notice.text() and not english_words(window.notice.text())
    # a damaged session file: the warning box says what is wrong, in Chinese
    for content in ('{"format": "beanlab-session", "version": 99}', "{broken", "not json at all"):
        bad = tmp_path / "bad.beanlab"
        bad.write_text(content, encoding="utf-8")
        assert not window.sessions.open_session(str(bad))
        box = window.exports.last_warning
        qtbot.waitUntil(box.isVisible)
        assert CJK.search(box.text()) and not english_words(box.text()), box.text()
        assert all(not english_words(button.text()) for button in box.buttons())
        box.close()
    # a setting changed that restarts the run
    window.data_panel.count.setValue(50)
    window.data_panel.count.editingFinished.emit()
    qtbot.waitUntil(lambda: "训练从头重新开始" in window.statusBar().currentMessage())
    assert not english_words(window.statusBar().currentMessage())


def test_switching_language_at_runtime_retranslates_everything_visible(qtbot, window):
    assert untranslated(window) == {} or True   # English, of course
    assert not any(CJK.search(t) for t in visible_texts(window) if t not in i18n.LANGUAGES.values())
    english_explanation = window.explanation.plain_text

    window.language_actions["zh_CN"].trigger()   # View → Language → 简体中文
    qtbot.waitUntil(lambda: untranslated(window) == {})
    qtbot.waitUntil(lambda: window.explanation.plain_text != english_explanation)
    assert CJK.search(window.explanation.plain_text) and window.language_actions["zh_CN"].isChecked()
    assert window.playback_panel.buttons["play"].text() == "播放"

    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: not any(CJK.search(t) for t in visible_texts(window)
                                    if t not in i18n.LANGUAGES.values()))
    qtbot.waitUntil(lambda: window.explanation.plain_text == english_explanation)
    assert window.playback_panel.buttons["play"].text() == "Play"


def test_the_chosen_language_is_remembered_and_lang_overrides_it(qtbot, window):
    window.language_actions["zh_CN"].trigger()
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert i18n.language() == "zh_CN" and again.menus["file"].title() == "文件(&F)"
    again.close()
    english = MainWindow(language="en")   # beanlab --lang en
    qtbot.addWidget(english)
    assert i18n.language() == "en" and english.menus["file"].title() == "&File"
    english.close()


def test_a_bad_remembered_language_is_reported_and_ignored(qtbot, tmp_path, monkeypatch):
    settings = tmp_path / "odd.ini"
    settings.write_text("[view]\nlanguage=klingon\n", encoding="utf-8")
    monkeypatch.setenv("BEANLAB_SETTINGS", str(settings))
    window = MainWindow()
    qtbot.addWidget(window)
    assert i18n.language() == "en"
    assert "view/language" in window.settings.problem
    window.close()


def test_qt_s_own_buttons_are_translated(qtbot, chinese_window):
    box = QMessageBox(QMessageBox.Icon.Warning, "BeanLab", "…", QMessageBox.StandardButton.Ok
                      | QMessageBox.StandardButton.Cancel, chinese_window)
    assert {button.text() for button in box.buttons()} == {"确定", "取消"}
    box.close()


def test_the_race_window_is_chinese_too(qtbot, chinese_window):
    window = chinese_window
    window.controller.set_config(epochs=20)
    window.open_race()
    race = window.race_window
    assert untranslated(race) == {} and CJK.search(race.windowTitle())
    race.start.click()
    qtbot.waitUntil(lambda: race.table.rowCount() == 4, timeout=30_000)
    cells = [race.table.item(row, column).text() for row in range(4) for column in (0, 4)]
    headers = [race.table.horizontalHeaderItem(c).text() for c in range(race.table.columnCount())]
    assert not any(english_words(text) for text in [*cells, *headers, race.status.text()])
    race.close()


def test_choosing_columns_and_drawing_beans_speak_chinese(qtbot, chinese_window, tmp_path):
    window = chinese_window
    sheet = tmp_path / "表格.csv"
    sheet.write_text("编号,长度,深浅,毒性\n1,0.5,0.2,1\n2,0.6,0.1,0\n3,0.1,0.3,0\n", encoding="utf-8")
    window.data.open_data(str(sheet))
    dialog = window.data.column_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert untranslated(dialog) == {} and CJK.search(dialog.windowTitle())
    dialog.reject()
    window.bean_editor.actions["edit"].setChecked(True)
    assert untranslated(window) == {}
    assert CJK.search(window.scatter.getPlotItem().titleLabel.text)
    message = window.statusBar().currentMessage()
    assert CJK.search(message) and not english_words(message)
    window.bean_editor.actions["edit"].setChecked(False)


def test_the_explanation_on_screen_is_read_again_in_a_new_language(qtbot):
    """No worker asked: the panel keeps the explanation's templates and numbers, and reads them anew."""
    from beanlab.core import RunConfig, explain_update
    from beanlab.gui.language import apply_language
    from beanlab.gui.panels.explanation_panel import ExplanationPanel

    trainer = RunConfig().build_trainer()
    before = trainer.params.copy()
    snapshot = trainer.step()
    explanation = explain_update(snapshot, before, trainer.beans, trainer.model, trainer.optimizer)
    panel = ExplanationPanel()
    qtbot.addWidget(panel)
    panel.show_stage(explanation, snapshot.step)
    english = panel.plain_text
    apply_language("zh_CN")
    qtbot.waitUntil(lambda: panel.plain_text != english)
    assert CJK.search(panel.plain_text) and number(snapshot.gradient[0], signed=True) in panel.plain_text
    apply_language(i18n.ENGLISH)
    qtbot.waitUntil(lambda: panel.plain_text == english)

"""Teacher mode: a lesson locked for the front of a class, its script walked with Page Down / Page Up;
and lesson files opened in the window."""
import pytest
from gui_helpers import latest, wait_state
from PySide6.QtCore import Qt

from beanlab.core import LESSONS, OPTIMIZERS
from beanlab.core.lesson_files import BUILT_IN
from beanlab.gui.teacher_mode import STRIP_CONTROLS


def load(qtbot, window, number):
    window.load_lesson(number)
    qtbot.waitUntil(lambda: window.controller.config == LESSONS[number].config and latest(window).restarted
                    and latest(window).snapshot.step == 0)


def page_down(qtbot, window):
    with qtbot.waitSignal(window.teacher.moved, timeout=5_000):
        qtbot.keyClick(window, Qt.Key.Key_PageDown)


def visible_controls(window):
    strip = window.projector_strip
    shown = {name for name in STRIP_CONTROLS if strip.buttons[name].isVisible()}
    if strip.speed.isVisible():
        shown.add("speed")
    if strip.learning_rate.isVisible():
        shown.add("lr")
    return shown


@pytest.mark.parametrize("number", list(LESSONS))
def test_each_lesson_in_teacher_mode_shows_only_its_controls_and_page_down_reaches_the_end(qtbot, window, number):
    load(qtbot, window, number)
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.teacher.active)
    lesson = LESSONS[number]
    assert window.appearance.projector   # the projector view: no side panels, no toolbar
    for panel in (window.data_panel, window.model_panel, window.optimizer_panel, window.playback_panel):
        assert not panel.isVisible()
    assert not window.window_menus.toolbar.isVisible()
    reads_rate = OPTIMIZERS[lesson.config.optimizer].uses_lr   # a search (lesson 2) has no rate to show
    assert visible_controls(window) == set(lesson.controls) - (set() if reads_rate else {"lr"})
    assert "reset" not in visible_controls(window)
    for action in window.restarting_actions():   # R, another lesson, other beans, drawing beans …
        assert not action.isEnabled()
    steps = len(lesson.script)
    assert window.teacher.readout.text() == f"Step 0 of {steps} (Page Down / Page Up)"
    for done in range(1, steps + 1):
        page_down(qtbot, window)
        assert window.teacher.readout.text().startswith(f"Step {done} of {steps}")
        step = lesson.script[done - 1]
        if step.say is not None:
            assert step.say in window.explanation.caption_text   # the checkpoint, where the class looks
    qtbot.keyClick(window, Qt.Key.Key_PageDown)   # past the end: said, nothing more happens
    qtbot.waitUntil(lambda: "end of the lesson's script" in window.statusBar().currentMessage())
    assert window.teacher.done == steps
    window.teacher.leave()
    assert all(action.isEnabled() for action in (window.actions["reset"], window.lesson_actions["lesson1"]))
    assert not window.projector_strip.buttons["reset"].isHidden()   # the strip has Reset again (shown with F5)


def test_page_up_rewinds_the_run_to_where_the_step_began(qtbot, window):
    load(qtbot, window, 3)
    assert window.teacher.enter()
    window.playback_panel.set_speed(0)   # the teacher's speed: the test need not wait at 2 updates a second
    page_down(qtbot, window)   # play to update 3
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 3 and latest(window).state == "paused", timeout=10_000)
    page_down(qtbot, window)   # ask question 1: the caption's place asks it
    qtbot.waitUntil(lambda: window.prediction.question is LESSONS[3].questions[0])
    assert window.explanation.caption_text.startswith("Predict: where will the ball be after the next update?")
    page_down(qtbot, window)   # watch, with no guess made: the run still goes to the question's update
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 4 and latest(window).state == "paused", timeout=10_000)
    with qtbot.waitSignal(window.teacher.moved):
        qtbot.keyClick(window, Qt.Key.Key_PageUp)   # back before the watch: update 3, the question asked again
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 3, timeout=10_000)
    assert window.prediction.question is LESSONS[3].questions[0]
    assert window.teacher.readout.text().startswith("Step 2 of")
    for _ in range(2):
        with qtbot.waitSignal(window.teacher.moved):
            qtbot.keyClick(window, Qt.Key.Key_PageUp)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 0, timeout=10_000)
    assert window.prediction.question is None and window.teacher.done == 0
    assert window.explanation.caption_text.startswith("Lesson 3:")   # the caption back
    # → and ← still step: only Page Down / Page Up walk the script
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 1)
    assert window.teacher.done == 0


def test_reset_does_nothing_while_teaching(qtbot, window):
    load(qtbot, window, 4)
    window.teacher.enter()
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 1)
    qtbot.keyClick(window, Qt.Key.Key_R)   # Reset's key: refused while teaching
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 2)
    window.teacher.leave()
    qtbot.keyClick(window, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 0)


def test_teacher_mode_needs_a_lesson(qtbot, window):
    assert not window.teacher.enter()
    assert "load one first" in window.statusBar().currentMessage()
    assert window.actions["reset"].isEnabled() and not window.teacher.actions["teach"].isChecked()


def test_the_window_opens_a_lesson_file_and_teaches_it(qtbot, window, tmp_path):
    own = tmp_path / "lesson-three-again.toml"
    own.write_text((BUILT_IN / "03-gradient-descent.toml").read_text(encoding="utf-8")
                   .replace('lr = 0.1', 'lr = 0.3').replace('title.en = "gradient descent"', 'title.en = "Mine"'),
                   encoding="utf-8")
    assert window.lesson_files.open_lesson_file(str(own))
    qtbot.waitUntil(lambda: window.controller.config.lr == 0.3 and latest(window).restarted)
    assert window.windowTitle() == "BeanLab — Lesson 3: Mine"
    assert window.explanation.caption_text.startswith("Lesson 3:")
    assert window.teacher.enter() and len(window.teacher.steps) == len(LESSONS[3].script)


def test_a_malformed_lesson_file_in_the_window_is_a_message_and_changes_nothing(qtbot, window, tmp_path):
    load(qtbot, window, 4)
    bad = tmp_path / "bad.toml"
    bad.write_text('[lesson]\ntitle = "x"\ncaption = "y"\nviews = ["scatter"]\n\n[run]\nepochs = 0\n', encoding="utf-8")
    config, title, caption = window.controller.config, window.windowTitle(), window.explanation.caption_text
    assert not window.lesson_files.open_lesson_file(str(bad))
    qtbot.waitUntil(lambda: getattr(window.exports, "last_warning", None) is not None
                    and window.exports.last_warning.isVisible())
    assert "bad.toml, line 7, [run] epochs:" in window.exports.last_warning.text()
    assert "Nothing was changed" in window.exports.last_warning.text()
    window.exports.last_warning.close()
    assert (window.controller.config, window.windowTitle(), window.explanation.caption_text) == (config, title, caption)
    assert window.current_lesson is LESSONS[4]


def test_beanlab_lesson_4_teach_opens_locked(qtbot, monkeypatch):
    from beanlab.app import open_window
    from beanlab.cli import build_parser
    from beanlab.cli.window import run_app

    opened = {}
    monkeypatch.setattr("beanlab.app.run_app", lambda args: opened.setdefault("args", args) and 0)
    assert run_app(build_parser().parse_args(["--lesson", "4", "--teach"])) is not None
    main_window = open_window(opened["args"])
    qtbot.addWidget(main_window)
    qtbot.waitUntil(lambda: main_window.controller.latest is not None)
    assert main_window.teacher.active and main_window.current_lesson is LESSONS[4]
    assert main_window.appearance.projector
    main_window.close()

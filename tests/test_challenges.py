"""Challenges that check themselves: none is done already by the lesson's own run, each is met by the
solution its file gives (so none is impossible), and the window checks a student's run and keeps the star."""
import pytest
from gui_helpers import latest, type_into
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from beanlab import i18n
from beanlab.core import LESSONS, add_bean, move_bean
from beanlab.core.lesson_files import parse_lesson
from beanlab.gui.app_settings import AppSettings
from beanlab.gui.challenges_window import MET, NOT_MET
from beanlab.i18n import tr

HEAVY = {6, 8, 9}   # networks: tens of thousands of updates each
CASES = [pytest.param(number, index, marks=[pytest.mark.slow] if number in HEAVY else [],
                      id=f"lesson{number}-{challenge.id}")
         for number, lesson in LESSONS.items() for index, challenge in enumerate(lesson.challenges)]


def played(config, upto, beans=None):
    trainer = config.build_trainer(beans)
    trainer.run(min(upto, config.epochs * trainer.updates_per_epoch))
    return trainer


def test_each_course_lesson_has_three_challenges_in_both_languages():
    for number in range(1, 10):
        challenges = LESSONS[number].challenges
        assert len(challenges) >= 3, number
        assert len({c.id for c in challenges}) == len(challenges)
        try:
            i18n.set_language("zh_CN")
            assert all(tr(c.task) != c.task for c in challenges), number
        finally:
            i18n.set_language("en")


@pytest.mark.parametrize("number, index", CASES)
def test_the_lesson_run_does_not_meet_it_and_its_solution_does(number, index):
    lesson = LESSONS[number]
    challenge = lesson.challenges[index]
    own = lesson.config
    result = challenge.result(played(own, challenge.by_update), own)
    assert not result.met, result.line   # the task asks for something the lesson does not already do
    solved = own.replace(**challenge.solution)
    beans = challenge.solved_beans(solved.make_beans())
    result = challenge.result(played(solved, challenge.by_update, beans), solved)
    assert result.met, result.line
    assert result.line.startswith("★ Met at update") and result.at_update <= challenge.by_update


CHALLENGE = '''[lesson]
title = "t"
caption = "c"
[run]
dataset = "line"
model = "wx"
lr = 0.1
epochs = 2
[[challenge]]
id = "low"
task = "Reach loss 0.004 by update 50."
test = "below"
level = 0.004
by_update = 50
require = { optimizer = "sgd" }
at_most = { lr = 0.9 }
'''


def test_the_result_line_says_why_a_run_does_not_count_or_is_not_there_yet():
    lesson = parse_lesson(CHALLENGE, "mine.toml")
    challenge, config = lesson.challenges[0], lesson.config
    assert challenge.result(played(config, 10), config).line.startswith(
        "Not yet: play on. The goal counts up to update 50; the run is at 10.")
    assert challenge.result(played(config, 50), config).line.startswith("Not met by update 50.")
    fast = config.replace(lr=0.8)
    assert challenge.result(played(fast, 50), fast).met
    too_fast = config.replace(lr=1.0)
    assert challenge.result(played(too_fast, 50), too_fast).line == (
        "Not counted: this challenge asks for lr at most 0.9000; the run has 1.000.")
    other = config.replace(optimizer="batch")
    assert "asks for optimizer = sgd; the run has batch" in challenge.result(played(other, 50), other).line
    blown = config.replace(lr=0.9, init=(40.0,))
    trainer = played(blown, 50)
    if trainer.diverged:
        assert "blew up" in challenge.result(trainer, blown).line


def test_a_run_on_moved_beans_counts_only_as_far_as_the_challenge_lets_beans_move():
    lesson = LESSONS[4]
    mover = next(c for c in lesson.challenges if c.moves)
    config = lesson.config.replace(**mover.solution)
    solved = mover.solved_beans(config.make_beans())
    assert mover.result(played(config, mover.by_update, solved), config).met
    three = move_bean(solved, 5, 0.6, 1.5)
    assert mover.result(played(config, 10, three), config).line == (
        "Not counted: this challenge lets you move at most 2 beans; 3 have moved.")
    more = add_bean(solved, 0.5, 1.0)
    assert "played on the lesson's 10 beans; the run has 11" in mover.result(played(config, 10, more), config).line
    # a challenge that moves none is played on the lesson's own beans: a moved bean is not a way round it
    fast = lesson.challenges[0]
    own = lesson.config.replace(**fast.solution)
    nudged = move_bean(own.make_beans(), 1, 0.5, 0.9)
    assert fast.result(played(own, fast.by_update, nudged), own).line.startswith(
        "Not counted: this challenge is played on the lesson's own beans, unmoved (moved: 1;")


def test_the_lesson_four_bean_challenge_met_by_dragging_two_beans_in_the_window(qtbot, window):
    window.load_lesson(4)
    qtbot.waitUntil(lambda: window.controller.config == LESSONS[4].config and latest(window).restarted)
    challenges = window.open_challenges()
    row = next(i for i, c in enumerate(challenges.challenges) if c.id == "move-two-beans")
    challenges.list.setCurrentRow(row)
    window.view_actions["projector"].setChecked(False)
    window.data_panel.count.setValue(10)
    qtbot.mouseClick(window.data_panel.regenerate, qtbot_left())
    qtbot.waitUntil(lambda: len(window.controller.beans) == 10 and latest(window).restarted, timeout=10_000)
    window.bean_editor.actions["edit"].setChecked(True)
    window.scatter.getViewBox().setRange(xRange=(-0.1, 1.1), yRange=(-0.2, 2.0), padding=0)
    for index, x, y in challenges.chosen.solution_beans:   # drag each straight up to the solution's place
        beans = window.controller.beans
        start, end = pixel(window, beans.x[index], beans.y[index]), pixel(window, beans.x[index], y)
        viewport = window.scatter.viewport()
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        QTest.mouseMove(viewport, (start + end) / 2)
        QTest.mouseMove(viewport, end)
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
        qtbot.waitUntil(lambda: window.controller.beans.y[index] > 1.5 and latest(window).restarted, timeout=10_000)
    window.bean_editor.actions["edit"].setChecked(False)
    window.controller.play_until(5000)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 5000 and latest(window).state != "playing", timeout=60_000)
    with qtbot.waitSignal(challenges.checked, timeout=10_000) as checked:
        qtbot.mouseClick(challenges.check_button, qtbot_left())
    assert checked.args[0].met, checked.args[0].line
    assert challenges.list.item(row).text().startswith(MET)


def pixel(window, x, y):
    from PySide6.QtCore import QPointF

    scatter = window.scatter
    return scatter.mapFromScene(scatter.getViewBox().mapViewToScene(QPointF(x, y)))


@pytest.mark.parametrize("broken, key", [
    (CHALLENGE.replace('test = "below"', 'test = "fastest"'), "[[challenge]] 1 test"),
    (CHALLENGE.replace("by_update = 50", "by_update = 0"), "[[challenge]] 1 by_update"),
    (CHALLENGE.replace('id = "low"', 'id = "a b"'), "[[challenge]] 1 id"),
    (CHALLENGE.replace("optimizer = ", "optimiser = "), "[[challenge]] 1 require"),
    (CHALLENGE + CHALLENGE[CHALLENGE.index("[[challenge]]"):], "[[challenge]] 2 id"),
    (CHALLENGE + "moves = 1\nsolution_beans = [[0, 0.5]]\n", "[[challenge]] 1 solution_beans"),
    (CHALLENGE + "solution_beans = [[0, 0.5, 1.0]]\n", "[[challenge]] 1 solution_beans"),   # moves none
    (CHALLENGE + "moves = 1\nsolution_beans = [[100, 0.5, 1.0]]\n", "[[challenge]] 1 solution_beans"),
    (CHALLENGE + "moves = -1\n", "[[challenge]] 1 moves"),
])
def test_a_malformed_challenge_names_its_key(broken, key):
    with pytest.raises(ValueError, match=re_escape(key)):
        parse_lesson(broken, "mine.toml")


def re_escape(text):
    import re
    return re.escape(text)


def test_a_student_checks_a_run_in_the_window_and_the_star_is_kept(qtbot, window):
    window.load_lesson(3)
    qtbot.waitUntil(lambda: window.controller.config == LESSONS[3].config and latest(window).restarted)
    challenges = window.open_challenges()
    assert challenges.isVisible() and challenges.list.count() == 3
    assert challenges.list.item(0).text().startswith(NOT_MET)
    challenges.list.setCurrentRow(0)   # reach loss 0.004 in under 50 updates
    # the lesson's own rate first: not met
    window.controller.play_until(50)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 50 and latest(window).state == "paused", timeout=30_000)
    with qtbot.waitSignal(challenges.checked, timeout=10_000) as checked:
        qtbot.mouseClick(challenges.check_button, qtbot_left())
    assert not checked.args[0].met and challenges.result.text().startswith("Not met by update 50")
    # the student's learning rate, typed into the panel (the run restarts from the start with it)
    window.view_actions["projector"].setChecked(False)
    type_into(qtbot, window.optimizer_panel.learning_rate.field, "0.8")
    qtbot.waitUntil(lambda: window.controller.config.lr == 0.8)
    window.controller.reset()
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 0)
    window.controller.play_until(50)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 50 and latest(window).state == "paused", timeout=30_000)
    with qtbot.waitSignal(challenges.checked, timeout=10_000) as checked:
        qtbot.mouseClick(challenges.check_button, qtbot_left())
    assert checked.args[0].met and challenges.result.text().startswith("★ Met at update")
    assert challenges.list.item(0).text().startswith(MET)
    assert AppSettings(window.settings.path).challenge_met("lesson3/fast-low-loss")   # on disk already


def test_free_play_has_no_challenges(qtbot, window):
    challenges = window.open_challenges()
    assert challenges.list.count() == 0 and not challenges.check_button.isEnabled()
    assert "lessons 1, 2, 3" in challenges.heading.text()


def qtbot_left():
    from PySide6.QtCore import Qt
    return Qt.MouseButton.LeftButton

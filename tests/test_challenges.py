"""Challenges that check themselves: none is done already by the lesson's own run, each is met by the
solution its file gives (so none is impossible), and the window checks a student's run and keeps the star."""
import pytest
from gui_helpers import latest, type_into

from beanlab import i18n
from beanlab.core import LESSONS
from beanlab.core.lesson_files import parse_lesson
from beanlab.gui.app_settings import AppSettings
from beanlab.gui.challenges_window import MET, NOT_MET
from beanlab.i18n import tr

HEAVY = {6, 8, 9}   # networks: tens of thousands of updates each
CASES = [pytest.param(number, index, marks=[pytest.mark.slow] if number in HEAVY else [],
                      id=f"lesson{number}-{challenge.id}")
         for number, lesson in LESSONS.items() for index, challenge in enumerate(lesson.challenges)]


def played(config, upto):
    trainer = config.build_trainer()
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
    result = challenge.result(played(solved, challenge.by_update), solved)
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


@pytest.mark.parametrize("broken, key", [
    (CHALLENGE.replace('test = "below"', 'test = "fastest"'), "[[challenge]] 1 test"),
    (CHALLENGE.replace("by_update = 50", "by_update = 0"), "[[challenge]] 1 by_update"),
    (CHALLENGE.replace('id = "low"', 'id = "a b"'), "[[challenge]] 1 id"),
    (CHALLENGE.replace("optimizer = ", "optimiser = "), "[[challenge]] 1 require"),
    (CHALLENGE + CHALLENGE[CHALLENGE.index("[[challenge]]"):], "[[challenge]] 2 id"),
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

"""Predict, then watch: the class answers on the plot with the mouse, the run shows, the numbers compare.

The verdict's numbers are checked against the same run made headless (the lesson's settings, the
same number of updates), and the drawn guess against where the mouse was.
"""
import numpy as np
import pytest
from gui_helpers import latest, wait_state
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from beanlab.core import LESSONS, WhereWillTheBallBe, WhereWillTheLineBe, line_through
from beanlab.core.predictions import Stretch, fate_of
from beanlab.core.numbers import number


def headless_params(lesson_number, updates):
    config = LESSONS[lesson_number].config
    trainer = config.build_trainer(config.make_beans())
    trainer.run(updates)
    return trainer.params


def viewport_point(plot, x, y) -> QPoint:
    """Where the data point (x, y) is on a plot widget's viewport."""
    return plot.mapFromScene(plot.getViewBox().mapViewToScene(QPointF(x, y)))


def test_a_line_through_two_ends():
    assert line_through((0.0, 0.5), (1.0, 1.2)) == pytest.approx((0.7, 0.5))
    with pytest.raises(ValueError):
        line_through((0.3, 0.0), (0.3, 1.0))


def test_the_ball_verdict_says_the_numbers_and_the_way():
    question = WhereWillTheBallBe("where?")

    def moved(to):
        return Stretch(("w",), np.array([0.1]), np.array([to]), np.array([[to]]), 1.0, 0.5, None)

    text = question.verdict(0.5, moved(0.4))
    assert text == "Your guess: w = 0.5000, a move of +0.4000; the run: w = 0.4000, a move of +0.3000. " \
                   "Right way: to the right."
    assert "The run went to the left" in question.verdict(0.5, moved(0.05))


def test_a_question_to_the_end_of_the_epoch():
    question = WhereWillTheLineBe("where?", updates=0)
    assert (question.horizon(0, 100), question.horizon(37, 100), question.horizon(100, 100)) == (100, 100, 200)


def test_every_question_belongs_to_a_view_its_lesson_shows():
    for preset in LESSONS.values():
        for question in preset.questions:
            assert question.view in preset.views, (preset.number, question.view)


def ask(qtbot, window, number):
    window.load_lesson(number)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 0 and latest(window).restarted)
    qtbot.keyClick(window, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: window.prediction.question is not None)
    wait_state(qtbot, window, "paused")
    assert window.explanation.caption_text.startswith("Predict:")


def test_lesson_3_click_where_the_ball_will_be_then_step(qtbot, window):
    ask(qtbot, window, 3)
    plot = window.cost_slices.first_cut
    low, high = plot.getViewBox().viewRange()[1]
    QTest.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     viewport_point(plot, 0.5, (low + high) / 2))
    qtbot.waitUntil(lambda: window.cost_slices.prediction is not None)
    guess = window.cost_slices.prediction[0]
    assert guess == pytest.approx(0.5, abs=0.02)   # where the mouse was, to a pixel or two
    assert "pauses at update 1" in window.explanation.caption_text
    with qtbot.waitSignal(window.prediction.answered, timeout=10_000) as answered:
        qtbot.keyClick(window, Qt.Key.Key_Right)
    start, actual = LESSONS[3].config.init[0], headless_params(3, 1)[0]
    assert latest(window).snapshot.params[0] == actual
    assert answered.args[0] == (f"Your guess: w = {number(guess)}, a move of {number(guess - start, signed=True)}; "
                                f"the run: w = {number(actual)}, a move of {number(actual - start, signed=True)}. "
                                f"Right way: to the right.")
    assert answered.args[0] in window.explanation.caption_text
    assert window.cost_slices.prediction[0] == guess   # the guess stays drawn beside the result


def test_lesson_4_drag_the_line_then_play_one_epoch(qtbot, window):
    ask(qtbot, window, 4)
    scatter = window.scatter
    x0, x1 = scatter.line_ends_x
    xs, ys = scatter.fitted_line()
    start = viewport_point(scatter, x1 - 0.05 * (x1 - x0), float(ys[-1]))   # near the right end
    end = viewport_point(scatter, x1 - 0.05 * (x1 - x0), 1.1)
    viewport = scatter.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 11):
        QTest.mouseMove(viewport, start + (end - start) * step / 10)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    qtbot.waitUntil(lambda: "pauses at update 100" in window.explanation.caption_text)
    (left, right) = scatter.prediction
    assert left == pytest.approx((x0, float(ys[0])))   # the far end stayed
    assert right[1] == pytest.approx(1.1, abs=0.03)    # the near end followed the mouse
    w, b = line_through(left, right)
    with qtbot.waitSignal(window.prediction.answered, timeout=30_000) as answered:
        qtbot.keyClick(window, Qt.Key.Key_Space)
    assert latest(window).snapshot.step == 100 and latest(window).state == "paused"
    run_w, run_b = headless_params(4, 100)
    assert answered.args[0] == (f"Your line: w = {number(w)}, b = {number(b)}; "
                                f"the run: w = {number(run_w)}, b = {number(run_b)}.")
    assert scatter.prediction == (left, right)


def test_free_play_has_no_questions_and_changes_nothing(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: "no predictions" in window.statusBar().currentMessage())
    assert window.prediction.question is None


def first_epoch_of(lesson_number, lr):
    """What the lesson's first epoch does at learning rate ``lr``, from a headless run's record."""
    config = LESSONS[lesson_number].config.replace(lr=lr)
    trainer = config.build_trainer(config.make_beans())
    trainer.run(trainer.updates_per_epoch)
    _updates, params, losses = trainer.history.rows_from(0)
    return Stretch(trainer.model.param_names, params[0], params[-1], params[1:], losses[0], losses[-1],
                   np.asarray(trainer.model.optimum(trainer.beans.x, trainer.beans.y)), trainer.diverged)


@pytest.mark.parametrize("lesson_number, lr, fate", [(3, 0.1, 0), (3, 1.2, 1), (3, 2.0, 2), (4, 0.5, 0), (4, 0.8, 2)])
def test_what_a_learning_rate_does_is_read_from_the_run(lesson_number, lr, fate):
    assert fate_of(first_epoch_of(lesson_number, lr)) == fate


def test_noise_round_the_optimum_is_not_a_zig_zag():
    run = Stretch(("w",), np.array([0.0]), np.array([1.01]), np.array([[0.5], [0.99], [1.01], [0.995], [1.005]]),
                  1.0, 0.001, np.array([1.0]))
    assert fate_of(run) == 0
    bouncing = Stretch(("w",), np.array([0.0]), np.array([1.1]), np.array([[1.8], [0.3], [1.6], [1.1]]),
                       1.0, 0.5, np.array([1.0]))
    assert fate_of(bouncing) == 1


def test_lesson_3_choose_what_a_big_learning_rate_does_then_play(qtbot, window):
    window.load_lesson(3)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 0 and latest(window).restarted)
    window.controller.set_config(lr=2.0)
    for _ in LESSONS[3].questions:   # P asks the lesson's questions in turn: the last is this one
        qtbot.keyClick(window, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: len(window.explanation.choice_buttons) == 3)
    wait_state(qtbot, window, "paused")
    blows_up = window.explanation.choice_buttons[2]
    assert blows_up.text() == "it blows up (diverges)"
    qtbot.mouseClick(blows_up, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "pauses at update 100" in window.explanation.caption_text)
    window.playback_panel.set_speed(0)   # the lesson's pace would take a minute; the answer is the same
    with qtbot.waitSignal(window.prediction.answered, timeout=30_000) as answered:
        qtbot.keyClick(window, Qt.Key.Key_Space)
    assert latest(window).state == "diverged"   # it blew up before the epoch's end: the answer is there
    assert fate_of(first_epoch_of(3, 2.0)) == 2   # the same run without a window
    assert answered.args[0] == "Right: it blows up (diverges)."
    buttons = window.explanation.choice_buttons   # the answer stays shown beside the result
    assert [b.isChecked() for b in buttons] == [False, False, True] and not any(b.isEnabled() for b in buttons)


def answer(qtbot, window, question):
    """Make the question's gesture with the mouse, as a student at the board would."""
    if question.gesture == "click":
        plot = window.cost_slices.first_cut
        (left, right), (low, high) = plot.getViewBox().viewRange()
        QTest.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         viewport_point(plot, (left + right) / 2, (low + high) / 2))
    elif question.gesture == "line":
        scatter, viewport = window.scatter, window.scatter.viewport()
        x0, x1 = scatter.line_ends_x
        _xs, ys = scatter.fitted_line()
        start = viewport_point(scatter, x0 + 0.05 * (x1 - x0), float(ys[0]))
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        for step in range(1, 6):
            QTest.mouseMove(viewport, start + QPoint(0, -10 * step))
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(0, -50))
    else:
        qtbot.waitUntil(lambda: len(window.explanation.choice_buttons) == len(question.choices))
        qtbot.mouseClick(window.explanation.choice_buttons[0], Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("lesson_number, index", [(n, i) for n, preset in LESSONS.items()
                                                  for i in range(len(preset.questions))])
def test_every_question_of_every_lesson_is_answered_from_its_run(qtbot, window, lesson_number, index):
    window.load_lesson(lesson_number)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 0 and latest(window).restarted)
    for _ in range(index + 1):
        qtbot.keyClick(window, Qt.Key.Key_P)
    question = LESSONS[lesson_number].questions[index]
    qtbot.waitUntil(lambda: window.prediction.question is question)
    wait_state(qtbot, window, "paused")
    assert window.explanation.caption_text == f"{question.prompt}"   # the question, in the caption's place
    answer(qtbot, window, question)
    target = question.horizon(0, window.controller.updates_per_epoch)
    qtbot.waitUntil(lambda: f"pauses at update {target:,}" in window.explanation.caption_text)
    window.playback_panel.set_speed(0)
    with qtbot.waitSignal(window.prediction.answered, timeout=30_000) as answered:
        qtbot.keyClick(window, Qt.Key.Key_Space)
    assert latest(window).snapshot.step == target
    assert answered.args[0].startswith(("Your ", "Right", "You said"))

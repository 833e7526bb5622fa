"""Predict, then watch: the class answers on the plot with the mouse, the run shows, the numbers compare.

The verdict's numbers are checked against the same run made headless (the lesson's settings, the
same number of updates), and the drawn guess against where the mouse was.
"""
import numpy as np
import pytest
from gui_helpers import latest, wait_state
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtTest import QTest

from beanlab.core import LESSONS, SketchTheLoss, WhereWillTheBallBe, WhereWillTheLineBe, line_through
from beanlab.core.numbers import number
from beanlab.core.views import VIEWS
from beanlab.core.predictions import Stretch, fate_of, pulls_on_w
from beanlab.gui.plots.scatter_plot import ANSWER_SIZE, CHOSEN_SIZE


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


def test_every_question_is_asked_on_a_view_that_suits_its_lesson():
    # (a view the lesson does not show comes in while its question is asked: the next test but one)
    for preset in LESSONS.values():
        model = preset.config.build_trainer(preset.config.make_beans()).model
        for question in preset.questions:
            assert VIEWS[question.view].suits(model), (preset.number, question.view)
        if any(question.view not in preset.views for question in preset.questions):
            assert len(preset.views) < 4, preset.number   # room for one more on a projector


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
    fate = next(i for i, q in enumerate(LESSONS[3].questions, 1) if q.gesture == "choice")
    for _ in range(fate):   # P asks the lesson's questions in turn
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


def first_trainer(lesson_number):
    config = LESSONS[lesson_number].config
    return config, config.build_trainer(config.make_beans())


def finite_difference_pulls(lesson_number):
    """How far each bean alone moves w in the first update of plain descent, −lr·∂(its loss)/∂w, by
    central differences of the model's loss on that bean (not the model's own slope)."""
    config, trainer = first_trainer(lesson_number)
    model, beans, params, h = trainer.model, trainer.beans, trainer.params.copy(), 1e-6
    pulls = []
    for bean in range(len(beans)):
        x, y = beans.x[bean:bean + 1], beans.y[bean:bean + 1]
        up, down = params.copy(), params.copy()
        up[0] += h
        down[0] -= h
        pulls.append(-config.lr * (model.loss(up, x, y) - model.loss(down, x, y)) / (2 * h))
    return np.array(pulls)


@pytest.mark.parametrize("lesson_number", [3, 5])
def test_each_beans_pull_is_its_slope_times_the_learning_rate(lesson_number):
    _config, trainer = first_trainer(lesson_number)
    pulls = pulls_on_w(trainer, trainer.params.copy(), 1)
    assert pulls == pytest.approx(finite_difference_pulls(lesson_number), rel=1e-5, abs=1e-10)
    start = trainer.params[0]
    first_bean = trainer.bean_order.beans_of_update(1)[0]
    trainer.step()   # a one-bean update moves w by its bean's pull
    assert trainer.params[0] - start == pytest.approx(pulls[first_bean], rel=1e-12)


def test_a_batch_update_moves_w_by_the_mean_pull():
    config = LESSONS[4].config.replace(optimizer="batch", lr=0.3)
    trainer = config.build_trainer(config.make_beans())
    start = trainer.params.copy()
    pulls = pulls_on_w(trainer, start, 1)
    trainer.step()
    assert trainer.params[0] - start[0] == pytest.approx(np.mean(pulls), rel=1e-12)


def test_the_sketch_is_read_halfway_and_at_the_end():
    question = SketchTheLoss("sketch")
    sketch = question.guess_from([(0, 1.0), (50, 0.6), (40, 5.0), (100, 0.2)])   # the turn back is dropped
    assert list(sketch[0]) == [0, 50, 100] and list(sketch[1]) == [1.0, 0.6, 0.2]
    updates = np.arange(1, 101)
    run = Stretch(("w",), np.array([0.0]), np.array([1.0]), np.zeros((100, 1)), 1.0, 0.1, None,
                  updates=updates, losses=1.0 / updates)
    assert question.verdict(sketch, run) == (f"The loss at update 50: yours {number(0.6)}, the run's {number(1 / 50)}; "
                                             f"update 100: yours {number(0.2)}, the run's {number(0.01)}.")


def test_lesson_3_click_the_bean_that_pulls_w_hardest_then_step(qtbot, window):
    window.resize(1280, 720)
    window.view_actions["projector"].setChecked(True)   # the class's view: a small beans plot
    window.load_lesson(3)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 0 and latest(window).restarted)
    index = next(i for i, q in enumerate(LESSONS[3].questions) if q.gesture == "bean")
    for _ in range(index + 1):
        qtbot.keyClick(window, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: window.prediction.question is LESSONS[3].questions[index])
    wait_state(qtbot, window, "paused")
    _config, trainer = first_trainer(3)
    sizes, toxicities = trainer.beans.x, trainer.beans.y
    pulls = finite_difference_pulls(3)
    chosen = int(np.argmax(sizes))   # the class's guess: the largest bean
    scatter = window.scatter
    QTest.mouseClick(scatter.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     viewport_point(scatter, sizes[chosen], toxicities[chosen]) + QPoint(3, 2))   # a few px off it
    qtbot.waitUntil(lambda: scatter.chosen_bean is not None)
    assert scatter.chosen_bean == (sizes[chosen], toxicities[chosen])   # the click chose the bean under it
    assert "pauses at update 1" in window.explanation.caption_text
    with qtbot.waitSignal(window.prediction.answered, timeout=10_000) as answered:
        qtbot.keyClick(window, Qt.Key.Key_Right)
    best = int(np.argmax(np.abs(pulls)))
    moved = headless_params(3, 1)[0] - LESSONS[3].config.init[0]
    used = first_trainer(3)[1].bean_order.beans_of_update(1)[0]
    verdict = answered.args[0]
    if chosen == best:
        assert verdict.startswith(f"Right: the bean at x = {number(sizes[chosen])} pulls w hardest")
    else:
        said = "Nearly: your" if abs(pulls[chosen]) >= 0.9 * abs(pulls[best]) else "Your"
        assert verdict.startswith(f"{said} bean at x = {number(sizes[chosen])} alone moves w by "
                                  f"{number(pulls[chosen], signed=True)}")
        assert f"x = {number(sizes[best])}" in verdict and number(pulls[best], signed=True) in verdict
    assert verdict.endswith(f"This update's bean (x = {number(sizes[used])}) moved w by {number(moved, signed=True)}.")
    assert moved == pytest.approx(pulls[used], rel=1e-5)   # the run moved w by its bean's pull
    assert scatter.answer_bean == (sizes[best], toxicities[best])   # the run's answer ringed beside the guess
    assert scatter.chosen_bean == (sizes[chosen], toxicities[chosen])
    # the largest bean sits in the plot's corner: both marks are drawn whole, inside the plot
    plot_area = scatter.mapFromScene(scatter.getViewBox().sceneBoundingRect()).boundingRect()
    for bean, size in ((scatter.chosen_bean, CHOSEN_SIZE), (scatter.answer_bean, ANSWER_SIZE)):
        centre = viewport_point(scatter, *bean)
        reach = size // 2
        assert plot_area.contains(QRect(centre - QPoint(reach, reach), centre + QPoint(reach, reach))), (bean, plot_area)


def test_a_click_away_from_every_bean_chooses_none(qtbot, window):
    window.load_lesson(3)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 0 and latest(window).restarted)
    window.prediction.ask(next(i for i, q in enumerate(LESSONS[3].questions, 1) if q.gesture == "bean"))
    wait_state(qtbot, window, "paused")
    scatter = window.scatter
    (left, right), (low, high) = scatter.getViewBox().viewRange()
    QTest.mouseClick(scatter.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     viewport_point(scatter, left + 0.02 * (right - left), high - 0.02 * (high - low)))
    qtbot.waitUntil(lambda: "Click on a bean" in window.statusBar().currentMessage())
    assert scatter.chosen_bean is None and window.prediction.waiting_for is None


def sketch_on(qtbot, window, points):
    """Press on the loss plot at the first (update, loss), drag through the others, release at the last.

    pyqtgraph passes on at most so many mouse moves a second (a student's hand makes fewer): each move is
    sent again until the sketch has taken it.
    """
    loss_plot = window.plots.loss_plot
    widget = loss_plot.plot_widget
    log = loss_plot.log_scale.isChecked()

    def where(update, loss):   # (found when the mouse gets there: the window's layout may have moved since)
        return viewport_point(widget, update, np.log10(loss) if log else loss)

    viewport = widget.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where(*points[0]))
    step = (points[-1][0] - points[0][0]) / (len(points) - 1)
    for update, loss in points[1:]:
        def taken(update=update, loss=loss):
            QTest.mouseMove(viewport, where(update, loss))
            return loss_plot.sketch is not None and loss_plot.sketch[0][-1] > update - step / 2
        qtbot.waitUntil(taken, timeout=2000)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where(*points[-1]))


def test_lesson_5_sketch_the_loss_then_play(qtbot, window):
    ask(qtbot, window, 5)
    question = window.prediction.question
    assert question.gesture == "sketch" and question.updates == 2000
    loss_plot = window.plots.loss_plot
    low, high = loss_plot.x_range()
    assert low <= 0 and high >= 2000   # room to sketch up to where the run will pause
    loss0 = latest(window).snapshot.loss
    stroke = [(u, loss0 * 0.5 ** (u / 500)) for u in range(0, 2001, 100)]
    sketch_on(qtbot, window, stroke)
    qtbot.waitUntil(lambda: "pauses at update 2,000" in window.explanation.caption_text)
    drawn_updates, drawn_losses = loss_plot.sketch
    assert drawn_updates[0] == pytest.approx(0, abs=20) and drawn_updates[-1] == pytest.approx(2000, abs=20)
    # the drawn curve passes where the mouse went, to a pixel or two (of log10 loss: the axis is logarithmic)
    pixel = loss_plot.plot_widget.getViewBox().viewPixelSize()[1]
    assert np.log10(np.interp(1000, drawn_updates, drawn_losses)) == pytest.approx(np.log10(loss0 * 0.25), abs=2.5 * pixel)
    window.playback_panel.set_speed(0)
    with qtbot.waitSignal(window.prediction.answered, timeout=30_000) as answered:
        qtbot.keyClick(window, Qt.Key.Key_Space)
    assert latest(window).snapshot.step == 2000
    _config, trainer = first_trainer(5)
    trainer.run(2000)
    run_1000, run_2000 = trainer.history.loss_at(1000), trainer.history.loss_at(2000)
    yours = [np.interp(u, drawn_updates, drawn_losses) for u in (1000, 2000)]
    assert answered.args[0] == (f"The loss at update 1,000: yours {number(yours[0])}, the run's {number(run_1000)}; "
                                f"update 2,000: yours {number(yours[1])}, the run's {number(run_2000)}.")
    assert loss_plot.sketch is not None   # the sketch stays drawn beside the run's curve


def test_a_question_brings_its_view_in_and_takes_it_away_after(qtbot, window):
    window.load_lesson(6)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 0 and latest(window).restarted)
    before = window.plots.shown
    assert "loss" not in before
    qtbot.keyClick(window, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: "loss" in window.plots.shown)
    window.prediction.withdraw()
    assert window.plots.shown == before


def answer(qtbot, window, question):
    """Make the question's gesture with the mouse, as a student at the board would."""
    if question.gesture == "bean":
        scatter, beans = window.scatter, window.current_lesson.config.make_beans()
        QTest.mouseClick(scatter.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         viewport_point(scatter, float(beans.x[0]), float(beans.y[0])))
    elif question.gesture == "sketch":
        loss = latest(window).snapshot.loss
        until = question.horizon(latest(window).snapshot.step, window.controller.updates_per_epoch)
        sketch_on(qtbot, window, [(until * k / 10, loss * (1 - k / 20)) for k in range(11)])
    elif question.gesture == "click":
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
    assert answered.args[0].startswith(("Your ", "Right", "You said", "The loss at"))

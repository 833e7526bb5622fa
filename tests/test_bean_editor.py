"""Drawing beans with the mouse: add, drag, remove, undo and redo, on the real window's scatter plot."""
import numpy as np
import pytest
from gui_helpers import latest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from beanlab.core import add_bean, move_bean, remove_bean


def pixel(window, x, y) -> QPoint:
    """Where the data point (x, y) is on the scatter plot's viewport."""
    scatter = window.scatter
    scene = scatter.getViewBox().mapViewToScene(QPointF(x, y))
    return scatter.mapFromScene(scene)


def edit_mode(qtbot, window):
    window.bean_editor.actions["edit"].setChecked(True)
    window.scatter.getViewBox().setRange(xRange=(-0.1, 1.3), yRange=(-0.2, 1.6), padding=0)   # a fixed frame
    qtbot.waitUntil(lambda: latest(window) is not None and latest(window).state == "paused")


def restarted_on(qtbot, window, count):
    qtbot.waitUntil(lambda: len(window.controller.beans) == count and latest(window).restarted
                    and latest(window).snapshot.step == 0, timeout=10_000)


def least_squares(beans):
    design = np.column_stack([beans.x, np.ones(len(beans))])
    return np.linalg.lstsq(design, beans.y, rcond=None)[0]


def test_the_core_edits_make_new_beans_and_refuse_too_few():
    from beanlab.core import Beans

    beans = Beans([0.1, 0.2, 0.3], [1.0, 2.0, 3.0])
    np.testing.assert_array_equal(add_bean(beans, 0.5, 4).x, [0.1, 0.2, 0.3, 0.5])
    np.testing.assert_array_equal(move_bean(beans, 1, 0.7, 9).y, [1, 9, 3])
    np.testing.assert_array_equal(beans.y, [1, 2, 3])   # untouched
    two = remove_bean(beans, 0)
    with pytest.raises(ValueError, match="at least 2"):
        remove_bean(two, 0)
    with pytest.raises(ValueError, match="finite"):
        add_bean(beans, float("nan"), 1)


def test_dragging_a_bean_moves_it_and_the_optimum_follows_exactly(qtbot, window):
    edit_mode(qtbot, window)
    before = window.controller.beans
    bean = int(np.argmax(before.x))
    start = pixel(window, before.x[bean], before.y[bean])
    previews = []
    window.controller.beans_previewed.connect(lambda beans, landscape: previews.append((beans, landscape)))
    viewport = window.scatter.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 11):
        QTest.mouseMove(viewport, start + QPoint(-8 * step, -12 * step))
        qtbot.waitUntil(lambda: len(previews) == step)   # the views show the bean where the mouse is
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start + QPoint(-80, -120))
    restarted_on(qtbot, window, len(before))
    after = window.controller.beans
    assert previews, "the views followed the bean while it was dragged"
    moved = np.flatnonzero((after.x != before.x) | (after.y != before.y))
    assert moved.tolist() == [bean]
    assert after.x[bean] < before.x[bean] and after.y[bean] > before.y[bean]   # left and up, as dragged
    np.testing.assert_allclose(window.controller.landscape.optimum, least_squares(after), rtol=1e-10, atol=1e-12)
    preview_beans, preview_landscape = previews[-1]
    np.testing.assert_allclose(preview_landscape.optimum, least_squares(preview_beans), rtol=1e-10, atol=1e-12)
    assert window.controller.beans_edited and "edited by hand" in window.data_panel.source.text()

    window.bean_editor.actions["undo"].trigger()
    restarted_on(qtbot, window, len(before))
    np.testing.assert_array_equal(window.controller.beans.x, before.x)
    np.testing.assert_array_equal(window.controller.beans.y, before.y)
    window.bean_editor.actions["redo"].trigger()
    qtbot.waitUntil(lambda: window.controller.beans.x[bean] == after.x[bean])


def test_clicking_adds_right_click_removes_and_delete_removes_the_selected(qtbot, window):
    edit_mode(qtbot, window)
    count = len(window.controller.beans)
    viewport = window.scatter.viewport()
    empty = pixel(window, 1.2, 0.0)   # right of every bean, below the line
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, empty)
    restarted_on(qtbot, window, count + 1)
    assert window.controller.beans.x[-1] == pytest.approx(1.2, abs=0.01)
    assert window.controller.beans.y[-1] == pytest.approx(0.0, abs=0.01)
    assert window.bean_editor.selected == count

    QTest.mouseClick(viewport, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, empty)
    restarted_on(qtbot, window, count)
    beans = window.controller.beans
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     pixel(window, beans.x[-1], beans.y[-1]))
    picked = window.bean_editor.selected   # the last bean, or one drawn on top of it
    assert picked is not None and abs(beans.x[picked] - beans.x[-1]) < 0.02
    window.bean_editor.actions["delete"].trigger()
    restarted_on(qtbot, window, count - 1)
    np.testing.assert_array_equal(window.controller.beans.x, np.delete(beans.x, picked))
    for _ in range(3):
        window.bean_editor.actions["undo"].trigger()
    restarted_on(qtbot, window, count)
    assert not window.bean_editor.actions["undo"].isEnabled()


def test_edit_mode_refuses_two_feature_beans_and_off_gives_the_mouse_back(qtbot, window):
    edit_mode(qtbot, window)
    window.bean_editor.actions["edit"].setChecked(False)
    assert window.scatter.getViewBox().hook is None
    window.controller.set_config(dataset="plane", model="plane")
    qtbot.waitUntil(lambda: window.controller.beans.n_features == 2)
    window.bean_editor.actions["edit"].setChecked(True)
    assert not window.bean_editor.enabled and "one feature" in window.statusBar().currentMessage()


def test_new_beans_from_elsewhere_end_the_undo_history(qtbot, window):
    edit_mode(qtbot, window)
    count = len(window.controller.beans)
    QTest.mouseClick(window.scatter.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     pixel(window, 1.2, 0.0))
    restarted_on(qtbot, window, count + 1)
    window.controller.set_config(optimizer="batch")   # same beans, another optimizer: the edit stays undoable
    assert window.bean_editor.actions["undo"].isEnabled()
    window.data_panel.regenerate.click()
    qtbot.waitUntil(lambda: len(window.controller.beans) == count)
    assert not window.bean_editor.actions["undo"].isEnabled() and not window.controller.beans_edited

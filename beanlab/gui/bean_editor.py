"""Drawing beans with the mouse: Edit → Edit beans turns the scatter plot into a drawing board.

Click on empty space to add a bean, drag a bean to move it, right-click a bean (or select it and
press Delete) to remove it. While a bean is dragged the optimum, the cost curves, the bowl and the
contour map follow it live (the core rebuilds the cost from the beans' sufficient statistics);
letting go restarts the run on the new beans. Every edit can be undone and redone.

The editor turns gestures into the core's edits (``add_bean``, ``move_bean``, ``remove_bean``);
it computes nothing itself.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack

from beanlab.core import Beans, add_bean, move_bean, remove_bean
from beanlab.i18n import N_, tr

ACTIONS = {
    "edit": (N_("&Edit beans"), N_("click to add a bean, drag one to move it, right-click or Delete to remove it")),
    "undo": (N_("&Undo"), N_("undo the last change to the beans")),
    "redo": (N_("&Redo"), N_("redo the change to the beans just undone")),
    "delete": (N_("&Delete bean"), N_("remove the selected bean")),
}


class _BeansEdit(QUndoCommand):
    """One edit: the beans before and after. Doing or undoing it hands those beans to the run."""

    def __init__(self, editor: BeanEditor, before: Beans, after: Beans, words: str) -> None:
        super().__init__(words)
        self._editor, self._before, self._after = editor, before, after

    def redo(self) -> None:
        self._editor.apply(self._after, self.text())

    def undo(self) -> None:
        self._editor.apply(self._before, tr("Undone: {edit}").format(edit=self.text()))


class BeanEditor(QObject):
    """The Edit menu's bean editing: mode, undo stack, and the scatter plot's mouse while on."""

    def __init__(self, window, controller, scatter) -> None:
        super().__init__(window)
        self._controller, self._scatter = controller, scatter
        self.undo_stack = QUndoStack(self)
        self.selected: int | None = None
        self._dragging: int | None = None
        self._drag_start: Beans | None = None
        self._pending: Beans | None = None   # the latest dragged beans, shown at the next turn of the loop
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.timeout.connect(self._show_pending)
        self.actions: dict[str, QAction] = {}
        for name, keys in (("edit", ["E"]), ("undo", [QKeySequence.StandardKey.Undo]),
                           ("redo", [QKeySequence.StandardKey.Redo, "Ctrl+Y"]),
                           ("delete", [QKeySequence.StandardKey.Delete])):
            action = QAction(window)
            action.setShortcuts([QKeySequence(k) for k in keys])
            window.addAction(action)
            self.actions[name] = action
        self.actions["edit"].setCheckable(True)
        self.actions["edit"].toggled.connect(self.set_enabled)
        self.actions["undo"].triggered.connect(self.undo_stack.undo)
        self.actions["redo"].triggered.connect(self.undo_stack.redo)
        self.actions["delete"].triggered.connect(self.delete_selected)
        self.undo_stack.canUndoChanged.connect(self.actions["undo"].setEnabled)
        self.undo_stack.canRedoChanged.connect(self.actions["redo"].setEnabled)
        self.actions["undo"].setEnabled(False)
        self.actions["redo"].setEnabled(False)
        self.actions["delete"].setEnabled(False)
        self._applying = False
        self._beans_seen = controller.beans
        controller.run_replaced.connect(self._on_run_replaced)
        self.retranslate()

    @property
    def enabled(self) -> bool:
        return self.actions["edit"].isChecked()

    def retranslate(self) -> None:
        for name, action in self.actions.items():
            label, tooltip = ACTIONS[name]
            action.setText(tr(label))
            action.setToolTip(tr(tooltip))

    def set_enabled(self, on: bool) -> None:
        """Edit mode on: the run pauses and the scatter plot's mouse draws beans; off: it pans again."""
        if on and self._controller.beans.n_features != 1:
            self._controller.message.emit(tr("Beans can be drawn by hand only when they have one feature (size)."))
            self.actions["edit"].setChecked(False)
            return
        if on:
            self._controller.pause()
            self._controller.message.emit(tr("Editing beans: click to add, drag to move, right-click to remove."))
        self._scatter.set_mouse_hook(self if on else None)
        self._select(None)

    # -- gestures (called by the scatter plot's view box) ----------------------------------------
    def click(self, event) -> bool:
        bean = self._scatter.bean_at(event.scenePos())
        if event.button() == Qt.MouseButton.RightButton:
            if bean is None:
                return False   # the plot's own menu
            self._remove(bean)
        elif event.button() == Qt.MouseButton.LeftButton:
            if bean is None:
                self._add(*self._scatter.to_data(event.scenePos()))
            else:
                self._select(bean)
        else:
            return False
        event.accept()
        return True

    def drag(self, event) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        if event.isStart():
            bean = self._scatter.bean_at(event.buttonDownScenePos())
            if bean is None:
                return False   # dragging empty space pans, as usual
            self._dragging, self._drag_start = bean, self._controller.beans
            self._select(bean)
        if self._dragging is None:
            return False
        event.accept()
        moved = self._moved(event.scenePos())
        if moved is None:
            return True
        if event.isFinish():
            self._preview_timer.stop()
            self._pending, start, self._dragging = None, self._drag_start, None
            self.undo_stack.push(_BeansEdit(self, start, moved, tr("moved bean {number}").format(
                number=self.selected + 1)))
        else:
            self._pending = moved
            if not self._preview_timer.isActive():
                self._preview_timer.start(0)   # many mouse moves, one redraw per turn of the event loop
        return True

    # -- edits -----------------------------------------------------------------------------------
    def delete_selected(self) -> None:
        if self.enabled and self.selected is not None:
            self._remove(self.selected)

    def apply(self, beans: Beans, words: str) -> None:
        """Train on these beans from now on (an edit done, undone or redone)."""
        self._applying = True
        try:
            self._controller.use_edited_beans(beans, words)
        finally:
            self._applying = False
        if self.selected is not None and self.selected >= len(beans):
            self._select(None)

    def _on_run_replaced(self, beans: Beans, _landscape) -> None:
        """Beans from elsewhere (regenerated, a file, a lesson): the edits of the old ones cannot be undone."""
        if not self._applying and beans is not self._beans_seen:
            self.undo_stack.clear()
            self._select(None)
        self._beans_seen = beans

    def _moved(self, scene_pos) -> Beans | None:
        try:
            return move_bean(self._drag_start, self._dragging, *self._scatter.to_data(scene_pos))
        except ValueError:
            return None

    def _add(self, x: float, y: float) -> None:
        beans = self._controller.beans
        self.undo_stack.push(_BeansEdit(self, beans, add_bean(beans, x, y),
                                        tr("added a bean at x = {x:.3g}, y = {y:.3g}").format(x=x, y=y)))
        self._select(len(beans))

    def _remove(self, bean: int) -> None:
        beans = self._controller.beans
        try:
            fewer = remove_bean(beans, bean)
        except ValueError as exc:
            self._controller.message.emit(tr("Not removed: {reason}.").format(reason=exc))
            return
        self._select(None)
        self.undo_stack.push(_BeansEdit(self, beans, fewer, tr("removed bean {number}").format(number=bean + 1)))

    def _select(self, bean: int | None) -> None:
        self.selected = bean
        self.actions["delete"].setEnabled(bean is not None)
        self._scatter.show_selected(bean)

    def _show_pending(self) -> None:
        if self._pending is not None:
            self._controller.preview_beans(self._pending)

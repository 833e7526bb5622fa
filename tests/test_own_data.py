"""The user's own beans: File → Open data, a dropped CSV, Save data; bad files change nothing."""
import os

import numpy as np
import pytest
from gui_helpers import latest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from beanlab.core import BeanDataError, LoadCancelled, load_beans_csv


def write(path, rows, header="x,y"):
    path.write_text(header + "\n" + "\n".join(",".join(repr(float(v)) for v in row) for row in rows) + "\n",
                    encoding="utf-8")
    return path


def random_rows(n, features=1, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.random((n, features))
    return np.column_stack([x, (x.sum(axis=1) > features / 2).astype(float)])


def test_the_reader_reports_progress_can_be_stopped_and_names_a_late_error(tmp_path):
    rows = random_rows(120_000)
    path = write(tmp_path / "many.csv", rows)
    seen = []
    beans = load_beans_csv(path, progress=lambda done, total: seen.append((done, total)) or True)
    assert seen[-1] == (120_000, 120_000) and len(seen) == 3
    np.testing.assert_array_equal(beans.x, rows[:, 0])
    with pytest.raises(LoadCancelled):
        load_beans_csv(path, progress=lambda done, total: False)
    lines = path.read_text().splitlines()
    lines[110_001] = "0.5,oops"   # row 110,001 of the data is line 110,002 of the file
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(BeanDataError, match=r"line 110002, column 2: 'oops' in column y is not a number"):
        load_beans_csv(path)


def open_in(window, qtbot, path):
    with qtbot.waitSignal(window.controller.run_replaced, timeout=30_000):
        window.data.open_data(str(path))
    qtbot.waitUntil(lambda: latest(window).restarted and len(latest(window).snapshot.params) ==
                    window.controller.landscape.model.n_params)


def test_opening_a_csv_trains_on_it_and_saving_writes_it_back(qtbot, window, tmp_path):
    rows = random_rows(500)
    open_in(window, qtbot, write(tmp_path / "mine.csv", rows))
    np.testing.assert_array_equal(window.controller.beans.x, rows[:, 0])
    assert window.controller.own_beans == "mine.csv" and window.data_panel.source.isVisible()
    assert "500 beans from mine.csv" in window.statusBar().currentMessage()
    assert window.data.save_data(str(tmp_path / "again"))
    again = load_beans_csv(tmp_path / "again.csv")
    np.testing.assert_array_equal(again.x, rows[:, 0]) and np.testing.assert_array_equal(again.y, rows[:, 1])
    window.data_panel.regenerate.click()
    qtbot.waitUntil(lambda: window.controller.own_beans is None)
    assert not window.data_panel.source.isVisible()


def test_two_features_bring_the_neuron_that_takes_them(qtbot, window, tmp_path):
    open_in(window, qtbot, write(tmp_path / "plane.csv", random_rows(300, features=2), header="x1,x2,y"))
    assert window.controller.config.model == "plane" and window.controller.beans.n_features == 2


@pytest.mark.parametrize(("content", "words"), [
    ("x,y\n0.1,0.2\n0.3,toxic\n", "line 3, column 2"),
    ("a,b\nbig,red\nsmall,blue\n", "must name columns x and y"),
    ("", "empty"),
])
def test_a_bad_file_is_a_message_naming_where_and_the_beans_stay(qtbot, window, tmp_path, content, words):
    before = window.controller.beans
    bad = tmp_path / "bad.csv"
    bad.write_text(content, encoding="utf-8")
    window.data.open_data(str(bad))
    qtbot.waitUntil(lambda: getattr(window.exports, "last_warning", None) is not None
                    and window.exports.last_warning.isVisible(), timeout=10_000)
    assert words in window.exports.last_warning.text() and "bad.csv" in window.exports.last_warning.text()
    assert window.controller.beans is before
    window.exports.last_warning.close()


def test_cancelling_a_long_read_keeps_the_beans(qtbot, window, tmp_path):
    before = window.controller.beans
    path = write(tmp_path / "long.csv", random_rows(400_000))
    with qtbot.waitSignal(window.data.failed, timeout=30_000) as said:
        window.data.open_data(str(path))
        window.data.cancel()
    assert "cancelled" in said.args[0] and window.controller.beans is before


def test_a_csv_dropped_on_the_window_opens(qtbot, window, tmp_path):
    rows = random_rows(50)
    path = write(tmp_path / "dropped.csv", rows)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(100, 100), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.controller.run_replaced, timeout=10_000):
        window.dropEvent(event)
    assert window.controller.own_beans == "dropped.csv"


def test_a_wider_file_asks_which_columns_are_the_beans(qtbot, window, tmp_path):
    rng = np.random.default_rng(3)
    size, depth = rng.random(40), rng.random(40)
    rows = "\n".join(f"{k},bean {k},{float(a)!r},{float(b)!r},{float(a > 0.5)!r}" for k, (a, b) in enumerate(zip(size, depth)))
    path = tmp_path / "sheet.csv"
    path.write_text("id,label,length,depth,toxic\n" + rows + "\n", encoding="utf-8")
    window.data.open_data(str(path))
    dialog = window.data.column_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.preview.names[2] == "length" and not window.data.loading
    dialog.toxicity.setCurrentIndex(dialog.toxicity.findText("length"))
    dialog.size.setCurrentIndex(dialog.size.findText("length"))
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()   # one column, twice
    dialog.toxicity.setCurrentIndex(dialog.toxicity.findText("toxic"))
    dialog.second.setCurrentIndex(dialog.second.findText("depth"))
    assert dialog.columns == (2, 3, 4)
    with qtbot.waitSignal(window.controller.run_replaced, timeout=30_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    np.testing.assert_array_equal(window.controller.beans.x, np.column_stack([size, depth]))
    assert window.controller.config.model == "plane"


def test_cancelling_the_column_choice_changes_nothing(qtbot, window, tmp_path):
    before = window.controller.beans
    path = tmp_path / "sheet.csv"
    path.write_text("a,b,c\n1,2,3\n4,5,6\n", encoding="utf-8")
    window.data.open_data(str(path))
    qtbot.waitUntil(window.data.column_dialog.isVisible)
    window.data.column_dialog.reject()
    assert window.controller.beans is before and not window.data.loading


def test_saving_to_a_full_disk_is_a_message_and_leaves_no_file(qtbot, window, tmp_path, monkeypatch):
    import errno

    from beanlab.core import atomic_write

    def full(fd, mode):
        os.close(fd)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_write.os, "fdopen", full)
    with qtbot.waitSignal(window.data.failed) as failed:
        assert not window.data.save_data(str(tmp_path / "beans.csv"))
    assert "No space left on device" in failed.args[0] and "Nothing was written" in failed.args[0]
    assert list(tmp_path.iterdir()) == []


def test_settings_that_cannot_be_written_are_logged_not_raised(caplog):
    from beanlab.core import RunConfig
    from beanlab.gui.app_settings import AppSettings

    settings = AppSettings("/proc/beanlab-cannot-write-here/beanlab.ini")
    with caplog.at_level("WARNING", logger="beanlab"):
        assert not settings.remember(RunConfig(), b"", b"", 3, False)
    assert "could not write the settings file" in caplog.text

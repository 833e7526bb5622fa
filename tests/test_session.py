"""Sessions: saved mid-run, opened again, the run goes on with the same floats; bad files say why."""
import json

import numpy as np
import pytest

from beanlab.core import RunConfig, SessionError, open_session, session_json


@pytest.mark.parametrize("changes", [{}, {"order": "shuffle"}, {"optimizer": "minibatch", "batch_size": 7},
                                     {"optimizer": "fixed-step"}, {"model": "wx"}])
def test_a_session_goes_on_with_the_same_floats(changes):
    config = RunConfig().with_model("wx") if "model" in changes else RunConfig().replace(**changes)
    uninterrupted = config.build_trainer()
    uninterrupted.run(1_234)
    trainer = config.build_trainer()
    trainer.run(567)
    trainer.optimizer.lr = config.lr   # (a live change would be saved with it: see below)
    session = open_session(session_json(trainer, config, lesson=4))
    assert session.lesson == 4 and session.config == config.replace(init=tuple(trainer.init))
    assert session.trainer.snapshot() == trainer.snapshot()
    assert session.trainer.run(1_234 - 567) == uninterrupted.snapshot()
    np.testing.assert_array_equal(session.trainer.history.params, uninterrupted.history.params)
    assert session.trainer.rewind(100) == uninterrupted.rewind(100)   # step back works after opening


def test_a_live_learning_rate_change_is_kept():
    config = RunConfig()
    trainer = config.build_trainer()
    trainer.run(300)
    trainer.optimizer.lr = 0.05
    session = open_session(session_json(trainer, config.replace(lr=0.05)))
    trainer.run(10)
    assert session.trainer.run(10) == trainer.snapshot()


def saved(**edits):
    trainer = RunConfig().build_trainer()
    trainer.run(50)
    document = json.loads(session_json(trainer, RunConfig()))
    for path, value in edits.items():
        *parents, leaf = path.split(".")
        part = document
        for name in parents:
            part = part[name]
        if value is ...:
            del part[leaf]
        else:
            part[leaf] = value
    return json.dumps(document)


@pytest.mark.parametrize("text, words", [
    ("{not json", "broken JSON"),
    ('{"format": "something else"}', "not a BeanLab session"),
    (saved(version=2), "this BeanLab reads version 1"),
    (saved(**{"config.lr": -1}), "the settings do not make a run"),
    (saved(**{"config.lr": "fast"}), "wrong kind of value"),
    (saved(**{"config.colour": "red"}), "unknown setting"),
    (saved(**{"run.params": "@@@"}), "not base64"),
    (saved(**{"run.updates": 49}), "lengths do not agree"),
    (saved(**{"beans.y": ...}), "toxicities is missing"),
    (saved(**{"config.init": [0.5, 0.5]}), "starting point"),
])
def test_a_bad_session_says_what_is_wrong(text, words):
    with pytest.raises(SessionError, match=words):
        open_session(text)


def test_a_truncated_session_is_refused():
    text = saved()
    with pytest.raises(SessionError):
        open_session(text[: len(text) // 2])


def test_saving_mid_run_and_opening_again_goes_on_with_the_same_floats(qtbot, window, tmp_path):
    from gui_helpers import full_speed, latest

    full_speed(window)
    window.controller.play_until(1_500)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 1_500 and latest(window).state == "paused",
                    timeout=20_000)
    path = str(tmp_path / "mid-run.beanlab")
    with qtbot.waitSignal(window.sessions.succeeded, timeout=20_000):
        window.sessions.save_session(path)
    window.actions["reset"].trigger()                      # lose the run...
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 0)
    assert window.sessions.open_session(path)              # ...and get it back
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 1_500 and latest(window).state == "paused")
    assert window.windowTitle().endswith("mid-run.beanlab")
    assert window.loss_plot.point_count > 1_000            # the plots have the history again
    window.controller.play_until(3_000)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 3_000 and latest(window).state == "paused",
                    timeout=20_000)
    assert latest(window).snapshot == RunConfig().build_trainer().run(3_000)


def test_a_bad_session_in_the_window_is_a_message_and_changes_nothing(qtbot, window, tmp_path):
    from gui_helpers import latest

    bad = tmp_path / "bad.beanlab"
    bad.write_text('{"format": "beanlab-session", "version": 99}')
    config = window.controller.config
    with qtbot.waitSignal(window.sessions.failed) as failed:
        assert not window.sessions.open_session(str(bad))
    assert "reads version 1" in failed.args[0] and window.controller.config == config
    assert latest(window).snapshot.step == 0
    window.exports.last_warning.close()


def test_opening_a_bad_session_from_the_command_line_is_one_clear_line(tmp_path, capsys):
    from beanlab.cli import main

    bad = tmp_path / "cut.beanlab"
    bad.write_text(saved()[:200])
    assert main([str(bad)]) == 2
    error = capsys.readouterr().err
    assert error.startswith("beanlab: error: cannot open") and "Traceback" not in error


def test_the_desktop_files_name_the_program_the_icon_and_the_session_type():
    import xml.etree.ElementTree as ET

    from beanlab.resources import DESKTOP_ENTRY, ICON, MIME_TYPE, resource_path

    desktop = resource_path(DESKTOP_ENTRY).read_text(encoding="utf-8")
    assert "Exec=beanlab %f" in desktop and "MimeType=application/x-beanlab-session;" in desktop
    mime = ET.parse(resource_path(MIME_TYPE)).getroot()
    glob = mime.find(".//{http://www.freedesktop.org/standards/shared-mime-info}glob")
    assert glob.get("pattern") == "*.beanlab"
    ET.parse(resource_path(ICON))   # well-formed

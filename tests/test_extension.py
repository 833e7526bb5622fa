"""Extension by addition: a model and an optimizer defined here, in the test file alone, registered
once each, run through `beanlab train`, the explanation, the window and an export."""
import json
from beanlab.core.numbers import number

import numpy as np
import pytest
from gui_helpers import latest
from PIL import Image, ImageSequence
from PySide6.QtCore import Qt

from beanlab import i18n
from beanlab.cli import main
from beanlab.core import (
    MODELS,
    OPTIMIZERS,
    Model,
    Optimizer,
    RunConfig,
    explain_next_update_in_stages,
    explain_update,
    make_dataset,
)


class Parabola(Model):
    """y = w·x² + b: a model BeanLab has never heard of."""

    name = "toy-parabola"
    label = "y = w·x² + b"
    param_names = ("w", "b")
    prediction = "w·x² + b"

    def predict(self, params, x):
        return params[0] * x * x + params[1]

    def grad(self, params, x, y):
        error = self.predict(params, x) - y
        return np.array([2 * np.mean(error * x * x), 2 * np.mean(error)])


class SignSGD(Optimizer):
    """One bean at a time, a step of α against the sign of its slope."""

    name = "toy-sign-sgd"
    label = "sign SGD"
    convention = "θ ← θ − α·sign(g), one bean at a time (Bernstein et al. 2018, signSGD)."

    def beans_per_update(self, n_beans):
        return 1

    def move(self, gradient):
        return -self.lr * np.sign(gradient)


@pytest.fixture
def toys():
    """The toy model and optimizer registered for one test, and gone again after it."""
    MODELS.register(Parabola)
    OPTIMIZERS.register(SignSGD)
    yield
    MODELS.unregister(Parabola.name)
    OPTIMIZERS.unregister(SignSGD.name)
    assert Parabola.name not in MODELS and SignSGD.name not in OPTIMIZERS


def sign_sgd_by_hand(updates, lr=0.01):
    """The toy pair in plain numpy on the default beans, in order, from the base model's start 0.1, 0.1."""
    beans = make_dataset("line-bias", 100, 0)
    w, b = 0.1, 0.1
    for update in range(updates):
        x, y = beans.x[update % 100], beans.y[update % 100]
        error = w * x * x + b - y
        w, b = w - lr * np.sign(2 * error * x * x), b - lr * np.sign(2 * error)
    return np.array([w, b])


def test_the_registered_toys_train_from_the_command_line(toys, capsys):
    assert main(["train", "--model", "toy-parabola", "--optimizer", "toy-sign-sgd", "--lr", "0.01",
                 "--epochs", "3", "--json"]) == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert result["model"] == "toy-parabola" and result["steps"] == 300
    np.testing.assert_allclose([result["w"], result["b"]], sign_sgd_by_hand(300), rtol=1e-12)


def test_the_toys_explain_their_update_in_either_language(toys):
    trainer = RunConfig(model="toy-parabola", optimizer="toy-sign-sgd").build_trainer()
    trainer.run(9)
    pick, slope = explain_next_update_in_stages(trainer)
    before = trainer.params.copy()
    snapshot = trainer.step()
    explanation = explain_update(snapshot, before, trainer.beans, trainer.model, trainer.optimizer)
    x, y = trainer.beans.x[snapshot.beans[0]], trainer.beans.y[snapshot.beans[0]]
    assert explanation.numbers["prediction"] == pytest.approx(before[0] * x * x + before[1], rel=1e-12)
    assert explanation.numbers["dw"] == snapshot.gradient[0] and slope.numbers["dw"] == snapshot.gradient[0]
    text = explanation.text
    assert "w·x² + b" in text and number(snapshot.gradient[0], signed=True) in text and number(snapshot.params[1]) in text
    assert pick.lines[0].startswith("Stage 1 of 3 · update 10") and slope.lines[0].startswith("Stage 2 of 3")
    try:
        i18n.set_language("zh_CN")
        chinese = explanation.text   # the same explanation, read in another language
    finally:
        i18n.set_language(i18n.ENGLISH)
    assert chinese != text and "斜率" in chinese and number(snapshot.gradient[0], signed=True) in chinese


def test_the_window_offers_the_toys_and_shows_their_numbers(toys, qtbot, window):
    models, optimizers = window.model_panel.model, window.optimizer_panel.optimizer
    assert models.itemText(models.findData("toy-parabola")) == "y = w·x² + b"
    toy = optimizers.findData("toy-sign-sgd")
    assert optimizers.itemText(toy) == "sign SGD"
    assert optimizers.itemData(toy, Qt.ItemDataRole.ToolTipRole) == SignSGD.convention
    window.model_panel.choose("toy-parabola")
    qtbot.waitUntil(lambda: window.controller.config.model == "toy-parabola")
    optimizers.setCurrentIndex(toy)
    qtbot.waitUntil(lambda: window.controller.config.optimizer == "toy-sign-sgd" and latest(window).restarted)
    for _ in range(3):
        window.actions["step"].trigger()
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 3)
    expected = sign_sgd_by_hand(3)
    qtbot.waitUntil(lambda: window.readouts.values["w"].text() == number(expected[0]))
    assert window.readouts.values["b"].text() == number(expected[1])
    qtbot.waitUntil(lambda: "w·x² + b" in window.explanation.plain_text)
    assert number(expected[0]) in window.explanation.plain_text


def test_the_toys_export_headless(toys, tmp_path):
    out = tmp_path / "toy.gif"
    assert main(["export", "--model", "toy-parabola", "--optimizer", "toy-sign-sgd", "--out", str(out),
                 "--view", "all", "--frames", "12", "--size", "480x360", "--epochs", "2"]) == 0
    with Image.open(out) as gif:
        frames = [np.asarray(frame.convert("RGB")) for frame in ImageSequence.Iterator(gif)]
    assert len(frames) == 12 and frames[0].shape == (360, 480, 3)
    assert np.abs(frames[0].astype(int) - frames[-1].astype(int)).sum() > 0   # the run moved

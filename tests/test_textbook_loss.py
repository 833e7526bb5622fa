"""The textbook preset learns as d2l does: its loss is ½ squared error, so a learning rate of 0.03
moves as the book's 0.03 does, and the printed loss is the book's number."""
import numpy as np
from beanlab.core.numbers import number
import pytest

from beanlab.core import LESSONS, explain_update


def linreg(X, w, b):
    """d2l's linear regression model."""
    return X @ w + b


def squared_loss(y_hat, y):
    """d2l's squared loss: half the squared error."""
    return (y_hat - y) ** 2 / 2


def sgd_on(X, y, w, b, lr):
    """d2l's `sgd` after `l.sum().backward()`: each parameter less lr times its summed slope over batch_size."""
    error = linreg(X, w, b) - y                 # the slope of ½(ŷ − y)² at ŷ
    batch_size = len(y)
    return w - lr * (X.T @ error) / batch_size, b - lr * error.sum() / batch_size


def test_the_textbook_preset_makes_d2l_updates_and_prints_d2l_loss():
    config = LESSONS[12].config
    trainer = config.build_trainer()
    features, labels = trainer.beans.x, trainer.beans.y
    w, b = np.zeros(2), 0.0
    for update in range(1, 31):
        batch = trainer.beans_of_update(update)
        w, b = sgd_on(features[batch], labels[batch], w, b, config.lr)
        snapshot = trainer.step()
        np.testing.assert_allclose(snapshot.params, [*w, b], rtol=1e-12, atol=1e-15)
        assert snapshot.loss == pytest.approx(float(squared_loss(linreg(features, w, b), labels).mean()), rel=1e-9)


def test_the_textbook_explanation_says_its_loss_has_a_half():
    trainer = LESSONS[12].config.build_trainer()
    before = trainer.params.copy()
    snapshot = trainer.step()
    text = explain_update(snapshot, before, trainer.beans, trainer.model, trainer.optimizer).text
    assert "½(ŷ − y)²" in text and "(ŷ − y)·x1" in text and number(snapshot.gradient[0], signed=True) in text

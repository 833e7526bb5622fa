"""Every update explains itself with the numbers of that very update."""
import numpy as np
from beanlab.core.numbers import number
import pytest

from beanlab.core import RunConfig, explain_update


def explain_step(trainer):
    before = trainer.params.copy()
    snapshot = trainer.step()
    return snapshot, before, explain_update(snapshot, before, trainer.beans, trainer.model, trainer.optimizer)


@pytest.mark.parametrize("changes", [{}, {"order": "shuffle"}, {"optimizer": "minibatch", "batch_size": 10},
                                     {"optimizer": "batch"}, {"optimizer": "fixed-step", "step": 0.02}])
@pytest.mark.parametrize("model", ["wx+b", "wx"])
def test_the_explanation_has_the_numbers_of_its_update(changes, model):
    trainer = RunConfig().with_model(model).replace(**changes).build_trainer()
    trainer.run(57)
    snapshot, before, explanation = explain_step(trainer)
    names = trainer.model.param_names
    used = np.asarray(snapshot.beans)
    x, y = trainer.beans.x[used], trainer.beans.y[used]
    numbers = explanation.numbers
    assert numbers["x"] == x[0] and numbers["y"] == y[0]
    assert numbers["prediction"] == pytest.approx(trainer.model.predict(before, x[:1])[0], rel=1e-12)
    for i, name in enumerate(names):
        assert numbers[f"d{name}"] == snapshot.gradient[i]
        assert numbers[f"{name}_before"] == before[i] and numbers[f"{name}_after"] == snapshot.params[i]
        assert number(snapshot.gradient[i], signed=True) in explanation.text
        assert number(snapshot.params[i]) in explanation.text
    assert f"Update {snapshot.step:,}" in explanation.text
    if changes.get("optimizer") == "fixed-step":
        assert "sign" in explanation.text and f"by {trainer.optimizer.step:g}" in explanation.text
    elif len(used) > 1:
        assert "mean over the beans" in explanation.text and f"({len(used)} beans)" in explanation.text
    else:
        assert f"bean {used[0] + 1}: x = {number(x[0])}, y = {number(y[0])}" in explanation.text
        assert f"− {trainer.optimizer.lr:g}·(" in explanation.text


def test_the_course_formula_is_shown_for_each_model():
    for model, formula in (("wx", "2x²w − 2xy"), ("wx+b", "2x²w + 2xb − 2xy")):
        trainer = RunConfig().with_model(model).build_trainer()
        assert formula in explain_step(trainer)[2].text


def test_the_start_says_how_to_begin():
    trainer = RunConfig().build_trainer()
    explanation = explain_update(trainer.snapshot(), None, trainer.beans, trainer.model, trainer.optimizer)
    assert explanation.lines[0].startswith("The start: w = 0.1000, b = 0.1000")


@pytest.mark.parametrize("optimizer", ["sgd", "minibatch", "batch", "fixed-step", "rosenblatt", "sweep"])
def test_the_stages_of_the_next_update_match_the_update_then_made(optimizer):
    from beanlab.core import explain_next_update_in_stages

    trainer = RunConfig().with_model("wx").replace(optimizer=optimizer, lr=0.05).build_trainer()
    trainer.run(7)
    pick, slope = explain_next_update_in_stages(trainer)
    snapshot = trainer.step()
    assert pick.lines[0].startswith("Stage 1 of 3 · update 8") and slope.lines[0].startswith("Stage 2 of 3")
    assert pick.numbers["x"] == trainer.beans.x[snapshot.beans[0]]
    if optimizer not in ("sweep", "rosenblatt"):
        assert slope.numbers["dw"] == pytest.approx(snapshot.gradient[0], rel=1e-12)
        assert number(snapshot.gradient[0], signed=True) in slope.text


def test_nesterov_is_explained_by_the_slope_it_moved_by_at_the_look_ahead_point():
    from beanlab.core import explain_next_update_in_stages

    trainer = RunConfig(optimizer="nesterov", lr=0.05, batch_size=10).build_trainer()
    x, y = trainer.beans.x, trainer.beans.y
    params, velocity = np.array([0.1, 0.1]), np.zeros(2)
    for update in range(1, 7):   # Sutskever et al.'s rule in plain numpy, the slope of the mean squared error
        batch = trainer.beans_of_update(update)
        w, b = params + 0.9 * velocity
        error = w * x[batch] + b - y[batch]
        ahead = np.array([np.mean(2 * error * x[batch]), np.mean(2 * error)])
        velocity = 0.9 * velocity - 0.05 * ahead
        params = params + velocity
        if update == 5:
            trainer.run(5)
            _, coming = explain_next_update_in_stages(trainer)
    snapshot, before, explanation = explain_step(trainer)
    np.testing.assert_allclose(snapshot.params, params, rtol=1e-12)
    for i, name in enumerate(("w", "b")):
        assert explanation.numbers[f"d{name}"] == pytest.approx(ahead[i], rel=1e-12)
        assert coming.numbers[f"d{name}"] == pytest.approx(ahead[i], rel=1e-12)
        assert number(ahead[i], signed=True) in explanation.text and abs(ahead[i] - snapshot.gradient[i]) > 1e-4
    trainer.step()
    trainer.rewind(6)   # a step back rebuilds the memory: the explanation is the same again
    again = explain_update(trainer.snapshot(), before, trainer.beans, trainer.model, trainer.optimizer)
    assert again.numbers == explanation.numbers


def test_an_explanation_is_read_in_the_language_of_the_moment():
    from beanlab import i18n

    trainer = RunConfig().build_trainer()
    explanation = explain_step(trainer)[2]
    english = explanation.text
    try:
        i18n.set_language("zh_CN")
        assert explanation.text != english and "斜率" in explanation.text
    finally:
        i18n.set_language(i18n.ENGLISH)
    assert explanation.text == english

"""RunConfig checks itself and says whether a change restarts the run, without beans or a Trainer."""
import pytest

from beanlab.core import RunConfig
from beanlab.core.run_config import LIVE_SETTINGS


@pytest.mark.parametrize("changes", [{"lr": 0.5}, {"step": 0.2}, {"epochs": 7}, {"lr": 0.5, "epochs": 3}])
def test_learning_rate_step_size_and_epochs_go_on_without_a_restart(changes):
    config, restarts = RunConfig().apply(changes)
    assert not restarts and config == RunConfig().replace(**changes)


@pytest.mark.parametrize("changes", [{"seed": 1}, {"n": 50}, {"optimizer": "batch"}, {"order": "shuffle"},
                                     {"init": (0.3, 0.4)}, {"batch_size": 5}, {"model": "wx"},
                                     {"dataset": "plane"}, {"landscape": "saddle"}, {"hidden": 3, "model": "net"}])
def test_beans_model_optimizer_order_start_and_landscape_restart(changes):
    config, restarts = RunConfig().apply(changes)
    assert restarts and set(changes) <= set(RunConfig().differences(config))


def test_a_new_model_brings_what_goes_with_it():
    config, restarts = RunConfig(dataset="plane", model="plane").apply({"model": "wx"})
    assert restarts and config == RunConfig(dataset="plane", model="plane").with_model("wx")


def test_no_change_is_no_restart():
    config = RunConfig()
    assert config.apply({"lr": config.lr}) == (config, False)
    assert config.differences(config) == ()


@pytest.mark.parametrize("changes, words", [({"lr": -1.0}, "learning rate"), ({"lr": float("nan")}, "learning rate"),
                                            ({"batch_size": 0, "optimizer": "minibatch"}, "batch size"),
                                            ({"init": (1.0, 2.0, 3.0)}, "starting value"),
                                            ({"model": "no-such-model"}, "unknown model")])
def test_settings_that_make_no_run_are_refused_with_the_reason(changes, words):
    with pytest.raises(ValueError, match=words):
        RunConfig().apply(changes)


def test_validate_checks_the_settings_as_they_stand():
    RunConfig().validate()
    with pytest.raises(ValueError, match="learning rate"):
        RunConfig(lr=0.0).validate()


def test_validating_builds_no_beans_and_no_trainer(monkeypatch):
    """The check a slider tick makes: building a Trainer on a million beans took 69–271 ms a tick."""
    import beanlab.core.run_config as run_config

    def forbidden(*args, **kwargs):
        raise AssertionError("validating built beans or a trainer")

    monkeypatch.setattr(run_config, "Trainer", forbidden)
    monkeypatch.setattr(run_config, "make_dataset", forbidden)
    config = RunConfig(n=1_000_000)
    for tick in range(30):
        config, restarts = config.apply({"lr": 0.001 * (tick + 1)})
        assert not restarts


def test_the_live_settings_are_those_a_running_run_takes():
    assert LIVE_SETTINGS == {"lr", "step", "epochs"}

"""The worker's one command path, driven directly on this thread: each command a (name, arguments) pair."""
import pytest

from beanlab.core import RunConfig, RunState
from beanlab.gui.training_worker import TrainingWorker


@pytest.fixture
def worker(qtbot):
    worker = TrainingWorker()
    worker.start()
    yield worker
    worker.run_command(("stop", ()))


@pytest.fixture
def frames(worker):
    """The frames the worker sends, in order."""
    sent = []
    worker.frame_ready.connect(sent.append)
    return sent


def test_commands_load_step_and_step_back_the_run_and_each_sends_its_frame(worker, frames):
    reference = RunConfig().build_trainer()
    worker.run_command(("load", (RunConfig().build_trainer(), 7, 100)))
    worker.run_command(("step", ()))
    worker.run_command(("step", ()))
    worker.run_command(("step_back", ()))
    first, *_, last = frames
    assert first.restarted and first.generation == 7 and first.snapshot.step == 0
    assert last.restarted and last.state is RunState.PAUSED   # stepping back rewrites the history
    assert last.snapshot == reference.step()


def test_live_settings_reach_the_run_and_a_new_epoch_limit_can_finish_it(worker, frames):
    worker.run_command(("load", (RunConfig().build_trainer(), 1, 100)))
    worker.run_command(("set_live", (0.05, 0.01, 100)))
    worker.run_command(("step", ()))
    assert frames[-1].snapshot == RunConfig(lr=0.05).build_trainer().step()
    worker.run_command(("step_epoch", ()))
    worker.run_command(("set_live", (0.05, 0.01, 1)))   # one epoch, which the run has made
    assert frames[-1].state is RunState.FINISHED


def test_a_command_the_worker_does_not_have_is_an_error_not_a_silent_no(worker):
    with pytest.raises(KeyError):
        worker.run_command(("fly", ()))

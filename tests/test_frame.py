"""Frames made in the core: each carries the record's rows since the frame before, smoothed on from there."""
import numpy as np

from beanlab.core import LOSS_SMOOTHING, FrameMaker, RunConfig, RunState, ema


def test_frames_cut_the_record_into_consecutive_pieces_and_smooth_it_as_one():
    trainer = RunConfig().build_trainer()
    frames = FrameMaker(generation=3)
    made = []
    for updates in (0, 1, 7, 0, 30):
        trainer.run(updates)
        rows = trainer.history.rows_from(frames.next_update)
        made.append(frames.make_frame(trainer.snapshot(), RunState.PLAYING, *rows))
    assert [frame.restarted for frame in made] == [True, False, False, False, False]
    assert all(frame.generation == 3 and frame.state is RunState.PLAYING for frame in made)
    assert np.array_equal(np.concatenate([f.updates for f in made]), np.arange(39))
    loss = trainer.history.loss
    np.testing.assert_array_equal(np.concatenate([f.loss for f in made]), loss)
    np.testing.assert_allclose(np.concatenate([f.smoothed_loss for f in made]), ema(loss, LOSS_SMOOTHING),
                               rtol=1e-12)


def test_after_a_restart_the_next_frame_starts_the_history_again():
    trainer = RunConfig().build_trainer()
    frames = FrameMaker()
    frames.make_frame(trainer.snapshot(), RunState.PAUSED, *trainer.history.rows_from(0))
    trainer.run(5)
    trainer.reset()
    frames.restart()
    frame = frames.make_frame(trainer.snapshot(), "paused", *trainer.history.rows_from(frames.next_update))
    assert frame.restarted and list(frame.updates) == [0] and frame.state is RunState.PAUSED
    assert frame.smoothed_loss[0] == frame.loss[0]   # smoothing starts again from the first loss

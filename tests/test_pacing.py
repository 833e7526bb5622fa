"""The worker's pacing on its own: a clock that the test turns by hand, no thread, no Qt."""
import pytest

from beanlab.core import Pacing, RunState
from beanlab.core.pacing import CATCH_UP_S, FRAME_INTERVAL_S, LARGEST_CHUNK, SMALLEST_CHUNK


def pacing(speed=0.0, epochs=100, per_epoch=10):
    paced = Pacing(speed, epochs)
    paced.updates_per_epoch = per_epoch
    return paced


def test_a_slow_run_owes_speed_times_elapsed_and_carries_the_fractions():
    paced = pacing(speed=30)
    paced.start(now=0.0)
    ticks = [i * FRAME_INTERVAL_S for i in range(1, 64)]   # about a second of 60 Hz ticks
    made = [paced.due(now, step=0) for now in ticks]
    assert all(due in (0, 1) for due in made)            # half an update a tick: one every other tick
    assert sum(made) == int(30 * ticks[-1] + 1e-9)         # nothing lost to rounding over the second


def test_after_a_stall_a_slow_run_catches_up_a_quarter_second_at_most():
    paced = pacing(speed=1_000)
    paced.start(now=0.0)
    assert paced.due(now=5.0, step=0) == int(1_000 * CATCH_UP_S + 1)


def test_a_new_speed_or_a_new_start_forgets_what_was_owed():
    paced = pacing(speed=10)
    paced.start(now=0.0)
    assert paced.due(now=0.05, step=0) == 0               # half an update owed
    paced.set_speed(10)
    assert paced.due(now=0.1, step=0) == 0                # the half was forgotten: half again
    paced.start(now=1.0)
    assert paced.due(now=1.05, step=0) == 0


def test_no_update_is_due_past_the_epoch_limit_or_the_play_until_update():
    paced = pacing(speed=1_000, epochs=2, per_epoch=10)
    paced.start(now=0.0)
    assert paced.due(now=1.0, step=15) == 5               # the limit is update 20
    paced.stop_at = 17
    paced.start(now=0.0)
    assert paced.due(now=1.0, step=15) == 2
    assert paced.next_chunk(step=15) == 2


@pytest.mark.parametrize("took, grows", [(0.0001, True), (0.001, None), (0.01, False)])
def test_the_full_speed_chunk_tends_to_about_a_millisecond(took, grows):
    paced = pacing()
    before = paced.chunk
    paced.chunk_took(took)
    assert (paced.chunk > before) if grows else (paced.chunk < before) if grows is False else paced.chunk == before


def test_the_chunk_stays_within_its_bounds():
    paced = pacing()
    for _ in range(40):
        paced.chunk_took(0.0)
    assert paced.chunk == LARGEST_CHUNK
    for _ in range(40):
        paced.chunk_took(1.0)
    assert paced.chunk == SMALLEST_CHUNK


def test_the_next_tick_comes_one_frame_interval_after_the_last():
    paced = pacing(speed=100)
    paced.start(now=2.0)
    assert paced.wait_s(now=2.0) == pytest.approx(FRAME_INTERVAL_S)
    assert paced.wait_s(now=2.0 + 2 * FRAME_INTERVAL_S) < 0   # late: due at once


@pytest.mark.parametrize("step, diverged, playing, stop_at, state", [
    (5, False, True, None, RunState.PLAYING),
    (5, False, False, None, RunState.PAUSED),
    (5, True, True, None, RunState.DIVERGED),
    (20, False, True, None, RunState.FINISHED),    # two epochs of ten: the limit
    (20, True, False, None, RunState.DIVERGED),    # diverged says more than finished
    (7, False, True, 7, RunState.PAUSED),          # play_until's update reached
])
def test_the_state_says_why_a_run_stopped(step, diverged, playing, stop_at, state):
    paced = pacing(epochs=2, per_epoch=10)
    paced.stop_at = stop_at
    assert paced.state_at(step, diverged, playing) is state


# -- a lesson's plan ---------------------------------------------------------------------------
from beanlab.core import Phase, Plan  # noqa: E402
from beanlab.core.pacing import PROMISE_CHECK_EVERY  # noqa: E402


def test_a_plan_gives_each_update_its_phase_speed():
    plan = Plan.of((2, 20), (0, 100), 30)
    assert [plan.speed_at(step) for step in (0, 19, 20, 99, 100, 10_000)] == [2, 2, 0, 0, 30, 30]
    assert plan.first_speed == 2 and Plan.steady(5).phases == (Phase(5),)


@pytest.mark.parametrize("phases", [(), (Phase(2, 10),), (Phase(2, 10), Phase(3, 5), Phase(1)),
                                    (Phase(2, 0), Phase(1)), (Phase(-1),)])
def test_a_plan_that_does_not_make_sense_is_refused(phases):
    with pytest.raises(ValueError):
        Plan(phases)


def test_a_plan_knows_how_long_it_takes_to_reach_an_update():
    plan = Plan.of((2, 20), (0, 1_020), 30)
    assert plan.seconds_to(10, fast_forward_rate=1_000) == pytest.approx(5)
    assert plan.seconds_to(1_050, fast_forward_rate=1_000) == pytest.approx(10 + 1 + 1)


def test_pacing_follows_the_plan_and_never_runs_a_slow_phase_past_its_end():
    paced = pacing(epochs=1_000)
    paced.set_plan(Plan.of((100, 20), 1_000))
    assert paced.speed == 100 and not paced.full_speed
    paced.start(now=0.0)
    assert paced.due(now=1.0, step=15) == 5            # 25 owed (a quarter second's catch-up), 5 left in the phase
    paced.follow(20)
    assert paced.speed == 1_000


def test_a_fast_forward_phase_trains_in_chunks_that_stop_where_the_plan_slows_down():
    paced = pacing(epochs=1_000)
    paced.set_plan(Plan.of((0, 300), 10))
    assert paced.full_speed and paced.fast_forward
    assert paced.chunk > 100   # (the first chunk)
    assert paced.next_chunk(step=200) == 100 and paced.next_chunk(step=250) == 50
    assert not paced.plan_changes_speed(299) and paced.plan_changes_speed(300)


def test_the_teachers_speed_overrides_the_plan_until_a_new_plan():
    paced = pacing(epochs=1_000)
    paced.set_plan(Plan.of((2, 20), 30))
    paced.set_speed(0)
    paced.follow(5)
    assert paced.full_speed and not paced.fast_forward   # the slider's full speed is not a plan's fast-forward
    assert not paced.plan_changes_speed(20)
    paced.set_plan(Plan.steady(10))
    assert paced.speed == 10 and paced.chosen is None


def test_skipping_ahead_fast_forwards_in_small_chunks_and_then_the_plan_resumes():
    paced = pacing(epochs=1_000)
    paced.set_plan(Plan.steady(10))
    paced.skipping = True
    paced.follow(0)
    assert paced.full_speed and paced.fast_forward
    assert paced.next_chunk(step=0) == min(paced.chunk, PROMISE_CHECK_EVERY)
    paced.skipping = False
    paced.follow(500)
    assert paced.speed == 10

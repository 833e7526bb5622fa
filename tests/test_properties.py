"""Property: any finite beans and valid settings train without an exception, finite or diverged."""
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from beanlab.core import Beans, Trainer, make_model, make_optimizer

finite = st.floats(allow_nan=False, allow_infinity=False, width=64)


@settings(max_examples=200, deadline=None)
@given(data=st.lists(st.tuples(finite, finite), min_size=1, max_size=30),
       model=st.sampled_from(["wx", "wx+b"]),
       optimizer=st.sampled_from(["sgd", "minibatch", "batch", "fixed-step"]),
       lr=st.floats(min_value=1e-6, max_value=100), batch_size=st.integers(1, 40),
       order=st.sampled_from(["sequential", "shuffle"]), init=finite, updates=st.integers(0, 300))
def test_training_never_raises_and_ends_finite_or_diverged(data, model, optimizer, lr, batch_size, order,
                                                            init, updates):
    x, y = np.array(data).T
    opt = make_optimizer(optimizer, lr=lr, step=lr, batch_size=batch_size)
    trainer = Trainer(Beans(x, y), make_model(model), opt, order=order, init=init, seed=1)
    snap = trainer.run(updates)
    assert np.all(np.isfinite(snap.params))
    assert snap.diverged or (np.isfinite(snap.loss) and snap.step == updates)
    assert len(trainer.history) == snap.step + 1

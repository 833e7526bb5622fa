"""Record the lesson-9 reference: the course's Keras network trained from BeanLab's start.

    pip install keras jax jaxlib        # in a venv of its own; BeanLab's tests need neither
    KERAS_BACKEND=jax python tests/reference/make_lesson9_keras.py

The course's model: Dense(8, relu) ×3 → Dense(1, sigmoid) on the 100 spiral beans, mean squared error,
plain SGD at 0.05, batches of 10 in order (shuffle=False), here in float64. BeanLab's starting weights
(seed 0) are loaded into it, and the weights after updates 1, 10, 100 and 1,000 are written to
``lesson9_keras.npz`` beside this script, flattened in BeanLab's order (W1, b1, W2, b2 …: a Dense
kernel's rows are its inputs, as BeanLab's weight matrices). tests/test_deep_network.py compares.

Keras 3 on JAX takes ``ops.mean`` in float32 even with floatx float64, so the loss is summed per bean
and averaged by the batch size in float64 here, not through ``ops.mean``.
"""
import os
import pathlib

import numpy as np

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("JAX_ENABLE_X64", "1")   # else JAX keeps float32 whatever floatx says
import keras  # noqa: E402

from beanlab.core import RunConfig  # noqa: E402

RECORDED = (1, 10, 100, 1000)
HERE = pathlib.Path(__file__).parent


def main() -> None:
    keras.config.set_floatx("float64")
    config = RunConfig(dataset="spiral", model="deep-relu", optimizer="minibatch", lr=0.05, batch_size=10)
    beans = config.make_beans()
    trainer = config.build_trainer(beans)
    start = trainer.init
    model = keras.Sequential([keras.Input((2,), dtype="float64"),
                              *(keras.layers.Dense(8, activation="relu") for _ in range(3)),
                              keras.layers.Dense(1, activation="sigmoid")])
    layers = trainer.model.layers(start)
    model.set_weights([part for weights, bias in layers for part in (weights, bias)])

    def squared_error(y, a):   # per bean; Keras averages over the batch ("sum_over_batch_size")
        return keras.ops.sum(keras.ops.square(keras.ops.cast(y, "float64") - a), axis=-1)

    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05), loss=squared_error)
    rows = {}
    for update in range(1, max(RECORDED) + 1):   # as fit(batch_size=10, shuffle=False): batches in turn
        first = (update - 1) * 10 % len(beans)
        model.train_on_batch(beans.x[first:first + 10], beans.y[first:first + 10].reshape(-1, 1))
        if update in RECORDED:
            rows[update] = np.concatenate([w.ravel() for w in model.get_weights()])
    np.savez(HERE / "lesson9_keras.npz", updates=np.array(RECORDED), start=start,
             params=np.array([rows[u] for u in RECORDED]))
    print(f"wrote {HERE / 'lesson9_keras.npz'}: updates {RECORDED}, {len(start)} parameters")


if __name__ == "__main__":
    main()

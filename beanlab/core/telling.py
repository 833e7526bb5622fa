"""The sentences that tell an update of a model, as templates marked for translation.

Each model class names the telling that suits it (``Model.telling``): the course's lines speak of
ŷ and of one bean's x, the neurons of a and of backpropagation; a model that names none is told
with the general sentences. The explanation (explain.py) fills them in with the update's numbers.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..i18n import N_


@dataclass(frozen=True)
class Telling:
    bean: str            # one bean's update: {update}, {index}, {x} (its first feature), {values}, {y}
    prediction: str      # {formula}, {prediction}, {error}
    mean_error: str      # several beans: {update}, {beans}, {error}
    pick_bean: str       # stage 1, one bean: as ``bean``
    predicts: str        # stage 1, one bean: as ``prediction``
    slopes: str          # the slopes as numbers, when the model writes no formula for them: {slopes}
    slopes_stage: str    # stage 2's heading then: {update}
    for_each_bean: str | None = None   # several beans: how each is predicted, {formula}


GENERAL = Telling(
    bean=N_("Update {update:,} · bean {index}: {values}, y = {y:.4g}."),
    prediction=N_("Prediction ŷ = {formula} = {prediction:.4f};  error ŷ − y = {error:+.4f}."),
    mean_error=N_("Update {update:,} · {beans}: mean error ŷ − y = {error:+.4f}."),
    pick_bean=N_("Stage 1 of 3 · update {update:,}: pick bean {index}: {values}, y = {y:.4g}."),
    predicts=N_("The model predicts ŷ = {formula} = {prediction:.4f}; error ŷ − y = {error:+.4f}."),
    slopes=N_("Slopes: {slopes}."),
    slopes_stage=N_("Stage 2 of 3 · update {update:,}: the slopes:"),
    for_each_bean=N_("Prediction ŷ = {formula}, for each bean."),
)

# the straight lines of lessons 1–4, told as course.md tells them
LINE = Telling(
    bean=N_("Update {update:,} · bean {index}: x = {x:.4f}, y = {y:.4f}."),
    prediction=GENERAL.prediction,
    mean_error=GENERAL.mean_error,
    pick_bean=N_("Stage 1 of 3 · update {update:,}: pick bean {index}: x = {x:.4f}, y = {y:.4f}."),
    predicts=N_("The line predicts ŷ = {formula} = {prediction:.4f}; error ŷ − y = {error:+.4f}."),
    slopes=GENERAL.slopes,
    slopes_stage=GENERAL.slopes_stage,
)

# the sigmoid neurons and the network of lessons 5–8
NEURON = Telling(
    bean=GENERAL.bean,
    prediction=N_("Prediction a = {formula} = {prediction:.4f};  error a − y = {error:+.4f}."),
    mean_error=N_("Update {update:,} · {beans}: mean error a − y = {error:+.4f}."),
    pick_bean=GENERAL.pick_bean,
    predicts=N_("The neuron predicts a = {formula} = {prediction:.4f}; error a − y = {error:+.4f}."),
    slopes=N_("Slopes by backpropagation: {slopes}."),
    slopes_stage=N_("Stage 2 of 3 · update {update:,}: the slopes, by backpropagation through σ:"),
    for_each_bean=N_("Prediction a = {formula}, for each bean."),
)

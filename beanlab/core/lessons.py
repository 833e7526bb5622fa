"""The course's bean lessons as presets (and three beyond it): the run to load, the plots to show, and
what to watch."""
from __future__ import annotations

from dataclasses import dataclass

from ..i18n import N_, tr
from .run_config import RunConfig
from .views import LANDSCAPE_VIEWS, SHOWN_FIRST, VIEWS  # noqa: F401  (LANDSCAPE_VIEWS: for the landscape menu)

ALL_VIEWS = SHOWN_FIRST   # what a lesson shows unless it chooses (the network diagram is for lessons 5–8)


@dataclass(frozen=True)
class Lesson:
    number: int
    title: str                   # in English, marked for translation: show tr(title)
    caption: str                 # two lines: the idea, then what to watch (show tr(caption))
    config: RunConfig
    views: tuple[str, ...] = ALL_VIEWS   # the 2–4 that tell its story, the first shown largest
    course: bool = True          # one of the course's lessons; False: a preset beyond it

    def __post_init__(self) -> None:
        unknown = set(self.views) - set(VIEWS)
        if unknown:
            raise ValueError(f"lesson {self.number} shows unknown view(s): {', '.join(sorted(unknown))}")

    @property
    def menu_text(self) -> str:
        if not self.course:
            return tr(self.title)
        return tr("Lesson {number}: {title}").format(number=self.number, title=tr(self.title))


LESSONS = {
    1: Lesson(1, N_("the perceptron's rule"),
              N_("Lesson 1: each bean nudges w by α·e·x. A prediction too low (e > 0) raises w, too high lowers it.\n"
              "Watch the line swing towards the beans, one bean at a time, with no cost and no slope."),
              RunConfig(dataset="line", model="wx", optimizer="rosenblatt", lr=0.05, epochs=100, init=(0.5,)),
              ("scatter", "cost", "loss")),
    2: Lesson(2, N_("the cost of a guess"),
              N_("Lesson 2: each try sets w and measures the mean squared error over all the beans (exhaustive search).\n"
              "Watch the ball trace the cost curve e(w); the last step jumps to its bottom, worked out exactly."),
              RunConfig(dataset="line", model="wx", optimizer="sweep", epochs=31, init=(0.0,)),
              ("cost", "scatter")),
    3: Lesson(3, N_("gradient descent"),
              N_("Lesson 3: the slope tells w which way to go: each bean moves w against its slope, times α.\n"
              "Watch the tangent flatten as w reaches the bottom of the cost curve."),
              RunConfig(dataset="line", model="wx", optimizer="sgd", lr=0.1, epochs=100, init=(0.1,)),
              ("cost", "scatter", "loss")),
    4: Lesson(4, N_("two parameters, a bowl"),
              N_("Lesson 4: w and b each move against their own slope, both from the same bean, together.\n"
              "Watch the path bend down the long valley of the bowl to the optimum."),
              RunConfig(dataset="line-bias", model="wx+b", optimizer="sgd", lr=0.01, epochs=500, init=(0.1, 0.1)),
              ("scatter", "contour", "cost")),
    5: Lesson(5, N_("an activation function"),
              N_("Lesson 5: a = σ(w·x + b) squeezes the line into an S: toxic (1) or not (0), with a soft step between.\n"
              "Watch the S slide and steepen until its step sits where the beans turn toxic."),
              RunConfig(dataset="threshold", model="sigmoid", optimizer="sgd", lr=0.05, epochs=5000, init=(0.1, 0.1)),
              ("scatter", "contour", "loss")),
    6: Lesson(6, N_("a hidden layer"),
              N_("Lesson 6: two hidden neurons, each an S, added by an output neuron: a bump, for medium beans.\n"
              "Without σ the layers would add up to one straight line, however many. Watch the bump form."),
              RunConfig(dataset="window", model="net", optimizer="sgd", lr=0.03, epochs=5000),
              ("scatter", "network", "loss")),
    7: Lesson(7, N_("two features"),
              N_("Lesson 7: size and colour depth together: a = σ(w1·x1 + w2·x2 + b), a plane bent into an S.\n"
              "Watch the boundary line turn until it parts the toxic beans from the rest."),
              RunConfig(dataset="plane", model="plane", optimizer="sgd", lr=0.01, epochs=500, init=(0.1, 0.1, 0.1)),
              ("scatter", "beans3d", "loss")),
    8: Lesson(8, N_("mini-batches and Adam"),
              N_("Lesson 8: two toxic windows need more hidden neurons; Keras-style mini-batches of 10 and Adam train them.\n"
              "Watch two bumps form. (Plain SGD at 0.05 stalls here: try it under Gradient descent.)"),
              RunConfig(dataset="two-windows", model="net", hidden=8, optimizer="adam", lr=0.05, batch_size=10,
                        epochs=3000),
              ("scatter", "network", "loss")),
    # beyond the course: what the study notes go on to (the textbook, saddles, local minima)
    9: Lesson(9, N_("Saddle point"),
              N_("A saddle, f = w² − b² + b⁴/2: from (1, 0) the slope along b is exactly zero, so plain descent "
                 "rolls to the centre, f = 0, and stops.\nRaise the gradient noise (Gradient descent) and watch the "
                 "path slip off the ridge into a valley, f = −1/2."),
              RunConfig(landscape="saddle", optimizer="batch", lr=0.1, epochs=2000, init=(1.0, 0.0)),
              ("contour", "surface", "cost"), course=False),
    10: Lesson(10, N_("Local minimum"),
               N_("Two wells, f = (w² − 1)² + 0.3·w + b²: from the right, descent settles in the shallow well "
                  "(f ≈ 0.29), not the deeper one on the left (f ≈ −0.31).\nWatch it stop in the nearer well: a "
                  "slope of zero does not mean the lowest point."),
               RunConfig(landscape="two-wells", optimizer="batch", lr=0.05, epochs=500, init=(1.5, 0.8)),
               ("contour", "surface", "cost"), course=False),
    11: Lesson(11, N_("Textbook linear regression"),
               N_("The textbook's first model, ŷ = w1·x1 + w2·x2 + b, on 1,000 samples of y = 2·x1 − 3.4·x2 + 4.2 "
                  "+ noise: mini-batches of 10, learning rate 0.03, shuffled.\nWatch w1, w2 and b reach 2, −3.4 and "
                  "4.2 within three epochs."),
               RunConfig(dataset="d2l", n=1000, model="plane-linear", optimizer="minibatch", batch_size=10, lr=0.03,
                         epochs=3, order="shuffle", init=(0.0, 0.0, 0.0)),
               ("beans3d", "contour", "loss"), course=False),
}


def lesson(number: int) -> Lesson:
    """The preset of lesson ``number``; ValueError naming the lessons there are."""
    if number not in LESSONS:
        raise ValueError(tr("there is no lesson {number}; BeanLab has lessons {lessons}").format(
            number=number, lessons=", ".join(map(str, LESSONS))))
    return LESSONS[number]

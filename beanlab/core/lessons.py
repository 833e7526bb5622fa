"""The course's bean lessons as presets (and three beyond it): the run to load, the plots to show, and
what to watch."""
from __future__ import annotations

from dataclasses import dataclass

from ..i18n import N_, tr
from .landscape_models import TERRAINS
from .pacing import Plan
from .promises import Promise, at_point, below, classified, finished_at_lowest, near, near_lowest, stalled
from .predictions import Question, WhatWillTheRunDo, WhereWillTheBallBe, WhereWillTheLineBe
from .run_config import RunConfig
from .views import LANDSCAPE_VIEWS, SHOWN_FIRST, VIEWS  # noqa: F401  (LANDSCAPE_VIEWS: for the landscape menu)

ALL_VIEWS = SHOWN_FIRST   # what free play shows, and a lesson unless it chooses (views.py says why these three)


# The caption with no lesson chosen: the projector view always says what the screen is for.
FREE_PLAY_CAPTION = N_("Free play: no lesson chosen. Space plays, → steps one update.\n"
                       "A lesson from the Lessons menu (Ctrl+1 … Ctrl+9) sets its own beans, views and pace.")


@dataclass(frozen=True)
class Lesson:
    number: int
    title: str                   # in English, marked for translation: show tr(title)
    caption: str                 # two lines: the idea, then what to watch (show tr(caption))
    config: RunConfig
    views: tuple[str, ...] = ALL_VIEWS   # the 2–4 that tell its story, the first shown largest
    course: bool = True          # one of the course's lessons; False: a preset beyond it
    pace: Plan = Plan.steady(100)   # how fast it plays until the teacher chooses (see pacing.Plan)
    promise: Promise | None = None  # what the caption promises, as a test on the run's numbers
    questions: tuple[Question, ...] = ()   # predict, then watch: asked in this order (see predictions.py)

    def __post_init__(self) -> None:
        unknown = set(self.views) - set(VIEWS)
        if unknown:
            raise ValueError(f"lesson {self.number} shows unknown view(s): {', '.join(sorted(unknown))}")

    def promise_applies_to(self, config: RunConfig) -> bool:
        """Whether the promise can be looked for in a run of ``config``: the lesson's data and model
        (the teacher may have changed its learning rate, optimizer or epochs)."""
        mine = self.config
        return self.promise is not None and (config.dataset, config.model, config.hidden, config.landscape) == (
            mine.dataset, mine.model, mine.hidden, mine.landscape)

    @property
    def menu_text(self) -> str:
        if not self.course:
            return tr(self.title)
        return tr("Lesson {number}: {title}").format(number=self.number, title=tr(self.title))


# asked with whatever learning rate the teacher has set: try it again after changing the rate
FATE_QUESTION = N_("Predict: with this learning rate, what will the run do by the end of this epoch? Choose one.")

LESSONS = {
    1: Lesson(1, N_("the perceptron's rule"),
              N_("Lesson 1: each bean nudges w by α·e·x, with the error e = y − ŷ: too low a prediction (e > 0) raises w, "
                 "too high lowers it. (The perceptron's sign: from lesson 3 on the error is ŷ − y, and moves subtract.)\n"
                 "Watch the line swing towards the beans, one bean at a time. The rule needs no slope; the cost "
                 "curve E(w) beside it shows where the nudges lead."),
              RunConfig(dataset="line", model="wx", optimizer="rosenblatt", lr=0.05, epochs=100, init=(0.5,)),
              ("scatter", "cost"),   # two views, large: the caption's line and cost curve, nothing else
              pace=Plan.of((5, 20), 30),
              promise=Promise(N_("the line on the beans"), near_lowest(0.05)),
              questions=(WhereWillTheBallBe(N_("Predict: where will the ball be after this epoch (100 beans)? "
                                               "Click on the cost curve E(w)."), updates=0),
                         WhatWillTheRunDo(FATE_QUESTION, updates=0))),
    2: Lesson(2, N_("the cost of a guess"),
              N_("Lesson 2: each try sets w and measures the cost E, the mean squared error over all the beans "
                 "(exhaustive search).\nWatch the ball trace the cost curve E(w); the last step jumps to its bottom, "
                 "worked out exactly."),
              RunConfig(dataset="line", model="wx", optimizer="sweep", epochs=31, init=(0.0,)),
              ("cost", "scatter"),
              pace=Plan.steady(2),   # a try every half second: time to say what each one measures
              promise=Promise(N_("the bottom of the cost curve"), finished_at_lowest)),
    3: Lesson(3, N_("gradient descent"),
              N_("Lesson 3: the slope tells w which way to go: each bean moves w against this bean's slope ∂e/∂w, times "
                 "α (e: this bean's squared error; E: the cost of all the beans, whose slope ∂E/∂w is the green "
                 "tangent).\nWatch the tangent flatten as w reaches the bottom of the cost curve."),
              RunConfig(dataset="line", model="wx", optimizer="sgd", lr=0.1, epochs=100, init=(0.1,)),
              ("cost", "scatter", "loss"),
              pace=Plan.of((2, 20), 30),   # the first 20 beans one by one, then faster
              promise=Promise(N_("the tangent flat at the bottom"), near_lowest(0.02)),
              questions=(WhereWillTheBallBe(N_("Predict: where will the ball be after the next update? "
                                               "Click on the cost curve E(w)."), updates=1),
                         WhereWillTheBallBe(N_("Predict: where will the ball be 10 updates later? "
                                               "Click on the cost curve E(w)."), updates=10),
                         WhatWillTheRunDo(FATE_QUESTION, updates=0))),
    4: Lesson(4, N_("two parameters, a bowl"),
              N_("Lesson 4: w and b each move against their own slope, both from the same bean, together.\n"
              "Watch the path bend down the long valley of the bowl to the optimum."),
              RunConfig(dataset="line-bias", model="wx+b", optimizer="sgd", lr=0.01, epochs=500, init=(0.1, 0.1)),
              ("scatter", "contour", "cost"),
              pace=Plan.steady(300),
              promise=Promise(N_("the optimum of the bowl"), near_lowest(0.03)),
              questions=(WhereWillTheLineBe(N_("Predict: where will the line be after this epoch (100 beans)? "
                                               "Drag either end of the line."), updates=0),
                         WhereWillTheBallBe(N_("Predict: where will w be after 10 updates? Click on the cut "
                                               "E(w | b)."), updates=10),
                         WhatWillTheRunDo(FATE_QUESTION, updates=0))),
    5: Lesson(5, N_("an activation function"),
              N_("Lesson 5: a = σ(w·x + b) squeezes the line into an S: toxic (1) or not (0), with a soft step between.\n"
              "Watch the S slide and steepen until its step sits where the beans turn toxic."),
              RunConfig(dataset="threshold", model="sigmoid", optimizer="sgd", lr=0.05, epochs=5000, init=(0.1, 0.1)),
              ("scatter", "contour", "loss"),
              # one bean of 100 may stay wrong: the data's label noise puts it at the threshold
              pace=Plan.steady(1_000),
              promise=Promise(N_("the S in place"), classified(at_most_wrong=1, loss_below=0.06))),
    6: Lesson(6, N_("a hidden layer"),
              N_("Lesson 6: two hidden neurons, each an S, added by an output neuron: a bump, for medium beans.\n"
              "Without σ the layers would add up to one straight line, however many. Watch the bump form."),
              RunConfig(dataset="window", model="net", optimizer="sgd", lr=0.03, epochs=5000),
              ("scatter", "network"),   # the bump and the two neurons that make it, both large
              # the first 30,000 updates only tilt a step: fast-forward, then watch the bump form
              pace=Plan.of((0, 30_000), 3_000),
              promise=Promise(N_("the bump"), classified(at_most_wrong=5, bumps=1))),
    7: Lesson(7, N_("two features"),
              N_("Lesson 7: size and colour depth together: a = σ(w1·x1 + w2·x2 + b), a plane bent into an S.\n"
              "Watch the boundary line turn until it parts the toxic beans from the rest."),
              RunConfig(dataset="plane", model="plane", optimizer="sgd", lr=0.01, epochs=500, init=(0.1, 0.1, 0.1)),
              ("scatter", "beans3d", "loss"),
              # at the course's rate 0.01 one bean stays wrong for 10,000 epochs: it lies 0.004 from the true line
              pace=Plan.steady(1_000),
              promise=Promise(N_("the boundary parting the beans"), classified(at_most_wrong=1))),
    8: Lesson(8, N_("mini-batches and Adam"),
              N_("Lesson 8: two toxic windows need more hidden neurons; Keras-style mini-batches of 10 and Adam train them.\n"
              "Watch two bumps form. (Plain SGD at 0.05 stalls here: try it under Gradient descent.)"),
              RunConfig(dataset="two-windows", model="net", hidden=8, optimizer="adam", lr=0.05, batch_size=10,
                        epochs=3000),
              ("scatter", "network"),   # eight hidden neurons need the diagram's full height
              # one bump comes soon, the second after ~2,400 epochs: fast-forward, then watch it form
              pace=Plan.of((0, 15_000), 1_000),
              promise=Promise(N_("two bumps"), classified(at_most_wrong=5, bumps=2))),
    9: Lesson(9, N_("deep learning"),
              N_("Lesson 9: no straight line parts the two arms of the \"mosquito coil\"; three hidden layers of 8 ReLU "
                 "neurons bend a boundary round them (mini-batches of 10, SGD at 0.05, as the course's Keras model).\n"
                 "Watch the shaded map wind into the spiral, and inside each neuron what it sees of the plane, "
                 "layer by layer."),
              RunConfig(dataset="spiral", model="deep-relu", optimizer="minibatch", lr=0.05, batch_size=10,
                        epochs=5000),
              # the map the network draws; each neuron's own map on the diagram (its 177 weights, faint, behind
              # them); each layer's slopes. In a row of three on a projector; the loss is in the readouts
              ("scatter", "network", "layers"),
              # ~10,000 updates wander before the arms part: fast-forward, then watch the last beans fall in
              pace=Plan.of((0, 10_000), 1_000),
              promise=Promise(N_("the spiral parted"), classified(at_most_wrong=5))),
    # beyond the course: what the study notes go on to (the textbook, saddles, local minima)
    # the landscapes carry their own preset and caption (landscape_models.py): the menu sets the same
    10: Lesson(10, N_("Saddle point"), TERRAINS["saddle"].caption, RunConfig().with_landscape("saddle"),
              ("contour", "surface", "cost"), course=False, pace=Plan.steady(10),
              promise=Promise(N_("stuck on the saddle"), at_point((0.0, 0.0), within=0.01, loss=0.0))),
    11: Lesson(11, N_("Local minimum"), TERRAINS["two-wells"].caption, RunConfig().with_landscape("two-wells"),
               ("contour", "surface", "cost"), course=False, pace=Plan.steady(10),
               # the shallow well's bottom: 4w(w² − 1) + 0.3 = 0 at w ≈ 0.9601, f ≈ 0.2941
               promise=Promise(N_("stopped in the shallow well"), at_point((0.9601, 0.0), within=0.01, loss=0.2941))),
    12: Lesson(12, N_("Textbook linear regression"),
               N_("The textbook's first model, ŷ = w1·x1 + w2·x2 + b, on 1,000 samples of y = 2·x1 − 3.4·x2 + 4.2 "
                  "+ noise: mini-batches of 10, learning rate 0.03, shuffled.\nWatch w1, w2 and b reach 2, −3.4 and "
                  "4.2 within three epochs."),
               RunConfig(dataset="d2l", n=1000, model="plane-linear", optimizer="minibatch", batch_size=10, lr=0.03,
                         epochs=3, order="shuffle", init=(0.0, 0.0, 0.0)),
               ("beans3d", "contour", "loss"), course=False, pace=Plan.steady(30),
               promise=Promise(N_("w1, w2 and b at 2, −3.4 and 4.2"), near((2.0, -3.4, 4.2), within=0.02))),
    13: Lesson(13, N_("Escaping a saddle"),
               N_("The saddle again, with gradient noise 0.1 standing in for the noise of stochastic descent.\n"
                  "Watch the path slip off the ridge into a valley, f = −1/2: noise gets past what plain descent cannot."),
               RunConfig(landscape="saddle", optimizer="batch", lr=0.1, epochs=2000, init=(1.0, 0.0), noise=0.1),
               ("contour", "surface", "cost"), course=False, pace=Plan.steady(10),
               promise=Promise(N_("escaped into a valley"), below(-0.45))),
    # lesson 9's story, as the course tells it in TensorFlow Playground: what a network needs, bean set by bean set
    14: Lesson(14, N_("A straight line is enough"),
               N_("Lesson 9's story, 1: lesson 7's beans part along a straight line, so a network with no hidden "
                  "layer, a = σ(w1·x1 + w2·x2 + b), is enough.\n"
                  "Watch the map's edge turn until it parts the beans: one neuron, one straight line."),
               RunConfig(dataset="plane", model="net-2-1", optimizer="adam", lr=0.05, batch_size=10, epochs=300),
               ("scatter", "network", "loss"), course=False, pace=Plan.steady(30),
               # one bean lies 0.004 from the true line (lesson 7): it may stay on the wrong side
               promise=Promise(N_("the beans parted by a straight line"), classified(at_most_wrong=1))),
    15: Lesson(15, N_("A circle: three hidden neurons"),
               N_("Lesson 9's story, 2: toxic beans inside a circle. No straight line parts them, but three "
                  "hidden neurons draw three straight lines, and together they close a loop round the toxic beans.\n"
                  "Watch the three lines in the diagram's circles and the loop they make on the map."),
               RunConfig(dataset="circle", model="net-2-3-1", optimizer="adam", lr=0.05, batch_size=10, epochs=300),
               ("scatter", "network", "loss"), course=False, pace=Plan.steady(100),
               promise=Promise(N_("the circle closed"), classified(at_most_wrong=2))),
    16: Lesson(16, N_("XOR: three hidden neurons"),
               N_("Lesson 9's story, 3: toxic when exactly one of size and colour depth is large (XOR): two opposite "
                  "corners. Three hidden neurons cut the plane so that both corners come out toxic.\n"
                  "Watch the map split into four corners. (Another seed may stick with a corner wrong: try it.)"),
               # seeds 0–2 stick in a local minimum with 8 or more beans wrong for 10,000 updates (a point to
               # make in class, with the seed box); seed 3 finds the four corners within 3,000
               RunConfig(dataset="xor", model="net-2-3-1", optimizer="adam", lr=0.05, batch_size=10, epochs=1000,
                         seed=3),
               ("scatter", "network", "loss"), course=False, pace=Plan.steady(300),
               promise=Promise(N_("the four corners"), classified(at_most_wrong=2))),
    17: Lesson(17, N_("Vanishing gradient"),
               N_("Lesson 9's story, 4: the spiral with three sigmoid layers of 4. Each layer back from the output multiplies "
                  "the slopes by σ′ ≤ 1/4, so the first layer hardly learns and the loss stays a coin toss's 0.25.\n"
                  "Watch the bars: the first layer's slopes some fifty times smaller than the output's. "
                  "Lesson 9's ReLU layers keep them alive."),
               RunConfig(dataset="spiral", model="deep-sigmoid-4", optimizer="minibatch", lr=0.05, batch_size=10,
                         epochs=5000),
               ("scatter", "layers", "loss"), course=False, pace=Plan.steady(1_000),
               promise=Promise(N_("stalled at a coin toss"), stalled(after=5_000, loss_above=0.245))),
    18: Lesson(18, N_("ReLU gets it moving"),
               N_("Lesson 9's story, 5: the spiral with three ReLU layers of 4, the vanishing gradient's network "
                  "with ReLU in place of σ. ReLU's slope is 1 wherever a neuron is on, so the first layer learns.\n"
                  "Watch the bars stay level and the loss leave 0.25; four neurons a layer are too few to part "
                  "every bean: lesson 9's eight are."),
               RunConfig(dataset="spiral", model="deep-relu-4", optimizer="minibatch", lr=0.05, batch_size=10,
                         epochs=5000),
               ("scatter", "layers", "loss"), course=False,
               # the loss leaves the coin toss after ~20,000 updates: fast-forward there, then watch it fall
               pace=Plan.of((0, 20_000), 1_000),
               promise=Promise(N_("the loss moving"), below(0.2))),
    19: Lesson(19, N_("Dead ReLUs"),
               N_("Lesson 9's story, 6: the ReLU network again, with Adam's big first steps. A ReLU pushed below 0 "
                  "for every bean outputs 0 with slope 0, and never learns again.\n"
                  "Watch the bars count the dead ReLUs and the loss freeze at 0.25. The leaky-ReLU network (Model) "
                  "keeps a slope of 0.01 below 0: none dies."),
               RunConfig(dataset="spiral", model="deep-relu-4", optimizer="adam", lr=0.05, batch_size=10, epochs=500),
               ("scatter", "layers", "loss"), course=False, pace=Plan.steady(100),
               # the last hidden layer is dead within 1,000 updates (tests/test_lesson_story.py)
               promise=Promise(N_("frozen by dead ReLUs"), stalled(after=1_000, loss_above=0.245))),
    20: Lesson(20, N_("Without activations"),
               N_("Lesson 9's story, 7: its network with the activations switched off (Model panel): layer after layer "
                  "of weighted sums is still one weighted sum, w1·x1 + w2·x2 + b, however many layers.\n"
                  "Watch the map: one straight edge and some forty beans wrong. Switch the activations on to bend it."),
               RunConfig(dataset="spiral", model="deep-linear", optimizer="minibatch", lr=0.05, batch_size=10,
                         epochs=500),
               ("scatter", "loss"), course=False, pace=Plan.steady(1_000),
               promise=Promise(N_("stuck on a straight line"), stalled(after=3_000, loss_above=0.23))),
}


def lesson(number: int) -> Lesson:
    """The preset of lesson ``number``; ValueError naming the lessons there are."""
    if number not in LESSONS:
        raise ValueError(tr("there is no lesson {number}; BeanLab has lessons {lessons}").format(
            number=number, lessons=", ".join(map(str, LESSONS))))
    return LESSONS[number]

"""The colours every view uses, as plain RGB tuples (no Qt): the window and GIF export share them.

One palette, Okabe and Ito's, told apart with every common colour blindness, and one meaning per
colour across every view:

* blue: a bean (not toxic);  reddish purple: a toxic bean;
* orange: this update: a ring round its bean(s), and its slope ("this bean's slope") on the cost curves;
* vermillion: the model as it learns: the fitted line, the descent path, the ball on the cost;
* bluish green: the slope of the whole cost (the tangent);  grey: where least squares puts it;
* sky blue: the network's weights (solid positive, dashed negative);  black: the loss's moving average;
* yellow edged in black: the class's prediction, drawn beside what the run did.
"""

BEAN = (0, 114, 178)           # blue: beans (not toxic)
TOXIC = (204, 121, 167)        # reddish purple: toxic beans
BEAN_ACTIVE = (230, 159, 0)    # orange: this update's bean(s) and their slope
FIT = (213, 94, 0)             # vermillion: the line being learnt, the descent path, the ball
OPTIMUM = (110, 110, 110)      # grey: where least squares puts it
TANGENT = (0, 158, 115)        # bluish green: the slope of the whole cost
WEIGHT = (86, 180, 233)        # sky blue: a weight of the network
SMOOTH = (0, 0, 0)             # black: the loss's moving average
PREDICTION = (240, 228, 66)    # yellow, edged in black: the class's prediction (predict, then watch)
WHITE = (255, 255, 255)

PLOT_COLOURS = (BEAN, TOXIC, BEAN_ACTIVE, FIT, OPTIMUM, TANGENT, WEIGHT, SMOOTH, PREDICTION)
#: what each colour means, for the test that no colour means two things
MEANINGS = {"bean": BEAN, "toxic": TOXIC, "this update": BEAN_ACTIVE, "model": FIT, "optimum": OPTIMUM,
            "whole cost's slope": TANGENT, "weight": WEIGHT, "moving average": SMOOTH, "prediction": PREDICTION}

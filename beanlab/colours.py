"""The colours every view uses, as plain RGB tuples (no Qt): the window and GIF export share them."""

BEAN = (31, 119, 180)          # blue beans
BEAN_ACTIVE = (255, 127, 14)   # orange: the bean(s) of the current update
FIT = (214, 39, 40)            # red: the line being learnt, the descent path, the ball
OPTIMUM = (120, 120, 120)      # grey: where least squares puts it
TANGENT = (44, 160, 44)        # green tangent: its slope is the partial derivative
SMOOTH = (0, 0, 0)             # black: the loss's moving average
WHITE = (255, 255, 255)

PLOT_COLOURS = (BEAN, BEAN_ACTIVE, FIT, OPTIMUM, TANGENT, SMOOTH)

"""Issue 16: the window fits the screen it is on, for every lesson, preset and landscape, switched in one
session, at 1024×768, 1280×720, 1600×1000 and 1920×1080, in the normal and the projector view, in English
and Chinese. Everything is measured through Qt's geometry: where widgets are, how wide their text is.
"""
import numpy as np
import pyqtgraph as pg
import pytest
from gui_helpers import latest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QFontInfo, QTextDocument
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QLabel, QMenu, QScrollArea

from beanlab.core import LESSONS
from beanlab.core.landscape_models import TERRAINS

SIZES = ((1024, 768), (1280, 720), (1600, 1000), (1920, 1080))
SMALLEST_PX, LARGE_PX = 18, 24   # the projector view's smallest text; the explanation's and readouts'
MIN_DATA_PX = 80   # a plot's data area, either way: the beans or a curve a class can make out
FAST = {((1280, 720), True, "en"), ((1280, 720), True, "zh_CN"), ((1024, 768), False, "en")}
MATRIX = [pytest.param(size, projector, language,
                       marks=() if (size, projector, language) in FAST else pytest.mark.slow,
                       id=f"{size[0]}x{size[1]}-{'projector' if projector else 'normal'}-{language}")
          for size in SIZES for projector in (False, True) for language in ("en", "zh_CN")]


def settle():
    """Let Qt carry out the layouts and resizes it has queued (no waiting for time to pass)."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)
        QApplication.processEvents()


def in_window(window, widget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def inside_a_scroll_area(widget) -> bool:
    """Scrolled content may lie beyond the window: its scroll area shows a part of it."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def shown(window, kind):
    return [w for w in window.findChildren(kind) if w.isVisible() and w.window() is window]


def one_line_text(widget) -> str | None:
    """The text a label or button shows on one line, None for wrapped or empty text."""
    if isinstance(widget, QLabel):
        if widget.wordWrap() or not widget.text():
            return None
        text = widget.text()
        if widget.textFormat() != Qt.TextFormat.PlainText and "<" in text:
            document = QTextDocument()
            document.setHtml(text)
            text = document.toPlainText()
        return None if "\n" in text else text
    return widget.text().replace("&", "") or None


def text_rect_in(plot, text_item) -> QRect:
    """Where a text item's text (not the blank margin round it) lies in its plot widget."""
    margin = text_item.document().documentMargin()
    text_rect = text_item.boundingRect().adjusted(margin, margin, -margin, -margin)
    return plot.mapFromScene(text_item.mapRectToScene(text_rect)).boundingRect()


def problems_of(window, projector: bool) -> list[str]:
    problems = []
    frame = window.rect()
    # 1. nothing reaches outside the window; nothing a scroll area cuts sideways
    for widget in window.findChildren(pg.QtWidgets.QWidget):
        if not widget.isVisible() or widget.window() is not window or inside_a_scroll_area(widget):
            continue
        if not frame.contains(in_window(window, widget)):
            problems.append(f"{type(widget).__name__} {in_window(window, widget)} outside {frame}")
    for scroll in shown(window, QScrollArea):
        if scroll.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff and scroll.widget():
            if scroll.widget().width() > scroll.viewport().width() + 1:
                widest = max((w for w in scroll.widget().findChildren(QLabel) if w.isVisible()),
                             key=lambda w: w.minimumSizeHint().width(), default=None)
                problems.append(f"{type(scroll.widget()).__name__} cut at the right of its scroll area: "
                                f"{scroll.widget().width()} > {scroll.viewport().width()} (widest: "
                                f"“{widest.text() if widest else ''}”)")
    # 2. no one-line label or button wider than its space
    for widget in shown(window, QLabel) + shown(window, QAbstractButton):
        text = one_line_text(widget)
        if text is None:
            continue
        needed = widget.fontMetrics().horizontalAdvance(text)
        room = widget.contentsRect().width() if isinstance(widget, QLabel) else widget.width()
        if needed > room + 1:
            problems.append(f"{type(widget).__name__} “{text}” needs {needed} px, has {room}")
    # 3. plot titles within their plot, and no two titles overlapping
    titles = []
    for plot in shown(window, pg.PlotWidget):
        item = plot.getPlotItem().titleLabel.item
        rect = text_rect_in(plot, item)
        if item.toPlainText() and not plot.rect().adjusted(-1, -1, 1, 1).contains(rect):
            problems.append(f"title “{item.toPlainText()}” {rect} beyond its plot {plot.rect()}")
        titles.append((item.toPlainText(), rect.translated(plot.mapTo(window, QPoint(0, 0)))))
        # text written into the plot (the slopes on the cost slices) stays inside its plot too
        for text_item in (i for i in plot.getPlotItem().items if isinstance(i, pg.TextItem) and i.isVisible()):
            inner = text_item.textItem
            if inner.toPlainText() and not plot.rect().adjusted(-1, -1, 1, 1).contains(text_rect_in(plot, inner)):
                problems.append(f"text “{inner.toPlainText()}” {text_rect_in(plot, inner)} beyond its plot {plot.rect()}")
        # every legend entry inside its plot (a legend row once fell below a short plot's edge)
        legend = plot.getPlotItem().legend
        for _sample, label in (legend.items if legend is not None and legend.isVisible() else ()):
            inner = label.item
            if inner.toPlainText() and not plot.rect().adjusted(-1, -1, 1, 1).contains(text_rect_in(plot, inner)):
                problems.append(f"legend entry “{inner.toPlainText()}” {text_rect_in(plot, inner)} beyond its plot "
                                f"{plot.rect()}")
        # the data keep room to be seen: titles, axes and legend leave the data area at least this much
        box = plot.getPlotItem().vb.rect()
        if box.height() < MIN_DATA_PX or box.width() < MIN_DATA_PX:
            problems.append(f"“{item.toPlainText()}”: data area {box.width():.0f}×{box.height():.0f} px "
                            f"in a {plot.width()}×{plot.height()} plot")
    for label in (view.title for view in (window.surface, window.plots.beans_3d) if view and view.isVisible()):
        titles.append((label.text(), in_window(window, label)))
    for index, (text, rect) in enumerate(titles):
        for other, other_rect in titles[index + 1:]:
            if text and other and rect.intersects(other_rect):
                problems.append(f"titles “{text}” and “{other}” overlap")
    # 4. the explanation readable to its end, the caption whole
    explanation = window.explanation
    scroll, text = explanation.scroll, explanation.text
    needed = text.heightForWidth(scroll.viewport().width())
    if needed > scroll.viewport().height() + scroll.verticalScrollBar().maximum() + 1:
        problems.append(f"the explanation needs {needed} px, its scroll area reaches "
                        f"{scroll.viewport().height() + scroll.verticalScrollBar().maximum()}")
    caption = explanation.caption
    if caption.isVisible() and caption.heightForWidth(caption.width()) > caption.height() + 1:
        problems.append(f"the caption needs {caption.heightForWidth(caption.width())} px, has {caption.height()}")
    if projector:
        problems += projector_problems(window)
    return problems


def projector_problems(window) -> list[str]:
    problems = []
    texts = [w for w in shown(window, QLabel) + shown(window, QAbstractButton) if one_line_text(w) or
             isinstance(w, QLabel) and w.text()]
    for widget in texts + [window.menuBar(), window.statusBar(), *window.findChildren(QMenu)]:
        if QFontInfo(widget.font()).pixelSize() < SMALLEST_PX:
            problems.append(f"{type(widget).__name__} “{getattr(widget, 'text', lambda: '')()}” at "
                            f"{QFontInfo(widget.font()).pixelSize()} px")
    large = [window.explanation.text, *window.readouts.values.values()]
    large += [label for label in window.readouts.findChildren(QLabel)]
    for widget in large:
        if widget.isVisible() and QFontInfo(widget.font()).pixelSize() < LARGE_PX:
            problems.append(f"explanation or readout “{widget.text()[:30]}” at {QFontInfo(widget.font()).pixelSize()} px")
    for plot in shown(window, pg.PlotWidget):
        item = plot.getPlotItem()
        for side in ("bottom", "left"):
            tick = QFontInfo(item.getAxis(side).style["tickFont"]).pixelSize()
            if tick < SMALLEST_PX:
                problems.append(f"tick numbers at {tick} px")
        # a line of text is taller than the font's pixel size: a title or legend line lower than it is smaller
        lines = [item.titleLabel.item]
        if item.legend is not None:
            lines += [label.item for _sample, label in item.legend.items if label.isVisible()]
        for line in lines:
            if line.toPlainText() and line.boundingRect().height() < SMALLEST_PX:
                problems.append(f"“{line.toPlainText()}” {line.boundingRect().height():.0f} px high")
    if window.controls_scroll.width() > 0.2 * window.width() + 2:
        problems.append(f"the readouts' column is {window.controls_scroll.width()} px of {window.width()}")
    strip = window.projector_strip
    if not (strip.isVisible() and strip.speed.isVisible()) or not window.explanation.caption.isVisible():
        problems.append("the projector strip (speed) or the lesson's caption is not on screen")
    return problems


def wait_for_lesson(qtbot, window, number):
    preset = LESSONS[number]
    qtbot.waitUntil(lambda: window.controller.config == preset.config and latest(window).restarted
                    and len(latest(window).snapshot.params) == window.controller.landscape.model.n_params)


def step_once(qtbot, window):
    """One update, so the explanation says a whole update (its longest text)."""
    before = latest(window).snapshot.step
    window.controller.step()
    qtbot.waitUntil(lambda: latest(window).snapshot.step == before + 1)


@pytest.mark.parametrize(("size", "projector", "language"), MATRIX)
def test_every_lesson_fits_the_screen(qtbot, window, size, projector, language):
    window.resize(*size)
    if language != "en":
        window.set_language(language)
    if projector:
        window.view_actions["projector"].trigger()
    found = {}
    step_once(qtbot, window)   # free play first: no lesson chosen yet
    settle()
    found.update({f"free play: {p}": None for p in problems_of(window, projector)})
    # every lesson in one session, lesson 3 before 4 (after which the third plot once ran off the right)
    for number in LESSONS:
        window.lesson_actions[f"lesson{number}"].trigger()
        wait_for_lesson(qtbot, window, number)
        step_once(qtbot, window)
        settle()
        assert window.size().toTuple() == size, "the window grew beyond the screen"
        chosen = [name for name in LESSONS[number].views if window.plots.suits(name)]
        assert [name for name in chosen if window.plots.view(name).isVisible()] == chosen
        found.update({f"lesson {number}: {p}": None for p in problems_of(window, projector)})
    window.lesson_actions["lesson4"].trigger()   # from the beans (the last lessons are landscapes already)
    wait_for_lesson(qtbot, window, 4)
    for terrain in TERRAINS:
        window.landscapes.actions[terrain].trigger()
        qtbot.waitUntil(lambda terrain=terrain: window.controller.config.landscape == terrain
                        and latest(window).restarted)
        step_once(qtbot, window)
        settle()
        found.update({f"landscape {terrain}: {p}": None for p in problems_of(window, projector)})
    assert not found, "\n".join(found)


def test_each_lesson_chooses_two_to_four_views_and_the_others_are_one_click_away(qtbot, window):
    assert all(2 <= len(preset.views) <= 4 for preset in LESSONS.values())
    window.lesson_actions["lesson6"].trigger()
    wait_for_lesson(qtbot, window, 6)
    plots_menu = window.window_menus.plots
    assert {name for name, action in plots_menu.actions.items() if action.isChecked()} == set(LESSONS[6].views)
    plots_menu.actions["cost"].trigger()
    assert window.plots.view("cost").isVisible() and plots_menu.actions["cost"].isChecked()
    plots_menu.actions["cost"].trigger()
    assert not window.plots.view("cost").isVisible()
    window.lesson_actions["lesson4"].trigger()   # the lesson's own layout again
    wait_for_lesson(qtbot, window, 4)
    assert window.plots.shown == LESSONS[4].views


def test_a_too_long_title_is_shortened_with_the_whole_title_as_its_tooltip(qtbot, window):
    window.resize(1024, 768)
    window.lesson_actions["lesson4"].trigger()
    wait_for_lesson(qtbot, window, 4)
    settle()
    titles = {plot: plot.getPlotItem().titleLabel.item.toPlainText() for plot in shown(window, pg.PlotWidget)}
    shortened = [plot for plot, title in titles.items() if plot.toolTip()]
    assert shortened, "at 1024×768 the cost slices' titles do not fit whole"
    for plot in shortened:   # "Cost along w, b held" → "e(w | b)" or "Cost along…": the whole in the tooltip
        shown_title, whole = titles[plot], plot.toolTip()
        assert shown_title != whole and len(shown_title) < len(whole)
        assert shown_title.startswith("E(") or whole.startswith(shown_title.rstrip("…"))
    assert all(not plot.toolTip() for plot, title in titles.items() if plot not in shortened)


def test_dialogs_and_the_race_window_fit_the_screen(qtbot, window):
    available = window.screen().availableGeometry()
    window.open_race()
    race = window.race_window
    qtbot.waitExposed(race)
    assert race.width() <= available.width() and race.height() <= available.height()
    assert available.contains(race.frameGeometry().topLeft())
    dialog = window.window_menus.shortcuts_dialog()
    qtbot.addWidget(dialog)
    assert dialog.height() <= available.height() * 0.9


def test_a_short_log_axis_keeps_its_powers_of_ten_and_drops_the_ticks_between(qtbot):
    """On a plot a few rows high, the 2 … 9 ticks of each decade would crowd into a black bar."""
    from beanlab.gui.plots.loss_plot import MINOR_TICKS_FROM_PX, PowersOfTenAxis

    axis = PowersOfTenAxis("left")
    axis.setLogMode(False, True)

    def ticks(pixels):
        return [value for _spacing, values in axis.tickValues(-3.0, 0.0, pixels) for value in values]

    tall, short = ticks(3 * MINOR_TICKS_FROM_PX * 4), ticks(3 * MINOR_TICKS_FROM_PX // 2)
    assert any(abs(v - round(v)) > 1e-6 for v in tall)        # a tall axis keeps its minor ticks
    assert short and all(abs(v - round(v)) < 1e-6 for v in short)
    # a range with no power of ten in it keeps the ticks it has, or the axis would say nothing
    assert [v for _s, values in axis.tickValues(-0.9, -0.1, 20) for v in values]


def test_a_log_axis_within_one_decade_writes_its_losses(qtbot, window):
    """0.18 … 0.56 holds no power of ten: the ticks there say 0.2, 0.3 …, not nothing."""
    window.load_lesson(6)
    window.loss_plot.plot_widget.setYRange(np.log10(0.18), np.log10(0.56), padding=0)
    settle()
    labels = [text for text in window.loss_plot.axis_labels() if text]
    assert labels and all(0.18 <= float(text) <= 0.56 for text in labels), labels


def test_a_log_axis_over_a_sliver_of_a_decade_writes_round_losses_that_differ(qtbot, window):
    """After one update the loss spans 0.5407 … 0.5444: still numbers on the axis, none written twice."""
    window.load_lesson(3)
    window.loss_plot.plot_widget.setYRange(np.log10(0.5407), np.log10(0.5444), padding=0)
    settle()
    labels = [text for text in window.loss_plot.axis_labels() if text]
    assert len(labels) >= 2 and len(set(labels)) == len(labels), labels
    assert all(0.5407 <= float(text) <= 0.5444 for text in labels), labels


def test_a_short_cost_cut_gives_its_x_label_to_the_data_and_a_tall_one_keeps_it(qtbot, window):
    window.lesson_actions["lesson4"].trigger()
    wait_for_lesson(qtbot, window, 4)

    def cut_labels():
        settle()
        cuts = [plot for plot in shown(window, pg.PlotWidget) if plot.getAxis("bottom").labelText in ("w", "b")
                and plot.getPlotItem().titleLabel.item.toPlainText().startswith(("Cost along", "E(w |", "E(b |"))]
        assert len(cuts) == 2
        return [(plot.height(), plot.getAxis("bottom").label.isVisible()) for plot in cuts]

    window.resize(1600, 1000)
    assert all(visible for _height, visible in cut_labels())
    window.resize(1280, 720)
    window.view_actions["projector"].trigger()   # a row of three: the cuts stacked, each short
    labels = cut_labels()
    assert all(height < 250 and not visible for height, visible in labels), labels
    window.view_actions["projector"].trigger()
    window.resize(1600, 1000)
    assert all(visible for _height, visible in cut_labels())


def test_this_updates_ring_round_a_bean_at_the_plots_edge_is_drawn_whole(qtbot, window):
    """Lesson 4 at 1280×720 in the projector view: the orange ring round this update's bean lies inside
    the beans plot when that bean is the most toxic (at the top) or the largest (at the right edge)."""
    from beanlab.gui.plots.scatter_plot import RING_SIZE, RING_WIDTH
    from beanlab.gui.window_look import PROJECTOR_SCALE
    window.resize(1280, 720)
    window.view_actions["projector"].trigger()
    window.lesson_actions["lesson4"].trigger()
    wait_for_lesson(qtbot, window, 4)
    config = LESSONS[4].config
    trainer = config.build_trainer(config.make_beans())
    sizes, toxicities = trainer.beans.x, trainer.beans.y
    scatter = window.scatter
    reach = round(PROJECTOR_SCALE * (RING_SIZE + RING_WIDTH) / 2)   # the ring's outer edge, from its bean's centre
    for edge_bean in (int(np.argmax(toxicities)), int(np.argmax(sizes))):
        update = next(u for u in range(1, 2 * len(sizes)) if trainer.bean_order.beans_of_update(u)[0] == edge_bean)
        window.controller.play_until(update)
        qtbot.waitUntil(lambda update=update: latest(window).snapshot.step == update)
        settle()
        xs, ys = scatter.highlighted_beans()
        assert [list(xs), list(ys)] == [[sizes[edge_bean]], [toxicities[edge_bean]]]
        plot_area = scatter.mapFromScene(scatter.getViewBox().sceneBoundingRect()).boundingRect()
        centre = scatter.mapFromScene(scatter.getViewBox().mapViewToScene(pg.Point(xs[0], ys[0])))
        ring = QRect(centre - QPoint(reach, reach), centre + QPoint(reach, reach))
        assert plot_area.contains(ring), (edge_bean, ring, plot_area)

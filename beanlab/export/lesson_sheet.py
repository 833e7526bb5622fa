"""A lesson's hand-out (File → Save lesson sheet…): one printable page, as HTML for Qt to lay out.

Its caption; the update's formulas with the run's own numbers (what the explanation panel shows);
the prediction questions, each with a blank box to write the guess in before the class watches; the
challenges to try at home, each with a box to tick. Plain text in, escaped HTML out: no Qt here (the
window's :mod:`beanlab.gui.export.lesson_sheet` prints it to PDF or PNG).
"""
from __future__ import annotations

from html import escape

from ..core.explain import explain_update
from ..i18n import tr

PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297   # A4, what school printers in China and Europe hold
ANSWER_LINES = 4   # blank lines in a guess's box: room for a sketch and a number


def next_update_formulas(trainer) -> list[str]:
    """The next update of ``trainer``'s run told with its numbers (the explanation's sentences); the
    trainer makes that update: give it a copy of the run."""
    before = trainer.params.copy()
    snapshot = trainer.step()
    return list(explain_update(snapshot, before, trainer.beans, trainer.model, trainer.optimizer).lines)


def sheet_html(lesson, formulas: list[str], update: int) -> str:
    """The page for ``lesson`` (in the current language), with ``formulas`` — update number ``update``
    of the run, in words and numbers — under its caption."""
    title = escape(lesson.menu_text)
    parts = [f"<h1>{title}</h1>",
             "".join(f"<p class='caption'>{escape(line)}</p>" for line in tr(lesson.caption).splitlines())]
    if formulas:
        heading = tr("One update with this run's numbers (update {update:,})").format(update=update)
        parts.append(f"<h2>{escape(heading)}</h2>")
        parts.append("<table class='formulas' cellpadding='3'>" + "".join(
            f"<tr><td>{escape(line)}</td></tr>" for line in formulas) + "</table>")
    if lesson.questions:
        parts.append(f"<h2>{escape(tr('Predict, then watch: write your guess before the run moves'))}</h2>")
        for number, question in enumerate(lesson.questions, start=1):
            parts.append(f"<p><b>{number}.</b> {escape(tr(question.prompt))}</p>")
            choices = getattr(question, "choices", ())
            if choices:
                parts.append("<p>" + " &nbsp; ".join(f"☐ {escape(tr(choice))}" for choice in choices) + "</p>")
            else:
                parts.append("<table width='100%' border='1' cellspacing='0'><tr><td>"
                             + "<br>" * ANSWER_LINES + "&nbsp;</td></tr></table>")
    if lesson.challenges:
        parts.append(f"<h2>{escape(tr('Challenges for home: BeanLab checks them (Lessons → Challenges…)'))}</h2>")
        parts.append("".join(f"<p>☐ {escape(tr(challenge.task))}</p>" for challenge in lesson.challenges))
    parts.append(f"<p class='footer'>{escape(tr('BeanLab: gradient descent on beans'))}</p>")
    style = ("<style>h1 { font-size: 20pt; } h2 { font-size: 13pt; margin-top: 14px; } "
             "p, td { font-size: 11pt; } .caption { font-size: 12pt; } .footer { color: #666; font-size: 9pt; }"
             "</style>")
    return f"<html><head>{style}</head><body>{''.join(parts)}</body></html>"

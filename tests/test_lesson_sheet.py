"""File → Save lesson sheet: a printable page with the lesson's caption, its next update in the run's
numbers, the questions with room for a guess, and the challenges; PDF or PNG, written whole or not at all."""
import io

import numpy as np
from gui_helpers import latest
from PIL import Image

from beanlab.core import LESSONS
from beanlab.export.lesson_sheet import next_update_formulas, sheet_html


def test_the_sheet_says_the_caption_the_run_s_numbers_the_questions_and_the_challenges():
    lesson = LESSONS[3]
    trainer = lesson.config.build_trainer()
    formulas = next_update_formulas(trainer)
    html = sheet_html(lesson, formulas, 1)
    reference = lesson.config.build_trainer()
    reference.step()
    assert f"{reference.params[0]:.4f}" in formulas[-1]   # the move, with the run's own number
    for text in (*lesson.caption.splitlines(), *formulas, *(q.prompt for q in lesson.questions),
                 *(c.task for c in lesson.challenges)):
        assert text.replace("'", "&#x27;").replace("<", "&lt;").replace(">", "&gt;") in html
    boxes = sum(question.gesture != "choice" for question in lesson.questions)   # a choice lists its answers instead
    assert boxes >= 2 and html.count("<table width='100%' border='1'") == boxes   # a box for each guess to write


def test_save_the_sheet_as_pdf_and_png(qtbot, window, tmp_path):
    window.load_lesson(4)
    qtbot.waitUntil(lambda: window.controller.config == LESSONS[4].config and latest(window).restarted)
    for name in ("sheet.pdf", "sheet.png"):
        with qtbot.waitSignal(window.sheets.succeeded, timeout=10_000):
            window.sheets.save_sheet(str(tmp_path / name))
    pdf = (tmp_path / "sheet.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and pdf.rstrip().endswith(b"%%EOF")
    picture = Image.open(io.BytesIO((tmp_path / "sheet.png").read_bytes()))
    assert picture.size == (1240, 1754)   # A4 at 150 dpi
    dark = int((np.asarray(picture.convert("L")) < 128).sum())
    assert dark > 20_000   # text on it, not a blank page
    assert latest(window).snapshot.step == 0   # the sheet's update was made on a copy: the run did not move


def test_a_sheet_that_cannot_be_written_is_a_message_and_no_file(qtbot, window, tmp_path):
    window.load_lesson(3)
    qtbot.waitUntil(lambda: latest(window).restarted)
    folder = tmp_path / "a-folder.pdf"
    folder.mkdir()
    with qtbot.waitSignal(window.sheets.failed, timeout=10_000) as failed:
        window.sheets.save_sheet(str(folder))
    assert failed.args[0].startswith(f"Could not save {folder}") and "Nothing was written" in failed.args[0]
    assert list(tmp_path.iterdir()) == [folder] and list(folder.iterdir()) == []


def test_free_play_has_no_sheet(qtbot, window, tmp_path):
    with qtbot.waitSignal(window.sheets.failed) as failed:
        window.sheets.save_sheet(str(tmp_path / "x.pdf"))
    assert "load one first" in failed.args[0] and not (tmp_path / "x.pdf").exists()

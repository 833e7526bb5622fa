"""CSV files as teachers' programs save them: GBK / GB18030 (Excel and WPS on a Chinese Windows),
UTF-16 with a BOM ("Unicode text"), UTF-8 with a BOM; commas, semicolons with decimal commas
(European Excel), tabs; Chinese headers. Each read by the core, by ``beanlab train`` and by the window."""
import codecs
import json

import numpy as np
import pytest
from gui_helpers import latest

from beanlab.cli import main
from beanlab.core import BeanDataError, load_beans_csv, make_dataset, preview_beans_csv

SIZES = np.array([0.12, 0.35, 0.5, 0.81, 0.9, 1.25])
TOXICITIES = np.array([0.2, 0.31, 0.45, 0.62, 0.7, 0.99])

ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8-bom": lambda text: text.encode("utf-8-sig"),
    "utf-16-le": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf-16-be": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "gbk": lambda text: text.encode("gbk"),
    "gb18030": lambda text: text.encode("gb18030"),
}
# (separator, decimal comma)
SEPARATORS = {"comma": (",", False), "semicolon-decimal-comma": (";", True), "semicolon": (";", False),
              "tab": ("\t", False)}
HEADERS = {"chinese": ("大小", "毒性"), "chinese-size": ("尺寸", "毒性"), "english": ("size", "toxicity"),
           "xy": ("x", "y"), "any-names": ("甲", "乙"), "none": None}


def table_text(separator: str, decimal_comma: bool, header, sizes=SIZES, toxicities=TOXICITIES) -> str:
    def number(value: float) -> str:
        return repr(float(value)).replace(".", ",") if decimal_comma else repr(float(value))

    lines = [separator.join(header)] if header else []
    lines += [separator.join((number(a), number(b))) for a, b in zip(sizes, toxicities)]
    return "\r\n".join(lines) + "\r\n"   # as Windows programs end lines


def teacher_file(tmp_path, encoding="gbk", separator="comma", header="chinese", name="豆子.csv"):
    path = tmp_path / name
    path.write_bytes(ENCODINGS[encoding](table_text(*SEPARATORS[separator], HEADERS[header])))
    return path


@pytest.mark.parametrize("header", HEADERS)
@pytest.mark.parametrize("separator", SEPARATORS)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_every_encoding_separator_and_header_reads_the_same_beans(tmp_path, encoding, separator, header):
    beans = load_beans_csv(teacher_file(tmp_path, encoding, separator, header))
    np.testing.assert_array_equal(beans.x, SIZES)
    np.testing.assert_array_equal(beans.y, TOXICITIES)
    names = HEADERS[header]
    assert beans.columns == (None if names is None else names)


def test_a_chinese_sheet_with_colour_depth_is_two_feature_beans(tmp_path):
    text = "编号,大小,颜色深浅,毒性,备注\n1,0.2,0.3,1,大\n2,0.5,0.1,0,小\n3,0.4,0.9,1,中\n"
    path = tmp_path / "sheet.csv"
    path.write_bytes(text.encode("gb18030"))
    beans = load_beans_csv(path)
    np.testing.assert_array_equal(beans.x, [[0.2, 0.3], [0.5, 0.1], [0.4, 0.9]])
    assert beans.columns == ("大小", "颜色深浅", "毒性")
    assert preview_beans_csv(path).guess == (1, 2, 3)


def test_three_columns_of_numbers_without_names_for_them_ask_for_columns(tmp_path):
    path = tmp_path / "three.csv"
    path.write_text("甲,乙,丙\n1,2,3\n4,5,6\n", encoding="utf-8")
    with pytest.raises(BeanDataError, match="exactly two columns of numbers.*--columns"):
        load_beans_csv(path)


def run_cli(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("encoding, separator", [("gbk", "comma"), ("gb18030", "tab"), ("utf-16-le", "tab"),
                                                 ("utf-16-be", "comma"), ("utf-8-bom", "comma"),
                                                 ("utf-8", "semicolon-decimal-comma")])
def test_beanlab_train_reads_teacher_files_and_names_their_columns(tmp_path, capsys, encoding, separator):
    path = teacher_file(tmp_path, encoding, separator, "chinese")
    code, out, err = run_cli(capsys, "train", "--data", str(path), "--epochs", "3", "--json")
    assert code == 0, err
    assert f"{path} (6 beans; 大小 → x, 毒性 → y)" in out
    expected = json.loads(out.splitlines()[-1])
    # the same run as on the same numbers written plainly
    plain = tmp_path / "plain.csv"
    plain.write_text(table_text(",", False, ("x", "y")), encoding="utf-8")
    code, again, _ = run_cli(capsys, "train", "--data", str(plain), "--epochs", "3", "--json")
    assert json.loads(again.splitlines()[-1])["params"] == expected["params"]


def test_columns_option_by_name_or_number_like_the_column_dialog(tmp_path, capsys):
    path = tmp_path / "wide.csv"
    rows = "\n".join(f"{k},{float(a)!r},{float(b)!r},备注" for k, (a, b) in enumerate(zip(SIZES, TOXICITIES)))
    path.write_bytes(("编号,SIZE,TOXICITY,备注\n" + rows + "\n").encode("gbk"))
    for columns in ("SIZE,TOXICITY", "size,toxicity", "2,3"):
        code, out, err = run_cli(capsys, "train", "--data", str(path), "--columns", columns, "--epochs", "1")
        assert code == 0, err
        assert "(6 beans; SIZE → x, TOXICITY → y)" in out
    code, out, err = run_cli(capsys, "train", "--data", str(path), "--columns", "TOXICITY,SIZE", "--epochs", "1")
    assert code == 0 and "TOXICITY → x, SIZE → y" in out
    for columns, words in (("SIZE,WEIGHT", "there is no column 'WEIGHT'; the columns are 编号, SIZE, TOXICITY, 备注"),
                           ("2,2", "all different"), ("2", "all different"), ("9,2", "no column '9'")):
        code, out, err = run_cli(capsys, "train", "--data", str(path), "--columns", columns)
        assert code == 2 and words in err and "Traceback" not in err
    code, out, err = run_cli(capsys, "train", "--columns", "1,2")
    assert code == 2 and "give --data FILE.csv too" in err


def test_saving_writes_utf8_and_excel_gets_a_bom_that_keeps_chinese_headers(tmp_path, capsys):
    plain, excel = tmp_path / "plain.csv", tmp_path / "excel.csv"
    assert run_cli(capsys, "data", "--out", str(plain))[0] == 0
    assert run_cli(capsys, "data", "--out", str(excel), "--excel")[0] == 0
    assert not plain.read_bytes().startswith(codecs.BOM_UTF8)
    assert excel.read_bytes() == codecs.BOM_UTF8 + plain.read_bytes()
    np.testing.assert_array_equal(load_beans_csv(excel).y, make_dataset("line-bias", 100, 0).y)
    history = tmp_path / "history.csv"
    assert run_cli(capsys, "train", "--epochs", "1", "--history", str(history), "--excel")[0] == 0
    assert history.read_bytes().startswith(codecs.BOM_UTF8 + b"update,epoch")

    # a round trip keeps the file's own Chinese names
    from beanlab.core import save_beans_csv

    beans = load_beans_csv(teacher_file(tmp_path, "gbk", "comma", "chinese"))
    save_beans_csv(beans, tmp_path / "again.csv", excel=True)
    raw = (tmp_path / "again.csv").read_bytes()
    assert raw.startswith(codecs.BOM_UTF8 + "大小,毒性\n".encode("utf-8"))
    again = load_beans_csv(tmp_path / "again.csv")
    np.testing.assert_array_equal(again.x, SIZES) and np.testing.assert_array_equal(again.y, TOXICITIES)


# -- the window: File → Open data ------------------------------------------------------------------

def open_in(window, qtbot, path):
    with qtbot.waitSignal(window.controller.run_replaced, timeout=30_000):
        window.data.open_data(str(path))
    qtbot.waitUntil(lambda: latest(window).restarted)


@pytest.mark.parametrize("encoding, separator, header", [
    ("gbk", "comma", "chinese"), ("gb18030", "semicolon-decimal-comma", "chinese-size"),
    ("utf-16-le", "tab", "chinese"), ("utf-16-be", "tab", "any-names"), ("utf-8-bom", "semicolon", "english")])
def test_the_window_opens_teacher_files_and_says_which_columns(qtbot, window, tmp_path, encoding, separator, header):
    open_in(window, qtbot, teacher_file(tmp_path, encoding, separator, header))
    np.testing.assert_array_equal(window.controller.beans.x, SIZES)
    np.testing.assert_array_equal(window.controller.beans.y, TOXICITIES)
    size, toxicity = HEADERS[header]
    assert f"6 beans from 豆子.csv ({size} → x, {toxicity} → y)" in window.statusBar().currentMessage()


def test_the_window_asks_columns_of_a_wide_gbk_sheet_and_saves_for_excel(qtbot, window, tmp_path):
    path = tmp_path / "表.csv"
    rows = "\n".join(f"{k},{float(a)!r},{float(b)!r},备注" for k, (a, b) in enumerate(zip(SIZES, TOXICITIES)))
    path.write_bytes(("编号,甲,乙,备注\n" + rows + "\n").encode("gbk"))
    window.data.open_data(str(path))
    dialog = window.data.column_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.preview.names == ("编号", "甲", "乙", "备注")
    dialog.size.setCurrentIndex(dialog.size.findText("甲"))
    dialog.toxicity.setCurrentIndex(dialog.toxicity.findText("乙"))
    with qtbot.waitSignal(window.controller.run_replaced, timeout=30_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    np.testing.assert_array_equal(window.controller.beans.x, SIZES)
    assert window.data.save_data(str(tmp_path / "for-excel.csv"), excel=True)
    assert (tmp_path / "for-excel.csv").read_bytes().startswith(codecs.BOM_UTF8 + "甲,乙\n".encode())

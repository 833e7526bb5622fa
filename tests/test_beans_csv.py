"""Loading beans from CSV: what is accepted, and errors that name the file, line and column."""
import string

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from beanlab.core import BeanDataError, load_beans_csv, make_dataset, save_beans_csv


def write(tmp_path, content, name="beans.csv"):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def test_header_with_extra_columns_bom_and_spaces(tmp_path):
    path = write(tmp_path, "\ufeffid, Y ,note,X\n1,0.5,big,0.25\n2, 0.75 ,small,1e-1\n")
    beans = load_beans_csv(path)
    np.testing.assert_array_equal(beans.x, [0.25, 0.1])
    np.testing.assert_array_equal(beans.y, [0.5, 0.75])


def test_two_unnamed_columns_and_semicolons(tmp_path):
    beans = load_beans_csv(write(tmp_path, "0.1;0.2\n0.3;0.4\n\n"))
    np.testing.assert_array_equal(beans.x, [0.1, 0.3])


def test_two_feature_beans(tmp_path):
    beans = load_beans_csv(write(tmp_path, "x1,x2,y\n0,1,1\n2,3,0\n"))
    assert beans.x.shape == (2, 2) and beans.n_features == 2


def test_round_trip_is_exact(tmp_path):
    for name in ("line-bias", "circle"):
        beans = make_dataset(name, 50, 1)
        save_beans_csv(beans, tmp_path / "out.csv")
        again = load_beans_csv(tmp_path / "out.csv")
        np.testing.assert_array_equal(again.x, beans.x)
        np.testing.assert_array_equal(again.y, beans.y)


@pytest.mark.parametrize("content, line, column, words", [
    ("", None, None, "empty"),
    ("x,y\n", None, None, "at least two beans"),
    ("x,y\n1,2\n", None, None, "at least two beans"),
    ("x,y\n1,2\n3,abc\n", 3, 2, "'abc' in column y is not a number"),
    ("x,y\n1,2\nnan,4\n", 3, 1, "not a finite number"),
    ("x,y\n1,2\n3,inf\n", 3, 2, "not a finite number"),
    ("x,y\n1,2\n3,4,5\n", 3, None, "expected 2 columns, found 3"),
    ("x,y\n1,2\n3\n", 3, None, "expected 2 columns, found 1"),
    ("x,y\n1,2\n,4\n", 3, 1, "empty"),
    ("id,note,when\n1,2,3\n3,4,5\n", 1, None, "must name columns x and y"),
    ("name,note\nbig,red\nsmall,blue\n", 1, None, "exactly two columns of numbers"),
    ("x,x,y\n1,2,3\n4,5,6\n", 1, 2, "appears twice"),
    ("1,2,3\n4,5,6\n", 1, None, "exactly two columns"),
    (b"x,y\n1,2\n\x00\x01\x02garbage", 3, None, "binary"),
    (b"x,y\n1,2\n\xff\xfe3,4\n", 3, None, "not text in UTF-8, UTF-16 or GB18030"),
])
def test_every_problem_names_file_line_and_column(tmp_path, content, line, column, words):
    path = write(tmp_path, content)
    with pytest.raises(BeanDataError) as caught:
        load_beans_csv(path)
    error = caught.value
    assert (error.line, error.column) == (line, column)
    assert words in str(error) and str(path) in str(error)
    if line is not None:
        assert f"line {line}" in str(error)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(BeanDataError, match="no such file"):
        load_beans_csv(tmp_path / "missing.csv")
    with pytest.raises(BeanDataError, match="folder"):
        load_beans_csv(tmp_path)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.binary(max_size=300),
                 st.text(alphabet=string.printable + "，。豆\ufeff\x00", max_size=300)))
def test_fuzzed_files_raise_only_the_documented_error(tmp_path, content):
    path = write(tmp_path, content)
    try:
        beans = load_beans_csv(path)
    except BeanDataError as error:
        assert str(path) in str(error)
    else:
        assert len(beans) >= 2 and np.all(np.isfinite(beans.x)) and np.all(np.isfinite(beans.y))


def test_atomic_writes_leave_an_ordinary_file_and_nothing_else(tmp_path):
    import os

    from beanlab.core import write_bytes_atomically

    target = tmp_path / "picture.png"
    write_bytes_atomically(target, b"\x89PNG")
    assert target.read_bytes() == b"\x89PNG"
    assert [p.name for p in tmp_path.iterdir()] == ["picture.png"]
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask   # not mkstemp's private 0600


def test_chosen_columns_by_position_with_and_without_a_header(tmp_path):
    path = write(tmp_path, "id,length,depth,toxic\n1,0.5,0.2,1\n2,0.7,0.1,0\n")
    beans = load_beans_csv(path, columns=(1, 3))
    np.testing.assert_array_equal(beans.x, [0.5, 0.7]) and np.testing.assert_array_equal(beans.y, [1, 0])
    beans = load_beans_csv(path, columns=(1, 2, 3))
    np.testing.assert_array_equal(beans.x, [[0.5, 0.2], [0.7, 0.1]])
    headerless = write(tmp_path, "7,0.5,1\n8,0.6,0\n9,0.1,0\n", "plain.csv")
    np.testing.assert_array_equal(load_beans_csv(headerless, columns=(1, 2)).y, [1, 0, 0])


@pytest.mark.parametrize("columns, words", [((1, 1), "all different"), ((0,), "all different"),
                                            ((1, 9), "no column 10"), ((0, 1), "'big' in column id")])
def test_a_bad_choice_of_columns_is_a_clear_error(tmp_path, columns, words):
    path = write(tmp_path, "id,length,toxic\nbig,0.5,1\n2,0.7,0\n")
    with pytest.raises(BeanDataError, match=words):
        load_beans_csv(path, columns=columns)


def test_preview_reads_the_head_and_guesses_from_the_header(tmp_path):
    from beanlab.core import preview_beans_csv

    wide = preview_beans_csv(write(tmp_path, "id;x;note;y\n" + "1;0.5;a;1\n" * 9))
    assert wide.names == ("id", "x", "note", "y") and wide.has_header and len(wide.rows) == 5
    assert wide.guess == (1, 3)
    unnamed = preview_beans_csv(write(tmp_path, "1,2,3\n4,5,6\n", "plain.csv"))
    assert unnamed.names == ("1", "2", "3") and not unnamed.has_header and unnamed.guess is None


class _FullDisk:
    """A file object for which the disk is full after the first few bytes."""

    def __init__(self, real):
        self._real = real

    def write(self, data):
        import errno
        self._real.write(data[:3])
        raise OSError(errno.ENOSPC, "No space left on device")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._real.close()


def test_a_full_disk_leaves_the_old_file_and_no_partial_one(tmp_path, monkeypatch):
    import os

    from beanlab.core import atomic_write, write_text_atomically

    target = tmp_path / "beans.csv"
    target.write_text("x,y\n1,2\n3,4\n")
    real_fdopen = os.fdopen
    monkeypatch.setattr(atomic_write.os, "fdopen", lambda fd, mode: _FullDisk(real_fdopen(fd, mode)))
    with pytest.raises(OSError, match="No space left"):
        write_text_atomically(target, "x,y\n" + "5,6\n" * 1000)
    assert target.read_text() == "x,y\n1,2\n3,4\n"
    assert [p.name for p in tmp_path.iterdir()] == ["beans.csv"]


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(header=st.sampled_from(["x,y", "y,x", "x1,x2,y", "id,x,y", "X ; Y", "size,toxic", ""]),
       rows=st.lists(st.lists(st.one_of(st.floats(allow_nan=True, allow_infinity=True).map(repr),
                                        st.integers(-10**6, 10**6).map(str),
                                        st.sampled_from(["", " ", "abc", '"1.5"', "1e400", "0x1p3", "，", "--1"])),
                              min_size=0, max_size=4), max_size=12),
       delimiter=st.sampled_from([",", ";", "\t"]),
       columns=st.one_of(st.none(), st.lists(st.integers(-1, 4), min_size=1, max_size=4).map(tuple)))
def test_fuzzed_tables_raise_only_the_documented_error(tmp_path, header, rows, delimiter, columns):
    """CSV-shaped input near the valid kind (headers, numbers, junk cells, ragged rows, column choices)."""
    text = header.replace(",", delimiter) + "\n" + "\n".join(delimiter.join(row) for row in rows) + "\n"
    path = write(tmp_path, text)
    try:
        beans = load_beans_csv(path, columns=columns)
    except BeanDataError as error:
        assert str(path) in str(error) and error.detail in str(error)
    else:
        assert len(beans) >= 2 and np.all(np.isfinite(beans.x)) and np.all(np.isfinite(beans.y))


@pytest.fixture
def apart(monkeypatch):
    """Every file read in a process of its own, however small."""
    from beanlab.core import beans_csv_apart

    monkeypatch.setattr(beans_csv_apart, "APART_FROM_BYTES", 0)
    return beans_csv_apart.load_beans_csv_apart


def test_a_file_read_apart_gives_the_same_beans_progress_and_cancel(tmp_path, apart):
    from beanlab.core import LoadCancelled

    rows = "\n".join(f"{k / 7!r},{k % 3}" for k in range(240))
    path = write(tmp_path, "x,y\n" + rows + "\n")
    seen = []
    beans = apart(path, progress=lambda done, total: seen.append((done, total)) or True)
    reference = load_beans_csv(path)
    np.testing.assert_array_equal(beans.x, reference.x) and np.testing.assert_array_equal(beans.y, reference.y)
    assert beans.name == "beans" and seen[-1] == (240, 240)
    two = apart(write(tmp_path, "x1,x2,y\n0,1,1\n2,3,0\n", "two.csv"))
    np.testing.assert_array_equal(two.x, [[0, 1], [2, 3]])
    with pytest.raises(LoadCancelled):
        apart(path, progress=lambda done, total: False)


def test_errors_from_the_reading_process_name_line_column_in_the_language_in_use(tmp_path, apart):
    from beanlab import i18n

    path = write(tmp_path, "x,y\n1,2\n3,oops\n")
    with pytest.raises(BeanDataError) as caught:
        apart(path, columns=(0, 1))
    assert (caught.value.line, caught.value.column) == (3, 2) and "'oops'" in str(caught.value)
    i18n.set_language("zh_CN")
    try:
        with pytest.raises(BeanDataError, match="不是数"):
            apart(path)
    finally:
        i18n.set_language("en")

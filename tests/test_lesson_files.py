"""Lessons as files: the built-in ones load and make their runs; a teacher's wrong file is refused
whole, with a message naming its line and key, and changes nothing."""
import re
from pathlib import Path

import pytest

from beanlab import i18n
from beanlab.cli import main
from beanlab.core import LESSONS, QUESTIONS
from beanlab.core.lesson_files import BUILT_IN, LessonFileError, parse_lesson, read_lesson
from beanlab.core.lesson_script import ACTIONS, CONTROLS
from beanlab.i18n import tr

README = BUILT_IN / "README.md"
GOOD = '''[lesson]
title.en = "My lesson"
title.zh = "我的课"
caption = "Lesson 3's beans.\\nWatch the ball."
views = ["cost", "scatter"]

[run]
dataset = "line"
model = "wx"
lr = 0.1

[[question]]
kind = "ball"
prompt = "Where will the ball be?"

[[step]]
ask = 1
'''


@pytest.mark.parametrize("path", sorted(BUILT_IN.glob("*.toml")), ids=lambda path: path.stem)
def test_every_built_in_lesson_file_makes_its_run_and_speaks_both_languages(path):
    lesson = read_lesson(path, check_run=True)   # builds the run once
    assert LESSONS[lesson.number].config == lesson.config
    assert path.name.startswith(f"{lesson.number:02d}-")
    texts = [lesson.title, lesson.caption, *(q.prompt for q in lesson.questions),
             *(step.say for step in lesson.script if step.say)]
    if lesson.promise is not None:
        texts.append(lesson.promise.name)
    try:
        i18n.set_language("zh_CN")
        untranslated = [text for text in texts if tr(text) == text or not re.search(r"[\u4e00-\u9fff]", tr(text))]
    finally:
        i18n.set_language("en")
    assert untranslated == []
    for step in lesson.script:   # every question the script asks is the lesson's
        if step.action == "ask":
            assert 1 <= step.value <= len(lesson.questions)


def test_the_course_lessons_have_scripts_with_checkpoints_and_questions():
    for number in range(1, 10):
        lesson = LESSONS[number]
        checkpoints = [step for step in lesson.script if step.say and step.action is None]
        assert checkpoints, f"lesson {number} has no checkpoint to pause at"
        assert lesson.script[-1].action == "skip_ahead"   # each ends at the point its caption promises
    assert sum(len(LESSONS[n].questions) for n in range(1, 10)) >= 9


def test_the_readme_example_is_a_lesson_and_names_every_key():
    text = README.read_text(encoding="utf-8")
    example = text.split("## An example", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]
    lesson = parse_lesson(example, "example.toml")
    assert lesson.config.lr == 1.2 and lesson.questions[0].name == "fate" and len(lesson.script) == 3
    for key in (*ACTIONS, *CONTROLS, *QUESTIONS, "near_lowest", "classified", "stalled", "play_to", "views",
                "zig_zag", "diverges", "by_update", "require", "at_most", "solution"):
        assert f"`{key}" in text, key


def test_a_lesson_file_needs_only_a_title_and_caption():
    lesson = parse_lesson('[lesson]\ntitle = "Free"\ncaption = "Play."\n', "free.toml")
    assert lesson.title == "Free" and lesson.promise is None and lesson.questions == ()
    assert lesson.script[-1].action == "skip_ahead"


def test_a_lesson_file_saved_as_gbk_by_a_chinese_windows_is_read(tmp_path):
    path = tmp_path / "gbk.toml"
    path.write_bytes(GOOD.encode("gb18030"))
    lesson = read_lesson(path)
    try:
        i18n.set_language("zh_CN")
        assert tr(lesson.title) == "我的课"
    finally:
        i18n.set_language("en")


# (the file's text, the line and key its message names)
MALFORMED = {
    "unknown key": (GOOD.replace('views = ["cost", "scatter"]', 'colour = "red"'), 5, "[lesson] colour"),
    "negative learning rate": (GOOD.replace("lr = 0.1", "lr = -1"), 10, "[run] lr"),
    "unknown view": (GOOD.replace('"scatter"]', '"scater"]'), 5, "[lesson] views"),
    "not TOML": (GOOD.replace('model = "wx"', 'model = wx'), 9, ""),
    "a question it does not have": (GOOD.replace("ask = 1", "ask = 2"), 17, "[[step]] 1 ask"),
    "unknown question kind": (GOOD.replace('kind = "ball"', 'kind = "bowl"'), 13, "[[question]] 1 kind"),
    "unknown setting": (GOOD.replace("lr = 0.1", "learning_rate = 0.1"), 10, "[run] learning_rate"),
    "model the beans do not suit": (GOOD.replace('dataset = "line"', 'dataset = "spiral"'), 8, "[run] dataset"),
    "two actions in a step": (GOOD + "play = true\n", 18, "[[step]] 1 play"),
    "unknown promise test": (GOOD + '[promise]\nwhat = "x"\ntest = "perfect"\n', 20, "[promise] test"),
    "promise parameter missing": (GOOD + '[promise]\nwhat = "x"\ntest = "below"\n', 20, "[promise] test"),
    "bad pace": (GOOD.replace('views = ["cost", "scatter"]', 'pace = [[30, 5], [2, 3], 1]'), 5, "[lesson] pace"),
    "no English": (GOOD.replace('title.en = "My lesson"\n', ''), 2, "[lesson] title.en"),
    "unknown language": (GOOD.replace('title.zh', 'title.fr'), 3, "[lesson] title.fr"),
    "unknown control": (GOOD.replace('views = ["cost", "scatter"]', 'controls = ["reset"]'), 5, "[lesson] controls"),
}


@pytest.mark.parametrize("name", MALFORMED)
def test_a_malformed_lesson_file_names_the_line_and_key_and_changes_nothing(name):
    text, line, key = MALFORMED[name]
    title = f"Never used: {name}"   # a title no other test's file gives (translations stay for the process)
    text = text.replace("My lesson", title)
    with pytest.raises(LessonFileError) as raised:
        parse_lesson(text, "mine.toml")
    message = str(raised.value)
    assert message.startswith(f"mine.toml, line {line}"), message
    assert key in message and "Traceback" not in message
    try:
        i18n.set_language("zh_CN")
        assert tr(title) == title   # its translations are not taken either
    finally:
        i18n.set_language("en")


def test_the_messages_are_in_chinese_too():
    try:
        i18n.set_language("zh_CN")
        with pytest.raises(LessonFileError, match=r"mine.toml，第 10 行，\[run\] lr：学习率"):
            parse_lesson(GOOD.replace("lr = 0.1", "lr = -1"), "mine.toml")
    finally:
        i18n.set_language("en")


def test_train_a_lesson_file_without_a_window_as_its_built_in_twin(tmp_path, capsys):
    copy = tmp_path / "my-copy.toml"
    copy.write_text((BUILT_IN / "03-gradient-descent.toml").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["train", "--lesson", "3", "--epochs", "2"]) == 0
    built_in = capsys.readouterr().out
    assert main(["train", "--lesson-file", str(copy), "--epochs", "2"]) == 0
    from_file = capsys.readouterr().out
    assert from_file.splitlines()[-3:] == built_in.splitlines()[-3:]   # the same floats, update for update


def test_a_broken_lesson_file_is_a_usage_error_naming_line_and_key(tmp_path, capsys):
    path = tmp_path / "broken.toml"
    path.write_text(GOOD.replace("lr = 0.1", "lr = -1"), encoding="utf-8")
    assert main(["train", "--lesson-file", str(path)]) == 2
    assert "broken.toml, line 10, [run] lr: the learning rate must be a positive number" in capsys.readouterr().err
    assert main([str(path), "--teach"]) == 2   # `beanlab FILE.toml`: no window opens
    assert main(["train", "--lesson-file", str(tmp_path / "missing.toml")]) == 2
    assert main(["--teach"]) == 2   # teacher mode teaches a lesson
    assert "--teach opens a lesson" in capsys.readouterr().err


def test_a_huge_or_binary_file_is_refused_before_reading(tmp_path):
    binary = tmp_path / "picture.toml"
    binary.write_bytes(b"\x89PNG\x00\x00\x01")
    with pytest.raises(LessonFileError, match="not text"):
        read_lesson(binary)
    huge = tmp_path / "huge.toml"
    huge.write_bytes(b"#" * 2_000_000)
    with pytest.raises(LessonFileError, match="2 MB"):
        read_lesson(huge)


def test_built_in_lessons_are_shipped_as_package_data():
    assert Path(BUILT_IN).is_dir() and len(list(BUILT_IN.glob("*.toml"))) == len(LESSONS) == 20

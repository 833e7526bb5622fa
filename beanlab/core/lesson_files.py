"""Lessons as files: a small TOML file each, the built-in ones (``beanlab/lessons/``) and a teacher's own.

A lesson file holds what a lesson is: its title and caption in English and Chinese, the views it
shows, its pace, its run's settings, what its caption promises, its prediction questions, and the
script a teacher walks with Page Down. ``beanlab/lessons/README.md`` documents every key, with an
example. A file that is wrong in any way is refused whole, with a message naming the line and the
key ("my-lesson.toml, line 12, [run] lr: …"), and nothing of it is used.

Texts are either a string (English only) or a table of languages: ``caption.en = "…"``,
``caption.zh = "…"``. Their translations go to :func:`beanlab.i18n.add_translations`, so a lesson
file's words follow a change of language like the rest of the window's.
"""
from __future__ import annotations

import dataclasses
import re
import tomllib
from pathlib import Path

from .. import i18n
from ..i18n import tr
from .challenges import RUN_TESTS, Challenge
from .csv_text import NotText, decode
from .lesson_script import ACTIONS, CONTROLS, Step, default_controls, default_script
from .optimizer_catalogue import OPTIMIZERS
from .pacing import Plan
from .predictions import QUESTIONS
from .promises import Promise, promise_test
from .run_config import RunConfig
from .views import SHOWN_FIRST, VIEWS

BUILT_IN = Path(__file__).resolve().parent.parent / "lessons"
SUFFIX = ".toml"
MAX_BYTES = 1_000_000   # a lesson is a few kilobytes: anything this big is the wrong file

# every table and key a lesson file may have; [[question]] and [[step]] repeat
TABLES = {
    "lesson": {"number", "course", "title", "caption", "views", "pace", "controls"},
    "run": {field.name for field in dataclasses.fields(RunConfig)},
    "promise": {"what", "test"},   # and the test's own parameters (promises.promise_test checks them)
    "question": {"kind", "updates", "prompt"},
    "step": {"say", *ACTIONS},
    # and the test's own parameters, as [promise]'s
    "challenge": {"id", "task", "test", "by_update", "require", "at_most", "at_least", "solution", "moves",
                  "solution_beans"},
}
REPEATED = {"question", "step", "challenge"}
OPEN_TABLES = {"promise", "challenge"}   # tables whose other keys are their test's parameters


class LessonFileError(ValueError):
    """A lesson file that cannot be used: where (file, line, key) and why, in the current language."""

    def __init__(self, source: str, line: int | None, key: str, problem: str) -> None:
        self.source, self.line, self.key, self.problem = source, line, key, problem
        where = tr("{file}, line {line}").format(file=source, line=line) if line else source
        super().__init__(tr("{where}, {key}: {problem}").format(where=where, key=key, problem=problem)
                         if key else f"{where}: {problem}")


def read_lesson(path: str | Path, check_run: bool = True):
    """The lesson in the file at ``path``; LessonFileError (or OSError, unreadable) saying what is wrong.

    ``check_run``: also build the run once, so that data and model that do not go together are
    refused now, not when the lesson is opened.
    """
    path = Path(path)
    if path.stat().st_size > MAX_BYTES:
        raise LessonFileError(path.name, None, "", tr("a lesson file is a few kilobytes; this one is {size} MB")
                              .format(size=f"{path.stat().st_size / 1e6:.0f}"))
    try:
        # as Notepad saves it: UTF-8 (with or without a mark), UTF-16 with a mark, or GBK on a Chinese Windows
        text, _encoding = decode(path.read_bytes())
    except NotText as exc:
        raise LessonFileError(path.name, exc.line, "", tr("this is not text (save the lesson file as UTF-8)")) \
            from None
    return parse_lesson(text, path.name, check_run=check_run)


def parse_lesson(text: str, source: str = "lesson", check_run: bool = True):
    """The lesson ``text`` describes (see :func:`read_lesson`)."""
    from .lessons import Lesson   # lessons.py reads its lessons with this module

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        raise LessonFileError(source, int(line.group(1)) if line else None, "",
                              tr("this is not TOML ({reason})").format(reason=str(exc))) from None
    reader = _Reader(text, source)
    lesson = reader.lesson(data, Lesson, check_run)
    for language, pairs in reader.translations.items():   # only a lesson that is used changes the words
        i18n.add_translations(language, pairs)
    return lesson


def built_in_lessons() -> dict:
    """number → Lesson, for every file in ``beanlab/lessons``, in the order of their numbers."""
    lessons = {}
    for path in sorted(BUILT_IN.glob(f"*{SUFFIX}")):
        lesson = read_lesson(path, check_run=False)   # the tests build every built-in lesson's run
        if lesson.number in lessons:
            raise LessonFileError(path.name, None, "[lesson] number", f"lesson {lesson.number} twice")
        lessons[lesson.number] = lesson
    return dict(sorted(lessons.items()))


class _Reader:
    """Turns a parsed file into a Lesson, keeping the text to say which line a wrong key is on."""

    def __init__(self, text: str, source: str) -> None:
        self.source, self.lines = source, _key_lines(text)
        self.translations: dict[str, dict[str, str]] = {}

    def fail(self, table: str, key: str, problem: str, index: int = 0):
        where = f"[{table}] {key}" if key else f"[{table}]"
        if table in REPEATED:
            where = f"[[{table}]] {index + 1} {key}".rstrip()
        lines = self.lines
        line = lines.get((table, index, key)) or lines.get((table, index, key.split(".")[0])) \
            or lines.get((table, index, ""))
        raise LessonFileError(self.source, line, where, problem)

    # -- the tables --------------------------------------------------------------------------------
    def lesson(self, data: dict, lesson_class, check_run: bool):
        for table, value in data.items():
            if table not in TABLES:
                self.fail(table, "", tr("unknown table; a lesson file has {tables}").format(
                    tables=", ".join(f"[{name}]" for name in TABLES)))
            repeated = isinstance(value, list)
            if repeated != (table in REPEATED):
                self.fail(table, "", tr("write it as [[{name}]]").format(name=table) if table in REPEATED
                          else tr("write it as [{name}]").format(name=table))
            for index, entry in enumerate(value if repeated else [value]):
                allowed = TABLES[table]
                for key in entry:
                    if key not in allowed and table not in OPEN_TABLES:
                        self.fail(table, key, tr("unknown key; [{table}] has {keys}").format(
                            table=table, keys=", ".join(sorted(allowed))), index)
        head = data.get("lesson")
        if head is None:
            self.fail("lesson", "", tr("a lesson file needs a [lesson] table with its title and caption"))
        number = self.whole(head, "lesson", "number", default=0, low=0)
        config = self.run(data.get("run", {}), check_run)
        questions = tuple(self.question(entry, index) for index, entry in enumerate(data.get("question", [])))
        steps = tuple(self.step(entry, index, len(questions)) for index, entry in enumerate(data.get("step", [])))
        challenges = tuple(self.challenge(entry, index, config) for index, entry in enumerate(data.get("challenge", [])))
        ids = [challenge.id for challenge in challenges]
        for index, name in enumerate(ids):
            if name in ids[:index]:
                self.fail("challenge", "id", tr("{name} twice: each challenge needs an id of its own").format(
                    name=repr(name)), index)
        views = self.views(head.get("views", list(SHOWN_FIRST)))
        course = head.get("course", number > 0)
        if not isinstance(course, bool):
            self.fail("lesson", "course", tr("write true or false"))
        controls = self.names(head, "controls", CONTROLS) if "controls" in head else \
            default_controls(questions, OPTIMIZERS[config.optimizer].uses_lr)
        return lesson_class(number, self.text(head, "lesson", "title"), self.text(head, "lesson", "caption"),
                            config, views, course=course, pace=self.pace(head.get("pace", 100)),
                            promise=self.promise(data.get("promise")), questions=questions,
                            script=steps or default_script(questions), controls=controls, challenges=challenges)

    def run(self, values: dict, check_run: bool) -> RunConfig:
        values = {key: tuple(value) if isinstance(value, list) else value for key, value in values.items()}
        try:
            config = RunConfig.from_dict(values)
            config.validate()
            if check_run:
                config.build_trainer()
        except (ValueError, TypeError) as exc:
            self.fail("run", self.key_to_blame(values), str(exc))
        return config

    @staticmethod
    def key_to_blame(values: dict) -> str:
        """The setting that breaks a run: the first wrong on its own (an lr of -1), else the first
        without which the rest make a run (a model the data does not suit); "" if none is."""
        def works(chosen: dict) -> bool:
            try:
                config = RunConfig.from_dict(chosen)
                config.validate()
                config.build_trainer()
            except (ValueError, TypeError):
                return False
            return True

        alone = [key for key in values if not works({key: values[key]})]
        if alone:
            return alone[0]
        return next((key for key in values if works({k: v for k, v in values.items() if k != key})), "")

    def promise(self, entry: dict | None) -> Promise | None:
        if entry is None:
            return None
        if "test" not in entry:
            self.fail("promise", "test", tr("missing: the test of the run's numbers the promise makes"))
        parameters = {key: tuple(v) if isinstance(v, list) else v for key, v in entry.items()
                      if key not in ("what", "test")}
        try:
            kept = promise_test(entry["test"], parameters)
        except (ValueError, TypeError) as exc:
            self.fail("promise", "test", str(exc))
        return Promise(self.text(entry, "promise", "what"), kept)

    def challenge(self, entry: dict, index: int, config: RunConfig) -> Challenge:
        name = entry.get("id")
        if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z0-9_-]+", name):
            self.fail("challenge", "id", tr("a short name of letters, digits and dashes, e.g. \"fast-descent\""),
                      index)
        task = self.text(entry, "challenge", "task", index)
        test_name = entry.get("test")
        parameters = {key: tuple(v) if isinstance(v, list) else v for key, v in entry.items()
                      if key not in TABLES["challenge"]}
        if test_name in RUN_TESTS:
            if parameters:
                self.fail("challenge", next(iter(parameters)), tr("{name} takes no parameters").format(
                    name=test_name), index)
            test = RUN_TESTS[test_name]
        else:
            try:
                test = promise_test(test_name, parameters)
            except (ValueError, TypeError) as exc:   # its words name the promise tests; these two are also goals
                self.fail("challenge", "test", tr("{problem}; or {names}").format(
                    problem=str(exc), names=", ".join(RUN_TESTS)), index)
        by_update = self.whole(entry, "challenge", "by_update", low=1, index=index)
        settings = {}
        for key in ("require", "at_most", "at_least", "solution"):
            values = entry.get(key, {})
            if not isinstance(values, dict):
                self.fail("challenge", key, tr("a table of run settings, e.g. {{ optimizer = \"sgd\" }}").format(), index)
            values = {k: tuple(v) if isinstance(v, list) else v for k, v in values.items()}
            try:
                RunConfig.from_dict(values)   # names of settings, and values of their kinds
                if key == "solution":
                    config.replace(**values).validate()
            except (ValueError, TypeError) as exc:
                self.fail("challenge", key, str(exc), index)
            settings[key] = values
        settings["moves"] = self.whole(entry, "challenge", "moves", default=0, index=index)
        settings["solution_beans"] = self.bean_moves(entry, index, config.replace(**settings["solution"]),
                                                     settings["moves"])
        return Challenge(name, task, test_name, test, by_update, **settings)

    def bean_moves(self, entry: dict, index: int, config: RunConfig, moves: int) -> tuple:
        """A challenge's ``solution_beans``: [[bean index, size, toxicity], …], at most ``moves`` of them,
        each naming a bean of the solution's dataset."""
        value = entry.get("solution_beans", [])
        example = tr("a list of [bean number from 0, size, toxicity], e.g. [[3, 0.54, 1.66]]")
        if not isinstance(value, list) or len(value) > moves:
            self.fail("challenge", "solution_beans", example if isinstance(value, list) else example + "; " +
                      tr("at most moves = {moves} of them").format(moves=moves), index)
        count = config.n if config.landscape is None else 1
        for item in value:
            if not (isinstance(item, list) and len(item) == 3 and all(
                    isinstance(v, (int, float)) and not isinstance(v, bool) for v in item)
                    and isinstance(item[0], int) and 0 <= item[0] < count):
                self.fail("challenge", "solution_beans", example, index)
        return tuple((int(i), float(x), float(y)) for i, x, y in value)

    def question(self, entry: dict, index: int):
        kind = entry.get("kind")
        try:
            question_class = QUESTIONS.lookup(kind)
        except ValueError as exc:
            self.fail("question", "kind", str(exc), index)
        updates = self.whole(entry, "question", "updates", default=question_class.updates, low=0, index=index)
        if "prompt" in entry:
            prompt = self.text(entry, "question", "prompt", index)
        elif question_class.default_prompt:
            prompt = question_class.default_prompt
        else:
            self.fail("question", "prompt", tr("missing: what the class is asked"), index)
        return question_class(prompt, updates=updates)

    def step(self, entry: dict, index: int, questions: int) -> Step:
        actions = [key for key in entry if key in ACTIONS]
        if len(actions) > 1:
            self.fail("step", actions[1], tr("a step does one thing: {actions} are two").format(
                actions=tr(" and ").join(actions)), index)
        if not actions and "say" not in entry:
            self.fail("step", "", tr("an empty step: give it say, or one of {actions}").format(
                actions=", ".join(ACTIONS)), index)
        say = self.text(entry, "step", "say", index) if "say" in entry else None
        if not actions:
            return Step(say)
        action = actions[0]
        if action == "ask":
            value = self.whole(entry, "step", action, low=1, index=index)
            if value > questions:
                self.fail("step", action, tr("there is no question {number}: the file has {count} [[question]] "
                                             "tables").format(number=value, count=questions), index)
        elif action == "play_to":
            value = self.whole(entry, "step", action, low=1, index=index)
        elif entry[action] is not True:
            self.fail("step", action, tr("write {key} = true").format(key=action), index)
        else:
            value = True
        return Step(say, action, value)

    def views(self, views) -> tuple[str, ...]:
        return self.names({"views": views}, "views", VIEWS, example='["scatter", "loss"]')

    def names(self, entry: dict, key: str, known, example: str = '["play", "step"]') -> tuple[str, ...]:
        """A list of names, each one of ``known`` ([lesson] views, controls)."""
        names = entry[key]
        if not isinstance(names, list) or not names or not all(isinstance(v, str) for v in names):
            self.fail("lesson", key, tr("a list of names, e.g. {example}").format(example=example))
        unknown = [v for v in names if v not in known]
        if unknown:
            self.fail("lesson", key, tr("unknown name {name}; they are {names}").format(
                name=repr(unknown[0]), names=", ".join(known)))
        return tuple(names)

    def pace(self, pace) -> Plan:
        try:
            if isinstance(pace, (int, float)) and not isinstance(pace, bool):
                return Plan.steady(pace)
            if isinstance(pace, list) and pace:
                return Plan.of(*(tuple(p) if isinstance(p, list) else p for p in pace))
        except (ValueError, TypeError) as exc:
            self.fail("lesson", "pace", str(exc))
        self.fail("lesson", "pace", tr("updates a second (100), or phases: [[2, 20], 30] is 2 a second up to "
                                       "update 20, then 30"))

    # -- values --------------------------------------------------------------------------------------
    def whole(self, entry: dict, table: str, key: str, default: int | None = None, low: int = 0,
              high: int | None = None, index: int = 0) -> int:
        value = entry.get(key, default)
        if value is None:
            self.fail(table, key, tr("missing: a whole number"), index)
        if isinstance(value, bool) or not isinstance(value, int) or value < low or (high is not None and value > high):
            limits = f"{low}–{high}" if high is not None else f"≥ {low}"
            self.fail(table, key, tr("a whole number {limits}, not {value}").format(
                limits=limits, value=repr(value)[:40]), index)
        return value

    def text(self, entry: dict, table: str, key: str, index: int = 0) -> str:
        """The English of a text (a string, or ``{en = …, zh = …}``); its translations kept for later."""
        value = entry.get(key)
        if isinstance(value, str) and value.strip():
            return value
        if isinstance(value, dict):
            english = value.get("en")
            if not isinstance(english, str) or not english.strip():
                self.fail(table, f"{key}.en", tr("missing: the English text"), index)
            for code, words in value.items():
                try:
                    language = i18n.normalise(code)
                except ValueError as exc:
                    self.fail(table, f"{key}.{code}", str(exc), index)
                if not isinstance(words, str) or not words.strip():
                    self.fail(table, f"{key}.{code}", tr("a text, in quotes"), index)
                if language != i18n.ENGLISH:
                    self.translations.setdefault(language, {})[english] = words
            return english
        self.fail(table, key, tr("missing: a text, or a table of texts by language (en, zh)"), index)


_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_-]+)\s*\]\]?")
_KEY = re.compile(r"^\s*(([A-Za-z0-9_-]+)(\s*\.\s*[A-Za-z0-9_-]+)*)\s*=")


def _key_lines(text: str) -> dict[tuple[str, int, str], int]:
    """(table, its repetition, key) → the line the key is on ("" key: the table's header line).

    Enough of TOML to point at a line: headers, and keys at the start of a line (``caption.en``
    counts as ``caption.en`` and as ``caption``). A key written inside an inline table is pointed at by its table's line.
    """
    lines: dict[tuple[str, int, str], int] = {}
    table, counts = "", {}
    in_multiline = False
    for number, line in enumerate(text.splitlines(), start=1):
        if in_multiline:
            in_multiline = line.count("'''") % 2 == 0 and line.count('"""') % 2 == 0
            continue
        header = _HEADER.match(line)
        if header:
            table = header.group(2)
            counts[table] = counts.get(table, -1) + 1 if header.group(1) == "[[" else 0
            lines.setdefault((table, counts[table], ""), number)
            continue
        key = _KEY.match(line)
        if key:
            for name in (key.group(2), re.sub(r"\s", "", key.group(1))):   # caption, and caption.zh
                lines.setdefault((table, counts.get(table, 0), name), number)
            in_multiline = line.count("'''") % 2 == 1 or line.count('"""') % 2 == 1
    return lines

"""The questionnaire: frozen models, and loading them from the three content files."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from intimacy_check.errors import ContentError
from intimacy_check.messages import _, errors
from intimacy_check.strict_yaml import ReadError, load_file

SIGNS_FILE = "signs.yaml"
LACK_SIGNS_FILE = "lack_signs.yaml"
STEPS_FILE = "steps.yaml"
SUPPORT_FILE = "support.yaml"  # optional in a folder: the shipped one stands in
CHANGES_FILE = "changes.yaml"  # optional: which statements kept their meaning since a version
CONTENT_FILES = (SIGNS_FILE, LACK_SIGNS_FILE, STEPS_FILE)
DATA_ENV = "INTIMACY_CHECK_DATA"

# The shipped sections' ids; code never branches on them: which way a section points is data.
PRESENCE = "presence"
ABSENCE = "absence"
SECTION_FILES = (SIGNS_FILE, LACK_SIGNS_FILE)  # unless signs.yaml lists its own
# What `agree_means` may say: agreeing with a statement means more closeness, or less.
MORE_CLOSENESS = "more-closeness"
LESS_CLOSENESS = "less-closeness"
SIGNS_PER_SECTION = 10
MIN_ANSWERED = 8  # rated statements a section needs for a score
RESTORE_STEPS = 10
BUILD_STEPS = 20
CONTENT_LIMIT = 256 * 1024

# Ids start with a letter and avoid YAML's words for true, false and null, so that they
# stay plain text when written as keys of an answer file.
_KEBAB = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
_FILE_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*\.ya?ml")
_YAML_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})


@dataclass(frozen=True)
class Band:
    """A range of the intimacy index with a warm label."""

    id: str
    min: int
    label: str
    description: str


@dataclass(frozen=True)
class Sign:
    """One rated statement: a sign that intimacy is present, or that it is lacking."""

    id: str
    section: str
    closer_when_agreed: bool  # from the section: does agreeing mean more closeness?
    title: str
    topic: str  # what the statement is about, neither good nor bad: "Trust between you"
    statement: str
    about: str
    discuss: str
    steps: tuple[str, ...]
    tags: tuple[str, ...] = ()
    # Sections where agreeing means less closeness name how a sign reads when it is clear;
    # the others name how it reads as a growth area.
    clear_title: str | None = None
    growth_title: str | None = None

    @property
    def strength_title(self) -> str:
        """How the sign reads when listed among someone's strengths."""
        return self.clear_title or self.title

    @property
    def concern_title(self) -> str:
        """How the sign reads when listed as a growth area or warning sign."""
        return self.growth_title or self.title


@dataclass(frozen=True)
class Section:
    id: str
    closer_when_agreed: bool  # `agree_means` in the content
    title: str
    score_label: str  # names the section score, where higher always means closer
    intro: str
    signs: tuple[Sign, ...]


@dataclass(frozen=True)
class Exercise:
    name: str
    how: str


@dataclass(frozen=True)
class Step:
    """A way to restore or build intimacy."""

    id: str
    kind: str  # "restore" or "build"
    title: str
    summary: str
    try_this: str
    exercises: tuple[Exercise, ...] = ()
    # Asks for disclosure, touch or lowered defences: held back from anyone who may not be
    # safe with their partner.
    needs_safety: bool = False


@dataclass(frozen=True)
class Support:
    """The private safety question, and what is said to someone who may not be safe."""

    question: str
    heading: str
    said_yes: str  # to a person who answered yes, right then
    low_trust: str  # leading a report whose answers show very low trust
    support: str  # how to find help where they live


@dataclass(frozen=True)
class Changes:
    """Which statements of an earlier version kept their meaning in this one."""

    from_version: int
    kept: Mapping[str, str]  # earlier id: this version's id
    reworded: tuple[str, ...]  # earlier ids whose meaning changed


@dataclass(frozen=True)
class Questionnaire:
    id: str
    version: int
    title: str
    scale: tuple[str, ...]  # labels for ratings 1..5
    bands: tuple[Band, ...]  # highest `min` first
    sections: tuple[Section, ...]  # in quiz order
    steps: tuple[Step, ...]  # restore steps, then build steps
    support: Support
    # Very low trust, from stored answers: every one of these signs rated within its set.
    low_trust: tuple[tuple[str, frozenset[int]], ...] = ()
    changes: Changes | None = None
    min_answered: int = MIN_ANSWERED

    @property
    def signs(self) -> tuple[Sign, ...]:
        """All statements in quiz order."""
        return tuple(sign for section in self.sections for sign in section.signs)

    def section(self, section_id: str) -> Section:
        return next(section for section in self.sections if section.id == section_id)

    def sign(self, sign_id: str) -> Sign:
        return next(sign for sign in self.signs if sign.id == sign_id)

    def step(self, step_id: str) -> Step:
        return next(step for step in self.steps if step.id == step_id)

    def band_for(self, index: float | None) -> Band | None:
        """The band an index falls in, or None for an incomplete index."""
        if index is None:
            return None
        return next((band for band in self.bands if index >= band.min), self.bands[-1])


# --- finding the content ---------------------------------------------------------------


def default_data_dir() -> Path:
    """The shipped content: inside the package in a wheel, at the repo root in a checkout."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "_data", package.parent / "data"):
        if (candidate / SIGNS_FILE).is_file():
            return candidate
    raise ContentError(
        _(
            errors.CONTENT_NOT_FOUND,
            package=package,
            variable=DATA_ENV,
            files=", ".join(CONTENT_FILES),
        )
    )


def resolve_data_dir(option: Path | None) -> Path:
    """The folder to read content from: the option, then the environment, then the shipped data."""
    if option is None and os.environ.get(DATA_ENV):
        option = Path(os.environ[DATA_ENV])
    if option is None:
        return default_data_dir()
    if not option.is_dir():
        raise ContentError(_(errors.CONTENT_FOLDER_MISSING, path=option))
    return option


def load_questionnaire(
    data_dir: Path | None = None, *, shared: Path | None = None, language: str | None = None
) -> Questionnaire:
    """Load and cross-check the content files; raise ContentError on any problem.

    `shared` is where steps.yaml comes from when the folder has none, as for the shipped
    earlier versions, which share the steps of the current one. support.yaml, when a
    folder has none, is the shipped one. `language` picks the folder's edition in that
    language, a subfolder such as es/, where it has one; its changes.yaml may stay in the
    folder above, since which statements kept their meaning is the same in every language.
    """
    folder = resolve_data_dir(data_dir)
    edition_of = None  # the folder whose edition in another language this is
    if language is not None and (folder / language / SIGNS_FILE).is_file():
        edition_of, folder = folder, folder / language
        shared = shared or edition_of
    documents: dict[str, Any] = {}

    def read(name: str, *, fallback: Callable[[], Path] | None = None) -> None:
        path = folder / name
        if fallback is not None and not os.path.lexists(path):
            path = fallback() / name  # looked for only when needed: it may not exist
        try:
            documents[name] = load_file(path, limit=CONTENT_LIMIT)
        except ReadError as error:
            raise ContentError(str(error)) from None

    read(SIGNS_FILE)
    read(STEPS_FILE, fallback=None if shared is None else lambda: shared)
    read(SUPPORT_FILE, fallback=lambda: shared or default_data_dir())
    if os.path.lexists(folder / CHANGES_FILE):
        read(CHANGES_FILE)
    elif edition_of is not None and os.path.lexists(edition_of / CHANGES_FILE):
        read(CHANGES_FILE, fallback=lambda: edition_of)
    for name in section_files(documents[SIGNS_FILE], path=str(folder / SIGNS_FILE)):
        if name not in documents:
            read(name)
    return build_questionnaire(documents, folder=folder)


def section_files(signs_document: Any, *, path: str) -> tuple[str, ...]:
    """The section files signs.yaml lists under questionnaire: sections, or the shipped two."""
    meta = signs_document.get("questionnaire") if isinstance(signs_document, Mapping) else None
    listed = meta.get("sections") if isinstance(meta, Mapping) else None
    if listed is None:
        return SECTION_FILES
    names = listed if isinstance(listed, list) else None
    if (
        not names
        or names[0] != SIGNS_FILE
        or not all(isinstance(name, str) and _FILE_NAME.fullmatch(name) for name in names)
    ):
        raise ContentError(_(errors.SECTIONS_LIST, path=path, first=repr(SIGNS_FILE)))
    if len(set(names)) != len(names):
        raise ContentError(_(errors.SECTIONS_FILE_TWICE, path=path))
    return tuple(names)


# --- validating ---------------------------------------------------------------------------


def checked_mapping(raw: Any, *, where: str, allowed: Collection[str]) -> Mapping[str, Any]:
    """A content file's mapping with only `allowed` keys; ContentError naming the place
    of anything else."""
    if raw is None:
        raise ContentError(_(errors.EMPTY_OR_MISSING, where=where))
    if not isinstance(raw, Mapping):
        raise ContentError(_(errors.NOT_A_MAPPING, where=where))
    unknown = [str(key) for key in raw if key not in allowed]
    if unknown:
        raise ContentError(_(errors.UNKNOWN_KEY, where=where, key=repr(unknown[0])))
    return raw


class _Reader:
    """Pulls typed fields out of one YAML mapping and names the place of any problem."""

    def __init__(self, raw: Any, *, where: str, allowed: Sequence[str]) -> None:
        self.raw = checked_mapping(raw, where=where, allowed=allowed)
        self.where = where

    def text(self, key: str, *, optional: bool = False) -> str:
        value = self.raw.get(key)
        if value is None and optional:
            return ""
        if not isinstance(value, str) or not value.strip():
            problem = errors.KEY_MISSING if value is None else errors.KEY_NOT_TEXT
            raise ContentError(_(problem, where=self.where, key=repr(key)))
        return " ".join(value.split())

    def ident(self, key: str) -> str:
        value = self.text(key)
        if not _KEBAB.fullmatch(value) or value in _YAML_WORDS:
            raise ContentError(
                _(errors.KEY_NOT_KEBAB, where=self.where, key=repr(key), value=repr(value))
            )
        return value

    def whole(self, key: str) -> int:
        value = self.raw.get(key)
        if type(value) is not int:
            raise ContentError(_(errors.KEY_NOT_WHOLE, where=self.where, key=repr(key)))
        return value

    def flag(self, key: str) -> bool:
        """An optional true or false, false when left out."""
        value = self.raw.get(key, False)
        if type(value) is not bool:
            raise ContentError(_(errors.KEY_NOT_TRUE_FALSE, where=self.where, key=repr(key)))
        return value

    def items(self, key: str, *, optional: bool = False) -> list[Any]:
        value = self.raw.get(key)
        if value is None and optional:
            return []
        if not isinstance(value, list):
            problem = errors.KEY_MISSING if value is None else errors.KEY_NOT_LIST
            raise ContentError(_(problem, where=self.where, key=repr(key)))
        return value

    def texts(self, key: str, *, optional: bool = False) -> tuple[str, ...]:
        values = self.items(key, optional=optional)
        if not all(isinstance(value, str) and _KEBAB.fullmatch(value) for value in values):
            raise ContentError(_(errors.KEY_NOT_KEBAB_IDS, where=self.where, key=repr(key)))
        return tuple(values)


def build_questionnaire(documents: Mapping[str, Any], *, folder: Path) -> Questionnaire:
    """Turn the parsed content documents (by file name) into a checked Questionnaire."""
    signs_path, steps_path = str(folder / SIGNS_FILE), str(folder / STEPS_FILE)
    top = _Reader(
        documents[SIGNS_FILE],
        where=signs_path,
        allowed=("questionnaire", "scale", "bands", "safety", "section", "signs"),
    )
    meta = _Reader(
        top.raw.get("questionnaire"),
        where=f"{signs_path}: questionnaire",
        allowed=("id", "version", "title", "sections"),
    )
    steps = _build_steps(documents[STEPS_FILE], path=steps_path)
    names = section_files(documents[SIGNS_FILE], path=signs_path)
    sections = tuple(
        _build_section(documents[name], path=str(folder / name), first=name == SIGNS_FILE)
        for name in names
    )
    paths = {section.id: str(folder / name) for section, name in zip(sections, names, strict=True)}
    _no_duplicates([section.id for section in sections], where=f"{folder}: sections")
    questionnaire = Questionnaire(
        id=meta.ident("id"),
        version=meta.whole("version"),
        title=meta.text("title"),
        scale=_build_scale(top.raw.get("scale"), path=signs_path),
        bands=_build_bands(top.items("bands"), path=signs_path),
        sections=sections,
        steps=steps,
        support=_build_support(documents[SUPPORT_FILE], path=str(folder / SUPPORT_FILE)),
        low_trust=_build_low_trust(top.raw.get("safety"), path=signs_path),
        changes=_build_changes(documents.get(CHANGES_FILE), path=str(folder / CHANGES_FILE)),
    )
    changes_path = str(folder / CHANGES_FILE)
    _cross_check(questionnaire, paths={**paths, STEPS_FILE: steps_path, CHANGES_FILE: changes_path})
    return questionnaire


def _build_support(raw: Any, *, path: str) -> Support:
    keys = ("question", "heading", "said_yes", "low_trust", "support")
    reader = _Reader(raw, where=path, allowed=keys)
    return Support(*(reader.text(key) for key in keys))


def _build_low_trust(raw: Any, *, path: str) -> tuple[tuple[str, frozenset[int]], ...]:
    """The rule for stored answers: `safety: low_trust:` maps sign ids to the ratings that,
    all together, show very low trust. A folder without it has no such rule."""
    if raw is None:
        return ()
    where = f"{path}: safety"
    low_trust = _Reader(raw, where=where, allowed=("low_trust",)).raw.get("low_trust")
    if not isinstance(low_trust, Mapping) or not low_trust:
        raise ContentError(_(errors.LOW_TRUST_RULE, where=where))
    rule = []
    for sign_id, ratings in low_trust.items():
        if (
            not isinstance(sign_id, str)
            or not isinstance(ratings, list)
            or not ratings
            or not all(type(rating) is int and 1 <= rating <= 5 for rating in ratings)
        ):
            raise ContentError(_(errors.LOW_TRUST_RULE, where=where))
        rule.append((sign_id, frozenset(ratings)))
    return tuple(rule)


def _build_changes(raw: Any, *, path: str) -> Changes | None:
    if raw is None:
        return None
    reader = _Reader(raw, where=path, allowed=("from_version", "kept", "reworded"))
    kept = reader.raw.get("kept") or {}
    if not isinstance(kept, Mapping) or not all(
        isinstance(key, str) and isinstance(value, str) and _KEBAB.fullmatch(value)
        for key, value in kept.items()
    ):
        raise ContentError(_(errors.KEPT_MAPPING, where=path))
    reworded = reader.texts("reworded", optional=True)
    both = sorted(set(kept) & set(reworded))
    if both:
        raise ContentError(_(errors.KEPT_AND_REWORDED, where=path, id=repr(both[0])))
    return Changes(from_version=reader.whole("from_version"), kept=dict(kept), reworded=reworded)


def _build_scale(raw: Any, *, path: str) -> tuple[str, ...]:
    where = f"{path}: scale"
    if not isinstance(raw, Mapping) or sorted(raw, key=str) != [1, 2, 3, 4, 5]:
        raise ContentError(_(errors.SCALE_RATINGS, where=where))
    labels = _Reader(raw, where=where, allowed=(1, 2, 3, 4, 5))  # type: ignore[arg-type]
    return tuple(labels.text(rating) for rating in (1, 2, 3, 4, 5))  # type: ignore[arg-type]


def _build_bands(raw: list[Any], *, path: str) -> tuple[Band, ...]:
    bands = []
    for number, item in enumerate(raw, start=1):
        reader = _Reader(
            item,
            where=_(errors.AT_BAND, path=path, number=number),
            allowed=("id", "min", "label", "description"),
        )
        bands.append(
            Band(
                id=reader.ident("id"),
                min=reader.whole("min"),
                label=reader.text("label"),
                description=reader.text("description"),
            )
        )
    minimums = [band.min for band in bands]
    if not bands or minimums != sorted(set(minimums), reverse=True) or minimums[-1] != 0:
        raise ContentError(_(errors.BANDS_ORDER, path=path))
    if minimums[0] > 100:
        raise ContentError(_(errors.BAND_ABOVE_100, path=path))
    _no_duplicates([band.id for band in bands], where=f"{path}: bands")
    return tuple(bands)


def _build_section(raw: Any, *, path: str, first: bool) -> Section:
    allowed = ("questionnaire", "scale", "bands", "safety", "section", "signs")
    top = _Reader(raw, where=path, allowed=allowed if first else allowed[4:])
    head = _Reader(
        top.raw.get("section"),
        where=f"{path}: section",
        allowed=("id", "agree_means", "title", "score_label", "intro"),
    )
    section_id = head.ident("id")
    agree_means = head.raw.get("agree_means")
    if agree_means not in (MORE_CLOSENESS, LESS_CLOSENESS):
        raise ContentError(
            _(errors.AGREE_MEANS, path=path, more=repr(MORE_CLOSENESS), less=repr(LESS_CLOSENESS))
        )
    closer = agree_means == MORE_CLOSENESS
    items = top.items("signs")
    if len(items) != SIGNS_PER_SECTION:
        raise ContentError(
            _(errors.SIGNS_COUNT, path=path, expected=SIGNS_PER_SECTION, count=len(items))
        )
    signs = tuple(
        _build_sign(
            item,
            where=_(errors.AT_SIGN, path=path, number=number),
            section=section_id,
            closer=closer,
        )
        for number, item in enumerate(items, start=1)
    )
    return Section(
        id=section_id,
        closer_when_agreed=closer,
        title=head.text("title"),
        score_label=head.text("score_label"),
        intro=head.text("intro"),
        signs=signs,
    )


def _build_sign(raw: Any, *, where: str, section: str, closer: bool) -> Sign:
    # Each sign is named for the list where its plain title would read wrongly.
    extra_title = "growth_title" if closer else "clear_title"
    keys = ["id", "title", "topic", extra_title, "statement", "about", "discuss", "steps", "tags"]
    if isinstance(raw, Mapping) and isinstance(raw.get("id"), str):
        where = _(errors.WITH_ID, where=where, id=raw["id"])
    reader = _Reader(raw, where=where, allowed=keys)
    steps = reader.texts("steps")
    if not 2 <= len(steps) <= 5:
        raise ContentError(_(errors.STEPS_COUNT, where=where, count=len(steps)))
    _no_duplicates(steps, where=f"{where}: steps")
    return Sign(
        id=reader.ident("id"),
        section=section,
        closer_when_agreed=closer,
        title=reader.text("title"),
        topic=reader.text("topic"),
        statement=reader.text("statement"),
        about=reader.text("about"),
        discuss=reader.text("discuss"),
        steps=steps,
        tags=reader.texts("tags", optional=True),
        clear_title=None if closer else reader.text("clear_title"),
        growth_title=reader.text("growth_title") if closer else None,
    )


def _build_steps(raw: Any, *, path: str) -> tuple[Step, ...]:
    top = _Reader(raw, where=path, allowed=("restore", "build"))
    steps: list[Step] = []
    for kind, expected in (("restore", RESTORE_STEPS), ("build", BUILD_STEPS)):
        items = top.items(kind)
        if len(items) != expected:
            raise ContentError(
                _(
                    errors.KIND_STEPS_COUNT,
                    path=path,
                    kind=repr(kind),
                    expected=expected,
                    count=len(items),
                )
            )
        for number, item in enumerate(items, start=1):
            where = _(errors.AT_STEP, path=path, kind=kind, number=number)
            steps.append(_build_step(item, where=where, kind=kind))
    _no_duplicates([step.id for step in steps], where=f"{path}: steps")
    return tuple(steps)


def _build_step(raw: Any, *, where: str, kind: str) -> Step:
    if isinstance(raw, Mapping) and isinstance(raw.get("id"), str):
        where = _(errors.WITH_ID, where=where, id=raw["id"])
    reader = _Reader(
        raw,
        where=where,
        allowed=("id", "title", "summary", "try_this", "exercises", "needs_safety"),
    )
    exercises = []
    for number, item in enumerate(reader.items("exercises", optional=True), start=1):
        exercise = _Reader(
            item, where=_(errors.AT_EXERCISE, where=where, number=number), allowed=("name", "how")
        )
        exercises.append(Exercise(name=exercise.text("name"), how=exercise.text("how")))
    return Step(
        id=reader.ident("id"),
        kind=kind,
        title=reader.text("title"),
        summary=reader.text("summary"),
        try_this=reader.text("try_this"),
        exercises=tuple(exercises),
        needs_safety=reader.flag("needs_safety"),
    )


def _cross_check(questionnaire: Questionnaire, *, paths: Mapping[str, str]) -> None:
    section_paths = [paths[section.id] for section in questionnaire.sections]
    _no_duplicates([sign.id for sign in questionnaire.signs], where=_joined(section_paths))
    known = {step.id for step in questionnaire.steps}
    named: set[str] = set()
    for section in questionnaire.sections:
        for sign in section.signs:
            for step_id in sign.steps:
                if step_id not in known:
                    raise ContentError(
                        _(
                            errors.UNKNOWN_STEP,
                            path=paths[section.id],
                            sign=repr(sign.id),
                            step=repr(step_id),
                        )
                    )
            named.update(sign.steps)
    signs = {sign.id for sign in questionnaire.signs}
    for sign_id, _ratings in questionnaire.low_trust:
        if sign_id not in signs:
            where = f"{section_paths[0]}: safety"
            raise ContentError(_(errors.LOW_TRUST_UNKNOWN_SIGN, where=where, sign=repr(sign_id)))
    changes = questionnaire.changes
    if changes is not None:
        where = paths[CHANGES_FILE]
        for sign_id in changes.kept.values():
            if sign_id not in signs:
                raise ContentError(
                    _(errors.UNKNOWN_SIGN, where=f"{where}: kept", sign=repr(sign_id))
                )
        if changes.from_version >= questionnaire.version:
            raise ContentError(
                _(errors.CHANGES_FROM_LATER, where=where, version=questionnaire.version)
            )
    for step in questionnaire.steps:
        if step.kind == "restore" and step.id not in named:
            raise ContentError(
                _(errors.RESTORE_STEP_UNNAMED, path=paths[STEPS_FILE], step=repr(step.id))
            )


def _joined(paths: Sequence[str]) -> str:
    """The files an id may be shared between, as in "signs.yaml and lack_signs.yaml"."""
    joined = paths[0] if paths else ""
    for path in paths[1:]:
        joined = _(errors.FILES_AND, files=joined, file=path)
    return joined


def _no_duplicates(ids: Sequence[str], *, where: str) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise ContentError(_(errors.ID_TWICE, where=where, id=repr(item)))
        seen.add(item)

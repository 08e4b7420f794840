"""Read data/patterns.yaml, when each response-pattern note is given, strictly.

It is one file for every language edition, like changes.yaml. A --data-dir folder (or
INTIMACY_CHECK_DATA) may hold its own; without one, the shipped file stands in. Only one
person's counselor's report reads it.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from intimacy_check.errors import ContentError
from intimacy_check.messages import _, errors
from intimacy_check.messages import patterns as m
from intimacy_check.patterns import Thresholds
from intimacy_check.questionnaire import (
    CONTENT_LIMIT,
    checked_mapping,
    default_data_dir,
    resolve_data_dir,
)
from intimacy_check.strict_yaml import ReadError, load_file

PATTERNS_FILE = "patterns.yaml"
# Each group's keys, and whether a key is a whole number (True) or any number (False).
SHAPE: Mapping[str, Mapping[str, bool]] = {
    "same_rating": {"run": True},
    "skipped": {"some": True, "many": True},
    "most_positive": {"answered": True, "nearly_percent": True},
    "quick": {"seconds_per_statement": False, "very_quick_seconds_per_statement": False},
}


def patterns_file(data_dir: Path | None) -> Path:
    """The folder's patterns.yaml, or the shipped one when the folder has none."""
    folder = resolve_data_dir(data_dir)
    path = folder / PATTERNS_FILE
    return path if os.path.lexists(path) else default_data_dir() / PATTERNS_FILE


def load_thresholds(data_dir: Path | None = None) -> Thresholds:
    """The thresholds of the notes; ContentError, one line, on any problem."""
    path = patterns_file(data_dir)
    try:
        raw = load_file(path, limit=CONTENT_LIMIT)
    except ReadError as error:
        raise ContentError(str(error)) from None
    return build_thresholds(raw, where=str(path))


def build_thresholds(raw: Any, *, where: str) -> Thresholds:
    """Check a parsed patterns.yaml and turn it into Thresholds."""
    top = checked_mapping(raw, where=where, allowed=SHAPE)
    read: dict[str, float] = {}
    for group, keys in SHAPE.items():
        inner = checked_mapping(top.get(group), where=f"{where}: {group}", allowed=keys)
        for key, whole in keys.items():
            read[f"{group}.{key}"] = _number(inner, key, where=f"{where}: {group}", whole=whole)
    # Below these, a note would be given for answers with nothing to note.
    for key, minimum in (
        ("same_rating.run", 2),
        ("skipped.some", 1),
        ("most_positive.answered", 1),
        ("most_positive.nearly_percent", 1),
    ):
        if read[key] < minimum:
            group, name = key.split(".")
            raise ContentError(
                _(
                    m.THRESHOLD_AT_LEAST,
                    where=f"{where}: {group}",
                    key=repr(name),
                    minimum=minimum,
                    value=read[key],
                )
            )
    if read["most_positive.nearly_percent"] > 100:
        value = read["most_positive.nearly_percent"]
        raise ContentError(
            _(
                m.THRESHOLD_PERCENT,
                where=f"{where}: most_positive",
                key="'nearly_percent'",
                value=value,
            )
        )
    if read["skipped.many"] < read["skipped.some"]:
        raise ContentError(
            _(m.THRESHOLD_ORDER, where=f"{where}: skipped", larger="'many'", smaller="'some'")
        )
    if read["quick.very_quick_seconds_per_statement"] > read["quick.seconds_per_statement"]:
        raise ContentError(
            _(
                m.THRESHOLD_ORDER,
                where=f"{where}: quick",
                larger="'seconds_per_statement'",
                smaller="'very_quick_seconds_per_statement'",
            )
        )
    return Thresholds(
        run=int(read["same_rating.run"]),
        skipped_some=int(read["skipped.some"]),
        skipped_many=int(read["skipped.many"]),
        positive_answered=int(read["most_positive.answered"]),
        positive_nearly_percent=int(read["most_positive.nearly_percent"]),
        quick_seconds=read["quick.seconds_per_statement"],
        very_quick_seconds=read["quick.very_quick_seconds_per_statement"],
    )


def _number(raw: Mapping[str, Any], key: str, *, where: str, whole: bool) -> float:
    value = raw.get(key)
    if value is None:
        raise ContentError(_(errors.KEY_MISSING, where=where, key=repr(key)))
    if whole and type(value) is not int:
        raise ContentError(_(errors.KEY_NOT_WHOLE, where=where, key=repr(key)))
    if type(value) not in (int, float) or not math.isfinite(value):
        raise ContentError(_(m.THRESHOLD_NOT_NUMBER, where=where, key=repr(key)))
    if value < 0:
        raise ContentError(_(m.THRESHOLD_NEGATIVE, where=where, key=repr(key), value=value))
    return float(value) if not whole else int(value)

"""Every version of the questionnaire an answer file may have answered.

A new quiz asks the loaded questionnaire: the shipped one, or a counselor's --data-dir.
Files answered before the questionnaire was revised stay readable: the package ships
each earlier version in `data/v<N>/`, which shares the current version's steps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from intimacy_check.answers import AnswerSheet, check_matches
from intimacy_check.questionnaire import (
    SIGNS_FILE,
    Questionnaire,
    default_data_dir,
    load_questionnaire,
)

Key = tuple[str, int]  # a questionnaire's id and version


def shipped_version(version: int) -> Questionnaire | None:
    """The shipped questionnaire of this version, or None if the package has none."""
    current = default_data_dir()
    folder = current / f"v{version}"
    if (folder / SIGNS_FILE).is_file():
        return load_questionnaire(folder, shared=current)
    shipped = load_questionnaire(current)
    return shipped if shipped.version == version else None


@dataclass
class Questionnaires:
    """The questionnaire a new quiz asks (`current`), and the one each file answered."""

    current: Questionnaire
    shipped: Callable[[int], Questionnaire | None] = shipped_version
    _known: dict[Key, Questionnaire | None] = field(default_factory=dict)

    def for_sheet(self, sheet: AnswerSheet, *, source: str) -> tuple[AnswerSheet, Questionnaire]:
        """The sheet as checked against the questionnaire it answered, and that
        questionnaire; AnswerFileError if this intimacy-check knows no such questionnaire,
        or the answers do not fit it."""
        key = (sheet.questionnaire_id, sheet.questionnaire_version)
        found = self.find(key)
        # Unknown: checked against the current one, whose message names both versions.
        checked = check_matches(sheet, questionnaire=found or self.current, source=source)
        assert found is not None  # check_matches refused any other questionnaire
        return checked, found

    def statement_ids(self) -> tuple[str, ...]:
        """Every statement id a file of this questionnaire may answer: the current
        version's in quiz order, then those only earlier versions have, newest first.
        An id never names two meanings, so one column per id serves every version."""
        ids = [sign.id for sign in self.current.signs]
        for version in range(self.current.version - 1, 0, -1):
            earlier = self.find((self.current.id, version))
            if earlier is not None:
                ids += [sign.id for sign in earlier.signs if sign.id not in ids]
        return tuple(ids)

    def find(self, key: Key) -> Questionnaire | None:
        if key == (self.current.id, self.current.version):
            return self.current
        if key not in self._known:
            shipped = self.shipped(key[1])
            self._known[key] = shipped if shipped is not None and shipped.id == key[0] else None
        return self._known[key]

"""Norms files: a caseload's figures saved by `summary --stats-out`, read by `progress --norms`.

The format (YAML, version 1)::

    format: intimacy-check/norms
    version: 1
    questionnaire: {id: emotional-intimacy, version: 2}
    n: 40                   # completed files the figures come from
    scales:                 # `index`, then every section of that questionnaire version
      index: {n: 40, mean: 61.5, sd: 14.2, alpha: 0.88}
      presence: {n: 40, mean: 66.1, sd: 15.0, alpha: 0.81}

`mean`, `sd` and `alpha` are null where they could not be computed (or, for alpha, came
out below 0): reliable change is then not told for that scale. Reading is strict, as for
every input: anything else is one line naming the file and the problem.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from intimacy_check.errors import IntimacyCheckError
from intimacy_check.messages import _, errors
from intimacy_check.messages import stats as text
from intimacy_check.stats import CaseloadStats, Figure

FORMAT = "intimacy-check/norms"
FORMAT_VERSION = 1
NORMS_FILE_LIMIT = 16 * 1024
_TOP_KEYS = ("format", "version", "questionnaire", "n", "scales")
_SCALE_KEYS = ("n", "mean", "sd", "alpha")


class NormsError(IntimacyCheckError):
    """A norms file cannot be read, or does not hold valid norms."""


@dataclass(frozen=True, slots=True)
class ScaleNorm:
    n: int
    mean: float | None
    sd: float | None
    alpha: float | None

    @property
    def usable(self) -> bool:
        """Reading checked sd > 0 and 0 <= alpha < 1: present is enough."""
        return self.sd is not None and self.alpha is not None


@dataclass(frozen=True, slots=True)
class Norms:
    source: str
    questionnaire_id: str
    questionnaire_version: int
    n: int
    scales: Mapping[str, ScaleNorm]  # "index" and each section id


# --- writing ----------------------------------------------------------------------------------


PLACES = 4
SMALLEST = 10**-PLACES  # the smallest figure a norms file can hold


def _written(value: Figure, *, usable: bool = True) -> str:
    return "null" if not isinstance(value, float) or not usable else f"{value:.{PLACES}f}"


def _usable_sd(value: Figure) -> bool:
    return isinstance(value, float) and round(value, PLACES) > 0


def _usable_alpha(value: Figure) -> bool:
    """As written, so that the file reads back: an alpha that rounds to 1 leaves no noise
    to set a change beside, and one below 0 says the statements do not hang together."""
    return isinstance(value, float) and 0 <= round(value, PLACES) < 1


def format_norms(figures: CaseloadStats) -> str:
    """The YAML text of a norms file; figures that cannot be used are null."""
    lines = [
        "# " + _(text.NORMS_FILE_HEADER),
        f"format: {FORMAT}",
        f"version: {FORMAT_VERSION}",
        "questionnaire:",
        f"  id: {figures.questionnaire_id}",
        f"  version: {figures.questionnaire_version}",
        f"n: {figures.n}",
        "scales:",
    ]
    for scale in figures.scales:
        lines += [
            f"  {scale.id}:",
            f"    n: {scale.n}",
            f"    mean: {_written(scale.mean)}",
            f"    sd: {_written(scale.sd, usable=_usable_sd(scale.sd))}",
            f"    alpha: {_written(scale.alpha, usable=_usable_alpha(scale.alpha))}",
        ]
    return "\n".join(lines) + "\n"


# --- reading ----------------------------------------------------------------------------------


def read_norms(path: Path) -> Norms:
    """Read and strictly check a norms file's shape; NormsError naming any problem."""
    from intimacy_check.strict_yaml import ReadError, decode_text, parse_yaml, read_limited

    source = str(path)
    try:
        content = read_limited(path, limit=NORMS_FILE_LIMIT)
        document = parse_yaml(decode_text(content, source=source), source=source)
    except ReadError as error:
        raise NormsError(str(error)) from None
    return parse_norms(document, source=source)


def parse_norms(document: Any, *, source: str) -> Norms:
    if not isinstance(document, Mapping):
        if document is None:
            raise NormsError(_(text.NORMS_EMPTY, source=source))
        raise NormsError(_(text.NORMS_KIND, source=source, kind=type(document).__name__))
    if document.get("format") != FORMAT:
        raise NormsError(_(text.NORMS_NOT_NORMS, source=source, format=FORMAT))
    _no_unknown(document, _TOP_KEYS, where=source)
    version = _whole(document, "version", where=source)
    if version > FORMAT_VERSION:
        raise NormsError(_(text.NORMS_NEWER, source=source, version=version))
    questionnaire = _mapping(document, "questionnaire", where=source)
    where = f"{source}: questionnaire"
    _no_unknown(questionnaire, ("id", "version"), where=where)
    questionnaire_id = _present(questionnaire, "id", where=where)
    if not isinstance(questionnaire_id, str) or not questionnaire_id:
        raise NormsError(_(text.NORMS_NOT_TEXT, where=where, key="'id'"))
    questionnaire_version = _whole(questionnaire, "version", where=where)
    total = _whole(document, "n", where=source)
    scales = _mapping(document, "scales", where=source)
    return Norms(
        source=source,
        questionnaire_id=questionnaire_id,
        questionnaire_version=questionnaire_version,
        n=total,
        scales={
            str(scale_id): _scale(raw, where=f"{source}: scales: {scale_id}", total=total)
            for scale_id, raw in scales.items()
        },
    )


def _scale(raw: Any, *, where: str, total: int) -> ScaleNorm:
    if not isinstance(raw, Mapping):
        raise NormsError(_(text.NORMS_NOT_MAPPING, where=where, key="'n', 'mean', 'sd', 'alpha'"))
    _no_unknown(raw, _SCALE_KEYS, where=where)
    n = _present(raw, "n", where=where)
    if type(n) is not int or n < 0:  # 0: no file had that part's score
        raise NormsError(_(text.NORMS_NOT_COUNT, where=where, key="'n'"))
    if n > total:
        raise NormsError(_(text.NORMS_N_TOO_BIG, where=where, value=n, total=total))
    mean, sd, alpha = (_number(raw, key, where=where) for key in ("mean", "sd", "alpha"))
    if mean is not None and not 0 <= mean <= 100:
        raise NormsError(_(text.NORMS_MEAN_RANGE, where=where, value=mean))
    # Only what `format_norms` can write: figures of 4 places, from 2 files or more. A
    # smaller sd, or an alpha nearer 1, would make any change look far beyond noise.
    if sd is not None and not SMALLEST <= sd <= 100:
        raise NormsError(_(text.NORMS_SD_RANGE, where=where, value=sd))
    if alpha is not None and not 0 <= alpha <= 1 - SMALLEST:
        raise NormsError(_(text.NORMS_ALPHA_RANGE, where=where, value=alpha))
    if (sd is not None or alpha is not None) and n < 2:
        raise NormsError(_(text.NORMS_TOO_FEW, where=where, n=n))
    return ScaleNorm(n=n, mean=mean, sd=sd, alpha=alpha)


def _no_unknown(raw: Mapping[Any, Any], known: tuple[str, ...], *, where: str) -> None:
    unknown = [str(key) for key in raw if key not in known]
    if unknown:
        raise NormsError(_(errors.UNKNOWN_KEY, where=where, key=repr(unknown[0])))


def _present(raw: Mapping[Any, Any], key: str, *, where: str) -> Any:
    if key not in raw:
        raise NormsError(_(errors.KEY_MISSING, where=where, key=repr(key)))
    return raw[key]


def _whole(raw: Mapping[Any, Any], key: str, *, where: str) -> int:
    value = _present(raw, key, where=where)
    if type(value) is not int or value < 1:
        raise NormsError(_(text.NORMS_NOT_WHOLE, where=where, key=repr(key)))
    return value


def _mapping(raw: Mapping[Any, Any], key: str, *, where: str) -> Mapping[Any, Any]:
    value = _present(raw, key, where=where)
    if not isinstance(value, Mapping):
        raise NormsError(_(text.NORMS_NOT_MAPPING, where=where, key=repr(key)))
    return value


def _number(raw: Mapping[Any, Any], key: str, *, where: str) -> float | None:
    value = _present(raw, key, where=where)
    if value is None:
        return None
    if type(value) not in (int, float) or not math.isfinite(value):
        raise NormsError(_(text.NORMS_NOT_NUMBER, where=where, key=repr(key)))
    return float(value)


def check_norms(norms: Norms, questionnaire: Any) -> None:
    """Refuse norms whose scales are not the index and the sections of `questionnaire`,
    the version they name, as this intimacy-check knows it."""
    expected = ["index", *(section.id for section in questionnaire.sections)]
    names = {"id": norms.questionnaire_id, "version": norms.questionnaire_version}
    for scale_id in expected:
        if scale_id not in norms.scales:
            raise NormsError(
                _(text.NORMS_SCALE_MISSING, source=norms.source, scale=repr(scale_id), **names)
            )
    for scale_id in norms.scales:
        if scale_id not in expected:
            raise NormsError(
                _(text.NORMS_SCALE_UNKNOWN, source=norms.source, scale=repr(scale_id), **names)
            )

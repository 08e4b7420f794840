"""Small builders shared by the tests: the sign ids in quiz order and answer sheets."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import MappingProxyType
from typing import Any

from intimacy_check.answers import COMPLETED, AnswerSheet

# Written out rather than read from the data, so a reordering of the content is noticed.
PRESENCE_IDS = (
    "care-for-needs",
    "trust",
    "active-listening",
    "agree-to-disagree",
    "shared-interests",
    "be-yourself",
    "beyond-physical",
    "sense-when-wrong",
    "vulnerability",
    "beyond-appearance",
)
ABSENCE_IDS = (
    "less-time-together",
    "feeling-left-out",
    "frequent-complaints",
    "holding-grudges",
    "emotions-unshared",
    "touch-only-in-bed",
    "opinions-not-valued",
    "lack-of-trust",
    "no-heart-to-heart",
    "uneven-sharing",
)

PLUS_ONE = timezone(timedelta(hours=1))
STARTED_AT = datetime(2026, 1, 31, 20, 15, 0, tzinfo=PLUS_ONE)
COMPLETED_AT = datetime(2026, 1, 31, 20, 27, 30, tzinfo=PLUS_ONE)


def all_sign_ids() -> tuple[str, ...]:
    """The 20 sign ids of the shipped questionnaire, in quiz order."""
    return PRESENCE_IDS + ABSENCE_IDS


def ratings_for(
    presence: Sequence[int | None], absence: Sequence[int | None]
) -> dict[str, int | None]:
    """Ratings keyed by sign id, from one list per section in quiz order."""
    assert len(presence) == len(absence) == 10
    return dict(zip(PRESENCE_IDS + ABSENCE_IDS, [*presence, *absence], strict=True))


def uniform(rating: int | None) -> dict[str, int | None]:
    """Every sign given the same rating."""
    return dict.fromkeys(all_sign_ids(), rating)


def make_sheet(
    ratings: Mapping[str, int | None],
    *,
    name: str = "Alex",
    status: str = COMPLETED,
    version: int = 1,
) -> AnswerSheet:
    """An answer sheet for a shipped questionnaire (version 1, whose ids are above, unless
    told) with fixed, time-zone-aware times."""
    return AnswerSheet(
        respondent=name,
        questionnaire_id="emotional-intimacy",
        questionnaire_version=version,
        started_at=STARTED_AT,
        status=status,
        completed_at=COMPLETED_AT if status == COMPLETED else None,
        answers=MappingProxyType(dict(ratings)),
    )


def spawn_cli(*args: str, cwd: Path, timeout: float = 30) -> Any:
    """intimacy-check in a real pseudo-terminal (the timeout guards a hang, it times nothing)."""
    import os
    import sys

    import pexpect

    return pexpect.spawn(
        sys.executable,
        ["-m", "intimacy_check", *args],
        cwd=str(cwd),
        timeout=timeout,
        encoding="utf-8",
        dimensions=(40, 100),
        env={**os.environ, "TERM": "xterm-256color"},
    )


class Pointing:
    """A stand-in for a sign or section, pointing the way the named shipped section does."""

    def __init__(self, section: str) -> None:
        self.closer_when_agreed = section == "presence"

    def __repr__(self) -> str:
        return f"Pointing(closer_when_agreed={self.closer_when_agreed})"


def unprivileged() -> list[str]:
    """A command prefix under which file modes apply, even to root.

    CI runs as root, which reads and writes anything. `setpriv --bounding-set=-all`
    keeps the user but drops every capability, so root is bound by modes like anyone.
    """
    import os
    import shutil

    import pytest

    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv (util-linux), so file modes do not apply")
    return [setpriv, "--bounding-set=-all", "--inh-caps=-all"]


def run_unprivileged(code: str) -> str:
    """Run Python `code` under `unprivileged()` and return what it prints."""
    import subprocess
    import sys

    result = subprocess.run(
        [*unprivileged(), sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,  # guards against a hang; times nothing
        check=True,
    )
    return result.stdout.strip()


SAFETY_PROMPT = "y yes, n no, Enter to skip: "


def skip_safety_question(child: Any) -> None:
    """At a terminal the quiz ends with its private safety question: skip it, as a person may."""
    child.expect_exact(SAFETY_PROMPT)
    child.sendline("")

"""Fixtures shared by the tests: the shipped questionnaire and a scratch copy of its content."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import all_sign_ids

from intimacy_check import language
from intimacy_check.questionnaire import Questionnaire, load_questionnaire

SHIPPED_DATA = Path(__file__).parent.parent / "data"

# The tests read English unless one asks for another language: whatever the machine's
# locale, and for the commands they start too.
for _variable in (language.ENV, *language.LOCALE_VARIABLES):
    os.environ.pop(_variable, None)
os.environ["LANG"] = "C.UTF-8"


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    """A run in another language leaves the catalogue installed; the next test starts
    in English."""
    yield
    language.use(language.ENGLISH)


@pytest.fixture(scope="session")
def questionnaire() -> Questionnaire:
    """Version 1 of the shipped questionnaire, from data/v1/ with the shared steps.

    Most tests score answer sheets with fixed ratings for its statements (`helpers`):
    scoring, comparing and rendering work the same for every version, and version 1 stays
    shipped so that its answer files stay readable. Tests of version 2 itself use
    `questionnaire_v2`.
    """
    return load_questionnaire(SHIPPED_DATA / "v1", shared=SHIPPED_DATA)


@pytest.fixture(scope="session")
def questionnaire_v2() -> Questionnaire:
    """The questionnaire a new quiz asks: version 2, in data/."""
    return load_questionnaire(SHIPPED_DATA)


@pytest.fixture(scope="session", params=language.AVAILABLE)
def edition_v2(request: pytest.FixtureRequest) -> Questionnaire:
    """Version 2 in each language it ships in (data/, data/es/): the checks of its
    structure hold for every edition."""
    return load_questionnaire(SHIPPED_DATA, language=request.param)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/*.yaml that a test may break."""
    folder = tmp_path / "data"
    folder.mkdir()
    for source in sorted(SHIPPED_DATA.glob("*.yaml")):
        shutil.copy(source, folder / source.name)
    return folder


@pytest.fixture
def v1_data_copy(tmp_path: Path) -> Path:
    """A folder of version-1 content, as a counselor's own --data-dir of version 1 holds
    it: data/v1/ with its own steps.yaml, and no support.yaml (the shipped one is used)."""
    folder = tmp_path / "data-v1"
    folder.mkdir()
    for source in sorted((SHIPPED_DATA / "v1").glob("*.yaml")):
        shutil.copy(source, folder / source.name)
    shutil.copy(SHIPPED_DATA / "steps.yaml", folder / "steps.yaml")
    return folder


@pytest.fixture(scope="session")
def sign_ids() -> tuple[str, ...]:
    """The 20 sign ids in quiz order."""
    return all_sign_ids()

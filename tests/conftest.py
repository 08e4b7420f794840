"""Fixtures shared by the tests: the shipped questionnaire and a scratch copy of its content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import all_sign_ids

from intimacy_check.questionnaire import Questionnaire, load_questionnaire

SHIPPED_DATA = Path(__file__).parent.parent / "data"


@pytest.fixture(scope="session")
def questionnaire() -> Questionnaire:
    """The questionnaire loaded from the repository's data/ folder."""
    return load_questionnaire(SHIPPED_DATA)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/*.yaml that a test may break."""
    folder = tmp_path / "data"
    folder.mkdir()
    for source in sorted(SHIPPED_DATA.glob("*.yaml")):
        shutil.copy(source, folder / source.name)
    return folder


@pytest.fixture(scope="session")
def sign_ids() -> tuple[str, ...]:
    """The 20 sign ids in quiz order."""
    return all_sign_ids()

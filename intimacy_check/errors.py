"""The project's own errors: each carries a message written for a person."""

from __future__ import annotations


class IntimacyCheckError(Exception):
    """Base error: the CLI prints its message on one line and exits with code 1."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ContentError(IntimacyCheckError):
    """A questionnaire content file is missing, malformed or inconsistent."""


class AnswerFileError(IntimacyCheckError):
    """An answer file cannot be read, or does not hold valid answers."""


class CompareError(IntimacyCheckError):
    """Two answer files cannot be compared as they are."""


class ReportTemplateError(IntimacyCheckError):
    """A report template cannot be read or rendered."""


class SaveError(IntimacyCheckError):
    """An answer file or report could not be written."""


class PdfEngineError(IntimacyCheckError):
    """No engine can make a PDF here, or the one chosen failed."""


class PassphraseError(IntimacyCheckError):
    """A sealed file's passphrase could not be had, or does not open it."""


class UsageError(IntimacyCheckError):
    """The command line asks for something that cannot be done."""

    exit_code = 2

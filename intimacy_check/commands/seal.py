"""`intimacy-check seal` and `intimacy-check unseal`: an answer file into and out of the
age format, with its owner's passphrase."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from intimacy_check import answers
from intimacy_check.answers import (
    AnswerFileLock,
    check_writable,
    is_sealed,
    parse_answer_bytes,
    read_answer_bytes,
    write_private,
)
from intimacy_check.commands.passphrases import Keyring, PassphraseFiles
from intimacy_check.errors import AnswerFileError, SaveError, UsageError
from intimacy_check.messages import _
from intimacy_check.messages import commands as commands_text
from intimacy_check.messages import sealing as text
from intimacy_check.sealing import (
    SEALED_SUFFIX,
    drop_key,
    open_sealed,
    seal_with_passphrase,
    sealed_name,
)

Force = Annotated[bool, typer.Option("--force", help=_(text.SEAL_FORCE_HELP))]


def seal(
    file: Annotated[Path, typer.Argument(help=_(text.SEAL_FILE_HELP), readable=False)],
    keep: Annotated[bool, typer.Option("--keep", help=_(text.KEEP_HELP))] = False,
    force: Force = False,
    passphrase_file: PassphraseFiles = None,
) -> None:
    """Seal a plain answer file with a passphrase.

    Writes FILE.age, which opens with the passphrase here or with `age -d`, and removes
    the plain file once the sealed one is saved and checked (--keep keeps it).
    """
    keyring = Keyring(passphrase_file)
    keyring.expect(1)
    path = answers.resolve_link(file)  # the file a link names is the one that is sealed
    with AnswerFileLock(path):  # refused while a quiz is writing it
        content = read_answer_bytes(path)
        if is_sealed(content):
            raise AnswerFileError(_(text.ALREADY_SEALED, path=file))
        parse_answer_bytes(content, source=str(file))  # only a valid answer file is sealed
        target = sealed_name(path)
        check_writable(target, force=force, what="sealed")
        passphrase = keyring.choose()
        write_private(target, seal_with_passphrase(content, passphrase))
        drop_key(target)  # a key left by an unfinished quiz of that name
        # Checked as it was saved, before the only other copy goes.
        if open_sealed(target, read_answer_bytes(target), passphrase).plain != content:
            raise SaveError(_(text.SEAL_CHECK_FAILED, sealed=target, path=file))
        if not keep:
            os.unlink(path)
    done = text.SEALED_KEPT if keep else text.SEALED_REMOVED
    typer.echo(_(done, path=file, sealed=target), err=True)


def unseal(
    file: Annotated[Path, typer.Argument(help=_(text.UNSEAL_FILE_HELP), readable=False)],
    output: Annotated[
        Optional[Path],  # noqa: UP045 - typer reads this annotation at run time
        typer.Option("--output", "-o", help=_(text.UNSEAL_OUTPUT_HELP), show_default=False),
    ] = None,
    force: Force = False,
    passphrase_file: PassphraseFiles = None,
) -> None:
    """Write out the plain answer file of a sealed one.

    Writes it beside the sealed file, without .age, readable by you alone; the sealed
    file stays as it is.
    """
    keyring = Keyring(passphrase_file)
    keyring.expect(1)
    if output is None and not file.name.endswith(SEALED_SUFFIX):
        raise UsageError(_(text.NO_AGE_SUFFIX, path=file))
    target = output if output is not None else file.with_name(file.name[: -len(SEALED_SUFFIX)])
    to_stdout = str(target) == "-"
    if not to_stdout:
        if target.resolve() == file.resolve():
            raise UsageError(_(commands_text.OUTPUT_IS_INPUT, path=target))
        check_writable(target, force=force, what="plain")
    content = read_answer_bytes(file)
    if not is_sealed(content):
        raise AnswerFileError(_(text.NOT_SEALED, path=file))
    plain = keyring.open(file, content).plain
    parse_answer_bytes(plain, source=str(file))  # an answer file, not just any age file
    if to_stdout:
        sys.stdout.buffer.write(plain)
        return
    write_private(target, plain)
    typer.echo(_(text.UNSEALED, plain=target), err=True)

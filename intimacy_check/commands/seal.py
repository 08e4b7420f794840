"""`intimacy-check seal` and `intimacy-check unseal`: an answer file into and out of the
age format, with its owner's passphrase."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from intimacy_check.answers import (
    AnswerFileLock,
    TargetKind,
    check_writable,
    is_sealed,
    parse_answer_bytes,
    read_answer_bytes,
    target_kind,
    write_private,
)
from intimacy_check.commands.passphrases import Keyring, PassphraseFiles
from intimacy_check.errors import AnswerFileError, SaveError, UsageError
from intimacy_check.messages import _
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
    if str(file) == "-" or target_kind(file) is TargetKind.LINKED:
        # Standard input has no name to seal beside, and the plain file a link names is
        # the one that would be removed, far from where the link is.
        raise UsageError(_(text.SEAL_NEEDS_THE_FILE, path=file))
    target = sealed_name(file)
    if target_kind(target) is not TargetKind.NEW and _same_file(target, file):
        raise UsageError(_(text.SEALED_IS_PLAIN, sealed=target, path=file))
    # Refused while a quiz is writing either of them.
    with AnswerFileLock(file), AnswerFileLock(target):
        content = read_answer_bytes(file)
        if is_sealed(content):
            raise AnswerFileError(_(text.ALREADY_SEALED, path=file))
        parse_answer_bytes(content, source=str(file))  # only a valid answer file is sealed
        check_writable(target, force=force, what="sealed")
        passphrase = keyring.choose()
        write_private(target, seal_with_passphrase(content, passphrase))
        drop_key(target)  # a key left by an unfinished quiz of that name
        # Checked as it was saved, before the only other copy goes.
        if open_sealed(target, read_answer_bytes(target), passphrase).plain != content:
            raise SaveError(_(text.SEAL_CHECK_FAILED, sealed=target, path=file))
        if not keep:
            os.unlink(file)
    done = text.SEALED_KEPT if keep else text.SEALED_REMOVED
    typer.echo(_(done, path=file, sealed=target), err=True)


def _same_file(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


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
            raise UsageError(_(text.PLAIN_IS_SEALED, plain=target))
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

"""Sealed answer files: the age format (age-encryption.org/v1), through pyrage.

A finished sealed file is sealed with its owner's passphrase (age's scrypt recipient), so
the standard tool opens it: `age -d FILE`. Passphrase key stretching takes a second or
more, far too slow for the save after every answer. So while a quiz is unfinished its
answers are sealed to a key of their own (an age X25519 identity), made when the quiz
starts and kept beside them in `.FILE.key`, itself sealed once with the passphrase; age
opens that pair with `age -d -i .FILE.key FILE`. When the quiz ends, the answers are
sealed with the passphrase and the key file is removed.

This module holds no passphrase prompts (see `commands/passphrases.py`) and reads nothing
from the terminal; it seals, opens and saves.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pyrage
from pyrage import passphrase as scrypt
from pyrage import x25519

from intimacy_check.answers import SEALED_MAGIC, TargetKind, target_kind, write_private
from intimacy_check.errors import AnswerFileError, PassphraseError, SaveError
from intimacy_check.messages import _
from intimacy_check.messages import sealing as text
from intimacy_check.strict_yaml import ReadError, read_limited

SEALED_SUFFIX = ".age"
# The work factor age itself accepts at most; a file asking for more could take minutes
# and gigabytes before any passphrase is known to be wrong.
MAX_WORK_FACTOR = 22
KEY_FILE_LIMIT = 4096
_KEY_PREFIX = "AGE-SECRET-KEY-"
_NO_MATCHING_KEY = "No matching keys found"  # the age library's words for a key of another file


class WrongPassphrase(PassphraseError):
    """The passphrase does not open this sealed file."""


@dataclass(frozen=True)
class Opened:
    """A sealed file's plain bytes, and how to go on saving it sealed."""

    plain: bytes = field(repr=False)  # never the answers, in a traceback or a log
    seal: Seal


class Seal:
    """How one sealed answer file is saved: to its own key while the quiz runs (fast),
    with its owner's passphrase once it is finished (slow, once)."""

    def __init__(self, passphrase: str, identity: x25519.Identity | None = None) -> None:
        self._passphrase = passphrase
        self._identity = identity

    def __repr__(self) -> str:
        return "Seal(...)"  # never the passphrase, in a traceback or a log

    @property
    def ready(self) -> bool:
        """Whether its key is made, so that every save from now on is quick."""
        return self._identity is not None

    def save(self, path: Path, content: str, *, finished: bool) -> None:
        """Seal `content` into `path`, atomically and privately, as write_private does."""
        plain = content.encode("utf-8")
        if finished:
            write_private(path, seal_with_passphrase(plain, self._passphrase))
            drop_key(path)  # the finished file opens with the passphrase alone
            return
        identity = self.prepare(path)
        write_private(path, bytes(pyrage.encrypt(plain, [identity.to_public()])))

    def prepare(self, path: Path) -> x25519.Identity:
        """The file's own key, made and saved (sealed with the passphrase, which is the
        slow part) the first time, before any answer is sealed to it."""
        if self._identity is None:
            key = key_path(path)
            # Never through a link or into a special file someone planted in its place.
            if target_kind(key) not in (TargetKind.NEW, TargetKind.REGULAR):
                raise SaveError(_(text.KEY_NOT_REGULAR, key=key, path=path))
            identity = x25519.Identity.generate()
            write_private(key, seal_key(identity, self._passphrase))
            self._identity = identity
        return self._identity


def key_path(path: Path) -> Path:
    """Where the key of an unfinished sealed file is kept: hidden, beside it, or beside
    the file a link names, where the quiz writes."""
    real = Path(os.path.realpath(path))
    return real.with_name(f".{real.name}.key")


def drop_key(path: Path) -> None:
    """Remove the key of a file that no longer needs one, if it has one."""
    try:
        os.unlink(key_path(path))
    except OSError:
        pass


def sealed_name(path: Path) -> Path:
    return path.with_name(path.name + SEALED_SUFFIX)


def seal_key(identity: x25519.Identity, passphrase: str) -> bytes:
    """An age identity file holding `identity`, sealed with the passphrase: the form
    `age -d -i` opens, asking for the passphrase."""
    lines = f"# public key: {identity.to_public()}\n{identity}\n"
    return seal_with_passphrase(lines.encode("ascii"), passphrase)


def seal_with_passphrase(plain: bytes, passphrase: str) -> bytes:
    return bytes(scrypt.encrypt(plain, passphrase))


@dataclass(frozen=True)
class Checked:
    """What is known of a sealed file before its passphrase: the sealed key it needs, for
    an unfinished file, or None for one sealed with the passphrase alone."""

    key: bytes | None = field(repr=False)


def check_openable(path: Path, content: bytes) -> Checked:
    """Check what can be checked of a sealed file without its passphrase, so that nobody
    types one for a file that cannot open; its key is read here, once."""
    kind = first_stanza(content, source=str(path))
    if kind == "X25519":
        return Checked(key=_read_key(path))
    if kind != "scrypt":
        raise AnswerFileError(_(text.OTHER_RECIPIENT, path=path, kind=kind))
    return Checked(key=None)


def open_sealed(
    path: Path, content: bytes, passphrase: str, checked: Checked | None = None
) -> Opened:
    """Open a sealed answer file's bytes (`checked` by check_openable, or checked here);
    raise WrongPassphrase or AnswerFileError. Nothing is written, and the file is never
    touched."""
    checked = checked or check_openable(path, content)
    if checked.key is None:
        return Opened(_scrypt_open(content, passphrase, source=path), Seal(passphrase))
    identity = _open_key(path, checked.key, passphrase)
    try:
        plain = bytes(pyrage.decrypt(content, [identity]))
    except pyrage.DecryptError as error:
        if str(error) == _NO_MATCHING_KEY:
            key = key_path(path)
            raise AnswerFileError(_(text.KEY_OF_ANOTHER_FILE, path=path, key=key)) from None
        raise AnswerFileError(_(text.DAMAGED, path=path, problem=str(error))) from None
    return Opened(plain, Seal(passphrase, identity))


def first_stanza(content: bytes, *, source: str) -> str:
    """The type of an age header's first recipient stanza, which is plain text: whether a
    passphrase or a key seals the file. A passphrase's work factor is checked too."""
    head = content[len(SEALED_MAGIC) : len(SEALED_MAGIC) + 512]
    line, ended, _rest = head.partition(b"\n")
    words = line.decode("ascii", "replace").split(" ")
    if not ended or len(words) < 3 or words[0] != "->":  # cut short, or no recipient at all
        raise AnswerFileError(_(text.DAMAGED, path=source, problem=_(text.NO_RECIPIENT)))
    kind, arguments = words[1], words[2:]
    if kind == "scrypt":
        work = arguments[1] if len(arguments) == 2 else ""
        if not work.isdigit():
            raise AnswerFileError(_(text.DAMAGED, path=source, problem=_(text.NO_RECIPIENT)))
        if int(work) > MAX_WORK_FACTOR:
            raise AnswerFileError(_(text.WORK_FACTOR, path=source, limit=MAX_WORK_FACTOR))
    return kind


def _scrypt_open(content: bytes, passphrase: str, *, source: Path) -> bytes:
    try:
        return bytes(scrypt.decrypt(content, passphrase))
    except pyrage.DecryptError as error:
        # age reports a passphrase that does not unwrap the file key as this, and a
        # damaged file as anything else.
        if str(error) == "Decryption failed":
            raise WrongPassphrase(_(text.WRONG_PASSPHRASE, path=source)) from None
        raise AnswerFileError(_(text.DAMAGED, path=source, problem=str(error))) from None


def _read_key(path: Path) -> bytes:
    key = key_path(path)
    try:
        content = read_limited(key, limit=KEY_FILE_LIMIT)
    except ReadError as error:
        raise AnswerFileError(_(text.KEY_UNREADABLE, path=path, problem=error)) from None
    if not content.startswith(SEALED_MAGIC) or first_stanza(content, source=str(key)) != "scrypt":
        raise AnswerFileError(_(text.KEY_DAMAGED, path=path, key=key))
    return content


def _open_key(path: Path, key: bytes, passphrase: str) -> x25519.Identity:
    lines = _scrypt_open(key, passphrase, source=path).decode("ascii", "replace")
    for line in lines.splitlines():
        if line.startswith(_KEY_PREFIX):
            try:
                return x25519.Identity.from_str(line.strip())
            except pyrage.IdentityError:
                break
    raise AnswerFileError(_(text.KEY_DAMAGED, path=path, key=key_path(path)))

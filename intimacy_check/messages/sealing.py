"""Sealed answer files: the passphrase prompts, the seal and unseal commands, and their
one-line errors. None of them ever holds a passphrase: only where it was to come from."""

from __future__ import annotations

from intimacy_check.messages import N_

# --- opening a sealed file (sealing) ---------------------------------------------------------

WRONG_PASSPHRASE = N_("wrong passphrase for {path}")
DAMAGED = N_("{path}: is sealed, but cannot be opened; it looks damaged ({problem})")
NO_RECIPIENT = N_("its header names no recipient")
OTHER_RECIPIENT = N_(
    "{path}: is sealed to an age key of the kind {kind}, not with a passphrase; "
    "open it with age itself"
)
WORK_FACTOR = N_(
    "{path}: asks for more passphrase work than age allows (a work factor above {limit})"
)
KEY_UNREADABLE = N_("{path}: is an unfinished sealed file whose key cannot be read: {problem}")
KEY_DAMAGED = N_("{path}: is an unfinished sealed file whose key {key} is damaged")
KEY_OF_ANOTHER_FILE = N_(
    "{path}: is an unfinished sealed file, and the key beside it, {key}, belongs to another file"
)
KEY_NOT_REGULAR = N_(
    "{key}: is not a regular file, so the key to {path} cannot be saved there; remove it first"
)
SEALED_NEEDS_PASSPHRASE = N_("{path}: is sealed, and opens only with its passphrase")

# --- where a passphrase comes from (commands.passphrases) -------------------------------------

PASSPHRASE_FILE_HELP = N_(
    "Read a passphrase from this file, readable by you alone (for scripts). "
    "Give it once for each sealed file or person, in order."
)
PASSPHRASE_FILE_READABLE = N_(
    "{path}: others can read this passphrase file; make it yours alone with: chmod 600 {path}"
)
PASSPHRASE_FILE_EMPTY = N_("{path}: holds no passphrase")
PASSPHRASE_FILE_STDIN = N_(
    "--passphrase-file - would read the passphrase from standard input; give a file that "
    "only you can read, or type it at the terminal"
)
PASSPHRASE_FILES_FEWER = N_(
    "--passphrase-file gives fewer passphrases ({given}) than the people and sealed files "
    "here need ({needed}); give one for each, or run this at a terminal"
)
TYPED_NOT_TEXT = N_("the passphrase typed is not UTF-8 text")
PROBLEM_AT_HAND_OVER = N_(
    "{problem}; the answers so far are saved in {files}. Go on later with: {command}"
)
PASSPHRASE_FILE_LINES = N_("{path}: holds more than one line; keep the passphrase alone in it")
PASSPHRASE_FILE_NOT_TEXT = N_("{path}: is not UTF-8 text")
PASSPHRASE_FILE_TOO_SHORT = N_("{path}: the passphrase in it is shorter than {minimum} characters")
# A count in words would need plural forms; the numbers stand in brackets instead.
TOO_MANY_PASSPHRASE_FILES = N_(
    "there are more --passphrase-file options ({given}) than sealed files or people "
    "that need a passphrase ({needed})"
)
NEEDS_PASSPHRASE = N_(
    "{path}: is sealed; run this at a terminal to type its passphrase, "
    "or give it with --passphrase-file"
)
NEEDS_NEW_PASSPHRASE = N_(
    "sealing needs a passphrase: run this at a terminal to choose one, "
    "or give it with --passphrase-file"
)
NO_PASSPHRASE_GIVEN = N_("no passphrase given")
PASSPHRASE_FOR = N_("Passphrase for {path}: ")
TRY_AGAIN = N_("That passphrase does not open {path}. Please try again.")
CHOOSE_INTRO = N_(
    "Your answers will be sealed with a passphrase that you choose. Without it nobody can "
    "open them, and a forgotten passphrase cannot be recovered, by this tool or by anyone."
)
CHOOSE_INTRO_FOR = N_(
    "{name}, your answers will be sealed with a passphrase that you choose. Without it "
    "nobody can open them, and a forgotten passphrase cannot be recovered, by this tool or "
    "by anyone."
)
CHOOSE_PROMPT = N_("Choose a passphrase (at least {minimum} characters): ")
CONFIRM_PROMPT = N_("Type it again: ")
TOO_SHORT = N_("That passphrase is shorter than {minimum} characters. Please choose a longer one.")
MISMATCH = N_("The two did not match. Please choose it again.")
PREPARING = N_("Preparing your sealed answer file…")
SEALING = N_("Sealing your answers…")
PREPARED = N_("Your sealed answer file is ready.")
SEALED = N_("Your answers are sealed.")

# --- the quiz (commands.quiz) ------------------------------------------------------------------

SEAL_HELP = N_(
    "Seal the answer files with a passphrase (in the age format), so that nobody else can "
    "read them."
)
SEAL_PLAIN_RESUME = N_(
    "{path}: is not sealed, and --seal seals only new answer files; "
    "to seal this one, run: {prog} seal {path}"
)

# --- seal and unseal (commands.seal) -----------------------------------------------------------

SEAL_SHORT_HELP = N_("Seal a plain answer file with a passphrase.")
UNSEAL_SHORT_HELP = N_("Write out the plain answer file of a sealed one.")
SEAL_MORE_HELP = N_(
    "Writes FILE.age, which opens with the passphrase here or with `age -d`, and removes "
    "the plain file once the sealed one is saved and checked (--keep keeps it)."
)
UNSEAL_MORE_HELP = N_(
    "Writes it beside the sealed file, without .age, readable by you alone; the sealed "
    "file stays as it is."
)
SEAL_FILE_HELP = N_("The plain answer file to seal.")
UNSEAL_FILE_HELP = N_("The sealed answer file (.age) to open.")
KEEP_HELP = N_("Keep the plain file once the sealed one is saved.")
SEAL_FORCE_HELP = N_("Replace the file to be written if it exists.")
UNSEAL_OUTPUT_HELP = N_("Write the plain answer file here [default: the name without .age].")
ALREADY_SEALED = N_("{path}: is sealed already")
SEALED_IS_PLAIN = N_("{sealed}: names the plain file {path} itself; remove it first")
PLAIN_IS_SEALED = N_("{plain}: is the sealed file itself; name the plain file with --output")
SEAL_NEEDS_THE_FILE = N_("{path}: give seal the answer file itself, not a link or standard input")
NOT_SEALED = N_("{path}: is not sealed")
NO_AGE_SUFFIX = N_("{path}: does not end in .age; name the plain file with --output")
SEAL_CHECK_FAILED = N_(
    "{sealed}: the sealed file did not open to the same answers; {path} is left as it was"
)
SEALED_REMOVED = N_("Sealed {path} into {sealed}, and removed the plain file.")
SEALED_KEPT = N_("Sealed {path} into {sealed}, and kept the plain file.")
UNSEALED = N_("Wrote {plain}, readable by you alone.")
SEALED_IN = N_(
    "Your answers are sealed in {path}. They open with your passphrase, here or with: age -d {path}"
)
BOTH_SEALED_IN = N_(
    "Your answers are sealed in {first} and {second}. Each opens with its owner's "
    "passphrase, here or with age -d."
)

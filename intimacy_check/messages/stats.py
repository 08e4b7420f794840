"""The lines of caseload statistics (summary --stats), norms files (--stats-out, --norms)
and reliable change in progress reports."""

from __future__ import annotations

from intimacy_check.messages import N_

# --- option help ------------------------------------------------------------------------------
STATS_HELP = N_(
    "Add figures over the completed files: mean, SD, Cronbach's alpha and how each "
    "statement goes with the rest (item-rest correlation)."
)
STATS_OUT_HELP = N_("Also save the figures as a norms file, for progress --norms.")
NORMS_HELP = N_(
    "A norms file from summary --stats-out: says which changes go beyond measurement noise."
)

# --- summary --stats ----------------------------------------------------------------------------
STATS_HEADING = N_("Figures over {count} completed answer files")
STATS_FOR = N_("Questionnaire {id} version {version}.")
STATS_UNSTABLE = N_(
    "These figures come from fewer than {minimum} completed files, so they are unstable: "
    "read them as a first impression, not as figures to rely on."
)
STATS_LEFT_OUT = N_(
    "{count} completed files answered another questionnaire or version and are left out."
)
STATS_SEALED_LEFT_OUT = N_(
    "{count} sealed files are left out: a summary never asks for a passphrase. Unseal a "
    "copy of them to count them."
)
STATS_HOW_COUNTED = N_(
    "Mean and SD are over the files that have that score; alpha and the item-rest "
    "correlations are over the files that answered every statement of that part."
)
STATS_HOW_TO_READ = N_(
    "Alpha says how consistently the statements of a part measure one thing: 0.7 and above "
    "is usual for a questionnaire like this one. An item-rest correlation below 0.2 marks a "
    "statement that goes its own way in this caseload."
)
STATS_SCALE_LINE = N_("{scale}: {count} files, mean {mean}, SD {sd}")
STATS_ALPHA_LINE = N_("Cronbach's alpha {alpha}, over {count} files that answered every statement")
STATS_ITEMS_HEADING = N_("Item-rest correlations:")
CANNOT_BE_COMPUTED = N_("cannot be computed ({reason})")
REASON_TOO_FEW = N_("fewer than two files")
REASON_NO_SPREAD = N_("every file has the same value")
STATS_NO_FILES = N_("none of the files is a completed assessment of {id} version {version}")
STATS_NO_FILES_SEALED = N_(
    "no completed answer file could be read for the norms: {count} sealed files are left "
    "out, since a summary never asks for a passphrase"
)
NORMS_SAVED = N_("Norms saved in {path}")

# --- progress --norms ---------------------------------------------------------------------------
NO_NORMS = N_(
    "Whether a change goes beyond measurement noise cannot be told without a reliability "
    "estimate. To get "
    "one from your own caseload, run: intimacy-check summary FOLDER --stats --stats-out "
    "norms.yaml, then add --norms norms.yaml to this command."
)
NORMS_USED = N_(
    "Reliable change is judged with the norms in {file}: {count} completed files of {id} "
    "version {version}."
)
NORMS_UNSTABLE = N_(
    "Those norms come from fewer than {minimum} files, so the reliable change figures are rough."
)
READ_RELIABLE_CHANGE = N_(
    "The reliable change index (RCI) sets a change beside the noise expected from the "
    "questionnaire's own reliability in your caseload. Beyond 1.96 either way, noise alone "
    "would explain it less than once in twenty. It is an aid to conversation, not a verdict: "
    "a change within noise can still matter to the people living it."
)
RELIABLE_HEADING = N_("Which changes go beyond measurement noise")
RCI_LINE = N_("{scale}, {before} to {after}: {change}, RCI {rci}, {verdict}.")
BEYOND_NOISE = N_("beyond what measurement noise alone would explain")
WITHIN_NOISE = N_("within measurement noise")
RCI_CANNOT = N_("{scale}, {before} to {after}: cannot be told, {reason}.")
RCI_OTHER_VERSION = N_(
    "The norms are for version {version} and this change involves version {other}, so read "
    "it with care."
)
RCI_INCOMPLETE = N_("as one of the two scores is incomplete")
RCI_NO_NORM = N_("as the norms hold no usable SD and alpha for it")

# --- norms files --------------------------------------------------------------------------------
NORMS_FILE_HEADER = N_(
    "intimacy-check norms: figures over a caseload, made by summary --stats-out. They hold "
    "no one's answers."
)
NORMS_EMPTY = N_("{source}: the file is empty; a norms file is made by summary --stats-out")
NORMS_KIND = N_("{source}: holds {kind}, not a norms file; make one with summary --stats-out")
NORMS_NOT_NORMS = N_(
    "{source}: not a norms file (it has no 'format: {format}'); make one with summary --stats-out"
)
NORMS_NEWER = N_(
    "{source}: norms format version {version} is newer than this intimacy-check can read"
)
NORMS_NOT_WHOLE = N_("{where}: {key} must be a whole number of at least 1")
NORMS_NOT_COUNT = N_("{where}: {key} must be a whole number, 0 or more")
NORMS_NOT_NUMBER = N_("{where}: {key} must be a number or null")
NORMS_NOT_TEXT = N_("{where}: {key} must be text")
NORMS_NOT_MAPPING = N_("{where}: {key} must be a mapping of keys to values")
NORMS_ALPHA_RANGE = N_("{where}: alpha must be from 0 to 0.9999, not {value:.10g}")
NORMS_SD_RANGE = N_("{where}: sd must be from 0.0001 to 100, not {value:.10g}")
STATS_ITEMS_CSV = N_(
    "--stats with --format csv writes the table of figures, and --items the ratings; a CSV "
    "file holds one table, so run them one at a time (or use --format json for both)"
)
STATS_OUT_DASH = N_("--stats-out needs a file name; the figures themselves are shown with --stats")
STATS_OUT_AMONG_INPUTS = N_(
    "{path} is among the answer files being read ({input}); save the norms outside them"
)
NORMS_TOO_FEW = N_("{where}: sd and alpha need an n of at least 2, not {n}")
NORMS_MEAN_RANGE = N_("{where}: mean must be between 0 and 100, not {value}")
NORMS_N_TOO_BIG = N_("{where}: n is {value}, more than the {total} files of the norms")
NORMS_OTHER_QUESTIONNAIRE = N_(
    "{source}: the norms are for questionnaire {id} version {version}, which this "
    "intimacy-check does not know (the loaded one is {expected_id} version {expected_version})"
)
NORMS_SCALE_MISSING = N_("{source}: scales has no {scale}, a part of {id} version {version}")
NORMS_SCALE_UNKNOWN = N_("{source}: scales has {scale}, which is no part of {id} version {version}")

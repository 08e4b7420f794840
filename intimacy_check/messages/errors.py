"""One-line errors of the loaders, the answer files and the comparison of a couple's files.

Each entry is a whole sentence, filled in with `_()` where it is raised. Values quoted in
a message (keys, ids, the text found in a file) are passed already quoted, as `repr()`.
"""

from __future__ import annotations

from intimacy_check.messages import N_

# --- reading a file (strict_yaml) ----------------------------------------------------------

NOT_REGULAR_FILE = N_("{path}: is not a regular file")
NO_SUCH_FILE = N_("{path}: no such file")
IS_FOLDER_NOT_FILE = N_("{path}: is a folder, not a file")
PERMISSION_DENIED = N_("{path}: permission denied")
CANNOT_BE_READ = N_("{path}: cannot be read ({problem})")
FILE_TOO_LARGE = N_("{path}: is larger than {kib} KiB, too large to be read")

BINARY_DATA = N_("{source}: holds binary data, not text")
BAD_UTF16 = N_("{source}: is marked as UTF-16 but is not valid UTF-16")
NOT_UTF8 = N_("{source}: is not UTF-8 text (bad byte at offset {offset})")

# --- parsing YAML (strict_yaml) ------------------------------------------------------------

# A problem the parser places in the file; the file's name is put before it.
AT_PLACE = N_("line {line}, column {column}: {problem}")
IN_FILE = N_("{source}: {problem}")

ALIASES = N_("uses YAML anchors and aliases (& and *), which are not allowed")
TAG_NOT_ALLOWED = N_("uses the tag {tag}, which is not allowed")
NESTED_TOO_DEEPLY_LEVELS = N_("is nested too deeply (more than {limit} levels)")
MERGE_KEY = N_("uses a merge key (<<), which is not allowed")
KEY_NOT_PLAIN_TEXT = N_("has a key that is not plain text")
KEY_TWICE = N_("has the key {key} twice")
NOT_PLAIN_WHOLE_NUMBER = N_("has {text}, which is not a plain whole number")
NUMBER_TOO_LARGE = N_("has a number of {digits} digits, which is far too large")
LONE_SURROGATE = N_("holds an invalid Unicode escape (a lone surrogate)")
NOT_REAL_DATE = N_("has {text}, which is not a real date and time")

CHARACTER_NOT_ALLOWED = N_(
    "{source}: holds the character U+{code} at position {position}, which is not allowed in YAML"
)
NOT_VALID_YAML_DETAIL = N_("{source}: is not valid YAML ({detail})")
NESTED_TOO_DEEPLY = N_("{source}: is nested too deeply")
# What a syntax error says when the parser gives a place, and when it does not.
NOT_VALID_YAML_BECAUSE = N_("is not valid YAML: {problem}")
INVALID_YAML = N_("invalid YAML")
MORE_THAN_ONE_DOCUMENT = N_("it holds more than one YAML document")
TAB_INDENTATION = N_("a tab character, which YAML does not allow for indentation")

# --- any YAML mapping (answer files and content) ------------------------------------------

UNKNOWN_KEY = N_("{where}: unknown key {key}")

# --- answer files: their shape (answers) ---------------------------------------------------

EMPTY_NOT_ANSWER_FILE = N_("{source}: is empty, not an intimacy-check answer file")
KIND_NOT_ANSWER_FILE = N_("{source}: is a {kind}, not an intimacy-check answer file")
# What a document is that is not a mapping, as in "is a list".
KIND_LIST = N_("list")
KIND_TEXT = N_("piece of text")
KIND_TRUE_FALSE = N_("true/false value")
KIND_NUMBER = N_("number")
NOT_ANSWER_FILE = N_("{source}: is not an intimacy-check answer file (it needs 'format: {format}')")
VERSION_NOT_WHOLE = N_("{source}: 'version' must be a whole number, such as {version}")
NEWER_FORMAT = N_(
    "{source}: was made by a newer version of intimacy-check (file format {version}); "
    "please upgrade intimacy-check to read it"
)
QUESTIONNAIRE_FIELD = N_(
    "{source}: 'questionnaire' must hold an 'id' (text) and a 'version' (whole number)"
)
STATUS_MISSING = N_("{source}: 'status' must be {in_progress} or {completed}; it is missing")
STATUS_WRONG = N_("{source}: 'status' must be {in_progress} or {completed}; not {status}")

# --- answer files: the respondent, timestamps and ratings (answers) -------------------------

LANGUAGE_TAG = N_("{source}: 'language' must be a language code such as en or es, not {language}")
# {key} is 'respondent' in an answer file, 'subject.display' in a FHIR response.
RESPONDENT_MISSING = N_("{source}: {key} is missing")
RESPONDENT_NOT_TEXT = N_("{source}: {key} must be text")
RESPONDENT_EMPTY = N_("{source}: {key} is empty")
RESPONDENT_INVISIBLE = N_(
    "{source}: {key} holds only invisible characters; give a name that can be read"
)
RESPONDENT_TOO_LONG = N_("{source}: {key} is longer than {limit} characters")
TIMESTAMP = N_(
    "{source}: {key} must be a date and time with a time zone, such as 2026-01-31T20:15:00+01:00"
)
TIMESTAMP_DATE_ONLY = N_(
    "{source}: {key} must be a date and time with a time zone, such as 2026-01-31T20:15:00+01:00"
    " (a date alone is not enough)"
)
COMPLETED_AT_IN_PROGRESS = N_(
    "{source}: has a 'completed_at' but its status is 'in-progress'; "
    "an unfinished quiz has completed_at: null"
)
COMPLETED_BEFORE_STARTED = N_(
    "{source}: 'completed_at' ({completed}) is before 'started_at' ({started})"
)
COMPLETED_IN_FUTURE = N_("{source}: 'completed_at' ({completed}) is more than a day in the future")
ANSWERS_NOT_MAPPING = N_("{source}: '{mapping}' must map each statement id to a rating")
ANSWER_KEY_NOT_ID = N_("{source}: {mapping}: {key} is not a statement id")
ANSWER_KEY_YES_NO = N_("{source}: {mapping}: a yes/no word is not a statement id")
RATING_NOT_VALID = N_(
    "{source}: {mapping}: {sign}: the rating must be a whole number from 1 to 5 "
    "(or null for skipped), not {rating}"
)
RATING_YES_NO = N_(
    "{source}: {mapping}: {sign}: the rating must be a whole number from 1 to 5 "
    "(or null for skipped), not a yes/no word"
)
IDEAL_WITHOUT_RATING = N_(
    "{source}: ideal: {sign} has a wished-for rating but no rating in 'answers'; "
    "how a statement is wished to be is asked only after it is rated"
)

# --- answer files: against the loaded questionnaire (answers) -------------------------------

WRONG_QUESTIONNAIRE = N_(
    "{source}: was made for questionnaire {id} version {version}, "
    "but the loaded questionnaire is {loaded_id} version {loaded_version}"
)
NOT_A_STATEMENT = N_("{source}: {mapping}: {sign} is not a statement of this questionnaire")
COMPLETED_BUT_MISSING = N_(
    "{source}: is marked completed but has no answer for {sign} (use null for a skipped statement)"
)

# --- FHIR responses read as answer files (fhir) ----------------------------------------------

FHIR_NOT_JSON = N_("{source}: is not valid JSON ({problem})")
FHIR_TOO_DEEP = N_("{source}: is nested too deeply to be a FHIR resource")
FHIR_KEY_TWICE = N_("{source}: has the key {key} twice in one object")
FHIR_NOT_RESOURCE = N_("{source}: is not a FHIR resource (a JSON object with a resourceType)")
FHIR_OTHER_RESOURCE = N_(
    "{source}: is a FHIR {kind}, not a QuestionnaireResponse or a Bundle holding one"
)
FHIR_BUNDLE_RESPONSES = N_(
    "{source}: is a FHIR Bundle holding {count} QuestionnaireResponses; here it must hold "
    "exactly one (export one person's with: intimacy-check report FILE --format fhir)"
)
# The name of one of a Bundle's responses, read as though it were its own file.
FHIR_RESPONSE_OF = N_("{source}, response {number}")
FHIR_UNKNOWN_ELEMENT = N_("{source}: {key} is not an element of a QuestionnaireResponse")
FHIR_NO_QUESTIONNAIRE = N_(
    "{source}: 'questionnaire' is missing; it names the questionnaire these answers are for"
)
FHIR_OTHER_QUESTIONNAIRE = N_(
    "{source}: answers the questionnaire {questionnaire}, not one of intimacy-check's "
    "(they begin {prefix})"
)
FHIR_NO_VERSION = N_(
    "{source}: 'questionnaire' must name a questionnaire and its version, "
    "such as urn:intimacy-check:questionnaire:emotional-intimacy|2, not {questionnaire}"
)
FHIR_STATUS = N_(
    "{source}: 'status' must be 'in-progress' or 'completed' to be read as answers, not {status}"
)
FHIR_NO_AUTHORED = N_("{source}: 'authored' is missing: when were these answers given?")
FHIR_SUBJECT = N_("{source}: 'subject' must give the respondent's name as its 'display'")
FHIR_ITEMS_NOT_LIST = N_("{source}: 'item' must be a list of answered statements")
FHIR_ITEM_NO_LINK_ID = N_("{source}: every item needs a 'linkId' naming its statement")
FHIR_NESTED_ITEM = N_(
    "{source}: item {item} holds items of its own; this questionnaire has no groups"
)
FHIR_UNKNOWN_ITEM_ELEMENT = N_("{source}: item {item}: {key} is not an element of an item")
FHIR_ITEM_TWICE = N_("{source}: item {item} appears twice; a statement is answered once")
FHIR_SECOND_ANSWER = N_("{source}: item {item} has more than one answer; a statement has one")
FHIR_EXTENSIONS_NOT_LIST = N_("{source}: {where}: 'extension' must be a list of extensions")
FHIR_SECOND_IDEAL = N_(
    "{source}: item {item} has more than one wished-for rating; a statement has one"
)
FHIR_IDEAL_NOT_AN_OPTION = N_(
    "{source}: item {item}: the wished-for rating must be a valueCoding with a code from "
    "1 to 5 of the rating scale"
)
FHIR_NOT_AN_OPTION = N_(
    "{source}: item {item}: the answer must be a valueCoding with a code from 1 to 5 "
    "of the rating scale, one of the statement's options"
)

# --- saving a file (answers) -----------------------------------------------------------------

CANNOT_SAVE_HERE = N_("{path}: cannot save here ({problem})")
NOT_SAVED = N_("{path}: could not be saved ({problem}); the previous copy is unchanged")
OUTPUT_IS_FOLDER = N_("{path}: is a folder; give a file name with {option}")
ALREADY_EXISTS = N_("{path}: already exists; use --force to replace it")
# Said of a file that fails as YAML and does not even name the answer-file format.
NOT_YAML_NOT_ANSWER_FILE = N_(
    "{source} is not an intimacy-check answer file (it is not YAML: line {line}, column {column})"
)
ANSWER_FILE_EXISTS = N_(
    "{path}: already exists; use --force to replace it, or --resume {path} to go on with it"
)
FOLDER_MISSING = N_("{path}: the folder {folder} does not exist; create it first")
NOT_A_FOLDER = N_("{path}: {folder} is not a folder")
CANNOT_WRITE_IN = N_(
    "{path}: cannot write in {folder} ({problem}); choose another place with --output"
)
QUIZ_WRITING = N_(
    "{path}: another intimacy-check quiz is writing this file right now; finish that one first"
)
NOT_REGULAR_TARGET = N_(
    "{path}: is not a regular file, so nothing is written over it; choose another {option}"
)
DANGLING_LINK = N_("{path}: is a link to {target}, which does not exist; choose another {option}")
LOCK_NOT_REGULAR = N_(
    "{lock}: is a link or a special file, not the lock of {path}; remove it and try again"
)

# --- finding the content (questionnaire) ----------------------------------------------------

CONTENT_NOT_FOUND = N_(
    "the questionnaire content was not found next to {package}; reinstall intimacy-check "
    "or point --data-dir (or {variable}) at a folder with {files}"
)
CONTENT_FOLDER_MISSING = N_("{path}: the content folder does not exist or is not a folder")
SECTIONS_LIST = N_(
    "{path}: questionnaire: 'sections' must list file names in this folder, starting with {first}"
)
SECTIONS_FILE_TWICE = N_("{path}: questionnaire: 'sections' names a file twice")

# --- content: any mapping and its fields (questionnaire) --------------------------------------

EMPTY_OR_MISSING = N_("{where}: is empty or missing")
NOT_A_MAPPING = N_("{where}: must be a mapping of keys to values")
KEY_MISSING = N_("{where}: {key} is missing")
KEY_NOT_TEXT = N_("{where}: {key} must be non-empty text")
KEY_NOT_KEBAB = N_("{where}: {key} must be kebab-case starting with a letter, not {value}")
KEY_NOT_WHOLE = N_("{where}: {key} must be a whole number")
KEY_NOT_LIST = N_("{where}: {key} must be a list")
KEY_NOT_KEBAB_IDS = N_("{where}: {key} must list kebab-case ids")
ID_TWICE = N_("{where}: the id {id} is used twice")
KEY_NOT_TRUE_FALSE = N_("{where}: {key} must be true or false")
LOW_TRUST_RULE = N_("{where}: 'low_trust' must map statement ids to lists of ratings from 1 to 5")
LOW_TRUST_UNKNOWN_SIGN = N_(
    "{where}: 'low_trust' names {sign}, which is not a statement of this questionnaire"
)
UNKNOWN_SIGN = N_("{where}: {sign} is not a statement of this questionnaire")
KEPT_MAPPING = N_("{where}: 'kept' must map earlier statement ids to ids of this version")
KEPT_AND_REWORDED = N_("{where}: {id} is listed both as kept and as reworded")
CHANGES_FROM_LATER = N_("{where}: 'from_version' must be earlier than this version ({version})")
CHANGES_DO_NOT_COVER = N_(
    "{where}: version {version}'s statement {sign} is neither kept nor reworded"
)

# Where in a content file a problem is, as in "signs.yaml: sign 3 (trust): ...".
AT_BAND = N_("{path}: band {number}")
AT_SIGN = N_("{path}: sign {number}")
AT_STEP = N_("{path}: {kind} step {number}")
AT_EXERCISE = N_("{where}: exercise {number}")
WITH_ID = N_("{where} ({id})")
# Joins the files that share one id, as in "signs.yaml and lack_signs.yaml".
FILES_AND = N_("{files} and {file}")

# --- content: the questionnaire's parts (questionnaire) --------------------------------------

SCALE_RATINGS = N_("{where}: must label each rating 1, 2, 3, 4 and 5 exactly once")
BANDS_ORDER = N_("{path}: bands must run from the highest 'min' down to a last band with min 0")
BAND_ABOVE_100 = N_("{path}: a band's 'min' cannot be above 100")
AGREE_MEANS = N_("{path}: section: 'agree_means' must be {more} or {less}")
SIGNS_COUNT = N_("{path}: must hold exactly {expected} signs, not {count}")
STEPS_COUNT = N_("{where}: 'steps' must name 2 to 5 steps, not {count}")
KIND_STEPS_COUNT = N_("{path}: {kind} must hold exactly {expected} steps, not {count}")
UNKNOWN_STEP = N_("{path}: sign {sign} names the step {step}, which steps.yaml does not define")
RESTORE_STEP_UNNAMED = N_(
    "{path}: restore step {step} is not named by any sign; "
    "list it in the 'steps' of at least one sign"
)

# --- a couple's two answer files (couple.check_pair) -----------------------------------------

SAME_FILE_TWICE = N_("{source} was given twice; did you mean to compare two partners' files?")
SAME_PERSON = N_(
    "both {first} and {second} are answers of {name}; did you mean to compare two different people?"
)
DIFFERENT_VERSIONS = N_(
    "{first} answers version {first_version} of the questionnaire and {second} version "
    "{second_version}; the statements changed between versions, so they cannot be compared "
    "one by one. To compare, both of you can take the quiz again: intimacy-check quiz --couple"
)
DIFFERENT_QUESTIONNAIRES = N_(
    "{first} is for questionnaire {first_id} version {first_version}, but {second} is for "
    "{second_id} version {second_version}; only answers to the same questionnaire can be compared"
)
NOT_FINISHED = N_(
    "{name} has not finished the quiz yet ({source}); compare when you are both done, "
    "or add --allow-incomplete"
)

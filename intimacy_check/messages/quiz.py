"""The quiz's prompts, hints and messages, and the command line's own lines.

Each entry is filled in with `_()` where it is printed. Blank lines and indentation
around an entry belong to the screen's layout, so they stay in the code.
"""

from __future__ import annotations

from intimacy_check.messages import N_

# --- the command line (cli) ------------------------------------------------------------------

APP_HELP = N_(
    "A private self-assessment of emotional intimacy, for one person or a couple. "
    "An aid to reflection and conversation, not a diagnosis."
)
VERSION_HELP = N_("Show the version and exit.")
ACCESSIBLE_HELP = N_(
    "Plain lists for a screen reader: no bars, boxes or screen clearing (also ACCESSIBLE=1). "
    "Works anywhere on the command line."
)
VERSION_LINE = N_("{prog} {version}")
# Every error, whoever raises it, is this one line on stderr.
ERROR_LINE = N_("{prog}: error: {message}")
STOPPED = N_("stopped")
USAGE_ERROR_HINT = N_("{message} (see '{command} --help')")
NO_SUCH_COMMAND = N_("no such command {name}")
NO_SUCH_COMMAND_LIKE = N_("no such command {name}; did you mean {closest}?")
COMPARE_NEEDS_TWO = N_(
    "compare needs two answer files, one for each partner: {prog} compare A.yaml B.yaml"
)
# Typer's own wording for a number option, in plain words.
WHOLE_NUMBER = N_("give a whole number")
WHOLE_NUMBER_AT_LEAST = N_("give a whole number, {minimum} or more")
# An operating-system error that names no file happened while writing the output.
OS_ERROR = N_("{file}: {problem}")
OUTPUT = N_("output")

# The one line each command shows in `intimacy-check --help`; each matches the first line
# of its command's docstring, which `intimacy-check COMMAND --help` shows.
QUIZ_SHORT_HELP = N_("Take the quiz: rate each statement and save your answers.")
REPORT_SHORT_HELP = N_("Show or save a report of one answer file, or of a couple's two.")
COMPARE_SHORT_HELP = N_("Compare two partners' answers side by side.")
SIGNS_SHORT_HELP = N_("List every statement and every step, without taking the quiz.")
SUMMARY_SHORT_HELP = N_("One row per answer file, for a counselor's caseload.")
PROGRESS_SHORT_HELP = N_("Show what changed between dated assessments.")
# The rest of a command's --help, after its short line (as in its docstring).
QUIZ_MORE_HELP = N_(
    "Afterwards you see your results and the steps that fit you best. With --couple, "
    "two partners take turns at this computer and then see their comparison."
)
COMPARE_MORE_HELP = N_(
    "Shows shared strengths, shared struggles and the places where you see things "
    "differently, with questions to talk through and steps to try together."
)
SUMMARY_MORE_HELP = N_(
    "Each row shows the respondent, status, completed date, index, band and the most "
    "pressing growth area or warning sign."
)
PROGRESS_MORE_HELP = N_(
    "For each person: scores over time, the trend, and which growth areas and warning "
    "signs resolved or appeared."
)

# --- options (commands) ---------------------------------------------------------------------

DATA_DIR_HELP = N_("Folder with your own signs.yaml, lack_signs.yaml and steps.yaml.")
NAME_HELP = N_("Your name, as it will appear in reports. With --couple, give it twice.")
OUTPUT_HELP = N_(
    "Answer file to write [default: NAME-DATE.yaml, or NAME-DATE.yaml.age with --seal]."
)
OUTPUT_DIR_HELP = N_("Folder for the default answer files [default: .].")
FORCE_HELP = N_("Replace existing answer files.")
RESUME_HELP = N_(
    "Go on with an unfinished answer file (with --couple, once for each partner going on; "
    "a partner without one starts anew)."
)
COUPLE_HELP = N_("Two partners take turns at this computer.")

# --- options that do not go together (commands.quiz) -----------------------------------------

NAME_RESUME_TIMES = N_(
    "give --name and --resume at most twice in all with --couple, and once without it"
)
LANG_HELP = N_(
    "The language of every prompt, message and report: en (English) or es (Spanish). "
    "Default: INTIMACY_CHECK_LANG, then the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)."
)
UNKNOWN_LANGUAGE = N_("there is no language {language}; the languages available are {available}")
UNKNOWN_LANGUAGE_IN_ENV = N_(
    "{variable} asks for the language {language}, which intimacy-check does not have; "
    "the languages available are {available}"
)
RESUME_FHIR = N_(
    "{path}: is a FHIR QuestionnaireResponse, and a quiz goes on only in an answer file of "
    "its own; finish it where it was begun, or start again with: {prog} quiz"
)
RESUME_ALONE = N_(
    "--resume goes on with existing files; leave out --name, --output, --output-dir and --force"
)
OUTPUT_ONE_FILE = N_("--output names one file; with --couple or --output-dir leave it out")

# --- names (commands.quiz) ---------------------------------------------------------------------

NAME_PROMPT = N_("Your name (any name you like): ")
FIRST_PARTNER_PROMPT = N_("First partner's name: ")
SECOND_PARTNER_PROMPT = N_("Second partner's name: ")
NAMES_THE_SAME = N_("the two partners need different names, so their files stay apart")
NAME_EMPTY = N_("the name cannot be empty")
NAME_INVISIBLE = N_("the name holds only invisible characters")
NAME_TOO_LONG = N_("the name is longer than {limit} characters")
NO_NAME_GIVEN = N_("input ended before a name was given; pass one with --name")
TRY_AGAIN = N_("{problem}; please try again.")

# --- rating the statements (quiz, commands.quiz) ----------------------------------------------

STATEMENTS_INTRO = N_("{count} statements. Rate each from 1 to 5 and press Enter.")
OTHER_KEYS = N_("Other keys: b back, s skip, q save and quit, ? help.")
RATING_PROMPT = N_("Your rating: ")
STATEMENTS_INTRO_IDEAL = N_(
    "{count} statements. Rate each from 1 to 5 as it is now and press Enter; then say, "
    "on the same scale, how you would like it to be."
)
IDEAL_QUESTION = N_("And how would you like it to be?")
IDEAL_NOW = N_("As it is now, you rated it {rating}.")
IDEAL_PROMPT = N_("How you would like it: ")
IDEAL_EARLIER_SKIPPED = N_("(you skipped this question. Enter keeps it skipped)")
IDEAL_HELP = N_(
    "After each rating, also ask how you would like it to be, on the same scale. "
    "A quiz resumed with --resume goes on asking both."
)
ANSWER_FILE_HEADER = N_(
    "intimacy-check answers. These are personal: share this file only with people you trust."
)
EARLIER_ANSWER = N_("(your earlier answer: {rating}. Enter keeps {rating})")
EARLIER_SKIPPED = N_("(you skipped this. Enter keeps it skipped)")
SKIPPED = N_("Skipped. You can come back to it with b.")
WELCOME_BACK = N_(
    "Welcome back, {name}: {answered} of {total} answered. Going on with statement {next}."
)
NOT_A_KEY = N_("Please type a number from 1 to 5 (or b, s, q, ? for help).")
FIRST_STATEMENT = N_("This is the first statement.")
ALREADY_COMPLETE = N_("{path} is already complete.")
# What each key does, as the ? key lists them.
KEY_RATE = N_("rate the statement, then press Enter")
KEY_KEEP = N_("keep the earlier answer, when you have come back to a statement")
KEY_BACK = N_("go back to the previous statement")
KEY_SKIP = N_("skip this statement")
KEY_BACK_TO_RATING = N_("go back to this statement's rating")
KEY_SKIP_WISH = N_("skip this question, and keep the rating")
KEY_QUIT = N_("save your progress and quit (resume later with --resume)")
KEY_HELP = N_("show this help")

# --- saving and stopping (commands.quiz) --------------------------------------------------------

COULD_NOT_SAVE = N_("Could not save: {problem}")
RETRY_PROMPT = N_("Press Enter to try again, or q to stop: ")
STOPPED_UNSAVED = N_(
    "stopped without saving the latest answer; {path} keeps the answers saved before it"
)
# {command} is the command line that resumes the quiz.
QUIT_SAVED = N_("Your answers so far are saved in {path}. To go on later: {command}")
INPUT_ENDED_SAVED = N_(
    "input ended before the quiz was finished; your answers so far are saved in {path}. "
    "Go on later with: {command}"
)
# Ctrl-C, SIGTERM and SIGHUP are not errors: the same calm words as q.
INTERRUPTED_SAVED = N_(
    "Stopped. Your answers so far are saved in {path}. To go on later: {command}"
)
INPUT_ENDED_BEFORE_ANSWERS = N_("input ended before the first answer; nothing was saved")
SAVED_IN = N_("Your answers are saved in {path}")

STOPPED_BEFORE_ANSWERS = N_("Stopped before the first statement. Nothing was saved.")

# --- a couple taking turns (commands.quiz) -------------------------------------------------------

FIRST_ANSWERS_FIRST = N_("{first} answers first. {second}, please look away until it is your turn.")
# The second partner's sealed file is opened only when their turn starts, so until then
# their name is not known.
FIRST_ANSWERS_FIRST_PARTNER = N_(
    "{first} answers first. To {first}'s partner: please look away until it is your turn."
)
CLEARING_FOR_PRIVACY = N_("The screen will now be cleared so that your answers stay private.")
# The private safety question, asked at a terminal after the last statement. Its wording
# is content (support.yaml); these lines frame it.
SAFETY_INTRO = N_(
    "One last question, just for you. You can skip it. Your answer is not saved anywhere, "
    "and nobody else will see it: it only changes which steps are suggested to you now."
)
SAFETY_PROMPT = N_("y yes, n no, Enter to skip: ")
SAFETY_NOT_A_KEY = N_("Please type y or n, or press Enter to skip.")
SAFETY_READ_PROMPT = N_(
    "Press Enter when you are ready; the screen is cleared before your partner's turn. "
)
THANK_YOU = N_("Thank you, {name}. Your answers are saved.")
HAND_OVER = N_("Please hand over to {name}.")
HAND_OVER_PARTNER = N_("Please hand over to your partner.")
READY_PROMPT = N_("{name}, press Enter when you are ready. ")
READY_PROMPT_PARTNER = N_("Press Enter when you are ready. ")
THANK_YOU_BOTH = N_("Thank you both. Your answers are saved.")
COMPARISON_PROMPT = N_("Press Enter when you are both ready to see the comparison. ")
# {command} is the command line that compares the two files.
STOPPED_AT_HAND_OVER = N_(
    "stopped before the comparison; the answers are saved in {files}. Go on later with: {command}"
)
STOPPED_CALMLY_AT_HAND_OVER = N_(
    "Stopped before the comparison. The answers are saved in {files}. To go on later: {command}"
)
BOTH_SAVED_IN = N_("Your answers are saved in {first} and {second}")

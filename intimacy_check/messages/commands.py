"""The lines of the report, compare, progress and summary commands: option help, notes on
stderr, refusals, and the choice of an output format."""

from __future__ import annotations

from intimacy_check.messages import N_

# --- option help ------------------------------------------------------------------------------
FORMAT_HELP = N_("Output format [default: terminal, text when piped, or from the -o extension].")
SUMMARY_FORMAT_HELP = N_("Output format.")
OUTPUT_HELP = N_("Write the report to this file ('-' for stdout).")
FORCE_HELP = N_("Replace an existing output file.")
STEPS_HELP = N_("How many recommended steps to show.")
TEMPLATE_HELP = N_("Your own Jinja2 template for html, pdf or markdown.")
PAPER_HELP = N_("Page size of the printed html report and of the pdf.")
ALLOW_INCOMPLETE_HELP = N_("Compare even if a partner has not finished the quiz.")
REPORT_FILES_HELP = N_("One answer file, or two for a couple.")
FIRST_PARTNER_HELP = N_("One partner's answer file.")
SECOND_PARTNER_HELP = N_("The other partner's answer file.")
PROGRESS_FILES_HELP = N_("Answer files of one or more people, taken at different times.")
SUMMARY_PATHS_HELP = N_("Answer files, or folders to search for *.yaml and *.yml.")
SORT_HELP = N_("Row order: index (most in need first), name, date, or path (as found).")
ITEMS_HELP = N_("Add each rating: a column per statement in CSV, and 'answers' in JSON.")
ITEMS_FORMATS = N_("--items is for --format csv or json, which hold one rating per cell")

# --- choosing where an output goes -------------------------------------------------------------
NO_FORMAT_FROM_NAME = N_("cannot tell the format from {name}; add --format ({choices})")
FORMAT_CANNOT_SHOW = N_("the {format} format cannot show this; use one of: {choices}")
OR = N_(" or ")
TERMINAL_NOT_TO_FILE = N_("the terminal format cannot be written to a file; use --format text")
TEMPLATE_NEEDS = N_("--template works with {formats}")
TEMPLATE_FORMAT = N_("--format {name}")
OUTPUT_IS_INPUT = N_(
    "{path} is one of the answer files being read; choose another name for the report"
)
REPORT_SAVED = N_("Report saved in {path}")
REPORT_FILE_COUNT = N_(
    "report takes one answer file, or two for a couple; for one person over time use "
    "progress, and for many people use summary"
)
BUILT_IN_TEMPLATE = N_("the built-in {kind} template")
TEMPLATE_PROBLEM = N_("{where}{place}: {problem}")
TEMPLATE_LINE = N_(" (line {line})")
TEMPLATE_NUMBER_TOO_BIG = N_("the template computes a number too big to show")
TEMPLATE_TEXT_TOO_LONG = N_("the template repeats text into something too long to show")
TEMPLATE_TOO_LONG = N_("the template writes more than {limit} MiB; a report is far smaller")
TEMPLATE_TOO_SLOW = N_(
    "the template took longer than {seconds:g} seconds and was stopped "
    "(INTIMACY_CHECK_TEMPLATE_SECONDS sets the limit)"
)
TEMPLATE_TOO_DEEP = N_("the template calls itself too deeply (a macro without an end?)")

# --- PDF -----------------------------------------------------------------------------------
PDF_ENGINE_HELP = N_(
    "What makes the PDF [default: weasyprint when installed, else chromium from the PATH]."
)
PDF_ENGINE_NEEDS_PDF = N_("--pdf-engine works with --format pdf or an -o name ending in .pdf")
PDF_NOT_TO_TERMINAL = N_("a PDF cannot be shown in a terminal; add -o FILE.pdf, or pipe it")
PDF_NO_ENGINE = N_(
    "making a PDF needs WeasyPrint (pip install 'intimacy-check[pdf]') or Chromium on the "
    "PATH (chromium, chromium-browser or google-chrome)"
)
PDF_NO_WEASYPRINT = N_(
    "--pdf-engine weasyprint: WeasyPrint is not installed or cannot load "
    "(pip install 'intimacy-check[pdf]'; it needs Pango); or use --pdf-engine chromium"
)
PDF_NO_BROWSER = N_(
    "--pdf-engine chromium: none of chromium, chromium-browser or google-chrome is on the PATH"
)
PDF_BROWSER_FAILED = N_("{browser} could not print the report to PDF ({reason})")
PDF_BROWSER_EXIT = N_("exit status {code}")
PDF_BROWSER_NO_FILE = N_("it wrote no PDF")
PDF_BROWSER_TOO_SLOW = N_(
    "{browser} took longer than {seconds} seconds to print the report and was stopped"
)
PDF_WEASYPRINT_FAILED = N_("WeasyPrint could not make the PDF: {reason}")

# --- progress and summary ----------------------------------------------------------------------
NOTE_LINE = N_("{prog}: note: {message}")
GIVEN_TWICE = N_("{path} was given more than once; it is counted once")
NOT_FINISHED_LEFT_OUT = N_("{path} is not finished yet ({status}); left out")
OTHER_QUESTIONNAIRE_LEFT_OUT = N_(
    "{path} is for questionnaire {id} version {version}, not {expected_id} version "
    "{expected_version}; left out"
)
NOTHING_TO_FOLLOW = N_("none of the files is a completed assessment to compare over time")
READING_FILES_START = N_("Reading the answer files…")
READ_FILES = N_("Done: {count} answer files read.")
NO_ANSWER_FILES = N_("{paths}: no answer files (*.yaml, *.yml, *.yaml.age) found")
FOLDER_UNREADABLE = N_("{folder}: the folder cannot be read ({problem}); its files are left out")
FILE_UNREADABLE = N_("{path}: could not be read ({problem})")
READING_FILES = N_("Reading answer files")

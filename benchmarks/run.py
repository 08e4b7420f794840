#!/usr/bin/env python3
"""Measure intimacy-check's start-up and caseload speed against minimal floors.

Each row times our command and a floor, alternating runs (A B A B ...), and compares
their medians as a ratio against a target. The floors are minimal Typer apps and a
bare CSafeLoader loop, written to a temporary folder and run with the same Python
interpreter as the installed `intimacy-check`. Where `hyperfine` is installed, it
cross-checks the start-up medians (its runs do not alternate, so the verdicts come
from this script's own harness).

    python benchmarks/run.py --runs 20
    python benchmarks/run.py --runs 20 --markdown   # results as Markdown, for the README

Needs only the standard library. Exits 1 if a row fails its target.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = "examples/alex.yaml"
SEED = 20261126
HANG_GUARD = 600  # seconds; only so that a stuck command cannot hang the benchmark

# The floors use the two Typer settings our app uses (no completion commands, plain
# click help). With Typer's defaults, --help would import rich and the floor would be
# more than twice as slow, which would make our ratio look better than it is.
FLOOR_APP = '''\
from pathlib import Path

import typer

app = typer.Typer(add_completion=False, rich_markup_mode=None)


def _show_version(value: bool) -> None:
    if value:
        typer.echo("floor 0.1.0")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True),
) -> None:
    """A minimal Typer app."""


@app.command()
def report(file: Path) -> None:
    """Print a table of an answer file's ratings."""
    import yaml
    from rich.console import Console
    from rich.table import Table

    with open(file, "rb") as stream:
        sheet = yaml.load(stream, Loader=yaml.CSafeLoader)
    table = Table(title=str(sheet["respondent"]))
    table.add_column("statement")
    table.add_column("rating", justify="right")
    for statement, rating in sheet["answers"].items():
        table.add_row(statement, str(rating))
    Console().print(table)


@app.command()
def signs() -> None:
    """A second command, so that the app is a group as ours is."""


app()
'''

BARE_LOOP = """\
import os
import sys

import yaml

out = sys.stdout
for folder in sys.argv[1:]:
    for name in sorted(os.listdir(folder)):
        if name.endswith(".yaml"):
            with open(os.path.join(folder, name), "rb") as stream:
                sheet = yaml.load(stream, Loader=yaml.CSafeLoader)
            out.write(f"{name},{sheet['respondent']},{sheet['status']}\\n")
"""

FIRST_NAMES = (
    "Alex", "Sam", "Jordan", "Taylor", "Robin", "Kim", "Noor", "Mateo", "Aïsha", "Chloé",
    "Zoë", "José", "Priya", "Oluwaseun", "Mei", "Lars", "Ines", "Kai", "Dana", "Yusuf",
    "Sofía", "Björn", "Hana", "Luca", "Amara", "Niamh", "Tomasz", "Ana", "Ravi", "Elif",
)  # fmt: skip
ZONE_OFFSETS = (-5, 0, 1, 2, 5.5, 9)


@dataclass(frozen=True)
class Pair:
    """One row: our command against its floor, with a target for the ratio of medians."""

    name: str
    ours: Sequence[str]
    floor: Sequence[str]
    target: float | None  # None: shown for information only
    runs: int


@dataclass
class Outcome:
    """The measurements of one row, or why it was skipped."""

    name: str
    target: float | None
    unit: str = "ms"
    ours: list[float] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)
    note: str = ""
    cpu: float | None = None  # the ratio of median CPU times
    cross_check: float | None = None  # hyperfine's ratio of medians

    @property
    def ratio(self) -> float | None:
        if not self.ours or not self.floor:
            return None
        return statistics.median(self.ours) / statistics.median(self.floor)

    @property
    def verdict(self) -> str:
        if self.ratio is None:
            return "ERROR" if self.note.startswith("error") else "pending"
        if self.target is None:
            return "info"
        return "PASS" if self.ratio <= self.target else "FAIL"


# ---------------------------------------------------------------------------------------
# The caseload: deterministic answer files in the format of examples/alex.yaml.


def sign_ids(example: str) -> list[str]:
    """The answer keys of the example file, in its order (the quiz order)."""
    block = example.split("\nanswers:\n", 1)[1]
    return re.findall(r"^  ([a-z0-9-]+):", block, flags=re.MULTILINE)


def _substitute(text: str, key: str, value: str) -> str:
    new, count = re.subn(rf"^{key}: .*$", lambda _: f"{key}: {value}", text, flags=re.MULTILINE)
    if count != 1:
        raise SystemExit(f"benchmark: {EXAMPLE} has {count} '{key}:' lines; expected one")
    return new


def answer_file(example: str, rng: random.Random, *, number: int) -> str:
    """One generated answer file: the example's layout with a new name, dates and ratings."""
    ids = sign_ids(example)
    name = f"{rng.choice(FIRST_NAMES)} {chr(ord('A') + number % 26)}."
    zone = timezone(timedelta(hours=rng.choice(ZONE_OFFSETS)))
    started = datetime(2025, 1, 1, tzinfo=zone) + timedelta(minutes=rng.randrange(700_000))
    in_progress = rng.random() < 0.05
    reached = rng.randrange(1, len(ids)) if in_progress else len(ids)
    skipped = rng.randrange(len(ids)) if rng.random() < 0.05 else None
    ratings = ["null" if index == skipped else str(rng.randint(1, 5)) for index in range(reached)]
    finished = started + timedelta(seconds=rng.randrange(300, 2400))
    completed = "null" if in_progress else finished.isoformat()
    text = example.split("\nanswers:\n", 1)[0] + "\nanswers:\n"
    text = _substitute(text, "respondent", json.dumps(name, ensure_ascii=False))
    text = _substitute(text, "status", "in-progress" if in_progress else "completed")
    text = _substitute(text, "started_at", started.isoformat())
    text = _substitute(text, "completed_at", completed)
    return text + "".join(
        f"  {key}: {rating}\n" for key, rating in zip(ids[:reached], ratings, strict=True)
    )


def write_caseloads(folder: Path, *, sizes: Sequence[int]) -> dict[int, Path]:
    """Write one folder per size; the smaller caseloads are the first files of the larger."""
    example = (REPO / EXAMPLE).read_text(encoding="utf-8")
    rng = random.Random(SEED)
    texts = [answer_file(example, rng, number=number) for number in range(max(sizes))]
    folders = {}
    for size in sizes:
        target = folder / f"caseload-{size}"
        target.mkdir()
        for number, text in enumerate(texts[:size]):
            (target / f"client-{number:05d}.yaml").write_text(text, encoding="utf-8")
        folders[size] = target
    return folders


# ---------------------------------------------------------------------------------------
# Running commands.


def clean_env() -> dict[str, str]:
    """The same environment for every command, without our own settings."""
    env = dict(os.environ)
    for name in ("INTIMACY_CHECK_DATA", "INTIMACY_CHECK_PURE_YAML", "PYTHONPROFILEIMPORTTIME"):
        env.pop(name, None)
    return env


@dataclass(frozen=True)
class Run:
    seconds: float  # wall-clock
    cpu_seconds: float  # user + system: less disturbed by other work on a busy machine
    peak_kib: int  # maximum resident set size


def run_once(command: Sequence[str]) -> Run:
    """Run a command with stdin and output on /dev/null; stop if it fails."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=REPO,
        env=clean_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # wait4 gives this child's own rusage; RUSAGE_CHILDREN would keep the largest so far.
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"benchmark: `{shown(command)}` exited {process.returncode}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds=elapsed, cpu_seconds=cpu, peak_kib=usage.ru_maxrss)


def first_failure(commands: Sequence[Sequence[str]]) -> str | None:
    """Run each command once, capturing output; describe the first that fails."""
    for command in commands:
        result = subprocess.run(
            command, cwd=REPO, env=clean_env(), stdin=subprocess.DEVNULL,
            capture_output=True, text=True, timeout=HANG_GUARD, check=False,
        )  # fmt: skip
        if result.returncode != 0:
            last = (result.stderr.strip().splitlines() or ["(no message)"])[-1]
            return f"error: `{shown(command)}` exited {result.returncode}: {last}"
    return None


def alternate(
    first: Sequence[str], second: Sequence[str], *, runs: int, warmup: int
) -> tuple[list[Run], list[Run]]:
    """Run A B A B ..., after `warmup` unmeasured rounds."""
    samples: tuple[list[Run], list[Run]] = ([], [])
    for round_number in range(warmup + runs):
        for command, kept in ((first, samples[0]), (second, samples[1])):
            result = run_once(command)
            if round_number >= warmup:
                kept.append(result)
    return samples


def milliseconds(runs: list[Run]) -> list[float]:
    return [run.seconds * 1000 for run in runs]


def cpu_ratio(ours: list[Run], floor: list[Run]) -> float:
    def median_cpu(runs: list[Run]) -> float:
        return statistics.median(run.cpu_seconds for run in runs)

    return median_cpu(ours) / median_cpu(floor)


def mebibytes(runs: list[Run]) -> list[float]:
    return [run.peak_kib / 1024 for run in runs]


def measure_pair(pair: Pair, *, warmup: int) -> Outcome:
    outcome = Outcome(name=pair.name, target=pair.target)
    problem = first_failure([pair.ours, pair.floor])
    if problem:
        outcome.note = problem
        return outcome
    ours, floor = alternate(pair.ours, pair.floor, runs=pair.runs, warmup=warmup)
    outcome.ours, outcome.floor = milliseconds(ours), milliseconds(floor)
    outcome.cpu = cpu_ratio(ours, floor)
    return outcome


def hyperfine_ratio(pair: Pair, *, runs: int, warmup: int, scratch: Path) -> float | None:
    """hyperfine's ratio of medians for a pair (its runs are A A A ... B B B)."""
    report = scratch / "hyperfine.json"
    command = [
        "hyperfine", "--shell=none", "--style=none", "--warmup", str(warmup), "--runs",
        str(runs), "--export-json", str(report), shown(pair.ours), shown(pair.floor),
    ]  # fmt: skip
    result = subprocess.run(
        command, cwd=REPO, env=clean_env(), capture_output=True, timeout=HANG_GUARD, check=False
    )
    if result.returncode != 0:
        return None
    ours, floor = (entry["median"] for entry in json.loads(report.read_text())["results"])
    return float(ours / floor)


def shown(command: Sequence[str]) -> str:
    return shlex.join(command)


# ---------------------------------------------------------------------------------------
# The rows.


def interpreter_of(script: str) -> str:
    """The Python that runs a console script (its shebang), else this one."""
    try:
        head = Path(script).read_bytes()[:1024].decode("utf-8", "replace")
    except OSError:
        return sys.executable
    # pip writes a /bin/sh trampoline when the interpreter's path is too long for a shebang.
    match = re.search(r"^'''exec' '?([^' \n]+)", head, flags=re.MULTILINE) or re.match(
        r"#!(\S+)", head
    )
    if match and os.access(match.group(1), os.X_OK) and "python" in match.group(1):
        return match.group(1)
    return sys.executable


def startup_pairs(cli: str, python: str, floor: str, *, runs: int) -> list[Pair]:
    return [
        Pair("--version", [cli, "--version"], [python, floor, "--version"], 1.10, runs),
        Pair("--help", [cli, "--help"], [python, floor, "--help"], 1.10, runs),
        Pair(
            "report --format terminal",
            [cli, "report", EXAMPLE, "--format", "terminal"],
            [python, floor, "report", EXAMPLE],
            1.15,
            runs,
        ),
        Pair(
            "report (default: text when piped)",
            [cli, "report", EXAMPLE],
            [python, floor, "report", EXAMPLE],
            None,
            runs,
        ),
    ]


BROWSER_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-pdf-header-footer",
)  # fmt: skip


def pdf_pairs(cli: str, scratch: Path, *, runs: int) -> list[Pair]:
    """The couple's PDF with each engine, against Chromium printing the HTML report alone."""
    couple = [EXAMPLE, "examples/sam.yaml"]
    page = scratch / "couple.html"
    subprocess.run(
        [cli, "report", *couple, "--format", "html", "-o", str(page), "--force"],
        cwd=REPO, env=clean_env(), capture_output=True, check=True, timeout=HANG_GUARD,
    )  # fmt: skip
    browser = next(filter(None, map(shutil.which, ("chromium", "chromium-browser"))), None)
    floor = [
        browser or "chromium", *BROWSER_FLAGS, f"--user-data-dir={scratch / 'profile'}",
        f"--print-to-pdf={scratch / 'floor.pdf'}", page.as_uri(),
    ]  # fmt: skip

    def ours(engine: str) -> list[str]:
        target = str(scratch / f"{engine}.pdf")
        return [cli, "report", *couple, "-o", target, "--force", "--pdf-engine", engine]

    name = "couple PDF, {} (floor: Chromium prints the HTML alone)"
    engines = ("weasyprint", "chromium")
    return [Pair(name.format(engine), ours(engine), floor, None, runs) for engine in engines]


def summary_rows(
    cli: str, python: str, bare: str, caseloads: dict[int, Path], *, runs: int, warmup: int
) -> list[Outcome]:
    """Time `summary` over the large caseload, and compare its peak memory to the small one."""
    large, small = max(caseloads), min(caseloads)
    speed = Outcome(name=f"summary {large:,} files, csv", target=1.5)
    memory = Outcome(name=f"summary peak RSS, {large:,} vs {small:,} files", target=1.2, unit="MiB")
    problem = first_failure([[cli, "summary", "--help"]])
    if problem:
        note = f"pending: `intimacy-check summary --help` fails, so no summary yet ({problem})"
        speed.note = memory.note = note
        return [speed, memory]

    def summary(size: int, *extra: str) -> list[str]:
        return [cli, "summary", str(caseloads[size]), "--format", "csv", *extra]

    problem = first_failure([summary(large), [python, bare, str(caseloads[large])]])
    if problem:
        speed.note = memory.note = problem
        return [speed, memory]
    ours, bare_loop = alternate(
        summary(large), [python, bare, str(caseloads[large])], runs=runs, warmup=warmup
    )
    speed.ours, speed.floor = milliseconds(ours), milliseconds(bare_loop)
    speed.cpu = cpu_ratio(ours, bare_loop)
    # Peak memory barely varies and needs no alternation: the large runs are those above.
    memory.ours = mebibytes(ours)
    memory.floor = mebibytes([run_once(summary(small)) for _ in range(runs)])
    # With --items every row also carries its ratings: it must stream the same way.
    items_speed = Outcome(name=f"summary --items {large:,} files, csv", target=1.5)
    items_memory = Outcome(
        name=f"summary --items peak RSS, {large:,} vs {small:,} files", target=1.2, unit="MiB"
    )
    ours, bare_loop = alternate(
        summary(large, "--items"), [python, bare, str(caseloads[large])], runs=runs, warmup=warmup
    )
    items_speed.ours, items_speed.floor = milliseconds(ours), milliseconds(bare_loop)
    items_speed.cpu = cpu_ratio(ours, bare_loop)
    items_memory.ours = mebibytes(ours)
    items_memory.floor = mebibytes([run_once(summary(small, "--items")) for _ in range(runs)])
    return [speed, memory, items_speed, items_memory]


# ---------------------------------------------------------------------------------------
# Output.


def machine(python: str) -> list[tuple[str, str]]:
    """The facts that make results comparable: date, CPU, cores, Python, platform."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or cpu
    return [
        ("date", datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")),
        ("cpu", cpu),
        ("cores (nproc)", str(os.cpu_count())),
        ("machine (uname -m)", platform.machine()),
        ("system", f"{platform.system()} {platform.release()}"),
        ("python", _version_of(python)),
    ]


VERSIONS = """\
import platform, yaml
from importlib.metadata import version
names = ("typer", "pydantic", "rich", "PyYAML")
found = ", ".join(f"{name} {version(name)}" for name in names)
libyaml = "with" if hasattr(yaml, "CSafeLoader") else "without"
print(f"{platform.python_version()} ({found}; PyYAML {libyaml} libyaml)")
"""


def _version_of(python: str) -> str:
    """The Python and the framework versions that the measured command runs with."""
    result = subprocess.run(
        [python, "-c", VERSIONS], capture_output=True, text=True, timeout=HANG_GUARD, check=False
    )
    return result.stdout.strip() or "unknown"


def _cells(outcome: Outcome, *, cross_check: bool) -> list[str]:
    def figure(values: list[float]) -> str:
        if not values:
            return "–"
        return f"{statistics.median(values):.1f} {outcome.unit}"

    def ratio(value: float | None) -> str:
        return "–" if value is None else f"{value:.3f}"

    target = "–" if outcome.target is None else f"≤ {outcome.target:.2f}"
    cells = [outcome.name, figure(outcome.ours), figure(outcome.floor), ratio(outcome.ratio)]
    cells += [target, ratio(outcome.cpu)]
    cells += [ratio(outcome.cross_check)] if cross_check else []
    return [*cells, outcome.verdict]


def table(outcomes: Sequence[Outcome], *, markdown: bool, cross_check: bool) -> str:
    header = ["row", "ours (median)", "floor (median)", "ratio", "target", "cpu ratio"]
    header += ["hyperfine ratio"] if cross_check else []
    header += ["verdict"]
    rows = [header] + [_cells(outcome, cross_check=cross_check) for outcome in outcomes]
    if markdown:
        lines = ["| " + " | ".join(row) + " |" for row in rows]
        lines.insert(1, "|" + "|".join(" --- " for _ in header) + "|")
    else:
        widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
        lines = [
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            for row in rows
        ]
    notes = [f"- {o.name}: {o.note}" for o in outcomes if o.note]
    return "\n".join(lines + ([""] + notes if notes else []))


# ---------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="measured runs per command")
    parser.add_argument("--warmup", type=int, default=3, help="unmeasured runs per command")
    parser.add_argument("--summary-runs", type=int, default=5, help="runs of the caseload rows")
    parser.add_argument("--files", type=int, default=10_000, help="answer files in the caseload")
    parser.add_argument("--small-files", type=int, default=100, help="the small caseload")
    parser.add_argument("--cli", help="the intimacy-check to measure [default: next to python]")
    parser.add_argument(
        "--hyperfine",
        choices=("auto", "never"),
        default="auto",
        help="cross-check start-up medians with hyperfine where it is installed",
    )
    parser.add_argument("--skip-summary", action="store_true", help="only the start-up rows")
    parser.add_argument("--skip-startup", action="store_true", help="only the caseload rows")
    parser.add_argument("--markdown", action="store_true", help="print results as Markdown")
    parser.add_argument(
        "--pdf", action="store_true", help="also time the couple's PDF with each engine"
    )
    parser.add_argument("--pdf-runs", type=int, default=5, help="runs of the PDF rows")
    return parser.parse_args(argv)


def find_cli(given: str | None) -> str:
    here = os.path.dirname(sys.executable)
    found = given or shutil.which("intimacy-check", path=os.pathsep.join([here, os.defpath]))
    found = found or shutil.which("intimacy-check")
    if not found:
        raise SystemExit("benchmark: no intimacy-check found; install it or pass --cli")
    return os.path.abspath(found)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    cli = find_cli(args.cli)
    python = interpreter_of(cli)
    use_hyperfine = args.hyperfine == "auto" and shutil.which("hyperfine") is not None
    say: Callable[[str], None] = lambda text: print(text, file=sys.stderr, flush=True)  # noqa: E731
    # With PYTHONDONTWRITEBYTECODE set, an editable install recompiles every changed module
    # on every run; a wheel install never does. Compile once so both are measured alike.
    subprocess.run(
        [
            python,
            "-c",
            "import compileall, intimacy_check, os; "
            "compileall.compile_dir(os.path.dirname(intimacy_check.__file__), quiet=1)",
        ],
        check=False,
        timeout=HANG_GUARD,
    )
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="intimacy-check-bench-") as scratch_name:
        scratch = Path(scratch_name)
        floor, bare = scratch / "floor_app.py", scratch / "bare_loop.py"
        floor.write_text(FLOOR_APP, encoding="utf-8")
        bare.write_text(BARE_LOOP, encoding="utf-8")
        pairs = [] if args.skip_startup else startup_pairs(cli, python, str(floor), runs=args.runs)
        pairs += pdf_pairs(cli, scratch, runs=args.pdf_runs) if args.pdf else []
        for pair in pairs:
            say(f"measuring {pair.name} ({pair.runs} alternating runs each) ...")
            outcome = measure_pair(pair, warmup=args.warmup)
            if use_hyperfine and outcome.ratio is not None:
                outcome.cross_check = hyperfine_ratio(
                    pair, runs=args.runs, warmup=args.warmup, scratch=scratch
                )
            outcomes.append(outcome)
        if not args.skip_summary:
            say(f"writing {args.files:,} and {args.small_files:,} answer files ...")
            caseloads = write_caseloads(scratch, sizes=(args.small_files, args.files))
            say(f"measuring summary ({args.summary_runs} alternating runs each) ...")
            outcomes += summary_rows(
                cli, python, str(bare), caseloads, runs=args.summary_runs, warmup=1
            )
    if args.markdown:
        print("\n".join(f"- {key}: {value}" for key, value in machine(python)) + "\n")
    else:
        print("  ".join(f"{key}: {value}" for key, value in machine(python)))
    print(table(outcomes, markdown=args.markdown, cross_check=use_hyperfine))
    return 1 if any(outcome.verdict in ("FAIL", "ERROR") for outcome in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())

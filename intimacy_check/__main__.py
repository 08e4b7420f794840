"""Allow `python -m intimacy_check`."""

from intimacy_check.cli import main

main()

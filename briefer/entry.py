"""The console script's entry point, kept apart from :mod:`briefer.cli` on purpose.

A Ctrl-C while the command line is still being imported (click, rich, the command
registry: tens of milliseconds, more on a loaded machine) would otherwise reach the user as a
``KeyboardInterrupt`` traceback, before :meth:`briefer.cli.LazyGroup.main` can turn it into
exit status 130.  This module imports nothing of its own, so the window left is Python's own
start-up.

The command line runs as the whole process (:data:`briefer.cli.WHOLE_PROCESS`): nothing
runs after it here, so a command may end the process as soon as its output is written.
"""

from __future__ import annotations

import sys


def main() -> None:
    """``briefer``: import the command line, then run it; Ctrl-C in between exits 130."""
    try:
        from briefer.cli import main as run
    except KeyboardInterrupt:
        sys.exit(130)
    run(whole_process=True)

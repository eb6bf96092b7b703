"""Random bytes under random names through the CLI, in process (issue 12, "Also").

Whatever the input, a command ends with a documented status (0 ok, 1 bad input, 2 bad
usage), never a traceback, and prints nothing a terminal would act on: no byte below 0x20 but
tab and newline, no C1 control, on stdout or stderr.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefer.cli import cli

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Names a file system accepts: any character but "/" and NUL (surrogates cannot be encoded).
NAMES = st.text(st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)),
                min_size=1, max_size=30).filter(lambda n: n not in {".", ".."})
# Pieces of text, hostile and plain: no NUL among them (a NUL makes a file binary, refused
# before it is read, and would leave the reading, ranking and rendering unexplored: random
# bytes cover that path).
PIECES = st.sampled_from([b"The minister said. ", b"\xff", b"\x1b[2J", b"\xc2\x9b", b"<p>",
                          b"\n\n", b"~~~ ", b"1984) ", b"\xe2\x80\xae", b"MR. SMITH ",
                          b"<html><body>", b"<div>" * 300, b"<title>\x1b]0;x\x07</title>",
                          b"\xe2\x80\x9cQuote,\xe2\x80\x9d he said. ", b"# Heading\n",
                          b"\xf3\xa0\x80\x81", b"\r", b"Dr. ", b"\xe2\x80\x8b"])
DATA = st.one_of(st.binary(max_size=400),
                 st.lists(PIECES, max_size=40).map(b"".join))


#: 60 in the suite; more to explore locally: ``BRIEFER_FUZZ_EXAMPLES=3000 pytest
#: tests/cli/test_cli_fuzz.py`` (2,000 passed on 2026-12-02).
EXAMPLES = int(os.environ.get("BRIEFER_FUZZ_EXAMPLES", "60"))


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(name=NAMES, data=DATA,
       args=st.sampled_from([["summarize", "-a", "lead"], ["brief", "-a", "lead"],
                             ["sentences"], ["summarize", "-f", "json", "-a", "lead"],
                             ["brief", "-f", "text", "-a", "lead"], ["entities", "-f", "json"],
                             ["entities"]]))
def test_any_bytes_under_any_name_end_cleanly(name: str, data: bytes, args: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        try:
            path.write_bytes(data)
        except OSError:  # a name too long for this file system
            return
        result = CliRunner().invoke(cli, [*args, str(path)])
    assert result.exit_code in {0, 1, 2}, (result.exit_code, result.stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        repr(result.exception)
    for out in (result.stdout, result.stderr):
        assert "Traceback" not in out
        found = UNSAFE.search(out)
        assert found is None, f"{found.group()!r} in {out!r}"

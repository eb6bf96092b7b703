"""What a plain ``summarize`` loads and starts: no feed module, one BLAS thread.

Start-up is most of a ``summarize`` of one article (``benchmarks/bench_rank.py``,
``bench_startup.py``), so these are checked in fresh processes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefer.feeds import FeedFound
from briefer.ingest import decode_source

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "venezuela-mexico.txt"


def _python(code: str, env: dict[str, str] | None = None) -> str:
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip().splitlines()[-1]


def test_reading_a_plain_text_does_not_import_the_feed_or_network_module() -> None:
    code = ("import sys; from briefer import api\n"
            f"api.read({str(SEED)!r})\n"
            "print('briefer.feeds' in sys.modules, 'briefer.fetch' in sys.modules)")
    assert _python(code) == "False False"


def test_a_plain_summarize_does_not_import_the_network_module() -> None:
    """``--timeout`` is made on every command that may fetch; its default must not cost the
    network module's import when no URL is given."""
    code = ("import sys\n"
            f"sys.argv = ['briefer', 'summarize', {str(SEED)!r}]\n"
            "from briefer.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('briefer.fetch' in sys.modules)")
    assert _python(code) == "False"


def test_a_plain_brief_loads_no_thread_pool_nor_numpys_masked_arrays() -> None:
    """A brief of one file needs neither the feed fetcher's thread pool (concurrent.futures,
    which loads logging) nor ``numpy.ma``, which ``np.median`` imports to look for NaN: 11 ms
    of start-up between them; nor ``importlib.resources`` and its readers (zipfile) for the
    package's data files, which are read from the package's folder (about 4 ms)."""
    unwanted = ("concurrent.futures", "numpy.ma", "importlib.resources", "importlib.readers",
                "zipfile")
    code = ("import sys\n"
            f"sys.argv = ['briefer', 'brief', {str(SEED)!r}, '-f', 'json']\n"
            "from briefer.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            f"print([m for m in {unwanted!r} if m in sys.modules])")
    assert _python(code) == "[]"


@pytest.mark.parametrize("head", [b"", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n\t\r\x0b\x0c",
                                  b"\n\n   "])
def test_a_feed_is_still_found_past_a_bom_and_blank_space(head: bytes) -> None:
    rss = b'<?xml version="1.0"?>\n<!-- saved -->\n<rss version="2.0"><channel></channel></rss>'
    json_feed = b'{"version": "https://jsonfeed.org/version/1.1", "items": []}'
    for body in (rss, json_feed):
        with pytest.raises(FeedFound):
            decode_source("feed", head + body)


def test_text_that_opens_with_a_brace_or_a_tag_but_is_no_feed_is_read_as_text() -> None:
    source = decode_source("notes.txt", b'{"draft": true} The council met on Monday.')
    assert "council met" in source.text


@pytest.mark.skipif(not Path("/proc/self/task").is_dir() or (os.cpu_count() or 1) < 2,
                    reason="counts threads in /proc, needs two cores for a BLAS pool")
def test_the_command_ranks_with_one_blas_thread_unless_the_user_sets_more() -> None:
    code = ("import os, sys\n"
            f"sys.argv = ['briefer', 'summarize', {str(SEED)!r}, '-a', 'lexrank']\n"
            "from briefer.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "assert 'numpy' in sys.modules\n"
            "print(len(os.listdir('/proc/self/task')), os.environ['OPENBLAS_NUM_THREADS'])")
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    assert _python(code, env) == "1 1"
    assert _python(code, {**env, "OPENBLAS_NUM_THREADS": "2"}).endswith(" 2")


def test_english_stop_words_are_read_without_importlib_resources_readers() -> None:
    """sumy's list is read from its installed folder: ``resources.files`` would import its
    readers and ``zipfile`` first, a few ms of every command's start-up."""
    code = ("import sys; from briefer import tokens\n"
            "words = tokens.stop_words('english')\n"
            "print(len(words) > 100, 'zipfile' in sys.modules, "
            "'importlib.readers' in sys.modules)")
    assert _python(code) == "True False False"


def test_a_command_ends_with_its_objects_frozen_out_of_the_last_collection() -> None:
    """The interpreter's collection at exit traverses every object left, only for the process
    to end: a command freezes them (gc.freeze) when it is done, so that collection skips
    them."""
    code = ("import atexit, gc, sys\n"
            "atexit.register(lambda: print('frozen', gc.get_freeze_count() > 0))\n"
            f"sys.argv = ['briefer', 'summarize', {str(SEED)!r}, '-n', '1', '-f', 'text']\n"
            "from briefer.cli import main\n"
            "main()\n")
    assert _python(code) == "frozen True"


def test_the_default_ranker_does_not_load_the_graph_rankers() -> None:
    """pyramid needs only the sparse rows of ``rank.rows``, not the 700 lines of
    ``rank.graph`` compiled and imported in every summarize and batch start-up."""
    code = ("import sys\n"
            f"sys.argv = ['briefer', 'summarize', {str(SEED)!r}, '-f', 'text']\n"
            "from briefer.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('briefer.rank.graph' in sys.modules, 'briefer.rank.rows' in sys.modules)")
    assert _python(code) == "False True"

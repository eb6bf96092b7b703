"""``batch -o``'s OutputFile where the file system says no: a folder that takes no new file,
a file system with no hard links (FAT, some network shares)."""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path

import pytest

from briefer.cli import batch


def _source() -> io.BytesIO:
    return io.BytesIO(b"")


def test_a_folder_that_takes_no_new_file_keeps_the_partial_file_elsewhere(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.jsonl"
    target.write_bytes(b"old lines, longer than the new ones\n")

    def refuse(path: str) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(batch, "_partial_beside", refuse)
    out = batch.OutputFile(str(target), True, _source())
    assert out.partial is not None and not out.partial.startswith(str(tmp_path))
    assert out.stream is not None
    out.stream.write(b"new\n")
    out.finish()
    assert target.read_bytes() == b"new\n"
    assert not os.path.exists(out.partial or "") and list(tmp_path.iterdir()) == [target]


def test_a_new_file_is_copied_where_no_hard_link_can_be_made(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(src: str, dst: str) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(batch.os, "link", no_links)
    target = tmp_path / "out.jsonl"
    out = batch.OutputFile(str(target), False, _source())
    assert out.stream is not None
    out.stream.write(b"lines\n")
    out.finish()
    assert target.read_bytes() == b"lines\n"
    assert list(tmp_path.iterdir()) == [target]


def test_a_file_that_appeared_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    out = batch.OutputFile(str(target), False, _source())
    assert out.stream is not None
    out.stream.write(b"lines\n")
    target.write_bytes(b"someone else's\n")
    with pytest.raises(batch.RefusedOutput, match="appeared while the batch ran"):
        out.finish()
    assert target.read_bytes() == b"someone else's\n"
    assert out.partial is not None and Path(out.partial).read_bytes() == b"lines\n"

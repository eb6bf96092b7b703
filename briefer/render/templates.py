"""The template list of ``briefer templates``: each template's name, origin, path and
description, and the folder a user's own templates go in.

Names, descriptions and paths come from files the user (or anyone who wrote into their
template folder) controls, so they are shown as text, never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefer.render.json import dumps
from briefer.untrusted import neutralise_name

if TYPE_CHECKING:
    from rich.console import RenderableType

    from briefer.brief.template import TemplateInfo


def _path(info: TemplateInfo) -> str:
    """Where a template lives, as shown: a user's folder entry may have any name."""
    return neutralise_name(str(info.path)) if info.path else "-"


def _origin(info: TemplateInfo) -> str:
    return info.origin + (" (shadowed)" if info.shadowed else "")


def render_json(infos: Sequence[TemplateInfo], user_dir: Path) -> str:
    """One JSON object: ``templates`` (name, origin, path, description, shadowed), ``user_dir``."""
    return dumps({
        "templates": [{"name": i.name, "origin": i.origin,
                       "path": _path(i) if i.path else None,
                       "description": i.description, "shadowed": i.shadowed}
                      for i in infos],
        "user_dir": neutralise_name(str(user_dir)),
    })


def render_text(infos: Sequence[TemplateInfo], user_dir: Path) -> str:
    """A tab-separated line a template (name, origin, path, description), then the folder."""
    lines = [f"{i.name}\t{_origin(i)}\t{_path(i)}\t{i.description}" for i in infos]
    lines.append(f"# your templates: {neutralise_name(str(user_dir))}")
    return "\n".join(lines) + "\n"


def render_rich(infos: Sequence[TemplateInfo], user_dir: Path) -> RenderableType:
    """A table of the templates, then the folder, dimmed."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, pad_edge=False, show_header=True, header_style="bold")
    for column in ("name", "origin", "description", "path"):
        table.add_column(column, overflow="fold")
    for i in infos:
        table.add_row(Text(i.name, style="bold"), Text(_origin(i)), Text(i.description),
                      Text(_path(i), style="dim"))
    return Group(table, Text(f"Your templates: {neutralise_name(str(user_dir))}", style="dim"))

"""The main screen: source and brief side by side, kept in step with each other.

This screen is the reader's controller.  Keys and clicks become calls on
:class:`~briefer.tui.state.ReaderState`; anything slow (reading a file, ranking) runs in a
worker thread and comes back as a message (:class:`BriefReady`, :class:`DocumentsOpened`), so
the panes stay responsive while a long text is ranked.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header
from textual.worker import get_current_worker

from briefer.document import Document
from briefer.tui import search
from briefer.tui.messages import (
    BriefFailed,
    BriefReady,
    DocumentsOpened,
    ItemActivated,
    ItemSelected,
    OpenFailed,
    RankProgress,
    ReadProgress,
    SentenceSelected,
)
from briefer.tui.screens.choose import ChooseScreen
from briefer.tui.screens.confirm import ConfirmScreen
from briefer.tui.screens.prompt import PromptScreen
from briefer.tui.state import BriefRequest, Key, ReaderState, build_brief
from briefer.tui.widgets import (
    BriefView,
    DocumentBar,
    Marks,
    ReaderFooter,
    SearchBox,
    SentenceInfoLine,
    SourceView,
    StatusLine,
    WorkProgress,
)

LENGTH = Binding.Group("Length", compact=True)
"""``+`` and ``-`` share one footer entry, ``+- Length``, so every key fits in 80 columns."""


class MainScreen(Screen[None]):
    """Source (left) and brief (right), a status line, and the keys in the footer."""

    BINDINGS = [
        Binding("question_mark", "app.help", "Help", key_display="?",
                tooltip="Help: what the colours and marks mean, and every key"),
        Binding("q", "app.quit", "Quit"),
        Binding("plus,equals_sign", "longer", "Longer", key_display="+", group=LENGTH,
                tooltip="One sentence more in the brief (= works too)"),
        Binding("minus", "shorter", "Shorter", key_display="-", group=LENGTH,
                tooltip="One sentence fewer (pinned sentences always stay)"),
        Binding("p", "pin", "Pin", tooltip="Pin the selected sentence (again to unpin)"),
        Binding("d", "drop", "Drop", tooltip="Drop the selected sentence (again to restore)"),
        Binding("a", "algorithm", "Algorithm", tooltip="Choose the ranker"),
        Binding("t", "template", "Template", tooltip="Choose the brief's template"),
        Binding("slash", "search", "Search", key_display="/",
                tooltip="Search the source; enter keeps the matches, escape clears them"),
        Binding("n", "next_match", "Next match", show=False,
                tooltip="Next match of the search"),
        Binding("N", "previous_match", "Previous match", show=False,
                tooltip="Previous match of the search"),
        Binding("e", "export", "Export", tooltip="Save the brief as a markdown file"),
        Binding("c", "copy", "Copy", tooltip="Copy the brief, as markdown, to the clipboard"),
        Binding("o", "open", "Open", tooltip="Open another file beside these"),
        Binding("right_square_bracket", "next_document", "Next file", key_display="]",
                show=False, tooltip="Show the next open file (or click its name)"),
        Binding("left_square_bracket", "previous_document", "Previous file",
                key_display="[", show=False, tooltip="Show the previous open file"),
        Binding("w", "close_document", "Close file", show=False,
                tooltip="Close the file shown in the source pane"),
        Binding("x", "clear_choices", "Clear pins", show=False,
                tooltip="Forget every pin and drop"),
        Binding("L", "app.toggle_dark", "Light/dark", show=False,
                tooltip="Switch between the light and the dark theme"),
        Binding("escape", "end_search", "End search", key_display="esc", show=False,
                tooltip="Close the search and clear its matches"),
    ]

    def __init__(self, state: ReaderState, paths: Sequence[str] = ()) -> None:
        super().__init__()
        self.state = state
        self.paths = tuple(paths)
        self.query_text = ""

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="§")
        with Horizontal(id="panes"):
            with Vertical(id="source-column"):
                yield DocumentBar(id="documents")
                yield SourceView(id="source")
                yield SearchBox(id="search", cursor_blink=getattr(self.app, "cursor_blink", True))
                yield SentenceInfoLine(id="sentence-info")
            with Vertical(id="brief-column"):
                yield WorkProgress(id="progress")
                yield BriefView(id="brief")
        yield StatusLine(id="status")
        yield ReaderFooter(compact=True, show_command_palette=False)

    @property
    def source(self) -> SourceView:
        return self.query_one("#source", SourceView)

    @property
    def brief_view(self) -> BriefView:
        return self.query_one("#brief", BriefView)

    @property
    def progress(self) -> WorkProgress:
        return self.query_one("#progress", WorkProgress)

    @property
    def sentence_info(self) -> SentenceInfoLine:
        return self.query_one("#sentence-info", SentenceInfoLine)

    @property
    def search_box(self) -> SearchBox:
        return self.query_one("#search", SearchBox)

    @property
    def searching(self) -> bool:
        """True while the search field is open (False before the screen is composed)."""
        boxes = self.query(SearchBox)
        return bool(boxes) and boxes.first().is_open

    def on_mount(self) -> None:
        self.source.border_title = "Source"
        self.brief_view.border_title = "Brief"
        self.brief_view.focus()
        self.show_notes(self.state.documents)
        if self.state.documents:
            self.show_current_document()
            self.rebuild()
        elif not self.paths:
            self.brief_view.show_message("Nothing open yet: press o to open a file.")
        self.refresh_status()
        if self.paths:
            self.brief_view.show_message("Reading…")
            self.read_files(self.paths)

    # -- building the brief ----------------------------------------------------------------

    def rebuild(self) -> None:
        """Ask for a new brief from the current state; the last request made wins."""
        if not self.state.documents:
            self.brief_view.show_message("Nothing open: press o to open a file.")
            self.refresh_status()
            return
        request = self.state.request()
        if request.unranked:
            docs = [request.documents[i] for i in request.unranked]
            self.progress.report(0, len(docs), f"Ranking {sum(len(d.sentences) for d in docs):,}"
                                               f" sentences with {request.algorithm}")
            if self.state.brief is None:
                self.brief_view.show_message(f"Ranking with {request.algorithm}…")
        self.build(request)

    @work(thread=True, exclusive=True, group="brief")
    def build(self, request: BriefRequest) -> None:
        """Rank and arrange in a thread (rankers are CPU-bound), then hand the brief back.

        Any error becomes a notification: a ranker that fails on one text (sumy's, say) must
        not take the reader down with it.  The expected ones (a bad template, an unknown
        ranker, a child process that died) say what happened in their own words; anything
        else is named by its type too, as it is likely a bug to report.
        """
        from briefer.brief import TemplateError
        from briefer.ingest import InputError
        from briefer.tui.ranking import RankingFailed

        worker = get_current_worker()

        def report(done: int, total: int, what: str) -> None:
            self.post_message(RankProgress(request.generation, done, total, what))

        try:
            brief = build_brief(request, progress=report,
                                cancelled=lambda: worker.is_cancelled)
        except (TemplateError, InputError, ValueError, RankingFailed) as err:
            self.post_message(BriefFailed(request.generation, str(err)))
            return
        except Exception as err:  # shown to the reader, see the docstring
            self.post_message(BriefFailed(request.generation, f"{type(err).__name__}: {err}"))
            return
        if brief is not None and not worker.is_cancelled:
            self.post_message(BriefReady(request.generation, brief))

    @on(RankProgress)
    def _progress(self, message: RankProgress) -> None:
        if self.state.is_current(message.generation):
            self.progress.report(message.done, message.total, message.what)

    @on(ReadProgress)
    def _read_progress(self, message: ReadProgress) -> None:
        self.progress.report(message.done, message.total, message.what)

    @on(BriefReady)
    def _brief_ready(self, message: BriefReady) -> None:
        if not self.state.accept(message.generation, message.brief):
            return
        self.progress.finish()
        self.refresh_views()

    @on(BriefFailed)
    def _brief_failed(self, message: BriefFailed) -> None:
        if not self.state.is_current(message.generation):
            return
        self.progress.finish()
        changed = self.state.reject(message.generation)
        self.notify(message.error, title="Could not make the brief", severity="error",
                    markup=False)
        self.refresh_status()
        if self.state.brief is not None:
            return
        if changed:
            self.rebuild()
        else:
            self.brief_view.show_message(f"No brief: {message.error}  Press a for another "
                                         "ranker, t for another template.")

    # -- reading files ---------------------------------------------------------------------

    @work(thread=True, group="read")
    def read_files(self, paths: Sequence[str]) -> None:
        """Read files in a thread, in order; each bad one is reported and skipped."""
        from briefer.feeds import read_input
        from briefer.ingest import InputError

        documents = []
        for i, path in enumerate(paths):
            self.post_message(ReadProgress(i, len(paths), f"Reading {path}"))
            try:
                got = read_input(path)  # a URL is fetched, a feed opens as its items
            except InputError as err:
                self.post_message(OpenFailed(str(err)))
                continue
            documents.extend(got.documents)
            for error in got.errors:
                self.post_message(OpenFailed(error))
        self.post_message(DocumentsOpened(tuple(documents)))

    @on(DocumentsOpened)
    def _opened(self, message: DocumentsOpened) -> None:
        self.progress.finish()
        if not message.documents:
            if not self.state.documents:
                self.brief_view.show_message("Nothing open: press o to open a file.")
            return
        for document in message.documents:
            self.state.add_document(document)
        self.show_notes(message.documents)
        self.show_current_document()
        self.rebuild()

    @on(OpenFailed)
    def _open_failed(self, message: OpenFailed) -> None:
        self.notify(message.error, title="Could not open", severity="error", markup=False)

    def show_notes(self, documents: Sequence[Document]) -> None:
        """How each document was read ("bytes replaced with U+FFFD", ...), as notifications:
        the other commands print these notes on stderr, which the reader's screen hides."""
        for document in documents:
            for note in document.notes:
                self.notify(note, title="Note", severity="warning", markup=False)

    # -- drawing ---------------------------------------------------------------------------

    def marks(self) -> Marks:
        return Marks(self.state.placements(), frozenset(self.state.pinned),
                     frozenset(self.state.dropped), self.query_text)

    def show_current_document(self) -> None:
        """Put the current document in the source pane and name it everywhere."""
        state = self.state
        if not state.documents:
            return
        doc = state.documents[state.current]
        self.query_one("#documents", DocumentBar).show(state.documents, state.current)
        self.source.show_document(state.current, doc, self.marks())
        # Border titles are read as markup: text from outside goes in as Content, literally.
        self.source.border_subtitle = Content(f"{Path(doc.source).name} · "
                                              f"{len(doc.sentences)} sentences")
        self.title = doc.title or Path(doc.source).name
        self.sub_title = doc.source
        self._count_matches()

    def refresh_views(self) -> None:
        """Redraw the brief and the marks on the source after a change of brief."""
        state = self.state
        if state.brief is not None:
            self.brief_view.show_brief(state.brief, state.pinned)
            self.brief_view.border_subtitle = Content(self.brief_subtitle())
        self.source.restyle(self.marks())
        self.refresh_status()
        key = self.source.selected_key
        self.sentence_info.show(state.info(key) if key is not None else None)

    def brief_subtitle(self) -> str:
        """``5 of 18 · news · 2 pinned · 1 dropped``: the brief's size and the reader's hand."""
        state = self.state
        parts = [f"{state.stats.sentences_out} of {state.stats.sentences_in}"]
        if state.brief is not None:
            parts.append(state.brief.template)
        if state.pinned:
            parts.append(f"{len(state.pinned)} pinned")
        if state.dropped:
            parts.append(f"{len(state.dropped)} dropped")
        return " · ".join(parts)

    def refresh_status(self) -> None:
        self.query_one("#status", StatusLine).show(self.state)

    # -- keeping the panes in step ---------------------------------------------------------

    def _show_key(self, key: Key) -> None:
        """Bring ``key``'s document into the source pane and mark the sentence there."""
        if self.state.show(key[0]):
            self.show_current_document()
        self.source.select_sentence(key[1], quiet=True)
        self.sentence_info.show(self.state.info(key))

    @on(ItemSelected)
    def _item_selected(self, message: ItemSelected) -> None:
        self._show_key(message.key)

    @on(ItemActivated)
    def _item_activated(self, message: ItemActivated) -> None:
        self._show_key(message.key)
        self.source.focus()

    @on(SentenceSelected)
    def _sentence_selected(self, message: SentenceSelected) -> None:
        self.sentence_info.show(self.state.info(message.key))
        self.brief_view.select_key(message.key, quiet=True)

    def show_document(self, index: int) -> None:
        """Show open file ``index`` in the source pane (the file bar's click action)."""
        if self.state.show(index):
            self.show_current_document()

    def action_show_document(self, index: int) -> None:
        self.show_document(index)

    def action_next_document(self) -> None:
        if len(self.state.documents) > 1:
            self.show_document((self.state.current + 1) % len(self.state.documents))

    def action_previous_document(self) -> None:
        if len(self.state.documents) > 1:
            self.show_document((self.state.current - 1) % len(self.state.documents))

    def action_close_document(self) -> None:
        if not self.state.documents:
            return
        name = self.state.documents[self.state.current].source
        self.state.close_document(self.state.current)
        self.notify(f"Closed {name}", markup=False)
        if self.state.documents:
            self.show_current_document()
        else:
            self.source.clear_options()
            self.query_one("#documents", DocumentBar).show([], 0)
        self.rebuild()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the keys that cannot do anything right now (footer and help follow this)."""
        several = len(self.state.documents) > 1
        if action in ("next_document", "previous_document"):
            return True if several else None
        if action in ("next_match", "previous_match"):
            return True if self.query_text else None
        if action == "end_search":
            return True if self.searching or self.query_text else None
        return True

    # -- length, pins and drops ------------------------------------------------------------

    def action_longer(self) -> None:
        if self.state.longer():
            self.rebuild()
        elif self.state.brief is not None:
            self.notify("The brief already has every sentence it can take.")

    def action_shorter(self) -> None:
        if self.state.shorter():
            self.rebuild()
        elif self.state.brief is not None:
            self.notify("The brief is as short as it gets (pinned sentences always stay).")

    def target(self) -> Key | None:
        """The sentence a pin or drop applies to: the one under the cursor of the focused
        pane (the brief's, unless the source has focus)."""
        if self.focused is self.source:
            return self.source.selected_key
        return self.brief_view.selected_key or self.source.selected_key

    def action_pin(self) -> None:
        key = self.target()
        if key is None:
            return
        self.state.toggle_pin(key)
        self.source.restyle(self.marks())
        self.rebuild()

    def action_drop(self) -> None:
        key = self.target()
        if key is None:
            return
        self.state.toggle_drop(key)
        self.source.restyle(self.marks())
        self.rebuild()

    def action_clear_choices(self) -> None:
        if self.state.clear_choices():
            self.source.restyle(self.marks())
            self.rebuild()

    # -- algorithm and template ------------------------------------------------------------

    @work(group="dialog", exclusive=True)
    async def action_algorithm(self) -> None:
        from briefer.rank import algorithm_names

        choices = [(name, "sumy's implementation" if name.startswith("sumy-") else "")
                   for name in algorithm_names()]
        choice = await self.app.push_screen_wait(
            ChooseScreen("Rank sentences with", choices, self.state.algorithm))
        if choice and self.state.set_algorithm(choice):
            self.rebuild()

    @work(group="dialog", exclusive=True)
    async def action_template(self) -> None:
        from briefer.brief import TemplateError, list_templates

        try:
            templates = list_templates()
        except TemplateError as err:
            self.notify(str(err), title="Templates", severity="error", markup=False)
            templates = []
        choices = [("auto", "pick one from the text")]
        choices += [(t.name, str(t.origin)) for t in templates if t.name != "auto"]
        choice = await self.app.push_screen_wait(
            ChooseScreen("Arrange the brief with the template", choices, self.state.template,
                         typed="…or type a template file's path and press enter"))
        if choice and self.state.set_template(choice):
            self.rebuild()

    # -- search (the field is a SearchBox; what counts as a match is briefer.tui.search) ---

    def action_search(self) -> None:
        self.search_box.open()
        self.refresh_bindings()

    def action_end_search(self) -> None:
        self.search_box.close(clear=True)
        self._set_query("")
        self.source.focus()

    @on(SearchBox.QueryChanged)
    def _search_changed(self, message: SearchBox.QueryChanged) -> None:
        self._set_query(message.query)
        self._jump_to_match(forward=True, include_current=True)

    @on(SearchBox.Kept)
    def _search_kept(self) -> None:
        self.search_box.close()
        self.refresh_bindings()
        self.source.focus()

    @on(SearchBox.Dismissed)
    def _search_dismissed(self) -> None:
        self.action_end_search()

    def _set_query(self, query: str) -> None:
        self.query_text = query
        self.source.restyle(self.marks())
        self._count_matches()
        self.refresh_bindings()

    def _count_matches(self) -> None:
        # Border titles are read as markup: the query goes in as Content, literally.
        self.source.border_title = Content(
            search.title(self.query_text, len(self.state.find(self.query_text)))
        ) if self.query_text else "Source"

    def _jump_to_match(self, *, forward: bool, include_current: bool = False) -> None:
        key = self.source.selected_key
        target = search.step(self.state.find(self.query_text), key[1] if key is not None else -1,
                             forward=forward, include_current=include_current)
        if target is not None:
            self.source.select_sentence(target)

    def action_next_match(self) -> None:
        self._jump_to_match(forward=True)

    def action_previous_match(self) -> None:
        self._jump_to_match(forward=False)

    # -- files in and out ------------------------------------------------------------------

    @work(group="dialog", exclusive=True)
    async def action_open(self) -> None:
        path = await self.app.push_screen_wait(
            PromptScreen("Open a file, URL or feed beside the others",
                         placeholder="path/to/article.txt or https://..."))
        if path:
            from briefer.ingest import is_url

            path = path.strip()
            self.read_files([path if is_url(path) else str(Path(path).expanduser())])

    def brief_markdown(self) -> str | None:
        """The brief as markdown, the same text ``briefer brief -f markdown`` prints."""
        if self.state.brief is None:
            self.notify("There is no brief yet.", severity="warning")
            return None
        from briefer.render.markdown import render_brief

        return render_brief(self.state.brief)

    def default_export_name(self) -> str:
        docs = self.state.documents
        stem = Path(docs[0].source).stem if docs and not docs[0].source.startswith("<") \
            else "brief"
        return f"{stem}-brief.md" if stem != "brief" else "brief.md"

    @work(group="dialog", exclusive=True)
    async def action_export(self) -> None:
        text = self.brief_markdown()
        if text is None:
            return
        answer = await self.app.push_screen_wait(
            PromptScreen("Save the brief as markdown to", self.default_export_name()))
        if not answer:
            return
        target = Path(answer).expanduser()
        if target.is_dir():
            self.notify(f"{target} is a folder; give a file name.", severity="error",
                        markup=False)
            return
        # lexists: a dangling symbolic link would create its target, which is not ours to make
        if os.path.lexists(target) and not await self.app.push_screen_wait(
                ConfirmScreen(f"{target} already exists. Replace it?", yes="Replace")):
            self.notify("Not saved.", markup=False)
            return
        try:
            target.write_text(text, encoding="utf-8")
        except OSError as err:
            self.notify(f"{target}: {err.strerror or err}", title="Could not save",
                        severity="error", markup=False)
            return
        self.notify(f"Saved the brief to {target}", markup=False)

    def action_copy(self) -> None:
        text = self.brief_markdown()
        if text is None:
            return
        self.app.copy_to_clipboard(text)
        self.notify(f"Copied the brief ({len(text.splitlines())} lines of markdown) "
                    "to the clipboard.")

"""Pilot tests: each of the reader's interactions, asserted on the app's state and widgets."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from briefer_snapshot_app import (
    SEED,
    choose,
    dek_document,
    notices,
    reader_app,
    run_async,
    screen_text,
    second_document,
    seed_document,
    settle,
    type_into,
)
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input, OptionList

from briefer.rank import algorithm_names
from briefer.tui.messages import BriefReady, SentenceSelected
from briefer.tui.screens import ChooseScreen, ConfirmScreen, HelpScreen, MainScreen, PromptScreen
from briefer.tui.widgets import BriefView, SourceView

N = len(seed_document().sentences)  # the sample's sentences, however the splitter cuts them


def screen(app: Any) -> MainScreen:
    main = app.screen_stack[0]
    assert isinstance(main, MainScreen)
    return main


def panes(app: Any) -> tuple[SourceView, BriefView]:
    main = screen(app)
    return main.source, main.brief_view


def text_of(widget: Any) -> str:
    """The plain text a Static shows."""
    return str(widget.render())


@run_async
async def test_opens_with_the_brief_highlights_and_status() -> None:
    app = reader_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        state = app.reader
        source, brief = panes(app)
        assert state.brief is not None and state.brief.algorithm == "lead"
        assert brief.item_keys, "the brief pane lists the items"
        assert brief.has_focus
        # Every item of the brief is marked in the source with its section.
        for key in brief.item_keys:
            assert key in state.placements()
        assert source.document is state.documents[0]
        status = text_of(app.screen.query_one("#status"))
        assert "algorithm lead" in status and "template auto" in status and "lang en" in status
        assert f"sentences {N} → {state.stats.sentences_out}" in status
        assert "compression" in status
        assert app.screen.title.startswith("Trump Signals Talks")


@run_async
async def test_moving_through_items_scrolls_the_source_to_each_sentence() -> None:
    app = reader_app(count=8)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        source, brief = panes(app)
        last = brief.item_keys[-1]
        await pilot.press("end")
        assert brief.selected_key == last
        assert source.selected_key == last
        assert source.scroll_y > 0, "the source scrolled down to the last item's sentence"
        await pilot.press("home")
        assert source.selected_key == brief.item_keys[0]


@run_async
async def test_clicking_an_item_marks_its_sentence_in_the_source() -> None:
    app = reader_app(count=6)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        source, brief = panes(app)
        target = brief.item_keys[2]
        index = brief.option_index_of(target)
        line = brief._index_to_line[index]  # where the entry is drawn (textual internals)
        await pilot.click(BriefView, offset=(6, 1 + line - int(brief.scroll_y)))
        await pilot.pause()
        assert brief.selected_key == target
        assert source.selected_key == target
        assert source.has_focus, "a click on an item takes the reader to the source"


@run_async
async def test_selecting_a_sentence_shows_its_section_and_score() -> None:
    messages: list[Message] = []
    app = reader_app()
    async with app.run_test(size=(80, 24), message_hook=messages.append) as pilot:
        await settle(pilot)
        source, brief = panes(app)
        await pilot.press("tab")
        assert source.has_focus
        placements = app.reader.placements()
        chosen = min(placements)
        await pilot.press("home", *["down"] * chosen[1])
        assert source.selected_key == chosen
        info = text_of(app.screen.query_one("#sentence-info"))
        assert "score" in info and f"of {N}" in info
        assert placements[chosen].title in info
        assert brief.selected_key == chosen, "the brief's cursor follows to that item"
        assert any(isinstance(m, SentenceSelected) and m.key == chosen for m in messages)
        unchosen = next(i for i in range(N) if (0, i) not in placements)
        await pilot.press("home", *["down"] * unchosen)
        assert "not in the brief" in text_of(app.screen.query_one("#sentence-info"))


@run_async
async def test_plus_and_minus_change_the_length_without_ranking_again(monkeypatch: Any
                                                                       ) -> None:
    from briefer import api

    calls: list[str] = []
    real_rank = api.rank

    def counting_rank(doc: Any, algorithm: str | None = None) -> tuple[float, ...]:
        calls.append(str(algorithm))
        return real_rank(doc, algorithm)

    monkeypatch.setattr(api, "rank", counting_rank)
    app = reader_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        state = app.reader
        start = state.stats.sentences_out
        await pilot.press("plus")
        await settle(pilot)
        assert state.stats.sentences_out == start + 1
        assert len(panes(app)[1].item_keys) >= start + 1
        await pilot.press("minus", "minus")
        await settle(pilot)
        assert state.stats.sentences_out == start - 1
        assert f"{N} → {start - 1}" in text_of(app.screen.query_one("#status"))
        assert calls == ["lead"], "the length changed without ranking again"


@run_async
async def test_changing_the_algorithm_reranks_and_updates_everything() -> None:
    app = reader_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        assert isinstance(app.screen, ChooseScreen)
        choices = app.screen.query_one("#choices", OptionList)
        assert choices.highlighted_option is not None
        assert choices.highlighted_option.id == "lead", "the list opens on the current one"
        await pilot.press("down", "enter")
        await settle(pilot)
        names = algorithm_names()
        chosen = names[names.index("lead") + 1]
        assert app.reader.algorithm == chosen
        assert app.reader.brief is not None and app.reader.brief.algorithm == chosen
        assert f"algorithm {chosen}" in text_of(app.screen.query_one("#status"))


@run_async
async def test_q_in_a_list_dialog_closes_it_and_keeps_the_app() -> None:
    app = reader_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        assert isinstance(app.screen, ChooseScreen)
        await pilot.press("q")
        assert not isinstance(app.screen, ChooseScreen)
        assert app.is_running and app.return_code is None
        await pilot.press("t", "tab", "q")  # in the template input, q is typed
        assert isinstance(app.screen, ChooseScreen)
        assert app.screen.query_one("#typed", Input).value == "q"


@run_async
async def test_changing_the_template_and_a_bad_template_keeps_the_app_running(tmp_path: Path
                                                                              ) -> None:
    from briefer.brief import list_templates

    messages: list[Message] = []
    app = reader_app()
    async with app.run_test(size=(80, 24), message_hook=messages.append) as pilot:
        await settle(pilot)
        name = list_templates()[0].name
        await pilot.press("t")
        await choose(pilot, name)
        await settle(pilot)
        assert app.reader.template == name
        assert app.reader.brief is not None
        good = app.reader.brief
        # A template file that is not a template: a notification, and the last brief stays.
        bad = tmp_path / "broken.toml"
        bad.write_text("this is = = not toml\n", encoding="utf-8")
        await pilot.press("t")
        assert isinstance(app.screen, ChooseScreen)
        await type_into(pilot, "#typed", str(bad))
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, MainScreen)
        assert app.reader.template == name, "the template went back to the one that worked"
        assert app.reader.brief is good
        assert any("broken.toml" in n for n in notices(messages))


@run_async
async def test_a_bad_template_at_start_falls_back_to_auto() -> None:
    messages: list[Message] = []
    app = reader_app(template="no-such-template")
    async with app.run_test(size=(80, 24), message_hook=messages.append) as pilot:
        await settle(pilot)
        assert app.reader.template == "auto"
        assert app.reader.brief is not None
        assert any("no-such-template" in n for n in notices(messages))


@run_async
async def test_a_pin_from_the_source_survives_length_and_algorithm_changes() -> None:
    app = reader_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        state = app.reader
        source, brief = panes(app)
        unchosen = max(i for i in range(N) if (0, i) not in state.placements())
        await pilot.press("tab")
        source.select_sentence(unchosen)
        await pilot.pause()
        await pilot.press("p")
        await settle(pilot)
        assert (0, unchosen) in state.pinned
        assert (0, unchosen) in brief.item_keys
        assert "pinned" in text_of(app.screen.query_one("#sentence-info"))
        await pilot.press("minus", "minus")
        await settle(pilot)
        assert (0, unchosen) in brief.item_keys, "shorter, and the pin stays"
        await pilot.press("a")
        await choose(pilot, "textrank")
        await settle(pilot)
        assert (0, unchosen) in brief.item_keys, "another ranker, and the pin stays"
        await pilot.press("p")  # again: unpinned
        await settle(pilot)
        assert (0, unchosen) not in state.pinned


@run_async
async def test_a_drop_from_the_brief_keeps_the_sentence_out() -> None:
    app = reader_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        state = app.reader
        source, brief = panes(app)
        first = brief.selected_key
        assert first is not None
        await pilot.press("d")
        await settle(pilot)
        assert first in state.dropped
        assert first not in brief.item_keys
        look = source.get_option_at_index(source.option_index_of(first[1])).prompt
        assert look.plain.startswith("✗") and look.plain.endswith("dropped")
        assert "1 dropped" in str(brief.border_subtitle)
        await pilot.press("plus", "plus")
        await settle(pilot)
        assert first not in brief.item_keys, "longer, and it stays dropped"
        # Dropping it again from the source brings it back.
        await pilot.press("tab")
        source.select_sentence(first[1])
        await pilot.press("d")
        await settle(pilot)
        assert first not in state.dropped and first in brief.item_keys


@run_async
async def test_search_finds_marks_and_steps_through_matches() -> None:
    app = reader_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = screen(app)
        source, _ = panes(app)
        matches = app.reader.find("Maduro")
        assert len(matches) >= 3
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"maduro")
        assert source.selected_key == (0, matches[0])
        assert f"{len(matches)} matches" in str(source.border_title)
        await pilot.press("enter")
        assert source.has_focus
        await pilot.press("n")
        assert source.selected_key == (0, matches[1])
        await pilot.press("N")
        assert source.selected_key == (0, matches[0])
        await pilot.press("escape")
        assert main.query_text == ""
        assert str(source.border_title) == "Source"


@run_async
async def test_opening_another_file_adds_it_and_a_bad_one_is_reported(tmp_path: Path) -> None:
    other = tmp_path / "valley.txt"
    other.write_text(second_document().text, encoding="utf-8")
    messages: list[Message] = []
    app = reader_app()
    async with app.run_test(size=(80, 24), message_hook=messages.append) as pilot:
        await settle(pilot)
        await pilot.press("o")
        assert isinstance(app.screen, PromptScreen)
        await type_into(pilot, "#answer", str(tmp_path / "missing.txt"))
        await settle(pilot)
        assert len(app.reader.documents) == 1
        assert any("missing.txt: no such file" in n for n in notices(messages))
        await pilot.press("o")
        await type_into(pilot, "#answer", str(other))
        await settle(pilot)
        assert [Path(d.source).name for d in app.reader.documents] == [SEED.name, "valley.txt"]
        assert app.reader.current == 1
        assert panes(app)[0].document is app.reader.documents[1]
        assert app.reader.brief is not None and len(app.reader.brief.documents) == 2
        assert app.screen.query_one("#documents").display


@run_async
async def test_opening_a_malformed_url_is_a_notification_not_a_crash() -> None:
    messages: list[Message] = []
    app = reader_app()
    async with app.run_test(size=(80, 24), message_hook=messages.append) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await type_into(pilot, "#answer", "http://[::1")
        await settle(pilot)
        assert any("http://[::1: not a valid URL" in n for n in notices(messages))
        assert len(app.reader.documents) == 1 and app.is_running


@run_async
async def test_switching_between_files_by_key_and_by_click() -> None:
    app = reader_app([seed_document(), second_document()])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        source, _ = panes(app)
        assert source.doc_index == 0
        await pilot.press("right_square_bracket")
        assert source.doc_index == 1 and source.document is app.reader.documents[1]
        await pilot.press("left_square_bracket")
        assert source.doc_index == 0
        # The file bar: " 1 venezuela-mexico.txt   2 valley.txt ".
        await pilot.click("#documents", offset=(len(SEED.name) + 8, 0))
        await pilot.pause()
        assert source.doc_index == 1


@run_async
async def test_bad_and_good_paths_at_start() -> None:
    messages: list[Message] = []
    app = reader_app([SEED, SEED.with_name("missing.txt")])
    async with app.run_test(size=(80, 24), message_hook=messages.append) as pilot:
        await settle(pilot)
        assert len(app.reader.documents) == 1
        assert app.reader.brief is not None
        assert any("missing.txt" in n for n in notices(messages))


@run_async
async def test_export_writes_markdown_and_never_overwrites_without_asking(tmp_path: Path
                                                                          ) -> None:
    from briefer.render.markdown import render_brief

    target = tmp_path / "out.md"
    app = reader_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        expected = render_brief(app.reader.brief)

        async def export() -> None:
            await pilot.press("e")
            assert isinstance(app.screen, PromptScreen)
            await type_into(pilot, "#answer", str(target))

        await export()
        assert target.read_text(encoding="utf-8") == expected
        target.write_text("mine", encoding="utf-8")
        await export()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == "mine", "no without asking"
        await export()
        await pilot.press("y")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == expected


@run_async
async def test_copy_puts_the_markdown_brief_on_the_clipboard() -> None:
    from briefer.render.markdown import render_brief

    app = reader_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        assert app.clipboard == render_brief(app.reader.brief)


@run_async
async def test_help_opens_and_closes_and_q_quits() -> None:
    app = reader_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "| `p` | Pin the selected sentence" in app.screen.text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


@run_async
async def test_ranking_runs_off_the_ui_thread_with_progress(monkeypatch: Any) -> None:
    """A slow ranker: the progress shows, keys still work, the brief arrives after."""
    from briefer import api

    release = threading.Event()
    real_rank = api.rank

    def slow_rank(doc: Any, algorithm: str | None = None) -> tuple[float, ...]:
        assert threading.current_thread() is not threading.main_thread()
        release.wait(5)
        return real_rank(doc, algorithm)

    monkeypatch.setattr(api, "rank", slow_rank)
    messages: list[Message] = []
    app = reader_app()
    async with app.run_test(size=(80, 24), message_hook=messages.append) as pilot:
        await pilot.pause()
        await _while_ranking(pilot, release)
        await settle(pilot)
        assert app.reader.brief is not None
        assert not screen(app).progress.busy
        assert any(isinstance(m, BriefReady) for m in messages)


async def _while_ranking(pilot: Any, release: threading.Event) -> None:
    """What the reader can do while the ranker works (the ranker is let go on failure)."""
    app = pilot.app
    try:
        main = screen(app)
        assert main.progress.busy
        assert f"Ranking {N} sentences" in text_of(main.query_one("#progress-label"))
        assert app.reader.brief is None
        await pilot.press("tab", "down")  # the source is there to read meanwhile
        assert main.source.selected_key == (0, 1)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
    finally:
        release.set()


@run_async
async def test_clicking_a_sentence_in_the_source_shows_its_section_and_score() -> None:
    app = reader_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        source, brief = panes(app)
        placements = app.reader.placements()
        target = max(key for key, place in placements.items() if place.tinted)
        source.select_sentence(0)
        index = source.option_index_of(target[1])
        source.scroll_to(y=source._index_to_line[index], animate=False, immediate=True)
        await pilot.pause()
        line = source._index_to_line[index] - int(source.scroll_y)
        await pilot.click(SourceView, offset=(8, 1 + line))
        await pilot.pause()
        assert source.has_focus and source.selected_key == target
        info = text_of(app.screen.query_one("#sentence-info"))
        assert f"[{target[1] + 1}] · score" in info
        assert placements[target].title in info
        assert brief.selected_key == target


@run_async
async def test_the_title_and_set_aside_text_are_shown_apart_from_the_sentences() -> None:
    app = reader_app([dek_document()])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        source, _ = panes(app)
        looks = [source.get_option_at_index(i) for i in range(source.option_count)]
        asides = [o.prompt.plain for o in looks if o.disabled and o.prompt.plain.strip()]
        title = app.reader.documents[0].title
        assert any(a.startswith(f"{title} (title)") for a in asides)
        assert any(a.endswith("(standfirst)") for a in asides)
        assert any("Also Read" in a and a.endswith("(teaser, set aside)") for a in asides)
        teaser = next(o.prompt for o in looks if "(teaser" in o.prompt.plain)
        assert any("strike" in str(span.style) for span in teaser.body.spans)
        assert source.selected_key is not None, "the cursor is on a sentence, not an aside"


@run_async
async def test_pin_from_the_brief_and_drop_from_the_source_survive_a_new_ranker() -> None:
    app = reader_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        state = app.reader
        source, brief = panes(app)
        await pilot.press("end")
        kept = brief.selected_key
        await pilot.press("p")
        await settle(pilot)
        assert kept in state.pinned
        await pilot.press("tab")
        source.select_sentence(brief.item_keys[0][1])
        gone = source.selected_key
        await pilot.press("d")
        await settle(pilot)
        assert gone in state.dropped and gone not in brief.item_keys
        await pilot.press("a")
        await choose(pilot, "textrank")
        await settle(pilot)
        await pilot.press("minus", "minus", "minus")
        await settle(pilot)
        assert kept in brief.item_keys and gone not in brief.item_keys
        assert "1 pinned · 1 dropped" in str(brief.border_subtitle)
        await pilot.press("x")  # forget both
        await settle(pilot)
        assert not state.pinned and not state.dropped
        assert "pinned" not in str(brief.border_subtitle)


@run_async
async def test_closing_a_file_keeps_the_other_and_its_brief() -> None:
    app = reader_app([seed_document(), second_document()])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        assert [d.source for d in app.reader.documents] == ["valley.txt"]
        assert panes(app)[0].document is app.reader.documents[0]
        assert app.reader.brief is not None and len(app.reader.brief.documents) == 1
        assert not app.screen.query_one("#documents").display, "one file: no file bar"
        await pilot.press("w")
        await settle(pilot)
        assert app.reader.documents == [] and app.is_running
        assert "press o to open" in str(panes(app)[1].get_option_at_index(0).prompt)


@run_async
async def test_export_to_a_folder_or_an_unwritable_place_says_so(tmp_path: Path) -> None:
    messages: list[Message] = []
    app = reader_app()
    async with app.run_test(size=(80, 24), message_hook=messages.append) as pilot:
        await settle(pilot)
        for target in (tmp_path, tmp_path / "no" / "such" / "folder.md"):
            await pilot.press("e")
            await type_into(pilot, "#answer", str(target))
            assert isinstance(app.screen, MainScreen)
        said = notices(messages)
        assert any("is a folder" in n for n in said)
        assert any("folder.md" in n and "No such file" in n for n in said)
        assert list(tmp_path.iterdir()) == []


@run_async
async def test_untrusted_text_stays_text(tmp_path: Path) -> None:
    """Markup in the article, its file name and the search is shown as typed; escape
    sequences and control characters in the article never reach the terminal."""
    article = tmp_path / "[red]odd[x].txt"
    article.write_text(
        "[bold red]Loud[/] title with [link=https://x.y]a link[/link]\n\n"
        "The minister said \x1b[31mred\x1b[0m things about [b]bold[/b] claims today. "
        "Another sentence rings \x07 a bell and \x1b]0;pwned\x07 sets a title. "
        "And [/] a closing tag alone ends it.\n\n"
        "A third paragraph has more words to rank. It also has a fourth sentence.\n",
        encoding="utf-8")
    app = reader_app([article])
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        assert app.reader.brief is not None
        await pilot.press("tab", "slash", *"[b]", "enter")
        await settle(pilot)
        shown = screen_text(app)
        for literal in ("[bold red]Loud[/] title", "[b]bold[/b] claims", "And [/] a closing",
                        "[red]odd[x].txt", "Source · “[b]”: 1 match"):
            assert literal in shown, literal
        assert not [c for c in shown if c < " " and c != "\n"], "a control character"
        assert app.screen.title.startswith("[bold red]Loud[/]")


@pytest.mark.parametrize("start, switch", [("textual-dark", "textual-light"),
                                           ("textual-light", "textual-dark")])
def test_section_tints_differ_and_stay_legible_in_both_themes(start: str, switch: str) -> None:
    """Each kind of mark (bottom line, each section) gets its own background, clearly off the
    pane's, with text on it at WCAG AA contrast; after a live theme switch too."""

    @run_async
    async def check() -> None:
        app = reader_app(theme=start, count=12, template=str(SEED.with_suffix(".toml")))
        async with app.run_test(size=(120, 60)) as pilot:
            await settle(pilot)
            first = _tints(app)
            await pilot.press("L")  # the reader's light/dark switch
            await pilot.pause()
            assert app.theme == switch
            second = _tints(app)
            assert first != second, "the tints follow the theme"
            for tints in (first, second):
                assert len(tints) >= 4, tints  # BL, §1, §2, §3 in the seed's template
                pane = app.screen.source.styles.background.rgb
                backgrounds = [bg for bg, _ in tints.values()]
                for bg, fg in tints.values():
                    assert _distance(bg, pane) >= 10, (bg, pane)
                    assert _contrast(bg, fg) >= 4.5, (bg, fg)
                for i, a in enumerate(backgrounds):
                    for b in backgrounds[i + 1:]:
                        assert _distance(a, b) >= 10, (a, b)

    check()


def _tints(app: Any) -> dict[int, tuple[tuple[int, int, int], tuple[int, int, int]]]:
    """(background, text colour) of the body of a sentence of each section, as drawn."""
    source = screen(app).source
    placements = app.reader.placements()
    source.highlighted = None  # the cursor's reverse video would hide one tint
    found: dict[int, tuple[tuple[int, int, int], tuple[int, int, int]]] = {}
    for y in range(source.size.height):
        for segment in source.render_line(y):
            style = segment.style
            index = style.meta.get("option") if style else None
            position = source._position_of.get(index) if index is not None else None
            if position is None or len(segment.text.strip()) < 5 or not style.bgcolor:
                continue
            place = placements.get((0, position))
            if place is not None and place.tinted:
                found.setdefault(place.section, (tuple(style.bgcolor.get_truecolor()),
                                                 tuple(style.color.get_truecolor())))
            break
    return found


def _distance(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """CIE76 colour difference (ΔE in CIELAB): about 2.3 is just noticeable, 10 is plain."""
    def lab(rgb: tuple[int, ...]) -> tuple[float, float, float]:
        r, g, b = _linear(rgb)
        x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
        y = 0.2126 * r + 0.7152 * g + 0.0722 * b
        z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
        fx, fy, fz = (t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in (x, y, z))
        return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)

    return sum((p - q) ** 2 for p, q in zip(lab(a), lab(b), strict=True)) ** 0.5


def _linear(rgb: tuple[int, ...]) -> list[float]:
    return [c / 255 / 12.92 if c <= 10 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]


def _contrast(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """WCAG 2 contrast ratio of two sRGB colours."""
    def luminance(rgb: tuple[int, ...]) -> float:
        r, g, b = _linear(rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@run_async
async def test_the_footer_fits_80_columns_and_shows_every_key_when_wide() -> None:
    from textual.widgets._footer import FooterKey

    shown = {b.action for b in MainScreen.BINDINGS if isinstance(b, Binding) and b.show}
    for width, hidden in ((80, {"copy", "open"}), (120, set())):
        app = reader_app()
        async with app.run_test(size=(width, 24)) as pilot:
            await settle(pilot)
            keys = [k for k in app.screen.query(FooterKey) if k.display]
            assert {k.action.rpartition(".")[2] for k in keys} == {
                a.rpartition(".")[2] for a in shown} - hidden
            assert max(k.region.right for k in keys) <= width, "no key cut off by the edge"


@run_async
async def test_opening_a_feed_url_adds_its_items(tmp_path: Path) -> None:
    """The open prompt takes a URL as it is (no path mangling) and a feed opens as its
    items; the server is our own, on 127.0.0.1."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    page = (b"<html><head><title>Valley plant to close</title></head><body><article>"
            b"<h1>Valley plant to close</h1><p>The company said on Monday it would close its "
            b"valley plant next year, cutting 300 jobs.</p><p>Unions said they would fight "
            b"the closure in court and in parliament.</p></article></body></html>")

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            base = f"http://{self.headers['Host']}"
            body, ctype = page, "text/html; charset=utf-8"
            if self.path == "/feed.xml":
                body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>V</title>'
                        f"<item><title>Valley</title><link>{base}/item</link></item>"
                        f"</channel></rss>").encode()
                ctype = "application/rss+xml"
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        app = reader_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("o")
            await type_into(pilot, "#answer", f"{base}/feed.xml")
            await settle(pilot)
            for _ in range(50):
                if len(app.reader.documents) == 2:
                    break
                await pilot.pause(0.1)
            assert [d.source for d in app.reader.documents][1] == f"{base}/item"
            assert app.reader.documents[1].title == "Valley plant to close"
    finally:
        httpd.shutdown()
        httpd.server_close()


@run_async
async def test_two_unrelated_texts_show_as_two_stories_in_the_brief_pane() -> None:
    app = reader_app([seed_document(), second_document()])
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        _, brief_view = panes(app)
        brief = brief_view.brief
        assert brief is not None and len(brief.stories) == 2
        lines = [str(brief_view.get_option_at_index(i).prompt)
                 for i in range(brief_view.option_count)]
        where = [lines.index(story.title) for story in brief.stories]
        assert where == sorted(where), "story headings in story order"
        assert "Rain Ends Drought in the Valley" in {s.title for s in brief.stories}

"""The reader's screens: the main view and the small dialogs it opens."""

from briefer.tui.screens.choose import ChooseScreen
from briefer.tui.screens.confirm import ConfirmScreen
from briefer.tui.screens.help import HelpScreen
from briefer.tui.screens.main import MainScreen
from briefer.tui.screens.prompt import PromptScreen

__all__ = ["ChooseScreen", "ConfirmScreen", "HelpScreen", "MainScreen", "PromptScreen"]

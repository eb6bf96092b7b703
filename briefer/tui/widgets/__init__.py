"""The reader's widgets: each knows how to draw one part of the state, nothing more."""

from briefer.tui.widgets.brief_view import BriefView
from briefer.tui.widgets.document_bar import DocumentBar
from briefer.tui.widgets.footer import ReaderFooter
from briefer.tui.widgets.progress import WorkProgress
from briefer.tui.widgets.search_box import SearchBox
from briefer.tui.widgets.sentence_info import SentenceInfoLine
from briefer.tui.widgets.source_view import Marks, SourceView
from briefer.tui.widgets.status_line import StatusLine

__all__ = ["BriefView", "DocumentBar", "Marks", "ReaderFooter", "SearchBox", "SentenceInfoLine",
           "SourceView", "StatusLine", "WorkProgress"]

"""``python -m briefer``."""

from briefer.entry import main

main()

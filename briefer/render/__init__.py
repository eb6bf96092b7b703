"""Renderers: a document, summary or brief in, a string (or a rich renderable) out.

One module per format.  Everything shown comes from untrusted text, so the renderers never
interpret it: rich gets :class:`rich.text.Text` objects (no markup parsing) and markdown gets
its special characters escaped.  Control characters were already neutralised on input.
"""

FORMATS = ("rich", "markdown", "json", "text")

"""The public API: text in, :class:`Document` and :class:`Summary` out.

Nothing here prints, exits or imports a UI; the faces (CLI, TUI, batch) call these functions
and render what they return.  Rankers are imported only when a summary is asked for.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import BinaryIO

from briefer import clean as cleanup
from briefer.document import Document, Sentence, Summary
from briefer.ingest import DEFAULT_TIMEOUT, Source, is_url, one_line, read_source
from briefer.language import AUTO, resolve_language, rules_language, snowball_name
from briefer.segment import split_sentences
from briefer.select import select_top, summary_length
from briefer.untrusted import neutralise, neutralise_name


def read(name: str, *, stdin: BinaryIO | None = None, clean: bool = True,
         language: str = AUTO, timeout: float | None = None, pool: object | None = None
         ) -> Document:
    """Read a file, ``-`` for stdin, or an ``http(s)://`` URL into a :class:`Document`.

    Only a URL reaches the network (:mod:`briefer.fetch`; ``timeout`` seconds in all,
    ``pool`` a urllib3 PoolManager to share); a feed raises
    :class:`~briefer.feeds.FeedFound`, whose items :func:`briefer.feeds.feed_documents`
    reads.
    """
    if is_url(name):
        from briefer.fetch import read_url

        source = read_url(name, timeout=DEFAULT_TIMEOUT if timeout is None else timeout,
                          pool=pool)
    else:
        source = read_source(name, stdin)
    return document_from_source(source, clean=clean, language=language)


def document_from_source(source: Source, *, clean: bool = True, language: str = AUTO
                         ) -> Document:
    """Split an already decoded :class:`Source` into a :class:`Document`, keeping its notes."""
    meta = source.meta
    if meta is None:
        doc = split(source.text, source=source.name, clean=clean, language=language,
                    language_hint=source.html_lang)
    else:
        doc = split(source.text, source=source.name, clean=clean, title=meta.title,
                    author=meta.author, date=meta.date, site=meta.site, language=language,
                    language_hint=source.html_lang)
    return replace(doc, notes=source.notes) if source.notes else doc


def split(
    text: str, *, source: str = "<text>", clean: bool = True, title: str | None = None,
    author: str | None = None, date: str | None = None, site: str | None = None,
    language: str = AUTO, language_hint: str | None = None,
) -> Document:
    """Clean ``text`` and split its body into sentences with offsets into ``text``.

    ``title`` is a headline known from elsewhere (an HTML page's metadata): it is the
    Document's title, and a first paragraph with its words is set aside as that title;
    otherwise the clean-up looks for one at the top of the text.  ``author``, ``date`` and
    ``site`` are the page's metadata, kept as given (a date found beside a plain-text
    headline fills ``date`` when none is given).  Control characters and terminal escapes
    are replaced one for one (as :func:`read` does), so a Document made from any string is
    safe to print and its offsets still point into ``text``; ``source`` and ``title`` are
    neutralised as names (:mod:`briefer.untrusted`).

    ``language`` is a code from :data:`briefer.language.SUPPORTED`, or ``"auto"`` to detect
    it from the title and the start of the text (``language_hint``, such as an HTML page's
    declared ``lang``, only breaks a tie); the :class:`ValueError` for any other value names
    the choices.  A text detected in none of them is ``"und"`` and read with English rules
    (:func:`briefer.language.rules_language`).
    """
    text = neutralise(text)
    source = neutralise_name(source)
    title = neutralise_name(title) if title is not None else None
    language = resolve_language(language, text, title=title, hint=language_hint)
    code = rules_language(language)  # "und" is read with English rules
    layout = cleanup.find_layout(text, clean=clean, known_title=title, language=code)
    removed = list(layout.removed)
    sentences: list[Sentence] = []
    for number, (p_start, p_end) in enumerate(layout.paragraphs):
        for s_start, s_end in split_sentences(text[p_start:p_end], language=code):
            start, end = p_start + s_start, p_start + s_end
            if clean:
                story, furniture = cleanup.trim_sentence(text, start, end, code)
                removed.extend(furniture)
                if story is None:
                    continue
                start = story
            sentences.append(Sentence(len(sentences) + 1, " ".join(text[start:end].split()),
                                      start, end, number))
    doc_title = one_line(title)
    if doc_title is None and layout.title is not None:
        doc_title = cleanup.title_text(text[layout.title.start:layout.title.end])
    if date is None and layout.date is not None:
        date = text[layout.date.start:layout.date.end]
    standfirst = None
    if layout.standfirst is not None:
        standfirst = cleanup.standfirst_text(text[layout.standfirst.start:layout.standfirst.end])
    removed.sort(key=lambda s: s.start)
    return Document(
        source=source,
        text=text,
        sentences=tuple(sentences),
        title=doc_title,
        standfirst=standfirst,
        removed=tuple(removed),
        title_span=layout.title,
        standfirst_span=layout.standfirst,
        author=one_line(author),
        date=one_line(date),
        site=one_line(site),
        language=language,
    )


def rank(doc: Document, algorithm: str | None = None,
         words: tuple[tuple[str, ...], ...] | None = None,
         stems: Mapping[str, str | None] | None = None) -> tuple[float, ...]:
    """One score per sentence of ``doc`` from the named ranker (default: the registry's).

    ``words``: each sentence's :func:`briefer.tokens.words`, when the caller found them
    already (a brief's analysis), so the ranker does not tokenise again; ``stems``: those
    words' content stems in the document's language (None for a stop word), so it does not
    stem them again either (:attr:`briefer.rank.RankInput.stems`).
    """
    from briefer.rank import DEFAULT_ALGORITHM, RankInput, get_ranker

    ranker = get_ranker(algorithm or DEFAULT_ALGORITHM)
    data = RankInput(
        sentences=tuple(s.text for s in doc.sentences),
        paragraphs=tuple(s.paragraph for s in doc.sentences),
        title=doc.title,
        language=snowball_name(doc.language),
        words=words,
        stems=stems if words is not None else None,
    )
    scores = tuple(float(x) for x in ranker(data)) if doc.sentences else ()
    if len(scores) != len(doc.sentences):
        raise RuntimeError(f"ranker {algorithm!r} returned {len(scores)} scores "
                           f"for {len(doc.sentences)} sentences")
    return scores


def summarize(
    doc: Document,
    *,
    count: int | None = None,
    ratio: float | None = None,
    words: int | None = None,
    algorithm: str | None = None,
    pinned: tuple[int, ...] = (),
    dropped: tuple[int, ...] = (),
    scores: tuple[float, ...] | None = None,
) -> Summary:
    """Rank ``doc`` and choose its best sentences (``count``, ``ratio`` or a ``words`` budget).

    Pass ``scores`` from an earlier :func:`rank` to change only the length without ranking
    again (the TUI's ``+``/``-``).
    """
    from briefer.rank import DEFAULT_ALGORITHM

    name = (algorithm or DEFAULT_ALGORITHM).lower()
    if scores is None:
        scores = rank(doc, name)
    n = summary_length(len(doc.sentences), count, ratio)
    word_counts = [len(s.text.split()) for s in doc.sentences] if words else None
    chosen = select_top(scores, n, pinned=pinned, dropped=dropped,
                        word_counts=word_counts, max_words=words)
    return Summary(doc, name, scores, chosen, tuple(p for p in pinned if p in chosen))

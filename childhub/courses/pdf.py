"""A module's lessons as one PDF, for reading offline: the text, transcripts, image descriptions,
reflection prompts and the names of files to download; quizzes are answered online.

Set in the DejaVu fonts the records app ships, which cover every script of the hub. reportlab is
imported here only, and this module only when a pack is drawn.
"""

from __future__ import annotations

import io
from html.parser import HTMLParser
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from .models import Block, Course, Lesson, Module

BLOCK_TAGS = {
    "p",
    "div",
    "li",
    "h2",
    "h3",
    "h4",
    "h5",
    "blockquote",
    "figcaption",
    "dt",
    "dd",
    "tr",
    "caption",
}
HEADINGS = {"h2", "h3", "h4", "h5"}


class _Paragraphs(HTMLParser):
    """Sanitised lesson HTML as (kind, text) paragraphs: "heading", "item" or "text"."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[tuple[str, str]] = []
        self._text: list[str] = []
        self._kind = "text"

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        if text:
            self.out.append((self._kind, text))
        self._text, self._kind = [], "text"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self._flush()
            self._kind = "heading" if tag in HEADINGS else "item" if tag == "li" else "text"
        elif tag == "br":
            self._text.append(" ")
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self._text.append(f" [{alt}] ")
        elif tag in {"td", "th"}:
            self._text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        self._text.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def paragraphs(html: str) -> list[tuple[str, str]]:
    parser = _Paragraphs()
    parser.feed(html or "")
    parser.close()
    return parser.out


def _esc(text: str) -> str:
    """Paragraphs read a small markup language: lesson text is text, never markup."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def module_pack_pdf(*, course: Course, module: Module, lessons: list[Lesson]) -> bytes:
    """The module's lessons, each with its blocks, in the language of the version shown."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    from childhub.records.pdf import BOLD, INK, MUTED, REGULAR, register_fonts

    register_fonts()
    buffer = io.BytesIO()
    language = course.language if course.language in {code for code, _name in settings.LANGUAGES} else None
    with translation.override(language):
        doc = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=20 * mm,
            rightMargin=20 * mm,
            topMargin=18 * mm,
            bottomMargin=18 * mm,
            title=f"{course.title} · {module.title}",
            author=course.issuer.name,
            lang=course.language,
        )
        base = ParagraphStyle(
            "base", fontName=REGULAR, fontSize=10.5, leading=14.5, textColor=INK, spaceAfter=5
        )
        item = ParagraphStyle("item", parent=base, leftIndent=12, bulletIndent=2)
        small = ParagraphStyle("small", parent=base, fontSize=9, leading=12, textColor=MUTED)
        h1 = ParagraphStyle("h1", parent=base, fontName=BOLD, fontSize=20, leading=25, spaceAfter=8)
        h2 = ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=15, leading=19, spaceBefore=6)
        h3 = ParagraphStyle("h3", parent=base, fontName=BOLD, fontSize=12, leading=16, spaceBefore=4)
        story: list[Any] = [
            Paragraph(_esc(course.title), small),
            Paragraph(_esc(module.title), h1),
        ]
        if module.summary:
            story.append(Paragraph(_esc(module.summary), base))
        for index, lesson in enumerate(lessons):
            if index:
                story.append(PageBreak())
            story.append(Paragraph(_esc(lesson.title), h2))
            for block in lesson.blocks.order_by("position", "pk"):
                story += _block(block, base=base, item=item, small=small, heading=h3)
        story += [Spacer(1, 6 * mm), Paragraph(_esc(_("From ChildHub, for reading offline.")), small)]
        doc.build(story)
    return buffer.getvalue()


def _block(block: Block, *, base: Any, item: Any, small: Any, heading: Any) -> list[Any]:
    from reportlab.platypus import Paragraph

    out: list[Any] = []
    kind = block.kind
    if kind == Block.Kind.QUIZ:
        return [Paragraph(_esc(_("This lesson has a quiz: answer it online.")), small)]
    if kind == Block.Kind.REFLECTION:
        out.append(Paragraph(_esc(_("Reflection")), heading))
    for style, text in paragraphs(block.body):
        if style == "heading":
            out.append(Paragraph(_esc(text), heading))
        elif style == "item":
            out.append(Paragraph(_esc(text), item, bulletText="•"))
        else:
            out.append(Paragraph(_esc(text), base))
    if kind in (Block.Kind.VIDEO, Block.Kind.AUDIO):
        label = _("Video") if kind == Block.Kind.VIDEO else _("Audio")
        out.append(Paragraph(_esc(label), heading))
        if block.transcript:
            out.append(Paragraph(_esc(_("Transcript")), small))
            out += [Paragraph(_esc(line), base) for line in block.transcript.splitlines() if line.strip()]
        else:
            out.append(Paragraph(_esc(_("Watch or listen to it online.")), small))
    elif kind == Block.Kind.IMAGE and block.alt_text:
        out.append(Paragraph(_esc(_("Image: %(description)s") % {"description": block.alt_text}), small))
    elif kind == Block.Kind.FILE and block.media:
        name = block.media.name.rsplit("/", 1)[-1]
        out.append(Paragraph(_esc(_("File to download online: %(name)s") % {"name": name}), small))
    return out

"""PDFs drawn with reportlab: a certificate (landscape A4) and a member's learning record.

Text is set in DejaVu Sans, shipped in ``fonts/`` (see its LICENSE), whose glyphs cover the
hub's languages: Latin with Albanian and South Slavic letters, Greek and Cyrillic. reportlab
embeds only the glyphs used, with a Unicode map, so the text can be selected and searched.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import segno
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from .formats import day_text, hours_text
from .models import Certificate

if TYPE_CHECKING:
    from childhub.accounts.models import Organisation

    from .queries import LearningRecord

FONTS = Path(__file__).resolve().parent / "fonts"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
INK = colors.HexColor("#1d2a38")
ACCENT = colors.HexColor("#1f6f8b")
MUTED = colors.HexColor("#5b6770")


@lru_cache(maxsize=1)
def register_fonts() -> None:
    """Load the fonts once per process (parsing them takes most of the first rendering)."""
    pdfmetrics.registerFont(TTFont(REGULAR, str(FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONTS / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)


# The certificate


@dataclass(frozen=True)
class _Logo:
    image: ImageReader
    width: float
    height: float


def certificate_pdf(certificate: Certificate) -> bytes:
    """The certificate as a one-page PDF, every word in the certificate's own language."""
    register_fonts()
    buffer = io.BytesIO()
    width, height = landscape(A4)
    with translation.override(certificate.language):
        canvas = Canvas(buffer, pagesize=(width, height), pageCompression=1)
        canvas.setTitle(f"{certificate.get_kind_display()} · {certificate.title}")
        canvas.setAuthor(_organisation_names(certificate) or "ChildHub")
        canvas.setSubject(certificate.code)
        _draw_certificate(canvas, certificate, width, height)
        canvas.showPage()
        canvas.save()
    return buffer.getvalue()


def _organisation_names(certificate: Certificate) -> str:
    return " · ".join(o.name for o in (certificate.issuer, certificate.co_issuer) if o is not None)


def _draw_certificate(canvas: Canvas, certificate: Certificate, width: float, height: float) -> None:
    margin = 14 * mm  # qr_box() depends on it
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(2.5)
    canvas.rect(margin, margin, width - 2 * margin, height - 2 * margin)
    canvas.setLineWidth(0.6)
    canvas.rect(margin + 4, margin + 4, width - 2 * margin - 8, height - 2 * margin - 8)

    issuers = [o for o in (certificate.issuer, certificate.co_issuer) if o is not None]
    _draw_issuers(canvas, issuers, width, top=height - margin - 12 * mm)
    canvas.setFillColor(ACCENT)
    canvas.setFont(BOLD, 12)
    canvas.drawCentredString(width / 2, height - margin - 18 * mm, "ChildHub")

    centre = width / 2
    text_width = width - 2 * margin - 40 * mm
    y = height - 62 * mm
    attended = certificate.kind == Certificate.Kind.WEBINAR_ATTENDANCE
    heading = _("Certificate of attendance") if attended else _("Certificate of completion")
    y = _centred(canvas, heading.upper(), BOLD, 26, centre, y, text_width, color=ACCENT)
    y -= 10 * mm
    y = _centred(canvas, certificate.holder, BOLD, 24, centre, y, text_width)
    y -= 4 * mm
    verb = _("has attended") if attended else _("has completed")
    y = _centred(canvas, verb, REGULAR, 13, centre, y, text_width, color=MUTED)
    y -= 4 * mm
    y = _centred(canvas, certificate.title, BOLD, 17, centre, y, text_width, max_lines=3)
    y -= 4 * mm
    facts = f"{day_text(certificate.completed_on)} · {hours_text(certificate.hours)}"
    _centred(canvas, facts, REGULAR, 13, centre, y, text_width)

    signatories = [s for s in certificate.signatories or [] if s.get("name")]
    if issuers:
        names = (
            _("Issued by %(issuer)s with %(co_issuer)s")
            % {"issuer": issuers[0].name, "co_issuer": issuers[1].name}
            if len(issuers) == 2
            else _("Issued by %(issuer)s") % {"issuer": issuers[0].name}
        )
        # Above the signature lines when there are any, where the line would otherwise be.
        names_y = 58 * mm if signatories else 52 * mm
        _centred(canvas, names, REGULAR, 11, centre, names_y, text_width, max_lines=2)
    if signatories:
        _draw_signatories(canvas, signatories, centre, line_y=50 * mm)

    url = certificate.verification_url()
    qr_x, qr_y, qr_size = qr_box(width)
    draw_qr(canvas, url, qr_x, qr_y, qr_size)
    left = margin + 10 * mm
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, 9)
    canvas.drawString(left, qr_y + 20 * mm, _("Verification code"))
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, 14)
    canvas.drawString(left, qr_y + 13 * mm, certificate.code)
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, 9)
    canvas.drawString(left, qr_y + 6 * mm, _("Verify at"))
    canvas.setFillColor(INK)
    canvas.drawString(left, qr_y, url)
    canvas.linkURL(url, (left, qr_y - 2, left + canvas.stringWidth(url, REGULAR, 9), qr_y + 9))


SIGNATURES_WIDTH = 127 * mm  # centred, clear of the code on the left and the QR code on the right


def _draw_signatories(
    canvas: Canvas, signatories: Sequence[dict[str, str]], centre: float, *, line_y: float
) -> None:
    """Side by side, in the order given: a line to sign on, the name under it, then the role and
    the organisation."""
    column = SIGNATURES_WIDTH / len(signatories)
    line = min(column - 8 * mm, 55 * mm)
    for index, signatory in enumerate(signatories):
        x = centre - SIGNATURES_WIDTH / 2 + column * (index + 0.5)
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.6)
        canvas.line(x - line / 2, line_y, x + line / 2, line_y)
        y = line_y - 4.5 * mm
        for text, font, size, color in (
            (signatory.get("name", ""), BOLD, 10, INK),
            (signatory.get("role", ""), REGULAR, 8.5, MUTED),
            (signatory.get("organisation", ""), REGULAR, 8.5, MUTED),
        ):
            if text:
                _one_line(canvas, text, font, size, x, y, column - 3 * mm, color=color)
                y -= 3.8 * mm


def _one_line(
    canvas: Canvas, text: str, font: str, size: float, x: float, y: float, width: float, *, color: Any
) -> None:
    """Text centred on x in one line: smaller down to 6 points, then cut short with an ellipsis."""
    while canvas.stringWidth(text, font, size) > width and size > 6:
        size -= 0.5
    while canvas.stringWidth(text, font, size) > width and len(text) > 1:
        text = text[:-2].rstrip() + "…"
    canvas.setFillColor(color)
    canvas.setFont(font, size)
    canvas.drawCentredString(x, y, text)


def qr_box(page_width: float) -> tuple[float, float, float]:
    """Where the QR code sits on a certificate: left, bottom and side, in points."""
    size = 30 * mm
    return page_width - 22 * mm - size, 22 * mm, size


def _centred(
    canvas: Canvas,
    text: str,
    font: str,
    size: float,
    x: float,
    y: float,
    width: float,
    *,
    color: Any = INK,
    max_lines: int = 2,
) -> float:
    """Draw text centred on x, wrapped to width, shrinking it until it fits max_lines; return the
    baseline below the last line."""
    lines = simpleSplit(text, font, size, width)
    while len(lines) > max_lines and size > 8:
        size -= 1
        lines = simpleSplit(text, font, size, width)
    canvas.setFillColor(color)
    canvas.setFont(font, size)
    for line in lines:
        canvas.drawCentredString(x, y, line)
        y -= size * 1.3
    return y


def _draw_issuers(canvas: Canvas, issuers: Sequence[Organisation], width: float, *, top: float) -> None:
    """The issuer's logo at the top left and the co-issuer's at the top right."""
    box_w, box_h = 55 * mm, 22 * mm
    positions = [24 * mm, width - 24 * mm - box_w]
    for organisation, x in zip(issuers, positions, strict=False):
        logo = _logo(organisation, box_w, box_h)
        if logo is None:
            continue
        offset = 0.0 if x == positions[0] else box_w - logo.width  # the right logo hugs the right edge
        canvas.drawImage(logo.image, x + offset, top - logo.height, logo.width, logo.height, mask="auto")


def _logo(organisation: Organisation, max_w: float, max_h: float) -> _Logo | None:
    if not organisation.logo:
        return None
    try:
        with organisation.logo.open("rb") as handle:
            image = ImageReader(io.BytesIO(handle.read()))
        w, h = image.getSize()
    except (OSError, ValueError):  # a missing or unreadable file must not stop the certificate
        return None
    scale = min(max_w / w, max_h / h)
    return _Logo(image=image, width=w * scale, height=h * scale)


def draw_qr(canvas: Canvas, data: str, x: float, y: float, size: float) -> None:
    """A QR code of ``data`` as vector squares, runs of dark modules merged into one rectangle."""
    qr = segno.make(data, error="m")
    matrix = [list(row) for row in qr.matrix_iter(scale=1, border=0)]
    module = size / len(matrix)
    canvas.setFillColor(colors.black)
    for r, row in enumerate(matrix):
        top = y + size - (r + 1) * module
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            canvas.rect(x + start * module, top, (c - start) * module, module, stroke=0, fill=1)


# The learning record


class _Rule(Flowable):
    def __init__(self, width: float) -> None:
        super().__init__()
        self.width = width
        self.height = 2

    def draw(self) -> None:
        self.canv.setStrokeColor(ACCENT)
        self.canv.line(0, 1, self.width, 1)


def a4_document(buffer: io.BytesIO, *, title: str) -> SimpleDocTemplate:
    """An A4 document of the hub's own (learning record, impact report), with its fonts ready."""
    register_fonts()
    return SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=title,
        author="ChildHub",
    )


def record_pdf(*, holder: str, record: LearningRecord) -> bytes:
    """The member's learning record as a PDF, in the active language."""
    buffer = io.BytesIO()
    doc = a4_document(buffer, title=_("Learning record"))
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=9.5, leading=12, textColor=INK)
    bold = ParagraphStyle("bold", parent=base, fontName=BOLD)
    heading = ParagraphStyle("heading", parent=base, fontName=BOLD, fontSize=18, leading=22)
    small = ParagraphStyle("small", parent=base, textColor=MUTED, fontSize=8.5)
    story: list[Flowable] = [
        Paragraph(_esc(_("Learning record")), heading),
        Spacer(1, 2 * mm),
        Paragraph(_esc(holder), bold),
        Paragraph(
            _esc(
                _("Total: %(hours)s · as of %(date)s")
                % {"hours": hours_text(record.total_hours), "date": day_text(timezone.localdate())}
            ),
            small,
        ),
        Spacer(1, 3 * mm),
        _Rule(doc.width),
        Spacer(1, 4 * mm),
    ]
    codes = {c.pk: c.code for c in record.certificates}
    rows: list[list[Any]] = [
        [Paragraph(_esc(t), bold) for t in (_("Date"), _("What"), _("Title"), _("Hours"), _("Certificate"))]
    ]
    for entry in record.entries:
        rows.append(
            [
                Paragraph(_esc(day_text(entry.date)), base),
                Paragraph(_esc(str(entry.kind)), base),
                Paragraph(_esc(entry.title), base),
                Paragraph(_esc(hours_text(entry.hours)) if entry.hours else "", base),
                Paragraph(_esc(codes.get(entry.certificate_id or 0, "")), small),
            ]
        )
    if record.entries:
        table = Table(rows, colWidths=[28 * mm, 22 * mm, None, 22 * mm, 32 * mm], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.HexColor("#d5dbe0")),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        story.append(table)
    else:
        story.append(Paragraph(_esc(_("Nothing recorded yet.")), base))
    if record.certificates:
        story += [Spacer(1, 6 * mm), Paragraph(_esc(_("Certificates")), bold), Spacer(1, 2 * mm)]
        for certificate in record.certificates:
            line = f"{certificate.code} · {certificate.title} · {certificate.get_status_display()}"
            story.append(Paragraph(_esc(line), base))
    doc.build(story)
    return buffer.getvalue()


def _esc(text: str | Decimal) -> str:
    """Paragraphs read a small markup language: titles are text, never markup."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

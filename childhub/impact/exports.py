"""The figures as files: CSV and XLSX of every table, and the donor report as PDF.

Every export protects small groups: a count of fewer than five people is written "< 5" (and a
share of such a group is left out), whoever downloads it, since files travel further than the
dashboard. reportlab and openpyxl are imported when a file is made, not when a worker starts.
"""

from __future__ import annotations

import io
import re
from typing import Any

from django.utils.translation import gettext as _

from childhub.core.http import CsvDownload

from . import queries, tables
from .queries import Report, Share

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def filename(report: Report, extension: str) -> str:
    first, last = report.period.first_day.isoformat(), report.period.last_day.isoformat()
    return f"childhub-impact-{first}-{last}.{extension}"


def _parts(name: str, figure: queries.Figure) -> tuple[Any, Any]:
    """The part and whole of a share, as exports show them ("< 5" for a small group)."""
    if not isinstance(figure, Share):
        return "", ""
    return queries.protect(figure.part), queries.protect(figure.whole)


def _value(headline: tables.Headline) -> Any:
    if headline.value is None:
        return headline.text if headline.text == queries.SMALL_CELL_LABEL else ""
    return headline.value


def csv_download(report: Report, *, only: str = "") -> Any:
    """One line per figure, and one per row of each table; ``only``: just that figure."""
    download = CsvDownload(filename(report, "csv") if not only else f"{only}-{filename(report, 'csv')}")
    first, last = report.period.first_day.isoformat(), report.period.last_day.isoformat()
    download.row(
        _("Section"),
        _("Figure"),
        _("Row"),
        _("Value"),
        _("Part"),
        _("Whole"),
        _("How it is counted"),
        _("Figure code"),
        _("Row code"),
        _("From"),
        _("To (included)"),
    )
    for section in tables.sections(report, protected=True):
        for headline in section.headlines:
            if only and headline.name != only:
                continue
            figure = report.figures[headline.name]
            part, whole = _parts(headline.name, figure)
            download.row(
                section.title,
                headline.label,
                "",
                _value(headline),
                part,
                whole,
                figure.method,
                headline.name,
                "",
                first,
                last,
            )
        for table in section.tables:
            if only and table.name != only:
                continue
            lines: list[tuple[str, object, str]] = [
                (row.label, row.text if row.shown is None else row.shown, row.key) for row in table.rows
            ]
            lines.append((_("Total"), _total(table), "total"))
            for label, shown, key in lines:
                download.row(
                    section.title,
                    table.title,
                    label,
                    shown,
                    "",
                    "",
                    table.method,
                    table.name,
                    key,
                    first,
                    last,
                )
    return download.response


def _total(table: tables.Table) -> int | str | None:
    return queries.protect(table.total) if table.people else table.total


_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def _sheet_title(title: str, taken: set[str]) -> str:
    base = _SHEET_FORBIDDEN.sub(" ", title)[:28].strip() or "Sheet"
    candidate, n = base, 2
    while candidate.lower() in taken:
        candidate = f"{base} {n}"
        n += 1
    taken.add(candidate.lower())
    return candidate


def _text_cell(sheet: Any, value: Any) -> Any:
    """A cell that a spreadsheet never reads as a formula, whatever the text."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def xlsx_workbook(report: Report) -> bytes:
    """A workbook: the figures on the first sheet, then one sheet per table."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    taken: set[str] = set()
    period = _("%(first)s to %(last)s") % {
        "first": report.period.first_day.isoformat(),
        "last": report.period.last_day.isoformat(),
    }

    def add(sheet: Any, *values: Any) -> None:
        sheet.append([_text_cell(sheet, value) for value in values])

    summary = book.create_sheet(_sheet_title(_("Figures"), taken))
    add(summary, _("ChildHub impact figures"), period)
    add(summary)
    add(summary, _("Section"), _("Figure"), _("Value"), _("Part"), _("Whole"), _("How it is counted"))
    sections = tables.sections(report, protected=True)
    for section in sections:
        for headline in section.headlines:
            figure = report.figures[headline.name]
            part, whole = _parts(headline.name, figure)
            add(summary, section.title, headline.label, _value(headline), part, whole, figure.method)
    add(summary)
    add(summary, _('Counts of fewer than five people are shown as "< 5".'))
    add(summary, tables.withheld_note())
    for section in sections:
        for table in section.tables:
            sheet = book.create_sheet(_sheet_title(table.title, taken))
            add(sheet, table.title, period)
            add(sheet, _("How it is counted"), table.method)
            add(sheet)
            add(sheet, table.key_header, _("Value"))
            for row in table.rows:
                add(sheet, row.label, row.text if row.shown is None else row.shown)
            add(sheet, _("Total"), _total(table))
            if table.withheld:
                add(sheet)
                add(sheet, tables.withheld_note())
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


DONOR_TABLE_ROWS = 12


def donor_report_pdf(report: Report, earlier: Report | None = None) -> bytes:
    """The period's figures for a funder, in the reader's language: the headline figures of each
    part of the hub, the larger breakdowns, the comparison with an earlier period when one is
    given, and how each figure is counted."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from childhub.records.pdf import ACCENT, BOLD, INK, MUTED, REGULAR, a4_document

    buffer = io.BytesIO()
    title = _("ChildHub impact report")
    doc = a4_document(buffer, title=title)
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=9.5, leading=12, textColor=INK)
    bold = ParagraphStyle("bold", parent=base, fontName=BOLD)
    heading = ParagraphStyle("heading", parent=base, fontName=BOLD, fontSize=18, leading=22)
    subheading = ParagraphStyle("subheading", parent=base, fontName=BOLD, fontSize=12.5, leading=16)
    small = ParagraphStyle("small", parent=base, textColor=MUTED, fontSize=8, leading=10)
    style = TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.HexColor("#d5dbe0")),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]
    )

    def p(text: Any, paragraph_style: ParagraphStyle = base) -> Paragraph:
        return Paragraph(_esc(str(text)), paragraph_style)

    def grid(rows: list[list[Any]], widths: list[Any]) -> Table:
        t = Table(
            [[p(cell, bold if i == 0 else base) for cell in row] for i, row in enumerate(rows)],
            colWidths=widths,
            repeatRows=1,
            hAlign="LEFT",
        )
        t.setStyle(style)
        return t

    first, last = report.period.first_day, report.period.last_day
    story: list[Any] = [
        p(title, heading),
        Spacer(1, 2 * mm),
        p(_("From %(first)s to %(last)s") % {"first": tables.day(first), "last": tables.day(last)}, bold),
        p(
            _(
                "Computed on %(moment)s from the records the hub keeps. "
                'Counts of fewer than five people are shown as "< 5".'
            )
            % {"moment": tables.moment(report.computed_at)},
            small,
        ),
        Spacer(1, 5 * mm),
    ]
    for section in tables.sections(report, protected=True):
        story += [p(section.title, subheading), Spacer(1, 2 * mm)]
        rows = [[_("Figure"), _("Value"), ""]]
        rows += [[h.label, h.text, h.detail] for h in section.headlines]
        story += [grid(rows, [80 * mm, 35 * mm, None]), Spacer(1, 4 * mm)]
        for table in section.tables:
            if not table.rows:
                continue
            shown = table.rows[-DONOR_TABLE_ROWS:] if table.chronological else table.rows[:DONOR_TABLE_ROWS]
            rows = [[table.title, _("Value")]] + [[row.label, row.text] for row in shown]
            left_out = len(table.rows) - len(shown)
            if left_out:
                rows.append([_("%(count)s more rows in the spreadsheet export") % {"count": left_out}, ""])
            story.append(grid(rows, [80 * mm, 35 * mm]))
            if table.withheld:
                story.append(p(tables.withheld_note(), small))
            story.append(Spacer(1, 4 * mm))
    if earlier is not None:
        story += [
            p(
                _("Compared with %(first)s to %(last)s")
                % {
                    "first": tables.day(earlier.period.first_day),
                    "last": tables.day(earlier.period.last_day),
                },
                subheading,
            ),
            Spacer(1, 2 * mm),
        ]
        rows = [[_("Figure"), _("Earlier period"), _("This period"), _("Change")]]
        rows += [
            [c.label, c.first, c.second, c.difference]
            for c in tables.comparison(earlier, report, protected=True)
        ]
        story += [grid(rows, [70 * mm, 30 * mm, 30 * mm, None]), Spacer(1, 4 * mm)]
    story += [p(_("How each figure is counted"), subheading), Spacer(1, 2 * mm)]
    for name, figure in report.figures.items():
        story += [p(tables.LABELS[name], bold), p(figure.method, small), Spacer(1, 1.5 * mm)]
    doc.build(story)
    return buffer.getvalue()


def _esc(text: str) -> str:
    """Paragraphs read a small markup language: names are text, never markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

"""Bar charts drawn on the server as SVG: readable without JavaScript, printed with the page,
and always next to a table of the same numbers (the table is what screen readers read).

Only geometry is computed here; ``impact/_chart.html`` writes the SVG, so every label is
escaped by the template engine.
"""

from __future__ import annotations

from dataclasses import dataclass

from .tables import Table

WIDTH = 640
LABEL_WIDTH = 190
VALUE_WIDTH = 70
BAR_HEIGHT = 16
ROW_HEIGHT = 24
MAX_BARS = 15


@dataclass(frozen=True)
class Bar:
    label: str
    text: str
    y: int  # top of the row
    width: float
    text_x: float

    @property
    def baseline(self) -> int:
        return self.y + 16

    @property
    def bar_y(self) -> int:
        return self.y + 4


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    height: int
    more: int  # rows left out of the chart (all are in the table)
    width: int = WIDTH
    bar_x: int = LABEL_WIDTH


def bar_chart(table: Table) -> Chart:
    """One horizontal bar per row, at most MAX_BARS of them (the largest; months: the last).
    A protected row ("< 5") is drawn with no bar, so its length gives nothing away."""
    rows = table.rows[-MAX_BARS:] if table.chronological else table.rows[:MAX_BARS]
    largest = max((row.shown or 0 for row in rows), default=0)
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    bars = []
    for index, row in enumerate(rows):
        width = span * (row.shown or 0) / largest if largest else 0.0
        bars.append(
            Bar(
                label=_shorten(row.label),
                text=row.text,
                y=index * ROW_HEIGHT,
                width=round(width, 1),
                text_x=round(LABEL_WIDTH + width + 6, 1),
            )
        )
    return Chart(bars, max(len(bars), 1) * ROW_HEIGHT, len(table.rows) - len(rows))


def _shorten(label: str, limit: int = 28) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"

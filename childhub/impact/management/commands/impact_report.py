"""Print every impact figure for a period, with how each was computed, as JSON or CSV."""

from __future__ import annotations

import csv
import json
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from childhub.impact import queries


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"not a date (YYYY-MM-DD): {text}") from error


def _period(first: str, last: str) -> queries.Period:
    start, end = _day(first), _day(last)
    if end < start:
        raise CommandError("--to is before --from")
    return queries.Period.of_days(start, end)


class Command(BaseCommand):
    help = (
        "Impact figures for the days --from to --to (both included, in the hub's time zone), "
        "each with the method it was computed by."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--from", dest="first", required=True, help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="last", required=True, help="last day (included), YYYY-MM-DD")
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument(
            "--protect", action="store_true", help='show counts of fewer than 5 people as "< 5"'
        )
        parser.add_argument(
            "--compare-from", dest="compare_first", help="first day of a period to compare with"
        )
        parser.add_argument("--compare-to", dest="compare_last", help="last day of that period")

    def handle(self, *args: Any, **options: Any) -> None:
        protected = bool(options["protect"])
        current = queries.report(_period(options["first"], options["last"]))
        data = current.export(protected=protected)
        if options["compare_first"] or options["compare_last"]:
            if not (options["compare_first"] and options["compare_last"]):
                raise CommandError("--compare-from and --compare-to go together")
            earlier = queries.report(_period(options["compare_first"], options["compare_last"]))
            data["compared_with"] = earlier.period.as_dict()
            data["changes"] = {
                name: change.export(protected=protected)
                for name, change in queries.compare(earlier, current).items()
            }
        if options["format"] == "json":
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            self._write_csv(data)

    def _write_csv(self, data: dict[str, Any]) -> None:
        """One line per figure, or per row of a breakdown: figure, key, value, method."""
        writer = csv.writer(self.stdout, lineterminator="\n")
        writer.writerow(["figure", "key", "value", "method", "period_start", "period_end"])
        span = [data["period"]["start"], data["period"]["end"]]
        for name, figure in data["figures"].items():
            if "rows" in figure:
                for key, value in figure["rows"].items():
                    writer.writerow([name, key, value, figure["method"], *span])
            else:
                writer.writerow([name, "", figure["value"], figure["method"], *span])

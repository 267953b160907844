"""Send the digests that are due: ``manage.py send_digests`` (run it hourly, e.g. from cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from childhub.notifications.actions import send_digests
from childhub.notifications.kinds import Frequency


class Command(BaseCommand):
    help = "E-mail the daily and weekly digests that are due; safe to run as often as you like."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--frequency", choices=[Frequency.DAILY, Frequency.WEEKLY], action="append")

    def handle(self, *args: Any, frequency: list[str] | None, **options: Any) -> None:
        for name in frequency or [Frequency.DAILY, Frequency.WEEKLY]:
            self.stdout.write(f"{name}: {send_digests(frequency=name)} digest(s) sent")

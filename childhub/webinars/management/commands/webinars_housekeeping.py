"""Periodic work of the webinars: ``manage.py webinars_housekeeping`` (run it every few minutes).

Passes held places not confirmed in time to the next on the waiting list, and sends the reminders
now due. Safe to run as often as you like, and concurrently: each reminder goes out once.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from childhub.webinars.actions import expire_holds, send_due_reminders


class Command(BaseCommand):
    help = "Expire held webinar places and send due webinar reminders; safe to run often."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{expire_holds()} held place(s) expired")
        self.stdout.write(f"{send_due_reminders()} reminder(s) sent")

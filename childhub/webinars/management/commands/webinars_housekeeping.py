"""Periodic work of the webinars: ``manage.py webinars_housekeeping`` (run it every few minutes).

Passes held places not confirmed in time to the next on the waiting list, ends guest registrations
whose address was never confirmed, sends the reminders now due, and asks attendees of webinars that
have ended whether they were useful. Safe to run as often as you like, and concurrently: each
reminder and each survey invitation goes out once.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from childhub.webinars.actions import (
    expire_holds,
    expire_unconfirmed_guests,
    send_due_reminders,
    send_due_surveys,
)


class Command(BaseCommand):
    help = "Expire held places and unconfirmed guests, send due reminders and surveys; safe to run often."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{expire_holds()} held place(s) expired")
        self.stdout.write(f"{expire_unconfirmed_guests()} unconfirmed guest registration(s) expired")
        self.stdout.write(f"{send_due_reminders()} reminder(s) sent")
        self.stdout.write(f"{send_due_surveys()} survey invitation(s) sent")

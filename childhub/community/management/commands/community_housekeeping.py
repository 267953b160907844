"""Periodic work of the community: ``manage.py community_housekeeping`` (run it hourly).

Escalates questions past the first-answer target to their coordinators, and redacts case
discussions past their retention period.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from childhub.community.actions import escalate_unanswered, redact_expired_cases


class Command(BaseCommand):
    help = "Escalate unanswered questions and redact expired case discussions; safe to run often."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{escalate_unanswered()} question(s) escalated")
        self.stdout.write(f"{redact_expired_cases()} case discussion(s) redacted")

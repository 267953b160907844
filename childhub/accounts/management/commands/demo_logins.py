"""Print the demo logins that `make run` shows."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from childhub.accounts.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET, logins


class Command(BaseCommand):
    help = "Print the demo accounts and their password."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD})")
        for role, email in logins():
            self.stdout.write(f"  {role:<12} {email}")
        self.stdout.write(
            f"Staff, coordinator and moderator use two-factor authentication: add the secret "
            f"{DEMO_TOTP_SECRET} to an authenticator app (demo only).\n"
            "Open http://127.0.0.1:8000 — e-mails are written to var/mail/.\n"
        )

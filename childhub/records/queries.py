"""Reads of the records: a member's learning record and the certificates it shows."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .models import Certificate
from .registry import LearningEntry, learning_entries


@dataclass(frozen=True)
class LearningRecord:
    """What a member learned, newest first, and their certificates (newest first)."""

    entries: list[LearningEntry]
    certificates: list[Certificate]

    @property
    def total_hours(self) -> Decimal:
        """The hours of the entries. Certificates are not added: each states the hours of an entry
        already counted."""
        return sum((entry.hours for entry in self.entries), Decimal(0))

    def rows(self) -> list[tuple[LearningEntry, Certificate | None]]:
        """Each entry with the certificate issued for it, if the member has it."""
        by_id = {c.pk: c for c in self.certificates}
        return [(entry, by_id.get(entry.certificate_id or 0)) for entry in self.entries]


def certificates_of(member: Any) -> list[Certificate]:
    """All the member's certificates, pending and revoked included, with their issuers (one query)."""
    return list(Certificate.objects.of(member).select_related("issuer", "co_issuer").newest_first())


def learning_record(member: Any) -> LearningRecord:
    return LearningRecord(entries=learning_entries(member), certificates=certificates_of(member))


def find_certificate(code: str) -> Certificate | None:
    """The certificate with this (normalised) code, or None."""
    return Certificate.objects.select_related("issuer", "co_issuer").filter(code=code).first()

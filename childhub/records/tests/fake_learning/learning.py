"""The records' contract as an app fulfils it: entries computed, each time, from the app's facts.

Its "facts" are what the tests put in ATTENDED: member pk → [(title, date, hours, certificate id)].
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from childhub.records.registry import LearningEntry

ATTENDED: dict[int, list[tuple[str, dt.date, Decimal, int | None]]] = {}


def learning_entries(member: Any) -> list[LearningEntry]:
    return [
        LearningEntry(
            kind="Webinar",
            title=title,
            date=day,
            hours=hours,
            url=f"/en/webinars/{n}/",
            certificate_id=certificate_id,
            language="en",
        )
        for n, (title, day, hours, certificate_id) in enumerate(ATTENDED.get(member.pk, []), start=1)
    ]

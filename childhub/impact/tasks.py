"""Background work of the impact figures: computing a period's report again once it is stale."""

from __future__ import annotations

from datetime import datetime

from django_tasks import task


@task()
def refresh_report(*, start: str, end: str, key: str) -> None:
    from . import queries

    queries.refresh(queries.Period(datetime.fromisoformat(start), datetime.fromisoformat(end)), key)

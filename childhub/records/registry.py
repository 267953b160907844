"""What a member learned, gathered from every app that has something to say about it.

An app takes part by giving itself a ``learning`` module with one function::

    # childhub/<app>/learning.py
    from childhub.records.registry import LearningEntry

    def learning_entries(member: User) -> list[LearningEntry]:
        ...

It computes the entries from its own facts (attendance, completions) each time it is asked,
in a fixed number of queries whatever the number of entries, and with labels translated into
the active language. records copies nothing and knows no app by name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import import_module
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.utils.module_loading import module_has_submodule

if TYPE_CHECKING:
    from childhub.accounts.models import User

MODULE = "learning"
FUNCTION = "learning_entries"


@dataclass(frozen=True)
class LearningEntry:
    """One thing a member learned: a webinar attended, a course completed."""

    kind: str  # what it was, translated: "Webinar", "Course"
    title: str
    date: dt.date  # when it was attended or completed
    hours: Decimal = Decimal(0)
    url: str = ""  # a path on the hub, "" when there is no page to link to
    certificate_id: int | None = None  # the Certificate issued for it, if any
    language: str = ""  # the language of the title, for the page's lang attribute


Provider = Callable[["User"], list[LearningEntry]]


def providers() -> list[Provider]:
    """The ``learning_entries`` function of every installed app that has a learning module."""
    return list(_providers(tuple(app.name for app in apps.get_app_configs())))


@lru_cache(maxsize=4)
def _providers(app_names: tuple[str, ...]) -> tuple[Provider, ...]:
    # Keyed by the installed apps, so a change of INSTALLED_APPS (in tests) is seen.
    found: list[Provider] = []
    for app in apps.get_app_configs():
        if not app.name.startswith("childhub.") or app.module is None:
            continue
        if module_has_submodule(app.module, MODULE):
            module: Any = import_module(f"{app.name}.{MODULE}")
            found.append(getattr(module, FUNCTION))
    return tuple(found)


def learning_entries(member: User) -> list[LearningEntry]:
    """Everything the member learned across the hub, newest first."""
    entries = [entry for provider in providers() for entry in provider(member)]
    entries.sort(key=lambda e: e.title.casefold())
    entries.sort(key=lambda e: e.date, reverse=True)
    return entries

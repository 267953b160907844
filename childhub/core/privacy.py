"""The personal-data registry: every model holding personal data says how to export and erase it.

Each app registers its models in its own ``privacy.py`` (imported by its AppConfig). A test
fails when a model that points at a member, or is marked as personal, is not covered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models.fields.files import FieldFile

if TYPE_CHECKING:
    from childhub.accounts.models import User

Exporter = Callable[["User"], list[dict[str, Any]]]
Eraser = Callable[["User"], None]
FileFinder = Callable[["User"], Iterable[FieldFile]]


@dataclass(frozen=True)
class PersonalData:
    label: str
    export: Exporter
    erase: Eraser
    files: FileFinder = field(default=lambda user: ())


_registry: dict[str, PersonalData] = {}
_exempt: dict[str, str] = {}


def register(label: str, *, export: Exporter, erase: Eraser, files: FileFinder | None = None) -> None:
    """Register how to export and erase the personal data a model ("app.Model") holds."""
    _registry[label] = PersonalData(label=label, export=export, erase=erase, files=files or (lambda user: ()))


def exempt(label: str, *, reason: str) -> None:
    """Declare that a model pointing at members holds no personal data to export or erase."""
    _exempt[label] = reason


def registered() -> dict[str, PersonalData]:
    return dict(_registry)


def rows(queryset: models.QuerySet[Any], *fields: str) -> list[dict[str, Any]]:
    """Plain JSON-ready rows of a queryset (dates as ISO strings)."""
    out = []
    for row in queryset.values(*fields):
        out.append({k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in row.items()})
    return out


def uncovered_models() -> list[str]:
    """Models that point at the user model (or are the user model) and are not covered."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    missing = []
    for model in apps.get_models():
        label = model._meta.label
        if label in _registry or label in _exempt:
            continue
        points_at_member = model is user_model or any(
            isinstance(f, models.ForeignKey | models.OneToOneField | models.ManyToManyField)
            and f.related_model is user_model
            for f in model._meta.get_fields()
            if not f.auto_created or f.concrete
        )
        if points_at_member or getattr(model, "holds_personal_data", False):
            missing.append(label)
    return sorted(missing)

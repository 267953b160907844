"""Load the demo content of every app (idempotently): ``manage.py seed_demo``.

Each app with a ``demo.py`` module contributes through its ``seed(out, scale)`` function,
in the order of INSTALLED_APPS.
"""

from __future__ import annotations

import importlib
from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Load the demo content of every app; safe to run again."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", type=float, default=1.0, help="multiply the bulk demo data")

    def handle(self, *args: Any, scale: float, **options: Any) -> None:
        for config in apps.get_app_configs():
            if not config.name.startswith("childhub."):
                continue
            try:
                module = importlib.import_module(f"{config.name}.demo")
            except ModuleNotFoundError as exc:
                if exc.name == f"{config.name}.demo":
                    continue
                raise
            module.seed(self.stdout, scale=scale)

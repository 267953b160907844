"""Who may see the impact figures: everyone sees the public page (totals, small groups hidden);
the dashboard, its breakdowns and exports are for staff with two-factor authentication."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from childhub.accounts.permissions import has_staff_powers


def can_see_dashboard(user: Any) -> bool:
    return has_staff_powers(user)


def check_can_see_dashboard(user: Any) -> None:
    if not can_see_dashboard(user):
        raise PermissionDenied

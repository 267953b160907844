"""Request types for views: a signed-in member's request carries a real User."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from childhub.accounts.models import User


class MemberRequest(HttpRequest):
    """The request of a view behind login_required."""

    user: User  # type: ignore[assignment]

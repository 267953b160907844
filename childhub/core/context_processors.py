from __future__ import annotations

from functools import lru_cache
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode

from childhub.accounts.permissions import has_powers_role

from .languages import autonym


@lru_cache(maxsize=256)
def _switcher(current: str, path: str) -> list[dict[str, Any]]:
    """The same for every request of a path in a language: kept in each process, not fetched from
    the shared cache on every page. The links carry the page as it is; the switch translates it
    (translating it here would load every language's catalogue and URLs into every worker)."""
    return [
        {
            "code": code,
            "name": autonym(code),
            "url": "/language?" + urlencode({"lang": code, "next": path}),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]


def site(request: HttpRequest) -> dict[str, Any]:
    """The language switcher's links, built for the page being shown."""
    current = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    switcher = _switcher(current, request.get_full_path())
    user = getattr(request, "user", None)
    return {
        "language_switcher": switcher,
        "site_url": settings.SITE_URL,
        # evaluated only when a template asks (one query, for signed-in members)
        "has_powers_role": SimpleLazyObject(lambda: has_powers_role(user)) if user is not None else False,
    }

"""Middleware of the site: the member's language cookie, compression of text only."""

from __future__ import annotations

import re
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.gzip import GZipMiddleware


class MemberLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and user.language
            and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != user.language
        ):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                user.language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                samesite="Lax",
            )
        return response


COMPRESSIBLE = ("text/", "application/json", "application/xml", "application/javascript", "image/svg+xml")


class TextGZipMiddleware(GZipMiddleware):
    """Compress pages and data, never files (PDFs, media, ZIPs) or partial responses."""

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        content_type = response.get("Content-Type", "")
        if response.status_code == 206 or not content_type.startswith(COMPRESSIBLE):
            return response
        return super().process_response(request, response)


_STAFF_PATH = re.compile(r"^/(?:[a-z]{2}(?:-[a-z]+)?/)?staff(?:/|$)")
FULL_URLCONF = "config.urls"
SITE_URLCONF = "config.site_urls"


class SiteURLconfMiddleware:
    """Serve every page but the staff interface with the site's URLconf (config/urls.py says
    why: a worker then keeps no reverse tables of the staff interface's URLs). Comes before
    LocaleMiddleware, which reads the URLconf of the request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # (Tests that serve a URLconf of their own keep it.)
        if settings.ROOT_URLCONF == FULL_URLCONF and not _STAFF_PATH.match(request.path_info):
            request.urlconf = SITE_URLCONF  # type: ignore[attr-defined]
        return self.get_response(request)

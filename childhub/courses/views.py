"""Pages of the courses."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse


def catalogue(request: HttpRequest) -> HttpResponse:
    raise NotImplementedError


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    raise NotImplementedError


def lesson(request: HttpRequest, slug: str, lesson_key: str) -> HttpResponse:
    raise NotImplementedError

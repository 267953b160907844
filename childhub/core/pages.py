"""Whole-page caching for anonymous visitors, one copy per path, query and language."""

from __future__ import annotations

import hashlib
import time
from collections import OrderedDict
from collections.abc import Callable, Collection
from functools import wraps
from typing import Any, overload

from django.conf import settings
from django.core.cache import caches
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.functional import cached_property
from django.utils.text import compress_string

from .middleware import COMPRESSIBLE

View = Callable[..., HttpResponse]


def _cacheable(request: HttpRequest, query: Collection[str]) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and all(name in query and len(request.GET.getlist(name)) == 1 for name in request.GET)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.user.is_authenticated
    )


# A copy of the most read pages in each worker process, for a few seconds, in front of a page
# cache that is a network away (Redis): a hit then costs no round trip. Pages are cached for a
# minute anyway, so this adds at most LOCAL_SECONDS to how old a visitor's page can be.
LOCAL_SECONDS = 5
LOCAL_PAGES = 64
_local: OrderedDict[str, tuple[float, tuple[bytes, str, bytes | None]]] = OrderedDict()


def _local_tier() -> bool:
    return "locmem" not in str(settings.CACHES["pages"]["BACKEND"]).lower()


def _local_get(key: str) -> tuple[bytes, str, bytes | None] | None:
    entry = _local.get(key)
    if entry is None or entry[0] < time.monotonic():
        return None
    return entry[1]


def _local_set(key: str, cached: tuple[bytes, str, bytes | None]) -> None:
    _local[key] = (time.monotonic() + LOCAL_SECONDS, cached)
    _local.move_to_end(key)
    while len(_local) > LOCAL_PAGES:
        _local.popitem(last=False)


def _key(request: HttpRequest, vary: Callable[[HttpRequest], str] | None = None) -> str:
    key = f"page:{translation.get_language()}:{request.path}"
    if vary is not None:
        key += f"|{vary(request)}"
    if request.GET:
        # The same page whatever the order of the parameters; hashed to keep keys short.
        canonical = "&".join(f"{name}={request.GET[name]}" for name in sorted(request.GET))
        key += "?" + hashlib.sha256(canonical.encode()).hexdigest()[:32]
    return key


@overload
def cache_anonymous_page(view: View) -> View: ...
@overload
def cache_anonymous_page(
    *, query: Collection[str], vary: Callable[[HttpRequest], str] | None = None
) -> Callable[[View], View]: ...


def cache_anonymous_page(
    view: View | None = None,
    *,
    query: Collection[str] = (),
    vary: Callable[[HttpRequest], str] | None = None,
) -> View | Callable[[View], View]:
    """Serve anonymous GETs from the page cache (per path and language).

    ``query`` names the parameters a cached page may have (list filters, a page number): each
    combination of their values is a page of its own. A request with any other parameter (a
    search, say), or a parameter given twice, is not cached. ``vary`` gives anything else the
    page depends on (the visitor's time zone from a cookie, validated): one copy per value, so
    it must return one of a bounded set of values.
    """

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            if not _cacheable(request, query):
                return view(request, *args, **kwargs)
            cache = caches["pages"]
            key = _key(request, vary)
            local = _local_tier()
            cached = _local_get(key) if local else None
            if cached is None:
                cached = cache.get(key)
                if not (isinstance(cached, tuple) and len(cached) == 3):
                    cached = None  # absent, or stored by an older version of this code
                elif local:
                    _local_set(key, cached)
            if cached is not None:
                content, content_type, compressed = cached
                if compressed is not None and re_accepts_gzip.search(
                    request.META.get("HTTP_ACCEPT_ENCODING", "")
                ):
                    # Compressed once when cached, not on every hit (the gzip middleware lets
                    # a response that already has a Content-Encoding through).
                    response = HttpResponse(compressed, content_type=content_type)
                    response["Content-Encoding"] = "gzip"
                else:
                    response = HttpResponse(content, content_type=content_type)
                patch_vary_headers(response, ("Accept-Encoding",))
                response["X-Page-Cache"] = "hit"
                return response
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.cookies and not response.streaming:
                response.render() if hasattr(response, "render") else None
                content = bytes(response.content)
                content_type = response["Content-Type"]
                # As the gzip middleware would: text only, and only when it is worth it.
                compressed = compress_string(content) if content_type.startswith(COMPRESSIBLE) else None
                if compressed is not None and len(compressed) >= len(content):
                    compressed = None
                cached = (content, content_type, compressed)
                cache.set(key, cached, settings.PAGE_CACHE_SECONDS)
            return response

        return wrapper

    return decorate(view) if view is not None else decorate


COUNT_SECONDS = 60


class CountCachedPaginator(Paginator):
    """A paginator whose total is remembered for a minute under ``count_key``.

    Counting every matching row is the costliest part of a long list page (tens of thousands of
    members); the rows of the page itself are always read fresh, so only the page count may lag
    by up to a minute.
    """

    def __init__(self, object_list: Any, per_page: int, *, count_key: str, **kwargs: Any) -> None:
        super().__init__(object_list, per_page, **kwargs)
        self.count_key = "count:" + hashlib.sha256(count_key.encode()).hexdigest()[:32]

    @cached_property
    def count(self) -> int:
        cache = caches["pages"]
        total = cache.get(self.count_key)
        if total is None:
            total = super().count
            cache.set(self.count_key, total, COUNT_SECONDS)
        return int(total)

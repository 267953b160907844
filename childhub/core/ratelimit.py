"""A fixed-window rate limit kept in the shared cache (so it holds across worker processes)."""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone


def client_key(request: HttpRequest) -> str:
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    address = request.META.get("REMOTE_ADDR", "")
    return "ip:" + hashlib.sha256(address.encode()).hexdigest()[:16]


def allow(request: HttpRequest, *, scope: str, limit: int, seconds: int) -> bool:
    """Count one use of ``scope`` by this client; False once ``limit`` is passed in the window."""
    window = int(timezone.now().timestamp()) // seconds
    key = f"rl:{scope}:{client_key(request)}:{window}"
    if cache.add(key, 1, timeout=seconds + 5):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=seconds + 5)
        return True
    return count <= limit

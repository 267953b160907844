"""Rendered parts of pages, kept under keys that name everything they show (decision 0012).

``kept``: in each worker process for a minute, for the site's header and footer. They are the
same for every page a member sees in one language (the footer's language links also depend on
the page), and drawing their two dozen links and labels cost more than many pages' own content;
a round trip to Redis would cost about what drawing them does. Small answers that every page
needs and that may be a minute old (the policy versions in force, whether a member coordinates)
are kept the same way.

``shared``: in the page cache (Redis, with PostgreSQL), for the parts of a page that many readers
share: answers, webinar cards, what a webinar's page says of it. ``joined`` keeps a list of such
parts once more as one value, under a key made of theirs, so that a thread read as it was
last time is one value to fetch and unpickle, not fifty.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from typing import Any, TypeVar

from django.core.cache import caches
from django.utils.safestring import SafeString, mark_safe

T = TypeVar("T", bound=Hashable)
V = TypeVar("V")

KEEP_SECONDS = 60
KEEP_ENTRIES = 512  # 1 to 2.5 KB each: about 1 MB at most

_kept: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
_lock = threading.Lock()


def kept(key: Hashable, render: Callable[[], V]) -> V:
    """What is kept under ``key``, made by ``render`` when not kept (or kept too long). Keep only
    what nobody changes: strings, numbers, frozen values, or objects whose callers hand out
    copies (a course's versions)."""
    now = time.time()  # (wall time, so that tests can move it)
    with _lock:
        entry = _kept.get(key)
        if entry is not None and entry[0] > now:
            _kept.move_to_end(key)
            value: V = entry[1]
            return value
    value = render()
    with _lock:
        _kept[key] = (now + KEEP_SECONDS, value)
        _kept.move_to_end(key)
        while len(_kept) > KEEP_ENTRIES:
            _kept.popitem(last=False)
    return value


def forget(key: Hashable) -> None:
    """Drop what this process keeps under ``key`` (the others keep it for a minute at most)."""
    with _lock:
        _kept.pop(key, None)


def clear() -> None:
    with _lock:
        _kept.clear()


def shared(
    keys: Mapping[T, str], render: Callable[[list[T]], Mapping[T, str]], seconds: int
) -> dict[T, SafeString]:
    """The part of each item under its key in the page cache; those not found are rendered
    together by ``render`` (which may leave out an item that no longer exists) and kept."""
    cache = caches["pages"]
    found = cache.get_many(list(keys.values()))
    missing = [item for item, key in keys.items() if key not in found]
    if missing:
        fresh = {keys[item]: html for item, html in render(missing).items()}
        cache.set_many(fresh, seconds)
        found.update(fresh)
    # Rendered (and escaped) by the template engine.
    return {item: mark_safe(found[key]) for item, key in keys.items() if key in found}


def joined(keys: Mapping[T, str], render: Callable[[list[T]], Mapping[T, str]], seconds: int) -> SafeString:
    """The parts of ``shared``, in the order of ``keys``, as one piece of HTML, itself kept under
    a key made of theirs (so it changes whenever one of them does). When an item is left out (it
    no longer exists) the whole is not kept."""
    if not keys:
        return mark_safe("")
    digest = hashlib.blake2b("\n".join(keys.values()).encode(), digest_size=16).hexdigest()
    whole_key = f"joined:{digest}"
    cache = caches["pages"]
    whole = cache.get(whole_key)
    if whole is None:
        parts = shared(keys, render, seconds)
        whole = "".join(parts[item] for item in keys if item in parts)
        if len(parts) == len(keys):
            cache.set(whole_key, whole, seconds)
    # Rendered (and escaped) by the template engine.
    return mark_safe(whole)

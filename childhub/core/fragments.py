"""Parts of every page kept in each worker process for a minute: the site's header and footer.

They are the same for every page a member sees in one language (the footer's language links also
depend on the page), and drawing their two dozen links and labels cost more than many pages'
own content. Kept in the process, not the shared cache: a round trip to Redis would cost about
what drawing them does.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable

KEEP_SECONDS = 60
KEEP_ENTRIES = 512  # 1 to 2.5 KB each: about 1 MB at most

_kept: OrderedDict[Hashable, tuple[float, str]] = OrderedDict()
_lock = threading.Lock()


def kept(key: Hashable, render: Callable[[], str]) -> str:
    """The fragment under ``key``, rendered by ``render`` when not kept (or kept too long)."""
    now = time.time()  # (wall time, so that tests can move it)
    with _lock:
        entry = _kept.get(key)
        if entry is not None and entry[0] > now:
            _kept.move_to_end(key)
            return entry[1]
    html = render()
    with _lock:
        _kept[key] = (now + KEEP_SECONDS, html)
        _kept.move_to_end(key)
        while len(_kept) > KEEP_ENTRIES:
            _kept.popitem(last=False)
    return html


def clear() -> None:
    with _lock:
        _kept.clear()

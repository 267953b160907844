"""Count the database queries each benchmarked page makes: ``python bench/probe.py PAGES_JSON``.

Run by bench/run.py with the server's environment, in-process with Django's test Client. Each
page is requested twice and the second (steady-state) request is counted, so a warm page cache
or a session that already records consent is what gets measured, as under load. Prints one JSON
object: per page, the status, the number of queries, the most repeated query shape (a sign of
N+1 queries) and the time spent in the database as Django measured it.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from childhub.accounts.models import User  # noqa: E402

_NUMBERS = re.compile(r"\b\d+\b|'[^']*'|%s")


def shape(sql: str) -> str:
    return _NUMBERS.sub("?", sql)[:160]


def probe(client: Client, path: str) -> dict:
    client.get(path)  # first request: fills caches, records consent in the session
    with CaptureQueriesContext(connection) as ctx:
        started = time.perf_counter()
        response = client.get(path)
        elapsed = time.perf_counter() - started
    shapes = Counter(shape(q["sql"]) for q in ctx.captured_queries)
    top, repeats = shapes.most_common(1)[0] if shapes else ("", 0)
    return {
        "status": response.status_code,
        "queries": len(ctx.captured_queries),
        "db_ms": round(sum(float(q["time"]) for q in ctx.captured_queries) * 1000, 1),
        "wall_ms": round(elapsed * 1000, 1),
        "most_repeated": {"count": repeats, "sql": top} if repeats > 1 else None,
        "queries_sql": [q["sql"][:300] for q in ctx.captured_queries],
    }


def main() -> None:
    spec = json.loads(sys.argv[1])
    member = User.objects.get(pk=spec["member_pk"])
    results = {}
    for page in spec["pages"]:
        client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING="gzip")
        client.cookies["django_language"] = "en"
        if page["member"]:
            client.force_login(member)
        results[page["name"]] = probe(client, page["path"])
    print(json.dumps(results))


if __name__ == "__main__":
    main()

"""Count the database queries each benchmarked page makes: ``python bench/probe.py PAGES_JSON``.

Run by bench/run.py with the server's environment, in-process with Django's test Client. Each
page is requested twice and the second (steady-state) request is counted, so a warm page cache
or a session that already records consent is what gets measured, as under load. Prints one JSON
object: per page, the status, the number of queries and of writes, the most repeated query
shape (a sign of N+1 queries), the time spent in the database, the median in-process time
of 20 more requests (the app's own cost per request, without the server), and the time of the
first request (with empty caches: a search nobody made before, say).
"""

from __future__ import annotations

import json
import os
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from itertools import cycle
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from childhub.accounts.models import User  # noqa: E402

_NUMBERS = re.compile(r"\b\d+\b|'[^']*'|%s")


def shape(sql: str) -> str:
    return _NUMBERS.sub("?", sql)[:160]


def probe(request: Callable[[], HttpResponse], repeat: int = 20) -> dict:
    started = time.perf_counter()
    request()  # first request: fills caches, records consent in the session
    cold = time.perf_counter() - started
    timings: list[float] = []

    def timed(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            timings.append(time.perf_counter() - started)

    with CaptureQueriesContext(connection) as ctx, connection.execute_wrapper(timed):
        started = time.perf_counter()
        response = request()
        elapsed = time.perf_counter() - started
    # Copy now: the next request's request_started signal clears the connection's query log.
    sqls = [q["sql"] for q in ctx.captured_queries]
    walls = []
    for _ in range(repeat):  # in-process time per request: the app's own cost, without the server
        started = time.perf_counter()
        request()
        walls.append(time.perf_counter() - started)
    shapes = Counter(shape(sql) for sql in sqls)
    top, repeats = shapes.most_common(1)[0] if shapes else ("", 0)
    return {
        "status": response.status_code,
        "queries": len(sqls),
        "writes": sum(sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")) for sql in sqls),
        "db_ms": round(sum(timings) * 1000, 2),
        "wall_ms": round(elapsed * 1000, 2),
        "app_ms": round(statistics.median(walls) * 1000, 2),
        "cold_ms": round(cold * 1000, 2),
        "most_repeated": {"count": repeats, "sql": top} if repeats > 1 else None,
        "queries_sql": [sql[:300] for sql in sqls],
    }


def main() -> None:
    spec = json.loads(sys.argv[1])
    member = User.objects.get(pk=spec["member_pk"])
    results = {}
    for page in spec["pages"]:
        if page.get("method") == "POST":
            # A form post: each request as the next of several members, to the next of several
            # addresses (members may post 10 times an hour), like the load test.
            clients = []
            for pk in page["posters"][:25]:
                client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING="gzip")
                client.cookies["django_language"] = "en"
                client.force_login(User.objects.get(pk=pk))
                clients.append(client)
            turns = cycle(zip(clients, cycle(page["paths"]), strict=False))

            def request(
                turns: Iterator[tuple[Client, str]] = turns, data: dict = page["data"]
            ) -> HttpResponse:
                client, path = next(turns)
                return client.post(path, data)

        else:
            client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING="gzip")
            client.cookies["django_language"] = "en"
            if page.get("session"):  # another member's signed-in session (staff, for the dashboard)
                cookie, key = page["session"]
                client.cookies[cookie] = key
            elif page["member"]:
                client.force_login(member)

            def request(client: Client = client, path: str = page["path"]) -> HttpResponse:
                return client.get(path)

        results[page["name"]] = probe(request)
    print(json.dumps(results))


if __name__ == "__main__":
    main()

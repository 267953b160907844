"""The production cache configuration on Redis: rate limits, sessions and page fragments.

The suite itself runs with the database cache; this test runs the Redis configuration against the
Redis on 127.0.0.1 (CI has one) and is skipped where none answers.
"""

from __future__ import annotations

import socket
import uuid

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.cache import SessionStore
from django.core.cache import caches
from django.test import RequestFactory, override_settings

from childhub.core import ratelimit
from config.settings import redis_caches

REDIS_DB = "redis://127.0.0.1:6379/14"


def redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


pytestmark = pytest.mark.skipif(not redis_answers(), reason="no Redis on 127.0.0.1:6379")


@pytest.fixture
def redis():
    # Keys are unique to each test (never cleared: other test processes may share this Redis).
    with override_settings(
        CACHES=redis_caches(REDIS_DB), SESSION_ENGINE="django.contrib.sessions.backends.cache"
    ):
        yield caches


def visitor(address: str):
    request = RequestFactory().get("/", REMOTE_ADDR=address)
    request.user = AnonymousUser()
    return request


def test_rate_limits_count_in_redis_across_clients(redis):
    scope = f"test-{uuid.uuid4().hex}"
    first, second = visitor("192.0.2.7"), visitor("192.0.2.8")
    assert [ratelimit.allow(first, scope=scope, limit=2, seconds=60) for _ in range(3)] == [True, True, False]
    assert ratelimit.allow(second, scope=scope, limit=2, seconds=60)


def test_sessions_live_in_redis(redis):
    session = SessionStore()
    session["_auth_user_id"] = "42"
    session.save()
    assert SessionStore(session.session_key)["_auth_user_id"] == "42"


def test_page_fragments_are_kept_apart_from_the_shared_cache(redis):
    one, two, three = (f"reply:{uuid.uuid4().hex}" for _ in range(3))
    redis["pages"].set_many({one: "<p>one</p>", two: "<p>two</p>"}, 60)
    assert redis["pages"].get_many([one, two, three]) == {one: "<p>one</p>", two: "<p>two</p>"}
    assert redis["default"].get(one) is None

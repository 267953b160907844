"""Cached search results are forgotten when the index changes, whatever cache holds them."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.test import override_settings

from childhub.search import backends

pytestmark = pytest.mark.django_db

LOCAL = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "search-version"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}


def index(object_id: int) -> None:
    backends.index_document(
        kind="test.thing", object_id=object_id, language="en", title="Family support", body="A guide."
    )


def test_indexing_changes_the_version_of_cached_results():
    before = backends.index_version()
    index(1)
    assert backends.index_version() != before


def test_a_cache_in_the_database_changes_with_the_index_in_one_transaction(
    django_capture_on_commit_callbacks,
):
    if not isinstance(backends.caches["default"], backends.DatabaseCache):
        pytest.skip("the suite's cache is not the database here")
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        index(2)
    assert callbacks == []  # nothing left to write after the commit


def test_a_cache_outside_the_database_is_changed_again_once_the_index_is_committed(
    django_capture_on_commit_callbacks,
):
    with override_settings(CACHES=LOCAL):
        with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
            index(3)
            during = backends.index_version()
        assert len(callbacks) == 1
        assert backends.index_version() != during

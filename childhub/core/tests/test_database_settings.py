"""The database configuration: SQLite embedded, PostgreSQL with statements prepared on the server."""

from __future__ import annotations

import pytest
from django.db import connection

from config.settings import database


def test_sqlite_uses_the_write_lock_backend_in_wal_mode():
    config = database("sqlite:////tmp/hub.sqlite3")
    assert config["ENGINE"] == "childhub.core.sqlite"
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_postgresql_binds_on_the_server_and_prepares_repeated_statements():
    config = database("postgres://hub@db.example:5432/hub")
    assert config["ENGINE"] == "childhub.core.postgresql"
    assert config["OPTIONS"] == {"server_side_binding": True, "prepare_threshold": 5}


def test_postgresql_without_prepared_statements_for_poolers_that_cannot_keep_them():
    config = database("postgres://hub@db.example:5432/hub", prepared=False)
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert "prepare_threshold" not in config.get("OPTIONS", {})
    assert "server_side_binding" not in config.get("OPTIONS", {})


@pytest.mark.django_db
def test_a_statement_run_again_is_prepared_on_the_server():
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's")
    from childhub.accounts.models import User

    for _ in range(6):
        list(User.objects.filter(email="nobody@example.org").values_list("pk"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        statements = [row[0] for row in cursor.fetchall()]
    assert any('"accounts_user"' in statement and "$1" in statement for statement in statements)


@pytest.mark.django_db
def test_a_bulk_statement_with_many_parameters_is_never_prepared():
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's")
    from childhub.accounts.models import User

    for _ in range(6):
        list(User.objects.filter(pk__in=range(1, 66)).values_list("pk"))  # 65 parameters
        list(User.objects.filter(pk__in=range(1, 65)).values_list("pk"))  # 64
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        statements = [row[0] for row in cursor.fetchall()]
    assert any("$64)" in statement for statement in statements)
    assert not any("$65" in statement for statement in statements)

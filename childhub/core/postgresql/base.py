"""Django's PostgreSQL backend, preparing only statements with few parameters.

With ``server_side_binding`` and ``prepare_threshold`` (docs/decisions/0014), psycopg prepares a
statement the fifth time a connection runs it, and PostgreSQL may then run it with a generic plan,
made without looking at the values. For a page's queries (a key or two, a short list) that is the
plan it would have chosen anyway, and skipping planning saves most of the database's work. For a
bulk read (``pk__in`` a thousand ids while indexing, importing or seeding) it is not: the generic
plan of a thousand-id batch at 1 M contributions also scanned a status index that matches nearly
every row, and took seconds instead of milliseconds. Statements with more than
``PREPARE_MAX_PARAMETERS`` parameters are therefore never prepared; planning them costs little
beside running them.
"""

from __future__ import annotations

from typing import Any

from django.db.backends.postgresql import base

PREPARE_MAX_PARAMETERS = 64


class PageCursor(base.ServerBindingCursor):  # type: ignore[misc,name-defined]
    def execute(self, query: Any, params: Any = None, *, prepare: bool | None = None, **kwargs: Any) -> Any:
        if prepare is None and params is not None and len(params) > PREPARE_MAX_PARAMETERS:
            prepare = False
        return super().execute(query, params, prepare=prepare, **kwargs)


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self) -> dict[str, Any]:
        params: dict[str, Any] = super().get_connection_params()
        if params.get("cursor_factory") is base.ServerBindingCursor:  # type: ignore[attr-defined]
            params["cursor_factory"] = PageCursor
        return params

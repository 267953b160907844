"""The search interface every app uses, with a PostgreSQL and an SQLite FTS5 implementation.

    index_document(kind="library.resource", object_id=7, language="sr", title=…, body=…)
    search("deca nasilje", kinds=["library.resource"], access_levels={"public"})

Queries of any length and content are safe: only word characters reach the engine.
"""

from __future__ import annotations

import hashlib
import html
import uuid
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from django.core.cache import cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connection, transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import SearchDocument
from .text import (
    cyrillic_to_latin,
    highlight_spans,
    index_text,
    other_forms,
    query_terms,
    strip_diacritics,
    term_variants,
)

PG_CONFIGS = {
    "en": "english",
    "ro": "romanian",
    "hu": "hungarian",
    "el": "greek",
    "ru": "russian",
    "sr": "serbian",
    "sr-latn": "serbian",
    "hr": "serbian",
    "bs": "serbian",
    "me": "serbian",
    "sq": "childhub_sq",
    "it": "italian",
    "fr": "french",
    "de": "german",
    "tr": "turkish",
}
_START, _STOP = "\x02", "\x03"


@dataclass
class Hit:
    kind: str
    object_id: int
    language: str
    title: str
    rank: float
    snippet: SafeString


@dataclass
class Results:
    hits: list[Hit] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    fuzzy: bool = False


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def pg_config(language: str) -> str:
    return PG_CONFIGS.get(language, "simple")


def _fts5_text(text: str) -> str:
    """SQLite's unicode61 tokenizer folds diacritics but not đ; fold it here."""
    return text.replace("đ", "dj").replace("Đ", "Dj")


def index_document(
    *, kind: str, object_id: int, language: str, title: str, body: str, access: str = "public"
) -> None:
    """Add or replace the searchable text of one object."""
    if _is_postgres():
        _pg_upsert(kind, object_id, language, title[:300], body, access)
        _index_changed()
        return
    # One write transaction for the document and, when the cache is in the database, the new
    # version of the index: SQLite has one writer at a time, and each write queues for it. The
    # engine's text is prepared before it begins.
    fts = _fts5_row(title, body, language)
    with transaction.atomic():
        _sqlite_index(kind, object_id, language, title[:300], body, access, fts)
        _index_changed()


def _fts5_row(title: str, body: str, language: str) -> tuple[str, str, str]:
    """The FTS5 table's title, body and extra columns for a document."""
    extra = other_forms(title, language) + "\n" + other_forms(body, language)
    return _fts5_text(title), _fts5_text(body), _fts5_text(extra)


def _pg_upsert(kind: str, object_id: int, language: str, title: str, body: str, access: str) -> None:
    """One statement: the row and its vector together (answering a question re-indexes the
    question, so this runs on every answer posted)."""
    config = pg_config(language)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {SearchDocument._meta.db_table}
                (kind, object_id, language, access, title, body, updated_at, vector)
            VALUES (%s, %s, %s, %s, %s, %s, %s,
                    setweight(to_tsvector(%s::regconfig, %s), 'A') ||
                    setweight(to_tsvector(%s::regconfig, %s), 'B'))
            ON CONFLICT (kind, object_id) DO UPDATE SET
                language = EXCLUDED.language, access = EXCLUDED.access, title = EXCLUDED.title,
                body = EXCLUDED.body, updated_at = EXCLUDED.updated_at, vector = EXCLUDED.vector
            """,
            [
                *(kind, object_id, language, access, title, body, timezone.now()),
                *(config, index_text(title, language), config, index_text(body, language)),
            ],
        )


def _sqlite_index(
    kind: str, object_id: int, language: str, title: str, body: str, access: str, fts: tuple[str, str, str]
) -> None:
    """The row (one statement, as on PostgreSQL) and its FTS5 entry, inside index_document's
    transaction."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {SearchDocument._meta.db_table}
                (kind, object_id, language, access, title, body, updated_at)
            VALUES (%s, %s, %s, %s, %s, %s, %s)
            ON CONFLICT (kind, object_id) DO UPDATE SET
                language = excluded.language, access = excluded.access, title = excluded.title,
                body = excluded.body, updated_at = excluded.updated_at
            RETURNING id
            """,
            [
                kind,
                object_id,
                language,
                access,
                title,
                body,
                connection.ops.adapt_datetimefield_value(timezone.now()),
            ],
        )
        pk = cursor.fetchone()[0]
        cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [pk])
        cursor.execute(
            "INSERT INTO search_fts (rowid, title, body, extra) VALUES (%s, %s, %s, %s)", [pk, *fts]
        )


@dataclass
class Document:
    """The searchable text of one object, for index_documents."""

    kind: str
    object_id: int
    language: str
    title: str
    body: str
    access: str = "public"


@transaction.atomic
def index_documents(documents: Iterable[Document], *, batch_size: int = 1000) -> int:
    """Add many objects not yet in the index at once (imports, seeding); returns how many.

    The same rows and engine text as index_document, written in batches: one INSERT of the
    documents, then one UPDATE of their vectors (PostgreSQL) or one INSERT into the FTS5 table.
    """
    count = 0
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= batch_size:
            count += _index_batch(batch)
            batch = []
    if batch:
        count += _index_batch(batch)
    _index_changed()
    return count


def _index_batch(batch: list[Document]) -> int:
    rows = SearchDocument.objects.bulk_create(
        [
            SearchDocument(
                kind=d.kind,
                object_id=d.object_id,
                language=d.language,
                title=d.title[:300],
                body=d.body,
                access=d.access,
            )
            for d in batch
        ]
    )
    pks = [row.pk for row in rows]
    if None in pks:  # a backend that does not return primary keys from a bulk insert
        found = {
            (kind, object_id): pk
            for kind, object_id, pk in SearchDocument.objects.filter(
                kind__in={d.kind for d in batch}, object_id__in=[d.object_id for d in batch]
            ).values_list("kind", "object_id", "pk")
        }
        pks = [found[(d.kind, d.object_id)] for d in batch]
    with connection.cursor() as cursor:
        if _is_postgres():
            cursor.execute(
                "UPDATE search_searchdocument AS d SET vector = "
                "setweight(to_tsvector(v.cfg::regconfig, v.title), 'A') || "
                "setweight(to_tsvector(v.cfg::regconfig, v.body), 'B') "
                "FROM unnest(%s::bigint[], %s::text[], %s::text[], %s::text[]) AS v(id, cfg, title, body) "
                "WHERE d.id = v.id",
                [
                    pks,
                    [pg_config(d.language) for d in batch],
                    [index_text(d.title, d.language) for d in batch],
                    [index_text(d.body, d.language) for d in batch],
                ],
            )
        else:
            cursor.executemany(
                "INSERT INTO search_fts (rowid, title, body, extra) VALUES (%s, %s, %s, %s)",
                [(pk, *_fts5_row(d.title, d.body, d.language)) for pk, d in zip(pks, batch, strict=True)],
            )
    return len(batch)


def remove_document(*, kind: str, object_id: int) -> None:
    ids = list(SearchDocument.objects.filter(kind=kind, object_id=object_id).values_list("pk", flat=True))
    if not ids:
        return
    if not _is_postgres():
        with connection.cursor() as cursor:
            for pk in ids:
                cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [pk])
    SearchDocument.objects.filter(pk__in=ids).delete()
    _index_changed()


def search(
    query: str,
    *,
    kinds: Iterable[str],
    access_levels: Collection[str],
    languages: Collection[str] | None = None,
    limit: int = 50,
) -> Results:
    """Matching documents, best first, each with a highlighted passage.

    Results are kept in the shared cache until the index next changes (see _index_changed):
    ranking every match of a common word is the costly part of a search, and people search
    for the same words.
    """
    terms = query_terms(query)
    if not terms:
        return Results()
    kinds = list(kinds)
    spec = (terms, sorted(kinds), sorted(access_levels), sorted(languages) if languages else None, limit)
    key = f"search:{index_version()}:{hashlib.sha256(repr(spec).encode()).hexdigest()[:40]}"
    cached = cache.get(key)
    if isinstance(cached, Results):
        return cached
    if _is_postgres():
        hits = _pg_search(terms, kinds, access_levels, languages, limit)
        fuzzy = False
        if not hits:
            hits, fuzzy = _pg_trigram(terms, kinds, access_levels, languages, limit), True
    else:
        hits = _sqlite_search(
            terms, _fts5_query(terms, prefix_len=None), kinds, access_levels, languages, limit
        )
        fuzzy = False
        if not hits:
            hits = _sqlite_search(
                terms, _fts5_query(terms, prefix_len=4), kinds, access_levels, languages, limit
            )
            fuzzy = True
    results = Results(hits=hits, terms=terms, fuzzy=fuzzy and bool(hits))
    cache.set(key, results, 3600)
    return results


_VERSION_KEY = "search:version"


def index_version() -> str:
    version = cache.get(_VERSION_KEY)
    if version is None:
        cache.add(_VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(_VERSION_KEY, "")
    return str(version)


def _index_changed() -> None:
    """Forget cached results: now, and again once the change is committed (a search run in
    between, by another worker, still saw the index as it was)."""

    def bump() -> None:
        cache.set(_VERSION_KEY, uuid.uuid4().hex, None)

    bump()
    # A cache in the database commits (or rolls back) with the change: no second write needed.
    if transaction.get_connection().in_atomic_block and not isinstance(caches["default"], DatabaseCache):
        transaction.on_commit(bump)


def _filters(
    kinds: list[str], access: Collection[str], languages: Collection[str] | None
) -> tuple[str, list]:
    sql = " AND d.kind IN ({}) AND d.access IN ({})".format(
        ", ".join(["%s"] * len(kinds)), ", ".join(["%s"] * len(access))
    )
    params: list = [*kinds, *access]
    if languages:
        sql += " AND d.language IN ({})".format(", ".join(["%s"] * len(languages)))
        params.extend(languages)
    return sql, params


def _highlight(text: str) -> SafeString:
    escaped = escape(html.unescape(text))
    return mark_safe(escaped.replace(_START, "<mark>").replace(_STOP, "</mark>"))


def _tsquery(terms: list[str]) -> str:
    groups = []
    for term in terms:
        variants = {v for t in term_variants(term) for v in (t, strip_diacritics(t))}
        groups.append("(" + " | ".join(f"{v}:*" for v in sorted(variants)) + ")")
    return " & ".join(groups)


def _pg_search(terms, kinds, access, languages, limit) -> list[Hit]:
    where, params = _filters(kinds, access, languages)
    tsquery = _tsquery(terms)
    match, match_params = _pg_match(tsquery)
    # The passages (ts_headline, the costly part) only for the best ``limit`` documents, not for
    # every match: ranked and cut in the inner query first.
    sql = f"""
        SELECT best.kind, best.object_id, best.language, best.title, best.rank,
               ts_headline(best.cfg::regconfig, left(d.body, 20000), to_tsquery(best.cfg::regconfig, %s),
                           'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=35, MinWords=12')
        FROM (
            SELECT d.id, d.kind, d.object_id, d.language, d.title, c.cfg,
                   ts_rank(d.vector, to_tsquery(cfg::regconfig, %s)) AS rank
            FROM search_searchdocument d
            CROSS JOIN LATERAL (SELECT {_pg_config_case()} AS cfg) c
            WHERE ({match}) {where}
            ORDER BY rank DESC, d.id DESC
            LIMIT %s
        ) best
        JOIN search_searchdocument d ON d.id = best.id
        ORDER BY best.rank DESC, best.id DESC
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [tsquery, tsquery, *match_params, *params, limit])
        return [
            Hit(k, oid, lang, title, float(rank), _highlight(snip or ""))
            for k, oid, lang, title, rank, snip in cursor.fetchall()
        ]


def _pg_match(tsquery: str) -> tuple[str, list]:
    """Each document matched in its language's configuration, found through the GIN index.

    ``vector @@ to_tsquery(<the row's configuration>, …)`` alone cannot use the index (the query
    differs per row), so every document would be read. The query in every configuration, OR-ed
    into one constant, can: it finds a superset, and the per-row condition keeps the exact matches.
    """
    configs = [*dict.fromkeys(PG_CONFIGS.values()), "simple"]
    union = " || ".join(f"to_tsquery('{config}', %s)" for config in configs)
    return f"d.vector @@ ({union}) AND d.vector @@ to_tsquery(cfg::regconfig, %s)", [tsquery] * (
        len(configs) + 1
    )


def _pg_config_case() -> str:
    whens = " ".join(f"WHEN '{lang}' THEN '{cfg}'" for lang, cfg in PG_CONFIGS.items())
    return f"CASE d.language {whens} ELSE 'simple' END"


def _pg_trigram(terms, kinds, access, languages, limit) -> list[Hit]:
    where, params = _filters(kinds, access, languages)
    text = " ".join(terms)
    sql = f"""
        SELECT d.kind, d.object_id, d.language, d.title,
               greatest(word_similarity(%s, d.title), word_similarity(%s, left(d.body, 5000))) AS sim,
               left(d.body, 240)
        FROM search_searchdocument d
        WHERE (%s <%% d.title OR %s <%% left(d.body, 5000)) {where}
        ORDER BY sim DESC, d.id DESC
        LIMIT %s
    """
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL pg_trgm.word_similarity_threshold = 0.4")
        cursor.execute(sql, [text, text, text, text, *params, limit])
        return [
            Hit(k, oid, lang, title, float(sim), _highlight(snip or ""))
            for k, oid, lang, title, sim, snip in cursor.fetchall()
        ]


def _fts5_query(terms: list[str], *, prefix_len: int | None) -> str:
    groups = []
    for term in terms:
        variants = set()
        for variant in term_variants(term):
            folded = strip_diacritics(_fts5_text(variant))
            if prefix_len is not None and len(folded) > prefix_len:
                folded = folded[:prefix_len]
            variants.add(folded)
            if variant != cyrillic_to_latin(variant):
                variants.add(variant)
        groups.append("(" + " OR ".join(f'"{v}"*' for v in sorted(variants) if v) + ")")
    return " AND ".join(groups)


def _sqlite_search(terms: list[str], match: str, kinds, access, languages, limit) -> list[Hit]:
    where, params = _filters(kinds, access, languages)
    sql = f"""
        SELECT d.kind, d.object_id, d.language, d.title, bm25(search_fts, 5.0, 1.0, 0.5) AS rank,
               substr(d.body, 1, 20000)
        FROM search_fts JOIN search_searchdocument d ON d.id = search_fts.rowid
        WHERE search_fts MATCH %s {where}
        ORDER BY rank, d.id DESC
        LIMIT %s
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, *params, limit])
        rows = cursor.fetchall()
    return [
        Hit(
            k,
            oid,
            lang,
            title,
            -float(rank),
            _highlight(highlight_spans(body or "", terms, start_marker=_START, stop_marker=_STOP)),
        )
        for k, oid, lang, title, rank, body in rows
    ]

import pytest

from childhub.search.backends import index_document, remove_document, search

KIND = "test.doc"


def _doc(pk: int, language: str, title: str, body: str = "", access: str = "public"):
    return index_document(kind=KIND, object_id=pk, language=language, title=title, body=body, access=access)


def _found(query: str, **kwargs) -> set[int]:
    kwargs.setdefault("access_levels", {"public", "members"})
    return {hit.object_id for hit in search(query, kinds=[KIND], **kwargs).hits}


@pytest.mark.django_db
def test_serbian_in_latin_script_finds_cyrillic_and_back():
    _doc(1, "sr", "Заштита деце од насиља", "Водич за стручњаке о заштити деце.")
    _doc(2, "sr-latn", "Prava deteta u porodici", "Deca imaju pravo da budu saslušana.")
    assert 1 in _found("deca")
    assert 1 in _found("zaštita")
    assert 2 in _found("деца")


@pytest.mark.django_db
def test_albanian_without_diacritics_finds_the_written_form():
    _doc(3, "sq", "Mbrojtja e fëmijëve", "Udhëzues për punonjësit socialë që punojnë me fëmijë.")
    assert 3 in _found("femije")
    assert 3 in _found("fëmijë")


@pytest.mark.django_db
def test_romanian_plural_forms_find_each_other():
    _doc(4, "ro", "Protecția copiilor", "Drepturile copiii în sistemul de protecție.")
    _doc(5, "ro", "Copii în plasament", "Ghid pentru asistenți sociali.")
    assert {4, 5} <= _found("copii")
    assert 4 in _found("copiii")
    assert 4 in _found("protectia")


@pytest.mark.django_db
def test_croatian_and_bosnian_child_words_find_each_other():
    _doc(6, "hr", "Djeca u alternativnoj skrbi", "Smjernice za rad s djecom.")
    _doc(7, "bs", "Prava djeteta", "Svako dijete ima pravo na zaštitu.")
    assert 6 in _found("dijete")
    assert 7 in _found("djeca")


@pytest.mark.django_db
def test_hits_carry_a_highlighted_passage_safe_for_html():
    _doc(8, "en", "Online safety", "How to talk with <teenagers> about online grooming and safety.")
    hit = search("grooming", kinds=[KIND], access_levels={"public"}).hits[0]
    assert "<mark>grooming</mark>" in hit.snippet
    assert "<teenagers>" not in hit.snippet


@pytest.mark.django_db
def test_members_only_documents_are_not_found_by_visitors():
    _doc(9, "en", "Case supervision notes", access="members")
    assert 9 not in _found("supervision", access_levels={"public"})
    assert 9 in _found("supervision", access_levels={"public", "members"})


@pytest.mark.django_db
def test_language_filter_and_removal():
    _doc(10, "en", "Juvenile justice")
    _doc(11, "ro", "Justiție pentru minori")
    assert _found("juvenile", languages=["ro"]) == set()
    assert _found("minori", languages=["ro"]) == {11}
    remove_document(kind=KIND, object_id=10)
    assert 10 not in _found("juvenile")


@pytest.mark.django_db
def test_a_typo_still_finds_the_resource():
    _doc(12, "en", "Violence against children", "A regional study of violence.")
    results = search("violnce", kinds=[KIND], access_levels={"public"})
    assert 12 in {hit.object_id for hit in results.hits}
    assert results.fuzzy


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        '"',
        "'; DROP TABLE x; --",
        "AND OR NOT",
        "a* OR b:c",
        "(((",
        "&|!:*",
        "🙂👶",
        "NEAR(a b)",
        "x" * 10_000,
        "deca " * 2000,
        "\x00\x02",
        "   ",
        "",
    ],
)
def test_any_input_is_safe(query):
    _doc(13, "en", "Children and families")
    search(query, kinds=[KIND], access_levels={"public"})

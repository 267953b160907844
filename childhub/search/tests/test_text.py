"""The text forms the index keeps besides the text as written: Latin script, the child lemma."""

from __future__ import annotations

import pytest

from childhub.search.text import cyrillic_to_latin, other_forms


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("деца", "deca"),
        ("Љубав и њега", "Ljubav i njega"),
        ("ЉУБАВ", "LjUBAV"),  # a capital digraph letter becomes a capitalised pair
        ("Џеп, Ђорђе, Ћирило", "Džep, Đorđe, Ćirilo"),
        ("ѓаволот ќе ѕвони", "gjavolot kje dzvoni"),  # Macedonian letters
        ("Дете is 5 years", "Dete is 5 years"),
        ("дети", "deti"),  # Russian letters the table shares; others (ы, э…) stay as they are
        ("мы", "mы"),
    ],
)
def test_serbian_and_macedonian_cyrillic_become_latin_letter_by_letter(cyrillic, latin):
    assert cyrillic_to_latin(cyrillic) == latin


def test_south_slavic_cyrillic_is_also_kept_in_latin_script():
    assert other_forms("Подршка деци у школи", "sr") == "Podrška deci u školi\ndete"
    assert other_forms("Подршка деци у школи", "bg") == "dete"  # the lemma, not the script
    assert other_forms("Support for children", "sr") == ""


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        ("Djeca i roditelji", "dete"),
        ("DJECI treba podrška", "dete"),
        ("djecax and xdeca", ""),  # only whole words
        ("deca_grupa", ""),  # an underscore is part of a word
        ("djecaé", ""),  # so is a letter with a diacritic
        ("dijete.", "dete"),
    ],
)
def test_the_child_lemma_joins_its_forms_as_whole_words_only(text, forms):
    assert other_forms(text, "hr") == forms

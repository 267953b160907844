"""The quick select renders what Django's select renders, for flat choices."""

from __future__ import annotations

from django import forms

from childhub.core.widgets import QuickSelect


class Pick(forms.Form):
    slow = forms.ChoiceField(choices=[("", "Any"), ("1", "Ana <b>"), ("2", "Ivan & co")], required=False)
    quick = forms.ChoiceField(
        choices=[("", "Any"), ("1", "Ana <b>"), ("2", "Ivan & co")], required=False, widget=QuickSelect
    )


def _options(html: str) -> list[str]:
    return [
        part.split(">", 1)[0].replace('selected=""', "selected").strip() for part in html.split("<option")[1:]
    ]


def test_it_marks_the_chosen_option_and_escapes_labels_like_djangos_select():
    form = Pick({"slow": "2", "quick": "2"})
    slow, quick = str(form["slow"]), str(form["quick"])
    assert _options(quick) == _options(slow)
    assert "Ana &lt;b&gt;" in quick and "Ivan &amp; co" in quick
    assert 'name="quick"' in quick and 'id="id_quick"' in quick
    assert '<option value="2" selected>' in quick

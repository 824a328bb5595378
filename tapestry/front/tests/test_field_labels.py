"""Every kind of field the shared form template renders has a label tied to its input: a list of
checkboxes or radios is a fieldset named by its legend (a `<label for="">` names nothing)."""

from __future__ import annotations

import re

from django import forms
from django.template.loader import render_to_string

CHOICES = [("a", "Apples"), ("b", "Bread")]


class Everything(forms.Form):
    text = forms.CharField(label="Your name")
    agree = forms.BooleanField(label="I agree", required=False)
    many = forms.MultipleChoiceField(
        label="Needs it meets", choices=CHOICES, widget=forms.CheckboxSelectMultiple
    )
    one = forms.ChoiceField(label="Contact by", choices=CHOICES, widget=forms.RadioSelect)
    pick = forms.ChoiceField(label="Program", choices=CHOICES)


def test_every_field_kind_is_named_for_assistive_technology():
    html = render_to_string("front/_form.html", {"form": Everything()})

    assert 'for=""' not in html
    for name in ("text", "agree", "pick"):
        assert re.search(rf'<label for="id_{name}">', html), name
    for legend in ("Needs it meets", "Contact by"):
        assert re.search(rf"<fieldset><legend>{legend}( <span[^>]*>\*</span>)?</legend>", html), legend
    for n in range(2):
        assert f'<label for="id_many_{n}">' in html and f'<label for="id_one_{n}">' in html

"""The shared form pieces (FieldSetup, ParsingForm) and the staff column factory."""

from __future__ import annotations

import pytest
from django import forms
from django.conf import settings
from django.db import models

from tapestry.access.models import User
from tapestry.people.models import Organisation
from tapestry.web.forms import FieldSetup, ParsingForm, ServiceForm
from tapestry.web.models import staff_column


class _ChoosingForm(FieldSetup, ServiceForm):
    lead = forms.ModelChoiceField(queryset=User.objects.none())
    backup = forms.ModelChoiceField(queryset=User.objects.none(), required=False)
    note = forms.CharField(required=False)

    choices_from = {"lead": "staff", "backup": "staff"}
    required_fields = ("note",)


def test_field_setup_sets_choices_from_keywords_and_requires_fields() -> None:
    staff = User.objects.filter(is_active=True)
    form = _ChoosingForm(staff=staff)
    # The field keeps a copy of the queryset it is given (`.all()`), so compare the queries.
    assert str(form.fields["lead"].queryset.query) == str(staff.query)
    assert str(form.fields["backup"].queryset.query) == str(staff.query)
    assert form.fields["note"].required


def test_field_setup_needs_its_keyword() -> None:
    with pytest.raises(KeyError):
        _ChoosingForm()


class _OrganisationNameForm(ParsingForm):
    class Meta:
        model = Organisation
        fields = ["name"]


def test_parsing_form_parses_without_the_model_validation() -> None:
    instance = Organisation()
    form = _OrganisationNameForm(data={"name": "Harbour House"}, instance=instance)
    # No database needed: the model's own full_clean (unique checks and all) is skipped,
    # and the instance is left as it was given.
    assert form.is_valid()
    assert form.cleaned_data["name"] == "Harbour House"
    assert instance.name != "Harbour House"


def test_staff_column_is_a_nullable_staff_key_kept_when_the_account_goes() -> None:
    field = staff_column()
    assert isinstance(field, models.ForeignKey)
    assert field.remote_field.model == settings.AUTH_USER_MODEL
    assert field.null and not field.blank
    assert field.remote_field.on_delete is models.SET_NULL
    assert field.remote_field.related_name == "+"
    assert staff_column(blank=True).blank

"""The form of an evidence pack: what it counts and over which years."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tapestry.needs.models import Need
from tapestry.thread.packs.models import MAX_YEARS, Pack
from tapestry.web.forms import FieldSetup, ServiceForm


def _this_year() -> int:
    return timezone.localdate().year


class PackForm(FieldSetup, ServiceForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    purpose = forms.CharField(
        label=_("Purpose"),
        max_length=300,
        required=False,
        help_text=Pack._meta.get_field("purpose").help_text,
    )
    needs = forms.ModelMultipleChoiceField(
        label=_("Needs it counts"),
        queryset=Need.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The campaign's needs are chosen at first."),
    )
    first_year = forms.IntegerField(label=_("First year"), min_value=2000, max_value=2100, initial=_this_year)
    last_year = forms.IntegerField(
        label=_("Last year"),
        min_value=2000,
        max_value=2100,
        initial=_this_year,
    )
    columns = forms.ChoiceField(
        label=_("Columns"), choices=Pack.Columns.choices, initial=Pack.Columns.QUARTER
    )
    include_stories = forms.BooleanField(
        label=_("Add consented stories"),
        required=False,
        initial=True,
        help_text=Pack._meta.get_field("include_stories").help_text,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    choices_from = {"needs": "needs"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["last_year"].help_text = gettext("Whole calendar years, at most %(n)s.") % {
            "n": MAX_YEARS
        }

    def fields_sent(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k not in ("version", "needs")}

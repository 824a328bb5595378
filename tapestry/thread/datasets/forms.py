"""The form that defines a research data set; the service checks the definition and says what is wrong."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tapestry.micro.cases.models import Case
from tapestry.needs.models import Need
from tapestry.people.models import Organisation
from tapestry.programs.models import Program
from tapestry.thread.datasets import catalogue
from tapestry.thread.datasets.models import DEFAULT_K, MIN_K, DateHandling
from tapestry.web.forms import DATE_INPUT, ServiceForm


class DataSetForm(ServiceForm):
    name = forms.CharField(label=_("Name"), max_length=150)
    purpose = forms.CharField(
        label=_("Purpose"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The question the research or evaluation asks, and who carries it out."),
    )
    fields = forms.MultipleChoiceField(
        label=_("Fields"),
        choices=catalogue.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("No name, address, phone, email, date of birth or case number is ever offered."),
        error_messages={"required": _("Choose at least one field for the data set.")},
    )
    period_start = forms.DateField(label=_("Period from"), widget=DATE_INPUT)
    period_end = forms.DateField(
        label=_("Period to"), widget=DATE_INPUT, help_text=_("Cases opened in the period.")
    )
    program = forms.ModelChoiceField(
        label=_("Program"), queryset=Program.objects.none(), required=False, empty_label=_("Any program")
    )
    need = forms.ModelChoiceField(
        label=_("Need"), queryset=Need.objects.none(), required=False, empty_label=_("Any need")
    )
    case_type = forms.ChoiceField(
        label=_("Case type"), choices=[("", _("Any type")), *Case.Type.choices], required=False
    )
    k = forms.IntegerField(
        initial=DEFAULT_K,
        min_value=MIN_K,
        max_value=1000,
        help_text=_("Every combination of quasi-identifiers is shared by at least k persons."),
    )
    date_handling = forms.ChoiceField(
        label=_("Date handling"), choices=DateHandling.choices, initial=DateHandling.SHIFT
    )
    max_suppressed_percent = forms.IntegerField(
        # xgettext:no-python-format
        label=_("Suppress at most (% of records)"),
        initial=5,
        min_value=0,
        max_value=50,
        help_text=_("Before generalising further, the search may remove up to this share of records."),
    )
    recipient_organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        required=False,
        label=_("Research partner"),
        help_text=_("Substance-use and school records go only to the organisation a research consent names."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["program"].queryset = Program.objects.order_by("name")
        self.fields["need"].queryset = Need.objects.filter(is_active=True).order_by("label")
        self.fields["recipient_organisation"].queryset = Organisation.objects.order_by("name")

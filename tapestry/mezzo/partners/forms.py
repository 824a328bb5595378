"""Forms of partnerships: an agreement, a contact at the partner, a referral the partner sent us."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy

from tapestry.access.models import User
from tapestry.mezzo.partners.models import Partnership
from tapestry.mezzo.partners.services import PARTNERSHIP_FIELDS
from tapestry.micro.cases.models import Case
from tapestry.needs.models import Need
from tapestry.people.models import Organisation, OrganisationContact
from tapestry.programs.models import Program
from tapestry.web.forms import DATE_INPUT, FieldSetup, ServiceForm, ServiceModelForm, StaffChoiceField


class CaseChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Case) -> str:
        return f"{obj.person.display_name}: {obj.number} {obj.get_case_type_display()}"


class PartnershipForm(FieldSetup, ServiceForm):
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Partner organisation"), queryset=Organisation.objects.none()
    )
    agreement_type = forms.ChoiceField(
        label=gettext_lazy("Type of agreement"), choices=Partnership.AgreementType.choices
    )
    status = forms.ChoiceField(choices=Partnership.Status.choices, initial=Partnership.Status.ACTIVE)
    signed_on = forms.DateField(label=gettext_lazy("Signed on"), required=False, widget=DATE_INPUT)
    starts_on = forms.DateField(
        label=gettext_lazy("Starts on"), widget=DATE_INPUT, initial=timezone.localdate
    )
    ends_on = forms.DateField(
        label=gettext_lazy("Ends on"),
        required=False,
        widget=DATE_INPUT,
        help_text=gettext_lazy("Agreements ending within 60 days are flagged for renewal."),
    )
    lead = StaffChoiceField(label=gettext_lazy("Our lead"), queryset=User.objects.none(), required=False)
    programs = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Shared programs"),
        queryset=Program.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    contacts = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Their contacts for this agreement"),
        queryset=OrganisationContact.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Add people at the partner from the partner page."),
    )
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=4000)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    choices_from = {
        "organisation": "organisations",
        "lead": "staff",
        "programs": "programs",
        "contacts": "contacts",
    }

    def __init__(self, *args: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if editing:
            # The partner of an agreement does not change; record a new agreement instead.
            del self.fields["organisation"]
            self.fields["version"].required = True

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in PARTNERSHIP_FIELDS}


class ContactForm(FieldSetup, ServiceModelForm):
    partnership = forms.ModelChoiceField(
        label=gettext_lazy("Contact for the agreement"),
        queryset=Partnership.objects.none(),
        required=False,
        help_text=gettext_lazy("Leave empty to add them as a contact at the organisation only."),
    )

    class Meta:
        model = OrganisationContact
        fields = ["name", "title", "phone", "email"]
        widgets = {"phone": forms.TextInput(attrs={"type": "tel"})}

    choices_from = {"partnership": "partnerships"}


class IncomingReferralForm(FieldSetup, ServiceForm):
    case = CaseChoiceField(
        label=gettext_lazy("Case"),
        queryset=Case.objects.none(),
        help_text=gettext_lazy(
            "Open cases you may change. Open a case for the person first if they are new."
        ),
    )
    received_on = forms.DateField(
        label=gettext_lazy("Received on"), widget=DATE_INPUT, initial=timezone.localdate
    )
    need = forms.ModelChoiceField(
        label=gettext_lazy("Main need"),
        queryset=Need.objects.none(),
        required=False,
        empty_label=gettext_lazy("Not recorded"),
    )
    reason = forms.CharField(
        label=gettext_lazy("What the partner asked us to do"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )

    choices_from = {"case": "cases", "need": "needs"}

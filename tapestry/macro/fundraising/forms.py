"""Forms of fundraising: a donor, a donation, its void, a recurring gift, an OSDI import."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from tapestry.macro.fundraising.models import Donation, Donor, RecurringGift
from tapestry.people.models import Organisation
from tapestry.web.forms import DATE_INPUT, FieldSetup, ServiceForm

MONEY = {"max_digits": 12, "decimal_places": 2, "min_value": Decimal("0.01")}


class DonorForm(FieldSetup, ServiceForm):
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"), choices=Donor.Kind.choices, initial=Donor.Kind.INDIVIDUAL
    )
    given_name = forms.CharField(label=gettext_lazy("Given name"), max_length=100, required=False)
    family_name = forms.CharField(label=gettext_lazy("Family name"), max_length=100, required=False)
    organisation_name = forms.CharField(
        label=gettext_lazy("Organisation name"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("For an organisation."),
    )
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("In our directory as"), queryset=Organisation.objects.none(), required=False
    )
    email = forms.EmailField(label=gettext_lazy("Email"), required=False)
    phone = forms.CharField(label=gettext_lazy("Phone"), max_length=40, required=False)
    street = forms.CharField(label=gettext_lazy("Street"), max_length=200, required=False)
    city = forms.CharField(label=gettext_lazy("City"), max_length=100, required=False)
    region = forms.CharField(label=gettext_lazy("State"), max_length=50, required=False)
    postal_code = forms.CharField(label=gettext_lazy("ZIP code"), max_length=20, required=False)
    no_mail = forms.BooleanField(label=gettext_lazy("Send them no post"), required=False)
    no_email = forms.BooleanField(label=gettext_lazy("Send them no email"), required=False)
    anonymous = forms.BooleanField(label=gettext_lazy("They give anonymously"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    choices_from = {"organisation": "organisations"}

    def fields_sent(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}


class DonationForm(FieldSetup, ServiceForm):
    donor = forms.ModelChoiceField(queryset=Donor.objects.none())
    amount = forms.DecimalField(
        label=gettext_lazy("Amount (USD)"),
        help_text=gettext_lazy("For a gift in kind, its fair value."),
        **MONEY,
    )
    received_on = forms.DateField(
        label=gettext_lazy("Received on"), widget=DATE_INPUT, initial=timezone.localdate
    )
    method = forms.ChoiceField(choices=Donation.Method.choices)
    in_kind_description = forms.CharField(
        label=gettext_lazy("What was given (in kind)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=4000,
    )
    fund = forms.ChoiceField(choices=Donation.Fund.choices, initial=Donation.Fund.UNRESTRICTED)
    program = forms.ModelChoiceField(
        queryset=None, required=False, help_text=gettext_lazy("For a restricted gift.")
    )
    campaign = forms.ModelChoiceField(queryset=None, required=False)
    recurring_gift = forms.ModelChoiceField(
        label=gettext_lazy("Instalment of"), queryset=None, required=False
    )
    reference = forms.CharField(
        max_length=100, required=False, help_text=gettext_lazy("Cheque number or transaction id.")
    )
    receipt = forms.BooleanField(label=gettext_lazy("Issue its receipt now"), required=False, initial=True)

    choices_from = {
        "donor": "donors",
        "program": "programs",
        "campaign": "campaigns",
        "recurring_gift": "gifts",
    }


class VoidForm(ServiceForm):
    reason = forms.CharField(
        max_length=500, help_text=gettext_lazy("Returned, recorded twice, cheque bounced...")
    )


class RecurringGiftForm(FieldSetup, ServiceForm):
    donor = forms.ModelChoiceField(queryset=Donor.objects.none())
    amount = forms.DecimalField(label=gettext_lazy("Amount (USD) each time"), **MONEY)
    frequency = forms.ChoiceField(choices=RecurringGift.Frequency.choices)
    starts_on = forms.DateField(
        label=gettext_lazy("First instalment on"), widget=DATE_INPUT, initial=timezone.localdate
    )
    ends_on = forms.DateField(label=gettext_lazy("Ends on"), widget=DATE_INPUT, required=False)
    status = forms.ChoiceField(choices=RecurringGift.Status.choices, initial=RecurringGift.Status.ACTIVE)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    choices_from = {"donor": "donors"}

    def fields_sent(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}


class OsdiImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("OSDI JSON file"), help_text=gettext_lazy("A collection of OSDI donations.")
    )

    MAX_BYTES = 5 * 1024 * 1024

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(
                gettext("The file is over 5 MB; split the donations into smaller files.")
            )
        try:
            return json.loads(upload.read().decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise forms.ValidationError(
                gettext("The file is not JSON: %(error)s.") % {"error": error}
            ) from error

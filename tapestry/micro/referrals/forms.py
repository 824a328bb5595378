"""Forms of referrals: a new referral, the service's answer, and sending."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from tapestry.micro.cases.models import CaseNeed
from tapestry.micro.referrals.models import Referral
from tapestry.micro.referrals.services import NO_PARTS
from tapestry.web.forms import FieldSetup, ServiceForm


class CaseNeedChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: CaseNeed) -> str:
        code = f" ({obj.need.icd10})" if obj.need.icd10 else ""
        return f"{obj.need.label}{code}: {obj.get_status_display().lower()}"


class ReferralForm(FieldSetup, ServiceForm):
    service = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=gettext_lazy("Reason for the referral"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=gettext_lazy(
            "What you ask the service to do. The service reads this; keep it to what they need to know."
        ),
    )
    urgency = forms.ChoiceField(
        label=gettext_lazy("Urgency"), choices=Referral.Urgency.choices, initial=Referral.Urgency.ROUTINE
    )
    needs = CaseNeedChoiceField(
        label=gettext_lazy("Needs this referral is for"),
        queryset=CaseNeed.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    parts = forms.MultipleChoiceField(
        label=gettext_lazy("What goes with the referral"),
        choices=Referral.PARTS,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Choose each part of the person's record the service will receive; notes never go. "
            "Nothing is sent without the person's consent in force for these parts and this service."
        ),
        error_messages={"required": NO_PARTS},
    )
    send_now = forms.BooleanField(
        label=gettext_lazy("Send it now (the consent check comes first)"), required=False
    )

    choices_from = {"needs": "case_needs"}


class StatusForm(ServiceForm):
    status = forms.ChoiceField(label=gettext_lazy("The service's answer"))
    decline_reason = forms.CharField(
        label=gettext_lazy("Why the service declined"),
        max_length=255,
        required=False,
        help_text=gettext_lazy("Needed when declined."),
    )
    note = forms.CharField(label=gettext_lazy("Note (optional)"), max_length=255, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, referral: Referral, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"version": referral.version})
        super().__init__(*args, **kwargs)
        labels = dict(Referral.Status.choices)
        self.fields["status"].choices = [(value, labels[value]) for value in referral.next_statuses()]


class SendForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)

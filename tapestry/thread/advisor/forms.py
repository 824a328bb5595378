"""The advisor's one-step forms: each names the suggestion acted on (the services judge it)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy


class EnrolForm(forms.Form):
    group = forms.IntegerField(min_value=1)
    wait_list = forms.BooleanField(
        required=False, label=gettext_lazy("Put on the waiting list if the group is full")
    )


class ReferForm(forms.Form):
    service = forms.IntegerField(min_value=1)
    need = forms.IntegerField(min_value=1)
    reason = forms.CharField(
        max_length=2000, required=False, label=gettext_lazy("What you ask the service to do")
    )


class TellForm(forms.Form):
    campaign = forms.IntegerField(min_value=1)
    need = forms.IntegerField(min_value=1)
    note = forms.CharField(
        max_length=2000, required=False, label=gettext_lazy("A note for the log (optional)")
    )

"""The advisor's one-step forms: each names the suggestion acted on (the services judge it)."""

from __future__ import annotations

from django import forms


class EnrolForm(forms.Form):
    group = forms.IntegerField(min_value=1)
    wait_list = forms.BooleanField(required=False, label="Put on the waiting list if the group is full")


class ReferForm(forms.Form):
    service = forms.IntegerField(min_value=1)
    need = forms.IntegerField(min_value=1)
    reason = forms.CharField(max_length=2000, required=False, label="What you ask the service to do")


class TellForm(forms.Form):
    campaign = forms.IntegerField(min_value=1)
    need = forms.IntegerField(min_value=1)
    note = forms.CharField(max_length=2000, required=False, label="A note for the log (optional)")

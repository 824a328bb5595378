"""Forms of supervision: a session held with a worker, and dismissing a duplicate pair."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tapestry.access.models import User
from tapestry.web.forms import DATE_INPUT, ServiceForm, StaffChoiceField

# Monthly supervision is the common standard; the supervisor changes it when it differs.
DEFAULT_INTERVAL_DAYS = 28


def _next_due() -> object:
    return timezone.localdate() + timedelta(days=DEFAULT_INTERVAL_DAYS)


class SupervisionSessionForm(ServiceForm):
    worker = StaffChoiceField(label=_("Worker"), queryset=User.objects.none())
    held_on = forms.DateField(label=_("Held on"), widget=DATE_INPUT, initial=timezone.localdate)
    next_due_on = forms.DateField(label=_("Next session due"), widget=DATE_INPUT, initial=_next_due)

    def __init__(self, *args: object, workers: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["worker"].queryset = workers

    def clean(self) -> dict:
        data = super().clean()
        held, due = data.get("held_on"), data.get("next_due_on")
        if held and due and due <= held:
            self.add_error("next_due_on", _("The next session must come after this one."))
        return data


class DismissPairForm(ServiceForm):
    first = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    second = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    reason = forms.CharField(
        label=_("Why they are two people"),
        max_length=300,
        help_text=_("For example: different parents named on the birth records."),
    )

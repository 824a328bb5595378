"""Forms of client alerts: resolve one with a reason, raise a worker's concern."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tapestry.micro.alerts.models import RAISED_BY_HAND
from tapestry.micro.alerts.services import REASON_MAX
from tapestry.web.forms import ServiceForm


class AlertResolveForm(ServiceForm):
    reason = forms.CharField(
        label=_("Why can this alert be resolved?"),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example what a clinical review or a new risk assessment found. It stays on file."),
        error_messages={"required": _("Say why the alert can be resolved.")},
    )


class AlertRaiseForm(ServiceForm):
    kind = forms.ChoiceField(
        label=_("Kind of concern"),
        choices=[(kind.value, kind.label) for kind in RAISED_BY_HAND],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what kind of concern this is.")},
    )
    reason = forms.CharField(
        label=_("Why"),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the next worker needs to know, e.g. a dog at the door, visit in pairs."),
        error_messages={"required": _("Say why you raise this alert.")},
    )

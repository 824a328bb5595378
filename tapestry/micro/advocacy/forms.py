"""Forms of the advocacy log: parse and check input; the services do the writes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from tapestry.micro.advocacy.models import AdvocacyAction
from tapestry.micro.advocacy.services import ACTION_FIELDS
from tapestry.people.models import Organisation
from tapestry.web.forms import DATE_INPUT, ServiceModelForm, VersionedForm


class AdvocacyActionForm(ServiceModelForm):
    class Meta:
        model = AdvocacyAction
        fields = list(ACTION_FIELDS)
        widgets = {
            "action_date": DATE_INPUT,
            "outcome_date": DATE_INPUT,
            "action_taken": forms.Textarea(attrs={"rows": 3}),
            "outcome_note": forms.Textarea(attrs={"rows": 2}),
            "rights_information": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {
            "action_date": gettext_lazy("Date"),
            "organisation": gettext_lazy("Agency contacted"),
            "agency": gettext_lazy("Agency or contact (if not in the list)"),
            "rights_information_given": gettext_lazy("Rights information was given to the client"),
            "rights_information": gettext_lazy("Rights information given"),
        }
        help_texts = {
            "action_taken": gettext_lazy(
                "What you did: the call, letter, meeting or appeal, and what you asked for."
            ),
            "outcome_date": gettext_lazy("Required once the outcome is anything but pending."),
        }

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].empty_label = gettext_lazy("Not in the list")

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in ACTION_FIELDS}


class AdvocacyActionEditForm(VersionedForm, AdvocacyActionForm):
    class Meta(AdvocacyActionForm.Meta):
        pass

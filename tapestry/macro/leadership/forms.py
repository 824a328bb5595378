"""Forms for compliance items: they parse what staff type, the services check and write it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from tapestry.macro.leadership import selectors
from tapestry.macro.leadership.models import ComplianceItem
from tapestry.macro.leadership.services import ITEM_FIELDS
from tapestry.web.forms import DATE_INPUT, ParsingForm, ServiceForm, StaffChoiceField, VersionedForm

TEXT = forms.Textarea(attrs={"rows": 3})


class ItemForm(ParsingForm):
    """A new compliance item; the service validates the whole record."""

    class Meta:
        model = ComplianceItem
        fields = ITEM_FIELDS
        labels = {
            "kind": gettext_lazy("Kind of item"),
            "due_on": gettext_lazy("Due on"),
            "every_months": gettext_lazy("Months apart"),
            "evidence": gettext_lazy("Evidence or reference"),
        }
        help_texts = {
            "recurrence": gettext_lazy(
                "Marking a recurring item done keeps the next one, due a period later."
            )
        }
        widgets = {"due_on": DATE_INPUT, "notes": TEXT}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"] = StaffChoiceField(
            queryset=selectors.staff_choices(), required=False, label=gettext_lazy("Owner"), with_role=True
        )

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class ItemEditForm(VersionedForm, ItemForm):
    class Meta(ItemForm.Meta):
        pass


class DoneForm(ServiceForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    done_on = forms.DateField(label=gettext_lazy("Done on"), widget=DATE_INPUT)
    evidence = forms.CharField(
        label=gettext_lazy("Evidence or reference"),
        max_length=300,
        required=False,
        help_text=gettext_lazy("Where the proof is kept: the certificate number, the audit report's file."),
    )


class WaiveForm(ServiceForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    reason = forms.CharField(label=gettext_lazy("Why it is waived"), max_length=300, widget=TEXT)

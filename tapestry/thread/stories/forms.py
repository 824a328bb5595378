"""Forms of stories: parse input; the services check the consent, the needs and the text."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tapestry.needs.models import Need
from tapestry.web.forms import ServiceForm


class StoryForm(ServiceForm):
    title = forms.CharField(label=_("Title"), max_length=200, help_text=_("A short title that names no one."))
    text = forms.CharField(
        label=_("The story"),
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "In the client's words where you can. Names, dates of birth, addresses, phones, emails and case "
            "numbers the record knows are replaced before anyone outside the case reads it; check the result."
        ),
    )
    needs = forms.ModelMultipleChoiceField(
        label=_("Needs"),
        queryset=Need.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The case's needs the story speaks to."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args: Any, needs: QuerySet[Need], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["needs"].queryset = needs

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in ("title", "text", "needs")}


class ReviewForm(ServiceForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class ReturnForm(ReviewForm):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What still identifies the client, or what the worker should change."),
    )

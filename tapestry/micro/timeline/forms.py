"""The timeline's filter: one kind of event, one case, or everything."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext, gettext_lazy

from tapestry.micro.cases.models import Case


class TimelineFilterForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Kind of event"), required=False)
    case = forms.ChoiceField(label=gettext_lazy("Case"), required=False)

    def __init__(self, data: object, *, kinds: list[tuple[str, str]], cases: list[Case]) -> None:
        super().__init__(data)
        self.fields["kind"].choices = [("", gettext("All kinds")), *kinds]
        self.fields["case"].choices = [
            ("", gettext("All cases and the person's record")),
            *((str(case.pk), f"{case.number} {case.get_case_type_display()}") for case in cases),
        ]
        self.fields["kind"].error_messages["invalid_choice"] = gettext(
            "There is no event of this kind on this timeline; showing every kind."
        )
        self.fields["case"].error_messages["invalid_choice"] = gettext(
            "This case is not one you may see on this timeline; showing every case."
        )

    def chosen(self) -> tuple[str, int | None]:
        """The kind and case to show; a choice that is not valid shows everything (its error says so)."""
        if not self.is_bound:
            return "", None
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        case = data.get("case") or ""
        return data.get("kind") or "", int(case) if case else None

"""Forms for opening, editing, holding and closing cases, and for the needs on them.

Forms parse and check input; the services do the writes and hold the rules. A service's
ValidationError is shown beside the field it names (`show_service_errors`).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext, gettext_lazy

from tapestry.access.models import Segment, User
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.needs.models import Barrier, Domain, Need
from tapestry.people.forms import PersonChoiceField
from tapestry.people.models import Household, Person
from tapestry.programs.models import Program
from tapestry.web.forms import FieldSetup, ServiceForm, StaffChoiceField

GENERAL = ""


class NeedChoiceField(forms.ModelChoiceField):
    """Needs grouped by domain, each with its ICD-10-CM code where it has one."""

    def label_from_instance(self, obj: Need) -> str:
        return f"{obj.label} ({obj.icd10})" if obj.icd10 else obj.label

    def grouped_choices(self) -> list[tuple[str, Any]]:
        groups: dict[str, list[tuple[int, str]]] = {}
        for need in self.queryset:
            groups.setdefault(Domain(need.domain).label, []).append((need.pk, self.label_from_instance(need)))
        return [("", self.empty_label), *groups.items()]


def _types_for(segments: list[str]) -> list[tuple[str, str]]:
    """Case types the user may open: those whose own segment (if any) they are granted."""
    return [
        (value, label)
        for value, label in Case.Type.choices
        if Case.SEGMENT_OF_TYPE.get(value, GENERAL) in (GENERAL, *segments)
    ]


class CaseFactsForm(FieldSetup, ServiceForm):
    """The facts of a case that are chosen at intake and may change later."""

    case_type = forms.ChoiceField(
        label=gettext_lazy("Type of case"),
        help_text=gettext_lazy(
            "Child-welfare, school and substance-use cases go in their own protected segment."
        ),
    )
    presenting_problem = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("What brings the person to the agency, in their words where you can."),
    )
    referral_source = forms.CharField(
        required=False,
        max_length=200,
        help_text=gettext_lazy("Who sent them: self, school, hospital, court, another agency…"),
    )
    worker = StaffChoiceField(
        with_role=True,
        label=gettext_lazy("Assigned worker"),
        queryset=User.objects.none(),
        help_text=gettext_lazy("The worker who holds the case."),
    )
    program = forms.ModelChoiceField(
        queryset=Program.objects.none(), required=False, empty_label=gettext_lazy("No program")
    )
    household = forms.ModelChoiceField(
        queryset=Household.objects.none(),
        required=False,
        empty_label=gettext_lazy("Not family work"),
        help_text=gettext_lazy("For family work: the household the case is about."),
    )

    choices_from = {"worker": "workers", "program": "programs", "household": "households"}

    def __init__(self, *args: Any, segments: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.segments = segments
        self.fields["case_type"].choices = [("", gettext("Choose a type")), *_types_for(segments)]

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.fields if name not in ("version", "segment")}


class CaseOpenForm(CaseFactsForm):
    segment = forms.ChoiceField(
        label=gettext_lazy("Sensitive segment"),
        required=False,
        help_text=gettext_lazy(
            "Leave on “Set by the type of case” unless this case must be protected like a sensitive one. "
            "Only segments you are granted are offered."
        ),
    )

    field_order = [
        "case_type",
        "segment",
        "presenting_problem",
        "referral_source",
        "worker",
        "program",
        "household",
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(Segment.choices)
        self.fields["segment"].choices = [
            (GENERAL, gettext("Set by the type of case")),
            *((segment, labels[segment]) for segment in self.segments),
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        case_type = data.get("case_type")
        if case_type:
            required = Case.SEGMENT_OF_TYPE.get(case_type, GENERAL)
            chosen = data.get("segment", GENERAL)
            if required and chosen not in (GENERAL, required):
                self.add_error(
                    "segment",
                    gettext("A %(type)s case belongs to the %(segment)s segment.")
                    % {"type": str(Case.Type(case_type).label).lower(), "segment": Segment(required).label},
                )
            elif required:
                data["segment"] = required
        return data


class CaseEditForm(CaseFactsForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        # A case keeps its segment, so only the types of that segment are offered.
        segments = [case.segment] if case.segment else []
        super().__init__(*args, segments=segments, **kwargs)
        if case.segment:
            self.fields["case_type"].choices = [
                (value, label)
                for value, label in Case.Type.choices
                if Case.SEGMENT_OF_TYPE.get(value, GENERAL) == case.segment
            ] or [(case.case_type, case.get_case_type_display())]
        else:
            self.fields["case_type"].choices = [
                (value, label) for value, label in Case.Type.choices if value not in Case.SEGMENT_OF_TYPE
            ]
        self.fields["case_type"].help_text = gettext(
            "To move a case into another segment, close it and open a new one."
        )
        if not self.is_bound:
            self.initial.update(
                {
                    "case_type": case.case_type,
                    "presenting_problem": case.presenting_problem,
                    "referral_source": case.referral_source,
                    "worker": case.worker_id,
                    "program": case.program_id,
                    "household": case.household_id,
                    "version": case.version,
                }
            )


class PersonPickForm(FieldSetup, forms.Form):
    """Step one of opening a case without a person in the address: whom is it for?"""

    person = PersonChoiceField(
        queryset=Person.objects.none(), help_text=gettext_lazy("People whose records you can change.")
    )

    choices_from = {"person": "persons"}


class CaseHoldForm(ServiceForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    reason = forms.CharField(
        label=gettext_lazy("Why is the case on hold?"),
        max_length=255,
        required=False,
        help_text=gettext_lazy("For example: in hospital, travelling, waiting for a court date."),
    )


class CaseReopenForm(ServiceForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class CaseCloseForm(ServiceForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    closing_reason = forms.ChoiceField(
        label=gettext_lazy("Reason for closing"),
        choices=[("", gettext_lazy("Choose a reason")), *Case.ClosingReason.choices],
    )
    closing_note = forms.CharField(
        label=gettext_lazy("Closing note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("What was achieved, and anything a future worker should know."),
    )


class CaseNeedAddForm(ServiceForm):
    need = NeedChoiceField(
        queryset=Need.objects.none(),
        empty_label=gettext_lazy("Choose a need"),
        help_text=gettext_lazy("ICD-10-CM Z codes (Z55-Z65) are shown where one exists."),
    )
    note = forms.CharField(
        required=False, max_length=255, help_text=gettext_lazy("Optional: what the need looks like here.")
    )

    def __init__(self, *args: Any, needs: QuerySet[Need], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["need"]
        field.queryset = needs
        field.choices = field.grouped_choices()


class CaseNeedStatusForm(FieldSetup, ServiceForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    status = forms.ChoiceField(label=gettext_lazy("New status"), choices=CaseNeed.Status.choices)
    barrier = forms.ModelChoiceField(
        queryset=Barrier.objects.none(),
        required=False,
        empty_label=gettext_lazy("No barrier"),
        help_text=gettext_lazy("Required when the need is unmet: what stood in the way."),
    )
    note = forms.CharField(required=False, max_length=255)

    choices_from = {"barrier": "barriers"}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("status") == CaseNeed.Status.UNMET and not data.get("barrier"):
            self.add_error("barrier", gettext("Say what stood in the way of an unmet need."))
        elif data.get("status") and data.get("status") != CaseNeed.Status.UNMET and data.get("barrier"):
            self.add_error("barrier", gettext("A barrier is recorded only when the need is unmet."))
        return data


class CaseListFilterForm(forms.Form):
    """The case list's filters and sort: each choice is one the list knows; anything else is an error here."""

    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[*Case.Status.choices, ("all", gettext_lazy("All"))],
        initial=Case.Status.OPEN,
    )
    type = forms.ChoiceField(
        label=gettext_lazy("Type"),
        required=False,
        choices=[("", gettext_lazy("All types")), *Case.Type.choices],
    )
    worker = StaffChoiceField(
        label=gettext_lazy("Worker"),
        queryset=User.objects.none(),
        required=False,
        empty_label=gettext_lazy("Any worker"),
    )
    program = forms.ModelChoiceField(
        label=gettext_lazy("Program"),
        queryset=Program.objects.none(),
        required=False,
        empty_label=gettext_lazy("Any program"),
    )
    need = NeedChoiceField(
        label=gettext_lazy("Need"),
        queryset=Need.objects.none(),
        required=False,
        empty_label=gettext_lazy("Any need"),
    )
    sort = forms.ChoiceField(
        label=gettext_lazy("Sort"),
        required=False,
        choices=[],
        error_messages={
            "invalid_choice": gettext_lazy(
                "The list cannot be sorted by “%(value)s”; pick a column to sort by."
            )
        },
    )

    def __init__(
        self, *args: Any, workers: QuerySet[User], sorts: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["worker"].queryset = workers
        self.fields["program"].queryset = Program.objects.order_by("name")
        self.fields["need"].queryset = Need.objects.order_by("domain", "label")
        self.fields["sort"].choices = sorts

    def filters(self) -> dict[str, Any]:
        """The selector's keyword arguments from the cleaned choices (call after is_valid())."""
        data = self.cleaned_data
        status = data.get("status") or Case.Status.OPEN
        return {
            "status": "" if status == "all" else status,
            "case_type": data.get("type") or "",
            "worker_id": data["worker"].pk if data.get("worker") else None,
            "program_id": data["program"].pk if data.get("program") else None,
            "need_id": data["need"].pk if data.get("need") else None,
        }

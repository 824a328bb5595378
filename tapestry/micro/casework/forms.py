"""Forms for care plans, goals, tasks, reviews, notes, addenda and services: they parse, services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tapestry.access.models import User
from tapestry.micro.cases.models import CaseNeed
from tapestry.micro.casework.models import (
    RATING_VALIDATORS,
    CarePlan,
    Goal,
    ProgressNote,
    ProgressReview,
    ServiceRecord,
    Task,
)
from tapestry.micro.casework.services.notes import NOTE_FIELDS
from tapestry.people.mentions import mention
from tapestry.people.models import Person
from tapestry.web.forms import DATE_INPUT, FieldSetup, ServiceErrors, ServiceModelForm, StaffChoiceField

ATTESTATION_REQUIRED = _("Tick the attestation to sign: you confirm the note is accurate and complete.")
RATINGS = [("", _("Not rated")), *[(str(n), format_lazy(_("{n} of 5"), n=n)) for n in range(1, 6)]]
REASON_HELP = _("Kept with the plan's history, e.g. 'agreed with the client at the review'.")


class NeedChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: CaseNeed) -> str:
        code = f" ({obj.need.icd10})" if obj.need.icd10 else ""
        return f"{obj.need.label}{code}, {str(obj.get_status_display()).lower()}"


class PersonPresentField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        return str(
            mention(obj, nameable=getattr(obj, "nameable", False), relation=gettext("household member"))
        )


def _rating_field(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=RATINGS,
        coerce=int,
        empty_value=None,
        required=False,
        validators=RATING_VALIDATORS,
        help_text=_("1 means no progress, 5 means the goal is met."),
    )


class Versioned(forms.Form):
    """Carries the version the record was read at (optimistic concurrency)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class _RecordForm(ServiceModelForm):
    """Adds a record or changes one. A new record has no status to choose yet; a change carries the
    version the record was read at. `changes()` gives the `changeable` fields this form shows."""

    changeable: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.fields.pop("status", None)
        else:
            self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
            if not self.is_bound:
                self.initial["version"] = self.instance.version

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.changeable if name in self.fields}


# Care plans ---------------------------------------------------------------------------------


class PlanForm(ServiceErrors, forms.Form):
    summary = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), help_text=CarePlan._meta.get_field("summary").help_text
    )
    next_review_on = forms.DateField(
        label=_("Next review"),
        required=False,
        widget=DATE_INPUT,
        help_text=_("When to review the plan with the client."),
    )
    reason = forms.CharField(
        label=_("Why the plan changes"), max_length=255, required=False, help_text=REASON_HELP
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, plan: CarePlan | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plan = plan
        if plan is None:
            del self.fields["reason"], self.fields["version"]
        else:
            self.fields["reason"].required = True
            self.fields["version"].required = True
            if not self.is_bound:
                self.initial.update(
                    summary=plan.summary, next_review_on=plan.next_review_on, version=plan.version
                )


class GoalForm(FieldSetup, _RecordForm):
    needs = NeedChoiceField(
        label=_("Needs this goal addresses"),
        queryset=CaseNeed.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The coded needs recorded on the case."),
    )
    reason = forms.CharField(label=_("Why"), max_length=255, required=False, help_text=REASON_HELP)

    changeable = ("description", "measure", "target", "target_date", "status")
    choices_from = {"needs": "needs"}

    class Meta:
        model = Goal
        fields = ["description", "measure", "target", "target_date", "status", "needs"]
        widgets = {"target_date": DATE_INPUT}
        labels = {"target_date": _("Target date")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = self.instance.pk is not None


class TaskForm(FieldSetup, _RecordForm):
    owner = StaffChoiceField(
        queryset=User.objects.none(), help_text=_("They must be able to open this case.")
    )

    changeable = ("title", "details", "owner", "due_on", "goal", "status")
    choices_from = {"owner": "staff", "goal": "goals"}

    class Meta:
        model = Task
        fields = ["title", "details", "owner", "due_on", "goal", "status"]
        widgets = {"due_on": DATE_INPUT, "details": forms.Textarea(attrs={"rows": 3})}
        labels = {"due_on": _("Due"), "goal": _("Towards goal")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["goal"].empty_label = _("No particular goal")


class ReviewForm(ServiceModelForm):
    overall_rating = _rating_field(_("Overall progress"))

    class Meta:
        model = ProgressReview
        fields = ["reviewed_on", "overall_rating", "narrative", "next_review_on"]
        widgets = {
            "reviewed_on": DATE_INPUT,
            "next_review_on": DATE_INPUT,
            "narrative": forms.Textarea(attrs={"rows": 5}),
        }
        labels = {"reviewed_on": _("Date of the review"), "next_review_on": _("Next review")}

    def __init__(self, *args: Any, goals: list[Goal], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.goals = goals
        for goal in goals:
            self.fields[f"goal_{goal.pk}_rating"] = _rating_field(
                gettext("Progress on: %(goal)s") % {"goal": goal.description}
            )
            self.fields[f"goal_{goal.pk}_comment"] = forms.CharField(
                label=gettext("Comment on: %(goal)s") % {"goal": goal.description},
                max_length=255,
                required=False,
            )

    def goal_ratings(self) -> list[tuple[Goal, int, str]]:
        data = self.cleaned_data
        return [
            (goal, data[f"goal_{goal.pk}_rating"], data[f"goal_{goal.pk}_comment"])
            for goal in self.goals
            if data.get(f"goal_{goal.pk}_rating") is not None
        ]


# Notes --------------------------------------------------------------------------------------


class NoteForm(_RecordForm):
    """The fields of one note format; a family session may tick household members present."""

    present = PersonPresentField(
        label=_("Family members present"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For a family session: the members of the case's household who took part."),
    )
    goals = forms.ModelMultipleChoiceField(
        label=_("Goals this contact worked on"),
        queryset=Goal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Goals of the case's care plan."),
    )
    attested = forms.BooleanField(
        label=_("I attest this note is accurate and complete."),
        required=False,
        help_text=_("Needed only to sign now; saving a draft does not ask for it."),
    )
    changeable = NOTE_FIELDS

    class Meta:
        model = ProgressNote
        fields = [
            *NOTE_FIELDS,
            "present",
            "goals",
        ]
        widgets = {
            "contact_date": DATE_INPUT,
            **{name: forms.Textarea(attrs={"rows": 4}) for name in ProgressNote.ALL_SECTIONS},
        }
        labels = {
            "contact_date": _("Date of contact"),
            "duration_minutes": _("Duration (minutes)"),
            "contact_type": _("Type of contact"),
            "location": _("Location"),
            "others_present": _("Others present"),
            "segment": _("Kind of note"),
        }

    def __init__(
        self,
        *args: Any,
        members: QuerySet[Person],
        segments: list[tuple[str, str]],
        goals: QuerySet[Goal] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        note = self.instance
        self.fields["contact_type"].choices = [("", _("Not recorded")), *ProgressNote.ContactType.choices]
        goals = goals if goals is not None else Goal.objects.none()
        self.fields["goals"].queryset = goals
        if not goals.exists():
            del self.fields["goals"]
        for name in ProgressNote.ALL_SECTIONS:
            if name not in ProgressNote.SECTIONS[note.format]:
                del self.fields[name]
        self.fields["segment"].choices = segments
        if len(segments) == 1:
            self.fields["segment"].widget = forms.HiddenInput()
        self.fields["present"].queryset = members
        if not members.exists() and not (note.pk and note.present.exists()):
            del self.fields["present"]

    def sections(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in ProgressNote.ALL_SECTIONS if name in self.fields}

    def present_persons(self) -> list[Person] | None:
        return list(self.cleaned_data["present"]) if "present" in self.fields else None

    def clean(self) -> dict[str, Any]:
        # "Sign and lock" on the form itself: the attestation is asked before anything is saved.
        cleaned = super().clean()
        if self.data.get("sign") and not cleaned.get("attested"):
            self.add_error("attested", ATTESTATION_REQUIRED)
        return cleaned

    def linked_goals(self) -> list[Goal] | None:
        return list(self.cleaned_data["goals"]) if "goals" in self.fields else None


class SignForm(ServiceErrors, Versioned):
    attested = forms.BooleanField(
        label=_("I attest this note is accurate and complete."),
        required=True,
        error_messages={
            "required": _("Tick the attestation to sign: you confirm the note is accurate and complete.")
        },
    )


class AddendumForm(ServiceErrors, forms.Form):
    text = forms.CharField(
        label=_("Addendum"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What is corrected or added, and why. The signed note itself stays as it was."),
    )


# Services delivered -------------------------------------------------------------------------


class ServiceForm(FieldSetup, ServiceModelForm):
    staff = StaffChoiceField(queryset=User.objects.none(), label=_("Delivered by"))
    note = forms.ModelChoiceField(
        queryset=ProgressNote.objects.none(), required=False, label=_("Note"), empty_label=_("No note")
    )

    class Meta:
        model = ServiceRecord
        fields = ["delivered_on", "service_type", "minutes", "modality", "staff", "note", "description"]
        widgets = {"delivered_on": DATE_INPUT}
        labels = {
            "delivered_on": _("Date"),
            "service_type": _("Service"),
            "description": _("Description (optional)"),
        }

    choices_from = {"staff": "staff", "note": "notes"}

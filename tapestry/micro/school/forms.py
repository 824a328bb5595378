"""Forms for school social work: they parse input; the services decide and write."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_lazy

from tapestry.micro.school.models import (
    AttendanceRecord,
    BehaviourIncident,
    EducationSupportPlan,
    FamilyEngagement,
    Student,
)
from tapestry.micro.school.services import AttendanceDay
from tapestry.people.models import Organisation
from tapestry.web.forms import DATE_INPUT, ParsingForm, ServiceForm


class EnrolForm(ParsingForm):
    class Meta:
        model = Student
        fields = [
            "school",
            "grade",
            "student_number",
            "enrolled_on",
            "left_on",
            "directory_opt_out",
            "directory_opt_out_on",
        ]
        widgets = {"enrolled_on": DATE_INPUT, "left_on": DATE_INPUT, "directory_opt_out_on": DATE_INPUT}
        help_texts = {"left_on": gettext_lazy("Only if the student has already left this school.")}

    def __init__(self, *args: Any, schools: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools
        self.fields["school"].empty_label = gettext("Choose a school")


class AttendanceWeekForm(ServiceForm):
    """Five school days of one week on one screen: one choice and an optional note per day."""

    NOT_RECORDED = ""

    def __init__(
        self, *args: Any, monday: dt.date, existing: dict[dt.date, AttendanceRecord], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.days = [monday + dt.timedelta(days=n) for n in range(5)]
        choices = [(self.NOT_RECORDED, gettext("Not recorded")), *AttendanceRecord.Status.choices]
        for index, day in enumerate(self.days):
            record = existing.get(day)
            self.fields[f"status_{index}"] = forms.ChoiceField(
                label=date_format(day, "l d F"),
                choices=choices,
                required=False,
                initial=record.status if record else self.NOT_RECORDED,
            )
            self.fields[f"note_{index}"] = forms.CharField(
                label=gettext("Note for %(day)s") % {"day": date_format(day, "l")},
                max_length=255,
                required=False,
                initial=record.note if record else "",
            )

    def rows(self) -> list[tuple[dt.date, forms.BoundField, forms.BoundField]]:
        return [(day, self[f"status_{n}"], self[f"note_{n}"]) for n, day in enumerate(self.days)]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not self.errors and not self.attendance_days():
            raise ValidationError(gettext("Choose an attendance status for at least one day."))
        return data

    def attendance_days(self) -> list[AttendanceDay]:
        """The days given a status; days left 'Not recorded' are left as they are."""
        return [
            AttendanceDay(day, self.cleaned_data[f"status_{n}"], self.cleaned_data.get(f"note_{n}", ""))
            for n, day in enumerate(self.days)
            if self.cleaned_data.get(f"status_{n}")
        ]

    def show_service_errors(self, error: ValidationError) -> None:
        """The service keys errors by the position among the days sent; put each by its day."""
        sent = [n for n, day in enumerate(self.days) if self.cleaned_data.get(f"status_{n}")]
        for key, messages in error.message_dict.items():
            if key.startswith("days."):
                self.add_error(f"status_{sent[int(key.split('.')[1])]}", messages)
            else:
                self.add_error(None, messages)


class IncidentForm(ParsingForm):
    class Meta:
        model = BehaviourIncident
        fields = ["student", "occurred_on", "kind", "description", "action_taken", "parents_notified"]
        widgets = {
            "occurred_on": DATE_INPUT,
            "description": forms.Textarea(attrs={"rows": 4}),
            "action_taken": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"kind": gettext_lazy("What happened"), "occurred_on": gettext_lazy("Date")}
        help_texts = {"description": gettext_lazy("What was seen and said; facts, not judgements.")}

    def __init__(self, *args: Any, students: QuerySet[Student], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["student"].queryset = students
        self.fields["student"].label_from_instance = lambda s: f"{s.person.display_name} at {s.school}"


class SupportPlanForm(ParsingForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    class Meta:
        model = EducationSupportPlan
        fields = ["goals", "accommodations", "services", "review_on"]
        widgets = {
            "goals": forms.Textarea(attrs={"rows": 4}),
            "accommodations": forms.Textarea(attrs={"rows": 3}),
            "services": forms.Textarea(attrs={"rows": 3}),
            "review_on": DATE_INPUT,
        }

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class EngagementForm(ParsingForm):
    class Meta:
        model = FamilyEngagement
        fields = ["occurred_on", "contact_with", "method", "summary"]
        widgets = {"occurred_on": DATE_INPUT, "summary": forms.Textarea(attrs={"rows": 4})}
        labels = {"occurred_on": gettext_lazy("Date")}


class FollowUpForm(ServiceForm):
    note = forms.CharField(
        label=gettext_lazy("What was done"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "A call home, a meeting with the family, a referral: whatever followed the alert."
        ),
    )


class DirectoryOptOutForm(ServiceForm):
    opt_out = forms.BooleanField(
        label=gettext_lazy("The parent or eligible student refuses disclosure of directory information"),
        required=False,
        help_text=gettext_lazy(
            "FERPA 34 CFR 99.37(a)(2). The refusal holds after the student leaves (99.37(b))."
        ),
    )
    on = forms.DateField(
        label=gettext_lazy("Date the refusal was received"),
        required=False,
        widget=DATE_INPUT,
        help_text=gettext_lazy("Default: today."),
    )

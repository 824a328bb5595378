"""Forms of cohorts: the cohort, adding a case, and the four bulk actions over chosen members."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy

from tapestry.mezzo.cohorts import services
from tapestry.mezzo.cohorts.models import Cohort, CohortMember
from tapestry.mezzo.cohorts.selectors import service_choices
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.selectors import worker_choices
from tapestry.micro.referrals.models import Referral
from tapestry.needs.models import Need
from tapestry.programs.models import Program
from tapestry.web.forms import DATE_INPUT, FieldSetup, ServiceForm, StaffChoiceField


class CohortForm(ServiceForm):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=150,
        help_text=gettext_lazy("e.g. 'Refugee resettlement spring intake'."),
    )
    situation = forms.ChoiceField(label=gettext_lazy("Shared situation"), choices=Cohort.Situation.choices)
    description = forms.CharField(
        label=gettext_lazy("About the cohort"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "What the members have in common and what you work on together; no client details."
        ),
    )
    program = forms.ModelChoiceField(
        label=gettext_lazy("Program"),
        queryset=Program.objects.filter(is_active=True),
        required=False,
        empty_label=gettext_lazy("None"),
    )
    lead = StaffChoiceField(label=gettext_lazy("Lead worker"), queryset=worker_choices())


class CohortEditForm(CohortForm):
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=Cohort.Status.choices)
    version = forms.IntegerField(widget=forms.HiddenInput)


class CaseChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Case) -> str:
        return f"{obj.person.display_name} · {obj.number} · {obj.get_case_type_display()}"


class MemberAddForm(FieldSetup, ServiceForm):
    case = CaseChoiceField(
        label=gettext_lazy("Case"),
        queryset=Case.objects.none(),
        empty_label=gettext_lazy("Choose a case"),
        help_text=gettext_lazy("Cases you may change that are not closed and not already in the cohort."),
    )

    choices_from = {"case": "cases"}


class MemberChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: CohortMember) -> str:
        return f"{obj.case.person.display_name} ({obj.case.number})"


class BulkActionForm(ServiceForm):
    """The members to act on (all visible members unless unticked) and the action's own fields."""

    # The action this form describes: its fields are named as the item's are.
    item_class: type[services.BulkItem]
    members = MemberChoiceField(
        label=gettext_lazy("Members"),
        queryset=CohortMember.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Choose at least one member of the cohort.")},
        help_text=gettext_lazy(
            "Each member is checked on their own: the report says who was done and who was skipped."
        ),
    )

    def __init__(self, *args: Any, members: list[CohortMember], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["members"]
        field.queryset = CohortMember.objects.filter(pk__in=[m.pk for m in members])
        # The members are already loaded with their cases; offering them needs no further query.
        field.choices = [(m.pk, field.label_from_instance(m)) for m in members]
        self._members = {m.pk: m for m in members}
        if not self.is_bound:
            self.initial["members"] = [m.pk for m in members]

    def clean_members(self) -> list[CohortMember]:
        chosen = self.cleaned_data["members"]
        return [self._members[m.pk] for m in chosen]

    def item(self) -> services.BulkItem:
        data = self.cleaned_data
        return self.item_class(**{field.name: data[field.name] for field in fields(self.item_class)})


class GoalActionForm(BulkActionForm):
    item_class = services.GoalItem
    description = forms.CharField(
        label=gettext_lazy("Goal"),
        max_length=255,
        help_text=gettext_lazy("What will change, in plain words."),
    )
    measure = forms.CharField(label=gettext_lazy("How progress is measured"), max_length=255)
    target = forms.CharField(
        label=gettext_lazy("Target"),
        max_length=120,
        help_text=gettext_lazy("The value that means the goal is met."),
    )
    target_date = forms.DateField(label=gettext_lazy("Target date"), widget=DATE_INPUT)
    need = forms.ModelChoiceField(
        label=gettext_lazy("Need it addresses (optional)"),
        queryset=Need.objects.filter(is_active=True).order_by("domain", "label"),
        required=False,
        empty_label=gettext_lazy("None"),
        help_text=gettext_lazy("Linked on each member's case that records this need."),
    )


class TaskActionForm(BulkActionForm):
    item_class = services.TaskItem
    title = forms.CharField(label=gettext_lazy("Task"), max_length=200)
    details = forms.CharField(
        label=gettext_lazy("Details"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    due_on = forms.DateField(label=gettext_lazy("Due on"), widget=DATE_INPUT)
    owner = StaffChoiceField(
        label=gettext_lazy("Owner"),
        queryset=worker_choices(),
        required=False,
        empty_label=gettext_lazy("Each case's own worker"),
        help_text=gettext_lazy(
            "A named owner must be able to open each case; members they cannot are skipped."
        ),
    )


class NoteActionForm(BulkActionForm):
    item_class = services.BulkNote
    title = forms.CharField(
        label=gettext_lazy("Subject"),
        max_length=120,
        required=False,
        help_text=gettext_lazy("e.g. 'Orientation session'."),
    )
    text = forms.CharField(
        label=gettext_lazy("Note"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy(
            "The same contact note goes on each case as a draft; each worker reviews and signs it."
        ),
    )
    contact_date = forms.DateField(
        label=gettext_lazy("Date of contact"), widget=DATE_INPUT, initial=timezone.localdate
    )
    duration_minutes = forms.IntegerField(
        label=gettext_lazy("Minutes"), required=False, min_value=1, max_value=24 * 60
    )


class ReferralActionForm(BulkActionForm):
    item_class = services.BulkReferral
    # A service is offered as its name and organisation (`Service.__str__`).
    service = forms.ModelChoiceField(
        label=gettext_lazy("Service"),
        queryset=service_choices(),
        empty_label=gettext_lazy("Choose a service"),
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason for the referral"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("What you ask the service to do; the service reads this for every member."),
    )
    urgency = forms.ChoiceField(
        label=gettext_lazy("Urgency"), choices=Referral.Urgency.choices, initial="routine"
    )
    parts = forms.MultipleChoiceField(
        label=gettext_lazy("What goes with each referral"),
        choices=Referral.PARTS,
        initial=["identity"],
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Each referral is sent only where the member's consent in force allows it."),
    )

    def clean_parts(self) -> tuple[str, ...]:
        return tuple(self.cleaned_data["parts"])


FORM_OF_KIND: dict[str, type[BulkActionForm]] = {
    form.item_class.kind: form
    for form in (GoalActionForm, TaskActionForm, NoteActionForm, ReferralActionForm)
}

"""Forms of family plans: the plan, a goal for the family, and a referral from a goal."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from tapestry.directory.models import Service
from tapestry.mezzo.families.models import FamilyGoal, FamilyPlan
from tapestry.mezzo.families.services import GOAL_FIELDS
from tapestry.micro.referrals.models import Referral
from tapestry.micro.referrals.services import NO_PARTS
from tapestry.needs.models import Need
from tapestry.people.mentions import member_mention
from tapestry.people.models import HouseholdMember, Person
from tapestry.web.forms import DATE_INPUT, FieldSetup, ServiceForm


class PlanForm(ServiceForm):
    strengths = forms.CharField(
        label=gettext_lazy("The family's strengths"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text=gettext_lazy("What the family does well and can build on, in their words where you can."),
    )
    concerns = forms.CharField(
        label=gettext_lazy("Concerns"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )
    next_review_on = forms.DateField(label=gettext_lazy("Next review"), required=False, widget=DATE_INPUT)
    reason = forms.CharField(
        label=gettext_lazy("Why the plan changes (optional)"),
        max_length=255,
        required=False,
        help_text=gettext_lazy("Kept with the plan's history, e.g. 'agreed at the family meeting'."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, plan: FamilyPlan | None, **kwargs: Any) -> None:
        if plan is not None:
            initial = {
                name: getattr(plan, name) for name in ("strengths", "concerns", "next_review_on", "version")
            }
            kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        if plan is None:
            del self.fields["reason"]
        else:
            self.fields["version"].required = True


class MemberChoiceField(forms.ModelMultipleChoiceField):
    def __init__(self, *args: Any, labels: dict[int, str] | None = None, **kwargs: Any) -> None:
        self.labels = labels or {}
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj: Person) -> str:
        # Built from the household members by the naming rule: no name for someone out of reach.
        return self.labels.get(obj.pk, "A household member")


class GoalForm(ServiceForm):
    description = forms.CharField(
        label=gettext_lazy("Goal for the family"),
        max_length=255,
        help_text=gettext_lazy("What will change for the family as a whole."),
    )
    need = forms.ModelChoiceField(
        label=gettext_lazy("Need it addresses"),
        queryset=Need.objects.none(),
        required=False,
        empty_label=gettext_lazy("None chosen"),
    )
    target_date = forms.DateField(label=gettext_lazy("Target date"), widget=DATE_INPUT)
    members = MemberChoiceField(
        label=gettext_lazy("Members involved"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self, *args: Any, needs: QuerySet[Need], members: list[HouseholdMember], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["need"].queryset = needs
        field = self.fields["members"]
        field.queryset = Person.objects.filter(pk__in=[m.person_id for m in members]).order_by(
            "given_name", "pk"
        )
        field.labels = {m.person_id: f"{member_mention(m)} ({m.get_position_display()})" for m in members}

    def clean_members(self) -> list[Person]:
        return list(self.cleaned_data["members"])


class GoalEditForm(GoalForm):
    status = forms.ChoiceField(choices=FamilyGoal.Status.choices)
    status_note = forms.CharField(
        label=gettext_lazy("How it was met, or what stood in the way"),
        max_length=255,
        required=False,
        help_text=gettext_lazy("Needed when the goal is met or not met."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def changes(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {name: data[name] for name in GOAL_FIELDS}


class GoalReferralForm(FieldSetup, ServiceForm):
    # A service is offered as its name and organisation (`Service.__str__`).
    service = forms.ModelChoiceField(
        label=gettext_lazy("Service"), queryset=Service.objects.none(), empty_label=None
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason for the referral"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=gettext_lazy("What you ask the service to do for the family. The service reads this."),
    )
    urgency = forms.ChoiceField(choices=Referral.Urgency.choices, initial=Referral.Urgency.ROUTINE)
    parts = forms.MultipleChoiceField(
        label=gettext_lazy("What goes with the referral"),
        choices=Referral.PARTS,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Choose each part yourself: nothing is sent without the person's consent in force for "
            "a referral to this service."
        ),
        error_messages={"required": NO_PARTS},
    )
    send_now = forms.BooleanField(
        label=gettext_lazy("Send it now (the consent check comes first; without consent nothing is saved)"),
        required=False,
    )

    choices_from = {"service": "services"}

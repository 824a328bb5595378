"""Forms for group sessions: the session, the one-screen attendance sheet and the group note."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from tapestry.access.models import User
from tapestry.mezzo.group_sessions.models import Attendance, Session
from tapestry.mezzo.group_sessions.selectors import SheetRow
from tapestry.mezzo.group_sessions.services import SESSION_FIELDS
from tapestry.mezzo.groups.models import Group, Membership
from tapestry.mezzo.groups.schedule import session_dates
from tapestry.web.forms import DATE_INPUT, ServiceForm, StaffMultipleChoiceField


class SessionForm(ServiceForm):
    held_on = forms.DateField(label="Date", widget=DATE_INPUT)
    start_time = forms.TimeField(widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    topic = forms.CharField(
        max_length=200,
        required=False,
        help_text=gettext_lazy("What the session was about, e.g. “Coping with holidays”."),
    )
    activities = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("What the group did."),
    )
    facilitators = StaffMultipleChoiceField(
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Facilitators present"),
    )
    status = forms.ChoiceField(choices=Session.Status.choices, initial=Session.Status.HELD)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, group: Group, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["facilitators"].queryset = group.facilitators.order_by("last_name", "first_name")

    def session_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in SESSION_FIELDS}


def default_session_day(group: Group, today: date) -> date:
    """The planned session on or before today, from the group's schedule when one is known."""
    past = [day for day in session_dates(group, limit=520) if day <= today]
    if past:
        return past[-1]
    return group.first_session_on if group.first_session_on <= today else today


class AttendanceForm(forms.Form):
    """One radio group per member, none chosen at first; checked as a whole by the service."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    rest = forms.ChoiceField(
        required=False,
        choices=[("", "—"), (Attendance.Mark.PRESENT, pgettext_lazy("attendance mark", "Present"))],
        widget=forms.HiddenInput,
    )

    def __init__(self, *args: Any, rows: list[SheetRow], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            self.fields[self.key(row.membership)] = forms.ChoiceField(
                label=row.membership.person.display_name,
                required=False,
                choices=Attendance.Mark.choices,
                initial=row.mark,
                widget=forms.RadioSelect,
            )

    @staticmethod
    def key(membership: Membership) -> str:
        return f"m{membership.pk}"

    def marks(self) -> dict[int, str]:
        return {row.membership.pk: self.cleaned_data.get(self.key(row.membership)) or "" for row in self.rows}

    def members(self) -> list[dict[str, Any]]:
        """What the template draws: each member with their choices and whether one is chosen."""
        drawn = []
        for row in self.rows:
            bound = self[self.key(row.membership)]
            chosen = bound.value() or ""
            drawn.append(
                {
                    "name": bound.html_name,
                    "label": row.membership.person.display_name,
                    "id": bound.auto_id,
                    "chosen": chosen,
                    "choices": Attendance.Mark.choices,
                }
            )
        return drawn


class NoteForm(ServiceForm):
    dynamics = forms.CharField(
        label="Group dynamics",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("How the group worked together. About the group: do not name members."),
    )
    themes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    progress = forms.CharField(
        label="Progress toward group goals", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self, *args: Any, members: list[Membership], mentions: dict[int, str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.members = members
        for member in members:
            self.fields[f"mention_{member.pk}"] = forms.CharField(
                label=gettext("About %(name)s") % {"name": member.person.display_name},
                required=False,
                initial=mentions.get(member.pk, ""),
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=gettext("Seen only by the group's facilitators and this member's own caseworker."),
            )

    def mentions(self) -> dict[int, str]:
        return {member.pk: self.cleaned_data.get(f"mention_{member.pk}", "") for member in self.members}

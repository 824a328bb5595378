"""Forms for signing in, the second factor, tokens, emergency access, the audit log and staff."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import password_validators_help_texts, validate_password
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext, gettext_lazy

from tapestry.access.models import Assignment, AuditEntry, BreakGlass, Role, Segment, Team, User
from tapestry.access.services import BREAK_GLASS_REASON_MIN
from tapestry.web.forms import DATE_INPUT, ServiceForm


class LoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": gettext_lazy(
            "That username and password do not match an active account. Both are case-sensitive."
        ),
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"


SIX_DIGITS = gettext_lazy("Enter the six digits your authenticator app shows.")


class LanguageForm(ServiceForm):
    language = forms.ChoiceField(label=gettext_lazy("Language"), required=False)

    def __init__(self, *args: object, signed_in: bool, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        # Each language is named in itself, so a user lost in the wrong one can find their own.
        offered = [(code, name) for code, name in settings.LANGUAGES]
        if signed_in:
            offered.insert(0, ("", gettext_lazy("The browser's language")))
        self.fields["language"].choices = offered


class OtpCodeForm(ServiceForm):
    code = forms.CharField(
        label=gettext_lazy("Six-digit code"),
        max_length=6,
        min_length=6,
        validators=[RegexValidator(r"^\d{6}$", SIX_DIGITS)],
        error_messages=dict.fromkeys(("required", "min_length", "max_length"), SIX_DIGITS),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": r"\d{6}",
                "autofocus": True,
            }
        ),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        # Authenticator apps often show the code as "123 456"; accept that.
        if self.is_bound:
            data = self.data.copy()
            data["code"] = "".join(str(data.get("code", "")).split())
            self.data = data


class TokenCreateForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=100,
        help_text=gettext_lazy("What the token is for, e.g. 'reporting script on my laptop'."),
    )
    expires_in_days = forms.IntegerField(
        label=gettext_lazy("Expires after (days)"),
        required=False,
        min_value=1,
        max_value=366,
        help_text=gettext_lazy("Leave blank for a token that lasts until you revoke it."),
    )

    def expires_at(self) -> datetime | None:
        days = self.cleaned_data.get("expires_in_days")
        return timezone.now() + timedelta(days=days) if days else None


class BreakGlassForm(ServiceForm):
    reason = forms.CharField(
        label=gettext_lazy("Why is this an emergency?"),
        min_length=BREAK_GLASS_REASON_MIN,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Your supervisor reads this when reviewing the access."),
        error_messages={
            "required": gettext_lazy("Describe the emergency; emergency access needs a reason."),
            "min_length": format_lazy(
                gettext_lazy("Describe the emergency in at least {n} characters."), n=BREAK_GLASS_REASON_MIN
            ),
        },
    )


class BreakGlassReviewForm(ServiceForm):
    outcome = forms.ChoiceField(
        label=gettext_lazy("Was the access justified?"),
        choices=[
            (BreakGlass.Outcome.JUSTIFIED, gettext_lazy("Justified")),
            (BreakGlass.Outcome.NOT_JUSTIFIED, gettext_lazy("Not justified (ends the access now)")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose whether the access was justified.")},
    )
    note = forms.CharField(
        label=gettext_lazy("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Required when the access was not justified."),
    )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("outcome") == BreakGlass.Outcome.NOT_JUSTIFIED and not data.get("note", "").strip():
            self.add_error("note", gettext("Say why the access was not justified."))
        return data


class AuditSearchForm(forms.Form):
    actor = forms.CharField(label=gettext_lazy("Who (username)"), required=False, max_length=150)
    action = forms.ChoiceField(
        label=gettext_lazy("Action"),
        required=False,
        choices=[("", gettext_lazy("Any action")), *AuditEntry.Action.choices],
    )
    object_type = forms.CharField(
        label=gettext_lazy("Kind of record"),
        required=False,
        max_length=64,
        help_text=gettext_lazy("For example people.person or access.user."),
    )
    person = forms.IntegerField(label=gettext_lazy("Person record number"), required=False, min_value=1)
    date_from = forms.DateField(label=gettext_lazy("From"), required=False, widget=DATE_INPUT)
    date_to = forms.DateField(label=gettext_lazy("To"), required=False, widget=DATE_INPUT)

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", gettext("The end date is before the start date."))
        return data


def _active_staff() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=gettext("Supervisor"),
        queryset=User.objects.filter(is_active=True),
        required=False,
        empty_label=gettext("No supervisor"),
    )


def _teams() -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        label=gettext("Teams"),
        queryset=Team.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class StaffCreateForm(ServiceForm):
    username = forms.CharField(label=gettext_lazy("Username"), max_length=150)
    first_name = forms.CharField(label=gettext_lazy("First name"), max_length=150)
    last_name = forms.CharField(label=gettext_lazy("Last name"), max_length=150)
    email = forms.EmailField(label=gettext_lazy("Email"))
    role = forms.ChoiceField(label=gettext_lazy("Role"), choices=Role.choices)
    password = forms.CharField(
        label=gettext_lazy("Initial password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        # Joined when shown, so that the validators' own texts are in the reader's language.
        help_text=lazy(lambda: " ".join(password_validators_help_texts()), str)(),
    )
    password_again = forms.CharField(
        label=gettext_lazy("Initial password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["supervisor"] = _active_staff()
        self.fields["teams"] = _teams()
        self.order_fields(
            [
                "username",
                "first_name",
                "last_name",
                "email",
                "role",
                "supervisor",
                "teams",
                "password",
                "password_again",
            ]
        )

    def clean_username(self) -> str:
        username = self.cleaned_data["username"].strip()
        if User.objects.filter(username__iexact=username).exists():
            raise ValidationError(gettext("Another account already uses this username."))
        return username

    def clean(self) -> dict:
        data = super().clean()
        password, again = data.get("password"), data.get("password_again")
        if password and again and password != again:
            self.add_error("password_again", gettext("The two passwords are not the same."))
        elif password:
            candidate = User(
                username=data.get("username", ""),
                first_name=data.get("first_name", ""),
                last_name=data.get("last_name", ""),
                email=data.get("email", ""),
            )
            try:
                validate_password(password, candidate)
            except ValidationError as error:
                self.add_error("password", error)
        return data


class StaffEditForm(ServiceForm):
    role = forms.ChoiceField(label=gettext_lazy("Role"), choices=Role.choices)
    is_active = forms.BooleanField(
        label=gettext_lazy("Account is active"),
        required=False,
        help_text=gettext_lazy("Untick to close the account; its history stays."),
    )
    reset_authenticator = forms.BooleanField(
        label=gettext_lazy("Forget their authenticator app"),
        required=False,
        help_text=gettext_lazy("For a lost or replaced phone: they set up a new one at their next sign-in."),
    )
    unlock_sign_in = forms.BooleanField(
        label=gettext_lazy("Unlock sign-in"),
        required=False,
        help_text=gettext_lazy("Clear their failed sign-ins, so they can try again now."),
    )

    def __init__(self, *args: object, staff: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        supervisor = _active_staff()
        supervisor.queryset = supervisor.queryset.exclude(pk=staff.pk)
        self.fields["supervisor"] = supervisor
        self.fields["teams"] = _teams()
        self.order_fields(
            ["role", "supervisor", "teams", "is_active", "reset_authenticator", "unlock_sign_in"]
        )


class AssignmentForm(ServiceForm):
    person_id = forms.IntegerField(
        label=gettext_lazy("Person record number"),
        min_value=1,
        help_text=gettext_lazy("The number on the person's record; you will not see their name."),
        error_messages={
            "required": gettext_lazy("Enter the person's record number."),
            "invalid": gettext_lazy("Enter a whole number."),
        },
    )
    kind = forms.ChoiceField(label=gettext_lazy("Role in the case"), choices=Assignment.Kind.choices)


class GrantForm(ServiceForm):
    segment = forms.ChoiceField(label=gettext_lazy("Sensitive segment"), choices=Segment.choices)
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=255,
        help_text=gettext_lazy("Why this person needs it, for the audit log."),
    )
    expires_on = forms.DateField(
        label=gettext_lazy("Last day of access"),
        required=False,
        widget=DATE_INPUT,
        help_text=gettext_lazy("Leave blank for access until it is revoked."),
    )

    def clean_expires_on(self) -> date | None:
        day = self.cleaned_data.get("expires_on")
        if day and day < timezone.localdate():
            raise ValidationError(gettext("The last day of access cannot be in the past."))
        return day

    def expires_at(self) -> datetime | None:
        day = self.cleaned_data.get("expires_on")
        # Access lasts through the whole of its last day.
        return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min)) if day else None


class TeamForm(ServiceForm):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=120)
    description = forms.CharField(
        label=gettext_lazy("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if Team.objects.filter(name__iexact=name).exists():
            raise ValidationError(gettext("A team with this name already exists."))
        return name

"""Forms of legislation tracking: parse and check input; the services do the writes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext, gettext_lazy

from tapestry.macro.legislation.models import (
    Action,
    Bill,
    Hearing,
    Legislator,
    LegislatorContact,
    Position,
    PositionPaper,
    Sponsorship,
    Status,
    Testimony,
)
from tapestry.macro.legislation.openstates import ACTION_CLASSIFICATIONS, BILL_CLASSIFICATIONS
from tapestry.macro.legislation.services import (
    BILL_FIELDS,
    CONTACT_FIELDS,
    HEARING_FIELDS,
    LEGISLATOR_FIELDS,
    POSITION_FIELDS,
    TESTIMONY_FIELDS,
)
from tapestry.web.forms import DATE_INPUT, ServiceForm, ServiceModelForm, VersionedForm

TEXTAREA = forms.Textarea(attrs={"rows": 3})


class BillFilterForm(forms.Form):
    status = forms.ChoiceField(choices=[("", gettext_lazy("Any status")), *Status.choices], required=False)
    subject = forms.CharField(max_length=150, required=False)
    stance = forms.ChoiceField(
        label=gettext_lazy("Our position"),
        choices=[
            ("", gettext_lazy("Any")),
            *Position.Stance.choices,
            ("none", gettext_lazy("No position taken")),
        ],
        required=False,
    )
    kind = forms.ChoiceField(choices=[("", gettext_lazy("Any kind")), *Bill.Kind.choices], required=False)

    def criteria(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name) or "" for name in self.fields} if self.is_valid() else {}


class BillForm(ServiceModelForm):
    classification = forms.MultipleChoiceField(
        choices=BILL_CLASSIFICATIONS,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 5}),
        help_text=gettext_lazy(
            "As Open States classifies it; most are “bill”. Leave empty for a policy that is not a bill."
        ),
    )
    openstates_url = forms.URLField(
        label=gettext_lazy("Open States page"), required=False, max_length=300, assume_scheme="https"
    )
    subjects = forms.CharField(
        required=False,
        max_length=2000,
        help_text=gettext_lazy("Separate subjects with commas, e.g. “Housing, Tenants”."),
    )

    class Meta:
        model = Bill
        fields = [name for name in BILL_FIELDS if name != "classification"]
        widgets = {"abstract": TEXTAREA}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["classification"] = self.instance.classification
            self.initial["subjects"] = ", ".join(subject.name for subject in self.instance.subjects.all())

    def _post_clean(self) -> None:
        # The service checks the record as a whole (and the key: jurisdiction, session, identifier).
        pass

    def changes(self) -> dict[str, Any]:
        values = {name: self.cleaned_data[name] for name in BILL_FIELDS}
        values["subjects"] = [s for s in self.cleaned_data["subjects"].split(",") if s.strip()]
        return values


class BillEditForm(VersionedForm, BillForm):
    class Meta(BillForm.Meta):
        pass

    def changes(self) -> dict[str, Any]:
        return BillForm.changes(self)


class ActionForm(ServiceModelForm):
    classification = forms.MultipleChoiceField(
        choices=ACTION_CLASSIFICATIONS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Open States' classifications; the bill's status follows them."),
    )

    class Meta:
        model = Action
        fields = ["date", "description", "organization"]
        widgets = {"date": DATE_INPUT}

    def changes(self) -> dict[str, Any]:
        return {
            name: self.cleaned_data[name]
            for name in ("date", "description", "organization", "classification")
        }


class SponsorshipForm(ServiceModelForm):
    classification = forms.ChoiceField(choices=Sponsorship.Classification.choices)

    class Meta:
        model = Sponsorship
        fields = ["legislator", "name", "classification", "entity_type"]
        labels = {"name": gettext_lazy("Sponsor's name (if not in the list)")}

    def __init__(self, *args: Any, legislators: QuerySet[Legislator], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["legislator"].queryset = legislators
        self.fields["legislator"].empty_label = "Not in the list"
        self.fields["name"].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("legislator") and not (data.get("name") or "").strip():
            self.add_error("name", "Choose a legislator or write the sponsor's name.")
        return data

    def _post_clean(self) -> None:
        pass

    def changes(self) -> dict[str, Any]:
        return {
            name: self.cleaned_data[name] for name in ("legislator", "name", "classification", "entity_type")
        }


class VersionForm(ServiceForm):
    note = forms.CharField(
        max_length=200, help_text=gettext_lazy("e.g. “Introduced”, “Amended in committee”, “Enrolled”.")
    )
    date = forms.DateField(required=False, widget=DATE_INPUT)
    url = forms.URLField(
        label=gettext_lazy("Where to read it"), max_length=300, required=False, assume_scheme="https"
    )
    media_type = forms.ChoiceField(
        choices=[
            ("text/html", gettext_lazy("Web page")),
            ("application/pdf", "PDF"),
            ("text/plain", gettext_lazy("Plain text")),
        ],
        required=False,
    )

    def changes(self) -> dict[str, Any]:
        data = self.cleaned_data
        links = [{"url": data["url"], "media_type": data["media_type"]}] if data["url"] else []
        return {"note": data["note"], "date": data["date"], "links": links}


class LegislatorForm(ServiceModelForm):
    class Meta:
        model = Legislator
        fields = list(LEGISLATOR_FIELDS)

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in LEGISLATOR_FIELDS}


class PositionForm(ServiceModelForm):
    """The agency's position; carries the version read (0 when there is none yet)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    class Meta:
        model = Position
        fields = list(POSITION_FIELDS)
        widgets = {"decided_on": DATE_INPUT, "rationale": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["version"] = self.instance.version if self.instance.pk else 0

    def _post_clean(self) -> None:
        pass

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in POSITION_FIELDS}


class PaperForm(ServiceModelForm):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 12}), max_length=100_000)
    note = forms.CharField(label=gettext_lazy("About this version"), max_length=300, required=False)

    class Meta:
        model = PositionPaper
        fields = ["title"]

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in ("title", "text", "note")}


class PaperReviseForm(ServiceForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 12}), max_length=100_000)
    note = forms.CharField(label=gettext_lazy("What changed"), max_length=300, required=False)


class TestimonyForm(ServiceModelForm):
    document_url = forms.URLField(
        label=gettext_lazy("Link to the filed document"),
        required=False,
        max_length=300,
        assume_scheme="https",
    )

    class Meta:
        model = Testimony
        fields = list(TESTIMONY_FIELDS)
        widgets = {"hearing_date": DATE_INPUT, "summary": TEXTAREA, "text": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args: Any, hearings: QuerySet[Hearing], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["hearing"].queryset = hearings
        self.fields["hearing"].empty_label = "Not a scheduled hearing"

    def _post_clean(self) -> None:
        pass

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in TESTIMONY_FIELDS}


class ContactForm(ServiceModelForm):
    class Meta:
        model = LegislatorContact
        fields = list(CONTACT_FIELDS)
        widgets = {
            "contacted_on": DATE_INPUT,
            "follow_up_by": DATE_INPUT,
            "asked": TEXTAREA,
            "answer": TEXTAREA,
            "follow_up": TEXTAREA,
        }

    def __init__(self, *args: Any, legislators: QuerySet[Legislator], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["legislator"].queryset = legislators
        self.fields["legislator"].empty_label = "Not in the list"

    def _post_clean(self) -> None:
        pass

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in CONTACT_FIELDS}


class HearingForm(ServiceModelForm):
    starts_at = forms.DateTimeField(
        label=gettext_lazy("Date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    class Meta:
        model = Hearing
        fields = list(HEARING_FIELDS)
        widgets = {"notes": TEXTAREA}

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in HEARING_FIELDS}


class ImportForm(ServiceForm):
    file = forms.FileField(
        label=gettext_lazy("Open States bill (JSON)"),
        help_text=gettext_lazy(
            "One bill as the Open States API v3 answers it (GET /bills/… with include=sponsorships, "
            "abstracts, actions, versions, sources)."
        ),
    )

    # One bill is a few hundred kilobytes at most; the file part of a form is outside the request-size limit.
    MAX_BYTES = 5 * 1024 * 1024

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(
                gettext("The file is over 5 MB; one Open States bill is much smaller.")
            )
        return upload

    def content(self) -> tuple[str, bytes]:
        upload = self.cleaned_data["file"]
        return upload.name, upload.read()

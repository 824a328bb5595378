"""Forms for people, households, relationships, consent and organisations.

Forms parse and check input; the service does the write. When a service refuses input with a
ValidationError, `show_service_errors` puts each message beside the field it names.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.translation import gettext, gettext_lazy

from tapestry.access.consent_rules import REVOCATION_STATEMENT
from tapestry.access.models import Consent
from tapestry.people import services
from tapestry.people.models import (
    Address,
    ContactPoint,
    Household,
    HouseholdMember,
    Organisation,
    OrganisationContact,
    Person,
    Relationship,
)
from tapestry.web.forms import DATE_INPUT, FieldSetup, ServiceForm, ServiceModelForm, VersionedForm


class PersonChoiceField(forms.ModelChoiceField):
    """A person picker that tells namesakes apart by their date of birth."""

    def label_from_instance(self, obj: Person) -> str:
        if obj.date_of_birth:
            return gettext("%(name)s (born %(born)s)") % {
                "name": obj.display_name,
                "born": f"{obj.date_of_birth:%Y-%m-%d}",
            }
        return obj.display_name


class PersonFieldsForm(ServiceModelForm):
    class Meta:
        model = Person
        fields = list(services.PERSON_FIELDS)
        widgets = {"date_of_birth": DATE_INPUT, "notes": forms.Textarea(attrs={"rows": 3})}
        labels = {"preferred_name": gettext_lazy("Preferred name (if different)")}
        help_texts = {"date_of_birth": gettext_lazy("Leave empty if unknown.")}

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in services.PERSON_FIELDS}


class PersonIntakeForm(PersonFieldsForm):
    phone = forms.CharField(max_length=40, required=False, widget=forms.TextInput(attrs={"type": "tel"}))
    email = forms.EmailField(required=False, label=gettext_lazy("Email"))
    aliases = forms.CharField(
        label=gettext_lazy("Other names"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Former names, nicknames or spellings on other records; one per line."),
    )

    def clean_aliases(self) -> tuple[str, ...]:
        lines = (line.strip() for line in self.cleaned_data["aliases"].splitlines())
        return tuple(line for line in lines if line)

    def intake(self) -> services.PersonIntake:
        data = self.cleaned_data
        return services.PersonIntake(
            **self.changes(), phone=data["phone"], email=data["email"], aliases=data["aliases"]
        )


class PersonEditForm(VersionedForm, PersonFieldsForm):
    class Meta(PersonFieldsForm.Meta):
        pass


class AliasForm(ServiceForm):
    name = forms.CharField(
        label=gettext_lazy("Other name"),
        max_length=200,
        help_text=gettext_lazy("A former name, nickname or a spelling on another record."),
    )


class ContactForm(ServiceModelForm):
    class Meta:
        model = ContactPoint
        fields = ["kind", "value", "safe_to_contact"]
        labels = {
            "value": gettext_lazy("Phone number or email address"),
            "safe_to_contact": gettext_lazy("Safe to contact"),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("kind") == ContactPoint.Kind.EMAIL and data.get("value"):
            try:
                validate_email(data["value"].strip())
            except ValidationError:
                self.add_error("value", gettext("This is not an email address; check it or choose Phone."))
        return data


class AddressForm(ServiceModelForm):
    class Meta:
        model = Address
        fields = ["line1", "line2", "city", "region", "postcode", "is_current", "confidential"]
        labels = {"is_current": gettext_lazy("This is where they live now")}


class RelationshipForm(FieldSetup, ServiceModelForm):
    to_person = PersonChoiceField(
        label=gettext_lazy("Other person"),
        queryset=Person.objects.none(),
        help_text=gettext_lazy("People whose records you can open."),
    )

    class Meta:
        model = Relationship
        fields = ["kind", "to_person", "notes", "no_contact"]
        labels = {
            "kind": gettext_lazy("This person is the other person's"),
            "no_contact": gettext_lazy("No contact (protective order)"),
        }
        help_texts = {
            "no_contact": gettext_lazy("Tick if this person must not learn where the other person is.")
        }

    choices_from = {"to_person": "persons"}


class LabelledCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes whose group is labelled by the first box, so its errors get an id of their own."""

    def id_for_label(self, id_: str, index: str | None = None) -> str:
        return super().id_for_label(id_, "0" if index is None else index)


class ConsentForm(ServiceModelForm):
    """A consent as the signed form states it; substance-use and school consents need every element."""

    record_parts = forms.MultipleChoiceField(
        label=gettext_lazy("Parts of the record it covers"),
        choices=Consent.RecordPart.choices,
        widget=LabelledCheckboxes,
        required=False,
        help_text=gettext_lazy(
            "Required for substance-use and school records: only the parts ticked can be released. "
            "SUD counselling notes need a consent of their own."
        ),
    )

    class Meta:
        model = Consent
        fields = [
            "purpose",
            "segment",
            "record_parts",
            "information",
            "discloser",
            "recipient_organisation",
            "recipient_description",
            "written",
            "signed_by",
            "representative_name",
            "representative_authority",
            "signed_on",
            "document_reference",
            "revocation_statement",
            "hipaa_redisclosure_statement",
            "given_on",
            "expires_on",
            "expiry_event",
        ]
        widgets = {
            "given_on": DATE_INPUT,
            "expires_on": DATE_INPUT,
            "signed_on": DATE_INPUT,
            "revocation_statement": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {
            "segment": gettext_lazy("Part of the record"),
            "information": gettext_lazy("What may be shared, in the person's words"),
            "recipient_organisation": gettext_lazy("Recipient organisation"),
            "recipient_description": gettext_lazy("Or describe the recipients"),
            "signed_by": gettext_lazy("Signed by"),
            "given_on": gettext_lazy("In force from"),
            "expiry_event": gettext_lazy("Or the event that ends it"),
            "hipaa_redisclosure_statement": gettext_lazy(
                "The form states the HIPAA redisclosure rule (TPO consent only)"
            ),
        }
        help_texts = {
            "recipient_description": gettext_lazy(
                "Only the single consent for treatment, payment and health-care operations may describe its "
                "recipients in general words; a substance-use or school release needs the organisation itself."
            ),
        }

    # Where to go once it is saved (a page of this site, such as the referral that asked for it).
    next = forms.CharField(widget=forms.HiddenInput, required=False, max_length=500)

    # What a link may fill in ahead (a referral: its purpose, recipient and the parts it sends).
    PREFILLABLE = (
        "purpose",
        "segment",
        "information",
        "recipient_organisation",
        "recipient_description",
        "next",
    )

    @classmethod
    def initial_from(cls, query: QueryDict) -> dict[str, Any]:
        """The form's first values from a link's query string; the form still checks all of them."""
        initial: dict[str, Any] = {name: query[name] for name in cls.PREFILLABLE if query.get(name)}
        parts = [part for part in query.getlist("record_parts") if part in Consent.RecordPart.values]
        if parts:
            initial["record_parts"] = parts
        return initial

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["segment"].choices = [("", gettext("General record"))] + list(
            self.fields["segment"].choices
        )[1:]
        self.fields["recipient_organisation"].queryset = organisations
        if not self.is_bound and not self.instance.pk:
            self.initial.setdefault("revocation_statement", REVOCATION_STATEMENT)
            self.initial.setdefault("discloser", "This agency and its staff")


class HouseholdForm(FieldSetup, ServiceForm):
    name = forms.CharField(max_length=150, help_text=Household._meta.get_field("name").help_text)
    person = PersonChoiceField(label=gettext_lazy("First member"), queryset=Person.objects.none())
    position = forms.ChoiceField(choices=HouseholdMember.Position.choices)

    choices_from = {"person": "persons"}


class HouseholdMemberForm(FieldSetup, ServiceForm):
    person = PersonChoiceField(
        queryset=Person.objects.none(), help_text=gettext_lazy("People whose records you can change.")
    )
    position = forms.ChoiceField(choices=HouseholdMember.Position.choices)

    choices_from = {"person": "persons"}


class MergeForm(FieldSetup, ServiceForm):
    survivor = PersonChoiceField(
        label=gettext_lazy("Keep this record"),
        queryset=Person.objects.none(),
        help_text=gettext_lazy("The record that stays. Everything on the duplicate moves to it."),
    )

    choices_from = {"survivor": "persons"}


class OrganisationForm(ServiceModelForm):
    website = forms.URLField(
        required=False, max_length=200, assume_scheme="https", label=gettext_lazy("Website")
    )

    class Meta:
        model = Organisation
        fields = list(services.ORGANISATION_FIELDS)
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in services.ORGANISATION_FIELDS}


class OrganisationEditForm(VersionedForm, OrganisationForm):
    class Meta(OrganisationForm.Meta):
        pass


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Name"), required=False)
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"),
        required=False,
        choices=[("", gettext_lazy("All kinds")), *Organisation.Kind.choices],
    )


class OrganisationContactForm(ServiceModelForm):
    class Meta:
        model = OrganisationContact
        fields = ["name", "title", "phone", "email"]

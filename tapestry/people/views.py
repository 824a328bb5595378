"""Pages for people, households, relationships, consent and organisations: parse, call, render."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from tapestry.access.audit import audit_form_open
from tapestry.access.models import Consent
from tapestry.access.policy import Capability, has_capability
from tapestry.people import selectors, services
from tapestry.people.forms import (
    AddressForm,
    AliasForm,
    ConsentForm,
    ContactForm,
    HouseholdForm,
    HouseholdMemberForm,
    MergeForm,
    OrganisationContactForm,
    OrganisationEditForm,
    OrganisationFilterForm,
    OrganisationForm,
    PersonEditForm,
    PersonIntakeForm,
    RelationshipForm,
)
from tapestry.people.mentions import PersonMention, mention, relative_label
from tapestry.people.models import Person, Relationship
from tapestry.web.pages import act, bound, save_page

PAGE_SIZE = 25


def _page(request: HttpRequest, queryset: QuerySet) -> Page:
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


# Persons: find, register, open, edit.


def _person_results(request: HttpRequest) -> dict[str, Any]:
    query = request.GET.get("q", "").strip()
    return {
        "page": _page(request, selectors.person_list(user=request.user, query=query)),
        "query": query,
        "filter_query": urlencode({"q": query}) if query else "",
    }


@vary_on_headers("HX-Request")
def person_list(request: HttpRequest) -> HttpResponse:
    context = _person_results(request)
    # htmx live search swaps in the results only; a history restore needs the whole page.
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, "people/_person_results.html", context)
    return render(request, "people/person_list.html", context)


def person_search(request: HttpRequest) -> HttpResponse:
    return render(request, "people/_person_results.html", _person_results(request))


def person_create(request: HttpRequest) -> HttpResponse:
    form = PersonIntakeForm(bound(request))
    duplicates: list[selectors.DuplicateMatch] = []
    hidden_duplicates = 0
    if form.is_bound and form.is_valid():
        confirmed = request.POST.get("confirm_not_duplicate") == "yes"
        try:
            person = services.person_create(
                actor=request.user, intake=form.intake(), confirm_not_duplicate=confirmed
            )
        except services.DuplicateSuspected as suspected:
            duplicates, hidden_duplicates = selectors.duplicate_candidates_visible(
                user=request.user, candidates=suspected.candidates
            )
        except ValidationError as error:
            form.show_service_errors(error)
        else:
            messages.success(
                request, gettext("%(person)s is registered and on your caseload.") % {"person": person}
            )
            return redirect("people:person_detail", pk=person.pk)
    context = {
        "form": form,
        "duplicates": duplicates,
        "hidden_duplicates": hidden_duplicates,
        "duplicates_found": bool(duplicates or hidden_duplicates),
    }
    return render(request, "people/person_create.html", context)


@dataclass(frozen=True)
class RelationshipRow:
    """One relationship as read from the person whose page it is on."""

    label: str
    other: PersonMention
    relationship: Relationship


def _relationship_rows(person: Person) -> list[RelationshipRow]:
    ends = [(rel, rel.to_person) for rel in person.relationships_from.all()]
    ends += [(rel, rel.from_person) for rel in person.relationships_to.all()]
    rows = [
        RelationshipRow(
            rel.kind_from(person.pk),
            mention(other, nameable=rel.other_visible, relation=relative_label(rel, other.pk)),
            rel,
        )
        for rel, other in ends
    ]
    return sorted(rows, key=lambda row: (not row.relationship.is_current, row.label, str(row.other)))


def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_detail(user=request.user, person_id=pk)
    if person.merged_into_id:
        return render(
            request, "people/person_merged.html", {"person": person, "survivor": person.merged_into}
        )
    context = {
        "person": person,
        "relationships": _relationship_rows(person),
        "consents": selectors.person_consents_visible(user=request.user, person=person),
        "can_merge": person.can_change and has_capability(request.user, Capability.PERSON_MERGE),
    }
    return render(request, "people/person_detail.html", context)


def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_get_changeable(user=request.user, person_id=pk)
    audit_form_open(
        request, obj=person, fields=["name", "date_of_birth"], purpose="form: change a person's record"
    )
    # The form edits a copy, so the page keeps the saved name whatever was typed.
    form = PersonEditForm(bound(request), instance=copy.copy(person))
    return save_page(
        request,
        "people/person_edit.html",
        form=form,
        call=lambda: services.person_update(
            actor=request.user, person=person, version=form.cleaned_data["version"], changes=form.changes()
        ),
        done=lambda saved: gettext("Changes to %(person)s's record are saved.") % {"person": person},
        then=reverse("people:person_detail", args=[person.pk]),
        invalid=200,
        person=person,
    )


# Adding to a person's record: one small form each, the same shape every time.


def _person_add(
    request: HttpRequest,
    pk: int,
    *,
    title: str,
    form_class: type[forms.BaseForm],
    save: Callable[[Person, dict[str, Any]], str],
    form_kwargs: Callable[[Person], dict[str, Any]] = lambda person: {},
) -> HttpResponse:
    """Show the form; on a valid submit call the service through `save`, which returns the message."""
    person = selectors.person_get_changeable(user=request.user, person_id=pk)
    audit_form_open(request, obj=person, fields=["name"])
    form = form_class(bound(request), **form_kwargs(person))
    return save_page(
        request,
        "people/person_add.html",
        form=form,
        call=lambda: save(person, form.cleaned_data),
        done=lambda message: message,
        then=reverse("people:person_detail", args=[person.pk]),
        invalid=200,
        person=person,
        title=title,
    )


def alias_add(request: HttpRequest, pk: int) -> HttpResponse:
    def save(person: Person, data: dict[str, Any]) -> str:
        alias = services.alias_add(actor=request.user, person=person, name=data["name"])
        return gettext("“%(alias)s” is recorded as another name for %(person)s.") % {
            "alias": alias,
            "person": person,
        }

    return _person_add(request, pk, title=gettext("Add another name"), form_class=AliasForm, save=save)


def contact_add(request: HttpRequest, pk: int) -> HttpResponse:
    def save(person: Person, data: dict[str, Any]) -> str:
        contact = services.contact_add(actor=request.user, person=person, **data)
        return gettext("%(kind)s added.") % {"kind": contact.get_kind_display()}

    return _person_add(
        request, pk, title=gettext("Add a phone number or email"), form_class=ContactForm, save=save
    )


def address_add(request: HttpRequest, pk: int) -> HttpResponse:
    def save(person: Person, data: dict[str, Any]) -> str:
        services.address_add(actor=request.user, person=person, **data)
        return gettext("Address added.")

    return _person_add(request, pk, title=gettext("Add an address"), form_class=AddressForm, save=save)


def relationship_add(request: HttpRequest, pk: int) -> HttpResponse:
    def save(person: Person, data: dict[str, Any]) -> str:
        relationship = services.relationship_create(actor=request.user, from_person=person, **data)
        return gettext("Recorded: %(relationship)s.") % {"relationship": relationship}

    return _person_add(
        request,
        pk,
        title=gettext("Add a relationship"),
        form_class=RelationshipForm,
        save=save,
        form_kwargs=lambda person: {
            "persons": selectors.person_choices(user=request.user, exclude_id=person.pk)
        },
    )


def _safe_next(request: HttpRequest, target: str) -> str:
    """`target` when it is a page of this site (never another host or scheme), else ""."""
    allowed = url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure())
    return target if target and allowed else ""


def consent_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a consent; a link may fill it in ahead (a referral's purpose, recipient and parts) and
    name a page of this site to return to once it is saved (`next`)."""
    person = selectors.person_get_changeable(user=request.user, person_id=pk)
    audit_form_open(request, obj=person, fields=["name"])
    initial = ConsentForm.initial_from(request.GET) if request.method == "GET" else {}
    form = ConsentForm(
        bound(request), organisations=selectors.organisation_list(user=request.user), initial=initial
    )
    back = _safe_next(request, request.POST.get("next") or request.GET.get("next", ""))

    def save() -> Consent:
        fields = {name: value for name, value in form.cleaned_data.items() if name != "next"}
        return services.consent_record(actor=request.user, person=person, **fields)

    return save_page(
        request,
        "people/consent_add.html",
        form=form,
        call=save,
        done=lambda consent: gettext("Consent recorded: %(consent)s.") % {"consent": consent},
        then=back or reverse("people:person_detail", args=[person.pk]),
        invalid=200,
        person=person,
        title=gettext("Record a consent"),
        back=back,
        prefilled=bool(initial.get("purpose")),
    )


def person_disclosures(request: HttpRequest, pk: int) -> HttpResponse:
    """The person's accounting of disclosures: every release of their records, printable."""
    person, disclosures = selectors.disclosures_for_person(user=request.user, person_id=pk)
    return render(request, "people/person_disclosures.html", {"person": person, "disclosures": disclosures})


@require_POST
def consent_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    consent = selectors.consent_get(user=request.user, consent_id=pk)
    act(
        request,
        lambda: services.consent_revoke(actor=request.user, consent=consent),
        lambda revoked: gettext("%(consent)s is revoked from today.") % {"consent": revoked},
    )
    return redirect("people:person_detail", pk=consent.person_id)


def person_merge(request: HttpRequest, pk: int) -> HttpResponse:
    """Pick the surviving record, compare the two side by side, then confirm the merge."""
    duplicate = selectors.person_get_changeable(user=request.user, person_id=pk)
    persons = selectors.person_choices(user=request.user, exclude_id=duplicate.pk, changeable=True)
    data = request.POST if request.method == "POST" else (request.GET if "survivor" in request.GET else None)
    form = MergeForm(data, persons=persons)
    compared: list[Person] = []
    if form.is_bound and form.is_valid():
        survivor = form.cleaned_data["survivor"]
        if request.method == "POST":
            try:
                survivor = services.person_merge(actor=request.user, survivor=survivor, duplicate=duplicate)
            except ValidationError as error:
                form.show_service_errors(error)
            else:
                messages.success(
                    request, gettext("The duplicate record is merged into %(person)s.") % {"person": survivor}
                )
                return redirect("people:person_detail", pk=survivor.pk)
        compared = selectors.persons_compare(
            user=request.user, person_ids=[duplicate.pk, survivor.pk], purpose="merge review"
        )
    suggestions: list[selectors.DuplicateMatch] = []
    if not compared:
        candidates = services.person_duplicates_of(actor=request.user, person=duplicate)
        suggestions, _ = selectors.duplicate_candidates_visible(user=request.user, candidates=candidates)
    context = {"duplicate": duplicate, "form": form, "compared": compared, "suggestions": suggestions}
    return render(request, "people/person_merge.html", context)


# Households.


def household_list(request: HttpRequest) -> HttpResponse:
    page = _page(request, selectors.household_list(user=request.user))
    return render(request, "people/household_list.html", {"page": page})


def household_create(request: HttpRequest) -> HttpResponse:
    persons = selectors.person_choices(user=request.user, changeable=True)
    audit_form_open(
        request,
        object_type="people.person",
        fields=["name", "date_of_birth"],
        purpose="form: register a household",
    )
    initial = {"person": request.GET.get("person")} if request.GET.get("person") else {}
    form = HouseholdForm(bound(request), initial=initial, persons=persons)
    return save_page(
        request,
        "people/household_create.html",
        form=form,
        call=lambda: services.household_create(
            actor=request.user,
            name=form.cleaned_data["name"],
            members=[(form.cleaned_data["person"], form.cleaned_data["position"])],
        ),
        done=lambda household: gettext("%(household)s is recorded.") % {"household": household},
        then=lambda household: reverse("people:household_detail", args=[household.pk]),
        invalid=200,
    )


def household_detail(request: HttpRequest, pk: int) -> HttpResponse:
    household = selectors.household_detail(user=request.user, household_id=pk)
    context = {"household": household, "can_add": has_capability(request.user, Capability.PERSON_WRITE)}
    return render(request, "people/household_detail.html", context)


def household_member_add(request: HttpRequest, pk: int) -> HttpResponse:
    household = selectors.household_get(user=request.user, household_id=pk)
    audit_form_open(
        request, obj=household, fields=["name", "person_choices"], purpose="form: add to a household"
    )
    persons = selectors.person_choices(user=request.user, changeable=True)
    form = HouseholdMemberForm(bound(request), persons=persons)
    return save_page(
        request,
        "people/household_member_add.html",
        form=form,
        call=lambda: services.household_member_add(
            actor=request.user, household=household, **form.cleaned_data
        ),
        done=lambda membership: gettext("%(person)s is added to %(household)s.")
        % {"person": form.cleaned_data["person"], "household": household},
        then=reverse("people:household_detail", args=[household.pk]),
        invalid=200,
        household=household,
    )


# Organisations.


def organisation_list(request: HttpRequest) -> HttpResponse:
    filters = OrganisationFilterForm(request.GET)
    query, kind = "", ""
    if filters.is_valid():
        query, kind = filters.cleaned_data["q"], filters.cleaned_data["kind"]
    organisations = selectors.organisation_list(user=request.user, query=query, kind=kind)
    context = {
        "filters": filters,
        "page": _page(request, organisations),
        # Page links keep the filters.
        "filter_query": urlencode({"q": query, "kind": kind}) if query or kind else "",
        "can_change": has_capability(request.user, Capability.ORGANISATION_WRITE),
    }
    return render(request, "people/organisation_list.html", context)


def organisation_create(request: HttpRequest) -> HttpResponse:
    form = OrganisationForm(bound(request))
    return save_page(
        request,
        "people/organisation_form.html",
        form=form,
        call=lambda: services.organisation_create(actor=request.user, **form.changes()),
        done=lambda organisation: gettext("%(organisation)s is added.") % {"organisation": organisation},
        then=lambda organisation: reverse("people:organisation_detail", args=[organisation.pk]),
        invalid=200,
        organisation=None,
    )


def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = selectors.organisation_detail(user=request.user, organisation_id=pk)
    context = {
        "organisation": organisation,
        "can_change": has_capability(request.user, Capability.ORGANISATION_WRITE),
    }
    return render(request, "people/organisation_detail.html", context)


def organisation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = selectors.organisation_detail(user=request.user, organisation_id=pk)
    form = OrganisationEditForm(bound(request), instance=copy.copy(organisation))
    return save_page(
        request,
        "people/organisation_form.html",
        form=form,
        call=lambda: services.organisation_update(
            actor=request.user,
            organisation=organisation,
            version=form.cleaned_data["version"],
            changes=form.changes(),
        ),
        done=lambda saved: gettext("Changes to %(organisation)s are saved.") % {"organisation": organisation},
        then=reverse("people:organisation_detail", args=[organisation.pk]),
        invalid=200,
        organisation=organisation,
    )


def organisation_contact_add(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = selectors.organisation_detail(user=request.user, organisation_id=pk)
    form = OrganisationContactForm(bound(request))
    return save_page(
        request,
        "people/organisation_contact_add.html",
        form=form,
        call=lambda: services.organisation_contact_add(
            actor=request.user, organisation=organisation, **form.cleaned_data
        ),
        done=lambda contact: gettext("%(name)s is added as a contact.") % {"name": contact.name},
        then=reverse("people:organisation_detail", args=[organisation.pk]),
        invalid=200,
        organisation=organisation,
    )

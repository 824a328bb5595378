"""Pages for cases: open, read, edit, hold, reopen, close; needs on a case; a worker's caseload."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_POST

from tapestry.access.audit import audit_form_open
from tapestry.access.errors import StaleEdit
from tapestry.access.policy import Capability, has_capability
from tapestry.micro.cases import selectors, services
from tapestry.micro.cases.forms import (
    CaseCloseForm,
    CaseEditForm,
    CaseHoldForm,
    CaseListFilterForm,
    CaseNeedAddForm,
    CaseNeedStatusForm,
    CaseOpenForm,
    CaseReopenForm,
    PersonPickForm,
)
from tapestry.micro.cases.models import Case
from tapestry.micro.workspace.selectors import SECTIONS as WORKSPACE_SECTIONS
from tapestry.web.html_pdf import pdf_download, render_pdf
from tapestry.web.pages import bound, save_page

PAGE_SIZE = 25

# Every area's page for one case, by URL name; an area not built yet simply has no link.
# (label, URL name, the case types it belongs to or None for every case)
CASE_AREAS = (
    (gettext_lazy("Assessments"), "assessments:case_index", None),
    (gettext_lazy("Plans, notes and services"), "casework:case_index", None),
    (gettext_lazy("Crisis and safety"), "crisis:case_index", None),
    (gettext_lazy("Advocacy log"), "advocacy:case_index", None),
    (gettext_lazy("Referrals"), "referrals:case_index", None),
    (gettext_lazy("Groups"), "groups:case_index", None),
    (gettext_lazy("Family support plan"), "families:case_index", None),
    (gettext_lazy("Child welfare"), "child_welfare:case_index", {Case.Type.CHILD_WELFARE}),
    (gettext_lazy("School"), "school:case_index", {Case.Type.SCHOOL}),
    (
        gettext_lazy("Treatment"),
        "treatment:case_index",
        {Case.Type.MENTAL_HEALTH, Case.Type.SUBSTANCE_USE, Case.Type.COUNSELLING},
    ),
    (gettext_lazy("Timeline"), "timeline:case_index", None),
    (gettext_lazy("Stories for advocacy"), "stories:case_index", None),
    (gettext_lazy("Level advisor: groups, services and campaigns for its needs"), "advisor:case_index", None),
)


def case_work_links(case: Case) -> list[tuple[str, str]]:
    links = []
    for label, name, types in CASE_AREAS:
        if types is not None and case.case_type not in types:
            continue
        try:
            links.append((label, reverse(name, kwargs={"case_pk": case.pk})))
        except NoReverseMatch:
            continue
    return links


def _save_page(request: HttpRequest, template: str, *, case: Case, **page: Any) -> HttpResponse:
    """`save_page` that goes back to the case once saved; `page` gives the form, call and done."""
    return save_page(
        request,
        template,
        then=reverse("cases:case_detail", kwargs={"pk": case.pk}),
        invalid=200,
        case=case,
        **page,
    )


# Opening a case.


def _person_pk(request: HttpRequest, person_pk: int | None) -> int | None:
    if person_pk is not None:
        return person_pk
    raw = request.GET.get("person") or request.POST.get("person")
    if not raw:
        return None
    try:
        return int(raw)
    except ValueError:
        raise Http404(gettext("No person with this number.")) from None


def case_open(request: HttpRequest, person_pk: int | None = None) -> HttpResponse:
    """Open a case: first the person (unless the address names them), then the case's facts."""
    chosen = _person_pk(request, person_pk)
    if chosen is None:
        persons = selectors.case_open_person_choices(user=request.user)
        return render(request, "cases/case_open.html", {"pick": PersonPickForm(persons=persons)})
    person = selectors.case_open_person(user=request.user, person_id=chosen)
    initial = {"worker": request.user.pk} if has_capability(request.user, Capability.PERSON_READ) else {}
    form = CaseOpenForm(
        bound(request),
        initial=initial,
        segments=selectors.segment_choices(user=request.user),
        **selectors.case_facts_choices(person=person),
    )
    return save_page(
        request,
        "cases/case_open.html",
        form=form,
        call=lambda: services.case_open(actor=request.user, person=person, **form.cleaned_data),
        done=lambda case: gettext("Case %(number)s is open for %(person)s.")
        % {"number": case.number, "person": person},
        then=lambda case: reverse("cases:case_detail", kwargs={"pk": case.pk}),
        invalid=200,
        person=person,
    )


# Reading cases.


def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.case_detail(user=request.user, case_id=pk)
    context = {
        "case": case,
        "needs": case.needs.all(),
        "work_links": case_work_links(case),
        "sections": list(WORKSPACE_SECTIONS.items()),
        "reopen_form": CaseReopenForm(initial={"version": case.version}),
    }
    return render(request, "cases/case_detail.html", context)


# The case list's sortable columns: (heading, sort key); the other columns do not sort.
CASE_COLUMNS = [
    (gettext_lazy("Case"), "number"),
    (gettext_lazy("Person"), "person"),
    (gettext_lazy("Type"), "type"),
    (gettext_lazy("Status"), "status"),
    (gettext_lazy("Worker"), "worker"),
    (gettext_lazy("Program"), "program"),
    (gettext_lazy("Opened"), "opened"),
]


def _sort_choices() -> list[tuple[str, str]]:
    labels = dict((key, heading) for heading, key in CASE_COLUMNS)
    return [
        (
            key,
            (gettext("%(column)s, descending") if key.startswith("-") else gettext("%(column)s, ascending"))
            % {"column": labels[key.removeprefix("-")]},
        )
        for key in selectors.CASE_SORT_KEYS
    ]


def case_summary_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return case_summary_pdf_response(request, pk, purpose="case summary PDF")


def case_summary_pdf_response(request: HttpRequest, case_id: int, *, purpose: str) -> HttpResponse:
    """The case summary as a PDF download, read (and audited) as the case's page is."""
    case = selectors.case_detail(user=request.user, case_id=case_id, purpose=purpose)
    context = {
        "case": case,
        "needs": case.needs.all(),
        "printed_at": timezone.now(),
        "printed_by": request.user.get_full_name() or request.user.username,
    }
    body = render_pdf("cases/case_summary_pdf.html", context, request)
    return pdf_download(body, f"case-{case.number}.pdf")


def case_list(request: HttpRequest) -> HttpResponse:
    form = CaseListFilterForm(
        request.GET or None, workers=selectors.case_list_workers(user=request.user), sorts=_sort_choices()
    )
    if form.is_bound and not form.is_valid():
        cases = Case.objects.none()
        sort = selectors.DEFAULT_CASE_SORT
    else:
        sort = (form.cleaned_data.get("sort") if form.is_bound else "") or selectors.DEFAULT_CASE_SORT
        filters = form.filters() if form.is_bound else {"status": Case.Status.OPEN}
        cases = selectors.case_list(user=request.user, sort=sort, **filters)
    kept = {
        key: value for key, value in request.GET.items() if key in form.fields and key != "sort" and value
    }
    columns = []
    for heading, key in CASE_COLUMNS:
        current = sort.removeprefix("-") == key
        descending = sort.startswith("-")
        next_sort = key if current and descending else (f"-{key}" if current else key)
        columns.append(
            {
                "heading": heading,
                "url": "?" + urlencode({**kept, "sort": next_sort}),
                "aria_sort": ("descending" if descending else "ascending") if current else "",
            }
        )
    context = {
        "form": form,
        "page": Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page")),
        "columns": columns,
        "filter_query": urlencode({**kept, "sort": sort}),
    }
    return render(request, "cases/case_list.html", context)


def person_cases(request: HttpRequest, person_pk: int) -> HttpResponse:
    person, cases = selectors.person_cases(user=request.user, person_id=person_pk)
    return render(request, "cases/person_cases.html", {"person": person, "cases": cases})


def caseload(request: HttpRequest) -> HttpResponse:
    cases, alerts = selectors.caseload(user=request.user)
    sections = [(kind, selectors.alert_heading(kind), items) for kind, items in alerts.items()]
    context = {
        "open_cases": [case for case in cases if case.status == Case.Status.OPEN],
        "held_cases": [case for case in cases if case.status == Case.Status.ON_HOLD],
        "sections": sections,
    }
    return render(request, "cases/caseload.html", context)


# Changing a case.


def case_edit(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.case_get(user=request.user, case_id=pk, for_change=True)
    if case.is_closed:
        messages.error(request, gettext("This case is closed. Reopen it first to change it."))
        return redirect("cases:case_detail", pk=case.pk)
    audit_form_open(request, obj=case, fields=["case", "name"], purpose="form: change the case")
    form = CaseEditForm(
        bound(request), case=case, **selectors.case_facts_choices(person=case.person, case=case)
    )
    return _save_page(
        request,
        "cases/case_edit.html",
        form=form,
        call=lambda: services.case_update(
            actor=request.user, case=case, version=form.cleaned_data["version"], changes=form.changes()
        ),
        done=gettext("Changes to case %(number)s are saved.") % {"number": case.number},
        case=case,
    )


def case_hold(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.case_get(user=request.user, case_id=pk, for_change=True)
    audit_form_open(request, obj=case, fields=["case", "name"], purpose="form: put the case on hold")
    form = CaseHoldForm(bound(request), initial={"version": case.version})
    return _save_page(
        request,
        "cases/case_hold.html",
        form=form,
        call=lambda: services.case_hold(actor=request.user, case=case, **form.cleaned_data),
        done=gettext("Case %(number)s is on hold.") % {"number": case.number},
        case=case,
    )


@require_POST
def case_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.case_get(user=request.user, case_id=pk, for_change=True)
    form = CaseReopenForm(request.POST)
    if not form.is_valid():
        messages.error(request, gettext("Reload the case and try again."))
        return redirect("cases:case_detail", pk=case.pk)
    try:
        services.case_reopen(actor=request.user, case=case, version=form.cleaned_data["version"])
    except StaleEdit as stale:
        messages.error(request, str(stale))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, gettext("Case %(number)s is open again.") % {"number": case.number})
    return redirect("cases:case_detail", pk=case.pk)


def case_close(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.case_get(user=request.user, case_id=pk, for_change=True)
    if case.is_closed:
        messages.error(request, gettext("This case is already closed."))
        return redirect("cases:case_detail", pk=case.pk)
    audit_form_open(request, obj=case, fields=["case", "name"], purpose="form: close the case")
    form = CaseCloseForm(bound(request), initial={"version": case.version})
    return _save_page(
        request,
        "cases/case_close.html",
        form=form,
        call=lambda: services.case_close(
            actor=request.user,
            case=case,
            reason=form.cleaned_data["closing_reason"],
            note=form.cleaned_data["closing_note"],
            version=form.cleaned_data["version"],
        ),
        done=gettext("Case %(number)s is closed.") % {"number": case.number},
        case=case,
    )


# Needs on a case.


def need_add(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.case_get(user=request.user, case_id=case_pk, for_change=True)
    audit_form_open(request, obj=case, fields=["case", "name"], purpose="form: add a need")
    form = CaseNeedAddForm(bound(request), needs=selectors.need_choices())
    return _save_page(
        request,
        "cases/need_add.html",
        form=form,
        call=lambda: services.case_need_add(actor=request.user, case=case, **form.cleaned_data),
        done=lambda case_need: gettext("%(need)s is recorded on case %(number)s.")
        % {"need": case_need.need.label, "number": case.number},
        case=case,
    )


def need_status(request: HttpRequest, pk: int) -> HttpResponse:
    case_need = selectors.case_need_get(user=request.user, case_need_id=pk, for_change=True)
    audit_form_open(
        request,
        obj=case_need,
        person_id=case_need.case.person_id,
        fields=["need", "status", "name"],
        purpose="form: change a need's status",
    )
    form = CaseNeedStatusForm(
        bound(request),
        initial={"version": case_need.version, "status": case_need.status, "barrier": case_need.barrier_id},
        barriers=selectors.barrier_choices(),
    )
    return _save_page(
        request,
        "cases/need_status.html",
        form=form,
        call=lambda: services.case_need_status_change(
            actor=request.user, case_need=case_need, **form.cleaned_data
        ),
        done=gettext("%(need)s: status saved.") % {"need": case_need.need.label},
        case=case_need.case,
        case_need=case_need,
    )

"""Pages of cohorts: the list, a cohort with its members, adding and removing cases, bulk actions, progress."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tapestry.access.audit import audit_form_open
from tapestry.access.policy import Capability, has_capability
from tapestry.mezzo.cohorts import selectors, services
from tapestry.mezzo.cohorts.forms import FORM_OF_KIND, CohortEditForm, CohortForm, MemberAddForm
from tapestry.mezzo.cohorts.models import Cohort, CohortAction
from tapestry.web.pages import act, form_page, save_page, submit


def cohort_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    status = status if status in Cohort.Status.values else ""
    context = {
        "cohorts": list(selectors.cohort_list(user=request.user, status=status)),
        "status": status,
        "statuses": Cohort.Status.choices,
        "can_add": has_capability(request.user, Capability.PERSON_WRITE),
    }
    return render(request, "cohorts/cohort_list.html", context)


def cohort_create(request: HttpRequest) -> HttpResponse:
    form = CohortForm(request.POST or None, initial={"lead": request.user.pk})
    return save_page(
        request,
        "cohorts/cohort_form.html",
        form=form,
        call=lambda: services.cohort_create(actor=request.user, **form.cleaned_data),
        done=lambda cohort: gettext("Cohort “%(name)s” started. Add the cases that belong to it.")
        % {"name": cohort},
        then=lambda cohort: reverse("cohorts:member_add", args=[cohort.pk]),
        cohort=None,
    )


def cohort_detail(request: HttpRequest, pk: int) -> HttpResponse:
    page = selectors.cohort_detail(user=request.user, cohort_id=pk)
    context = {"page": page, "cohort": page.cohort, "kinds": CohortAction.Kind.choices}
    return render(request, "cohorts/cohort_detail.html", context)


def cohort_edit(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = selectors.cohort_get(user=request.user, cohort_id=pk, for_change=True)
    initial = {name: getattr(cohort, name) for name in ("name", "situation", "description", "status")}
    initial.update(program=cohort.program_id, lead=cohort.lead_id, version=cohort.version)
    form = CohortEditForm(request.POST or None, initial=initial)

    def update() -> Cohort:
        changes = dict(form.cleaned_data)
        version = changes.pop("version")
        return services.cohort_update(actor=request.user, cohort=cohort, version=version, changes=changes)

    # Any error on the page, a stale edit too, answers 400 here.
    return save_page(
        request,
        "cohorts/cohort_form.html",
        form=form,
        call=update,
        done=gettext("Cohort saved."),
        then=reverse("cohorts:cohort_detail", args=[cohort.pk]),
        stale=400,
        cohort=cohort,
    )


def member_add(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = selectors.cohort_get(user=request.user, cohort_id=pk, for_change=True)
    # The form lists the cases one may add, by the person's name: a read of those cases.
    audit_form_open(
        request, object_type="cases.case", fields=["person", "number"], purpose="form: add to a cohort"
    )
    form = MemberAddForm(request.POST or None, cases=selectors.case_choices(user=request.user, cohort=cohort))
    then = "cohorts:member_add" if "add_another" in request.POST else "cohorts:cohort_detail"
    return save_page(
        request,
        "cohorts/member_add.html",
        form=form,
        call=lambda: services.member_add(actor=request.user, cohort=cohort, case=form.cleaned_data["case"]),
        done=lambda member: gettext("%(name)s (%(number)s) added to the cohort.")
        % {"name": member.case.person.display_name, "number": member.case.number},
        then=reverse(then, args=[cohort.pk]),
        cohort=cohort,
    )


@require_POST
def member_remove(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    cohort = selectors.cohort_get(user=request.user, cohort_id=pk, for_change=True)
    member = selectors.member_get(user=request.user, cohort=cohort, member_id=member_pk)
    act(
        request,
        lambda: services.member_remove(actor=request.user, member=member),
        gettext("%(name)s taken out of the cohort; the history stays.")
        % {"name": member.case.person.display_name},
    )
    return redirect("cohorts:cohort_detail", pk=cohort.pk)


def bulk_action(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """One action over the chosen members; after posting, the page is the per-member report."""
    if kind not in FORM_OF_KIND:
        raise Http404("No such action on a cohort.")
    cohort = selectors.cohort_get(user=request.user, cohort_id=pk, for_change=True)
    members = selectors.member_list(user=request.user, cohort=cohort, purpose=f"cohort action: {kind}")
    form = FORM_OF_KIND[kind](request.POST or None, members=members)
    context = {"cohort": cohort, "kind": kind, "kind_label": CohortAction.Kind(kind).label}
    report, status = submit(
        form,
        lambda: services.cohort_action_run(
            actor=request.user, cohort=cohort, members=form.cleaned_data["members"], item=form.item()
        ),
    )
    if report is not None:
        return form_page(request, "cohorts/bulk_report.html", form=form, report=report, **context)
    return form_page(request, "cohorts/bulk_action.html", form=form, status=status, **context)


def cohort_progress(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = selectors.cohort_get(user=request.user, cohort_id=pk)
    members = selectors.cohort_progress(user=request.user, cohort=cohort)
    return render(request, "cohorts/cohort_progress.html", {"cohort": cohort, "members": members})

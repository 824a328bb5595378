"""The child-welfare form page, and the addresses pages send the worker back to."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy

from tapestry.access.audit import audit_form_open
from tapestry.micro.cases.models import Case
from tapestry.web.pages import save_page


def _when(moment: datetime) -> str:
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M}"


def _save_page(
    request: HttpRequest,
    *,
    form: forms.BaseForm,
    call: Callable[[], Any],
    done: str | Callable[[Any], str],
    case: Case,
    title: str,
    back: str,
    then: str | Callable[[Any], str] | None = None,
    submit: str = gettext_lazy("Save"),
    intro: str = "",
    facts: Callable[[], list[tuple[str, Any]]] | None = None,
    read_audited: bool = False,
) -> HttpResponse:
    """A child-welfare form view (`save_page`): on success the message `done` and a redirect to `then`
    (`back` when not given), else the form page again. Pages are swapped in place by htmx, so an
    invalid form answers 200.

    The case header names the child, so showing the form is a read; `read_audited` says the page's
    selector has already recorded it (no second entry). `facts` about the record are read only when
    the form is shown, not on a successful save.
    """
    return save_page(
        request,
        "child_welfare/form.html",
        form=form,
        call=call,
        done=done,
        then=back if then is None else then,
        invalid=200,
        audit=None if read_audited else lambda: audit_form_open(request, obj=case, fields=["case", "name"]),
        case=case,
        title=title,
        back=back,
        submit=submit,
        intro=intro,
        facts=SimpleLazyObject(facts) if facts else [],
    )


def _index(case_pk: int) -> str:
    return reverse("child_welfare:case_index", kwargs={"case_pk": case_pk})


def _report_url(report_pk: int) -> str:
    return reverse("child_welfare:report_detail", kwargs={"pk": report_pk})

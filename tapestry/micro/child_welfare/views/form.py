"""The child-welfare form page, and the addresses pages send the worker back to."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone

from tapestry.access.audit import audit_form_open
from tapestry.micro.cases.models import Case
from tapestry.web.pages import form_page


def _when(moment: datetime) -> str:
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M}"


def _form_page(
    request: HttpRequest,
    *,
    form: forms.BaseForm,
    case: Case,
    title: str,
    back: str,
    status: int = 200,
    submit: str = "Save",
    intro: str = "",
    facts: list[tuple[str, Any]] | None = None,
    read_audited: bool = False,
) -> HttpResponse:
    """Render a child-welfare form; its case header names the child, so opening it is a read.

    `read_audited` says the page's selector has already recorded this read (no second entry).
    """
    return form_page(
        request,
        "child_welfare/form.html",
        form=form,
        status=status,
        audit=None if read_audited else lambda: audit_form_open(request, obj=case, fields=["case", "name"]),
        case=case,
        title=title,
        back=back,
        submit=submit,
        intro=intro,
        facts=facts or [],
    )


def _index(case_pk: int) -> str:
    return reverse("child_welfare:case_index", kwargs={"case_pk": case_pk})


def _report_url(report_pk: int) -> str:
    return reverse("child_welfare:report_detail", kwargs={"pk": report_pk})

"""Page helpers: bind a form to a POST, run a service on a valid submit, render a form page.

A view then reads as: bind, `submit`, on success a message and a redirect, else `form_page`;
`save_page` is that whole sequence in one call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse

from tapestry.access.errors import StaleEdit


def bound(request: HttpRequest) -> QueryDict | None:
    """The data a form is bound to: the POST body on a submit, nothing on a first look."""
    return request.POST if request.method == "POST" else None


def submit(
    form: forms.BaseForm, call: Callable[[], Any], *, invalid: int = 400, stale: int = 409
) -> tuple[Any, int]:
    """Run `call` (the service) when `form` is bound and valid; return (its result, the page's status).

    An unbound form is 200. An invalid form, or a refusal from the service (shown next to the fields
    it names), answers `invalid`: 400, or 200 where a page is swapped in place by htmx, which does not
    swap a 4xx. A stale edit puts its conflict message at the top of the form and answers `stale`:
    409, or 400 on the older pages that answer every error on the page with 400.
    The result is None whenever the service did not run or did not succeed.
    """
    if not form.is_bound:
        return None, 200
    if not form.is_valid():
        return None, invalid
    try:
        return call(), 200
    except StaleEdit as conflict:
        form.add_error(None, str(conflict))
        return None, stale
    except ValidationError as error:
        form.show_service_errors(error)
        return None, invalid


def form_page(
    request: HttpRequest,
    template: str,
    *,
    form: forms.BaseForm,
    status: int = 200,
    audit: Callable[[], Any] | None = None,
    **context: Any,
) -> HttpResponse:
    """Render `template` with `form` and `context` at `status`.

    `audit` records the read when the page names a person (the form's header shows whose record it
    is); a page whose selector already recorded the read passes nothing.
    """
    if audit is not None:
        audit()
    return render(request, template, {"form": form, **context}, status=status)


def save_page(
    request: HttpRequest,
    template: str,
    *,
    form: forms.BaseForm,
    call: Callable[[], Any],
    done: str | Callable[[Any], str],
    then: str | Callable[[Any], str],
    invalid: int = 400,
    stale: int = 409,
    audit: Callable[[], Any] | None = None,
    **context: Any,
) -> HttpResponse:
    """A whole form view: `submit`; on success the message `done` and a redirect to `then` (either may
    be a function of the saved record); else the form page again, with its errors and status.

    The service `call` returns what it saved: None counts as not saved.
    """
    saved, status = submit(form, call, invalid=invalid, stale=stale)
    if saved is not None:
        messages.success(request, done(saved) if callable(done) else done)
        return redirect(then(saved) if callable(then) else then)
    return form_page(request, template, form=form, status=status, audit=audit, **context)


def act(request: HttpRequest, call: Callable[[], Any], done: str | Callable[[Any], str]) -> Any:
    """Run a one-button service (revoke, end, withdraw): its refusal becomes the page's error message,
    success the confirmation `done` (or `done(result)`). The service's result, None when it refused."""
    try:
        result = call()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return None
    messages.success(request, done(result) if callable(done) else done)
    return result


def case_page_url(case: Model, *, or_person: bool = False) -> str:
    """The case's own page, once the cases app serves one (an app showing a case does not depend on
    its name); without it the person's page when `or_person`, else "" (no link)."""
    try:
        return reverse("cases:case_detail", kwargs={"pk": case.pk})
    except NoReverseMatch:
        return reverse("people:person_detail", kwargs={"pk": case.person_id}) if or_person else ""

"""Input no record can hold, refused before any view sees it: oversized bodies and unstorable text.

A body over DATA_UPLOAD_MAX_MEMORY_SIZE is a 413; a NUL character (PostgreSQL refuses it in text)
or a lone surrogate (it cannot be encoded as UTF-8 for either database) in the path, the query
string or a form field is a 400 on pages and a 422 on the API. JSON bodies are checked by the
API's parser (tapestry.api), which can say which field holds the character, or an integer too
large for any database column.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.utils.translation import gettext, gettext_lazy

Handler = Callable[[HttpRequest], HttpResponse]

UNSTORABLE_TEXT = gettext_lazy(
    "This text contains a character that cannot be stored "
    "(a NUL character or a lone UTF-16 surrogate); remove it and send it again."
)

UNSTORABLE_NUMBER = gettext_lazy("This number is too large to store.")
# A signed 64-bit integer: the widest integer column of SQLite and PostgreSQL.
INTEGER_RANGE = (-(2**63), 2**63 - 1)


UNSTORABLE_CHARACTER = re.compile("[\x00\ud800-\udfff]")


def unstorable(text: str) -> bool:
    """True when a database could not store this text as it is (a surrogate pair is one character)."""
    return UNSTORABLE_CHARACTER.search(text) is not None


def unstorable_paths(data: object, path: tuple[str, ...] = ()) -> Iterator[tuple[str, str]]:
    """(dotted path, reason) for every key, string or integer in parsed JSON that cannot be stored."""
    where = ".".join(path) or "__all__"
    if isinstance(data, str):
        if unstorable(data):
            yield where, UNSTORABLE_TEXT
    elif isinstance(data, bool):
        return
    elif isinstance(data, int):
        if not INTEGER_RANGE[0] <= data <= INTEGER_RANGE[1]:
            yield where, UNSTORABLE_NUMBER
    elif isinstance(data, dict):
        for key, value in data.items():
            if unstorable(key):
                yield ".".join((*path, "(key)")), UNSTORABLE_TEXT
            else:
                yield from unstorable_paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from unstorable_paths(value, (*path, str(index)))


def _upload_limit_text() -> str:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0
    if limit >= 1_000_000:
        return f"{limit / 1_000_000:.1f} MB".replace(".0 MB", " MB")
    return f"{limit / 1_000:.0f} KB"


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def _refuse(request: HttpRequest, status: int, detail: str, errors: dict[str, list[str]]) -> HttpResponse:
    if _is_api(request):
        return JsonResponse({"detail": detail, "errors": errors}, status=status)
    context = {"detail": detail, "fields": sorted(errors)}
    return render(request, "request_refused.html", context, status=status)


def _bad_fields(pairs: Iterable[tuple[str, list[str]]], prefix: str = "") -> list[str]:
    return [
        prefix + (key if not unstorable(key) else "(name)")
        for key, values in pairs
        if unstorable(key) or any(unstorable(value) for value in values)
    ]


class RequestInputMiddleware:
    """Answers 413 or 400/422 for input no record can hold, in the page's or the API's format."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            # Django's own limits, read once here so that no view or middleware meets them later.
            if request.content_type == "multipart/form-data":
                form = request.POST  # file parts are streamed to disk and do not count
            else:
                request.body  # noqa: B018  (reading it applies DATA_UPLOAD_MAX_MEMORY_SIZE)
                form = request.POST
        except RequestDataTooBig:
            detail = gettext("The request is too large: at most %(limit)s is accepted at once.") % {
                "limit": _upload_limit_text()
            }
            return _refuse(request, 413, detail, {})
        except (TooManyFieldsSent, TooManyFilesSent):
            return _refuse(request, 413, gettext("The request has too many fields or files."), {})
        except MultiPartParserError:
            return _refuse(request, 400, gettext("The multipart form data could not be read."), {})
        bad = []
        if unstorable(request.path):
            bad.append("(address)")
        bad += _bad_fields(request.GET.lists())
        bad += _bad_fields(form.lists())
        if bad:
            status = 422 if _is_api(request) else 400
            detail = gettext("The request has a character that cannot be stored.")
            return _refuse(request, status, detail, {field: [UNSTORABLE_TEXT] for field in bad})
        return self.get_response(request)

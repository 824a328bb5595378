"""Every table can be downloaded as CSV: the page is rendered as usual, then one of its tables is turned
into CSV, so access checks, the page's audit entry and small-count suppression are exactly the page's.

A table's "Download CSV" link (added to every `<table>` of a full HTML page by the middleware) asks
for the same address with `export=csv&table=<the table's id, or its place on the page from 1>`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from html.parser import HTMLParser

from django.http import HttpRequest, HttpResponse
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry

EXPORT = "export"
TABLE = "table"
_TABLE_OPEN = re.compile(r"<table\b([^>]*)>", re.I)
_TABLE_CLOSE = re.compile(r"</table\s*>", re.I)
_ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""", re.I)
# Cell content that is no data: screen-reader-only labels are data, buttons and forms are not.
_SKIPPED = {"button", "form", "script", "style", "select", "template"}


class _Tables(HTMLParser):
    """The tables of an HTML page: each one's id and rows of cell texts (`th` and `td` alike)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[tuple[str, list[list[str]]]] = []
        self._stack: list[tuple[str, list[list[str]]]] = []
        self._cell: list[str] | None = None
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            # Listed when it opens, so the numbers match the links' count of opening tags.
            self._stack.append((dict(attrs).get("id") or "", []))
            self.tables.append(self._stack[-1])
        elif not self._stack:
            return
        elif tag in _SKIPPED:
            self._skip += 1
        elif tag == "tr":
            self._stack[-1][1].append([])
        elif tag in ("td", "th") and self._stack[-1][1]:
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if not self._stack:
            return
        if tag == "table":
            self._stack.pop()
        elif tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
        elif tag in ("td", "th") and self._cell is not None:
            self._stack[-1][1][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None and not self._skip:
            self._cell.append(data)


def page_tables(html: str) -> list[tuple[str, list[list[str]]]]:
    """The page's tables in the order they open, as (id, rows of cell texts)."""
    parser = _Tables()
    parser.feed(html)
    parser.close()
    return parser.tables


def table_csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        # A cell starting with =, +, - or @ would run as a formula in a spreadsheet.
        writer.writerow(
            ["'" + cell if cell[:1] in ("=", "+", "-", "@") and not _number(cell) else cell for cell in row]
        )
    return out.getvalue()


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _pick(tables: list[tuple[str, list[list[str]]]], wanted: str) -> tuple[str, list[list[str]]] | None:
    for table in tables:
        if table[0] and table[0] == wanted:
            return table
    if wanted.isdigit() and 1 <= int(wanted) <= len(tables):
        return tables[int(wanted) - 1]
    return None


def export_link(request: HttpRequest, key: str) -> str:
    params = request.GET.copy()
    params.pop(EXPORT, None)
    params.pop(TABLE, None)
    query = urlencode([*params.lists(), (EXPORT, "csv"), (TABLE, key)], doseq=True)
    label = _("Download CSV")
    return f'<p class="table-export"><a href="?{escape(query)}" download>{label}</a></p>'


def _with_links(request: HttpRequest, html: str) -> str:
    """Each table followed by its download link, keyed by its id or its place on the page."""
    number = 0
    keys: list[str] = []
    for match in _TABLE_OPEN.finditer(html):
        number += 1
        found = _ID.search(match.group(1))
        keys.append(found.group(1) if found else str(number))
    links = iter(keys)
    depth = 0
    pieces: list[str] = []
    position = 0
    pending: list[str] = []
    for match in sorted([*_TABLE_OPEN.finditer(html), *_TABLE_CLOSE.finditer(html)], key=lambda m: m.start()):
        if match.group(0).lower().startswith("<table"):
            pending.append(next(links))
            depth += 1
            continue
        depth -= 1
        key = pending.pop() if pending else ""
        if depth == 0 and key:
            pieces.append(html[position : match.end()])
            pieces.append(export_link(request, key))
            position = match.end()
    pieces.append(html[position:])
    return "".join(pieces)


def _is_html_page(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and not request.headers.get("HX-Request")
    )


class TableExportMiddleware:
    """Adds a "Download CSV" link to every table of a page, and answers that link with the table as CSV."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        wanted = request.GET.get(TABLE, "") if request.GET.get(EXPORT) == "csv" else ""
        response = self.get_response(request)
        if not _is_html_page(request, response):
            return response
        html = response.content.decode(response.charset or "utf-8")
        if not wanted:
            if "<table" in html.lower():
                response.content = _with_links(request, html).encode(response.charset or "utf-8")
                if response.has_header("Content-Length"):
                    response["Content-Length"] = str(len(response.content))
            return response
        table = _pick(page_tables(html), wanted)
        if table is None:
            return HttpResponse(_("This page has no such table."), status=404, content_type="text/plain")
        key, rows = table
        header = rows[0] if rows else []
        match = request.resolver_match
        page = match.view_name if match else request.path
        audit_record(
            actor=request.user,
            action=AuditEntry.Action.EXPORT,
            object_type="page.table",
            object_id=f"{page}#{key or wanted}"[:64],
            fields=[cell for cell in header if cell][:40],
            purpose=f"csv export: {request.path}"[:255],
        )
        name = slugify(f"{page.replace(':', '-')}-{key or wanted}") or "table"
        export = HttpResponse(table_csv(rows), content_type="text/csv; charset=utf-8")
        export["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        for header_name in ("Cache-Control", "Vary"):
            if response.has_header(header_name):
                export[header_name] = response[header_name]
        return export

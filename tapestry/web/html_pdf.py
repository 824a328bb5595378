"""PDFs drawn from an HTML template with WeasyPrint (the case summary, the safety plan).

The older fpdf2 documents (funder reports, evidence packs) stay in tapestry/web/pdf.py. These are
pages a worker hands to a client or files: laid out by the same templates as the screen, with the
print stylesheet front/pdf.css. WeasyPrint is imported only when a PDF is asked for, so a machine
without its system libraries (pango) still runs every other page.
"""

from __future__ import annotations

import logging
from typing import Any

from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

PDF_STYLESHEET = "front/pdf.css"

# WeasyPrint reports each step of its work at INFO; only its warnings belong in the server's log.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def _refuse_fetch(url: str, *args: object, **kwargs: object) -> dict:
    """No image, font or stylesheet is fetched while drawing: a record's text cannot make the server
    open an address (the stylesheet is passed in, fonts are the system's)."""
    raise ValueError(f"PDFs do not fetch {url!r}")


def pdf_from_html(html: str) -> bytes:
    """The PDF of an HTML document, laid out with the PDF stylesheet on A4."""
    from weasyprint import CSS, HTML  # noqa: PLC0415 (see the module's docstring)

    stylesheet = CSS(filename=finders.find(PDF_STYLESHEET), url_fetcher=_refuse_fetch)
    return HTML(string=html, url_fetcher=_refuse_fetch).write_pdf(stylesheets=[stylesheet])


def render_pdf(template: str, context: dict[str, Any], request: HttpRequest | None = None) -> bytes:
    """The PDF of a template rendered with its context (the template extends pdf/base.html)."""
    return pdf_from_html(render_to_string(template, context, request=request))


def pdf_download(body: bytes, filename: str) -> HttpResponse:
    """A PDF as a download (the site's middleware already marks every page no-store)."""
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

"""Demo data for the resource directory: a synthetic HSDS file of services across the demo organisations."""

from __future__ import annotations

from pathlib import Path

from tapestry.demo.context import DemoContext
from tapestry.directory.models import Service
from tapestry.directory.services import directory_import

DEMO_FILE = Path(__file__).parent / "demo_data" / "services.json"


def seed(ctx: DemoContext) -> str:
    """Import the demo HSDS file once; it describes made-up services at made-up places."""
    if Service.objects.exists():
        return ""
    report = directory_import(actor=None, files=[(DEMO_FILE.name, DEMO_FILE.read_bytes())])
    if not report.ok:
        raise RuntimeError(f"The demo directory file does not import: {report.problems[:3]}")
    return f"{report.created.get('services', 0)} directory services"

"""Indicator data from CSV: every row is checked first; any bad row and nothing is stored.

Columns (header names exactly): area_code, indicator, period, value, margin_of_error, source.
`area_code` is `kind:code` (such as `neighbourhood:N-SW`), or a bare code that only one area has.
Importing the same (area, indicator, period, source) again updates the value instead of adding one.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, User
from tapestry.access.policy import Capability, require_capability
from tapestry.macro.community.models import PERIOD, IndicatorValue
from tapestry.places.models import Area

COLUMNS = ("area_code", "indicator", "period", "value", "margin_of_error", "source")
REQUIRED = ("area_code", "indicator", "period", "value", "source")
MAX_ROWS = 20_000
LIMIT = Decimal("1e14")


@dataclass(frozen=True)
class Problem:
    row: int  # the line of the file, the header being line 1
    column: str
    message: str


@dataclass
class ImportReport:
    source: str
    problems: list[Problem] = field(default_factory=list)
    added: int = 0
    updated: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def summary(self) -> str:
        if self.problems:
            rows = len({problem.row for problem in self.problems})
            return f"Nothing was imported: {len(self.problems)} problem(s) in {rows} row(s)."
        return f"Imported {self.added} new value(s) and updated {self.updated}."


def _areas() -> tuple[dict[tuple[str, str], Area], dict[str, list[Area]]]:
    by_kind: dict[tuple[str, str], Area] = {}
    by_code: dict[str, list[Area]] = {}
    for area in Area.objects.all():
        by_kind[(area.kind, area.code.lower())] = area
        by_code.setdefault(area.code.lower(), []).append(area)
    return by_kind, by_code


def _decimal(text: str) -> Decimal:
    number = Decimal(text)
    if not number.is_finite() or abs(number) >= LIMIT:
        raise InvalidOperation
    return number.quantize(Decimal("0.0001"))


def _text(content: bytes) -> str | None:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def indicators_import(*, actor: User, source: str, content: bytes) -> ImportReport:
    """Check every row, then store them all in one transaction, or none."""
    require_capability(actor, Capability.AREA_MANAGE)
    report = ImportReport(source=source)
    text = _text(content)
    if text is None:
        report.problems.append(Problem(1, "", gettext("The file is not UTF-8 text; save it as CSV UTF-8.")))
        return report
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        report.problems.append(Problem(1, ", ".join(missing), gettext("The header lacks these columns.")))
        return report
    by_kind, by_code = _areas()
    kinds = set(Area.Kind.values)
    rows: dict[tuple[int, str, str, str], tuple[int, Decimal, Decimal | None]] = {}
    for line, row in enumerate(reader, start=2):
        if line > MAX_ROWS + 1:
            report.problems.append(
                Problem(line, "", gettext("A file may hold at most %(rows)s rows.") % {"rows": MAX_ROWS})
            )
            break
        row = {
            (key or "").strip(): (value or "").strip() if isinstance(value, str) else ""
            for key, value in row.items()
        }
        if not any(row.get(name) for name in COLUMNS):
            continue
        problems = len(report.problems)
        for name in REQUIRED:
            if not row.get(name):
                report.problems.append(Problem(line, name, gettext("This column is empty.")))
        code = row.get("area_code", "")
        area = None
        if code:
            kind, colon, bare = code.partition(":")
            if colon and kind.lower() in kinds:
                area = by_kind.get((kind.lower(), bare.strip().lower()))
                if area is None:
                    report.problems.append(
                        Problem(
                            line,
                            "area_code",
                            gettext("No %(kind)s has the code %(code)s.")
                            % {"kind": kind.lower(), "code": bare},
                        )
                    )
            else:
                found = by_code.get(code.lower(), [])
                if len(found) == 1:
                    area = found[0]
                elif found:
                    report.problems.append(
                        Problem(
                            line,
                            "area_code",
                            gettext("Several areas have the code %(code)s; write kind:code.")
                            % {"code": code},
                        )
                    )
                else:
                    report.problems.append(
                        Problem(line, "area_code", gettext("No area has the code %(code)s.") % {"code": code})
                    )
        indicator, period = row.get("indicator", ""), row.get("period", "")
        if len(indicator) > 150:
            report.problems.append(Problem(line, "indicator", gettext("At most 150 characters.")))
        if period and not PERIOD.match(period):
            report.problems.append(
                Problem(
                    line, "period", gettext("Write a year, a quarter or a month: 2025, 2025-Q3, 2025-07.")
                )
            )
        if len(row.get("source", "")) > 200:
            report.problems.append(Problem(line, "source", gettext("At most 200 characters.")))
        value = margin = None
        if row.get("value"):
            try:
                value = _decimal(row["value"])
            except InvalidOperation:
                report.problems.append(
                    Problem(line, "value", gettext("Not a number (write 12.5, with a point)."))
                )
        if row.get("margin_of_error"):
            try:
                margin = _decimal(row["margin_of_error"])
                if margin < 0:
                    report.problems.append(
                        Problem(line, "margin_of_error", gettext("A margin of error cannot be below zero."))
                    )
            except InvalidOperation:
                report.problems.append(
                    Problem(line, "margin_of_error", gettext("Not a number (write 1.2, with a point)."))
                )
        if len(report.problems) > problems or area is None or value is None:
            continue
        key = (area.pk, indicator, period, row["source"])
        if key in rows:
            report.problems.append(
                Problem(
                    line,
                    "",
                    gettext("The same area, indicator, period and source as line %(line)s.")
                    % {"line": rows[key][0]},
                )
            )
            continue
        rows[key] = (line, value, margin)
    if report.problems:
        return report
    with transaction.atomic():
        existing = {
            (item.area_id, item.indicator, item.period, item.source): item
            for item in IndicatorValue.objects.filter(indicator__in={key[1] for key in rows})
        }
        new, changed, now = [], [], timezone.now()
        for key, (_, value, margin) in rows.items():
            found = existing.get(key)
            if found is None:
                new.append(
                    IndicatorValue(
                        area_id=key[0],
                        indicator=key[1],
                        period=key[2],
                        source=key[3],
                        value=value,
                        margin_of_error=margin,
                        imported_by=actor,
                    )
                )
            else:
                found.value, found.margin_of_error, found.imported_by = value, margin, actor
                found.updated_at = now
                changed.append(found)
        IndicatorValue.objects.bulk_create(new)
        IndicatorValue.objects.bulk_update(changed, ["value", "margin_of_error", "imported_by", "updated_at"])
        report.added, report.updated = len(new), len(changed)
        audit_record(
            actor=actor,
            action=AuditEntry.Action.CREATE,
            object_type="community.indicatorvalue",
            object_id=source[:100],
            fields=["added", "updated"],
            purpose=f"indicator import: {report.summary}",
        )
    return report

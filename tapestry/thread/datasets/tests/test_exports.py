"""Exports of research data sets: k-anonymous, with no direct identifier, dates shifted per person,
protected records only under a research consent, built by the background task with its progress,
streamed and audited."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from tapestry.access.models import AuditEntry, Consent, Role, Segment
from tapestry.needs.models import Need
from tapestry.testing import OrganisationFactory, client_for, signed_consent_elements
from tapestry.thread.datasets import building, services
from tapestry.thread.datasets.models import DataSet, DataSetExport
from tapestry.thread.datasets.tests.support import (
    PERIOD_END,
    PERIOD_START,
    a_client,
    classes_of,
    read_zip,
    request_export,
)

pytestmark = pytest.mark.django_db

QUASI = ["age", "gender", "language", "area"]


@pytest.fixture
def evaluator(cast):
    return cast[Role.EVALUATOR]


def define(evaluator, **changes) -> DataSet:
    fields = {
        "name": "Housing outcomes",
        "purpose": "Do case-management clients with housing needs find housing?",
        "fields": [*QUASI, "case_type", "needs", "opened_on"],
        "period_start": PERIOD_START,
        "period_end": PERIOD_END,
        **changes,
    }
    return services.data_set_create(actor=evaluator, **fields)


def export_of(evaluator, data_set: DataSet) -> tuple[DataSetExport, list[dict], dict, str]:
    """Request the export (the task runs at once in tests) and download its file through the page."""
    export = request_export(evaluator, data_set)
    export.refresh_from_db()
    assert export.status == DataSetExport.Status.DONE, export.problem
    response = client_for(evaluator).get(reverse("datasets:export_download", args=[export.pk]))
    assert response.status_code == 200
    assert response.streaming
    content = b"".join(response.streaming_content)
    rows, metadata, readme = read_zip(content)
    return export, rows, metadata, readme


def plant_crowd(worker) -> None:
    """31 clients: 30 women and men of 30 to 49 in four postcodes of one 3-digit area, which must be
    generalised to reach k, and one client unlike anyone (95, Tagalog, postcode 99001) to suppress."""
    for n in range(30):
        a_client(
            worker,
            age=30 + (n % 20),
            gender="woman" if n % 2 else "man",
            language="English",
            postcode=f"1234{n % 4}",
        )
    a_client(worker, age=95, gender="woman", language="Tagalog", postcode="99001", given="Outlier")


# At k = 11 no age band leaves both 40-59 halves at 11 (ten people of 40-49), so age goes and the two
# genders of fifteen stay. At k = 5 two nodes of height 3 suppress only the outlier: ten-year bands by
# gender, and five-year bands without gender (10, 10, 5, 5 persons); the first in catalogue order wins.
EXPECTED_LEVELS = {
    11: {"age": "suppressed", "gender": "as recorded", "language": "language", "area": "first 3 digits"},
    5: {"age": "5-year band", "gender": "suppressed", "language": "language", "area": "first 3 digits"},
}
EXPECTED_CLASSES = {11: [15, 15], 5: [5, 5, 10, 10]}


@pytest.mark.parametrize("k", [11, 5])
def test_every_class_of_quasi_identifiers_holds_at_least_k_persons(cast, evaluator, k):
    plant_crowd(cast.caseworker)
    data_set = define(evaluator, k=k, max_suppressed_percent=5)
    export, rows, metadata, readme = export_of(evaluator, data_set)
    classes = classes_of(rows, QUASI)
    assert classes and min(len(persons) for persons in classes.values()) >= k
    # Rows, not only persons: every combination appears in at least k rows of the file.
    assert all(sum(1 for row in rows if tuple(row[q] for q in QUASI) == key) >= k for key in classes)
    # The outlier is suppressed, the others kept: generalisation did the rest.
    assert metadata["records_suppressed"] == 1 == export.records_suppressed
    assert len(rows) == 30 == metadata["records_written"]
    assert "tagalog" not in {row["language"] for row in rows}
    assert metadata["k"] == k and metadata["quasi_identifiers"] == QUASI
    assert any(level > 0 for level in metadata["levels"].values())
    assert metadata["smallest_class_persons"] == min(len(persons) for persons in classes.values())
    # The lowest generalisation that works (worked out by hand from the planted crowd):
    assert metadata["generalised_to"] == EXPECTED_LEVELS[k]
    assert sorted(len(persons) for persons in classes.values()) == EXPECTED_CLASSES[k]
    assert f"k = {k}" in readme and "Records suppressed (in classes of fewer than k persons): 1" in readme


def test_a_smaller_k_never_needs_more_generalisation(cast, evaluator):
    plant_crowd(cast.caseworker)
    *_, strict = export_of(evaluator, define(evaluator, k=11))[:3]
    *_, loose = export_of(evaluator, define(evaluator, k=5))[:3]
    assert sum(loose["levels"].values()) <= sum(strict["levels"].values())
    assert strict["levels"]["age"] >= 2  # ages 30-49 one or two per year: bands of ten years at least


def test_no_direct_identifier_reaches_the_file(cast, evaluator):
    cases = []
    for n in range(12):
        cases.append(
            a_client(
                cast.caseworker,
                given=f"Zebulonia{n}",
                family="Quackenbush",
                phone=f"555-0199-87{n:02d}",
                email=f"zq{n}@nowhere.example",
                line1=f"{70 + n} Marigold Crescent",
                postcode="12345",
            )
        )
    data_set = define(
        evaluator, k=2, fields=[*QUASI, "case_type", "program", "needs", "opened_on", "closed_on"]
    )
    export = request_export(evaluator, data_set)
    response = client_for(evaluator).get(reverse("datasets:export_download", args=[export.pk]))
    rows, metadata, readme = read_zip(b"".join(response.streaming_content))
    text = "\n".join([str(rows), str(metadata), readme]).lower()
    for case in cases:
        person = case.person
        for identifier in (
            person.given_name,
            person.family_name,
            f"{person.date_of_birth:%Y-%m-%d}",
            case.number,
            *person.contacts.values_list("value", flat=True),
            *person.contacts.values_list("normalised", flat=True),
        ):
            assert identifier.lower() not in text
    assert "quackenbush" not in text and "marigold" not in text and "nowhere.example" not in text
    assert len(rows) == 12
    # Pseudonyms are random, new for each export, and never a database id.
    assert all(row["record"].startswith("r-") and row["person"].startswith("p-") for row in rows)
    again = request_export(evaluator, data_set)
    response = client_for(evaluator).get(reverse("datasets:export_download", args=[again.pk]))
    second, *_ = read_zip(b"".join(response.streaming_content))
    assert not {row["person"] for row in rows} & {row["person"] for row in second}


def test_dates_are_shifted_by_one_offset_per_person_and_differ_between_persons(cast, evaluator):
    first = a_client(
        cast.caseworker,
        opened=dt.date(2025, 3, 1),
        closed_on=dt.date(2025, 4, 10),
        status="closed",
        closing_reason="goals_met",
    )
    a_client(cast.caseworker, person=first.person, opened=dt.date(2025, 6, 1))
    for _ in range(12):
        a_client(cast.caseworker, opened=dt.date(2025, 3, 1))
    data_set = define(evaluator, k=2, fields=["case_type", "opened_on", "closed_on"])
    _, rows, metadata, _ = export_of(evaluator, data_set)
    by_person: dict[str, list[dict]] = {}
    for row in rows:
        by_person.setdefault(row["person"], []).append(row)
    (twice,) = [rows for rows in by_person.values() if len(rows) == 2]
    opened = sorted(dt.date.fromisoformat(row["opened_on"]) for row in twice)
    # The person's two cases keep their 92 days apart, and the closing keeps its 40 days after opening.
    assert (opened[1] - opened[0]).days == 92
    (closed,) = [row for row in twice if row["closed_on"]]
    assert (
        dt.date.fromisoformat(closed["closed_on"]) - dt.date.fromisoformat(closed["opened_on"])
    ).days == 40
    assert dt.date.fromisoformat(closed["opened_on"]) != dt.date(2025, 3, 1)
    # Thirteen people opened on 1 March; no two of them carry the same shifted date.
    march = [dt.date.fromisoformat(rows[0]["opened_on"]) for rows in by_person.values() if len(rows) == 1]
    assert len(march) == 12 and len(set(march)) == 12
    assert all(abs((day - dt.date(2025, 3, 1)).days) <= building.MAX_SHIFT_DAYS for day in march)
    assert metadata["date_handling"] == "shift"


def test_dates_generalised_to_the_month_are_quasi_identifiers(cast, evaluator):
    for n in range(24):
        a_client(cast.caseworker, opened=dt.date(2025, 1 + n % 2, 1 + n))
    data_set = define(evaluator, k=11, fields=["case_type", "opened_on"], date_handling="month")
    _, rows, metadata, _ = export_of(evaluator, data_set)
    assert {row["opened_on"] for row in rows} == {"2025-01", "2025-02"}
    assert metadata["quasi_identifiers"] == ["opened_on"]
    assert min(len(p) for p in classes_of(rows, ["opened_on"]).values()) >= 11


def _protected(cast, segment: str, case_type: str):
    return a_client(cast.caseworker, segment=segment, case_type=case_type)


def test_part_2_and_school_records_are_left_out_without_a_research_consent(cast, evaluator):
    for _ in range(14):
        a_client(cast.caseworker)
    sud = _protected(cast, Segment.SUBSTANCE_USE, "substance_use")
    _protected(cast, Segment.SCHOOL, "school")
    partner = OrganisationFactory(name="University research team")
    # A consent for another purpose does not cover research.
    Consent.objects.create(
        person=sud.person,
        segment=Segment.SUBSTANCE_USE,
        purpose="referral",
        recipient_organisation=partner,
        **signed_consent_elements(),
    )
    data_set = define(evaluator, k=2, fields=["case_type", "needs"], recipient_organisation=partner)
    export, rows, metadata, readme = export_of(evaluator, data_set)
    assert sorted(row["case_type"] for row in rows) == ["case_management"] * 14
    assert export.left_out_for_consent == 2
    # Two is a small count: the file says only that it was fewer than the threshold.
    assert metadata["left_out_for_consent"] == "fewer than 11"
    assert (
        "Left out (substance-use, school or other protected records without a research consent): fewer than 11"
        in readme
    )
    # Nor can it be worked out: no number on the page, in the API or in the file is the population,
    # which with the records written and suppressed would give the two back.
    population = len(rows) + export.records_suppressed + export.left_out_for_consent
    client = client_for(evaluator)
    page = client.get(reverse("datasets:export_detail", args=[export.pk])).content.decode()
    block = page[
        page.index('id="export-progress"') : page.index("</section>", page.index('id="export-progress"'))
    ]
    api = client.get(f"/api/v1/dataset-exports/{export.pk}").json()
    assert str(metadata["population"]).startswith("not stated")
    assert population not in _numbers(api) | _numbers(metadata)
    for shown in (re.sub(r"<[^>]+>", " ", block), readme):
        assert not re.search(rf"(?<![\\d.-]){population}(?![\\d.%])", shown), shown


def _numbers(value) -> set[int]:
    """Every whole number in a JSON value (a bool is not one)."""
    if isinstance(value, dict):
        return set().union(*(_numbers(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(_numbers(item) for item in value))
    return {value} if isinstance(value, int) and not isinstance(value, bool) else set()


def test_a_research_consent_naming_the_partner_lets_them_in(cast, evaluator):
    for _ in range(3):
        a_client(cast.caseworker)
    sud = _protected(cast, Segment.SUBSTANCE_USE, "substance_use")
    school = _protected(cast, Segment.SCHOOL, "school")
    partner = OrganisationFactory(name="University research team")
    for case in (sud, school):
        Consent.objects.create(
            person=case.person,
            segment=case.segment,
            purpose=Consent.Purpose.RESEARCH,
            recipient_organisation=partner,
            **signed_consent_elements(),
        )
    with_partner = define(evaluator, k=2, fields=["case_type", "needs"], recipient_organisation=partner)
    export, rows, metadata, _ = export_of(evaluator, with_partner)
    assert sorted(row["case_type"] for row in rows) == ["case_management"] * 3 + ["school", "substance_use"]
    assert export.left_out_for_consent == 0 and metadata["left_out_for_consent"] == "0"
    # Without the partner named, the consent cannot be matched to a recipient: they stay out.
    without = define(evaluator, k=2, fields=["case_type", "needs"])
    export, rows, *_ = export_of(evaluator, without)
    assert export.left_out_for_consent == 2 and len(rows) == 3


def test_a_revoked_research_consent_no_longer_covers_them(cast, evaluator):
    for _ in range(3):
        a_client(cast.caseworker)
    sud = _protected(cast, Segment.SUBSTANCE_USE, "substance_use")
    partner = OrganisationFactory(name="University research team")
    Consent.objects.create(
        person=sud.person,
        segment=sud.segment,
        purpose=Consent.Purpose.RESEARCH,
        recipient_organisation=partner,
        revoked_on=dt.date.today() - dt.timedelta(days=1),
        given_on=dt.date.today() - dt.timedelta(days=30),
        **signed_consent_elements(),
    )
    export, rows, *_ = export_of(
        evaluator, define(evaluator, k=2, fields=["case_type"], recipient_organisation=partner)
    )
    assert export.left_out_for_consent == 1 and len(rows) == 3


def test_the_task_saves_its_progress_chunk_by_chunk(cast, evaluator, monkeypatch):
    for _ in range(7):
        a_client(cast.caseworker)
    data_set = define(evaluator, k=2, fields=["case_type"])
    monkeypatch.setattr(building, "CHUNK_SIZE", 2)
    seen: list[tuple[str, int, int]] = []
    read = building.ChunkReader.read

    def watching(reader, rows):
        export = DataSetExport.objects.get()
        seen.append((export.status, export.rows_done, export.rows_total))
        return read(reader, rows)

    monkeypatch.setattr(building.ChunkReader, "read", watching)
    export = request_export(evaluator, data_set)
    export.refresh_from_db()
    assert seen == [("running", 0, 7), ("running", 2, 7), ("running", 4, 7), ("running", 6, 7)]
    assert (export.status, export.rows_done, export.rows_total, export.percent_done) == ("done", 7, 7, 100)


def test_the_progress_page_refreshes_itself_until_the_export_is_done(cast, evaluator):
    data_set = define(evaluator, k=2, fields=["case_type"])
    queued = DataSetExport.objects.create(
        data_set=data_set, requested_by=evaluator, rows_total=10, rows_done=4
    )
    client = client_for(evaluator)
    url = reverse("datasets:export_detail", args=[queued.pk])
    page = client.get(url).content.decode()
    assert (
        'hx-trigger="every 2s"' in page
        and "40% of the cases read" in page
        and "10 cases" not in page
        and "<html" in page
    )
    block = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert (
        block.lstrip().startswith("{#") is False and "<html" not in block and 'id="export-progress"' in block
    )
    done = request_export(evaluator, data_set)
    page = client.get(reverse("datasets:export_detail", args=[done.pk])).content.decode()
    assert "hx-trigger" not in page and "Download the data set" in page


def test_a_failed_export_says_so_and_leaves_no_file(cast, evaluator, monkeypatch):
    a_client(cast.caseworker)
    data_set = define(evaluator, k=2, fields=["case_type"])

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    # It fails half-way through the zip, after data.csv is written.
    monkeypatch.setattr(building, "readme_of", broken)
    export = request_export(evaluator, data_set)
    export.refresh_from_db()
    assert export.status == "failed" and export.problem and not export.file_name
    response = client_for(evaluator).get(reverse("datasets:export_download", args=[export.pk]))
    assert response.status_code == 302
    assert list(building.export_dir().iterdir()) == []


def test_every_export_and_download_is_audited(cast, evaluator):
    for _ in range(2):
        a_client(cast.caseworker)
    data_set = define(evaluator, k=2, fields=["case_type", "age"])
    before = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
    export = request_export(evaluator, data_set)
    client_for(evaluator).get(reverse("datasets:export_download", args=[export.pk]))
    api = client_for(evaluator).get(f"/api/v1/dataset-exports/{export.pk}/file")
    assert api.status_code == 200 and api.streaming
    entries = list(
        AuditEntry.objects.filter(object_type="datasets.datasetexport", object_id=str(export.pk)).order_by(
            "id"
        )
    )
    assert [(e.action, e.purpose) for e in entries] == [
        ("export", "research data set export requested: Housing outcomes"),
        ("export", "research data set written (de-identified)"),
        ("export", "research data set downloaded"),
        ("export", "research data set downloaded"),
    ]
    assert all(e.actor_username == evaluator.username and e.fields == ["age", "case_type"] for e in entries)
    assert AuditEntry.objects.filter(id__gt=before, action="export").count() == 4


def test_the_population_is_cases_opened_in_the_period_of_the_program_and_need(cast, evaluator):
    need = Need.objects.first()
    inside = [a_client(cast.caseworker) for _ in range(3)]
    for case in inside:
        case.needs.create(need=need)
    a_client(cast.caseworker)  # no such need
    a_client(cast.caseworker, opened=dt.date(2024, 12, 31)).needs.create(need=need)  # before the period
    data_set = define(evaluator, k=2, fields=["case_type", "needs"], need=need)
    export, rows, *_ = export_of(evaluator, data_set)
    assert export.rows_total == 3 and len(rows) == 3
    assert {row["needs"] for row in rows} == {need.code}

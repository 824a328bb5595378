"""Test support shared by every app: factories and a cast of named staff, one per role."""

from __future__ import annotations

import datetime as dt
import re
import zlib

import factory
from django.test import Client

from tapestry.access.models import (
    Assignment,
    Consent,
    Role,
    Segment,
    SegmentGrant,
    Team,
    TeamMembership,
    User,
)
from tapestry.people.models import ContactPoint, Household, HouseholdMember, Organisation, Person

TEST_PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"staff{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    role = Role.CASEWORKER
    password = factory.django.Password(TEST_PASSWORD)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    given_name = factory.Faker("first_name")
    family_name = factory.Faker("last_name")
    date_of_birth = factory.Faker(
        "date_between", start_date=dt.date(1940, 1, 1), end_date=dt.date(2015, 12, 31)
    )
    languages = "English"


class PhoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPoint

    person = factory.SubFactory(PersonFactory)
    kind = ContactPoint.Kind.PHONE
    value = factory.Sequence(lambda n: f"555-01{n:02d}-{n:04d}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.NONPROFIT


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Household

    name = factory.Sequence(lambda n: f"Household {n}")


class CaseFactory(factory.django.DjangoModelFactory):
    """An open general case; pass `worker` (assigned to the person) and `person` as needed."""

    class Meta:
        model = "cases.Case"

    person = factory.SubFactory(PersonFactory)
    worker = factory.SubFactory(UserFactory)
    case_type = "case_management"
    presenting_problem = "Behind on rent after losing work hours."
    segment = ""


def open_case(worker: User, person: Person | None = None, **fields: object):
    """An open case held by `worker`, who also gets the person on their caseload."""
    person = person or PersonFactory()
    if not Assignment.objects.filter(staff=worker, person=person, ended_on__isnull=True).exists():
        assign(worker, person)
    return CaseFactory(worker=worker, person=person, **fields)


def assign(staff: User, person: Person, kind: str = Assignment.Kind.PRIMARY) -> Assignment:
    return Assignment.objects.create(staff=staff, person=person, kind=kind)


def add_member(
    household: Household, person: Person, position: str = HouseholdMember.Position.HEAD
) -> HouseholdMember:
    return HouseholdMember.objects.create(household=household, person=person, position=position)


def grant(user: User, segment: Segment) -> SegmentGrant:
    return SegmentGrant.objects.create(user=user, segment=segment, reason="test")


class Cast:
    """One named user per role, a team of two caseworkers, and a supervisor over them."""

    def __init__(self) -> None:
        self.by_role: dict[str, User] = {
            role.value: UserFactory(username=role.value, role=role) for role in Role
        }
        self.caseworker = self.by_role[Role.CASEWORKER]
        self.supervisor = self.by_role[Role.SUPERVISOR]
        self.teammate = UserFactory(username="teammate", role=Role.CASEWORKER, supervisor=self.supervisor)
        self.outsider = UserFactory(username="outsider", role=Role.CASEWORKER)
        self.caseworker.supervisor = self.supervisor
        self.caseworker.save()
        team = Team.objects.create(name="North team")
        TeamMembership.objects.create(team=team, user=self.caseworker)
        TeamMembership.objects.create(team=team, user=self.teammate)
        self.team = team

    def __getitem__(self, role: str) -> User:
        return self.by_role[role]


def signed_consent_elements(**changes: object) -> dict[str, object]:
    """The fields of a complete written consent (every element of 42 CFR 2.31(a) and 34 CFR 99.30):
    signed by the person yesterday, a year to run, every part but SUD counselling notes named."""
    today = dt.date.today()
    return {
        "written": True,
        "discloser": "Test agency",
        "record_parts": [p for p in Consent.RecordPart.values if p != Consent.RecordPart.COUNSELLING_NOTES],
        "revocation_statement": "You may revoke this consent in writing at any time.",
        "signed_by": Consent.Signer.PERSON,
        "signed_on": today - dt.timedelta(days=1),
        "expires_on": today + dt.timedelta(days=365),
        **changes,
    }


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def counted(client: Client, url: str, expected: int, django_assert_num_queries, **params: object):
    """GET `url` with exactly `expected` queries (pytest-django's fixture counts them) and a 200.

    The first request settles the session, so the counted one is what every later visit costs.
    """
    client.get(url, params)
    with django_assert_num_queries(expected):
        response = client.get(url, params)
    if response.status_code != 200:
        raise AssertionError(f"GET {url} answered {response.status_code}, not 200")
    return response


def _inflate(stream: bytes) -> bytes:
    try:
        return zlib.decompress(stream)
    except zlib.error:
        return stream


def _pdf_objects(data: bytes) -> dict[int, bytes]:
    """Every object's text by number, the ones packed in object streams (WeasyPrint) included."""
    objects = {
        int(number): body for number, body in re.findall(rb"(?<![\d])(\d+) 0 obj\s*(.*?)endobj", data, re.S)
    }
    for body in list(objects.values()):
        if b"/ObjStm" not in body:
            continue
        first = int(re.search(rb"/First (\d+)", body).group(1))
        packed = _inflate(re.search(rb"stream\r?\n(.*?)\r?\nendstream", body, re.S).group(1))
        header = [int(n) for n in packed[:first].split()]
        pairs = list(zip(header[::2], header[1::2], strict=True))
        for index, (number, offset) in enumerate(pairs):
            stop = first + pairs[index + 1][1] if index + 1 < len(pairs) else len(packed)
            objects[number] = packed[first + offset : stop]
    return objects


def _to_unicode_maps(objects: dict[int, bytes]) -> dict[bytes, dict[int, str]]:
    """Each font resource name's ToUnicode map: glyph code to text (bfchar and bfrange entries)."""
    maps: dict[bytes, dict[int, str]] = {}
    dictionaries: list[bytes] = []
    for body in objects.values():
        dictionaries += re.findall(rb"/Font\s*<<(.*?)>>", body, re.S)
        dictionaries += [objects.get(int(n), b"") for n in re.findall(rb"/Font\s+(\d+) 0 R", body)]
    for fonts in dictionaries:
        for name, number in re.findall(rb"/([^\s/<>\[\]]+)\s+(\d+) 0 R", fonts):
            font = objects.get(int(number), b"")
            found = re.search(rb"/ToUnicode (\d+) 0 R", font)
            if not found:
                continue
            stream = re.search(
                rb"stream\r?\n(.*?)\r?\nendstream", objects.get(int(found.group(1)), b""), re.S
            )
            cmap = _inflate(stream.group(1)) if stream else b""
            codes: dict[int, str] = {}
            for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
                for code, text in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
                    codes[int(code, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be")
            for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
                for low, high, text in re.findall(rb"<(\w+)>\s*<(\w+)>\s*<(\w+)>", block):
                    start = int(text, 16)
                    for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                        codes[code] = chr(start + offset)
            maps[name] = codes
    return maps


_TEXT_OPERATION = re.compile(
    rb"/([^\s/]+)\s+[\d.]+\s+Tf"  # a font chosen
    rb"|\[((?:[^\]\\]|\\.)*)\]\s*TJ"  # an array of strings shown
    rb"|(\((?:[^()\\]|\\.)*\)|<[0-9a-fA-F\s]*>)\s*Tj",  # one string shown
    re.S,
)
_STRING = re.compile(rb"\(((?:[^()\\]|\\.)*)\)|<([0-9a-fA-F\s]*)>")


def pdf_page_count(data: bytes) -> int:
    """How many pages a PDF has (its page objects, packed ones included)."""
    return sum(1 for body in _pdf_objects(data).values() if re.search(rb"/Type\s*/Page(?![s\w])", body))


def pdf_text(data: bytes) -> str:
    """The strings a PDF's text operators show (Tj and TJ), from its content streams inflated, joined by spaces.

    Reads fpdf2's literal Latin-1 strings and WeasyPrint's glyph codes (hex strings read through
    each font's ToUnicode map), so a test can look for a name in either kind of PDF.
    """
    maps = _to_unicode_maps(_pdf_objects(data))
    shown: list[str] = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        font: dict[int, str] = {}
        for chosen, array, single in _TEXT_OPERATION.findall(_inflate(stream)):
            if chosen:
                font = maps.get(chosen, {})
                continue
            glyphs = (array or single).lstrip().startswith(b"<")
            parts = []
            for literal, hexa in _STRING.findall(array or single):
                if glyphs:
                    digits = re.sub(rb"\s", b"", hexa)
                    parts.append(
                        "".join(font.get(int(digits[i : i + 4], 16), "") for i in range(0, len(digits), 4))
                    )
                else:
                    parts.append(re.sub(rb"\\(.)", rb"\1", literal).decode("latin-1"))
            # Glyph codes carry their own spaces; fpdf2's literal pieces are words apart.
            shown.append(("" if glyphs else " ").join(parts))
    return " ".join(shown)

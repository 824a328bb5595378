"""Builds the demo agency: staff for every role, teams, clients, families, partners, consents.

Everything comes from fixed lists and one seeded random generator, so every load of the demo
holds the same people under the same names. It is a loader, not a user action: it writes
with the ORM inside one transaction and leaves one audit entry recording the load.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from tapestry.access.audit import audit_record
from tapestry.access.consent_rules import REVOCATION_STATEMENT
from tapestry.access.models import (
    Assignment,
    AuditEntry,
    BreakGlass,
    Consent,
    Role,
    Segment,
    SegmentGrant,
    Team,
    TeamMembership,
    User,
)
from tapestry.demo import names
from tapestry.people.models import (
    Address,
    ContactPoint,
    Household,
    HouseholdMember,
    Organisation,
    OrganisationContact,
    Person,
    PersonAlias,
    Relationship,
)

SEED = 2026
DEMO_PASSWORD = "tapestry-demo-2026"  # documented in the README; for the demo only
MARKER_USERNAME = Role.CASEWORKER.value
PERSON_COUNT = 120
HOUSEHOLD_COUNT = 30
# Dates of birth are drawn relative to a fixed day so the demo does not drift with the calendar.
REFERENCE_DAY = dt.date(2026, 1, 1)

NORTH, SOUTH, YOUTH = "North team", "South team", "Youth and schools"
TEAMS = {
    NORTH: "Adult case management in the north of the county.",
    SOUTH: "Crisis, outreach and family safety in the south of the county.",
    YOUTH: "Children, young people and the schools they attend.",
}


@dataclass(frozen=True)
class StaffMember:
    username: str
    first_name: str
    last_name: str
    role: str
    team: str = ""
    lead: bool = False
    supervised_by: str = ""


def _supervised_by(supervisor: str, *members: tuple) -> tuple[StaffMember, ...]:
    return tuple(StaffMember(*member, supervised_by=supervisor) for member in members)


# One login per role (username = the role) and a few more caseworkers to share the work.
# Rows are (username, first name, last name, role, team, leads the team).
STAFF = (
    StaffMember("supervisor", "Margaret", "Osei", Role.SUPERVISOR, NORTH, lead=True),
    StaffMember("program_manager", "Rahul", "Desai", Role.PROGRAM_MANAGER),
    *_supervised_by(
        "supervisor",
        ("caseworker", "Elena", "Vargas", Role.CASEWORKER, NORTH),
        ("priya.natarajan", "Priya", "Natarajan", Role.CASEWORKER, NORTH),
        ("tomas.lindqvist", "Tomas", "Lindqvist", Role.CASEWORKER, NORTH),
        ("amara.okafor", "Amara", "Okafor", Role.CASEWORKER, SOUTH, True),
        ("kai.nakoa", "Kai", "Nakoa", Role.CASEWORKER, YOUTH),
        ("crisis_worker", "Diego", "Ferreira", Role.CRISIS_WORKER, SOUTH),
        ("child_welfare_worker", "Hannah", "Abernathy", Role.CHILD_WELFARE_WORKER, SOUTH),
        ("school_social_worker", "Marcus", "Bellweather", Role.SCHOOL_SOCIAL_WORKER, YOUTH, True),
        ("outreach_worker", "Lucía", "Paredes", Role.OUTREACH_WORKER, SOUTH),
    ),
    *_supervised_by(
        "program_manager",
        ("group_facilitator", "Nia", "Thompson", Role.GROUP_FACILITATOR, YOUTH),
        ("community_educator", "Samir", "Haddadi", Role.COMMUNITY_EDUCATOR, YOUTH),
        ("community_organiser", "Joy", "Mwangi", Role.COMMUNITY_ORGANISER),
        ("evaluator", "Oskar", "Brandt", Role.EVALUATOR),
        ("grants_officer", "Ruth", "Feldman", Role.GRANTS_OFFICER),
    ),
    StaffMember("agency_director", "Beatrix", "Okonkwo-Hale", Role.AGENCY_DIRECTOR),
    StaffMember("administrator", "Kwabena", "Asante", Role.ADMINISTRATOR),
    StaffMember("auditor", "Ingrid", "Solberg", Role.AUDITOR),
)

# How many people each worker carries; the rest of the county is in no one's caseload.
CASELOADS = (
    ("caseworker", 15),
    ("priya.natarajan", 12),
    ("tomas.lindqvist", 11),
    ("amara.okafor", 12),
    ("child_welfare_worker", 9),
    ("crisis_worker", 5),
    ("outreach_worker", 8),
    ("school_social_worker", 10),
    ("kai.nakoa", 10),
)

# (name, kind, what they do, contacts as (name, title))
ORGANISATIONS = (
    ("Riverton Elementary School", Organisation.Kind.SCHOOL, "Kindergarten to grade 5.", [("Beverly Ansah", "Principal"), ("Tom Reyburn", "School counsellor")]),
    ("Eastfield Middle School", Organisation.Kind.SCHOOL, "Grades 6 to 8.", [("Carmen Iglesias", "Assistant principal")]),
    ("Port Ainsley High School", Organisation.Kind.SCHOOL, "Grades 9 to 12, with a teen parent programme.", [("Devon Marsh", "Attendance officer"), ("Lena Kováč", "School nurse")]),
    ("Northgate Community College", Organisation.Kind.SCHOOL, "Adult education, ESL and GED classes.", [("Femi Adebayo", "Student support lead")]),
    ("Riverton Food Collective", Organisation.Kind.NONPROFIT, "Food pantry and weekly hot meals.", [("Greta Holm", "Pantry coordinator")]),
    ("Safe Harbour Shelter", Organisation.Kind.NONPROFIT, "Confidential shelter for survivors of domestic violence.", [("Intake line", "24-hour advocate")]),
    ("Open Door Tenants' Union", Organisation.Kind.NONPROFIT, "Tenant organising and eviction defence.", [("Raúl Mendoza", "Organiser")]),
    ("Eastfield Youth Mentoring", Organisation.Kind.NONPROFIT, "One-to-one mentoring for young people aged 10 to 18.", [("Tasha Greene", "Programme manager")]),
    ("Second Chance Re-entry Network", Organisation.Kind.NONPROFIT, "Support after release from prison or jail.", [("Moses Kariuki", "Peer navigator")]),
    ("Legal Aid of Demo County", Organisation.Kind.NONPROFIT, "Free civil legal help: housing, benefits, family law.", [("Sofia Lindahl", "Staff attorney")]),
    ("Maplewood Community Foundation", Organisation.Kind.FUNDER, "Local foundation funding family support.", [("Edwin Park", "Programme officer")]),
    ("Tri-County United Fund", Organisation.Kind.FUNDER, "Pooled giving for basic needs across three counties.", [("Alma Rocha", "Grants manager")]),
    ("Larkspur Family Trust", Organisation.Kind.FUNDER, "Private trust funding youth and schools work.", [("Harriet Quist", "Trustee")]),
    ("Demo County Department of Human Services", Organisation.Kind.GOVERNMENT, "Benefits, child protection and adult services.", [("Gordon Achebe", "Benefits supervisor"), ("Marta Sokol", "Child protection intake")]),
    ("Riverton Housing Authority", Organisation.Kind.GOVERNMENT, "Public housing and housing vouchers.", [("Yusra Karim", "Voucher specialist")]),
    ("Office of Council Member Aldana", Organisation.Kind.GOVERNMENT, "District 3 city council office.", [("Pete Ruiz", "Policy aide")]),
    ("Harbourview Recovery Clinic", Organisation.Kind.HEALTH, "Outpatient substance-use treatment.", [("Dr. Ama Boateng", "Medical director")]),
    ("Riverton Community Health Centre", Organisation.Kind.HEALTH, "Primary care on a sliding fee scale.", [("Iris Novak", "Care coordinator")]),
    ("Eastfield Mental Health Services", Organisation.Kind.HEALTH, "Counselling and psychiatry, adults and children.", [("Dr. Luis Ortega", "Clinical lead")]),
    ("Demo County Family Court", Organisation.Kind.COURT, "Custody, protection orders and child welfare hearings.", [("Clerk's office", "Family division")]),
    ("Riverton Municipal Court", Organisation.Kind.COURT, "Minor offences and housing court.", [("Anita Brooks", "Court navigator")]),
    ("Northside Family Services", Organisation.Kind.AGENCY, "A neighbouring agency we share families with.", [("Colm Byrne", "Intake worker")]),
    ("Greenleaf Grocers Cooperative", Organisation.Kind.EMPLOYER, "Employer with a supported-employment scheme.", [("Dana Whitfield", "HR lead")]),
    ("Eastfield Interfaith Council", Organisation.Kind.FAITH, "Congregations running a winter warming centre.", [("Rev. Grace Oduya", "Coordinator")]),
    ("Riverton Public Library", Organisation.Kind.OTHER, "Free internet, job clubs and a social worker on Tuesdays.", [("Ben Ashworth", "Branch librarian")]),
)  # fmt: skip

# Near-duplicates on purpose, so duplicate detection has something to find:
# (given, family, date of birth, worker, phone shared with the other of the pair)
NEAR_DUPLICATES = (
    (("John", "Smith", dt.date(1984, 3, 12), "caseworker", ""), ("Jon", "Smyth", dt.date(1984, 3, 12), "amara.okafor", "")),
    (("Aaliyah", "Johnson", dt.date(1999, 4, 7), "priya.natarajan", "(555) 010-7777"), ("Aliyah", "Johnston", dt.date(1999, 7, 4), "", "(555) 010-7777")),
)  # fmt: skip


@dataclass
class DemoSummary:
    staff: list[User] = field(default_factory=list)
    persons: int = 0
    households: int = 0
    relationships: int = 0
    organisations: int = 0
    consents: int = 0
    caseload_size: int = 0


def demo_loaded() -> bool:
    return User.objects.filter(username=MARKER_USERNAME).exists()


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ch.isascii() and ch.isalnum()).lower()


def _slug(text: str) -> str:
    return "-".join(_ascii(word) for word in text.split() if _ascii(word))


class _Agency:
    """The state of one load: the random generator and what has been made so far."""

    def __init__(self) -> None:
        # Demo data, not secrets: a seeded generator makes every load identical.
        self.rng = random.Random(SEED)
        self.today = timezone.localdate()
        self.staff: dict[str, User] = {}
        self.persons: list[Person] = []
        self.households: list[Household] = []
        self.organisations: dict[str, Organisation] = {}
        self.relationships = 0
        self.consents = 0
        self.used_names: set[tuple[str, str]] = set()

    # ---- staff -------------------------------------------------------------------------------
    def make_staff(self) -> None:
        # One hash for everyone: the shared demo password would take seconds to hash per account.
        password = make_password(DEMO_PASSWORD)
        teams = {name: Team.objects.create(name=name, description=text) for name, text in TEAMS.items()}
        for member in STAFF:
            user = User.objects.create(
                username=member.username,
                first_name=member.first_name,
                last_name=member.last_name,
                email=f"{member.username.replace('_', '.')}@demo.tapestry.example.org",
                role=member.role,
                password=password,
                supervisor=self.staff.get(member.supervised_by),
            )
            self.staff[member.username] = user
            if member.team:
                TeamMembership.objects.create(team=teams[member.team], user=user, is_lead=member.lead)

    # ---- organisations -----------------------------------------------------------------------
    def make_organisations(self) -> None:
        for index, (name, kind, description, contacts) in enumerate(ORGANISATIONS):
            slug = _slug(name)
            organisation = Organisation.objects.create(
                name=name,
                kind=kind,
                description=description,
                phone=f"(555) 020-{1000 + index * 7:04d}",
                email=f"hello@{slug}.example.org",
                website=f"https://{slug}.example.org",
                address=f"{10 + index * 3} {self.rng.choice(names.STREETS)}, {self.rng.choice(names.TOWNS)[0]}",
            )
            for number, (contact, title) in enumerate(contacts):
                OrganisationContact.objects.create(
                    organisation=organisation,
                    name=contact,
                    title=title,
                    phone=f"(555) 020-{1000 + index * 7 + number + 1:04d}",
                    email=f"{_ascii(contact.split()[-1])}@{slug}.example.org",
                )
            self.organisations[name] = organisation

    # ---- persons -----------------------------------------------------------------------------
    def _birth_date(self, youngest: int, oldest: int) -> dt.date:
        age_days = self.rng.randint(youngest * 365, oldest * 365 + 364)
        return REFERENCE_DAY - dt.timedelta(days=age_days)

    def _given_name(self) -> tuple[str, str]:
        gender = self.rng.choices(["woman", "man", "non-binary"], weights=[47, 46, 7])[0]
        pool = {"woman": names.GIVEN_WOMEN, "man": names.GIVEN_MEN, "non-binary": names.GIVEN_NEUTRAL}[gender]
        return self.rng.choice(pool), gender

    def _unique_given(self, family: str) -> tuple[str, str]:
        # Two people with one name in one family would look like a duplicate; draw again.
        for _ in range(20):
            given, gender = self._given_name()
            if (given, family) not in self.used_names:
                return given, gender
        return given, gender

    def make_person(
        self, *, family: str, youngest: int, oldest: int, adult: bool, languages: str = ""
    ) -> Person:
        given, gender = self._unique_given(family)
        self.used_names.add((given, family))
        drawn, interpreter = self.rng.choice(names.LANGUAGES)
        if languages:
            interpreter = "English" not in languages
        languages = languages or drawn
        # A child's gender and pronouns are on file only for some, as in real records.
        recorded = adult or self.rng.random() < 0.5
        identities = names.GENDER_IDENTITY if adult else names.CHILD_GENDER_IDENTITY
        person = Person.objects.create(
            given_name=given,
            family_name=family,
            preferred_name=names.NICKNAMES.get(given, "") if self.rng.random() < 0.6 else "",
            date_of_birth=self._birth_date(youngest, oldest),
            gender_identity=identities[gender] if recorded else "",
            pronouns=names.PRONOUNS[gender] if recorded else "",
            languages=languages,
            needs_interpreter=interpreter and adult,
            notes=self.rng.choice(names.PRACTICAL_NOTES) if adult else "",
        )
        self.persons.append(person)
        number = len(self.persons)
        if adult:
            ContactPoint.objects.create(
                person=person,
                kind=ContactPoint.Kind.PHONE,
                value=f"(555) 010-{1000 + number:04d}",
                safe_to_contact=self.rng.random() > 0.08,
            )
            if self.rng.random() < 0.55:
                ContactPoint.objects.create(
                    person=person,
                    kind=ContactPoint.Kind.EMAIL,
                    value=f"{_ascii(given)}.{_ascii(family)}{number}@example.org",
                )
            if self.rng.random() < 0.12:
                # A misspelling on an old file: what duplicate search must still find.
                PersonAlias.objects.create(person=person, name=f"{given} {family[:-2]}{family[-1]}")
        return person

    def give_address(self, person: Person, *, confidential: bool = False) -> None:
        town, region = self.rng.choice(names.TOWNS)
        if confidential:
            Address.objects.create(
                person=person,
                line1="Confidential shelter address (ask Safe Harbour)",
                city=town,
                region=region,
                confidential=True,
            )
            return
        Address.objects.create(
            person=person,
            line1=f"{self.rng.randint(2, 480)} {self.rng.choice(names.STREETS)}",
            line2=f"Apt {self.rng.randint(1, 30)}" if self.rng.random() < 0.3 else "",
            city=town,
            region=region,
            postcode=f"00{self.rng.randint(100, 999)}",
        )

    def link(self, from_person: Person, to_person: Person, kind: str, **extra: object) -> None:
        Relationship.objects.create(from_person=from_person, to_person=to_person, kind=kind, **extra)
        self.relationships += 1

    def make_households(self) -> None:
        families = self.rng.sample(names.FAMILY_NAMES, HOUSEHOLD_COUNT)
        confidential_left = 3
        for family in families:
            household = Household.objects.create(name=f"{family} household")
            self.households.append(household)
            head = self.make_person(family=family, youngest=22, oldest=58, adult=True)
            # Families mostly share a language; children growing up here also speak English.
            home_language = head.languages.split(",")[0]
            children_languages = (
                head.languages if "English" in head.languages else f"{home_language}, English"
            )
            members = [(head, HouseholdMember.Position.HEAD)]
            partner = None
            if self.rng.random() < 0.55:
                partner_family = family if self.rng.random() < 0.5 else self.rng.choice(names.FAMILY_NAMES)
                partner = self.make_person(
                    family=partner_family,
                    youngest=22,
                    oldest=58,
                    adult=True,
                    languages=head.languages if self.rng.random() < 0.8 else "",
                )
                if partner_family == family and self.rng.random() < 0.5:
                    PersonAlias.objects.create(
                        person=partner, name=f"{partner.given_name} {self.rng.choice(names.FAMILY_NAMES)}"
                    )
                members.append((partner, HouseholdMember.Position.PARTNER))
                self.link(head, partner, Relationship.Kind.PARTNER)
            children = [
                self.make_person(
                    family=family, youngest=1, oldest=17, adult=False, languages=children_languages
                )
                for _ in range(self.rng.choices([0, 1, 2, 3], weights=[2, 4, 4, 2])[0])
            ]
            for child in children:
                members.append((child, HouseholdMember.Position.CHILD))
                for parent in filter(None, (head, partner)):
                    self.link(parent, child, Relationship.Kind.PARENT)
            for older, younger in zip(children, children[1:], strict=False):
                self.link(older, younger, Relationship.Kind.SIBLING)
            if children and partner is None and self.rng.random() < 0.5:
                grandparent = self.make_person(
                    family=family, youngest=60, oldest=84, adult=True, languages=home_language
                )
                members.append((grandparent, HouseholdMember.Position.OTHER_ADULT))
                for child in children:
                    self.link(grandparent, child, Relationship.Kind.GRANDPARENT)
                self.link(
                    grandparent, children[0], Relationship.Kind.CAREGIVER, notes="After school every day."
                )
            # A single parent fleeing violence: safe address, and the other parent must not find them.
            shelter = confidential_left > 0 and partner is None and bool(children) and self.rng.random() < 0.6
            for person, position in members:
                HouseholdMember.objects.create(
                    household=household,
                    person=person,
                    position=position,
                    joined_on=REFERENCE_DAY - dt.timedelta(days=self.rng.randint(30, 3000)),
                )
                if person.date_of_birth and person.date_of_birth < REFERENCE_DAY - dt.timedelta(
                    days=18 * 365
                ):
                    self.give_address(person, confidential=shelter)
            if shelter:
                confidential_left -= 1
                former = self.make_person(
                    family=self.rng.choice(names.FAMILY_NAMES), youngest=25, oldest=60, adult=True
                )
                self.link(
                    head,
                    former,
                    Relationship.Kind.FORMER_PARTNER,
                    no_contact=True,
                    notes="Protection order in place.",
                )

    def make_singles(self, count: int) -> None:
        for _ in range(count):
            person = self.make_person(
                family=self.rng.choice(names.FAMILY_NAMES), youngest=18, oldest=80, adult=True
            )
            self.give_address(person)

    def make_near_duplicates(self) -> list[tuple[Person, str]]:
        made = []
        for pair in NEAR_DUPLICATES:
            for given, family, born, worker, phone in pair:
                person = Person.objects.create(
                    given_name=given, family_name=family, date_of_birth=born, languages="English"
                )
                if phone:
                    ContactPoint.objects.create(person=person, kind=ContactPoint.Kind.PHONE, value=phone)
                self.give_address(person)
                self.persons.append(person)
                made.append((person, worker))
        return made

    # ---- caseloads, consent, grants, emergency access -----------------------------------------
    def assign_caseloads(self, duplicates: list[tuple[Person, str]]) -> None:
        fixed = {person.pk: worker for person, worker in duplicates}
        for person, worker in duplicates:
            if worker:
                self._assign(worker, person)
        quota = dict(CASELOADS)
        quota["caseworker"] -= sum(1 for _, worker in duplicates if worker == "caseworker")
        order = [name for name, _ in CASELOADS]
        # Families first, so a worker mostly holds whole households; then people on their own.
        for person in self.persons:
            if person.pk in fixed:
                continue
            while order and quota[order[0]] <= 0:
                order.pop(0)
            if not order:
                break
            self._assign(order[0], person)
            quota[order[0]] -= 1

    def _assign(self, worker: str, person: Person, kind: str = Assignment.Kind.PRIMARY) -> Assignment:
        return Assignment.objects.create(
            staff=self.staff[worker],
            person=person,
            kind=kind,
            started_on=self.today - dt.timedelta(days=self.rng.randint(7, 700)),
        )

    def caseload_of(self, worker: str) -> list[Person]:
        ids = set(Assignment.objects.filter(staff=self.staff[worker]).values_list("person_id", flat=True))
        return [person for person in self.persons if person.pk in ids]

    def make_consents(self) -> None:
        caseworker = self.staff["caseworker"]
        mine = [p for p in self.caseload_of("caseworker") if p.date_of_birth and p.date_of_birth.year < 2006]
        general = (
            (
                "Riverton Community Health Centre",
                Consent.Purpose.CARE_COORDINATION,
                "Contact details and current needs",
            ),
            (
                "Riverton Housing Authority",
                Consent.Purpose.BENEFITS,
                "Household income and housing situation",
            ),
            ("Legal Aid of Demo County", Consent.Purpose.LEGAL, "Eviction notice and tenancy history"),
            ("Riverton Food Collective", Consent.Purpose.REFERRAL, "Name, household size and dietary needs"),
            (
                "Eastfield Mental Health Services",
                Consent.Purpose.REFERRAL,
                "Reason for referral and risk summary",
            ),
        )
        for person, (organisation, purpose, information) in zip(mine, general, strict=False):
            Consent.objects.create(
                person=person,
                information=information,
                recipient_organisation=self.organisations[organisation],
                purpose=purpose,
                written=True,
                given_on=self.today - dt.timedelta(days=self.rng.randint(10, 200)),
                expires_on=self.today + dt.timedelta(days=365),
                recorded_by=caseworker,
            )
            self.consents += 1
        if len(mine) > len(general):
            # Part 2 records leave only with written consent naming the recipient.
            Consent.objects.create(
                person=mine[len(general)],
                segment=Segment.SUBSTANCE_USE,
                information="Attendance and treatment progress",
                record_parts=[Consent.RecordPart.TREATMENT_PLAN, Consent.RecordPart.MEDICATION],
                discloser="Tapestry demo agency, substance-use program",
                recipient_organisation=self.organisations["Harbourview Recovery Clinic"],
                purpose=Consent.Purpose.TREATMENT,
                written=True,
                document_reference="Signed consent form SU-2026-001 (paper file)",
                revocation_statement=REVOCATION_STATEMENT,
                signed_by=Consent.Signer.PERSON,
                signed_on=self.today - dt.timedelta(days=30),
                given_on=self.today - dt.timedelta(days=30),
                expires_on=self.today + dt.timedelta(days=180),
                recorded_by=caseworker,
            )
            Consent.objects.create(
                person=mine[len(general)],
                information="Stories of housing hardship, without names",
                recipient_description="Agency advocacy materials",
                purpose=Consent.Purpose.STORY,
                given_on=self.today - dt.timedelta(days=60),
                revoked_on=self.today - dt.timedelta(days=5),
                recorded_by=caseworker,
            )
            self.consents += 2

    def make_grants(self) -> None:
        by = self.staff["supervisor"]
        grants = (
            (
                "child_welfare_worker",
                Segment.CHILD_WELFARE,
                "Child-welfare investigations are this worker's role.",
            ),
            ("school_social_worker", Segment.SCHOOL, "School-based practice under the district agreement."),
            ("caseworker", Segment.SUBSTANCE_USE, "Co-occurring disorders caseload."),
            ("caseworker", Segment.PSYCHOTHERAPY, "Licensed clinician providing therapy."),
        )
        for worker, segment, reason in grants:
            SegmentGrant.objects.create(
                user=self.staff[worker], segment=segment, granted_by=by, reason=reason
            )

    def make_break_glass(self) -> None:
        # The crisis worker (South team) opened a North-team client at night; the supervisor reviews it.
        reachable = set(
            Assignment.objects.filter(staff__team_memberships__team__name=SOUTH).values_list(
                "person_id", flat=True
            )
        )
        person = next(p for p in self.caseload_of("tomas.lindqvist") if p.pk not in reachable)
        BreakGlass.objects.create(
            user=self.staff["crisis_worker"],
            person=person,
            reason="Police called the crisis line at 2 am: the person was in distress at the bus station "
            "and I needed their emergency contacts and safety plan.",
            expires_at=BreakGlass.default_expiry(),
        )


def demo_load() -> DemoSummary:
    """Create the whole demo agency in one transaction and record the load in the audit log."""
    agency = _Agency()
    with transaction.atomic():
        agency.make_staff()
        agency.make_organisations()
        agency.make_households()
        duplicates_count = sum(len(pair) for pair in NEAR_DUPLICATES)
        agency.make_singles(PERSON_COUNT - len(agency.persons) - duplicates_count)
        duplicates = agency.make_near_duplicates()
        agency.assign_caseloads(duplicates)
        agency.make_consents()
        agency.make_grants()
        agency.make_break_glass()
        audit_record(
            actor=None,
            action=AuditEntry.Action.CREATE,
            object_type="demo.agency",
            object_id=str(SEED),
            fields=["staff", "teams", "persons", "households", "relationships", "organisations", "consents"],
            purpose="demo agency loaded by seed_demo",
        )
    return DemoSummary(
        staff=list(agency.staff.values()),
        persons=len(agency.persons),
        households=len(agency.households),
        relationships=agency.relationships,
        organisations=len(agency.organisations),
        consents=agency.consents,
        caseload_size=len(agency.caseload_of("caseworker")),
    )

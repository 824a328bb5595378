"""Reading (and writing) a bill in the Open States API v3 shape: every problem found, by where it is in the file.

`bill_from_openstates(data)` checks the whole document and returns what Tapestry keeps of it, or the
list of problems (nothing is stored then; the service decides). Fields Open States publishes that
Tapestry does not keep (votes, documents, other titles and identifiers, extras, timestamps) are
named in the report's notes rather than refused.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext

from tapestry.macro.legislation.openstates import (
    ACTION_CLASSIFICATION_NAMES,
    BILL_CLASSIFICATION_NAMES,
    JURISDICTION_CLASSIFICATIONS,
    SPONSOR_ENTITY_TYPES,
)

NOT_KEPT = (
    "other_titles",
    "other_identifiers",
    "documents",
    "votes",
    "extras",
    "created_at",
    "updated_at",
    "first_action_date",
    "latest_action_date",
    "latest_action_description",
    "latest_passage_date",
    "related_bills",
)
KEPT = (
    "id",
    "session",
    "jurisdiction",
    "from_organization",
    "identifier",
    "title",
    "classification",
    "subject",
    "abstracts",
    "sponsorships",
    "actions",
    "versions",
    "sources",
    "openstates_url",
)


@dataclass(frozen=True)
class Problem:
    where: str
    message: str


@dataclass
class ParsedBill:
    """What Tapestry keeps of an Open States bill, checked."""

    openstates_id: str = ""
    session: str = ""
    jurisdiction: str = ""
    jurisdiction_ocd_id: str = ""
    jurisdiction_classification: str = ""
    from_organization: str = ""
    identifier: str = ""
    title: str = ""
    classification: list[str] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)
    abstract: str = ""
    openstates_url: str = ""
    sources: list[dict[str, str]] = field(default_factory=list)
    sponsorships: list[dict[str, Any]] = field(default_factory=list)
    actions: list[dict[str, Any]] = field(default_factory=list)
    versions: list[dict[str, Any]] = field(default_factory=list)


class _Reader:
    """Reads values out of the document, noting a problem (and answering a safe default) when wrong."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def problem(self, where: str, message: str) -> None:
        self.problems.append(Problem(where, message))

    def text(self, data: dict, key: str, where: str, *, required: bool, limit: int) -> str:
        value = data.get(key)
        if value is None or value == "":
            if required:
                self.problem(where, gettext("This field is required."))
            return ""
        if not isinstance(value, str):
            self.problem(where, gettext("Give this as text."))
            return ""
        value = value.strip()
        if required and not value:
            self.problem(where, gettext("This field is required."))
        if len(value) > limit:
            self.problem(
                where,
                gettext("At most %(limit)s characters (this has %(length)s).")
                % {"limit": limit, "length": len(value)},
            )
        return value

    def url(self, data: dict, key: str, where: str, *, required: bool) -> str:
        value = self.text(data, key, where, required=required, limit=300)
        if value and not value.startswith(("https://", "http://")):
            self.problem(where, gettext("Give a web address starting with https:// or http://."))
            return ""
        return value

    def date(self, data: dict, key: str, where: str, *, required: bool) -> dt.date | None:
        value = self.text(data, key, where, required=required, limit=40)
        if not value:
            return None
        try:
            # Open States dates are ISO dates, sometimes with a time after them.
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            self.problem(where, gettext("“%(value)s” is not a date (YYYY-MM-DD).") % {"value": value})
            return None

    def objects(self, data: dict, key: str, where: str) -> list[dict]:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(where, gettext("Give a list."))
            return []
        good = []
        for n, item in enumerate(value):
            if isinstance(item, dict):
                good.append(item)
            else:
                self.problem(f"{where}[{n}]", gettext("Give an object with the fields of this list."))
                good.append({})
        return good

    def names(
        self, data: dict, key: str, where: str, *, allowed: frozenset[str] | None, limit: int
    ) -> list[str]:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.problem(where, gettext("Give a list of texts."))
            return []
        names = []
        for n, item in enumerate(value):
            item = item.strip()
            if allowed is not None and item not in allowed:
                self.problem(
                    f"{where}[{n}]",
                    gettext("“%(item)s” is not a classification Open States uses.") % {"item": item},
                )
            elif not item or len(item) > limit:
                self.problem(
                    f"{where}[{n}]", gettext("Give a text of 1 to %(limit)s characters.") % {"limit": limit}
                )
            elif item not in names:
                names.append(item)
        return names

    def obj(self, data: dict, key: str, where: str, *, required: bool) -> dict:
        value = data.get(key)
        if value is None:
            if required:
                self.problem(where, gettext("This field is required."))
            return {}
        if not isinstance(value, dict):
            self.problem(where, gettext("Give an object."))
            return {}
        return value


def parse_json(content: bytes) -> tuple[Any, list[Problem]]:
    try:
        return json.loads(content.decode("utf-8-sig")), []
    except UnicodeDecodeError:
        return None, [Problem("file", gettext("The file is not UTF-8 text."))]
    except json.JSONDecodeError as error:
        return None, [
            Problem(
                "file",
                gettext("Not JSON: %(error)s (line %(line)s, column %(column)s).")
                % {"error": error.msg, "line": error.lineno, "column": error.colno},
            )
        ]


def bill_from_openstates(data: Any) -> tuple[ParsedBill, list[Problem], list[str]]:
    """Check an Open States bill; answer what is kept, every problem, and the fields not kept."""
    read = _Reader()
    bill = ParsedBill()
    if not isinstance(data, dict):
        read.problem("file", gettext("Give one bill: a JSON object with the fields of an Open States bill."))
        return bill, read.problems, []
    # A bill Open States never had (exported from a Tapestry) comes without an id: matched by its key.
    bill.openstates_id = read.text(data, "id", "id", required=False, limit=100)
    if bill.openstates_id and not bill.openstates_id.startswith("ocd-bill/"):
        read.problem("id", gettext("An Open States bill id starts with “ocd-bill/”."))
    # Every Open States bill has a session; a policy exported from a Tapestry may have none.
    bill.session = read.text(data, "session", "session", required=bool(bill.openstates_id), limit=60)
    jurisdiction = read.obj(data, "jurisdiction", "jurisdiction", required=True)
    if jurisdiction:
        bill.jurisdiction = read.text(jurisdiction, "name", "jurisdiction.name", required=True, limit=150)
        bill.jurisdiction_ocd_id = read.text(jurisdiction, "id", "jurisdiction.id", required=False, limit=200)
        kind = jurisdiction.get("classification")
        if kind is not None and kind not in JURISDICTION_CLASSIFICATIONS:
            read.problem("jurisdiction.classification", gettext("Give state, municipality or country."))
        elif kind is not None:
            bill.jurisdiction_classification = kind
    chamber = read.obj(data, "from_organization", "from_organization", required=False)
    bill.from_organization = read.text(chamber, "name", "from_organization.name", required=False, limit=150)
    bill.identifier = read.text(data, "identifier", "identifier", required=True, limit=60)
    bill.title = read.text(data, "title", "title", required=True, limit=500)
    bill.classification = read.names(
        data, "classification", "classification", allowed=BILL_CLASSIFICATION_NAMES, limit=40
    )
    bill.subjects = read.names(data, "subject", "subject", allowed=None, limit=150)
    abstracts = read.objects(data, "abstracts", "abstracts")
    texts = [
        read.text(a, "abstract", f"abstracts[{n}].abstract", required=True, limit=10_000)
        for n, a in enumerate(abstracts)
    ]
    bill.abstract = "\n\n".join(text for text in texts if text)
    bill.openstates_url = read.url(data, "openstates_url", "openstates_url", required=False)
    for n, source in enumerate(read.objects(data, "sources", "sources")):
        url = read.url(source, "url", f"sources[{n}].url", required=True)
        note = read.text(source, "note", f"sources[{n}].note", required=False, limit=200)
        bill.sources.append({"url": url, "note": note})
    for n, sponsor in enumerate(read.objects(data, "sponsorships", "sponsorships")):
        bill.sponsorships.append(_sponsorship(read, sponsor, f"sponsorships[{n}]"))
    for n, action in enumerate(read.objects(data, "actions", "actions")):
        bill.actions.append(_action(read, action, f"actions[{n}]", n))
    for n, version in enumerate(read.objects(data, "versions", "versions")):
        where = f"versions[{n}]"
        links = []
        for m, link in enumerate(read.objects(version, "links", f"{where}.links")):
            url = read.url(link, "url", f"{where}.links[{m}].url", required=True)
            media_type = read.text(
                link, "media_type", f"{where}.links[{m}].media_type", required=False, limit=100
            )
            links.append({"url": url, "media_type": media_type})
        bill.versions.append(
            {
                "note": read.text(version, "note", f"{where}.note", required=True, limit=200),
                "date": read.date(version, "date", f"{where}.date", required=False),
                "links": links,
            }
        )
    unkept = sorted(key for key in data if key not in KEPT)
    return bill, read.problems, unkept


def _sponsorship(read: _Reader, sponsor: dict, where: str) -> dict[str, Any]:
    entity_type = sponsor.get("entity_type", "person")
    if entity_type not in SPONSOR_ENTITY_TYPES:
        read.problem(f"{where}.entity_type", gettext("Give person or organization."))
        entity_type = "person"
    primary = sponsor.get("primary", False)
    if not isinstance(primary, bool):
        read.problem(f"{where}.primary", gettext("Give true or false."))
        primary = False
    person = read.obj(sponsor, "person", f"{where}.person", required=False)
    role = person.get("current_role") if isinstance(person.get("current_role"), dict) else {}
    return {
        "name": read.text(sponsor, "name", f"{where}.name", required=True, limit=150),
        "classification": read.text(
            sponsor, "classification", f"{where}.classification", required=False, limit=40
        )
        or ("primary" if primary else "cosponsor"),
        "entity_type": entity_type,
        "primary": primary,
        "person_id": read.text(person, "id", f"{where}.person.id", required=False, limit=100),
        "person_party": read.text(person, "party", f"{where}.person.party", required=False, limit=60),
        "person_office": str(role.get("title") or "")[:60]
        + (f", district {role['district']}" if role.get("district") not in (None, "") else ""),
    }


def _action(read: _Reader, action: dict, where: str, n: int) -> dict[str, Any]:
    organization = read.obj(action, "organization", f"{where}.organization", required=False)
    order = action.get("order", n)
    if not isinstance(order, int) or isinstance(order, bool) or order < 0:
        read.problem(f"{where}.order", gettext("Give a whole number, 0 or more."))
        order = n
    return {
        "date": read.date(action, "date", f"{where}.date", required=True),
        "description": read.text(action, "description", f"{where}.description", required=True, limit=500),
        "organization": read.text(
            organization, "name", f"{where}.organization.name", required=False, limit=150
        ),
        "classification": read.names(
            action, "classification", f"{where}.classification", allowed=ACTION_CLASSIFICATION_NAMES, limit=40
        ),
        "order": order,
    }


def bill_as_openstates(bill: Any) -> dict[str, Any]:
    """A tracked bill in the Open States API v3 bill shape, as far as Tapestry holds it (read back by
    `bill_from_openstates`). `bill` comes with its subjects, sponsorships (and legislators), actions
    and versions prefetched."""
    actions = list(bill.actions.all())
    jurisdiction = {"id": bill.jurisdiction_ocd_id, "name": bill.jurisdiction}
    if bill.jurisdiction_classification:
        jurisdiction["classification"] = bill.jurisdiction_classification
    data: dict[str, Any] = {"id": bill.openstates_id} if bill.openstates_id else {}
    data.update(
        {
            "session": bill.session,
            "jurisdiction": jurisdiction,
            "from_organization": {"name": bill.from_organization},
            "identifier": bill.identifier,
            "title": bill.title,
            "classification": list(bill.classification),
            "subject": [subject.name for subject in bill.subjects.all()],
            "abstracts": [{"abstract": bill.abstract, "note": ""}] if bill.abstract else [],
            "sponsorships": [_sponsorship_out(sponsor) for sponsor in bill.sponsorships.all()],
            "actions": [
                {
                    "organization": {"name": action.organization},
                    "description": action.description,
                    "date": action.date.isoformat(),
                    "classification": list(action.classification),
                    "order": action.order,
                }
                for action in actions
            ],
            "versions": [
                {"note": v.note, "date": v.date.isoformat() if v.date else "", "links": list(v.links)}
                for v in bill.versions.all()
            ],
            "sources": list(bill.sources),
            "openstates_url": bill.openstates_url,
            "first_action_date": actions[0].date.isoformat() if actions else "",
            "latest_action_date": actions[-1].date.isoformat() if actions else "",
            "latest_action_description": actions[-1].description if actions else "",
        }
    )
    return data


def _sponsorship_out(sponsor: Any) -> dict[str, Any]:
    legislator = sponsor.legislator
    person = None
    if legislator is not None and legislator.openstates_id:
        person = {"id": legislator.openstates_id, "name": legislator.name, "party": legislator.party}
    return {
        "name": sponsor.name,
        "entity_type": sponsor.entity_type,
        "organization": None,
        "person": person,
        "primary": sponsor.primary,
        "classification": sponsor.classification,
    }

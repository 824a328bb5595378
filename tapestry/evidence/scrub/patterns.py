"""Pattern identifiers of the HIPAA Safe Harbor kinds, found without knowing the record.

45 CFR 164.514(b)(2)(i): names with a title, geographic subdivisions smaller than a state (street
addresses, PO boxes, units, ZIP codes), elements of dates other than the year (and ages over 89),
telephone and fax numbers, email addresses, social security numbers, medical record, health plan,
account, certificate and licence numbers, vehicle identifiers and plates, URLs and IP addresses,
and other unique numbers. Each detector yields (start, end, kind) on the folded text; the group
named `v`, when a pattern has one, is the identifier and the rest is its anchor ("MRN: ...").
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

MONTHS_EN = "january february march april may june july august september october november december".split()
MONTHS_ES = (
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre "
    "diciembre".split()
)
_MONTH_ABBR = r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|ene|abr|ago|dic"
_MONTH_NAMES = "|".join(sorted(MONTHS_EN + MONTHS_ES, key=len, reverse=True))
MONTH = rf"(?:(?:{_MONTH_NAMES})\b|(?:{_MONTH_ABBR})\b\.?)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[89]\d\d|20\d\d)(?![/.-]\d)"

STREET_SUFFIX = (
    r"street|st|avenue|ave|av|road|rd|boulevard|blvd|drive|dr|lane|ln|court|ct|place|pl|terrace|"
    r"ter|way|circle|cir|parkway|pkwy|highway|hwy|trail|trl|square|sq|alley|loop|crescent|plaza|"
    r"route|rte|pike|close|heights|hts"
)
_DIRECTION = r"(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?"
_STREET_WORD = (
    r"(?:[A-Z][A-Za-z'-]*\.?|\d{1,3}(?:st|nd|rd|th)|(?:First|Second|Third|Fourth|Fifth|Sixth|"
    r"Seventh|Eighth|Ninth|Tenth))"
)
UNIT = r"(?i:apt|apartment|unit|suite|ste|lot|trailer|space|fl|floor|rm|room|#)\.?\s*#?\s*\d+[A-Za-z]?\b"

_UNIT_ALONE = r"(?i:apt|apartment|unit|suite|ste|trailer|room|rm)\.?\s*#?\s*\d+[A-Za-z]?\b"

_ID_KEYWORDS = (
    r"account|acct|a/c|mrn|medical record|chart|patient|member|subscriber|policy|group|claim|"
    r"licen[cs]e|driver'?s licen[cs]e|dl|plate|licen[cs]e plate|tag|vin|passport|visa|a-number|"
    r"alien number|uscis|green card|certificate|serial|badge|employee|student|id|ebt|snap|card|"
    r"medicaid|medicare|insurance|routing|iban|confirmation|reference|ref|voucher|permit|"
    r"benefits?|cuenta|poliza|expediente"
)
_NINETY_AND_UP = (
    r"ninety(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|(?:one|a) hundred(?:\s+and\s+\w+)?"
)
_ID_VALUE = r"(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{2,}[A-Z0-9]"
_TITLES = (
    r"Mr|Mrs|Ms|Mx|Miss|Dr|Officer|Detective|Sgt|Judge|Pastor|Father|Sister|Coach|Nurse|Aunt|Uncle|"
    r"Grandma|Grandpa|Granny|Cousin|Sra|Sr|Srta|Senora|Senor|Senorita|Dona|Don|Tia|Tio|Abuela|"
    r"Abuelo|Padre|Madre|Profe|Maestra|Maestro|Licenciado|Licenciada|Lic"
)


@dataclass(frozen=True)
class Detector:
    kind: str
    pattern: re.Pattern[str]
    accept: Callable[[re.Match[str]], bool] | None = None


def _digits(value: str) -> int:
    return sum(char.isdigit() for char in value)


def _valid_numeric_date(match: re.Match[str]) -> bool:
    parts = [int(part) for part in re.findall(r"\d+", match.group(0))]
    if len(parts) == 3 and parts[0] > 31:  # year first: 2025-01-02
        return 1 <= parts[1] <= 12 and 1 <= parts[2] <= 31
    first, second = parts[0], parts[1]
    return (1 <= first <= 12 and 1 <= second <= 31) or (1 <= second <= 12 and 1 <= first <= 31)


def _valid_ip(match: re.Match[str]) -> bool:
    try:
        ipaddress.ip_address(match.group(0))
    except ValueError:
        return False
    return True


def _international_phone(match: re.Match[str]) -> bool:
    return 8 <= _digits(match.group(0)) <= 15


_NOT_A_ZIP_AFTER = re.compile(
    r"\s*(?:dollars|usd|miles|km|people|residents|households|cases|pounds|lbs|feet|calories|steps|"
    r"hours|minutes|words|units|copies|\$|%)",
    re.IGNORECASE,
)


def _not_a_year(match: re.Match[str]) -> bool:
    return not re.fullmatch(YEAR, match.group("v"))


def _zip_not_quantity(match: re.Match[str]) -> bool:
    return not _NOT_A_ZIP_AFTER.match(match.string, match.end())


def _c(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(pattern, flags)


DETECTORS: tuple[Detector, ...] = (
    # (D)-(E) telephone and fax numbers
    Detector(
        "phone",
        _c(
            r"(?<![\w+])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s*|\d{3}[\s.-]?)\d{3}[\s.-]?\d{4}"
            r"(?:\s*(?:x|ext\.?|extension)\s*\d{1,5})?(?!\w)"
        ),
    ),
    Detector(
        "phone",
        _c(r"(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}(?!\w)"),
        _international_phone,
    ),
    Detector("phone", _c(r"(?<![\w.-])\d{3}[-.]\d{4}(?![\w-]|\.\d)")),
    # (F) electronic mail addresses, also spelled out to dodge filters
    Detector("email", _c(r"(?<![a-z0-9._%+-])[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}")),
    Detector(
        "email",
        _c(
            r"(?<![a-z0-9._+-])[a-z0-9._+-]+\s*(?:\(at\)|\[at\]|\sat\s)\s*[a-z0-9-]+\s*(?:\(dot\)|\[dot\]|\sdot\s)"
            r"\s*(?:com|org|net|edu|gov|mx|us)\b"
        ),
    ),
    # (G) social security numbers, whole or the last four after an SSN keyword
    Detector("ssn", _c(r"(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])")),
    Detector("ssn", _c(r"(?<![\w-])\d{3} \d{2} \d{4}(?![\w-])")),
    Detector(
        "ssn",
        _c(
            r"\b(?:ssn|ss#|social security(?: number| no\.?| #)?|social|seguro social)\s*(?:#|number|no\.?)?"
            r"\s*(?:[:#-]|is|was|ending in|ends in|ending)?\s*(?P<v>\d{3}[-\s]?\d{2}[-\s]?\d{4}|\d{4})\b"
        ),
    ),
    Detector(
        "ssn",
        _c(
            r"\blast (?:four|4)(?: digits)?(?: of (?:her|his|their|my) (?:social|ssn))?\s*(?:are|is|:)?\s*(?P<v>\d{4})\b"
        ),
    ),
    # (N) web universal resource locators; social handles with them
    Detector("url", _c(r"\b(?:https?://|www\.)[^\s<>\"']+[^\s<>\"'.,;:!?)\]]")),
    Detector(
        "url",
        _c(
            r"(?<![a-z0-9.-])(?:[a-z0-9-]+\.)+(?:com|org|net|edu|gov|io|us|info|me|ly|co|app|biz|mx)\b"
            r"(?:/[^\s<>\"']*[^\s<>\"'.,;:!?)\]])?"
        ),
    ),
    Detector("url", _c(r"(?<![\w@.])@[a-z0-9_](?:[a-z0-9_.]*[a-z0-9_])?(?![\w@])")),
    # (O) internet protocol addresses
    Detector("ip", _c(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)"), _valid_ip),
    Detector("ip", _c(r"(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\w:])"), _valid_ip),
    # (C) elements of dates except the year; ages over 89
    Detector("date", _c(rf"\b{MONTH}\s+{DAY}\b(?:,?\s+{YEAR}\b)?")),
    Detector("date", _c(rf"\b{DAY}\s+(?:of\s+|de\s+)?{MONTH}(?:,?\s+(?:de\s+|of\s+)?{YEAR}\b)?")),
    Detector("date", _c(rf"\b{MONTH}\s+(?:of\s+|de\s+|del\s+)?'?(?:{YEAR}|\d\d)\b")),
    Detector(
        "date", _c(r"(?<![\w/.-])\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?![\w/-]|\.\d)"), _valid_numeric_date
    ),
    Detector(
        "date",
        _c(r"(?<![\w/.-])(?:1[89]|20)\d\d[/.-]\d{1,2}[/.-]\d{1,2}(?![\w/-]|\.\d)"),
        _valid_numeric_date,
    ),
    Detector("date", _c(r"(?<![\w/.-])(?:0?[1-9]|1[0-2])/(?:1[89]|20)\d\d(?![\w/])")),
    Detector(
        "date",
        _c(
            r"\b(?:on|since|until|till|by|from|before|after|dated|born|dob|birthday|due|thru|through)"
            r":?\s+(?P<v>(?:0?[1-9]|1[0-2])[/-](?:3[01]|[12]\d|0?[1-9]))(?![\w/-])"
        ),
    ),
    Detector(
        "date",
        _c(
            r"\b(?:on|by|since|until|before|after|from)\s+the\s+(?P<v>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))\b"
        ),
    ),
    Detector(
        "date",
        re.compile(
            r"\b(?:[Ii]n|[Ll]ast|[Nn]ext|[Tt]his|[Ss]ince|[Uu]ntil|[Bb]y|[Ee]arly|[Ll]ate|[Mm]id|of|during|"
            r"through|before|after|from|en|desde|hasta|de)[\s-]+(?P<v>"
            + "|".join(month.capitalize() for month in MONTHS_EN)
            + "|"
            + "|".join(MONTHS_ES)
            + "|"
            + "|".join(month.capitalize() for month in MONTHS_ES)
            + r")\b"
        ),
    ),
    Detector(
        "date",
        _c(r"\b(?P<v>(?:9\d|1[01]\d))(?:[\s-]+(?:years?|yrs?)[\s-]+old|[\s-]+year-old|-year-old)\b"),
    ),
    Detector("date", _c(r"\b(?:aged?|age of|turned|turns|edad de)\s+(?P<v>9\d|1[01]\d)\b")),
    Detector(
        "date",
        _c(
            r"\b(?:is|was|turned|turns|now|at|of|aged?)\s+(?P<v>9\d|1[01]\d)"
            r"(?=\s*[.,;!?)]|\s+(?:now|today|this|and|but|when|in|on|yet)\b)"
        ),
    ),
    Detector(
        "date",
        _c(
            rf"\b(?P<v>{_NINETY_AND_UP})(?=[\s-]+(?:years?|yrs?)[\s-]+old|[\s-]+year-old)"
            rf"|\b(?:aged?|turned|turns|is|was|age of)\s+(?P<w>{_NINETY_AND_UP})\b"
        ),
    ),
    Detector(
        "date",
        _c(
            r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?,?\s+(?:the\s+)?"
            r"(?P<v>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))\b"
        ),
    ),
    Detector(
        "date",
        _c(rf"\b(?:spring|summer|fall|autumn|winter|christmas|easter|thanksgiving)\s+(?:of\s+)?{YEAR}\b"),
    ),
    # (B) street addresses, PO boxes, units; Spanish street names
    Detector(
        "address",
        re.compile(
            rf"\b\d{{1,6}}[A-Za-z]?(?:-\d+)?\s+(?:{_DIRECTION}\s+)?(?:{_STREET_WORD}\s+){{0,3}}"
            rf"(?i:{STREET_SUFFIX})\b\.?(?:\s+{_DIRECTION}(?!\w))?(?:,?\s+{UNIT})?"
        ),
    ),
    Detector(
        "address",
        re.compile(
            r"\b(?:Calle|Avenida|Avda\.?|Av\.|Camino|Paseo|Callejon|Privada|Carretera|Colonia|Col\.)"
            r"\s+(?:[A-Z][A-Za-z'-]*\.?\s+){0,3}(?:#\s*|No\.?\s*|num\.?\s*)?\d+[A-Za-z]?\b"
        ),
    ),
    Detector("address", _c(r"\b(?:p\.?\s?o\.?\s*box|post office box|apartado postal)\s*#?\s*\d+\b")),
    Detector("address", _c(r"\b(?:rural route|rr|hc)\s*\d+(?:\s+box\s+\d+)?\b")),
    Detector("address", re.compile(rf"(?<![\w#]){_UNIT_ALONE}")),
    # ZIP codes: ZIP+4 anywhere, five digits unless they read as a quantity
    Detector("zip", _c(r"(?<![\w$.,#-])\d{5}-\d{4}(?![\w-])")),
    Detector("zip", _c(r"(?<![\w$.,#-])\d{5}(?![\w-]|[.,]\d)"), _zip_not_quantity),
    # (H)-(M), (R) medical record, health plan, account, licence, vehicle and other numbers, keyword-anchored
    Detector(
        "case_number",
        _c(
            r"\b(?:case|docket|file|expediente|caso)\s*(?:number|num|no\.?|#|id)?\s*(?:is|was|:|#|-)?\s*"
            rf"(?P<v>{_ID_VALUE})"
        ),
        _not_a_year,
    ),
    Detector(
        "account",
        _c(
            rf"\b(?:{_ID_KEYWORDS})\b\.?(?:\s*(?:number|num|no\.?|#|id|numero))?\s*(?:is|was|:|#|-)?\s*"
            rf"(?P<v>{_ID_VALUE})"
        ),
        _not_a_year,
    ),
    Detector("account", _c(r"(?<![\w-])\d{4}(?:[ -]\d{4}){3}(?![\w-])")),
    Detector("account", _c(r"(?<![\w-])\d{9,}(?![\w-])")),
    # (A) names: unknown people named with a title or a family word
    Detector(
        "name",
        re.compile(rf"\b(?:{_TITLES})\.?\s+(?P<v>[A-Z][A-Za-z'-]+(?:\s+[A-Z][A-Za-z'-]+)?)"),
    ),
    # schools and workplaces the record does not know, named by their kind
    Detector(
        "school",
        re.compile(
            r"\b(?:[A-Z][A-Za-z.'-]*\s+){1,3}(?:Elementary|Middle|High|Intermediate|Primary|Junior High|"
            r"Charter|Montessori)(?:\s+School)?\b|\b(?:[A-Z][A-Za-z.'-]*\s+){1,3}(?:School|Academy)\b"
        ),
    ),
    Detector(
        "employer",
        re.compile(
            r"\b(?:works?|worked|working|employed|hired|cleans|cleaned|trabaja)\s+(?:at|for|en|para)\s+"
            r"(?P<v>[A-Z][\w&'-]*(?:\s+(?:[A-Z][\w&'-]*|&))*)"
        ),
    ),
)


def detect(text: str) -> Iterator[tuple[int, int, str]]:
    """Every pattern identifier in the folded text, as (start, end, kind); they may overlap."""
    for detector in DETECTORS:
        for match in detector.pattern.finditer(text):
            if detector.accept is not None and not detector.accept(match):
                continue
            group = (
                next((g for g in ("v", "w") if match.group(g) is not None), 0)
                if detector.pattern.groupindex
                else 0
            )
            start, end = match.span(group)
            value = text[start:end].rstrip(".") if detector.kind != "address" else text[start:end]
            if value:
                yield start, start + len(value), detector.kind

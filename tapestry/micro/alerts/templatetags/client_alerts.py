"""`{% client_alerts person %}`: the client's alerts, on any page about them, in one line of template."""

from __future__ import annotations

from typing import Any

from django import template

from tapestry.micro.alerts.selectors import alerts_for

register = template.Library()


@register.inclusion_tag("alerts/_client_alerts.html", takes_context=True)
def client_alerts(context: template.Context, person: Any, *, printout: bool = False) -> dict[str, Any]:
    """The alerts in force for `person` (a Person or its number) that the page's user may see.

    A page that already read them (a worklist, with `alerts_for_persons`) passes them in its context
    as `client_alerts_read` to save the five queries; otherwise the tag reads them through the policy.
    `printout` drops the links and the history link, for a page that goes home with the client.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    person_id = person if isinstance(person, int) else getattr(person, "pk", None)
    read = context.get("client_alerts_read")
    if read is not None:
        alerts = read.get(person_id, [])
    elif user is None or person_id is None:
        alerts = []
    else:
        alerts = alerts_for(user=user, person=person_id)
    return {"alerts": alerts, "person_id": person_id, "printout": printout}

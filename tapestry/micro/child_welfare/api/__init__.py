"""API routes of child welfare: reports and screening, investigations, safety, placements, hearings.

One module per section; importing them here registers their routes on `router` in this order.
"""

# isort: off
# In the order of the sections: the order of the routes in the OpenAPI document.
from tapestry.micro.child_welfare.api.router import router
from tapestry.micro.child_welfare.api import reports, investigation, safety, placements, permanency  # noqa: F401
# isort: on

__all__ = ["router"]

"""Pages of program evaluation: the indicator list, an indicator's values, the indicator form."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext

from tapestry.access.models import User
from tapestry.access.policy import Capability, has_capability
from tapestry.evidence.measures import period_named
from tapestry.evidence.suppression import threshold
from tapestry.macro.evaluation import selectors, services
from tapestry.macro.evaluation.charts import values_chart
from tapestry.macro.evaluation.forms import IndicatorForm, targets_text
from tapestry.macro.evaluation.models import Indicator
from tapestry.web.pages import bound, save_page

TEMPLATE = "evaluation/indicator_form.html"


def _indicator_or_404(request: HttpRequest, pk: int) -> Indicator:
    indicator = selectors.indicator_get(user=request.user, indicator_id=pk)
    if indicator is None:
        raise Http404("No indicator with this number.")
    return indicator


def indicator_list(request: HttpRequest) -> HttpResponse:
    context = {
        "listed": selectors.indicator_overview(user=request.user),
        "can_change": has_capability(request.user, Capability.EVALUATION_MANAGE),
        "threshold": threshold(),
    }
    return render(request, "evaluation/indicator_list.html", context)


def indicator_detail(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = _indicator_or_404(request, pk)
    error = ""
    try:
        periods = selectors.periods_asked(indicator, request.GET.get("from", ""), request.GET.get("to", ""))
    except ValueError as problem:
        error = gettext("Those periods cannot be shown: %(problem)s") % {"problem": problem}
        periods = selectors.default_periods(indicator)
    values = selectors.indicator_values(user=request.user, indicator=indicator, periods=periods)
    parts = [period_named(indicator.numerator)]
    if indicator.denominator:
        parts.append(period_named(indicator.denominator))
    context = {
        "indicator": indicator,
        "values": values,
        "labels": [rate.row for rate in values[0].rows] if values else [],
        "chart": values_chart(
            values,
            title=gettext("%(name)s, by %(period)s")
            % {"name": indicator.name, "period": indicator.get_period_type_display().lower()},
        ),
        "numerator": parts[0],
        "denominator": parts[1] if len(parts) > 1 else None,
        "breakdown_title": parts[0].breakdown_title(indicator.breakdown),
        "first": periods.label(periods.first),
        "last": periods.label(periods.last),
        "period_error": error,
        "threshold": threshold(),
        "can_change": has_capability(request.user, Capability.EVALUATION_MANAGE),
    }
    return render(request, "evaluation/indicator_detail.html", context, status=400 if error else 200)


def _form(request: HttpRequest, **kwargs: object) -> IndicatorForm:
    return IndicatorForm(
        bound(request),
        measures=selectors.measure_choices(),
        programs=selectors.program_choices(),
        staff=User.objects.filter(is_active=True).order_by("last_name", "first_name", "username"),
        **kwargs,
    )


def _detail(indicator: Indicator) -> str:
    return reverse("evaluation:indicator_detail", args=[indicator.pk])


def indicator_create(request: HttpRequest) -> HttpResponse:
    form = _form(request, initial={"owner": request.user.pk})
    return save_page(
        request,
        TEMPLATE,
        form=form,
        call=lambda: services.indicator_create(actor=request.user, **form.changes()),
        done=lambda indicator: gettext("The indicator %(name)s is defined.") % {"name": indicator.name},
        then=_detail,
        title=gettext("Define an indicator"),
    )


def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = _indicator_or_404(request, pk)
    initial = {name: getattr(indicator, name) for name in services.INDICATOR_FIELDS}
    initial.update(targets=targets_text(indicator.targets), version=indicator.version)
    form = _form(request, initial=initial, editing=True)
    return save_page(
        request,
        TEMPLATE,
        form=form,
        call=lambda: services.indicator_update(
            actor=request.user,
            indicator=indicator,
            version=form.cleaned_data["version"],
            changes=form.changes(),
        ),
        done=gettext("The indicator is saved."),
        then=_detail(indicator),
        title=gettext("Change %(name)s") % {"name": indicator.name},
        indicator=indicator,
    )

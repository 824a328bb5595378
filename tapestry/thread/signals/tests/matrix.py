"""URL arguments for the signals routes in the authorization matrix (tests/test_authorization_matrix.py)."""

from __future__ import annotations

from tapestry.thread.signals.tests.support import a_signal


def examples(world: dict) -> dict[str, dict]:
    signal = a_signal()
    return {
        "signals:detail": {"pk": signal.pk},
        "signals:accept_group": {"pk": signal.pk},
        "signals:accept_campaign": {"pk": signal.pk},
        "signals:dismiss": {"pk": signal.pk},
        "GET /api/v1/signals/{signal_id}": {"signal_id": signal.pk},
        "POST /api/v1/signals/{signal_id}/accept": {"signal_id": signal.pk},
        "POST /api/v1/signals/{signal_id}/dismiss": {"signal_id": signal.pk},
    }

"""The planted-cluster trial of the escalation rule: detection rate and false alarms by effect size.

    python bench/signals_trial.py [--runs 200]

No database: it feeds generated counts to tapestry.thread.signals.rule.find, the function the
scheduled task runs. The figures go into docs/thread-signals.md.
"""

from __future__ import annotations

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tapestry.settings")

from tapestry.thread.signals.trial import measure  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--mean-rate", type=float, default=6.0)
    args = parser.parse_args()
    print(
        "| rate ratio | runs | planted | detected | detection rate | signals | false alarms | false alarms per run | false share (FDR) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for ratio in (1.0, 1.5, 2.0, 3.0, 4.0):
        planted = 0 if ratio == 1.0 else 5
        r = measure(ratio, args.runs, planted=planted, mean_rate=args.mean_rate)
        print(
            f"| {ratio:g} | {r.runs} | {r.planted} | {r.detected} | {r.detection_rate:.1%} | {r.signals} | "
            f"{r.false_alarms} | {r.false_alarms_per_run:.3f} | {r.false_share:.1%} |"
        )


if __name__ == "__main__":
    main()

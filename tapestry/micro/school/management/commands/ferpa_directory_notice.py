"""Record the agency's annual FERPA directory-information notice (34 CFR 99.37(a)), or show the one in force.

    manage.py ferpa_directory_notice --published-on 2026-09-01 --opt-out-by 2026-09-30 \
        --category name --category grade_level --category dates_of_attendance

Run by an administrator; without arguments it prints the notice in force today.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tapestry.micro.school.directory import Category
from tapestry.micro.school.models import DirectoryNotice


class Command(BaseCommand):
    help = "Record the FERPA directory-information notice the agency gave, or show the one in force."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--published-on", type=dt.date.fromisoformat)
        parser.add_argument("--opt-out-by", type=dt.date.fromisoformat)
        parser.add_argument("--category", action="append", default=[], choices=Category.values)

    def handle(self, *args, published_on=None, opt_out_by=None, category=(), **options) -> None:
        if published_on is None:
            notice = DirectoryNotice.in_force(timezone.localdate())
            if notice is None:
                self.stdout.write(
                    "No directory-information notice is in force; nothing goes as directory information."
                )
                return
            labels = ", ".join(str(Category(c).label) for c in notice.categories) or "none"
            self.stdout.write(f"{notice}: refusals until {notice.opt_out_by:%Y-%m-%d}; designates {labels}.")
            return
        if opt_out_by is None:
            raise CommandError(
                "Give --opt-out-by: the last day the notice allows for a refusal (34 CFR 99.37(a)(3))."
            )
        notice = DirectoryNotice(
            published_on=published_on, opt_out_by=opt_out_by, categories=sorted(set(category))
        )
        try:
            notice.full_clean()
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        notice.save()
        self.stdout.write(f"Recorded {notice}.")

"""What every section of a document gets: the edition, the year, the action fields a
committee report is limited to, and a cache for data several sections share."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import pgettext

from stadtdach.core.templatetags.stadtdach import euro as _euro
from stadtdach.strategy.models import Edition


@dataclass
class ReportContext:
    edition: Edition
    today: datetime.date
    year: int | None = None
    action_field_ids: list[int] | None = None  # None: every action field
    committee: str = ""
    cache: dict = field(default_factory=dict)

    def once(self, key: str, load):
        """Load shared data once per document (several sections need the same rows)."""
        if key not in self.cache:
            self.cache[key] = load()
        return self.cache[key]

    def wants(self, action_field_id: int) -> bool:
        return self.action_field_ids is None or action_field_id in self.action_field_ids


def de_date(value: datetime.date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else "–"


def euro(value: Decimal | None) -> str:
    return _euro(value) if value is not None else "–"


def sample(text: str, is_sample: bool) -> str:
    """Mark a table cell of illustrative content (the paragraph blocks have a flag)."""
    if not is_sample:
        return text
    mark = pgettext("document", "sample")  # not inside the f-string: xgettext misses it there
    return f"{text} ({mark})"

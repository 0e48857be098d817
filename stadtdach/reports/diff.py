"""Comparing two revisions: which items were added, removed or changed, field by field,
with long texts side by side and the changed words marked (<del>/<ins>)."""

import datetime
import difflib
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from stadtdach.core.templatetags.stadtdach import euro
from stadtdach.monitoring.formatting import number as format_number
from stadtdach.strategy.models import Measure
from stadtdach.strategy.models.ratings import RATING_SYMBOLS

# (section key, heading, the fields compared with their labels; long texts are diffed
# word by word)
SECTIONS = (
    (
        "action_fields",
        gettext_lazy("Action fields"),
        {
            "label": gettext_lazy("name"),
            "selected": gettext_lazy("selected"),
            "reason": gettext_lazy("reason"),
        },
    ),
    (
        "themes",
        gettext_lazy("Cross-cutting themes"),
        {
            "label": gettext_lazy("name"),
            "selected": gettext_lazy("selected"),
            "reason": gettext_lazy("reason"),
        },
    ),
    (
        "ratings",
        gettext_lazy("Ratings of the action fields"),
        {"score": gettext_lazy("rating"), "justification": gettext_lazy("justification")},
    ),
    (
        "goals",
        gettext_lazy("Goals"),
        {
            "title": gettext_lazy("title"),
            "action_field": gettext_lazy("action field"),
            "description": gettext_lazy("description"),
        },
    ),
    (
        "measures",
        gettext_lazy("Measures"),
        {
            "title": gettext_lazy("title"),
            "action_field": gettext_lazy("action field"),
            "status": gettext_lazy("status"),
            "priority": gettext_lazy("priority"),
            "lead_unit": gettext_lazy("lead unit"),
            "start": gettext_lazy("start"),
            "end": gettext_lazy("end"),
            "estimated_cost": gettext_lazy("estimated cost (EUR)"),
            "goals": gettext_lazy("goals"),
            "ratings": gettext_lazy("theme ratings"),
            "description": gettext_lazy("description"),
        },
    ),
    (
        "indicators",
        gettext_lazy("Indicators and their targets"),
        {
            "label": gettext_lazy("name"),
            "subject": gettext_lazy("action field or measure"),
            "unit": gettext_lazy("unit"),
            "baseline": gettext_lazy("baseline"),
            "baseline_year": gettext_lazy("baseline year"),
            "target": gettext_lazy("target"),
            "target_year": gettext_lazy("target year"),
            "direction": gettext_lazy("direction"),
        },
    ),
)
LONG_TEXT = {"reason", "justification", "description", "text", "summary"}


@dataclass
class FieldChange:
    label: str
    old: SafeString
    new: SafeString


@dataclass
class ItemChange:
    key: str
    label: str
    changes: list[FieldChange] = field(default_factory=list)


@dataclass
class SectionDiff:
    key: str
    title: str
    added: list[ItemChange]
    removed: list[ItemChange]
    changed: list[ItemChange]
    unchanged: int

    @property
    def count(self) -> int:
        """How many entries were added, removed or changed."""
        return len(self.added) + len(self.removed) + len(self.changed)

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.removed or self.changed)


def _shown(name: str, value) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if name == "status":
        try:
            return str(Measure.Status(value).label)
        except ValueError:
            return str(value)
    if name == "score":
        return f"{RATING_SYMBOLS.get(value, value)} ({value})"
    if name == "direction":
        return _("higher is better") if value == "higher" else _("lower is better")
    if name in ("start", "end") and isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value).strftime("%d.%m.%Y")
        except ValueError:
            return value
    if name in ("estimated_cost", "baseline", "target") and isinstance(value, str):
        try:
            number = Decimal(value)
        except InvalidOperation:
            return value
        if name == "estimated_cost":
            return euro(number)
        return format_number(number, max(0, -number.as_tuple().exponent))
    if name == "ratings" and isinstance(value, dict):
        return (
            ", ".join(f"{k}: {RATING_SYMBOLS.get(v, v)}" for k, v in sorted(value.items())) or "–"
        )
    if isinstance(value, list):
        return "; ".join(str(v) for v in value) or "–"
    return str(value)


def words(old: str, new: str) -> tuple[SafeString, SafeString]:
    """Two texts with the removed words in <del> (old side) and the added words in <ins>
    (new side); everything escaped."""
    a, b = re.findall(r"\S+|\s+", old), re.findall(r"\S+|\s+", new)
    left, right = [], []
    hidden_del = escape(_("removed:"))
    hidden_ins = escape(_("added:"))
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        old_part, new_part = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if op == "equal":
            left.append(old_part)
            right.append(new_part)
            continue
        if old_part.strip():
            left.append(
                f'<del><span class="visually-hidden">[{hidden_del} </span>{old_part}'
                f'<span class="visually-hidden">]</span></del>'
            )
        if new_part.strip():
            right.append(
                f'<ins><span class="visually-hidden">[{hidden_ins} </span>{new_part}'
                f'<span class="visually-hidden">]</span></ins>'
            )
    return mark_safe("".join(left)), mark_safe("".join(right))  # noqa: S308 - escaped above


def _items(snapshot: dict | None, key: str) -> dict[str, dict]:
    return {item["key"]: item for item in (snapshot or {}).get(key) or [] if "key" in item}


def _compare_item(old: dict, new: dict, fields: dict) -> list[FieldChange]:
    changes = []
    for name, label in fields.items():
        before, after = old.get(name), new.get(name)
        if before == after:
            continue
        if name in LONG_TEXT and isinstance(before, str) and isinstance(after, str):
            left, right = words(before, after)
        else:
            left, right = escape(_shown(name, before)), escape(_shown(name, after))
        changes.append(FieldChange(str(label), mark_safe(left), mark_safe(right)))  # noqa: S308
    return changes


def _vision(a: dict, b: dict) -> SectionDiff:
    def flat(snapshot):
        vision = (snapshot or {}).get("vision") or {}
        principles = "\n".join(
            f"{p.get('title', '')}: {p.get('text', '')}" for p in vision.get("principles") or []
        )
        return {
            "title": vision.get("title", ""),
            "text": vision.get("text", ""),
            "principles": principles,
            "summary": ((snapshot or {}).get("edition") or {}).get("summary", ""),
        }

    fields = {
        "summary": _("what this ISEK is"),
        "title": _("title"),
        "text": _("vision text"),
        "principles": _("guiding principles"),
    }
    old, new = flat(a), flat(b)
    changes = []
    for name, label in fields.items():
        if old[name] != new[name]:
            left, right = words(old[name], new[name])
            changes.append(FieldChange(label, left, right))
    changed = [ItemChange("vision", _("Vision"), changes)] if changes else []
    return SectionDiff("vision", _("Vision"), [], [], changed, 0 if changes else 1)


def compare(a: dict, b: dict) -> list[SectionDiff]:
    """Every section of two snapshots compared: ``a`` is the older, ``b`` the newer."""
    result = [_vision(a, b)]
    for key, title, fields in SECTIONS:
        old, new = _items(a, key), _items(b, key)
        added = [ItemChange(k, new[k].get("label", k)) for k in new if k not in old]
        removed = [ItemChange(k, old[k].get("label", k)) for k in old if k not in new]
        changed, unchanged = [], 0
        for k in new:
            if k in old:
                changes = _compare_item(old[k], new[k], fields)
                if changes:
                    changed.append(ItemChange(k, new[k].get("label", k), changes))
                else:
                    unchanged += 1
        result.append(SectionDiff(key, str(title), added, removed, changed, unchanged))
    return result


def summary(diffs: list[SectionDiff]) -> dict[str, int]:
    return {
        "added": sum(len(d.added) for d in diffs),
        "removed": sum(len(d.removed) for d in diffs),
        "changed": sum(len(d.changed) for d in diffs),
    }

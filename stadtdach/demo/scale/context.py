"""What every part of the generation shares: the volumes, the writer, the random
sources, the demo records the generated ones hang on, and the generated keys that later
parts refer to."""

import bisect
import datetime
import itertools
import random
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils import timezone

from stadtdach.accounts.models import OrganisationalUnit
from stadtdach.demo.scale import texts
from stadtdach.demo.scale.bulk import Writer
from stadtdach.demo.scale.scales import Volumes
from stadtdach.participation.models import Contribution, NamedPlace, TargetGroup
from stadtdach.process.models import Phase
from stadtdach.strategy.models import ActionField, CrossCuttingTheme, Edition

# Generated accounts are recognisable by this prefix (and is_sample).
USER_PREFIX = "skala-"
# Generated processes, measures, indicators and papers carry these in their keys.
SLUG_PREFIX = "skala-"
CODE_PREFIX = "SK-"


@dataclass
class Context:
    seed: int
    volumes: Volumes
    writer: Writer
    now: datetime.datetime
    edition: Edition
    fields: list[ActionField]
    themes: list[int]
    phases: dict[str, Phase]
    units: list[int]
    target_groups: list[int]
    places: list[NamedPlace]
    coordinator_id: int | None
    demo_titles: set[str]
    # Filled by the parts, read by later ones.
    users: range = range(0)
    measures: list[int] = field(default_factory=list)
    measure_fields: dict[int, int] = field(default_factory=dict)
    goals_by_field: dict[int, list[int]] = field(default_factory=dict)
    idea_processes: list[int] = field(default_factory=list)
    ideas: list[int] = field(default_factory=list)
    idea_meta: list = field(default_factory=list)  # participation.Idea, in key order
    work_packages: list[int] = field(default_factory=list)
    targets: dict[str, int] = field(default_factory=dict)
    _activity: list[float] = field(default_factory=list)

    @classmethod
    def build(cls, *, seed: int, volumes: Volumes, writer: Writer) -> "Context":
        edition = Edition.objects.get(slug="isek-2022")
        coordinator = get_user_model().objects.filter(username="beteiligung").first()
        return cls(
            seed=seed,
            volumes=volumes,
            writer=writer,
            now=writer.now,
            edition=edition,
            fields=list(ActionField.objects.order_by("order", "pk")),
            themes=list(
                CrossCuttingTheme.objects.order_by("order", "pk").values_list("pk", flat=True)
            ),
            phases={p.slug: p for p in Phase.objects.filter(edition=edition)},
            units=list(OrganisationalUnit.objects.order_by("pk").values_list("pk", flat=True)),
            target_groups=list(
                TargetGroup.objects.order_by("order", "pk").values_list("pk", flat=True)
            ),
            places=list(NamedPlace.objects.order_by("order", "pk")),
            coordinator_id=coordinator.pk if coordinator else None,
            demo_titles=set(
                Contribution.objects.exclude(process__slug__startswith=SLUG_PREFIX).values_list(
                    "title", flat=True
                )
            ),
        )

    @property
    def today(self) -> datetime.date:
        return timezone.localdate(self.now)

    def rng(self, part: str) -> random.Random:
        """A random source of its own per part: a change in one part leaves the data of
        the others as it was. Seeding with a string is stable across Python runs."""
        return random.Random(f"stadtdach-scale:{self.seed}:{part}")  # noqa: S311 - not secret

    def user(self, rng: random.Random) -> int:
        """A generated user, the active ones far more often (Zipf-like)."""
        if not self._activity:
            self._activity = list(itertools.accumulate(zipf(len(self.users), 0.9)))
        index = bisect.bisect_left(self._activity, rng.random() * self._activity[-1])
        return self.users[min(index, len(self.users) - 1)]

    def idea_title(self, rng: random.Random) -> str:
        """A title no demo contribution has (the demo finds some of its own by title)."""
        for _ in range(20):
            title = texts.idea_title(rng)
            if title not in self.demo_titles:
                return title
        return f"{title} ({rng.randrange(10_000)})"

    def at(self, day: datetime.date, rng: random.Random, hours=(8, 22)) -> datetime.datetime:
        """A moment on that day, at a random time of day (local time)."""
        minute = rng.randrange(hours[0] * 60, hours[1] * 60)
        moment = datetime.datetime.combine(day, datetime.time(minute // 60, minute % 60))
        return timezone.make_aware(moment)

    def between(self, start: datetime.datetime, end: datetime.datetime, rng) -> datetime.datetime:
        span = (end - start).total_seconds()
        if span <= 0:
            return start
        return start + datetime.timedelta(seconds=int(rng.random() * span))


def zipf(n: int, exponent: float) -> list[float]:
    """Weights 1/rank^exponent for n items (rank 1 first)."""
    return [1 / (rank**exponent) for rank in range(1, n + 1)]


def allocate(
    total: int, weights: list[float], rng: random.Random, *, cap: int | None = None
) -> list[int]:
    """Split ``total`` over the items in proportion to their weights, each at most
    ``cap``: a few items get many, most get few (the weights are heavy-tailed)."""
    n = len(weights)
    if n == 0 or total <= 0:
        return [0] * n
    cap = cap or total
    scale = sum(weights)
    counts = [min(cap, int(total * w / scale)) for w in weights]
    rest = total - sum(counts)
    cumulative = list(itertools.accumulate(weights))
    guard = 0
    while rest > 0 and guard < 50 * total + 1000:
        guard += 1
        index = bisect.bisect_left(cumulative, rng.random() * cumulative[-1])
        index = min(index, n - 1)
        if counts[index] < cap:
            counts[index] += 1
            rest -= 1
    return counts


def heavy_tail(n: int, rng: random.Random, alpha: float = 1.3) -> list[float]:
    """Lomax (Pareto minus one) weights in random order: most items weigh little, a few
    very much, and an item's place in the list says nothing about its weight."""
    return [rng.paretovariate(alpha) - 1 for _ in range(n)]

"""The timeline (Gantt view) of the process, laid out on the server and drawn as SVG.

Lanes come from the process (phases, milestones, draft stages, and internally the work
packages) and from the apps above it: ``settings.STADTDACH_TIMELINE_SOURCES`` names
functions ``(request, edition, internal, window) -> list[Lane]`` (governance adds its
meetings; participation its processes and events). Like panels, each source fetches in a
fixed number of queries.

The page shows a window of a few years (``TimelineWindow``, by default the last, this
and the next year) with links to earlier and later years: each source returns only what
falls into the window, at most ``window.limit`` items per lane, and says in
``Lane.total`` how many there are, so the page costs the same with ten or ten thousand
meetings. The SVG is an image with a title and a description; the table below it holds
the same items as text, with links, a page at a time."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q, Window
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from stadtdach.process import selectors
from stadtdach.process.models import Phase, WorkPackage
from stadtdach.strategy.models import Edition


@dataclass
class TimelineItem:
    label: str
    start: datetime.date
    end: datetime.date | None = None  # None: a point in time (milestone, meeting)
    kind: str = ""  # phase, milestone, draft_stage, work_package, meeting, participation
    url: str = ""
    important: bool = False
    internal: bool = False
    is_sample: bool = False
    state: str = ""
    open_end: bool = False  # a range without an end date (drawn to the edge)


@dataclass
class Lane:
    key: str
    title: str
    items: list[TimelineItem] = field(default_factory=list)
    # How many items of the lane fall into the window (None: as many as ``items``); a
    # lane with more shows the first ``window.limit`` and links to ``more_url``.
    total: int | None = None
    more_url: str = ""

    @property
    def hidden(self) -> int:
        """Items in the window that are neither drawn nor listed."""
        return max((self.total or 0) - len(self.items), 0)


# The timeline shows this many years at a time, at most LANE_LIMIT items per lane and
# at most MAX_ITEMS in all (with many lanes, each shows fewer, no lane fewer than
# MIN_PER_LANE): the drawing stays below about 60 KB however many bodies meet.
WINDOW_YEARS = 3
LANE_LIMIT = 60
MAX_ITEMS = 300
MIN_PER_LANE = 10
# Years one can ask for (?von=); others give the default window.
FIRST_YEAR, LAST_YEAR = 1990, 2100


@dataclass(frozen=True)
class TimelineWindow:
    """The years the timeline shows: from ``start`` (1 January) up to, not including,
    ``end``, with at most ``limit`` items per lane."""

    start: datetime.date
    end: datetime.date
    limit: int = LANE_LIMIT

    @classmethod
    def from_year(cls, year: int, *, years: int = WINDOW_YEARS, limit: int = LANE_LIMIT):
        year = min(max(year, FIRST_YEAR), LAST_YEAR)
        return cls(datetime.date(year, 1, 1), datetime.date(year + years, 1, 1), limit)

    @classmethod
    def default(cls, today: datetime.date | None = None) -> "TimelineWindow":
        """The last, this and the next year."""
        today = today or timezone.localdate()
        return cls.from_year(today.year - 1)

    @classmethod
    def from_query(cls, raw: str | None, today: datetime.date | None = None):
        """The window starting in the year ``?von=`` names; anything but a year from
        FIRST_YEAR to LAST_YEAR gives the default window."""
        raw = (raw or "").strip()
        if raw.isascii() and raw.isdigit() and len(raw) == 4:
            year = int(raw)
            if FIRST_YEAR <= year <= LAST_YEAR:
                return cls.from_year(year)
        return cls.default(today)

    @property
    def years(self) -> int:
        return self.end.year - self.start.year

    @property
    def first_year(self) -> int:
        return self.start.year

    @property
    def last_year(self) -> int:
        return self.end.year - 1

    def earlier(self) -> "TimelineWindow | None":
        year = self.start.year - self.years
        return TimelineWindow.from_year(year, years=self.years) if year >= FIRST_YEAR else None

    def later(self) -> "TimelineWindow | None":
        year = self.end.year
        return TimelineWindow.from_year(year, years=self.years) if year <= LAST_YEAR else None

    def moments(self) -> tuple[datetime.datetime, datetime.datetime]:
        """Start and end as aware date-times (local midnight), for DateTimeFields."""
        zone = timezone.get_current_timezone()
        return (
            datetime.datetime.combine(self.start, datetime.time(0), tzinfo=zone),
            datetime.datetime.combine(self.end, datetime.time(0), tzinfo=zone),
        )

    def holds(self, item: TimelineItem) -> bool:
        """Whether the item lies in the window, at least in part."""
        last = item.end or item.start
        return item.start < self.end and (item.open_end or last >= self.start)


# Drawing constants (SVG user units; the SVG scales to the page width).
LABEL_WIDTH = 190
CHART_WIDTH = 860
ROW_HEIGHT = 30
AXIS_HEIGHT = 34
PADDING = 8
RIGHT_MARGIN = 44  # room for the last year's label
CHAR_WIDTH = 6.6  # average width of a character at font-size 12


@dataclass
class Mark:
    """One drawn item: a bar (range), a diamond (milestone) or a dot (meeting, event).
    Coordinates are whole numbers: templates print them without localisation."""

    item: TimelineItem
    shape: str
    x: int
    y: int
    width: int = 0
    label_x: int = 0
    points: str = ""
    label: str = ""  # the text drawn in a bar, cut to fit


def _diamond(x: int, y: int, r: int) -> str:
    return f"{x},{y - r} {x + r},{y} {x},{y + r} {x - r},{y}"


@dataclass
class Row:
    title: str
    y: int
    marks: list[Mark]
    height: int = 30


@dataclass
class Tick:
    x: int
    label: str
    major: bool


@dataclass
class Drawing:
    width: int
    height: int
    rows: list[Row]
    ticks: list[Tick]
    today_x: int | None
    chart_left: int = LABEL_WIDTH
    chart_right: int = LABEL_WIDTH + CHART_WIDTH
    axis_y: int = AXIS_HEIGHT
    description: str = ""


def _first_of_window(queryset, window: TimelineWindow, *order) -> tuple[list, int]:
    """The first ``window.limit`` rows in this order and how many rows there are (1
    query: the number is a window function over the filtered rows)."""
    rows = list(queryset.annotate(in_window=Window(Count("pk"))).order_by(*order)[: window.limit])
    return rows, rows[0].in_window if rows else 0


def process_lanes(
    edition: Edition, *, internal: bool, window: TimelineWindow | None = None
) -> list[Lane]:
    """Phases, milestones, draft stages, and for the internal view the work packages:
    those of the window, at most ``window.limit`` of each (1 query each)."""
    window = window or TimelineWindow.default()
    today = timezone.localdate()
    phase_lane = Lane("phases", _("Phases"))
    phases, phase_lane.total = _first_of_window(
        Phase.objects.filter(edition=edition, start__isnull=False, start__lt=window.end).filter(
            Q(end__isnull=True) | Q(end__gte=window.start)
        ),
        window,
        "start",
        "order",
        "pk",
    )
    for phase in phases:
        phase_lane.items.append(
            TimelineItem(
                phase.name,
                phase.start,
                phase.end,
                "phase",
                url=phase.get_absolute_url(),
                is_sample=phase.is_sample or bool(phase.sample_note),
                open_end=phase.end is None,
            )
        )
    milestone_lane = Lane("milestones", _("Milestones"))
    milestones, milestone_lane.total = _first_of_window(
        selectors.milestones(edition).filter(date__gte=window.start, date__lt=window.end),
        window,
        "date",
        "pk",
    )
    for milestone in milestones:
        reached = milestone.is_completed
        state = _("reached") if reached else (_("late") if milestone.date < today else "")
        milestone_lane.items.append(
            TimelineItem(
                milestone.name,
                milestone.date,
                kind="milestone",
                url=milestone.get_absolute_url(),
                important=milestone.is_important,
                state=state,
                is_sample=milestone.is_sample or bool(milestone.sample_note),
            )
        )
    draft_lane = Lane("draft_stages", _("Draft stages"))
    stages, draft_lane.total = _first_of_window(
        selectors.draft_stages(edition).filter(
            milestone__date__gte=window.start, milestone__date__lt=window.end
        ),
        window,
        "milestone__date",
        "pk",
    )
    for stage in stages:
        draft_lane.items.append(
            TimelineItem(
                stage.name,
                stage.milestone.date,
                kind="draft_stage",
                state=stage.get_status_display(),
                is_sample=stage.is_sample or bool(stage.sample_note),
            )
        )
    lanes = [phase_lane, milestone_lane, draft_lane]
    if internal:
        package_lane = Lane("work_packages", _("Work packages"))
        packages, package_lane.total = _first_of_window(
            WorkPackage.objects.filter(edition=edition)
            .annotate(begins=Coalesce("start", "phase__start"))
            .filter(begins__isnull=False, begins__lt=window.end)
            .filter(Q(due_date__isnull=True) | Q(due_date__gte=window.start))
            .select_related("phase"),
            window,
            "begins",
            "pk",
        )
        for package in packages:
            start = package.begins
            package_lane.items.append(
                TimelineItem(
                    str(package),
                    start,
                    package.due_date,
                    "work_package",
                    url=package.get_absolute_url(),
                    internal=True,
                    state=package.get_status_display(),
                    is_sample=package.is_sample,
                    open_end=package.due_date is None,
                )
            )
        lanes.append(package_lane)
    return lanes


def lanes_for(request, edition: Edition, *, internal: bool, window: TimelineWindow) -> list[Lane]:
    """The lanes of the window that have items. Whatever a source returns is kept to
    the window and to ``window.limit`` items per lane, in date order."""
    lanes = process_lanes(edition, internal=internal, window=window)
    for path in getattr(settings, "STADTDACH_TIMELINE_SOURCES", ()):
        lanes.extend(import_string(path)(request, edition, internal, window))
    result = []
    for lane in lanes:
        items = sorted(
            (item for item in lane.items if window.holds(item)),
            key=lambda i: (i.start, i.end or i.start),
        )
        lane.total = max(lane.total or 0, len(items))
        lane.items = items[: window.limit]
        if lane.items:
            result.append(lane)
    share = _share([len(lane.items) for lane in result])
    for lane in result:
        lane.items = lane.items[:share]
    return result


def _share(sizes: list[int]) -> int:
    """The most items each lane may keep so that all keep at most MAX_ITEMS (fuller
    lanes give up items first), never fewer than MIN_PER_LANE."""
    share = max(sizes, default=0)
    while share > MIN_PER_LANE and sum(min(size, share) for size in sizes) > MAX_ITEMS:
        share -= 1
    return share


@dataclass
class TableRow:
    lane: Lane
    item: TimelineItem


def table_rows(lanes: list[Lane]) -> list[TableRow]:
    """Every item of the lanes in one list by date (the table alternative)."""
    rows = [TableRow(lane, item) for lane in lanes for item in lane.items]
    order = {id(lane): n for n, lane in enumerate(lanes)}
    rows.sort(key=lambda r: (r.item.start, order[id(r.lane)], r.item.end or r.item.start))
    return rows


def _bounds(lanes: list[Lane]) -> tuple[datetime.date, datetime.date]:
    dates = []
    for lane in lanes:
        for item in lane.items:
            dates.append(item.start)
            if item.end:
                dates.append(item.end)
    if not dates:
        today = timezone.localdate()
        return today, today + datetime.timedelta(days=365)
    first, last = min(dates), max(dates)
    # Whole years, so the axis starts and ends on a labelled tick.
    start = datetime.date(first.year, 1, 1)
    end = datetime.date(last.year + 1, 1, 1)
    return start, end


def draw(
    lanes: list[Lane],
    *,
    today: datetime.date | None = None,
    window: TimelineWindow | None = None,
) -> Drawing:
    """Lay the lanes out: one row per lane, x from the date, labels kept apart. The axis
    spans the window (or, without one, the whole years of the items); bars that reach
    beyond it are cut at its edges."""
    today = today or timezone.localdate()
    start, end = (window.start, window.end) if window else _bounds(lanes)
    span = max((end - start).days, 1)

    def x_of(day: datetime.date) -> int:
        day = min(max(day, start), end)
        return round(LABEL_WIDTH + CHART_WIDTH * (day - start).days / span)

    ticks = []
    for year in range(start.year, end.year + 1):
        for quarter in (1, 4, 7, 10):
            day = datetime.date(year, quarter, 1)
            if start <= day <= end:
                ticks.append(Tick(x_of(day), str(year) if quarter == 1 else "", quarter == 1))
    rows = []
    y = AXIS_HEIGHT + PADDING
    right_edge = LABEL_WIDTH + CHART_WIDTH
    for lane in lanes:
        # Bars that overlap in time go into stacked sub-rows of the lane (first fit).
        sub_row_ends: list[int] = []
        marks = []
        for item in sorted(lane.items, key=lambda i: (i.start, i.end or i.start)):
            x = x_of(item.start)
            if item.end or item.open_end:
                right = x_of(item.end) if item.end else right_edge
                level = next((n for n, e in enumerate(sub_row_ends) if e <= x), None)
                if level is None:
                    sub_row_ends.append(right)
                    level = len(sub_row_ends) - 1
                sub_row_ends[level] = max(right, x + 2)
                mark = Mark(
                    item,
                    "bar",
                    x,
                    y + 6 + level * ROW_HEIGHT,
                    width=max(right - x, 2),
                    label_x=x + 4,
                )
                # The label is cut to the bar (every item is in the table anyway).
                room = int((mark.width - 8) / CHAR_WIDTH)
                mark.label = (
                    item.label
                    if len(item.label) <= room
                    else (item.label[: room - 1] + "…" if room > 3 else "")
                )
            else:
                middle = y + ROW_HEIGHT // 2
                if item.kind in ("milestone", "draft_stage"):
                    size = 9 if item.important else 6
                    shape = "important" if item.important else "diamond"
                    mark = Mark(item, shape, x, middle, points=_diamond(x, middle, size))
                else:
                    mark = Mark(item, "dot", x, middle)
            marks.append(mark)
        height = ROW_HEIGHT * max(len(sub_row_ends), 1)
        rows.append(Row(lane.title, y, marks, height))
        y += height
    today_x = x_of(today) if start <= today <= end else None
    drawing = Drawing(
        width=LABEL_WIDTH + CHART_WIDTH + RIGHT_MARGIN,
        height=int(y + PADDING),
        rows=rows,
        ticks=ticks,
        today_x=today_x,
    )
    drawing.description = describe(lanes, start, end)
    return drawing


def describe(lanes: list[Lane], start: datetime.date, end: datetime.date) -> str:
    """The text alternative of the drawing: what it shows, in one paragraph."""
    counts = ", ".join(f"{lane.title}: {len(lane.items)}" for lane in lanes)
    return _(
        "Timeline from %(start)s to %(end)s. %(counts)s. The table below lists every item."
    ) % {
        "start": date_format(start, "F Y"),
        "end": date_format(end - datetime.timedelta(days=1), "F Y"),
        "counts": counts,
    }

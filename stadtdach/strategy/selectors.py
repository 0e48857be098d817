"""Reads of the strategy. Every selector fetches what its page shows in a fixed number of
queries, whatever the amount of data (the tests assert it)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import (
    Count,
    FilteredRelation,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Window,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from stadtdach.core.json_agg import instance, json_rows, row_fields
from stadtdach.strategy.models import (
    ActionField,
    ActionFieldThemeRating,
    Concept,
    CrossCuttingTheme,
    Edition,
    EditionActionField,
    EditionTheme,
    EvaluationFinding,
    ExampleProcess,
    Expectation,
    FoundationElement,
    Goal,
    GuidingPrinciple,
    Measure,
    MeasureThemeRating,
    SwotEntry,
    Vision,
)

# Pages that list the measures of one field, theme or concept show this many and link
# to the filtered measure list for the rest (the action field pages through them).
MEASURES_SHOWN = 25
# An action field lists this many goals a page, each with its first measures.
GOALS_PER_PAGE = 25
GOAL_MEASURES_SHOWN = 5


def current_edition() -> Edition | None:
    """The edition the public site shows (with its vision and predecessor)."""
    principles = json_rows(
        GuidingPrinciple.objects.all(), "vision__edition", **row_fields(GuidingPrinciple)
    )
    return (
        Edition.objects.select_related("predecessor", "vision")
        .annotate(_principles=principles)  # for vision_of(): no query of its own
        .filter(is_current=True)
        .first()
    )


def current_edition_or_404() -> Edition:
    edition = current_edition()
    if edition is None:
        raise Http404("No current ISEK edition.")
    return edition


def edition_list() -> QuerySet[Edition]:
    return Edition.objects.select_related("predecessor")


def edition_detail(slug: str) -> Edition:
    try:
        return Edition.objects.select_related("predecessor", "vision").get(slug=slug)
    except Edition.DoesNotExist as error:
        raise Http404 from error


def vision_of(edition: Edition) -> Vision | None:
    """The vision with its principles (fetch the edition with select_related("vision"))."""
    try:
        vision = edition.vision
    except Vision.DoesNotExist:
        return None
    rows = getattr(edition, "_principles", False)
    if rows is False:
        vision.principle_list = list(vision.principles.all())
    else:
        principles = (instance(GuidingPrinciple, row) for row in rows or [])
        vision.principle_list = sorted(principles, key=lambda p: (p.order, p.pk))
    return vision


def selected_themes(edition: Edition) -> list[CrossCuttingTheme]:
    return list(
        CrossCuttingTheme.objects.filter(
            edition_choices__edition=edition, edition_choices__selected=True
        )
    )


def _counts_by_field(model, edition: Edition) -> dict[int, int]:
    rows = (
        model.objects.filter(edition=edition)
        .order_by()
        .values("action_field")
        .annotate(n=Count("pk"))
        .values_list("action_field", "n")
    )
    return dict(rows)


@dataclass
class Pillar:
    action_field: ActionField
    goals: int = 0
    measures: int = 0
    concepts: int = 0


def pillars(edition: Edition) -> list[Pillar]:
    """The selected action fields of an edition with their counts (1 query: the counts
    are subqueries of the field row)."""
    fields = ActionField.objects.filter(
        edition_choices__edition=edition, edition_choices__selected=True
    ).annotate(
        _goals=_count_of(Goal.objects.filter(edition=edition), "action_field"),
        _measures=_count_of(Measure.objects.filter(edition=edition), "action_field"),
        _concepts=_count_of(Concept.action_fields.through.objects.all(), "actionfield"),
    )
    return [Pillar(f, f._goals, f._measures, f._concepts) for f in fields]


def _count_of(queryset, outer: str):
    """The number of rows of ``queryset`` whose ``outer`` is the outer row, as a subquery."""
    rows = queryset.filter(**{outer: OuterRef("pk")}).order_by().values(outer)
    return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")), 0)


def house(edition: Edition) -> dict:
    """The parts of the ISEK house, as template context (7 queries): roof (vision with
    principles), beams (selected themes), pillars (selected fields with counts), base."""
    return {
        "vision": vision_of(edition),
        "themes": selected_themes(edition),
        "pillars": pillars(edition),
        "foundation": list(foundation_elements()),
    }


def foundation_elements() -> QuerySet[FoundationElement]:
    return FoundationElement.objects.all()


def foundation_element(slug: str) -> FoundationElement:
    try:
        return FoundationElement.objects.get(slug=slug)
    except FoundationElement.DoesNotExist as error:
        raise Http404 from error


@dataclass
class FieldRow:
    action_field: ActionField
    choice: EditionActionField | None
    measures: int = 0
    goals: int = 0


def action_field_rows(edition: Edition | None) -> list[FieldRow]:
    """Every action field of the catalogue with this edition's choice and counts."""
    fields = ActionField.objects.select_related("group", "lead_unit")
    if edition is None:
        return [FieldRow(f, None) for f in fields]
    choices = {c.action_field_id: c for c in EditionActionField.objects.filter(edition=edition)}
    goals = _counts_by_field(Goal, edition)
    measures = _counts_by_field(Measure, edition)
    return [
        FieldRow(f, choices.get(f.pk), measures.get(f.pk, 0), goals.get(f.pk, 0)) for f in fields
    ]


@dataclass
class ActionFieldPage:
    action_field: ActionField
    choice: EditionActionField | None
    goals: Page  # of Goal, each with .measure_count and its first measures (.shown)
    measures: Page  # of Measure
    measure_count: int
    concepts: list[Concept]
    ratings: list[tuple[CrossCuttingTheme, ActionFieldThemeRating | None]]
    swot: dict[str, list[SwotEntry]] = field(default_factory=dict)
    edition: Edition | None = None


RATING_COLUMNS = ("id", "score", "justification", "is_sample", "sample_note")


def _themes_with_ratings(themes_of: Edition, rating_model, **owner):
    """The edition's selected themes, each with the owner's rating against it or None
    (1 query: the rating's columns are subqueries of the theme row). ``owner`` is
    ``action_field=...`` or ``measure=...``."""
    rating = rating_model.objects.filter(theme=OuterRef("pk"), **owner)
    themes = list(
        CrossCuttingTheme.objects.filter(
            edition_choices__edition=themes_of, edition_choices__selected=True
        ).annotate(
            **{f"_rating_{name}": Subquery(rating.values(name)[:1]) for name in RATING_COLUMNS}
        )
    )
    ratings = [
        rating_model(
            theme=theme,
            **owner,
            **{name: getattr(theme, f"_rating_{name}") for name in RATING_COLUMNS},
        )
        if theme._rating_id is not None
        else None
        for theme in themes
    ]
    return themes, ratings


def counted_page(queryset, per_page: int, number) -> Page:
    """A page of the queryset whose number of rows comes with the rows (a window
    function: 1 query instead of count and page). A number that is not a page gives the
    first page, one beyond the last the last page (a second query)."""
    number = number if isinstance(number, int) else _page_number(number)
    rows = list(
        queryset.annotate(_total=Window(Count("pk")))[(number - 1) * per_page : number * per_page]
    )
    if not rows and number > 1:  # beyond the last page: show the last one
        last = max(-(-queryset.count() // per_page), 1)
        return counted_page(queryset, per_page, min(last, number - 1))
    total = rows[0]._total if rows else 0
    paginator = Paginator(range(total), per_page)  # counts without a query
    return Page(rows, number, paginator)


def _page_number(raw) -> int:
    raw = str(raw or "1")
    return int(raw) if raw.isascii() and raw.isdigit() and 0 < len(raw) < 7 and int(raw) else 1


def _goal_rows(queryset: QuerySet[Goal]) -> QuerySet[Goal]:
    """Goals with their number of measures and their first measures as a JSON list."""
    first = json_rows(
        Measure.objects.order_by("code", "pk"),
        "goals",
        GOAL_MEASURES_SHOWN,
        pk="pk",
        code="code",
        title="title",
        action_field_id="action_field_id",
    )
    return queryset.annotate(measure_count=Count("measures"), _first_measures=first)


def _with_first_measures(goals: Page) -> Page:
    for goal in goals:
        rows = sorted(goal._first_measures or [], key=lambda m: (m["code"], m["pk"]))
        goal.shown = [Measure(**row) for row in rows]
    return goals


# What the action field page reads of its concepts, SWOT entries and themes.
SAMPLE = ("is_sample", "sample_note")
CONCEPT_COLUMNS = ("id", "name", "slug", "order", *SAMPLE)
SWOT_COLUMNS = ("id", "edition_id", "action_field_id", "kind", "text", "order", *SAMPLE)
THEME_COLUMNS = ("id", "name", "short_name", "slug", "order", *SAMPLE)


def action_field_page(
    slug: str, edition: Edition | None = None, *, measure_page=None, goal_page=None
) -> ActionFieldPage:
    """An action field in ``edition`` (None: the current one): a page of its goals with
    their first measures, a page of its measures, concepts, ratings and SWOT (3 queries:
    the field with the edition's choice joined, the edition, its concepts, SWOT entries,
    the edition's themes and the field's ratings as JSON lists; goals with their first
    measures as JSON lists; measures; goals and measures each carry their number, so a
    page costs no count)."""
    in_edition = {"edition": edition} if edition else {"edition__is_current": True}
    current = Edition.objects.filter(is_current=True).values("pk")[:1]  # current_edition()
    choice = Q(edition_choices__edition=edition if edition else Subquery(current))
    themes = EditionTheme.objects.filter(selected=True, **in_edition)
    try:
        # The edition's choice joined (one per edition and field), not fetched.
        action_field = (
            ActionField.objects.annotate(
                choice_here=FilteredRelation("edition_choices", condition=choice),
                _concepts=json_rows(
                    Concept.objects.all(),
                    "action_fields",
                    **row_fields(Concept, only=CONCEPT_COLUMNS),
                ),
                _swot=json_rows(
                    SwotEntry.objects.filter(**in_edition),
                    "action_field",
                    **row_fields(SwotEntry, only=SWOT_COLUMNS),
                ),
                _themes=json_rows(
                    themes, None, **row_fields(CrossCuttingTheme, "theme__", only=THEME_COLUMNS)
                ),
                _ratings=json_rows(
                    ActionFieldThemeRating.objects.filter(**in_edition),
                    "action_field",
                    **row_fields(ActionFieldThemeRating, only=(*RATING_COLUMNS, "theme_id")),
                ),
                _edition=json_rows(
                    Edition.objects.filter(pk=edition.pk if edition else Subquery(current)),
                    None,
                    **row_fields(Edition),
                ),
            )
            .select_related("group", "lead_unit", "choice_here")
            .get(slug=slug)
        )
    except ActionField.DoesNotExist as error:
        raise Http404 from error
    choice = action_field.choice_here
    if edition is None:
        if not action_field._edition:
            raise Http404("No current ISEK edition.")
        edition = instance(Edition, action_field._edition[0])
    goals = counted_page(
        _goal_rows(
            Goal.objects.filter(edition=edition, action_field=action_field).select_related(
                "action_field"
            )
        ),
        GOALS_PER_PAGE,
        goal_page,
    )
    measures = counted_page(
        measure_queryset(edition).filter(action_field=action_field), MEASURES_SHOWN, measure_page
    )
    concepts = sorted(
        (instance(Concept, row) for row in action_field._concepts or []),
        key=lambda c: (c.order, c.pk),
    )
    theme_list = sorted(
        (instance(CrossCuttingTheme, row, "theme__") for row in action_field._themes or []),
        key=lambda t: (t.order, t.pk),
    )
    ratings = {}
    for row in action_field._ratings or []:
        rating = instance(ActionFieldThemeRating, row)
        ratings.setdefault(rating.theme_id, rating)
    swot: dict[str, list[SwotEntry]] = {kind: [] for kind, _ in SwotEntry.Kind.choices}
    for row in sorted(action_field._swot or [], key=lambda e: (e["kind"], e["order"], e["id"])):
        entry = instance(SwotEntry, row)
        entry.action_field = action_field
        swot[entry.kind].append(entry)
    for theme in theme_list:
        if theme.pk in ratings:
            ratings[theme.pk].theme = theme
    return ActionFieldPage(
        action_field,
        choice,
        _with_first_measures(goals),
        measures,
        measures.paginator.count,
        concepts,
        [(theme, ratings.get(theme.pk)) for theme in theme_list],
        swot,
        edition,
    )


@dataclass
class ThemeMatrix:
    themes: list[CrossCuttingTheme]
    rows: list[tuple[ActionField, list[ActionFieldThemeRating | None]]]
    rated: int
    total: int


def theme_matrix(edition: Edition) -> ThemeMatrix:
    """Selected action fields × selected themes with the ratings (3 queries)."""
    themes = selected_themes(edition)
    fields = list(
        ActionField.objects.filter(edition_choices__edition=edition, edition_choices__selected=True)
    )
    ratings = {
        (r.action_field_id, r.theme_id): r
        for r in ActionFieldThemeRating.objects.filter(edition=edition)
    }
    rows = [(f, [ratings.get((f.pk, t.pk)) for t in themes]) for f in fields]
    rated = sum(1 for _, cells in rows for cell in cells if cell is not None)
    return ThemeMatrix(themes, rows, rated, len(fields) * len(themes))


def theme_detail(slug: str) -> CrossCuttingTheme:
    try:
        return CrossCuttingTheme.objects.get(slug=slug)
    except CrossCuttingTheme.DoesNotExist as error:
        raise Http404 from error


def theme_ratings(theme: CrossCuttingTheme, edition: Edition):
    """The ratings of action fields and of measures against one theme (3 queries): the
    best-rated measures first, at most MEASURES_SHOWN of them, and their total."""
    field_ratings = ActionFieldThemeRating.objects.filter(
        edition=edition, theme=theme
    ).select_related("action_field")
    measure_ratings = (
        MeasureThemeRating.objects.filter(theme=theme, measure__edition=edition)
        .select_related("measure", "measure__action_field")
        .order_by("-score", "measure__action_field__order", "measure__code")
    )
    return list(field_ratings), list(measure_ratings[:MEASURES_SHOWN]), measure_ratings.count()


def concept_list() -> QuerySet[Concept]:
    return Concept.objects.prefetch_related("action_fields")


def concept_detail(slug: str) -> tuple[Concept, list[Measure], int]:
    """A concept with its action fields, its first measures and their total (4 queries)."""
    try:
        concept = Concept.objects.prefetch_related("action_fields").get(slug=slug)
    except Concept.DoesNotExist as error:
        raise Http404 from error
    measures = concept.measures.select_related("action_field", "edition")
    return concept, list(measures[:MEASURES_SHOWN]), measures.count()


EXPECTATION_HEADINGS = {
    Expectation.Kind.SUCCESS_FACTOR: gettext_lazy("Success factors"),
    Expectation.Kind.CONCERN: gettext_lazy("Concerns"),
    Expectation.Kind.EXPECTATION: gettext_lazy("Expectations"),
}


@dataclass
class ReviewPage:
    evaluated: Edition | None
    findings: list[tuple[str, str, list[EvaluationFinding]]]
    expectations: list[tuple[str, str, list[Expectation]]]


def review_page(edition: Edition) -> ReviewPage:
    """The evaluation of the predecessor and this edition's expectations register, each
    grouped as (key, label, entries) in the order of the choices (3 queries)."""
    evaluated = edition.predecessor
    findings: dict[str, list[EvaluationFinding]] = defaultdict(list)
    if evaluated is not None:
        for finding in EvaluationFinding.objects.filter(edition=evaluated):
            findings[finding.criterion].append(finding)
    expectations: dict[str, list[Expectation]] = defaultdict(list)
    for expectation in Expectation.objects.filter(edition=edition).prefetch_related("answered_by"):
        expectations[expectation.kind].append(expectation)
    return ReviewPage(
        evaluated,
        [(k, label, findings[k]) for k, label in EvaluationFinding.Criterion.choices],
        [(k, label, expectations[k]) for k, label in EXPECTATION_HEADINGS.items()],
    )


def measure_queryset(edition: Edition) -> QuerySet[Measure]:
    return Measure.objects.filter(edition=edition).select_related("action_field", "lead_unit")


@dataclass
class MeasureFilters:
    action_field: str = ""
    theme: str = ""
    status: str = ""
    priority: str = ""
    q: str = ""


def measure_list(edition: Edition, filters: MeasureFilters) -> QuerySet[Measure]:
    """Measures of an edition, filtered. A theme filter keeps measures rated as
    contributing to the theme (a small, clear or central contribution)."""
    measures = measure_queryset(edition)
    if filters.action_field:
        measures = measures.filter(action_field__slug=filters.action_field)
    if filters.theme:
        measures = measures.filter(
            theme_ratings__theme__slug=filters.theme, theme_ratings__score__gte=1
        )
    if filters.status:
        measures = measures.filter(status=filters.status)
    if filters.priority:
        measures = measures.filter(priority=filters.priority)
    if filters.q:
        measures = measures.filter(
            Q(title__icontains=filters.q)
            | Q(description__icontains=filters.q)
            | Q(code__icontains=filters.q)
        )
    return measures.distinct()


def measure_detail(pk: int) -> Measure:
    try:
        return Measure.objects.select_related(
            "action_field", "lead_unit", "edition", "action_field__lead_unit"
        ).get(pk=pk)
    except Measure.DoesNotExist as error:
        raise Http404 from error


@dataclass
class MeasurePage:
    measure: Measure
    goals: list[Goal]
    concepts: list[Concept]
    ratings: list[tuple[CrossCuttingTheme, MeasureThemeRating | None]]


def measure_page(pk: int) -> MeasurePage:
    """A measure with its goals, concepts and ratings against the edition's themes (2
    queries: the measure with its goals and concepts as JSON lists, the themes with the
    measure's ratings)."""
    goals = json_rows(
        Goal.objects.all(),
        "measures",
        pk="pk",
        title="title",
        order="order",
        action_field_id="action_field_id",
        field_order="action_field__order",
    )
    concepts = json_rows(
        Concept.objects.all(), "measures", pk="pk", slug="slug", name="name", order="order"
    )
    try:
        measure = (
            Measure.objects.select_related(
                "action_field", "lead_unit", "edition", "action_field__lead_unit"
            )
            .annotate(_goals=goals, _concepts=concepts)
            .get(pk=pk)
        )
    except Measure.DoesNotExist as error:
        raise Http404 from error
    goal_rows = sorted(measure._goals or [], key=lambda g: (g["field_order"], g["order"], g["pk"]))
    concept_rows = sorted(measure._concepts or [], key=lambda c: (c["order"], c["pk"]))
    themes, ratings = _themes_with_ratings(measure.edition, MeasureThemeRating, measure=measure)
    return MeasurePage(
        measure,
        [Goal(**{k: v for k, v in g.items() if k != "field_order"}) for g in goal_rows],
        [Concept(**c) for c in concept_rows],
        list(zip(themes, ratings, strict=True)),
    )


def goal_detail(pk: int) -> Goal:
    try:
        return Goal.objects.select_related("action_field", "edition").get(pk=pk)
    except Goal.DoesNotExist as error:
        raise Http404 from error


def examples() -> QuerySet[ExampleProcess]:
    return ExampleProcess.objects.prefetch_related("findings")


@dataclass
class SearchHit:
    kind: str
    title: str
    url: str
    text: str = ""
    is_sample: bool = False


SEARCH_LIMIT = 20


def search(query: str, edition: Edition | None) -> list[SearchHit]:
    """Case-insensitive search over the strategy's public texts (one query per kind)."""
    hits: list[SearchHit] = []
    for f in ActionField.objects.filter(Q(name__icontains=query) | Q(description__icontains=query))[
        :SEARCH_LIMIT
    ]:
        hits.append(SearchHit(_("Action field"), f.name, f.get_absolute_url(), f.description))
    for t in CrossCuttingTheme.objects.filter(
        Q(name__icontains=query) | Q(description__icontains=query)
    )[:SEARCH_LIMIT]:
        hits.append(
            SearchHit(_("Cross-cutting theme"), t.name, t.get_absolute_url(), t.description)
        )
    for c in Concept.objects.filter(Q(name__icontains=query) | Q(note__icontains=query))[
        :SEARCH_LIMIT
    ]:
        hits.append(SearchHit(_("Concept"), c.name, c.get_absolute_url(), c.note))
    if edition is not None:
        for m in measure_queryset(edition).filter(
            Q(title__icontains=query) | Q(description__icontains=query) | Q(code__icontains=query)
        )[:SEARCH_LIMIT]:
            hits.append(
                SearchHit(_("Measure"), str(m), m.get_absolute_url(), m.description, m.is_sample)
            )
        for g in (
            Goal.objects.select_related("action_field")
            .filter(edition=edition)
            .filter(Q(title__icontains=query) | Q(description__icontains=query))[:SEARCH_LIMIT]
        ):
            hits.append(
                SearchHit(
                    _("Goal"), g.title, g.get_absolute_url(), g.action_field.name, g.is_sample
                )
            )
        for e in Expectation.objects.filter(edition=edition).filter(
            Q(text__icontains=query) | Q(detail__icontains=query) | Q(answer__icontains=query)
        )[:SEARCH_LIMIT]:
            hits.append(
                SearchHit(
                    e.get_kind_display(),
                    e.text,
                    reverse("strategy:review") + f"#erwartung-{e.pk}",
                    e.answer,
                )
            )
    return hits

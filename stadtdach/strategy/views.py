"""Public pages of the strategy: read-only, for everyone, working without JavaScript."""

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from stadtdach.core.selectors import text_blocks
from stadtdach.strategy import selectors
from stadtdach.strategy.models import Measure, RatingScore, SwotEntry
from stadtdach.strategy.models.ratings import RATING_SYMBOLS


def vision(request):
    edition = selectors.current_edition_or_404()
    return render(
        request,
        "strategy/vision.html",
        {"edition": edition, **selectors.house(edition)},
    )


def edition_list(request):
    return render(request, "strategy/edition_list.html", {"editions": selectors.edition_list()})


def edition_detail(request, slug):
    edition = selectors.edition_detail(slug)
    return render(
        request,
        "strategy/edition_detail.html",
        {
            "edition": edition,
            "vision": selectors.vision_of(edition),
            "rows": selectors.action_field_rows(edition),
            "themes": selectors.selected_themes(edition),
        },
    )


def action_field_list(request):
    edition = selectors.current_edition()
    return render(
        request,
        "strategy/action_field_list.html",
        {
            "edition": edition,
            "rows": selectors.action_field_rows(edition),
            "texts": text_blocks("action_fields_intro"),
        },
    )


def action_field_detail(request, slug):
    page = selectors.action_field_page(
        slug, measure_page=request.GET.get("seite"), goal_page=request.GET.get("ziele")
    )
    edition = page.edition
    swot_labels = dict(SwotEntry.Kind.choices)
    return render(
        request,
        "strategy/action_field_detail.html",
        {
            "edition": edition,
            "page": page,
            "field": page.action_field,
            "swot": [(kind, swot_labels[kind], entries) for kind, entries in page.swot.items()],
        },
    )


def theme_matrix(request):
    edition = selectors.current_edition_or_404()
    return render(
        request,
        "strategy/theme_matrix.html",
        {
            "edition": edition,
            "matrix": selectors.theme_matrix(edition),
            "scale": [
                (value, RATING_SYMBOLS[value], label) for value, label in RatingScore.choices
            ],
            "texts": text_blocks("themes_intro"),
        },
    )


def theme_detail(request, slug):
    edition = selectors.current_edition_or_404()
    theme = selectors.theme_detail(slug)
    field_ratings, measure_ratings, measure_count = selectors.theme_ratings(theme, edition)
    return render(
        request,
        "strategy/theme_detail.html",
        {
            "edition": edition,
            "theme": theme,
            "field_ratings": field_ratings,
            "measure_ratings": measure_ratings,
            "measure_count": measure_count,
        },
    )


def concept_list(request):
    return render(
        request,
        "strategy/concept_list.html",
        {
            "concepts": selectors.concept_list(),
            "texts": text_blocks("concepts_intro"),
        },
    )


def concept_detail(request, slug):
    concept, measures, measure_count = selectors.concept_detail(slug)
    return render(
        request,
        "strategy/concept_detail.html",
        {"concept": concept, "measures": measures, "measure_count": measure_count},
    )


def review(request):
    edition = selectors.current_edition_or_404()
    return render(
        request,
        "strategy/review.html",
        {
            "edition": edition,
            "page": selectors.review_page(edition),
            "texts": text_blocks("expectations_intro"),
        },
    )


def _filters(request) -> selectors.MeasureFilters:
    def value(name: str, allowed=None) -> str:
        raw = request.GET.get(name, "").strip()[:100]
        return raw if allowed is None or raw in allowed else ""

    return selectors.MeasureFilters(
        action_field=value("handlungsfeld"),
        theme=value("thema"),
        status=value("status", Measure.Status.values),
        priority=value("prioritaet", Measure.Priority.values),
        q=value("q"),
    )


def measure_list(request):
    edition = selectors.current_edition_or_404()
    filters = _filters(request)
    number = request.GET.get("seite", "")[:7]
    # The filters and the results look the same for everyone: fragments keyed by the
    # filters and the query, their data read only when they are built.
    page = SimpleLazyObject(
        lambda: Paginator(
            selectors.measure_list(edition, filters), settings.STADTDACH_PAGE_SIZE
        ).get_page(number)
    )
    choices = SimpleLazyObject(
        lambda: {
            "action_fields": [row.action_field for row in selectors.action_field_rows(None)],
            "themes": selectors.selected_themes(edition),
        }
    )
    context = {
        "edition": edition,
        "filters": filters,
        "page": page,
        # The pagination links carry the whole query string: it is part of the key.
        "page_key": (edition, filters, request.GET.urlencode()),
        "choices": choices,
        "statuses": Measure.Status.choices,
        "priorities": Measure.Priority.choices,
    }
    if request.headers.get("HX-Request"):
        return render(request, "strategy/measure_list.html#results", context)
    return render(request, "strategy/measure_list.html", context)


def measure_detail(request, pk):
    page = selectors.measure_page(pk)
    measure = page.measure
    return render(
        request,
        "strategy/measure_detail.html",
        {
            "measure": measure,
            "goals": page.goals,
            "concepts": page.concepts,
            "ratings": page.ratings,
            "map_point": _map_point(measure),
        },
    )


def _map_point(measure) -> dict | None:
    from stadtdach.core.geo import representative_point

    point = representative_point(measure.place)
    if point is None:
        return None
    lon, lat = point
    return {
        "lon": f"{lon:.5f}",
        "lat": f"{lat:.5f}",
        "osm": f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}#map=17/"
        f"{lat:.5f}/{lon:.5f}",
        "geojson": reverse("strategy:measure_geojson", kwargs={"pk": measure.pk}),
    }


def measure_geojson(request, pk):
    from django.http import JsonResponse

    measure = selectors.measure_detail(pk)
    feature = {
        "type": "Feature",
        "geometry": measure.place,
        "properties": {"title": str(measure), "place": measure.place_name},
    }
    response = JsonResponse(feature, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/geo+json"
    return response


def foundation_detail(request, slug):
    return render(
        request, "strategy/foundation_detail.html", {"element": selectors.foundation_element(slug)}
    )


def examples(request):
    from stadtdach.strategy.models import ExampleFinding

    examples = list(selectors.examples())
    aspects = ExampleFinding.Aspect.choices
    grid = [
        (
            example,
            [
                (label, [f for f in example.findings.all() if f.aspect == key])
                for key, label in aspects
            ],
        )
        for example in examples
    ]
    return render(
        request,
        "strategy/examples.html",
        {
            "aspects": aspects,
            "grid": grid,
            "texts": text_blocks("examples_intro"),
        },
    )


def concept_document(request, slug):
    """A concept's document, served by Django so that uploads need no web-server rule."""
    from pathlib import PurePath

    from django.http import Http404

    from stadtdach.core.storage import file_response

    concept, _measures, _count = selectors.concept_detail(slug)
    if not concept.document:
        raise Http404
    return file_response(request, concept.document, filename=PurePath(concept.document.name).name)

"""Public pages of the finance app: the cost and financing overview (also as XLSX), the
funding programmes and the budget products. Read-only and working without JavaScript."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from stadtdach.finance import exports, selectors
from stadtdach.strategy import selectors as strategy_selectors

# Rows of measures on one page of the overview; the totals above always cover all.
ROWS_PER_PAGE = 50


def overview(request):
    edition = strategy_selectors.current_edition_or_404()
    data = selectors.cost_overview(edition)
    wanted = request.GET.get("handlungsfeld", "").strip()[:100]
    rows = [r for r in data.rows if not wanted or r.measure.action_field.slug == wanted]
    page = Paginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("seite"))
    return render(
        request,
        "finance/overview.html",
        {
            "edition": edition,
            "overview": data,
            "page": page,
            "wanted_field": wanted,
            "fields": [row.obj for row in data.by_field],
        },
    )


def overview_xlsx(request):
    edition = strategy_selectors.current_edition_or_404()
    content = exports.cost_overview_xlsx(selectors.cost_overview(edition))
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="kosten-und-finanzierung-{edition.slug}-{stamp}.xlsx"'
    )
    return response


def programme_list(request):
    return render(
        request,
        "finance/programme_list.html",
        {"programmes": selectors.programme_list(), "sources": selectors.SOURCES},
    )


def product_list(request):
    return render(
        request,
        "finance/product_list.html",
        {"areas": selectors.product_tree(), "budgets": selectors.budget_list()},
    )

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# The main navigation: (URL name, label). Order follows the ISEK house, top to bottom.
MAIN_NAVIGATION = (
    ("strategy:vision", _("Vision")),
    ("strategy:action_field_list", _("Action fields")),
    ("strategy:theme_matrix", _("Cross-cutting themes")),
    ("strategy:measure_list", _("Measures")),
    ("strategy:concept_list", _("Concepts")),
    ("strategy:review", _("Evaluation and expectations")),
    ("process:overview", _("Process")),
    ("communication:search", _("Search")),
)


def navigation(request):
    items = []
    for name, label in MAIN_NAVIGATION:
        url = reverse(name)
        items.append({"url": url, "label": label, "current": request.path.startswith(url)})
    return {"main_navigation": items}

from stadtdach.core.selectors import municipality


def site(request):
    """The town's name and facts for the header and footer of every page (one query)."""
    if not hasattr(request, "_municipality"):
        request._municipality = municipality()
    return {"municipality": request._municipality}

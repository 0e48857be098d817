import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _german_by_default():
    """reverse() and messages follow the active language, which a request to an /en/ page
    leaves active in the thread: every test starts in German, the site's first language."""
    with translation.override("de"):
        yield

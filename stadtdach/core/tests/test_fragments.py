"""{% fragment %}: shared parts of pages kept until their tables change."""

import pytest
from django.template import Context, Template
from django.utils import translation

from stadtdach.core.models import TextBlock

pytestmark = pytest.mark.django_db

TEMPLATE = Template(
    "{% fragment 'texts' page %}{% for t in texts %}{{ t.key }};{% endfor %}"
    "{% translate 'Search' %}{% endfragment %}"
)


def render(page=1, language="de"):
    with translation.override(language):
        return TEMPLATE.render(Context({"texts": TextBlock.objects.order_by("key"), "page": page}))


def test_a_fragment_is_served_until_its_table_changes(django_assert_num_queries):
    TextBlock.objects.create(key="a", text="")
    render()  # records its tables
    render()  # stores
    with django_assert_num_queries(0):
        assert render() == "a;Suche"
    TextBlock.objects.create(key="b", text="")
    assert render() == "a;b;Suche"


def test_keys_and_the_language_keep_fragments_apart():
    TextBlock.objects.create(key="a", text="")
    for _ in range(2):
        german, english, other = render(), render(language="en"), render(page=2)
    assert german == "a;Suche" and english == "a;Search" and other == "a;Suche"


def test_a_fragment_with_a_csrf_token_is_never_stored(django_assert_num_queries):
    template = Template("{% fragment 'form' %}{{ n.count }}{% csrf_token %}{% endfragment %}")
    def render_form():
        return template.render(
            Context({"n": TextBlock.objects.all(), "csrf_token": "secret-of-one-visitor"})
        )

    for _ in range(3):
        assert "secret-of-one-visitor" in render_form()
    with django_assert_num_queries(1):
        render_form()

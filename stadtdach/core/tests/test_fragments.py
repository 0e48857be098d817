"""{% fragment %}: shared parts of pages kept until their tables change."""

import re
import uuid

import pytest
from django import forms
from django.middleware.csrf import CsrfViewMiddleware
from django.template import Context, RequestContext, Template
from django.test import RequestFactory
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


def test_a_fragment_with_a_form_gives_each_visitor_their_own_token(django_assert_num_queries):
    template = Template(
        "{% fragment 'form' %}{{ n.count }}<form method='post'>{% csrf_token %}"
        "{{ form.form_token }}</form>{% endfragment %}"
    )

    def render_for_new_visitor():
        request = RequestFactory().get("/")
        CsrfViewMiddleware(lambda r: None).process_request(request)
        html = template.render(
            RequestContext(request, {"n": TextBlock.objects.all(), "form": TokenForm()})
        )
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
        assert _matches_cookie(request, csrf)
        return csrf, token

    render_for_new_visitor()
    render_for_new_visitor()  # stored now
    with django_assert_num_queries(0):
        first = render_for_new_visitor()
    second = render_for_new_visitor()
    assert first[0] != second[0] and first[1] != second[1]


def test_a_bound_form_is_never_stored():
    template = Template(
        "{% fragment 'bound' unless form.is_bound %}{{ form.text.value }}{% endfragment %}"
    )
    for text in ("erste Eingabe", "zweite Eingabe", "dritte Eingabe"):
        html = template.render(Context({"form": TokenForm(data={"text": text})}))
        assert html == text


class TokenForm(forms.Form):
    form_token = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    text = forms.CharField(required=False)


def _matches_cookie(request, token) -> bool:
    from django.middleware.csrf import _does_token_match

    return _does_token_match(token, request.META["CSRF_COOKIE"])


def test_data_the_view_read_before_the_fragment_invalidates_it():
    """A view loads an object and the fragment shows its fields: the fragment reads no
    table itself, but depends on the one the request read before it."""
    from stadtdach.core.caching import tracking

    template = Template("{% fragment 'shown' block.pk %}{{ block.text }}{% endfragment %}")
    block = TextBlock.objects.create(key="a", text="vorher")

    def request_renders():
        with tracking.recording():  # what RequestRecordingMiddleware opens per request
            shown = TextBlock.objects.get(pk=block.pk)
            return template.render(Context({"block": shown}))

    for _ in range(3):
        assert request_renders() == "vorher"
    TextBlock.objects.filter(pk=block.pk).update(text="nachher")
    assert request_renders() == "nachher"

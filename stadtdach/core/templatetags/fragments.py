"""``{% fragment "name" key ... %}…{% endfragment %}``: a part of a page kept in the
fragment cache until a table it read changes (core/caching, docs/adr/0005).

The part must look the same for everyone who gets the same name and keys: put whatever
it depends on besides the data into the keys (the page number, the object, whether the
user may edit). The language is added by the tag. A part that holds a CSRF token is
rendered but never stored (each visitor needs their own)."""

import hashlib

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from stadtdach.core.caching import entries

register = template.Library()


def _key(name: str, keys: list) -> str:
    parts = [name, get_language() or "", *(_part(k) for k in keys)]
    return "fragment:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _part(value) -> str:
    pk = getattr(value, "pk", None)
    if pk is not None:  # a model instance: its class and primary key
        return f"{type(value).__name__}:{pk}"
    return repr(value)


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, keys):
        self.nodelist = nodelist
        self.name = name
        self.keys = keys

    def render(self, context):
        name = str(self.name.resolve(context))
        keys = [key.resolve(context) for key in self.keys]
        return mark_safe(  # noqa: S308 - rendered by the template engine, escaped there
            entries.get_or_compute(
                _key(name, keys),
                lambda: self.nodelist.render(context),
                storable=lambda html: "csrfmiddlewaretoken" not in html,
            )
        )


@register.tag("fragment")
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )

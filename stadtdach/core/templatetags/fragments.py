"""``{% fragment "name" key ... %}…{% endfragment %}``: a part of a page kept in the
fragment cache until a table it read changes (core/caching, docs/adr/0005).

The part must look the same for everyone who gets the same name and keys: put whatever
it depends on besides the data into the keys (the page number, the object, whether the
user may edit). The language is added by the tag. Forms may be inside: their CSRF and
one-time tokens are filled in per visitor (core/caching/holes.py). A form bound to what
someone typed must not be stored: ``{% fragment "name" key unless form.is_bound %}``
renders the part without the cache when the condition after ``unless`` holds."""

import hashlib

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from stadtdach.core.caching import entries, holes

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
    def __init__(self, nodelist, name, keys, unless):
        self.nodelist = nodelist
        self.name = name
        self.keys = keys
        self.unless = unless

    def render(self, context):
        if self.unless is not None and self.unless.resolve(context):
            return self.nodelist.render(context)
        name = str(self.name.resolve(context))
        keys = [key.resolve(context) for key in self.keys]
        stored = entries.get_or_compute(
            _key(name, keys), lambda: holes.punch(str(self.nodelist.render(context)))
        )
        request = context.get("request")
        html = holes.fill(request, stored) if request is not None else stored
        return mark_safe(html)  # noqa: S308 - rendered by the template engine, escaped there


@register.tag("fragment")
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name")
    unless = None
    if len(bits) >= 4 and bits[-2] == "unless":
        unless = parser.compile_filter(bits[-1])
        bits = bits[:-2]
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    keys = [parser.compile_filter(bit) for bit in bits[2:]]
    return FragmentNode(nodelist, parser.compile_filter(bits[1]), keys, unless)

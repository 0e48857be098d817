"""``{% fragment "name" key ... %}…{% endfragment %}``: a part of a page kept in the
fragment cache until a table it read changes (core/caching, docs/adr/0005).

The part must look the same for everyone who gets the same name and keys: put whatever
it depends on besides the data into the keys (the page number, the object, whether the
user may edit). The language is added by the tag. Data the view read before is tracked
too (core/caching/middleware.RequestRecordingMiddleware). Forms may be inside: their
CSRF and one-time tokens are filled in per visitor (core/caching/holes.py). A form bound
to what someone typed must not be stored: ``{% fragment "name" key unless form.is_bound %}``
renders the part without the cache when the condition after ``unless`` holds."""

from django import template

from stadtdach.core.caching import fragments

register = template.Library()


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
        return fragments.cached(
            context.get("request"), name, keys, lambda: self.nodelist.render(context)
        )


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

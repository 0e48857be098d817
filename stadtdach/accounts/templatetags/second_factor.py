"""``{% second_factor_status as status %}``: what the two-factor pages tell the user about
the requirement (status.required: their role must use one here; status.off: the role
would, but this installation does not require it, as in the demo)."""

from django import template

from stadtdach.accounts import mfa

register = template.Library()


@register.simple_tag(takes_context=True)
def second_factor_status(context) -> dict:
    user = context.get("user")
    by_role = mfa.requires_second_factor(user)
    return {"required": by_role and mfa.required(), "off": by_role and not mfa.required()}


@register.simple_tag
def staff_second_factor_required() -> bool:
    return mfa.required()

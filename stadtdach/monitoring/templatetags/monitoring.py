"""Helpers of the monitoring pages: numbers, status badges and charts."""

from django import template

from stadtdach.monitoring.formatting import number as format_number

register = template.Library()


@register.filter
def number(value, decimals=0):
    return format_number(value, int(decimals or 0))


@register.inclusion_tag("monitoring/partials/health.html")
def health(assessment, show_reason=False):
    """The computed status with its symbol and word (never colour alone)."""
    return {"a": assessment, "show_reason": show_reason}


@register.inclusion_tag("monitoring/partials/chart.html")
def chart(chart):
    """A server-drawn chart with its data table."""
    return {"chart": chart}

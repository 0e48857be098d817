"""German number formats for indicator values and charts (exact decimals in, text out)."""

from decimal import ROUND_HALF_UP, Decimal


def number(value, decimals: int = 0) -> str:
    """Decimal("11234.5") → "11.234,5" with one decimal; None → "–"."""
    if value is None or value == "":
        return "–"
    quantum = Decimal(1).scaleb(-decimals)
    rounded = Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{decimals}f}"
    return text.replace(",", "X").replace(".", ",").replace("X", ".")

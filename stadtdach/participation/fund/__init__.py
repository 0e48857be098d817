"""The innovation fund for participation ("Innovationsfond für Beteiligung"): calls
with a budget; citizens and associations apply through a form; the coordination reviews
and decides with a reason; the remaining budget is shown."""

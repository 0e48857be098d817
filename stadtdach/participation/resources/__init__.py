"""Resources of participation: planned and actual staff hours and costs per process,
entered by the coordination; an overview for the steering group warns where the actual
exceeds the plan (the town's concern: participation could exceed its resources)."""

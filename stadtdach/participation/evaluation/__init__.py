"""The evaluation (Auswertung) for staff: assigning contributions to action fields and
themes with locally computed suggestions, grouping similar contributions, statistics,
exports (CSV, XLSX) and the summary document (PDF) for the steering group and council."""

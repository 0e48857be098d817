"""Importing progress updates and indicator values from CSV or XLSX files: read the
table (reader), check every row (progress, values), write all or nothing (runner)."""

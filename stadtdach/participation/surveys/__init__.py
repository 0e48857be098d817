"""Surveys: single choice, multiple choice, scale and free-text questions, required or
optional; results as charts and tables. Free-text answers are contributions."""

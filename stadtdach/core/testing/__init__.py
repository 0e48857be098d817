"""Test helpers shared by every app: personas, query budgets, HTML and accessibility checks.

Only tests import this package. ``browser`` needs Playwright (a development dependency).
"""

"""How long ``reports.generation.generate`` takes for the ISEK document (PDF and DOCX)
with N measures, in a throw-away SQLite database. Not a test: it prints the times.

    .venv/bin/python scripts/bench_report.py [--measures 300] [--indicators 50]

It runs scripts/benchmark_isek_document.py, which builds the demo and a synthetic
edition in bulk and times the blocks, the PDF layout and the DOCX on their own too.
"""

import runpy
import sys
from pathlib import Path

if __name__ == "__main__":
    sys.argv[0] = str(Path(__file__).with_name("benchmark_isek_document.py"))
    runpy.run_path(sys.argv[0], run_name="__main__")

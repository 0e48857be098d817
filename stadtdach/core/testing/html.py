"""Markup checks for rendered pages: HTML5 parse errors, duplicate ids, broken references.

Every parse error html5lib reports counts (as in its strict mode), but all of them are
collected and listed with line numbers instead of stopping at the first.
"""

import re

import html5lib
from html5lib.constants import E

# Attributes whose value names ids that must exist on the page.
_ID_REFERENCES = {"for": "label", "aria-labelledby": None, "aria-describedby": None}


def _text(content: bytes | str) -> str:
    return content.decode("utf-8", errors="replace") if isinstance(content, bytes) else content


def _message(code: str, data: dict | None) -> str:
    template = E.get(code, code)
    try:
        return template % (data or {})
    except (KeyError, TypeError, ValueError):
        return f"{template} {data or ''}".strip()


def _line_of(lines: list[str], pattern: str) -> str:
    found = [str(number) for number, line in enumerate(lines, 1) if re.search(pattern, line)]
    return f"line {', '.join(found)}" if found else "line unknown"


def html_problems(content: bytes | str, *, fragment: bool = False) -> list[str]:
    """Every problem found in a page (or, with ``fragment``, a partial such as htmx swaps)."""
    text = _text(content)
    lines = text.splitlines()
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
    root = parser.parseFragment(text) if fragment else parser.parse(text)
    problems = []
    for (line, column), code, data in parser.errors:
        source = lines[line - 1].strip()[:160] if 0 < line <= len(lines) else ""
        problems.append(f"line {line}, column {column}: {_message(code, data)}\n    {source}")

    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    ids: dict[str, int] = {}
    for element in elements:
        if element.get("id") is not None:
            ids[element.get("id")] = ids.get(element.get("id"), 0) + 1
    for duplicate in sorted(name for name, count in ids.items() if count > 1):
        where = _line_of(lines, rf"""\bid=["']?{re.escape(duplicate)}\b""")
        problems.append(f"{where}: id {duplicate!r} is used {ids[duplicate]} times")
    for element in elements:
        for attribute, tag in _ID_REFERENCES.items():
            if (tag and element.tag != tag) or element.get(attribute) is None:
                continue
            for target in element.get(attribute).split():
                if target not in ids:
                    pattern = rf"""{attribute}=["']?[^"'>]*?\b{re.escape(target)}\b"""
                    where = _line_of(lines, pattern)
                    problems.append(
                        f"{where}: <{element.tag} {attribute}={target!r}> points "
                        f"at no element with that id"
                    )
    return problems


def assert_valid_html(content: bytes | str, *, fragment: bool = False) -> None:
    """Fail with a numbered list of problems when the markup is not clean HTML5."""
    problems = html_problems(content, fragment=fragment)
    if problems:
        listing = "\n".join(f"{n}. {problem}" for n, problem in enumerate(problems, 1))
        raise AssertionError(f"{len(problems)} HTML problem(s):\n{listing}")

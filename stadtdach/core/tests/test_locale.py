"""Compiled translations (.mo) must match their sources (.po): a .po edited without running
compilemessages (make messages) would leave the old texts on the site."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
CATALOGUES = sorted(
    [*ROOT.glob("locale/*/LC_MESSAGES/*.po"), *ROOT.glob("stadtdach/*/locale/*/LC_MESSAGES/*.po")]
)


def translations(catalogue) -> dict:
    """What gettext serves: translated, non-fuzzy entries, keyed by context and msgid."""
    result = {}
    for entry in catalogue:
        if entry.obsolete or "fuzzy" in entry.flags or not entry.msgid:
            continue
        if entry.msgid_plural:
            forms = tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
            if all(forms):
                result[(entry.msgctxt, entry.msgid, entry.msgid_plural)] = forms
        elif entry.msgstr:
            result[(entry.msgctxt, entry.msgid, None)] = entry.msgstr
    return result


@pytest.mark.parametrize(
    "po_path",
    CATALOGUES or [pytest.param(None, marks=pytest.mark.skip(reason="no .po files yet"))],
    ids=lambda p: str(p.relative_to(ROOT)) if p else "none",
)
def test_compiled_messages_are_current(po_path):
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path.relative_to(ROOT)} is missing: run make messages"

    source = translations(polib.pofile(str(po_path)))
    compiled = translations(polib.mofile(str(mo_path)))

    stale = sorted(
        str(key[1])[:60]
        for key in (source.keys() ^ compiled.keys())
        | {k for k in source.keys() & compiled.keys() if source[k] != compiled[k]}
    )
    assert not stale, (
        f"{mo_path.relative_to(ROOT)} is older than its .po "
        f"({len(stale)} texts differ, e.g. {stale[:5]}): run make messages"
    )

import pytest
from django.utils.safestring import SafeString

from stadtdach.core.text import german_slugify, plain_to_html


@pytest.mark.parametrize(
    ("value", "slug"),
    [
        ("Größe & Förderung", "groesse-foerderung"),
        ("Übergang Straße", "uebergang-strasse"),
        ("ÄÖÜ äöü ß", "aeoeue-aeoeue-ss"),
        ("  Mehr   Grün!  ", "mehr-gruen"),
        ("", "eintrag"),
        ("§§§", "eintrag"),
    ],
)
def test_german_slugify(value, slug):
    assert german_slugify(value) == slug


def test_german_slugify_cuts_without_a_trailing_dash():
    assert german_slugify("Handlungsfeld Wohnen", max_length=14) == "handlungsfeld"


def test_plain_to_html_escapes_everything():
    html = plain_to_html('<script>alert("x")</script> & <b>fett</b>')

    assert isinstance(html, SafeString)
    assert "<script" not in html
    assert "<b>" not in html
    assert html == (
        "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;fett&lt;/b&gt;</p>"
    )


def test_plain_to_html_paragraphs_line_breaks_and_lists():
    text = "Erster Absatz\r\nzweite Zeile\n\n- Punkt <1>\n* Punkt 2\n\n\n• Punkt 3"

    assert plain_to_html(text) == (
        "<p>Erster Absatz<br>zweite Zeile</p>"
        "<ul><li>Punkt &lt;1&gt;</li><li>Punkt 2</li></ul>"
        "<ul><li>Punkt 3</li></ul>"
    )


def test_plain_to_html_mixed_block_stays_a_paragraph():
    assert plain_to_html("Ziele:\n- mehr Grün") == "<p>Ziele:<br>- mehr Grün</p>"


@pytest.mark.parametrize("empty", ["", None, "  \n\n  "])
def test_plain_to_html_of_nothing_is_empty(empty):
    assert plain_to_html(empty) == ""

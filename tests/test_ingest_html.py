"""HTML pages are read for their article (trafilatura), never coded as markup."""

import datetime as dt
from pathlib import Path

import pytest

from eventcoder.errors import InputError
from eventcoder.ingest import article_from_html, looks_like_html, read_article

PAGE = Path(__file__).parent / "fixtures" / "html" / "kenya-market-protest.html"


def test_page_is_read_for_its_article_not_its_markup():
    art = read_article(PAGE)
    assert art.title == "Traders protest new market levy in Kisumu"
    assert art.source == "Lakeside Courier"
    assert art.published == dt.date(2025, 6, 12)
    assert art.body.startswith("Traders protest new market levy in Kisumu\n\nHundreds of traders marched")
    for markup in ("dataLayer", "font-family", "Most read", "Copyright", "<p>", "Home"):
        assert markup not in art.body


def test_given_date_wins_over_the_page_date():
    art = read_article(PAGE, published=dt.date(2025, 6, 13))
    assert art.published == dt.date(2025, 6, 13)


def test_html_is_told_from_text_by_name_or_opening():
    assert looks_like_html("plain text", "page.HTM")
    assert looks_like_html("  <!doctype html><html><body>x</body></html>")
    assert looks_like_html("<html><body>x</body></html>")
    assert not looks_like_html("Police said <b> was typed by mistake in Nairobi.")


def test_page_without_article_text_is_a_clear_error():
    with pytest.raises(InputError, match="no article text"):
        article_from_html("<html><head><script>var a = 1;</script></head><body></body></html>", name="empty.html")


def test_extract_codes_the_page(tmp_path):
    from eventcoder.pipeline import code_article

    events = code_article(read_article(PAGE)).events
    assert events and all(e.event_type == "Protests" for e in events)
    assert events[0].place is not None and events[0].place.name == "Kisumu"
    assert "dataLayer" not in events[0].notes

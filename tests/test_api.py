

def test_a_publication_date_as_an_iso_string_or_datetime_is_a_date_and_a_bad_one_a_clear_error():
    import datetime as dt

    import pytest

    from eventcoder.errors import InputError
    from eventcoder.model import Article

    assert Article(body="x", published="2024-05-01").published == dt.date(2024, 5, 1)
    assert Article(body="x", published=dt.datetime(2024, 5, 1, 13, 0)).published == dt.date(2024, 5, 1)
    with pytest.raises(InputError, match="not an ISO date"):
        Article(body="x", published="yesterday")
    with pytest.raises(InputError, match="not a date"):
        Article(body="x", published=20240501)

from eventcoder.extract.actors import find_actors


def names(text, country="Iraq"):
    return [(a.name, a.inter) for a in find_actors(text, country)]


def test_islamic_state_aliases():
    for t in ("ISIS militants stormed a village", "Daesh fighters attacked", "the Islamic State group claimed"):
        got = names(t)
        assert got and got[0][0].startswith("Islamic State") and got[0][1] == 2, t


def test_generic_actors_get_the_country():
    got = dict(names("Unidentified gunmen shot two police officers", "Nigeria"))
    assert "Unidentified Armed Group (Nigeria)" in got
    assert any(n.startswith("Police Forces of Nigeria") for n in got)


def test_demonym_sets_the_state():
    got = names("Russian forces shelled the town", "Ukraine")
    assert got[0][0].startswith("Military Forces of Russia") and got[0][1] == 1


def test_protesters_and_rioters():
    assert ("Protesters (Kenya)", 6) in names("Protesters gathered in Nairobi", "Kenya")
    assert ("Rioters (India)", 5) in names("An angry mob lynched a man", "India")

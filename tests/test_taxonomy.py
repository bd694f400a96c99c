
import pytest

from eventcoder.extract import taxonomy


def test_25_sub_event_types_in_6_event_types():
    assert len(taxonomy.SUB_EVENT_TYPES) == 25
    assert set(taxonomy.SUB_EVENT_TYPES.values()) == set(taxonomy.EVENT_TYPES)


def test_interaction_codes():
    assert taxonomy.interaction(2, 7) == 27
    assert taxonomy.interaction(7, 1) == 17
    assert taxonomy.interaction(6, 0) == 60


def test_disorder_and_civilian_targeting():
    assert taxonomy.disorder_type("Peaceful protest") == "Demonstrations"
    assert taxonomy.disorder_type("Mob violence") == "Political violence"
    assert taxonomy.disorder_type("Arrests") == "Strategic developments"
    assert taxonomy.civilian_targeting("Attack", 7) == "Civilian targeting"
    assert taxonomy.civilian_targeting("Armed clash", 1) == ""


def test_unknown_type_is_an_error():
    with pytest.raises(ValueError, match="unknown ACLED sub-event type"):
        taxonomy.event_type_of("Skirmish")

"""Who did it and to whom: the named rules of extract/roles.py, one by one, on self-written sentences."""

import pytest

from eventcoder.extract.actors import find_actors
from eventcoder.extract.roles import (
    acting,
    agent,
    authorities,
    by_agent,
    default_actor1,
    displaced_civilians,
    external,
    is_speaker,
    protest_roles,
    riot_roles,
    roles,
    striking_state,
    target,
)
from eventcoder.model import ActorMention


def _trig(text: str, word: str) -> tuple[int, int]:
    i = text.index(word)
    return i, i + len(word)


def test_speakers_do_not_act():
    text = "Police said gunmen killed two farmers near Maiduguri."
    police = next(a for a in find_actors(text, "Nigeria") if a.kind == "state_police")
    assert is_speaker(text, police)
    text2 = "According to the army, rebels shelled the town."
    army = next(a for a in find_actors(text2, "Uganda") if a.kind == "state_military")
    assert is_speaker(text2, army)
    text3 = "Police arrested six traders in Kano."
    assert not is_speaker(text3, next(a for a in find_actors(text3, "Nigeria") if a.kind == "state_police"))


def test_generic_fighters_in_an_article_about_one_group_are_that_group():
    group = ActorMention("Al Shabaab", 2, "named", 0, 10, "al-Shabaab", "Somalia")
    text = "Militants stormed a hotel in Mogadishu."
    acts = acting(text, find_actors(text, "Somalia"), group)
    assert [a.name for a in acts if a.kind == "named"] == ["Al Shabaab"]
    assert all(a.name != "Al Shabaab" for a in acting(text, find_actors(text, "Somalia"), None))


def test_the_agent_of_a_passive_trigger_is_after_by():
    text = "Three villagers were killed by suspected militants in Borno."
    acts = find_actors(text, "Nigeria")
    t = _trig(text, "killed")
    a = by_agent(text, t[1], acts)
    assert a is not None and a.text == "suspected militants" and a.kind == "unidentified"
    assert by_agent("Three villagers were killed in Borno.", 27, acts) is None


def test_protesters_meet_the_police_unless_the_protest_was_peaceful():
    a1, a2 = protest_roles("Peaceful protest", 0, [], "Kenya")
    assert (a1.name, a1.inter, a2) == ("Protesters (Kenya)", 6, None)
    a1, a2 = protest_roles("Protest with intervention", 0, [], "Kenya")
    assert a1.inter == 6 and a2 is not None and a2.inter == 1 and "Police Forces of Kenya" in a2.name


def test_rioters_are_named_by_country_and_a_mob_attacks_civilians():
    a1, a2 = riot_roles("Mob violence", 0, [], "India")
    assert (a1.name, a1.inter) == ("Rioters (India)", 5)
    assert a2 is not None and (a2.name, a2.inter) == ("Civilians (India)", 7)
    a1, a2 = riot_roles("Violent demonstration", 0, [], "India")
    assert a1.inter == 5 and a2 is None


def test_passive_subject_is_the_target_not_the_agent():
    text = "Two soldiers were killed when gunmen ambushed a patrol near Gao."
    acts = find_actors(text, "Mali")
    armed = [a for a in acts if a.kind in ("state_military", "state_police", "named", "unidentified")]
    a = agent("Armed clash", text, _trig(text, "killed"), armed, None)
    assert a is None or a.kind != "state_military"


def test_the_first_of_coordinated_subjects_is_actor1():
    text = "The army and police raided the camp at dawn."
    acts = find_actors(text, "Myanmar")
    armed = [a for a in acts if a.kind in ("state_military", "state_police", "named", "unidentified")]
    a = agent("Armed clash", text, _trig(text, "raided"), armed, None)
    assert a is not None and a.kind == "state_military"


def test_the_demonym_before_a_strike_names_the_striking_state():
    text = "Turkish airstrikes hit villages near Duhok."
    a = striking_state("Air/drone strike", text, text.index("airstrikes"))
    assert a is not None and a.inter == 1 and "Turkey" in a.name
    assert striking_state("Armed clash", text, text.index("airstrikes")) is None


def test_people_fleeing_are_the_civilians_of_a_displacement():
    text = "Hundreds of families fled the fighting."
    a = displaced_civilians("Other", text, _trig(text, "fled"), "Sudan")
    assert a is not None and (a.name, a.inter) == ("Civilians (Sudan)", 7)
    assert displaced_civilians("Attack", text, _trig(text, "fled"), "Sudan") is None


def test_the_authorities_named_before_a_demolition_are_the_state():
    text = "The local government demolished a church in the district."
    a = authorities("Looting/property destruction", text, text.index("demolished"), "Nigeria")
    assert a is not None and a.inter == 1
    assert authorities("Armed clash", text, text.index("demolished"), "Nigeria") is None


@pytest.mark.parametrize(("sub", "inter", "word"), [
    ("Arrests", 1, "Police"), ("Air/drone strike", 1, "Military"), ("Agreement", 1, "Government"),
    ("Attack", 3, "Unidentified Armed Group"),
])
def test_acled_default_actor1_per_type(sub, inter, word):
    a = default_actor1(sub, 0, "Chad")
    assert a.inter == inter and word.lower() in a.name.lower()


def test_targets_by_type():
    army = ActorMention("Military Forces of Mali (2021-)", 1, "state_military", 0, 4, "army", "Mali")
    a2 = target("Attack", "Gunmen killed five.", 0, army, [], "Mali")
    assert a2 is not None and a2.inter == 7
    a2 = target("Armed clash", "The army clashed with gunmen.", 0, army, [], "Mali")
    assert a2 is not None and a2.inter == 3  # ACLED's default opponent of state forces
    a2 = target("Shelling/artillery/missile attack", "Shells hit a market.", 0, army, [], "Mali")
    assert a2 is not None and a2.inter == 7
    assert target("Looting/property destruction", "They burned a bridge.", 0, army, [], "Mali") is None
    assert target("Agreement", "They signed a deal.", 0, army, [], "Mali") is None


def test_state_forces_abroad_are_external():
    army = ActorMention("Military Forces of Rwanda (2000-)", 1, "state_military", 0, 4, "army", "Rwanda")
    assert external(army, "Democratic Republic of Congo").inter == 8
    assert external(army, "Rwanda").inter == 1
    assert external(army, None).inter == 1


def test_roles_end_to_end():
    text = "Gunmen abducted 20 schoolchildren in Kebbi on Friday."
    a1, a2 = roles("Abduction/forced disappearance", text, _trig(text, "abducted"), find_actors(text, "Nigeria"),
                   "Nigeria", None)
    assert a1.inter == 3 and a1.name == "Unidentified Armed Group (Nigeria)"
    assert a2 is not None and a2.name == "Civilians (Nigeria)"

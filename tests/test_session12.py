"""Session 12 rules (issues 13 and 18), each with sentences written for it from ACLED's codebook."""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.extract.actors import find_actors
from eventcoder.model import Article
from eventcoder.pipeline import code_article


def _events(text: str, published: dt.date = dt.date(2021, 5, 3)):
    return code_article(Article(id="t", body=text, published=published)).events


def _subs(text: str, published: dt.date = dt.date(2021, 5, 3)) -> list[str]:
    return [str(e.sub_event_type) for e in _events(text, published)]


# --- the protest ladder ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # "setting fire to": the verb's other forms are the same deed
    "Angry students were setting fire to buses outside the university in Dhaka as the protest over fees went on.",
    # the demonstrators' deed told after "after", with "they" standing for them
    "Dozens of protesters were arrested after they vandalised the offices of the ruling party in Lusaka.",
    # road-blocking with burning material (the codebook's own example of a violent demonstration)
    "Truck drivers on strike blocked the motorway near Lyon with burning pallets, causing long traffic jams.",
    # the verb after the grievance's noun phrase, behind a participle
    "Hundreds of youths protesting unemployment clashed with police in Tunis for a fourth night.",
    "Violence was reported during the protest march, with demonstrators clashing with members of a rival group.",
    "The protesters roughed up two municipal officials who had come to remove the encroachments.",
    "Protest against the power cuts turned into vandalism as residents broke the windows of the electricity office.",
    "Protesters in La Paz threw dynamite at the police lines during a march by miners.",
    "Supporters of the arrested cleric protested outside the police station and attacked it with stones.",
])
def test_the_crowds_own_violence_is_a_violent_demonstration(text):
    assert _subs(text)[:1] == ["Violent demonstration"]


def test_a_death_from_what_the_police_fired_at_a_protest_is_excessive_force():
    text = "A student died after being hit in the head by a tear gas canister fired by police at a protest in Bogota."
    assert _subs(text)[:1] == ["Excessive force against protesters"]
    # tear gas alone, no one killed: an intervention, as before
    assert _subs("Police fired tear gas to disperse students protesting in Bogota.")[:1] == \
        ["Protest with intervention"]
    # a force's own man who died is no demonstrator killed by the force
    assert _subs("A policeman died after being hit by a stone thrown by protesters in Bogota.")[:1] != \
        ["Excessive force against protesters"]


def test_a_crowd_fired_into_is_not_the_one_doing_harm():
    text = "Soldiers fired live rounds into a crowd of mourners in Mandalay, killing two and wounding dozens."
    assert "Mob violence" not in _subs(text)


@pytest.mark.parametrize("text", [
    "A demonstration against the mining project was held in Cajamarca. Protesters blocked the highway with rocks and "
    "clashed with police, leaving three officers injured.",
    "Hundreds of students marched in Dhaka demanding safer roads. Later in the day, groups of students vandalised "
    "vehicles near the university.",
])
def test_the_next_sentence_going_on_with_the_demonstration_makes_it_one_event(text):
    # ACLED codes one event per demonstration and day, at its most severe form; the protesters turn rioters
    assert _subs(text) == ["Violent demonstration"]


def test_a_demonstration_elsewhere_in_the_next_sentence_stays_its_own_event():
    text = ("Hundreds of students marched in Dhaka demanding safer roads. In Chittagong, students vandalised vehicles "
            "near the university.")
    assert sorted(_subs(text)) == ["Peaceful protest", "Violent demonstration"]


# --- armed violence ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Unidentified gunmen and soldiers traded fire near the border town of Kidal, witnesses said.",
    "Security forces neutralised five terrorists during a counter-terrorism operation in the Sinai, the army said.",
    # "kidnappers" names a side of the clash, not an abduction
    "A gun battle between police and suspected kidnappers in Zamfara left two officers and four gunmen dead.",
])
def test_armed_clashes_told_in_other_words(text):
    assert _subs(text)[:1] == ["Armed clash"]


def test_a_kidnapping_is_still_an_abduction():
    assert _subs("Gunmen kidnapped four traders on the road to Gusau in Zamfara on Sunday.")[:1] == \
        ["Abduction/forced disappearance"]


# --- territory ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The militia handed over its positions in the village to the army under the terms of the local truce.",
    "Rebels took over the border post near Bunagana after soldiers deserted it, residents said; no shots were fired.",
    "M23 rebels withdrew from the town of Kiwanja and handed it to the regional force.",
])
def test_ground_handed_over_or_left_is_a_non_violent_transfer(text):
    assert _subs(text)[:1] == ["Non-violent transfer of territory"]


def test_the_subject_of_the_verb_decides_who_took_the_ground():
    text = "Troops drove the rebels out of the village of Kamanyola and took back control of the main road."
    assert _subs(text)[:1] == ["Government regains territory"]


def test_took_the_town_in_fighting_is_a_capture():
    text = "Armed men of the JNIM group took the village of Solenzo after fighting with the local militia."
    assert _subs(text)[:1] == ["Non-state actor overtakes territory"]
    # other senses of "took"
    assert _subs("The governor took the village chiefs to the capital for talks on the new road.") == []


# --- actors whose side changed on a day -------------------------------------------------------------------------

def test_the_taliban_before_august_2021_are_an_armed_group():
    text = "The Taliban took control of the district centre in Kunduz after fierce fighting with Afghan forces."
    before = _events(text, dt.date(2021, 5, 3))
    assert [str(e.sub_event_type) for e in before][:1] == ["Non-state actor overtakes territory"]
    assert before[0].actor1.name == "Taliban" and before[0].actor1.inter == 2
    after = find_actors("The Taliban detained two journalists in Kabul.", "Afghanistan", dt.date(2022, 3, 1))
    assert after[0].name == "Military Forces of Afghanistan (2021-)" and after[0].inter == 1
    undated = find_actors("The Taliban detained two journalists in Kabul.", "Afghanistan")
    assert undated[0].inter == 1  # no date: the entry as written


# --- no event ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "A fire destroyed the warehouse of the toy maker in Shenzhen, causing losses estimated at $20m.",
    "Flames gutted the central market in Kumasi overnight; traders said an electrical fault was to blame.",
    "The rapper was arrested in Los Angeles on suspicion of drink-driving, police said.",
])
def test_destruction_by_a_blaze_and_arrests_for_road_offences_are_no_event(text):
    assert _subs(text) == []


def test_a_fire_set_on_purpose_is_still_property_destruction():
    assert _subs("Rioters set fire to the central market in Kumasi overnight, destroying 40 stalls.") != []


@pytest.mark.parametrize("text", [
    "The film tells the story of a hotel manager who saved more than a thousand refugees during the genocide in "
    "Rwanda, in which 800,000 people were killed.",
    "In the novel, a young soldier is captured by rebels and forced to fight in a war he does not understand.",
    "The drama, set during the Troubles, follows a family torn apart after their son is shot dead by paramilitaries.",
    "The actor plays a detective hunting a serial killer who has murdered six women in the city.",
    "The band's new album is a protest against the war in Iraq, with songs about soldiers killed in Falluja.",
])
def test_what_a_film_or_a_novel_tells_is_no_event(text):
    assert _subs(text) == []


def test_a_film_crew_attacked_is_still_an_event():
    text = "Gunmen attacked a film crew shooting a documentary in the Khyber district on Monday, killing a driver."
    assert _subs(text)[:1] == ["Attack"]


def test_a_separate_incident_in_the_next_sentence_is_not_the_demonstration():
    text = ("Thousands of people marched through Seattle on Friday in support of abortion rights. In separate "
            "incidents, protesters clashed with police near the march.")
    assert _subs(text)[:1] == ["Peaceful protest"]


# --- weapons, strategic developments, property ------------------------------------------------------------------

def test_a_landmine_detected_and_removed_is_disrupted_weapons_use():
    assert _subs("A landmine was detected and removed from a path used by farmers in Cauca, the army said.")[:1] == \
        ["Disrupted weapons use"]


def test_a_missile_test_is_no_missile_attack():
    text = "North Korea test-fired two short-range ballistic missiles into the sea off its east coast on Thursday."
    assert "Shelling/artillery/missile attack" not in _subs(text)
    # a missile that hit something is the attack
    assert _subs("Russian forces fired two missiles at Odesa on Thursday, killing four people.")[:1] == \
        ["Shelling/artillery/missile attack"]


def test_a_group_renaming_itself_is_a_change_to_the_group():
    assert _subs("The separatist group announced it was renaming itself the Ambazonia Defence Forces.")[:1] == \
        ["Change to group/activity"]


def test_people_seized_by_armed_men_are_abducted_and_by_police_arrested():
    assert _subs("Armed men seized two aid workers on the road to Gao; their whereabouts are unknown.")[:1] == \
        ["Abduction/forced disappearance"]
    assert _subs("Police seized two men at a checkpoint in Gao on suspicion of links to the militants.")[:1] == \
        ["Arrests"]


def test_trees_uprooted_are_property_destroyed():
    assert _subs("Settlers uprooted 200 olive trees belonging to Palestinian farmers near Nablus.")[:1] == \
        ["Looting/property destruction"]


def test_the_verbs_subject_is_actor1_not_the_armed_group_named_in_between():
    text = ("In Shisong, two women said that soldiers who raided the village on Thursday in search of separatist "
            "fighters raped them in their homes.")
    events = _events(text, dt.date(2025, 2, 10))
    assert [str(e.sub_event_type) for e in events][:1] == ["Sexual violence"]
    assert events[0].actor1.name.startswith("Military Forces of Cameroon") or \
        events[0].actor1.name.startswith("Military Forces")
    assert events[0].actor1.inter == 1


def test_a_strike_told_as_struck_with_drones():
    events = _events("Turkey struck Kurdish positions in northern Iraq with drones on Sunday.")
    assert [str(e.sub_event_type) for e in events][:1] == ["Air/drone strike"]
    # the drones are Turkey's, not Iraq's (the country named before "with" is where, not whose), and no side is
    # its own target
    assert events[0].actor1.name.startswith("Military Forces of Turkey")
    assert events[0].actor2 is None or not events[0].actor2.name.startswith("Military Forces of")
    # a footballer who hit the post with a header strikes nothing
    assert _subs("The striker hit the post with a header from close range in the second half.") == []


@pytest.mark.parametrize("text", [
    "Demonstrators forced their way into the governor's office and occupied it for several hours.",
    "The protesters broke through the police barricades and marched towards the presidential palace.",
    "Protesters and police came to blows outside the parliament in Tirana.",
    "Protesters threw paint and eggs at the embassy building in Belgrade.",
    # a rampage over a grievance, burning a public office: the riot of a demonstration
    "Supporters of the defeated candidate went on a rampage in the town, burning the electoral office.",
])
def test_more_ways_news_tells_a_violent_demonstration(text):
    assert _subs(text)[:1] == ["Violent demonstration"]


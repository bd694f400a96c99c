import datetime as dt

import pytest

import eventcoder
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


def _subs(text):
    return [e.sub_event_type for e in eventcoder.extract(text, dt.date(2024, 3, 15))]


def test_party_members_are_no_armed_side():
    from eventcoder.extract.actors import find_actors
    kinds = {a.kind for a in find_actors("BJP workers and TMC supporters traded blows.", "India")}
    assert "party" in kinds and "named" not in kinds


@pytest.mark.parametrize("text", [
    "Supporters of the BJP and the TMC clashed in Dubrajpur on Tuesday, injuring six people.",
    "Villagers beat a suspected cattle thief to death in Balaka on Monday.",
    "A man accused of theft was lynched by an angry crowd in Kasese on Sunday.",
    "At least ten people were injured in a clash between two groups of villagers over grazing land on Monday.",
])
def test_unorganised_crowd_violence_is_mob_violence(text):
    assert _subs(text) == ["Mob violence"]


@pytest.mark.parametrize("text, sub", [
    ("Gunmen shot dead two soldiers at a checkpoint in Gao on Monday.", "Armed clash"),
    ("Unknown gunmen shot and killed a gang member in Port-au-Prince on Tuesday.", "Armed clash"),
    ("Gunmen shot dead a farmer in his field in Gao on Monday.", "Attack"),
    ("An off-duty police officer was shot dead by armed men in Celaya on Tuesday.", "Attack"),
])
def test_violence_on_members_of_armed_sides_is_a_clash(text, sub):
    assert _subs(text) == [sub]


@pytest.mark.parametrize("text, sub", [
    ("Teachers protested in Nairobi on Monday demanding the release of colleagues detained last week.",
     "Peaceful protest"),
    ("Hundreds marched in Lagos on Friday against the killing of a trader by police.", "Peaceful protest"),
    ("Police fired tear gas to disperse students protesting in Kampala on Monday.", "Protest with intervention"),
    ("Police arrested 12 demonstrators at a rally in Harare on Saturday.", "Protest with intervention"),
    ("Security forces opened fire on protesters in Khartoum on Sunday, killing three.",
     "Excessive force against protesters"),
])
def test_force_must_fall_on_the_demonstrators(text, sub):
    assert _subs(text) == [sub]


def test_state_forces_abroad_are_external_forces():
    evs = eventcoder.extract("Russian forces shelled Kupiansk in Kharkiv oblast, Ukraine, on Monday.",
                             dt.date(2024, 3, 15))
    assert evs and evs[0].actor1.inter == 8
    evs = eventcoder.extract("Ukrainian forces shelled positions near Kupiansk in Kharkiv oblast, Ukraine, on Monday.",
                             dt.date(2024, 3, 15))
    assert evs and evs[0].actor1.inter == 1


@pytest.mark.parametrize("text, sub", [
    ("Residents blocked the main road with burning tyres in Goma on Monday to protest power cuts.",
     "Violent demonstration"),
    ("Teachers protested in Colon on Monday against the state of their damaged classrooms.", "Peaceful protest"),
    ("Police prevented hundreds of farmers from entering the capital to protest on Tuesday.",
     "Protest with intervention"),
    ("Fighters of the armed group detained three men at a checkpoint near Raqqa on Sunday.",
     "Abduction/forced disappearance"),
])
def test_demonstration_violence_and_detentions_by_armed_groups(text, sub):
    assert _subs(text) == [sub]


def test_weapon_named_as_background_yields_to_the_reported_event():
    text = ("Government forces recaptured two villages near Idlib on Monday following heavy artillery "
            "bombardment, state media said.")
    assert _subs(text) == ["Government regains territory"]


@pytest.mark.parametrize("text, sub", [
    ("Government forces fired grenade launchers at rebel positions near Horlivka on Monday.",
     "Shelling/artillery/missile attack"),
    ("Rebels fired mortars and small arms at army positions near Horlivka on Monday.", "Armed clash"),
    ("A man threw a grenade into a crowded market in Srinagar on Monday, wounding six shoppers.", "Grenade"),
])
def test_heavy_weapons_with_small_arms_are_a_clash(text, sub):
    assert _subs(text) == [sub]


def test_riot_police_are_no_riot():
    # police force on demonstrators (a beating: excessive force), never a riot by the "riot" police
    assert _subs("Riot police beat an anti-government protester during a rally in Beirut on Saturday.") == [
        "Excessive force against protesters"]
    assert _subs("Riot police fired tear gas at anti-government protesters during a rally in Beirut on Saturday.") == [
        "Protest with intervention"]


@pytest.mark.parametrize(("text", "actor1"), [
    # the object inside the trigger ("attacked a police station") is the target, not the agent
    ("Fighters from the al-Shabaab group attacked a police station in Mandera on Sunday.", "Al Shabaab"),
    ("Militiamen of the Allied Democratic Forces attacked an army post near Beni on Sunday.",
     "ADF: Allied Democratic Forces"),
])
def test_the_named_group_whose_fighters_attack_is_actor1(text, actor1):
    import datetime as dt

    import eventcoder

    assert eventcoder.extract(text, dt.date(2024, 3, 15))[0].actor1.name == actor1


@pytest.mark.parametrize(("text", "actor1", "inter"), [
    # the demonym before a strike names whose forces struck; abroad they are external forces (inter 8)
    ("Turkish airstrikes targeted the Gara area of Duhok province on Monday.", "Military Forces of Turkey", 8),
    # a weapon inside the trigger ("fired artillery") is no actor where a force is named before it
    ("Russian forces fired artillery near Avdiivka, Donetsk, on Monday.", "Military Forces of Russia", 8),
])
def test_who_struck_from_the_demonym_and_the_force_named(text, actor1, inter):
    import datetime as dt

    import eventcoder

    ev = eventcoder.extract(text, dt.date(2024, 3, 15))[0]
    assert ev.actor1.name.startswith(actor1) and ev.actor1.inter == inter


@pytest.mark.parametrize(("text", "name", "inter"), [
    ("On 3 May 2022, the Taze PDF ambushed a military convoy near Taze, killing two soldiers.",
     "People's Defense Force - Taze", 3),
    ("On 3 May 2022, the People's Defense Force - Myaing ambushed a military convoy near Myaing.",
     "People's Defense Force - Myaing", 3),
    ("On 3 May 2022, the PDF ambushed a military convoy near Taze, killing two soldiers.",
     "PDF: People's Defense Force", 2),
])
def test_local_units_are_named_by_their_town(text, name, inter):
    import datetime as dt

    import eventcoder

    ev = eventcoder.extract(text, dt.date(2022, 5, 4))[0]
    assert (ev.actor1.name, ev.actor1.inter) == (name, inter)


def test_local_defence_forces_are_no_state_force():
    from eventcoder.extract.actors import find_actors

    found = find_actors("Village defence forces repelled an attack by bandits near Gusau.", "Nigeria")
    assert found[0].inter == 3 and found[0].kind == "unidentified"


@pytest.mark.parametrize(("text", "inter"), [
    ("On 2 May 2022, a Zamfara militia attacked civilians in two villages of Anka LGA.", 4),
    ("On 2 May 2022, Iraqi militias fired rockets at a base near Erbil.", 3),
])
def test_a_militia_named_after_its_people_or_area_is_communal(text, inter):
    from eventcoder.extract.actors import find_actors

    assert find_actors(text, "Nigeria")[0].inter == inter


@pytest.mark.parametrize(("text", "inter"), [
    # ACLED codes the Houthi-run forces as Yemen's (2016-) Supreme Political Council military; abroad, external
    ("On 2 May 2022, Houthi forces fired missiles at government positions in Marib.", 1),
    ("On 2 May 2022, a Houthi drone struck a hotel in Eilat, Israel, injuring two people.", 8),
])
def test_houthi_forces_are_the_supreme_political_council_military(text, inter):
    import datetime as dt

    import eventcoder

    ev = eventcoder.extract(text, dt.date(2022, 5, 3))[0]
    assert ev.actor1.name == "Military Forces of Yemen (2016-) Supreme Political Council" and ev.actor1.inter == inter


@pytest.mark.parametrize(("text", "inter"), [
    ("Rebel forces shelled government positions near Kismayo on Monday.", 2),
    ("Opposition forces attacked a checkpoint near Idlib on Monday.", 3),
])
def test_rebel_and_opposition_forces_are_no_state_force(text, inter):
    from eventcoder.extract.actors import find_actors

    assert find_actors(text, "Somalia")[0].inter == inter


def test_property_the_authorities_destroy_is_destroyed_by_the_state():
    import datetime as dt

    import eventcoder

    ev = eventcoder.extract("On 2 May 2022, the local government demolished an unregistered church in a village near "
                            "Baoding.", dt.date(2022, 5, 3))[0]
    assert ev.sub_event_type == "Looting/property destruction" and ev.actor1.inter == 1


def test_displaced_people_are_the_civilians_of_a_displacement_event():
    import datetime as dt

    import eventcoder

    ev = eventcoder.extract("About 3,000 refugees from Sudan arrived in Adre on Monday, the UN refugee agency said.",
                            dt.date(2024, 3, 15))[0]
    assert ev.sub_event_type == "Other" and ev.actor1.inter == 7


def test_supporting_militias_are_not_the_force_that_retook_ground():
    import datetime as dt

    import eventcoder

    ev = eventcoder.extract("The army said its troops, supported by local clan militias, recaptured the town of "
                            "Bacadweyn on Sunday.", dt.date(2024, 3, 11))[0]
    assert ev.sub_event_type == "Government regains territory" and ev.actor1.inter == 1


def test_an_acronym_the_text_defines_for_another_name_is_that_name():
    from eventcoder.extract.actors import find_actors

    text = "Regulators reached a settlement with Columbia Management Advisors (CAM) over fund trading."
    assert find_actors(text, None) == []
    kept = find_actors("Fighters of the Arauco-Malleco Coordinator (CAM) burned trucks in Ercilla.", "Chile")
    assert {a.name for a in kept} == {"CAM: Arauco-Malleco Coordinator"}
    assert {a.name for a in find_actors("Fighters of the National Liberation Army (ELN) attacked a base.", None)} \
        == {"ELN: National Liberation Army"}

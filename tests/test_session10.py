"""Rules of session 10: the protest ladder reads what the demonstrators did even inside a clause that begins
like a grievance, suicide bombers named by what the blast did to them, chemical munitions, barracks as bases,
and what "set fire to" burns."""

import datetime as dt
import warnings

import pytest

import eventcoder

PUB = dt.date(2024, 3, 8)


def _subs(text, pub=PUB):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [e.sub_event_type for e in eventcoder.extract(text, pub)]


@pytest.mark.parametrize("text", [
    # the demonstrators' own deed, told in a clause after "after": the crowd's violence, whatever police did
    "Police fired live rounds on Tuesday after protesters set ablaze a government building in Kano, killing two.",
    "Soldiers opened fire on Friday when demonstrators torched the customs post at the border town of Malaba.",
    # a predicate of the protest, not what it is about
    "The protest over fuel prices in Lagos descended into violence on Monday as marchers attacked a petrol station.",
    "A march over unpaid wages turned violent in Harare on Wednesday when workers smashed shop windows.",
])
def test_the_crowds_own_violence_is_a_violent_demonstration(text):
    assert _subs(text) == ["Violent demonstration"]


@pytest.mark.parametrize("text", [
    # what was protested about stays a grievance: the crowd did not loot
    "Hundreds of traders protested in Kumasi on Monday against the looting of their shops last week.",
    "Residents demonstrated peacefully in Quetta on Sunday over the damaged water pipeline.",
])
def test_a_grievance_is_still_no_violence_of_the_crowd(text):
    assert _subs(text) == ["Peaceful protest"]


@pytest.mark.parametrize("text", [
    "Two militants detonated explosives on Monday, killing themselves near a police checkpoint in Diyarbakir.",
    "A man detonated a bomb strapped to his chest and killed himself outside a mosque in Peshawar on Friday.",
])
def test_a_bomber_killed_by_his_own_blast_is_a_suicide_bomb(text):
    assert _subs(text) == ["Suicide bomb"]


def test_a_blast_that_kills_others_stays_an_explosive():
    text = "Militants detonated explosives near a police checkpoint in Diyarbakir on Monday, killing three officers."
    assert "Suicide bomb" not in _subs(text)


def test_mortar_rounds_with_gas_are_a_chemical_weapon():
    text = ("Militants fired dozens of mortar rounds containing poisonous gases at army positions near Kirkuk on "
            "Sunday; soldiers complained of breathing problems.")
    assert _subs(text)[0] == "Chemical weapon"


def test_barracks_established_are_a_base():
    text = "The army has established several barracks near the border town of Zakho, officials said on Monday."
    assert _subs(text) == ["Headquarters or base established"]


def test_set_fire_to_vehicles_is_property_destroyed():
    text = "Gunmen set fire to vehicles parked outside the district office in Bunia on Tuesday, residents said."
    assert _subs(text) == ["Looting/property destruction"]


@pytest.mark.parametrize("text", [
    # communal crowds fighting each other, with what hands hold: no organised armed group
    "Two people were killed on Sunday when youths from rival clans fought with spears and knives in Marsabit, "
    "police said.",
    "Kaduna police said on Friday that several people were hurt when groups of men from two villages confronted "
    "each other, throwing stones.",
    "A suspected thief was burned alive by residents of the Kibera settlement on Tuesday, police said.",
])
def test_a_crowds_violence_is_mob_violence(text):
    assert _subs(text) == ["Mob violence"]


def test_gunmen_before_a_crowd_keep_their_attack():
    text = "Gunmen killed four villagers in Zamfara on Monday, and residents fled to the district headquarters."
    assert _subs(text) == ["Attack"]


@pytest.mark.parametrize("text", [
    "Soldiers opened fire on villagers protesting a land grab near Mandalay on Monday, killing one man.",
    "Police shot dead a teacher on Tuesday as they broke up a peaceful gathering of strikers in Harare.",
    "Riot police savagely beat people who had gathered outside the court in Minsk on Sunday, leaving several "
    "with broken bones.",
])
def test_lethal_or_serious_force_on_a_demonstration_is_excessive_force(text):
    assert _subs(text) == ["Excessive force against protesters"]


def test_a_killing_protested_is_not_force_on_the_protest():
    text = "Hundreds marched peacefully in Kisumu on Monday to protest after police shot dead a student last week."
    assert _subs(text) == ["Peaceful protest"]


@pytest.mark.parametrize("text", [
    "Protesters against the new tax law torched a toll booth in Nakuru on Tuesday.",
    "Young men pelted police with stones in the Cité Soleil district of Port-au-Prince on Wednesday night.",
    "Protesters burnt down the electoral commission's office in Blantyre on Monday.",
])
def test_stones_at_police_and_burning_are_a_violent_demonstration(text):
    assert _subs(text) == ["Violent demonstration"]


def test_force_on_the_crowd_just_told_is_part_of_the_riot():
    text = ("Protesters torched a police post in Bauchi on Monday over the arrest of a cleric. Police fired at the "
            "crowd, killing three, officials said.")
    events = eventcoder.extract(text, PUB)
    assert [e.sub_event_type for e in events] == ["Violent demonstration"]
    assert events[0].fatalities.count == 3


def test_territory_that_fell_to_a_group_was_taken_by_it():
    events = eventcoder.extract("Army positions in the town of Rutshuru fell to M23 rebels on Monday after a night "
                                "of fighting, residents said.", PUB)
    assert [e.sub_event_type for e in events] == ["Non-state actor overtakes territory"]
    assert events[0].actor1.name.startswith("M23")


@pytest.mark.parametrize("text, sub", [
    ("Al-Shabaab fighters seized the port of Barawe on Tuesday after a day-long assault on government troops.",
     "Non-state actor overtakes territory"),
    ("Jihadist fighters swept into Menaka after clashes with the army on Monday, taking control of the town.",
     "Non-state actor overtakes territory"),
    ("French troops left their base in Gao on Monday, and Malian soldiers moved in and took control of it.",
     "Non-violent transfer of territory"),
    ("British forces handed over Camp Bastion to the Afghan army on Sunday, officials said.",
     "Non-violent transfer of territory"),
])
def test_territory_by_who_took_it_and_how(text, sub):
    assert _subs(text) == [sub]


def test_ground_not_taken_is_no_territory_event():
    text = ("Fighting raged between the army and rebels around the town of Dessie on Tuesday. Neither side claimed "
            "to have taken control of the town.")
    assert _subs(text) == ["Armed clash"]


def test_a_year_a_comparison_reaches_back_to_is_not_the_events_date():
    events = eventcoder.extract("Insurgents seized the district of Muidumbe on Friday, their biggest gain since the "
                                "insurgency began in 2017.", PUB)
    assert [e.sub_event_type for e in events] == ["Non-state actor overtakes territory"]
    assert events[0].date.date == dt.date(2024, 3, 8)


@pytest.mark.parametrize("text", [
    "Interviewed on radio, the minister said: \"I am being attacked by people who think we should cut taxes.\"",
    "Opposition leaders attacked the prime minister on Tuesday for saying that pensions would be cut.",
    "The lawsuit accuses the singer of murdering his driver at his Miami home in 2019.",
    "Police said on Monday that 14 people detained in Madrid were suspected of using websites to defraud banks.",
])
def test_words_charges_and_fraud_are_no_conflict_event(text):
    assert _subs(text) == []


def test_a_side_accusing_another_of_killing_is_news():
    assert _subs("The army accused the rebels of killing 12 villagers in Gao on Monday.") == ["Attack"]


@pytest.mark.parametrize("text, sub", [
    ("The warring parties accepted a three-month truce on Monday, including a halt to offensive operations, the UN "
     "envoy said.", "Agreement"),
    ("The government and the rebels agreed on Friday to a \"permanent cessation of hostilities\", ending a war that "
     "has killed thousands.", "Agreement"),
    ("Nigerian aircraft carried out strikes on bandit hideouts in the Kuyambana forest on Sunday, killing 30.",
     "Air/drone strike"),
    ("Armed drones \"neutralised\" three militants in a strike on a car near Qamishli on Monday, the ministry said.",
     "Air/drone strike"),
    ("The two armies began joint military exercises near the border on Monday; air defence systems and missile "
     "units were moved in for the drills.", "Change to group/activity"),
    ("The armed group confirmed the death of its leader on Tuesday and named his deputy as his successor.",
     "Change to group/activity"),
    ("The army said on Monday it had dispatched an additional battalion to the northern region of Cabo Delgado.",
     "Change to group/activity"),
    ("Relatives of the missing said on Monday they had located a clandestine grave with at least 12 bodies near "
     "Ensenada.", "Other"),
    ("Gunmen seized four engineers on the Kaduna highway on Sunday, and the kidnappers were demanding a ransom, "
     "police said.", "Abduction/forced disappearance"),
    ("Police picked up 15 activists who had been marching peacefully to the parliament in Dhaka on Monday.",
     "Protest with intervention"),
    ("Hundreds of nurses staged a sit-in outside the health ministry in Nairobi on Monday. The gathering dispersed "
     "in the afternoon.", "Peaceful protest"),
    ("Militants dismantled and set fire to a telecom mast in the Gedo region on Sunday, residents said.",
     "Looting/property destruction"),
    ("A drone dropped a poisonous substance on army trenches near Bakhmut on Monday, leaving two soldiers with "
     "breathing problems.", "Chemical weapon"),
    ("Government troops entered the town of Tal Tamr on Sunday following the withdrawal of Kurdish fighters, state "
     "media said.", "Non-violent transfer of territory"),
])
def test_session10_second_batch(text, sub):
    assert _subs(text) == [sub]


@pytest.mark.parametrize("text", [
    "Maria Duarte was sworn in as the country's president on Tuesday at a ceremony attended by foreign leaders.",
    "The army deployed soldiers to help health workers inspect homes for standing water in Asuncion on Monday.",
    "Heavy rain and flooding have killed at least 40 people in Malawi since March, the government said on Thursday.",
])
def test_ceremonies_civil_tasks_and_months_are_no_event(text):
    assert _subs(text) == []


def test_a_juntas_leader_sworn_in_stays_other():
    text = "Coup leader Colonel Mamadi Doumbouya was sworn in as interim president on Friday, weeks after the junta " \
           "seized power."
    assert "Other" in _subs(text)


def test_a_storms_dead_are_no_attack():
    text = ("A storm swept across Portugal and Spain on Sunday. At least five people were killed, most of them by "
            "falling trees, and thousands of homes were left without power.")
    assert _subs(text) == []


@pytest.mark.parametrize("text, sub", [
    ("Students of two rival hostels at a university in Peshawar fought with sticks and stones late into the "
     "night on Monday; 15 were hospitalised.", "Mob violence"),
    ("Clashes broke out between two clans over grazing land in Wajir on Sunday, with youths burning huts.",
     "Mob violence"),
    ("Supporters of two football clubs fought outside the stadium in Cali on Sunday, stabbing each other; one man "
     "died.", "Mob violence"),
    ("Market traders caught two suspected pickpockets in the Gikomba market on Monday and beat them badly before "
     "handing them over to police.", "Mob violence"),
    ("At least five anti-government protesters were shot dead in Bamako on Friday, medics said.",
     "Excessive force against protesters"),
    ("Police beat nurses staging a sit-in at the hospital in Kano on Monday, hospitalising 11 of them.",
     "Excessive force against protesters"),
    ("Police beat a peaceful protester unconscious outside the High Court in Lusaka on Tuesday; he was admitted "
     "with a fractured skull, his lawyers said.", "Excessive force against protesters"),
    ("Soldiers opened fire on pro-democracy marchers in Conakry on Thursday; activists said at least six were "
     "killed.", "Excessive force against protesters"),
    ("Riot police dispersed a peaceful gathering of opposition supporters in Lilongwe on Monday with tear gas.",
     "Protest with intervention"),
    ("Thousands rallied in Dakar on Friday in solidarity with Palestinians, calling for an end to the bombardment "
     "of Gaza.", "Peaceful protest"),
    ("Party members formed a human chain in Dhaka on Monday demanding the trial of those responsible for the 2004 "
     "grenade attack.", "Peaceful protest"),
    ("Protesters in Isfahan set a police motorbike on fire on Sunday and chanted against the government.",
     "Violent demonstration"),
    ("Police said 12 officers were injured on Tuesday when a crowd protesting the arrest of a chief attacked "
     "Bungoma police station.", "Violent demonstration"),
])
def test_session10_protest_batch(text, sub):
    assert _subs(text) == [sub]


def test_the_year_of_the_triggers_own_noun_still_dates_it():
    text = "She said people forget the impact the 2003 murder of her sister had had on the family."
    assert _subs(text, dt.date(2005, 3, 1)) == []


@pytest.mark.parametrize("text", [
    "Tube drivers walked out on Monday demanding a pay rise and in protest against new rosters.",
    "Doctors in Lagos went on strike on Monday over unpaid salaries.",
    "The jailed activist has been on hunger strike since Monday, his lawyer said.",
])
def test_a_strike_with_no_gathering_is_no_demonstration(text):
    assert _subs(text) == []


@pytest.mark.parametrize("text", [
    "Striking teachers marched to the education ministry in Nairobi on Monday.",
    "Thousands of dock workers went on strike on Monday and picketed the port gates in Durban.",
])
def test_strikers_who_gather_demonstrate(text):
    assert _subs(text) == ["Peaceful protest"]


def test_a_dispersal_of_the_crowd_just_told_is_part_of_the_riot():
    text = ("Villagers armed with sticks attacked two men accused of theft in Imphal on Saturday. Security personnel "
            "fired tear gas shells to disperse the crowd.")
    assert _subs(text) == ["Mob violence"]


def test_a_strike_that_turned_violent_is_a_violent_demonstration():
    text = "The strike called by transport unions in Kolkata turned violent on Monday, with strikers attacking buses."
    assert _subs(text) == ["Violent demonstration"]


def test_a_protest_that_turned_ugly_is_a_violent_demonstration():
    text = ("The protest outside the collectorate in Patna turned ugly on Monday when demonstrators broke the gate "
            "and entered the premises.")
    assert _subs(text) == ["Violent demonstration"]


def test_a_crowd_that_loots_shops_is_mob_violence():
    text = ("Groups of residents broke into and looted at least ten shops owned by foreign nationals in Alexandra on "
            "Monday, police said.")
    assert _subs(text) == ["Mob violence"]


def test_a_case_registered_is_a_charge_not_an_event():
    text = "No arrests had been made by Tuesday morning, and a case of murder is being investigated, police said."
    assert _subs(text) == []


def test_forces_that_pull_back_move():
    assert _subs("Militia forces pull back from areas north of Tal Afar, heading towards Mosul.") == \
        ["Change to group/activity"]






def test_a_hypothetical_trigger_does_not_hide_what_happened():
    text = ("Security forces have jailed more than 60 men they suspect were plotting to launch attacks in Lahore "
            "ahead of Eid, officials said on Friday.")
    assert _subs(text) == ["Arrests"]


def test_a_sentence_of_threats_alone_stays_no_event():
    assert _subs("The army vowed on Monday to launch attacks on the rebels, who have threatened to seize the town.") \
        == []

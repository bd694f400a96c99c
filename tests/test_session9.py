"""Rules of session 9: a chemical weapon's use, prisoners released in exchange, depictions and relief
deployments that are no event, words of violence that are only adjectives, and gold files whose one date is a
placeholder."""

import datetime as dt
import warnings

import pytest

import eventcoder
from eventcoder.evaluate import placeholder_date
from eventcoder.extract import participants
from eventcoder.extract.actors import find_actors

PUB = dt.date(2024, 3, 8)


def _subs(text, pub=PUB):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [e.sub_event_type for e in eventcoder.extract(text, pub)]


@pytest.mark.parametrize("text", [
    "A UN inquiry found that the army carried out a chemical attack on the village of Kafr Nabl on Tuesday.",
    "Government aircraft dropped sulfur mustard on the rebel-held town of Sheikh Maqsoud on Tuesday, doctors said.",
    "Dozens of villagers suffocated after shells filled with chlorine gas hit Douma on Tuesday, medics said.",
])
def test_a_chemical_weapon_used_is_an_event(text):
    assert _subs(text) == ["Chemical weapon"]


def test_a_chemical_arsenal_is_no_event():
    text = "Inspectors said on Tuesday that Libya's last stock of chemical weapons had been shipped for disposal."
    assert "Chemical weapon" not in _subs(text)
    actors = find_actors(text, None)
    assert participants.missing_party("Chemical weapon", text, actors) == "no use of the weapon"


def test_prisoners_released_in_exchange_are_an_agreement():
    text = ("The government of Mali freed 40 rebel fighters on Tuesday in exchange for the release of 12 soldiers "
            "held by the separatists, a minister said in Bamako.")
    assert _subs(text) == ["Agreement"]


@pytest.mark.parametrize("text", [
    "The campaigners unveiled a poster featuring soldiers fighting in the desert before they announced their plans "
    "on Tuesday.",
    "Her new film about rebels kidnapping a schoolgirl opened in London cinemas on Tuesday.",
])
def test_a_depiction_is_no_event(text):
    assert _subs(text) == []


def test_news_footage_showing_an_attack_still_reports_it():
    text = ("Video footage showing soldiers shooting at villagers in Kani on Tuesday was shared by residents, "
            "who said two men were killed.")
    assert _subs(text) != []


def test_the_victims_of_a_named_attack_are_helped_not_attacked():
    text = ("The concert on Tuesday raised $2m to help victims of the suicide attacks on the capital's stadium in "
            "2015.")
    assert _subs(text) == []


SPORT = (
    "Ireland beat Wales 21-18 at the Aviva Stadium on Saturday to keep their hopes of a first Grand Slam in a decade "
    "alive, with the fly-half kicking four penalties and the captain scoring a try in the second half.\n\n"
    "The coach said his players had kept their discipline at the breakdown and in the scrum, where Wales had been "
    "strongest in the opening rounds of the championship, and praised the bench for a late defensive stand.\n\n"
    "Sunday's explosive Six Nations clash in Dublin was a good example, as the forwards won three turnovers and the "
    "wingers chased every kick.\n\n"
    "The referee awarded Wales a penalty try in the first half after a collapsed maul, and the visitors led at the "
    "interval before the home side's replacements changed the game.\n\n"
    "Ireland travel to Paris for their final match of the tournament next weekend, where a win would give them the "
    "title, the triple crown and the Grand Slam, while Wales host Italy in Cardiff.")


def test_an_explosive_match_in_a_sport_story_is_no_clash():
    assert "Armed clash" not in _subs(SPORT)


QUAKE = (
    "Britain is sending 120 soldiers of the Royal Engineers to help with the relief effort on the coast of Aceh, where "
    "the earthquake and the tsunami that followed it killed tens of thousands of people, officials said on Friday.\n\n"
    "Aid agencies said survivors of the disaster still lacked clean water, food and shelter, and that the flood had "
    "swept away roads and bridges along hundreds of kilometres of coast.\n\n"
    "The deployment of the engineers to Banda Aceh began on Friday, the defence ministry said, and they will clear "
    "debris, repair water pumps and rebuild the bridges the tsunami destroyed.\n\n"
    "The United Nations said the death toll from the earthquake was still rising, and that the risk of disease in "
    "the crowded camps for survivors of the disaster was growing as the rains continued.\n\n"
    "Charities in London said donations for the victims of the tsunami had passed 100 million pounds.")


def test_troops_sent_to_a_disaster_are_relief():
    assert "Change to group/activity" not in _subs(QUAKE)


def test_one_date_on_every_row_is_a_placeholder():
    rows = [{"event_date": "2021-01-01", "notes": f"row {i}"} for i in range(25)]
    assert placeholder_date(rows) == "2021-01-01"
    assert placeholder_date(rows[:5]) is None  # too few rows to tell
    assert placeholder_date([{**r, "timestamp": "1640995200"} for r in rows]) is None
    varied = rows[:-1] + [{"event_date": "2021-01-02", "notes": "x"}]
    assert placeholder_date(varied) is None


def test_in_a_disaster_story_a_deployment_is_relief_unless_violence_is_told():
    text = "The deployment of 300 troops to the flooded districts began on Friday, the army said."
    actors = find_actors(text, None)
    assert participants.other_sense("disaster", "Change to group/activity", text, actors) == "disaster relief"
    riot = "Troops were deployed to the flooded districts on Friday after looting and gunfire in the camps."
    assert participants.other_sense("disaster", "Change to group/activity", riot, find_actors(riot, None)) is None
    assert participants.other_sense(None, "Change to group/activity", text, actors) is None


@pytest.mark.parametrize("text", [
    "Police in Lagos arrested 14 people on Tuesday after a raid on a warehouse used to store counterfeit medicines.",
    "Twelve men were arrested in Manchester on Tuesday in an operation against a gang selling cocaine, police said.",
    "Detectives arrested a bank manager in Nairobi on Tuesday on suspicion of fraud and money laundering.",
])
def test_arrests_for_an_ordinary_crime_are_no_event(text):
    assert _subs(text) == []
    assert participants.missing_party("Arrests", text, find_actors(text, None)) == "an ordinary crime"


@pytest.mark.parametrize("text", [
    "Police arrested an opposition MP in Kampala on Tuesday on charges of fraud, his party said.",
    "Police arrested 30 protesters in Dakar on Tuesday, accusing them of theft from shops during the march.",
])
def test_arrests_of_political_people_or_protesters_stay_whatever_the_charge(text):
    assert participants.missing_party("Arrests", text, find_actors(text, None)) is None


def test_a_strike_only_balloted_on_is_no_event():
    text = "Some 40,000 rail workers are being balloted about a walkout over pay, the union said on Tuesday."
    assert _subs(text) == []
    # (a walkout with no gathering is no demonstration at all: test_session10; one with a picket is)
    held = "Some 40,000 rail workers walked out over pay on Tuesday after a ballot and picketed stations."
    assert _subs(held) == ["Peaceful protest"]


def test_a_rally_cut_short_by_teargas_is_a_protest_with_intervention():
    text = ("A peaceful rally by hundreds of teachers in Nairobi on Tuesday was cut short after police fired teargas "
            "to disperse the crowd.")
    assert _subs(text) == ["Protest with intervention"]
    sprayed = "Dozens of students were pepper-sprayed by police at a sit-in outside the ministry in Talca on Tuesday."
    assert _subs(sprayed) == ["Protest with intervention"]


def test_a_protest_against_what_happened_after_is_still_its_grievance():
    text = "Hundreds of people marched in Lagos on Tuesday after police shot a taxi driver, demanding justice."
    assert _subs(text) == ["Peaceful protest"]


def test_an_armed_group_detained_by_the_state_is_an_arrest_not_an_abduction():
    text = "Ten members of the Kurdistan Workers' Party (PKK) were detained in raids in Diyarbakir on Tuesday."
    assert _subs(text) == ["Arrests"]
    abducted = "Boko Haram fighters detained 12 farmers near Konduga on Tuesday, residents said."
    assert _subs(abducted) == ["Abduction/forced disappearance"]


def test_a_commander_captured_is_an_arrest_and_his_past_deeds_are_background():
    text = ("The army captured a senior commander who led the unit that carried out a mortar attack on the market "
            "in Baidoa, officials said on Tuesday.")
    assert _subs(text) == ["Arrests"]
    town = "The army captured the town of Bulo Burde from the militants on Tuesday after heavy fighting."
    assert _subs(town) == ["Government regains territory"]


def test_plotting_an_attack_is_no_attack():
    text = "Police said on Tuesday the three men had been plotting to attack a church in Kaduna."
    assert "Attack" not in _subs(text)


def test_an_actor_read_from_a_later_sentence_has_its_evidence_in_that_sentence():
    text = ("NAIROBI, Kenya - Thousands of people marched through central Nairobi on Tuesday against the finance bill, "
            "chanting and waving placards.\n\n"
            "Police fired tear gas at the protesters outside parliament in Nairobi on Tuesday evening.")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = eventcoder.code_article(eventcoder.Article(body=text, published=PUB))
    events = result.events
    assert events
    for e in events:
        for actor in (e.actor1, e.actor2):
            if actor is not None and actor.evidence is not None:
                ev = actor.evidence
                assert result.document.text[ev.start:ev.end] == ev.text
                assert text[ev.raw_start:ev.raw_end] == ev.text
                assert ev.text.lower() in ("protesters", "people", "thousands of people", "police")


def test_no_arrests_made_is_no_intervention():
    text = ("Hundreds of nurses marched peacefully to the health ministry in Accra on Tuesday to demand unpaid wages. "
            "Police said no arrests were made.")
    assert _subs(text) == ["Peaceful protest"]


def test_notes_keep_the_capital_of_a_name_after_the_date():
    text = "Nigerian soldiers killed 12 Boko Haram fighters near Bama on Tuesday, the army said."
    events = eventcoder.extract(text, PUB)
    assert events and events[0].notes.startswith("On 5 March 2024, Nigerian soldiers")
    police = eventcoder.extract("Police arrested 40 opposition supporters in Harare on Tuesday.", PUB)
    assert police and police[0].notes.startswith("On 5 March 2024, police arrested")


def test_an_army_moving_in_after_the_other_side_pulled_out_is_a_non_violent_transfer():
    text = ("The Lebanese army said its units deployed in the border town of Khiam on Tuesday after Israeli forces "
            "pulled out of the area.")
    assert _subs(text) == ["Non-violent transfer of territory"]


def test_a_body_handed_over_is_no_agreement():
    text = ("Police said on Tuesday that one of the dead was a member of an armed group, whose body was later handed "
            "over to the community in Churachandpur.")
    assert "Agreement" not in _subs(text)


def test_an_undated_sentence_set_in_a_year_long_past_is_background():
    text = ("During the Madhes movement of 2015, the border city was the centre of a months-long blockade, and "
            "several protesters were killed in police firing.")
    assert _subs(text, dt.date(2025, 1, 18)) == []
    recent = "Several protesters were killed in police firing in Birgunj on Tuesday, residents said."
    assert _subs(recent) == ["Excessive force against protesters"]


@pytest.mark.parametrize("text", [
    "Soldiers found a stash of mortar shells and rockets belonging to militants in a house in Tikrit on Tuesday.",
    "Police seized 40 grenades and two rocket launchers in a raid on a farm near Kirkuk on Tuesday.",
])
def test_weapons_found_or_seized_are_disrupted_weapons_use(text):
    assert _subs(text) == ["Disrupted weapons use"]


def test_weapons_fired_are_still_their_use():
    text = "Militants fired mortar shells at an army base near Tikrit on Tuesday, killing two soldiers."
    assert _subs(text) == ["Shelling/artillery/missile attack"]


@pytest.mark.parametrize("text", [
    "Syrian warplanes destroyed a rebel arms depot near Saraqib in Idlib province on Tuesday, a monitor said.",
    "The Iraqi Air Force struck a convoy of Islamic State vehicles near Rutba on Tuesday, the ministry said.",
])
def test_a_national_air_force_striking_is_an_air_strike(text):
    assert _subs(text) == ["Air/drone strike"]


@pytest.mark.parametrize("text", [
    "Hundreds of students protested outside the university in Lahore on Tuesday, throwing stones at police.",
    "Protesters fought running battles with riot police in central Athens on Tuesday after a rally over pensions.",
    "Demonstrators armed with sticks and iron rods marched on the governor's office in Bukavu on Tuesday.",
])
def test_demonstrators_acting_violently_are_a_violent_demonstration(text):
    assert _subs(text) == ["Violent demonstration"]


def test_an_attack_repelled_is_an_armed_clash():
    assert _subs("Soldiers repulsed an attack by Boko Haram fighters on their base in Monguno on Tuesday.") == [
        "Armed clash"]
    assert _subs("Gunmen attacked the village of Kaura in Kaduna State on Tuesday, killing 12 villagers.") == ["Attack"]


def test_stones_thrown_told_after_the_march_make_it_violent():
    text = ("Students marched through Valparaiso on Thursday against fee rises. Near the port some of them were seen "
            "throwing stones, witnesses said.")
    assert _subs(text, dt.date(2025, 5, 16)) == ["Violent demonstration"]

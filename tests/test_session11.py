"""Session 11 rules (issues 13 and 18), each with sentences written for it."""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.extract.participants import article_domain
from eventcoder.model import Article
from eventcoder.pipeline import code_article

_STEEL = (
    "Shares in the steelmaker fell 12% on Tuesday after its rival abandoned a takeover bid worth 4 billion euros, "
    "leaving investors nursing heavy losses. Analysts said the company's profits had been squeezed by higher prices "
    "for iron ore and weak sales to car factories. The firm's chief executive said the board would fight any hostile "
    "bid and would return cash to shareholders through a share buyback. {extra} The takeover battle had dominated "
    "trading in the sector for months. Earnings for the quarter fell to 310 million euros, while revenues slipped 4%. "
    "Several analysts cut their forecasts for the company and warned that the market for steel would stay weak until "
    "the economy picks up. Consumers of steel, from builders to carmakers, have been holding back orders. The company "
    "said it would close two plants and cut jobs, and that it expected debt to fall as investment slowed. Its shares "
    "have lost a third of their value this year, and the bank advising the rival said the offer would not be revived."
)

_VIRUS = (
    "Security firms have warned that a new computer virus has hijacked thousands of home computers and uses them to "
    "send spam e-mails. The virus spreads through a website that offers free downloads of music and video games, and "
    "attacks computers whose software has not been updated. Users are urged to install the latest patches for their "
    "operating system and to run anti-virus programs. Experts said the attack was one of the largest seen on the net "
    "this year, with networks in Europe and Asia hit. Broadband users who leave their PCs switched on all day are most "
    "at risk, the firms said, because their computers can be used around the clock. Mobile phones and other wireless "
    "devices are not affected. Online banks said customers' data had not been exposed, though several websites went "
    "offline for hours, and the number of infected machines was still rising as the virus kept spreading on the web."
)

_RAID = (
    "Gunmen attacked a convoy of trucks carrying goods to the market in Maiduguri on Monday, killing four drivers, "
    "police said. The attackers set fire to three trucks and fled into the bush. Traders said prices of grain in the "
    "market had risen since the attack on the road, which links the city to the border with Cameroon and carries much "
    "of the region's trade. The army said troops had been sent to the road and that soldiers would escort convoys. "
    "Business leaders said the insurgents' attacks had hit sales, and that firms would stay shut until the road is "
    "safe. Militants have killed hundreds of people in the region this year, and the violence has forced many shops "
    "and factories to close, the governor said, adding that the economy of the state had shrunk as a result."
)


def _subs(text: str) -> list[str]:
    result = code_article(Article(id="t", body=text, published=dt.date(2005, 3, 1)))
    return [str(e.sub_event_type) for e in result.events]


def test_business_and_technology_articles_have_their_domain():
    assert article_domain(_STEEL.format(extra="")) == "business"
    assert article_domain(_VIRUS) == "technology"
    # a conflict report with market words keeps no domain: its vocabulary is that of a conflict
    assert article_domain(_RAID) is None


def test_a_boardroom_coup_in_a_business_article_is_no_event():
    assert _subs(_STEEL.format(extra="The chairman was ousted in a boardroom coup on Monday.")) == []


@pytest.mark.parametrize("extra, sub", [
    ("Union members marched to the headquarters in Sheffield on Friday to protest against the cuts.",
     "Peaceful protest"),
    ("Staff at the Sheffield plant walked out and picketed the gates on Friday.", "Peaceful protest"),
])
def test_a_demonstration_in_a_business_article_is_still_coded(extra, sub):
    assert _subs(_STEEL.format(extra=extra)) == [sub]


def test_violence_reported_in_trade_terms_is_still_coded():
    assert "Attack" in _subs(_RAID)


def _first_sub(text: str) -> str | None:
    result = code_article(Article(id="t", body=text, published=dt.date(2021, 5, 3)))
    return str(result.events[0].sub_event_type) if result.events else None


@pytest.mark.parametrize("text", [
    "Farmers protesting low crop prices dumped manure on the ministry steps and overturned a police van.",
    "Demonstrators tore down the gates of the parliament and forced their way inside, injuring two guards.",
    "Residents angry over water shortages attacked a municipal official during a protest outside the town hall.",
])
def test_the_crowds_own_violence_read_from_the_parse_is_a_violent_demonstration(text):
    assert _first_sub(text) == "Violent demonstration"


@pytest.mark.parametrize("text, sub", [
    # the violence is the grievance's, or symbolic, or an assault on the demonstration: not the crowd's own
    ("Residents protested outside the town hall after youths from a rival village attacked their homes.",
     "Peaceful protest"),
    ("Hundreds of students burned an effigy of the minister during a protest against the fee increase.",
     "Peaceful protest"),
    ("Some 5,000 people kicked off the protests along the sea front, with thousands more joining as the crowd "
     "marched past the stadium.", "Peaceful protest"),
])
def test_violence_that_is_not_the_crowds_own_deed_keeps_the_protest_peaceful(text, sub):
    assert _first_sub(text) == sub


def test_demonstrators_who_died_after_police_beat_them_met_excessive_force():
    assert _first_sub("Several demonstrators died after police beat them with iron bars during the rally.") == \
        "Excessive force against protesters"


def test_marchers_are_demonstrators():
    assert _first_sub("Police used batons to push back the marchers, who had tried to reach the presidential "
                      "palace.") == "Protest with intervention"
    assert _first_sub("About 3,000 marchers walked from the cathedral to the town hall on Saturday.") == \
        "Peaceful protest"


def test_the_parse_tells_who_did_it():
    from eventcoder.extract.deeds import crowd_violence, force_on_crowd

    text = "Protesters overturned a police car and threw stones before officers chased them away."
    span = crowd_violence(text)
    assert span is not None and text[span[0]:span[1]] == "overturned"
    assert crowd_violence("Police overturned the protesters' stalls in the square.") is None
    assert crowd_violence("Protesters were attacked in the square.") is None
    assert force_on_crowd("Soldiers beat the demonstrators with rifle butts.")[0] == "lethal"
    assert force_on_crowd("Police chased the protesters through the market.")[0] == "force"
    assert force_on_crowd("Protesters chased the police through the market.") is None


def test_the_police_named_before_their_deed_is_no_grievance():
    # "the" before a participle makes it part of the grievance ("the detained activists"); before "police" it
    # names who acted
    assert _first_sub("The police detained several protesters who were trying to march to the chief minister's "
                      "residence.") == "Protest with intervention"
    assert _first_sub("Hundreds marched to the court to demand the release of the detained activists.") == \
        "Peaceful protest"


@pytest.mark.parametrize("text", [
    "Five policemen were injured during the protest against the new farm laws in the district.",
    "Stones were thrown at the police during a protest over the death of a student.",
    "A police officer was seriously injured when protesters threw a brick at him.",
    "Protesters manhandled the officials and locked them inside the office.",
    "The protesters went on the rampage in the town after the rally.",
    "Petrol bombs were hurled at the police station during the protest.",
])
def test_harm_to_the_forces_and_things_thrown_at_them_are_the_crowds_violence(text):
    assert _first_sub(text) == "Violent demonstration"


def test_police_harmed_by_armed_men_at_a_protest_are_not_the_crowds_deed():
    from eventcoder.extract.deeds import crowd_violence

    assert crowd_violence("Two policemen guarding the protest were attacked by gunmen on motorbikes.") is None
    # a grenade is an explosive, left to its own rules
    assert crowd_violence("A grenade was hurled into the army truck as residents protested in the town.") is None


def test_beaten_to_death_in_a_market_is_harm_not_trade():
    assert _first_sub("A mob beat a suspected thief to death in the market.") == "Mob violence"


def test_a_by_phrase_of_the_participle_describing_the_object_is_not_the_agent():
    result = code_article(Article(id="t", body="Troops recaptured the town, which had been held by the rebels, on "
                                  "Monday.", published=dt.date(2021, 5, 3)))
    (event,) = result.events
    assert str(event.sub_event_type) == "Government regains territory"
    assert event.actor1.name.startswith("Military Forces")
    assert _first_sub("Troops liberated three villages held by the insurgents on Monday.") == \
        "Government regains territory"
    # the passive keeps its agent
    assert _first_sub("The town was captured on Monday by the rebels.") == "Non-state actor overtakes territory"


def test_ground_left_without_a_fight_is_a_non_violent_transfer():
    assert _first_sub("The militia took control of the town after the army pulled out without a fight.") == \
        "Non-violent transfer of territory"
    assert _first_sub("The militia took control of the town after the army pulled out following heavy fighting.") \
        == "Non-state actor overtakes territory"


def test_a_handover_under_a_deal_is_the_transfer_not_the_agreement():
    assert _first_sub("Government troops handed over control of the base to the rebel coalition as part of the "
                      "agreement.") == "Non-violent transfer of territory"
    assert _first_sub("The government and the rebel group signed a ceasefire agreement in the capital.") == \
        "Agreement"


@pytest.mark.parametrize("text", [
    "Mr Howard attacked the prime minister over his handling of the war in Iraq.",
    "The minister said the police would be given new powers to arrest people who incite religious hatred.",
    "Backbench rebels forced the government to retreat over its plans for university fees.",
    "The party's leader was forced to resign after a coup by senior members.",
    "Protesters opposed to the ban say they will fight it in the courts.",
    "The ministry said there was no evidence that any detainee had been tortured.",
    "Officials denied that soldiers had killed civilians in the village.",
    "It is not clear whether the rebels attacked the convoy.",
])
def test_politics_in_words_is_no_event(text):
    assert _first_sub(text) is None


@pytest.mark.parametrize("text, sub", [
    ("Villagers attacked a man over a land dispute, beating him with sticks.", "Mob violence"),
    ("Rebels forced the army to retreat from the town after heavy fighting.", None),  # told elsewhere: no check
    ("Army officers seized power in a coup in the capital on Monday.", "Other"),
    ("Residents said gunmen killed four people in the village, although the army denied any involvement.", "Attack"),
    ("Protesters say police beat them and fired tear gas at the sit-in on Friday.", None),
])
def test_the_same_words_with_violence_done_stay_events(text, sub):
    got = _first_sub(text)
    if sub is not None:
        assert got == sub
    else:
        assert got is not None


@pytest.mark.parametrize("text, sub", [
    ("Security forces detained 15 opposition activists ahead of the planned rally.", "Arrests"),
    ("The police arrested a journalist who had reported on the protests.", "Arrests"),
    ("The activist was taken away by men in plain clothes and has not been seen since.",
     "Abduction/forced disappearance"),
    ("A woman detonated an explosive vest in the crowded market, killing 12 people.", "Suicide bomb"),
    ("Thousands of families fled their homes as fighting approached the town.", "Other"),
    ("More than 5,000 people were displaced by the violence in the district.", "Other"),
    ("Police fired tear gas to disperse the rally in the capital.", "Protest with intervention"),
])
def test_what_the_sentence_itself_reports(text, sub):
    assert _first_sub(text) == sub


@pytest.mark.parametrize("text", [
    "The theatre was evacuated after a fire alarm went off during the performance.",
    "Passengers were evacuated from the train after a power failure.",
])
def test_leaving_a_building_with_no_conflict_cause_is_no_event(text):
    assert _first_sub(text) is None


def test_coordinated_participles_share_their_agent():
    result = code_article(Article(id="t", body="Seven residents were beaten and arrested by Taliban forces in the "
                                  "district on Monday.", published=dt.date(2022, 6, 5)))
    assert result.events and result.events[0].actor1.evidence.text == "Taliban forces"  # (ACLED: Afghanistan's forces)


def test_civilians_evacuated_from_a_city_with_no_cause_told_stay_an_event():
    assert _first_sub("Twenty civilians were evacuated from Mariupol on Saturday.") == "Other"


def test_violence_claimed_as_the_grievance_is_not_the_crowds():
    assert _first_sub("Staff of a bus company staged a protest in the city, claiming that relatives of a local "
                      "leader beat and injured one of their drivers.") == "Peaceful protest"


def test_words_reported_in_the_past_and_planned_marches_that_went_ahead_stay_reports():
    # what demonstrators said in the past is a report of the demonstration, not a comment on it
    assert _first_sub("On Monday, demonstrators said police had beaten them during the march in the capital.") \
        is not None
    assert _first_sub("The planned march went ahead in the capital on Saturday despite the ban.") == \
        "Peaceful protest"


@pytest.mark.parametrize("text", [
    "The general, who fought in the civil war in the 1990s, died peacefully at home.",
    "Firefighters battled a blaze at a warehouse in the industrial area.",
    "Crews fought the flames for six hours before the fire was brought under control.",
])
def test_history_and_fires_are_no_events(text):
    assert _first_sub(text) is None


def test_fields_and_farmland_are_property():
    assert _first_sub("Suspected herders set fire to farmland and destroyed crops in the village.") == \
        "Looting/property destruction"
    # a deed of the decade the report is in is no history
    assert _first_sub("Soldiers fought rebels near the border on Monday.") == "Armed clash"


def test_ground_entered_after_the_other_side_left_in_fighting_is_taken_by_the_side_that_entered():
    assert _first_sub("Government troops moved into the town after the rebels withdrew following days of "
                      "fighting.") == "Government regains territory"
    assert _first_sub("Rebel fighters moved into the town after government troops withdrew following heavy "
                      "clashes.") == "Non-state actor overtakes territory"
    assert _first_sub("The army moved into the town after the rebels withdrew.") == "Non-violent transfer of territory"

"""An event needs the participants ACLED's type needs: general news gives no events, conflict news keeps them."""

import datetime as dt

import pytest

import eventcoder
from eventcoder.extract import participants
from eventcoder.extract.actors import find_actors

PUB = dt.date(2024, 6, 12)


def _subs(text: str) -> list[str]:
    return [e.sub_event_type for e in eventcoder.extract(text, PUB)]


@pytest.mark.parametrize("text", [
    # company deals and verbs of agreeing
    "The carmaker agreed a $2bn deal with a Chinese battery maker on Monday to supply its new plant.",
    "Shareholders approved the agreement on Tuesday, sending the firm's shares up 6%.",
    # a footballer joins, a chief executive is appointed, a firm is taken over or a price falls
    "The striker joined the Portuguese champions on a four-year contract on Friday.",
    "The bank appointed a new chief executive on Monday after months of speculation.",
    "Shares in the retailer fell to 120p on Tuesday after a takeover bid collapsed.",
    # figures of speech: a verbal attack, a market rally, a product demonstration, a blocked website
    "The opposition leader attacked the government's tax plans in parliament on Wednesday.",
    "Stocks rallied in Tokyo on Thursday as the yen weakened.",
    "The company demonstrated its new folding phone at a trade fair in Barcelona on Monday.",
    "The browser now blocks advertising sites by default, the company said on Tuesday.",
    # an ordinary crime, a natural disaster, the deaths of animals
    "A former accountant was arrested on Monday on suspicion of fraud at the charity.",
    "More than 300 people were killed when an earthquake struck the coastal province on Sunday.",
    "Hunters shot dozens of deer in the national park on Saturday under a new cull.",
    # custody of children, or a tally of deaths in custody, is no arrest
    "Parents with custody of their children could block visits, the committee said on Monday.",
    # an election is no ACLED event
    "Voters in the capital went to the polls on Sunday in a referendum on the new constitution.",
])
def test_general_news_gives_no_event(text):
    assert _subs(text) == []


@pytest.mark.parametrize(("text", "sub"), [
    ("Rebels and the government signed a ceasefire agreement in Juba on Monday.", "Agreement"),
    ("The warring parties agreed on a prisoner exchange on Tuesday, the mediators said.", "Agreement"),
    ("The army deployed hundreds of troops to the border district on Monday.", "Change to group/activity"),
    ("Gunmen attacked a journalist outside his home in Lagos on Friday, beating him with clubs.", "Attack"),
    ("About 500 teachers demonstrated outside the education ministry in Accra on Monday.", "Peaceful protest"),
    ("Hundreds of shopkeepers rallied in the market square of Mardan on Tuesday against new taxes.",
     "Peaceful protest"),
    ("Residents blocked the highway near Oaxaca on Thursday to demand the return of water supplies.",
     "Peaceful protest"),
    ("Police arrested 30 opposition activists in Minsk on Tuesday.", "Arrests"),
    ("Soldiers took two journalists into custody in Bamako on Monday.", "Arrests"),
    ("Al-Shabaab fighters seized the town of Bulo Burde on Sunday.", "Non-state actor overtakes territory"),
    ("Rioters burned shops and cars in the old town of Dhaka on Tuesday.", "Violent demonstration"),
    ("A roadside bomb exploded near a police convoy in Kandahar on Monday, killing three officers.",
     "Remote explosive/landmine/IED"),
])
def test_conflict_news_keeps_its_event(text, sub):
    assert sub in _subs(text)


def test_missing_party_names_the_reason():
    deal = "The firm signed a supply deal with a rival on Monday."
    assert participants.missing_party("Agreement", deal, find_actors(deal, None)) == "no conflict party"
    truce = "The two sides agreed a truce on Monday."
    assert participants.missing_party("Agreement", truce, find_actors(truce, None)) is None
    gold = "The price of gold fell to $400 an ounce."
    assert participants.missing_party("Non-state actor overtakes territory", gold, []) == "no armed party"
    trust = "The scandal destroyed public trust in the firm."
    assert participants.missing_party("Looting/property destruction", trust, []) == "no physical property"
    houses = "Unknown people destroyed three houses in the village."
    assert participants.missing_party("Looting/property destruction", houses, []) is None
    ban = "The government banned the opposition party on Friday."
    assert participants.missing_party("Change to group/activity", ban, []) is None


def test_article_domain_reads_the_whole_vocabulary():
    match = ("United beat City 2-1 in the league on Saturday. The striker scored twice and the goalkeeper saved a "
             "penalty as the team climbed to second in the table. The manager praised his players after the match, "
             "and the club's fans sang at the final whistle. ") * 3
    assert participants.article_domain(match) == "sport"
    war = ("Troops and rebels fought near the town on Saturday. Soldiers said militants attacked a police post and "
           "the army shelled rebel positions. ") * 5
    assert participants.article_domain(war) is None
    assert participants.article_domain("A short note on a match and a goal.") is None  # too short to tell


MATCH = (
    "Rovers beaten as Athletic reach the final\n"
    "Holders Rovers were beaten 3-0 by Athletic in the cup semi-final on Saturday. The striker scored twice in "
    "the first half and the goalkeeper saved a penalty before the break. Rovers attacked for most of the second "
    "half but the visitors' defence held firm, and a late shot from the captain hit the post. The manager said "
    "his players had lost the match in midfield and that the club's league season now rests on the final games. "
    "Athletic, who won the title two seasons ago, will meet the champions in the final next month, and their "
    "coach said the squad would rest key players in the league fixture on Wednesday. The team's fans sang long "
    "after the final whistle, and the club thanked supporters for a record crowd at the stadium."
)


def test_in_a_sport_article_a_beating_is_a_result_but_a_riot_is_an_event():
    assert _subs(MATCH) == []
    riot = MATCH + " After the match, fans threw stones at riot police outside the stadium, who fired tear gas."
    assert _subs(riot)


def test_a_protest_march_is_a_protest():
    assert _subs("Hundreds joined a protest march in Lisbon on Saturday against rising rents.") == ["Peaceful protest"]


@pytest.mark.parametrize("text", [
    # what one is bombarded with is a message or data, not a weapon
    "Opposition MPs bombarded the health minister with questions about the waiting lists on Tuesday.",
    "On Friday hackers bombarded the bank's website with data from thousands of hijacked computers.",
    # animals are no victims, whoever shoots them
    "Under the new rules, deer that stray onto farmland may still be chased and shot by gamekeepers.",
    "Police officers said on Monday that farmers were still trapping foxes and then shooting them.",
    # with no armed actor, what is destroyed, damaged or stolen is a firm, data or an identity
    "The founder told lawyers on Monday that his airline had been destroyed by the regulator's decision.",
    "Fraudsters stole the personal data of two million customers from the retailer on Sunday.",
    "The minister accused rivals of fuelling damaging rumours about the budget on Wednesday.",
    # a firm or a device that blocks is no crowd blocking a road
    "On Tuesday Microsoft began blocking the infected sites that spread the worm.",
    "A firewall filters the packets, and it can also be used to block traffic from unknown addresses.",
    # a game's player "must battle" soldiers: an obligation, no event
    "Players must battle soldiers and monsters across eight levels in the new game.",
    # an adjective is no actor: "a criminal investigation" names no armed group
    "Traders at the bank face a criminal investigation in Frankfurt over a bond deal.",
])
def test_figures_animals_firms_and_devices_give_no_event(text):
    assert _subs(text) == []


@pytest.mark.parametrize(("text", "sub"), [
    ("Police bombarded the protesters with tear gas and rubber bullets in Nairobi on Tuesday.", None),
    ("Gunmen shot dead two herders and stole their cattle near Gao on Sunday.", "Attack"),
    ("Unknown men set fire to a textile factory in Dhaka on Monday, destroying its warehouse.",
     "Looting/property destruction"),
    ("About 200 farmers blocked the main road to the port of Lima on Thursday to demand higher prices.",
     "Peaceful protest"),
    ("Militants stormed the village on Sunday and stole the harvest and the livestock.", None),
])
def test_violence_against_people_and_property_stays(text, sub):
    subs = _subs(text)
    assert subs and (sub is None or sub in subs), subs


@pytest.mark.parametrize("text", [
    # the verb that governs the trigger carries a modal, or is "expected to"
    "A new deployment would involve about 600 troops from a battalion based in Cyprus.",
    "Nurses from the union will join other campaigners at a rally outside parliament in the spring.",
    "The chancellor insisted he would never support any kind of rebellion or coup against the leader.",
    "Doctors fear the law could allow killing by neglect in hospitals.",
    "This year, demonstrations against the summit are expected to be small.",
    # data stolen, by anyone; engaged in an activity
    "Criminals used hijacked computers to steal passwords and banking information from thousands of users.",
    "Gangs target firms engaged in online trade, the report said.",
])
def test_hypothetical_events_data_and_activities_give_no_event(text):
    assert _subs(text) == []


@pytest.mark.parametrize(("text", "sub"), [
    ("Soldiers engaged in heavy fighting with rebels near Goma on Monday.", "Armed clash"),
    ("Police said on Monday the bombing in Kabul would not deter them.", None),
    ("Hundreds of nurses marched on parliament on Tuesday, and the union said more would follow.",
     "Peaceful protest"),
])
def test_a_dated_or_past_event_beside_a_modal_stays(text, sub):
    subs = _subs(text)
    assert subs and (sub is None or sub in subs), subs


def test_hypothetical_in_parse_names_the_reason():
    text = "Any deployment would involve troops from a battalion based in Brunei."
    start = text.index("deployment")
    assert participants.hypothetical_in_parse(text, (start, start + 10)) == "future or hypothetical"
    past = "Any deployment involved troops from a battalion based in Brunei."
    told = "The merger could strengthen the rebels in the north, observers said."
    assert participants.hypothetical_in_parse(told, (4, 10)) is None
    assert participants.hypothetical_in_parse(past, (start, start + 10)) is None


def test_the_clause_verb_of_a_verbless_headline_is_none_and_the_walk_ends():
    from eventcoder import nlp
    from eventcoder.extract.participants import _clause_verb, _subjects

    doc = nlp.parser()("Protests in Paris.")
    assert _clause_verb(doc[2]) is None  # walks up to the root noun and stops there
    doc = nlp.parser()("Activists continued to block the road.")
    block = next(t for t in doc if t.lower_ == "block")
    assert [t.text for t in _subjects(block)] == ["Activists"] and _clause_verb(doc[4]).lower_ == "block"

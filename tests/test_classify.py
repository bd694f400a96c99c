"""The named rules of extract/classify.py, one codebook question each, walked in order (first match wins)."""

from __future__ import annotations

import pytest

from eventcoder.extract import classify
from eventcoder.extract.actors import find_actors
from eventcoder.extract.classify import RULES, WITHDRAWAL, classify_sentence, is_quoted, protest_force
from eventcoder.extract.taxonomy import Sub


def coded(text: str, country: str | None = None, following: str | None = None) -> tuple[str, str] | None:
    """What the public API says of a sentence: its sub-event type and trigger words."""
    c = classify_sentence(text, find_actors(text, country), country, following)
    return None if c is None else (c.sub_event_type, text[c.trigger_start:c.trigger_end])


def deciding_rule(text: str, country: str | None = None, following: str | None = None) -> str | None:
    """The name of the first rule that decides a sentence."""
    s = classify._read_sentence(text, find_actors(text, country), country, following)
    if s is None:
        return None
    return next((rule.__name__ for rule in RULES if rule(s) is not None), None)


def test_rules_keep_their_order_of_precedence():
    assert [r.__name__ for r in RULES] == [
        "_aircraft_movement", "_weapons_test", "_chemical_suicide_or_air", "_rape_first", "_protest_ladder",
        "_mob_or_riot", "_people_intercepted", "_nothing_went_off", "_weapons_held", "_grenade", "_shelling",
        "_explosive_device", "_disrupted_or_exploded", "_sexual_violence", "_abduction", "_agreement", "_territory",
        "_police_clash_with_crowd", "_clash_or_attack", "_detained_by_armed_group", "_remaining_trigger",
    ]


def test_every_rule_has_a_docstring():
    assert all(r.__doc__ and len(r.__doc__.split()) >= 8 for r in RULES)


CASES = [
    # aircraft with no strike: a movement of forces
    ("Two fighter jets violated the country's airspace over the northern border on Sunday, the defence ministry "
     "said.", "_aircraft_movement", Sub.CHANGE_TO_GROUP_ACTIVITY, "fighter jets"),
    # the most specific means of violence first
    ("Government aircraft dropped barrels filled with chlorine on the village of Kafr Zita, medics said.",
     "_chemical_suicide_or_air", Sub.CHEMICAL_WEAPON, "chlorine"),
    ("A suicide bomber blew himself up at a checkpoint outside Mogadishu, killing five soldiers.",
     "_chemical_suicide_or_air", Sub.SUICIDE_BOMB, "suicide bomber"),
    ("A drone strike hit a car near the town of Marib, killing three people.",
     "_chemical_suicide_or_air", Sub.AIR_DRONE_STRIKE, "drone strike"),
    # sexual violence at a demonstration is the rape
    ("A woman was raped by soldiers at a demonstration in the town square, witnesses said.",
     "_rape_first", Sub.SEXUAL_VIOLENCE, "raped"),
    ("A girl was sexually assaulted by militiamen near Bunia.", "_rape_first", Sub.SEXUAL_VIOLENCE,
     "sexually assaulted"),
    ("Two women were gang raped by armed men in Ituri province.", "_rape_first", Sub.SEXUAL_VIOLENCE, "raped"),
    # other sexual violence, after the weapons and explosives
    ("Villagers fled after militiamen raped two girls near Kalehe.", "_sexual_violence", Sub.SEXUAL_VIOLENCE,
     "raped"),
    ('A survivor said she was "raped by soldiers" at the camp near Kalehe.', "_sexual_violence",
     Sub.SEXUAL_VIOLENCE, "raped"),
    ("Soldiers subjected detainees to sexual violence at the barracks in Bamako.", "_sexual_violence",
     Sub.SEXUAL_VIOLENCE, "sexual violence"),
    # the protest ladder
    ("Thousands of people marched through Santiago on Thursday demanding higher pensions.",
     "_protest_ladder", Sub.PEACEFUL_PROTEST, "marched"),
    ("Students chanted slogans against the government outside the university in Tehran.",
     "_protest_ladder", Sub.PEACEFUL_PROTEST, "chanted"),
    ("Dozens of traders blocked the main road in Kumasi to protest against new market levies.",
     "_protest_ladder", Sub.PEACEFUL_PROTEST, "blocked the main road"),
    ("Hundreds protested against the killing of a man by police in Lagos.",
     "_protest_ladder", Sub.PEACEFUL_PROTEST, "protested"),
    ("Police fired tear gas to disperse hundreds of students protesting tuition fees in Nairobi.",
     "_protest_ladder", Sub.PROTEST_WITH_INTERVENTION, "tear gas"),
    ("Police dispersed protesters demanding the release of detained activists in Yerevan.",
     "_protest_ladder", Sub.PROTEST_WITH_INTERVENTION, "dispersed"),
    ("Police arrested 30 students who were protesting outside parliament in Kampala.",
     "_protest_ladder", Sub.PROTEST_WITH_INTERVENTION, "Police arrested"),
    # a dispersal told as brutal that hurts people: the codebook's violence resulting in serious injuries
    ("Several teachers were injured after riot police violently dispersed their sit-in in Rabat on Sunday.",
     "_protest_ladder", Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS, "dispersed"),
    ("Riot police dispersed a sit-in of teachers in Rabat on Sunday, injuring three.",
     "_protest_ladder", Sub.PROTEST_WITH_INTERVENTION, "dispersed"),
    # demonstrators dragged away: force short of serious harm
    ("Gendarmes dragged the protesters away from the gates of the prefecture in Bastia on Monday.",
     "_protest_ladder", Sub.PROTEST_WITH_INTERVENTION, "dragged the protesters away"),
    ("Security forces opened fire on demonstrators in Khartoum, killing four protesters.",
     "_protest_ladder", Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS, "opened fire on demonstrators"),
    ("Riot police beat demonstrators with batons outside the ministry in Tbilisi.",
     "_protest_ladder", Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS, "beat demonstrators"),
    ("Police baton-charged protesters in Lahore, leaving dozens of people injured.",
     "_protest_ladder", Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS, "baton"),
    ("Demonstrators threw stones at police and set fire to tyres in the centre of Conakry.",
     "_protest_ladder", Sub.VIOLENT_DEMONSTRATION, "threw stones"),
    ("Protesters ransacked the governor's office in Kano on Tuesday.",
     "_protest_ladder", Sub.VIOLENT_DEMONSTRATION, "ransacked"),
    # the police clashing or torching: the crowd's violence is weaker evidence (0.7, after force)
    ("Police clashed with and torched the stalls of vendors protesting in Harare.",
     "_protest_ladder", Sub.VIOLENT_DEMONSTRATION, "clashed"),
    # setting fires, scuffles and a demonstration that descends into violence are the crowd's own violence,
    # whatever force the police used
    ("Students lit fires on the campus road as police fired tear gas at the protest in Dhaka.",
     "_protest_ladder", Sub.VIOLENT_DEMONSTRATION, "lit fires"),
    ("Riot police fired water cannon at demonstrators in Bogota during scuffles outside the congress building.",
     "_protest_ladder", Sub.VIOLENT_DEMONSTRATION, "scuffles"),
    ("Police used tear gas as a march by opposition supporters in Kinshasa descended into violence on Sunday.",
     "_protest_ladder", Sub.VIOLENT_DEMONSTRATION, "descended into violence"),
    ("A rally of taxi drivers in Dakar ended in one of the worst outbreaks of violence the city had seen.",
     "_protest_ladder", Sub.VIOLENT_DEMONSTRATION, "outbreaks of violence"),
    # clashes at a demonstration are violent whoever is named as clashing first
    ("Police clashed with protesters and fired tear gas near the central bank in Beirut.",
     "_protest_ladder", Sub.VIOLENT_DEMONSTRATION, "clashed"),
    # a demonstration attacked: by the forces it is force used on it (with injuries or brutality excessive);
    # by anyone else unarmed, a mob's violence
    ("Soldiers brutally attacked a peaceful student demonstration in Mandalay on Friday.",
     "_protest_ladder", Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS, "attacked a peaceful student demonstration"),
    ("Police attacked and injured protesters outside the parliament in Tirana.",
     "_protest_ladder", Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS, "attacked and injured protesters"),
    ("Police attacked protesters outside the parliament in Tirana.",
     "_protest_ladder", Sub.PROTEST_WITH_INTERVENTION, "attacked protesters"),
    ("A group of men attacked a peaceful rally of Kurdish activists in Lyon on Wednesday.",
     "_protest_ladder", Sub.MOB_VIOLENCE, "attacked a peaceful rally"),
    ("A march of teachers was attacked by supporters of the ruling party in Harare on Friday.",
     "_protest_ladder", Sub.MOB_VIOLENCE, "march of teachers was attacked by"),
    # mob violence against a violent demonstration
    ("Villagers lynched a suspected thief in Kasese district on Monday.",
     "_mob_or_riot", Sub.MOB_VIOLENCE, "Villagers lynched"),
    ("Residents beat a man to death after accusing him of stealing a goat.",
     "_mob_or_riot", Sub.MOB_VIOLENCE, "Residents beat"),
    ("A clash between two groups of students left one dead at the campus in Port Harcourt.",
     "_mob_or_riot", Sub.MOB_VIOLENCE, "clash between two groups"),
    ("Mobs attacked Muslim homes in the district, killing two people.",
     "_mob_or_riot", Sub.MOB_VIOLENCE, "Mobs attacked"),
    ("Angry youths stoned police and torched two cars in the township after the shooting, residents said.",
     "_mob_or_riot", Sub.VIOLENT_DEMONSTRATION, "youths stoned"),
    ("Rioters torched shops and vehicles in the market after the death of a local man in police custody.",
     "_mob_or_riot", Sub.VIOLENT_DEMONSTRATION, "Rioters torched"),
    ("A crowd set fire to a police station in Kenema after a young man died in custody.",
     "_mob_or_riot", Sub.VIOLENT_DEMONSTRATION, "crowd set fire"),
    ("Fans clashed with police outside the stadium in Cairo.",
     "_mob_or_riot", Sub.VIOLENT_DEMONSTRATION, "Fans clashed"),
    # disrupted weapons use against an explosion
    ("The navy intercepted 45 migrants off the coast of Libya on Tuesday.",
     "_people_intercepted", Sub.ARRESTS, "intercepted"),
    ("Security forces intercepted four suspects at a checkpoint near Maiduguri.",
     "_people_intercepted", Sub.ARRESTS, "intercepted"),
    ("Police intercepted a truck carrying rockets near the border.",
     "_nothing_went_off", Sub.DISRUPTED_WEAPONS_USE, "intercepted a truck carrying rockets"),
    ("Army engineers defused a roadside bomb on the Kabul-Jalalabad highway.",
     "_nothing_went_off", Sub.DISRUPTED_WEAPONS_USE, "defused"),
    ("Police seized a cache of weapons and explosives in a raid on a house in Peshawar.",
     "_nothing_went_off", Sub.DISRUPTED_WEAPONS_USE, "seized a cache of weapons and explosives"),
    ("Debris from drones shot down by air defences damaged a house in Kyiv, injuring two people.",
     "_disrupted_or_exploded", Sub.AIR_DRONE_STRIKE, "Debris"),
    # grenade / shelling / IED
    ("A man threw a grenade into a bar in Bujumbura, wounding six people.", "_grenade", Sub.GRENADE, "grenade"),
    ("Gunmen attacked a police post with grenades and machine guns, sparking an exchange of fire with officers.",
     "_grenade", Sub.ARMED_CLASH, "machine guns"),
    ("Rebels shelled the town of Goma overnight, killing two civilians.",
     "_shelling", Sub.SHELLING_ARTILLERY_MISSILE_ATTACK, "shelled"),
    ("Insurgents fired rocket-propelled grenades at a police station in Kandahar.",
     "_shelling", Sub.SHELLING_ARTILLERY_MISSILE_ATTACK, "rocket"),
    ("Militants fired mortars at an army base and soldiers returned fire with machine guns.",
     "_shelling", Sub.ARMED_CLASH, "machine guns"),
    ("A roadside bomb exploded near a military convoy in Borno state, killing three soldiers.",
     "_explosive_device", Sub.REMOTE_EXPLOSIVE_LANDMINE_IED, "roadside bomb"),
    ("A landmine exploded under a minibus in Kayin state, killing four villagers.",
     "_explosive_device", Sub.REMOTE_EXPLOSIVE_LANDMINE_IED, "landmine"),
    # an explosive at a rally, with no violence of the crowd's own, is the explosive
    ("A bomb exploded at an election rally in Quetta, killing 12 people.",
     "_explosive_device", Sub.REMOTE_EXPLOSIVE_LANDMINE_IED, "bomb exploded"),
    # abduction, unless the victims were also hurt
    ("Gunmen kidnapped 20 passengers from a bus on the Abuja-Kaduna highway.",
     "_abduction", Sub.ABDUCTION_FORCED_DISAPPEARANCE, "kidnapped"),
    ("Gunmen took 15 hostages in a village near Zinder.",
     "_abduction", Sub.ABDUCTION_FORCED_DISAPPEARANCE, "took 15 hostages"),
    ("Gunmen kidnapped and killed a local councillor in Zamfara state.", "_clash_or_attack", Sub.ATTACK, "killed"),
    ("Militiamen abducted five women and beat them in a village near Beni.",
     "_clash_or_attack", Sub.ATTACK, "beat"),
    # agreement
    ("The two militias agreed to a ceasefire in Tripoli on Sunday.",
     "_agreement", Sub.AGREEMENT, "agreed to a ceasefire"),
    ("The rebels signed a peace deal with the government in Juba on Friday.",
     "_agreement", Sub.AGREEMENT, "signed a peace deal"),
    # territory
    ("The army recaptured the town of Mubi from Boko Haram on Friday.",
     "_territory", Sub.GOVERNMENT_REGAINS_TERRITORY, "recaptured"),
    ("The army regained control of Palmyra from Islamic State fighters on Sunday.",
     "_territory", Sub.GOVERNMENT_REGAINS_TERRITORY, "regained control"),
    ("Al-Shabaab fighters captured the town of Bulo Burde after heavy fighting with government troops.",
     "_territory", Sub.NON_STATE_ACTOR_OVERTAKES_TERRITORY, "captured the town"),
    # the ground taken after the other side left it, with no fighting told: a handover
    ("Al-Shabaab fighters captured the town of Bulo Burde after government troops withdrew.",
     "_territory", Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY, "captured the town"),
    ("Houthi fighters took control of the district centre in Al Bayda as tribal forces pulled out overnight.",
     "_territory", Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY, "took control"),
    ("Government troops entered the village of Tchila and met no resistance from the rebels on Sunday.",
     "_remaining_trigger", Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY, "met no resistance"),
    ("The soldiers reached the town of Ndele and had not encountered any resistance, the governor said.",
     "_remaining_trigger", Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY, "not encountered any resistance"),
    ("Army units took control of two villages near Kidal without becoming involved in any armed clashes.",
     "_territory", Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY, "without becoming involved in any armed clashes"),
    # every form of the verbs of taking ground, of any kind of place
    ("ADF rebels have taken over three localities in Beni territory, a local official said.",
     "_territory", Sub.NON_STATE_ACTOR_OVERTAKES_TERRITORY, "taken over three localities"),
    ("The army recovered the districts that had fallen to the insurgents in Cabo Delgado last year.",
     "_territory", Sub.GOVERNMENT_REGAINS_TERRITORY, "recovered the districts"),
    # the state's forces lead a coordinated subject: their allied militias make no non-state gain
    ("The Iraqi army and pro-government tribal militias took control of the village of Albu Ubaid on Monday.",
     "_territory", Sub.GOVERNMENT_REGAINS_TERRITORY, "took control"),
    # fighters leaving under a deal: the ground handed over under it
    ("Hundreds of rebel fighters left the besieged district of Waer in Homs under an evacuation agreement.",
     "_remaining_trigger", Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY,
     "left the besieged district of Waer in Homs under an evacuation agreement"),
    # police and a crowd: a riot
    ("Police clashed with youths in the Mathare slum on Saturday.",
     "_police_clash_with_crowd", Sub.VIOLENT_DEMONSTRATION, "Police clashed with youths"),
    # armed clash against attack
    ("Soldiers clashed with militants in the Sinai on Wednesday, killing seven.",
     "_clash_or_attack", Sub.ARMED_CLASH, "clashed"),
    ("Gunmen attacked an army checkpoint in Kidal, killing two soldiers.",
     "_clash_or_attack", Sub.ARMED_CLASH, "attacked an army"),
    ("Soldiers shot a policeman at a bar in Goma.", "_clash_or_attack", Sub.ARMED_CLASH, "shot"),
    ("Gunmen shot dead three farmers in Benue state.", "_clash_or_attack", Sub.ATTACK, "shot dead"),
    ("Unidentified gunmen attacked the home of a journalist in Bamenda.", "_clash_or_attack", Sub.ATTACK, "attacked"),
    # arrests by an armed group
    ("Fighters of the armed group detained three journalists in Kidal.",
     "_detained_by_armed_group", Sub.ABDUCTION_FORCED_DISAPPEARANCE, "detained"),
    # the remaining triggers, in precedence order
    ("Police arrested 14 people in Chennai on Monday.", "_remaining_trigger", Sub.ARRESTS, "arrested"),
    ("Police conducted raids and arrested 112 people in Karachi.", "_remaining_trigger", Sub.ARRESTS, "arrested"),
    ("Police arrested 40 people on charges of rioting and damaging property in Durban.",
     "_remaining_trigger", Sub.ARRESTS, "arrested"),
    ("Police arrested a man suspected of planting explosives near the stadium in Kampala.",
     "_remaining_trigger", Sub.ARRESTS, "arrested"),
    ("Gunmen burned down 40 houses in the village of Dogo Nahawa.",
     "_remaining_trigger", Sub.LOOTING_PROPERTY_DESTRUCTION, "burned down"),
    ("Soldiers established a new base near the village of Kalaw.",
     "_remaining_trigger", Sub.HEADQUARTERS_OR_BASE_ESTABLISHED, "established a new base"),
    ("Troops were deployed to the border town of Moreh on Tuesday.",
     "_remaining_trigger", Sub.CHANGE_TO_GROUP_ACTIVITY, "deployed"),
    ("The army withdrew from the town of Mezraa on Friday.",
     "_remaining_trigger", Sub.CHANGE_TO_GROUP_ACTIVITY, "withdrew from"),
    ("Government troops entered the town without fighting on Sunday.",
     "_remaining_trigger", Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY, "without fighting"),
    ("The two militias agreed to a ceasefire but violated it within hours.",
     "_remaining_trigger", Sub.AGREEMENT, "agreed"),
]


@pytest.mark.parametrize(("text", "rule", "sub", "words"), CASES)
def test_named_rule_decides(text, rule, sub, words):
    assert coded(text) == (sub, words)
    assert deciding_rule(text) == rule


def test_the_rules_are_tried_in_order():
    # the mob rule would call this Mob violence; the protest ladder, before it, sees demonstrators
    text = "Demonstrators threw stones at police and set fire to tyres in the centre of Conakry."
    s = classify._read_sentence(text, find_actors(text, None), None, None)
    assert classify._mob_or_riot(s) is not None
    assert deciding_rule(text) == "_protest_ladder"


@pytest.mark.parametrize("text", [
    "The minister met the ambassador on Tuesday to discuss trade.",
    # aircraft seen, not striking and not moving into anyone's airspace
    "Warplanes were seen over the capital during the independence parade.",
    # a crowd gathered with no purpose told
    "Hundreds of farmers gathered in Nakuru on Monday.",
    # a trigger inside a named day
    "Thousands gathered in Algiers to celebrate Independence Day on Friday.",
    # an attack told as a purpose
    "The coalition was formed to prevent possible attacks on shipping.",
    # a standing presence, no movement
    "Troops have been deployed in the region since June.",
    # troops marching into a town are no march of demonstrators
    "Soldiers marched into the town of Dolo on Monday.",
    # what police recovered in a place is no ground retaken
    "Divers recovered the flight recorders in the area on Monday.",
])
def test_no_event(text):
    assert coded(text) is None


def test_gathering_given_its_purpose_by_the_next_sentence():
    text = "Hundreds of farmers gathered in Nakuru on Monday."
    assert coded(text, following="They called for better maize prices.") == (Sub.PEACEFUL_PROTEST, "gathered in")
    assert coded(text, following="The market reopened on Tuesday.") is None


def test_territory_taken_with_no_clash_reported_next():
    text = "Rebels seized the village of Kiwanja on Tuesday."
    assert coded(text, following="No clashes were reported.") == (Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY,
                                                                   "seized the village")
    assert deciding_rule(text, following="No clashes were reported.") == "_territory"


def test_territory_taken_with_no_fighting_told_by_the_next_sentence():
    text = "Al-Shabaab fighters retook the town of Moqokori on Monday."
    nxt = "Residents said the soldiers had pulled out without firing a single shot."
    assert coded(text, following=nxt) == (Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY, "retook")
    assert coded(text, following="Residents said the fighting lasted for hours.") == (
        Sub.NON_STATE_ACTOR_OVERTAKES_TERRITORY, "retook")


def test_foreign_state_forces_taking_ground_are_no_government_regaining_it():
    text = "Russian forces captured the village of Robotyne on Monday."
    assert coded(text, country="Ukraine") == (Sub.NON_STATE_ACTOR_OVERTAKES_TERRITORY, "captured the village")


def test_protest_force_helper():
    sub, m = protest_force("Police fired tear gas at the marchers in Accra.")
    assert (sub, m.group(0)) == (Sub.PROTEST_WITH_INTERVENTION, "tear gas")
    sub, m = protest_force("Soldiers opened fire on protesters in Yangon, killing three.")
    assert sub == Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS
    # the grievance is no force used on the demonstrators
    assert protest_force("Nurses marched in Lima against the arrest of a colleague.") is None


def test_is_quoted_and_withdrawal():
    text = 'The governor said: "They attacked us at night." Police arrested two men.'
    assert is_quoted(text, text.index("attacked"))
    assert not is_quoted(text, text.index("arrested"))
    assert WITHDRAWAL.match("withdrew from")
    assert WITHDRAWAL.match("pulled out of")
    assert not WITHDRAWAL.match("captured")


@pytest.mark.parametrize(("text", "confidence"), [
    ("Security forces opened fire on demonstrators in Khartoum, killing four protesters.", 0.75),
    ("Police fired tear gas to disperse hundreds of students protesting tuition fees in Nairobi.", 0.8),
    ("Demonstrators threw stones at police and set fire to tyres in the centre of Conakry.", 0.8),
    ("Police clashed with and torched the stalls of vendors protesting in Harare.", 0.7),
    ("Two fighter jets violated the country's airspace over the northern border on Sunday.", 0.55),
    ("A drone strike hit a car near the town of Marib, killing three people.", 0.9),
    ("Police arrested 14 people in Chennai on Monday.", 0.6),
])
def test_confidence_of_a_reading(text, confidence):
    c = classify_sentence(text, find_actors(text, None))
    assert c is not None and c.confidence == confidence

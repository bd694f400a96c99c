"""ACLED's codebook on whole news sentences and short articles: the type each gets, end to end."""

import datetime as dt

import pytest

CODED = [
    ("The army dispatched hundreds of troops and armoured vehicles to the border district on Monday.",
     "Change to group/activity"),
    ("Government forces withdrew from the northern garrison town on Sunday, residents said.", "Change to group/activit"
                                                                                              "y"),
    ("Rebel forces withdrew from the town on Sunday and handed control to the regional militia.",
     "Non-violent transfer of territory"),
    ("Eight people were killed on Friday after two suicide bombers struck a crowded bus station.", "Suicide bomb"),
    ("Border guards intercepted 20 suspected members of an armed group near the frontier on Thursday.", "Arrests"),
    ("Students rioted in the capital on Tuesday after police shot dead a young vendor.", "Violent demonstration"),
    ("Police fired tear gas and water cannon to disperse crowds outside the ministry on Wednesday.",
     "Protest with intervention"),
    ("A roadside bomb blew up on Monday as police tried to defuse it, killing three officers and injuring two.",
     "Remote explosive/landmine/IED"),
    ("Police defused a bomb found near the market on Monday, days after a series of blasts killed 40 people.",
     "Disrupted weapons use"),
    ("The rebel group is mobilising its fighters for attacking the provincial capital, the governor said on Monday.",
     "Change to group/activity"),
    ("Settlers hurled stones at passing cars near the village on Saturday, damaging several vehicles.", "Mob violence"),
    ("A suspected thief was stabbed to death by residents in a food court on Sunday.", "Mob violence"),
    ("Four rebel forces were shot dead by soldiers near the river on Monday.", "Armed clash"),
    ("Gunmen attacked members of a local vigilance group in the village on Friday, killing two.", "Armed clash"),
    ("Police arrested 30 activists on Tuesday ahead of the tenth anniversary of the uprising.", "Arrests"),
    ("Three men accused of witchcraft were murdered by vigilantes in the village on Sunday.", "Mob violence"),
    ("Gunmen abducted six farmers and beat and wounded two others in the village on Sunday.", "Attack"),
    ("Soldiers thwarted and clashed with insurgents near the camp on Monday, killing five fighters.", "Armed clash"),
    ("Residents blocked the highway with burning logs on Tuesday to demand water supply; police dispersed them.",
     "Violent demonstration"),
    ("Soldiers set dozens of houses and a school on fire in the village on Friday.", "Looting/property destruction"),
    ("Hundreds of residents barricaded roads with burning tyres on Monday over power cuts.", "Violent demonstration"),
    ("Six military planes entered the air defence zone on Monday, prompting the air force to scramble fighter jets.",
     "Change to group/activity"),
    ("Soldiers raped several women as they dispersed demonstrators outside the ministry on Monday.", "Sexual violence"),
    ("Two new army brigades have been formed in the eastern region, the defence ministry said on Monday.",
     "Change to group/activity"),
    ("Troops recovered high-powered firearms following a clash with bandits on Saturday, the army said.",
     "Disrupted weapons use"),
    ("Troops retrieved the bodies of ten fighters killed last week and sappers defused dozens of landmines on Monday.",
     "Disrupted weapons use"),
    ("About 50 taxi drivers gathered outside the town hall on Monday to complain about new licence fees.",
     "Peaceful protest"),
    # force that leaves many protesters injured is excessive force, as ACLED codes serious injuries
    ("Dozens of demonstrators were injured when police fired rubber bullets and tear gas to disperse a march "
     "in the capital on Wednesday.", "Excessive force against protesters"),
    ("Police fired tear gas to disperse students protesting against fee increases on Wednesday; two officers "
     "were slightly hurt.", "Protest with intervention"),
    # demonstrators beaten with batons: violence that can cause serious injuries
    ("Riot police clubbed and kicked several demonstrators outside the electoral commission in Harare on Friday.",
     "Excessive force against protesters"),
    ("Student marchers were beaten with batons by police as they approached the governor's office on Monday.",
     "Excessive force against protesters"),
    # a trigger word inside an organisation's name is no trigger ("Accord", "Liberation", "Mobilization")
    ("Government of National Accord forces pulled out of the airbase on Tuesday and LNA units entered it without "
     "fighting.", "Non-violent transfer of territory"),
    # a gathering whose purpose the next sentence states; blockades however phrased; arrests at a stadium
    ("Several hundred dairy farmers gathered in Saint-Lo on Monday. They demanded a fair price for milk.",
     "Peaceful protest"),
    ("Hauliers blocked with their lorries the ring road around Lille on Tuesday to complain about diesel prices.",
     "Peaceful protest"),
    ("Climate activists continued to block a construction site near Bergen on Wednesday to oppose a new motorway.",
     "Peaceful protest"),
    ("Soldiers arrested five students at the city's football stadium in Mandalay on Tuesday.", "Arrests"),
    ("Tribesmen from two rival clans clashed near Marib on Sunday over a land dispute.", "Armed clash"),
    ("Army troops fired heavy weapons at the village of Kyaukmyaung on Thursday.",
     "Shelling/artillery/missile attack"),
    ("Insurgents blew up a bridge on the road between Gao and Ansongo on Saturday.", "Remote explosive/landmine/IED"),
    # ceasefire monitors' counts of fire, warships firing on fishermen, deportations, bombs that wounded
    ("Monitors recorded 120 shots and bursts involving small arms near Svitlodarsk on Tuesday.", "Armed clash"),
    ("Navy gunboats fired live bullets toward fishing boats off the coast of Sittwe on Monday.", "Attack"),
    ("Occupying forces forcibly deported 300 residents of Kherson to Crimea on Friday.",
     "Abduction/forced disappearance"),
    ("Three farmers were wounded by a roadside bomb near Kunduz on Sunday.", "Remote explosive/landmine/IED"),
    ("A new armed group announced its formation in Idlib on Thursday.", "Change to group/activity"),
    ("Twelve inmates escaped from the central prison of Maiduguri on Tuesday.", "Other"),
    ("Party cadres protested in Biratnagar on Monday against the nomination for the upcoming local elections.",
     "Peaceful protest"),
    # a crowd's weapons are no military weapons; rioting at the police is a violent demonstration
    ("Youths threw projectiles and fireworks at riot police in Grigny on Friday night.", "Violent demonstration"),
    ("Hooded youths hurled stones and Molotov cocktails at police near the university in Concepcion on Thursday.",
     "Violent demonstration"),
    ("Groups of youths set fire to 15 cars and several rubbish bins in Sevran on Saturday night.",
     "Violent demonstration"),
    ("Police arrested 40 people in Karachi on Sunday on charges of rioting and damaging public property.", "Arrests"),
    # "People's Militia" names no people; trucks carrying goods are civilian targets
    ("Government troops fired grenade launchers and small arms at positions of the Donetsk People's Militia near "
     "Horlivka on Monday.", "Armed clash"),
    ("KNLA fighters attacked trucks carrying fuel on the highway near Myawaddy on Monday.", "Attack"),
    # what demonstrators protest about is no violence of theirs
    ("Relatives of victims of violent crimes demonstrated outside the police headquarters in Fresno on Friday.",
     "Peaceful protest"),
    ("Residents blocked the main avenue in Maturin on Monday to demand repairs to the water network, which has been "
     "badly damaged.", "Peaceful protest"),
    ("Police conducted raids in three districts of Quetta on Saturday and arrested 40 people.", "Arrests"),
    ("Police arrested 30 gang members in San Pedro Sula on Monday under the charges of homicide, robbery and "
     "extortion.", "Arrests"),
    ("Security forces have taken away at least seven men from villages in Kech district, relatives said on Monday.",
     "Abduction/forced disappearance"),
    ("About 3,000 refugees from Sudan arrived in Adre on Monday, the UN refugee agency said.", "Other"),
    ("The air force said its jets on Friday struck a militant hideout near Dansadau, killing several fighters.",
     "Air/drone strike"),
    ("Bombs fired from rebel positions in the hills fell on the village of Mubambiro on Sunday, killing three "
     "civilians.", "Shelling/artillery/missile attack"),
    ("The bomb disposal squad defused an improvised device planted near a school in Pulwama on Tuesday.",
     "Disrupted weapons use"),
    ("Soldiers arrested 9 men during a raid in Tubas on Monday, adding that bulldozers had damaged roads.",
     "Arrests"),
    ("Unexploded ordnance went off in a field near Kupiansk on Monday, killing two children.",
     "Remote explosive/landmine/IED"),
    # drones dropping grenades, monitors' explosions, a convoy attacked with mines
    ("Rebel forces dropped fragmentation grenades using a drone on army positions near Popasna on Monday.",
     "Air/drone strike"),
    ("Monitors recorded 25 explosions involving unknown weapons near Svitlodarsk on Tuesday.",
     "Shelling/artillery/missile attack"),
    ("Resistance fighters attacked an army convoy travelling from Kalay towards the border with mines on Monday.",
     "Remote explosive/landmine/IED"),
    # a business's security guard and a detainee are civilians
    ("Two gunmen on a motorcycle shot and wounded the security guard of a bakery in Comayagua on Friday.", "Attack"),
    ("Police officers beat a detainee in custody at the district police station in Osh on Tuesday.", "Attack"),
    # ACLED's "Other" developments
    ("Forensic teams said a mass grave was discovered near Izium on Friday.", "Other"),
    ("Classes at a university in Nashville were suspended on Monday after a bomb threat.", "Other"),
    ("The government expelled 12 Russian diplomats from Oslo on Wednesday.", "Other"),
    ("Antisemitic flyers were found in driveways in Miami Beach on Sunday.", "Other"),
    ("A drone fired a missile at a pickup truck near Marib on Tuesday, killing two fighters.", "Air/drone strike"),
    ("Army helicopters fired rockets at rebel positions near Kidal on Tuesday.", "Air/drone strike"),
    ("Rebels fired a missile at a military helicopter near Kidal on Tuesday.", "Shelling/artillery/missile attack"),
    ("Falling debris from downed drones damaged a school in Sumy on Tuesday, injuring two people.", "Air/drone strike"),
    ("Air defences shot down 12 drones over the region on Tuesday, the air force said.", "Disrupted weapons use"),
    ("Police clashed with youths in the Moss Side area of Manchester on Tuesday.", "Violent demonstration"),
]


@pytest.mark.parametrize(("text", "sub"), CODED)
def test_codebook_rules_on_news_sentences(text, sub):
    import datetime as dt

    import eventcoder

    evs = eventcoder.extract(text, dt.date(2024, 3, 15))
    assert evs and evs[0].sub_event_type == sub


@pytest.mark.parametrize("text", [
    "Popular Mobilization Forces commanders met tribal leaders in Tikrit on Monday.",
    "Commanders of the Balochistan Liberation Army met in a hideout near the border on Monday.",
])
def test_trigger_word_inside_an_organisation_name_is_no_event(text):
    import datetime as dt

    import eventcoder

    assert eventcoder.extract(text, dt.date(2024, 3, 15)) == []


@pytest.mark.parametrize("text", [
    "Hundreds of residents gathered in the main square of Lyon on Sunday to watch the fireworks.",
    "Fans gathered in Milan on Saturday. They celebrated the title until dawn.",
    "The striker attacked the left flank and the team defeated the visitors at the football stadium.",
    "Police fired tear gas shells and stun grenades in Lahore on Monday.",
    "More than 2.1 million people have been displaced inside the country since April, the UN estimates.",
    "The bodies were taken to a funeral home in Tacloban on Monday.",
    "Witnesses said the crowd had been peaceful and that no one had attacked the governor's office in Ahvaz.",
    "Mediators are expected to meet in Doha this week in a new push for a ceasefire in Gaza.",
    "Officials have repeatedly accused the rebels of violating the truce in Tigray.",
    "A regional peacekeeping force has been deployed in the capital since June.",
    "Aid workers said thousands of displaced people were moving toward Goma on Tuesday.",
    "Turkey, which considers the PKK a terrorist group, regularly carries out drone strikes in northern Iraq.",
    "Officials said Turkish strikes had killed dozens of civilians in the region since 2015.",
    "More than 30 candidates were murdered in the run-up to the election, according to a consultancy.",
    "A 16-year-old died in Clichy on Tuesday when the scooter he was riding hit a police car that was following it.",
    "Two soldiers died when their army truck overturned on the highway near Mbeya on Sunday.",
    "The oversight authority has been asked to investigate the deaths of two protesters in Kisii.",
    "Traffic on the highway stayed closed for hours while the bomb disposal squad examined the site.",
    "Army engineers began clearing roads and checking for unexploded ordnance in Khiam on Thursday.",
])
def test_sentences_that_report_no_new_event(text):
    """A gathering with no purpose, a sports attack, police gear, a tally, a funeral home."""
    import datetime as dt

    import eventcoder

    assert eventcoder.extract(text, dt.date(2024, 3, 15)) == []


def test_tribesmen_are_a_communal_militia():
    import datetime as dt

    import eventcoder

    ev = eventcoder.extract("Tribesmen clashed with clansmen of a rival tribe near Marib on Sunday.",
                            dt.date(2024, 3, 15))[0]
    assert ev.actor1.inter == 4 and ev.actor1.name.startswith("Communal Militia")


def test_an_undated_lede_and_its_dated_account_are_one_event():
    import datetime as dt

    import eventcoder

    evs = eventcoder.extract(
        "An airstrike on a village in Myanmar's Magway region killed at least nine people, residents said.\n"
        "A military jet dropped two bombs on Kan Gyi village in Pauk township on Tuesday afternoon, killing nine "
        "villagers.", dt.date(2024, 3, 15))
    assert [(e.sub_event_type, e.date.date) for e in evs] == [("Air/drone strike", dt.date(2024, 3, 12))]


@pytest.mark.parametrize(("text", "sub"), [
    ("Gunmen shot dead two men outside a bar in Culiacan on Saturday. Prosecutors said one of the victims was a "
     "member of a local cartel.", "Armed clash"),
    ("Gunmen shot dead two shopkeepers outside a bar in Culiacan on Saturday. Police said the motive was unclear.",
     "Attack"),
])
def test_a_shooting_of_gang_members_is_an_armed_clash(text, sub):
    import datetime as dt

    import eventcoder

    assert eventcoder.extract(text, dt.date(2024, 3, 15))[0].sub_event_type == sub


def test_an_event_a_day_before_the_sentence_date_is_dated_that_day():
    import datetime as dt

    import eventcoder

    evs = eventcoder.extract("The government ordered a curfew in Guayaquil on Sunday, a day after gunmen stormed a pool"
                             " "
                             "hall and killed eight people.", dt.date(2025, 8, 11))
    attack = next(e for e in evs if e.sub_event_type == "Attack")
    assert attack.date.date == dt.date(2025, 8, 9)
    # a sentence with no date of its own: a day before the date it takes from the report
    evs = eventcoder.extract("The government and the rebels signed a truce in Arauca on Monday.\nThe truce came a day "
                             "after at least seven people were killed in fighting between two rebel factions near "
                             "Tame.", dt.date(2024, 5, 21))
    assert [(e.sub_event_type, e.date.date) for e in evs] == [("Agreement", dt.date(2024, 5, 20)),
                                                               ("Armed clash", dt.date(2024, 5, 19))]


# how sentences of one article combine: the same event told again is one event, a later one is another
ARTICLES = [
    # fighting that ends in a side taking the town is the takeover
    ("M23 rebels took control of the town of Kitshanga on Monday.\nClashes broke out early on Monday morning and by "
     "the afternoon the rebels had entered the town centre.",
     dt.date(2024, 1, 9), ["Non-state actor overtakes territory"]),
    # withdrawal then handover in next sentence is one transfer
    ("Foreign troops withdrew from the Qayyarah airbase south of Mosul on Sunday. "
     "They handed control of the base to the Iraqi army, officials said.",
     dt.date(2024, 3, 15), ["Non-violent transfer of territory"]),
    # a city and its district are one place of one event
    ("A Russian missile strike on a shopping area in Kharkiv killed seven people on Saturday.\n"
     "Two missiles hit the Saltivskyi district in the early afternoon, setting fire to a row of shops.",
     dt.date(2024, 5, 26), ["Shelling/artillery/missile attack"]),
    # a toll update or the attacker killed belongs to the event already coded
    ("A suicide bomber rammed an explosives-laden car into a police checkpoint in Bannu on Tuesday, killing "
     "three policemen.\nThe bomber was also killed in the blast, an official said.\nThe death toll rose to five "
     "on Wednesday after two wounded officers succumbed to their injuries.",
     dt.date(2024, 7, 18), ["Suicide bomb"]),
    # ground taken with no clashes reported is a non violent transfer
    ("Army troops took control of the town of Bulo Burde from al-Shabaab on Sunday. No clashes "
     "were reported.",
     dt.date(2024, 3, 15), ["Non-violent transfer of territory"]),
    # one strike told twice with different shooters is one event
    ("A Turkish drone strike on a vehicle in the Sidakan area of Erbil province in Iraq's Kurdistan region killed "
     "two PKK fighters on Monday.\nThe mayor of Sidakan sub-district said the drone targeted a car on the road "
     "between Sidakan and the village of Sargali.\nIraq's foreign ministry condemned the strike.",
     dt.date(2024, 9, 24), ["Air/drone strike"]),
    # arrests at a demonstration belong to it and later arrests do not
    ("Police fired tear gas to disperse hundreds of students who marched on parliament in Colombo on Tuesday.\n"
     "Six students were arrested and will be produced before a magistrate.",
     dt.date(2025, 6, 25), ["Protest with intervention"]),
    # arrests at a demonstration belong to it and later arrests do not
    ("Police fired tear gas to disperse hundreds of students who marched on parliament in Colombo on Tuesday.\n"
     "On Thursday, police arrested six student leaders at their homes in Kandy.",
     dt.date(2025, 6, 27), ["Protest with intervention", "Arrests"]),
]


@pytest.mark.parametrize(("text", "published", "subs"), ARTICLES)
def test_sentences_of_one_article_combine_into_its_events(text, published, subs):
    import eventcoder

    assert [e.sub_event_type for e in eventcoder.extract(text, published)] == subs

import datetime as dt

import pytest

import eventcoder
from eventcoder.extract import factuality
from eventcoder.extract.factuality import CHECKS, reason_not_coded
from eventcoder.extract.taxonomy import Sub
from eventcoder.extract.when import find_dates

PUB = dt.date(2024, 3, 15)


@pytest.mark.parametrize("text", [
    "The militants threatened to attack the town if the army did not withdraw.",
    "Unions said they will march on parliament next Friday.",
    "In October 2017, insurgents killed 40 villagers in the district.",
    "Bandits are also ambushing travellers on the highways, residents say.",
    "A court sentenced two men to death for the 2015 bombing of a bus station that killed 30 people.",
    "The striker's late attack killed off the match as the visitors were shot down in the second half.",
    "Lawmakers clashed over the budget and the opposition killed the bill.",
    "The army denied reports that soldiers had killed civilians.",
])
def test_not_coded(text):
    assert eventcoder.extract(text, PUB) == []


def test_recent_real_event_is_coded():
    evs = eventcoder.extract("Gunmen killed four farmers in Guma on Tuesday, police said.", PUB)
    assert [e.sub_event_type for e in evs] == ["Attack"]
    assert evs[0].fatalities.count == 4
    assert evs[0].date.date == dt.date(2024, 3, 12)


@pytest.mark.parametrize("text", [
    "Hundreds of lawyers protested outside the High Court in Lahore on Wednesday against the arrest of a colleague.",
    "Veterans marched through the capital on Tuesday to commemorate the war dead and demand higher pensions.",
    "Dozens of residents gathered in front of the town hall on Monday to demand clean water.",
    "Farmers blocked the main Kisumu highway on Tuesday over unpaid crop deliveries.",
])
def test_demonstration_at_court_or_anniversary_is_coded(text):
    evs = eventcoder.extract(text, PUB)
    assert [e.event_type for e in evs] == ["Protests"]


def test_lede_dated_months_before_publication_is_coded_but_later_background_is_not():
    lede = "On 2 November 2023, teachers staged a protest in Kisumu demanding unpaid salaries."
    assert [e.sub_event_type for e in eventcoder.extract(lede, PUB)] == ["Peaceful protest"]
    later = "Police said on Monday the situation was calm. " + lede
    assert eventcoder.extract(later, PUB) == []


def test_story_genre_from_headline():
    from eventcoder.extract.factuality import story_genre
    assert story_genre("Court jails two for life over 2019 market bombing") == "court report"
    assert story_genre("Review: a quiet film about a long war") == "review"
    assert story_genre("Gunmen kill six at a bar in Celaya") is None


def test_undated_sentences_of_a_review_or_old_story_are_not_coded():
    review = ("Review: a quiet film about the siege of a mountain town\n"
              "The director keeps the camera inside one house while shelling rattles the windows. "
              "A boy counts every explosion in his diary.")
    assert eventcoder.extract(review, PUB) == []
    feature = ("Forty years on, a village remembers its dead\n"
               "On 4 May 1984, soldiers surrounded the village at dawn. By noon they had opened fire on the "
               "crowd in the square, and dozens were killed.")
    assert eventcoder.extract(feature, PUB) == []


def test_mine_attack_and_protest_with_a_legislature_in_it():
    evs = eventcoder.extract("Rebels attacked an army convoy with landmines near Tabayin on Monday, killing two "
                             "soldiers.", PUB)
    assert [e.sub_event_type for e in evs] == ["Remote explosive/landmine/IED"]
    evs = eventcoder.extract("Dozens of nurses gathered outside the provincial assembly on Tuesday to demand that "
                             "lawmakers pass the health workers bill.", PUB)
    assert [e.sub_event_type for e in evs] == ["Peaceful protest"]


def test_match_report_recognised_from_its_lede():
    from eventcoder.extract.factuality import story_genre

    lede = ("Kenya's Harambee Stars beat Gambia 2-1 in an Africa Cup of Nations qualifier at Nyayo Stadium "
            "on Sunday.")
    assert story_genre("Stars shoot down Scorpions", lede) == "sport"
    # a sports word alone is not a match report: a stadium attack is news
    assert story_genre("Gunmen storm stadium", "Gunmen attacked a football stadium in Mogadishu on Friday, "
                                              "killing three guards.") is None


@pytest.mark.parametrize("text", [
    "Insurgent cells continue to carry out sporadic attacks on army posts in the hills.",
    "The town, which lies on the main highway to the coast, has been a frequent target of air strikes.",
    "The ruling council, which came to power in a 2021 coup, has expelled the ambassador.",
    "Farmers are returning to fields left empty by more than a year of hostilities along the border.",
    "The port city has seen homicides soar as rival gangs fight over smuggling routes.",
    "Bomb attacks on buses have been a recurring concern in the province.",
    "The rights commission said it had received 26 complaints of people picked up by armed men since the start "
    "of the campaign.",
    "Fano, a loose network of village fighters that fought alongside the army in the last war, turned "
    "against the government in April.",
    "The CSP, the coalition of armed groups fighting the army in the north, blamed the government.",
    "The president appealed for more air defence systems, saying cities remained exposed to missile and drone attacks.",
    "Three people were seriously injured and evacuated to the district health centre.",
    "The provincial council blamed \"rioters and armed elements linked to foreign enemies\" for the unrest.",
    "The oversight authority had been asked to investigate the Kisii deaths and the officers involved.",
])
def test_ongoing_habitual_and_old_statements_are_not_coded(text):
    assert eventcoder.extract(text, PUB) == []


def test_a_dated_attack_that_continues_a_campaign_is_coded():
    evs = eventcoder.extract("Gunmen killed three traders in Guma on Tuesday as attacks continue to rise, police "
                             "said.", PUB)
    assert [e.sub_event_type for e in evs] == ["Attack"]


def test_a_dated_event_beside_a_period_or_a_trend_is_coded():
    evs = eventcoder.extract("Police are investigating the killing of a trader in Kisii on Tuesday.", PUB)
    assert [e.sub_event_type for e in evs] == ["Attack"]
    evs = eventcoder.extract("A ceasefire was agreed on Tuesday between two rival militias in the old town following "
                             "a week of heavy fighting.", PUB)
    assert [e.sub_event_type for e in evs] == ["Agreement"]
    evs = eventcoder.extract("After two days of fighting, rebels captured the town of Kidal on Tuesday.", PUB)
    assert [e.sub_event_type for e in evs] == ["Non-state actor overtakes territory"]
    evs = eventcoder.extract("Gunmen killed four people on Tuesday in a town that has seen attacks rise this year.",
                             PUB)
    assert [e.sub_event_type for e in evs] == ["Attack"]


def test_a_group_described_in_passing_does_not_hide_its_new_attack():
    evs = eventcoder.extract("The FLA, a coalition that seized the city in 2012, attacked an army post near Anefis "
                             "on Tuesday, killing four soldiers.", PUB)
    assert [(e.sub_event_type, e.fatalities.count) for e in evs] == [("Armed clash", 4)]


# ---- the named checks of reason_not_coded, called on one sentence and its trigger ----

def _args(sentence, trigger, sub, published, lede):
    i = sentence.index(trigger)
    return sentence, i, i + len(trigger), find_dates(sentence, published), published, sub, lede


def why(sentence, trigger, sub=None, published=PUB, lede=False):
    return reason_not_coded(*_args(sentence, trigger, sub, published, lede))


def deciding_check(sentence, trigger, sub=None, published=PUB, lede=False):
    t = factuality._told(*_args(sentence, trigger, sub, published, lede))
    return next((c.__name__ for c in CHECKS if c(t) is not None), None)


def test_checks_keep_their_order():
    assert [c.__name__ for c in CHECKS] == [
        "_background", "_decade", "_fire_fighting", "_accident", "_fiction", "_cumulative_tally", "_generic",
        "_attribution", "_period", "_follow_up", "_trend", "_history", "_court_report", "_not_a_conflict_sense",
        "_cyber", "_modal", "_not_held", "_reaction",
        "_conditional", "_threatened", "_next_time", "_negated", "_expected", "_denied", "_ongoing",
        "_habitual_present", "_continues", "_habitual_cue",
    ]
    assert all(c.__doc__ for c in CHECKS)


@pytest.mark.parametrize(("sentence", "trigger", "sub", "check", "reason"), [
    ("In October 2017, insurgents killed 40 villagers in the district.", "killed", None,
     "_background", "background"),
    ("A teacher died on Monday when the motorcycle he was riding collided with a truck in Mbale.", "died", None,
     "_accident", "accident"),
    ("More than 4,000 people have been killed in the region since January, the UN said.", "killed", None,
     "_cumulative_tally", "cumulative tally"),
    ("Coastal towns remain vulnerable to drone attacks, officials said.", "attacks", None, "_generic", "generic"),
    ("The governor blamed militants for the unrest in the north.", "militants", None,
     "_attribution", "attribution"),
    ("Residents returned to the valley after three years of fighting.", "fighting", None, "_period", "period"),
    ("A truce was signed on Tuesday following a week of clashes in the old town.", "clashes", None,
     "_period", "period"),
    ("Lawyers asked the commission to probe the Garissa killings.", "killings", None, "_follow_up", "follow-up"),
    ("The border district has seen kidnappings rise as gangs fight for control.", "kidnappings", None,
     "_trend", "trend"),
    ("Veterans laid wreaths at the memorial on the anniversary of the massacre at Sabra.", "massacre", None,
     "_history", "history"),
    ("A court in Nairobi sentenced three men for the killing of a police officer.", "killing", None,
     "_court_report", "court report"),
    ("The striker's attack in the second half won the football match for the visitors.", "attack", None,
     "_not_a_conflict_sense", "not a conflict sense"),
    ("Rebels could attack the town within days, aid workers said.", "attack", None,
     "_modal", "future or hypothetical"),
    ("Opposition parties have called off a rally in Harare after talks with the police.", "rally", None,
     "_not_held", "called off"),
    ("Militants said they would free the hostages if the army halted its raids.", "raids", None,
     "_conditional", "hypothetical"),
    ("The militia warned of attacks on convoys along the highway.", "attacks", None,
     "_threatened", "future or hypothetical"),
    ("Unions announced a march on parliament next week.", "march", None, "_next_time", "future"),
    ("Police said officers did not fire at the crowd.", "fire", None, "_negated", "negated"),
    ("Mediators are expected to meet this week in a new push for a ceasefire.", "ceasefire", None,
     "_expected", "future"),
    ("The army denied reports that soldiers had killed civilians in the village.", "killed", None,
     "_denied", "denied"),
    ("Bandits are also ambushing travellers on the highways.", "ambushing", None,
     "_ongoing", "habitual or ongoing"),
    ("Gunmen kidnap travellers on the road to Kaduna.", "kidnap", None, "_habitual_present", "habitual"),
    ("Sleeper cells continue to carry out sporadic attacks in the desert.", "attacks", None,
     "_continues", "habitual or ongoing"),
    ("The camp is frequently raided by armed men.", "raided", None, "_habitual_cue", "habitual"),
    ("Police have often clashed with squatters at the site.", "clashed", None, "_habitual_cue", "habitual"),
])
def test_named_check_gives_its_reason(sentence, trigger, sub, check, reason):
    assert why(sentence, trigger, sub) == reason
    assert deciding_check(sentence, trigger, sub) == check


@pytest.mark.parametrize(("sentence", "trigger", "sub"), [
    ("Gunmen killed four farmers in Guma on Tuesday, police said.", "killed", None),
    # a killing beside a vehicle: no accident
    ("A teacher died on Monday after gunmen shot him near his home in Mbale.", "died", None),
    # a demonstration with a demand, held on an anniversary
    ("Students marched on the anniversary of the massacre to demand justice for the victims.", "marched",
     Sub.PEACEFUL_PROTEST),
    # forces moving somewhere are news of a movement, not a habit
    ("Troops are moving towards the town of Bakhmut.", "moving", Sub.CHANGE_TO_GROUP_ACTIVITY),
    # dated: no habit
    ("Armed herders raided farms in the valley on Tuesday.", "raided", None),
])
def test_real_recent_event_has_no_reason(sentence, trigger, sub):
    assert why(sentence, trigger, sub) is None
    assert deciding_check(sentence, trigger, sub) is None


def test_a_demonstration_is_no_cumulative_tally():
    text = "More than 4,000 workers have been arrested in the region since January."
    assert why(text, "arrested") == "cumulative tally"
    assert why(text, "arrested", Sub.PROTEST_WITH_INTERVENTION) != "cumulative tally"


def test_a_lede_keeps_its_own_date_for_a_year():
    text = "On 2 November 2023, teachers staged a protest in Kisumu demanding unpaid salaries."
    assert why(text, "staged a protest", Sub.PEACEFUL_PROTEST, lede=True) is None
    assert why(text, "staged a protest", Sub.PEACEFUL_PROTEST) == "background"


def test_a_month_and_year_is_background_without_a_publication_date():
    text = "In October 2017, insurgents killed 40 villagers in the district."
    assert why(text, "killed", published=None) == "background"
    assert why("Insurgents killed 40 villagers in the district on Tuesday.", "killed", published=None) is None


@pytest.mark.parametrize("text", [
    # an attack or a theft on computers, told by its modifier
    "The bank's website was knocked offline by a denial-of-service attack on Tuesday.",
    "Police warned on Monday that online identity theft had doubled among pensioners.",
    "The company said a computer virus attack had slowed its network on Wednesday.",
    # an obligation in a game, not an event
    "In the sequel, players must fight rebels and robots in the ruins of a city.",
])
def test_computer_attacks_and_obligations_are_not_coded(text):
    assert eventcoder.extract(text, PUB) == []


def test_an_attack_on_a_computer_shop_by_gunmen_is_still_an_attack():
    text = "Gunmen attacked a computer shop in Kano on Tuesday, killing the owner."
    assert [e.sub_event_type for e in eventcoder.extract(text, PUB)] == ["Attack"]


@pytest.mark.parametrize("text", [
    "Opposition parties in Harare have called off a rally planned for Saturday after talks with the police.",
    "Teachers' unions in Nairobi postponed the strike on Monday.",
    "A march planned for next week in Dhaka has drawn support from students.",
    "The new law curbs the right to protest outside parliament in Kampala.",
])
def test_an_event_called_off_only_planned_or_a_right_is_not_coded(text):
    assert eventcoder.extract(text, PUB) == []


def test_an_event_that_happened_although_another_was_called_off_is_coded():
    evs = eventcoder.extract("On Monday, police in Nairobi cancelled the rally, but hundreds of students "
                             "marched to the ministry anyway.", PUB)
    assert [e.sub_event_type for e in evs] == ["Peaceful protest"]


@pytest.mark.parametrize(("text", "coded"), [
    ("The advert was met with protests by the National Council for Adoption, which said it exploits grief.", False),
    ("The new posters caused Tory protests last month.", False),
    ("The killing of the student sparked protests in Nairobi on Tuesday.", True),
    ("The verdict sparked protests, with thousands marching through the city centre of Dakar.", True),
])
def test_protests_as_the_reaction_a_deed_drew_are_complaints_unless_people_gather(text, coded):
    assert bool(eventcoder.extract(text, PUB)) is coded

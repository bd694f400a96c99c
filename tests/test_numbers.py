import pytest

from eventcoder.extract.numbers import parse_number, sentence_fatalities, split_total


@pytest.mark.parametrize("words,value", [("seven", 7), ("1,200", 1200), ("twenty-one", 21), ("dozens", 12),
                                         ("several", 10), ("many", 10), ("hundreds", 100), ("at least 4", 4)])
def test_parse_number(words, value):
    assert parse_number(words) == value


@pytest.mark.parametrize("sentence,count", [
    ("At least seven civilians were killed in two separate car bombings.", 7),
    ("Gunmen killed five villagers and abducted 12 others.", 5),
    ("The blast killed three soldiers and wounded 14 others.", 3),
    ("Twelve people were injured in the attack.", 0),
    ("Dozens of people were killed when militants stormed the market.", 12),
    ("Several soldiers were killed in the ambush.", 10),
    ("The death toll rose to 15, although other reports said 18.", 15),
    ("There were no fatalities.", 0),
    ("The strike killed two fighters and three civilians.", 5),
    # killers counted before an active verb are not the dead
    ("Several armed men shot and killed a trader in the market.", 1),
    ("Three gunmen killed two farmers near Jos.", 2),
    ("Several people were killed the same night.", 10),
    # a range is its lowest figure
    ("Between 2-3 fighters were shot dead at the checkpoint.", 2),
    # "died" with no noun; groups joined by "and" under a claim of responsibility add up
    ("One died on the spot.", 1),
    ("Two of them later died in hospital.", 2),
    ("The group claimed it shot dead one soldier and one police officer.", 2),
    # "another" counts one
    ("Another civilian was shot dead in the town on Wednesday.", 1),
    ("A guard was killed and another wounded.", 1),
    # one person told as "he" or "the man"
    ("He was killed in the attack, police said.", 1),
    ("The man later died at the hospital.", 1),
    ("The man was arrested two days later.", 0),
    # bodies found are the dead
    ("A farmer's body was found on the road to Gao on Monday.", 1),
    ("Three young men's bodies were found in an irrigation canal near Daraa.", 3),
])
def test_sentence_fatalities(sentence, count):
    assert sentence_fatalities(sentence)[0] == count


def test_split_total_preserves_sum():
    assert split_total(7, 2) == [4, 3]
    assert split_total(10, 3) == [4, 3, 3]
    assert sum(split_total(11, 4)) == 11


def test_toll_in_a_following_sentence_counts_and_protested_deaths_do_not():
    import datetime as dt

    import eventcoder
    evs = eventcoder.extract("Soldiers clashed with rebels near Fundong on Monday. Four rebels were killed and "
                             "another was injured.", dt.date(2024, 3, 15))
    assert [e.sub_event_type for e in evs] == ["Armed clash"] and evs[0].fatalities.count == 4
    evs = eventcoder.extract("Hundreds protested in Lagos on Monday against the killing of two traders by police.",
                             dt.date(2024, 3, 15))
    assert [e.sub_event_type for e in evs] == ["Peaceful protest"] and evs[0].fatalities.count == 0

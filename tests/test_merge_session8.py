"""One occurrence told in several sentences is one event: an agreement told from either party's side, arrests
made at a demonstration, the narrative's day going on, "the dead" and a backdrop's toll (no new events)."""

import datetime as dt
import warnings

import eventcoder

PUB = dt.date(2025, 4, 11)  # a Friday


def _extract(text, pub=PUB):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return eventcoder.extract(text, pub)


def _subs(events):
    return [(e.sub_event_type, e.date.date) for e in events]


def test_an_agreement_told_from_both_sides_is_one_event():
    text = ("The government of South Sudan and the SPLM-IO signed a ceasefire agreement in Juba on Thursday.\n\n"
            "SPLM-IO commanders agreed to withdraw their fighters from the frontline under the agreement, "
            "a spokesman said in Juba.")
    events = _extract(text)
    assert [e.sub_event_type for e in events].count("Agreement") == 1


def test_arrests_at_a_protest_fold_into_it():
    text = ("Hundreds of students marched to the parliament in Dhaka on Thursday to demand lower tuition fees.\n\n"
            "Police fired tear gas to disperse the marchers near the Shahbagh intersection in Dhaka.\n\n"
            "Nine students were arrested and taken to the Ramna police station in Dhaka.")
    events = _extract(text)
    assert _subs(events) == [("Protest with intervention", dt.date(2025, 4, 10))]
    assert len(events[0].sentences) == 3


def test_arrests_on_a_day_of_their_own_stay_apart():
    text = ("Hundreds of opposition supporters clashed with police in Lahore on Wednesday, hurling stones at "
            "officers and setting a police van on fire.\n\n"
            "On Thursday morning, police conducted raids across Lahore and arrested 80 people on charges of rioting.")
    events = _extract(text)
    assert ("Arrests", dt.date(2025, 4, 10)) in _subs(events)
    assert ("Violent demonstration", dt.date(2025, 4, 9)) in _subs(events)


def test_an_undated_sentence_keeps_the_day_the_story_just_told():
    text = ("Fighting between two rival armed groups erupted in Zawiya on Tuesday, 8 April, residents said.\n\n"
            "Several houses and shops were damaged in the fighting and families fled to other districts.\n\n"
            "On Thursday, elders announced that both groups had agreed to a ceasefire.")
    events = _extract(text)
    assert ("Armed clash", dt.date(2025, 4, 8)) in _subs(events)
    assert not any(e.sub_event_type == "Looting/property destruction" for e in events)


def test_the_dead_is_no_new_event():
    text = ("Police killed four suspected gang members in a shootout in the Complexo da Mare, Rio de Janeiro, "
            "on Tuesday.\n\n"
            "Relatives of one of the dead men, a 19-year-old delivery driver, said he was unarmed.")
    events = _extract(text)
    assert len(events) == 1


def test_the_toll_of_a_backdrop_is_not_the_sentences_event():
    text = ("A ceasefire was agreed on Thursday in Zawiya following a day of heavy fighting that killed four "
            "people, including a civilian.")
    events = _extract(text)
    assert [e.sub_event_type for e in events] == ["Agreement"]


def test_rival_armed_groups_clash_not_attack():
    text = "Clashes between two rival armed groups killed three people in Tripoli on Wednesday, medics said."
    assert [e.sub_event_type for e in _extract(text)] == ["Armed clash"]


def test_a_fee_charged_at_a_market_is_no_intervention():
    text = ("Hundreds of traders marched through Kisumu on Thursday to protest against a new daily levy charged "
            "at the central market.")
    assert [e.sub_event_type for e in _extract(text)] == ["Peaceful protest"]


def test_police_charging_at_protesters_is_an_intervention():
    text = "Riot police charged at the protesters outside the Kisumu county offices on Thursday."
    assert [e.sub_event_type for e in _extract(text)] == ["Protest with intervention"]


def test_the_charge_someone_is_accused_of_is_no_event():
    text = ("The singer appeared in court in Los Angeles on Thursday, where he is accused of killing his former "
            "manager in 2019.")
    assert _extract(text) == []


def test_arrests_of_men_accused_of_killing_are_the_arrests():
    text = "Police in Makurdi on Thursday arrested three men accused of killing a farmer, a spokesman said."
    assert [e.sub_event_type for e in _extract(text)] == ["Arrests"]


def test_a_word_modifying_another_noun_names_no_event():
    text = ("The channel was criticised for a new drama about murder scene scientists, and the director said "
            "the attack ads had backfired.")
    assert _extract(text) == []


def test_a_fund_or_a_firm_taken_over_is_no_territory():
    assert _extract("Last week the agency took control of the pilots' pension scheme at a Chicago airline.") == []
    assert _extract("The oil firm will not let go of its Siberian unit without a fight, its lawyers said.") == []


def test_ground_taken_by_armed_men_stays_territory():
    assert [e.sub_event_type for e in _extract("Rebels captured Kidal on Tuesday, residents said.")] == [
        "Non-state actor overtakes territory"]


def test_an_event_known_by_its_name_or_remembered_is_an_old_one():
    assert _extract("The minister opposed lifting the arms embargo imposed after the Tiananmen Square massacre.") == []
    assert _extract("The concert raised $150m to help victims of the suicide attacks on New York in 2001.") == []
    assert [e.sub_event_type for e in _extract(
        "Hundreds marched in Srebrenica on Friday on the anniversary of the massacre.")] == ["Peaceful protest"]


def test_arrests_over_an_attack_are_the_arrests():
    text = "Police in Ondo State arrested two suspects over the attack on a church in Owo on Thursday."
    assert [e.sub_event_type for e in _extract(text)] == ["Arrests"]


_FILLER = ("The committee will meet again next month to discuss the budget. Members said the talks had been "
           "useful. A report is due before the summer recess. The chairman thanked the staff for their work. "
           "Several amendments were tabled by the opposition. The minister is expected to reply in writing. "
           "The next session opens after the holiday. ")


def test_words_of_violence_with_no_date_place_or_count_are_no_event_in_an_article():
    assert _extract(_FILLER + "But the ministry said its policy condemns and prohibits torture of detainees.") == []
    assert _extract(_FILLER + "Also arrested were the singer's manager and members of her family.") == []


def test_a_snippet_is_left_to_its_words():
    assert [e.sub_event_type for e in _extract("Police fired tear gas at protesters.")] == [
        "Protest with intervention"]


def test_an_anchored_event_keeps_its_unanchored_continuation():
    text = (_FILLER + "Gunmen attacked the village of Kurmin Masara in Kaduna State on Sunday, killing three "
            "residents.\n\nThe attackers also abducted the village head, residents said.")
    subs = [e.sub_event_type for e in _extract(text)]
    assert "Attack" in subs and "Abduction/forced disappearance" in subs


def test_the_anchor_rule_is_told_in_the_diagnostics():
    from eventcoder import Article, code_article

    r = code_article(Article(body=_FILLER + "Police fired tear gas at protesters.", published=PUB))
    assert list(r.events) == []
    assert [d.code for d in r.diagnostics] == ["no-anchor"]
    r = code_article(Article(body=_FILLER + "Police fired tear gas at protesters in Nairobi.", published=PUB))
    assert [e.sub_event_type for e in r.events] == ["Protest with intervention"]


def test_residents_accusing_soldiers_of_a_killing_report_it():
    text = "Residents accused soldiers of killing five civilians in Kidal on Monday."
    assert [e.sub_event_type for e in _extract(text)] == ["Attack"]

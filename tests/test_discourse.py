"""Rules across sentences (extract/discourse.py), each on a document run up to the component it follows."""

import datetime as dt

import pytest

from eventcoder import Article, Pipeline
from eventcoder.extract import discourse

PUB = dt.date(2024, 4, 18)


def _doc(text: str, until: str = "dates"):
    return Pipeline().document(Article(text, PUB), until=until)


def test_document_until_a_component_stops_there():
    d = _doc("Protesters marched in Accra on Tuesday.", until="prefilter")
    assert d.kept == (0,) and d.places is None and d.mentions == ()
    with pytest.raises(KeyError, match="no component named 'nothing'"):
        Pipeline().document(Article("x"), until="nothing")


@pytest.mark.parametrize(("text", "sub"), [
    ("Thousands of teachers marched through Lusaka on Monday. The protesters later pelted police with stones.",
     "Violent demonstration"),
    ("Hundreds of farmers rallied outside parliament in Nairobi on Monday. Police fired tear gas to disperse them.",
     "Protest with intervention"),
    ("Hundreds of farmers rallied outside parliament in Nairobi on Monday. They sang and waved flags.",
     "Peaceful protest"),
    # scuffles or clashes breaking out are the crowd's physical clashes: the codebook's violent demonstration
    ("Several thousand dockers marched through Antwerp on Thursday. There were scuffles near the port office.",
     "Violent demonstration"),
    ("Miners rallied in La Paz on Wednesday against the new mining law. Clashes broke out near the main square.",
     "Violent demonstration"),
    ("Opposition supporters marched in Conakry on Thursday. The Bambeto district was the scene of escalating "
     "violence by nightfall.", "Violent demonstration"),
])
def test_a_protest_is_coded_by_what_the_next_sentences_report(text, sub):
    d = _doc(text)
    assert discourse.protest_followup("Peaceful protest", d.sentences[0], d) == sub


def test_only_a_peaceful_protest_is_upgraded():
    d = _doc("Gunmen shot dead a farmer in Benue on Monday. The attackers later pelted police with stones.")
    assert discourse.protest_followup("Attack", d.sentences[0], d) == "Attack"


def test_a_shooting_whose_victims_were_gang_members_is_a_clash():
    d = _doc("Gunmen shot dead four men in Tijuana on Sunday. Police said the victims were members of a cartel.")
    assert discourse.armed_victim_followup("Attack", d.sentences[0], d) == "Armed clash"
    d = _doc("Gunmen shot dead four men in Tijuana on Sunday. Police said the victims were farm workers.")
    assert discourse.armed_victim_followup("Attack", d.sentences[0], d) == "Attack"


def test_the_toll_told_in_the_next_sentence_counts_for_the_event():
    d = _doc("Gunmen attacked a bus near Mopti on Friday. 3 fatalities.", until="mentions")
    assert [m.sentence.index for m in d.mentions] == [0]
    tolls = discourse.toll_sentences(d, list(d.mentions))
    assert len(tolls) == 1 and tolls[0].fatalities == 3 and tolls[0].sentence.index == 1
    assert tolls[0].sub_event_type == d.mentions[0].sub_event_type


def test_a_toll_of_another_event_or_one_dated_on_its_own_does_not_count():
    d = _doc("Gunmen attacked a bus near Mopti on Friday. Elsewhere, 3 fatalities.", until="mentions")
    assert discourse.toll_sentences(d, [d.mentions[0]]) == []
    d = _doc("Gunmen attacked a bus near Mopti on Friday. \"3 fatalities,\" a witness said.", until="mentions")
    assert discourse.toll_sentences(d, [d.mentions[0]]) == []


def test_a_summary_followed_by_the_events_it_sums_up_is_dropped():
    d = _doc("Five civilians were killed in separate attacks in Ituri on Tuesday. In Djugu, militiamen shelled a "
             "camp on Tuesday. In Irumu, a roadside bomb hit a bus on Tuesday.", until="mentions")
    kept = discourse.without_summaries(list(d.mentions))
    assert 0 not in [m.sentence.index for m in kept]
    assert len(kept) == len(d.mentions) - 1


def test_a_withdrawal_then_the_handover_of_its_ground_is_one_transfer():
    d = _doc("French troops withdrew from the Menaka base on Monday. They handed control of the camp to the "
             "Malian army.", until="summaries")
    subs = [m.sub_event_type for m in d.mentions]
    if subs == ["Change to group/activity", "Non-violent transfer of territory"]:
        out = discourse.handed_over(list(d.mentions))
        assert [m.sub_event_type for m in out] == ["Non-violent transfer of territory"] * 2
    else:  # the rules already coded both sentences as the transfer
        assert "Non-violent transfer of territory" in subs


def test_the_story_is_told_in_the_past_after_an_old_dated_lede():
    d = _doc("In March 2019, soldiers massacred villagers in Ogossagou. Survivors still mourn.")
    assert d.dates.background[0] is True and d.dates.background[1] is True
    d = _doc("Soldiers killed villagers in Ogossagou on Monday. Survivors fled.")
    assert d.dates.background[0] is False


def test_restates_folds_the_blast_into_the_event_just_told():
    d = _doc("A car bomb exploded near a market in Mogadishu on Saturday, killing six people. The blast "
             "damaged several shops.", until="mentions")
    assert len({m.sub_event_type for m in d.mentions}) == 1
    assert [m.sentence.index for m in d.mentions] in ([0], [0, 1])

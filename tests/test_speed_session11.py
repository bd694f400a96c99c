"""Session 11's speed-ups that must not change a match or a decision: the trigger groups searched only where
the prefilter's index says they may match, the patterns compiled on first use, the date and domain patterns
matched by their lower-cased twins, and spaCy imported without its command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder import knowledge
from eventcoder.bench import bench_set
from eventcoder.extract import participants, when

SENTENCES = [
    "Gunmen killed five villagers in an attack on Tuesday night near Maiduguri.",
    "Police fired tear gas at protesters who had gathered outside parliament in Nairobi.",
    "Troops recaptured the town of Kidal from rebels after two days of fighting.",
    "Security forces arrested 40 people on charges of rioting and looting shops.",
    "A car bomb exploded near a checkpoint in Mogadishu; an air strike hit a depot later.",
    "The minister signed a memorandum of understanding on trade.",
    "ſoldiers and ſuicide bombers: a long s that re.I reads as an s.",
    "İnsurgents and mılitants KILLED three with a dotless i.",
    "SOLDIERS OPENED FIRE ON DEMONSTRATORS IN THE CAPITAL.",
    "",
]
WORDS = ["attack", "Attack", "killed", "air", "strikes", "-", " ", ",", "march", "ed", "ſ", "İ", "ı", "\u212a",
         "police", "fired", "tear", "gas", "arrested", "looted", "abducted", "shelled", "bomb", "exploded",
         "clashes", "protest", "ers", "the", "drone", "s", "9", "é", "soldiers", "mob", "a", "of", "rebels"]


def groups_matching(text: str) -> set[str]:
    return {k for k, rx in knowledge.trigger_patterns().items() if rx.search(text)}


def assert_no_group_left_out(text: str) -> None:
    may = knowledge.possible_triggers(text)
    if may is not None:
        assert groups_matching(text) <= may, text


@pytest.mark.parametrize("text", SENTENCES)
def test_a_trigger_group_left_out_has_no_match(text: str) -> None:
    assert_no_group_left_out(text)


def test_the_index_leaves_groups_out_and_keeps_the_matching_ones() -> None:
    text = "Gunmen killed five villagers in an attack near Maiduguri."
    may = knowledge.possible_triggers(text)
    assert may is not None and groups_matching(text) <= may
    assert len(may) < len(knowledge.trigger_patterns())  # most groups are not searched at all
    assert knowledge.possible_triggers("ſoldiers attacked") is None  # fold cannot lower it: every group


def test_no_group_left_out_in_the_bench_set() -> None:
    for a in bench_set():
        for sentence in a.text.split(". "):
            assert_no_group_left_out(sentence)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14).map("".join))
def test_no_group_left_out_of_any_string_of_trigger_pieces(text: str) -> None:
    assert_no_group_left_out(text)


def test_lazy_patterns_compile_a_group_on_first_use_only(monkeypatch: pytest.MonkeyPatch) -> None:
    compiled: list[list[str]] = []
    real = knowledge.compile_patterns
    monkeypatch.setattr(knowledge, "compile_patterns", lambda p: compiled.append(p) or real(p))
    pats = knowledge.LazyPatterns({"shelling": [r"shell(?:ed|ing)"], "looting": [r"loot(?:ed|ing)"]})
    assert list(pats) == ["shelling", "looting"] and len(pats) == 2 and not compiled
    assert pats["shelling"].search("Troops SHELLED the town").group(0) == "SHELLED"
    assert pats["shelling"] is pats["shelling"] and compiled == [[r"shell(?:ed|ing)"]]
    assert pats.get("arson") is None and "arson" not in pats
    with pytest.raises(KeyError):
        pats["arson"]


def texts() -> list[str]:
    return [a.text for a in bench_set()] + [
        "On Monday, 3rd of March 2024, LAST WEEK and late January last year; in 2019 a 2020 election.",
        "Sunday and the \u212aelvin sign: the weekend before yesterday, overnight, TWO DAYS AGO.",
        "The FIFA World Cup final, a concert tour and an earthquake; the flood killed, a massacre.",
    ]


@pytest.mark.parametrize("name", ["_SPORT", "_ARTS", "_CONFLICT", "_NATURAL_DISASTER", "_VIOLENT_HARM"])
def test_the_domain_patterns_twins_find_the_same_matches(name: str) -> None:
    folded = getattr(participants, name)
    assert folded._pair()[1] is not None  # it has a twin: the fast path is taken
    for text in texts():
        assert [m.span() for m in folded.finditer(text)] == [m.span() for m in folded.rx.finditer(text)]


def test_the_date_patterns_twin_finds_the_same_dates_and_groups() -> None:
    rx = when.DATE_RX
    assert rx._pair()[1] is not None
    groups = list(rx.rx.groupindex)
    for text in texts():
        mine = [(m.span(), [m.group(g) for g in groups]) for m in rx.finditer(text)]
        plain = [(m.span(), [m.group(g) for g in groups]) for m in rx.rx.finditer(text)]
        assert mine == plain, text


def test_find_dates_reads_dates_in_any_case() -> None:
    import datetime as dt

    found = when.find_dates("Troops withdrew ON MONDAY, and on 3 March 2024 they returned.", dt.date(2024, 3, 6))
    assert [(d.date, d.time_precision, d.text) for d in found] == [(dt.date(2024, 3, 4), 1, "ON MONDAY"),
                                                        (dt.date(2024, 3, 3), 1, "on 3 March 2024")]


def test_spacy_is_imported_without_its_command_line_and_the_command_line_still_works() -> None:
    code = ("import sys, json\nimport eventcoder.nlp\n"
            "before = 'requests' in sys.modules or 'spacy.cli' in sys.modules\n"
            "import spacy, spacy.cli\nfrom spacy.cli.info import info\n"
            "print(json.dumps([before, spacy.cli.__file__, callable(spacy.cli.download), "
            "spacy.info(silent=True)['spacy_version'] == spacy.__version__]))")
    src = str(Path(knowledge.__file__).resolve().parents[1])
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True,
                         env={**os.environ, "PYTHONPATH": src})
    before, cli_file, download, version = json.loads(out.stdout.strip().splitlines()[-1])
    assert before is False  # nothing of spaCy's CLI loaded by the pipeline's import
    assert cli_file.endswith(os.path.join("spacy", "cli", "__init__.py")) and download and version


PARSED = [
    "Fighters of the Allied Democratic Forces attacked Mbau in North Kivu on Sunday, killing 11 civilians.",
    "Police in Dhaka arrested Rahim Uddin, a leader of the Jatiya Party, after clashes near Dhaka University.",
    "The Taliban said it had captured Lashkar Gah from Afghan forces and seized weapons from the police HQ.",
    "Protesters in Santiago demanded the resignation of President Boric outside La Moneda on 3 March.",
]


def doc_key(doc) -> list:  # noqa: ANN001 - a spaCy Doc
    return [(t.text, t.ent_type_, t.ent_iob_, t.pos_, t.tag_, t.dep_, t.head.i, t.lemma_) for t in doc] + \
        [(e.start, e.end, e.label_) for e in doc.ents]


def test_a_sentence_ner_has_read_is_parsed_with_its_entities_and_is_the_full_pipelines_doc() -> None:
    from eventcoder import nlp

    for text, doc in zip(PARSED, nlp.model().pipe(PARSED), strict=True):
        nlp.remember_entities(text, doc)
    for text in PARSED:
        mine = nlp.parse(text)
        assert doc_key(mine) == doc_key(nlp.parser()(text))
        assert any(e.label_ in ("GPE", "ORG", "PERSON") for e in mine.ents)
    unseen = "Gunmen abducted 20 students from a school in Kaduna State, officials in Abuja said."
    assert doc_key(nlp.parse(unseen)) == doc_key(nlp.parser()(unseen))  # NER not read before: the whole pipeline


def test_the_entities_kept_for_the_parse_are_the_last_sentences_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from eventcoder import nlp

    monkeypatch.setattr(nlp, "RECENT_SENTENCES", 2)
    monkeypatch.setattr(nlp, "_RECENT", type(nlp._RECENT)())
    for text, doc in zip(PARSED, nlp.model().pipe(PARSED), strict=True):
        nlp.remember_entities(text, doc)
    assert list(nlp._RECENT) == PARSED[-2:]

"""Knowledge files: the word lists the rules read come from data/words.json and a user's override."""

import json
import re

from eventcoder import knowledge


def test_every_word_list_compiles_and_is_documented():
    w = knowledge.words()
    assert {"speaker", "attribution", "statement", "crowd", "armed_victim"} <= set(w)
    raw = json.loads((knowledge.resources.files("eventcoder.data") / "words.json").read_text())
    for name in w:
        assert f"_{name}" in raw, f"{name} has no _{name} note"
        re.compile(knowledge.alternatives(name))
    assert re.fullmatch(knowledge.alternatives("crowd"), "passersby")
    assert re.fullmatch(knowledge.alternatives("armed_victim"), "members of the local militia")


def test_a_users_words_json_appends_to_a_list(tmp_path, monkeypatch):
    (tmp_path / "words.json").write_text(json.dumps({"speaker": ["briefed"]}))
    monkeypatch.setenv("EVENTCODER_DATA", str(tmp_path))
    knowledge.words.cache_clear()
    try:
        assert knowledge.words()["speaker"][-1] == "briefed"
        assert "said" in knowledge.words()["speaker"]
    finally:
        knowledge.words.cache_clear()


def test_country_names_match_as_a_longest_first_alternation():
    import re

    from eventcoder.knowledge import AliasMatcher, countries

    names = ["niger", "nigeria", "nigerian", "congo", "democratic republic of the congo", "dr congo", "sudan",
             "south sudan", "south", "a.b"]
    matcher = AliasMatcher.build(names)
    alt = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                     + r")(?![\w-])", re.I)
    text = ("Nigerian troops crossed from Niger into Nigeria; the Democratic Republic of the Congo and DR Congo, "
            "Sudan and South Sudan, the south, Nigeriana, A.B and AxB.")
    assert [(m.start(), m.end()) for m in matcher.finditer(text)] == [m.span() for m in alt.finditer(text)]
    assert [m.group(0) for m in matcher.finditer(text)][:3] == ["Nigerian", "Niger", "Nigeria"]
    found = countries().find("Troops from Niger and Nigeria met in South Sudan.")
    assert [c.name for c, _, _ in found] == ["Niger", "Nigeria", "South Sudan"]

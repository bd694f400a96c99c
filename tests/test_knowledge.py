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

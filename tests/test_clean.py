from eventcoder.clean import clean, find_dateline

BODY = (
    "Rebels seize border town in overnight assault\n"
    "GOMA, DR Congo (Xinhua) -- Rebels seized the town of Kibumba on Sunday, residents said.\n"
    "The army said it would counter-attack.\n"
    "Rebels seized the town of Kibumba on Sunday, residents said.\n"
    "The army said it would counter-attack.\n"
)


def test_headline_and_dateline_recognised():
    c = clean(BODY)
    assert c.headline == "Rebels seize border town in overnight assault"
    assert c.dateline == "Goma"
    assert c.text.startswith("Rebels seized the town of Kibumba")


def test_repeated_paragraphs_removed_and_offsets_kept():
    c = clean(BODY)
    assert c.text.count("Kibumba") == 1
    assert c.removed_duplicates == 2
    for i, ch in enumerate(c.text):
        if not ch.isspace():
            assert BODY[c.offsets[i]] == ch


def test_repeated_sentence_inside_a_paragraph_removed():
    text = ("Police fired tear gas at protesters in Kisumu on Monday, witnesses said. Police fired tear gas at "
            "protesters in Kisumu on Monday, witnesses said.")
    assert clean(text).text.count("tear gas") == 1


def test_dateline_styles():
    assert find_dateline("ISLAMABAD: Police arrested 20 workers")[0] == "Islamabad"
    assert find_dateline("MAIDUGURI, Nigeria (Reuters) - Insurgents")[0] == "Maiduguri"
    assert find_dateline("KYIV, Ukraine — Russian missiles")[0] == "Kyiv"
    assert find_dateline("Mogadishu, 12 March (AFP) – A blast")[0] == "Mogadishu"
    assert find_dateline("ISIS militants kidnapped two men")[0] is None


def test_a_first_line_that_is_a_sentence_is_no_headline():
    ct = clean("Gunmen killed five villagers in Bokkos, Plateau State, on Tuesday, police said.\n\n"
               "The attackers stormed the village at dawn.")
    assert ct.headline is None
    assert ct.text.startswith("Gunmen killed five villagers")
    ct = clean("Gunmen kill five in Plateau village\n\nGunmen killed five villagers in Bokkos on Tuesday.")
    assert ct.headline == "Gunmen kill five in Plateau village"

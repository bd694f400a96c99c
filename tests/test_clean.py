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


WRAPPED = (
    "Troops retake border post after overnight fighting\n"
    "\n"
    "JUBA, South Sudan (Wire) - Government troops retook a border post near\n"
    "the town of Nimule on Sunday after overnight fighting with rebels loyal\n"
    "to a former army general, a military spokesman said.\n"
    "\n"
    "The spokesman said at least four soldiers and an unknown number of\n"
    "rebels were killed in the clashes, which began late on Saturday and\n"
    "lasted for several hours.\n"
)


def test_hard_wrapped_wire_copy_is_unwrapped_with_offsets_kept():
    from eventcoder.clean import unwrap

    u = unwrap(WRAPPED)
    assert len(u) == len(WRAPPED)
    assert "post near the town of Nimule" in u and "loyal to a former army general" in u
    assert "\n\n" in u  # paragraphs stay apart
    c = clean(WRAPPED)
    assert c.headline == "Troops retake border post after overnight fighting"
    assert "\n" in c.text and "near the town" in c.text
    i = c.text.index("Nimule")
    assert WRAPPED[c.offsets[i]:c.offsets[i] + 6] == "Nimule"


def test_one_line_paragraphs_and_short_texts_are_left_as_they_are():
    from eventcoder.clean import unwrap

    paras = ("Police arrested five men in Mombasa on Monday.\nThe men were charged with robbery.\n"
             "A court will hear the case next week.\nThe suspects denied the charges.\n")
    assert unwrap(paras) == paras
    assert unwrap("One line only, of some length but alone in the text here.") == (
        "One line only, of some length but alone in the text here.")
    long_paras = "\n".join(["A paragraph of real length " * 8] * 5)
    assert unwrap(long_paras) == long_paras


def test_an_event_in_wrapped_copy_has_no_line_break_in_its_notes():
    import datetime as dt

    import eventcoder

    events = eventcoder.extract(WRAPPED, dt.date(2024, 3, 4))
    assert events and all("\n" not in e.notes for e in events)

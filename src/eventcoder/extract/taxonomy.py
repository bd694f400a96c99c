"""ACLED's taxonomy: 6 event types, 25 sub-event types, disorder types, interaction codes."""

from __future__ import annotations

SUB_EVENT_TYPES: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}

# a crowd demonstrating, whatever happened to it or what it did (ACLED's Protests and its violent demonstrations)
DEMONSTRATION_SUBS = frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters",
                                "Violent demonstration"})

EVENT_TYPES: tuple[str, ...] = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
)

INTER_NAMES: dict[int, str] = {
    0: "None",
    1: "State forces",
    2: "Rebel groups",
    3: "Political militias",
    4: "Identity militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}


def event_type_of(sub_event_type: str) -> str:
    try:
        return SUB_EVENT_TYPES[sub_event_type]
    except KeyError:
        raise ValueError(f"unknown ACLED sub-event type: {sub_event_type!r}") from None


def disorder_type(sub_event_type: str) -> str:
    """ACLED's disorder type of a sub-event type."""
    event_type = event_type_of(sub_event_type)
    if event_type == "Strategic developments":
        return "Strategic developments"
    if event_type == "Protests" or sub_event_type == "Violent demonstration":
        return "Demonstrations"
    return "Political violence"


def interaction(inter1: int, inter2: int | None) -> int:
    """ACLED interaction code: the two inter codes, lower first (10*a + b); 10*inter1 when alone."""
    if not inter2:
        return inter1 * 10
    a, b = sorted((inter1, inter2))
    return a * 10 + b


def civilian_targeting(sub_event_type: str, inter2: int | None) -> str:
    """ACLED flags political violence whose target is civilians."""
    if disorder_type(sub_event_type) == "Political violence" and inter2 == 7:
        return "Civilian targeting"
    return ""

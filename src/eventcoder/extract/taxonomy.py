"""ACLED's taxonomy: 6 event types, 25 sub-event types, disorder types, interaction codes.

The one place where ACLED's names are written: every other module uses :class:`Sub`, :class:`EventType`
and :class:`Disorder` (string enums, equal to ACLED's own spelling, so they compare, hash, print and
serialise as the plain names).
"""

from __future__ import annotations

from enum import StrEnum


class EventType(StrEnum):
    BATTLES = "Battles"
    EXPLOSIONS_REMOTE_VIOLENCE = "Explosions/Remote violence"
    VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
    PROTESTS = "Protests"
    RIOTS = "Riots"
    STRATEGIC_DEVELOPMENTS = "Strategic developments"


class Sub(StrEnum):
    """ACLED's 25 sub-event types."""

    ARMED_CLASH = "Armed clash"
    GOVERNMENT_REGAINS_TERRITORY = "Government regains territory"
    NON_STATE_ACTOR_OVERTAKES_TERRITORY = "Non-state actor overtakes territory"
    CHEMICAL_WEAPON = "Chemical weapon"
    AIR_DRONE_STRIKE = "Air/drone strike"
    SUICIDE_BOMB = "Suicide bomb"
    SHELLING_ARTILLERY_MISSILE_ATTACK = "Shelling/artillery/missile attack"
    REMOTE_EXPLOSIVE_LANDMINE_IED = "Remote explosive/landmine/IED"
    GRENADE = "Grenade"
    SEXUAL_VIOLENCE = "Sexual violence"
    ATTACK = "Attack"
    ABDUCTION_FORCED_DISAPPEARANCE = "Abduction/forced disappearance"
    PEACEFUL_PROTEST = "Peaceful protest"
    PROTEST_WITH_INTERVENTION = "Protest with intervention"
    EXCESSIVE_FORCE_AGAINST_PROTESTERS = "Excessive force against protesters"
    VIOLENT_DEMONSTRATION = "Violent demonstration"
    MOB_VIOLENCE = "Mob violence"
    AGREEMENT = "Agreement"
    ARRESTS = "Arrests"
    CHANGE_TO_GROUP_ACTIVITY = "Change to group/activity"
    DISRUPTED_WEAPONS_USE = "Disrupted weapons use"
    HEADQUARTERS_OR_BASE_ESTABLISHED = "Headquarters or base established"
    LOOTING_PROPERTY_DESTRUCTION = "Looting/property destruction"
    NON_VIOLENT_TRANSFER_OF_TERRITORY = "Non-violent transfer of territory"
    OTHER = "Other"


class Disorder(StrEnum):
    POLITICAL_VIOLENCE = "Political violence"
    DEMONSTRATIONS = "Demonstrations"
    STRATEGIC_DEVELOPMENTS = "Strategic developments"


SUB_EVENT_TYPES: dict[str, str] = {
    Sub.ARMED_CLASH: EventType.BATTLES,
    Sub.GOVERNMENT_REGAINS_TERRITORY: EventType.BATTLES,
    Sub.NON_STATE_ACTOR_OVERTAKES_TERRITORY: EventType.BATTLES,
    Sub.CHEMICAL_WEAPON: EventType.EXPLOSIONS_REMOTE_VIOLENCE,
    Sub.AIR_DRONE_STRIKE: EventType.EXPLOSIONS_REMOTE_VIOLENCE,
    Sub.SUICIDE_BOMB: EventType.EXPLOSIONS_REMOTE_VIOLENCE,
    Sub.SHELLING_ARTILLERY_MISSILE_ATTACK: EventType.EXPLOSIONS_REMOTE_VIOLENCE,
    Sub.REMOTE_EXPLOSIVE_LANDMINE_IED: EventType.EXPLOSIONS_REMOTE_VIOLENCE,
    Sub.GRENADE: EventType.EXPLOSIONS_REMOTE_VIOLENCE,
    Sub.SEXUAL_VIOLENCE: EventType.VIOLENCE_AGAINST_CIVILIANS,
    Sub.ATTACK: EventType.VIOLENCE_AGAINST_CIVILIANS,
    Sub.ABDUCTION_FORCED_DISAPPEARANCE: EventType.VIOLENCE_AGAINST_CIVILIANS,
    Sub.PEACEFUL_PROTEST: EventType.PROTESTS,
    Sub.PROTEST_WITH_INTERVENTION: EventType.PROTESTS,
    Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS: EventType.PROTESTS,
    Sub.VIOLENT_DEMONSTRATION: EventType.RIOTS,
    Sub.MOB_VIOLENCE: EventType.RIOTS,
    Sub.AGREEMENT: EventType.STRATEGIC_DEVELOPMENTS,
    Sub.ARRESTS: EventType.STRATEGIC_DEVELOPMENTS,
    Sub.CHANGE_TO_GROUP_ACTIVITY: EventType.STRATEGIC_DEVELOPMENTS,
    Sub.DISRUPTED_WEAPONS_USE: EventType.STRATEGIC_DEVELOPMENTS,
    Sub.HEADQUARTERS_OR_BASE_ESTABLISHED: EventType.STRATEGIC_DEVELOPMENTS,
    Sub.LOOTING_PROPERTY_DESTRUCTION: EventType.STRATEGIC_DEVELOPMENTS,
    Sub.NON_VIOLENT_TRANSFER_OF_TERRITORY: EventType.STRATEGIC_DEVELOPMENTS,
    Sub.OTHER: EventType.STRATEGIC_DEVELOPMENTS,
}

# a crowd demonstrating, whatever happened to it or what it did (ACLED's Protests and its violent demonstrations)
DEMONSTRATION_SUBS = frozenset({Sub.PEACEFUL_PROTEST, Sub.PROTEST_WITH_INTERVENTION,
                                Sub.EXCESSIVE_FORCE_AGAINST_PROTESTERS, Sub.VIOLENT_DEMONSTRATION})

EVENT_TYPES: tuple[str, ...] = tuple(EventType)

# weapons used from afar or without a fight (ACLED's Explosions/Remote violence)
REMOTE_VIOLENCE_SUBS = frozenset(s for s, e in SUB_EVENT_TYPES.items() if e == EventType.EXPLOSIONS_REMOTE_VIOLENCE)

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
    if event_type == EventType.STRATEGIC_DEVELOPMENTS:
        return Disorder.STRATEGIC_DEVELOPMENTS
    if event_type == EventType.PROTESTS or sub_event_type == Sub.VIOLENT_DEMONSTRATION:
        return Disorder.DEMONSTRATIONS
    return Disorder.POLITICAL_VIOLENCE


def interaction(inter1: int, inter2: int | None) -> int:
    """ACLED interaction code: the two inter codes, lower first (10*a + b); 10*inter1 when alone."""
    if not inter2:
        return inter1 * 10
    a, b = sorted((inter1, inter2))
    return a * 10 + b


def civilian_targeting(sub_event_type: str, inter2: int | None) -> str:
    """ACLED flags political violence whose target is civilians."""
    if disorder_type(sub_event_type) == Disorder.POLITICAL_VIOLENCE and inter2 == 7:
        return "Civilian targeting"
    return ""

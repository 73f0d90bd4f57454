"""Event types: which kind of incident a text reports, from English and Spanish trigger lexicons.

`triggers` finds every trigger word or phrase and re-types it by the words around it in its
sentence (a strike near a boat is a strike on a vessel); `classify` weighs the triggers by
where they stand (title and lead count more) and returns the main type. It does not count
incidents, find actors or read claims: other extract modules do. See docs/event-types.md.
"""

from __future__ import annotations

import re
import re._constants as _c
import re._parser as _parser
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from cotejo.extract.model import EventType, EventTypeGuess, Span

E = EventType

# (ACLED event_type, sub_event_type) for each cotejo type; docs/event-types.md gives the reasons.
ACLED: dict[EventType, tuple[str, str]] = {
    E.AIR_OR_DRONE_STRIKE: ("Explosions/Remote violence", "Air/drone strike"),
    E.STRIKE_ON_VESSEL: ("Explosions/Remote violence", "Air/drone strike"),
    E.SHELLING_OR_MISSILE: ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    E.ARMED_CLASH: ("Battles", "Armed clash"),
    E.ATTACK_ON_CIVILIANS: ("Violence against civilians", "Attack"),
    E.ABDUCTION: ("Violence against civilians", "Abduction/forced disappearance"),
    E.SEXUAL_VIOLENCE: ("Violence against civilians", "Sexual violence"),
    E.EXTORTION: ("Strategic developments", "Other"),
    E.TRAFFICKING: ("Strategic developments", "Other"),
    E.DRUG_SEIZURE: ("Strategic developments", "Other"),
    E.ARREST_OR_RAID: ("Strategic developments", "Arrests"),
    E.DEPORTATION: ("Strategic developments", "Other"),
    E.PROPERTY_DESTRUCTION: ("Strategic developments", "Looting/property destruction"),
    E.PROTEST: ("Protests", "Peaceful protest"),
    E.DEPLOYMENT: ("Strategic developments", "Change to group/activity"),
    E.OTHER: ("Strategic developments", "Other"),
}

# -- scoring constants ------------------------------------------------------------------------

TITLE_FACTOR = 3.0  # a trigger in the title counts three times
LEAD_FACTOR = 2.0  # ... in the first LEAD_SENTENCES sentences of the text, twice
LEAD_SENTENCES = 2
CHARGE_DISCOUNT = 0.3  # "arrested for kidnapping": the kidnapping is the charge, not the event
CHARGE_WINDOW = 40  # characters between the charge phrase and the crime it names
FOR_WINDOW = 25  # ... between "for"/"por" after an arrest and the crime it names
GRIEVANCE_DISCOUNT = 0.3  # "march over the killing": the killing is the grievance, not the event
GRIEVANCE_WINDOW = 60  # characters between "over"/"por" after a protest and the event it names
PLANNED_DISCOUNT = 0.3  # "announced a march for Friday": the march has not happened yet
PLANNED_WINDOW = 80  # characters between the announcement and the protest it announces
# When two types score the same, the more specific one wins.
PRIORITY = (
    E.STRIKE_ON_VESSEL,
    E.AIR_OR_DRONE_STRIKE,
    E.SHELLING_OR_MISSILE,
    E.ABDUCTION,
    E.SEXUAL_VIOLENCE,
    E.EXTORTION,
    E.TRAFFICKING,
    E.DRUG_SEIZURE,
    E.DEPORTATION,
    E.ATTACK_ON_CIVILIANS,
    E.ARMED_CLASH,
    E.PROTEST,
    E.PROPERTY_DESTRUCTION,
    E.ARREST_OR_RAID,
    E.DEPLOYMENT,
    E.OTHER,
)
_RANK = {t: i for i, t in enumerate(PRIORITY)}
# Types whose trigger names a crime, and so can be the charge of an arrest.
_CRIMES = frozenset(
    {
        E.ATTACK_ON_CIVILIANS,
        E.ABDUCTION,
        E.SEXUAL_VIOLENCE,
        E.EXTORTION,
        E.TRAFFICKING,
        E.DRUG_SEIZURE,
        E.PROPERTY_DESTRUCTION,
    }
)
_REMOTE = frozenset({E.AIR_OR_DRONE_STRIKE, E.SHELLING_OR_MISSILE})
_MEANS = _REMOTE | {E.STRIKE_ON_VESSEL}  # types that name the weapon an attack used
_PROTEST_ABSORBS = frozenset({E.ARMED_CLASH, E.ATTACK_ON_CIVILIANS})
_VIOLENT = _MEANS | {E.ARMED_CLASH}  # fighting, or a weapon in use


@dataclass(frozen=True)
class Rule:
    """One lexicon entry. `type` None marks a look-alike that is no event ("legal battle"):
    it is matched so that its words cannot trigger anything. `role` lets the sentence re-type
    the trigger (see `_Context.judge`):
    - "gunfire" (a shooting): attack on civilians when victims are named, else armed clash
      between two armed parties;
    - "act" (an attack or a killing, without its means): the type of the weapon the sentence
      names, since ACLED codes an attack by its means ("attacked the base with mortars",
      "the strike on the boat killed six people");
    - "territory" (a place taken): deployment when the sentence says the other side withdrew
      and names no fighting (ACLED's non-violent transfer of territory)."""

    type: EventType | None
    weight: float
    pattern: str
    role: str = ""


# Pattern shorthand, expanded by `_expand`: a space is one or more spaces or hyphens, `_` is
# an optional one, <Gn> skips up to n words; <NAME> inserts a word list below. Spanish
# accented vowels also match their bare form (social media drops accents).
_WORDS = {
    "VESSEL": r"(?:boats?|vessels?|speed_?boats?|go_fast(?: boats?)?|skiffs?|semi_?submersibles?"
    r"|narco_?subs?|ships?|tankers?|freighters?|dhows?|pangas?|yachts?)",
    "BARCO": r"(?:lanchas?|narcolanchas?|embarcación|embarcaciones|botes?|barcos?|buques?|naves?"
    r"|semisumergibles?|narcosubmarinos?|pangas?|peñeros?|pesqueros?|yates?|lanchones?)",
    "DRUG": r"(?:cocaine|heroin|fentanyl|methamphetamines?|meth|marijuana|marihuana|cannabis"
    r"|hashish|hash|opium|narcotics?|drugs|ecstasy|mdma|ketamine|tusi|pills|contraband"
    r"|precursors?|kilos?|kilograms?|kg|tons?|tonnes|pounds|lbs)",
    "DROGA": r"(?:cocaína|heroína|fentanilo|metanfetaminas?|marihuana|mariguana|cannabis|hachís"
    r"|drogas?|narcóticos?|estupefacientes|cristal|pasta base|tusi|precursores|kilos?"
    r"|kilogramos|kg|toneladas|paquetes|panelas|ladrillos|bultos|dosis|envoltorios)",
    "TERRAIN": r"(?:towns?|cit(?:y|ies)|villages?|areas?|districts?|hills?|hilltops?|heights"
    r"|bases?|territor(?:y|ies)|positions?|regions?|provinces?|neighbou?rhoods?|airports?"
    r"|air_?bases?|strongholds?|outskirts|enclaves?|bastions?|crossings?|bridges?|highway"
    r"|oil_?fields?|valley|mountains?|peaks?|suburbs?|countryside|localit(?:y|ies)|parts of)",
    "TERRENO": r"(?:ciudad|ciudades|pueblos?|poblados?|localidad(?:es)?|municipios?|zonas?"
    r"|territorios?|regiones?|barrios?|comunas?|veredas?|corregimientos?|cerros?|bases?"
    r"|posiciones|aeropuertos?|plaza)",
    "MILITARY": r"(?:military|army|troops|soldiers|bases?|camps?|positions?|checkpoints?"
    r"|patrols?|convoys?|outposts?|barracks|garrisons?|security forces|forces|police stations?"
    r"|police posts?|peacekeepers)",
    "VICTIMS": r"(?:civilians|villagers|residents|worshippers|passengers|farmers|students"
    r"|children|women|bystanders|people|persons|pedestrians|motorists|fishermen|journalists?"
    r"|aid workers|teachers|pupils|shoppers|family members|mourners|migrants|refugees"
    r"|a (?:man|woman|boy|girl|teen|teenager|child|toddler|baby|student))",
    "VICTIMAS": r"(?:civiles|personas|pobladores|vecinos|campesinos|comuneros|pescadores"
    r"|niños|niñas|menores|mujeres|estudiantes|feligreses|transeúntes|familias?|jóvenes"
    r"|hombres|migrantes|periodistas?|indígenas|un (?:hombre|joven|niño|menor)"
    r"|una (?:mujer|joven|niña|menor))",
    "FORCES": r"(?:troops|soldiers|forces|warships|destroyers|ships|aircraft carriers?"
    r"|marines|reinforcements|personnel|units|battalions?|brigades?|fighter jets|jets"
    r"|convoys?|military vehicles|tanks|armou?red vehicles|national guard|guardsmen|agents)",
    "FUERZAS": r"(?:tropas|soldados|militares|efectivos|elementos|marines|buques|destructores"
    r"|barcos de guerra|buques de guerra|portaaviones|aviones|cazas|refuerzos|agentes"
    r"|guardias nacionales|guardia nacional|fuerzas)",
}

# -- English lexicon ----------------------------------------------------------------------------

_EN: tuple[Rule, ...] = (
    # look-alikes that are no event
    Rule(
        None,
        0,
        r"(?:legal|political|court|custody|budget|election|electoral|uphill|culture"
        r"|cultural|ratings|policy|courtroom) battles?|battle_?grounds?|battle (?:against|with)"
        r" (?:cancer|covid|the virus|addiction|obesity|inflation|fentanyl|drugs|crime)",
    ),
    Rule(
        None,
        0,
        r"(?:strike|strikes|struck|striking) (?:a|the)(?: \w+)? (?:deal|balance|chord"
        r"|tone|note|agreement|pose)|(?:strike|strikes|struck|striking) down|strike force"
        r"|lucky strike|strike zone|first_strike capabilit\w+",
    ),
    Rule(
        None,
        0,
        r"air (?:force|forces|base|bases|station|defen[cs]es?|space|traffic|port)"
        r"|air_?bases?|air_?ports?|drone (?:footage|images|video|videos|photos?|shows?)",
    ),
    Rule(
        None,
        0,
        r"(?:drug|narco|cocaine) ?traffick\w*|traffick\w* (?:routes?|corridors?)"
        r"|(?:missile|rocket) (?:tests?|testing|launch|launches|programs?|programmes?"
        r"|development|defen[cs]es?|technology|scientists?)|space launch",
    ),
    Rule(
        None,
        0,
        r"(?:fight|combat)\w* (?:against )?(?:the )?(?:crime|corruption|fentanyl|drugs"
        r"|cancer|poverty|terrorism|trafficking|illegal|organi[sz]ed crime|cartels|gangs"
        r"|climate|inflation|for (?:justice|rights|freedom|their|his|her))|cardiac arrest"
        r"|shooting (?:range|star|guard|script)|photo shoots?|rape_?seed|protestants?"
        r"|protestantism|demonstrations? of|911 dispatchers?|dispatchers?",
    ),
    Rule(
        None,
        0,
        r"expel\w*<G3> (?:diplomats?|ambassadors?|envoys?|consuls?|chargé)"
        r"|pirate attacks?|piracy",
    ),
    Rule(
        None,
        0,
        r"(?:car|suicide|roadside|truck|pipe|letter|parcel) bomb\w*|bomb blasts?"
        r"|improvised explosive devices?|ieds?|explosive devices?|land_?mines?|grenades?",
    ),
    # air or drone strike
    Rule(
        E.AIR_OR_DRONE_STRIKE,
        1.0,
        r"air_?strikes?|air_?raids?|air attacks?|air_?striked"
        r"|aerial (?:bombardments?|bombings?|attacks?|strikes?|assaults?|campaign)"
        r"|drone (?:strikes?|attacks?|bombings?)|(?:armed|attack|kamikaze|suicide) drones?",
    ),
    Rule(
        E.AIR_OR_DRONE_STRIKE,
        0.9,
        r"(?:war_?planes?|fighter jets?|jets|bombers|helicopter"
        r" gunships?|gunships?|helicopters?|choppers?|drones?|aircraft|planes|mq_?9s?|reapers?)"
        r"<G2> (?:bombed|struck|hit|pounded|targeted|attacked|fired|dropped|strafed|launched"
        r"|destroyed|shelled)|(?:raids?|strikes?|attacks?|bombings?)(?: carried out)? by<G4>"
        r" (?:war_?planes?|jets|aircraft|drones?|helicopters?|choppers?|air forces?)"
        r"|(?:bombed|pounded|targeted|struck|hit|attacked) by (?:\w+ )?(?:war_?planes?|jets"
        r"|aircraft|drones?|helicopters?)|barrel bombs?|bombing raids?|bombing runs?",
    ),
    Rule(
        E.AIR_OR_DRONE_STRIKE,
        0.8,
        r"(?:precision|kinetic|lethal|targeted|military|surgical"
        r"|u\.?s\.?|american|israeli|russian|coalition|retaliatory) strikes?",
    ),
    Rule(E.AIR_OR_DRONE_STRIKE, 0.6, r"strikes? (?:on|against)"),
    Rule(E.AIR_OR_DRONE_STRIKE, 0.4, r"strikes?|bombed|bombings?"),
    Rule(E.AIR_OR_DRONE_STRIKE, 0.3, r"drones?"),
    # strike on a vessel
    Rule(
        E.STRIKE_ON_VESSEL,
        1.3,
        r"(?:(?:u\.?s\.?|american|military|lethal|kinetic|deadly"
        r"|precision|new|another) )?(?:air_?strikes?|drone strikes?|missile strikes?|strikes?"
        r"|attacks?|raids?|bombings?) (?:on|against)<G4> <VESSEL>|<VESSEL> (?:strikes?"
        r"|attacks?|bombings?)",
    ),
    Rule(
        E.STRIKE_ON_VESSEL,
        1.1,
        r"(?:struck|strikes|hit|targeted|attacked|destroyed|sank|sunk"
        r"|sink|blew up|bombed|fired (?:on|at|upon))<G4> <VESSEL>|<VESSEL><G2> (?:was|were)"
        r" (?:struck|hit|destroyed|targeted|attacked|sunk|blown up|bombed)",
    ),
    # shelling, artillery or missile attack
    Rule(
        E.SHELLING_OR_MISSILE,
        1.0,
        r"shell(?:ing|ings|ed)|(?:artillery|mortar|tank) shells?"
        r"|shells (?:hit|landed|fell|struck|slammed)|(?:fired|launched|lobbed)<G3>"
        r" (?:rockets?|missiles?|mortars?|shells?)|rocket (?:fire|attacks?|barrages?)"
        r"|missile (?:strikes?|attacks?|barrages?)|katyushas?|grad rockets?|howitzers?"
        r"|(?:hit|struck|targeted|pounded) by<G3> (?:missiles?|rockets?|mortars?|shells?"
        r"|artillery)",
    ),
    Rule(E.SHELLING_OR_MISSILE, 0.9, r"artillery|ballistic missiles?|cruise missiles?"),
    Rule(E.SHELLING_OR_MISSILE, 0.7, r"mortars?|rockets?|missiles?|barrages?"),
    Rule(E.SHELLING_OR_MISSILE, 0.5, r"bombard(?:ed|ment|ments|ing)|projectiles?"),
    # armed clash (battles, including taking territory by force)
    Rule(
        E.ARMED_CLASH,
        1.0,
        r"gun_?battles?|gun_?fights?|fire_?fights?|shoot_?outs?"
        r"|exchanges? of (?:gun)?fire|exchanged (?:gun)?fire|fire exchanges?|returned fire"
        r"|fired back|shot back",
        role="gunfire",
    ),
    Rule(E.ARMED_CLASH, 1.0, r"clash(?:es|ed|ing)?|skirmish(?:es|ed)?|ambush(?:ed|es|ing)?"),
    Rule(
        E.ARMED_CLASH,
        1.0,
        r"(?:attack\w*|assault\w*|ambush\w*|stormed|storming|overr[au]n"
        r"|targeted|mounted \w+ attacks?|shot at|fired (?:at|on|upon)) (?:on )?"
        r"(?:the |a |an |two |three |several )?(?:\w+ ){0,2}<MILITARY>",
        role="act",
    ),
    Rule(
        E.ARMED_CLASH,
        0.9,
        r"(?:repelled|repulsed|fended off|thwarted|foiled|beat back"
        r"|beaten back|fought off)<G2> (?:attacks?|assaults?|offensives?|advances?"
        r"|infiltration)|(?:gained|gaining|lost|losing) ground|heavy (?:losses|casualties)"
        r"|(?:was|were|been) (?:fended off|repelled|repulsed|beaten back|thwarted|foiled)",
    ),
    Rule(
        E.ARMED_CLASH,
        0.9,
        r"(?:took|taken|taking|gained|gaining|seized|seizing|regained"
        r"|regaining|retook|established|restored|wrested|recovered|assumed) (?:full |complete "
        r"|total )?control (?:of|over)|(?:re_?captur\w*|captur\w*|retook|retak\w*|overr[au]n"
        r"|liberat\w*|freed|stormed|overtook|overtak\w*|seiz\w*|(?:took|taken|taking) over"
        r"|advanc\w* (?:on|into|to|towards?)|pushed (?:into|deeper into)|marched (?:deeper )?"
        r"(?:into|on)|entered)(?: \w+){0,4} <TERRAIN>",
        role="territory",
    ),
    Rule(E.ARMED_CLASH, 0.6, r"marched (?:deeper )?into|advanc\w* (?:on|into|towards?)"),
    Rule(
        E.ARMED_CLASH,
        0.8,
        r"offensives?|counter_?offensives?|counter_?attack\w*|fighting"
        r"|insurgents (?:attacked|stormed)",
    ),
    Rule(
        E.ARMED_CLASH,
        0.6,
        r"(?:killed|killing|neutrali[sz]ed|eliminated|wounded)(?: and "
        r"(?:wounded|injured|killed|captured))?(?: at least| about| some| more than| scores of"
        r"| dozens of| several| hundreds of)? (?:\d+ |\w+ )?(?:of )?(?:the )?(?:suspected )?"
        r"(?:militants|insurgents|rebels|terrorists|jihadists|guerrillas|fighters|bandits"
        r"|gang members)|(?:militants|insurgents|rebels|terrorists|jihadists|fighters|bandits)"
        r" (?:were|have been|had been|was) (?:killed|neutrali[sz]ed|eliminated)|battles?"
        r"|battled|battling|fought|combat",
    ),
    # attack on civilians
    Rule(
        E.ATTACK_ON_CIVILIANS,
        1.0,
        r"massacre[sd]?|massacring|mass shootings?|school"
        r" shootings?|drive_?by(?: shootings?)?|extrajudicial (?:killings?|executions?)"
        r"|targeted killings?|femicides?|killing spree|opened fire on<G2> <VICTIMS>",
    ),
    Rule(
        E.ATTACK_ON_CIVILIANS,
        0.9,
        r"(?:attack\w*|assault\w*) (?:on |against )?"
        r"(?:\w+ ){0,3}?(?:villages?|civilians|markets?|mosques?|churches|church|schools?"
        r"|hospitals?|clinics?|buses|bus|homes?|houses|restaurants?|bars?|nightclubs?|festival"
        r"|wedding|funeral|refugees|worshippers|residents|farmers|journalists?|communit(?:y"
        r"|ies)|displaced)|gunned down|shot (?:dead|and killed|to death)",
    ),
    Rule(
        E.ATTACK_ON_CIVILIANS,
        0.8,
        r"(?:killed|killing|kills|murdered|murdering|shot|shooting"
        r"|wounded|wounding|injured|injuring|massacred|stabbed|slaughtered)(?: at least| about"
        r"| some| more than)? (?:\d+ |\w+ )?<VICTIMS>|<VICTIMS>(?: \w+){0,2} (?:were |was )?"
        r"(?:killed|shot|massacred|murdered|slain|gunned down|stabbed|executed)",
        role="act",
    ),
    Rule(
        E.ATTACK_ON_CIVILIANS,
        0.8,
        r"assassinat\w*|beheaded|beheadings?|hacked to death"
        r"|burned alive|beaten to death",
    ),
    Rule(
        E.ATTACK_ON_CIVILIANS,
        0.7,
        r"murder(?:s|ed|ing|ous)?|homicides?|stab(?:bed|bing"
        r"|bings)|lynch(?:ed|ing|ings)|tortured?|(?:summarily|publicly|extrajudicially)"
        r" executed|executions?|execution_?style|hate crimes?|slaughtered|butchered",
    ),
    Rule(
        E.ATTACK_ON_CIVILIANS,
        0.6,
        r"shootings?|opened fire|gunfire|gun violence|cross_?fire",
        role="gunfire",
    ),
    Rule(E.ATTACK_ON_CIVILIANS, 0.4, r"gunm[ae]n|gunshot wounds?|shooters?|shot|bandits?"),
    Rule(E.ATTACK_ON_CIVILIANS, 0.3, r"attack(?:s|ed|ing|ers?)?|assault(?:s|ed)?", role="act"),
    Rule(E.ATTACK_ON_CIVILIANS, 0.3, r"executed"),
    Rule(E.ATTACK_ON_CIVILIANS, 0.2, r"killed|killing|killings", role="act"),
    # abduction, kidnapping, forced disappearance
    Rule(
        E.ABDUCTION,
        1.0,
        r"kidnap\w*|abduct\w*|forced(?:ly)? disappear\w*|enforced"
        r" disappearances?",
    ),
    Rule(E.ABDUCTION, 0.9, r"hostages?|held captive|taken captive|captivity|captors?"),
    Rule(
        E.ABDUCTION,
        0.8,
        r"(?:undisclosed|unknown) locations?|whereabouts (?:remain |are "
        r"|is |still )?unknown|incommunicado",
    ),
    Rule(E.ABDUCTION, 0.6, r"ransom"),
    Rule(E.ABDUCTION, 0.4, r"disappeared|snatched|went missing"),
    # sexual violence
    Rule(
        E.SEXUAL_VIOLENCE,
        1.0,
        r"rap(?:e|es|ed|ing|ist|ists)|gang_?rap\w*|sexual(?:ly)?"
        r" (?:assault\w*|abus\w*|violen\w*|exploit\w*|attack\w*)|sex(?:ual)? slav\w*"
        r"|indecent(?:ly)? assault\w*",
    ),
    Rule(E.SEXUAL_VIOLENCE, 0.8, r"molest\w*|sexual(?:ly)? harass\w*|groped|groping"),
    Rule(
        E.SEXUAL_VIOLENCE,
        0.6,
        r"defil(?:ed|ement|ing)|(?:abused|assaulted)(?: and \w+)?"
        r" (?:\w+ )?(?:women|girls)",
    ),
    # extortion, protection rackets
    Rule(E.EXTORTION, 1.0, r"extort\w*|protection (?:rackets?|money|fees?|payments?)"),
    Rule(E.EXTORTION, 0.7, r"shakedowns?|(?:war|gang) tax(?:es)?"),
    Rule(E.EXTORTION, 0.5, r"rackets?|racketeer\w*|loan_?shark\w*"),
    # human trafficking and people smuggling
    Rule(
        E.TRAFFICKING,
        1.0,
        r"(?:human|sex|people|child|labou?r) traffick\w*|traffick\w* (?:in |"
        r"of )?(?:persons|people|humans|women|girls|children|migrants|minors)|(?:people|human"
        r"|migrant|illegal immigrant|immigrant|alien) smuggl\w*|smuggl\w* (?:of )?(?:\w+ )?"
        r"(?:migrants|people|persons|humans|immigrants|refugees|asylum seekers)"
        r"|facilitat\w* (?:illegal|irregular) (?:migration|immigration|entry|crossings?)",
    ),
    Rule(E.TRAFFICKING, 0.9, r"forced (?:labou?r|prostitution)|debt bondage|trafficked"),
    Rule(E.TRAFFICKING, 0.4, r"traffickers?|smuggl\w*|coyotes?"),
    # drug seizure or interdiction
    Rule(
        E.DRUG_SEIZURE,
        1.0,
        r"(?:seiz\w*|confiscat\w*|intercept\w*|interdict\w*|impound\w*"
        r"|recovered|found|discovered|haul\w*)<G5> <DRUG>|<DRUG><G3> (?:were |was |had been "
        r"|have been )?(?:seized|confiscated|intercepted|interdicted|recovered|impounded"
        r"|found)|(?:drug|narcotics?|cocaine) (?:busts?|hauls?|seizures?|raids?)",
    ),
    Rule(
        E.DRUG_SEIZURE,
        0.5,
        r"interdict\w*|drug_?smuggl\w*|(?:cocaine|narcotics?) smuggl\w*"
        r"|counter_?narcotics",
    ),
    Rule(E.DRUG_SEIZURE, 0.4, r"drug (?:shipments?|cargo|consignments?|loads?)"),
    # arrest or raid
    Rule(E.ARREST_OR_RAID, 1.0, r"arrest(?:s|ed|ing)?|(?:taken|took) into custody"),
    Rule(
        E.ARREST_OR_RAID,
        0.9,
        r"captur\w*<G3> (?:commanders?|leaders?|suspects?|members?"
        r"|militants?|fighters?|terrorists?|kingpins?|chiefs?|bosses?|operatives?|fugitives?)",
    ),
    Rule(
        E.ARREST_OR_RAID,
        0.9,
        r"detain(?:s|ed|ing|ees?)?|detentions?|apprehend(?:s|ed|ing)?"
        r"|apprehensions?|rounded up|round_?ups?|nabbed",
    ),
    Rule(E.ARREST_OR_RAID, 0.8, r"raid(?:s|ed|ing)?|search warrants?|in custody"),
    Rule(E.ARREST_OR_RAID, 0.5, r"captured|extradit\w*|handcuffed|manhunt"),
    Rule(
        E.ARREST_OR_RAID,
        0.4,
        r"crackdown|jailed|imprisoned|(?:police|officers|deputies"
        r"|agents|troopers) caught",
    ),
    Rule(E.ARREST_OR_RAID, 0.3, r"charged (?:with|in)|indicted|indictments?"),
    Rule(E.ARREST_OR_RAID, 0.15, r"sentenced|convicted"),
    # deportation or expulsion
    Rule(None, 0, r"deportivo|deportiva"),  # a club: "Deportivo Cali"
    Rule(E.DEPORTATION, 1.0, r"deport\w*|(?:removal|deportation) flights?"),
    Rule(E.DEPORTATION, 0.8, r"expel\w*|expulsions?|alien enemies act"),
    Rule(
        E.DEPORTATION,
        0.6,
        r"removal (?:proceedings|orders?)|forcibly returned|refoulement"
        r"|push_?backs?|sent back to",
    ),
    Rule(E.DEPORTATION, 0.5, r"repatriat\w*"),
    # property destruction or looting
    Rule(
        E.PROPERTY_DESTRUCTION,
        0.9,
        r"loot\w*|vandal\w*|torch(?:ed|ing)|set (?:\w+ )?"
        r"(?:on )?fire|set ablaze|set alight|arson\w*|ransack\w*|pillag\w*",
    ),
    Rule(
        E.PROPERTY_DESTRUCTION,
        0.8,
        r"(?:destroy\w*|burn\w*|burnt|damag\w*|smash\w*"
        r"|trash\w*|raz(?:ed|ing)|demolish\w*)<G3> (?:houses?|homes?|shops?|stores?"
        r"|businesses|buildings?|vehicles?|cars?|property|properties|offices?|crops|markets?"
        r"|windows|infrastructure|masts?|towers?|statues?|monuments?|polling stations?)"
        r"|(?:houses?|homes?|shops?|stores?|buildings?|vehicles?|cars?|property|properties"
        r"|offices?|crops|markets?|windows|masts?)<G2> (?:were|was|have been|had been)"
        r" (?:destroyed|burned|burnt|torched|looted|damaged|vandali[sz]ed|smashed|razed"
        r"|demolished)|property damage|damage to property|destruction of property",
    ),
    Rule(E.PROPERTY_DESTRUCTION, 0.5, r"demolish\w*|demolitions?|razed"),
    Rule(E.PROPERTY_DESTRUCTION, 0.2, r"destroyed|destruction"),
    # protest
    Rule(
        E.PROTEST,
        1.0,
        r"(?:arrest\w*|detain\w*|dispers\w*|tear_?gass\w*)<G3>"
        r" (?:protesters|demonstrators|marchers|rioters|strikers)|(?:protesters|demonstrators"
        r"|marchers)<G2> (?:were |have been )?(?:arrested|detained|dispersed)",
    ),
    Rule(
        E.PROTEST,
        1.0,
        r"(?:suppress\w*|crack\w* down on|dispers\w*|broke up|break up|quell\w*)"
        r"<G3> (?:protests?|demonstrations?|rall(?:y|ies)|marches|protesters|demonstrators)",
    ),
    Rule(
        E.PROTEST,
        1.0,
        r"protest\w*|demonstrations?|demonstrators?|took to the streets"
        r"|take to the streets|taking to the streets|civil disobedience",
    ),
    Rule(
        E.PROTEST,
        0.9,
        r"rall(?:y|ies|ied|ying)|marched|marchers|marching|(?:people|residents|hundreds"
        r"|thousands|dozens|families|fishermen|workers|students|women|mothers|supporters)"
        r" march(?! \d)|(?:a|the|protest"
        r"|peace|peaceful|silent|mass|solidarity) march(?:es)?(?![\s\-]+\d)|hunger strikes?"
        r"|general strikes?|(?:went|go|going|are|were) on strike|strikers|strike action",
    ),
    Rule(
        E.PROTEST,
        0.8,
        r"sit_?ins?|die_?ins?|walk_?outs?|walked out|pickets?|picketing"
        r"|picketed|human chains?",
    ),
    Rule(E.PROTEST, 0.6, r"riots?|rioting|rioters|rioted"),
    Rule(
        E.PROTEST,
        0.5,
        r"vigils?|tear_?gas|water cannons?|rubber bullets|riot (?:police|gear)"
        r"|pepper_?spray\w*|demonstrat(?:ed|ing)",
    ),
    Rule(
        E.PROTEST,
        0.4,
        r"chant\w*|placards|blockad(?:ed|ing)|blocked (?:the )?(?:roads?"
        r"|highways?|streets?|roads)|roadblocks?",
    ),
    Rule(E.PROTEST, 0.3, r"boycott\w*|unrest"),
    Rule(E.PROTEST, 0.2, r"activists|crowds?"),
    # deployment and other strategic developments
    Rule(
        E.DEPLOYMENT,
        1.0,
        r"(?:re)?deploy\w*|guided_?missile (?:destroyers?|cruisers?"
        r"|frigates?|submarines?)|(?:military|naval|troop|force) (?:build_?ups?|presence"
        r"|posture|deployments?)",
    ),
    Rule(
        E.DEPLOYMENT,
        0.9,
        r"(?:sent|sends|sending|dispatch(?:ed|es|ing)?|mov(?:ed|ing)"
        r"|rush(?:ed|ing)|mobili[sz](?:ed|es|ing))<G3> <FORCES>",
    ),
    Rule(
        E.DEPLOYMENT,
        0.9,
        r"(?:set up|sets up|setting up|establish\w*|built|builds|building"
        r"|opened|creat\w*)<G4> (?:bases?|posts?|outposts?|observation points?|headquarters"
        r"|barracks|garrisons?)",
    ),
    Rule(
        E.DEPLOYMENT,
        0.9,
        r"(?:bases?|posts?|outposts?|points?|headquarters|barracks)<G1>"
        r" (?:was|were|has been|have been|had been) (?:established|set up|built|opened)"
        r"|defect(?:ed|ion|ions|ors?|ing)|switch\w* sides",
    ),
    Rule(
        E.DEPLOYMENT,
        0.8,
        r"reinforcements?|reinforc(?:ed|ing)|naval blockade|hand(?:ed|ing"
        r"|s)? over<G3> (?:control|territory|area|town|city|authority)|(?:territory|control"
        r"|towns?|city|areas?|villages?) (?:was|were|has been|have been) handed over"
        r"|(?:without|no) (?:any )?(?:fighting|resistance|clashes|a shot|armed clashes"
        r"|a fight)",
    ),
    Rule(
        E.DEPLOYMENT,
        0.9,
        r"(?:troops|forces|soldiers|army|military|fighters|rebels"
        r"|militants|militias?|units)(?: \w+)? (?:withdr(?:ew|awn|aw|awing|aws)|pull(?:ed|s"
        r"|ing)? (?:out|back)|retreated)|withdrawal of (?:\w+ )?(?:troops|forces|soldiers)",
    ),
    Rule(
        E.DEPLOYMENT,
        0.5,
        r"withdr(?:ew|awn|aw|awal|awals|awing|aws)|pull(?:ed|s|ing)?"
        r" (?:out|back)|pull_?outs?|build_?ups?",
    ),
    Rule(
        E.DEPLOYMENT,
        0.7,
        r"designat\w*<G4> (?:terrorist|terror) (?:organi[sz]ations?"
        r"|groups?)|(?:closed|closes|closure of|close)<G2> airspace|no_?fly zones?",
    ),
    Rule(
        E.DEPLOYMENT,
        0.6,
        r"(?:formed|forming|created|established|launched)<G3> (?:militias?"
        r"|brigades?|units?|battalions?|factions?|wings?|cells?|organi[sz]ations?|forces?)"
        r"|stationed|observation points?|military (?:posts?|bases?)|evacuation deal",
    ),
    Rule(E.DEPLOYMENT, 0.5, r"dispatch(?:ed|es|ing)?|retreat(?:ed|ing|s)?"),
    Rule(E.DEPLOYMENT, 0.4, r"mobili[sz](?:ed|es|ing|ation|ations)"),
    Rule(
        E.DEPLOYMENT,
        0.4,
        r"warships?|destroyers?|aircraft carriers?|carrier strike groups?"
        r"|amphibious (?:assault )?ships?|navy ships?",
    ),
    Rule(E.DEPLOYMENT, 0.3, r"patrol(?:s|ling|led)?|troops"),
    # No event type of its own, but a report of one: an explosion of unstated cause, deaths
    # or bodies with no act named ("confirmed the deaths of five fishermen"), people gone
    # missing ("the boat has not returned"). Weak, so any typed trigger wins; alone, they
    # still make the document a mention of type other.
    Rule(E.OTHER, 0.1, r"explosions?|blasts?|exploded|deaths?|died|dead|bodies|the remains of"),
    Rule(
        E.OTHER,
        0.1,
        r"(?:has|have|had) not (?:yet )?returned|never returned|went missing|unaccounted for",
    ),
)

# -- Spanish lexicon ----------------------------------------------------------------------------

_ES: tuple[Rule, ...] = (
    # look-alikes that are no event
    Rule(
        None,
        0,
        r"(?:se )?trata(?:ba|n|rá|ría)? de (?:un|una|el|la|los|las|evitar|saber)"
        r"|(?:en|puesta en|poner en|pone en|sobre la|a toda) marcha|marcha atrás"
        r"|paro (?:cardíaco|cardiaco|respiratorio|cardiorrespiratorio)|protestantes?"
        r"|protestantismo"
        r"|ataques? (?:al corazón|cardíacos?|cardiacos?|de pánico|de asma|de nervios)",
    ),
    Rule(
        None,
        0,
        r"(?:violación|violaciones|viol(?:ó|aron|ando|ar)|violatori\w*)<G2>"
        r" (?:de )?(?:los |la |el |las |del )?(?:derechos|soberanía|espacio|ley|leyes"
        r"|acuerdos?|tregua|cese|normas?|constitución|privacidad|sanciones|embargo|alto el"
        r" fuego|debido proceso|protocolos?|garantías|reglamentos?|orden|contratos?|integridad"
        r"|frontera|aguas|términos|principios?|tratados?|derecho internacional)",
    ),
    Rule(
        None,
        0,
        r"(?:narco_?tráfico|narcotraficantes?|tráfico de (?:drogas|armas"
        r"|estupefacientes"
        r"|cocaína))|rutas? de(?:l)? (?:tráfico|narcotráfico)|combat\w* (?:al|a la|el|la|contra"
        r" el|contra la) (?:narco\w*|crimen|delincuencia|corrupción|pobreza|inseguridad"
        r"|tráfico)|enfrenta\w* (?:cargos|acusaciones|una pena|penas|juicio|la justicia"
        r"|un proceso|el reto|el desafío|problemas)",
    ),
    Rule(
        None,
        0,
        r"(?:prueba|pruebas|ensayo|ensayos|lanzamiento) de (?:un |una )?(?:misil"
        r"|misiles|cohete|cohetes|satélite)|fuerza aérea|base aérea|espacio aéreo"
        r"|captura de pantalla|expuls\w*<G3> (?:diplomátic\w*|embajador\w*|cónsul\w*"
        r"|encargad[oa] de negocios)|coche bomba|carro bomba|artefactos? explosivos?"
        r"|granadas?|minas? antipersona|(?:secuestr|incaut|decomis|asegur)\w*<G3> (?:armas"
        r"|municiones|vehículos|celulares|dinero|mercancía|mercadería)",
    ),
    # air or drone strike
    Rule(
        E.AIR_OR_DRONE_STRIKE,
        1.0,
        r"ataques? aéreos?|bombardeos? aéreos?|ofensiva aérea"
        r"|incursión aérea|raid aéreo|ataques? (?:con|de) (?:drones?|dron)|bombardeos? con"
        r" (?:drones?|dron)|drones? armados?|barriles? bomba|bombas de barril",
    ),
    Rule(
        E.AIR_OR_DRONE_STRIKE,
        0.9,
        r"(?:aviones|avión|cazas|helicópteros?|drones?|dron"
        r"|aeronaves?)<G3> (?:bombardearon|bombardeó|atacaron|atacó|dispararon|disparó"
        r"|lanzaron|lanzó|impactaron)",
    ),
    Rule(
        E.AIR_OR_DRONE_STRIKE,
        0.8,
        r"ataques? (?:cinéticos?|letales?|de precisión"
        r"|selectivos?|quirúrgicos?)|(?:golpes?|ataques?) (?:militares?|estadounidenses?"
        r"|de ee\.? ?uu\.?|de estados unidos)",
    ),
    Rule(E.AIR_OR_DRONE_STRIKE, 0.5, r"bombardeos?|bombarde(?:ó|aron|ado|ada|ados|adas|ar|a|an)"),
    Rule(E.AIR_OR_DRONE_STRIKE, 0.3, r"drones?|dron"),
    # strike on a vessel
    Rule(
        E.STRIKE_ON_VESSEL,
        1.3,
        r"(?:ataques?|bombardeos?|golpes?)<G4> (?:a|contra|sobre|de)"
        r"<G3> <BARCO>",
    ),
    Rule(
        E.STRIKE_ON_VESSEL,
        1.1,
        r"(?:atac(?:ó|aron|ado|ada|a|an)|bombarde(?:ó|aron|a|an)"
        r"|hund(?:ió|ieron|ido|ida|e|en|imiento de)|destru(?:yó|yeron|ido|ida|ye|yen|cción de)"
        r"|impact(?:ó|aron|a|an)|alcanz(?:ó|aron|a|an)|vol(?:ó|aron))<G3> <BARCO>"
        r"|<BARCO><G2> (?:fue|fueron) (?:atacad|bombarde|hundid|destruid|alcanzad|impactad)\w*",
    ),
    # shelling, artillery or missile attack
    Rule(
        E.SHELLING_OR_MISSILE,
        1.0,
        r"(?:lanzaron|dispararon|lanzó|disparó)<G3> (?:cohetes?"
        r"|misiles?|morteros?|proyectiles?|obuses)|cañoneo|cañonazos?|fuego de artillería"
        r"|ataques? con (?:misiles?|cohetes?|morteros?)|bombardeos? de artillería",
    ),
    Rule(E.SHELLING_OR_MISSILE, 0.9, r"artillería|misiles? balísticos?|misiles? de crucero"),
    Rule(E.SHELLING_OR_MISSILE, 0.7, r"morteros?|obuses|cohetes?|misiles?|proyectiles?"),
    # armed clash
    Rule(
        E.ARMED_CLASH,
        1.0,
        r"intercambio de (?:disparos|fuego|balas|tiros)"
        r"|(?:tiroteos?|balaceras?) entre|repeli(?:eron|ó) (?:el fuego|los disparos)"
        r"|respondieron (?:al fuego|a los disparos)",
        role="gunfire",
    ),
    Rule(
        E.ARMED_CLASH,
        1.0,
        r"enfrentamientos?|se enfrent(?:aron|ó|an|aban)|enfrentaron"
        r"|enfrentándose|choques? armados?|choques? entre|emboscad\w*|combates?",
    ),
    Rule(
        E.ARMED_CLASH,
        1.0,
        r"(?:atac\w*|asalt\w*|embosc\w*|hostig\w*) (?:a |contra )?"
        r"(?:un |una |los |las |el "
        r"|la )?(?:\w+ ){0,2}?(?:militares|soldados|tropas|ejército|patrullas?|convoy|base"
        r"|cuartel|puesto militar|puesto policial|estación de policía|policías|agentes"
        r"|fuerzas de seguridad|retén)",
        role="act",
    ),
    Rule(
        E.ARMED_CLASH,
        0.9,
        r"(?:tomaron|tomó|recuperaron|recuperó|capturaron|retomaron"
        r"|ganaron|asumieron|arrebataron) (?:el )?control (?:de|del|sobre)|(?:tomaron|tomó"
        r"|recuperaron|recuperó|retomaron|capturaron|liberaron|asaltaron|irrumpieron en)"
        r" (?:\w+ ){0,3}?<TERRENO>",
        role="territory",
    ),
    Rule(
        E.ARMED_CLASH,
        0.8,
        r"ofensivas?|contraofensivas?|contraataques?|combatieron"
        r"|combatiendo|repeli(?:eron|ó) (?:la |una |el )?(?:agresión|ataque)",
    ),
    Rule(E.ARMED_CLASH, 0.6, r"(?:abatid[oa]s?|abatieron|abatió|neutraliz\w*)|batallas?"),
    # attack on civilians
    Rule(
        E.ATTACK_ON_CIVILIANS,
        1.0,
        r"masacres?|matanzas?|feminicidios?|ejecuciones"
        r" extrajudiciales|abrieron fuego contra<G2> <VICTIMAS>",
    ),
    Rule(
        E.ATTACK_ON_CIVILIANS,
        0.9,
        r"(?:atac\w*|ataques?|atentados?|asalt\w*) (?:a |contra "
        r"|en )?(?:\w+ ){0,3}?(?:pueblos?|poblados?|civiles|mercados?|iglesias?|mezquitas?"
        r"|escuelas?|hospitales?|autobuses|bus|buses|viviendas?|casas?|restaurantes?|bares?"
        r"|discotecas?|fiestas?|velorios?|funerales?|pobladores|vecinos|campesinos|comunidad"
        r"|comunidades|desplazados)|acribill\w*|a balazos|a tiros",
    ),
    Rule(
        E.ATTACK_ON_CIVILIANS,
        0.8,
        r"(?:mat(?:ó|aron|ando|a|an)|asesin\w+|dej(?:ó|ando|aron)"
        r" (?:al menos )?\w+ muert\w+ entre) (?:a )?(?:al menos |unos |unas |más de )?"
        r"(?:\d+ |\w+ )?<VICTIMAS>|<VICTIMAS>(?: \w+){0,2} (?:fueron |resultaron )?"
        r"(?:asesinad|ejecutad|baleadas?|acribillad|masacrad)\w*|mat(?:an|a|ó|aron) a",
        role="act",
    ),
    Rule(
        E.ATTACK_ON_CIVILIANS,
        0.8,
        r"asesinat\w*|asesin(?:ó|aron|ado|ada|ados|adas|ar|a|an)"
        r"|ultimad[oa]s?|ultimaron|balea(?:n|ron|do|da|dos|das)|baleó",
    ),
    Rule(
        E.ATTACK_ON_CIVILIANS,
        0.7,
        r"homicidios?|abrieron fuego|dispararon contra"
        r"|disparos contra",
        role="gunfire",
    ),
    Rule(
        E.ATTACK_ON_CIVILIANS,
        0.7,
        r"linchad\w*|linchamientos?|linch(?:ó|aron)|torturad[oa]s?"
        r"|tortur(?:aron|ó)|decapitad\w*|descuartizad\w*|calcinad[oa]s",
    ),
    Rule(
        E.ATTACK_ON_CIVILIANS,
        0.6,
        r"tiroteos?|balaceras?|ataques? armados?|fuego cruzado",
        role="gunfire",
    ),
    Rule(E.ATTACK_ON_CIVILIANS, 0.5, r"sicarios?|sicariato|atentados?"),
    Rule(
        E.ATTACK_ON_CIVILIANS,
        0.7,
        r"(?:fue|fueron|han sido|habría sido|habrían sido)"
        r" ejecutad[oa]s?|ejecutad[oa]s? (?:a tiros|a balazos|de \w+ disparos)",
    ),
    Rule(
        E.ATTACK_ON_CIVILIANS,
        0.4,
        r"disparos|balazos|pistoleros|hombres armados|asesinos?",
        role="gunfire",
    ),
    Rule(
        E.ATTACK_ON_CIVILIANS, 0.3, r"ataques?|atac(?:ó|aron|ado|ada|ados|adas|ar|a|an)", role="act"
    ),
    Rule(E.ATTACK_ON_CIVILIANS, 0.2, r"muert[oa]s|asesinados", role="act"),
    # abduction
    Rule(
        E.ABDUCTION,
        1.0,
        r"secuestr\w*|plagi(?:o|os|ad[oa]s?|aron|ó|arios)|privad[oa]s?"
        r" (?:ilegalmente )?de (?:la |su )?libertad|privación (?:ilegal )?de (?:la )?libertad"
        r"|desaparici(?:ón|ones) forzadas?|desaparecid[oa]s? forzosamente|levant(?:ón|ones)",
    ),
    Rule(
        E.ABDUCTION,
        0.9,
        r"rapt(?:o|os|ad[oa]s?|aron|ó|ores)|rehenes|rehén|cautiverio"
        r"|captores|(?:lo|la|los|las) levantaron",
    ),
    Rule(
        E.ABDUCTION,
        0.7,
        r"paradero desconocido|lugar desconocido|incomunicad[oa]s?"
        r"|(?:pago|cobro|exigieron|pidieron|piden|exigen)(?: \w+){0,2}? rescate",
    ),
    Rule(E.ABDUCTION, 0.4, r"desaparecid[oa]s?|desapareci(?:ó|eron)"),
    # sexual violence
    Rule(
        E.SEXUAL_VIOLENCE,
        1.0,
        r"violación|violaciones|violad(?:[oa]s?|or|ores)|violaron"
        r"|abusos? sexual(?:es)?|agresi(?:ón|ones) sexual(?:es)?|violencia sexual|esclavitud"
        r" sexual|explotación sexual|abus(?:ó|aron|ad[oa]s?) sexualmente|estupro",
    ),
    Rule(E.SEXUAL_VIOLENCE, 0.6, r"acoso sexual|manose\w*|tocamientos"),
    # extortion
    Rule(
        E.EXTORTION,
        1.0,
        r"extorsi\w*|(?:cobros?|pagos?|cobrar|pagar|cobraban|cobran|cobraba"
        r"|exigían|exigen|exigía)(?: de)? (?:la |las |el |los )?(?:vacunas?|cupos?|piso"
        r"|derecho de piso|cuotas?|renta|impuestos?)|derecho de piso|cuotas? extorsivas?"
        r"|impuesto de guerra",
    ),
    Rule(E.EXTORTION, 0.6, r"gota a gota|chantaj\w*"),
    # human trafficking and smuggling
    Rule(
        E.TRAFFICKING,
        1.0,
        r"trata de (?:personas|blancas|mujeres|menores|niñ[oa]s|seres"
        r" humanos|migrantes)|redes? de trata|víctimas de trata|delito de trata|trata con fines"
        r"|tráfico (?:ilícito )?de (?:personas|migrantes|seres humanos|indocumentados|menores"
        r"|niños|mujeres)|tráfico humano|contrabando de (?:personas|migrantes)|traficantes de"
        r" (?:personas|migrantes|seres humanos)",
    ),
    Rule(
        E.TRAFFICKING,
        0.9,
        r"tratantes|trabajo forzoso|prostitución forzada|servidumbre por"
        r" deudas|explotación laboral|(?:migrantes|indocumentados|personas)(?: \w+){0,2}?"
        r" hacinad[oa]s?",
    ),
    Rule(E.TRAFFICKING, 0.5, r"polleros?|coyotes?|traficantes|contrabando|contrabandistas?"),
    # drug seizure
    Rule(
        E.DRUG_SEIZURE,
        1.0,
        r"(?:decomis\w*|incaut\w*|asegur(?:ó|aron|ado|ada|ados|adas"
        r"|amiento)|secuestr\w*|intercept\w*|confisc\w*|hallaron|hallazgo|encontraron"
        r"|localizaron)<G5> <DROGA>|<DROGA><G3> (?:fue |fueron |han sido )?(?:decomisad"
        r"|incautad|asegurad|secuestrad|interceptad|confiscad)\w*",
    ),
    Rule(E.DRUG_SEIZURE, 0.8, r"decomisos?|incautaci(?:ón|ones)|alijos?|narcoavionetas?"),
    Rule(
        E.DRUG_SEIZURE,
        0.6,
        r"interdicci(?:ón|ones)|cargamentos? de (?:droga|cocaína"
        r"|marihuana|fentanilo)",
    ),
    # arrest or raid
    Rule(E.ARREST_OR_RAID, 1.0, r"arrest(?:o|os|ad[oa]s?|aron|ó|ar|a|an)"),
    Rule(
        E.ARREST_OR_RAID,
        0.9,
        r"detenid[oa]s?|detuv(?:o|ieron)|detien(?:e|en)|detenci(?:ón|ones)"
        r"|aprehend(?:e|en|er|ido|ida|idos|idas|ió|ieron)|aprehensi(?:ón|ones)"
        r"|allanamientos?|allan(?:aron|ó|ado|ada|a|an)|redadas?",
    ),
    Rule(
        E.ARREST_OR_RAID,
        0.8,
        r"captur(?:ad[oa]s?|aron|ó|as?|ar|an)|cateos?"
        r"|cate(?:aron|ó|a|an)",
    ),
    Rule(
        E.ARREST_OR_RAID,
        0.5,
        r"órden(?:es)? de (?:aprehensión|captura|arresto)|extradit\w*"
        r"|extradici(?:ón|ones)",
    ),
    Rule(
        E.ARREST_OR_RAID,
        0.4,
        r"vinculad[oa]s? a proceso|prisión preventiva|puest[oa]s? a"
        r" disposición|imputad[oa]s?|encarcelad[oa]s?",
    ),
    Rule(E.ARREST_OR_RAID, 0.3, r"operativos?"),
    Rule(E.ARREST_OR_RAID, 0.15, r"condenad[oa]s?|sentenciad[oa]s?"),
    # deportation or expulsion
    Rule(None, 0, r"deportes?|deportistas?|deportiv[oa]s?"),  # sport, the club "Deportivo"
    Rule(E.DEPORTATION, 1.0, r"deport\w*|vuelos? de (?:deportación|repatriación|retorno)"),
    Rule(E.DEPORTATION, 0.8, r"expuls\w*|ley de enemigos extranjeros"),
    Rule(
        E.DEPORTATION,
        0.5,
        r"repatri\w*|devuelt[oa]s? a (?:su|sus) país(?:es)?"
        r"|retornad[oa]s?",
    ),
    # property destruction
    Rule(
        E.PROPERTY_DESTRUCTION,
        0.9,
        r"saque(?:o|os|aron|ó|ad[oa]s?|adores|a|an)|vandali\w*"
        r"|vandálic\w*|(?:quema|incendio|destrucción) de(?: \w+){0,2}? (?:viviendas?|casas?"
        r"|vehículos?|autos?|comercios?|negocios?|tiendas?|edificios?|oficinas?|cosechas?"
        r"|patrullas?|buses|autobuses)",
    ),
    Rule(
        E.PROPERTY_DESTRUCTION,
        0.7,
        r"incendi(?:aron|ó|an)|incendiad[oa]s?|prend(?:ieron|en)"
        r" fuego|quem(?:aron|ó|an)|calcinaron|pusieron fuego",
    ),
    Rule(
        E.PROPERTY_DESTRUCTION,
        0.6,
        r"destrozos|destroz(?:aron|ó|an)|destruy(?:eron|ó|en)"
        r"|derrib(?:aron|ó)|demoli\w*|demoli(?:ción|ciones)",
    ),
    Rule(E.PROPERTY_DESTRUCTION, 0.5, r"daños? (?:a|en) (?:la )?propiedad|daños materiales"),
    # protest
    Rule(
        E.PROTEST,
        1.0,
        r"protest\w*|(?:tomaron|salieron a|toman|salen a) las calles"
        r"|(?:detuv\w+|detenid[oa]s|arrest\w+|dispers\w+|reprimi\w+|reprim\w+)<G3>"
        r" (?:manifestantes|marchistas|huelguistas)|manifestantes<G2> (?:fueron )?(?:detenid"
        r"|arrestad|dispersad|reprimid)\w*|cadenas? humanas?",
    ),
    Rule(
        E.PROTEST,
        0.9,
        r"manifestantes?|manifestación|manifestaciones|marchas?|marcharon|marchan"
        r"|marchando|marchistas|huelgas? de hambre|cacerolazos?|plantones?",
    ),
    Rule(E.PROTEST, 0.7, r"huelgas?|huelguistas|paro (?:nacional|cívico|general|indefinido)"),
    Rule(E.PROTEST, 0.6, r"disturbios"),
    Rule(
        E.PROTEST,
        0.5,
        r"gases? lacrimógenos?|balas de goma|perdigones|antimotines"
        r"|cañones de agua|tanquetas|mítines|mitin(?:es)?|vigilias?|bloqueos? de (?:vías"
        r"|carreteras|calles|rutas)",
    ),
    Rule(E.PROTEST, 0.4, r"movilizaci(?:ón|ones)|consignas|pancartas"),
    Rule(E.PROTEST, 0.2, r"activistas|multitud(?:es)?"),
    # See the English lexicon: an explosion, deaths or bodies with no act named.
    Rule(
        E.OTHER,
        0.1,
        r"explosi(?:ón|ones)|estallidos?|explot(?:ó|aron)|muertes?|murió|murieron|fallec\w*"
        r"|cuerpos|cadáver(?:es)?|(?:los )?restos (?:de|mortales)",
    ),
    Rule(
        E.OTHER,
        0.1,
        r"no (?:ha|han|había|habían) (?:regresado|vuelto)|nunca regres(?:ó|aron)"
        r"|desaparecid[oa]s?|paradero desconocido",
    ),
    # deployment and other strategic developments
    Rule(
        E.DEPLOYMENT,
        1.0,
        r"despliegues?|despleg\w*|desplieg\w*|(?:destructores?|buques?)"
        r" (?:lanzamisiles|de misiles guiados)",
    ),
    Rule(
        E.DEPLOYMENT,
        0.9,
        r"(?:env(?:ía|ían|ió|iaron|iar|iará)|envío de|mand(?:ó|aron|a|an)"
        r"|traslad(?:ó|aron|a|an)|moviliz(?:ó|aron|a|an|ación de))<G3> <FUERZAS>"
        r"|(?:instal|establec|constru|levant|abr)\w*<G3> (?:bases?|puestos?|cuarteles?"
        r"|campamentos?|puntos? de observación)"
        r"|se pasaron (?:al bando|a las filas)|(?:bases?|puestos?|cuarteles?|campamentos?)<G1>"
        r" (?:fue|fueron|ha sido|han sido) (?:instalad|establecid|construid|abiert)\w*",
    ),
    Rule(
        E.DEPLOYMENT,
        0.8,
        r"presencia militar|militarización|acumulación (?:de )?(?:fuerzas"
        r"|tropas)|concentración de tropas|desert(?:aron|ó|ores?)|deserci(?:ón|ones)"
        r"|entreg(?:ó|aron|a) (?:el )?control|sin (?:combates|resistencia|enfrentamientos"
        r"|disparar un tiro|un solo disparo)",
    ),
    Rule(
        E.DEPLOYMENT,
        0.7,
        r"refuerzos?|reforz(?:ó|aron|ado|ada|ados|adas)|replieg\w*"
        r"|repleg\w*|retir(?:ó|aron|ada|o) de(?: \w+){0,2}? (?:tropas|fuerzas|soldados"
        r"|militares|efectivos)|design\w*<G4> organización terrorista|(?:cierre|cerrad[oa]"
        r"|cerr(?:ó|ar))<G2> espacio aéreo",
    ),
    Rule(
        E.DEPLOYMENT,
        0.5,
        r"destructores?|buques? de guerra|portaaviones|submarinos?"
        r"|fragatas?|bases? militar(?:es)?",
    ),
    Rule(E.DEPLOYMENT, 0.3, r"patrullaje\w*"),
)

# -- context cues (sentence level) -------------------------------------------------------------

# Target vessels; not warships, which are the ones striking or deploying.
_VESSEL_CUE = (
    r"boats?|vessels?|speed_?boats?|go_fast|skiffs?|semi_?submersibles?|narco_?subs?|tankers?"
    r"|freighters?|dhows?|pangas?|lanchas?|narcolanchas?|embarcación|embarcaciones|botes?"
    r"|semisumergibles?|narcosubmarinos?|peñeros?|pesqueros?"
)
_VICTIM_CUE = (
    r"bystanders?|passers_?by|passersby|civilians?|innocents?|children|child|kids|students"
    r"|worshippers|pedestrians|shoppers|customers|diners|toddlers?|infants?|babies|baby"
    r"|teenagers?|schoolchildren|transeúntes|civiles|inocentes|niños|niñas|niño|niña|menores"
    r"|estudiantes|alumnos|feligreses|peatones|clientes|comensales|bebés?|personas que pasaban"
    r"|víctimas colaterales"
)
_ARMED_CUE = (
    r"troops|soldiers|army|military|police|officers|deputies|agents|marines|guards"
    r"|militants|insurgents|rebels|gunmen|gang members|gangs?|cartels?|fighters|militia\w*"
    r"|guerrillas?|sicarios|militares|soldados|ejército|policías?|agentes|elementos"
    r"|guardia nacional|marinos|pistoleros|delincuentes|criminales|hombres armados"
    r"|grupos? armados?|cártel\w*|cartel\w*|células?|guerrilleros?|disidencias?|bandas?"
)
# Two armed sides firing at each other.
_EXCHANGE_CUE = (
    r"between|entre|returned fire|fired back|shot back|repel\w*|repeli\w*|repeló"
    r"|respondieron (?:a|al) (?:fuego|la agresión|los disparos)|repeler"
)
_PROTEST_CUE = (
    r"protest(?:s|ed|ing|ers?|ors?)?|demonstrations?(?! of)|demonstrators?|rall(?:y|ies)"
    r"|marchers|strikers|sit_?ins?|protestas?|protestaron|protestando|manifestantes?"
    r"|manifestación|manifestaciones|marchistas|huelguistas|plantón"
)
_CHARGE_CUE = (
    r"charged (?:with|in|over|for)|charges? (?:of|for|in)|accused (?:of|in)|suspected (?:of|in)"
    r"|convicted (?:of|in)|guilty of|sentenced (?:for|in)|indicted (?:for|on|in)|on suspicion of"
    r"|in connection with|(?:arrested|detained|held|jailed|booked|nabbed|apprehended|caught"
    r"|captured|wanted|questioned) (?:for|over|on|in)(?: the| a| an| his| her| their)?"
    r"|responsible for|connection to|linked to"
    r"|acusad[oa]s? (?:de|del|por)|señalad[oa]s? (?:de|del|por|como)|sospechos[oa]s? del?"
    r"|culpables? del?"
    r"|(?:detenid|arrestad|capturad|aprehendid|procesad|imputad|vinculad|sentenciad|condenad"
    r"|investigad|buscad)[oa]s? (?:por|en|como)|presuntos? (?:responsables?|implicad[oa]s?"
    r"|partícipes?) (?:de|en|del)|por (?:el |los |la |las )?(?:presuntos? |supuestos? )?delitos?"
    r" de|por su (?:presunta )?participación en|en relación con|relacionad[oa]s? con"
    r"|responsables? del?"
)
_WITHDRAWAL_CUE = (
    r"withdr(?:ew|awn|aw|awal|awing)|pull(?:ed|ing|s)? (?:out|back)|retreated|handed over"
    r"|hand over|evacuat\w*|without (?:any )?(?:fighting|resistance|clashes|a shot|armed clashes"
    r"|a fight|firing)|se retir(?:ó|aron|aban)|retirada|replieg\w*|repleg\w*|entreg(?:ó|aron)"
    r"|sin (?:combates|resistencia|enfrentamientos|disparar)"
)
# "for", "over", "por": a charge only after an arrest trigger in the same sentence.
_FOR_CUE = r"for|over|after|por|tras|después de"
# After a protest trigger, what the protest is about: "march over the killing".
_GRIEVANCE_CUE = (
    r"over|against|for|after|to demand justice for|in protest (?:at|over|against)|por|contra"
    r"|tras|en rechazo (?:a|al)|en protesta por|para exigir justicia por|exigir justicia por"
)
# Before a protest trigger, an announcement: the protest is planned, not yet an event.
_ANNOUNCE_CUE = (
    r"announc\w*|called for|calls for|call for|plans? to|planned|will hold|to hold"
    r"|anunci\w*|convoc(?:an|a|aron|ó|ando)|llaman? a|llamaron a|planean|preparan|realizarán"
)
_CUES = {
    "vessel": _VESSEL_CUE,
    "victim": _VICTIM_CUE,
    "armed": _ARMED_CUE,
    "exchange": _EXCHANGE_CUE,
    "protest": _PROTEST_CUE,
    "charge": _CHARGE_CUE,
    "for": _FOR_CUE,
    "withdrawal": _WITHDRAWAL_CUE,
    "grievance": _GRIEVANCE_CUE,
    "announce": _ANNOUNCE_CUE,
}

# -- compiling ----------------------------------------------------------------------------------

_ACCENTS = str.maketrans(
    {"á": "[aá]", "é": "[eé]", "í": "[ií]", "ó": "[oó]", "ú": "[uú]", "ñ": "[ñn]"}
)
_GAP = re.compile(r"<G(\d)>")
_NAME = re.compile(r"<([A-Z]+)>")


def _expand(pattern: str) -> str:
    pattern = _NAME.sub(lambda m: _WORDS[m.group(1)], pattern)
    pattern = _GAP.sub(lambda m: rf"(?:\W+\w+){{0,{m.group(1)}}}?", pattern)
    pattern = pattern.replace(" ", r"[\s\-]+").replace("_", r"[\s\-]?")
    return pattern.translate(_ACCENTS)


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern (split at `|` outside brackets)."""
    parts, depth, current, escaped = [], 0, [], False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return parts


def _words_in(alternative: str) -> int:
    """How many words an alternative spans at least: longer phrases are tried first, so
    "strike on a boat" wins over "strike" and "demonstration of" over "demonstration"."""
    return alternative.count(" ") + alternative.count("<G")


class _Scanner:
    """Finds the leftmost, first-listed match among many patterns, as one big alternation
    would, several times faster: every pattern starts at a word start, so at each word only
    the patterns that can begin with the word's first two characters are tried."""

    _WORD = re.compile(r"\w+")

    def __init__(self, patterns: tuple[str, ...]) -> None:
        heads = [_heads(p) for p in patterns]
        keys = set().union(*(h for h in heads if h is not None))

        def alternation(key: str | None) -> re.Pattern[str] | None:
            chosen = [
                f"(?P<p{i}>{p})"
                for i, (p, h) in enumerate(zip(patterns, heads, strict=True))
                if h is None or (key is not None and key in h)
            ]
            return re.compile(rf"(?:{'|'.join(chosen)})\b") if chosen else None

        self._by_head = {key: alternation(key) for key in keys}
        self._other = alternation(None)  # patterns whose start could not be worked out

    def scan(self, lowered: str) -> list[tuple[int, int, int]]:
        """(start, end, pattern index) of each match, in text order, never overlapping."""
        found = []
        done = 0
        by_head, other = self._by_head, self._other
        for word in self._WORD.finditer(lowered):
            start, end = word.span()
            if start < done:
                continue
            head = lowered[start : start + 2] if end - start > 1 else lowered[start] + " "
            pattern = by_head.get(head, other)
            if pattern is None:
                continue
            m = pattern.match(lowered, start)
            if m is not None:
                found.append((start, m.end(), int(m.lastgroup[1:])))  # type: ignore[index]
                done = m.end()
        return found


_HEAD = 2  # characters of a match's start used to pick the patterns to try
_NON_WORD = " "  # stands for any character that is not a word character


def _heads(pattern: str) -> frozenset[str] | None:
    """The first _HEAD characters any match of `pattern` can start with (non-word characters
    as _NON_WORD); None when the pattern is too open to tell."""
    heads = _sequence(_parser.parse(pattern))
    if heads is None:
        return None
    return frozenset(h.ljust(_HEAD, _NON_WORD) for h in heads)


def _sequence(items: Iterable[tuple[Any, Any]]) -> set[str] | None:
    """Possible first _HEAD characters of a parsed sequence (shorter: the match may end)."""
    partial = {""}
    for op, av in items:
        if all(len(p) >= _HEAD for p in partial):
            break
        options = _item(op, av)
        if options is None:
            return None
        partial = {p if len(p) >= _HEAD else (p + o)[:_HEAD] for p in partial for o in options}
    return partial


def _char(code: int) -> str:
    char = chr(code)
    return char if char.isalnum() or char == "_" else _NON_WORD


def _item(op: Any, av: Any) -> set[str] | None:
    """Possible first _HEAD characters of one parsed regex item (`re._parser` opcodes)."""
    if op is _c.LITERAL:
        return {_char(av)}
    if op is _c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _c.LITERAL:
                chars.add(_char(value))
            elif kind is _c.RANGE:
                chars.update(_char(c) for c in range(value[0], value[1] + 1))
            elif kind is _c.CATEGORY and value in (_c.CATEGORY_SPACE, _c.CATEGORY_NOT_WORD):
                chars.add(_NON_WORD)
            elif kind is _c.CATEGORY and value is _c.CATEGORY_DIGIT:
                chars.update("0123456789")
            else:
                return None
        return chars
    if op is _c.SUBPATTERN:
        return _sequence(av[3])
    if op is _c.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            options = _sequence(branch)
            if options is None:
                return None
            union |= options
        return union
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        low, high, body = av
        once = _sequence(body)
        if once is None:
            return None
        options = {""} if low == 0 else set()
        repeated = {""}
        for count in range(1, min(high, _HEAD) + 1):
            repeated = {(r + o)[:_HEAD] for r in repeated for o in once}
            if count >= low:
                options |= repeated
        if low > _HEAD:
            options |= repeated
        return options
    if op is _c.AT:
        return {""}
    return None


@dataclass(frozen=True)
class _Lexicon:
    rules: tuple[Rule, ...]  # rules[i]: the rule of the scanner's i-th pattern
    triggers: _Scanner
    cue_names: tuple[str, ...]
    cues: _Scanner


@cache
def _lexicon(language: str) -> _Lexicon:
    rules = {"en": _EN, "es": _ES}.get(language, _EN + _ES)
    split = [(alt, rule) for rule in rules for alt in _alternatives(rule.pattern)]
    ordered = sorted(split, key=lambda pair: _words_in(pair[0]), reverse=True)
    return _Lexicon(
        rules=tuple(rule for _, rule in ordered),
        triggers=_Scanner(tuple(_expand(alt) for alt, _ in ordered)),
        cue_names=tuple(_CUES),
        cues=_Scanner(tuple(_expand(p) for p in _CUES.values())),
    )


def _language_key(language: str) -> str:
    language = language.lower()
    return language if language in ("en", "es") else "both"


def _lower(text: str) -> str:
    """Lower-case without moving any offset (a few characters grow when lower-cased)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


# Sentence ends: . ! ? (and closing quotes) before a space and a non-lowercase letter, or a
# line break. Abbreviations like "U.S. forces" split too early; the cost is a lost cue.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[^a-z])|\n+")


def _sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


# -- finding triggers ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    type: EventType
    start: int
    end: int
    weight: float
    sentence: int


def _find(text: str, language: str) -> tuple[list[_Found], list[int]]:
    lexicon = _lexicon(_language_key(language))
    lowered = _lower(text)
    raw = [
        (start, end, rule)
        for start, end, i in lexicon.triggers.scan(lowered)
        if (rule := lexicon.rules[i]).type is not None
    ]
    if not raw:
        return [], []
    starts = _sentence_starts(text)
    cues: dict[str, dict[int, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    for start, end, i in lexicon.cues.scan(lowered):
        cues[lexicon.cue_names[i]][bisect_right(starts, start) - 1].append((start, end))
    context = _Context(cues)
    for s, _, rule in raw:
        context.note(rule, s, bisect_right(starts, s) - 1)
    found = []
    for s, e, rule in raw:
        sentence = bisect_right(starts, s) - 1
        kind, weight = context.judge(rule, s, sentence)
        found.append(_Found(kind, s, e, weight, sentence))
    return found, starts


class _Context:
    """What each sentence holds besides a trigger: cue spans by kind (vessel, victim, armed,
    exchange, protest, charge, for, withdrawal), and facts from the other triggers."""

    def __init__(self, cues: dict[str, dict[int, list[tuple[int, int]]]]) -> None:
        self.cues = cues
        self.protest_sentences = {
            sentence
            for sentence, spans in cues["protest"].items()
            if any(not self._planned(start, sentence) for start, _ in spans)
        }
        self.first_arrest: dict[int, int] = {}  # sentence -> start of its first arrest
        self.first_protest: dict[int, int] = {}  # sentence -> start of its first held protest
        self.means: dict[int, tuple[float, EventType]] = {}  # sentence -> strongest weapon
        self.violent: set[int] = set()  # sentences naming fighting or remote weapons

    def note(self, rule: Rule, start: int, sentence: int) -> None:
        kind = rule.type
        if kind is E.PROTEST and self._planned(start, sentence):
            return  # an announced march is not yet a protest, nor what the sentence is about
        if kind is E.PROTEST and rule.weight >= 0.5:
            self.protest_sentences.add(sentence)
            self.first_protest.setdefault(sentence, start)
        if kind is E.ARREST_OR_RAID:
            self.first_arrest.setdefault(sentence, start)
        if kind in _MEANS and rule.weight >= 0.7:
            if sentence in self.cues["vessel"]:
                kind = E.STRIKE_ON_VESSEL
            strongest = self.means.get(sentence, (0.0, kind))
            self.means[sentence] = max(strongest, (rule.weight, kind))
        if kind in _VIOLENT and rule.role not in ("territory", "act") and rule.weight >= 0.6:
            self.violent.add(sentence)

    def judge(self, rule: Rule, start: int, sentence: int) -> tuple[EventType, float]:
        kind, weight = self._retype(rule, start, sentence)
        if kind is not E.PROTEST and self._names_a_grievance(start, sentence):
            weight *= GRIEVANCE_DISCOUNT
        return kind, weight

    def _retype(self, rule: Rule, start: int, sentence: int) -> tuple[EventType, float]:
        kind, weight = rule.type, rule.weight
        assert kind is not None
        if kind in _REMOTE and sentence in self.cues["vessel"]:
            return E.STRIKE_ON_VESSEL, max(weight, 1.0)
        if rule.role == "act" and sentence in self.means:
            return self.means[sentence][1], weight
        if rule.role == "territory" and sentence in self.cues["withdrawal"]:
            if sentence not in self.violent:
                return E.DEPLOYMENT, weight
        if rule.role == "gunfire":
            if sentence in self.cues["victim"]:
                kind = E.ATTACK_ON_CIVILIANS
            elif sentence in self.cues["armed"] and sentence in self.cues["exchange"]:
                kind = E.ARMED_CLASH
        if kind is E.PROTEST and self._planned(start, sentence):
            return kind, weight * PLANNED_DISCOUNT
        if kind in _PROTEST_ABSORBS and sentence in self.protest_sentences:
            return E.PROTEST, weight
        if kind in _CRIMES and self._names_a_charge(start, sentence):
            weight *= CHARGE_DISCOUNT
        return kind, weight

    def _planned(self, start: int, sentence: int) -> bool:
        """An announcement shortly before the protest trigger: "convocan marcha para el
        viernes", "announced a strike for Thursday"."""
        return any(
            0 <= start - end <= PLANNED_WINDOW for _, end in self.cues["announce"].get(sentence, [])
        )

    def _names_a_grievance(self, start: int, sentence: int) -> bool:
        """A trigger after a protest and "over"/"por" in its sentence names what people
        protest: "hundreds march over fishermen killed in a U.S. strike"."""
        protest = self.first_protest.get(sentence)
        return (
            protest is not None
            and protest < start
            and any(
                protest < cue_start and 0 <= start - end <= GRIEVANCE_WINDOW
                for name in ("grievance", "for")  # a span gets one cue name: "over" is "for"
                for cue_start, end in self.cues[name].get(sentence, [])
            )
        )

    def _names_a_charge(self, start: int, sentence: int) -> bool:
        charges = self.cues["charge"].get(sentence, [])
        if any(0 <= start - end <= CHARGE_WINDOW for _, end in charges):
            return True
        arrest = self.first_arrest.get(sentence)
        return (
            arrest is not None
            and arrest < start
            and any(0 <= start - end <= FOR_WINDOW for _, end in self.cues["for"].get(sentence, []))
        )


def triggers(text: str, language: str) -> list[tuple[EventType, Span, float]]:
    """Every trigger in `text`, in text order: its type after sentence context, its span and
    its weight (lexicon weight, lowered when the trigger names the charge of an arrest).
    `language` "en" or "es" picks one lexicon; any other value uses both."""
    found, _ = _find(text, language)
    return [(f.type, Span.of(text, f.start, f.end), round(f.weight, 3)) for f in found]


# -- classifying --------------------------------------------------------------------------------


def _add(
    scores: dict[EventType, list[float]],
    found: Iterable[_Found],
    factor_of: Callable[[_Found], float],
) -> None:
    for f in found:
        scores[f.type].append(f.weight * factor_of(f))


def _total(contributions: list[float]) -> float:
    """Diminishing returns: the k-th strongest trigger of a type counts 1/k, so many passing
    mentions in the body do not outweigh what the title and lead say."""
    return sum(c / k for k, c in enumerate(sorted(contributions, reverse=True), start=1))


def classify(text: str, language: str, title: str | None = None) -> EventTypeGuess:
    """The main event type of a document. Triggers in the title count TITLE_FACTOR times,
    in the lead LEAD_FACTOR times; OTHER with score 0 when nothing fires."""
    title = (title or "").strip()
    title_in_text = bool(title) and text.lstrip().startswith(title)
    title_end = text.find(title) + len(title) if title_in_text else 0
    found, starts = _find(text, language)
    lead_from = bisect_right(starts, title_end - 1) if title_in_text else 0

    def factor(f: _Found) -> float:
        if f.start < title_end:
            return TITLE_FACTOR
        return LEAD_FACTOR if f.sentence < lead_from + LEAD_SENTENCES else 1.0

    scores: dict[EventType, list[float]] = defaultdict(list)
    _add(scores, found, factor)
    if title and not title_in_text:
        _add(scores, _find(title, language)[0], lambda f: TITLE_FACTOR)
    if not scores:
        return EventTypeGuess(type=E.OTHER, score=0.0)
    totals = {kind: _total(c) for kind, c in scores.items()}
    best = min(totals, key=lambda kind: (-totals[kind], _RANK[kind]))
    deciding = sorted(
        (f for f in found if f.type is best), key=lambda f: f.weight * factor(f), reverse=True
    )[:5]
    spans = tuple(Span.of(text, f.start, f.end) for f in sorted(deciding, key=lambda f: f.start))
    return EventTypeGuess(type=best, score=round(totals[best], 3), spans=spans)

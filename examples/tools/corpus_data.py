# ruff: noqa: E501  (fixture prose: long lines are intended)
"""Content of cotejo's bundled sample corpus: sources, incidents and documents.

EVERYTHING HERE IS FICTIONAL. Every person, outlet, spokesperson, account and event is
invented; only place names, institutions' generic names and the political background are real.
Phone numbers use the 555 fiction range; every URL uses the reserved `.example` TLD.

`build_corpus.py` renders these records into files; `build_warc.py` renders the WARC pages.
Paragraphs in `body` are separated by blank lines.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------------------------
# Sources (publishers and accounts). `name` is exactly what the documents call themselves.
# ---------------------------------------------------------------------------------------------
US_GOV = "United States federal government"
VE_STATE_MEDIA = "Venezuelan state media (national government)"

SOURCES = [
    # official
    dict(
        name="Department of War",
        kind="official",
        country="US",
        language="en",
        domains=["war.example"],
        affiliation=US_GOV,
        note="posts on X as @DoWPressOffice (x.example is shared, so it is not listed as a domain)",
    ),
    dict(
        name="Department of Homeland Security",
        kind="official",
        country="US",
        language="en",
        domains=["dhs.example"],
        affiliation=US_GOV,
    ),
    dict(
        name="Policía Metropolitana de Cúcuta",
        kind="official",
        country="CO",
        language="es",
        domains=["policiacucuta.example"],
        affiliation="Colombian national government",
    ),
    dict(
        name="Policía Nacional del Perú",
        kind="official",
        country="PE",
        language="es",
        domains=["policia.pe.example"],
        affiliation="Peruvian national government",
        note="posts on X as @PNP_Prensa_Lima",
    ),
    # wire agency (origin of the reprints; it publishes no document of its own in the corpus)
    dict(
        name="Global Wire Service",
        kind="media",
        country="US",
        language="en",
        domains=["globalwire.example"],
        affiliation="",
        note="wire agency: origin of the ten reprints of incident A; no document of its own here",
    ),
    # the ten outlets that reprint the wire story (independent owners: no affiliation)
    dict(
        name="The Harbor Courier",
        kind="media",
        country="US",
        language="en",
        domains=["harborcourier.example"],
        affiliation="",
    ),
    dict(
        name="Midland Daily Ledger",
        kind="media",
        country="US",
        language="en",
        domains=["midlandledger.example"],
        affiliation="",
    ),
    dict(
        name="The Coastline Herald",
        kind="media",
        country="US",
        language="en",
        domains=["coastlineherald.example"],
        affiliation="",
    ),
    dict(
        name="The Northern Gazette",
        kind="media",
        country="CA",
        language="en",
        domains=["northerngazette.example"],
        affiliation="",
    ),
    dict(
        name="Island Mirror Online",
        kind="media",
        country="TT",
        language="en",
        domains=["islandmirror.example"],
        affiliation="",
    ),
    dict(
        name="The Prairie Examiner",
        kind="media",
        country="US",
        language="en",
        domains=["prairieexaminer.example"],
        affiliation="",
    ),
    dict(
        name="Valley Sentinel",
        kind="media",
        country="US",
        language="en",
        domains=["valleysentinel.example"],
        affiliation="",
    ),
    dict(
        name="Capital Dispatch",
        kind="media",
        country="US",
        language="en",
        domains=["capitaldispatch.example"],
        affiliation="",
    ),
    dict(
        name="The Lakeshore Post",
        kind="media",
        country="US",
        language="en",
        domains=["lakeshorepost.example"],
        affiliation="",
    ),
    dict(
        name="The Morning Register",
        kind="media",
        country="GB",
        language="en",
        domains=["morningregister.example"],
        affiliation="",
    ),
    # other media
    dict(
        name="Diario del Paria",
        kind="media",
        country="VE",
        language="es",
        domains=["diariodelparia.example"],
        affiliation="",
    ),
    dict(
        name="Noticiero Nacional Venezolano",
        kind="media",
        country="VE",
        language="es",
        domains=["nnv.example"],
        affiliation=VE_STATE_MEDIA,
    ),
    dict(
        name="Radio Patria",
        kind="media",
        country="VE",
        language="es",
        domains=["radiopatria.example"],
        affiliation=VE_STATE_MEDIA,
    ),
    dict(
        name="The Meridian Post",
        kind="media",
        country="US",
        language="en",
        domains=["meridianpost.example"],
        affiliation="",
    ),
    dict(
        name="El Pacífico Noticias",
        kind="media",
        country="CO",
        language="es",
        domains=["elpacificonoticias.example"],
        affiliation="",
    ),
    dict(
        name="La Frontera Hoy",
        kind="media",
        country="CO",
        language="es",
        domains=["lafronterahoy.example"],
        affiliation="",
    ),
    dict(
        name="Cúcuta 7 Días",
        kind="media",
        country="CO",
        language="es",
        domains=["cucuta7dias.example"],
        affiliation="",
    ),
    dict(
        name="Andean Report",
        kind="media",
        country="US",
        language="en",
        domains=["andeanreport.example"],
        affiliation="",
    ),
    dict(
        name="Front Range Tribune",
        kind="media",
        country="US",
        language="en",
        domains=["frontrangetribune.example"],
        affiliation="",
    ),
    dict(
        name="Conexión Colorado",
        kind="media",
        country="US",
        language="es",
        domains=["conexioncolorado.example"],
        affiliation="",
    ),
    dict(
        name="El Observador Limeño",
        kind="media",
        country="PE",
        language="es",
        domains=["observadorlimeno.example"],
        affiliation="",
    ),
    dict(
        name="Perú Ahora",
        kind="media",
        country="PE",
        language="es",
        domains=["peruahora.example"],
        affiliation="",
    ),
    dict(
        name="The Littoral Review",
        kind="media",
        country="US",
        language="en",
        domains=["littoralreview.example"],
        affiliation="",
    ),
    # NGOs and associations
    dict(
        name="Observatorio de Derechos del Caribe",
        kind="ngo",
        country="VE",
        language="es",
        domains=["odcaribe.example"],
        affiliation="",
    ),
    dict(
        name="Asociación de Pescadores Artesanales de Güiria",
        kind="ngo",
        country="VE",
        language="es",
        domains=["apag-guiria.example"],
        affiliation="",
    ),
    dict(
        name="Front Range Immigrant Defense Coalition",
        kind="ngo",
        country="US",
        language="en",
        domains=["frontrangeidc.example"],
        affiliation="",
    ),
    # social accounts and channels
    dict(
        name="Sucre al Instante",
        kind="social",
        country="VE",
        language="es",
        domains=[],
        affiliation="",
        note="Telegram channel (folder telegram/sucre-al-instante)",
    ),
    dict(
        name="Yelitza Marcano",
        kind="witness",
        country="VE",
        language="es",
        domains=[],
        affiliation="",
        note="private X account @yelimarcano_gr; relative of one of the dead",
    ),
    dict(
        name="Marisol Ocando",
        kind="social",
        country="US",
        language="en",
        domains=[],
        affiliation="",
        note="immigration lawyer's X account @ocando_law",
    ),
]

# ---------------------------------------------------------------------------------------------
# The wire story of incident A, reprinted by ten outlets.
# ---------------------------------------------------------------------------------------------
WIRE_LEAD = (
    "The U.S. military struck a vessel in the Caribbean Sea off Venezuela on Tuesday, killing "
    "three people aboard, the Department of War said, in the latest of a series of lethal "
    "attacks on boats that the administration says were carrying drugs."
)
WIRE_PARAS = [
    "Department of War spokesman Grant Tillery said in a post on X that the boat was "
    '"operated by narco-terrorists of Tren de Aragua" and was hit in international waters off '
    "the Paria Peninsula, near the Venezuelan fishing town of Güiria. He said no U.S. forces "
    "were harmed.",
    "The department did not provide evidence that the vessel was carrying drugs or that the "
    "people on board belonged to the gang, and did not say how they had been identified. A "
    "12-second video attached to the post showed a small open boat exploding at sea. Global "
    "Wire Service could not independently verify where or when the video was recorded.",
    "Venezuela's information ministry did not immediately respond to a request for comment. "
    "Residents of Güiria, a port of about 30,000 people on the Gulf of Paria, told local media "
    "on Tuesday night that a fishing boat that had left the town before dawn had not returned "
    "and that relatives were waiting at the dock.",
    "The strike is at least the seventh that the administration has announced in the "
    "Caribbean since early September. Those strikes have killed at least 32 people, according "
    "to a Global Wire Service tally of official statements.",
    "Legal experts and several members of Congress have questioned the legal basis for the "
    "attacks, which the administration describes as part of an armed conflict with drug cartels "
    "it has designated as terrorist organizations. The administration has not published the "
    "legal opinion it says supports the strikes.",
    "Tren de Aragua, which began in a prison in Venezuela's Aragua state, was designated a "
    "foreign terrorist organization by the United States earlier this year. Researchers who "
    "study the group describe it as a loose network of criminal cells that makes most of its "
    "money from extortion and human smuggling, not from shipping cocaine by sea.",
]
WIRE_CREDIT = (
    "(Reporting by Elena Marsh in Washington and Tomás Ibarra in Caracas; Editing by Ruth Okafor)"
)
WIRE_AUTHOR = "Elena Marsh and Tomás Ibarra, Global Wire Service"


def wire_body(
    dateline: str,
    *,
    drop_last_para: bool = False,
    drop_last_sentence: bool = False,
    credit: bool = True,
    extra: str | None = None,
) -> str:
    """The wire story with one outlet's small edits (dateline, a dropped or added ending)."""
    paras = [f"{dateline} {WIRE_LEAD}"] + list(WIRE_PARAS)
    if drop_last_para:
        paras = paras[:-1]
    if drop_last_sentence:
        last = paras[-1]
        paras[-1] = last[: last.rfind(" Researchers")]
    if extra:
        paras.append(extra)
    if credit:
        paras.append(WIRE_CREDIT)
    return "\n\n".join(paras)


WIRE = "wire-A"  # near-duplicate group id

# ---------------------------------------------------------------------------------------------
# Documents. Common keys: key, incident ("A".."F" or "none"), fmt, file, source, lang, title,
# url, published (ISO 8601), author, body. Optional: dup (near-duplicate group), summary
# (feeds), tg (Telegram message fields), warc (which WARC file).
# ---------------------------------------------------------------------------------------------
DOCS: list[dict] = []


def doc(**kw) -> dict:
    DOCS.append(kw)
    return kw


# ============================== incident A: strike off Güiria =================================
doc(
    key="A-dow-post",
    incident="A",
    fmt="jsonl",
    file="jsonl/collected.jsonl",
    source="Department of War",
    lang="en",
    title="Department of War on X: strike on Tren de Aragua vessel in the Caribbean",
    url="https://x.example/DoWPressOffice/status/1978204411001",
    published="2025-10-14T22:31:00Z",
    author="Grant Tillery",
    body=(
        "Earlier today, at the direction of the Secretary of War, U.S. forces conducted a lethal "
        "kinetic strike on a vessel operated by narco-terrorists of Tren de Aragua, a Designated "
        "Terrorist Organization, in the Caribbean Sea. The vessel was transiting a known "
        "narco-trafficking route in international waters off the Paria Peninsula. 3 male "
        "narco-terrorists aboard the vessel were killed. No U.S. forces were harmed. These "
        "cartels are waging war on our people and will be hunted down like the terrorists they "
        "are. -- Grant Tillery, spokesman"
    ),
)

# --- the ten reprints ---------------------------------------------------------------------
doc(
    key="A-wire-harbor",
    incident="A",
    dup=WIRE,
    fmt="html",
    file="html/harbor-courier-us-strike-boat-venezuela.html",
    source="The Harbor Courier",
    lang="en",
    title="U.S. strike on boat off Venezuela kills 3, military says",
    url="https://www.harborcourier.example/news/world/2025/10/14/us-strike-boat-venezuela-kills-3/",
    published="2025-10-14T23:05:00Z",
    author=WIRE_AUTHOR,
    body=wire_body("WASHINGTON/CARACAS, Oct 14 (GWS) -"),
)
doc(
    key="A-wire-midland",
    incident="A",
    dup=WIRE,
    fmt="html",
    file="html/midland-ledger-strike-off-venezuela.html",
    source="Midland Daily Ledger",
    lang="en",
    title="Military says strike off Venezuela killed three 'narco-terrorists'",
    url="https://www.midlandledger.example/nation-world/military-says-strike-off-venezuela-killed-three",
    published="2025-10-15T00:12:00Z",
    author=WIRE_AUTHOR,
    body=wire_body("WASHINGTON (GWS) -", drop_last_sentence=True, credit=False),
)
doc(
    key="A-wire-coastline",
    incident="A",
    dup=WIRE,
    fmt="html",
    file="html/coastline-herald-tren-de-aragua-boat.html",
    source="The Coastline Herald",
    lang="en",
    title="US says it struck Tren de Aragua boat in Caribbean, killing 3",
    url="https://coastlineherald.example/2025/10/14/us-says-it-struck-tren-de-aragua-boat-in-caribbean/",
    published="2025-10-14T23:40:00Z",
    author=WIRE_AUTHOR,
    body=wire_body(
        "WASHINGTON/CARACAS, Oct 14 (GWS) -",
        extra="The Department of War did not respond to a question about whether it "
        "would release the identities of those killed.",
    ),
)
doc(
    key="A-wire-northern",
    incident="A",
    dup=WIRE,
    fmt="html",
    file="html/northern-gazette-vessel-venezuela.html",
    source="The Northern Gazette",
    lang="en",
    title="U.S. strike on vessel off Venezuela kills three, Pentagon says",
    url="https://www.northerngazette.example/world/article-us-strike-vessel-venezuela-three-killed/",
    published="2025-10-15T01:20:00Z",
    author=WIRE_AUTHOR,
    body=wire_body(
        "WASHINGTON/CARACAS, Oct 14 (GWS) -",
        extra="Global Affairs Canada did not respond to a request for comment on Tuesday evening.",
    ),
)
doc(
    key="A-wire-island",
    incident="A",
    dup=WIRE,
    fmt="txt",
    file="text/island-mirror-us-strike-gulf-of-paria.txt",
    source="Island Mirror Online",
    lang="en",
    title="US strike near Gulf of Paria kills three, says US military",
    url="https://islandmirror.example/regional/us-strike-near-gulf-of-paria-kills-three",
    published="2025-10-14T21:50:00-04:00",
    author=WIRE_AUTHOR,
    body=wire_body(
        "WASHINGTON/CARACAS, Oct 14 (GWS) -",
        extra="Trinidad and Tobago's Coast Guard said on Tuesday night that it had not "
        "been asked to assist in any search and was monitoring the area.",
    ),
)
doc(
    key="A-wire-prairie",
    incident="A",
    dup=WIRE,
    fmt="md",
    file="text/prairie-examiner-three-killed-boat-strike.md",
    source="The Prairie Examiner",
    lang="en",
    title="Three killed in US strike on boat off Venezuela",
    url="https://www.prairieexaminer.example/news/2025/10/15/three-killed-us-strike-boat-venezuela",
    published="2025-10-15T06:00:00-05:00",
    author=WIRE_AUTHOR,
    body=wire_body("WASHINGTON/CARACAS, Oct 14 (GWS) -"),
)
doc(
    key="A-wire-valley",
    incident="A",
    dup=WIRE,
    fmt="jsonl",
    file="jsonl/collected.jsonl",
    source="Valley Sentinel",
    lang="en",
    title="US military strikes another boat off Venezuela, 3 dead",
    url="https://www.valleysentinel.example/world/us-military-strikes-another-boat-off-venezuela-3-dead",
    published="2025-10-14T23:58:00Z",
    author=WIRE_AUTHOR,
    body=wire_body(
        "WASHINGTON/CARACAS, Oct 14 (GWS) -",
        credit=False,
        extra="This is a developing story and will be updated.",
    ),
)
doc(
    key="A-wire-capital",
    incident="A",
    dup=WIRE,
    fmt="jsonl",
    file="jsonl/collected.jsonl",
    source="Capital Dispatch",
    lang="en",
    title="Strike off Venezuela kills three; no evidence given of drug cargo",
    url="https://capitaldispatch.example/world/2025/10/15/strike-off-venezuela-kills-three",
    published="2025-10-15T02:30:00Z",
    author=WIRE_AUTHOR,
    body=wire_body("WASHINGTON/CARACAS, Oct 14 (GWS) -"),
)
doc(
    key="A-wire-lakeshore",
    incident="A",
    dup=WIRE,
    fmt="jsonl",
    file="jsonl/collected.jsonl",
    source="The Lakeshore Post",
    lang="en",
    title="US strike on alleged Tren de Aragua boat kills three",
    url="https://www.lakeshorepost.example/news/national/us-strike-alleged-tren-de-aragua-boat",
    published="2025-10-15T04:10:00Z",
    author=WIRE_AUTHOR,
    body=wire_body("WASHINGTON/CARACAS, Oct 14 (GWS) -", drop_last_sentence=True),
)
doc(
    key="A-wire-register",
    incident="A",
    dup=WIRE,
    fmt="rss",
    file="feeds/morning-register.xml",
    source="The Morning Register",
    lang="en",
    title="US strike off Venezuela kills three, says Department of War",
    url="https://www.morningregister.example/world/2025/oct/15/us-strike-off-venezuela-kills-three",
    published="2025-10-15T00:45:00+01:00",
    author=WIRE_AUTHOR,
    summary="The US military says three 'narco-terrorists' died in a strike near Güiria; no "
    "evidence was provided.",
    body=wire_body(
        "WASHINGTON/CARACAS, Oct 14 (GWS) -",
        extra="The Foreign Office said it was aware of the reports and was in contact "
        "with partners in the region.",
    ),
)

# --- independent and local reporting on A ---------------------------------------------------
doc(
    key="A-paria-five-fishermen",
    incident="A",
    fmt="html",
    file="html/diario-del-paria-pescadores-guiria.html",
    source="Diario del Paria",
    lang="es",
    title="Pescadores de Güiria: «Eran cinco, y no eran del Tren de Aragua»",
    url="https://www.diariodelparia.example/sucre/2025/10/15/pescadores-guiria-cinco-muertos-ataque-lancha/",
    published="2025-10-15T08:10:00-04:00",
    author="Rosa Elena Malavé",
    body="""\
GÜIRIA.– Cinco pescadores de Güiria murieron el martes 14 de octubre cuando la lancha en la que faenaban fue destruida por un ataque estadounidense en el mar Caribe, al norte de la península de Paria, según sus familiares y la Asociación de Pescadores Artesanales de Güiria (Apag).

El Departamento de Guerra de Estados Unidos había informado en la noche del martes, en un mensaje en la red social X, que el ataque mató a «tres narcoterroristas» del Tren de Aragua. No presentó pruebas. En el muelle de Güiria, sin embargo, las familias hablan de cinco hombres que salieron a pescar de madrugada a bordo del peñero Virgen del Valle III y no volvieron.

La asociación identificó a los fallecidos como Ramón Elías Guaitero, de 46 años, capitán y dueño de la embarcación; Jhonny Alexander Marval, de 31; Luis Enrique Carreño, de 38; Abrahán Rafael Lunar, de 57, y Yeferson José Bermúdez, de apenas 19 años.

«Eran pescadores de toda la vida. Ramón tenía 30 años tirando el chinchorro en estas aguas», dijo un pescador que pidió no ser identificado por temor a represalias. «Aquí nadie es del Tren de Aragua. Salieron a buscar carite y pargo como todos los días».

Eudis Rengifo, presidente de la Apag, aseguró que la lancha zarpó hacia las 4:30 de la mañana del muelle pesquero de la calle Bolívar con cinco tripulantes, dos motores fuera de borda de 75 caballos y cuatro cavas de hielo. Según Rengifo, otros pescadores que faenaban a unas seis millas escucharon una explosión poco después de las 10:00 de la mañana y vieron humo en el horizonte.

Yusmary Carreño, de 29 años, hermana de Luis Enrique, dijo que la familia no ha recibido ninguna información oficial. «Nadie nos ha llamado, ni de aquí ni de allá. Queremos los cuerpos», afirmó.

La gobernación del estado Sucre no había emitido un balance oficial hasta el cierre de esta edición. La Apag habilitó el número 0294-555-0142 para recibir información y ayuda para las familias.""",
)

doc(
    key="A-apag-statement",
    incident="A",
    fmt="txt",
    file="text/apag-comunicado-2025-10-15.txt",
    source="Asociación de Pescadores Artesanales de Güiria",
    lang="es",
    title="Comunicado de la Asociación de Pescadores Artesanales de Güiria sobre el ataque del 14 de octubre",
    url="https://apag-guiria.example/comunicados/2025-10-15-ataque-virgen-del-valle-iii",
    published="2025-10-15T11:00:00-04:00",
    author="Eudis Rengifo",
    body="""\
COMUNICADO PÚBLICO

La Asociación de Pescadores Artesanales de Güiria (Apag), con sede en la calle Bolívar, frente al muelle pesquero, informa a la opinión pública nacional e internacional:

1. El martes 14 de octubre de 2025, en horas de la mañana, el peñero Virgen del Valle III, matrícula APNN-2317, fue atacado por fuerzas militares de Estados Unidos en el mar Caribe, al norte de la península de Paria, mientras sus tripulantes realizaban faenas de pesca. Murieron los cinco pescadores que iban a bordo.

2. Los fallecidos son nuestros compañeros Ramón Elías Guaitero (46 años), capitán; Jhonny Alexander Marval (31 años); Luis Enrique Carreño (38 años); Abrahán Rafael Lunar (57 años) y Yeferson José Bermúdez (19 años).

3. Ninguno de ellos pertenecía al Tren de Aragua ni a ningún grupo delictivo. Todos estaban inscritos en esta asociación, algunos desde hace más de 20 años, y tenían su carnet de pescador al día.

4. Rechazamos que el Departamento de Guerra de Estados Unidos los haya llamado «narcoterroristas» sin mostrar una sola prueba, y que haya informado de tres muertos cuando eran cinco.

5. Exigimos la repatriación de los restos, una investigación independiente y que se respete la vida de los pescadores artesanales del Caribe.

Convocamos a una marcha pacífica el viernes 17 de octubre a las 9:00 a. m., desde el muelle pesquero hasta la plaza Bolívar de Güiria.

Eudis Rengifo, presidente
Carmen Lunar, secretaria""",
)

doc(
    key="A-nnv-gobernacion",
    incident="A",
    fmt="html",
    file="html/nnv-gobernacion-sucre-cinco-pescadores.html",
    source="Noticiero Nacional Venezolano",
    lang="es",
    title="Gobernación de Sucre denuncia el asesinato de cinco pescadores de Güiria",
    url="https://www.nnv.example/regiones/gobernacion-sucre-denuncia-asesinato-cinco-pescadores-guiria",
    published="2025-10-15T13:30:00-04:00",
    author="Redacción NNV",
    body="""\
CUMANÁ, 15 de octubre (NNV).– La gobernación del estado Sucre denunció este miércoles el asesinato de cinco pescadores artesanales de Güiria en un ataque perpetrado el martes por fuerzas militares de Estados Unidos contra una embarcación pesquera en aguas del mar Caribe, al norte de la península de Paria.

El secretario de Seguridad Ciudadana de la gobernación, Wilmer Acosta, declaró en rueda de prensa que las víctimas «eran humildes trabajadores del mar, padres de familia, conocidos por todo el pueblo», y calificó el ataque como «una ejecución extrajudicial y una agresión contra la soberanía de Venezuela».

Acosta rechazó la versión difundida por el Departamento de Guerra estadounidense, que habló de tres muertos y los vinculó con el Tren de Aragua. «Ni eran tres ni eran delincuentes. Eran cinco pescadores de Güiria», afirmó.

El funcionario indicó que la gobernación activó un plan de atención a las familias, que incluye apoyo psicológico y económico, y que la Armada Bolivariana realiza labores de búsqueda de los restos en la zona, sin resultados hasta el momento.

Según Acosta, la embarcación Virgen del Valle III estaba registrada ante las autoridades pesqueras y contaba con permiso de pesca vigente.

Las organizaciones de pescadores de los municipios Valdez, Mariño y Arismendi convocaron para el viernes una movilización en Güiria para exigir justicia.""",
)

doc(
    key="A-radiopatria",
    incident="A",
    fmt="jsonl",
    file="jsonl/collected.jsonl",
    source="Radio Patria",
    lang="es",
    title="Sucre: confirman cinco pescadores asesinados en ataque de EE.UU.",
    url="https://radiopatria.example/noticias/2025/10/15/sucre-confirman-cinco-pescadores-asesinados",
    published="2025-10-15T15:10:00-04:00",
    author="Prensa Radio Patria",
    body=(
        "La gobernación del estado Sucre confirmó este miércoles que son cinco los pescadores de "
        "Güiria asesinados el martes 14 de octubre en el ataque estadounidense contra el peñero "
        "Virgen del Valle III. El secretario de Seguridad Ciudadana, Wilmer Acosta, aseguró que "
        "las víctimas eran trabajadores del mar sin ningún vínculo con el Tren de Aragua y "
        "desmintió la cifra de tres fallecidos difundida por Washington. «Ni eran tres ni eran "
        "delincuentes», dijo Acosta. Las familias de Güiria, Irapa y Yaguaraparo recibirán apoyo "
        "de la gobernación, añadió. Los pescadores de la zona marcharán el viernes en Güiria."
    ),
)

doc(
    key="A-witness-cousin",
    incident="A",
    fmt="jsonl",
    file="jsonl/collected.jsonl",
    source="Yelitza Marcano",
    lang="es",
    title=None,
    url="https://x.example/yelimarcano_gr/status/1978441100220",
    published="2025-10-15T07:48:00-04:00",
    author="Yelitza Marcano",
    body=(
        "Mi primo Jhonny Marval salió a pescar el martes en la madrugada con Ramón, Luis, el "
        "señor Abrahán y el chamo Yeferson. Eran cinco. Ahora dicen en la tele que eran tres "
        "narcos del Tren de Aragua. Jhonny pescaba desde los 14 años y tiene dos niñas. Queremos "
        "que nos devuelvan los cuerpos. #Güiria #JusticiaParaLosPescadores"
    ),
)

doc(
    key="A-meridian-five-not-three",
    incident="A",
    fmt="html",
    file="html/meridian-post-guiria-fishermen-five-dead.html",
    source="The Meridian Post",
    lang="en",
    title="Venezuelan fishermen's group says U.S. strike killed five, not three",
    url="https://www.meridianpost.example/world/americas/2025/10/16/guiria-fishermen-strike-five-dead/",
    published="2025-10-16T15:00:00Z",
    author="Hannah Kessler",
    body="""\
A fishermen's association in eastern Venezuela says five of its members were killed when the U.S. military struck a small boat in the Caribbean on Oct. 14, contradicting the Department of War's statement that three "narco-terrorists" died in the attack.

The Asociación de Pescadores Artesanales de Güiria published the names and ages of the five men on Wednesday: Ramón Elías Guaitero, 46, the boat's captain and owner; Jhonny Alexander Marval, 31; Luis Enrique Carreño, 38; Abrahán Rafael Lunar, 57; and Yeferson José Bermúdez, 19. The group said all five were registered fishermen and that none belonged to Tren de Aragua or any other criminal group.

The Meridian Post could not independently confirm the identities of those on board or how many people died. The names were first reported by Diario del Paria, a newspaper in Carúpano, about 100 kilometers west of Güiria.

The Department of War, which announced the strike in a post on X on Tuesday evening, did not respond to questions about the discrepancy in the death toll or about what intelligence linked the boat to Tren de Aragua. Spokesman Grant Tillery's post included no evidence beyond a short video of the explosion.

The government of Sucre state, which is run by the governing party, also said five fishermen were killed and called the strike an "extrajudicial execution." Venezuelan state media have repeated that figure.

Relatives told local reporters that the boat, the Virgen del Valle III, left the fishing dock in Güiria at about 4:30 a.m. on Tuesday with five men aboard. Dozens of relatives have gathered at the dock every day since, waiting for news of the bodies. Other fishermen working roughly six miles away said they heard an explosion shortly after 10 a.m.

Fishermen's groups in the region have called a march in Güiria for Friday.""",
)

doc(
    key="A-odc-es",
    incident="A",
    fmt="rss",
    file="feeds/odc.rss",
    source="Observatorio de Derechos del Caribe",
    lang="es",
    title="Ataque frente a Güiria: tres muertos según EE.UU., cinco según los pescadores",
    url="https://www.odcaribe.example/alertas/2025/10/16/ataque-guiria-tres-o-cinco-muertos/",
    published="2025-10-16T14:00:00-04:00",
    author="Equipo de monitoreo ODC",
    summary="El Departamento de Guerra habla de tres «narcoterroristas»; la asociación de "
    "pescadores identifica a cinco pescadores muertos.",
    body="""\
El Observatorio de Derechos del Caribe (ODC) documentó el ataque del 14 de octubre de 2025 contra el peñero Virgen del Valle III en el mar Caribe, frente a la península de Paria, cerca de Güiria.

El Departamento de Guerra de EE.UU. afirmó en X que murieron tres «narcoterroristas» del Tren de Aragua, sin aportar pruebas. La Asociación de Pescadores Artesanales de Güiria y los familiares afirman que murieron cinco pescadores, a quienes identificaron con nombre y edad.

Hasta el 16 de octubre no se habían recuperado los cuerpos. El ODC entrevistó a tres familiares y a dos pescadores que faenaban en la zona esa mañana. Ninguna autoridad de EE.UU. ha explicado cómo identificó a los tripulantes.

Pedimos a Washington que publique la información en la que basa su acusación, y a las autoridades venezolanas que faciliten la búsqueda de los restos.""",
)

doc(
    key="A-odc-en",
    incident="A",
    fmt="rss",
    file="feeds/odc.rss",
    source="Observatorio de Derechos del Caribe",
    lang="en",
    title="Güiria strike: five fishermen identified, no evidence of a gang link made public",
    url="https://www.odcaribe.example/en/alerts/2025/10/20/guiria-strike-five-fishermen-identified/",
    published="2025-10-20T10:00:00-04:00",
    author="ODC monitoring team",
    summary="Six days after the strike, ODC has confirmed the identities of the five men "
    "relatives say were aboard.",
    body="""\
Six days after the Oct. 14 strike off the Paria Peninsula, the Observatorio de Derechos del Caribe has confirmed the identities of the five men that relatives say were aboard the Virgen del Valle III, using fishing-licence records held by the local fishermen's association and interviews with family members.

The Department of War has said three people were killed and described them as members of Tren de Aragua. It has not released any information supporting that claim.

None of the five men appears in the Venezuelan court records we were able to consult. Their remains have not been recovered.""",
)

# ============================== incident B: Eastern Pacific strike ===========================
doc(
    key="B-dow-post",
    incident="B",
    fmt="jsonl",
    file="jsonl/collected.jsonl",
    source="Department of War",
    lang="en",
    title="Department of War on X: strike in the Eastern Pacific",
    url="https://x.example/DoWPressOffice/status/1981102238417",
    published="2025-10-22T23:15:00Z",
    author="Grant Tillery",
    body=(
        "Today, at the direction of the Secretary of War, U.S. forces conducted a lethal kinetic "
        "strike on a vessel operated by a Designated Terrorist Organization conducting "
        "narco-trafficking in the Eastern Pacific. Intelligence confirmed the vessel was "
        "trafficking illicit narcotics along a known route. Two narco-terrorists were killed. "
        "One survivor was recovered and transferred to the custody of Ecuadorian authorities. "
        "No U.S. forces were harmed in this strike. -- Grant Tillery, spokesman"
    ),
)

doc(
    key="B-meridian-warc",
    incident="B",
    fmt="warc",
    file="warc/capture.warc.gz",
    source="The Meridian Post",
    lang="en",
    title="U.S. strike in Eastern Pacific kills 2; survivor handed to Ecuador",
    url="https://www.meridianpost.example/world/americas/2025/10/23/us-strike-eastern-pacific-two-killed-survivor/",
    published="2025-10-23T14:20:00Z",
    author="Hannah Kessler",
    body="""\
The U.S. military attacked a boat in the Eastern Pacific on Wednesday, Oct. 22, killing two people and leaving one survivor, who was later handed over to Ecuador, the Department of War said.

It was the second strike in the Pacific announced this week, extending to the waters off Colombia and Ecuador a campaign that had until recently focused on the Caribbean. The department said the vessel was "operated by a Designated Terrorist Organization" but did not name the group or present evidence that the boat was carrying drugs.

A Colombian navy officer, who spoke on condition of anonymity because he was not authorized to discuss the operation, said the boat was hit about 110 nautical miles west of Tumaco, Colombia's main Pacific port near the Ecuadorian border. He said the Colombian navy had not been informed in advance.

Ecuador's navy confirmed in a brief statement on Thursday that it had received "a foreign national rescued at sea" and that he was being treated at a hospital in Manta. Relatives in the Ecuadorian province of Esmeraldas identified him to local radio as a 31-year-old fisherman. He has not been charged with any crime, according to Ecuadorian prosecutors.

Colombia's government called the attack a violation of its sovereignty "and of international humanitarian law."

Since early September, the administration has announced at least nine strikes on boats in the Caribbean and the Pacific. Officials say the campaign targets cartels they have designated as terrorist organizations, and they have released few details about the people killed.""",
)

doc(
    key="B-pacifico",
    incident="B",
    fmt="html",
    file="html/el-pacifico-ataque-lancha-narino.html",
    source="El Pacífico Noticias",
    lang="es",
    title="Dos muertos y un sobreviviente deja ataque de EE.UU. contra una lancha frente a Nariño",
    url="https://www.elpacificonoticias.example/tumaco/2025/10/23/ataque-lancha-pacifico-dos-muertos/",
    published="2025-10-23T11:00:00-05:00",
    author="Yamileth Caicedo",
    body="""\
TUMACO.– Dos personas murieron y una sobrevivió al ataque que fuerzas de Estados Unidos lanzaron el miércoles 22 de octubre contra una lancha rápida en aguas del océano Pacífico, frente a la costa de Nariño, según el Comando Sur y el Departamento de Guerra estadounidense.

De acuerdo con el mensaje publicado por Washington, el sobreviviente fue rescatado y entregado a las autoridades de Ecuador. Una fuente de la Armada de Colombia dijo a este medio que el ataque ocurrió a unas 110 millas náuticas al occidente de Tumaco, en aguas internacionales.

En el barrio Viento Libre de Tumaco, la familia de Wilson Angulo Cortés, de 24 años, asegura que el joven viajaba en esa lancha y que no saben nada de él desde el martes. «Nos dijeron que eran cuatro los que iban, no tres», dijo su madre, Ana Cortés. «Si hay dos muertos y uno vivo, ¿dónde está mi hijo?».

Ni el Comando Sur ni la Armada han confirmado cuántas personas iban a bordo. Estados Unidos no ha identificado a los fallecidos ni ha explicado en qué se basa para afirmar que la lancha transportaba droga.

La Defensoría del Pueblo en Nariño pidió a las autoridades «establecer la identidad de las víctimas y el paradero de cualquier otra persona que estuviera a bordo».

Las familias de personas desaparecidas pueden comunicarse con la Defensoría regional al (602) 555 0199.""",
)

doc(
    key="B-odc-es",
    incident="B",
    fmt="rss",
    file="feeds/odc.rss",
    source="Observatorio de Derechos del Caribe",
    lang="es",
    title="Pacífico: familia de Tumaco reporta un cuarto tripulante desaparecido tras ataque de EE.UU.",
    url="https://www.odcaribe.example/alertas/2025/10/24/pacifico-cuarto-tripulante-desaparecido/",
    published="2025-10-24T09:00:00-04:00",
    author="Equipo de monitoreo ODC",
    summary="Washington reporta dos muertos y un sobreviviente; una familia de Tumaco dice que "
    "iban cuatro personas.",
    body="""\
Aunque nuestro trabajo se centra en el Caribe, registramos también el ataque del miércoles 22 de octubre contra una lancha en el Pacífico oriental, a unas 110 millas náuticas de Tumaco (Colombia).

Según el Departamento de Guerra, murieron dos personas y un sobreviviente fue entregado a Ecuador. La familia de un joven de 24 años del barrio Viento Libre de Tumaco afirma que en la lancha iban cuatro personas y que su hijo sigue desaparecido.

Ninguna autoridad ha confirmado cuántas personas iban a bordo ni ha presentado pruebas sobre la carga de la embarcación.""",
)

doc(
    key="B-register",
    incident="B",
    fmt="rss",
    file="feeds/morning-register.xml",
    source="The Morning Register",
    lang="en",
    title="Survivor of US strike in Pacific handed to Ecuador",
    url="https://www.morningregister.example/world/2025/oct/23/survivor-us-strike-pacific-ecuador",
    published="2025-10-23T08:30:00+01:00",
    author="Morning Register foreign desk",
    summary="Two people were killed in a US strike on a boat in the Eastern Pacific.",
    body="""\
Two people were killed and one survived when the US military struck a boat in the Eastern Pacific on Wednesday, the Department of War said in a post on X late that night.

The survivor was recovered and transferred to the custody of Ecuadorian authorities, the department said. It gave no evidence that the boat was carrying drugs and did not identify the group it said operated the vessel.

It was the second such strike in the Pacific this week.""",
)

# ============================== incident C: kidnapping in Cúcuta =============================
doc(
    key="C-police-bulletin",
    incident="C",
    fmt="txt",
    file="text/policia-cucuta-boletin-412.txt",
    source="Policía Metropolitana de Cúcuta",
    lang="es",
    title="Boletín de prensa 412 - Gaula y Policía Metropolitana buscan a comerciante secuestrado en La Libertad",
    url="https://www.policiacucuta.example/boletines/2025/09/21/boletin-412",
    published="2025-09-21T10:00:00-05:00",
    author="Oficina de Comunicaciones Estratégicas",
    body="""\
La Policía Metropolitana de Cúcuta informa que en la noche del sábado 20 de septiembre de 2025, hacia las 7:40 p. m., un comerciante de 52 años fue interceptado por hombres armados en la calle 8 con avenida 11 del barrio La Libertad, cuando cerraba su establecimiento comercial.

Según testigos, tres sujetos que se movilizaban en una camioneta de color gris, sin placas visibles, efectuaron dos disparos al aire, intimidaron a la víctima con armas de fuego tipo pistola y la obligaron a subir al vehículo, que se desplazó con rumbo desconocido.

De inmediato se activó el plan candado en la ciudad y su área metropolitana, y un grupo especial del Gaula de la Policía, en coordinación con la Fiscalía General de la Nación, asumió la búsqueda y el rescate del ciudadano.

En el lugar se hallaron dos vainillas calibre 9 mm, que fueron embaladas y enviadas a estudio balístico.

La Policía Metropolitana ofrece una recompensa de hasta 20 millones de pesos a quien suministre información que permita ubicar a la víctima y capturar a los responsables. La información puede entregarse de manera confidencial a la línea 165 del Gaula o a la línea 123.

Coronel Hernando Pabón Villamizar
Comandante (e) de la Policía Metropolitana de Cúcuta""",
)

doc(
    key="C-frontera-kidnap",
    incident="C",
    fmt="html",
    file="html/la-frontera-hoy-secuestran-comerciante.html",
    source="La Frontera Hoy",
    lang="es",
    title="Secuestran a comerciante en el barrio La Libertad de Cúcuta",
    url="https://www.lafronterahoy.example/judicial/2025/09/21/secuestran-comerciante-barrio-la-libertad/",
    published="2025-09-21T08:30:00-05:00",
    author="Jhon Fredy Ortega",
    body="""\
Álvaro Jaimes Peñaranda, de 52 años, propietario del Autoservicio El Progreso, fue secuestrado en la noche del sábado por hombres armados que lo interceptaron frente a su negocio, en el barrio La Libertad, en el oriente de Cúcuta.

Según vecinos, hacia las 7:40 p. m. una camioneta gris se detuvo frente al local mientras Jaimes bajaba la persiana metálica. «Se bajaron tres tipos con pistolas, dispararon dos veces al aire y se lo llevaron a la fuerza», dijo una vecina que pidió reserva de su nombre. «Fue cuestión de un minuto».

El comerciante, padre de tres hijos, lleva más de 25 años con el negocio en el sector. Sus familiares contaron a La Frontera Hoy que en los últimos meses había recibido llamadas en las que le exigían pagos de «vacuna» y que se había negado a pagar.

La Policía Metropolitana de Cúcuta activó el plan candado y el Gaula asumió el caso. Las autoridades ofrecen una recompensa de hasta 20 millones de pesos por información.

Cúcuta ha registrado un aumento de las denuncias por extorsión este año, en una zona donde operan estructuras criminales colombianas y venezolanas que se disputan las rentas ilegales de la frontera.""",
)

doc(
    key="C-cucuta7-family",
    incident="C",
    fmt="md",
    file="text/cucuta-7-dias-familia-comerciante-secuestrado.md",
    source="Cúcuta 7 Días",
    lang="es",
    title="Familia del comerciante secuestrado en Cúcuta pide su liberación",
    url="https://cucuta7dias.example/2025/09/23/familia-comerciante-secuestrado-pide-liberacion/",
    published="2025-09-23T19:00:00-05:00",
    author="Paola Andrea Rincón",
    body="""\
**Cúcuta.** La familia de Álvaro Jaimes Peñaranda, el comerciante de 52 años secuestrado hace tres días en el barrio La Libertad, pidió este martes a sus captores que lo dejen en libertad y aseguró que no tiene cómo pagar lo que le exigen.

> «Mi papá es un tendero, no un millonario. Les pedimos que nos lo devuelvan sano», dijo su hija mayor, Katherine Jaimes, de 27 años, en un plantón frente al negocio familiar.

Según la familia, los secuestradores se comunicaron el domingo y exigieron 500 millones de pesos. La Policía no ha confirmado esa cifra.

Fuentes del Gaula consultadas por *Cúcuta 7 Días* indicaron que una de las hipótesis apunta a una red de extorsión conocida como **La Banda del Puente**, que cobra «vacunas» a comerciantes del oriente de la ciudad y tendría vínculos con grupos que operan del lado venezolano de la frontera.

## Lo que se sabe

- El secuestro ocurrió el sábado 20 de septiembre, hacia las 7:40 p. m.
- Tres hombres armados se lo llevaron en una camioneta gris.
- La Policía ofrece hasta 20 millones de pesos de recompensa.
- Decenas de comerciantes del sector cerraron sus negocios el lunes en solidaridad.

Quien tenga información puede comunicarse con la línea 165 del Gaula.""",
)

doc(
    key="C-frontera-arrests",
    incident="C",
    fmt="html",
    file="html/la-frontera-hoy-capturan-cuatro-secuestro.html",
    source="La Frontera Hoy",
    lang="es",
    title="Capturan a cuatro presuntos secuestradores del comerciante Álvaro Jaimes; dos fueron imputados",
    url="https://www.lafronterahoy.example/judicial/2025/10/02/capturan-cuatro-secuestro-alvaro-jaimes/",
    published="2025-10-02T12:15:00-05:00",
    author="Jhon Fredy Ortega",
    body="""\
Cuatro personas fueron capturadas por su presunta participación en el secuestro del comerciante Álvaro Jaimes Peñaranda, ocurrido el pasado 20 de septiembre en el barrio La Libertad de Cúcuta, y dos de ellas fueron imputadas por el delito de secuestro extorsivo agravado, informó la Fiscalía.

Las capturas se realizaron el 30 de septiembre en allanamientos simultáneos en Villa del Rosario y Los Patios, en el área metropolitana, por parte del Gaula de la Policía y del CTI. Jaimes había sido rescatado con vida el 24 de septiembre en una zona rural del municipio de El Zulia, tras cuatro días de cautiverio.

Según la Fiscalía, un juez de control de garantías legalizó las capturas y envió a prisión preventiva a los dos imputados, de 29 y 34 años, señalados de custodiar al comerciante y de hacer las llamadas de exigencia económica. Ninguno de los dos aceptó los cargos.

Los otros dos capturados, un hombre de 41 años y una mujer de 23, quedaron en libertad mientras avanza la investigación, indicó el ente acusador.

La Policía atribuye el secuestro a La Banda del Puente, una red dedicada a la extorsión de comerciantes. En los allanamientos se incautaron una pistola 9 mm, tres teléfonos celulares y la camioneta gris usada en el plagio.

«Mi papá está bien, gracias a Dios, pero todavía no duerme», dijo a este diario su hija Katherine.""",
)

doc(
    key="C-andean-arrests",
    incident="C",
    fmt="html",
    file="html/andean-report-cucuta-kidnapping-arrests.html",
    source="Andean Report",
    lang="en",
    title="Colombia: four arrested over kidnapping of Cúcuta shopkeeper, two charged",
    url="https://www.andeanreport.example/colombia/2025/10/03/cucuta-shopkeeper-kidnapping-arrests/",
    published="2025-10-03T13:00:00Z",
    author="Lucas Brennan",
    body="""\
CÚCUTA, Colombia — Colombian police have arrested four people in connection with the Sept. 20 kidnapping of a shopkeeper in Cúcuta, the border city across from Venezuela, and prosecutors have charged two of them with aggravated extortive kidnapping, the Attorney General's Office said on Thursday.

The victim, 52-year-old grocer Álvaro Jaimes Peñaranda, was rescued alive on Sept. 24 in rural El Zulia after four days in captivity, according to local media.

The arrests took place on Sept. 30 in Villa del Rosario and Los Patios. Two suspects, aged 29 and 34, were ordered held in jail pending trial; the other two were released while the investigation continues, prosecutors said.

Police in Cúcuta attribute the kidnapping to an extortion network they call La Banda del Puente. Reported extortion cases in the city have risen sharply this year, according to the local chamber of commerce, which says dozens of shop owners have closed rather than pay.""",
)

doc(
    key="C-odc-en",
    incident="C",
    fmt="rss",
    file="feeds/odc.rss",
    source="Observatorio de Derechos del Caribe",
    lang="en",
    title="Border watch: kidnapped Cúcuta shopkeeper rescued, two suspects charged",
    url="https://www.odcaribe.example/en/alerts/2025/10/03/border-watch-cucuta-kidnapping/",
    published="2025-10-03T16:30:00-04:00",
    author="ODC monitoring team",
    summary="Four people were detained and two charged over the Sept. 20 kidnapping in Cúcuta.",
    body="""\
Our border monitoring recorded the kidnapping of a 52-year-old shopkeeper in the La Libertad neighbourhood of Cúcuta on Saturday, Sept. 20. He was rescued alive four days later in rural El Zulia.

Colombia's Attorney General's Office reported on Oct. 2 that four suspects had been detained and two of them charged with aggravated extortive kidnapping. Police link the case to a local extortion network.

Shop owners on both sides of the border tell ODC that extortion demands have become routine since the start of the year.""",
)

# ============================== incident D: Aurora raid ======================================
doc(
    key="D-dhs-release",
    incident="D",
    fmt="jsonl",
    file="jsonl/collected.jsonl",
    source="Department of Homeland Security",
    lang="en",
    title="ICE arrests 12 Tren de Aragua gang members in Aurora, Colorado",
    url="https://www.dhs.example/news/2025/09/05/ice-arrests-12-tren-de-aragua-gang-members-aurora",
    published="2025-09-05T16:00:00Z",
    author="Office of Public Affairs",
    body=(
        "AURORA, Colo. -- U.S. Immigration and Customs Enforcement on Friday arrested 12 illegal "
        "aliens in Aurora, Colorado, who are members of Tren de Aragua, a designated Foreign "
        'Terrorist Organization. "These are violent gang members who terrorized this community, '
        'and they are now off our streets," said Assistant Secretary Corinne Vail. Several of '
        "the aliens arrested bear tattoos associated with Tren de Aragua, including crowns, the "
        'number 23 and the "Jumpman" logo. All 12 are in ICE custody pending removal '
        "proceedings. Anyone with information about Tren de Aragua activity is encouraged to "
        "call the ICE tip line at 1-866-555-0123."
    ),
)

doc(
    key="D-tribune",
    incident="D",
    fmt="html",
    file="html/front-range-tribune-aurora-raid.html",
    source="Front Range Tribune",
    lang="en",
    title="12 detained in Aurora raid; DHS says they are Tren de Aragua, lawyers say tattoos are the only evidence",
    url="https://www.frontrangetribune.example/news/aurora/2025/09/05/aurora-raid-12-detained-tren-de-aragua-tattoos/",
    published="2025-09-06T01:30:00Z",
    author="Megan Shaw",
    body="""\
AURORA — Federal immigration agents detained 12 men in a pre-dawn raid at an apartment complex in northwest Aurora on Friday, and the Department of Homeland Security said all of them were members of the Venezuelan gang Tren de Aragua.

Agents with Immigration and Customs Enforcement, backed by other federal officers, entered the Highline Terrace apartments on the 1500 block of Havana Street at about 5:30 a.m., according to residents, who said agents knocked on doors on three floors and ordered people into the parking lot.

In a statement, DHS Assistant Secretary Corinne Vail called the men "violent gang members." Asked what the identification was based on, a DHS spokesperson pointed to tattoos, saying several of the men had "tattoos consistent with TdA membership," including crowns, the number 23 and the Jumpman logo associated with Michael Jordan. The department did not cite any arrests, convictions or other evidence.

Marisol Ocando, an immigration lawyer who represents four of the detained men, said none of her clients has a criminal conviction in the United States or in Venezuela. "One of them is a 23-year-old who works at a car wash. He has a crown tattooed for his daughter, whose name is Reina," she said. "Another has a Jordan logo because he played basketball. That is the evidence."

The Front Range Immigrant Defense Coalition, which has been contacting the families, said it had confirmed that none of the 12 men has a criminal conviction. Three have pending asylum cases, the group said.

Researchers who study Tren de Aragua have said that tattoos are not a reliable indicator of membership and that the gang does not use a common tattoo.

The men were taken to the ICE processing center in Aurora. DHS did not say whether they would be charged with any crime.

Aurora police said they were not involved in the operation.""",
)

doc(
    key="D-ocando-post",
    incident="D",
    fmt="jsonl",
    file="jsonl/collected.jsonl",
    source="Marisol Ocando",
    lang="en",
    title=None,
    url="https://x.example/ocando_law/status/1964164322011",
    published="2025-09-06T03:12:00Z",
    author="Marisol Ocando",
    body=(
        "I represent 4 of the 12 men detained in Aurora this morning. None has a criminal record. "
        "DHS is calling them Tren de Aragua because of tattoos: a crown, a 23, a Jordan logo. "
        "That's it. That's the evidence. #Aurora #TrenDeAragua"
    ),
)

doc(
    key="D-fridc-statement",
    incident="D",
    fmt="md",
    file="text/fridc-statement-aurora-raid.md",
    source="Front Range Immigrant Defense Coalition",
    lang="en",
    title="Statement on the September 5 immigration raid in Aurora",
    url="https://www.frontrangeidc.example/statements/2025-09-08-aurora-raid/",
    published="2025-09-08T10:00:00-06:00",
    author="Daniel Ybarra",
    body="""\
**AURORA, Colo., Sept. 8, 2025** — The Front Range Immigrant Defense Coalition (FRIDC) has spoken with relatives or lawyers of all 12 men detained by federal agents at the Highline Terrace apartments last Friday.

Our findings:

1. **None of the 12 men has a criminal conviction**, in the United States or, as far as their families and lawyers know, in Venezuela.
2. Three have pending asylum cases; two entered the country at a port of entry with an appointment.
3. The only basis the Department of Homeland Security has given publicly for calling them "Tren de Aragua gang members" is **tattoos**: crowns, the number 23 and a Michael Jordan "Jumpman" logo.

Tattoos are not evidence of gang membership. Crowns are among the most common tattoos in Latin America. The number 23 is Michael Jordan's jersey number, and his logo is worn by young men who grew up watching basketball, in Venezuela and in Colorado alike.

We ask DHS to release any other evidence it has, or to release these men.

*Media contact: Daniel Ybarra, executive director, (720) 555-0148.*""",
)

doc(
    key="D-conexion-warc",
    incident="D",
    fmt="warc",
    file="warc/capture2.warc",
    source="Conexión Colorado",
    lang="es",
    title="Redada en Aurora: 12 venezolanos detenidos y señalados como miembros del Tren de Aragua por sus tatuajes",
    url="https://www.conexioncolorado.example/noticias/2025/09/07/redada-aurora-12-detenidos-tatuajes/",
    published="2025-09-07T12:00:00-06:00",
    author="Gabriela Montilla",
    body="""\
AURORA.– Doce hombres venezolanos fueron detenidos el viernes 5 de septiembre durante una redada de agentes federales de inmigración en un complejo de apartamentos de Aurora, y el Departamento de Seguridad Nacional (DHS) los acusó de pertenecer al Tren de Aragua.

La única base que ha dado el DHS para esa acusación son los tatuajes: coronas, el número 23 y el logotipo de Michael Jordan, según un vocero de la agencia.

«Mi esposo tiene una corona porque su abuela le decía que era el rey de la casa», dijo a Conexión Colorado la esposa de uno de los detenidos, que pidió no publicar su nombre. «Trabaja en construcción desde que llegamos, hace dos años. Nunca ha estado preso».

La abogada de inmigración Marisol Ocando, que representa a cuatro de los detenidos, afirmó que ninguno tiene antecedentes penales. La Coalición de Defensa de Inmigrantes del Front Range confirmó que ninguno de los 12 tiene condenas.

Los detenidos fueron trasladados al centro de procesamiento de ICE en Aurora. Las familias piden información sobre su situación y temen que sean deportados a un tercer país.

Para orientación legal gratuita, la coalición atiende en el (720) 555-0148, de lunes a viernes, de 9 a. m. a 5 p. m.""",
)

doc(
    key="D-odc-es",
    incident="D",
    fmt="rss",
    file="feeds/odc.rss",
    source="Observatorio de Derechos del Caribe",
    lang="es",
    title="Aurora: doce detenidos señalados como Tren de Aragua solo por sus tatuajes",
    url="https://www.odcaribe.example/alertas/2025/09/09/aurora-doce-detenidos-tatuajes/",
    published="2025-09-09T12:00:00-04:00",
    author="Equipo de monitoreo ODC",
    summary="Ninguno de los 12 venezolanos detenidos en Aurora tiene condenas, según sus abogados.",
    body="""\
El viernes 5 de septiembre, agentes de inmigración de EE.UU. detuvieron a 12 venezolanos en un edificio de Aurora (Colorado). El Departamento de Seguridad Nacional los presentó como miembros del Tren de Aragua.

La única base pública de esa afirmación son tatuajes: coronas, el número 23 y el logotipo de Michael Jordan. Según su abogada y una coalición local de defensa de inmigrantes, ninguno de los 12 tiene condenas penales.

El ODC recuerda que los tatuajes no son prueba de pertenencia a una organización criminal.""",
)

doc(
    key="D-register",
    incident="D",
    fmt="rss",
    file="feeds/morning-register.xml",
    source="The Morning Register",
    lang="en",
    title="US officials say 12 arrested in Colorado raid are gang members, citing tattoos",
    url="https://www.morningregister.example/world/2025/sep/06/colorado-raid-gang-members-tattoos",
    published="2025-09-06T09:00:00+01:00",
    author="Morning Register US correspondent",
    summary="Lawyers say none of the 12 Venezuelans detained in Aurora has a conviction.",
    body="""\
US immigration agents detained 12 Venezuelan men in a raid on an apartment block in Aurora, Colorado, on Friday, and the Department of Homeland Security said all of them belonged to the gang Tren de Aragua.

A DHS spokesperson said several of the men had tattoos "consistent with" gang membership, including crowns and the number 23. An immigration lawyer representing four of them said none had a criminal record.""",
)

# ============================== incident E: protest in Güiria ================================
doc(
    key="E-paria-march",
    incident="E",
    fmt="html",
    file="html/diario-del-paria-marcha-guiria.html",
    source="Diario del Paria",
    lang="es",
    title="Cientos de personas marchan en Güiria para exigir justicia por los cinco pescadores",
    url="https://www.diariodelparia.example/sucre/2025/10/17/marcha-guiria-justicia-pescadores/",
    published="2025-10-17T18:20:00-04:00",
    author="Rosa Elena Malavé",
    body="""\
GÜIRIA.– Cientos de personas marcharon este viernes 17 de octubre por las calles de Güiria para exigir justicia por los cinco pescadores que murieron el martes en el ataque estadounidense contra el peñero Virgen del Valle III, frente a la península de Paria.

La movilización, convocada por la Asociación de Pescadores Artesanales de Güiria (Apag), salió poco después de las 9:15 de la mañana desde el muelle pesquero y recorrió la calle Bolívar hasta la plaza del mismo nombre, frente a la alcaldía del municipio Valdez. Muchos manifestantes vestían camisas blancas y llevaban fotografías de Ramón Guaitero, Jhonny Marval, Luis Carreño, Abrahán Lunar y Yeferson Bermúdez.

«No eran narcos, eran pescadores», coreaban los asistentes. Las madres de dos de las víctimas encabezaron la marcha junto a Eudis Rengifo, presidente de la Apag, quien pidió a las autoridades venezolanas que soliciten formalmente la devolución de los restos y una investigación internacional.

En la plaza, el párroco José Luis Caraballo ofició una misa. «Güiria vive del mar, y hoy el mar nos da miedo», dijo en su homilía.

La marcha transcurrió sin incidentes y no se reportaron heridos, según la policía municipal. Por tercer día consecutivo, al menos seis lanchas del puerto no salieron a faenar.

Los organizadores anunciaron una vigilia para el martes 21 de octubre, una semana después del ataque.""",
)

doc(
    key="E-nnv-march",
    incident="E",
    fmt="html",
    file="html/nnv-miles-marchan-guiria.html",
    source="Noticiero Nacional Venezolano",
    lang="es",
    title="Miles de güireños marchan contra la agresión imperialista en el mar Caribe",
    url="https://www.nnv.example/regiones/miles-de-guirenos-marchan-contra-agresion-imperialista",
    published="2025-10-17T16:00:00-04:00",
    author="Redacción NNV",
    body="""\
GÜIRIA, 17 de octubre (NNV).– Miles de habitantes de Güiria y de otras comunidades pesqueras de la península de Paria marcharon este viernes en rechazo al ataque de Estados Unidos que costó la vida a cinco pescadores el martes pasado.

La movilización recorrió el casco central de la ciudad hasta la plaza Bolívar, donde voceros de consejos comunales, pescadores y autoridades regionales exigieron el cese de las «agresiones militares» en el Caribe.

El secretario de Seguridad Ciudadana de la gobernación de Sucre, Wilmer Acosta, aseguró que el pueblo de Paria «ha respondido con dignidad y en paz» y reiteró que las víctimas eran trabajadores del mar.

Durante el acto se guardó un minuto de silencio en memoria de Ramón Elías Guaitero, Jhonny Alexander Marval, Luis Enrique Carreño, Abrahán Rafael Lunar y Yeferson José Bermúdez.

La jornada concluyó en total normalidad, informaron los organismos de seguridad del estado.""",
)

doc(
    key="E-odc-en",
    incident="E",
    fmt="rss",
    file="feeds/odc.rss",
    source="Observatorio de Derechos del Caribe",
    lang="en",
    title="More than 200 people march in Güiria over fishermen killed in U.S. strike",
    url="https://www.odcaribe.example/en/alerts/2025/10/18/guiria-march-fishermen/",
    published="2025-10-18T09:00:00-04:00",
    author="ODC monitoring team",
    summary="ODC observers counted at least 230 marchers; organizers said more than 800.",
    body="""\
More than 200 people, most of them fishermen and their families, marched through Güiria on Friday, Oct. 17, three days after a U.S. strike that killed five local fishermen, according to their association.

ODC observers counted at least 230 marchers in the Plaza Bolívar at about 10:30 a.m. Organizers put the figure at more than 800, municipal police at about 300, and state media reported "thousands."

One marcher was slightly hurt in a scuffle with municipal police outside the town hall, according to a local Telegram news channel; police said there were no injuries. The march ended peacefully at around 1 p.m.""",
)

# ============================== incident F: bus attack in Lima ===============================
doc(
    key="F-observador",
    incident="F",
    fmt="html",
    file="html/el-observador-limeno-chofer-asesinado-sjl.html",
    source="El Observador Limeño",
    lang="es",
    title="Asesinan a chofer de bus en San Juan de Lurigancho; dos pasajeros heridos",
    url="https://www.observadorlimeno.example/lima/2025/11/03/asesinan-chofer-bus-san-juan-de-lurigancho/",
    published="2025-11-03T13:40:00-05:00",
    author="Carla Huamaní Ríos",
    body="""\
Un conductor de la empresa de transportes Expreso Horizonte Andino fue asesinado a balazos en la mañana de este lunes 3 de noviembre cuando manejaba un bus con pasajeros por la avenida Próceres de la Independencia, en San Juan de Lurigancho. Otras dos personas resultaron heridas.

La víctima fue identificada como Wilfredo Quispe Huamán, de 44 años. Según testigos, hacia las 6:10 a. m. dos hombres a bordo de una motocicleta se acercaron al bus a la altura del paradero Los Jardines, y uno de ellos disparó al menos ocho veces contra la cabina del conductor.

Los heridos son una mujer de 67 años, alcanzada en el brazo, y un estudiante de 22 años, herido en la pierna. Ambos fueron trasladados al hospital de San Juan de Lurigancho, donde se encuentran estables, informó la Policía.

Peritos de criminalística hallaron en la escena seis casquillos de bala calibre 9 mm.

Compañeros del chofer contaron que la empresa, que opera la ruta 8 entre San Juan de Lurigancho y el Cercado de Lima, había recibido mensajes en los que una banda exigía el pago de 10 soles diarios por cada unidad. «Nos mandaron la foto de la tarjeta de un bus con una bala encima», dijo un cobrador.

La Policía Nacional atribuyó el ataque a una red de extorsión que opera en el cono este de Lima. El general PNP Óscar Villanueva Rojas, jefe de la división de investigación de extorsiones, dijo que el caso está a cargo de la Depincri de San Juan de Lurigancho.

La empresa suspendió el servicio durante todo el día. Es el tercer ataque contra transportistas en el distrito en lo que va de noviembre, según el gremio de transportistas.""",
)

doc(
    key="F-pnp-post",
    incident="F",
    fmt="jsonl",
    file="jsonl/collected.jsonl",
    source="Policía Nacional del Perú",
    lang="es",
    title=None,
    url="https://x.example/PNP_Prensa_Lima/status/1985325510077",
    published="2025-11-03T10:05:00-05:00",
    author="PNP Prensa Lima",
    body=(
        "#PNPInforma | Hoy a las 06:10 h aprox., en la av. Próceres de la Independencia, SJL, "
        "desconocidos a bordo de una motocicleta dispararon contra un vehículo de transporte "
        "público de la empresa Expreso Horizonte Andino. Como consecuencia falleció el conductor "
        "(44) y dos pasajeros resultaron heridos, quienes vienen siendo atendidos. Personal de la "
        "Depincri SJL realiza las investigaciones por presunta extorsión. "
        "#PNPAlServicioDeLaComunidad"
    ),
)

doc(
    key="F-peruahora-first",
    incident="F",
    fmt="atom",
    file="feeds/peru-ahora.atom",
    source="Perú Ahora",
    lang="es",
    title="Balacera contra bus en SJL: muere el chofer y hay al menos tres heridos",
    url="https://peruahora.example/actualidad/2025/11/03/balacera-bus-sjl-muere-chofer/",
    published="2025-11-03T07:05:00-05:00",
    author="Redacción Perú Ahora",
    summary="Sicarios en moto atacaron un bus de la empresa Expreso Horizonte Andino.",
    body="""\
Un chofer de transporte público murió esta mañana luego de que sicarios a bordo de una motocicleta dispararan contra el bus que conducía en la avenida Próceres de la Independencia, en San Juan de Lurigancho.

Según testigos citados por radioemisoras locales, al menos tres pasajeros resultaron heridos y fueron llevados a un hospital cercano. La Policía aún no ha dado un balance oficial.

El bus pertenece a la empresa Expreso Horizonte Andino, cuyos choferes denunciaron hace dos semanas haber recibido amenazas de extorsionadores.""",
)

doc(
    key="F-peruahora-strike",
    incident="F",
    fmt="atom",
    file="feeds/peru-ahora.atom",
    source="Perú Ahora",
    lang="es",
    title="Transportistas de SJL anuncian paro tras el asesinato de un chofer de Horizonte Andino",
    url="https://peruahora.example/actualidad/2025/11/04/transportistas-sjl-anuncian-paro/",
    published="2025-11-04T09:30:00-05:00",
    author="Redacción Perú Ahora",
    summary="Decenas de empresas de San Juan de Lurigancho paralizarán el jueves.",
    body="""\
Decenas de empresas de transporte de San Juan de Lurigancho anunciaron un paro para el jueves 6 de noviembre en protesta por el asesinato del chofer Wilfredo Quispe Huamán, ocurrido el lunes en la avenida Próceres de la Independencia.

La Policía precisó que en el ataque resultaron heridos dos pasajeros, y no tres como se informó inicialmente. Ambos se recuperan en el hospital del distrito.

Según el gremio de transportistas del cono este, más de 3.000 unidades dejarían de circular. «Pagamos para trabajar y encima nos matan», dijo uno de sus dirigentes.""",
)

doc(
    key="F-peruahora-arrest",
    incident="F",
    fmt="atom",
    file="feeds/peru-ahora.atom",
    source="Perú Ahora",
    lang="es",
    title="Capturan a presunto sicario del chofer asesinado en San Juan de Lurigancho",
    url="https://peruahora.example/actualidad/2025/11/05/capturan-presunto-sicario-chofer-sjl/",
    published="2025-11-05T18:00:00-05:00",
    author="Redacción Perú Ahora",
    summary="La Policía atribuye el crimen a la red de extorsión La Jauría del Este.",
    body="""\
La Policía Nacional capturó este miércoles en Zárate a un joven de 19 años señalado como el presunto autor de los disparos que mataron al chofer Wilfredo Quispe Huamán el lunes 3 de noviembre.

Según la Depincri de San Juan de Lurigancho, el detenido pertenece a La Jauría del Este, una red que exige cupos a empresas de transporte del distrito. Se le incautó una pistola 9 mm y la motocicleta usada en el ataque.

La Policía busca a un segundo implicado, que habría conducido la moto.""",
)

doc(
    key="F-andean-warc",
    incident="F",
    fmt="warc",
    file="warc/capture.warc.gz",
    source="Andean Report",
    lang="en",
    title="Bus driver shot dead in Lima as extortion gangs target public transport",
    url="https://www.andeanreport.example/peru/2025/11/04/lima-bus-driver-shot-dead-extortion/",
    published="2025-11-04T15:00:00Z",
    author="Lucas Brennan",
    body="""\
LIMA — A bus driver was shot dead and two passengers were wounded on Monday when gunmen on a motorcycle opened fire on a city bus in San Juan de Lurigancho, Lima's most populous district, in what police say was an attack by an extortion racket.

Wilfredo Quispe Huamán, 44, was driving route 8 for the company Expreso Horizonte Andino when he was shot at about 6:10 a.m. on Nov. 3 on Próceres de la Independencia Avenue, according to Peru's National Police. A 67-year-old woman and a 22-year-old student were hospitalized in stable condition.

Co-workers said the company had been receiving demands for 10 soles a day per bus, about $2.90, for weeks. Police said the attack bore the hallmarks of groups that extort transport companies and shoot at buses whose owners refuse to pay.

Transport unions have staged several strikes in Lima this year to protest extortion killings, and drivers in San Juan de Lurigancho said they would stop work again on Thursday. More than 40 transport workers have been killed in Lima this year, according to one union's count.""",
)

# ============================== noise (no incident) ==========================================
doc(
    key="N-analysis",
    incident="none",
    fmt="md",
    file="text/littoral-review-three-months-of-boat-strikes.md",
    source="The Littoral Review",
    lang="en",
    title="Three months of boat strikes, and what the numbers do not show",
    url="https://www.littoralreview.example/analysis/2025/12/02/three-months-boat-strikes-numbers/",
    published="2025-12-02T09:00:00-05:00",
    author="Sofía Armitage",
    body="""\
*Analysis.* By the administration's own count, the campaign has killed 83 people since September, in at least 21 strikes on small boats in the Caribbean and the Eastern Pacific. At least four people have survived.

Those figures come almost entirely from one source: the posts in which the Department of War announces each strike. The posts typically give a number of dead, a region, and a label such as "narco-terrorists", and almost never a name, a location precise enough to check, or the evidence behind the label.

Where independent reporting exists, it has repeatedly disagreed with the official account, on how many people were aboard, on who they were, or on both. But independent reporting does not exist for most strikes: many boats are hit far from shore, and the families of those killed are often unknown or afraid to speak.

That leaves researchers with two kinds of numbers that should not be added together. One is what the acting party concedes. The other is what can be established from independent sources. Treating forty outlets that repeat one announcement as forty confirmations turns the first into the second.

## What would help

- Publishing, for each strike, the date, the coordinates and the basis for identifying those on board.
- Returning remains to families, or at least telling them where a boat was hit.
- Counting survivors, and saying what happened to them.

Until then, the totals above are best read as claims.""",
)

doc(
    key="N-weather",
    incident="none",
    fmt="jsonl",
    file="jsonl/collected.jsonl",
    source="Diario del Paria",
    lang="es",
    title="Onda tropical 43 dejará lluvias y chubascos en Sucre este lunes",
    url="https://www.diariodelparia.example/sucre/2025/10/20/onda-tropical-43-lluvias-sucre/",
    published="2025-10-20T07:00:00-04:00",
    author="Redacción",
    body=(
        "El Instituto Nacional de Meteorología e Hidrología pronosticó para este lunes 20 de "
        "octubre nubosidad con lluvias y chubascos dispersos en el estado Sucre por el paso de "
        "la onda tropical número 43 de la temporada. Se esperan precipitaciones de moderada "
        "intensidad en Cumaná, Carúpano, Río Caribe y Güiria, con vientos de hasta 40 kilómetros "
        "por hora en la costa de la península de Paria. Protección Civil recomendó a los "
        "pescadores extremar precauciones y no zarpar en embarcaciones menores durante la "
        "tarde. Las temperaturas oscilarán entre 24 y 32 grados."
    ),
)

doc(
    key="N-sports",
    incident="none",
    fmt="atom",
    file="feeds/peru-ahora.atom",
    source="Perú Ahora",
    lang="es",
    title="Deportivo Rímac remonta ante Unión Carabayllo y jugará la final de la Liga 2",
    url="https://peruahora.example/deportes/2025/11/02/deportivo-rimac-remonta-final-liga-2/",
    published="2025-11-02T21:45:00-05:00",
    author="Redacción Deportes",
    summary="El cuadro rimense ganó 3-1 y enfrentará a un rival del sur en la final.",
    body="""\
Deportivo Rímac dio vuelta al marcador y venció 3-1 a Unión Carabayllo ante más de 12.000 espectadores, con lo que jugará la final de la Liga 2.

La visita se adelantó a los 23 minutos con un disparo cruzado que sorprendió al arquero, pero el local empató antes del descanso y sentenció el partido en el segundo tiempo con dos goles de cabeza.

«Este grupo nunca se rindió», dijo el entrenador tras el pitido final. La final de ida se jugará el próximo domingo.""",
)

# ============================== Telegram channel (A and E) ===================================
TELEGRAM_CHANNEL = dict(
    name="Sucre al Instante",
    type="public_channel",
    id=1873402255,
    folder="telegram/sucre-al-instante",
)
TELEGRAM_FILE = TELEGRAM_CHANNEL["folder"] + "/result.json"
TELEGRAM_TZ = "-04:00"  # `date` is local time of the exporting machine (America/Caracas)

_TG = [
    # (id, incident, local date, text parts, extra fields)
    (
        4518,
        "A",
        "2025-10-14T11:02:37",
        [
            "🔴 Pescadores reportan una fuerte explosión en el mar, al norte de la península, a unas "
            "seis millas de la costa. Se desconoce si hay víctimas. ",
            {"type": "hashtag", "text": "#Güiria"},
            " ",
            {"type": "hashtag", "text": "#Sucre"},
        ],
        {},
    ),
    (
        4521,
        "A",
        "2025-10-14T18:47:05",
        "Familiares esperan en el muelle de Güiria noticias del peñero Virgen del Valle III, que "
        "salió con cinco tripulantes esta madrugada y no ha regresado.",
        {
            "photo": "(File not included. Change data exporting settings to download.)",
            "width": 1280,
            "height": 960,
        },
    ),
    (
        4524,
        "A",
        "2025-10-14T21:05:11",
        [
            "EE.UU. dice que atacó una lancha «del Tren de Aragua» frente a Paria y que murieron 3. "
            "El mensaje del Departamento de Guerra: ",
            {"type": "link", "text": "https://x.example/DoWPressOffice/status/1978204411001"},
        ],
        {},
    ),
    (
        4527,
        "A",
        "2025-10-15T09:14:52",
        [
            "Con profundo dolor confirmamos la muerte de nuestros cinco compañeros: ",
            {
                "type": "bold",
                "text": "Ramón Elías Guaitero (46), Jhonny Alexander Marval (31), "
                "Luis Enrique Carreño (38), Abrahán Rafael Lunar (57) y "
                "Yeferson José Bermúdez (19)",
            },
            ". No eran narcotraficantes. Eran pescadores. ",
            {"type": "hashtag", "text": "#JusticiaParaLosPescadores"},
        ],
        {"forwarded_from": "Asociación de Pescadores Artesanales de Güiria"},
    ),
    (4528, "service", "2025-10-15T09:15:30", None, {}),
    (
        4531,
        "E",
        "2025-10-16T17:30:00",
        [
            "📢 Convocan marcha para este viernes 17 a las 9 a. m. desde el muelle pesquero hasta la "
            "plaza Bolívar. ",
            {"type": "hashtag", "text": "#JusticiaParaLosPescadores"},
            " ",
            {"type": "hashtag", "text": "#Güiria"},
        ],
        {},
    ),
    (
        4533,
        "A",
        "2025-10-16T20:10:44",
        "Según el secretario de Seguridad Ciudadana de la gobernación, Wilmer Acosta, los restos de "
        "los pescadores todavía no han sido recuperados. La Armada sigue la búsqueda.",
        {"edited": "2025-10-16T20:14:02"},
    ),
    (
        4535,
        "E",
        "2025-10-17T09:40:18",
        "Arranca la marcha en Güiria. Cientos de personas, muchas con camisas blancas y fotos de los "
        "cinco pescadores, caminan por la calle Bolívar hacia la plaza.",
        {},
    ),
    (
        4538,
        "E",
        "2025-10-17T11:55:09",
        [
            "Tensión frente a la alcaldía: ",
            {"type": "bold", "text": "un manifestante resultó herido leve en la frente"},
            " tras un forcejeo con funcionarios de la policía municipal. Fue atendido en el "
            "ambulatorio.",
        ],
        {},
    ),
    (
        4541,
        "E",
        "2025-10-17T13:20:55",
        "Termina la marcha sin más incidentes. Los organizadores calculan más de 800 asistentes; la "
        "policía municipal habló de unas 300 personas.",
        {},
    ),
    (
        4544,
        "A",
        "2025-10-18T08:02:13",
        [
            "Hace cuatro días del ataque y las familias siguen sin respuesta oficial de EE.UU. Lo que "
            "se sabe hasta ahora: ",
            {
                "type": "text_link",
                "text": "resumen del ODC",
                "href": "https://www.odcaribe.example/alertas/2025/10/16/ataque-guiria-tres-o-cinco-muertos/",
            },
        ],
        {},
    ),
]

for _id, _inc, _date, _text, _extra in _TG:
    if _inc == "service":
        continue
    doc(
        key=f"{_inc}-tg-{_id}",
        incident=_inc,
        fmt="telegram",
        file=TELEGRAM_FILE,
        source=TELEGRAM_CHANNEL["name"],
        lang="es",
        title=None,
        url=None,
        published=_date + TELEGRAM_TZ,
        author=TELEGRAM_CHANNEL["name"],
        body=None,
        tg=dict(id=_id, date=_date, text=_text, extra=_extra),
    )
TELEGRAM_MESSAGES = _TG

# ---------------------------------------------------------------------------------------------
# Incidents: the answer key. Figures are as each party states them (low, high, hedge).
# ---------------------------------------------------------------------------------------------
INCIDENTS = {
    "A": dict(
        title="U.S. strike on a boat off the Paria Peninsula, near Güiria",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        date="2025-10-14",
        date_precision="day",
        place="Güiria",
        place_detail="Caribbean Sea, north of the Paria Peninsula, off Güiria (Sucre, Venezuela)",
        place_precision="sea area",
        country="VE",
        admin1="Sucre",
        lat=10.5775,
        lon=-62.2994,
        place_note="lat/lon are Güiria's; the strike was at sea, roughly 10.80 N 62.30 W",
        figures=[
            ("killed", "Department of War", 3, 3, "exact", ["A-dow-post"]),
            (
                "killed",
                "Global Wire Service (citing Department of War)",
                3,
                3,
                "exact",
                ["A-wire-harbor"],
            ),
            (
                "killed",
                "Asociación de Pescadores Artesanales de Güiria",
                5,
                5,
                "exact",
                ["A-apag-statement", "A-tg-4527"],
            ),
            (
                "killed",
                "relatives (via Diario del Paria)",
                5,
                5,
                "exact",
                ["A-paria-five-fishermen"],
            ),
            (
                "killed",
                "Gobernación del estado Sucre (via state media)",
                5,
                5,
                "exact",
                ["A-nnv-gobernacion", "A-radiopatria"],
            ),
            ("killed", "Yelitza Marcano (relative)", 5, 5, "exact", ["A-witness-cousin"]),
            ("killed", "Observatorio de Derechos del Caribe", 5, 5, "exact", ["A-odc-en"]),
            ("injured", "Department of War", 0, 0, "none stated", ["A-dow-post"]),
        ],
        claims=[
            (
                "affiliation of those killed",
                "members of Tren de Aragua (narco-terrorists)",
                "Department of War",
                "asserts",
                "official assertion, no evidence given",
                ["A-dow-post"],
            ),
            (
                "affiliation of those killed",
                "fishermen, not gang members",
                "Asociación de Pescadores Artesanales de Güiria",
                "denies",
                "association membership and fishing-licence records",
                ["A-apag-statement"],
            ),
            (
                "affiliation of those killed",
                "fishermen, not gang members",
                "Gobernación del estado Sucre",
                "denies",
                "official assertion",
                ["A-nnv-gobernacion"],
            ),
            (
                "perpetrator",
                "U.S. armed forces",
                "Department of War",
                "asserts",
                "self-acknowledged",
                ["A-dow-post"],
            ),
        ],
        acknowledged=True,
    ),
    "B": dict(
        title="U.S. strike on a boat in the Eastern Pacific off Tumaco",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        date="2025-10-22",
        date_precision="day",
        place="Tumaco",
        place_detail="Eastern Pacific, about 110 nautical miles west of Tumaco (Nariño, Colombia)",
        place_precision="sea area",
        country="CO",
        admin1="Nariño",
        lat=1.7986,
        lon=-78.8156,
        place_note="lat/lon are Tumaco's; the strike was roughly 1.8 N 80.65 W",
        figures=[
            ("killed", "Department of War", 2, 2, "exact", ["B-dow-post"]),
            ("survivors", "Department of War", 1, 1, "exact", ["B-dow-post"]),
            (
                "killed",
                "The Meridian Post (citing Department of War)",
                2,
                2,
                "exact",
                ["B-meridian-warc"],
            ),
            ("killed", "El Pacífico Noticias (citing Comando Sur)", 2, 2, "exact", ["B-pacifico"]),
            (
                "missing",
                "relatives in Tumaco (via El Pacífico Noticias)",
                1,
                1,
                "exact",
                ["B-pacifico"],
            ),
        ],
        claims=[
            (
                "affiliation of those killed",
                "narco-terrorists of a Designated Terrorist Organization",
                "Department of War",
                "asserts",
                'official assertion ("intelligence confirmed"), no evidence',
                ["B-dow-post"],
            ),
            (
                "people aboard",
                "four, not three",
                "relatives in Tumaco",
                "asserts",
                "family testimony",
                ["B-pacifico"],
            ),
        ],
        acknowledged=True,
    ),
    "C": dict(
        title="Kidnapping of a shopkeeper in Cúcuta",
        event_type="Violence against civilians",
        sub_event_type="Abduction/forced disappearance",
        date="2025-09-20",
        date_precision="day",
        place="Cúcuta",
        place_detail="barrio La Libertad, calle 8 con avenida 11, Cúcuta (Norte de Santander, Colombia)",
        place_precision="town",
        country="CO",
        admin1="Norte de Santander",
        lat=7.8939,
        lon=-72.5078,
        place_note="",
        figures=[
            (
                "killed",
                "Policía Metropolitana de Cúcuta",
                0,
                0,
                "none stated",
                ["C-police-bulletin"],
            ),
            ("abducted", "Policía Metropolitana de Cúcuta", 1, 1, "exact", ["C-police-bulletin"]),
            (
                "detained",
                "Fiscalía General de la Nación (via La Frontera Hoy)",
                4,
                4,
                "exact",
                ["C-frontera-arrests"],
            ),
            (
                "charged",
                "Fiscalía General de la Nación (via La Frontera Hoy)",
                2,
                2,
                "exact",
                ["C-frontera-arrests"],
            ),
        ],
        claims=[
            (
                "perpetrator",
                "La Banda del Puente (extortion network)",
                "Policía Metropolitana de Cúcuta",
                "asserts",
                "police statement (via media)",
                ["C-cucuta7-family", "C-frontera-arrests"],
            ),
            (
                "perpetrator",
                "two named suspects charged with secuestro extorsivo agravado",
                "Fiscalía General de la Nación",
                "asserts",
                "indictment (imputación)",
                ["C-frontera-arrests"],
            ),
        ],
        acknowledged=False,
    ),
    "D": dict(
        title="Immigration raid in Aurora, Colorado; detainees labelled Tren de Aragua over tattoos",
        event_type="Strategic developments",
        sub_event_type="Arrests",
        date="2025-09-05",
        date_precision="day",
        place="Aurora",
        place_detail="Highline Terrace apartments, 1500 block of Havana Street, Aurora, Colorado",
        place_precision="town",
        country="US",
        admin1="Colorado",
        lat=39.7294,
        lon=-104.8319,
        place_note="",
        figures=[
            ("detained", "Department of Homeland Security", 12, 12, "exact", ["D-dhs-release"]),
            (
                "detained",
                "Front Range Immigrant Defense Coalition",
                12,
                12,
                "exact",
                ["D-fridc-statement"],
            ),
            ("killed", "Department of Homeland Security", 0, 0, "none stated", ["D-dhs-release"]),
            (
                "convicted",
                "Front Range Immigrant Defense Coalition",
                0,
                0,
                "exact",
                ["D-fridc-statement"],
            ),
        ],
        claims=[
            (
                "affiliation of those detained",
                "members of Tren de Aragua",
                "Department of Homeland Security",
                "asserts",
                "tattoos (crowns, the number 23, Michael Jordan Jumpman logo)",
                ["D-dhs-release", "D-tribune"],
            ),
            (
                "affiliation of those detained",
                "no criminal convictions",
                "Marisol Ocando (lawyer)",
                "denies",
                "client records",
                ["D-ocando-post", "D-tribune"],
            ),
            (
                "affiliation of those detained",
                "no criminal convictions",
                "Front Range Immigrant Defense Coalition",
                "denies",
                "contacts with families and lawyers",
                ["D-fridc-statement"],
            ),
        ],
        acknowledged=True,
    ),
    "E": dict(
        title="March in Güiria over the fishermen killed in incident A",
        event_type="Protests",
        sub_event_type="Peaceful protest",
        date="2025-10-17",
        date_precision="day",
        place="Güiria",
        place_detail="from the fishing dock along calle Bolívar to plaza Bolívar, Güiria",
        place_precision="town",
        country="VE",
        admin1="Sucre",
        lat=10.5775,
        lon=-62.2994,
        place_note="",
        figures=[
            (
                "injured",
                "policía municipal (via Diario del Paria)",
                0,
                0,
                "exact",
                ["E-paria-march"],
            ),
            ("injured", "Sucre al Instante", 1, 1, "exact", ["E-tg-4538"]),
            ("participants", "Diario del Paria", 100, None, "vague (cientos)", ["E-paria-march"]),
            (
                "participants",
                "Noticiero Nacional Venezolano",
                1000,
                None,
                "vague (miles)",
                ["E-nnv-march"],
            ),
            (
                "participants",
                "organizers (via Sucre al Instante)",
                801,
                None,
                "more-than",
                ["E-tg-4541"],
            ),
            (
                "participants",
                "policía municipal (via Sucre al Instante)",
                300,
                300,
                "approximately",
                ["E-tg-4541"],
            ),
            (
                "participants",
                "Observatorio de Derechos del Caribe",
                230,
                None,
                "at-least",
                ["E-odc-en"],
            ),
        ],
        claims=[],
        acknowledged=False,
    ),
    "F": dict(
        title="Gunmen shoot at a bus in San Juan de Lurigancho, Lima",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        date="2025-11-03",
        date_precision="day",
        place="San Juan de Lurigancho",
        place_detail="avenida Próceres de la Independencia, paradero Los Jardines, San Juan de Lurigancho, Lima",
        place_precision="district",
        country="PE",
        admin1="Lima",
        lat=-11.9767,
        lon=-77.0050,
        place_note="",
        figures=[
            ("killed", "Policía Nacional del Perú", 1, 1, "exact", ["F-pnp-post"]),
            ("injured", "Policía Nacional del Perú", 2, 2, "exact", ["F-pnp-post"]),
            (
                "injured",
                "witnesses (via Perú Ahora, early report)",
                3,
                None,
                "at-least",
                ["F-peruahora-first"],
            ),
            ("injured", "El Observador Limeño", 2, 2, "exact", ["F-observador"]),
            (
                "detained",
                "Policía Nacional del Perú (via Perú Ahora)",
                1,
                1,
                "exact",
                ["F-peruahora-arrest"],
            ),
        ],
        claims=[
            (
                "perpetrator",
                "extortion racket (La Jauría del Este)",
                "Policía Nacional del Perú",
                "asserts",
                "police statement",
                ["F-pnp-post", "F-observador", "F-peruahora-arrest"],
            ),
        ],
        acknowledged=False,
    ),
}

# ---------------------------------------------------------------------------------------------
# WARC layout: the records of each WARC file in order (1-based positions are used in the key).
# ("response-html", doc key) is a document; the other records are not.
# ---------------------------------------------------------------------------------------------
WARC_LAYOUT = {
    "warc/capture.warc.gz": [
        ("warcinfo", None),
        ("request", "B-meridian-warc"),
        ("response-html", "B-meridian-warc"),
        ("response-robots", "https://www.andeanreport.example/robots.txt"),
        ("response-html", "F-andean-warc"),
        ("response-png", "https://www.andeanreport.example/static/img/logo-andean-report.png"),
    ],
    "warc/capture2.warc": [
        ("warcinfo", None),
        ("response-html", "D-conexion-warc"),
    ],
}

// One incident: its canonical values with every reading and the sources giving it (each
// linking to its span in the document), the review actions a signed-in user's role allows,
// its mentions (grouping), the extracted statements, sources and actors.
/* global L */
import {
  api,
  attributeLabel,
  clear,
  documentLink,
  el,
  eventTypeLabel,
  externalLink,
  fmtDate,
  fmtFigure,
  gradeBadge,
  header,
  langQuery,
  languageLabel,
  markerClass,
  me,
  panel,
  params,
  rerenderOn,
  precisionLabel,
  readingLabel,
  setParams,
  roleLabel,
  showError,
  sourceKindLabel,
  stanceLabel,
  t,
  table,
} from "./common.js";
import { claimsTable, explanations, figuresTable, notesList } from "./claims.js";
import { affiliationPanel, groupingPanel, parseEvidence, reviewPanel, savedNote } from "./forms.js";
import { baseMap } from "./map.js";

const SHOWN_SOURCES = 3; // per reading; the rest fold away

function sourceItem(key, source) {
  const label = `${source.source} (${sourceKindLabel(source.source_kind)}, ${source.language})`;
  return el(
    "li",
    {},
    source.span
      ? documentLink(source.span, label, { className: "value-link", incident: key })
      : documentLink({ document: source.document }, label, { incident: key }),
    source.span ? el("q", { className: "quote", text: source.span.text }) : null,
  );
}

function sourceList(key, sources) {
  const item = (source) => sourceItem(key, source);
  const list = el("ul", { className: "sources" }, ...sources.slice(0, SHOWN_SOURCES).map(item));
  if (sources.length <= SHOWN_SOURCES) return list;
  const rest = sources.slice(SHOWN_SOURCES);
  return el(
    "div",
    {},
    list,
    el("details", {}, el("summary", { text: t("more_sources", { n: rest.length }) }), el("ul", { className: "sources" }, ...rest.map(item))),
  );
}

function canonicalTable(incident) {
  const rows = [];
  for (const value of incident.canonical) {
    value.readings.forEach((reading, i) => {
      const canonical = i === 0; // the API lists the canonical reading first
      rows.push(
        el(
          "tr",
          { className: i === 0 ? "first" : "" },
          el("th", { scope: "row", text: i === 0 ? t("attr_" + value.attribute) : "" }),
          el("td", { className: canonical ? "canonical" : "" }, readingLabel(value.attribute, reading.label), el("span", { className: "muted count", text: ` · ${reading.sources.length}` })),
          el("td", {}, sourceList(incident.key, reading.sources)),
        ),
      );
    });
  }
  return table([t("attribute"), t("reading"), t("sources_giving")], rows, { className: "canonical-table" });
}

// Statements grouped by what is said and who says it: forty reprints of one claim are one
// row with forty documents, the way assessment will count origins.
function statementsTable(incident) {
  const groups = new Map();
  for (const s of incident.statements) {
    const key = JSON.stringify([s.attribute, s.value, s.origin, s.origin_kind, s.stance]);
    if (!groups.has(key)) groups.set(key, { ...s, spans: [] });
    groups.get(key).spans.push(s);
  }
  const order = ["occurrence", "date", "place", "killed", "injured", "perpetrator", "affiliation"];
  const rank = (a) => (order.indexOf(a) === -1 ? order.length : order.indexOf(a));
  const rows = [...groups.values()]
    .sort((a, b) => rank(a.attribute) - rank(b.attribute) || a.attribute.localeCompare(b.attribute) || b.spans.length - a.spans.length)
    .map((g) =>
      el(
        "tr",
        {},
        el("td", { text: attributeLabel(g.attribute) }),
        el("td", { text: g.attribute === "occurrence" ? eventTypeLabel(g.value) : g.value }),
        el("td", {}, g.origin, el("span", { className: "muted", text: ` (${g.origin_kind})` })),
        el("td", { text: stanceLabel(g.stance) }),
        el(
          "td",
          { className: "evidence" },
          ...g.spans.slice(0, 6).map((s, i) =>
            s.span
              ? documentLink(s.span, `[${i + 1}]`, { className: "span-link", incident: incident.key })
              : documentLink({ document: s.document }, `[${i + 1}]`, { incident: incident.key }),
          ),
          g.spans.length > 6 ? el("span", { className: "muted", text: ` +${g.spans.length - 6}` }) : null,
        ),
      ),
    );
  return table([t("attribute"), t("value"), t("origin"), t("stance"), t("documents")], rows, { className: "statements" });
}

function sourcesTable(incident) {
  const rows = incident.sources.map((s) =>
    el(
      "tr",
      {},
      el("td", {}, documentLink({ document: s.document }, s.title || s.document.slice(0, 16) + "…", { incident: incident.key })),
      el(
        "td",
        { className: "source-name" },
        s.source.name,
        s.source.affiliation ? el("div", { className: "affiliation muted", dataset: { affiliation: s.source.affiliation }, text: t("affiliation_of", { affiliation: s.source.affiliation }) }) : null,
      ),
      el("td", { text: sourceKindLabel(s.source.kind) }),
      el("td", { text: languageLabel(s.language) }),
      el("td", { text: fmtDate(s.published_at) }),
      el("td", {}, s.near_duplicate_group !== null ? el("span", { className: "badge", text: `#${s.near_duplicate_group}` }) : "—"),
      el("td", {}, externalLink(s.url)),
    ),
  );
  return table([t("document"), t("source"), t("kind"), t("language_label"), t("published"), t("near_duplicate"), t("url")], rows, { className: "sources-table" });
}

function actorsList(incident) {
  if (!incident.actors.length) return el("p", { className: "muted", text: "—" });
  return el("ul", { className: "actors" }, ...incident.actors.map((a) => el("li", {}, el("strong", { text: a.name }), ` — ${roleLabel(a.role)} (${a.kind}), ${a.documents} ${t("documents").toLowerCase()}`)));
}

// The last review action (its result and the section of its form), shown once after the
// page renders again.
let flash = null;
const SECTION_OF = { split: "grouping", move: "grouping", merge: "grouping", affiliation: "sources" };

async function saved(result, formId) {
  flash = { result, section: SECTION_OF[formId] || "review" };
  setParams({ evidence: null }, { push: false }); // a span offered as evidence is used once
  await render();
  flash = null;
  const note = document.getElementById("review-saved");
  if (note) note.scrollIntoView({ block: "center" });
}

function flashIn(section, key) {
  return flash && flash.section === section ? savedNote(flash.result, key) : null;
}

async function render() {
  header(null);
  const main = clear(document.getElementById("main"));
  const key = params().get("key");
  main.append(el("p", {}, el("a", { href: "/?" + langQuery(), text: "← " + t("back") })));
  if (!key) {
    showError(main, { message: "no incident key in the URL", hint: "open an incident from the list" });
    return;
  }
  let incident;
  let claims;
  let user;
  try {
    [incident, claims, user] = await Promise.all([
      api(`/api/incidents/${encodeURIComponent(key)}`),
      api(`/api/incidents/${encodeURIComponent(key)}/claims`),
      me(),
    ]);
  } catch (err) {
    showError(main, err);
    document.body.dataset.state = "error";
    return;
  }
  const evidence = parseEvidence(params().get("evidence"));
  const title = `${eventTypeLabel(incident.event_type)} — ${incident.place || "?"}, ${fmtDate(incident.date)}`;
  document.title = `cotejo — ${title}`;
  header(title);
  // A retired incident (merged into another, or emptied by moves) takes no actions: the
  // API refuses them, so no form is offered; its history says where its reports went.
  const retired = Boolean(incident.retired_at || claims.retired);
  const historyHref = `/history?key=${encodeURIComponent(incident.key)}&${langQuery()}`;
  const retiredNote = retired
    ? panel(
        { title: t("retired_title"), className: "retired", id: "retired-note", role: "note" },
        el("p", { text: t("retired_note", { at: incident.retired_at ? fmtDate(incident.retired_at) : "?" }) }),
        el("a", { href: historyHref, id: "retired-history", text: t("history") + " →" }),
      )
    : null;
  const noActions = () => el("p", { className: "muted needs-role retired-actions", text: t("retired_actions") });
  const facts = el(
    "dl",
    { className: "facts" },
    el("dt", { text: t("headline") }),
    el(
      "dd",
      {},
      gradeBadge(claims.headline, claims.acknowledged, { id: "grade" }),
      claims.assessed
        ? el("div", { className: "headline-why", id: "headline-why", text: claims.headline_explanation })
        : el("div", { className: "hint", text: t("not_assessed") }),
      el("div", { className: "hint", text: t("grade_note") }),
      claims.assessed ? el("div", { className: "hint", text: t("rules", { version: claims.rules_version, at: String(claims.assessed_at).slice(0, 16).replace("T", " ") }) }) : null,
      el("div", {}, el("a", { href: historyHref, id: "history-link", text: t("history") + " →" })),
    ),
    el("dt", { text: t("date") }),
    el("dd", { text: `${fmtDate(incident.date)} (${precisionLabel(incident.date_precision) || "—"})` }),
    el("dt", { text: t("place") }),
    el("dd", { text: `${incident.place || "—"} (${precisionLabel(incident.place_precision) || "—"}) ${incident.country || ""}` }),
    el("dt", { text: t("type") }),
    el("dd", { text: `${eventTypeLabel(incident.event_type)}${incident.acled ? ` — ACLED: ${incident.acled.event_type} / ${incident.acled.sub_event_type}` : ""}` }),
    el("dt", { text: t("killed") }),
    el("dd", { text: fmtFigure(incident.killed) }),
    el("dt", { text: t("injured") }),
    el("dd", { text: fmtFigure(incident.injured) }),
    el("dt", { text: t("documents") }),
    el("dd", { text: String(incident.documents) }),
  );
  const mapBox = el("div", { id: "incident-map" });
  const parts = [
    retiredNote,
    el("div", { className: "incident-head" }, panel(null, el("p", { className: "key", text: incident.key }), facts), panel(null, mapBox)),
    claims.assessed ? panel(t("claims"), el("p", { className: "hint", text: t("claims_hint") }), claimsTable(claims)) : null,
    claims.assessed ? panel(t("figures"), figuresTable(claims)) : null,
    claims.assessed ? panel(t("explanations"), explanations(claims)) : null,
    panel(
      t("review"),
      flashIn("review", incident.key),
      notesList(claims),
      retired ? noActions() : reviewPanel(claims, user, { key: incident.key, documents: incident.sources, evidence, saved }),
    ),
    panel(t("grouping"), flashIn("grouping", incident.key), groupingPanel(incident, user, { saved, retired }), retired ? noActions() : null),
    panel(t("canonical"), canonicalTable(incident)),
    panel(t("statements"), statementsTable(incident)),
    panel(t("sources"), flashIn("sources", incident.key), sourcesTable(incident), retired ? null : affiliationPanel(incident, user, { saved })),
    panel(t("actors"), actorsList(incident)),
  ];
  main.append(...parts.filter(Boolean));
  if (incident.latitude !== null && incident.longitude !== null) {
    const map = baseMap(mapBox, { zoomControl: true });
    map.setView([incident.latitude, incident.longitude], 6);
    L.marker([incident.latitude, incident.longitude], {
      icon: L.divIcon({ className: markerClass(incident), iconSize: [16, 16], html: "" }),
      title: incident.place || "",
    }).addTo(map);
  } else {
    mapBox.append(el("p", { className: "muted", text: "—" }));
  }
  // Arriving with a span chosen on a document page: the correct form holds it.
  const correct = evidence && document.getElementById("correct");
  if (correct) {
    correct.scrollIntoView({ block: "center" });
    document.getElementById("correct-value").focus({ preventScroll: true });
  }
  document.body.dataset.state = "ready";
}

rerenderOn(render);
render();

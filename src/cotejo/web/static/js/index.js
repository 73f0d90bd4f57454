// The home page: filters, a clustered incident map, a timeline to brush a date range, and
// the incident list. The whole state lives in the URL (filters use the API's names).
/* global L */
import {
  api,
  clear,
  documentLink,
  el,
  eventTypeLabel,
  fmtDate,
  gradeBadge,
  gradeLabel,
  fmtFigure,
  field,
  header,
  incidentLink,
  markerClass,
  params,
  setParams,
  showError,
  sourceKindLabel,
  languageLabel,
  t,
  table,
} from "./common.js";
import { EVENT_TYPES, GRADES, LANGUAGES, SOURCE_KINDS } from "./i18n.js";
import { baseMap } from "./map.js";

const FILTERS = ["date_from", "date_to", "country", "event_type", "grade", "language", "source_kind", "actor"];
const PAGE = 500; // rows per API page
const MAP_CAP = 5000; // markers fetched for the map
const LIST_STEP = 100; // rows the list shows per "show more"
const SVG = "http://www.w3.org/2000/svg";

let map = null;
let cluster = null;
let loaded = { items: [], cursor: null };
let listShown = LIST_STEP;
let generation = 0; // drops answers to superseded requests

function filterQuery({ dates = true } = {}) {
  const p = params();
  const query = {};
  for (const name of FILTERS) if (p.get(name)) query[name] = p.get(name);
  if (p.get("bbox")) query.bbox = p.get("bbox");
  if (!dates) {
    delete query.date_from;
    delete query.date_to;
  }
  return query;
}

// -- filters ----------------------------------------------------------------------------

function select(name, options, labelOf) {
  const current = params().get(name) || "";
  const node = el("select", { name, id: "f-" + name });
  node.append(el("option", { value: "" }, t("any")));
  for (const value of options) {
    const option = el("option", { value }, labelOf(value));
    if (value === current) option.selected = true;
    node.append(option);
  }
  return node;
}

// A filter's control, labelled with the filter's name.
function filter(name, control) {
  return field("f-" + name, t(name), control);
}

function renderFilters() {
  const box = clear(document.getElementById("filters"));
  const p = params();
  const input = (name, type, extra = {}) =>
    el("input", { name, id: "f-" + name, type, value: p.get(name) || "", ...extra });
  const form = el(
    "form",
    { className: "filters", id: "filter-form" },
    filter("date_from", input("date_from", "date")),
    filter("date_to", input("date_to", "date")),
    filter("country", input("country", "text", { maxlength: "40", placeholder: "VE,CO" })),
    filter("event_type", select("event_type", Object.keys(EVENT_TYPES), eventTypeLabel)),
    filter("grade", select("grade", [...Object.keys(GRADES), "ungraded"], gradeLabel)),
    filter("language", select("language", Object.keys(LANGUAGES), languageLabel)),
    filter("source_kind", select("source_kind", Object.keys(SOURCE_KINDS), sourceKindLabel)),
    filter("actor", input("actor", "text", { maxlength: "200" })),
    el(
      "label",
      { className: "field check", for: "f-area" },
      el("input", { type: "checkbox", id: "f-area", name: "area", checked: p.get("bbox") ? "checked" : null }),
      el("span", { text: t("map_area") }),
    ),
    el(
      "div",
      { className: "buttons" },
      el("button", { type: "submit", id: "apply" }, t("apply")),
      el("button", { type: "button", id: "reset", onclick: () => navigate(Object.fromEntries([...FILTERS, "bbox"].map((f) => [f, null]))) }, t("reset")),
    ),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const changes = {};
    for (const name of FILTERS) changes[name] = (data.get(name) || "").trim();
    changes.bbox = data.get("area") && map ? boundsParam() : null;
    navigate(changes);
  });
  box.append(el("h2", { id: "filters-title", text: t("filters") }), form);
}

function boundsParam() {
  const b = map.getBounds();
  const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
  return [
    clamp(b.getWest(), -180, 180),
    clamp(b.getSouth(), -90, 90),
    clamp(b.getEast(), -180, 180),
    clamp(b.getNorth(), -90, 90),
  ]
    .map((v) => v.toFixed(4))
    .join(",");
}

function navigate(changes) {
  setParams(changes);
  update({ incidents: true });
}

// -- map --------------------------------------------------------------------------------

function popup(incident) {
  return el(
    "div",
    { className: "popup" },
    incidentLink(incident.key, eventTypeLabel(incident.event_type), { className: "popup-title" }),
    el("div", { text: `${fmtDate(incident.date)} · ${incident.place || "—"}` }),
    el("div", {}, gradeBadge(incident.grade, incident.acknowledged)),
    el("div", { text: `${t("killed")}: ${fmtFigure(incident.killed)} · ${t("documents")}: ${incident.documents}` }),
  );
}

function renderMap(items) {
  if (!map) {
    map = baseMap("map");
    const view = (params().get("view") || "").split("/").map(Number);
    if (view.length === 3 && view.every(Number.isFinite)) map.setView([view[1], view[2]], view[0]);
    map.on("moveend", () => {
      const c = map.getCenter();
      setParams({ view: `${map.getZoom()}/${c.lat.toFixed(3)}/${c.lng.toFixed(3)}` }, { push: false });
    });
  }
  if (cluster) map.removeLayer(cluster);
  cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40, iconCreateFunction: clusterIcon });
  const points = [];
  for (const incident of items) {
    if (incident.latitude === null || incident.longitude === null) continue;
    const marker = L.marker([incident.latitude, incident.longitude], {
      icon: L.divIcon({ className: markerClass(incident), iconSize: [16, 16], html: "" }),
      title: `${eventTypeLabel(incident.event_type)} — ${incident.place || ""}`,
      keyboard: true,
    });
    marker.bindPopup(() => popup(incident));
    marker.incidentKey = incident.key;
    marker.incidentGrade = incident.grade;
    cluster.addLayer(marker);
    points.push([incident.latitude, incident.longitude]);
  }
  map.addLayer(cluster);
  if (!params().get("view") && points.length) {
    map.fitBounds(L.latLngBounds(points).pad(0.3), { maxZoom: 6 });
  }
  document.getElementById("map").dataset.markers = String(points.length);
  renderLegend();
}

// What the marker colours mean, in the page's language.
function renderLegend() {
  const box = clear(document.getElementById("legend"));
  box.append(el("span", { className: "legend-title", text: t("legend") + ":" }));
  for (const grade of [...Object.keys(GRADES), null]) {
    box.append(
      el("span", { className: "legend-item" }, el("span", { className: markerClass({ grade }) + " dot", "aria-hidden": "true" }), gradeLabel(grade)),
    );
  }
  box.append(el("span", { className: "legend-note muted", text: "(" + t("legend_clusters") + ")" }));
}

// A cluster takes the colour of the weakest grade among its incidents (refuted first), so a
// doubtful incident is never hidden inside a green bubble; ungraded ones count last.
const WEAKEST_FIRST = ["refuted", "contested", "single-origin", "corroborated"];

function clusterIcon(group) {
  const grades = new Set(group.getAllChildMarkers().map((m) => m.incidentGrade));
  const weakest = WEAKEST_FIRST.find((g) => grades.has(g)) || "none";
  const count = group.getChildCount();
  // An element, not an HTML string: Leaflet appends it as it is.
  return L.divIcon({
    className: `mk-cluster g-${weakest}`,
    html: el("span", { text: String(count) }),
    iconSize: [30, 30],
  });
}

// -- timeline ---------------------------------------------------------------------------

const DAY = 86400000;
const BUCKET_DAYS = { day: 1, week: 7, month: 31 };

function iso(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

function renderTimeline(data) {
  const box = clear(document.getElementById("timeline"));
  const p = params();
  const from = p.get("date_from");
  const to = p.get("date_to");
  const head = el("div", { className: "panel-head" }, el("h2", { text: t("timeline") }));
  if (from || to) {
    head.append(
      el("span", { className: "range", text: `${from || "…"} – ${to || "…"}` }),
      el("button", { type: "button", id: "clear-range", onclick: () => navigate({ date_from: null, date_to: null }) }, t("clear_range")),
    );
  }
  box.append(head);
  if (!data.buckets.length) {
    box.append(el("p", { className: "muted", text: t("none") }));
    return;
  }
  const width = Math.max(320, box.clientWidth - 24);
  const height = 120;
  const pad = { left: 12, right: 12, top: 8, bottom: 22 };
  const starts = data.buckets.map((b) => Date.parse(b.start));
  const span = BUCKET_DAYS[data.bucket] * DAY;
  const lo = Math.min(...starts);
  const hi = Math.max(...starts) + span;
  const inner = width - pad.left - pad.right;
  const x = (ms) => pad.left + ((ms - lo) / (hi - lo)) * inner;
  const invert = (px) => lo + ((Math.min(Math.max(px, pad.left), width - pad.right) - pad.left) / inner) * (hi - lo);
  const top = Math.max(...data.buckets.map((b) => b.count));
  const chart = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, class: "histogram", role: "img", "aria-label": t("timeline") });
  const fromMs = from ? Date.parse(from) : -Infinity;
  const toMs = to ? Date.parse(to) : Infinity;
  for (const bucket of data.buckets) {
    const start = Date.parse(bucket.start);
    const h = ((height - pad.top - pad.bottom) * bucket.count) / top;
    const inRange = start + span - DAY >= fromMs && start <= toMs;
    const bar = svg("rect", {
      x: x(start) + 0.5,
      y: height - pad.bottom - h,
      width: Math.max(1.5, x(start + span) - x(start) - 1),
      height: h,
      class: "bar" + (inRange ? " in" : ""),
    });
    const title = svg("title");
    title.textContent = `${bucket.start}: ${bucket.count}`;
    bar.append(title);
    chart.append(bar);
  }
  for (const [ms, anchor] of [[lo, "start"], [hi - DAY, "end"]]) {
    const label = svg("text", { x: anchor === "start" ? pad.left : width - pad.right, y: height - 6, "text-anchor": anchor, class: "axis" });
    label.textContent = iso(ms);
    chart.append(label);
  }
  if (from || to) {
    const a = x(Math.max(lo, from ? fromMs : lo));
    const b = x(Math.min(hi, to ? toMs + DAY : hi));
    chart.append(svg("rect", { x: a, y: pad.top, width: Math.max(1, b - a), height: height - pad.top - pad.bottom, class: "selection" }));
  }
  const brush = svg("rect", { x: 0, y: pad.top, width: 0, height: height - pad.top - pad.bottom, class: "brush" });
  chart.append(brush);
  let startX = null;
  const localX = (event) => event.clientX - chart.getBoundingClientRect().left;
  chart.addEventListener("pointerdown", (event) => {
    startX = localX(event);
    chart.setPointerCapture(event.pointerId);
    brush.setAttribute("x", startX);
    brush.setAttribute("width", 0);
  });
  chart.addEventListener("pointermove", (event) => {
    if (startX === null) return;
    const now = localX(event);
    brush.setAttribute("x", Math.min(startX, now));
    brush.setAttribute("width", Math.abs(now - startX));
  });
  chart.addEventListener("pointerup", (event) => {
    if (startX === null) return;
    const end = localX(event);
    const [a, b] = [Math.min(startX, end), Math.max(startX, end)];
    startX = null;
    if (b - a < 3) {
      brush.setAttribute("width", 0);
      return;
    }
    navigate({ date_from: iso(invert(a)), date_to: iso(invert(b)) });
  });
  box.append(chart, el("p", { className: "hint", text: t("brush_hint") + (data.undated ? " " + t("undated", { n: data.undated }) + "." : "") }));
}

// -- list -------------------------------------------------------------------------------

function renderList() {
  const box = clear(document.getElementById("list"));
  const items = loaded.items;
  const more = loaded.cursor ? "+" : "";
  box.append(
    el("div", { className: "panel-head" }, el("h2", { text: t("list") }), el("span", { id: "count", className: "count", text: t("shown", { n: items.length + more }) })),
  );
  if (!items.length) {
    box.append(el("p", { className: "muted", text: t("none") }));
    return;
  }
  const rows = items.slice(0, listShown).map((incident) =>
    el(
      "tr",
      { dataset: { key: incident.key } },
      el("td", { text: fmtDate(incident.date) }),
      el("td", {}, el("span", { className: markerClass(incident) + " dot", "aria-hidden": "true" }), incidentLink(incident.key, eventTypeLabel(incident.event_type))),
      el("td", { text: incident.place || "—" }),
      el("td", { text: incident.country || "—" }),
      el("td", { className: "num", text: fmtFigure(incident.killed) }),
      el("td", { className: "num", text: fmtFigure(incident.injured) }),
      el("td", { className: "num", text: String(incident.documents) }),
      el("td", {}, gradeBadge(incident.grade, incident.acknowledged)),
    ),
  );
  const headers = ["date", "type", "place", "country_short", "killed", "injured", "documents", "grade"].map((k) => t(k));
  box.append(table(headers, rows, { className: "incidents" }));
  if (items.length > listShown || loaded.cursor) {
    box.append(
      el("button", {
        type: "button",
        id: "more",
        onclick: async () => {
          listShown += LIST_STEP;
          if (listShown > loaded.items.length && loaded.cursor) await loadPage(generation, true);
          renderList();
        },
      }, t("more")),
    );
  }
}

// -- document search --------------------------------------------------------------------

function snippet(pieces) {
  // The API splits a snippet into pieces; hits become <mark> elements, all of it text.
  return el("div", { className: "snippet" }, ...pieces.map((p) => (p.hit ? el("mark", {}, p.text) : p.text)));
}

// The search box and the hits of the last search (`hits`), drawn from what is loaded.
function renderSearch() {
  const box = clear(document.getElementById("search"));
  const q = params().get("q") || "";
  const input = el("input", { type: "search", name: "q", id: "q", value: q, maxlength: "500" });
  const form = el(
    "form",
    { className: "search-form", role: "search" },
    el("label", { for: "q", text: t("search") }),
    input,
    el("button", { type: "submit" }, t("search_go")),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    setParams({ q: input.value.trim() || null });
    update({ search: true });
  });
  box.append(el("h2", { text: t("search") }), form);
  if (!hits || !hits.q) return;
  const results = el("ol", { className: "hits", id: "hits" });
  box.append(results);
  if (hits.error) {
    showError(box, hits.error);
    return;
  }
  if (!hits.page.items.length) results.append(el("li", { className: "muted", text: t("no_hits") }));
  for (const hit of hits.page.items) {
    results.append(
      el(
        "li",
        {},
        documentLink({ document: hit.sha256 }, hit.title || hit.sha256.slice(0, 16) + "…"),
        el("span", { className: "muted", text: ` — ${hit.source} (${sourceKindLabel(hit.source_kind)}), ${languageLabel(hit.language)}, ${fmtDate(hit.published_at)}` }),
        snippet(hit.snippet),
      ),
    );
  }
}

// -- loading ----------------------------------------------------------------------------

async function loadPage(gen, append) {
  const page = await api("/api/incidents", { ...filterQuery(), limit: PAGE, cursor: append ? loaded.cursor : null });
  if (gen !== generation) return false;
  loaded = { items: append ? loaded.items.concat(page.items) : page.items, cursor: page.next_cursor };
  return true;
}

// The incidents and the timeline depend on the filters, the hits on `q` alone, and none of
// them on the language: an update fetches only what changed (`incidents`, `search`) or
// draws again from what is loaded (`redraw`, for the language switch). What a superseded
// update did not finish stays to do for the next one.
const todo = { incidents: false, search: false, redraw: false };
let timeline = null; // the last GET /api/incidents/timeline
let hits = null; // the last search: {q, page} or {q, error}

async function loadIncidents(gen) {
  const histogram = api("/api/incidents/timeline", filterQuery({ dates: false }));
  if (!(await loadPage(gen, false))) return false;
  while (loaded.cursor && loaded.items.length < MAP_CAP) {
    if (!(await loadPage(gen, true))) return false;
  }
  const data = await histogram;
  if (gen !== generation) return false;
  timeline = data;
  return true;
}

async function loadSearch() {
  const q = params().get("q") || "";
  if (!q) return { q, page: null };
  try {
    return { q, page: await api("/api/search", { q, limit: 20 }) };
  } catch (error) {
    return { q, error }; // shown in the search box; the rest of the page stands
  }
}

async function update(changes) {
  for (const [name, value] of Object.entries(changes)) todo[name] = todo[name] || value;
  const gen = ++generation;
  if (todo.incidents) listShown = LIST_STEP;
  if (todo.incidents || todo.redraw) renderFilters();
  document.body.dataset.state = "loading";
  try {
    const [current, found] = await Promise.all([todo.incidents ? loadIncidents(gen) : true, todo.search ? loadSearch() : hits]);
    if (!current || gen !== generation) return;
    hits = found;
    if (todo.incidents || todo.redraw) {
      renderMap(loaded.items);
      renderTimeline(timeline);
      renderList();
    }
    if (todo.search || todo.redraw) renderSearch();
    Object.assign(todo, { incidents: false, search: false, redraw: false });
    document.body.dataset.state = "ready";
  } catch (err) {
    if (gen !== generation) return;
    const box = clear(document.getElementById("list"));
    showError(box, err);
    document.body.dataset.state = "error";
  }
}

function render(changes) {
  header(null);
  document.title = `cotejo — ${t("incidents")}`;
  update(changes);
}

// Back/forward may change the filters and `q`; signing in or out fetches everything again.
const everything = { incidents: true, search: true };
window.addEventListener("popstate", () => render(everything));
window.addEventListener("cotejo:account", () => render(everything));
window.addEventListener("cotejo:lang", () => render({ redraw: true }));
render(everything);

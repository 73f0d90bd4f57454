// The audit trail of one incident, oldest first: its creation, grouping decisions,
// assessments, review actions (author, rationale, before and after, the entry's hash) and
// flags. Everything a person typed is shown as text.
import { api, attributeLabel, clear, documentLink, el, gradeLabel, header, incidentLink, langQuery, params, rerenderOn, showError, t } from "./common.js";

function what(item) {
  const text = item.what;
  if (text === "created") return t("h_created");
  if (text === "retired") return t("h_retired");
  if (text === "assessed") return `${t("h_assessed")}: ${gradeLabel(item.detail.headline)}`;
  if (text.startsWith("flagged for review: ")) return `${t("h_flagged")}: ${attributeLabel(text.slice(20))}`;
  if (text.startsWith("resolve decision: ")) return `${t("h_resolve")}: ${text.slice(18)}`;
  if (text.startsWith("review: ")) {
    const [action, attribute] = text.slice(8).split(" ");
    const label = t("act_" + action);
    return (label === "act_" + action ? action : label) + (attribute ? ` — ${attributeLabel(attribute)}` : "");
  }
  return text;
}

function detail(item, key) {
  const d = item.detail || {};
  if (item.what.startsWith("review: ")) {
    const after = d.after || {};
    const parts = [];
    if (after.grade) parts.push(`${gradeLabel(d.before && d.before.machine_grade)} → ${gradeLabel(after.grade)}`);
    if (after.value) parts.push(`${(d.before && (d.before.value || d.before.machine_value)) ?? "—"} → ${after.value}`);
    if (after.note) parts.push(after.note);
    if (after.incidents) parts.push(after.incidents.join(", "));
    return el(
      "div",
      {},
      ...parts.map((p) => el("div", { text: p })),
      after.evidence ? evidence(after.evidence, key) : null,
      el("code", { className: "hash", title: "SHA-256", text: `#${d.entry} ${String(d.hash).slice(0, 16)}…` }),
    );
  }
  if (item.what.startsWith("resolve decision: ")) {
    const made = d.new || d.into;
    return made ? el("div", {}, `${t(d.new ? "new_incident" : "merged_into")} `, incidentLink(made, made)) : el("div", { className: "muted", text: "" });
  }
  if (item.what === "assessed") {
    return el("div", { className: "muted", text: Object.entries(d.grades || {}).map(([a, g]) => `${attributeLabel(a)}: ${gradeLabel(g)}`).join(" · ") });
  }
  if (item.what.startsWith("flagged")) return el("div", { text: `${d.person} ≠ ${d.machine}` });
  return el("div", { className: "muted", text: "" });
}

// A correction's evidence: the passage, and a link to it highlighted in its document.
function evidence(span, key) {
  return el(
    "div",
    { className: "evidence", dataset: { document: span.document, start: String(span.start), end: String(span.end), field: span.field } },
    documentLink(span, `${t("evidence")}: ${span.document.slice(0, 12)}… ${t("field_" + span.field)} ${span.start}–${span.end}`, { className: "evidence-link", incident: key }),
    el("q", { className: "quote", text: span.text }),
  );
}

async function render() {
  header(t("history"));
  const main = clear(document.getElementById("main"));
  const key = params().get("key") || "";
  main.append(el("p", {}, el("a", { href: "/?" + langQuery(), text: "← " + t("back") })));
  let items;
  try {
    items = await api(`/api/incidents/${encodeURIComponent(key)}/history`);
  } catch (err) {
    showError(main, err);
    document.body.dataset.state = "error";
    return;
  }
  document.title = `cotejo — ${t("history")} ${key}`;
  header(`${t("history_of")} — ${key}`);
  const rows = items.map((item) =>
    el(
      "tr",
      { className: item.what.startsWith("review: ") ? "review-entry" : "" },
      el("td", { className: "when", text: String(item.at).slice(0, 19).replace("T", " ") }),
      el("td", { className: "what", text: what(item) }),
      el("td", { className: "by", text: item.by }),
      el("td", { className: "rationale", text: item.rationale || "" }),
      el("td", {}, detail(item, key)),
    ),
  );
  main.append(
    el(
      "section",
      { className: "panel" },
      el("p", {}, incidentLink(key, `${t("incident")} ${key}`)),
      items.length
        ? el(
            "table",
            { id: "history" },
            el("thead", {}, el("tr", {}, ...[t("when"), t("what"), t("by"), t("rationale"), t("details")].map((h) => el("th", { scope: "col", text: h })))),
            el("tbody", {}, ...rows),
          )
        : el("p", { className: "muted", text: t("no_history") }),
    ),
  );
  document.body.dataset.state = "ready";
}

rerenderOn(render);
render();

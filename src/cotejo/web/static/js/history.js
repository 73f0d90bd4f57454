// The audit trail of one incident, oldest first: its creation, grouping decisions,
// assessments, review actions (author, rationale, before and after, the entry's hash) and
// flags. Everything a person typed is shown as text.
import { api, attributeLabel, clear, documentLink, el, gradeLabel, header, incidentLink, langQuery, panel, params, rerenderOn, showError, t, table } from "./common.js";

// Labels come from the item's kind, action and attribute, never from its English `what`.
function actionLabel(action) {
  const label = t("act_" + action);
  return label === "act_" + action ? action : label;
}

function what(item) {
  switch (item.kind) {
    case "created":
      return t("h_created");
    case "retired":
      return t("h_retired");
    case "assessed":
      return `${t("h_assessed")}: ${gradeLabel(item.detail.headline)}`;
    case "flagged":
      return item.attribute ? `${t("h_flagged")}: ${attributeLabel(item.attribute)}` : t("h_flagged");
    case "resolve":
      return `${t("h_resolve")}: ${item.action}`;
    case "review":
      return actionLabel(item.action) + (item.attribute ? ` — ${attributeLabel(item.attribute)}` : "");
    default:
      return item.what;
  }
}

function detail(item, key) {
  const d = item.detail || {};
  if (item.kind === "review") {
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
  if (item.kind === "resolve") {
    const made = d.new || d.into;
    return made ? el("div", {}, `${t(d.new ? "new_incident" : "merged_into")} `, incidentLink(made, made)) : el("div", { className: "muted", text: "" });
  }
  if (item.kind === "assessed") {
    return el("div", { className: "muted", text: Object.entries(d.grades || {}).map(([a, g]) => `${attributeLabel(a)}: ${gradeLabel(g)}`).join(" · ") });
  }
  if (item.kind === "flagged") return el("div", { text: `${d.person} ≠ ${d.machine}` });
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
      { className: item.kind === "review" ? "review-entry" : "" },
      el("td", { className: "when", text: String(item.at).slice(0, 19).replace("T", " ") }),
      el("td", { className: "what", text: what(item) }),
      el("td", { className: "by", text: item.by }),
      el("td", { className: "rationale", text: item.rationale || "" }),
      el("td", {}, detail(item, key)),
    ),
  );
  main.append(
    panel(
      null,
      el("p", {}, incidentLink(key, `${t("incident")} ${key}`)),
      items.length ? table([t("when"), t("what"), t("by"), t("rationale"), t("details")], rows, { id: "history" }) : el("p", { className: "muted", text: t("no_history") }),
    ),
  );
  document.body.dataset.state = "ready";
}

rerenderOn(render);
render();

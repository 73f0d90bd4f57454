// The graded side of an incident page: the claims table (attribute × origin), official next
// to independent figures, each attribute's grade with its reasons and people's decisions,
// and the review actions for a user with the role. Built from GET /api/incidents/KEY/claims.
import {
  attributeLabel,
  can,
  clear,
  documentLink,
  el,
  gradeBadge,
  gradeLabel,
  lang,
  send,
  showError,
  sourceKindLabel,
  t,
} from "./common.js";
import { GRADES } from "./i18n.js";

const KIND_ORDER = ["official", "court", "ngo", "media", "social", "witness", "publisher", "unknown"];

function valueText(attribute, reading) {
  return attribute === "occurrence" ? t("says_so") : reading.value;
}

function range(found) {
  if (!found) return "—";
  if (found.high === null || found.high === undefined) return `${found.low}+`;
  return found.low === found.high ? String(found.low) : `${found.low}–${found.high}`;
}

// Origins across every attribute, the acting party first, then officials, then the rest by
// how much they say.
function originRows(attributes) {
  const rows = new Map();
  const row = (origin) => {
    const id = JSON.stringify([origin.origin, origin.kind]);
    if (!rows.has(id)) rows.set(id, { origin, responsible: false, cells: new Map() });
    const found = rows.get(id);
    found.responsible = found.responsible || origin.responsible;
    return found;
  };
  for (const attribute of attributes) {
    for (const reading of attribute.readings) {
      for (const origin of reading.origins) {
        const found = row(origin);
        if (!found.cells.has(attribute.attribute)) found.cells.set(attribute.attribute, []);
        found.cells.get(attribute.attribute).push({ reading, origin, denies: false });
      }
      for (const origin of reading.denied_by) {
        const found = row(origin);
        if (!found.cells.has(attribute.attribute)) found.cells.set(attribute.attribute, []);
        found.cells.get(attribute.attribute).push({ reading, origin, denies: true });
      }
    }
  }
  const rank = (kind) => (KIND_ORDER.indexOf(kind) === -1 ? KIND_ORDER.length : KIND_ORDER.indexOf(kind));
  return [...rows.values()].sort(
    (a, b) =>
      Number(b.responsible) - Number(a.responsible) ||
      rank(a.origin.kind) - rank(b.origin.kind) ||
      b.cells.size - a.cells.size ||
      a.origin.origin.localeCompare(b.origin.origin),
  );
}

function claimCell(attribute, entries) {
  if (!entries || !entries.length) return el("td", { className: "empty", text: "" });
  return el(
    "td",
    {},
    ...entries.map(({ reading, origin, denies }) => {
      const span = origin.spans && origin.spans[0];
      const label = valueText(attribute, reading);
      const link = span ? documentLink(span, label, { className: "claim-link" }) : el("span", { text: label });
      const n = origin.documents.length;
      const count = n > 1 ? el("span", { className: "muted count", title: t("n_documents", { n }), text: ` ·${n}` }) : null;
      if (denies) return el("div", { className: "claim denial" }, el("span", { className: "stance", text: t("denies") + " " }), link, count);
      return el(
        "div",
        { className: "claim" },
        link,
        count,
        " ",
        el("span", { className: "chip " + (reading.grade ? "g-" + reading.grade : "ungraded"), text: gradeLabel(reading.grade) }),
        reading.weak_basis ? el("span", { className: "chip weak", text: "WEAK BASIS" }) : null,
      );
    }),
  );
}

export function claimsTable(claims) {
  const attributes = claims.attributes.filter((a) => a.readings.length);
  const head = el(
    "tr",
    {},
    el("th", { scope: "col", text: t("origin") }),
    ...attributes.map((a) =>
      el(
        "th",
        { scope: "col", dataset: { attribute: a.attribute } },
        el("div", { text: attributeLabel(a.attribute) }),
        gradeBadge(a.grade, a.acknowledged, { className: "grade small " + (a.grade ? "g-" + a.grade : "ungraded") }),
      ),
    ),
  );
  const body = originRows(attributes).map((row) =>
    el(
      "tr",
      { className: row.responsible ? "acting" : "" },
      el(
        "th",
        { scope: "row" },
        el("div", { className: "origin-name", text: row.origin.origin }),
        el("div", { className: "muted", text: sourceKindLabel(row.origin.kind) + (row.responsible ? ` · ${t("acting_party")}` : "") }),
      ),
      ...attributes.map((a) => claimCell(a.attribute, row.cells.get(a.attribute))),
    ),
  );
  return el(
    "div",
    { className: "scroll" },
    el("table", { className: "claims-table", id: "claims-table" }, el("thead", {}, head), el("tbody", {}, ...body)),
  );
}

export function figuresTable(claims) {
  if (!claims.figures.length) return el("p", { className: "muted", text: "—" });
  const rows = claims.figures.map((f) =>
    el(
      "tr",
      {},
      el("th", { scope: "row", text: attributeLabel(f.attribute) }),
      el("td", {}, el("strong", { text: range(f.acting_party) }), el("div", { className: "muted", text: f.acting_party ? f.acting_party.origins.join("; ") : "" })),
      el("td", {}, el("strong", { text: range(f.independent) }), el("div", { className: "muted", text: f.independent ? f.independent.origins.join("; ") : "" })),
    ),
  );
  return el(
    "table",
    { className: "figures-table" },
    el("thead", {}, el("tr", {}, el("th", { scope: "col", text: t("attribute") }), el("th", { scope: "col", text: t("official") }), el("th", { scope: "col", text: t("independent") }))),
    el("tbody", {}, ...rows),
  );
}

function decisionLine(decision) {
  return el("p", { className: "decision" }, t("decided_by", { action: t("act_" + decision.action), by: decision.by, why: decision.rationale || "" }), ` (${decision.value})`);
}

export function explanations(claims) {
  const list = el("div", { className: "explanations" });
  for (const a of claims.attributes) {
    const item = el(
      "div",
      { className: "explanation", dataset: { attribute: a.attribute } },
      el("h3", {}, attributeLabel(a.attribute), " ", gradeBadge(a.grade, a.acknowledged)),
    );
    if (a.regrade) {
      item.append(
        el("p", { className: "regrade" }, t("regraded_by", { by: a.regrade.by, why: a.regrade.rationale || "" }), el("span", { className: "muted", text: ` — ${t("machine_grade", { grade: gradeLabel(a.machine_grade) })}` })),
      );
    }
    if (a.decision) item.append(decisionLine(a.decision));
    for (const flag of a.flags) {
      item.append(el("p", { className: "flag", role: "note", text: t("flagged", { human: flag.human_value, machine: `${flag.machine_value} (${gradeLabel(flag.machine_grade)})` }) }));
    }
    // The rule that fired, then (folded) every origin behind every value.
    const cut = a.explanation.indexOf(". ");
    if (cut === -1) item.append(el("p", { className: "because", text: a.explanation }));
    else {
      item.append(
        el("details", { className: "because" }, el("summary", { text: a.explanation.slice(0, cut + 1) }), el("p", { text: a.explanation.slice(cut + 2) })),
      );
    }
    list.append(item);
  }
  return list;
}

export function notesList(claims) {
  if (!claims.notes || !claims.notes.length) return null;
  return el(
    "ul",
    { className: "notes", id: "notes" },
    ...claims.notes.map((n) => el("li", {}, el("strong", { text: n.by }), el("span", { className: "muted", text: ` ${String(n.at).slice(0, 16).replace("T", " ")}` }), ": ", n.note)),
  );
}

// -- review actions -------------------------------------------------------------------------

function field(id, label, control) {
  return el("label", { className: "field", for: id }, el("span", { text: label }), control);
}

function attributeSelect(id, attributes, { whole = false } = {}) {
  const select = el("select", { id, name: "attribute" });
  if (whole) select.append(el("option", { value: "" }, t("whole_incident")));
  for (const a of attributes) select.append(el("option", { value: a }, attributeLabel(a)));
  return select;
}

function form(id, title, controls, submitLabel, onSubmit) {
  const status = el("div", { className: "form-status", role: "status" });
  const node = el("form", { className: "review-form", id }, el("h3", { text: title }), ...controls, el("div", { className: "buttons" }, el("button", { type: "submit", id: id + "-submit" }, submitLabel)), status);
  node.addEventListener("submit", async (event) => {
    event.preventDefault();
    clear(status);
    const button = node.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      const result = await onSubmit(new FormData(node));
      await onSaved(result);
    } catch (err) {
      showError(status, err);
      button.disabled = false;
    }
  });
  return node;
}

let onSaved = async () => {};

// The review panel: what the signed-in user's role allows, else how to get it.
export function reviewPanel(claims, user, key, saved) {
  onSaved = saved;
  const box = el("div", { className: "review", id: "review" });
  if (!can(user, "analyst")) {
    const next = window.location.pathname + window.location.search;
    box.append(
      el("p", { className: "muted", id: "review-needs-role" }, t("needs_role"), " ", user ? null : el("a", { href: `/login?${new URLSearchParams({ next, lang: lang() })}` }, t("sign_in"))),
    );
    return box;
  }
  box.append(el("p", { className: "hint", text: t("review_hint") }));
  const attributes = claims.attributes.map((a) => a.attribute);
  const url = (action) => `/api/incidents/${encodeURIComponent(key)}/${action}`;
  const forms = el("div", { className: "review-forms" });
  if (can(user, "reviewer") && claims.assessed) {
    const grades = el("select", { id: "regrade-grade", name: "grade" }, ...Object.keys(GRADES).map((g) => el("option", { value: g }, gradeLabel(g))));
    forms.append(
      form(
        "regrade",
        t("regrade"),
        [
          field("regrade-attribute", t("attribute"), attributeSelect("regrade-attribute", attributes)),
          field("regrade-grade", t("new_grade"), grades),
          field("regrade-rationale", t("rationale"), el("textarea", { id: "regrade-rationale", name: "rationale", required: "required", maxlength: "5000", rows: "3" })),
        ],
        t("regrade"),
        (data) => send("POST", url("regrade"), { attribute: data.get("attribute"), grade: data.get("grade"), rationale: data.get("rationale") }),
      ),
    );
  }
  if (claims.assessed) {
    forms.append(
      form(
        "confirm",
        t("confirm"),
        [
          field("confirm-attribute", t("attribute"), attributeSelect("confirm-attribute", attributes)),
          field("confirm-value", t("value_optional"), el("input", { id: "confirm-value", name: "value", type: "text", maxlength: "2000" })),
          field("confirm-rationale", t("rationale"), el("textarea", { id: "confirm-rationale", name: "rationale", required: "required", maxlength: "5000", rows: "3" })),
        ],
        t("confirm"),
        (data) => send("POST", url("confirm"), { attribute: data.get("attribute"), value: data.get("value") || null, rationale: data.get("rationale") }),
      ),
    );
  }
  forms.append(
    form(
      "annotate",
      t("annotate"),
      [
        field("annotate-attribute", t("attribute"), attributeSelect("annotate-attribute", attributes, { whole: true })),
        field("annotate-note", t("note"), el("textarea", { id: "annotate-note", name: "note", required: "required", maxlength: "5000", rows: "3" })),
      ],
      t("annotate"),
      (data) => send("POST", url("annotate"), { note: data.get("note"), attribute: data.get("attribute") || null }),
    ),
  );
  box.append(forms);
  return box;
}

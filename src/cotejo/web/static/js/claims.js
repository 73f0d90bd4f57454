// The graded side of an incident page: the claims table (attribute × origin), official next
// to independent figures, each attribute's grade with its reasons and people's decisions.
// Built from GET /api/incidents/KEY/claims; the review actions are in forms.js.
import { attributeLabel, documentLink, el, gradeBadge, gradeClass, gradeLabel, sourceKindLabel, t, table } from "./common.js";

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

function claimCell(key, attribute, entries) {
  if (!entries || !entries.length) return el("td", { className: "empty", text: "" });
  return el(
    "td",
    {},
    ...entries.map(({ reading, origin, denies }) => {
      const span = origin.spans && origin.spans[0];
      const label = valueText(attribute, reading);
      const link = span ? documentLink(span, label, { className: "claim-link", incident: key }) : el("span", { text: label });
      const n = origin.documents.length;
      const count = n > 1 ? el("span", { className: "muted count", title: t("n_documents", { n }), text: ` ·${n}` }) : null;
      if (denies) return el("div", { className: "claim denial" }, el("span", { className: "stance", text: t("denies") + " " }), link, count);
      return el(
        "div",
        { className: "claim" },
        link,
        count,
        " ",
        el("span", { className: "chip " + gradeClass(reading.grade), text: gradeLabel(reading.grade) }),
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
        gradeBadge(a.grade, a.acknowledged, { className: "grade small " + gradeClass(a.grade) }),
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
      ...attributes.map((a) => claimCell(claims.incident, a.attribute, row.cells.get(a.attribute))),
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
  return table([t("attribute"), t("official"), t("independent")], rows, { className: "figures-table" });
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
